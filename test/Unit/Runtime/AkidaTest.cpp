//===- AkidaTest.cpp - Akida 1.0 layers, worked by hand -------------------===//
//
// Each layer type of docs/formats/akida.md on inputs small enough to work
// out in the comments: the geometry of both paddings, cross-correlation
// against the rotated kernel of a true convolution, the FullyConnected
// row order, the 20-bit saturations, pooling and the activation's rounding
// and 32-bit arithmetic; then a model run through the emulator's nodes.
//
//===----------------------------------------------------------------------===//

#include "akida/AkidaLayers.h"
#include "akida/AkidaModel.h"
#include "snnrt/Network.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace snnrt;
using namespace snnrt::akida;

namespace {
/// A tensor from rows of one channel: rows[x][y].
Tensor plane(const std::vector<std::vector<int64_t>> &rows) {
  Tensor t(Shape{int64_t(rows.size()), int64_t(rows[0].size()), 1});
  for (size_t x = 0; x < rows.size(); ++x)
    for (size_t y = 0; y < rows[x].size(); ++y)
      t.at(int64_t(x), int64_t(y), 0) = rows[x][y];
  return t;
}

std::vector<std::vector<int64_t>> rows(const Tensor &t, int64_t c = 0) {
  std::vector<std::vector<int64_t>> out(size_t(t.shape.x));
  for (int64_t x = 0; x < t.shape.x; ++x)
    for (int64_t y = 0; y < t.shape.y; ++y)
      out[size_t(x)].push_back(t.at(x, y, c));
  return out;
}

using Rows = std::vector<std::vector<int64_t>>;

/// A layer with one-step activations everywhere, its output shape derived.
Layer conv(LayerType type, Shape input, int64_t k, int64_t s, Padding padding,
           int64_t filters, int64_t weightsBits = 8) {
  Layer l;
  l.type = type;
  l.input = input;
  l.inputBits = type == LayerType::InputConvolutional ? 8 : 4;
  l.kernelX = l.kernelY = k;
  l.strideX = l.strideY = s;
  l.padding = padding;
  l.filters = filters;
  l.weightsBits = weightsBits;
  l.activation = false;
  l.actBits = 4;
  l.output = outputShape(l);
  l.threshold.assign(size_t(filters), 0);
  l.actStep.assign(size_t(filters), 16);
  return l;
}

/// The 3x3 kernel 1..9 row by row: w[i][j] = 3 i + j + 1.
std::vector<int64_t> countingKernel() {
  std::vector<int64_t> w;
  for (int64_t i = 0; i < 9; ++i)
    w.push_back(i + 1);
  return w;
}
} // namespace

TEST(Akida, SameAndValidGeometry) {
  // Same: ceil(n / s) outputs; the total padding (o - 1) s + k - n, half
  // (rounded down) before, the odd unit after.
  // n 4, k 3, s 2: 2 outputs, total 1 + 3 - 4 = 0 + ... = (1)2 + 3 - 4 = 1:
  // 0 before, 1 after.
  EXPECT_EQ(windowOutput(4, 3, 2, Padding::Same), 2);
  EXPECT_EQ(paddingBefore(4, 3, 2, Padding::Same), 0);
  // n 5, k 3, s 2: 3 outputs, total 2 * 2 + 3 - 5 = 2: 1 before, 1 after.
  EXPECT_EQ(windowOutput(5, 3, 2, Padding::Same), 3);
  EXPECT_EQ(paddingBefore(5, 3, 2, Padding::Same), 1);
  // n 6, k 3, s 2: 3 outputs, total 2 * 2 + 3 - 6 = 1: 0 before.
  EXPECT_EQ(paddingBefore(6, 3, 2, Padding::Same), 0);
  // n 4, k 3, s 1: total 3 + 3 - 4 = 2: 1 before.
  EXPECT_EQ(paddingBefore(4, 3, 1, Padding::Same), 1);
  // Valid: (n - k) / s + 1, no padding; none when the window does not fit.
  EXPECT_EQ(windowOutput(5, 3, 2, Padding::Valid), 2);
  EXPECT_EQ(paddingBefore(5, 3, 2, Padding::Valid), 0);
  EXPECT_EQ(windowOutput(2, 3, 1, Padding::Valid), 0);
}

