//===- TrueNorthModel.h - TrueNorth corelet tables as plain data -*- C++
//-*-===//
//
// The artifact `snnc --target=truenorth` writes (format "snnc-truenorth",
// docs/formats/truenorth.md): CPE's tables of crossbars, neuron types and
// cores, checked and expanded into plain data, and the emulator records
// they run as. snn-run reads the tables too, to write the axon events of
// the inputs it generates as an .sfti file.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_TRUENORTHMODEL_H
#define SNNRT_TRUENORTHMODEL_H

#include "snnrt/Image.h"
#include "snnrt/TrueNorth.h"

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace snnrt::truenorth {

/// 256 bits, bit j in word j / 64 at position j % 64.
using Bits = std::array<uint64_t, kNeuronsPerCore / 64>;

inline bool testBit(const Bits &b, int j) {
  return (b[j >> 6] >> (j & 63)) & 1;
}
inline void setBit(Bits &b, int j) { b[j >> 6] |= uint64_t(1) << (j & 63); }

/// One entry of `neuronTypes`, with CPE's parameters combined: a weight is
/// sigma_k * s_k, the leak keeps its sign apart (leak reversal flips it).
struct NeuronType {
  std::array<int64_t, kAxonTypes> weights{};       ///< sigma_k * s_k
  std::array<bool, kAxonTypes> stochasticWeight{}; ///< b0..b3
  int64_t sigmaLambda = 1, lambda = 0;
  bool stochasticLeak = false; ///< c_lambda
  bool leakReversal = false;   ///< epsilon
  int64_t alpha = 0, beta = 0;
  int64_t maskBits = 0; ///< TM
  int64_t gamma = kResetNormal;
  bool kappa = false;
  int64_t reset = 0;   ///< R = sigma_VR (2^VR - 1)
  int64_t initial = 0; ///< V at tick 0
};

/// One core, its arrays expanded: element j is neuron j.
struct CoreTable {
  int64_t id = 0;
  uint32_t rngSeed = 0;
  /// Crossbar row per axon: bit j connects the axon to column j.
  std::array<Bits, kAxonsPerCore> rows{};
  std::array<int64_t, kAxonsPerCore> axonTypes{};
  /// Per neuron: its column, its type's index in Tables::types (-1: unused),
  /// its destination core (< 0: none), axon and delay.
  std::array<int64_t, kNeuronsPerCore> dendrites{}, types{}, destCores{},
      destAxons{}, destDelays{};
};

/// A network input: per element, the (core, axon) pairs it drives.
struct InputTable {
  std::vector<int64_t> shape;
  std::vector<std::vector<std::pair<int64_t, int64_t>>> targets;
};

/// A network output: per element, the (core, neuron) that carries it.
struct OutputTable {
  std::vector<int64_t> shape;
  std::vector<std::pair<int64_t, int64_t>> neurons;
};

struct Tables {
  std::string name = "truenorth";
  double dtMs = kTickMs;
  std::vector<NeuronType> types;
  /// Indexed by core id.
  std::vector<CoreTable> cores;
  std::vector<InputTable> inputs;
  std::vector<OutputTable> outputs;
};

/// Reads and checks the artifact at `path`; false with one message naming
/// the place, the limit and the value.
bool readTables(const std::string &path, Tables &tables, std::string &error);

/// The emulator records of checked tables (docs/formats/truenorth.md, "How
/// the runtime runs it").
std::vector<Record> tableRecords(const Tables &tables);

/// readTables, then tableRecords: the artifact kind's loader.
bool loadArtifact(const std::string &path, std::vector<Record> &records,
                  std::string &error);

} // namespace snnrt::truenorth

#endif // SNNRT_TRUENORTHMODEL_H
