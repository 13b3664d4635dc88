//===- Layers.h - Akida layers as plain data: limits and shapes -*- C++ -*-===//
//
// One Akida layer as MetaTF describes it, without MLIR: its type, geometry,
// bit widths and activation. The limits every layer type must respect (from
// MetaTF's documentation of Akida 1.0, as docs/targets/akida.md lists them)
// are checked here, so that the legalizer can refuse a layer with a message
// naming the limit and the value and the akida dialect's verifier can check
// the same rule on IR it is given.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TARGETS_AKIDA_LAYERS_H
#define SNNC_TARGETS_AKIDA_LAYERS_H

#include "snnrt/Akida.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace snnc::akida {

// MetaTF's vocabulary, the window rules, the weights' ranges and the
// register widths are the runtime's (snnrt/Akida.h), as the emulator reads
// them.
using snnrt::akida::kActStepFractionBits;
using snnrt::akida::kPotentialBits;
using snnrt::akida::LayerType;
using snnrt::akida::layerTypeName;
using snnrt::akida::Padding;
using snnrt::akida::paddingBefore;
using snnrt::akida::paddingName;
using snnrt::akida::parseLayerType;
using snnrt::akida::parsePadding;
using snnrt::akida::parsePoolType;
using snnrt::akida::PoolType;
using snnrt::akida::poolTypeName;
using snnrt::akida::weightRange;
using snnrt::akida::windowOutput;

/// Shapes are MetaTF's [X, Y, C]: X is the first spatial axis (the rows of
/// an snn [C, H, W] stream), Y the second.
struct LayerDesc {
  LayerType type = LayerType::Convolutional;
  std::array<int64_t, 3> input = {1, 1, 1};
  int64_t inputBits = 1;
  /// Convolutions: kernel, stride, filters, padding and pooling.
  int64_t kernelX = 1, kernelY = 1, strideX = 1, strideY = 1;
  /// Output channels: filters of a convolution, units of FullyConnected.
  int64_t filters = 1;
  Padding padding = Padding::Same;
  PoolType pool = PoolType::None;
  int64_t poolX = -1, poolY = -1, poolStrideX = -1, poolStrideY = -1;
  int64_t weightsBits = 1;
  bool activation = true;
  int64_t actBits = 1;
};

/// Total padding along one axis (before plus after).
int64_t paddingTotal(int64_t n, int64_t kernel, int64_t stride,
                     Padding padding);

/// The convolution's output [X, Y, filters] before pooling.
std::array<int64_t, 3> convolutionShape(const LayerDesc &layer);
/// The layer's output [X, Y, C], after pooling.
std::array<int64_t, 3> outputShape(const LayerDesc &layer);

/// Empty when `layer` respects every limit of its type, else what it breaks:
/// "kernel_size 9 (InputConvolutional takes 3, 5 or 7)".
std::string checkLimits(const LayerDesc &layer);

/// The weight bits a layer type takes, ascending.
std::vector<int64_t> allowedWeightBits(LayerType type);

/// FullyConnected inputs at most (MetaTF's Akida 1.0 limit).
inline constexpr int64_t kFullyConnectedMaxInputs = 57334;
/// The largest extent of an axis, and the most filters or units, this
/// description takes: a bound of the compiler's own, far beyond any
/// documented Akida limit, so that sizes multiply without overflow.
inline constexpr int64_t kMaxExtent = int64_t(1) << 20;

/// A connection's weights as integers: per output channel f, w = scale[f] k.
struct WeightQuantization {
  int64_t bits = 0;
  /// One step per output channel (1 for a channel of zeros).
  std::vector<double> scale;
  /// Per channel, the integers in the order the weights came.
  std::vector<std::vector<int64_t>> ints;
  /// Largest and rms error against the layer's largest |w|, and the weights
  /// that were not zero and became 0.
  double maxError = 0, rmsError = 0;
  int64_t zeroed = 0;
  bool exact = true;
};

/// Quantizes each channel's weights (`channels[f]`) to the smallest of
/// `allowedBits` (ascending) at which every channel is exact on its grid,
/// else to the largest, rounding to nearest with one scale per channel.
WeightQuantization
quantizeWeights(const std::vector<std::vector<double>> &channels,
                const std::vector<int64_t> &allowedBits);

/// One filter's threshold and act_step, and how far the activation's steps
/// land from the snn model's, in steps (0 when exact).
struct ActivationQuantization {
  int64_t threshold = 0;
  double actStep = 1;
  double error = 0;
  /// False when the threshold or the step does not fit Akida's registers
  /// (int32, act_step below 2^24); `wanted` and `what` then say which value
  /// it would have needed.
  bool fits = true;
  double wanted = 0;
  const char *what = "";
};

/// `y = min(2^bits - 1, max(0, floor((s P + bias - theta) / step)))` over
/// integer potentials P as Akida's activation.
ActivationQuantization quantizeQReLU(double scale, double bias, double theta,
                                     double step, int64_t actBits);
/// `y = [s P + bias > theta]` as a one-bit activation: always exact.
ActivationQuantization quantizeThreshold(double scale, double bias,
                                         double theta);

} // namespace snnc::akida

#endif // SNNC_TARGETS_AKIDA_LAYERS_H
