//===- AkidaDialect.cpp - the akida dialect: MetaTF layers ----------------===//

#include "targets/akida/IR/AkidaDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/OpImplementation.h"

#include <charconv>

using namespace mlir;
using namespace snnc::akida;

#include "targets/akida/IR/AkidaDialect.cpp.inc"

#define GET_OP_CLASSES
#include "targets/akida/IR/AkidaOps.cpp.inc"

void AkidaDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "targets/akida/IR/AkidaOps.cpp.inc"
      >();
}

namespace {
/// A float as it reads back: 0.03125, 16777216.
std::string shortest(float value) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

/// Reads the integer parameter `name`, a pair (`kernel_size`, ...) when
/// `pair` is set.
LogicalResult readInt(LayerOp op, DictionaryAttr params, StringRef name,
                      int64_t &out) {
  auto attr = params.getAs<IntegerAttr>(name);
  if (!attr)
    return op.emitOpError() << "needs the integer parameter '" << name << "'";
  out = attr.getInt();
  return success();
}

LogicalResult readPair(LayerOp op, DictionaryAttr params, StringRef name,
                       int64_t &first, int64_t &second) {
  auto attr = params.getAs<DenseI64ArrayAttr>(name);
  if (!attr || attr.size() != 2)
    return op.emitOpError()
           << "needs the parameter '" << name << "' as a pair of integers";
  first = attr[0];
  second = attr[1];
  return success();
}

LogicalResult readString(LayerOp op, DictionaryAttr params, StringRef name,
                         std::string &out) {
  auto attr = params.getAs<StringAttr>(name);
  if (!attr)
    return op.emitOpError() << "needs the string parameter '" << name << "'";
  out = attr.str();
  return success();
}

/// `variables[name]` as an integer or float tensor of `shape`.
LogicalResult checkVariable(LayerOp op, StringRef name, ArrayRef<int64_t> shape,
                            bool integer, unsigned bits = 0) {
  auto attr = op.getVariables().getAs<DenseElementsAttr>(name);
  if (!attr)
    return op.emitOpError() << "needs the variable '" << name << "'";
  auto type = attr.getType();
  Type element = type.getElementType();
  if (integer
          ? !element.isInteger(bits ? bits : element.getIntOrFloatBitWidth())
          : !element.isF32())
    return op.emitOpError()
           << "variable '" << name << "' must be "
           << (integer ? "an integer" : "an f32") << " tensor, got " << type;
  if (type.getShape() != shape) {
    std::string expected;
    llvm::raw_string_ostream os(expected);
    llvm::interleave(shape, os, "x");
    return op.emitOpError() << "variable '" << name << "' must have shape "
                            << expected << ", got " << type;
  }
  return success();
}
} // namespace

FailureOr<LayerDesc> snnc::akida::describeLayer(LayerOp op) {
  LayerDesc l;
  if (!parseLayerType(op.getLayerType().str(), l.type))
    return op.emitOpError()
           << "has unknown layer type '" << op.getLayerType() << "'";
  ArrayRef<int64_t> in = op.getInputShape();
  if (in.size() != 3)
    return op.emitOpError() << "input_shape must be [X, Y, C]";
  l.input = {in[0], in[1], in[2]};
  DictionaryAttr p = op.getParams();
  if (failed(readInt(op, p, "input_bits", l.inputBits)) ||
      failed(readInt(op, p, "weights_bits", l.weightsBits)) ||
      failed(readInt(op, p, "act_bits", l.actBits)))
    return failure();
  auto activation = p.getAs<BoolAttr>("activation");
  if (!activation)
    return op.emitOpError() << "needs the boolean parameter 'activation'";
  l.activation = activation.getValue();
  if (l.type == LayerType::FullyConnected) {
    if (failed(readInt(op, p, "units", l.filters)))
      return failure();
    return l;
  }
  std::string padding, pool;
  if (failed(readInt(op, p, "filters", l.filters)) ||
      failed(readPair(op, p, "kernel_size", l.kernelX, l.kernelY)) ||
      failed(readPair(op, p, "kernel_stride", l.strideX, l.strideY)) ||
      failed(readString(op, p, "padding", padding)) ||
      failed(readString(op, p, "pool_type", pool)))
    return failure();
  if (!parsePadding(padding, l.padding))
    return op.emitOpError()
           << "has padding '" << padding << "'; Akida pads 'Same' or 'Valid'";
  if (!parsePoolType(pool, l.pool))
    return op.emitOpError() << "has pool_type '" << pool
                            << "'; Akida pools by 'NoPooling', 'Max' or "
                               "'Average'";
  if (l.pool == PoolType::Max &&
      (failed(readPair(op, p, "pool_size", l.poolX, l.poolY)) ||
       failed(readPair(op, p, "pool_stride", l.poolStrideX, l.poolStrideY))))
    return failure();
  return l;
}

