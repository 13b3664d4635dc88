//===- Inputs.cpp - input sources of snn-run ------------------------------===//

#include "Inputs.h"

#include "snnrt/Npy.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

using namespace snnrun;
using snnrt::Network;
using snnrt::Stream;

Source::~Source() = default;

namespace {
bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Per-step events (element, value), from an array or an event list.
class EventSource : public Source {
public:
  EventSource(size_t input, bool spiking) : input(input), spiking(spiking) {}
  std::map<uint64_t, std::vector<std::pair<uint32_t, double>>> events;
  std::vector<std::vector<double>> dense; // steps x elements, or empty

  bool feed(Network &net, uint64_t t, std::string &error) override {
    if (!dense.empty())
      return feedDense(net, input, dense[t].data(), error);
    size_t size = net.inputInfo(input).size;
    if (spiking) {
      std::vector<uint32_t> idx, payload;
      if (auto it = events.find(t); it != events.end())
        for (auto [i, v] : it->second)
          if (v != 0.0) {
            idx.push_back(i);
            payload.push_back(uint32_t(std::lround(v)));
          }
      return net.setInputSpikes(input, idx.data(), payload.data(), idx.size(),
                                error);
    }
    std::vector<double> values(size, 0.0);
    if (auto it = events.find(t); it != events.end())
      for (auto [i, v] : it->second)
        values[i] += v;
    return net.setInputValues(input, values.data(), size, error);
  }

private:
  size_t input;
  bool spiking;
};

bool addEvent(EventSource &source, const Stream &info, uint64_t steps,
              int64_t step, int64_t index, double value,
              const std::string &where, std::string &error) {
  if (step < 0 || index < 0 || size_t(index) >= info.size) {
    error = where + ": event (step " + std::to_string(step) + ", element " +
            std::to_string(index) + ") is outside the input's " +
            std::to_string(info.size) + " elements";
    return false;
  }
  if (uint64_t(step) < steps)
    source.events[uint64_t(step)].push_back({uint32_t(index), value});
  return true;
}

bool readCsv(const std::string &path, EventSource &source, const Stream &info,
             uint64_t steps, std::string &error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot open '" + path + "'";
    return false;
  }
  std::string line;
  size_t lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (line.empty() || line[0] == '#')
      continue;
    // A header row ("step,index,value") is skipped.
    if (lineNo == 1 && !std::isdigit(static_cast<unsigned char>(line[0])))
      continue;
    std::stringstream ss(line);
    std::string field;
    std::vector<std::string> fields;
    while (std::getline(ss, field, ','))
      fields.push_back(field);
    char *end = nullptr;
    if (fields.size() < 2 || fields.size() > 3) {
      error = path + ":" + std::to_string(lineNo) +
              ": expected 'step,index[,value]'";
      return false;
    }
    int64_t step = std::strtoll(fields[0].c_str(), &end, 10);
    bool ok = end && *end == '\0';
    int64_t index = std::strtoll(fields[1].c_str(), &end, 10);
    ok = ok && end && *end == '\0';
    double value = 1.0;
    if (fields.size() == 3) {
      value = std::strtod(fields[2].c_str(), &end);
      ok = ok && end && *end == '\0';
    }
    if (!ok) {
      error = path + ":" + std::to_string(lineNo) + ": not a number in '" +
              line + "'";
      return false;
    }
    if (!addEvent(source, info, steps, step, index, value,
                  path + ":" + std::to_string(lineNo), error))
      return false;
  }
  return true;
}

bool readJson(const std::string &path, EventSource &source, const Stream &info,
              uint64_t steps, std::string &error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot open '" + path + "'";
    return false;
  }
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded()) {
    error = path + ": not valid JSON";
    return false;
  }
  const nlohmann::json *list = &doc;
  if (doc.is_object()) {
    auto it = doc.find("events");
    if (it == doc.end()) {
      error = path + ": expected an 'events' list";
      return false;
    }
    list = &*it;
  }
  if (!list->is_array()) {
    error = path + ": 'events' must be a list of [step, index(, value)]";
    return false;
  }
  for (size_t k = 0; k < list->size(); ++k) {
    const nlohmann::json &e = (*list)[k];
    bool ok = e.is_array() && (e.size() == 2 || e.size() == 3) &&
              e[0].is_number_integer() && e[1].is_number_integer() &&
              (e.size() == 2 || e[2].is_number());
    if (!ok) {
      error = path + ": event " + std::to_string(k) +
              " is not [step, index(, value)]";
      return false;
    }
    double value = e.size() == 3 ? e[2].get<double>() : 1.0;
    if (!addEvent(source, info, steps, e[0].get<int64_t>(),
                  e[1].get<int64_t>(), value,
                  path + ": event " + std::to_string(k), error))
      return false;
  }
  return true;
}

