//===- MemoryModelTest.cpp - the seed's memory model, figure by figure ----===//
//
// The expected figures are those of the seed document the project started
// from (abi-memory-model), sections 1 to 6, transcribed here; the model
// computes them from its parameters.
//
//===----------------------------------------------------------------------===//

#include "analysis/MemoryModel.h"

#include <gtest/gtest.h>

using namespace snnc::memory;

namespace {
/// Equal to the last bits of a double: the figures are sums and quotients
/// of short decimals.
void expectClose(double actual, double expected) {
  EXPECT_NEAR(actual, expected, 1e-12 * expected);
}

Tables seedTables() { return computeTables(seedParameters()); }

/// One row of the seed's tables at one synapse count.
struct SeedRow {
  const char *type;
  double bytesPerSynapse, synapseBytes, rawBytes, typeFactor, totalFactor;
  const char *tb, *pb;      ///< section 3.1: TB and PB as printed
  const char *rawTB, *rawB; ///< section 5.x.1
  const char *finalGB;      ///< section 5.x.2
};

const SeedRow lowRows[] = {
    {"float32", 24, 2.4e15, 2.4086e15, 1.0, 1.0e6, "2400", "2.4", "2408.6",
     "2.4086 x 10^15", "2.41"},
    {"float16", 20, 2.0e15, 2.0086e15, 1.2, 1.2e6, "2000", "2.0", "2008.6",
     "2.0086 x 10^15", "1.67"},
    {"int8", 16, 1.6e15, 1.6086e15, 1.5, 1.5e6, "1600", "1.6", "1608.6",
     "1.6086 x 10^15", "1.07"},
    {"int4", 8, 0.8e15, 8.086e14, 3.0, 3.0e6, "800", "0.8", "808.6",
     "8.086 x 10^14", "0.27"},
    {"binary", 4, 0.4e15, 4.086e14, 6.0, 6.0e6, "400", "0.4", "408.6",
     "4.086 x 10^14", "0.07"},
};
const SeedRow highRows[] = {
    {"float32", 24, 2.4e16, 2.40086e16, 1.0, 1.0e6, "24000", "24", "24008.6",
     "2.40086 x 10^16", "24.01"},
    {"float16", 20, 2.0e16, 2.00086e16, 1.2, 1.2e6, "20000", "20", "20008.6",
     "2.00086 x 10^16", "16.67"},
    {"int8", 16, 1.6e16, 1.60086e16, 1.5, 1.5e6, "16000", "16", "16008.6",
     "1.60086 x 10^16", "10.67"},
    {"int4", 8, 0.8e16, 8.0086e15, 3.0, 3.0e6, "8000", "8", "8008.6",
     "8.0086 x 10^15", "2.67"},
    {"binary", 4, 0.4e16, 4.0086e15, 6.0, 6.0e6, "4000", "4", "4008.6",
     "4.0086 x 10^15", "0.67"},
};

void checkRows(const CountTables &counted, const SeedRow (&rows)[5],
               int pbDecimals) {
  ASSERT_EQ(counted.rows.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    const SeedRow &seed = rows[i];
    const TypeRow &row = counted.rows[i];
    SCOPED_TRACE(seed.type);
    EXPECT_EQ(row.type, seed.type);
    EXPECT_EQ(row.bytesPerSynapse, seed.bytesPerSynapse);
    expectClose(row.synapseBytes, seed.synapseBytes);
    expectClose(row.neuronBytes, 8.6e12);
    expectClose(row.rawBytes, seed.rawBytes);
    expectClose(row.typeFactor, seed.typeFactor);
    expectClose(row.totalFactor, seed.totalFactor);
    expectClose(row.finalBytes, seed.rawBytes / seed.totalFactor);
    EXPECT_EQ(formatFixed(row.synapseBytes / kTB, 0), seed.tb);
    EXPECT_EQ(formatFixed(row.synapseBytes / kPB, pbDecimals), seed.pb);
    EXPECT_EQ(formatExact(row.rawBytes / kTB), seed.rawTB);
    EXPECT_EQ(formatScientific(row.rawBytes), seed.rawB);
    EXPECT_EQ(formatFixed(row.finalBytes / kGB, 2), seed.finalGB);
  }
}
} // namespace

TEST(MemoryModel, SeedParameters) {
  const Parameters &p = seedParameters();
  std::string error;
  EXPECT_TRUE(verify(p, error)) << error;
  EXPECT_EQ(p.neurons, 8.6e10);
  EXPECT_EQ(p.bytesPerNeuron, 100);
  ASSERT_EQ(p.synapseCounts.size(), 2u);
  EXPECT_EQ(p.synapseCounts[0].count, 1e14);
  EXPECT_EQ(p.synapseCounts[1].count, 1e15);
  std::vector<std::pair<std::string, double>> types;
  for (const SynapseType &type : p.synapseTypes)
    types.push_back({type.name, type.bytes});
  EXPECT_EQ(types,
            (std::vector<std::pair<std::string, double>>{{"float32", 24},
                                                         {"float16", 20},
                                                         {"int8", 16},
                                                         {"int4", 8},
                                                         {"binary", 4}}));
  std::vector<double> factors;
  for (const CompressionFactor &factor : p.structural)
    factors.push_back(factor.factor);
  EXPECT_EQ(factors, (std::vector<double>{10, 10, 10, 10, 100}));
  EXPECT_EQ(p.lowBitReference, "float32");
}

