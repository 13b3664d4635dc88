//===- SNNOps.cpp - operations of the snn dialect and their verifiers -----===//

#include "dialects/SNN/SNNOps.h"
#include "dialects/SNN/Weights.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/FunctionImplementation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

#include <charconv>
#include <cmath>

using namespace mlir;
using namespace snnc::snn;

#include "dialects/SNN/SNNInterfaces.cpp.inc"

#define GET_OP_CLASSES
#include "dialects/SNN/SNNOps.cpp.inc"

namespace {
/// Numbers in diagnostics read as the user wrote them (`-1.2`, not
/// `-1.200000e+00`).
std::string num(double value) { return units::formatDouble(value); }

std::string shapeString(ArrayRef<int64_t> shape) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(shape, os, "x");
  return text;
}

std::string shapeString(Type type) {
  return shapeString(getStreamShape(type));
}

/// Renders `[shape]` of a tensor attribute for diagnostics.
std::string shapeString(ElementsAttr attr) {
  return shapeString(attr.getShapedType().getShape());
}

/// A resource blob must hold exactly the bytes its tensor type describes.
LogicalResult checkBlobSize(Operation *op, StringRef name, ElementsAttr attr) {
  auto resource = llvm::dyn_cast<DenseResourceElementsAttr>(attr);
  if (!resource)
    return success();
  AsmResourceBlob *blob = resource.getRawHandle().getBlob();
  if (!blob)
    return success(); // Not loaded: nothing to compare yet.
  Type element = attr.getShapedType().getElementType();
  int64_t bits = element.getIntOrFloatBitWidth();
  int64_t needed = attr.getNumElements() * ((bits + 7) / 8);
  int64_t held = blob->getData().size();
  if (held != needed)
    return op->emitOpError()
           << "'" << name << "' blob '" << resource.getRawHandle().getKey()
           << "' holds " << held << " bytes but " << attr.getShapedType()
           << " needs " << needed;
  return success();
}

LogicalResult requireFloatTensor(Operation *op, StringRef name,
                                 ElementsAttr attr) {
  if (failed(checkBlobSize(op, name, attr)))
    return failure();
  if (!llvm::isa<FloatType>(attr.getShapedType().getElementType()))
    return op->emitOpError() << "'" << name
                             << "' must hold floating-point values, got "
                             << attr.getShapedType().getElementType();
  return success();
}

LogicalResult requireCurrentResult(Operation *op) {
  if (!llvm::isa<CurrentType>(op->getResult(0).getType()))
    return op->emitOpError()
           << "produces a current stream, got " << op->getResult(0).getType();
  return success();
}

/// Ops that move elements (flatten, max pooling) keep the stream kind and
/// the spike payload.
LogicalResult requireSameStreamKind(Operation *op, Type in, Type out) {
  if (in.getTypeID() != out.getTypeID())
    return op->emitOpError() << "keeps the stream kind: input " << in
                             << ", output " << out;
  if (auto spikes = llvm::dyn_cast<SpikeType>(in))
    if (spikes.getPayloadBits() != llvm::cast<SpikeType>(out).getPayloadBits())
      return op->emitOpError() << "keeps the spike payload: input " << in
                               << ", output " << out;
  return success();
}

LogicalResult requireShape(Operation *op, Type type,
                           ArrayRef<int64_t> expected, StringRef what) {
  if (getStreamShape(type) != expected)
    return op->emitOpError() << what << " must have shape "
                             << shapeString(expected) << ", got "
                             << shapeString(type);
  return success();
}

/// Checks that a scalar or per-element quantity parameter has the expected
/// dimension, size and range.
LogicalResult verifyQuantity(Operation *op, StringRef name, QuantityAttr q,
                             units::Dim dim, Range range,
                             ArrayRef<int64_t> allowedSizes,
                             StringRef sizeNoun) {
  if (toUnitsDim(q.getDimension()) != dim)
    return op->emitOpError()
           << "parameter '" << name << "' expects "
           << describeDimension(fromUnitsDim(dim)) << ", got "
           << describeDimension(q.getDimension());
  int64_t size = q.size();
  if (size != 1 && !llvm::is_contained(allowedSizes, size))
    return op->emitOpError() << "parameter '" << name << "' has " << size
                             << " values but the op has " << allowedSizes[0]
                             << " " << sizeNoun;
  for (auto [i, v] : llvm::enumerate(q.getValues().asArrayRef())) {
    if (range == Range::positive && !(v > 0))
      return op->emitOpError() << "parameter '" << name
                               << "' must be > 0, got " << num(v) << " (element "
                               << i << ")";
    if (range == Range::nonNegative && !(v >= 0))
      return op->emitOpError() << "parameter '" << name
                               << "' must be >= 0, got " << num(v) << " (element "
                               << i << ")";
  }
  return success();
}