TEST(Akida, InputConvolutionalCorrelatesWithPaddingValue) {
  // 4x4 image, 3x3 kernel, stride 2, Same: windows start at rows/columns 0
  // and 2; row and column 4 are padding, of value 1.
  //   image            kernel
  //   1 2 0 3          1 0 -1
  //   0 1 2 0          0 1  0
  //   4 0 1 1          1 0  1
  //   0 5 0 3
  // (0,0): 1*1 + 0*-1 + 1*1 + (4*1 + 1*1)        = 7
  // (0,1): 0*1 + pad*-1 + 0*1 + (1*1 + pad*1)     = 1
  // (1,0): 4*1 + 1*-1 + 5*1 + (pad + pad)          = 10
  // (1,1): 1*1 + pad*-1 + 3*1 + (pad + pad)        = 5
  Layer l =
      conv(LayerType::InputConvolutional, {4, 4, 1}, 3, 2, Padding::Same, 1, 2);
  l.paddingValue = 1;
  l.weights = {1, 0, -1, 0, 1, 0, 1, 0, 1};
  ASSERT_EQ(checkLayer(l), "");
  Tensor in = plane({{1, 2, 0, 3}, {0, 1, 2, 0}, {4, 0, 1, 1}, {0, 5, 0, 3}});
  uint64_t events = 0;
  Tensor p = potentials(l, in, events);
  EXPECT_EQ(rows(p), (Rows{{7, 1}, {10, 5}}));
  // Non-zero taps, padding included: 6 + 7 + 6 + 8.
  EXPECT_EQ(events, 27u);
  // With padding value 0 the padded taps add nothing: (0,1) = 1 still (its
  // two padded taps, weights -1 and 1, cancelled), (1,0) = 4 - 1 + 5 = 8,
  // (1,1) = 1 + 3 = 4.
  l.paddingValue = 0;
  events = 0;
  EXPECT_EQ(rows(potentials(l, in, events)), (Rows{{7, 1}, {8, 4}}));
  // Non-zero taps: 6 + 4 + 3 + 3.
  EXPECT_EQ(events, 16u);
}

TEST(Akida, ConvolutionRotatesTheKernel) {
  // An impulse at the centre of a 3x3 input, Same, stride 1. A true
  // convolution reproduces the kernel as stored (w[x][y] at (x, y)); the
  // InputConvolutional correlation gives it rotated by 180 degrees.
  Tensor in = plane({{0, 0, 0}, {0, 1, 0}, {0, 0, 0}});
  Layer c = conv(LayerType::Convolutional, {3, 3, 1}, 3, 1, Padding::Same, 1);
  c.weights = countingKernel();
  ASSERT_EQ(checkLayer(c), "");
  uint64_t events = 0;
  EXPECT_EQ(rows(potentials(c, in, events)),
            (Rows{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}));
  // One non-zero input in all nine windows.
  EXPECT_EQ(events, 9u);
  Layer ic =
      conv(LayerType::InputConvolutional, {3, 3, 1}, 3, 1, Padding::Same, 1);
  ic.weights = countingKernel();
  EXPECT_EQ(rows(potentials(ic, in, events)),
            (Rows{{9, 8, 7}, {6, 5, 4}, {3, 2, 1}}));
}

TEST(Akida, StrideTwoSamePadsAfter) {
  // A 4x4 input of ones, 3x3 kernel 1..9, stride 2, Same: no row or column
  // before, one after. Convolution: w[2 - a][2 - b] multiplies input
  // (2i + a, 2j + b). (0,0) sums all nine: 45. (0,1) drops column b = 2,
  // input column 4 (weights w[.][0] = 1, 4, 7): 45 - 12 = 33. (1,0) drops
  // row a = 2 (w[0][.] = 1, 2, 3): 39. (1,1) drops both: 45 - 12 - 6 + 1
  // = 28.
  Layer c = conv(LayerType::Convolutional, {4, 4, 1}, 3, 2, Padding::Same, 1);
  c.weights = countingKernel();
  Tensor in(Shape{4, 4, 1}, 1);
  uint64_t events = 0;
  EXPECT_EQ(rows(potentials(c, in, events)), (Rows{{45, 33}, {39, 28}}));
  EXPECT_EQ(events, 9u + 6 + 6 + 4);
  // Valid on a 5x5 input with stride 2: windows at 0 and 2, all inside.
  Layer v = conv(LayerType::Convolutional, {5, 5, 1}, 3, 2, Padding::Valid, 1);
  v.weights = countingKernel();
  EXPECT_EQ(v.output, (Shape{2, 2, 1}));
  EXPECT_EQ(rows(potentials(v, Tensor(Shape{5, 5, 1}, 1), events)),
            (Rows{{45, 45}, {45, 45}}));
}

