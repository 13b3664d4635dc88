//===- NirImport.cpp - NIR graphs into the snn dialect --------------------===//
//
// Reads the file (NirGraph), flattens nested graphs into one list of nodes
// with dotted names, infers every node's shape forward from the inputs,
// then builds one snn.network. Each op carries its NIR name as a name
// location, which the exporter reads back.
//
//===----------------------------------------------------------------------===//

#include "frontends/nir/NirImport.h"
#include "frontends/nir/NirGraph.h"

#include "dialects/SNN/SNNOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Verifier.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;

namespace {
using Shape = std::vector<int64_t>;

std::string shapeText(const Shape &shape) {
  std::string text;
  for (int64_t d : shape)
    text += (text.empty() ? "" : "x") + std::to_string(d);
  return text.empty() ? "()" : text;
}

int64_t product(const Shape &shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

bool isNeuron(const std::string &type) {
  static const std::set<std::string> kinds = {
      "LIF", "IF", "LI", "I", "CubaLI", "CubaLIF", "Threshold"};
  return kinds.count(type) != 0;
}

bool isSpiking(const std::string &type) {
  return type == "LIF" || type == "IF" || type == "CubaLIF" ||
         type == "Threshold";
}

/// One node of the flattened graph.
struct FlatNode {
  std::string name;
  const nir::Node *node;
  bool identity = false; ///< the Input or Output of a nested graph
  std::vector<size_t> preds, succs;
  std::optional<Shape> shape;
  std::optional<bool> spikes;
  /// A convolution's padding as the snn op takes it (one value per axis, or
  /// all befores then all afters), set with its output shape.
  Shape padding;
};

class Importer {
public:
  Importer(MLIRContext *ctx, std::string path)
      : ctx(ctx), path(std::move(path)),
        fileLoc(FileLineColLoc::get(ctx, this->path, 0, 0)) {}

  OwningOpRef<ModuleOp> run(std::optional<double> dtMs);

private:
  InFlightDiagnostic error(const std::string &node) {
    return emitError(node.empty() ? Location(fileLoc) : locOf(node))
           << (node.empty() ? std::string() : "node '" + node + "': ");
  }
  Location locOf(const std::string &node) {
    return NameLoc::get(StringAttr::get(ctx, node), fileLoc);
  }

  LogicalResult flatten(const nir::Graph &graph, const std::string &prefix,
                        bool top);
  FailureOr<std::string> resolve(const nir::Graph &graph,
                                 const std::string &prefix,
                                 const std::string &name, bool source);
  LogicalResult removeIdentities();
  LogicalResult checkNodes();
  LogicalResult inferShapes();
  std::optional<Shape> paramShape(const FlatNode &n);
  FailureOr<Shape> outputShape(FlatNode &n, const Shape &in);
  LogicalResult build(ModuleOp module, double dtMs);
  FailureOr<Attribute> quantity(const FlatNode &n, const std::string &param,
                                Dimension dim, double scale);
  FailureOr<Operation *> createOp(OpBuilder &b, FlatNode &n,
                                  ArrayRef<Value> inputs, Type type);

  MLIRContext *ctx;
  std::string path;
  Location fileLoc;
  nir::Graph root;
  std::vector<FlatNode> nodes;
  std::map<std::string, size_t> indexOf;
  std::vector<std::pair<std::string, std::string>> pendingEdges;
};

LogicalResult Importer::flatten(const nir::Graph &graph,
                                const std::string &prefix, bool top) {
  for (const nir::Node &node : graph.nodes) {
    std::string full = prefix + node.name;
    if (node.graph) {
      if (failed(flatten(*node.graph, full + ".", false)))
        return failure();
      continue;
    }
    if (indexOf.count(full))
      return error(full) << "appears twice after flattening nested graphs";
    FlatNode flat{full, &node};
    flat.identity = !top && (node.type == "Input" || node.type == "Output");
    indexOf[full] = nodes.size();
    nodes.push_back(std::move(flat));
  }
  for (const auto &[from, to] : graph.edges) {
    FailureOr<std::string> a = resolve(graph, prefix, from, true);
    FailureOr<std::string> b = resolve(graph, prefix, to, false);
    if (failed(a) || failed(b))
      return failure();
    pendingEdges.push_back({*a, *b});
  }
  return success();
}

/// The flat name an edge endpoint refers to: a node of this graph, the
/// single Output (as a source) or Input (as a target) of a nested graph, or
/// a dotted path into a nested graph (`G.B`).
FailureOr<std::string> Importer::resolve(const nir::Graph &graph,
                                         const std::string &prefix,
                                         const std::string &name,
                                         bool source) {
  if (const nir::Node *node = graph.find(name)) {
    if (!node->graph)
      return prefix + name;
    std::string wanted = source ? "Output" : "Input";
    std::vector<std::string> ports;
    for (const nir::Node &inner : node->graph->nodes)
      if (inner.type == wanted)
        ports.push_back(inner.name);
    if (ports.size() != 1)
      return error(prefix + name)
             << "a nested graph used as an edge " << (source ? "source" : "target")
             << " needs exactly one " << wanted << " node, it has "
             << ports.size() << " (address one as '" << name << ".<name>')";
    return prefix + name + "." + ports.front();
  }
  size_t dot = name.find('.');
  if (dot != std::string::npos) {
    const nir::Node *outer = graph.find(name.substr(0, dot));
    if (outer && outer->graph)
      return resolve(*outer->graph, prefix + name.substr(0, dot) + ".",
                     name.substr(dot + 1), source);
  }
  return error("") << "an edge refers to the unknown node '" << prefix + name
                   << "'";
}

LogicalResult Importer::removeIdentities() {
  std::set<std::pair<size_t, size_t>> edges;
  for (const auto &[from, to] : pendingEdges) {
    if (!indexOf.count(from))
      return error("") << "an edge refers to the unknown node '" << from << "'";
    if (!indexOf.count(to))
      return error("") << "an edge refers to the unknown node '" << to << "'";
    edges.insert({indexOf[from], indexOf[to]});
  }
  // The Input and Output nodes of nested graphs only forward their stream.
  for (size_t x = 0; x < nodes.size(); ++x) {
    if (!nodes[x].identity)
      continue;
    std::vector<size_t> in, out;
    for (auto [a, b] : edges) {
      if (b == x)
        in.push_back(a);
      if (a == x)
        out.push_back(b);
    }
    for (size_t a : in)
      for (size_t b : out)
        edges.insert({a, b});
    for (auto it = edges.begin(); it != edges.end();)
      it = (it->first == x || it->second == x) ? edges.erase(it) : std::next(it);
  }
  for (auto [a, b] : edges) {
    nodes[a].succs.push_back(b);
    nodes[b].preds.push_back(a);
  }
  return success();
}

/// Parameter types, and every node reachable from an Input: a part of the
/// graph that no input drives (a cycle with no input) has no defined
/// activity.
LogicalResult Importer::checkNodes() {
  for (FlatNode &n : nodes) {
    if (n.identity)
      continue;
    for (const auto &[name, array] : n.node->params) {
      bool textAllowed = name == "padding" && (n.node->type == "Conv1d" ||
                                               n.node->type == "Conv2d");
      if (!array.isNumber() && !textAllowed)
        return error(n.name) << "dataset '" << name
                             << "' must be numeric, got a string";
    }
  }
  std::vector<bool> reached(nodes.size(), false);
  std::vector<size_t> work;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (!nodes[i].identity && nodes[i].node->type == "Input") {
      reached[i] = true;
      work.push_back(i);
    }
  while (!work.empty()) {
    size_t i = work.back();
    work.pop_back();
    for (size_t s : nodes[i].succs)
      if (!reached[s]) {
        reached[s] = true;
        work.push_back(s);
      }
  }
  for (size_t i = 0; i < nodes.size(); ++i)
    if (!nodes[i].identity && !reached[i])
      return error(nodes[i].name)
             << "is not reachable from any Input"
             << (nodes[i].preds.empty() ? " (it has no input edge)"
                                        : " (it lies on a cycle with no input)");
  return success();
}

std::optional<Shape> Importer::paramShape(const FlatNode &n) {
  std::optional<Shape> best;
  for (const auto &[name, array] : n.node->params)
    if (array.isNumber() && !array.shape.empty() &&
        (!best || product(array.shape) > product(*best)))
      best = array.shape;
  return best;
}

const nir::Array *param(const FlatNode &n, const std::string &name) {
  auto it = n.node->params.find(name);
  return it == n.node->params.end() ? nullptr : &it->second;
}

/// A window parameter as one value per spatial axis (ints or pairs).
std::optional<Shape> perAxis(const FlatNode &n, const std::string &name,
                             size_t axes, int64_t fallback) {
  const nir::Array *a = param(n, name);
  if (!a)
    return Shape(axes, fallback);
  if (!a->isNumber())
    return std::nullopt;
  if (a->size() == 1)
    return Shape(axes, int64_t(a->values[0]));
  if (a->size() != axes)
    return std::nullopt;
  Shape out;
  for (double v : a->values)
    out.push_back(int64_t(v));
  return out;
}

FailureOr<Shape> Importer::outputShape(FlatNode &n, const Shape &in) {
  const std::string &type = n.node->type;
  auto mismatch = [&](const std::string &what) -> FailureOr<Shape> {
    return error(n.name) << "its input has shape " << shapeText(in)
                         << " but " << what;
  };
  if (type == "Affine" || type == "Linear") {
    const nir::Array *w = param(n, "weight");
    if (!w || w->shape.size() != 2)
      return error(n.name) << "'weight' must be a matrix";
    if (product(in) != w->shape[1] || in.size() != 1)
      return mismatch("'weight' expects " + std::to_string(w->shape[1]) +
                      " inputs");
    return Shape{w->shape[0]};
  }
  if (type == "Conv1d" || type == "Conv2d") {
    size_t axes = type == "Conv1d" ? 1 : 2;
    const nir::Array *w = param(n, "weight");
    if (!w || w->shape.size() != axes + 2)
      return error(n.name) << "'weight' must have " << axes + 2
                           << " dimensions";
    if (in.size() != axes + 1)
      return mismatch("a " + type + " needs [channels, " +
                      (axes == 1 ? "length" : "height, width") + "]");
    std::optional<Shape> stride = perAxis(n, "stride", axes, 1),
                         dilation = perAxis(n, "dilation", axes, 1);
    if (!stride || !dilation)
      return error(n.name) << "'stride' and 'dilation' need 1 or " << axes
                           << " integers";
    Shape before(axes, 0), after(axes, 0);
    const nir::Array *pad = param(n, "padding");
    if (pad && !pad->isNumber()) {
      if (pad->text == "same") {
        // PyTorch's 'same' (stride 1 only): the odd unit goes after.
        for (size_t d = 0; d < axes; ++d) {
          if ((*stride)[d] != 1)
            return error(n.name) << "'same' padding with stride "
                                 << (*stride)[d]
                                 << "; PyTorch defines it for stride 1 only";
          int64_t total = (*dilation)[d] * (w->shape[d + 2] - 1);
          before[d] = total / 2;
          after[d] = total - total / 2;
        }
      } else if (pad->text != "valid") {
        return error(n.name) << "unknown padding '" << pad->text << "'";
      }
    } else {
      std::optional<Shape> p = perAxis(n, "padding", axes, 0);
      if (!p)
        return error(n.name) << "'padding' needs 1 or " << axes << " integers";
      before = after = *p;
    }
    n.padding = before;
    if (before != after)
      n.padding.insert(n.padding.end(), after.begin(), after.end());
    int64_t groups = 1;
    if (const nir::Array *g = param(n, "groups"))
      groups = int64_t(g->values.at(0));
    if (in[0] != w->shape[1] * groups)
      return mismatch("the weight expects " +
                      std::to_string(w->shape[1] * groups) + " channels");
    Shape out{w->shape[0]};
    for (size_t d = 0; d < axes; ++d) {
      int64_t span = in[d + 1] + before[d] + after[d] -
                     (*dilation)[d] * (w->shape[d + 2] - 1) - 1;
      if (span < 0)
        return mismatch("the kernel does not fit");
      out.push_back(span / (*stride)[d] + 1);
    }
    return out;
  }
  if (type == "SumPool2d" || type == "AvgPool2d") {
    std::optional<Shape> k = perAxis(n, "kernel_size", 2, 1),
                         s = perAxis(n, "stride", 2, 0),
                         p = perAxis(n, "padding", 2, 0);
    if (!k || !s || !p)
      return error(n.name) << "window parameters need 1 or 2 integers";
    if (in.size() != 3)
      return mismatch("pooling needs [channels, height, width]");
    Shape out{in[0]};
    for (size_t d = 0; d < 2; ++d) {
      int64_t stride = (*s)[d] > 0 ? (*s)[d] : (*k)[d]; // PyTorch default
      int64_t span = in[d + 1] + 2 * (*p)[d] - (*k)[d];
      if (span < 0)
        return mismatch("the window does not fit");
      out.push_back(span / stride + 1);
    }
    return out;
  }
  if (type == "Flatten") {
    int64_t rank = in.size();
    int64_t start = 0, end = -1;
    if (const nir::Array *a = param(n, "start_dim"))
      start = int64_t(a->values.at(0));
    if (const nir::Array *a = param(n, "end_dim"))
      end = int64_t(a->values.at(0));
    start = start < 0 ? start + rank : start;
    end = end < 0 ? end + rank : end;
    if (start < 0 || end >= rank || start > end)
      return mismatch("dimensions " + std::to_string(start) + ".." +
                      std::to_string(end) + " are not a range of it");
    Shape out(in.begin(), in.begin() + start);
    int64_t merged = 1;
    for (int64_t d = start; d <= end; ++d)
      merged *= in[d];
    out.push_back(merged);
    out.insert(out.end(), in.begin() + end + 1, in.end());
    return out;
  }
  if (type == "Scale" || type == "Delay" || type == "Output")
    return in;
  if (isNeuron(type)) {
    std::optional<Shape> own = paramShape(n);
    if (own && product(*own) > 1 && *own != in)
      return mismatch("its parameters have shape " + shapeText(*own));
    return in;
  }
  return error(n.name) << "unknown node type '" << type << "'";
}

LogicalResult Importer::inferShapes() {
  // Seeds: inputs with a shape; nodes whose parameters fix their shape.
  for (FlatNode &n : nodes) {
    const std::string &type = n.node->type;
    if (n.identity)
      continue;
    if (type == "Input") {
      if (const nir::Array *s = param(n, "shape")) {
        Shape declared;
        for (double d : s->values)
          declared.push_back(int64_t(d));
        if (!declared.empty())
          n.shape = declared;
      }
      n.spikes = true;
    } else if (isNeuron(type)) {
      std::optional<Shape> own = paramShape(n);
      if (own && product(*own) > 1)
        n.shape = own;
      n.spikes = isSpiking(type);
    } else if (type == "Affine" || type == "Linear") {
      const nir::Array *w = param(n, "weight");
      if (w && w->shape.size() == 2)
        n.shape = Shape{w->shape[0]};
      n.spikes = false;
    }
  }
  // An input without a shape takes the one its consumers expect.
  for (FlatNode &n : nodes) {
    if (n.identity || n.node->type != "Input" || n.shape)
      continue;
    for (size_t s : n.succs) {
      FlatNode &c = nodes[s];
      const nir::Array *w = param(c, "weight");
      if ((c.node->type == "Affine" || c.node->type == "Linear") && w &&
          w->shape.size() == 2)
        n.shape = Shape{w->shape[1]};
      else if (isNeuron(c.node->type) && paramShape(c))
        n.shape = paramShape(c);
      else if ((c.node->type == "Conv1d" || c.node->type == "Conv2d") && w) {
        const nir::Array *spatial = param(c, "input_shape");
        if (spatial) {
          Shape s{w->shape[1] * int64_t(param(c, "groups")
                                             ? param(c, "groups")->values[0]
                                             : 1)};
          for (double d : spatial->values)
            s.push_back(int64_t(d));
          n.shape = s;
        }
      }
      if (n.shape)
        break;
    }
    if (!n.shape)
      return error(n.name) << "has no 'shape' and none can be inferred from "
                              "the nodes it feeds";
  }
  // Forward to a fixed point over a worklist (cycles are legal).
  bool changed = true;
  std::vector<bool> done(nodes.size(), false);
  while (changed) {
    changed = false;
    for (size_t i = 0; i < nodes.size(); ++i) {
      FlatNode &n = nodes[i];
      if (done[i] || n.identity || n.node->type == "Input")
        continue;
      // The first predecessor with a known shape decides; the others are
      // checked below once everything is known.
      const FlatNode *from = nullptr;
      for (size_t p : n.preds)
        if (nodes[p].shape && nodes[p].spikes) {
          from = &nodes[p];
          break;
        }
      if (!from)
        continue;
      FailureOr<Shape> out = outputShape(n, *from->shape);
      if (failed(out))
        return failure();
      if (n.shape && *n.shape != *out && n.node->type != "Output")
        return error(n.name) << "its input from '" << from->name
                             << "' has shape " << shapeText(*from->shape)
                             << ", which gives " << shapeText(*out)
                             << " where its parameters give "
                             << shapeText(*n.shape);
      n.shape = out;
      if (!n.spikes)
        n.spikes = (n.node->type == "Flatten" || n.node->type == "Delay" ||
                    n.node->type == "Output")
                       ? *from->spikes
                       : isSpiking(n.node->type);
      done[i] = true;
      changed = true;
    }
  }
  for (FlatNode &n : nodes) {
    if (n.identity || n.node->type == "Input")
      continue;
    if (n.preds.empty())
      return error(n.name) << "has no input edge";
    if (!n.shape || !n.spikes)
      return error(n.name) << "lies on a cycle with no input (its shape "
                              "cannot be inferred)";
    // Every input must agree with the shape of the node's input side.
    for (size_t p : n.preds) {
      FailureOr<Shape> out = outputShape(n, *nodes[p].shape);
      if (failed(out))
        return failure();
    }
  }
  // A declared Output shape that disagrees is reported, the edges win.
  for (FlatNode &n : nodes)
    if (!n.identity && n.node->type == "Output")
      if (const nir::Array *s = param(n, "shape")) {
        Shape declared;
        for (double d : s->values)
          declared.push_back(int64_t(d));
        if (!declared.empty() && product(declared) != product(*n.shape))
          emitWarning(locOf(n.name))
              << "node '" << n.name << "': declares shape "
              << shapeText(declared) << " but receives "
              << shapeText(*n.shape) << "; using " << shapeText(*n.shape);
      }
  return success();
}

/// A quantity from parameter `param` (scaled into the internal unit), one
/// value when all are equal. Null attribute when the parameter is absent.
FailureOr<Attribute> Importer::quantity(const FlatNode &n,
                                        const std::string &name, Dimension dim,
                                        double scale) {
  const nir::Array *a = param(n, name);
  if (!a)
    return Attribute();
  if (!a->isNumber() || a->values.empty())
    return error(n.name) << "parameter '" << name << "' must be numeric";
  if (a->size() != 1 && int64_t(a->size()) != product(*n.shape))
    return error(n.name) << "parameter '" << name << "' has shape "
                         << shapeText(a->shape) << " but the population has "
                         << shapeText(*n.shape);
  std::vector<double> values;
  for (double v : a->values)
    values.push_back(v * scale);
  if (std::all_of(values.begin(), values.end(),
                  [&](double v) { return v == values.front(); }))
    values.resize(1);
  return Attribute(QuantityAttr::get(ctx, values, dim));
}

ElementsAttr floatTensor(MLIRContext *ctx, const nir::Array &a) {
  std::vector<float> values(a.values.begin(), a.values.end());
  auto type = RankedTensorType::get(a.shape, Float32Type::get(ctx));
  return DenseElementsAttr::get(type, ArrayRef<float>(values));
}

FailureOr<Operation *> Importer::createOp(OpBuilder &b, FlatNode &n,
                                          ArrayRef<Value> inputs, Type type) {
  const std::string &t = n.node->type;
  Location loc = locOf(n.name);
  SmallVector<NamedAttribute> attrs;
  bool failedParam = false;
  // The model of the op being built: a parameter equal to the model's
  // default is left out, so that files with and without it (NIR 0.2 has no
  // v_reset) give the same IR.
  const NeuronModel *model = nullptr;
  if (t == "LIF")
    model = &LIFOp::getNeuronModel();
  else if (t == "LI")
    model = &LIOp::getNeuronModel();
  else if (t == "IF")
    model = &IFOp::getNeuronModel();
  else if (t == "I")
    model = &IntegratorOp::getNeuronModel();
  else if (t == "CubaLIF")
    model = &CubaLIFOp::getNeuronModel();
  else if (t == "CubaLI")
    model = &CubaLIOp::getNeuronModel();
  // Times are seconds in NIR files, milliseconds here.
  auto add = [&](const std::string &param, StringRef attr, Dimension dim,
                 double scale = 1.0) {
    FailureOr<Attribute> q = quantity(n, param, dim, scale);
    if (failed(q)) {
      failedParam = true;
      return;
    }
    if (!*q)
      return;
    auto value = llvm::cast<QuantityAttr>(*q);
    const ParamSpec *spec = model ? model->findParam(attr) : nullptr;
    if (spec && spec->defaultValue && value.isScalar() &&
        value.at(0) == *spec->defaultValue)
      return;
    attrs.push_back(b.getNamedAttr(attr, *q));
  };
  auto require = [&](std::initializer_list<const char *> names) {
    for (const char *name : names)
      if (!::param(n, name)) {
        error(n.name) << "missing dataset '" << name << "' of a " << t;
        failedParam = true;
      }
  };
  auto spatialInts = [&](const std::string &name, size_t axes,
                         int64_t fallback) {
    std::optional<Shape> v = perAxis(n, name, axes, fallback);
    return b.getDenseI64ArrayAttr(v ? *v : Shape(axes, fallback));
  };
  Operation *op = nullptr;
  if (t == "LIF" || t == "LI") {
    require({"tau", "r", "v_leak"});
    add("tau", "tau", Dimension::time, 1000.0);
    add("r", "r", Dimension::resistance);
    add("v_leak", "v_leak", Dimension::voltage);
    if (t == "LIF") {
      require({"v_threshold"});
      add("v_threshold", "v_threshold", Dimension::voltage);
      add("v_reset", "v_reset", Dimension::voltage); // absent in NIR < 1.0
    }
    if (failedParam)
      return failure();
    op = t == "LIF" ? b.create<LIFOp>(loc, TypeRange{type}, inputs, attrs)
                          .getOperation()
                    : b.create<LIOp>(loc, TypeRange{type}, inputs, attrs)
                          .getOperation();
  } else if (t == "IF" || t == "I") {
    require({"r"});
    // NIR's v' = R I has time in seconds: tau = 1 s.
    attrs.push_back(b.getNamedAttr(
        "tau", QuantityAttr::get(ctx, {1000.0}, Dimension::time)));
    add("r", "r", Dimension::resistance);
    if (t == "IF") {
      require({"v_threshold"});
      add("v_threshold", "v_threshold", Dimension::voltage);
      add("v_reset", "v_reset", Dimension::voltage);
    }
    if (failedParam)
      return failure();
    op = t == "IF" ? b.create<IFOp>(loc, TypeRange{type}, inputs, attrs)
                         .getOperation()
                   : b.create<IntegratorOp>(loc, TypeRange{type}, inputs, attrs)
                         .getOperation();
  } else if (t == "CubaLIF" || t == "CubaLI") {
    require({"tau_syn", "tau_mem", "r", "v_leak"});
    add("tau_syn", "tau_syn", Dimension::time, 1000.0);
    add("tau_mem", "tau_mem", Dimension::time, 1000.0);
    add("r", "r", Dimension::resistance);
    add("v_leak", "v_leak", Dimension::voltage);
    add("w_in", "w_in", Dimension::dimensionless);
    if (t == "CubaLIF") {
      require({"v_threshold"});
      add("v_threshold", "v_threshold", Dimension::voltage);
      add("v_reset", "v_reset", Dimension::voltage);
    }
    if (failedParam)
      return failure();
    op = t == "CubaLIF"
             ? b.create<CubaLIFOp>(loc, TypeRange{type}, inputs, attrs)
                   .getOperation()
             : b.create<CubaLIOp>(loc, TypeRange{type}, inputs, attrs)
                   .getOperation();
  } else if (t == "Threshold") {
    require({"threshold"});
    add("threshold", "v_threshold", Dimension::voltage);
    if (failedParam)
      return failure();
    op = b.create<ThresholdOp>(loc, TypeRange{type}, inputs, attrs);
  } else {
    if (inputs.size() != 1)
      return error(n.name) << "its type " << t << " takes one input, it has "
                           << inputs.size()
                           << " edges (snnc sums inputs only in populations)";
    Value in = inputs.front();
    if (t == "Affine" || t == "Linear") {
      require({"weight"});
      if (t == "Affine")
        require({"bias"});
      if (failedParam)
        return failure();
      attrs.push_back(b.getNamedAttr("weight", floatTensor(ctx, *param(n, "weight"))));
      if (t == "Affine")
        attrs.push_back(b.getNamedAttr("bias", floatTensor(ctx, *param(n, "bias"))));
      op = t == "Affine"
               ? b.create<AffineOp>(loc, TypeRange{type}, ValueRange{in}, attrs)
                     .getOperation()
               : b.create<LinearOp>(loc, TypeRange{type}, ValueRange{in}, attrs)
                     .getOperation();
    } else if (t == "Conv1d" || t == "Conv2d") {
      size_t axes = t == "Conv1d" ? 1 : 2;
      const nir::Array *w = param(n, "weight");
      attrs.push_back(b.getNamedAttr("weight", floatTensor(ctx, *w)));
      if (const nir::Array *bias = param(n, "bias"))
        attrs.push_back(b.getNamedAttr("bias", floatTensor(ctx, *bias)));
      attrs.push_back(b.getNamedAttr("stride", spatialInts("stride", axes, 1)));
      attrs.push_back(
          b.getNamedAttr("dilation", spatialInts("dilation", axes, 1)));
      attrs.push_back(
          b.getNamedAttr("padding", b.getDenseI64ArrayAttr(n.padding)));
      int64_t groups = param(n, "groups") ? int64_t(param(n, "groups")->values[0]) : 1;
      attrs.push_back(b.getNamedAttr("groups", b.getI64IntegerAttr(groups)));
      op = axes == 1
               ? b.create<Conv1dOp>(loc, TypeRange{type}, ValueRange{in}, attrs)
                     .getOperation()
               : b.create<Conv2dOp>(loc, TypeRange{type}, ValueRange{in}, attrs)
                     .getOperation();
    } else if (t == "SumPool2d" || t == "AvgPool2d") {
      Shape kernel = *perAxis(n, "kernel_size", 2, 1);
      Shape stride = *perAxis(n, "stride", 2, 0);
      for (size_t d = 0; d < 2; ++d)
        if (stride[d] <= 0)
          stride[d] = kernel[d];
      attrs.push_back(b.getNamedAttr("kernel_size", b.getDenseI64ArrayAttr(kernel)));
      attrs.push_back(b.getNamedAttr("stride", b.getDenseI64ArrayAttr(stride)));
      attrs.push_back(b.getNamedAttr("padding", spatialInts("padding", 2, 0)));
      op = t == "SumPool2d"
               ? b.create<SumPool2dOp>(loc, TypeRange{type}, ValueRange{in}, attrs)
                     .getOperation()
               : b.create<AvgPool2dOp>(loc, TypeRange{type}, ValueRange{in}, attrs)
                     .getOperation();
    } else if (t == "Flatten") {
      int64_t rank = getStreamShape(in.getType()).size();
      int64_t start = param(n, "start_dim") ? int64_t(param(n, "start_dim")->values[0]) : 0;
      int64_t end = param(n, "end_dim") ? int64_t(param(n, "end_dim")->values[0]) : -1;
      attrs.push_back(b.getNamedAttr("start_dim", b.getI64IntegerAttr(start < 0 ? start + rank : start)));
      attrs.push_back(b.getNamedAttr("end_dim", b.getI64IntegerAttr(end)));
      op = b.create<FlattenOp>(loc, TypeRange{type}, ValueRange{in}, attrs);
    } else if (t == "Scale") {
      require({"scale"});
      if (failedParam)
        return failure();
      const nir::Array *s = param(n, "scale");
      nir::Array copy = *s;
      if (copy.size() == 1)
        copy.shape = {1};
      else
        copy.shape = *n.shape;
      attrs.push_back(b.getNamedAttr("scale", floatTensor(ctx, copy)));
      op = b.create<ScaleOp>(loc, TypeRange{type}, ValueRange{in}, attrs);
    } else if (t == "Delay") {
      require({"delay"});
      add("delay", "delay", Dimension::time, 1000.0);
      if (failedParam)
        return failure();
      op = b.create<DelayOp>(loc, TypeRange{type}, ValueRange{in}, attrs);
    } else {
      return error(n.name) << "unknown node type '" << t << "'";
    }
  }
  return op;
}

LogicalResult Importer::build(ModuleOp module, double dtMs) {
  OpBuilder b(ctx);
  b.setInsertionPointToEnd(module.getBody());
  auto typeOf = [&](const FlatNode &n) -> Type {
    if (*n.spikes)
      return SpikeType::get(ctx, *n.shape, 0);
    return CurrentType::get(ctx, *n.shape);
  };
  SmallVector<size_t> inputs, outputs;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].identity)
      continue;
    if (nodes[i].node->type == "Input")
      inputs.push_back(i);
    else if (nodes[i].node->type == "Output")
      outputs.push_back(i);
  }
  SmallVector<Type> inTypes, outTypes;
  for (size_t i : inputs)
    inTypes.push_back(typeOf(nodes[i]));
  for (size_t i : outputs)
    outTypes.push_back(typeOf(nodes[nodes[i].preds.front()]));
  std::string name = "nir";
  auto network = b.create<NetworkOp>(
      fileLoc, b.getStringAttr(name),
      TypeAttr::get(b.getFunctionType(inTypes, outTypes)), ArrayAttr(),
      ArrayAttr(), QuantityAttr::get(ctx, {dtMs}, Dimension::time));
  Block *body = new Block();
  network.getBody().push_back(body);
  for (Type t : inTypes)
    body->addArgument(t, fileLoc);
  b.setInsertionPointToEnd(body);

  // Values of nodes; an input not created yet (a cycle) gets a placeholder
  // that is replaced once its producer exists.
  std::map<size_t, Value> value;
  std::map<size_t, UnrealizedConversionCastOp> placeholders;
  for (auto [k, i] : llvm::enumerate(inputs))
    value[i] = body->getArgument(k);
  auto valueOf = [&](size_t i) -> Value {
    if (value.count(i))
      return value[i];
    if (!placeholders.count(i))
      placeholders[i] = b.create<UnrealizedConversionCastOp>(
          fileLoc, TypeRange{typeOf(nodes[i])}, ValueRange{});
    return placeholders[i].getResult(0);
  };
  for (size_t i = 0; i < nodes.size(); ++i) {
    FlatNode &n = nodes[i];
    if (n.identity || n.node->type == "Input" || n.node->type == "Output")
      continue;
    SmallVector<Value> operands;
    for (size_t p : n.preds)
      operands.push_back(valueOf(p));
    FailureOr<Operation *> op = createOp(b, n, operands, typeOf(n));
    if (failed(op))
      return failure();
    value[i] = (*op)->getResult(0);
  }
  for (auto &[i, cast] : placeholders) {
    cast.getResult(0).replaceAllUsesWith(value[i]);
    cast.erase();
  }
  SmallVector<Value> results;
  for (size_t i : outputs)
    results.push_back(value[nodes[i].preds.front()]);
  b.create<OutputOp>(fileLoc, results);
  return success();
}

