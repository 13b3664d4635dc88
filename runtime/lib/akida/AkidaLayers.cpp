//===- AkidaLayers.cpp - Akida 1.0 layers in integers ---------------------===//
//
// The integer semantics of docs/formats/akida.md, "Semantics": potentials in
// 64-bit integers (exact: the emulator's size bound keeps every sum far
// from overflow), the 20-bit saturations where MetaTF has them, and the
// activation in MetaTF's 32-bit arithmetic.
//
//===----------------------------------------------------------------------===//

#include "akida/AkidaLayers.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>

using namespace snnrt;
using namespace snnrt::akida;

const char *akida::layerTypeName(LayerType type) {
  switch (type) {
  case LayerType::InputConvolutional:
    return "InputConvolutional";
  case LayerType::Convolutional:
    return "Convolutional";
  case LayerType::SeparableConvolutional:
    return "SeparableConvolutional";
  case LayerType::FullyConnected:
    return "FullyConnected";
  }
  return "?";
}

const char *akida::paddingName(Padding padding) {
  return padding == Padding::Same ? "Same" : "Valid";
}

const char *akida::poolTypeName(PoolType pool) {
  switch (pool) {
  case PoolType::None:
    return "NoPooling";
  case PoolType::Max:
    return "Max";
  case PoolType::Average:
    return "Average";
  }
  return "?";
}

bool akida::parseLayerType(const std::string &name, LayerType &type) {
  for (LayerType t :
       {LayerType::InputConvolutional, LayerType::Convolutional,
        LayerType::SeparableConvolutional, LayerType::FullyConnected})
    if (name == layerTypeName(t)) {
      type = t;
      return true;
    }
  return false;
}

bool akida::parsePadding(const std::string &name, Padding &padding) {
  for (Padding p : {Padding::Same, Padding::Valid})
    if (name == paddingName(p)) {
      padding = p;
      return true;
    }
  return false;
}

bool akida::parsePoolType(const std::string &name, PoolType &pool) {
  for (PoolType p : {PoolType::None, PoolType::Max, PoolType::Average})
    if (name == poolTypeName(p)) {
      pool = p;
      return true;
    }
  return false;
}

std::string akida::shapeText(const Shape &s) {
  return "[" + std::to_string(s.x) + ", " + std::to_string(s.y) + ", " +
         std::to_string(s.c) + "]";
}

int64_t akida::saturate(int64_t v, int bits) {
  int64_t hi = (int64_t(1) << (bits - 1)) - 1;
  return std::clamp(v, -hi - 1, hi);
}

int64_t akida::wrap32(int64_t v) {
  return int64_t(int32_t(uint32_t(uint64_t(v))));
}

int64_t akida::windowOutput(int64_t n, int64_t kernel, int64_t stride,
                            Padding padding) {
  if (padding == Padding::Same)
    return (n + stride - 1) / stride;
  return n < kernel ? 0 : (n - kernel) / stride + 1;
}

int64_t akida::paddingBefore(int64_t n, int64_t kernel, int64_t stride,
                             Padding padding) {
  if (padding == Padding::Valid)
    return 0;
  int64_t out = windowOutput(n, kernel, stride, padding);
  return std::max<int64_t>((out - 1) * stride + kernel - n, 0) / 2;
}

Shape akida::convolutionShape(const Layer &l) {
  if (l.type == LayerType::FullyConnected)
    return {1, 1, l.filters};
  return {windowOutput(l.input.x, l.kernelX, l.strideX, l.padding),
          windowOutput(l.input.y, l.kernelY, l.strideY, l.padding), l.filters};
}

Shape akida::outputShape(const Layer &l) {
  Shape conv = convolutionShape(l);
  if (l.pool == PoolType::Average)
    return {1, 1, conv.c};
  if (l.pool == PoolType::Max)
    return {windowOutput(conv.x, l.poolX, l.poolStrideX, l.padding),
            windowOutput(conv.y, l.poolY, l.poolStrideY, l.padding), conv.c};
  return conv;
}

