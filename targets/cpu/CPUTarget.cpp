//===- CPUTarget.cpp - the cpu target: images for the float emulator ------===//
//
// Lowers a discretized snn network to an snnx image (docs/formats/snnx.md):
// nodes in evaluation order, each input marked as read in the same step, the
// previous step (a recurrent input of a population) or at the end of the
// step (the input of a delay that closes a cycle).
//
//===----------------------------------------------------------------------===//

#include "targets/cpu/CPUTarget.h"

#include "dialects/SNN/Naming.h"
#include "dialects/SNN/SNNOps.h"
#include "dialects/SNN/Weights.h"
#include "passes/Passes.h"
#include "passes/Pipelines.h"
#include "targets/Emission.h"
#include "targets/RegisteredTargets.h"
#include "targets/Target.h"

#include "snnrt/Image.h"

#include "mlir/IR/Operation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <queue>

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;

namespace {

/// Strongly connected components of the ops of a network (iterative Tarjan,
/// no recursion), numbered in the order they complete.
llvm::DenseMap<Operation *, unsigned> computeSCCs(ArrayRef<Operation *> ops) {
  llvm::DenseMap<Operation *, unsigned> index, low, component;
  llvm::DenseMap<Operation *, bool> onStack;
  SmallVector<Operation *> stack;
  unsigned next = 0, components = 0;
  struct Frame {
    Operation *op;
    SmallVector<Operation *> users;
    size_t nextUser;
  };
  for (Operation *root : ops) {
    if (index.count(root))
      continue;
    SmallVector<Frame> frames;
    auto push = [&](Operation *op) {
      index[op] = low[op] = next++;
      stack.push_back(op);
      onStack[op] = true;
      Frame frame{op, {}, 0};
      for (Operation *user : op->getUsers())
        if (!llvm::isa<ProbeOp, OutputOp>(user))
          frame.users.push_back(user);
      frames.push_back(std::move(frame));
    };
    push(root);
    while (!frames.empty()) {
      Frame &frame = frames.back();
      if (frame.nextUser < frame.users.size()) {
        Operation *user = frame.users[frame.nextUser++];
        if (!index.count(user))
          push(user);
        else if (onStack[user])
          low[frame.op] = std::min(low[frame.op], index[user]);
        continue;
      }
      Operation *op = frame.op;
      if (low[op] == index[op]) {
        Operation *member;
        do {
          member = stack.pop_back_val();
          onStack[member] = false;
          component[member] = components;
        } while (member != op);
        ++components;
      }
      frames.pop_back();
      if (!frames.empty())
        low[frames.back().op] = std::min(low[frames.back().op], low[op]);
    }
  }
  return component;
}

std::string nodeKind(Operation *op) {
  return op->getName().stripDialect().str();
}

std::vector<int64_t> shapeOf(Type type) {
  ArrayRef<int64_t> shape = getStreamShape(type);
  return std::vector<int64_t>(shape.begin(), shape.end());
}

class ImageBuilder {
public:
  explicit ImageBuilder(NetworkOp network) : network(network) {}
  FailureOr<std::vector<uint8_t>> build();

private:
  LogicalResult schedule();
  LogicalResult writeNeuron(NeuronOpInterface neuron);
  LogicalResult writeConnection(Operation *op);
  void writeStreamFields(Type type, const std::string &kind,
                         const std::string &name,
                         ArrayRef<std::pair<int64_t, uint8_t>> inputs);
  LogicalResult addFloats(Operation *op, const std::string &field,
                          ElementsAttr attr);
  LogicalResult addIntegers(Operation *op, const std::string &field,
                            ElementsAttr attr);

