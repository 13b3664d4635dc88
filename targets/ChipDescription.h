//===- ChipDescription.h - what a neuromorphic chip offers, as data -*- C++ -*-===//
//
// Every target describes its chip with this one structure: the passes that
// quantize, partition, place and report are written against it, never
// against a particular chip. The figures come from each target's spec with
// their sources, and the resource report prints those sources.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TARGETS_CHIPDESCRIPTION_H
#define SNNC_TARGETS_CHIPDESCRIPTION_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace snnc {

/// A figure with its unit and where it comes from.
struct SourcedFigure {
  llvm::StringRef name;
  double value;
  llvm::StringRef unit;
  llvm::StringRef source;
};

/// How one synapse costs memory on a core, in bits: a fixed part plus the
/// weight, for dense (crossbar or matrix) and sparse (indexed) storage.
struct SynapseEncoding {
  llvm::StringRef name;
  unsigned indexBits;  ///< per synapse, for the target index (0 if dense)
  unsigned overheadBits; ///< per synapse, other than index and weight
};

struct ChipDescription {
  llvm::StringRef name;
  llvm::StringRef summary;

  // Topology.
  int64_t coresPerChip;
  int64_t meshWidth, meshHeight; ///< cores on the chip's 2-D mesh
  int64_t maxChips;              ///< largest supported system

  // Per-core limits.
  int64_t neuronsPerCore;
  int64_t synapseMemoryBitsPerCore;
  int64_t fanInPerCore;  ///< distinct input axons a core can receive
  int64_t fanOutPerCore; ///< routes a core's outputs can take (0: per neuron)
  /// Destinations each neuron can send to (TrueNorth: 1); 0 means no limit.
  int64_t destinationsPerNeuron;
  /// Distinct weight values each neuron can see (TrueNorth: 4); 0: no limit.
  int64_t distinctWeightsPerNeuron;

  // Number formats.
  unsigned maxWeightBits;
  bool signedWeights;
  unsigned stateBits;
  unsigned decayBits;
  unsigned maxDelaySteps;

  llvm::ArrayRef<SynapseEncoding> encodings;
  /// True if a convolution kernel is stored once per core rather than
  /// expanded into one synapse per connection.
  bool sharedKernels;
  llvm::ArrayRef<llvm::StringRef> neuronModels; ///< snn op names it runs
  llvm::ArrayRef<llvm::StringRef> layerKinds;   ///< snn connection ops

  // Power.
  llvm::ArrayRef<SourcedFigure> energy; ///< per operation
  SourcedFigure staticPower;            ///< per chip
  /// Figures about this description's own limits, with their sources.
  llvm::ArrayRef<SourcedFigure> facts;
  /// The largest fan-in of one neuron the target lays out, splitting it
  /// across cores (TrueNorth's partial sums); 0: a core's fan-in. The
  /// middle end's estimate counts such a neuron as a core's fan-in.
  int64_t maxFanIn = 0;

  /// The fan-in limit of one neuron.
  int64_t fanInLimit() const { return maxFanIn > 0 ? maxFanIn : fanInPerCore; }

  bool runsNeuronModel(llvm::StringRef op) const;
  bool runsConnection(llvm::StringRef op) const;
  const SourcedFigure *findEnergy(llvm::StringRef name) const;
};

/// Adds a chip to the registry; each target folder registers its own chip
/// (the list of folders is the build's, see targets/CMakeLists.txt). Fails
/// (returns false) if the name is taken.
bool registerChip(const ChipDescription &chip);
/// Registers every chip built into snnc. Safe to call more than once.
void registerAllChips();

/// The registered chip named `name`, or null.
const ChipDescription *lookupChip(llvm::StringRef name);
/// Names of every registered chip, sorted.
std::vector<llvm::StringRef> chipNames();

} // namespace snnc

#endif // SNNC_TARGETS_CHIPDESCRIPTION_H