/// The value of a model parameter for element `i`, or its default.
std::optional<double> paramAt(Operation *op, const ParamSpec &spec,
                              size_t i) {
  if (auto q = op->getAttrOfType<QuantityAttr>(spec.name))
    return q.at(i);
  return spec.defaultValue;
}

int64_t numChannels(Operation *op) {
  if (auto cond = llvm::dyn_cast<CondLIFOp>(op))
    return cond.getTauSyn().size();
  return 0;
}

/// One verifier for every neuron population, driven by its model table.
LogicalResult verifyNeuron(Operation *op, const NeuronModel &model) {
  Type resultType = op->getResult(0).getType();
  ArrayRef<int64_t> shape = getStreamShape(resultType);
  int64_t n = getNumElements(resultType);
  int64_t channels = numChannels(op);

  for (auto [i, input] : llvm::enumerate(op->getOperands())) {
    if (getStreamShape(input.getType()) != shape)
      return op->emitOpError()
             << "input #" << i << " has shape " << shapeString(input.getType())
             << " but the population has shape " << shapeString(shape);
    auto proc = input.getDefiningOp<ProceduralOp>();
    if (!proc)
      continue;
    units::Dim weightDim = toUnitsDim(proc.getWeight().getDimension());
    if (weightDim != units::Dim::dimensionless && weightDim != model.inputDim)
      return op->emitOpError()
             << "input #" << i << " carries weights in "
             << describeDimension(fromUnitsDim(weightDim)) << " but '"
             << model.name << "' reads its inputs in "
             << describeDimension(fromUnitsDim(model.inputDim));
  }

  if (auto spikes = llvm::dyn_cast<SpikeType>(resultType)) {
    if (spikes.isGraded() && !llvm::isa<SFNOp, QReLUOp>(op))
      return op->emitOpError() << "emits binary spikes; the result must not "
                                  "be graded, got "
                               << resultType;
  }

  // Parameters: the ODS attribute constraints ensure presence of required
  // ones; here dimension, size and range.
  for (const ParamSpec &spec : model.params) {
    auto q = op->getAttrOfType<QuantityAttr>(spec.name);
    if (!q)
      continue;
    if (spec.perChannel) {
      if (failed(verifyQuantity(op, spec.name, q, spec.dim, spec.range,
                                {channels}, "synaptic channels")))
        return failure();
    } else if (failed(verifyQuantity(op, spec.name, q, spec.dim, spec.range,
                                     {n}, "neurons"))) {
      return failure();
    }
  }

  // Spiking and reset.
  auto resetAttr = op->getAttrOfType<ResetModeAttr>("reset");
  ResetMode reset = resetAttr ? resetAttr.getValue() : ResetMode::value;
  if (model.findParam("v_reset") && reset == ResetMode::value) {
    const ParamSpec *thr = model.findParam("v_threshold");
    const ParamSpec *rst = model.findParam("v_reset");
    for (int64_t i = 0; i < n; ++i) {
      std::optional<double> vt = paramAt(op, *thr, i);
      std::optional<double> vr = paramAt(op, *rst, i);
      if (vt && vr && !(*vt > *vr))
        return op->emitOpError()
               << "v_threshold (" << num(*vt) << " mV) must exceed v_reset ("
               << num(*vr) << " mV) for neuron " << i;
    }
  }
  if (auto refractory = op->getAttrOfType<QuantityAttr>("refractory"))
    if (failed(verifyQuantity(op, "refractory", refractory, units::Dim::time,
                              Range::nonNegative, {n}, "neurons")))
      return failure();

  // Initial state.
  if (auto init = op->getAttrOfType<DictionaryAttr>("init")) {
    bool random = false;
    for (NamedAttribute entry : init) {
      StringRef name = entry.getName().strref();
      const StateSpec *state = model.findState(name);
      // Conductance channels are named g0, g1, ...
      if (!state && channels > 0 && name.starts_with("g")) {
        unsigned k = 0;
        if (!name.drop_front().getAsInteger(10, k) && k < channels)
          state = model.findState("g");
      }
      if (!state)
        return op->emitOpError() << "initial value for '" << name
                                 << "', which is not a state variable of '"
                                 << model.name << "'";
      if (auto q = llvm::dyn_cast<QuantityAttr>(entry.getValue())) {
        if (failed(verifyQuantity(op, ("init." + name).str(), q, state->dim,
                                  Range::any, {n}, "neurons")))
          return failure();
      } else if (auto dist =
                     llvm::dyn_cast<DistributionAttr>(entry.getValue())) {
        random = true;
        if (toUnitsDim(dist.getDimension()) != state->dim)
          return op->emitOpError()
                 << "initial distribution of '" << name << "' is in "
                 << describeDimension(dist.getDimension()) << ", expected "
                 << describeDimension(fromUnitsDim(state->dim));
      } else {
        return op->emitOpError() << "initial value of '" << name
                                 << "' must be #snn.q or #snn.dist";
      }
    }
    if (random && !op->hasAttr("seed"))
      return op->emitOpError()
             << "a random initial state needs a 'seed' attribute";
  }

  // Per-step coefficients.
  if (auto step = op->getAttrOfType<StepAttr>("step")) {
    if (!(step.getDtMs() > 0))
      return op->emitOpError() << "step dt must be > 0 ms, got "
                               << num(step.getDtMs());
    auto expected = getStepCoefficients(model, step.getScheme());
    if (!expected)
      return op->emitOpError()
             << "'" << model.name << "' cannot be integrated with the "
             << stringifyScheme(step.getScheme()) << " scheme";
    SmallVector<StringRef> names = *expected;
    if (op->hasAttr("refractory"))
      names.push_back("refractory_steps");
    for (StringRef name : names) {
      auto array = step.getCoefficients().getAs<DenseF64ArrayAttr>(name);
      if (!array)
        return op->emitOpError() << "step lacks the coefficient '" << name
                                 << "' of the "
                                 << stringifyScheme(step.getScheme())
                                 << " scheme";
      int64_t size = array.size();
      if (size != 1 && size != n && !(channels > 0 && size == channels))
        return op->emitOpError()
               << "step coefficient '" << name << "' has " << size
               << " values for " << n << " neurons";
    }
  }
  return success();
}
} // namespace