LogicalResult LayerOp::verify() {
  FailureOr<LayerDesc> layer = describeLayer(*this);
  if (failed(layer))
    return failure();
  std::string broken = checkLimits(*layer);
  if (!broken.empty())
    return emitOpError() << "breaks a limit of Akida 1.0: " << broken;
  std::array<int64_t, 3> out = outputShape(*layer);
  if (getOutputShape() != ArrayRef<int64_t>(out))
    return emitOpError() << "output_shape must be [" << out[0] << ", " << out[1]
                         << ", " << out[2] << "]";
  const auto &[x, y, c] = layer->input;
  int64_t f = layer->filters;
  LogicalResult weights = success();
  switch (layer->type) {
  case LayerType::InputConvolutional:
  case LayerType::Convolutional:
    weights = checkVariable(*this, "weights",
                            {layer->kernelX, layer->kernelY, c, f}, true, 8);
    break;
  case LayerType::SeparableConvolutional:
    weights = failure(
        failed(checkVariable(*this, "weights",
                             {layer->kernelX, layer->kernelY, c, 1}, true,
                             8)) ||
        failed(checkVariable(*this, "weights_pw", {1, 1, c, f}, true, 8)));
    break;
  case LayerType::FullyConnected:
    weights = checkVariable(*this, "weights", {1, 1, x * y * c, f}, true, 8);
    break;
  }
  if (failed(weights))
    return failure();
  std::array<int64_t, 2> range = weightRange(layer->weightsBits);
  for (StringRef name : {"weights", "weights_pw"}) {
    auto attr = getVariables().getAs<DenseElementsAttr>(name);
    if (!attr)
      continue;
    for (APInt v : attr.getValues<APInt>()) {
      int64_t w = v.getSExtValue();
      if (w < range[0] || w > range[1])
        return emitOpError() << "weight " << w << " in '" << name
                             << "' is outside " << range[0] << ".." << range[1]
                             << " (weights_bits " << layer->weightsBits << ")";
    }
  }
  if (!layer->activation)
    return success();
  if (failed(checkVariable(*this, "threshold", {f}, true, 32)) ||
      failed(checkVariable(*this, "act_step", {f}, false)))
    return failure();
  for (float s :
       getVariables().getAs<DenseElementsAttr>("act_step").getValues<float>())
    if (!(s >= 1.0f / (1 << kActStepFractionBits)) ||
        !(double(s) * (1 << kActStepFractionBits) <
          double(snnrt::akida::kMaxActStepSixteenths + 1)))
      return emitOpError()
             << "act_step " << shortest(s)
             << (s < 1 ? " is below 1/16, the least step of its 4 fractional "
                         "bits"
                       : " is not below 2^24, the largest MetaTF's engine "
                         "computes");
  return success();
}

LogicalResult ModelOp::verifyRegions() {
  if (getInputShape().size() != 3)
    return emitOpError() << "input_shape must be [X, Y, C]";
  if (getVersion() != "1.0")
    return emitOpError() << "version '" << getVersion()
                         << "': this build lays out Akida 1.0 models";
  ArrayRef<int64_t> expected = getInputShape();
  int64_t bits = getInputBits();
  bool first = true;
  for (Operation &op : getBodyBlock()) {
    auto layer = llvm::dyn_cast<LayerOp>(op);
    if (!layer)
      return op.emitOpError() << "is not an akida.layer";
    if (layer.getInputShape() != expected)
      return layer.emitOpError()
             << "reads [" << layer.getInputShape() << "] but the "
             << (first ? "model's input is [" : "previous layer gives [")
             << expected << "]";
    if (layer.getLayerType() == "InputConvolutional" && !first)
      return layer.emitOpError()
             << "is an InputConvolutional after the first layer";
    auto inputBits = layer.getParams().getAs<IntegerAttr>("input_bits");
    if (inputBits && inputBits.getInt() != bits)
      return layer.emitOpError()
             << "reads " << inputBits.getInt() << "-bit inputs, the "
             << (first ? "model gives " : "previous layer gives ") << bits;
    expected = layer.getOutputShape();
    auto act = layer.getParams().getAs<IntegerAttr>("act_bits");
    bits = act ? act.getInt() : 0;
    first = false;
  }
  return success();
}
