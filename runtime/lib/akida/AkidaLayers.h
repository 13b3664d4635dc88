//===- AkidaLayers.h - Akida 1.0 layers in integers -------------*- C++ -*-===//
//
// One layer of an "snnc-akida" artifact (docs/formats/akida.md) as plain
// data, its limits, and what it computes for one input, in the integer
// semantics of MetaTF's software backend for Akida 1.0: the potentials of
// the connection, the pooling, the activation. The emulator's layer node
// wraps these functions; unit tests drive them directly.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_AKIDA_AKIDALAYERS_H
#define SNNRT_AKIDA_AKIDALAYERS_H

#include "snnrt/Akida.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace snnrt::akida {

/// The artifact's format name and the version this runtime reads.
inline constexpr const char *kArtifactFormat = "snnc-akida";
inline constexpr int kArtifactVersion = 1;

/// The emulator's bound on any one tensor (activations, weights).
inline constexpr int64_t kMaxElements = int64_t(1) << 24;

/// MetaTF's [X, Y, C]: X is the first spatial axis (the rows H of an snn
/// [C, H, W] stream), Y the second (W).
struct Shape {
  int64_t x = 1, y = 1, c = 1;
  int64_t elements() const { return x * y * c; }
  bool operator==(const Shape &o) const {
    return x == o.x && y == o.y && c == o.c;
  }
  bool operator!=(const Shape &o) const { return !(*this == o); }
};
/// "[X, Y, C]".
std::string shapeText(const Shape &shape);

/// An activation map in the network's flat order: element (x, y, c) at
/// (c X + x) Y + y, the index of (c, x, y) in an snn [C, H, W] stream.
struct Tensor {
  Shape shape;
  std::vector<int64_t> data;

  Tensor() = default;
  explicit Tensor(const Shape &s, int64_t fill = 0)
      : shape(s), data(size_t(s.elements()), fill) {}
  static size_t index(const Shape &s, int64_t x, int64_t y, int64_t c) {
    return size_t((c * s.x + x) * s.y + y);
  }
  int64_t &at(int64_t x, int64_t y, int64_t c) {
    return data[index(shape, x, y, c)];
  }
  int64_t at(int64_t x, int64_t y, int64_t c) const {
    return data[index(shape, x, y, c)];
  }
};

/// One layer: MetaTF's constructor parameters and its variables.
struct Layer {
  LayerType type = LayerType::Convolutional;
  /// The input it reads and the output it writes (checkLayer compares the
  /// latter with what the parameters give).
  Shape input, output;
  int64_t inputBits = 1;
  int64_t kernelX = 1, kernelY = 1, strideX = 1, strideY = 1;
  /// `filters`, or `units` of a FullyConnected layer.
  int64_t filters = 1;
  Padding padding = Padding::Same;
  PoolType pool = PoolType::None;
  /// A max pooling's window and stride.
  int64_t poolX = 1, poolY = 1, poolStrideX = 1, poolStrideY = 1;
  int64_t weightsBits = 1;
  bool activation = true;
  int64_t actBits = 1;
  /// The value of padded inputs of an InputConvolutional layer.
  int64_t paddingValue = 0;

  /// In the C order of MetaTF's arrays: `weights` [kx, ky, C, F] (a
  /// SeparableConvolutional's depthwise [kx, ky, C, 1], a FullyConnected's
  /// [1, 1, X Y C, U]), `weightsPw` [1, 1, C, F].
  std::vector<int64_t> weights, weightsPw;
  /// Per filter: the threshold and S = floor(16 act_step).
  std::vector<int64_t> threshold, actStep;
};

/// Clamps to a signed `bits`-bit integer.
int64_t saturate(int64_t v, int bits);
/// Two's complement wrap-around to 32 bits.
int64_t wrap32(int64_t v);

/// The connection's output [X, Y, F] before pooling, and the layer's
/// output after it.
Shape convolutionShape(const Layer &layer);
Shape outputShape(const Layer &layer);
/// The shapes MetaTF gives each variable.
std::vector<int64_t> weightsShape(const Layer &layer);
std::vector<int64_t> weightsPwShape(const Layer &layer);

/// S = floor(16 act_step) of a float32 act_step, computed exactly in
/// double precision as MetaTF does; false when act_step is not a number
/// or S falls outside 1..kMaxActStepSixteenths.
bool actStepSixteenths(float actStep, int64_t &sixteenths);

/// Empty when the parameters and shapes of `layer` keep every rule
/// MetaTF's Akida 1.0 layers keep (and the emulator's size bound), else the
/// rule they break, naming the parameter, the limit and the value.
std::string checkParameters(const Layer &layer);
/// checkParameters, then the variables: their sizes and ranges.
std::string checkLayer(const Layer &layer);

/// The connection's potentials [X, Y, F] before pooling. Adds to `events`
/// every multiply-accumulate whose input is not 0.
Tensor potentials(const Layer &layer, const Tensor &input, uint64_t &events);
/// Max pooling of potentials: windows of `size` placed by `stride` and
/// `padding` (padded positions take part in no window); saturated to 20
/// bits unless the window is 1x1.
Tensor maxPool(const Tensor &potentials, int64_t sizeX, int64_t sizeY,
               int64_t strideX, int64_t strideY, Padding padding);
/// Global average pooling as MetaTF computes it: per channel the sum of
/// all positions, saturated to 20 bits after every addition (x outer, y
/// inner).
Tensor sumPool(const Tensor &potentials);
/// Potentials, pooling, then the activation (or the potentials when the
/// layer has none): the layer's output for `input`.
Tensor evaluate(const Layer &layer, const Tensor &input, uint64_t &events);

/// A layer's parameters as the integers of a layer record
/// (kLayerColumns of them), and back; unpackLayer fails on a value that
/// names no type, padding or pooling.
constexpr size_t kLayerColumns = 23;
void packLayer(const Layer &layer, std::vector<int64_t> &out);
bool unpackLayer(const std::vector<int64_t> &row, Layer &layer,
                 std::string &why);

} // namespace snnrt::akida

#endif // SNNRT_AKIDA_AKIDALAYERS_H
