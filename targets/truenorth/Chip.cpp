//===- Chip.cpp - the TrueNorth chip description --------------------------===//
//
// Figures from docs/targets/chips.md (Merolla et al. 2014 Science, Akopyan et
// al. 2015 IEEE TCAD, Cassidy et al. 2013).
//
//===----------------------------------------------------------------------===//

#include "targets/ChipDescription.h"
#include "targets/RegisteredTargets.h"

#include "snnrt/TrueNorth.h"

namespace {
constexpr llvm::StringRef kModels[] = {"lif", "if", "threshold"};
// What truenorth-lower lays out (an affine's bias becomes the leak).
constexpr llvm::StringRef kLayers[] = {"linear", "affine",     "sparse",
                                       "conv2d", "sum_pool2d", "avg_pool2d",
                                       "delay",  "flatten",    "procedural"};
// A binary crossbar: one bit per (axon, neuron); the weight is the axon
// type's, shared by the core's row.
constexpr snnc::SynapseEncoding kEncodings[] = {{"crossbar", 0, 0}};
constexpr snnc::SourcedFigure kEnergy[] = {
    {"synaptic_op", 26e-12, "J", "quoted, to be confirmed (resources.md)"},
};
constexpr snnc::SourcedFigure kFacts[] = {
    {"cores_per_chip", 4096, "cores", "Merolla et al. 2014"},
    {"neurons_per_core", 256, "neurons", "Merolla et al. 2014"},
    {"axons_per_core", 256, "axons", "Merolla et al. 2014"},
    {"weights_per_neuron", 4, "values", "Cassidy et al. 2013 (axon types)"},
    {"destinations_per_neuron", 1, "cores", "Akopyan et al. 2015"},
    {"membrane_bits", 20, "bits", "assumed; the public record omits it"},
    {"chip_power", 0.065, "W", "Merolla et al. 2014 (63-70 mW)"},
    {"max_chips", 16, "chips", "IBM NS16e, the 16-chip system"},
};
} // namespace

namespace tnrt = snnrt::truenorth;

void snnc::registerTruenorthChip() {
  static const ChipDescription chip = [] {
    ChipDescription c{
        "truenorth",
        "IBM TrueNorth: 4096 cores of 256 axons x 256 neurons, 64 x 64 mesh",
        // The core's figures are the runtime's (snnrt/TrueNorth.h).
        /*coresPerChip=*/tnrt::kCoresPerChip,
        /*meshWidth=*/tnrt::kMeshSide,
        /*meshHeight=*/tnrt::kMeshSide,
        /*maxChips=*/16,
        /*neuronsPerCore=*/tnrt::kNeuronsPerCore,
        /*synapseMemoryBitsPerCore=*/tnrt::kAxonsPerCore *
            tnrt::kNeuronsPerCore,
        /*fanInPerCore=*/tnrt::kAxonsPerCore,
        /*fanOutPerCore=*/0,
        /*destinationsPerNeuron=*/1,
        /*distinctWeightsPerNeuron=*/tnrt::kAxonTypes,
        /*maxWeightBits=*/tnrt::kParameterBits,
        /*signedWeights=*/true,
        /*stateBits=*/tnrt::kMembraneBits,
        /*decayBits=*/tnrt::kParameterBits,
        /*maxDelaySteps=*/tnrt::kMaxDelay,
        kEncodings,
        /*sharedKernels=*/false,
        kModels,
        kLayers,
        kEnergy,
        {"static_power", 0.065, "W",
         "Merolla et al. 2014 (whole chip, 63-70 mW)"},
        kFacts};
    // truenorth-lower splits a wider fan-in into partial sums of half a
    // core's axons, as many as the other half holds.
    c.maxFanIn = int64_t(tnrt::kAxonsPerCore / 2) * (tnrt::kAxonsPerCore / 2);
    return c;
  }();
  registerChip(chip);
}