std::vector<int64_t> akida::weightsShape(const Layer &l) {
  switch (l.type) {
  case LayerType::FullyConnected:
    return {1, 1, l.input.elements(), l.filters};
  case LayerType::SeparableConvolutional:
    return {l.kernelX, l.kernelY, l.input.c, 1};
  default:
    return {l.kernelX, l.kernelY, l.input.c, l.filters};
  }
}

std::vector<int64_t> akida::weightsPwShape(const Layer &l) {
  if (l.type != LayerType::SeparableConvolutional)
    return {};
  return {1, 1, l.input.c, l.filters};
}

std::array<int64_t, 2> akida::weightRange(int64_t bits) {
  if (bits <= 1)
    return {0, 1};
  int64_t top = (int64_t(1) << (bits - 1)) - 1;
  return {-top, top};
}

bool akida::actStepSixteenths(float actStep, int64_t &sixteenths) {
  // 16 a is exact in double, and floor of it too.
  double s = std::floor(double(actStep) * 16.0);
  if (!(s >= 1 && s <= double(kMaxActStepSixteenths)))
    return false;
  sixteenths = int64_t(s);
  return true;
}

namespace {

bool in(int64_t v, std::initializer_list<int64_t> values) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

std::string pair(int64_t a, int64_t b) {
  return std::to_string(a) + "x" + std::to_string(b);
}

std::string dims(const std::vector<int64_t> &shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

/// The product of non-negative factors, or kMaxElements + 1 once it
/// exceeds the bound (no overflow).
int64_t boundedProduct(const std::vector<int64_t> &factors) {
  int64_t p = 1;
  for (int64_t f : factors) {
    if (f == 0)
      return 0;
    if (p > kMaxElements / f)
      return kMaxElements + 1;
    p *= f;
  }
  return p;
}

const char *const kBound = "2^24";

std::string checkVariable(const char *name, const std::vector<int64_t> &values,
                          const std::vector<int64_t> &shape, int64_t lo,
                          int64_t hi, const std::string &why) {
  int64_t expected = boundedProduct(shape);
  if (expected > kMaxElements)
    return std::string(name) + " " + dims(shape) + " holds more than the " +
           kBound + " values the emulator takes";
  if (int64_t(values.size()) != expected)
    return std::string(name) + " holds " + std::to_string(values.size()) +
           " values, expected " + dims(shape) + " = " +
           std::to_string(expected);
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] < lo || values[i] > hi)
      return std::string(name) + "[" + std::to_string(i) + "] is " +
             std::to_string(values[i]) + ", outside " + std::to_string(lo) +
             ".." + std::to_string(hi) + why;
  return "";
}
} // namespace

