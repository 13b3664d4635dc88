//===- Layers.cpp - Akida layers as plain data: limits and shapes ---------===//

#include "targets/akida/Layers.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

using namespace snnc::akida;

int64_t snnc::akida::paddingTotal(int64_t n, int64_t kernel, int64_t stride,
                                  Padding padding) {
  if (padding == Padding::Valid)
    return 0;
  int64_t out = windowOutput(n, kernel, stride, padding);
  return std::max<int64_t>((out - 1) * stride + kernel - n, 0);
}

std::array<int64_t, 3> snnc::akida::convolutionShape(const LayerDesc &l) {
  if (l.type == LayerType::FullyConnected)
    return {1, 1, l.filters};
  return {windowOutput(l.input[0], l.kernelX, l.strideX, l.padding),
          windowOutput(l.input[1], l.kernelY, l.strideY, l.padding), l.filters};
}

std::array<int64_t, 3> snnc::akida::outputShape(const LayerDesc &l) {
  std::array<int64_t, 3> conv = convolutionShape(l);
  if (l.pool == PoolType::Average) // global: one value per filter
    return {1, 1, conv[2]};
  if (l.pool == PoolType::Max)
    return {windowOutput(conv[0], l.poolX, l.poolStrideX, l.padding),
            windowOutput(conv[1], l.poolY, l.poolStrideY, l.padding), conv[2]};
  return conv;
}

namespace {
std::string list(const std::vector<int64_t> &values) {
  std::string text;
  size_t i = 0;
  for (int64_t v : values) {
    if (i)
      text += i + 1 == values.size() ? " or " : ", ";
    text += std::to_string(v);
    ++i;
  }
  return text;
}

bool in(int64_t v, const std::vector<int64_t> &values) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

/// "NAME V (TYPE takes WHAT)".
std::string breaks(const LayerDesc &l, const std::string &name,
                   const std::string &value, const std::string &what) {
  return name + " " + value + " (" + layerTypeName(l.type) + " " + what + ")";
}
std::string breaks(const LayerDesc &l, const std::string &name, int64_t value,
                   const std::string &what) {
  return breaks(l, name, std::to_string(value), what);
}

std::string checkBits(const LayerDesc &l, const std::vector<int64_t> &inputs) {
  std::vector<int64_t> weights = allowedWeightBits(l.type);
  if (!in(l.inputBits, inputs))
    return breaks(l, "input bits", l.inputBits, "takes " + list(inputs));
  if (!in(l.weightsBits, weights))
    return breaks(l, "weights_bits", l.weightsBits, "takes " + list(weights));
  if (l.activation && !in(l.actBits, {1, 2, 4}))
    return breaks(l, "act_bits", l.actBits, "takes 1, 2 or 4");
  return "";
}

std::string checkPooling(const LayerDesc &l) {
  if (l.pool != PoolType::Max)
    return "";
  if (l.poolX < 1 || l.poolY < 1 || l.poolX > 2 || l.poolY > 2)
    return breaks(l, "pool_size",
                  std::to_string(l.poolX) + "x" + std::to_string(l.poolY),
                  "max-pools at most 2x2");
  if (l.poolStrideX < 1 || l.poolStrideY < 1 || l.poolStrideX > l.poolX ||
      l.poolStrideY > l.poolY)
    return breaks(l, "pool_stride",
                  std::to_string(l.poolStrideX) + "x" +
                      std::to_string(l.poolStrideY),
                  "takes 1 up to the pool size");
  return "";
}

std::string kernelText(const LayerDesc &l) {
  return std::to_string(l.kernelX) + "x" + std::to_string(l.kernelY);
}
} // namespace

std::vector<int64_t> snnc::akida::allowedWeightBits(LayerType type) {
  switch (type) {
  case LayerType::InputConvolutional:
    return {1, 2, 4, 8};
  case LayerType::SeparableConvolutional:
    return {2, 4};
  case LayerType::Convolutional:
  case LayerType::FullyConnected:
    return {1, 2, 4};
  }
  return {};
}