TEST(Akida, SeparableIsDepthwiseThenPointwise) {
  // 3x3 input, two channels, 3x3 kernels, Valid: one position.
  // Channel 0 all ones, depthwise kernel all ones: D0 = 9. Channel 1 an
  // impulse of 2 at (0,0), kernel 1..9: the convolution reads
  // w[2 - 0][2 - 0] = 9, D1 = 18 (a correlation would read w[0][0] = 1).
  // Pointwise: filter 0 = D0 + D1 = 27, filter 1 = 2 D0 - D1 = 0.
  Layer l = conv(LayerType::SeparableConvolutional, {3, 3, 2}, 3, 1,
                 Padding::Valid, 2);
  for (int64_t i = 0; i < 9; ++i) {
    l.weights.push_back(1);     // [i, j, c = 0, 0]
    l.weights.push_back(i + 1); // [i, j, c = 1, 0]
  }
  l.weightsPw = {1, 2, 1, -1}; // [0, 0, c, f]: c 0 -> (1, 2), c 1 -> (1, -1)
  ASSERT_EQ(checkLayer(l), "");
  Tensor in(Shape{3, 3, 2});
  for (int64_t x = 0; x < 3; ++x)
    for (int64_t y = 0; y < 3; ++y)
      in.at(x, y, 0) = 1;
  in.at(0, 0, 1) = 2;
  uint64_t events = 0;
  Tensor p = potentials(l, in, events);
  EXPECT_EQ(p.shape, (Shape{1, 1, 2}));
  EXPECT_EQ(p.at(0, 0, 0), 27);
  EXPECT_EQ(p.at(0, 0, 1), 0);
  // Depthwise: 9 + 1 non-zero taps; pointwise: two non-zero D_c, two
  // filters each.
  EXPECT_EQ(events, 14u);
}

TEST(Akida, FullyConnectedRowOrderAndSaturation) {
  // A [2, 2, 1] input (x, y): (0,0) 3, (0,1) 1, (1,0) 3, (1,1) 2. Row
  // x + X (y + Y c): (0,0) 0, (1,0) 1, (0,1) 2, (1,1) 3, so the rows hold
  // 3, 3, 1, 2. Unit 0 weights 1, 2, 3, 4: 3 + 6 + 3 + 8 = 20 (the C order
  // x Y + y would give 22); unit 1 weights -7, 0, 5, -1: -18.
  Layer l;
  l.type = LayerType::FullyConnected;
  l.input = {2, 2, 1};
  l.inputBits = 2;
  l.filters = 2;
  l.weightsBits = 4;
  l.activation = false;
  l.output = outputShape(l);
  l.weights = {1, -7, 2, 0, 3, 5, 4, -1};
  l.threshold = {0, 0};
  l.actStep = {16, 16};
  ASSERT_EQ(checkLayer(l), "");
  uint64_t events = 0;
  Tensor p = potentials(l, plane({{3, 1}, {3, 2}}), events);
  EXPECT_EQ(p.at(0, 0, 0), 20);
  EXPECT_EQ(p.at(0, 0, 1), -18);
  EXPECT_EQ(events, 8u);
  // 300 inputs of 15 with weights 127 and -127: +-571500 saturate to
  // 2^19 - 1 and -2^19.
  Layer big = l;
  big.input = {1, 1, 300};
  big.inputBits = 4;
  big.weightsBits = 8;
  big.weights.clear();
  for (int i = 0; i < 300; ++i)
    big.weights.insert(big.weights.end(), {127, -127});
  Tensor in(Shape{1, 1, 300}, 15);
  p = potentials(big, in, events);
  EXPECT_EQ(p.at(0, 0, 0), 524287);
  EXPECT_EQ(p.at(0, 0, 1), -524288);
}

