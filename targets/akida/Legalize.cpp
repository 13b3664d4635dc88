//===- Legalize.cpp - an snn network into Akida layers (akida-legalize) ---===//
//
// Walks a sequential snn network from its input to its output, groups each
// connection with its pooling and activation into one MetaTF layer, checks
// the layer against Akida 1.0's limits (Layers.cpp), quantizes its weights
// and activation, and writes the akida.model beside the network with the
// measured errors as snn.quant_error on the connection.
//
//===----------------------------------------------------------------------===//

#include "targets/akida/Passes.h"

#include "dialects/SNN/Naming.h"
#include "dialects/SNN/Weights.h"
#include "passes/SynapseCost.h"
#include "targets/ChipDescription.h"
#include "targets/akida/Layers.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/STLExtras.h"

#include <cmath>

#define DEBUG_TYPE "akida-legalize"

namespace snnc::akida {
#define GEN_PASS_DEF_AKIDALEGALIZE
#include "targets/akida/Passes.h.inc"
} // namespace snnc::akida

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;
using namespace snnc::akida;

namespace {
/// [C, H, W] or [N] as Akida's [X, Y, C].
std::array<int64_t, 3> toAkidaShape(ArrayRef<int64_t> snnShape) {
  if (snnShape.size() == 3)
    return {snnShape[1], snnShape[2], snnShape[0]};
  int64_t n = 1;
  for (int64_t d : snnShape)
    n *= d;
  return {1, 1, n};
}

std::string listText(ArrayRef<int64_t> values) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(values, os, ", ");
  return text;
}

std::string shapeText(ArrayRef<int64_t> shape) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(shape, os, "x");
  return text;
}

/// The one user of `value`, skipping probes, or null when it has none or
/// several.
Operation *soleUser(Value value) {
  Operation *found = nullptr;
  for (Operation *user : value.getUsers()) {
    if (llvm::isa<ProbeOp>(user))
      continue;
    if (found && found != user)
      return nullptr;
    found = user;
  }
  return found;
}

/// One layer as the legalizer collects it from the snn ops.
struct Collected {
  Operation *conn = nullptr;       ///< conv2d, linear or affine
  mutable Conv2dOp pointwise;      ///< the 1x1 conv of a separable pair
  Operation *pool = nullptr;       ///< max_pool2d or a global avg_pool2d
  Operation *activation = nullptr; ///< qrelu or threshold; null: potentials
  Value input, output;
};

class Legalizer {
public:
  Legalizer(NetworkOp network, ModuleOp module)
      : network(network), module(module), names(network),
        b(module.getContext()) {}
  LogicalResult run(int64_t &layers, int64_t &inexact);

private:
  FailureOr<Collected> collect(Value input);
  LogicalResult build(const Collected &c, bool first, OpBuilder &builder);
  InFlightDiagnostic fail(Operation *op, const LayerDesc &layer,
                          const std::string &what);
  LogicalResult matchPadding(Operation *conv, LayerDesc &layer,
                             ArrayRef<int64_t> padding);
  LogicalResult matchPool(const Collected &c, LayerDesc &layer);

  NetworkOp network;
  ModuleOp module;
  OpNames names;
  Builder b;
  int64_t inputBits = 0;
  int64_t numInexact = 0;
  /// The layer being built, named after its connection.
  std::string layerName;
};

InFlightDiagnostic Legalizer::fail(Operation *op, const LayerDesc &layer,
                                   const std::string &what) {
  return op->emitOpError() << "as Akida layer '" << layerName << "' ("
                           << layerTypeName(layer.type) << "): " << what;
}