#define SNN_NEURON_VERIFIER(Op)                                                \
  LogicalResult Op::verify() {                                                 \
    return verifyNeuron(getOperation(), getNeuronModel());                     \
  }
SNN_NEURON_VERIFIER(IFOp)
SNN_NEURON_VERIFIER(LIFOp)
SNN_NEURON_VERIFIER(CubaLIFOp)
SNN_NEURON_VERIFIER(LIOp)
SNN_NEURON_VERIFIER(CubaLIOp)
SNN_NEURON_VERIFIER(IntegratorOp)
SNN_NEURON_VERIFIER(ThresholdOp)
SNN_NEURON_VERIFIER(HHOp)
#undef SNN_NEURON_VERIFIER

LogicalResult CondLIFOp::verify() {
  int64_t channels = getTauSyn().size();
  if (static_cast<int64_t>(getERev().size()) != channels)
    return emitOpError() << "'e_rev' has " << getERev().size()
                         << " values but 'tau_syn' defines " << channels
                         << " synaptic channels";
  ArrayRef<int64_t> map = getInputChannels();
  if (static_cast<int64_t>(map.size()) != getNumOperands())
    return emitOpError() << "'input_channels' has " << map.size()
                         << " entries for " << getNumOperands() << " inputs";
  for (auto [i, channel] : llvm::enumerate(map))
    if (channel < 0 || channel >= channels)
      return emitOpError() << "input #" << i << " targets channel " << channel
                           << " but there are " << channels
                           << " synaptic channels";
  return verifyNeuron(getOperation(), getNeuronModel());
}

LogicalResult SFNOp::verify() {
  int64_t levels = static_cast<int64_t>(getLevels());
  if (levels < 1)
    return emitOpError() << "'levels' must be >= 1, got " << levels;
  unsigned needed = llvm::Log2_64_Ceil(static_cast<uint64_t>(levels) + 1);
  auto type = llvm::cast<SpikeType>(getOutput().getType());
  if (type.getPayloadBits() < needed)
    return emitOpError() << "a spike count of up to " << levels << " needs "
                         << needed << " payload bits, the result carries "
                         << type.getPayloadBits();
  if (getReset() && *getReset() != ResetMode::subtract)
    return emitOpError() << "resets by subtraction (the time-space "
                            "equivalence), got reset "
                         << stringifyResetMode(*getReset());
  return verifyNeuron(getOperation(), getNeuronModel());
}

//===----------------------------------------------------------------------===//
// Network
//===----------------------------------------------------------------------===//

RegionKind NetworkOp::getRegionKind(unsigned) { return RegionKind::Graph; }

ParseResult NetworkOp::parse(OpAsmParser &parser, OperationState &result) {
  auto buildType = [](Builder &builder, ArrayRef<Type> inputs,
                      ArrayRef<Type> results, function_interface_impl::VariadicFlag,
                      std::string &) {
    return builder.getFunctionType(inputs, results);
  };
  return function_interface_impl::parseFunctionOp(
      parser, result, /*allowVariadic=*/false,
      getFunctionTypeAttrName(result.name), buildType,
      getArgAttrsAttrName(result.name), getResAttrsAttrName(result.name));
}

void NetworkOp::print(OpAsmPrinter &printer) {
  function_interface_impl::printFunctionOp(
      printer, *this, /*isVariadic=*/false, getFunctionTypeAttrName(),
      getArgAttrsAttrName(), getResAttrsAttrName());
}

