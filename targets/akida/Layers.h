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

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace snnc::akida {

enum class LayerType {
  InputConvolutional,
  Convolutional,
  SeparableConvolutional,
  FullyConnected,
};
enum class Padding { same, valid };
enum class PoolType { none, max, average };

/// MetaTF's names: the class, `Padding.Same`, `PoolType.Max`, ...
const char *layerTypeName(LayerType type);
const char *paddingName(Padding padding);
const char *poolTypeName(PoolType pool);
std::optional<LayerType> parseLayerType(const std::string &name);
std::optional<Padding> parsePadding(const std::string &name);
std::optional<PoolType> parsePoolType(const std::string &name);

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
  Padding padding = Padding::same;
  PoolType pool = PoolType::none;
  int64_t poolX = -1, poolY = -1, poolStrideX = -1, poolStrideY = -1;
  int64_t weightsBits = 1;
  bool activation = true;
  int64_t actBits = 1;
};

/// Output size of a window along one axis under `padding`: ceil(n / s) for
/// 'same', (n - k) / s + 1 for 'valid' (TensorFlow's rules).
int64_t windowOutput(int64_t n, int64_t kernel, int64_t stride,
                     Padding padding);
/// Padding before the window along one axis: TensorFlow puts the odd unit
/// after, so this is half the total, rounded down.
int64_t paddingBefore(int64_t n, int64_t kernel, int64_t stride,
                      Padding padding);
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

/// The weights' integer range at `bits` in Akida 1.0: [0, 1] for one bit,
/// else symmetric [-(2^(bits-1) - 1), 2^(bits-1) - 1].
std::array<int64_t, 2> weightRange(int64_t bits);

/// The weight bits a layer type takes, ascending.
std::vector<int64_t> allowedWeightBits(LayerType type);

/// FullyConnected inputs at most (MetaTF's Akida 1.0 limit).
inline constexpr int64_t kFullyConnectedMaxInputs = 57334;
/// The largest extent of an axis, and the most filters or units, this
/// description takes: a bound of the compiler's own, far beyond any
/// documented Akida limit, so that sizes multiply without overflow.
inline constexpr int64_t kMaxExtent = int64_t(1) << 20;

/// The largest potential a layer keeps: potentials after a max pooling or
/// of a FullyConnected layer saturate to signed 20 bits.
inline constexpr int64_t kPotentialBits = 20;
/// act_step is fixed point with 4 fractional bits.
inline constexpr int64_t kActStepFractionBits = 4;

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

/// Akida's activation of one potential (docs/formats/akida.md).
int64_t activate(int64_t potential, int64_t threshold, double actStep,
                 int64_t actBits);

} // namespace snnc::akida

#endif // SNNC_TARGETS_AKIDA_LAYERS_H
