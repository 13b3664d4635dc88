//===- NirExport.cpp - the snn dialect out to NIR -------------------------===//
//
// The inverse of NirImport: one NIR node per op, named after its name
// location; parameters in NIR's conventions (times in seconds, arrays of the
// population's shape, float32). What NIR cannot express is refused with a
// diagnostic rather than dropped.
//
//===----------------------------------------------------------------------===//

#include "frontends/nir/NirGraph.h"
#include "frontends/nir/NirImport.h"

#include "dialects/SNN/Naming.h"
#include "dialects/SNN/SNNOps.h"
#include "dialects/SNN/Weights.h"

#include "llvm/ADT/DenseMap.h"

#include <optional>

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;

namespace {
nir::Array floats(std::vector<int64_t> shape, std::vector<double> values) {
  nir::Array a;
  a.kind = nir::Array::Kind::f32;
  a.shape = std::move(shape);
  a.values = std::move(values);
  return a;
}

nir::Array ints(std::vector<int64_t> values, bool scalar = false,
               bool compress = true) {
  nir::Array a;
  a.kind = nir::Array::Kind::i64;
  a.compress = compress;
  if (!scalar)
    a.shape = {int64_t(values.size())};
  a.values.assign(values.begin(), values.end());
  return a;
}

class Exporter {
public:
  LogicalResult run(NetworkOp network, nir::Graph &graph);

private:
  std::string nameOf(Operation *op);
  LogicalResult neuron(NeuronOpInterface neuron, nir::Node &node);
  LogicalResult connection(Operation *op, nir::Node &node);
  /// The parameter broadcast to the population, in NIR units.
  nir::Array param(Operation *op, const ParamSpec &spec, double scale);