FailureOr<Collected> Legalizer::collect(Value input) {
  Collected c;
  c.input = input;
  Operation *op = soleUser(input);
  if (!op)
    return network.emitOpError()
           << "branches or ends early: Akida 1.0 runs sequential models, "
              "each stream read by one layer";
  if (auto flatten = llvm::dyn_cast<FlattenOp>(op)) {
    op = soleUser(flatten.getResult());
    if (!op || !llvm::isa<LinearOp, AffineOp>(op))
      return flatten.emitOpError()
             << "feeds something other than one linear or affine map; "
                "Akida flattens only into a FullyConnected layer";
  }
  if (!llvm::isa<Conv2dOp, LinearOp, AffineOp>(op))
    return op->emitOpError()
           << "has no Akida form (a layer starts with conv2d, linear or "
              "affine)";
  if (op->getAttr("stdp"))
    return op->emitOpError() << "learns; Akida 1.0 learns only in the last "
                                "FullyConnected layer with binary weights, "
                                "which this target does not emulate";
  c.conn = op;
  Value v = op->getResult(0);
  // A depthwise convolution and the 1x1 convolution it feeds: one layer.
  if (auto conv = llvm::dyn_cast<Conv2dOp>(op)) {
    ArrayRef<int64_t> w = conv.getWeight().getShapedType().getShape();
    int64_t cin = getStreamShape(conv.getInput().getType())[0];
    if (conv.getGroups() > 1) {
      auto pw = llvm::dyn_cast_or_null<Conv2dOp>(soleUser(v));
      bool depthwise = int64_t(conv.getGroups()) == cin && w[0] == cin;
      if (!depthwise || !pw || pw.getGroups() != 1 ||
          pw.getWeight().getShapedType().getShape()[2] != 1 ||
          pw.getWeight().getShapedType().getShape()[3] != 1 ||
          llvm::any_of(pw.getPadding(), [](int64_t p) { return p != 0; }) ||
          llvm::any_of(pw.getStride(), [](int64_t s) { return s != 1; }))
        return conv.emitOpError()
               << "is a grouped convolution; Akida 1.0 takes one only as the "
                  "depthwise half of a SeparableConvolutional, followed by a "
                  "1x1 convolution";
      if (conv.getBias())
        return conv.emitOpError()
               << "has a bias; the depthwise half of a SeparableConvolutional "
                  "has none (put it on the 1x1 convolution)";
      c.pointwise = pw;
      v = pw.getResult();
    }
  }
  Operation *next = soleUser(v);
  if (next && llvm::isa<MaxPool2dOp, AvgPool2dOp>(next)) {
    c.pool = next;
    v = next->getResult(0);
    next = soleUser(v);
  }
  if (next && llvm::isa<QReLUOp, ThresholdOp>(next)) {
    if (next->getNumOperands() != 1)
      return next->emitOpError()
             << "sums " << next->getNumOperands()
             << " inputs; an Akida layer's activation reads one connection";
    if (!next->getAttr("step"))
      return next->emitOpError()
             << "is not discretized; run snn-discretize before akida-legalize";
    c.activation = next;
    v = next->getResult(0);
    next = soleUser(v);
    if (next && llvm::isa<MaxPool2dOp>(next) && !c.pool) {
      c.pool = next;
      v = next->getResult(0);
    }
  } else if (next && !llvm::isa<OutputOp>(next)) {
    return next->emitOpError()
           << "has no Akida form: an Akida layer's activation is snn.qrelu "
              "(1, 2 or 4 bits) or snn.threshold";
  }
  c.output = v;
  return c;
}