TEST(Akida, MaxPoolingSaturatesUnlessOneByOne) {
  // 5x5 potentials, 2x2 windows, stride 2, Same: 3 outputs per axis, total
  // padding 2 * 2 + 2 - 5 = 1, all after: windows [0,2), [2,4), [4,5).
  Tensor p = plane({{1, 2, 3, 4, 5},
                    {6, 7, 8, 9, 10},
                    {-1, -2, 600000, -4, -5},
                    {-6, -7, -8, -9, -10},
                    {-600000, -600000, 0, 0, -3}});
  Tensor same = maxPool(p, 2, 2, 2, 2, Padding::Same);
  EXPECT_EQ(rows(same), (Rows{{7, 9, 10}, {-1, 524287, -5}, {-524288, 0, -3}}));
  // Valid: 2 windows per axis, [0,2) and [2,4).
  Tensor valid = maxPool(p, 2, 2, 2, 2, Padding::Valid);
  EXPECT_EQ(rows(valid), (Rows{{7, 9}, {-1, 524287}}));
  // A 1x1 window keeps the potential whole.
  Tensor one = maxPool(p, 1, 1, 1, 1, Padding::Same);
  EXPECT_EQ(one.at(2, 2, 0), 600000);
  EXPECT_EQ(one.at(4, 0, 0), -600000);
  // 3x3 windows with stride 1, Same on 5: total 4 + 3 - 5 = 2, one before:
  // (0,0) takes rows and columns 0..1, (4,4) rows and columns 3..4.
  Tensor three = maxPool(p, 3, 3, 1, 1, Padding::Same);
  EXPECT_EQ(three.at(0, 0, 0), 7);
  EXPECT_EQ(three.at(4, 4, 0), 0);
  EXPECT_EQ(three.at(4, 0, 0), -6);
}

TEST(Akida, AveragePoolingIsASaturatingSum) {
  // x outer, y inner: 500000 + 100000 saturates at 524287, then -300000
  // and +10: 224297. (The exact sum is 300010; y outer would give it too.)
  Tensor p = plane({{500000, 100000}, {-300000, 10}});
  EXPECT_EQ(sumPool(p).at(0, 0, 0), 224297);
  // Below the limit it is the plain sum.
  EXPECT_EQ(sumPool(plane({{1, -2}, {3, 4}})).at(0, 0, 0), 6);
  EXPECT_EQ(sumPool(plane({{-524288, -1}})).at(0, 0, 0), -524288);
}

TEST(Akida, ActivationRoundsUpAndSaturates) {
  // S = floor(16 act_step).
  int64_t s = 0;
  ASSERT_TRUE(actStepSixteenths(0.75f, s));
  EXPECT_EQ(s, 12);
  ASSERT_TRUE(actStepSixteenths(0.34375f, s)); // 5.5 sixteenths
  EXPECT_EQ(s, 5);
  ASSERT_TRUE(actStepSixteenths(0.1f, s)); // 1.6000000238...
  EXPECT_EQ(s, 1);
  ASSERT_TRUE(actStepSixteenths(1.0f / 16, s));
  EXPECT_EQ(s, 1);
  EXPECT_FALSE(actStepSixteenths(0.0624f, s));
  ASSERT_TRUE(actStepSixteenths(16777215.0f, s));
  EXPECT_EQ(s, 268435440);
  EXPECT_FALSE(actStepSixteenths(16777216.0f, s));
  EXPECT_FALSE(actStepSixteenths(std::nanf(""), s));
  EXPECT_FALSE(actStepSixteenths(std::numeric_limits<float>::infinity(), s));

  // 2 bits, S = 12: y = min(ceil(4 d / 12), 3) = min(ceil(d / 3), 3).
  EXPECT_EQ(activate(5, 5, 12, 2), 0);  // d = 0
  EXPECT_EQ(activate(4, 5, 12, 2), 0);  // d < 0
  EXPECT_EQ(activate(6, 5, 12, 2), 1);  // 1/3 rounds up
  EXPECT_EQ(activate(8, 5, 12, 2), 1);  // exactly 1
  EXPECT_EQ(activate(9, 5, 12, 2), 2);  // 4/3
  EXPECT_EQ(activate(14, 5, 12, 2), 3); // exactly 3
  EXPECT_EQ(activate(15, 5, 12, 2), 3); // 10/3 saturates at 2^2 - 1
  EXPECT_EQ(activate(1000, 5, 12, 2), 3);
  // 1 bit: P > threshold.
  EXPECT_EQ(activate(-6, -7, 1000, 1), 1);
  EXPECT_EQ(activate(-7, -7, 1000, 1), 0);
  // 4 bits, S = 16 (act_step 1): y = min(d, 15).
  EXPECT_EQ(activate(3, 0, 16, 4), 3);
  EXPECT_EQ(activate(16, 0, 16, 4), 15);
}