std::string akida::checkParameters(const Layer &l) {
  const char *type = layerTypeName(l.type);
  auto breaks = [&](const std::string &what, const std::string &rule) {
    return what + " (" + type + " " + rule + ")";
  };
  bool input = l.type == LayerType::InputConvolutional;
  bool connected = l.type == LayerType::FullyConnected;

  for (const Shape *s : {&l.input, &l.output}) {
    const char *which = s == &l.input ? "input shape " : "output shape ";
    if (s->x < 1 || s->y < 1 || s->c < 1)
      return which + shapeText(*s) + ": every dimension must be at least 1";
    if (boundedProduct({s->x, s->y, s->c}) > kMaxElements)
      return which + shapeText(*s) + " has more than the " + kBound +
             " elements the emulator takes";
  }
  if (input ? l.inputBits != 8 : (l.inputBits < 1 || l.inputBits > 4))
    return breaks("input_bits " + std::to_string(l.inputBits),
                  input ? "takes 8" : "takes 1..4");
  if (input ? (l.weightsBits < 1 || l.weightsBits > 8)
            : !in(l.weightsBits, {1, 2, 4, 8}))
    return breaks("weights_bits " + std::to_string(l.weightsBits),
                  input ? "takes 1..8" : "takes 1, 2, 4 or 8");
  if (input ? (l.actBits < 1 || l.actBits > 4) : !in(l.actBits, {1, 2, 4}))
    return breaks("act_bits " + std::to_string(l.actBits),
                  input ? "takes 1..4" : "takes 1, 2 or 4");
  const char *filters = connected ? "units " : "filters ";
  if (l.filters < 1 || l.filters > kMaxElements)
    return breaks(filters + std::to_string(l.filters),
                  "takes 1.." + std::to_string(kMaxElements));

  if (connected) {
    if (l.pool != PoolType::None)
      return breaks(std::string("pool_type ") + poolTypeName(l.pool),
                    "does not pool");
  } else {
    if (l.kernelX < 1 || l.kernelY < 1 || l.kernelX % 2 == 0 ||
        l.kernelY % 2 == 0 || l.kernelX > kMaxElements ||
        l.kernelY > kMaxElements)
      return breaks("kernel_size " + pair(l.kernelX, l.kernelY),
                    "takes odd sizes");
    if (l.strideX < 1 || l.strideY < 1 || l.strideX > kMaxElements ||
        l.strideY > kMaxElements)
      return breaks("kernel_stride " + pair(l.strideX, l.strideY),
                    "takes strides of at least 1");
    if (!input && (l.strideX > l.kernelX || l.strideY > l.kernelY))
      return breaks("kernel_stride " + pair(l.strideX, l.strideY),
                    "takes strides up to the kernel size, " +
                        pair(l.kernelX, l.kernelY));
    if (l.pool == PoolType::Max) {
      if (l.poolX < 1 || l.poolY < 1 || l.poolX > kMaxElements ||
          l.poolY > kMaxElements)
        return breaks("pool_size " + pair(l.poolX, l.poolY),
                      "max-pools windows of at least 1x1");
      if (l.poolStrideX < 1 || l.poolStrideY < 1 || l.poolStrideX > l.poolX ||
          l.poolStrideY > l.poolY)
        return breaks("pool_stride " + pair(l.poolStrideX, l.poolStrideY),
                      "takes 1 up to the pool size, " + pair(l.poolX, l.poolY));
    }
  }
  if (input ? (l.paddingValue < 0 || l.paddingValue > 255)
            : l.paddingValue != 0)
    return breaks("padding_value " + std::to_string(l.paddingValue),
                  input ? "takes 0..255" : "has none");

  Shape conv = convolutionShape(l);
  if (conv.x < 1 || conv.y < 1)
    return breaks("kernel_size " + pair(l.kernelX, l.kernelY) + " with " +
                      paddingName(l.padding) + " padding on " +
                      shapeText(l.input) + " leaves no output",
                  "needs a positive output size");
  if (boundedProduct({conv.x, conv.y, conv.c}) > kMaxElements)
    return "the connection's output " + shapeText(conv) +
           " has more than the " + kBound + " elements the emulator takes";
  Shape out = outputShape(l);
  if (out.x < 1 || out.y < 1)
    return breaks("pool_size " + pair(l.poolX, l.poolY) + " on " +
                      shapeText(conv) + " leaves no output",
                  "needs a positive output size");
  if (out != l.output)
    return "output shape " + shapeText(l.output) + " is not the " +
           shapeText(out) + " its parameters give";
  return "";
}