LogicalResult Legalizer::matchPadding(Operation *conv, LayerDesc &layer,
                                      ArrayRef<int64_t> padding) {
  int64_t x = layer.input[0], y = layer.input[1];
  auto padOf = [&](Padding mode, int64_t n, int64_t k, int64_t s,
                   int64_t &before, int64_t &after) {
    int64_t total = paddingTotal(n, k, s, mode);
    before = total / 2;
    after = total - before;
  };
  for (Padding mode : {Padding::Same, Padding::Valid}) {
    int64_t bx, ax, by, ay;
    padOf(mode, x, layer.kernelX, layer.strideX, bx, ax);
    padOf(mode, y, layer.kernelY, layer.strideY, by, ay);
    if (padding[0] == bx && padding[1] == by &&
        getPaddingAfter(padding, 2, 0) == ax &&
        getPaddingAfter(padding, 2, 1) == ay) {
      layer.padding = mode;
      return success();
    }
  }
  int64_t bx, ax, by, ay;
  padOf(Padding::Same, x, layer.kernelX, layer.strideX, bx, ax);
  padOf(Padding::Same, y, layer.kernelY, layer.strideY, by, ay);
  return fail(conv, layer,
              "padding [" + listText(padding) +
                  "] is neither 'Valid' (none) nor 'Same' (TensorFlow's: [" +
                  std::to_string(bx) + ", " + std::to_string(by) + ", " +
                  std::to_string(ax) + ", " + std::to_string(ay) + "])");
}

LogicalResult Legalizer::matchPool(const Collected &c, LayerDesc &layer) {
  if (!c.pool)
    return success();
  std::array<int64_t, 3> conv = convolutionShape(layer);
  ArrayRef<int64_t> k =
      c.pool->getAttrOfType<DenseI64ArrayAttr>("kernel_size").asArrayRef();
  ArrayRef<int64_t> st =
      c.pool->getAttrOfType<DenseI64ArrayAttr>("stride").asArrayRef();
  ArrayRef<int64_t> pad =
      c.pool->getAttrOfType<DenseI64ArrayAttr>("padding").asArrayRef();
  if (llvm::isa<AvgPool2dOp>(c.pool)) {
    if (k[0] != conv[0] || k[1] != conv[1] ||
        llvm::any_of(pad, [](int64_t p) { return p != 0; }))
      return fail(c.pool, layer,
                  "average pooling " + shapeText(k) + " over " +
                      std::to_string(conv[0]) + "x" + std::to_string(conv[1]) +
                      ": Akida 1.0 averages globally only");
    layer.pool = PoolType::Average;
    return success();
  }
  layer.pool = PoolType::Max;
  layer.poolX = k[0];
  layer.poolY = k[1];
  layer.poolStrideX = st[0];
  layer.poolStrideY = st[1];
  // The pooling pads by the layer's rule.
  int64_t totalX = paddingTotal(conv[0], k[0], st[0], layer.padding);
  int64_t totalY = paddingTotal(conv[1], k[1], st[1], layer.padding);
  if (pad[0] != totalX / 2 || pad[1] != totalY / 2 ||
      getPaddingAfter(pad, 2, 0) != totalX - totalX / 2 ||
      getPaddingAfter(pad, 2, 1) != totalY - totalY / 2)
    return fail(c.pool, layer,
                "max pooling padded [" + listText(pad) + "]; the layer's '" +
                    paddingName(layer.padding) + "' padding pads it [" +
                    std::to_string(totalX / 2) + ", " +
                    std::to_string(totalY / 2) + ", " +
                    std::to_string(totalX - totalX / 2) + ", " +
                    std::to_string(totalY - totalY / 2) + "]");
  return success();
}

/// A scalar parameter of an activation, or failure.
FailureOr<double> scalarParam(Operation *op, StringRef name, double fallback) {
  auto neuron = llvm::cast<NeuronOpInterface>(op);
  SmallVector<double> values =
      getParamValues(op, neuron.getModel(), name, fallback);
  for (double v : values)
    if (v != values.front())
      return op->emitOpError() << "has a different '" << name
                               << "' per neuron; Akida takes one per layer";
  return values.front();
}