/// The step of a NIR file that names none and is given no --dt.
constexpr double kDefaultDtMs = 1.0;

OwningOpRef<ModuleOp> Importer::run(std::optional<double> dtMs) {
  std::string version, message;
  if (!nir::readFile(path, root, version, message)) {
    emitError(fileLoc) << message;
    return nullptr;
  }
  if (failed(flatten(root, "", true)) || failed(removeIdentities()))
    return nullptr;
  if (failed(checkNodes()))
    return nullptr;
  for (FlatNode &n : nodes)
    if (!n.identity && n.node->type == "Output" && n.preds.size() != 1) {
      error(n.name) << "an Output needs exactly one input edge, it has "
                    << n.preds.size();
      return nullptr;
    }
  if (failed(inferShapes()))
    return nullptr;
  // The step: --dt, else the file's metadata/dt (seconds), else 1 ms with
  // a warning, since NIR leaves the step to the exporter.
  double dt = kDefaultDtMs;
  auto meta = root.metadata.find("dt");
  if (dtMs) {
    dt = *dtMs;
  } else if (meta != root.metadata.end()) {
    const nir::Array &a = meta->second;
    if (!a.isNumber() || a.size() != 1 || !(a.values[0] > 0) ||
        !std::isfinite(a.values[0])) {
      InFlightDiagnostic d = emitError(fileLoc)
                             << "metadata/dt must be one positive number of "
                                "seconds";
      if (a.isNumber() && a.size() == 1) {
        char value[32];
        std::snprintf(value, sizeof value, "%g", a.values[0]);
        d << ", got " << value;
      }
      d << " (give --dt to override it)";
      return nullptr;
    }
    dt = a.values[0] * 1000.0;
  } else {
    emitWarning(fileLoc) << "the NIR file has no metadata/dt; taking the "
                            "default step of "
                         << int64_t(kDefaultDtMs) << " ms (give --dt)";
  }
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  if (failed(build(*module, dt)) || failed(verify(*module)))
    return nullptr;
  return module;
}
} // namespace

OwningOpRef<ModuleOp> snnc::nir::importFile(const std::string &path,
                                            MLIRContext *context,
                                            std::optional<double> dtMs) {
  context->getOrLoadDialect<SNNDialect>();
  return Importer(context, path).run(dtMs);
}
