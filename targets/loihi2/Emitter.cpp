//===- Emitter.cpp - Lava-compatible JSON for Loihi 2 ---------------------===//
//
// Prints a prepared network as Lava processes (docs/targets/loihi2.md):
// every population a LIF with the integers loihi2-quantize chose, every
// weighted connection a Dense, Sparse, DelayDense, DelaySparse or Conv with
// the weights loihi2-prepare-for-emission laid out, every network input a
// RingBuffer. The emitter reads the IR only.
//
//===----------------------------------------------------------------------===//

#include "targets/loihi2/Emitter.h"

#include "dialects/SNN/Naming.h"
#include "dialects/SNN/SNNOps.h"
#include "dialects/SNN/Weights.h"
#include "targets/loihi2/IR/Loihi2Dialect.h"

#include "snnrt/Loihi2.h"
#include "snnrt/Loihi2Model.h"
#include "snnrt/Npy.h"

#include "llvm/Support/JSON.h"

#include <functional>
#include <optional>

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;
namespace json = llvm::json;
namespace lo = snnrt::loihi2;

namespace {
/// Arrays longer than this go to .npy files beside the JSON.
constexpr size_t kInlineLimit = 1024;

class Emitter {
public:
  Emitter(NetworkOp network, std::string stem, ArtifactFiles &files)
      : network(network), stem(std::move(stem)), files(files) {}

  FailureOr<json::Value> run();

private:
  std::string nameOf(Operation *op) { return names->lookup(op).str(); }
  json::Value array(const std::string &process, const std::string &param,
                    ArrayRef<int64_t> shape, ArrayRef<int64_t> values);
  json::Value scalarOrArray(const std::string &process,
                            const std::string &param, ArrayRef<int64_t> values);
  /// The process a spike stream comes from (through flattens and delays)
  /// and the delay, per source element, that the stream picked up.
  FailureOr<std::pair<std::string, SmallVector<int64_t>>>
  sourceOf(Operation *conn, Value input);
  Operation *targetOf(Operation *conn);
  LogicalResult emitPopulation(Operation *op);
  LogicalResult emitConnection(Operation *op);
  void connect(StringRef from, StringRef fromPort, StringRef to,
               StringRef toPort, json::Array view = {});

