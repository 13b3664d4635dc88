//===- MemoryModel.h - the seed's memory model of a brain -------*- C++ -*-===//
//
// The memory model of the seed document the project started from
// (abi-memory-model): a brain of N_neuron neurons and N_syn synapses held at
// S_neuron bytes per neuron and S_syn bytes per synapse, whose raw memory
// M_raw = N_neuron S_neuron + N_syn S_syn is divided by a structural
// compression factor C_struct (the product of one factor per technique) and
// a low-bit factor C_type = S_syn(reference) / S_syn:
//
//   M_final = M_raw / (C_struct C_type)
//
// The parameters are data (seedParameters() holds the seed's), the functions
// compute every table of the seed, and the printers give the tables as text,
// rounded as the seed rounds each column, and as JSON. Plain C++: no MLIR,
// no LLVM. docs/memory-model.md describes the model and its figures.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_ANALYSIS_MEMORYMODEL_H
#define SNNC_ANALYSIS_MEMORYMODEL_H

#include <string>
#include <vector>

namespace snnc::memory {

/// Decimal memory units, as the seed fixes them (1 GB = 10^9 B).
constexpr double kKB = 1e3, kMB = 1e6, kGB = 1e9, kTB = 1e12, kPB = 1e15;

/// One part of a neuron's memory, a range where the seed gives one.
struct NeuronPart {
  std::string name;
  double minBytes, maxBytes;
};

/// One way of storing a synapse: the width of its weight and the bytes the
/// whole synapse takes (weight, traces, delay, type id, indices).
struct SynapseType {
  std::string name;
  int weightBits;
  double bytes; ///< S_syn
  std::string note;
};

/// A structural compression technique and the factor the seed assumes for
/// it. The counts of neurons and synapses stay; only their representation
/// changes.
struct CompressionFactor {
  std::string technique;
  double factor;
  std::string description;
};

/// One estimate of the number of synapses.
struct SynapseCount {
  std::string label;
  double count; ///< N_syn
};

struct Parameters {
  double neurons;        ///< N_neuron
  double bytesPerNeuron; ///< S_neuron, the model's round figure
  /// What S_neuron stands for; the parts need not add up to it exactly.
  std::vector<NeuronPart> neuronParts;
  std::vector<SynapseCount> synapseCounts;
  std::vector<SynapseType> synapseTypes;
  std::vector<CompressionFactor> structural;
  /// The type the structural factors are taken at: the low-bit rule is
  /// C_type(t) = S_syn(lowBitReference) / S_syn(t).
  std::string lowBitReference;
  /// The type of the worked examples (M_raw, M_final of one type).
  std::string exampleType;
  /// The types the summary of the final memory lists.
  std::vector<std::string> summaryTypes;
  /// The comparison of two types: the saving of `compareTo` over
  /// `compareFrom`.
  std::string compareFrom, compareTo;
};

/// The seed's parameters: 8.6 x 10^10 neurons at 100 B, 10^14 and 10^15
/// synapses at 24/20/16/8/4 B (float32/float16/int8/int4/binary), sparse,
/// event-driven, kernel sharing and procedural generation x10 each,
/// developmental rules x100, low-bit factors against float32.
const Parameters &seedParameters();

/// Checks that the parameters are usable: positive counts and sizes, the
/// named types present. False with a message otherwise.
bool verify(const Parameters &params, std::string &error);

/// The synapse type called `name`, or null.
const SynapseType *findType(const Parameters &params, const std::string &name);

/// M_neuron = N_neuron S_neuron, in bytes.
double neuronBytes(const Parameters &params);
/// M_syn = N_syn S_syn, in bytes.
double synapseBytes(double synapses, const SynapseType &type);
/// C_struct: the product of the structural factors.
double structuralFactor(const Parameters &params);
/// C_type = S_syn(reference) / S_syn(type).
double typeFactor(const Parameters &params, const SynapseType &type);

/// One synapse type at one synapse count, every figure of the seed's tables.
struct TypeRow {
  std::string type;
  double bytesPerSynapse; ///< S_syn
  double synapseBytes;    ///< M_syn = N_syn S_syn
  double neuronBytes;     ///< M_neuron
  double rawBytes;        ///< M_raw = M_neuron + M_syn
  double typeFactor;      ///< C_type
  double totalFactor;     ///< C_total = C_struct C_type
  double finalBytes;      ///< M_final = M_raw / C_total
};

/// The tables of one synapse count.
struct CountTables {
  SynapseCount count;
  std::vector<TypeRow> rows; ///< in the order of Parameters::synapseTypes
  /// 1 - M_final(compareTo) / M_final(compareFrom).
  double saving;
};

struct Tables {
  Parameters params;
  double neuronBytes;
  double structuralFactor;
  std::vector<CountTables> counts; ///< in the order of synapseCounts
};

/// Every table of the model. The parameters must verify.
Tables computeTables(const Parameters &params);

/// The row of `type` in `counts`, or null.
const TypeRow *findRow(const CountTables &counts, const std::string &type);

/// The tables as text, sections numbered as the seed numbers them, each
/// figure rounded as the seed rounds its column.
std::string formatTables(const Tables &tables);
/// The parameters and every computed figure, unrounded, as JSON.
std::string formatTablesJson(const Tables &tables);

/// The roundings the tables use.
/// `value` with `decimals` digits after the point.
std::string formatFixed(double value, int decimals);
/// `value` with the digits it has (up to 12 significant): 2408.6, 8.6.
std::string formatExact(double value);
/// `value` as m x 10^e, m in [1, 10) with the digits it has: 2.4086 x 10^15.
std::string formatScientific(double value);
/// `value` as m x 10^exponent, m with `decimals` digits: 0.8 x 10^15.
std::string formatPower(double value, int exponent, int decimals);

} // namespace snnc::memory

#endif // SNNC_ANALYSIS_MEMORYMODEL_H