  NetworkOp network;
  snnrt::ImageWriter writer;
  /// Tensors used by more than one field (after snn-share-kernels): written
  /// once as `tensor` records and referenced by index.
  llvm::DenseMap<Attribute, int64_t> sharedTensors;
  SmallVector<Operation *> order;
  llvm::DenseMap<Value, int64_t> nodeOf;
  llvm::DenseMap<Operation *, SmallVector<uint8_t>> inputModes;
};

LogicalResult ImageBuilder::schedule() {
  SmallVector<Operation *> ops;
  for (Operation &op : network.getBodyBlock())
    if (!llvm::isa<ProbeOp, OutputOp>(op))
      ops.push_back(&op);
  llvm::DenseMap<Operation *, unsigned> component = computeSCCs(ops);
  llvm::DenseMap<Operation *, unsigned> position;
  for (auto [i, op] : llvm::enumerate(ops))
    position[op] = i;

  // Classify every input; only same-step inputs order the evaluation.
  llvm::DenseMap<Operation *, unsigned> pending;
  llvm::DenseMap<Operation *, SmallVector<Operation *>> sameStepUsers;
  for (Operation *op : ops) {
    SmallVector<uint8_t> &modes = inputModes[op];
    auto delay = llvm::dyn_cast<DelayOp>(op);
    bool delayWaits = false;
    if (delay) {
      std::optional<ArrayRef<int64_t>> steps = delay.getSteps();
      if (!steps)
        return delay.emitOpError()
               << "has no step count; run snn-discretize first";
      delayWaits = llvm::all_of(*steps, [](int64_t s) { return s >= 1; });
    }
    for (Value operand : op->getOperands()) {
      Operation *def = operand.getDefiningOp();
      uint8_t mode = snnrt::kSameStep;
      if (def && llvm::isa<NeuronOpInterface>(op) &&
          component.lookup(def) == component.lookup(op))
        mode = snnrt::kPreviousStep;
      else if (def && delayWaits)
        mode = snnrt::kEndOfStep;
      modes.push_back(mode);
      if (def && mode == snnrt::kSameStep) {
        ++pending[op];
        sameStepUsers[def].push_back(op);
      }
    }
  }
  // Kahn's algorithm, ties broken by program order for determinism.
  auto later = [&](Operation *a, Operation *b) {
    return position[a] > position[b];
  };
  std::priority_queue<Operation *, std::vector<Operation *>, decltype(later)>
      ready(later);
  for (Operation *op : ops)
    if (pending.lookup(op) == 0)
      ready.push(op);
  while (!ready.empty()) {
    Operation *op = ready.top();
    ready.pop();
    order.push_back(op);
    for (Operation *user : sameStepUsers.lookup(op))
      if (--pending[user] == 0)
        ready.push(user);
  }
  if (order.size() != ops.size()) {
    for (Operation *op : ops)
      if (pending.lookup(op) != 0)
        return op->emitOpError()
               << "lies on a cycle that no population or delay of at least "
                  "one step breaks";
  }
  return success();
}

void ImageBuilder::writeStreamFields(
    Type type, const std::string &kind, const std::string &name,
    ArrayRef<std::pair<int64_t, uint8_t>> inputs) {
  writer.beginRecord();
  writer.addString("kind", kind);
  writer.addString("name", name);
  std::vector<int64_t> ids, modes;
  for (auto [id, mode] : inputs) {
    ids.push_back(id);
    modes.push_back(mode);
  }
  writer.addI64("inputs", ids);
  writer.addI64("delayed", modes);
  writer.addI64("shape", shapeOf(type));
  auto spikes = llvm::dyn_cast<SpikeType>(type);
  writer.addString("stream", spikes ? "spikes" : "current");
  writer.addI64("payload_bits", {spikes ? int64_t(spikes.getPayloadBits()) : 0});
}

LogicalResult ImageBuilder::addFloats(Operation *op, const std::string &field,
                                      ElementsAttr attr) {
  auto shared = sharedTensors.find(attr);
  if (shared != sharedTensors.end()) {
    writer.addI64(field + ".ref", {shared->second});
    return success();
  }
  SmallVector<double> values;
  if (failed(readFloats(attr, values)))
    return op->emitOpError() << "'" << field
                             << "' cannot be read (a resource blob that is "
                                "missing or of the wrong size)";
  writer.addF32(field, std::vector<float>(values.begin(), values.end()));
  return success();
}

LogicalResult ImageBuilder::addIntegers(Operation *op,
                                        const std::string &field,
                                        ElementsAttr attr) {
  SmallVector<int64_t> values;
  if (failed(readIntegers(attr, values)))
    return op->emitOpError() << "'" << field << "' cannot be read";
  writer.addI64(field, std::vector<int64_t>(values.begin(), values.end()));
  return success();
}

LogicalResult ImageBuilder::writeNeuron(NeuronOpInterface neuron) {
  Operation *op = neuron.getOperation();
  const NeuronModel &model = neuron.getModel();
  auto step = op->getAttrOfType<StepAttr>("step");
  if (!step)
    return op->emitOpError()
           << "is not discretized; run snn-discretize before the cpu target";
  // Parameters in internal units, defaults filled in.
  for (const ParamSpec &spec : model.params) {
    if (auto q = op->getAttrOfType<QuantityAttr>(spec.name))
      writer.addF64(spec.name.str(), q.getValues().asArrayRef().vec());
    else if (spec.defaultValue)
      writer.addF64(spec.name.str(), {*spec.defaultValue});
  }
  for (NamedAttribute c : step.getCoefficients())
    writer.addF64("c." + c.getName().str(),
                  llvm::cast<DenseF64ArrayAttr>(c.getValue()).asArrayRef().vec());
  writer.addString("scheme", stringifyScheme(step.getScheme()).str());
  if (auto reset = op->getAttrOfType<ResetModeAttr>("reset"))
    writer.addI64("reset", {int64_t(reset.getValue())});
  if (auto seed = op->getAttrOfType<IntegerAttr>("seed"))
    writer.addI64("seed", {seed.getInt()});
  if (auto init = op->getAttrOfType<DictionaryAttr>("init")) {
    for (NamedAttribute entry : init) {
      std::string key = "init." + entry.getName().str();
      if (auto q = llvm::dyn_cast<QuantityAttr>(entry.getValue())) {
        writer.addF64(key, q.getValues().asArrayRef().vec());
        continue;
      }
      auto dist = llvm::cast<DistributionAttr>(entry.getValue());
      ArrayRef<double> p = dist.getParams().asArrayRef();
      writer.addF64(key + ".dist", {double(dist.getKind()), p[0],
                                    p.size() > 1 ? p[1] : 0.0});
    }
  }
  if (auto cond = llvm::dyn_cast<CondLIFOp>(op)) {
    writer.addI64("channels", {int64_t(cond.getTauSyn().size())});
    writer.addI64("input_channels", cond.getInputChannels().vec());
  }
  if (auto sfn = llvm::dyn_cast<SFNOp>(op))
    writer.addI64("levels", {int64_t(sfn.getLevels())});
  if (auto qrelu = llvm::dyn_cast<QReLUOp>(op))
    writer.addI64("bits", {int64_t(qrelu.getBits())});
  return success();
}

void addSTDP(snnrt::ImageWriter &writer, std::optional<STDPAttr> stdp) {
  if (!stdp)
    return;
  writer.addF64("stdp", {stdp->getAPlus().convertToDouble(),
                         stdp->getAMinus().convertToDouble(),
                         stdp->getTauPlus().convertToDouble(),
                         stdp->getTauMinus().convertToDouble(),
                         stdp->getWMin().convertToDouble(),
                         stdp->getWMax().convertToDouble()});
}

std::vector<int64_t> vec(ArrayRef<int64_t> values) { return values.vec(); }

/// The emulator places windows by the padding before each axis; the
/// padding after only sizes the output, which the stream's shape gives.
std::vector<int64_t> paddingOf(ArrayRef<int64_t> padding, size_t spatial) {
  return padding.take_front(spatial).vec();
}

LogicalResult ImageBuilder::writeConnection(Operation *op) {
  if (auto linear = llvm::dyn_cast<LinearOp>(op)) {
    addSTDP(writer, linear.getStdp());
    return addFloats(op, "weight", linear.getWeight());
  }
  if (auto affine = llvm::dyn_cast<AffineOp>(op)) {
    addSTDP(writer, affine.getStdp());
    return failure(failed(addFloats(op, "weight", affine.getWeight())) ||
                   failed(addFloats(op, "bias", affine.getBias())));
  }
  auto conv = [&](auto c) -> LogicalResult {
    writer.addI64("weight_shape", vec(c.getWeight().getShapedType().getShape()));
    writer.addI64("stride", vec(c.getStride()));
    writer.addI64("padding", paddingOf(c.getPadding(), c.getStride().size()));
    writer.addI64("dilation", vec(c.getDilation()));
    writer.addI64("groups", {int64_t(c.getGroups())});
    if (c.getBias() && failed(addFloats(op, "bias", *c.getBias())))
      return failure();
    return addFloats(op, "weight", c.getWeight());
  };
  if (auto c = llvm::dyn_cast<Conv1dOp>(op))
    return conv(c);
  if (auto c = llvm::dyn_cast<Conv2dOp>(op))
    return conv(c);
  auto pool = [&](auto p) {
    writer.addI64("kernel_size", vec(p.getKernelSize()));
    writer.addI64("stride", vec(p.getStride()));
    writer.addI64("padding", paddingOf(p.getPadding(), 2));
    return success();
  };
  if (auto p = llvm::dyn_cast<SumPool2dOp>(op))
    return pool(p);
  if (auto p = llvm::dyn_cast<AvgPool2dOp>(op))
    return pool(p);
  if (auto p = llvm::dyn_cast<MaxPool2dOp>(op))
    return pool(p);
  if (llvm::isa<FlattenOp>(op))
    return success();
  if (auto scale = llvm::dyn_cast<ScaleOp>(op)) {
    SmallVector<double> values;
    if (failed(readFloats(scale.getScale(), values)))
      return op->emitOpError() << "'scale' cannot be read";
    writer.addF64("scale", std::vector<double>(values.begin(), values.end()));
    return success();
  }
  if (auto delay = llvm::dyn_cast<DelayOp>(op)) {
    writer.addI64("steps", delay.getSteps()->vec());
    return success();
  }
  if (auto sparse = llvm::dyn_cast<SparseOp>(op)) {
    writer.addI64("format", {int64_t(sparse.getFormat())});
    addSTDP(writer, sparse.getStdp());
    return failure(failed(addIntegers(op, "rows", sparse.getRows())) ||
                   failed(addIntegers(op, "cols", sparse.getCols())) ||
                   failed(addFloats(op, "weights", sparse.getWeights())));
  }
  if (auto proc = llvm::dyn_cast<ProceduralOp>(op)) {
    writer.addI64("connector", {int64_t(proc.getConnector())});
    if (auto p = proc.getProbability())
      writer.addF64("probability", {p->convertToDouble()});
    if (auto k = proc.getIndegree())
      writer.addI64("indegree", {int64_t(*k)});
    writer.addI64("seed", {int64_t(proc.getSeed())});
    writer.addI64("allow_autapses", {proc.getAllowAutapses() ? 1 : 0});
    DistributionAttr w = proc.getWeight();
    ArrayRef<double> p = w.getParams().asArrayRef();
    writer.addF64("weight", {double(w.getKind()), p[0],
                             p.size() > 1 ? p[1] : 0.0});
    return success();
  }
  return op->emitOpError() << "has no lowering to the cpu target";
}

FailureOr<std::vector<uint8_t>> ImageBuilder::build() {
  std::optional<QuantityAttr> dt = network.getDt();
  if (!dt)
    return network.emitOpError()
           << "has no 'dt'; run snn-discretize before the cpu target";
  if (failed(schedule()))
    return failure();

  // Node ids: inputs first, then ops in evaluation order. Recurrent inputs
  // refer to later nodes, so every id is known before any record is written.
  for (BlockArgument arg : network.getBodyBlock().getArguments())
    nodeOf[arg] = nodeOf.size();
  for (Operation *op : order)
    nodeOf[op->getResult(0)] = nodeOf.size();

  writer.beginRecord();
  writer.addString("kind", "network");
  writer.addString("name", network.getSymName().str());
  writer.addF64("dt", {dt->at(0)});
  std::vector<int64_t> outputs;
  auto output = llvm::cast<OutputOp>(network.getBodyBlock().getTerminator());
  for (Value v : output.getOutputs())
    outputs.push_back(nodeOf.lookup(v));
  writer.addI64("outputs", outputs);

  // Float tensors that several fields use are stored once.
  llvm::DenseMap<Attribute, int> uses;
  SmallVector<ElementsAttr> tensorOrder;
  for (Operation *op : order)
    for (NamedAttribute a : op->getAttrs())
      if (auto t = llvm::dyn_cast<ElementsAttr>(a.getValue()))
        if (llvm::isa<FloatType>(t.getShapedType().getElementType()) &&
            uses[t]++ == 0)
          tensorOrder.push_back(t);
  for (ElementsAttr t : tensorOrder) {
    if (uses[t] < 2)
      continue;
    SmallVector<double> values;
    if (failed(readFloats(t, values)))
      continue; // written inline below, where the error is reported
    writer.beginRecord();
    writer.addString("kind", "tensor");
    writer.addF32("data", std::vector<float>(values.begin(), values.end()));
    int64_t index = int64_t(sharedTensors.size());
    sharedTensors[t] = index;
  }

  for (BlockArgument arg : network.getBodyBlock().getArguments())
    writeStreamFields(arg.getType(), "input",
                      OpNames::inputName(arg.getArgNumber()), {});
  OpNames names(network);
  for (Operation *op : order) {
    SmallVector<std::pair<int64_t, uint8_t>> inputs;
    for (auto [operand, mode] :
         llvm::zip_equal(op->getOperands(), inputModes[op]))
      inputs.push_back({nodeOf.lookup(operand), mode});
    writeStreamFields(op->getResult(0).getType(), nodeKind(op),
                      names.lookup(op).str(), inputs);
    LogicalResult ok = success();
    if (auto neuron = llvm::dyn_cast<NeuronOpInterface>(op))
      ok = writeNeuron(neuron);
    else
      ok = writeConnection(op);
    if (failed(ok))
      return failure();
  }
  for (Operation &op : network.getBodyBlock()) {
    auto probe = llvm::dyn_cast<ProbeOp>(op);
    if (!probe)
      continue;
    writer.beginRecord();
    writer.addString("kind", "probe");
    writer.addString("name", probe.getName().str());
    writer.addI64("source", {nodeOf.lookup(probe.getSource())});
    writer.addString("state", probe.getState().value_or("").str());
  }
  return writer.finish();
}

class CPUTarget : public Target {
public:
  llvm::StringRef getName() const override { return "cpu"; }
  llvm::StringRef getDescription() const override {
    return "float reference emulator image (.snnx) for snn-run";
  }
  void buildPipeline(OpPassManager &pm, Stage stage,
                     const TargetOptions &) const override {
    // The float reference runs the discretized network as it is: no
    // quantization, mapping or target IR. Identical tensors are still
    // stored once in the image.
    if (stage == Stage::quantized)
      pm.addNestedPass<NetworkOp>(createSNNShareKernels());
  }
  LogicalResult emit(ModuleOp module,
                     const TargetOptions &options) const override {
    FailureOr<std::vector<uint8_t>> image = buildCPUImage(module);
    if (failed(image))
      return failure();
    std::string path = options.outputPath;
    if (path == "-" || path.empty())
      return module.emitError()
             << "the cpu target writes a binary image: give -o model.snnx";
    if (llvm::sys::fs::is_directory(path)) {
      auto network = *module.getOps<NetworkOp>().begin();
      SmallString<256> file(path);
      llvm::sys::path::append(file, network.getSymName() + ".snnx");
      path = std::string(file);
    }
    return writeArtifactFile(
        module, path,
        llvm::StringRef(reinterpret_cast<const char *>(image->data()),
                        image->size()));
  }
};
} // namespace

FailureOr<std::vector<uint8_t>> snnc::buildCPUImage(ModuleOp module) {
  FailureOr<NetworkOp> network = getSingleNetwork(module, "the cpu target");
  if (failed(network))
    return failure();
  return ImageBuilder(*network).build();
}

void snnc::registerCPUTarget() {
  TargetRegistry::get().add("cpu", [] { return std::make_unique<CPUTarget>(); });
}