LogicalResult Legalizer::build(const Collected &c, bool first,
                               OpBuilder &builder) {
  MLIRContext *ctx = module.getContext();
  layerName = names.lookup(c.conn).str();
  LayerDesc layer;
  ArrayRef<int64_t> inShape = getStreamShape(c.input.getType());
  layer.input = toAkidaShape(inShape);
  layer.inputBits = inputBits;
  auto conv = llvm::dyn_cast<Conv2dOp>(c.conn);
  bool separable = bool(c.pointwise);
  std::optional<ElementsAttr> bias;
  if (conv) {
    layer.type = separable                 ? LayerType::SeparableConvolutional
                 : first && inputBits == 8 ? LayerType::InputConvolutional
                                           : LayerType::Convolutional;
    ArrayRef<int64_t> w = conv.getWeight().getShapedType().getShape();
    layer.kernelX = w[2];
    layer.kernelY = w[3];
    layer.strideX = conv.getStride()[0];
    layer.strideY = conv.getStride()[1];
    layer.filters = separable
                        ? c.pointwise.getWeight().getShapedType().getShape()[0]
                        : w[0];
    if (llvm::any_of(conv.getDilation(), [](int64_t d) { return d != 1; }))
      return fail(c.conn, layer,
                  "dilation " + shapeText(conv.getDilation()) +
                      " (Akida does not dilate kernels)");
    if (failed(matchPadding(c.conn, layer, conv.getPadding())))
      return failure();
    bias = separable ? c.pointwise.getBias() : conv.getBias();
  } else {
    layer.type = LayerType::FullyConnected;
    layer.filters = getStreamShape(c.conn->getResult(0).getType())[0];
    layer.padding = Padding::Valid;
    if (auto affine = llvm::dyn_cast<AffineOp>(c.conn))
      bias = affine.getBias();
  }
  if (failed(matchPool(c, layer)))
    return failure();
  layer.activation = c.activation != nullptr;
  if (auto q = llvm::dyn_cast_or_null<QReLUOp>(c.activation))
    layer.actBits = int64_t(q.getBits());
  else
    layer.actBits = 1;
  if (!layer.activation && !llvm::isa<OutputOp>(soleUser(c.output)))
    return fail(c.conn, layer,
                "has no activation but is not the last layer; only the last "
                "Akida layer may output its potentials");

  // Weights, per output channel, in the snn order of their elements.
  SmallVector<double> w;
  if (failed(
          readFloats(llvm::cast<ElementsAttr>(c.conn->getAttr("weight")), w)))
    return c.conn->emitOpError() << "has weights that cannot be read";
  auto finite = [&](Operation *op, ArrayRef<double> values,
                    StringRef what) -> LogicalResult {
    for (auto [i, v] : llvm::enumerate(values))
      if (!std::isfinite(v))
        return fail(op, layer,
                    what.str() + " " + std::to_string(i) + " is " +
                        (std::isnan(v) ? "NaN" : "infinite") +
                        "; Akida stores integers");
    return success();
  };
  if (failed(finite(c.conn, w, "weight")))
    return failure();
  std::vector<int64_t> allowed = allowedWeightBits(layer.type);
  int64_t perChannel =
      layer.type == LayerType::SeparableConvolutional
          ? layer.kernelX * layer.kernelY
          : int64_t(w.size()) / std::max<int64_t>(1, layer.filters);
  int64_t channels = int64_t(w.size()) / std::max<int64_t>(1, perChannel);
  std::vector<std::vector<double>> rows(channels);
  for (int64_t f = 0; f < channels; ++f)
    rows[f].assign(w.begin() + f * perChannel,
                   w.begin() + (f + 1) * perChannel);
  WeightQuantization q = quantizeWeights(rows, allowed);
  WeightQuantization pointwise;
  const auto &[ix, iy, ic] = layer.input;
  if (separable) {
    // The 1x1 weights times each channel's depthwise step, per filter.
    SmallVector<double> pw;
    if (failed(readFloats(c.pointwise.getWeight(), pw)))
      return c.pointwise.emitOpError() << "has weights that cannot be read";
    if (failed(finite(c.pointwise, pw, "weight")))
      return failure();
    std::vector<std::vector<double>> prow(layer.filters);
    for (int64_t f = 0; f < layer.filters; ++f)
      for (int64_t ch = 0; ch < ic; ++ch)
        prow[f].push_back(pw[f * ic + ch] * q.scale[ch]);
    pointwise = quantizeWeights(prow, allowed);
    // One weights_bits for both halves: the larger.
    if (pointwise.bits != q.bits) {
      int64_t bits = std::max(pointwise.bits, q.bits);
      q = quantizeWeights(rows, {bits});
      for (int64_t f = 0; f < layer.filters; ++f)
        for (int64_t ch = 0; ch < ic; ++ch)
          prow[f][ch] = pw[f * ic + ch] * q.scale[ch];
      pointwise = quantizeWeights(prow, {bits});
    }
  }
  layer.weightsBits = q.bits;
  if (std::string broken = checkLimits(layer); !broken.empty())
    return fail(c.conn, layer, broken);

  // The output shape must be the snn stream's.
  std::array<int64_t, 3> out = outputShape(layer);
  std::array<int64_t, 3> expected =
      toAkidaShape(getStreamShape(c.output.getType()));
  if (out != expected)
    return fail(c.conn, layer,
                "Akida's output would be " + shapeText(out) +
                    " ([X, Y, C]), "
                    "the network's is " +
                    shapeText(expected));

  // Integer weights in MetaTF's layout.
  const WeightQuantization &last = separable ? pointwise : q;
  std::vector<double> scale = last.scale;
  if (layer.pool == PoolType::Average)
    for (double &s : scale)
      s /= double(convolutionShape(layer)[0] * convolutionShape(layer)[1]);
  NamedAttrList variables;
  auto i8 = IntegerType::get(ctx, 8);
  auto tensorOf = [&](ArrayRef<int64_t> shape, ArrayRef<int8_t> values) {
    return DenseElementsAttr::get(RankedTensorType::get(shape, i8), values);
  };
  int64_t kx = layer.kernelX, ky = layer.kernelY, f = layer.filters;
  if (layer.type == LayerType::FullyConnected) {
    // Input row x + X (y + Y c) holds snn element (c X + x) Y + y.
    std::vector<int8_t> data(size_t(ix * iy * ic * f));
    for (int64_t u = 0; u < f; ++u)
      for (int64_t ch = 0; ch < ic; ++ch)
        for (int64_t x = 0; x < ix; ++x)
          for (int64_t y = 0; y < iy; ++y) {
            int64_t row = x + ix * (y + iy * ch);
            int64_t n = (ch * ix + x) * iy + y;
            data[size_t(row * f + u)] = int8_t(q.ints[u][n]);
          }
    variables.append("weights", tensorOf({1, 1, ix * iy * ic, f}, data));
  } else if (separable) {
    std::vector<int8_t> dw(size_t(kx * ky * ic)), pw(size_t(ic * f));
    for (int64_t ch = 0; ch < ic; ++ch)
      for (int64_t i = 0; i < kx; ++i)
        for (int64_t j = 0; j < ky; ++j) // a true convolution: rotated
          dw[size_t(((kx - 1 - i) * ky + (ky - 1 - j)) * ic + ch)] =
              int8_t(q.ints[ch][i * ky + j]);
    for (int64_t u = 0; u < f; ++u)
      for (int64_t ch = 0; ch < ic; ++ch)
        pw[size_t(ch * f + u)] = int8_t(pointwise.ints[u][ch]);
    variables.append("weights", tensorOf({kx, ky, ic, 1}, dw));
    variables.append("weights_pw", tensorOf({1, 1, ic, f}, pw));
  } else {
    bool rotate = layer.type == LayerType::Convolutional;
    std::vector<int8_t> data(size_t(kx * ky * ic * f));
    for (int64_t u = 0; u < f; ++u)
      for (int64_t ch = 0; ch < ic; ++ch)
        for (int64_t i = 0; i < kx; ++i)
          for (int64_t j = 0; j < ky; ++j) {
            int64_t ai = rotate ? kx - 1 - i : i, aj = rotate ? ky - 1 - j : j;
            data[size_t(((ai * ky + aj) * ic + ch) * f + u)] =
                int8_t(q.ints[u][(ch * kx + i) * ky + j]);
          }
    variables.append("weights", tensorOf({kx, ky, ic, f}, data));
  }

  // The activation, per filter.
  SmallVector<double> biases;
  if (bias && failed(readFloats(*bias, biases)))
    return c.conn->emitOpError() << "has a bias that cannot be read";
  biases.resize(size_t(f), 0.0);
  if (failed(finite(c.conn, biases, "bias")))
    return failure();
  double activationError = 0;
  if (layer.activation) {
    std::vector<int32_t> thresholds;
    std::vector<float> steps;
    FailureOr<double> theta = scalarParam(c.activation, "v_threshold", 0.0);
    if (failed(theta))
      return failure();
    FailureOr<double> step = 1.0;
    if (llvm::isa<QReLUOp>(c.activation))
      step = scalarParam(c.activation, "v_step", 1.0);
    if (failed(step))
      return failure();
    for (int64_t u = 0; u < f; ++u) {
      ActivationQuantization a =
          llvm::isa<QReLUOp>(c.activation)
              ? quantizeQReLU(scale[u], biases[u], *theta, *step, layer.actBits)
              : quantizeThreshold(scale[u], biases[u], *theta);
      if (!a.fits || a.threshold < INT32_MIN || a.threshold > INT32_MAX) {
        bool step = std::string(a.what) == "act_step";
        return fail(c.activation, layer,
                    (step ? "act_step " : "threshold ") +
                        units::formatDouble(a.fits ? double(a.threshold)
                                                   : a.wanted) +
                        " of filter " + std::to_string(u) +
                        (step ? " is not below 2^24, the largest Akida's "
                                "engine computes (the step is too large for "
                                "the weights' scale)"
                              : " does not fit Akida's int32 (the threshold "
                                "is too large for the weights' scale)"));
      }
      thresholds.push_back(int32_t(a.threshold));
      steps.push_back(float(a.actStep));
      activationError = std::max(activationError, a.error);
    }
    variables.append("threshold",
                     DenseElementsAttr::get(
                         RankedTensorType::get({f}, IntegerType::get(ctx, 32)),
                         ArrayRef<int32_t>(thresholds)));
    variables.append("act_step",
                     DenseElementsAttr::get(
                         RankedTensorType::get({f}, Float32Type::get(ctx)),
                         ArrayRef<float>(steps)));
  } else if (llvm::any_of(biases, [](double v) { return v != 0; })) {
    return fail(c.conn, layer,
                "has a bias but no activation; Akida 1.0 adds a bias only "
                "through the activation's threshold");
  }

  // The measured cost, on the connection.
  double wMax = std::max(q.maxError, pointwise.maxError);
  double wRms = std::max(q.rmsError, pointwise.rmsError);
  int64_t zeroed = q.zeroed + pointwise.zeroed;
  size_t weightCount = w.size() + (separable ? size_t(ic * f) : 0);
  NamedAttrList errors;
  errors.append("weight_max", b.getF64FloatAttr(wMax));
  errors.append("weight_rms", b.getF64FloatAttr(wRms));
  if (zeroed > 0)
    errors.append("weights_zeroed",
                  b.getF64FloatAttr(double(zeroed) / double(weightCount)));
  // Akida keeps signed 20 bits of a FullyConnected's potential and of a
  // pooled one: the largest a filter can reach, against that.
  if (layer.type == LayerType::FullyConnected ||
      layer.pool != PoolType::None) {
    double top = std::ldexp(1.0, int(layer.inputBits)) - 1;
    double positions = layer.pool == PoolType::Average
                           ? double(convolutionShape(layer)[0] *
                                    convolutionShape(layer)[1])
                           : 1.0;
    double largest = 0;
    const WeightQuantization &outer = separable ? pointwise : q;
    for (const std::vector<int64_t> &row : outer.ints) {
      double sum = 0;
      for (int64_t k : row)
        sum += std::fabs(double(k));
      if (separable) { // each depthwise sum is at most its channel's bound
        double dw = 0;
        for (const std::vector<int64_t> &d : q.ints) {
          double channel = 0;
          for (int64_t k : d)
            channel += std::fabs(double(k));
          dw = std::max(dw, channel);
        }
        sum *= dw;
      }
      largest = std::max(largest, sum * top * positions);
    }
    double limit = std::ldexp(1.0, int(kPotentialBits) - 1) - 1;
    if (largest > limit) {
      errors.append("potential_range", b.getF64FloatAttr(largest / limit));
      c.conn->emitWarning()
          << "as Akida layer '" << layerName << "' ("
          << layerTypeName(layer.type) << "): its potentials can reach "
          << int64_t(largest) << ", beyond the signed " << kPotentialBits
          << " bits (" << int64_t(limit)
          << ") Akida keeps after "
          << (layer.type == LayerType::FullyConnected ? "a FullyConnected"
                                                      : "pooling")
          << "; larger ones are clipped (written as potential_range)";
    }
  }
  if (layer.activation)
    errors.append("activation", b.getF64FloatAttr(activationError));
  c.conn->setAttr("snn.quant_error", errors.getDictionary(ctx));
  if (!q.exact || !pointwise.exact || activationError > 0)
    ++numInexact;

  // The layer.
  NamedAttrList params;
  params.append("input_bits", b.getI64IntegerAttr(layer.inputBits));
  params.append("weights_bits", b.getI64IntegerAttr(layer.weightsBits));
  params.append("activation", b.getBoolAttr(layer.activation));
  params.append("act_bits", b.getI64IntegerAttr(layer.actBits));
  if (layer.type == LayerType::FullyConnected) {
    params.append("units", b.getI64IntegerAttr(f));
  } else {
    params.append("filters", b.getI64IntegerAttr(f));
    params.append("kernel_size", b.getDenseI64ArrayAttr({kx, ky}));
    params.append("kernel_stride",
                  b.getDenseI64ArrayAttr({layer.strideX, layer.strideY}));
    params.append("padding", b.getStringAttr(paddingName(layer.padding)));
    params.append("pool_type", b.getStringAttr(poolTypeName(layer.pool)));
    if (layer.pool == PoolType::Max) {
      params.append("pool_size",
                    b.getDenseI64ArrayAttr({layer.poolX, layer.poolY}));
      params.append("pool_stride", b.getDenseI64ArrayAttr(
                                       {layer.poolStrideX, layer.poolStrideY}));
    }
    if (layer.type == LayerType::InputConvolutional)
      params.append("padding_value", b.getI64IntegerAttr(0));
  }
  std::string source = c.conn->getName().getStringRef().str() + " @" +
                       names.lookup(c.conn).str();
  if (separable)
    source += ", " + c.pointwise->getName().getStringRef().str() + " @" +
              names.lookup(c.pointwise).str();
  if (c.pool)
    source += ", " + c.pool->getName().getStringRef().str() + " @" +
              names.lookup(c.pool).str();
  if (c.activation)
    source += ", " + c.activation->getName().getStringRef().str() + " @" +
              names.lookup(c.activation).str();
  auto layerOp = builder.create<LayerOp>(
      c.conn->getLoc(), b.getStringAttr(names.lookup(c.conn)),
      b.getStringAttr(layerTypeName(layer.type)), params.getDictionary(ctx),
      variables.getDictionary(ctx), b.getDenseI64ArrayAttr(layer.input),
      b.getDenseI64ArrayAttr(out), b.getStringAttr(source), IntegerAttr(),
      StringAttr());
  layerOp->setAttr("errors", errors.getDictionary(ctx));
  inputBits = layer.activation ? layer.actBits : 0;
  return success();
}