std::string akida::checkLayer(const Layer &l) {
  if (std::string e = checkParameters(l); !e.empty())
    return e;
  bool separable = l.type == LayerType::SeparableConvolutional;
  auto breaks = [&](const std::string &what, const std::string &rule) {
    return what + " (" + layerTypeName(l.type) + " " + rule + ")";
  };
  std::array<int64_t, 2> range = weightRange(l.weightsBits);
  std::string why = " (weights_bits " + std::to_string(l.weightsBits) + ")";
  std::string e = checkVariable("weights", l.weights, weightsShape(l), range[0],
                                range[1], why);
  if (e.empty() && separable)
    e = checkVariable("weights_pw", l.weightsPw, weightsPwShape(l), range[0],
                      range[1], why);
  if (e.empty() && !separable && !l.weightsPw.empty())
    e = breaks("weights_pw", "has none");
  if (e.empty())
    e = checkVariable("threshold", l.threshold, {l.filters},
                      std::numeric_limits<int32_t>::min(),
                      std::numeric_limits<int32_t>::max(), "");
  if (e.empty())
    e = checkVariable("act_step", l.actStep, {l.filters}, 1,
                      kMaxActStepSixteenths,
                      " sixteenths (act_step from 1/16 to below 2^24)");
  return e;
}

int64_t akida::activate(int64_t potential, int64_t threshold, int64_t step16,
                        int64_t bits) {
  int64_t d = wrap32(potential - threshold);
  if (d <= 0)
    return 0;
  // The quotient rounds up as (num - 1) / den + 1 in 32 bits: a numerator
  // that wrapped to 0 gives 0xFFFFFFFF / den + 1, not 0.
  uint32_t num = uint32_t(uint64_t(d) << (kActStepFractionBits + bits));
  uint32_t den = uint32_t(uint64_t(step16) << kActStepFractionBits);
  uint64_t q = uint64_t((num - 1u) / den) + 1;
  uint64_t top = (uint64_t(1) << bits) - 1;
  return int64_t(std::min(q, top));
}