namespace {
/// Connections other than delays compute within the step; a cycle made only
/// of them has no meaning. Kahn's algorithm over that subgraph finds one.
Operation *findInstantaneousCycle(Block &body) {
  auto isInstantaneous = [](Operation *op) {
    return !llvm::isa<NeuronOpInterface, DelayOp, OutputOp, ProbeOp>(op);
  };
  llvm::DenseMap<Operation *, unsigned> pending;
  SmallVector<Operation *> ready;
  for (Operation &op : body) {
    if (!isInstantaneous(&op))
      continue;
    unsigned count = 0;
    for (Value operand : op.getOperands())
      if (Operation *def = operand.getDefiningOp())
        if (isInstantaneous(def))
          ++count;
    pending[&op] = count;
    if (count == 0)
      ready.push_back(&op);
  }
  while (!ready.empty()) {
    Operation *op = ready.pop_back_val();
    for (Operation *user : op->getUsers()) {
      auto it = pending.find(user);
      if (it == pending.end())
        continue;
      // One decrement per operand that this op defines.
      for (Value operand : user->getOperands())
        if (operand.getDefiningOp() == op && --it->second == 0)
          ready.push_back(user);
    }
  }
  for (Operation &op : body) {
    auto it = pending.find(&op);
    if (it != pending.end() && it->second != 0)
      return &op;
  }
  return nullptr;
}
} // namespace

LogicalResult NetworkOp::verifyRegions() {
  Block &body = getBodyBlock();
  ArrayRef<Type> inputs = getFunctionType().getInputs();
  if (body.getNumArguments() != inputs.size())
    return emitOpError() << "body has " << body.getNumArguments()
                         << " arguments for " << inputs.size() << " inputs";
  for (auto [i, type] : llvm::enumerate(inputs))
    if (!llvm::isa<SpikeType, CurrentType>(type))
      return emitOpError() << "input #" << i
                           << " must be a spike or current stream, got "
                           << type;

  std::optional<double> dtMs;
  if (std::optional<QuantityAttr> dt = getDt()) {
    if (dt->getDimension() != Dimension::time || !dt->isScalar() ||
        !(dt->at(0) > 0))
      return emitOpError() << "'dt' must be one positive time, got " << *dt;
    dtMs = dt->at(0);
  }

  llvm::StringSet<> probeNames;
  for (Operation &op : body) {
    if (op.getDialect() != getOperation()->getDialect())
      return op.emitOpError()
             << "is not an snn operation and cannot appear in a network";
    if (auto probe = llvm::dyn_cast<ProbeOp>(op))
      if (!probeNames.insert(probe.getName()).second)
        return probe.emitOpError()
               << "duplicate probe name '" << probe.getName() << "'";
    if (auto neuron = llvm::dyn_cast<NeuronOpInterface>(op)) {
      auto step = op.getAttrOfType<StepAttr>("step");
      if (step && !dtMs)
        return op.emitOpError()
               << "is discretized but the network has no 'dt'";
      if (step && std::abs(step.getDtMs() - *dtMs) > 1e-12 * *dtMs)
        return op.emitOpError() << "was discretized with dt = "
                                << num(step.getDtMs()) << " ms but the "
                                << "network's dt is " << num(*dtMs) << " ms";
    }
  }
  if (Operation *op = findInstantaneousCycle(body))
    return op->emitOpError()
           << "lies on a cycle without a neuron population or a delay; "
              "every recurrent path needs one";
  return success();
}

LogicalResult OutputOp::verify() {
  auto network = (*this)->getParentOfType<NetworkOp>();
  ArrayRef<Type> results = network.getFunctionType().getResults();
  if (getOutputs().size() != results.size())
    return emitOpError() << "returns " << getOutputs().size()
                         << " streams but the network declares "
                         << results.size();
  for (auto [i, value] : llvm::enumerate(getOutputs()))
    if (value.getType() != results[i])
      return emitOpError() << "output #" << i << " has type "
                           << value.getType() << " but the network declares "
                           << results[i];
  return success();
}

LogicalResult ProbeOp::verify() {
  if (getName().empty())
    return emitOpError() << "needs a non-empty name";
  std::optional<StringRef> state = getState();
  if (!state)
    return success();
  auto neuron = getSource().getDefiningOp<NeuronOpInterface>();
  if (!neuron)
    return emitOpError() << "probes state '" << *state
                         << "' but its source is not a neuron population";
  const NeuronModel &model = neuron.getModel();
  bool known = model.findState(*state) != nullptr;
  if (!known && state->starts_with("g") && model.findState("g")) {
    unsigned k = 0;
    known = !state->drop_front().getAsInteger(10, k) &&
            k < numChannels(neuron.getOperation());
  }
  if (!known)
    return emitOpError() << "'" << model.name << "' has no state variable '"
                         << *state << "'";
  return success();
}

//===----------------------------------------------------------------------===//
// Connections
//===----------------------------------------------------------------------===//

