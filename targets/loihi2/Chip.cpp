//===- Chip.cpp - the Loihi 2 chip description ----------------------------===//
//
// Figures from docs/targets/chips.md (Intel briefs, WikiChip, Davies et al.
// 2018 IEEE Micro for the Loihi 1 figures that Loihi 2 is assumed to share).
//
//===----------------------------------------------------------------------===//

#include "targets/ChipDescription.h"
#include "targets/RegisteredTargets.h"

#include "snnrt/Loihi2.h"

namespace {
// What Lava's bit-accurate processes run (LIF, Dense, Sparse, DelayDense,
// Conv; pooling as a depthwise Conv, a threshold unit as a LIF that forgets
// its voltage); loihi2-quantize maps exactly these.
constexpr llvm::StringRef kModels[] = {"lif",     "cuba_lif",   "if",
                                       "li",      "cuba_li",    "integrator",
                                       "threshold"};
constexpr llvm::StringRef kLayers[] = {
    "linear", "affine",  "sparse",     "conv2d", "sum_pool2d",
    "avg_pool2d", "delay", "flatten", "procedural"};
constexpr snnc::SynapseEncoding kEncodings[] = {{"dense", 0, 0},
                                                {"sparse", 12, 0}};
constexpr snnc::SourcedFigure kEnergy[] = {
    {"synaptic_op", 23.6e-12, "J", "Loihi 1, Davies et al. 2018 Table 2"},
    {"synaptic_update", 120e-12, "J", "Loihi 1, Davies et al. 2018 Table 2"},
    {"neuron_update_active", 81e-12, "J", "Loihi 1, Davies et al. 2018 Table 2"},
    {"neuron_update_inactive", 52e-12, "J",
     "Loihi 1, Davies et al. 2018 Table 2"},
    {"spike_in_tile", 1.7e-12, "J", "Loihi 1, Davies et al. 2018 Table 2"},
    {"hop_east_west", 3.0e-12, "J", "Loihi 1, Davies et al. 2018 Table 2"},
    {"hop_north_south", 4.0e-12, "J", "Loihi 1, Davies et al. 2018 Table 2"},
};
constexpr snnc::SourcedFigure kFacts[] = {
    {"cores_per_chip", 128, "cores", "WikiChip Loihi 2; Intel brief"},
    {"neurons_per_core", 8192, "neurons", "WikiChip (1,048,576 per chip)"},
    {"sram_per_core", 192 * 1024 * 8, "bits", "Tom's Hardware; EE Times"},
    {"fan_in_per_core", 4096, "axons", "Loihi 1, Davies et al. 2018"},
    {"fan_out_per_core", 4096, "edges", "Loihi 1, Davies et al. 2018"},
    {"max_chips", 16384, "chips", "Davies et al. 2018; WikiChip"},
    {"mesh", 16 * 8, "cores",
     "assumed 16 x 8 arrangement of the 128 cores (2-D mesh; layout not public)"},
};
} // namespace

namespace lo = snnrt::loihi2;

void snnc::registerLoihi2Chip() {
  static const ChipDescription chip{
      "loihi2",
      "Intel Loihi 2: 128 neuromorphic cores on a 2-D mesh",
      /*coresPerChip=*/128, /*meshWidth=*/16, /*meshHeight=*/8,
      /*maxChips=*/16384,
      /*neuronsPerCore=*/8192,
      /*synapseMemoryBitsPerCore=*/192 * 1024 * 8,
      /*fanInPerCore=*/4096, /*fanOutPerCore=*/4096,
      /*destinationsPerNeuron=*/0, /*distinctWeightsPerNeuron=*/0,
      // The number formats are the runtime's (Lava's bit-accurate models):
      // an 8-bit mantissa and its sign, 24-bit state, 12-bit decays.
      /*maxWeightBits=*/lo::kMaxWeightBits + 1, /*signedWeights=*/true,
      /*stateBits=*/lo::kStateBits, /*decayBits=*/lo::kDecayShift,
      /*maxDelaySteps=*/lo::kMaxDelay,
      kEncodings, /*sharedKernels=*/true, kModels, kLayers, kEnergy,
      {"static_power", 0.104, "W", "Loihi 1, Frady et al. 2020 (3.34 W / 32 chips)"},
      kFacts};
  registerChip(chip);
}