std::string snnc::akida::checkLimits(const LayerDesc &l) {
  const auto &[x, y, c] = l.input;
  for (int64_t d : l.input)
    if (d < 1 || d > kMaxExtent)
      return breaks(l, "input dimension", d,
                    "takes 1.." + std::to_string(kMaxExtent) + " on each axis");
  if (l.filters < 1 || l.filters > kMaxExtent)
    return breaks(l, l.type == LayerType::FullyConnected ? "units" : "filters",
                  l.filters, "takes 1.." + std::to_string(kMaxExtent));
  if (l.kernelX < 1 || l.kernelY < 1 || l.strideX < 1 || l.strideY < 1)
    return breaks(l, "kernel_size and kernel_stride",
                  std::to_string(l.kernelX) + "x" + std::to_string(l.kernelY) +
                      " / " + std::to_string(l.strideX) + "x" +
                      std::to_string(l.strideY),
                  "takes at least 1");
  if (l.type != LayerType::FullyConnected) {
    std::array<int64_t, 3> out = outputShape(l);
    if (out[0] < 1 || out[1] < 1)
      return breaks(l, "kernel_size",
                    std::to_string(l.kernelX) + "x" + std::to_string(l.kernelY),
                    "leaves no output of an input of " + std::to_string(x) +
                        "x" + std::to_string(y) + " ('" +
                        paddingName(l.padding) + "' padding)");
  }
  switch (l.type) {
  case LayerType::InputConvolutional: {
    if (x < 5 || x > 256)
      return breaks(l, "input height (X)", x, "takes 5..256");
    if (y < 5)
      return breaks(l, "input width (Y)", y, "takes at least 5");
    if (c != 1 && c != 3)
      return breaks(l, "input channels", c, "takes 1 or 3");
    if (l.kernelX != l.kernelY || !in(l.kernelX, {3, 5, 7}))
      return breaks(l, "kernel_size", kernelText(l), "takes 3x3, 5x5 or 7x7");
    if (l.strideX != l.strideY || l.strideX < 1 || l.strideX > 3)
      return breaks(l, "kernel_stride",
                    std::to_string(l.strideX) + "x" + std::to_string(l.strideY),
                    "takes 1, 2 or 3 on both axes");
    int64_t most = c == 1 ? (l.kernelX == 3   ? 512
                             : l.kernelX == 5 ? 192
                                              : 96)
                          : (l.kernelX == 3   ? 192
                             : l.kernelX == 5 ? 64
                                              : 32);
    if (l.filters < 1 || l.filters > most)
      return breaks(l, "filters", l.filters,
                    "takes at most " + std::to_string(most) + " with a " +
                        kernelText(l) + " kernel on " + std::to_string(c) +
                        " channel(s)");
    if (l.pool == PoolType::Average)
      return breaks(l, "pool_type", "Average", "pools only by Max");
    if (std::string e = checkPooling(l); !e.empty())
      return e;
    return checkBits(l, {8});
  }
  case LayerType::Convolutional:
  case LayerType::SeparableConvolutional: {
    bool separable = l.type == LayerType::SeparableConvolutional;
    if (x > 4096 || y > 4096 || c > 2048)
      return breaks(l, "input",
                    std::to_string(x) + "x" + std::to_string(y) + "x" +
                        std::to_string(c),
                    "takes at most 4096x4096x2048");
    if (l.kernelX != l.kernelY ||
        !(separable ? in(l.kernelX, {3, 5, 7}) : in(l.kernelX, {1, 3, 5, 7})))
      return breaks(l, "kernel_size", kernelText(l),
                    separable ? "takes 3x3, 5x5 or 7x7"
                              : "takes 1x1, 3x3, 5x5 or 7x7");
    if (l.strideX != l.strideY || l.strideX < 1 || l.strideX > 2 ||
        (l.strideX == 2 && l.kernelX != 3))
      return breaks(l, "kernel_stride",
                    std::to_string(l.strideX) + "x" + std::to_string(l.strideY),
                    "takes 1, or 2 with a 3x3 kernel");
    if (l.filters < 1)
      return breaks(l, "filters", l.filters, "takes at least 1");
    if (std::string e = checkPooling(l); !e.empty())
      return e;
    return checkBits(l, {1, 2, 4});
  }
  case LayerType::FullyConnected:
    if (x * y * c > kFullyConnectedMaxInputs)
      return breaks(l, "input size", x * y * c,
                    "takes at most " +
                        std::to_string(kFullyConnectedMaxInputs) + " inputs");
    if (l.filters < 1)
      return breaks(l, "units", l.filters, "takes at least 1");
    return checkBits(l, {1, 2, 4});
  }
  return "unknown layer type";
}

namespace {
/// Integers k = w / s on the grid of `bits`, or false.
bool onGrid(const std::vector<double> &w, int64_t bits, double &scale,
            std::vector<int64_t> &k) {
  std::array<int64_t, 2> range = weightRange(bits);
  double largest = 0;
  for (double v : w)
    largest = std::max(largest, std::fabs(v));
  k.assign(w.size(), 0);
  if (largest == 0) {
    scale = 1;
    return true;
  }
  // The largest step s = largest / m, m = 1..top, that puts every weight on
  // an integer of the range.
  for (int64_t m = 1; m <= std::max<int64_t>(range[1], 1); ++m) {
    scale = largest / double(m);
    bool fits = true;
    for (size_t i = 0; i < w.size() && fits; ++i) {
      double q = w[i] / scale;
      double r = std::nearbyint(q);
      fits = std::fabs(q - r) <= 1e-6 && r >= range[0] && r <= range[1];
      k[i] = int64_t(r);
    }
    if (fits)
      return true;
  }
  return false;
}
} // namespace