namespace {
LogicalResult verifyDense(Operation *op, Type inputType, ElementsAttr weight,
                          Type outputType) {
  if (failed(requireFloatTensor(op, "weight", weight)) ||
      failed(requireCurrentResult(op)))
    return failure();
  ArrayRef<int64_t> w = weight.getShapedType().getShape();
  if (w.size() != 2)
    return op->emitOpError() << "weight must be a matrix [outputs, inputs], "
                                "got shape "
                             << shapeString(weight);
  if (failed(requireShape(op, inputType, {w[1]}, "input")) ||
      failed(requireShape(op, outputType, {w[0]}, "output")))
    return failure();
  return success();
}
} // namespace

namespace {
LogicalResult verifyOptionalWeightBits(Operation *op, ElementsAttr weight,
                                       std::optional<uint64_t> bits) {
  return bits ? verifyWeightBits(op, weight, static_cast<int64_t>(*bits))
              : success();
}
} // namespace

LogicalResult LinearOp::verify() {
  if (failed(verifyDense(*this, getInput().getType(), getWeight(),
                         getOutput().getType())))
    return failure();
  return verifyOptionalWeightBits(*this, getWeight(), getWeightBits());
}

LogicalResult AffineOp::verify() {
  if (failed(verifyDense(*this, getInput().getType(), getWeight(),
                         getOutput().getType())) ||
      failed(requireFloatTensor(*this, "bias", getBias())))
    return failure();
  ArrayRef<int64_t> w = getWeight().getShapedType().getShape();
  if (getBias().getShapedType().getShape() != ArrayRef<int64_t>{w[0]})
    return emitOpError() << "bias must have shape " << w[0] << ", got "
                         << shapeString(getBias());
  return verifyOptionalWeightBits(*this, getWeight(), getWeightBits());
}

namespace {
/// PyTorch's convolution and pooling output size along one axis.
int64_t windowOutput(int64_t in, int64_t kernel, int64_t stride,
                     int64_t before, int64_t after, int64_t dilation) {
  int64_t span = in + before + after - dilation * (kernel - 1) - 1;
  // A window larger than the padded input yields nothing (C++ division
  // would round -1/2 up to 0 and report one output).
  return span < 0 ? 0 : span / stride + 1;
}

LogicalResult verifyWindowParams(Operation *op, unsigned spatial,
                                 ArrayRef<int64_t> stride,
                                 ArrayRef<int64_t> padding,
                                 ArrayRef<int64_t> dilation) {
  // Window sizes past 2^24 are refused, so that their sums never overflow.
  constexpr int64_t kLargest = int64_t(1) << 24;
  auto inRange = [&](StringRef name, int64_t v, int64_t min) -> LogicalResult {
    if (v < min || v > kLargest)
      return op->emitOpError() << "'" << name << "' must be in " << min
                               << ".." << kLargest << ", got " << v;
    return success();
  };
  auto check = [&](StringRef name, ArrayRef<int64_t> values,
                   int64_t min) -> LogicalResult {
    if (values.size() != spatial)
      return op->emitOpError() << "'" << name << "' needs " << spatial
                               << " value(s), got " << values.size();
    for (int64_t v : values)
      if (failed(inRange(name, v, min)))
        return failure();
    return success();
  };
  if (failed(check("stride", stride, 1)))
    return failure();
  if (padding.size() != spatial && padding.size() != 2 * spatial)
    return op->emitOpError()
           << "'padding' needs " << spatial << " value(s), or " << 2 * spatial
           << " (all before, then all after), got " << padding.size();
  for (int64_t v : padding)
    if (failed(inRange("padding", v, 0)))
      return failure();
  if (!dilation.empty() && failed(check("dilation", dilation, 1)))
    return failure();
  return success();
}

LogicalResult verifyConv(Operation *op, unsigned spatial, Type inputType,
                         ElementsAttr weight, std::optional<ElementsAttr> bias,
                         ArrayRef<int64_t> stride, ArrayRef<int64_t> padding,
                         ArrayRef<int64_t> dilation, int64_t groups,
                         Type outputType) {
  if (failed(requireFloatTensor(op, "weight", weight)) ||
      failed(requireCurrentResult(op)) ||
      failed(verifyWindowParams(op, spatial, stride, padding, dilation)))
    return failure();
  ArrayRef<int64_t> in = getStreamShape(inputType);
  ArrayRef<int64_t> w = weight.getShapedType().getShape();
  if (in.size() != spatial + 1)
    return op->emitOpError() << "input must have " << spatial + 1
                             << " dimensions [channels, ...], got "
                             << shapeString(inputType);
  if (w.size() != spatial + 2)
    return op->emitOpError() << "weight must have " << spatial + 2
                             << " dimensions [out, in/groups, ...], got "
                             << shapeString(weight);
  if (groups < 1)
    return op->emitOpError() << "'groups' must be >= 1, got " << groups;
  if (in[0] % groups != 0 || w[0] % groups != 0)
    return op->emitOpError() << "'groups' = " << groups
                             << " must divide the input channels (" << in[0]
                             << ") and the output channels (" << w[0] << ")";
  if (w[1] != in[0] / groups)
    return op->emitOpError() << "weight expects " << w[1] * groups
                             << " input channels, got " << in[0];
  SmallVector<int64_t> expected{w[0]};
  for (unsigned d = 0; d < spatial; ++d) {
    int64_t after = getPaddingAfter(padding, spatial, d);
    int64_t size = windowOutput(in[d + 1], w[d + 2], stride[d], padding[d],
                                after, dilation[d]);
    if (size < 1)
      return op->emitOpError()
             << "kernel of extent " << dilation[d] * (w[d + 2] - 1) + 1
             << " does not fit input dimension " << d + 1 << " of size "
             << in[d + 1] << " with padding " << padding[d] << " + " << after;
    expected.push_back(size);
  }
  if (bias) {
    if (failed(requireFloatTensor(op, "bias", *bias)))
      return failure();
    if (bias->getShapedType().getShape() != ArrayRef<int64_t>{w[0]})
      return op->emitOpError() << "bias must have shape " << w[0] << ", got "
                               << shapeString(*bias);
  }
  return requireShape(op, outputType, expected, "output");
}

LogicalResult verifyPool(Operation *op, Type inputType,
                         ArrayRef<int64_t> kernel, ArrayRef<int64_t> stride,
                         ArrayRef<int64_t> padding, Type outputType) {
  if (failed(verifyWindowParams(op, 2, stride, padding, {})))
    return failure();
  if (kernel.size() != 2)
    return op->emitOpError() << "'kernel_size' needs 2 values, got "
                             << kernel.size();
  for (int64_t k : kernel)
    if (k < 1 || k > (int64_t(1) << 24))
      return op->emitOpError() << "'kernel_size' must be in 1..16777216, got "
                               << k;
  ArrayRef<int64_t> in = getStreamShape(inputType);
  if (in.size() != 3)
    return op->emitOpError()
           << "input must have 3 dimensions [channels, height, width], got "
           << shapeString(inputType);
  SmallVector<int64_t> expected{in[0]};
  for (unsigned d = 0; d < 2; ++d) {
    int64_t size = windowOutput(in[d + 1], kernel[d], stride[d], padding[d],
                                getPaddingAfter(padding, 2, d), 1);
    if (size < 1)
      return op->emitOpError() << "pooling window " << kernel[d]
                               << " does not fit input dimension " << d + 1
                               << " of size " << in[d + 1];
    expected.push_back(size);
  }
  return requireShape(op, outputType, expected, "output");
}
} // namespace