/// TrueNorth's input spike lines, {"spike":{"srcTime":t,"destCore":c,
/// "destAxon":a}}: element c * axons + a of a [cores, axons] input.
bool readSfti(const std::string &path, EventSource &source, const Stream &info,
              size_t input, uint64_t steps, std::string &error) {
  if (info.shape.size() != 2) {
    std::string shape;
    for (int64_t d : info.shape)
      shape += (shape.empty() ? "" : ", ") + std::to_string(d);
    error = path + ": an .sfti file feeds a [cores, axons] input (a "
                   "TrueNorth artifact's last input); input " +
            std::to_string(input) + " has shape [" + shape + "]";
    return false;
  }
  std::ifstream in(path);
  if (!in) {
    error = "cannot open '" + path + "'";
    return false;
  }
  std::string line;
  for (size_t lineNo = 1; std::getline(in, line); ++lineNo) {
    if (line.find_first_not_of(" \t\r") == std::string::npos)
      continue;
    std::string where = path + ":" + std::to_string(lineNo);
    nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
    const nlohmann::json *spike =
        doc.is_object() && doc.contains("spike") && doc["spike"].is_object()
            ? &doc["spike"]
            : nullptr;
    int64_t field[3] = {};
    const char *keys[3] = {"srcTime", "destCore", "destAxon"};
    for (int k = 0; k < 3 && spike; ++k) {
      auto it = spike->find(keys[k]);
      if (it == spike->end() || !it->is_number_integer() ||
          it->get<int64_t>() < 0)
        spike = nullptr;
      else
        field[k] = it->get<int64_t>();
    }
    if (!spike) {
      error = where + ": expected {\"spike\":{\"srcTime\":T,\"destCore\":C,"
                      "\"destAxon\":A}} with integers >= 0";
      return false;
    }
    if (field[1] >= info.shape[0] || field[2] >= info.shape[1]) {
      error = where + ": axon " + std::to_string(field[2]) + " of core " +
              std::to_string(field[1]) + " is outside input " +
              std::to_string(input) + "'s " + std::to_string(info.shape[0]) +
              " cores of " + std::to_string(info.shape[1]) + " axons";
      return false;
    }
    if (!addEvent(source, info, steps, field[0],
                  field[1] * info.shape[1] + field[2], 1.0, where, error))
      return false;
  }
  return true;
}

/// Independent Bernoulli draws per element and step at `rate` Hz.
class PoissonSource : public Source {
public:
  PoissonSource(size_t input, double probability, uint64_t seed)
      : input(input), probability(probability), seed(seed) {}
  bool feed(Network &net, uint64_t t, std::string &error) override {
    size_t size = net.inputInfo(input).size;
    std::vector<uint32_t> idx;
    for (size_t i = 0; i < size; ++i) {
      uint64_t h = seed * 0x9E3779B97F4A7C15ull ^ (t * 0xBF58476D1CE4E5B9ull) ^
                   (i * 0x94D049BB133111EBull);
      h ^= h >> 31;
      h *= 0xD6E8FEB86659FD93ull;
      h ^= h >> 32;
      if (double(h >> 11) * (1.0 / 9007199254740992.0) < probability)
        idx.push_back(uint32_t(i));
    }
    return net.setInputSpikes(input, idx.data(), nullptr, idx.size(), error);
  }

private:
  size_t input;
  double probability;
  uint64_t seed;
};

/// A current that is constant or changes at given steps.
class CurrentSource : public Source {
public:
  CurrentSource(size_t input, std::vector<std::pair<uint64_t, double>> changes)
      : input(input), changes(std::move(changes)) {}
  bool feed(Network &net, uint64_t t, std::string &error) override {
    double value = 0.0;
    for (auto [step, v] : changes)
      if (step <= t)
        value = v;
    std::vector<double> values(net.inputInfo(input).size, value);
    return net.setInputValues(input, values.data(), values.size(), error);
  }

private:
  size_t input;
  std::vector<std::pair<uint64_t, double>> changes;
};
} // namespace