WeightQuantization
snnc::akida::quantizeWeights(const std::vector<std::vector<double>> &channels,
                             const std::vector<int64_t> &allowedBits) {
  WeightQuantization q;
  for (int64_t bits : allowedBits) {
    q = WeightQuantization();
    q.bits = bits;
    bool exact = true;
    for (const std::vector<double> &w : channels) {
      double scale = 1;
      std::vector<int64_t> k;
      if (!onGrid(w, bits, scale, k)) {
        exact = false;
        break;
      }
      q.scale.push_back(scale);
      q.ints.push_back(std::move(k));
    }
    if (exact)
      return q;
  }
  // Round to nearest on the largest grid, one scale per channel. Signed
  // grids only: one bit holds no negative weight.
  q = WeightQuantization();
  q.bits = allowedBits.back();
  q.exact = false;
  std::array<int64_t, 2> range = weightRange(q.bits);
  double layerLargest = 0;
  for (const std::vector<double> &w : channels)
    for (double v : w)
      layerLargest = std::max(layerLargest, std::fabs(v));
  double sumSquares = 0;
  size_t count = 0;
  for (const std::vector<double> &w : channels) {
    double largest = 0;
    for (double v : w)
      largest = std::max(largest, std::fabs(v));
    double scale = largest == 0 ? 1.0 : largest / double(range[1]);
    std::vector<int64_t> k(w.size());
    for (size_t i = 0; i < w.size(); ++i) {
      double r = std::nearbyint(w[i] / scale);
      k[i] = int64_t(std::clamp<double>(r, double(range[0]), double(range[1])));
      double error = std::fabs(double(k[i]) * scale - w[i]);
      if (layerLargest > 0)
        error /= layerLargest;
      q.maxError = std::max(q.maxError, error);
      sumSquares += error * error;
      if (w[i] != 0 && k[i] == 0)
        ++q.zeroed;
      ++count;
    }
    q.scale.push_back(scale);
    q.ints.push_back(std::move(k));
  }
  q.rmsError = count ? std::sqrt(sumSquares / double(count)) : 0;
  return q;
}

namespace {
/// ceil(x) for a value computed in floating point, taking x within 1e-9
/// (relative) of an integer as that integer.
int64_t ceilNear(double x) {
  double r = std::nearbyint(x);
  if (std::fabs(x - r) <= 1e-9 * std::max(1.0, std::fabs(x)))
    return int64_t(r);
  return int64_t(std::ceil(x));
}
int64_t floorNear(double x) {
  double r = std::nearbyint(x);
  if (std::fabs(x - r) <= 1e-9 * std::max(1.0, std::fabs(x)))
    return int64_t(r);
  return int64_t(std::floor(x));
}
} // namespace

ActivationQuantization snnc::akida::quantizeQReLU(double scale, double bias,
                                                  double theta, double step,
                                                  int64_t actBits) {
  ActivationQuantization a;
  int64_t levels = int64_t(1) << actBits;
  double sigma = step / scale; // potential units per activation step
  // S = 16 act_step = sigma 2^bits, at least 1, act_step below 2^24.
  double sixteenths = sigma * double(levels);
  if (!(sixteenths < double(snnrt::akida::kMaxActStepSixteenths + 1))) {
    a.fits = false;
    a.wanted = sixteenths / 16.0;
    a.what = "act_step";
    return a;
  }
  int64_t s = std::max<int64_t>(1, std::llround(sixteenths));
  a.actStep = double(s) / 16.0;
  // Level 1 begins at the first potential with s P + bias - theta >= step.
  double offset = (theta - bias) / scale;
  double levelOne = offset + sigma + double(levels) * sigma;
  if (!std::isfinite(offset) || !(std::fabs(offset) < 0x1p31) ||
      !(std::fabs(levelOne) < 0x1p31)) {
    a.fits = false;
    a.wanted = offset + sigma - 1;
    a.what = "threshold";
    return a;
  }
  a.threshold = ceilNear(offset + sigma) - 1;
  // Where each level begins, on both sides.
  for (int64_t k = 1; k < levels; ++k) {
    int64_t model = ceilNear(offset + double(k) * sigma);
    // Akida: P - T > (k - 1) S / 2^bits, the least such integer P.
    int64_t num = (k - 1) * s; // P - T > num / levels
    int64_t chip = a.threshold + num / levels + 1;
    a.error = std::max(a.error, std::fabs(double(chip - model)) / sigma);
  }
  return a;
}

ActivationQuantization snnc::akida::quantizeThreshold(double scale, double bias,
                                                      double theta) {
  ActivationQuantization a;
  // s P + bias > theta  <=>  P > (theta - bias) / s  <=>  P > floor(that).
  double exact = (theta - bias) / scale;
  if (!(std::fabs(exact) < 0x1p31)) {
    a.fits = false;
    a.wanted = exact;
    a.what = "threshold";
    return a;
  }
  a.threshold = floorNear(exact);
  a.actStep = 1;
  return a;
}