TEST(Akida, ActivationInThirtyTwoBits) {
  int64_t lo = std::numeric_limits<int32_t>::min();
  // d = P - threshold wraps to 32 bits: 0 - (-2^31) = 2^31 is -2^31, not
  // positive; -1 - (-2^31) = 2^31 - 1 is.
  EXPECT_EQ(activate(0, lo, 16, 4), 0);
  EXPECT_EQ(activate(-1, lo, 16, 4), 15);
  // d << (4 + bits) wraps: d = 2^28 + 1 at 4 bits gives 256, and
  // (256 - 1) / 256 + 1 = 1 (15 without the wrap).
  EXPECT_EQ(activate(0, -(int64_t(1) << 28) - 1, 16, 4), 1);
  // A numerator that wraps to 0: (0 - 1) / den + 1 in 32 bits. d = 2^30 at
  // 1 bit, S = 5: 0xFFFFFFFF / 80 + 1, capped at 1.
  EXPECT_EQ(activate(0, -(int64_t(1) << 30), 5, 1), 1);
  // At 4 bits with S = 2^27 (act_step 2^23), den = 2^31:
  // 0xFFFFFFFF / 2^31 + 1 = 2.
  EXPECT_EQ(activate(0, -(int64_t(1) << 30), int64_t(1) << 27, 4), 2);
}

TEST(Akida, EvaluatePoolsThenActivates) {
  // The InputConvolutional example above, with threshold 0, act_step 0.75
  // (S = 12) at 2 bits: ceil(P / 3) capped at 3: 7 -> 3, 1 -> 1, 10 -> 3
  // (ceil 10/3 = 4 saturates), 5 -> 2.
  Layer l =
      conv(LayerType::InputConvolutional, {4, 4, 1}, 3, 2, Padding::Same, 1, 2);
  l.paddingValue = 1;
  l.weights = {1, 0, -1, 0, 1, 0, 1, 0, 1};
  l.activation = true;
  l.actBits = 2;
  l.actStep = {12};
  Tensor in = plane({{1, 2, 0, 3}, {0, 1, 2, 0}, {4, 0, 1, 1}, {0, 5, 0, 3}});
  uint64_t events = 0;
  EXPECT_EQ(rows(evaluate(l, in, events)), (Rows{{3, 1}, {3, 2}}));
  // A 2x2 max pool (stride 2, Same on 2) keeps the largest potential,
  // 10, activated after pooling: 3. A global average sums 23: ceil(23 / 3)
  // saturates.
  l.pool = PoolType::Max;
  l.poolX = l.poolY = l.poolStrideX = l.poolStrideY = 2;
  l.output = outputShape(l);
  ASSERT_EQ(checkLayer(l), "");
  EXPECT_EQ(rows(evaluate(l, in, events)), (Rows{{3}}));
  l.actStep = {16 * 8}; // act_step 8: ceil(4 P / 128)
  EXPECT_EQ(rows(evaluate(l, in, events)), (Rows{{1}}));
  l.pool = PoolType::Average;
  EXPECT_EQ(rows(evaluate(l, in, events)), (Rows{{1}})); // ceil(92 / 128)
  l.actStep = {16};                                      // min(4 * 23, 3)
  EXPECT_EQ(rows(evaluate(l, in, events)), (Rows{{3}}));
}

