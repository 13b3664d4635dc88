//===- Chip.cpp - the Akida (AKD1000) chip description --------------------===//
//
// Figures from docs/targets/chips.md (BrainChip MetaTF documentation). A
// "core" here is a neural processor (NP); NP memory is not public, so the
// per-NP limits below are this description's stated model, to be checked
// against MetaTF's published mappings.
//
//===----------------------------------------------------------------------===//

#include "targets/ChipDescription.h"
#include "targets/RegisteredTargets.h"

namespace {
constexpr llvm::StringRef kModels[] = {"qrelu", "threshold"};
constexpr llvm::StringRef kLayers[] = {"linear",     "affine",     "conv2d",
                                       "max_pool2d", "avg_pool2d", "flatten"};
constexpr snnc::SynapseEncoding kEncodings[] = {{"dense", 0, 0}};
constexpr snnc::SourcedFigure kEnergy[] = {
    {"frame_akidanet224", 23.48e-3, "J",
     "AkidaNet-224 at 43.48 fps, board measurement (MetaTF docs)"},
};
constexpr snnc::SourcedFigure kFacts[] = {
    {"neural_processors", 80, "NPs", "MetaTF: AKD1000, 20 nodes x 4 NPs"},
    {"mappable_processors", 78, "NPs", "MetaTF"},
    {"neurons_per_chip", 1.2e6, "neurons", "BrainChip"},
    {"fully_connected_inputs", 57334, "inputs", "MetaTF Akida 1.0 limits"},
    {"neurons_per_np", 15000, "neurons",
     "derived: 1.2 M neurons / 80 NPs (per-NP figures are not public)"},
};
} // namespace

void snnc::registerAkidaChip() {
  static const ChipDescription chip{
      "akida",
      "BrainChip Akida AKD1000: 80 neural processors in 20 nodes",
      /*coresPerChip=*/80,
      /*meshWidth=*/20,
      /*meshHeight=*/4,
      /*maxChips=*/1,
      /*neuronsPerCore=*/15000,
      /*synapseMemoryBitsPerCore=*/0, // not public: limits are per layer
      /*fanInPerCore=*/57334,
      /*fanOutPerCore=*/0,
      /*destinationsPerNeuron=*/0,
      /*distinctWeightsPerNeuron=*/0,
      /*maxWeightBits=*/8,
      /*signedWeights=*/true,
      /*stateBits=*/32,
      /*decayBits=*/0,
      /*maxDelaySteps=*/0,
      kEncodings,
      /*sharedKernels=*/true,
      kModels,
      kLayers,
      kEnergy,
      {"static_power", 0.0001, "W", "lower end of the quoted 100 uW - 300 mW"},
      kFacts};
  registerChip(chip);
}