  NetworkOp network;
  std::string stem;
  ArtifactFiles &files;
  json::Array processes, connections;
  std::optional<OpNames> names;
  llvm::DenseMap<Value, std::string> inputNames;
  /// Learning connections so far: each gets its own random streams.
  int64_t learningConnections = 0;
};

/// The Loihi 2 formats loihi2-quantize wrote on `op`.
FailureOr<DictionaryAttr> quantOf(Operation *op) {
  snnc::loihi2::FormatAttr format = snnc::loihi2::getFormat(op);
  if (!format)
    return op->emitOpError() << "is not quantized; run loihi2-quantize first";
  return format.getFields();
}

/// A prepared entry of an op's formats.
FailureOr<SmallVector<int64_t>> preparedOf(Operation *op, DictionaryAttr quant,
                                           StringRef key) {
  SmallVector<int64_t> values;
  if (!quant.get(key) || failed(readIntegerValues(quant.get(key), values)))
    return op->emitOpError() << "has no Loihi 2 '" << key
                             << "'; run loihi2-prepare-for-emission first";
  return values;
}

json::Value Emitter::array(const std::string &process,
                           const std::string &param, ArrayRef<int64_t> shape,
                           ArrayRef<int64_t> values) {
  if (values.size() > kInlineLimit) {
    std::string file = stem + "." + process + "." + param + ".npy";
    std::vector<double> data(values.begin(), values.end());
    // The narrowest integer type that holds every value.
    auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    snnrt::NpyType type = *lo >= INT16_MIN && *hi <= INT16_MAX
                              ? snnrt::NpyType::i16
                          : *lo >= INT32_MIN && *hi <= INT32_MAX
                              ? snnrt::NpyType::i32
                              : snnrt::NpyType::i64;
    files[file] = snnrt::encodeNpy(std::vector<int64_t>(shape.begin(),
                                                        shape.end()),
                                   data, type);
    return json::Object{{"npy", file}};
  }
  // Nested lists in C order.
  std::function<json::Value(size_t, size_t)> nest = [&](size_t dim,
                                                        size_t offset) {
    json::Array a;
    if (dim + 1 == shape.size()) {
      for (int64_t i = 0; i < shape[dim]; ++i)
        a.push_back(values[offset + i]);
      return json::Value(std::move(a));
    }
    size_t stride = 1;
    for (size_t d = dim + 1; d < shape.size(); ++d)
      stride *= size_t(shape[d]);
    for (int64_t i = 0; i < shape[dim]; ++i)
      a.push_back(nest(dim + 1, offset + i * stride));
    return json::Value(std::move(a));
  };
  return nest(0, 0);
}

json::Value Emitter::scalarOrArray(const std::string &process,
                                   const std::string &param,
                                   ArrayRef<int64_t> values) {
  if (values.size() == 1)
    return values[0];
  return array(process, param, {int64_t(values.size())}, values);
}

void Emitter::connect(StringRef from, StringRef fromPort, StringRef to,
                      StringRef toPort, json::Array view) {
  json::Object c{{"from", json::Array{from.str(), fromPort.str()}},
                 {"to", json::Array{to.str(), toPort.str()}}};
  if (!view.empty())
    c["view"] = std::move(view);
  connections.push_back(std::move(c));
}

FailureOr<std::pair<std::string, SmallVector<int64_t>>>
Emitter::sourceOf(Operation *conn, Value input) {
  int64_t n = getNumElements(input.getType());
  SmallVector<int64_t> delay(n, 0);
  while (Operation *def = input.getDefiningOp()) {
    if (auto d = llvm::dyn_cast<DelayOp>(def)) {
      ArrayRef<int64_t> steps = *d.getSteps();
      for (int64_t i = 0; i < n; ++i)
        delay[i] += steps.size() == 1 ? steps[0] : steps[i];
      input = d.getInput();
      continue;
    }
    if (llvm::isa<FlattenOp>(def)) {
      input = def->getOperand(0);
      continue;
    }
    if (llvm::isa<NeuronOpInterface>(def))
      return std::make_pair(nameOf(def), delay);
    return conn->emitOpError() << "reads '" << def->getName()
                               << "', which has no Loihi 2 process";
  }
  auto it = inputNames.find(input);
  if (it == inputNames.end())
    return conn->emitOpError() << "reads a value the emitter did not lower";
  return std::make_pair(it->second, delay);
}

Operation *Emitter::targetOf(Operation *conn) {
  // Through flattens to the population (loihi2-quantize checked there is one).
  Value v = conn->getResult(0);
  for (;;) {
    Operation *next = nullptr;
    for (Operation *user : v.getUsers()) {
      if (llvm::isa<NeuronOpInterface>(user))
        return user;
      if (llvm::isa<FlattenOp>(user))
        next = user;
    }
    if (!next)
      return nullptr;
    v = next->getResult(0);
  }
}

/// The integers of an `snn.quant` entry (the dialect verified their form).
SmallVector<int64_t> intsOf(Attribute attr) {
  SmallVector<int64_t> out;
  (void)readIntegerValues(attr, out);
  return out;
}

LogicalResult Emitter::emitPopulation(Operation *op) {
  FailureOr<DictionaryAttr> quantized = quantOf(op);
  if (failed(quantized))
    return failure();
  DictionaryAttr quant = *quantized;
  std::string name = nameOf(op);
  int64_t n = getNumElements(op->getResult(0).getType());
  json::Object params;
  for (const char *key : {"du", "dv", "vth"})
    params[key] = intsOf(quant.get(key)).front();
  params["bias_mant"] =
      scalarOrArray(name, "bias_mant", intsOf(quant.get("bias_mant")));
  params["bias_exp"] =
      scalarOrArray(name, "bias_exp", intsOf(quant.get("bias_exp")));
  params["u"] = scalarOrArray(name, "u", intsOf(quant.get("u_init")));
  params["v"] = scalarOrArray(name, "v", intsOf(quant.get("v_init")));
  json::Object p{{"name", name},
                 {"class", "LIF"},
                 {"shape", json::Array{n}},
                 {"params", std::move(params)},
                 {"snn",
                  json::Object{
                      {"op", op->getName().getStringRef()},
                      {"shape", json::Array(getStreamShape(op->getResult(0).getType()))},
                      {"spiking", llvm::isa<SpikeType>(
                                      op->getResult(0).getType())},
                      {"scale_per_mV",
                       quant.getAs<FloatAttr>("scale").getValueAsDouble()},
                      {"v_offset_mV",
                       quant.getAs<FloatAttr>("v_offset").getValueAsDouble()},
                  }}};
  if (auto cores = op->getAttrOfType<DenseI64ArrayAttr>("snn.cores")) {
    int64_t chunk = op->getAttrOfType<IntegerAttr>("snn.chunk").getInt();
    json::Array slices;
    ArrayRef<int64_t> c = cores.asArrayRef();
    for (size_t i = 0; i < c.size();) {
      size_t j = i;
      while (j < c.size() && c[j] == c[i])
        ++j;
      int64_t first = int64_t(i) * chunk;
      int64_t count = std::min(n, int64_t(j) * chunk) - first;
      slices.push_back(json::Array{first, count, c[i]});
      i = j;
    }
    p["cores"] = std::move(slices);
  }
  processes.push_back(std::move(p));
  return success();
}

LogicalResult Emitter::emitConnection(Operation *op) {
  FailureOr<DictionaryAttr> quantized = quantOf(op);
  if (failed(quantized))
    return failure();
  DictionaryAttr quant = *quantized;
  std::string name = nameOf(op);
  Operation *target = targetOf(op);
  if (!target)
    return op->emitOpError() << "feeds no neuron population";
  auto source = sourceOf(op, op->getOperand(0));
  if (failed(source))
    return failure();
  auto &[from, delay] = *source;
  bool delayed = llvm::any_of(delay, [](int64_t d) { return d != 0; });
  int64_t rows = getNumElements(op->getResult(0).getType());
  int64_t cols = getNumElements(op->getOperand(0).getType());
  auto spikes = llvm::dyn_cast<SpikeType>(op->getOperand(0).getType());
  int64_t messageBits = spikes ? int64_t(spikes.getPayloadBits()) : 0;
  int64_t exp = intsOf(quant.get("weight_exp")).front();
  StringRef signName = quant.getAs<StringAttr>("sign_mode").getValue();
  lo::SignMode sign = lo::SignMode::Mixed;
  lo::parseSignMode(signName.str(), sign);
  json::Object params{{"weight_exp", exp},
                      {"num_weight_bits", intsOf(quant.get("num_weight_bits"))
                                              .front()},
                      {"sign_mode", int64_t(sign)},
                      {"num_message_bits", messageBits}};
  std::string cls;
  json::Array view;

  auto sparseWeights = [&](ArrayRef<int64_t> r, ArrayRef<int64_t> c,
                           ArrayRef<int64_t> w) {
    int64_t nnz = int64_t(w.size());
    params["weights"] = json::Object{
        {"shape", json::Array{rows, cols}},
        {"rows", array(name, "rows", {nnz}, r)},
        {"cols", array(name, "cols", {nnz}, c)},
        {"values", array(name, "values", {nnz}, w)}};
    if (delayed) {
      SmallVector<int64_t> d;
      for (int64_t col : c)
        d.push_back(delay[col]);
      params["delays"] = array(name, "delays", {nnz}, d);
    }
    cls = delayed ? "DelaySparse" : "Sparse";
  };

  if (llvm::isa<LinearOp, AffineOp>(op)) {
    SmallVector<int64_t> w = intsOf(quant.get("weights"));
    params["weights"] = array(name, "weights", {rows, cols}, w);
    if (delayed) {
      SmallVector<int64_t> d;
      for (int64_t r = 0; r < rows; ++r)
        d.append(delay.begin(), delay.end());
      params["delays"] = array(name, "delays", {rows, cols}, d);
    }
    cls = delayed ? "DelayDense" : "Dense";
  } else if (llvm::isa<SparseOp, ProceduralOp>(op)) {
    // One entry per synapse, laid out by loihi2-prepare-for-emission.
    auto r = preparedOf(op, quant, "rows");
    auto c = preparedOf(op, quant, "cols");
    if (failed(r) || failed(c))
      return failure();
    sparseWeights(*r, *c, intsOf(quant.get("weights")));
  } else if (llvm::isa<Conv2dOp, SumPool2dOp, AvgPool2dOp>(op)) {
    if (delayed)
      return op->emitOpError() << "is delayed; Lava's Conv has no delays";
    auto conv = llvm::dyn_cast<Conv2dOp>(op);
    // Pooling is a depthwise Conv: groups = channels, a [C, 1, kh, kw]
    // kernel, no dilation.
    auto ints = [&](StringRef name) {
      return op->getAttrOfType<DenseI64ArrayAttr>(name).asArrayRef();
    };
    ArrayRef<int64_t> padding = ints("padding"), stride = ints("stride");
    SmallVector<int64_t> dilation =
        conv ? SmallVector<int64_t>(ints("dilation")) : SmallVector<int64_t>{1, 1};
    // Lava's (W, H, C) order; the kernel is in Lava's layout already.
    ArrayRef<int64_t> in = getStreamShape(op->getOperand(0).getType());
    auto kernel = llvm::dyn_cast_or_null<ElementsAttr>(quant.get("lava_weight"));
    if (!kernel)
      return op->emitOpError() << "has no Loihi 2 'lava_weight'; run "
                                  "loihi2-prepare-for-emission first";
    ArrayRef<int64_t> kshape = kernel.getShapedType().getShape();
    int64_t co = kshape[0], kw = kshape[1], kh = kshape[2], ci = kshape[3];
    int64_t groups = conv ? conv.getGroups() : in[0];
    SmallVector<int64_t> lava = intsOf(kernel);
    params = json::Object{
        {"weight", array(name, "weight", {co, kw, kh, ci}, lava)},
        {"input_shape", json::Array{in[2], in[1], in[0]}},
        {"padding", json::Array{padding[1], padding[0]}},
        {"stride", json::Array{stride[1], stride[0]}},
        {"dilation", json::Array{dilation[1], dilation[0]}},
        {"groups", groups},
        {"use_graded_spike", messageBits > 0}};
    cls = "Conv";
    // Views turn our (C, H, W) order into Lava's (W, H, C) and back.
    ArrayRef<int64_t> out = getStreamShape(op->getResult(0).getType());
    connect(from, "s_out", name, "s_in",
            json::Array{json::Object{{"reshape", json::Array(in)}},
                        json::Object{{"transpose", json::Array{2, 1, 0}}}});
    processes.push_back(json::Object{{"name", name},
                                     {"class", cls},
                                     {"shape", json::Array{out[2], out[1],
                                                           out[0]}},
                                     {"params", std::move(params)}});
    connect(name, "a_out", nameOf(target), "a_in",
            json::Array{json::Object{{"transpose", json::Array{2, 1, 0}}},
                        json::Object{{"reshape", json::Array{rows}}}});
    return success();
  } else {
    return op->emitOpError() << "has no Loihi 2 process";
  }
  if (auto dw = quant.getAs<StringAttr>("learning_dw")) {
    // STDP: Lava's learning connection, reading the target's spikes as
    // back-propagating action potentials.
    cls = cls == "Dense" ? "LearningDense" : "LearningSparse";
    json::Object rule{{"class", "Loihi2FLearningRule"},
                      {"dw", dw.getValue().str()},
                      {"t_epoch", intsOf(quant.get("t_epoch")).front()},
                      {"rng_seed", 4 * learningConnections++}};
    for (const char *key : {"x1_impulse", "x1_tau", "y1_impulse", "y1_tau"})
      rule[key] = intsOf(quant.get(key)).front();
    params["learning_rule"] = std::move(rule);
    params["graded_spike_cfg"] = 0;
    connect(nameOf(target), "s_out", name, "s_in_bap");
  }
  processes.push_back(json::Object{{"name", name},
                                   {"class", cls},
                                   {"shape", json::Array{rows, cols}},
                                   {"params", std::move(params)}});
  connect(from, "s_out", name, "s_in");
  connect(name, "a_out", nameOf(target), "a_in");
  return success();
}

FailureOr<json::Value> Emitter::run() {
  names.emplace(network);
  // Inputs: one RingBuffer per network argument, fed at run time.
  for (BlockArgument arg : network.getBodyBlock().getArguments()) {
    auto stream = llvm::dyn_cast<SpikeType>(arg.getType());
    if (!stream)
      return network.emitOpError()
             << "has a current input (argument " << arg.getArgNumber()
             << "); Loihi 2 takes spikes";
    std::string name = OpNames::inputName(arg.getArgNumber());
    inputNames[arg] = name;
    processes.push_back(json::Object{
        {"name", name},
        {"class", "RingBuffer"},
        {"shape", json::Array{stream.getNumElements()}},
        {"params",
         json::Object{{"num_message_bits", int64_t(stream.getPayloadBits())}}},
        {"input", int64_t(arg.getArgNumber())},
        {"snn", json::Object{{"shape", json::Array(stream.getShape())}}}});
  }
  for (Operation &op : network.getBodyBlock())
    if (llvm::isa<NeuronOpInterface>(op))
      if (failed(emitPopulation(&op)))
        return failure();
  for (Operation &op : network.getBodyBlock()) {
    if (llvm::isa<NeuronOpInterface, FlattenOp, DelayOp, OutputOp, ProbeOp>(
            op))
      continue;
    if (failed(emitConnection(&op)))
      return failure();
  }
  json::Array outputs, probes;
  auto producer = [&](Value v) -> Operation * {
    Operation *def = getDefiningOpThroughFlattens(v);
    return def && llvm::isa<NeuronOpInterface>(def) ? def : nullptr;
  };
  auto outputOp = llvm::cast<OutputOp>(network.getBodyBlock().getTerminator());
  for (auto [k, v] : llvm::enumerate(outputOp.getOutputs())) {
    Operation *pop = producer(v);
    if (!pop)
      return outputOp.emitOpError()
             << "returns result " << k << ", which no population produces";
    if (llvm::isa<SpikeType>(v.getType()))
      outputs.push_back(nameOf(pop));
    else
      probes.push_back(json::Object{{"name", "output_" + std::to_string(k)},
                                    {"process", nameOf(pop)},
                                    {"var", "v"}});
  }
  for (ProbeOp probe : network.getBodyBlock().getOps<ProbeOp>()) {
    Operation *pop = producer(probe.getSource());
    if (!pop)
      return probe.emitOpError() << "records a stream no population produces";
    json::Object p{{"name", probe.getName()}, {"process", nameOf(pop)}};
    if (auto state = probe.getState()) {
      if (*state != "v" && *state != "i")
        return probe.emitOpError() << "records '" << *state
                                   << "', which Loihi 2's LIF does not have";
      p["var"] = *state == "i" ? "u" : "v";
    }
    probes.push_back(std::move(p));
  }
  json::Object doc{{"format", lo::kArtifactFormat},
                   {"version", int64_t(lo::kArtifactVersion)},
                   {"compiler", "snnc " SNNC_VERSION},
                   {"model", network.getSymName()},
                   {"processes", std::move(processes)},
                   {"connections", std::move(connections)},
                   {"outputs", std::move(outputs)},
                   {"probes", std::move(probes)}};
  if (auto dt = network.getDt())
    doc["dt_ms"] = llvm::cast<QuantityAttr>(*dt).getValues()[0];
  if (auto place = network->getAttrOfType<DictionaryAttr>("snn.placement")) {
    json::Array cores;
    if (auto positions = place.getAs<DenseI64ArrayAttr>("positions")) {
      ArrayRef<int64_t> p = positions.asArrayRef();
      for (size_t i = 0; i + 2 < p.size(); i += 3)
        cores.push_back(json::Array{p[i], p[i + 1], p[i + 2]});
    }
    doc["mapping"] = json::Object{
        {"chips", place.getAs<IntegerAttr>("chips").getInt()},
        {"core_positions", std::move(cores)},
        {"note", "each LIF's \"cores\" lists [first neuron, count, core]; "
                 "core_positions[core] is [chip, x, y]"}};
  }
  return json::Value(std::move(doc));
}

} // namespace

LogicalResult snnc::loihi2::buildArtifact(NetworkOp network, StringRef stem,
                                          ArtifactFiles &files) {
  ArtifactFiles arrays;
  Emitter emitter(network, stem.str(), arrays);
  FailureOr<json::Value> doc = emitter.run();
  if (failed(doc))
    return failure();
  // The JSON goes first in the listing, the arrays after it.
  files[(stem + ".json").str()] = printJson(*doc);
  for (auto &[name, bytes] : arrays)
    files[name] = bytes;
  return success();
}