LogicalResult Legalizer::run(int64_t &layers, int64_t &inexact) {
  Block &body = network.getBodyBlock();
  if (body.getNumArguments() != 1)
    return network.emitOpError() << "has " << body.getNumArguments()
                                 << " inputs; an Akida model reads one";
  auto output = llvm::cast<OutputOp>(body.getTerminator());
  if (output.getNumOperands() != 1)
    return network.emitOpError() << "has " << output.getNumOperands()
                                 << " outputs; an Akida model gives one";
  Value input = body.getArgument(0);
  auto spikes = llvm::dyn_cast<SpikeType>(input.getType());
  unsigned bits =
      spikes ? (spikes.isGraded() ? spikes.getPayloadBits() : 1) : 0;
  if (!spikes || !(bits == 1 || bits == 2 || bits == 4 || bits == 8))
    return network.emitOpError()
           << "reads " << input.getType()
           << "; an Akida model reads 8-bit graded spikes (an image, into an "
              "InputConvolutional) or spikes of 1, 2 or 4 bits (InputData)";
  inputBits = bits;
  ArrayRef<int64_t> inShape = spikes.getShape();
  std::array<int64_t, 3> modelShape = toAkidaShape(inShape);

  SmallVector<Collected> chain;
  Value v = input;
  while (!llvm::isa_and_nonnull<OutputOp>(soleUser(v))) {
    FailureOr<Collected> c = collect(v);
    if (failed(c))
      return failure();
    chain.push_back(*c);
    v = c->output;
  }
  if (chain.empty() || v != output.getOperand(0))
    return network.emitOpError()
           << "has no layer between its input and its output";
  if (bits == 8 && !llvm::isa<Conv2dOp>(chain.front().conn))
    return chain.front().conn->emitOpError()
           << "reads the 8-bit input; Akida 1.0 reads an image only through "
              "an InputConvolutional (a conv2d)";
  // Every op of the network must belong to a layer.
  llvm::SmallPtrSet<Operation *, 16> used;
  for (const Collected &c : chain) {
    used.insert(c.conn);
    for (Operation *op : {c.pointwise.getOperation(), c.pool, c.activation})
      if (op)
        used.insert(op);
  }
  for (Operation &op : body)
    if (!used.contains(&op) && !llvm::isa<FlattenOp, OutputOp, ProbeOp>(op))
      return op.emitOpError() << "is not part of an Akida layer";

  OpBuilder builder(module.getContext());
  builder.setInsertionPointAfter(network);
  auto model = builder.create<ModelOp>(
      network.getLoc(), b.getStringAttr(network.getSymName() + "_akida"),
      b.getStringAttr("1.0"), b.getStringAttr("AKD1000"),
      b.getDenseI64ArrayAttr(modelShape), b.getI64IntegerAttr(bits),
      FlatSymbolRefAttr::get(network.getSymNameAttr()));
  model.getBody().emplaceBlock();
  builder.setInsertionPointToStart(&model.getBodyBlock());
  for (auto [k, c] : llvm::enumerate(chain))
    if (failed(build(c, k == 0, builder))) {
      model.erase();
      return failure();
    }
  layers = int64_t(chain.size());
  inexact = numInexact;
  return success();
}

struct AkidaLegalizePass
    : public snnc::akida::impl::AkidaLegalizeBase<AkidaLegalizePass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<NetworkOp> network = getSingleNetwork(module, "akida-legalize");
    if (failed(network))
      return signalPassFailure();
    for (auto old : llvm::make_early_inc_range(module.getOps<ModelOp>()))
      old.erase();
    const ChipDescription *chip = getTargetChip(*network);
    if (!chip)
      return signalPassFailure();
    if (chip->name != kChipName) {
      network->emitOpError() << "cannot be laid out for " << chip->name
                             << " by akida-legalize: the module's target "
                                "chip must be akida";
      return signalPassFailure();
    }
    int64_t layers = 0, inexact = 0;
    if (failed(Legalizer(*network, module).run(layers, inexact)))
      return signalPassFailure();
    numLayers += layers;
    numInexact += inexact;
  }
};
} // namespace
