//===- TrueNorthJson.cpp - TrueNorth corelet tables to records ------------===//
//
// Reads the CPE-shaped tables of an "snnc-truenorth" artifact
// (docs/formats/truenorth.md), checks every field against its limit in
// snnrt/TrueNorth.h, expands the range shorthands, and writes the records
// the emulator runs: the inputs, the mesh that carries spikes to axons, one
// node per core and one per output.
//
//===----------------------------------------------------------------------===//

#include "snnrt/TrueNorthModel.h"
#include "truenorth/TrueNorthCore.h"

// nlohmann_json never throws here: every access checks the type first and
// parsing reports errors by value. This file's own errors unwind (it is
// compiled with -fexceptions) to its two entry points.
#define JSON_NOEXCEPTION
#include <nlohmann/json.hpp>

#include "engine/JsonFile.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <sstream>

using namespace snnrt;
using namespace snnrt::truenorth;
using json = nlohmann::json;

namespace {
struct Failure {
  std::string message;
};

[[noreturn]] void fail(const std::string &message) { throw Failure{message}; }

std::string range(int64_t lo, int64_t hi) {
  return std::to_string(lo) + ".." + std::to_string(hi);
}

const json &member(const json &obj, const std::string &key,
                   const std::string &what) {
  if (!obj.is_object())
    fail(what + " must be an object");
  auto it = obj.find(key);
  if (it == obj.end())
    fail(what + ": missing '" + key + "'");
  return *it;
}

/// A JSON integer; `what` names it in the message.
int64_t integer(const json &v, const std::string &what) {
  if (v.is_number_unsigned()) {
    if (v.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
      fail(what + " is " + v.dump() + ", too large");
    return int64_t(v.get<uint64_t>());
  }
  if (!v.is_number_integer())
    fail(what + " must be an integer, not " +
         (v.is_number() ? v.dump() : std::string(v.type_name())));
  return v.get<int64_t>();
}

int64_t bounded(const json &v, int64_t lo, int64_t hi,
                const std::string &what) {
  int64_t x = integer(v, what);
  if (x < lo || x > hi)
    fail(what + " is " + std::to_string(x) + ", outside " + range(lo, hi));
  return x;
}

/// obj[key] in lo..hi, named "what: key".
int64_t boundedField(const json &obj, const std::string &key, int64_t lo,
                     int64_t hi, const std::string &what) {
  return bounded(member(obj, key, what), lo, hi, what + ": " + key);
}

/// A sign register: -1 or 1.
int64_t signField(const json &obj, const std::string &key,
                  const std::string &what) {
  int64_t s = boundedField(obj, key, -1, 1, what);
  if (s == 0)
    fail(what + ": " + key + " is 0, not -1 or 1");
  return s;
}

/// A flag: true/false or 0/1, as NeMo reads them.
bool flagField(const json &obj, const std::string &key,
               const std::string &what) {
  const json &v = member(obj, key, what);
  if (v.is_boolean())
    return v.get<bool>();
  if (v.is_number_integer() && (v.get<int64_t>() == 0 || v.get<int64_t>() == 1))
    return v.get<int64_t>() == 1;
  fail(what + ": " + key + " must be true, false, 0 or 1, not " + v.dump());
}

std::string stringField(const json &obj, const std::string &key,
                        const std::string &what) {
  const json &v = member(obj, key, what);
  if (!v.is_string())
    fail(what + ": '" + key + "' must be a string");
  return v.get<std::string>();
}

/// A required constant of the model header.
void expect(const json &obj, const std::string &key, const json &value,
            const std::string &what) {
  const json &v = member(obj, key, what);
  if (v != value)
    fail(what + ": " + key + " is " + v.dump() + ", expected " + value.dump());
}

//===----------------------------------------------------------------------===//
// Neuron arrays and their shorthands
//===----------------------------------------------------------------------===//

/// A decimal integer of at most 9 digits (a sign only if `signed`); false
/// for anything else.
bool decimal(const std::string &s, bool allowSign, int64_t &out) {
  size_t i = 0;
  bool negative = false;
  if (allowSign && i < s.size() && (s[i] == '-' || s[i] == '+'))
    negative = s[i++] == '-';
  if (i == s.size() || s.size() - i > 9)
    return false;
  int64_t x = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9')
      return false;
    x = x * 10 + (s[i] - '0');
  }
  out = negative ? -x : x;
  return true;
}

/// Appends what `text` ("a:b", "a:step:b" or "vxn") stands for to `out`,
/// which may hold at most `limit` values.
void expandShorthand(const std::string &text, std::vector<int64_t> &out,
                     size_t limit, const std::string &what) {
  auto malformed = [&](const std::string &why) {
    fail(what + ": malformed shorthand \"" + text + "\" (" + why + ")");
  };
  std::vector<std::string> parts;
  char separator = text.find(':') != std::string::npos ? ':' : 'x';
  std::stringstream ss(text);
  for (std::string part; std::getline(ss, part, separator);)
    parts.push_back(part);
  if (!text.empty() && text.back() == separator)
    parts.push_back("");
  int64_t first = 0, step = 1, last = 0, count = 0;
  if (separator == ':') {
    if (parts.size() != 2 && parts.size() != 3)
      malformed("expected a:b or a:step:b");
    if (!decimal(parts.front(), true, first) ||
        !decimal(parts.back(), true, last) ||
        (parts.size() == 3 && !decimal(parts[1], false, step)))
      malformed("a, step and b are decimal integers of at most 9 digits");
    if (first > last)
      malformed("a:b needs a <= b");
    if (step < 1)
      malformed("the step must be >= 1");
    count = (last - first) / step + 1;
  } else {
    if (parts.size() != 2 || !decimal(parts[0], true, first) ||
        !decimal(parts[1], false, count))
      malformed("expected a:b, a:step:b or vxn, decimal integers of at most 9 "
                "digits");
    if (count < 1)
      malformed("vxn needs n >= 1");
    step = 0;
  }
  if (out.size() + size_t(count) > limit)
    fail(what + ": \"" + text + "\" expands past " + std::to_string(limit) +
         " elements");
  for (int64_t k = 0; k < count; ++k)
    out.push_back(first + k * step);
}

/// neurons[key]: integers and shorthands expanding to one value per neuron.
std::array<int64_t, kNeuronsPerCore> neuronArray(const json &neurons,
                                                 const std::string &key,
                                                 const std::string &what) {
  const json &list = member(neurons, key, what);
  std::string where = what + ": neurons." + key;
  if (!list.is_array())
    fail(where + " must be an array");
  std::vector<int64_t> values;
  for (size_t e = 0; e < list.size(); ++e) {
    const json &v = list[e];
    std::string place = where + " element " + std::to_string(e);
    if (v.is_string()) {
      expandShorthand(v.get<std::string>(), values, kNeuronsPerCore, place);
    } else {
      if (values.size() == size_t(kNeuronsPerCore))
        fail(place + ": expands past " + std::to_string(kNeuronsPerCore) +
             " elements");
      values.push_back(bounded(v, std::numeric_limits<int32_t>::min(),
                               std::numeric_limits<int32_t>::max(), place));
    }
  }
  if (values.size() != size_t(kNeuronsPerCore))
    fail(where + " expands to " + std::to_string(values.size()) +
         " elements, expected " + std::to_string(kNeuronsPerCore));
  std::array<int64_t, kNeuronsPerCore> out;
  std::copy(values.begin(), values.end(), out.begin());
  return out;
}

//===----------------------------------------------------------------------===//
// Crossbars and neuron types
//===----------------------------------------------------------------------===//

struct Crossbar {
  std::array<Bits, kAxonsPerCore> rows{};
  std::array<int64_t, kAxonsPerCore> types{};
};

/// 64 hex digits, spaces ignored; the first digit's high bit is column 0.
Bits hexRow(const std::string &text, const std::string &what) {
  Bits bits{};
  int digits = 0;
  for (char c : text) {
    if (c == ' ')
      continue;
    int value = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
    if (value < 0) {
      char shown[8];
      std::snprintf(shown, sizeof shown, "\\x%02X", unsigned(uint8_t(c)));
      fail(what + ": 'synapses' holds '" +
           (c >= 0x20 && c < 0x7F ? std::string(1, c) : std::string(shown)) +
           "', not a hex digit");
    }
    for (int b = 0; b < 4; ++b)
      if (digits < kNeuronsPerCore / 4 && (value >> (3 - b)) & 1)
        setBit(bits, digits * 4 + b);
    ++digits;
  }
  if (digits != kNeuronsPerCore / 4)
    fail(what + ": 'synapses' has " + std::to_string(digits) +
         " hex digits, expected " + std::to_string(kNeuronsPerCore / 4));
  return bits;
}

Crossbar readCrossbar(const json &entry, const std::string &what) {
  const json &rows = member(member(entry, "crossbar", what), "rows", what);
  if (!rows.is_array() || rows.size() != size_t(kAxonsPerCore))
    fail(what + ": crossbar.rows has " +
         (rows.is_array() ? std::to_string(rows.size()) + " rows"
                          : std::string("no rows (not an array)")) +
         ", expected " + std::to_string(kAxonsPerCore));
  Crossbar xb;
  for (int i = 0; i < kAxonsPerCore; ++i) {
    std::string row = what + " row " + std::to_string(i);
    std::string type = stringField(rows[i], "type", row);
    if (type.size() != 2 || type[0] != 'S' || type[1] < '0' ||
        type[1] >= '0' + kAxonTypes)
      fail(row + ": axon type \"" + type + "\" is not one of S0..S" +
           std::to_string(kAxonTypes - 1));
    xb.types[i] = type[1] - '0';
    xb.rows[i] = hexRow(stringField(rows[i], "synapses", row), row);
  }
  return xb;
}

/// N%08X: 'N' and 8 hex digits; false for anything else.
bool typeId(const std::string &name, int64_t &id) {
  if (name.size() != 9 || name[0] != 'N' ||
      name.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos)
    return false;
  id = int64_t(std::stoull(name.substr(1), nullptr, 16));
  return true;
}

std::string typeName(int64_t id) {
  char name[24];
  std::snprintf(name, sizeof name, "N%08llX", (unsigned long long)id);
  return name;
}

NeuronType readNeuronType(const json &e, const std::string &what) {
  NeuronType t;
  if (e.contains("class") && stringField(e, "class", what) != "NeuronGeneral")
    fail(what + ": class is \"" + e["class"].get<std::string>() +
         "\", expected \"NeuronGeneral\"");
  for (int k = 0; k < kAxonTypes; ++k) {
    std::string n = std::to_string(k);
    t.weights[k] = signField(e, "sigma" + n, what) *
                   boundedField(e, "s" + n, 0, kMaxMagnitude, what);
    t.stochasticWeight[k] = flagField(e, "b" + n, what);
  }
  t.sigmaLambda = signField(e, "sigma_lambda", what);
  t.lambda = boundedField(e, "lambda", 0, kMaxMagnitude, what);
  t.stochasticLeak = flagField(e, "c_lambda", what);
  t.leakReversal = flagField(e, "epsilon", what);
  t.alpha = boundedField(e, "alpha", 0, kMaxThreshold, what);
  t.beta = boundedField(e, "beta", 0, kMaxNegativeThreshold, what);
  t.maskBits = boundedField(e, "TM", 0, kMaxThresholdMaskBits, what);
  t.gamma = boundedField(e, "gamma", kResetNormal, kResetNone, what);
  t.kappa = flagField(e, "kappa", what);
  int64_t sigmaVR = signField(e, "sigma_VR", what);
  t.reset =
      resetValue(sigmaVR, boundedField(e, "VR", 0, kMaxResetExponent, what));
  t.initial = boundedField(e, "V", kMinMembrane, kMaxMembrane, what);
  return t;
}

//===----------------------------------------------------------------------===//
// The tables
//===----------------------------------------------------------------------===//

/// An input's or output's `shape` (positive dimensions) into `shape`, and
/// its `key`: a list of one `item` per element.
const json &perElement(const json &entry, const std::string &key,
                       const std::string &item, const std::string &what,
                       std::vector<int64_t> &shape) {
  const json &dims = member(entry, "shape", what);
  if (!dims.is_array() || dims.empty())
    fail(what + ": shape must be a non-empty array");
  size_t elements = 1;
  for (size_t d = 0; d < dims.size(); ++d) {
    shape.push_back(bounded(dims[d], 1, std::numeric_limits<int32_t>::max(),
                            what + ": shape[" + std::to_string(d) + "]"));
    elements *= size_t(shape.back());
    if (elements > size_t(std::numeric_limits<int32_t>::max()))
      fail(what + ": shape has more than 2^31 elements");
  }
  const json &list = member(entry, key, what);
  if (!list.is_array() || list.size() != elements)
    fail(what + ": " + key + " must hold one " + item + " per element (" +
         std::to_string(elements) + ")");
  return list;
}

/// A [core, x] pair with x in 0..255.
std::pair<int64_t, int64_t> corePair(const json &v, int64_t cores,
                                     const char *second,
                                     const std::string &what) {
  if (!v.is_array() || v.size() != 2)
    fail(what + " must be [core, " + second + "]");
  return {bounded(v[0], 0, cores - 1, what + ": core"),
          bounded(v[1], 0, kAxonsPerCore - 1, what + ": " + second)};
}

/// A list of one entry per network input or output, `index` in order.
const json &indexedList(const json &doc, const std::string &key) {
  static const json empty = json::array();
  if (!doc.contains(key))
    return empty;
  const json &list = doc[key];
  if (!list.is_array())
    fail("'" + key + "' must be an array");
  for (size_t k = 0; k < list.size(); ++k)
    bounded(member(list[k], "index", key + "[" + std::to_string(k) + "]"),
            int64_t(k), int64_t(k), key + "[" + std::to_string(k) + "]: index");
  return list;
}

/// Calls fn(entry, name, what) for each entry of the array doc[key], an
/// object with a "name"; `what` is `key[i] "name"`.
template <typename Fn>
void forEachNamed(const json &doc, const std::string &key, Fn &&fn) {
  const json &list = member(doc, key, "artifact");
  if (!list.is_array())
    fail("'" + key + "' must be an array");
  for (size_t i = 0; i < list.size(); ++i) {
    std::string what = key + "[" + std::to_string(i) + "]";
    std::string name = stringField(list[i], "name", what);
    fn(list[i], name, what + " \"" + name + "\"");
  }
}

Tables readTablesFrom(const json &doc) {
  if (!doc.is_object())
    fail("the file must hold a JSON object");
  if (!doc.contains("format") || doc["format"] != kArtifactFormat)
    fail(std::string("not a TrueNorth artifact (\"format\" is not \"") +
         kArtifactFormat + "\")");
  int64_t version = integer(member(doc, "version", "artifact"), "version");
  if (version != kArtifactVersion)
    fail("artifact version " + std::to_string(version) +
         " is not the version this runtime reads (" +
         std::to_string(kArtifactVersion) + ")");
  Tables tables;
  if (doc.contains("model_name"))
    tables.name = stringField(doc, "model_name", "artifact");
  if (doc.contains("dt_ms")) {
    if (!doc["dt_ms"].is_number() || !(doc["dt_ms"].get<double>() > 0))
      fail("'dt_ms' must be a positive number");
    tables.dtMs = doc["dt_ms"].get<double>();
  }

  const json &model = member(doc, "model", "artifact");
  expect(model, "neuronclass", "NeuronGeneral", "model");
  expect(model, "crossbarSize", kAxonsPerCore, "model");
  expect(model, "crossbarclass", "CrossbarBinary", "model");
  const json &coreList = member(doc, "core", "artifact");
  if (!coreList.is_array())
    fail("'core' must be an array of cores");
  int64_t coreCount = boundedField(
      model, "coreCount", 1,
      std::numeric_limits<int32_t>::max() / kAxonsPerCore, "model");
  if (size_t(coreCount) != coreList.size())
    fail("model: coreCount is " + std::to_string(coreCount) +
         " but 'core' holds " + std::to_string(coreList.size()) + " cores");

  std::map<std::string, Crossbar> crossbars;
  forEachNamed(
      doc, "crossbarTypes",
      [&](const json &entry, const std::string &name, const std::string &what) {
        if (crossbars.count(name))
          fail(what + ": the name is used twice");
        crossbars[name] = readCrossbar(entry, what);
      });

  std::map<int64_t, size_t> typeIndex;
  forEachNamed(
      doc, "neuronTypes",
      [&](const json &entry, const std::string &name, const std::string &what) {
        int64_t id;
        if (!typeId(name, id))
          fail(what + ": a type's name is N and 8 hex digits (N%08X)");
        if (typeIndex.count(id))
          fail(what + ": type " + std::to_string(id) + " is defined twice");
        typeIndex[id] = tables.types.size();
        tables.types.push_back(readNeuronType(entry, what));
      });

  tables.cores.resize(size_t(coreCount));
  std::vector<bool> seen(size_t(coreCount), false);
  for (size_t c = 0; c < coreList.size(); ++c) {
    const json &entry = coreList[c];
    std::string what = "core[" + std::to_string(c) + "]";
    int64_t id = boundedField(entry, "id", 0, coreCount - 1, what);
    if (seen[size_t(id)])
      fail(what + ": id " + std::to_string(id) + " is used twice");
    seen[size_t(id)] = true;
    what = "core " + std::to_string(id);
    CoreTable &core = tables.cores[size_t(id)];
    core.id = id;
    boundedField(entry, "timeScaleExponent", 0, 0, what);
    core.rngSeed =
        uint32_t(boundedField(entry, "rngSeed", 0, UINT32_MAX, what));
    std::string xbName = stringField(member(entry, "crossbar", what), "name",
                                     what + ": crossbar");
    auto xb = crossbars.find(xbName);
    if (xb == crossbars.end())
      fail(what + ": crossbar \"" + xbName + "\" is not in crossbarTypes");
    core.rows = xb->second.rows;
    core.axonTypes = xb->second.types;

    const json &neurons = member(entry, "neurons", what);
    core.dendrites = neuronArray(neurons, "dendrites", what);
    std::array<int64_t, kNeuronsPerCore> types =
        neuronArray(neurons, "types", what);
    core.destCores = neuronArray(neurons, "destCores", what);
    core.destAxons = neuronArray(neurons, "destAxons", what);
    core.destDelays = neuronArray(neurons, "destDelays", what);
    for (int j = 0; j < kNeuronsPerCore; ++j) {
      auto place = [&](const char *key) {
        return what + ": neurons." + key + "[" + std::to_string(j) + "]";
      };
      core.types[j] = -1;
      if (types[j] == -1)
        continue;
      auto type = typeIndex.find(types[j]);
      if (type == typeIndex.end())
        fail(place("types") + ": neuron type " + std::to_string(types[j]) +
             (types[j] >= 0 ? " (" + typeName(types[j]) + ")" : "") +
             " is not defined");
      core.types[j] = int64_t(type->second);
      bounded(core.dendrites[j], 0, kNeuronsPerCore - 1, place("dendrites"));
      if (core.destCores[j] < 0)
        continue;
      if (core.destCores[j] >= coreCount)
        fail(place("destCores") + ": core " +
             std::to_string(core.destCores[j]) + " does not exist (cores are " +
             range(0, coreCount - 1) + ")");
      bounded(core.destAxons[j], 0, kAxonsPerCore - 1, place("destAxons"));
      bounded(core.destDelays[j], kMinDelay, kMaxDelay, place("destDelays"));
    }
  }

  const json &inputList = indexedList(doc, "inputs");
  for (size_t k = 0; k < inputList.size(); ++k) {
    std::string what = "inputs[" + std::to_string(k) + "]";
    InputTable input;
    const json &targets =
        perElement(inputList[k], "targets", "list", what, input.shape);
    input.targets.resize(targets.size());
    for (size_t e = 0; e < targets.size(); ++e) {
      std::string element = what + " element " + std::to_string(e);
      if (!targets[e].is_array())
        fail(element + ": targets must be a list of [core, axon]");
      for (size_t p = 0; p < targets[e].size(); ++p)
        input.targets[e].push_back(
            corePair(targets[e][p], coreCount, "axon",
                     element + " target " + std::to_string(p)));
    }
    tables.inputs.push_back(std::move(input));
  }

  const json &outputList = indexedList(doc, "outputs");
  for (size_t k = 0; k < outputList.size(); ++k) {
    std::string what = "outputs[" + std::to_string(k) + "]";
    OutputTable output;
    const json &neurons = perElement(outputList[k], "neurons", "[core, neuron]",
                                     what, output.shape);
    for (size_t e = 0; e < neurons.size(); ++e) {
      std::string element = what + " element " + std::to_string(e);
      auto [core, neuron] = corePair(neurons[e], coreCount, "neuron", element);
      if (tables.cores[size_t(core)].types[size_t(neuron)] < 0)
        fail(element + ": neuron " + std::to_string(neuron) + " of core " +
             std::to_string(core) + " is unused (types -1)");
      output.neurons.push_back({core, neuron});
    }
    tables.outputs.push_back(std::move(output));
  }
  return tables;
}

//===----------------------------------------------------------------------===//
// Records
//===----------------------------------------------------------------------===//

/// A node record's common fields.
void beginNode(ImageWriter &w, const std::string &kind, const std::string &name,
               const std::vector<int64_t> &inputs,
               const std::vector<int64_t> &delayed,
               const std::vector<int64_t> &shape) {
  w.beginRecord();
  w.addString("kind", kind);
  w.addString("name", name);
  w.addI64("inputs", inputs);
  w.addI64("delayed", delayed);
  w.addI64("shape", shape);
  w.addString("stream", "spikes");
}

void addCore(ImageWriter &w, const Tables &tables, const CoreTable &core,
             int64_t mesh) {
  beginNode(w, "truenorth.core", "core " + std::to_string(core.id), {mesh},
            {kSameStep}, {kNeuronsPerCore});
  w.addI64("core", {core.id});
  w.addI64("rng_seed", {int64_t(core.rngSeed)});
  // The row of axon i as the used neurons read it through their dendrites.
  std::vector<int64_t> reach;
  for (int i = 0; i < kAxonsPerCore; ++i) {
    Bits bits{};
    for (int j = 0; j < kNeuronsPerCore; ++j)
      if (core.types[j] >= 0 && testBit(core.rows[i], int(core.dendrites[j])))
        setBit(bits, j);
    for (uint64_t word : bits)
      reach.push_back(int64_t(word));
  }
  w.addI64("reach", reach);
  w.addI64("axon_types", {core.axonTypes.begin(), core.axonTypes.end()});
  // The core's own table of the types its neurons use.
  std::map<int64_t, int64_t> local;
  std::vector<int64_t> typeOf, params;
  for (int64_t t : core.types) {
    if (t >= 0 && !local.count(t)) {
      local[t] = int64_t(local.size());
      packType(tables.types[size_t(t)], params);
    }
    typeOf.push_back(t < 0 ? -1 : local[t]);
  }
  w.addI64("type", typeOf);
  w.addI64("type_params", params);
  // Destinations: none for unused neurons and for those leaving the chip.
  std::vector<int64_t> destCore, destAxon, destDelay;
  for (int j = 0; j < kNeuronsPerCore; ++j) {
    bool routed = core.types[j] >= 0 && core.destCores[j] >= 0;
    destCore.push_back(routed ? core.destCores[j] : -1);
    destAxon.push_back(routed ? core.destAxons[j] : 0);
    destDelay.push_back(routed ? core.destDelays[j] : kMinDelay);
  }
  w.addI64("dest_core", destCore);
  w.addI64("dest_axon", destAxon);
  w.addI64("dest_delay", destDelay);
}
} // namespace

