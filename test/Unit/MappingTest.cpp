//===- MappingTest.cpp - the partition and placement algorithms ------------===//

#include "passes/Mapping.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

using namespace snnc;
using namespace snnc::mapping;

namespace {
const ChipDescription &truenorth() { return *lookupChip("truenorth"); }
} // namespace

TEST(Mapping, NeuronsAloneGiveTheLowerBound) {
  Problem problem;
  problem.populations = {{"a", 1000}};
  Partition part;
  std::string error;
  ASSERT_TRUE(partition(problem, truenorth(), part, error)) << error;
  EXPECT_EQ(part.lowerBound, 4); // 1000 / 256
  EXPECT_EQ(part.bindingLimit, "neurons");
  EXPECT_EQ(part.numCores, 4);
  EXPECT_EQ(part.cutSynapses, 0);
}

TEST(Mapping, MemoryCanBind) {
  Problem problem;
  problem.populations = {{"a", 100}, {"b", 100}};
  // 100 x 100 synapses at one crossbar bit each, 4 x a core's 65,536 bits.
  problem.projections = {{0, 1, 10000, 4 * 65536.0, 100, false}};
  Partition part;
  std::string error;
  ASSERT_TRUE(partition(problem, truenorth(), part, error)) << error;
  EXPECT_EQ(part.lowerBound, 4);
  EXPECT_EQ(part.bindingLimit, "synapse memory");
  EXPECT_GE(part.numCores, part.lowerBound);
}

TEST(Mapping, LocalChainsStayTogetherAndPlacementShortensHops) {
  // Four populations of 1024 neurons, each one-to-one onto the next: a
  // good partition keeps matching slices on one core.
  Problem problem;
  for (int k = 0; k < 4; ++k)
    problem.populations.push_back({"p" + std::to_string(k), 1024});
  for (size_t k = 0; k + 1 < 4; ++k)
    problem.projections.push_back({k, k + 1, 1024, 1024, 1, true});
  Partition part;
  std::string error;
  ASSERT_TRUE(partition(problem, truenorth(), part, error)) << error;
  EXPECT_GE(part.numCores, part.lowerBound);
  EXPECT_LE(part.numCores, part.naiveCores);
  EXPECT_LT(part.cutSynapses, part.naiveCutSynapses);
  Placement placement;
  place(problem, part, truenorth(), placement);
  ASSERT_EQ(placement.chip.size(), size_t(part.numCores));
  EXPECT_LE(placement.hopTraffic, placement.naiveHopTraffic);
  // Distinct cores get distinct positions.
  std::set<std::tuple<int64_t, int64_t, int64_t>> seen;
  for (size_t c = 0; c < placement.chip.size(); ++c)
    EXPECT_TRUE(seen.insert({placement.chip[c], placement.x[c], placement.y[c]}).second);
}

TEST(Mapping, RefusesAFanInNoCoreHolds) {
  Problem problem;
  problem.populations = {{"src", 1000}, {"dst", 10}};
  problem.projections = {{0, 1, 3000, 3000, 300, false}};
  Partition part;
  std::string error;
  EXPECT_FALSE(partition(problem, truenorth(), part, error));
  EXPECT_EQ(error, "a neuron of dst has a fan-in of 300, over the 256 axons of a core");
}

// A uniform projection over more than a million core pairs is diffuse: the
// placement counts its hops in closed form. The figure must equal the sum
// over every pair of cores of synapses x share x share x hops.
TEST(Mapping, DiffuseHopsEqualTheSumOverAllCorePairs) {
  Problem problem;
  problem.populations = {{"a", 1100 * 256}, {"b", 1100 * 256}};
  problem.projections = {{0, 1, 1e6, 1e6, 1.0, false}};
  Partition part;
  std::string error;
  ASSERT_TRUE(partition(problem, truenorth(), part, error)) << error;
  ASSERT_GT(part.numCores, 2000);
  Placement placement;
  place(problem, part, truenorth(), placement);
  const ChipDescription &chip = truenorth();
  std::vector<double> shareA(part.numCores, 0), shareB(part.numCores, 0);
  for (size_t pop = 0; pop < 2; ++pop) {
    int64_t n = problem.populations[pop].neurons, size = part.chunkSizes[pop];
    for (size_t c = 0; c < part.cores[pop].size(); ++c)
      (pop ? shareB : shareA)[part.cores[pop][c]] +=
          double(std::min(size, n - int64_t(c) * size)) / double(n);
  }
  double expected = 0;
  for (int64_t a = 0; a < part.numCores; ++a) {
    if (shareA[a] == 0)
      continue;
    for (int64_t b = 0; b < part.numCores; ++b)
      if (shareB[b] > 0)
        expected += 1e6 * shareA[a] * shareB[b] *
                    double(std::abs(placement.x[a] - placement.x[b]) +
                           std::abs(placement.y[a] - placement.y[b]) +
                           (chip.meshWidth + chip.meshHeight) *
                               std::abs(placement.chip[a] - placement.chip[b]));
  }
  EXPECT_NEAR(placement.hopTraffic, expected, 1e-9 * expected);
  EXPECT_GT(placement.naiveHopTraffic, 0);
}

// A local projection needs its border of axons once per run of consecutive
// neurons on a core: chunks 0, 2, 4, 6, 8 on one core are five runs.
TEST(Mapping, LocalFanInCountsEachRunOnce) {
  Problem problem;
  problem.populations = {{"src", 1000}, {"dst", 1000}};
  problem.projections = {{0, 1, 10000, 10000, 10, true}};
  Partition part;
  part.numCores = 2;
  part.chunkSizes = {1000, 100};
  part.cores = {{1}, {0, 1, 0, 1, 0, 1, 0, 1, 0, 1}};
  std::vector<CoreLoad> loads = coreLoads(problem, part);
  ASSERT_EQ(loads.size(), 2u);
  EXPECT_EQ(loads[0].neurons, 500);
  EXPECT_EQ(loads[0].fanIn, 5 * (100 + 10));
  // The same neurons in one run need the border once.
  part.cores = {{1}, {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}};
  loads = coreLoads(problem, part);
  EXPECT_EQ(loads[0].fanIn, 500 + 10);
}

// METIS balances limits on average and may overfill a core; the repair
// moves chunks until every core fits, so conv-like layers that mix
// axon-heavy and neuron-heavy populations need fewer cores than filling in
// order.
TEST(Mapping, RepairedPartitionsFitEveryCore) {
  Problem problem;
  problem.populations = {{"in", 2048}, {"pool", 512}, {"out", 256}};
  problem.projections = {{0, 1, 2048, 2048, 4, true},
                         {1, 2, 256 * 72, 256 * 72, 72, true}};
  Partition part;
  std::string error;
  ASSERT_TRUE(partition(problem, truenorth(), part, error)) << error;
  EXPECT_LE(part.numCores, part.naiveCores);
  for (const CoreLoad &l : coreLoads(problem, part)) {
    EXPECT_LE(l.neurons, 256);
    EXPECT_LE(l.fanIn, 256 * (1 + 1e-9));
  }
}