// Section 1.4: the parts of a neuron add up to 88-96 B; the model uses the
// round 100 B. Section 1.5: M_neuron = 8.6 x 10^12 B = 8.6 TB.
TEST(MemoryModel, Neurons) {
  const Parameters &p = seedParameters();
  double low = 0, high = 0;
  for (const NeuronPart &part : p.neuronParts) {
    low += part.minBytes;
    high += part.maxBytes;
  }
  EXPECT_EQ(low, 88);
  EXPECT_EQ(high, 96);
  expectClose(neuronBytes(p), 8.6e12);
  EXPECT_EQ(formatExact(neuronBytes(p) / kTB), "8.6");
}

// Section 4: C_struct = 10 x 10 x 10 x 10 x 100 = 10^6, C_type = 24 / S_syn.
TEST(MemoryModel, CompressionFactors) {
  const Parameters &p = seedParameters();
  EXPECT_EQ(structuralFactor(p), 1e6);
  const char *printed[] = {"1.0", "1.2", "1.5", "3.0", "6.0"};
  for (size_t i = 0; i < p.synapseTypes.size(); ++i) {
    double factor = typeFactor(p, p.synapseTypes[i]);
    EXPECT_EQ(formatFixed(factor, 1), printed[i]);
    EXPECT_EQ(formatPower(structuralFactor(p) * factor, 6, 1),
              std::string(printed[i]) + " x 10^6");
  }
}

// Sections 3.1 and 5: every row at 10^14 and 10^15 synapses.
TEST(MemoryModel, TablesAtLowCount) {
  Tables tables = seedTables();
  ASSERT_EQ(tables.counts.size(), 2u);
  checkRows(tables.counts[0], lowRows, 1);
  EXPECT_EQ(formatPower(tables.counts[0].rows[3].synapseBytes, 15, 1),
            "0.8 x 10^15");
}

TEST(MemoryModel, TablesAtHighCount) {
  Tables tables = seedTables();
  ASSERT_EQ(tables.counts.size(), 2u);
  checkRows(tables.counts[1], highRows, 0);
  EXPECT_EQ(formatPower(tables.counts[1].rows[3].synapseBytes, 16, 1),
            "0.8 x 10^16");
}

// Section 3.2: float16 at 10^15 synapses, 8.6 TB + 20000 TB = 20008.6 TB,
// about 20 PB.
TEST(MemoryModel, RawExample) {
  Tables tables = seedTables();
  const TypeRow *row = findRow(tables.counts[1], "float16");
  ASSERT_TRUE(row);
  EXPECT_EQ(formatExact(row->rawBytes / kTB), "20008.6");
  EXPECT_EQ(formatFixed(row->rawBytes / kPB, 0), "20");
}

// Section 5.1.2: 2.0086 x 10^15 / 1.2 x 10^6 = 1.6738 x 10^9 B.
TEST(MemoryModel, FinalExample) {
  Tables tables = seedTables();
  const TypeRow *row = findRow(tables.counts[0], "float16");
  ASSERT_TRUE(row);
  EXPECT_NEAR(row->finalBytes, 1.6738e9, 0.00005e9);
}

// Section 6: int8 saves about 36% over float16 at either count.
TEST(MemoryModel, Saving) {
  Tables tables = seedTables();
  for (const CountTables &counted : tables.counts) {
    EXPECT_EQ(formatFixed(counted.saving * 100, 0), "36");
    expectClose(counted.saving,
                1 - findRow(counted, "int8")->finalBytes /
                        findRow(counted, "float16")->finalBytes);
  }
}

// The summaries of sections 5 and 6 as printed.
TEST(MemoryModel, Summaries) {
  std::string text = formatTables(seedTables());
  for (const char *line :
       {"    float16  ~1.7 GB\n", "    int8     ~1.1 GB\n",
        "    int4     ~0.27 GB (270 MB)\n", "    binary   ~0.07 GB (70 MB)\n",
        "    float16  ~16.7 GB\n", "    int8     ~10.7 GB\n",
        "    int4     ~2.7 GB\n", "  float16  ~1.7-16.7 GB\n",
        "  int8     ~1.1-10.7 GB\n"})
    EXPECT_NE(text.find(line), std::string::npos) << line;
}

TEST(MemoryModel, Rounding) {
  EXPECT_EQ(formatExact(2408.6000000000004), "2408.6");
  EXPECT_EQ(formatExact(24000), "24000");
  EXPECT_EQ(formatScientific(8.086e14), "8.086 x 10^14");
  EXPECT_EQ(formatScientific(1e15), "1 x 10^15");
  EXPECT_EQ(formatPower(2e15, 15, 1), "2.0 x 10^15");
  EXPECT_EQ(formatFixed(0.0681, 2), "0.07");
}

// The parameters are data: another model computes through the same
// functions.
TEST(MemoryModel, OtherParameters) {
  Parameters p = seedParameters();
  p.neurons = 1e6;
  p.synapseCounts = {{"small", 1e9}};
  p.structural = {{"sparse", 10, ""}};
  Tables tables = computeTables(p);
  const TypeRow *row = findRow(tables.counts[0], "int8");
  ASSERT_TRUE(row);
  expectClose(row->rawBytes, 1e8 + 16e9);
  expectClose(row->finalBytes, (1e8 + 16e9) / (10 * 1.5));
}

TEST(MemoryModel, VerifyRejects) {
  std::string error;
  Parameters p = seedParameters();
  p.compareTo = "int2";
  EXPECT_FALSE(verify(p, error));
  EXPECT_EQ(error, "no synapse type 'int2'");
  p = seedParameters();
  p.synapseTypes[2].bytes = 0;
  EXPECT_FALSE(verify(p, error));
  EXPECT_EQ(error, "synapse type 'int8' must take a positive size");
  p = seedParameters();
  p.neurons = -1;
  EXPECT_FALSE(verify(p, error));
}