std::unique_ptr<Source> snnrun::makeFileSource(size_t input,
                                               const std::string &path,
                                               const Stream &info,
                                               uint64_t steps,
                                               std::string &error) {
  auto source = std::make_unique<EventSource>(input, info.spiking);
  if (endsWith(path, ".npy")) {
    snnrt::NpyArray array;
    if (!snnrt::readNpy(path, array, error))
      return nullptr;
    size_t perStep = 1;
    for (size_t d = 1; d < array.shape.size(); ++d)
      perStep *= size_t(array.shape[d]);
    if (array.shape.size() < 2 || perStep != info.size) {
      std::string shape;
      for (int64_t d : array.shape)
        shape += (shape.empty() ? "" : "x") + std::to_string(d);
      error = path + ": input " + std::to_string(input) +
              " needs an array of steps x " + std::to_string(info.size) +
              " elements, got shape " + (shape.empty() ? "()" : shape);
      return nullptr;
    }
    if (uint64_t(array.shape[0]) < steps) {
      error = path + ": holds " + std::to_string(array.shape[0]) +
              " steps, the run needs " + std::to_string(steps);
      return nullptr;
    }
    source->dense.resize(steps);
    for (uint64_t t = 0; t < steps; ++t)
      source->dense[t].assign(array.data.begin() + t * perStep,
                              array.data.begin() + (t + 1) * perStep);
    return source;
  }
  bool ok = endsWith(path, ".csv") ? readCsv(path, *source, info, steps, error)
            : endsWith(path, ".json")
                ? readJson(path, *source, info, steps, error)
            : endsWith(path, ".sfti")
                ? readSfti(path, *source, info, input, steps, error)
                : (error = path + ": input files are .npy, .csv, .json or "
                                  ".sfti",
                   false);
  if (!ok)
    return nullptr;
  return source;
}

std::unique_ptr<Source> snnrun::makePoissonSource(size_t input,
                                                  const std::string &spec,
                                                  const Stream &info,
                                                  double dtMs, uint64_t seed,
                                                  std::string &error) {
  if (!info.spiking) {
    error = "--poisson: input " + std::to_string(input) +
            " takes currents, not spikes";
    return nullptr;
  }
  char *end = nullptr;
  double rate = std::strtod(spec.c_str(), &end);
  if (end && *end == ',')
    seed = std::strtoull(end + 1, &end, 10);
  if (!end || *end != '\0' || !(rate >= 0)) {
    error = "--poisson: expected K=RATE_HZ[,SEED], got '" + spec + "'";
    return nullptr;
  }
  double p = rate * dtMs / 1000.0;
  if (p > 1.0) {
    error = "--poisson: a rate of " + spec + " Hz exceeds one spike per " +
            std::to_string(dtMs) + " ms step";
    return nullptr;
  }
  return std::make_unique<PoissonSource>(input, p, seed);
}

std::unique_ptr<Source> snnrun::makeCurrentSource(size_t input,
                                                  const std::string &spec,
                                                  const Stream &info,
                                                  std::string &error) {
  if (info.spiking) {
    error = "--current: input " + std::to_string(input) +
            " takes spikes, not currents";
    return nullptr;
  }
  std::vector<std::pair<uint64_t, double>> changes;
  std::stringstream ss(spec);
  std::string part;
  while (std::getline(ss, part, ',')) {
    char *end = nullptr;
    double value = std::strtod(part.c_str(), &end);
    uint64_t step = 0;
    if (end && *end == '@')
      step = std::strtoull(end + 1, &end, 10);
    if (!end || *end != '\0' || part.empty()) {
      error = "--current: expected K=VALUE or K=VALUE@STEP,VALUE@STEP..., "
              "got '" + spec + "'";
      return nullptr;
    }
    changes.push_back({step, value});
  }
  std::sort(changes.begin(), changes.end());
  return std::make_unique<CurrentSource>(input, changes);
}

bool snnrun::makeSources(const std::vector<InputSpec> &specs,
                         const Network &net, uint64_t steps, uint64_t seed,
                         const std::vector<size_t> &given,
                         std::vector<std::unique_ptr<Source>> &sources,
                         std::string &error) {
  sources.clear();
  sources.resize(net.numInputs());
  for (const InputSpec &spec : specs) {
    if (spec.index >= net.numInputs()) {
      error = spec.flag + ": the network has " +
              std::to_string(net.numInputs()) + " input(s), no input " +
              std::to_string(spec.index);
      return false;
    }
    if (sources[spec.index] ||
        std::find(given.begin(), given.end(), spec.index) != given.end()) {
      error =
          "input " + std::to_string(spec.index) + " is given more than once";
      return false;
    }
    const Stream &info = net.inputInfo(spec.index);
    std::unique_ptr<Source> &source = sources[spec.index];
    if (spec.flag == "--input")
      source = makeFileSource(spec.index, spec.value, info, steps, error);
    else if (spec.flag == "--poisson")
      source = makePoissonSource(spec.index, spec.value, info, net.dtMs(), seed,
                                 error);
    else
      source = makeCurrentSource(spec.index, spec.value, info, error);
    if (!source)
      return false;
  }
  return true;
}

bool snnrun::feedDense(Network &net, size_t input, const double *row,
                       std::string &error) {
  const Stream &info = net.inputInfo(input);
  if (!info.spiking)
    return net.setInputValues(input, row, info.size, error);
  std::vector<uint32_t> idx, payload;
  for (size_t i = 0; i < info.size; ++i)
    if (row[i] != 0.0) {
      idx.push_back(uint32_t(i));
      payload.push_back(uint32_t(std::lround(row[i])));
    }
  return net.setInputSpikes(input, idx.data(), payload.data(), idx.size(),
                            error);
}
