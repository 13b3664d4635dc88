//===- Loihi2Json.cpp - Loihi 2 artifacts and Lava references to records --===//
//
// Both formats describe Lava processes with Lava's parameter names. They
// are read into one list of processes and edges, then written as emulator
// records: inputs first, then the neuron processes, then the synapse
// processes (which read their source in the same step and are read by
// their target in the next, as Lava's one-step synaptic delay has it).
//
//===----------------------------------------------------------------------===//

#include "snnrt/Loihi2.h"
#include "snnrt/Loihi2Model.h"
#include "snnrt/Npy.h"

// nlohmann_json is built as in the rest of the project, which has no
// exceptions: it never throws here because every access below checks the
// type first and parsing reports errors by value. This file's own errors
// unwind (it and the TrueNorth reader are compiled with -fexceptions) to the
// two entry points.
#define JSON_NOEXCEPTION
#include <nlohmann/json.hpp>

#include "engine/JsonFile.h"

#include <functional>
#include <map>

using namespace snnrt;
using json = nlohmann::json;
namespace lo = snnrt::loihi2;

namespace {
/// An error with the place it was found.
struct Failure {
  std::string message;
};

[[noreturn]] void fail(const std::string &message) { throw Failure{message}; }

/// An integer array: a number, nested lists, or {"npy": "file.npy"}
/// relative to `dir`. Flattened in C order; `shape` receives its shape.
std::vector<int64_t> intArray(const json &value, const std::string &what,
                              const std::string &dir,
                              std::vector<int64_t> *shape = nullptr) {
  std::vector<int64_t> out, dims;
  if (value.is_object()) {
    if (!value.contains("npy") || !value["npy"].is_string())
      fail(what + ": an array object needs \"npy\": \"FILE\"");
    std::string file = value["npy"].get<std::string>();
    if (file.empty() || file[0] == '/' || file.find("..") != std::string::npos)
      fail(what + ": .npy path '" + file + "' must be relative, inside the "
                  "artifact's folder");
    NpyArray array;
    std::string error;
    if (!readNpy(dir + file, array, error))
      fail(what + ": " + error);
    out.reserve(array.data.size());
    for (double d : array.data) {
      if (d != double(int64_t(d)))
        fail(what + ": " + file + " holds a non-integer value " +
             std::to_string(d));
      out.push_back(int64_t(d));
    }
    if (shape)
      *shape = array.shape;
    return out;
  }
  // Nested lists: walk depth-first, checking a rectangular shape.
  std::function<void(const json &, size_t)> walk = [&](const json &v,
                                                       size_t depth) {
    if (v.is_number_integer()) {
      if (depth != dims.size())
        fail(what + ": ragged nesting");
      out.push_back(v.get<int64_t>());
      return;
    }
    if (v.is_number_float()) {
      double d = v.get<double>();
      if (d != double(int64_t(d)))
        fail(what + ": " + std::to_string(d) + " is not an integer");
      out.push_back(int64_t(d));
      return;
    }
    if (!v.is_array())
      fail(what + ": expected integers, found " + std::string(v.type_name()));
    if (depth == dims.size())
      dims.push_back(int64_t(v.size()));
    else if (dims[depth] != int64_t(v.size()))
      fail(what + ": ragged nesting (rows of " + std::to_string(dims[depth]) +
           " and " + std::to_string(v.size()) + " elements)");
    for (const json &e : v)
      walk(e, depth + 1);
  };
  walk(value, 0);
  if (shape)
    *shape = dims;
  return out;
}

/// obj[key], which must exist.
const json &member(const json &obj, const std::string &key,
                   const std::string &what) {
  if (!obj.is_object() || !obj.contains(key))
    fail(what + ": missing '" + key + "'");
  return obj[key];
}

/// obj[key] as a string, or `fallback` when absent.
std::string stringOr(const json &obj, const std::string &key,
                     const std::string &fallback, const std::string &what) {
  if (!obj.is_object() || !obj.contains(key))
    return fallback;
  if (!obj[key].is_string())
    fail(what + ": '" + key + "' must be a string");
  return obj[key].get<std::string>();
}

/// A list of objects (absent: empty).
const json &listOr(const json &obj, const std::string &key,
                   const std::string &what) {
  static const json empty = json::array();
  if (!obj.is_object() || !obj.contains(key))
    return empty;
  if (!obj[key].is_array())
    fail(what + ": '" + key + "' must be a list");
  return obj[key];
}

int64_t intField(const json &obj, const std::string &key,
                 const std::string &what) {
  if (!obj.contains(key))
    fail(what + ": missing '" + key + "'");
  const json &v = obj[key];
  if (!v.is_number_integer())
    fail(what + ": '" + key + "' must be an integer");
  return v.get<int64_t>();
}

int64_t intFieldOr(const json &obj, const std::string &key, int64_t fallback,
                   const std::string &what) {
  return obj.contains(key) ? intField(obj, key, what) : fallback;
}

std::string stringField(const json &obj, const std::string &key,
                        const std::string &what) {
  if (!obj.contains(key) || !obj[key].is_string())
    fail(what + ": missing string '" + key + "'");
  return obj[key].get<std::string>();
}

std::vector<int64_t> shapeField(const json &obj, const std::string &what) {
  if (!obj.contains("shape"))
    fail(what + ": missing 'shape'");
  std::vector<int64_t> shape = intArray(obj["shape"], what + " shape", "");
  for (int64_t d : shape)
    if (d <= 0)
      fail(what + ": shape dimensions must be positive");
  return shape;
}

int64_t product(const std::vector<int64_t> &shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

/// Lava's sign mode as a number (1 MIXED, 2 EXCITATORY, 3 INHIBITORY) or
/// its name; 0 when absent (inferred from the weights).
int64_t signMode(const json &params, const std::string &what) {
  if (!params.contains("sign_mode"))
    return 0;
  const json &v = params["sign_mode"];
  if (v.is_string()) {
    lo::SignMode mode;
    if (!lo::parseSignMode(v.get<std::string>(), mode))
      fail(what + ": unknown sign_mode '" + v.get<std::string>() + "'");
    return int64_t(mode);
  }
  return intField(params, "sign_mode", what);
}

/// One process, already translated into record fields.
struct Process {
  std::string name, kind; // kind: input, loihi2.lif, loihi2.synapses, ...
  std::vector<int64_t> shape;
  int64_t payloadBits = 0;
  std::string source;               // synapses: the process sending to it
  std::string target;               // synapses: the process it feeds
  std::vector<std::string> sources; // neurons: synapse processes feeding it
  std::map<std::string, std::vector<int64_t>> ints;
  std::map<std::string, std::vector<double>> doubles;
  std::map<std::string, std::string> strings;
  std::string bapSource; // learning synapses: the post-synaptic neurons

  /// A LearningDense or LearningSparse (it carries a learning rule).
  bool learns() const { return ints.count("learning_epoch") != 0; }
};

struct Graph {
  std::string name;
  double dt = 1.0;
  std::vector<Process> processes;
  std::vector<std::string> outputs;
  struct Probe {
    std::string name, process, state;
  };
  std::vector<Probe> probes;

  Process *find(const std::string &name) {
    for (Process &p : processes)
      if (p.name == name)
        return &p;
    return nullptr;
  }

  /// The source -> synapses -> target edges, checked.
  void connect(const std::string &from, const std::string &synapses,
               const std::string &to, const std::string &what) {
    Process *src = find(from), *syn = find(synapses), *dst = find(to);
    if (!src || !syn || !dst)
      fail(what + ": connects '" + from + "' through '" + synapses +
           "' to '" + to + "', and not all of them exist");
    if (src->kind != "input" && src->kind != "loihi2.lif")
      fail(what + ": '" + from + "' sends no spikes");
    if (syn->kind == "input" || syn->kind == "loihi2.lif")
      fail(what + ": '" + synapses + "' is not a synapse process");
    if (dst->kind != "loihi2.lif")
      fail(what + ": '" + to + "' is not a neuron process");
    if (!syn->source.empty() && syn->source != from)
      fail(what + ": '" + synapses + "' has two sources");
    syn->source = from;
    syn->target = to;
    dst->sources.push_back(synapses);
  }

  std::vector<Record> records() const;
};

std::vector<Record> Graph::records() const {
  ImageWriter writer;
  // Evaluation order: inputs, neurons, synapses.
  std::vector<const Process *> order;
  for (const char *kind : {"input", "loihi2.lif", ""})
    for (const Process &p : processes)
      if ((kind[0] && p.kind == kind) ||
          (!kind[0] && p.kind != "input" && p.kind != "loihi2.lif"))
        order.push_back(&p);
  std::map<std::string, int64_t> index;
  for (size_t i = 0; i < order.size(); ++i)
    index[order[i]->name] = int64_t(i);

  writer.beginRecord();
  writer.addString("kind", "network");
  writer.addString("name", name);
  writer.addF64("dt", {dt});
  std::vector<int64_t> outs;
  for (const std::string &o : outputs) {
    auto it = index.find(o);
    if (it == index.end())
      fail("output '" + o + "' is not a process");
    outs.push_back(it->second);
  }
  writer.addI64("outputs", outs);

  for (const Process *p : order) {
    writer.beginRecord();
    writer.addString("kind", p->kind);
    writer.addString("name", p->name);
    std::vector<int64_t> inputs, delayed;
    if (p->kind == "loihi2.lif") {
      for (const std::string &s : p->sources) {
        inputs.push_back(index.at(s));
        delayed.push_back(kPreviousStep);
      }
    } else if (p->kind != "input") {
      if (p->source.empty())
        fail("synapse process '" + p->name + "' receives from nothing");
      if (p->target.empty())
        fail("synapse process '" + p->name + "' sends to nothing");
      inputs.push_back(index.at(p->source));
      delayed.push_back(kSameStep);
    }
    writer.addI64("inputs", inputs);
    writer.addI64("delayed", delayed);
    writer.addI64("shape", p->shape);
    bool spikes = p->kind == "input" || p->kind == "loihi2.lif";
    writer.addString("stream", spikes ? "spikes" : "current");
    if (p->payloadBits)
      writer.addI64("payload_bits", {p->payloadBits});
    for (const auto &[key, values] : p->ints)
      writer.addI64(key, values);
    for (const auto &[key, values] : p->doubles)
      writer.addF64(key, values);
    for (const auto &[key, value] : p->strings)
      writer.addString(key, value);
    if (p->learns()) {
      auto it = index.find(p->bapSource);
      if (p->bapSource.empty() || it == index.end())
        fail("learning synapse process '" + p->name +
             "' needs an s_out -> s_in_bap connection from its neurons");
      writer.addI64("bap_source", {it->second});
    }
  }
  for (const Probe &probe : probes) {
    auto it = index.find(probe.process);
    if (it == index.end())
      fail("probe '" + probe.name + "' reads '" + probe.process +
           "', which is not a process");
    writer.beginRecord();
    writer.addString("kind", "probe");
    writer.addString("name", probe.name);
    writer.addI64("source", {it->second});
    if (!probe.state.empty())
      writer.addString("state", probe.state);
  }
  return writer.takeRecords();
}

/// LIF parameters (Lava names) into a neuron process; `init` names the
/// initial state fields ("u"/"v" in artifacts, "u_init"/"v_init" in
/// references).
void readLIF(Process &p, const json &params, const std::string &cls,
             const std::string &uKey, const std::string &vKey,
             const std::string &what, const std::string &dir) {
  p.kind = "loihi2.lif";
  for (const char *key : {"du", "dv"})
    p.ints[key] = {intField(params, key, what)};
  if (cls != "TernaryLIF")
    p.ints["vth"] = {intField(params, "vth", what)};
  int64_t n = product(p.shape);
  auto perNeuron = [&](const std::string &key, const std::string &field,
                       int64_t fallback) {
    std::vector<int64_t> v = params.contains(key)
                                 ? intArray(params[key], what + " " + key, dir)
                                 : std::vector<int64_t>{fallback};
    if (v.size() != 1 && int64_t(v.size()) != n)
      fail(what + ": '" + key + "' has " + std::to_string(v.size()) +
           " values for " + std::to_string(n) + " neurons");
    p.ints[field] = v;
  };
  perNeuron("bias_mant", "bias_mant", 0);
  perNeuron("bias_exp", "bias_exp", 0);
  perNeuron(uKey, "u", 0);
  perNeuron(vKey, "v", 0);
  if (cls == "LIFReset") {
    p.strings["variant"] = "reset";
    p.ints["reset_interval"] = {intField(params, "reset_interval", what)};
    p.ints["reset_offset"] = {intFieldOr(params, "reset_offset", 0, what)};
  } else if (cls == "TernaryLIF") {
    p.strings["variant"] = "ternary";
    p.ints["vth"] = {intField(params, "vth_hi", what)};
    p.ints["vth_lo"] = {intField(params, "vth_lo", what)};
  } else if (cls != "LIF") {
    fail(what + ": unknown neuron class '" + cls + "'");
  }
}

/// A Loihi2FLearningRule (Lava's parameter names) into record fields.
void readLearningRule(Process &p, const json &rule, const std::string &what) {
  std::string cls = stringOr(rule, "class", "Loihi2FLearningRule", what);
  if (cls != "Loihi2FLearningRule")
    fail(what + ": '" + cls + "' is not a rule this runtime runs "
                "(Loihi2FLearningRule)");
  for (const char *key : {"dd", "dt"})
    if (rule.contains(key) && !rule[key].is_null())
      fail(what + ": '" + key + "' is set; only weights (dw) learn here");
  p.strings["learning_dw"] = stringField(rule, "dw", what);
  auto number = [&](const char *key) {
    if (!rule.contains(key))
      return 0.0;
    if (!rule[key].is_number())
      fail(what + ": '" + key + "' must be a number");
    return rule[key].get<double>();
  };
  std::vector<double> impulses, taus;
  for (const char *trace : {"x1", "x2", "y1", "y2", "y3"}) {
    impulses.push_back(number((std::string(trace) + "_impulse").c_str()));
    taus.push_back(number((std::string(trace) + "_tau").c_str()));
  }
  p.doubles["learning_impulses"] = impulses;
  p.doubles["learning_taus"] = taus;
  p.ints["learning_epoch"] = {intFieldOr(rule, "t_epoch", 1, what)};
  // Lava draws a seed when none is given; a run is reproducible only with
  // one.
  p.ints["learning_seed"] = {intField(rule, "rng_seed", what)};
}

/// Dense/DelayDense/LearningDense (matrix weights) or
/// Sparse/DelaySparse/LearningSparse ({shape, rows, cols, values}) into a
/// synapse process.
void readSynapses(Process &p, const json &params, const std::string &cls,
                  const std::string &weightsKey, const std::string &what,
                  const std::string &dir) {
  p.kind = "loihi2.synapses";
  if (!params.contains(weightsKey))
    fail(what + ": missing '" + weightsKey + "'");
  const json &w = params[weightsKey];
  bool sparse =
      cls == "Sparse" || cls == "DelaySparse" || cls == "LearningSparse";
  if (sparse) {
    if (!w.is_object() || !w.contains("rows") || !w.contains("cols") ||
        !w.contains("values") || !w.contains("shape"))
      fail(what + ": sparse weights need shape, rows, cols and values");
    std::vector<int64_t> shape = intArray(w["shape"], what + " shape", dir);
    if (shape.size() != 2 || shape[0] < 1 || shape[1] < 1)
      fail(what + ": sparse weights need a shape [targets, sources]");
    p.shape = {shape[0]};
    p.ints["cols_count"] = {shape[1]};
    p.ints["rows"] = intArray(w["rows"], what + " rows", dir);
    p.ints["cols"] = intArray(w["cols"], what + " cols", dir);
    p.ints["weights"] = intArray(w["values"], what + " values", dir);
  } else {
    std::vector<int64_t> shape;
    p.ints["weights"] = intArray(w, what + " weights", dir, &shape);
    if (shape.size() != 2)
      fail(what + ": weights must be a matrix (targets x sources)");
    p.shape = {shape[0]};
    p.ints["cols_count"] = {shape[1]};
  }
  if (cls == "DelayDense" || cls == "DelaySparse") {
    if (!params.contains("delays"))
      fail(what + ": " + cls + " needs 'delays'");
    const json &d = params["delays"];
    p.ints["delays"] = intArray(d.is_object() && d.contains("values")
                                    ? d["values"]
                                    : d,
                                what + " delays", dir);
  } else if (cls == "LearningDense" || cls == "LearningSparse") {
    readLearningRule(p, member(params, "learning_rule", what),
                     what + " learning_rule");
    p.ints["learning_graded"] = {intFieldOr(params, "graded_spike_cfg", 0,
                                            what)};
    if (!params.contains("sign_mode"))
      fail(what + ": a learning connection needs 'sign_mode'");
  } else if (cls != "Dense" && cls != "Sparse") {
    fail(what + ": unknown synapse class '" + cls + "'");
  }
  p.ints["weight_exp"] = {intFieldOr(params, "weight_exp", 0, what)};
  p.ints["num_weight_bits"] = {intFieldOr(params, "num_weight_bits", 8, what)};
  p.ints["sign_mode"] = {signMode(params, what)};
  p.ints["num_message_bits"] = {intFieldOr(params, "num_message_bits", 0, what)};
}

void readConv(Process &p, const json &params, const std::string &what,
              const std::string &dir) {
  p.kind = "loihi2.conv";
  std::vector<int64_t> kernelShape;
  if (!params.contains("weight"))
    fail(what + ": missing 'weight'");
  p.ints["weight"] = intArray(params["weight"], what + " weight", dir,
                              &kernelShape);
  p.ints["weight_shape"] = kernelShape;
  for (const char *key : {"input_shape", "padding", "stride", "dilation"}) {
    if (!params.contains(key))
      fail(what + ": missing '" + key + "'");
    p.ints[key] = intArray(params[key], what + " " + key, dir);
  }
  p.ints["groups"] = {intFieldOr(params, "groups", 1, what)};
  if (params.contains("use_graded_spike")) {
    if (!params["use_graded_spike"].is_boolean())
      fail(what + ": 'use_graded_spike' must be true or false");
    p.ints["graded"] = {params["use_graded_spike"].get<bool>() ? 1 : 0};
  }
}

json parseFile(const std::string &path) {
  json doc;
  std::string error;
  if (!parseJsonFile(path, doc, error))
    fail(error);
  if (!doc.is_object())
    fail("the file must hold a JSON object");
  return doc;
}

std::string folderOf(const std::string &path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

Graph readArtifact(const json &doc, const std::string &dir) {
  if (stringOr(doc, "format", "", "artifact") != lo::kArtifactFormat)
    fail(std::string("not a Loihi 2 artifact (\"format\" is not \"") +
         lo::kArtifactFormat + "\")");
  int64_t version = intField(doc, "version", "artifact");
  if (version != lo::kArtifactVersion)
    fail("artifact version " + std::to_string(version) +
         " is not the version this runtime reads (" +
         std::to_string(lo::kArtifactVersion) + ")");
  Graph g;
  g.name = stringOr(doc, "model", "loihi2", "artifact");
  if (doc.contains("dt_ms")) {
    if (!doc["dt_ms"].is_number() || !(doc["dt_ms"].get<double>() > 0))
      fail("'dt_ms' must be a positive number");
    g.dt = doc["dt_ms"].get<double>();
  }
  if (!doc.contains("processes") || !doc["processes"].is_array())
    fail("missing the 'processes' list");
  for (const json &entry : doc["processes"]) {
    Process p;
    p.name = stringField(entry, "name", "process");
    std::string what = "process '" + p.name + "'";
    if (g.find(p.name))
      fail(what + ": the name is used twice");
    std::string cls = stringField(entry, "class", what);
    json params = entry.value("params", json::object());
    if (!params.is_object())
      fail(what + ": 'params' must be an object");
    if (cls == "RingBuffer") {
      p.kind = "input";
      p.shape = shapeField(entry, what);
      p.payloadBits = intFieldOr(params, "num_message_bits", 0, what);
    } else if (cls == "LIF" || cls == "LIFReset" || cls == "TernaryLIF") {
      p.shape = shapeField(entry, what);
      readLIF(p, params, cls, "u", "v", what, dir);
    } else if (cls == "Conv") {
      p.shape = shapeField(entry, what);
      readConv(p, params, what, dir);
    } else {
      readSynapses(p, params, cls, "weights", what, dir);
    }
    g.processes.push_back(std::move(p));
  }
  // Edges come in pairs: source s_out -> synapses s_in, synapses a_out ->
  // neuron a_in.
  std::map<std::string, std::string> sourceOf, targetOf, bapOf;
  for (const json &c : listOr(doc, "connections", "artifact")) {
    auto endpoint = [](const json &c, const char *key) {
      return c.is_object() && c.contains(key) && c[key].is_array() &&
             c[key].size() == 2 && c[key][0].is_string() &&
             c[key][1].is_string();
    };
    if (!endpoint(c, "from") || !endpoint(c, "to"))
      fail("a connection needs \"from\": [process, port] and \"to\": "
           "[process, port]");
    std::string from = c["from"][0].get<std::string>(),
                fromPort = c["from"][1].get<std::string>(),
                to = c["to"][0].get<std::string>(),
                toPort = c["to"][1].get<std::string>();
    std::string what = "connection " + from + "." + fromPort + " -> " + to +
                       "." + toPort;
    if (fromPort == "s_out" && toPort == "s_in")
      sourceOf[to] = from;
    else if (fromPort == "s_out" && toPort == "s_in_bap")
      bapOf[to] = from;
    else if (fromPort == "a_out" && toPort == "a_in")
      targetOf[from] = to;
    else
      fail(what + ": ports must be s_out -> s_in, s_out -> s_in_bap or "
                  "a_out -> a_in");
    // Views: a Conv reads and writes (W, H, C) tensors; the populations
    // around it keep the snn dialect's (C, H, W) order.
    if (c.contains("view")) {
      bool in = fromPort == "s_out";
      Process *conv = g.find(in ? to : from);
      if (!conv || conv->kind != "loihi2.conv")
        fail(what + ": views are supported around a Conv only");
      const json &view = c["view"];
      auto step = [&](size_t k, const char *key) -> const json * {
        if (!view.is_array() || view.size() != 2 || !view[k].is_object() ||
            !view[k].contains(key))
          return nullptr;
        return &view[k][key];
      };
      const json *reshape = step(in ? 0 : 1, "reshape");
      const json *transpose = step(in ? 1 : 0, "transpose");
      if (!reshape || !transpose ||
          intArray(*transpose, what + " transpose", "") !=
              std::vector<int64_t>{2, 1, 0})
        fail(what + (in ? ": the view must be reshape to (C, H, W), then "
                          "transpose [2, 1, 0]"
                        : ": the view must be transpose [2, 1, 0], then "
                          "reshape (flatten)"));
      conv->ints[in ? "input_chw" : "output_chw"] = {1};
    }
  }
  // By name: connect() updates the processes it links.
  std::vector<std::string> synapses;
  for (const Process &p : g.processes)
    if (p.kind != "input" && p.kind != "loihi2.lif")
      synapses.push_back(p.name);
  for (const std::string &name : synapses) {
    std::string what = "synapse process '" + name + "'";
    if (!sourceOf.count(name) || !targetOf.count(name))
      fail(what + ": needs one s_in and one a_out connection");
    g.connect(sourceOf[name], name, targetOf[name], what);
  }
  for (const auto &[synapse, neurons] : bapOf) {
    Process *syn = g.find(synapse), *src = g.find(neurons);
    std::string what = "connection " + neurons + ".s_out -> " + synapse +
                       ".s_in_bap";
    if (!syn || !syn->learns())
      fail(what + ": '" + synapse + "' is not a learning synapse process");
    if (!src || src->kind != "loihi2.lif" ||
        product(src->shape) != product(syn->shape))
      fail(what + ": s_in_bap needs a neuron process of the size of the "
                  "synapses' targets (" +
           std::to_string(product(syn->shape)) + ")");
    syn->bapSource = neurons;
  }
  for (const json &o : listOr(doc, "outputs", "artifact")) {
    if (!o.is_string())
      fail("'outputs' must list process names");
    g.outputs.push_back(o.get<std::string>());
  }
  for (const json &pr : listOr(doc, "probes", "artifact"))
    g.probes.push_back({stringField(pr, "name", "probe"),
                        stringField(pr, "process", "probe"),
                        stringOr(pr, "var", "", "probe")});
  return g;
}

/// Dense weight matrices leave their column count for the source check.
void checkSources(Graph &g) {
  for (Process &p : g.processes) {
    auto it = p.ints.find("cols_count");
    if (it == p.ints.end())
      continue;
    const Process *src = g.find(p.source);
    if (src && product(src->shape) != it->second[0])
      fail("synapse process '" + p.name + "' has " +
           std::to_string(it->second[0]) + " columns for the " +
           std::to_string(product(src->shape)) + " neurons of '" + p.source +
           "'");
    p.ints.erase(it);
  }
}
} // namespace

bool lo::loadArtifact(const std::string &path, std::vector<Record> &records,
                      std::string &error) {
  try {
    json doc = parseFile(path);
    Graph g = readArtifact(doc, folderOf(path));
    checkSources(g);
    records = g.records();
    return true;
  } catch (const Failure &f) {
    error = f.message.rfind("cannot open", 0) == 0 ? f.message
                                                    : path + ": " + f.message;
  }
  return false;
}

bool lo::loadReference(const std::string &path, Reference &ref,
                       std::string &error) {
  try {
    json doc = parseFile(path);
    Graph g;
    g.name = stringOr(doc, "topology", "reference", "reference");
    ref.steps = intField(doc, "num_steps", "reference");
    if (ref.steps < 0)
      fail("'num_steps' must be >= 0");
    const json &in = member(doc, "inputs", "reference");
    Process input;
    input.name = stringField(in, "name", "inputs");
    input.kind = "input";
    input.shape = shapeField(in, "inputs");
    input.payloadBits = intFieldOr(in, "num_message_bits", 0, "inputs");
    std::vector<int64_t> dataShape;
    std::vector<int64_t> data =
        intArray(member(in, "data", "inputs"), "inputs data", "", &dataShape);
    if (dataShape.size() != 2 || dataShape[0] != product(input.shape) ||
        dataShape[1] < 1)
      fail("inputs: 'data' must be elements x columns");
    ref.inputData.assign(size_t(dataShape[0]), {});
    for (int64_t i = 0; i < dataShape[0]; ++i)
      ref.inputData[i].assign(data.begin() + i * dataShape[1],
                              data.begin() + (i + 1) * dataShape[1]);
    g.processes.push_back(input);
    for (const json &pj : listOr(doc, "processes", "reference")) {
      Process p;
      p.name = stringField(pj, "name", "process");
      std::string what = "process '" + p.name + "'";
      p.shape = shapeField(pj, what);
      readLIF(p, pj, stringField(pj, "type", what), "u_init", "v_init", what,
              "");
      g.processes.push_back(std::move(p));
    }
    for (const json &cj : listOr(doc, "connections", "reference")) {
      Process p;
      p.name = stringField(cj, "name", "connection");
      std::string what = "connection '" + p.name + "'";
      std::string cls = stringField(cj, "type", what);
      readSynapses(p, cj, cls, "weights_raw", what, "");
      std::string name = p.name;
      g.processes.push_back(std::move(p));
      Reference::Weights w;
      w.connection = name;
      w.raw = g.processes.back().ints["weights"];
      if (cj.contains("weights_effective"))
        w.effective = intArray(cj["weights_effective"], what, "");
      w.numWeightBits = int(g.processes.back().ints["num_weight_bits"][0]);
      w.signMode = int(g.processes.back().ints["sign_mode"][0]);
      ref.weights.push_back(std::move(w));
      std::string dst = stringField(cj, "dst", what);
      g.connect(stringField(cj, "src", what), name, dst, what);
      // Learning connections read their target's spikes (s_in_bap).
      if (g.find(name)->learns())
        g.find(name)->bapSource = dst;
    }
    checkSources(g);
    const json &traces = member(doc, "traces", "reference");
    if (!traces.is_object())
      fail("'traces' must map processes to their variables");
    for (const auto &[proc, vars] : traces.items()) {
      if (!g.find(proc) || !vars.is_object())
        fail("traces of '" + proc + "', which is not a process");
      for (const auto &[var, steps] : vars.items()) {
        if (!steps.is_array())
          fail("trace " + proc + "." + var + " must be a list of steps");
        Trace t{proc, var, {}};
        for (const json &row : steps)
          t.values.push_back(intArray(row, "trace " + proc + "." + var, ""));
        if (int64_t(t.values.size()) != ref.steps)
          fail("trace " + proc + "." + var + " has " +
               std::to_string(t.values.size()) + " steps, not num_steps = " +
               std::to_string(ref.steps));
        // A neuron process sends s_out (an output) and has u and v; a
        // learning connection has its weights and traces.
        if (g.find(proc)->kind != "loihi2.lif") {
          if (t.variable == "s_out")
            fail("trace " + proc + ".s_out: '" + proc +
                 "' is not a neuron process");
          g.probes.push_back({proc + "." + t.variable, proc, t.variable});
        }
        ref.traces.push_back(std::move(t));
      }
      if (g.find(proc)->kind == "loihi2.lif") {
        g.outputs.push_back(proc);
        ref.outputs.push_back(proc);
        for (const char *state : {"u", "v"})
          g.probes.push_back({proc + "." + state, proc, state});
      }
    }
    ref.records = g.records();
    return true;
  } catch (const Failure &f) {
    error = f.message.rfind("cannot open", 0) == 0 ? f.message
                                                    : path + ": " + f.message;
  }
  return false;
}
