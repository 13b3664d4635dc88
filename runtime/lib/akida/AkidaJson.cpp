//===- AkidaJson.cpp - an Akida artifact to records -----------------------===//
//
// Reads an "snnc-akida" artifact (docs/formats/akida.md): checks every key
// of the JSON, reads each layer's variables from the .npy files beside it,
// checks the layers against MetaTF's rules (akida/AkidaLayers.h) and the
// chain they form, and writes the records the emulator runs: the input,
// one node per layer, a probe of the output.
//
//===----------------------------------------------------------------------===//

#include "akida/AkidaModel.h"
#include "snnrt/Npy.h"

// nlohmann_json never throws here: every access checks the type first and
// parsing reports errors by value. This file's own errors unwind (it is
// compiled with -fexceptions) to its two entry points.
#define JSON_NOEXCEPTION
#include <nlohmann/json.hpp>

#include "engine/JsonFile.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>

using namespace snnrt;
using namespace snnrt::akida;
using json = nlohmann::json;

namespace {
struct Failure {
  std::string message;
};

[[noreturn]] void fail(const std::string &message) { throw Failure{message}; }

std::string inQuotes(const std::string &s) { return "\"" + s + "\""; }

std::string dims(const std::vector<int64_t> &shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

/// Fails on a key of `obj` not in `keys`.
void onlyKeys(const json &obj, const std::vector<std::string> &keys,
              const std::string &what) {
  for (auto it = obj.begin(); it != obj.end(); ++it)
    if (std::find(keys.begin(), keys.end(), it.key()) == keys.end()) {
      std::vector<std::string> sorted = keys;
      std::sort(sorted.begin(), sorted.end());
      std::string known;
      for (const std::string &k : sorted)
        known += (known.empty() ? "" : ", ") + k;
      fail(what + ": unknown key '" + it.key() + "' (the keys are " + known +
           ")");
    }
}

const json &object(const json &v, const std::string &what) {
  if (!v.is_object())
    fail(what + " must be an object");
  return v;
}

const json &member(const json &obj, const std::string &key,
                   const std::string &what) {
  object(obj, what);
  auto it = obj.find(key);
  if (it == obj.end())
    fail(what + ": missing '" + key + "'");
  return *it;
}

/// A JSON integer within the range of int32 (every integer of the format
/// is); `what` names it.
int64_t integer(const json &v, const std::string &what) {
  if (!v.is_number_integer())
    fail(what + " must be an integer, not " +
         (v.is_number() ? v.dump() : std::string(v.type_name())));
  int64_t lo = std::numeric_limits<int32_t>::min(),
          hi = std::numeric_limits<int32_t>::max();
  if (v.is_number_unsigned() ? v.get<uint64_t>() > uint64_t(hi)
                             : v.get<int64_t>() < lo || v.get<int64_t>() > hi)
    fail(what + " is " + v.dump() + ", outside " + std::to_string(lo) + ".." +
         std::to_string(hi));
  return v.get<int64_t>();
}

int64_t bounded(const json &v, int64_t lo, int64_t hi,
                const std::string &what) {
  int64_t x = integer(v, what);
  if (x < lo || x > hi)
    fail(what + " is " + std::to_string(x) + ", outside " + std::to_string(lo) +
         ".." + std::to_string(hi));
  return x;
}

int64_t integerField(const json &obj, const std::string &key,
                     const std::string &what) {
  return integer(member(obj, key, what), what + ": " + key);
}

bool boolField(const json &obj, const std::string &key,
               const std::string &what) {
  const json &v = member(obj, key, what);
  if (!v.is_boolean())
    fail(what + ": " + key + " must be true or false, not " + v.dump());
  return v.get<bool>();
}

std::string stringField(const json &obj, const std::string &key,
                        const std::string &what) {
  const json &v = member(obj, key, what);
  if (!v.is_string())
    fail(what + ": " + key + " must be a string, not " + v.dump());
  return v.get<std::string>();
}

/// A string that must be one of `values`.
std::string choiceField(const json &obj, const std::string &key,
                        const std::vector<std::string> &values,
                        const std::string &what) {
  std::string s = stringField(obj, key, what);
  if (std::find(values.begin(), values.end(), s) != values.end())
    return s;
  std::string known;
  for (size_t i = 0; i < values.size(); ++i)
    known += (i ? (i + 1 == values.size() ? " or " : ", ") : "") +
             inQuotes(values[i]);
  fail(what + ": " + key + " is " + inQuotes(s) + ", not " + known);
}

double numberField(const json &obj, const std::string &key,
                   const std::string &what) {
  const json &v = member(obj, key, what);
  if (!v.is_number() || !std::isfinite(v.get<double>()))
    fail(what + ": " + key + " must be a number, not " + v.dump());
  return v.get<double>();
}

/// An array of integers.
std::vector<int64_t> integers(const json &obj, const std::string &key,
                              const std::string &what) {
  const json &v = member(obj, key, what);
  if (!v.is_array())
    fail(what + ": " + key + " must be an array of integers, not " + v.dump());
  std::vector<int64_t> out;
  for (size_t i = 0; i < v.size(); ++i)
    out.push_back(
        integer(v[i], what + ": " + key + "[" + std::to_string(i) + "]"));
  return out;
}

/// [a, b], both integers.
std::array<int64_t, 2> pairField(const json &obj, const std::string &key,
                                 const std::string &what) {
  std::vector<int64_t> v = integers(obj, key, what);
  if (v.size() != 2)
    fail(what + ": " + key + " " + dims(v) + " must hold 2 integers");
  return {v[0], v[1]};
}

/// An [X, Y, C] of positive dimensions.
Shape shapeField(const json &obj, const std::string &key,
                 const std::string &what) {
  std::vector<int64_t> v = integers(obj, key, what);
  if (v.size() != 3 || v[0] < 1 || v[1] < 1 || v[2] < 1)
    fail(what + ": " + key + " " + dims(v) +
         " must be [X, Y, C], each at least 1");
  return {v[0], v[1], v[2]};
}

/// The network's snn shape of an [X, Y, C]: [C, X, Y] or [X Y C].
std::vector<int64_t> snnShapeField(const json &obj, const Shape &shape,
                                   const std::string &what) {
  std::vector<int64_t> v = integers(obj, "snn_shape", what);
  std::vector<int64_t> planes = {shape.c, shape.x, shape.y};
  std::vector<int64_t> flat = {shape.elements()};
  if (v != planes && v != flat)
    fail(what + ": snn_shape " + dims(v) +
         " is neither [C, X, Y] = " + dims(planes) +
         " nor [X Y C] = " + dims(flat) + " of its shape " + shapeText(shape));
  return v;
}

/// A variable's .npy file beside the JSON: a plain file name.
NpyArray readVariable(const std::string &file, const std::string &dir,
                      const std::string &what) {
  bool plain = !file.empty() && file.find('/') == std::string::npos &&
               file.find('\\') == std::string::npos &&
               file.find("..") == std::string::npos &&
               std::none_of(file.begin(), file.end(),
                            [](char c) { return uint8_t(c) < 0x20; });
  if (!plain)
    fail(what + ": file name " + inQuotes(file) +
         " must name a file beside the JSON (no '/', '\\', '..' or control "
         "characters)");
  NpyArray array;
  std::string error;
  if (!readNpy(dir + file, array, error))
    fail(what + ": " + error);
  return array;
}

/// A variable's integers: an integer dtype, MetaTF's shape.
std::vector<int64_t> integerVariable(const NpyArray &a,
                                     const std::vector<int64_t> &shape,
                                     const std::string &file,
                                     const std::string &what) {
  char kind = a.dtype.size() > 1 ? a.dtype[1] : '?';
  if (kind != 'i' && kind != 'u' && kind != 'b')
    fail(what + ": " + file + " holds " + a.dtype +
         ", not integers (int8, int16, int32 or int64)");
  if (a.shape != shape)
    fail(what + ": " + file + " has shape " + dims(a.shape) + ", expected " +
         dims(shape));
  std::vector<int64_t> out;
  out.reserve(a.data.size());
  for (double d : a.data) {
    // Wider than int32 is out of every variable's range; kept so that the
    // layer's check names the value.
    double limit = 9007199254740992.0; // 2^53
    out.push_back(int64_t(std::clamp(d, -limit, limit)));
  }
  return out;
}

/// act_step: float32 values, turned into S = floor(16 act_step).
std::vector<int64_t> actStepVariable(const NpyArray &a, int64_t filters,
                                     const std::string &file,
                                     const std::string &what) {
  if (a.dtype.size() < 2 || a.dtype[1] != 'f')
    fail(what + ": " + file + " holds " + a.dtype + ", not float32");
  if (a.shape != std::vector<int64_t>{filters})
    fail(what + ": " + file + " has shape " + dims(a.shape) + ", expected " +
         dims({filters}));
  std::vector<int64_t> out;
  for (size_t f = 0; f < a.data.size(); ++f) {
    double v = a.data[f];
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", v);
    std::string place =
        what + ": act_step[" + std::to_string(f) + "] is " + text;
    if (!std::isfinite(v) || double(float(v)) != v)
      fail(place + ", not a float32 value");
    int64_t s16;
    if (!actStepSixteenths(float(v), s16))
      fail(place + ", outside 1/16 up to below 2^24 (MetaTF's software "
                   "backend divides by 16 act_step << 4 in 32 bits)");
    out.push_back(s16);
  }
  return out;
}

const std::vector<std::string> kNpTypes = {"HRC", "CNP1", "CNP2", "FNP2",
                                           "FNP3"};

struct LayerInfo {
  int64_t nps = 0;
  std::string npType;
};

/// One entry of `layers` but its variables; `first` for the first layer.
Layer readParameters(const json &entry, bool first, const std::string &what,
                     LayerInfo &info) {
  onlyKeys(entry,
           {"errors", "input_shape", "name", "np_type", "nps", "output_shape",
            "params", "source", "type", "variables"},
           what);
  Layer l;
  std::string type = stringField(entry, "type", what);
  if (!parseLayerType(type, l.type))
    fail(what + ": type " + inQuotes(type) +
         " is not InputConvolutional, Convolutional, SeparableConvolutional "
         "or FullyConnected");
  if (!first && l.type == LayerType::InputConvolutional)
    fail(what + ": an InputConvolutional layer can only be the first");
  l.input = shapeField(entry, "input_shape", what);
  l.output = shapeField(entry, "output_shape", what);

  const json &params = object(member(entry, "params", what), what + ": params");
  std::string p = what + ": params";
  bool connected = l.type == LayerType::FullyConnected;
  bool input = l.type == LayerType::InputConvolutional;
  std::vector<std::string> keys = {"weights_bits", "activation", "act_bits",
                                   "input_bits", "pool_type"};
  if (connected) {
    keys.push_back("units");
  } else {
    for (const char *k : {"filters", "kernel_size", "kernel_stride", "padding",
                          "pool_size", "pool_stride"})
      keys.push_back(k);
    if (input)
      keys.push_back("padding_value");
  }
  onlyKeys(params, keys, p);
  l.weightsBits = integerField(params, "weights_bits", p);
  l.activation = boolField(params, "activation", p);
  l.actBits = integerField(params, "act_bits", p);
  l.inputBits = integerField(params, "input_bits", p);
  if (connected) {
    l.filters = integerField(params, "units", p);
    if (params.contains("pool_type"))
      choiceField(params, "pool_type", {"NoPooling"}, p);
  } else {
    l.filters = integerField(params, "filters", p);
    std::array<int64_t, 2> k = pairField(params, "kernel_size", p);
    std::array<int64_t, 2> s = pairField(params, "kernel_stride", p);
    l.kernelX = k[0];
    l.kernelY = k[1];
    l.strideX = s[0];
    l.strideY = s[1];
    parsePadding(choiceField(params, "padding", {"Same", "Valid"}, p),
                 l.padding);
    parsePoolType(
        choiceField(params, "pool_type", {"NoPooling", "Max", "Average"}, p),
        l.pool);
    if (l.pool == PoolType::Max) {
      std::array<int64_t, 2> size = pairField(params, "pool_size", p);
      std::array<int64_t, 2> stride = pairField(params, "pool_stride", p);
      // MetaTF's default stride, -1, is the pool size.
      if (stride[0] == -1 && stride[1] == -1)
        stride = size;
      l.poolX = size[0];
      l.poolY = size[1];
      l.poolStrideX = stride[0];
      l.poolStrideY = stride[1];
    } else {
      for (const char *key : {"pool_size", "pool_stride"})
        if (params.contains(key) &&
            pairField(params, key, p) != std::array<int64_t, 2>{-1, -1})
          fail(p + ": " + key + " " + dims(integers(params, key, p)) +
               " must be [-1, -1] (MetaTF's value) when pool_type is " +
               inQuotes(poolTypeName(l.pool)));
    }
    if (input)
      l.paddingValue = integerField(params, "padding_value", p);
  }

  if (std::string e = checkParameters(l); !e.empty())
    fail(what + ": " + e);

  const json &source = member(entry, "source", what);
  if (!source.is_string() &&
      !(source.is_array() &&
        std::all_of(source.begin(), source.end(),
                    [](const json &s) { return s.is_string(); })))
    fail(what + ": source must be a string or an array of strings, not " +
         source.dump());
  // The mapping of a mapped model: both or neither.
  if (entry.contains("nps") || entry.contains("np_type")) {
    info.nps = bounded(member(entry, "nps", what), 0,
                       std::numeric_limits<int32_t>::max(), what + ": nps");
    info.npType = choiceField(entry, "np_type", kNpTypes, what);
  }
  if (entry.contains("errors")) {
    const json &errors = object(entry["errors"], what + ": errors");
    onlyKeys(errors,
             {"activation", "potential_range", "weight_max", "weight_rms",
              "weights_zeroed"},
             what + ": errors");
    for (auto it = errors.begin(); it != errors.end(); ++it)
      if (numberField(errors, it.key(), what + ": errors") < 0)
        fail(what + ": errors: " + it.key() + " is " + it.value().dump() +
             ", a measured error is at least 0");
  }
  return l;
}

/// The variables of a layer whose parameters are checked, from `dir`.
void readVariables(const json &entry, const std::string &dir,
                   const std::string &what, Layer &l) {
  const json &vars =
      object(member(entry, "variables", what), what + ": variables");
  std::string v = what + ": variables";
  bool separable = l.type == LayerType::SeparableConvolutional;
  std::vector<std::string> names = {"act_step", "threshold", "weights"};
  if (separable)
    names.push_back("weights_pw");
  onlyKeys(vars, names, v);
  // Without an activation, threshold and act_step may be left out; given,
  // they are checked all the same.
  bool activation = l.activation;
  auto needed = [&](const char *name) {
    return activation || vars.contains(name);
  };
  auto load = [&](const std::string &name) {
    std::string file = stringField(vars, name, v);
    return std::make_pair(file, readVariable(file, dir, v + "." + name));
  };
  {
    auto [file, a] = load("weights");
    l.weights = integerVariable(a, weightsShape(l), file, v + ".weights");
  }
  if (separable) {
    auto [file, a] = load("weights_pw");
    l.weightsPw =
        integerVariable(a, weightsPwShape(l), file, v + ".weights_pw");
  }
  l.threshold.assign(size_t(l.filters), 0);
  l.actStep.assign(size_t(l.filters), 16);
  if (needed("threshold")) {
    auto [file, a] = load("threshold");
    l.threshold = integerVariable(a, {l.filters}, file, v + ".threshold");
  }
  if (needed("act_step")) {
    auto [file, a] = load("act_step");
    l.actStep = actStepVariable(a, l.filters, file, v + ".act_step");
  }
  if (std::string e = checkLayer(l); !e.empty())
    fail(what + ": " + e);
}

Model readModelFrom(const json &doc, const std::string &dir) {
  if (!doc.is_object())
    fail("the file must hold a JSON object");
  onlyKeys(doc,
           {"akida_version", "compiler", "device", "dt_ms", "format", "input",
            "layers", "mapping", "model_name", "output", "version"},
           "artifact");
  if (!doc.contains("format") || doc["format"] != kArtifactFormat)
    fail(std::string("not an Akida artifact (\"format\" is not \"") +
         kArtifactFormat + "\")");
  int64_t version = integerField(doc, "version", "artifact");
  if (version != kArtifactVersion)
    fail("artifact version " + std::to_string(version) +
         " is not the version this runtime reads (" +
         std::to_string(kArtifactVersion) + ")");
  Model model;
  stringField(doc, "compiler", "artifact");
  model.name = stringField(doc, "model_name", "artifact");
  model.dtMs = numberField(doc, "dt_ms", "artifact");
  if (!(model.dtMs > 0))
    fail("artifact: dt_ms is " + doc["dt_ms"].dump() + ", it must be > 0");
  choiceField(doc, "akida_version", {"1.0"}, "artifact");
  choiceField(doc, "device", {"AKD1000"}, "artifact");

  const json &input = object(member(doc, "input", "artifact"), "input");
  onlyKeys(input, {"bits", "shape", "snn_shape"}, "input");
  model.input = shapeField(input, "shape", "input");
  model.inputBits =
      bounded(member(input, "bits", "input"), 1, 8, "input: bits");
  model.inputSnnShape = snnShapeField(input, model.input, "input");

  const json &layers = member(doc, "layers", "artifact");
  if (!layers.is_array() || layers.empty())
    fail("artifact: layers must be a non-empty array, not " +
         (layers.is_array() ? std::string("[]") : layers.dump()));
  std::vector<LayerInfo> infos;
  std::set<std::string> seen;
  for (size_t i = 0; i < layers.size(); ++i) {
    std::string at = "layers[" + std::to_string(i) + "]";
    std::string name = stringField(layers[i], "name", at);
    if (name.empty())
      fail(at + ": name must not be empty");
    std::string what = at + " " + inQuotes(name);
    if (!seen.insert(name).second)
      fail(what + ": the name is used twice");
    LayerInfo info;
    Layer l = readParameters(layers[i], i == 0, what, info);
    if (i == 0) {
      if (l.input != model.input)
        fail(what + ": input_shape " + shapeText(l.input) +
             " is not input.shape " + shapeText(model.input));
      if (l.inputBits != model.inputBits)
        fail(what + ": params.input_bits " + std::to_string(l.inputBits) +
             " is not input.bits " + std::to_string(model.inputBits));
    } else {
      const Layer &prev = model.layers.back();
      std::string before = "layers[" + std::to_string(i - 1) + "] " +
                           inQuotes(model.names.back());
      if (!prev.activation)
        fail(what + ": follows " + before +
             ", which has no activation (only the last layer outputs "
             "potentials)");
      if (l.input != prev.output)
        fail(what + ": input_shape " + shapeText(l.input) +
             " is not the output_shape " + shapeText(prev.output) + " of " +
             before);
      if (l.inputBits != prev.actBits)
        fail(what + ": params.input_bits " + std::to_string(l.inputBits) +
             " is not the act_bits " + std::to_string(prev.actBits) + " of " +
             before);
    }
    readVariables(layers[i], dir, what, l);
    model.names.push_back(name);
    model.layers.push_back(std::move(l));
    infos.push_back(info);
  }

  const json &output = object(member(doc, "output", "artifact"), "output");
  onlyKeys(output, {"potentials", "shape", "snn_shape"}, "output");
  const Layer &last = model.layers.back();
  Shape outShape = shapeField(output, "shape", "output");
  if (outShape != last.output)
    fail("output: shape " + shapeText(outShape) + " is not the output_shape " +
         shapeText(last.output) + " of the last layer");
  model.outputSnnShape = snnShapeField(output, outShape, "output");
  bool potentials = boolField(output, "potentials", "output");
  if (potentials == last.activation)
    fail(std::string("output: potentials is ") +
         (potentials ? "true" : "false") + " but the last layer " +
         (last.activation ? "has" : "has no") + " activation");

  const json &mapping = object(member(doc, "mapping", "artifact"), "mapping");
  onlyKeys(mapping, {"devices", "map_mode", "np_types", "nps"}, "mapping");
  if (mapping.contains("map_mode"))
    choiceField(mapping, "map_mode", {"Minimal", "AllNps"}, "mapping");
  if (mapping.contains("devices"))
    bounded(mapping["devices"], 1, std::numeric_limits<int32_t>::max(),
            "mapping: devices");
  int64_t nps = bounded(member(mapping, "nps", "mapping"), 0,
                        std::numeric_limits<int32_t>::max(), "mapping: nps");
  std::map<std::string, int64_t> perType;
  int64_t total = 0;
  for (const LayerInfo &info : infos) {
    perType[info.npType] += info.nps;
    total += info.nps;
  }
  if (nps != total)
    fail("mapping: nps is " + std::to_string(nps) + " but the layers take " +
         std::to_string(total));
  const json &types =
      object(member(mapping, "np_types", "mapping"), "mapping: np_types");
  onlyKeys(types, kNpTypes, "mapping: np_types");
  for (const std::string &kind : kNpTypes) {
    int64_t count =
        types.contains(kind)
            ? bounded(types[kind], 0, std::numeric_limits<int32_t>::max(),
                      "mapping: np_types: " + kind)
            : 0;
    if (count != perType[kind])
      fail("mapping: np_types: " + kind + " is " + std::to_string(count) +
           " but the layers take " + std::to_string(perType[kind]));
  }
  return model;
}

void beginNode(ImageWriter &w, const std::string &kind, const std::string &name,
               const std::vector<int64_t> &inputs,
               const std::vector<int64_t> &shape, bool spikes,
               int64_t payloadBits) {
  w.beginRecord();
  w.addString("kind", kind);
  w.addString("name", name);
  w.addI64("inputs", inputs);
  w.addI64("delayed", std::vector<int64_t>(inputs.size(), kSameStep));
  w.addI64("shape", shape);
  w.addString("stream", spikes ? "spikes" : "currents");
  if (spikes)
    w.addI64("payload_bits", {payloadBits});
}
} // namespace

std::vector<Record> akida::modelRecords(const Model &model) {
  ImageWriter w;
  int64_t last = int64_t(model.layers.size());
  w.beginRecord();
  w.addString("kind", "network");
  w.addString("name", model.name);
  w.addF64("dt", {model.dtMs});
  w.addI64("outputs", {last});
  beginNode(w, "input", "input", {}, model.inputSnnShape, true,
            model.inputBits);
  for (size_t i = 0; i < model.layers.size(); ++i) {
    const Layer &l = model.layers[i];
    bool isLast = int64_t(i) + 1 == last;
    std::vector<int64_t> shape =
        isLast ? model.outputSnnShape
               : std::vector<int64_t>{l.output.c, l.output.x, l.output.y};
    beginNode(w, "akida.layer", model.names[i], {int64_t(i)}, shape,
              l.activation, l.actBits);
    std::vector<int64_t> row;
    packLayer(l, row);
    w.addI64("layer", row);
    w.addI64("weights", l.weights);
    if (!l.weightsPw.empty())
      w.addI64("weights_pw", l.weightsPw);
    w.addI64("threshold", l.threshold);
    w.addI64("act_step", l.actStep);
  }
  w.beginRecord();
  w.addString("kind", "probe");
  w.addString("name", "output");
  w.addI64("source", {last});
  return w.takeRecords();
}

bool akida::readModel(const std::string &path, Model &model,
                      std::string &error) {
  try {
    json doc;
    if (!parseJsonFile(path, doc, error))
      fail(error);
    size_t slash = path.rfind('/');
    std::string dir =
        slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
    model = readModelFrom(doc, dir);
    return true;
  } catch (const Failure &f) {
    error = f.message.rfind("cannot open", 0) == 0 ? f.message
                                                   : path + ": " + f.message;
  }
  return false;
}

bool akida::loadArtifact(const std::string &path, std::vector<Record> &records,
                         std::string &error) {
  Model model;
  if (!readModel(path, model, error))
    return false;
  records = modelRecords(model);
  return true;
}