  std::optional<OpNames> names;
};

std::string Exporter::nameOf(Operation *op) {
  return names->lookup(op).str();
}

nir::Array Exporter::param(Operation *op, const ParamSpec &spec,
                           double scale) {
  std::vector<int64_t> shape(getStreamShape(op->getResult(0).getType()));
  int64_t n = getNumElements(op->getResult(0).getType());
  std::vector<double> values(n);
  auto q = op->getAttrOfType<QuantityAttr>(spec.name);
  for (int64_t i = 0; i < n; ++i)
    values[i] = (q ? q.at(i) : spec.defaultValue.value_or(0.0)) * scale;
  return floats(shape, values);
}

LogicalResult Exporter::neuron(NeuronOpInterface neuron, nir::Node &node) {
  Operation *op = neuron.getOperation();
  StringRef kind = neuron.getModel().name;
  auto refuse = [&](const Twine &what) {
    return op->emitOpError() << what << " has no NIR equivalent";
  };
  if (kind == "cond_lif" || kind == "hh" || kind == "sfn")
    return refuse("'" + kind + "'");
  if (auto reset = op->getAttrOfType<ResetModeAttr>("reset"))
    if (reset.getValue() != ResetMode::value)
      return refuse("reset " + stringifyResetMode(reset.getValue()));
  if (op->hasAttr("refractory"))
    return refuse("a refractory period");
  if (op->hasAttr("init"))
    return refuse("an initial state");
  if (auto bias = op->getAttrOfType<QuantityAttr>("bias"))
    if (llvm::any_of(bias.getValues().asArrayRef(),
                     [](double v) { return v != 0.0; }))
      return refuse("a bias current");
  const NeuronModel &model = neuron.getModel();
  auto put = [&](StringRef ours, StringRef theirs, double scale = 1.0) {
    node.params[theirs.str()] = param(op, *model.findParam(ours), scale);
  };
  const double toSeconds = 1e-3;
  if (kind == "lif" || kind == "li") {
    node.type = kind == "lif" ? "LIF" : "LI";
    put("tau", "tau", toSeconds);
    put("r", "r");
    put("v_leak", "v_leak");
    if (kind == "lif") {
      put("v_threshold", "v_threshold");
      put("v_reset", "v_reset");
    }
    return success();
  }
  if (kind == "if" || kind == "integrator") {
    // NIR's v' = R I runs in seconds: R = r (1 s / tau).
    node.type = kind == "if" ? "IF" : "I";
    nir::Array r = param(op, *model.findParam("r"), 1.0);
    nir::Array tau = param(op, *model.findParam("tau"), 1.0);
    for (size_t i = 0; i < r.values.size(); ++i)
      r.values[i] *= 1000.0 / tau.values[i];
    node.params["r"] = r;
    if (kind == "if") {
      put("v_threshold", "v_threshold");
      put("v_reset", "v_reset");
    }
    return success();
  }
  if (kind == "cuba_lif" || kind == "cuba_li") {
    node.type = kind == "cuba_lif" ? "CubaLIF" : "CubaLI";
    put("tau_syn", "tau_syn", toSeconds);
    put("tau_mem", "tau_mem", toSeconds);
    put("r", "r");
    put("v_leak", "v_leak");
    put("w_in", "w_in");
    if (kind == "cuba_lif") {
      put("v_threshold", "v_threshold");
      put("v_reset", "v_reset");
    }
    return success();
  }
  if (kind == "threshold") {
    node.type = "Threshold";
    put("v_threshold", "threshold");
    return success();
  }
  return op->emitOpError() << "'" << kind << "' has no NIR equivalent";
}

LogicalResult Exporter::connection(Operation *op, nir::Node &node) {
  auto tensor = [&](ElementsAttr attr, StringRef name) -> LogicalResult {
    SmallVector<double> values;
    if (failed(readFloats(attr, values)))
      return op->emitOpError() << "'" << name << "' cannot be read";
    ArrayRef<int64_t> shape = attr.getShapedType().getShape();
    node.params[name.str()] =
        floats(std::vector<int64_t>(shape.begin(), shape.end()),
               std::vector<double>(values.begin(), values.end()));
    return success();
  };
  if (auto linear = llvm::dyn_cast<LinearOp>(op)) {
    if (linear.getStdp())
      return op->emitOpError() << "plasticity has no NIR equivalent";
    node.type = "Linear";
    return tensor(linear.getWeight(), "weight");
  }
  if (auto affine = llvm::dyn_cast<AffineOp>(op)) {
    if (affine.getStdp())
      return op->emitOpError() << "plasticity has no NIR equivalent";
    node.type = "Affine";
    return failure(failed(tensor(affine.getWeight(), "weight")) ||
                   failed(tensor(affine.getBias(), "bias")));
  }
  auto symmetric = [&](ArrayRef<int64_t> padding,
                       unsigned spatial) -> LogicalResult {
    if (isSymmetricPadding(padding, spatial))
      return success();
    return op->emitOpError() << "pads more after than before (or less); "
                                "NIR pads each axis the same on both sides";
  };
  auto conv = [&](auto c, StringRef type) -> LogicalResult {
    if (failed(symmetric(c.getPadding(), c.getStride().size())))
      return failure();
    node.type = type.str();
    ArrayRef<int64_t> in = getStreamShape(c.getInput().getType());
    node.params["input_shape"] =
        ints(std::vector<int64_t>(in.begin() + 1, in.end()), false, false);
    // nir.write stores these Python tuples and ints uncompressed.
    node.params["stride"] = ints(c.getStride().vec(), false, false);
    node.params["padding"] = ints(c.getPadding().vec(), false, false);
    node.params["dilation"] = ints(c.getDilation().vec(), false, false);
    node.params["groups"] = ints({int64_t(c.getGroups())}, true);
    if (c.getBias() && failed(tensor(*c.getBias(), "bias")))
      return failure();
    if (!c.getBias()) {
      int64_t out = c.getWeight().getShapedType().getShape()[0];
      node.params["bias"] = floats({out}, std::vector<double>(out, 0.0));
    }
    return tensor(c.getWeight(), "weight");
  };
  if (auto c = llvm::dyn_cast<Conv1dOp>(op))
    return conv(c, "Conv1d");
  if (auto c = llvm::dyn_cast<Conv2dOp>(op))
    return conv(c, "Conv2d");
  auto pool = [&](auto p, StringRef type) -> LogicalResult {
    if (failed(symmetric(p.getPadding(), 2)))
      return failure();
    node.type = type.str();
    node.params["kernel_size"] = ints(p.getKernelSize().vec());
    node.params["stride"] = ints(p.getStride().vec());
    node.params["padding"] = ints(p.getPadding().vec());
    return success();
  };
  if (auto p = llvm::dyn_cast<SumPool2dOp>(op))
    return pool(p, "SumPool2d");
  if (auto p = llvm::dyn_cast<AvgPool2dOp>(op))
    return pool(p, "AvgPool2d");
  if (auto f = llvm::dyn_cast<FlattenOp>(op)) {
    node.type = "Flatten";
    ArrayRef<int64_t> in = getStreamShape(f.getInput().getType());
    node.params["input_type"] = ints(in.vec());
    node.params["start_dim"] = ints({int64_t(f.getStartDim())}, true);
    node.params["end_dim"] = ints({int64_t(f.getEndDim())}, true);
    return success();
  }
  if (auto s = llvm::dyn_cast<ScaleOp>(op)) {
    node.type = "Scale";
    SmallVector<double> values;
    if (failed(readFloats(s.getScale(), values)))
      return op->emitOpError() << "'scale' cannot be read";
    ArrayRef<int64_t> shape = getStreamShape(s.getInput().getType());
    int64_t n = getNumElements(s.getInput().getType());
    std::vector<double> full(n);
    for (int64_t i = 0; i < n; ++i)
      full[i] = values.size() == 1 ? values[0] : values[i];
    node.params["scale"] = floats(shape.vec(), full);
    return success();
  }
  if (auto d = llvm::dyn_cast<DelayOp>(op)) {
    node.type = "Delay";
    ArrayRef<int64_t> shape = getStreamShape(d.getInput().getType());
    int64_t n = getNumElements(d.getInput().getType());
    std::vector<double> full(n);
    for (int64_t i = 0; i < n; ++i)
      full[i] = d.getDelay().at(i) * 1e-3;
    node.params["delay"] = floats(shape.vec(), full);
    return success();
  }
  return op->emitOpError() << "has no NIR equivalent";
}

LogicalResult Exporter::run(NetworkOp network, nir::Graph &graph) {
  Block &body = network.getBodyBlock();
  names.emplace(network);
  auto portName = [](StringRef base, size_t k, size_t count) {
    return count == 1 ? base.str() : base.str() + "_" + std::to_string(k);
  };
  llvm::DenseMap<Value, std::string> producer;
  for (BlockArgument arg : body.getArguments()) {
    std::string name = portName("input", arg.getArgNumber(), body.getNumArguments());
    producer[arg] = name;
    nir::Node node;
    node.name = name;
    node.type = "Input";
    node.params["shape"] = ints(getStreamShape(arg.getType()).vec());
    graph.nodes.push_back(std::move(node));
  }
  auto output = llvm::cast<OutputOp>(body.getTerminator());
  for (Operation &op : body) {
    if (llvm::isa<OutputOp>(op))
      continue;
    if (llvm::isa<ProbeOp>(op))
      continue; // probes are a simulation choice, not part of the model
    producer[op.getResult(0)] = nameOf(&op);
  }
  for (Operation &op : body) {
    if (llvm::isa<OutputOp, ProbeOp>(op))
      continue;
    nir::Node node;
    node.name = nameOf(&op);
    LogicalResult ok = llvm::isa<NeuronOpInterface>(op)
                           ? neuron(llvm::cast<NeuronOpInterface>(op), node)
                           : connection(&op, node);
    if (failed(ok))
      return failure();
    for (Value in : op.getOperands())
      graph.edges.push_back({producer[in], node.name});
    graph.nodes.push_back(std::move(node));
  }
  size_t count = output.getOutputs().size();
  for (auto [k, v] : llvm::enumerate(output.getOutputs())) {
    nir::Node node;
    node.name = portName("output", k, count);
    node.type = "Output";
    node.params["shape"] = ints(getStreamShape(v.getType()).vec());
    graph.edges.push_back({producer[v], node.name});
    graph.nodes.push_back(std::move(node));
  }
  if (std::optional<QuantityAttr> dt = network.getDt()) {
    nir::Array a;
    a.kind = nir::Array::Kind::f64;
    a.values = {dt->at(0) * 1e-3};
    graph.metadata["dt"] = a;
  }
  // nir.write stores nodes in a dict: readers see them in name order.
  std::sort(graph.nodes.begin(), graph.nodes.end(),
            [](const nir::Node &a, const nir::Node &b) { return a.name < b.name; });
  return success();
}
} // namespace

LogicalResult snnc::nir::exportFile(ModuleOp module, const std::string &path) {
  FailureOr<NetworkOp> network = getSingleNetwork(module, "NIR export");
  if (failed(network))
    return failure();
  nir::Graph graph;
  if (failed(Exporter().run(*network, graph)))
    return failure();
  std::string error;
  if (!nir::writeFile(path, graph, "1.0.7", error))
    return module.emitError() << error;
  return success();
}