LogicalResult Conv1dOp::verify() {
  if (failed(verifyConv(*this, 1, getInput().getType(), getWeight(),
                        getBias(), getStride(), getPadding(), getDilation(),
                        getGroups(), getOutput().getType())))
    return failure();
  return verifyOptionalWeightBits(*this, getWeight(), getWeightBits());
}

LogicalResult Conv2dOp::verify() {
  if (failed(verifyConv(*this, 2, getInput().getType(), getWeight(),
                        getBias(), getStride(), getPadding(), getDilation(),
                        getGroups(), getOutput().getType())))
    return failure();
  return verifyOptionalWeightBits(*this, getWeight(), getWeightBits());
}

LogicalResult SumPool2dOp::verify() {
  if (failed(requireCurrentResult(*this)))
    return failure();
  return verifyPool(*this, getInput().getType(), getKernelSize(), getStride(),
                    getPadding(), getOutput().getType());
}

LogicalResult AvgPool2dOp::verify() {
  if (failed(requireCurrentResult(*this)))
    return failure();
  return verifyPool(*this, getInput().getType(), getKernelSize(), getStride(),
                    getPadding(), getOutput().getType());
}

LogicalResult MaxPool2dOp::verify() {
  if (failed(requireSameStreamKind(*this, getInput().getType(),
                                   getOutput().getType())))
    return failure();
  return verifyPool(*this, getInput().getType(), getKernelSize(), getStride(),
                    getPadding(), getOutput().getType());
}

/// The shape `flatten` produces, or failure with a diagnostic.
static FailureOr<SmallVector<int64_t>> flattenShape(FlattenOp op) {
  ArrayRef<int64_t> in = getStreamShape(op.getInput().getType());
  int64_t rank = in.size();
  // I64Attr reads back unsigned; the dimensions are signed.
  int64_t startDim = static_cast<int64_t>(op.getStartDim());
  int64_t endDim = static_cast<int64_t>(op.getEndDim());
  int64_t start = startDim < 0 ? startDim + rank : startDim;
  int64_t end = endDim < 0 ? endDim + rank : endDim;
  if (start < 0 || start >= rank || end < 0 || end >= rank || start > end) {
    op.emitOpError() << "dimensions " << startDim << ".." << endDim
                     << " are not a range of the input's " << rank
                     << " dimensions";
    return failure();
  }
  SmallVector<int64_t> out(in.begin(), in.begin() + start);
  int64_t merged = 1;
  for (int64_t d = start; d <= end; ++d)
    merged *= in[d];
  out.push_back(merged);
  out.append(in.begin() + end + 1, in.end());
  return out;
}