std::vector<Record> truenorth::tableRecords(const Tables &tables) {
  int64_t inputs = int64_t(tables.inputs.size());
  int64_t cores = int64_t(tables.cores.size());
  // Node order: the inputs, the raw axon input, the mesh, the cores, the
  // outputs.
  int64_t raw = inputs, mesh = inputs + 1, firstCore = inputs + 2,
          firstOutput = firstCore + cores;
  ImageWriter w;
  w.beginRecord();
  w.addString("kind", "network");
  w.addString("name", tables.name);
  w.addF64("dt", {tables.dtMs});
  std::vector<int64_t> outputs;
  for (size_t o = 0; o < tables.outputs.size(); ++o)
    outputs.push_back(firstOutput + int64_t(o));
  w.addI64("outputs", outputs);

  for (int64_t k = 0; k < inputs; ++k)
    beginNode(w, "input", "input " + std::to_string(k), {}, {},
              tables.inputs[size_t(k)].shape);
  beginNode(w, "input", "axons", {}, {}, {cores, kAxonsPerCore});

  std::vector<int64_t> meshInputs, offsets, axons;
  for (int64_t k = 0; k <= raw; ++k)
    meshInputs.push_back(k);
  for (const InputTable &input : tables.inputs) {
    for (const auto &targets : input.targets) {
      offsets.push_back(int64_t(axons.size()));
      for (auto [core, axon] : targets)
        axons.push_back(core * kAxonsPerCore + axon);
    }
    offsets.push_back(int64_t(axons.size()));
  }
  beginNode(w, "truenorth.mesh", "mesh", meshInputs,
            std::vector<int64_t>(meshInputs.size(), kSameStep),
            {cores, kAxonsPerCore});
  w.addI64("offsets", offsets);
  w.addI64("axons", axons);

  for (const CoreTable &core : tables.cores)
    addCore(w, tables, core, mesh);

  for (size_t o = 0; o < tables.outputs.size(); ++o) {
    const OutputTable &output = tables.outputs[o];
    std::map<int64_t, int64_t> slotOf;
    for (auto [core, neuron] : output.neurons)
      slotOf[core] = 0;
    std::vector<int64_t> coreInputs;
    for (auto &[core, slot] : slotOf) {
      slot = int64_t(coreInputs.size());
      coreInputs.push_back(firstCore + core);
    }
    std::vector<int64_t> slot, neuron;
    for (auto [core, n] : output.neurons) {
      slot.push_back(slotOf[core]);
      neuron.push_back(n);
    }
    beginNode(w, "truenorth.output", "output " + std::to_string(o), coreInputs,
              std::vector<int64_t>(coreInputs.size(), kSameStep), output.shape);
    w.addI64("slot", slot);
    w.addI64("neuron", neuron);
  }
  return w.takeRecords();
}

bool truenorth::readTables(const std::string &path, Tables &tables,
                           std::string &error) {
  try {
    json doc;
    if (!parseJsonFile(path, doc, error))
      fail(error);
    tables = readTablesFrom(doc);
    return true;
  } catch (const Failure &f) {
    error = f.message.rfind("cannot open", 0) == 0 ? f.message
                                                   : path + ": " + f.message;
  }
  return false;
}

bool truenorth::loadArtifact(const std::string &path,
                             std::vector<Record> &records, std::string &error) {
  Tables tables;
  if (!readTables(path, tables, error))
    return false;
  records = tableRecords(tables);
  return true;
}