namespace {
/// InputConvolutional (a cross-correlation on inputs padded with
/// padding_value) and Convolutional (a true convolution: the kernel rotated
/// by 180 degrees, padded inputs 0).
Tensor convolve(const Layer &l, const Tensor &in, uint64_t &events) {
  bool flip = l.type != LayerType::InputConvolutional;
  int64_t pad = flip ? 0 : l.paddingValue;
  const Shape &s = in.shape;
  Tensor out(convolutionShape(l));
  int64_t px = paddingBefore(s.x, l.kernelX, l.strideX, l.padding);
  int64_t py = paddingBefore(s.y, l.kernelY, l.strideY, l.padding);
  int64_t filters = l.filters;
  std::vector<int64_t> acc(static_cast<size_t>(filters));
  uint64_t n = 0;
  for (int64_t i = 0; i < out.shape.x; ++i)
    for (int64_t j = 0; j < out.shape.y; ++j) {
      std::fill(acc.begin(), acc.end(), 0);
      for (int64_t a = 0; a < l.kernelX; ++a) {
        int64_t x = i * l.strideX + a - px;
        int64_t wa = flip ? l.kernelX - 1 - a : a;
        for (int64_t b = 0; b < l.kernelY; ++b) {
          int64_t y = j * l.strideY + b - py;
          int64_t wb = flip ? l.kernelY - 1 - b : b;
          bool inside = x >= 0 && x < s.x && y >= 0 && y < s.y;
          for (int64_t c = 0; c < s.c; ++c) {
            int64_t v = inside ? in.at(x, y, c) : pad;
            if (!v)
              continue;
            ++n;
            const int64_t *w =
                &l.weights[size_t(((wa * l.kernelY + wb) * s.c + c) * filters)];
            for (int64_t f = 0; f < filters; ++f)
              acc[size_t(f)] += v * w[f];
          }
        }
      }
      for (int64_t f = 0; f < filters; ++f)
        out.at(i, j, f) = acc[size_t(f)];
    }
  events += n * uint64_t(filters);
  return out;
}

/// SeparableConvolutional: per channel a true convolution with its
/// depthwise kernel, then the pointwise sum over channels.
Tensor separable(const Layer &l, const Tensor &in, uint64_t &events) {
  const Shape &s = in.shape;
  Tensor out(convolutionShape(l));
  int64_t px = paddingBefore(s.x, l.kernelX, l.strideX, l.padding);
  int64_t py = paddingBefore(s.y, l.kernelY, l.strideY, l.padding);
  int64_t filters = l.filters;
  std::vector<int64_t> depth(static_cast<size_t>(s.c)),
      acc(static_cast<size_t>(filters));
  for (int64_t i = 0; i < out.shape.x; ++i)
    for (int64_t j = 0; j < out.shape.y; ++j) {
      std::fill(depth.begin(), depth.end(), 0);
      for (int64_t a = 0; a < l.kernelX; ++a) {
        int64_t x = i * l.strideX + a - px;
        if (x < 0 || x >= s.x)
          continue;
        int64_t wa = l.kernelX - 1 - a;
        for (int64_t b = 0; b < l.kernelY; ++b) {
          int64_t y = j * l.strideY + b - py;
          if (y < 0 || y >= s.y)
            continue;
          int64_t wb = l.kernelY - 1 - b;
          const int64_t *w = &l.weights[size_t((wa * l.kernelY + wb) * s.c)];
          for (int64_t c = 0; c < s.c; ++c)
            if (int64_t v = in.at(x, y, c)) {
              ++events;
              depth[size_t(c)] += v * w[c];
            }
        }
      }
      std::fill(acc.begin(), acc.end(), 0);
      for (int64_t c = 0; c < s.c; ++c) {
        int64_t d = depth[size_t(c)];
        if (!d)
          continue;
        events += uint64_t(filters);
        const int64_t *w = &l.weightsPw[size_t(c * filters)];
        for (int64_t f = 0; f < filters; ++f)
          acc[size_t(f)] += d * w[f];
      }
      for (int64_t f = 0; f < filters; ++f)
        out.at(i, j, f) = acc[size_t(f)];
    }
  return out;
}

/// FullyConnected: input (x, y, c) is row x + X (y + Y c) of the weights;
/// the sums saturate to 20 bits.
Tensor connect(const Layer &l, const Tensor &in, uint64_t &events) {
  const Shape &s = in.shape;
  int64_t units = l.filters;
  std::vector<int64_t> acc(static_cast<size_t>(units), 0);
  for (int64_t c = 0; c < s.c; ++c)
    for (int64_t x = 0; x < s.x; ++x)
      for (int64_t y = 0; y < s.y; ++y) {
        int64_t v = in.at(x, y, c);
        if (!v)
          continue;
        events += uint64_t(units);
        const int64_t *w =
            &l.weights[size_t((x + s.x * (y + s.y * c)) * units)];
        for (int64_t u = 0; u < units; ++u)
          acc[size_t(u)] += v * w[u];
      }
  Tensor out(Shape{1, 1, units});
  for (int64_t u = 0; u < units; ++u)
    out.at(0, 0, u) = saturate(acc[size_t(u)], kPotentialBits);
  return out;
}
} // namespace

Tensor akida::potentials(const Layer &l, const Tensor &in, uint64_t &events) {
  switch (l.type) {
  case LayerType::FullyConnected:
    return connect(l, in, events);
  case LayerType::SeparableConvolutional:
    return separable(l, in, events);
  default:
    return convolve(l, in, events);
  }
}

Tensor akida::maxPool(const Tensor &p, int64_t sizeX, int64_t sizeY,
                      int64_t strideX, int64_t strideY, Padding padding) {
  const Shape &s = p.shape;
  Tensor out(Shape{windowOutput(s.x, sizeX, strideX, padding),
                   windowOutput(s.y, sizeY, strideY, padding), s.c});
  int64_t bx = paddingBefore(s.x, sizeX, strideX, padding);
  int64_t by = paddingBefore(s.y, sizeY, strideY, padding);
  bool window = sizeX != 1 || sizeY != 1;
  for (int64_t c = 0; c < s.c; ++c)
    for (int64_t i = 0; i < out.shape.x; ++i)
      for (int64_t j = 0; j < out.shape.y; ++j) {
        int64_t x0 = std::max<int64_t>(i * strideX - bx, 0);
        int64_t x1 = std::min(i * strideX - bx + sizeX, s.x);
        int64_t y0 = std::max<int64_t>(j * strideY - by, 0);
        int64_t y1 = std::min(j * strideY - by + sizeY, s.y);
        int64_t best = std::numeric_limits<int64_t>::min();
        for (int64_t x = x0; x < x1; ++x)
          for (int64_t y = y0; y < y1; ++y)
            best = std::max(best, p.at(x, y, c));
        out.at(i, j, c) = window ? saturate(best, kPotentialBits) : best;
      }
  return out;
}