TEST(Akida, CheckLayerNamesTheRule) {
  Layer c = conv(LayerType::Convolutional, {5, 5, 1}, 3, 1, Padding::Same, 1);
  c.weights = countingKernel();
  EXPECT_EQ(checkLayer(c), "");
  Layer even = c;
  even.kernelX = 4;
  EXPECT_EQ(checkParameters(even),
            "kernel_size 4x3 (Convolutional takes odd sizes)");
  Layer stride = c;
  stride.kernelX = stride.kernelY = 1;
  stride.strideX = stride.strideY = 2;
  EXPECT_EQ(checkParameters(stride),
            "kernel_stride 2x2 (Convolutional takes strides up to the kernel "
            "size, 1x1)");
  Layer bits = c;
  bits.weightsBits = 3;
  EXPECT_EQ(checkParameters(bits),
            "weights_bits 3 (Convolutional takes 1, 2, 4 or 8)");
  Layer range = c;
  range.weightsBits = 4;
  EXPECT_EQ(checkLayer(range),
            "weights[7] is 8, outside -7..7 (weights_bits 4)");
  Layer one = c;
  one.weightsBits = 1;
  one.weights = {0, 1, 1, 0, 0, 1, 1, 1, -1};
  EXPECT_EQ(checkLayer(one), "weights[8] is -1, outside 0..1 (weights_bits 1)");
  Layer shape = c;
  shape.output = {4, 5, 1};
  EXPECT_EQ(checkParameters(shape), "output shape [4, 5, 1] is not the "
                                    "[5, 5, 1] its parameters give");
  Layer none =
      conv(LayerType::Convolutional, {2, 5, 1}, 3, 1, Padding::Valid, 1);
  EXPECT_EQ(checkParameters(none),
            "output shape [0, 3, 1]: every dimension must be at least 1");
  none.output = {1, 3, 1};
  EXPECT_EQ(checkParameters(none),
            "kernel_size 3x3 with Valid padding on [2, 5, 1] leaves no output "
            "(Convolutional needs a positive output size)");
}

namespace {
/// The InputConvolutional and FullyConnected example as a model.
Model tinyModel() {
  Model m;
  m.name = "tiny";
  m.input = {4, 4, 1};
  m.inputBits = 8;
  m.inputSnnShape = {1, 4, 4};
  m.outputSnnShape = {2};
  Layer c =
      conv(LayerType::InputConvolutional, {4, 4, 1}, 3, 2, Padding::Same, 1, 2);
  c.paddingValue = 1;
  c.weights = {1, 0, -1, 0, 1, 0, 1, 0, 1};
  c.activation = true;
  c.actBits = 2;
  c.actStep = {12};
  Layer f;
  f.type = LayerType::FullyConnected;
  f.input = {2, 2, 1};
  f.inputBits = 2;
  f.filters = 2;
  f.weightsBits = 4;
  f.activation = false;
  f.output = outputShape(f);
  f.weights = {1, -7, 2, 0, 3, 5, 4, -1};
  f.threshold = {0, 0};
  f.actStep = {16, 16};
  m.names = {"conv0", "fc1"};
  m.layers = {c, f};
  return m;
}

/// Feeds one image (rows of one channel, the snn order) and steps.
void feed(Network &net, const std::vector<uint32_t> &values) {
  std::vector<uint32_t> index, payload;
  for (uint32_t i = 0; i < values.size(); ++i)
    if (values[i]) {
      index.push_back(i);
      payload.push_back(values[i]);
    }
  std::string error;
  ASSERT_TRUE(
      net.setInputSpikes(0, index.data(), payload.data(), index.size(), error))
      << error;
  net.step();
}
} // namespace