LogicalResult FlattenOp::verify() {
  FailureOr<SmallVector<int64_t>> shape = flattenShape(*this);
  if (failed(shape))
    return failure();
  Type in = getInput().getType(), out = getOutput().getType();
  if (failed(requireSameStreamKind(*this, in, out)))
    return failure();
  return requireShape(*this, out, *shape, "output");
}

LogicalResult ScaleOp::verify() {
  if (failed(requireFloatTensor(*this, "scale", getScale())) ||
      failed(requireCurrentResult(*this)))
    return failure();
  int64_t n = getNumElements(getInput().getType());
  int64_t s = getScale().getShapedType().getNumElements();
  if (s != 1 && getScale().getShapedType().getShape() !=
                    getStreamShape(getInput().getType()))
    return emitOpError() << "scale must have one element or the input's "
                            "shape "
                         << shapeString(getInput().getType()) << ", got "
                         << shapeString(getScale());
  (void)n;
  return requireShape(*this, getOutput().getType(),
                      getStreamShape(getInput().getType()), "output");
}

LogicalResult DelayOp::verify() {
  if (getInput().getType() != getOutput().getType())
    return emitOpError() << "output type " << getOutput().getType()
                         << " must equal the input type "
                         << getInput().getType();
  int64_t n = getNumElements(getInput().getType());
  if (failed(verifyQuantity(*this, "delay", getDelay(), units::Dim::time,
                            Range::nonNegative, {n}, "elements")))
    return failure();
  if (std::optional<ArrayRef<int64_t>> steps = getSteps()) {
    if (steps->size() != 1 && static_cast<int64_t>(steps->size()) != n)
      return emitOpError() << "'steps' has " << steps->size()
                           << " values for " << n << " elements";
    for (int64_t s : *steps)
      if (s < 0)
        return emitOpError() << "'steps' must be >= 0, got " << s;
  }
  return success();
}

LogicalResult SparseOp::verify() {
  if (failed(requireFloatTensor(*this, "weights", getWeights())) ||
      failed(requireCurrentResult(*this)))
    return failure();
  for (auto [name, attr] : {std::pair<StringRef, ElementsAttr>{"rows", getRows()},
                            {"cols", getCols()}}) {
    if (!llvm::isa<IntegerType>(attr.getShapedType().getElementType()))
      return emitOpError() << "'" << name << "' must hold integers, got "
                           << attr.getShapedType().getElementType();
    if (failed(checkBlobSize(*this, name, attr)))
      return failure();
  }
  for (ElementsAttr attr : {getRows(), getCols(), getWeights()})
    if (attr.getShapedType().getRank() != 1)
      return emitOpError() << "'rows', 'cols' and 'weights' must be 1-d, got "
                           << shapeString(attr);
  int64_t m = getNumElements(getOutput().getType());
  int64_t n = getNumElements(getInput().getType());
  int64_t nnz = getWeights().getNumElements();
  bool csr = getFormat() == SparseFormat::csr;
  if (getCols().getNumElements() != nnz)
    return emitOpError() << "'cols' has " << getCols().getNumElements()
                         << " entries for " << nnz << " weights";
  int64_t expectedRows = csr ? m + 1 : nnz;
  if (getRows().getNumElements() != expectedRows)
    return emitOpError() << "'rows' has " << getRows().getNumElements()
                         << " entries, expected " << expectedRows
                         << (csr ? " (outputs + 1 row offsets)"
                                 : " (one per synapse)");

  // Index values: checked whenever the data is at hand (a resource blob that
  // was not loaded leaves only the shape checks above).
  SmallVector<int64_t> rows, cols;
  if (failed(readIntegers(getRows(), rows)) ||
      failed(readIntegers(getCols(), cols)))
    return success();
  for (auto [i, c] : llvm::enumerate(cols))
    if (c < 0 || c >= n)
      return emitOpError() << "synapse " << i << " has source " << c
                           << " outside the input's " << n << " elements";
  if (csr) {
    if (rows.front() != 0 || rows.back() != nnz)
      return emitOpError() << "CSR row offsets must run from 0 to " << nnz
                           << ", got " << rows.front() << " to "
                           << rows.back();
    for (size_t i = 1; i < rows.size(); ++i)
      if (rows[i] < rows[i - 1])
        return emitOpError() << "CSR row offsets decrease at row " << i - 1;
  } else {
    for (auto [i, r] : llvm::enumerate(rows))
      if (r < 0 || r >= m)
        return emitOpError() << "synapse " << i << " has target " << r
                             << " outside the output's " << m << " elements";
  }
  return success();
}