Tensor akida::sumPool(const Tensor &p) {
  const Shape &s = p.shape;
  Tensor out(Shape{1, 1, s.c});
  for (int64_t c = 0; c < s.c; ++c) {
    int64_t acc = 0;
    for (int64_t x = 0; x < s.x; ++x)
      for (int64_t y = 0; y < s.y; ++y)
        acc = saturate(acc + p.at(x, y, c), kPotentialBits);
    out.at(0, 0, c) = acc;
  }
  return out;
}

Tensor akida::evaluate(const Layer &l, const Tensor &in, uint64_t &events) {
  Tensor p = potentials(l, in, events);
  if (l.pool == PoolType::Max)
    p = maxPool(p, l.poolX, l.poolY, l.poolStrideX, l.poolStrideY, l.padding);
  else if (l.pool == PoolType::Average)
    p = sumPool(p);
  if (!l.activation)
    return p;
  const Shape &s = p.shape;
  for (int64_t c = 0; c < s.c; ++c)
    for (int64_t x = 0; x < s.x; ++x)
      for (int64_t y = 0; y < s.y; ++y) {
        int64_t &v = p.at(x, y, c);
        v = activate(v, l.threshold[size_t(c)], l.actStep[size_t(c)],
                     l.actBits);
      }
  return p;
}

void akida::packLayer(const Layer &l, std::vector<int64_t> &out) {
  out = {int64_t(l.type),
         l.input.x,
         l.input.y,
         l.input.c,
         l.output.x,
         l.output.y,
         l.output.c,
         l.inputBits,
         l.kernelX,
         l.kernelY,
         l.strideX,
         l.strideY,
         l.filters,
         int64_t(l.padding),
         int64_t(l.pool),
         l.poolX,
         l.poolY,
         l.poolStrideX,
         l.poolStrideY,
         l.weightsBits,
         int64_t(l.activation),
         l.actBits,
         l.paddingValue};
}

bool akida::unpackLayer(const std::vector<int64_t> &row, Layer &l,
                        std::string &why) {
  if (row.size() != kLayerColumns) {
    why = "'layer' has " + std::to_string(row.size()) + " values, expected " +
          std::to_string(kLayerColumns);
    return false;
  }
  auto enumerated = [&](int64_t v, int64_t most, const char *what) {
    if (v >= 0 && v <= most)
      return true;
    why = std::string("'layer' holds ") + what + " " + std::to_string(v) +
          ", outside 0.." + std::to_string(most);
    return false;
  };
  if (!enumerated(row[0], 3, "layer type") ||
      !enumerated(row[13], 1, "padding") ||
      !enumerated(row[14], 2, "pool type") ||
      !enumerated(row[20], 1, "activation"))
    return false;
  l.type = LayerType(row[0]);
  l.input = {row[1], row[2], row[3]};
  l.output = {row[4], row[5], row[6]};
  l.inputBits = row[7];
  l.kernelX = row[8];
  l.kernelY = row[9];
  l.strideX = row[10];
  l.strideY = row[11];
  l.filters = row[12];
  l.padding = Padding(row[13]);
  l.pool = PoolType(row[14]);
  l.poolX = row[15];
  l.poolY = row[16];
  l.poolStrideX = row[17];
  l.poolStrideY = row[18];
  l.weightsBits = row[19];
  l.activation = row[20] != 0;
  l.actBits = row[21];
  l.paddingValue = row[22];
  return true;
}