TEST(Akida, ModelRunsAsNodes) {
  // The activations [[3, 1], [3, 2]] into the FullyConnected layer of
  // FullyConnectedRowOrderAndSaturation: potentials 20 and -18, a current
  // stream.
  std::string error;
  auto net = Network::load(modelRecords(tinyModel()), error);
  ASSERT_TRUE(net) << error;
  ASSERT_EQ(net->numInputs(), 1u);
  EXPECT_EQ(net->inputInfo(0).payloadBits, 8u);
  EXPECT_EQ(net->inputInfo(0).size, 16u);
  std::vector<uint32_t> image = {1, 2, 0, 3, 0, 1, 2, 0,
                                 4, 0, 1, 1, 0, 5, 0, 3};
  feed(*net, image);
  const Stream &out = net->output(0);
  ASSERT_FALSE(out.spiking);
  EXPECT_EQ(out.values, (std::vector<double>{20, -18}));
  // Each step is one inference: an empty image gives the padding's
  // activations [[0, 0], [1, 1]] (rows 1, 3 of the FullyConnected layer):
  // 2 + 4 = 6 and 0 - 1 = -1; the image again gives the first answer.
  feed(*net, std::vector<uint32_t>(16, 0));
  EXPECT_EQ(out.values, (std::vector<double>{6, -1}));
  feed(*net, image);
  EXPECT_EQ(out.values, (std::vector<double>{20, -18}));
  // A probe "output" reads the same values.
  ASSERT_EQ(net->probes().size(), 1u);
  EXPECT_EQ(net->probes()[0].name, "output");
  std::vector<double> probe;
  net->readProbe(0, probe);
  EXPECT_EQ(probe, (std::vector<double>{20, -18}));
  // Activity: the layer's multiply-accumulates with non-zero inputs and
  // its non-zero outputs (27, 11 and 27 events; 4, 2 and 4 outputs).
  auto info = net->nodeInfo();
  ASSERT_EQ(info.size(), 3u);
  EXPECT_EQ(info[1].name, "conv0");
  EXPECT_EQ(info[1].activity.synapticEvents, 65u);
  EXPECT_EQ(info[1].activity.spikes, 10u);
  EXPECT_EQ(info[2].activity.synapticEvents, 8u + 4 + 8);
  EXPECT_EQ(info[2].activity.spikes, 6u);
}

TEST(Akida, GradedSpikesOut) {
  // Only the InputConvolutional layer: its activations are graded spikes
  // in the snn order (c H + x) W + y: (0,0) 3, (0,1) 1, (1,0) 3, (1,1) 2.
  Model m = tinyModel();
  m.layers.pop_back();
  m.names.pop_back();
  m.outputSnnShape = {1, 2, 2};
  std::string error;
  auto net = Network::load(modelRecords(m), error);
  ASSERT_TRUE(net) << error;
  feed(*net, {1, 2, 0, 3, 0, 1, 2, 0, 4, 0, 1, 1, 0, 5, 0, 3});
  const Stream &out = net->output(0);
  ASSERT_TRUE(out.spiking);
  EXPECT_EQ(out.payloadBits, 2u);
  EXPECT_EQ(out.active, (std::vector<uint32_t>{0, 1, 2, 3}));
  EXPECT_EQ(out.payload, (std::vector<uint32_t>{3, 1, 3, 2}));
  // A payload above the input's 8 bits counts as 255: element (0,0) of the
  // first window, weight 1: 255 + ... = 261 -> 3; the same as 255.
  feed(*net, {1000, 2, 0, 3, 0, 1, 2, 0, 4, 0, 1, 1, 0, 5, 0, 3});
  std::vector<uint32_t> big = out.payload;
  feed(*net, {255, 2, 0, 3, 0, 1, 2, 0, 4, 0, 1, 1, 0, 5, 0, 3});
  EXPECT_EQ(out.payload, big);
}

TEST(Akida, NodeRefusesARecordItCannotRun) {
  // A layer record whose weights break its bits, as a reader would not
  // write it: the node names the rule.
  Model m = tinyModel();
  m.layers[1].weights[0] = 8;
  std::string error;
  EXPECT_FALSE(Network::load(modelRecords(m), error));
  EXPECT_NE(error.find("fc1"), std::string::npos) << error;
  EXPECT_NE(error.find("weights[0] is 8, outside -7..7 (weights_bits 4)"),
            std::string::npos)
      << error;
}