LogicalResult ProceduralOp::verify() {
  if (failed(requireCurrentResult(*this)))
    return failure();
  int64_t n = getNumElements(getInput().getType());
  int64_t m = getNumElements(getOutput().getType());
  switch (getConnector()) {
  case Connector::fixed_probability: {
    std::optional<APFloat> probability = getProbability();
    if (!probability)
      return emitOpError() << "fixed_probability needs 'probability'";
    double p = probability->convertToDouble();
    if (!(p >= 0 && p <= 1))
      return emitOpError() << "'probability' must be in [0, 1], got "
                           << num(p);
    if (getIndegree())
      return emitOpError() << "fixed_probability takes no 'indegree'";
    break;
  }
  case Connector::fixed_indegree: {
    std::optional<uint64_t> k = getIndegree();
    if (!k)
      return emitOpError() << "fixed_indegree needs 'indegree'";
    int64_t kk = static_cast<int64_t>(*k);
    if (kk < 0 || kk > n)
      return emitOpError() << "'indegree' of " << kk
                           << " exceeds the input's " << n << " sources";
    if (getProbability())
      return emitOpError() << "fixed_indegree takes no 'probability'";
    break;
  }
  case Connector::one_to_one:
    if (n != m)
      return emitOpError() << "one_to_one needs as many sources as targets, "
                              "got "
                           << n << " and " << m;
    if (getProbability() || getIndegree())
      return emitOpError()
             << "one_to_one takes no 'probability' or 'indegree'";
    break;
  }
  return success();
}

FailureOr<NetworkOp> snnc::snn::getSingleNetwork(ModuleOp module,
                                                 StringRef consumer) {
  auto networks = module.getOps<NetworkOp>();
  size_t count = std::distance(networks.begin(), networks.end());
  if (count != 1)
    return module.emitError() << consumer
                              << " takes one snn.network, the module holds "
                              << count;
  return *networks.begin();
}

SmallVector<double> snnc::snn::getParamValues(Operation *op,
                                              const NeuronModel &model,
                                              StringRef name, double fallback) {
  if (auto q = op->getAttrOfType<QuantityAttr>(name))
    return SmallVector<double>(q.getValues().asArrayRef());
  if (const ParamSpec *spec = model.findParam(name))
    if (spec->defaultValue)
      return {*spec->defaultValue};
  return {fallback};
}

Operation *snnc::snn::getDefiningOpThroughFlattens(Value value) {
  Operation *def = value.getDefiningOp();
  while (def && llvm::isa<FlattenOp>(def))
    def = def->getOperand(0).getDefiningOp();
  return def;
}

bool snnc::snn::isSymmetricPadding(ArrayRef<int64_t> padding,
                                   unsigned spatial) {
  for (unsigned d = 0; d < spatial && d < padding.size(); ++d)
    if (getPaddingAfter(padding, spatial, d) != padding[d])
      return false;
  return true;
}

LogicalResult snnc::snn::verifyWeightBits(Operation *op, ElementsAttr weight,
                                          int64_t bits) {
  if (bits < 1 || bits > 32)
    return op->emitOpError() << "'weight_bits' must be in 1..32, got " << bits;
  SmallVector<double> w;
  if (failed(readFloats(weight, w)))
    return success(); // an unloaded resource: checked where it is read
  ArrayRef<int64_t> shape = weight.getShapedType().getShape();
  int64_t rows = shape.empty() ? 1 : shape[0];
  int64_t perRow = rows ? int64_t(w.size()) / rows : 0;
  double levels = bits == 1 ? 1.0 : std::ldexp(1.0, int(bits) - 1) - 1.0;
  for (int64_t r = 0; r < rows; ++r) {
    ArrayRef<double> row = ArrayRef<double>(w).slice(r * perRow, perRow);
    double largest = 0;
    for (double v : row)
      largest = std::max(largest, std::fabs(v));
    if (largest == 0)
      continue;
    double scale = largest / levels;
    for (auto [i, v] : llvm::enumerate(row)) {
      double k = v / scale;
      bool onGrid = std::fabs(k - std::nearbyint(k)) <= 1e-5 * levels;
      if (bits == 1 && v == 0)
        onGrid = false;
      // Weights are float32: print them at that precision.
      auto f32 = [](double x) {
        char buffer[32];
        auto result = std::to_chars(buffer, buffer + sizeof(buffer), float(x));
        return std::string(buffer, result.ptr);
      };
      if (!onGrid)
        return op->emitOpError()
               << "weight " << f32(v) << " (output channel " << r
               << ", element " << i << ") is not on the " << bits
               << "-bit grid of that channel (steps of " << f32(scale)
               << ", largest " << f32(largest) << ")";
    }
  }
  return success();
}

LogicalResult QReLUOp::verify() {
  int64_t bits = static_cast<int64_t>(getBits());
  if (bits < 1 || bits > 16)
    return emitOpError() << "'bits' must be in 1..16, got " << bits;
  auto type = llvm::cast<SpikeType>(getOutput().getType());
  if (type.getPayloadBits() != unsigned(bits))
    return emitOpError() << "emits graded spikes of " << bits
                         << " bits, the result carries "
                         << type.getPayloadBits();
  return verifyNeuron(getOperation(), getNeuronModel());
}
