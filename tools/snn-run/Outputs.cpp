//===- Outputs.cpp - what snn-run records and writes ----------------------===//

#include "Outputs.h"

#include "snnrt/Npy.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <unistd.h>

using namespace snnrun;
using snnrt::Network;
using Json = nlohmann::ordered_json;

Recorder::Recorder(const Network &net, bool keepEvents, bool keepProbes)
    : keepEvents(keepEvents), keepProbes(keepProbes) {
  for (size_t o = 0; o < net.numOutputs(); ++o)
    counts.emplace_back(net.output(o).size, 0);
  probeTraces.resize(net.probes().size());
}

void Recorder::record(const Network &net, uint64_t step) {
  for (size_t o = 0; o < net.numOutputs(); ++o) {
    const snnrt::Stream &s = net.output(o);
    if (!s.spiking)
      continue;
    for (size_t k = 0; k < s.active.size(); ++k) {
      // A signed payload (TernaryLIF's -1/+1) counts as one spike; an
      // unsigned one (a graded spike count) as its value.
      int64_t payload = s.payload.empty()    ? 1
                        : s.signedPayload ? int64_t(int32_t(s.payload[k]))
                                          : int64_t(s.payload[k]);
      counts[o][s.active[k]] += s.signedPayload ? 1 : uint64_t(payload);
      if (keepEvents)
        events.push_back({step, uint32_t(o), s.active[k], payload});
    }
  }
  if (keepProbes)
    for (size_t p = 0; p < net.probes().size(); ++p) {
      net.readProbe(p, scratch);
      probeTraces[p].insert(probeTraces[p].end(), scratch.begin(),
                            scratch.end());
    }
  steps = step + 1;
}

namespace {
std::string extension(const std::string &path) {
  size_t dot = path.rfind('.');
  return dot == std::string::npos ? std::string() : path.substr(dot);
}

bool badExtension(const std::string &what, const std::string &path,
                  std::string &error) {
  error = what + " '" + path + "': use .csv, .json or .npy";
  return false;
}

std::vector<int64_t> stepsBy(uint64_t steps, size_t size) {
  return {int64_t(steps), int64_t(size)};
}
} // namespace

bool snnrun::writeAtomically(const std::string &path, const std::string &bytes,
                             std::string &error) {
  std::string tmp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) {
      error = "cannot write '" + path + "'";
      return false;
    }
    out.write(bytes.data(), std::streamsize(bytes.size()));
    if (!out) {
      std::remove(tmp.c_str());
      error = "cannot write '" + path + "'";
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    error = "cannot write '" + path + "'";
    return false;
  }
  return true;
}

bool snnrun::writeSpikes(const std::string &path, const Network &net,
                         const Recorder &rec, std::string &error) {
  std::string ext = extension(path);
  if (ext == ".csv") {
    std::string text = "step,output,index,payload\n";
    for (const SpikeEvent &e : rec.events)
      text += std::to_string(e.step) + "," + std::to_string(e.output) + "," +
              std::to_string(e.index) + "," + std::to_string(e.payload) + "\n";
    return writeAtomically(path, text, error);
  }
  if (ext == ".json") {
    Json doc;
    doc["dt_ms"] = net.dtMs();
    doc["steps"] = rec.steps;
    Json outputs = Json::array();
    for (size_t o = 0; o < net.numOutputs(); ++o) {
      Json events = Json::array();
      for (const SpikeEvent &e : rec.events)
        if (e.output == o)
          events.push_back(e.payload == 1 ? Json{e.step, e.index}
                                          : Json{e.step, e.index, e.payload});
      outputs.push_back({{"size", net.output(o).size}, {"events", events}});
    }
    doc["outputs"] = outputs;
    return writeAtomically(path, doc.dump() + "\n", error);
  }
  if (ext == ".npy") {
    if (net.numOutputs() != 1) {
      error = "'" + path + "': a dense .npy holds one output; the network has " +
              std::to_string(net.numOutputs()) + " (use .csv or .json)";
      return false;
    }
    size_t size = net.output(0).size;
    std::vector<double> dense(rec.steps * size, 0.0);
    for (const SpikeEvent &e : rec.events)
      dense[e.step * size + e.index] = e.payload;
    return writeAtomically(
        path, snnrt::encodeNpy(stepsBy(rec.steps, size), dense, snnrt::NpyType::f32),
        error);
  }
  return badExtension("--spikes", path, error);
}

bool snnrun::writeCounts(const std::string &path, const Network &net,
                         const Recorder &rec, std::string &error) {
  std::string ext = extension(path);
  if (ext == ".csv") {
    std::string text = "output,index,count\n";
    for (size_t o = 0; o < rec.counts.size(); ++o)
      for (size_t i = 0; i < rec.counts[o].size(); ++i)
        text += std::to_string(o) + "," + std::to_string(i) + "," +
                std::to_string(rec.counts[o][i]) + "\n";
    return writeAtomically(path, text, error);
  }
  if (ext == ".json") {
    Json doc;
    doc["steps"] = rec.steps;
    doc["counts"] = rec.counts;
    return writeAtomically(path, doc.dump() + "\n", error);
  }
  if (ext == ".npy") {
    if (rec.counts.size() != 1) {
      error = "'" + path + "': a .npy holds one output; the network has " +
              std::to_string(rec.counts.size()) + " (use .csv or .json)";
      return false;
    }
    std::vector<double> data(rec.counts[0].begin(), rec.counts[0].end());
    return writeAtomically(
        path,
        snnrt::encodeNpy({int64_t(data.size())}, data, snnrt::NpyType::i64),
        error);
  }
  return badExtension("--counts", path, error);
}

bool snnrun::writeProbes(const std::string &path, const Network &net,
                         const Recorder &rec, std::string &error) {
  std::string ext = extension(path);
  const auto &probes = net.probes();
  if (ext == ".csv") {
    std::string text = "step,probe,index,value\n";
    char buffer[64];
    for (size_t p = 0; p < probes.size(); ++p)
      for (uint64_t t = 0; t < rec.steps; ++t)
        for (size_t i = 0; i < probes[p].size; ++i) {
          std::snprintf(buffer, sizeof buffer, "%.17g",
                        rec.probeTraces[p][t * probes[p].size + i]);
          text += std::to_string(t) + "," + probes[p].name + "," +
                  std::to_string(i) + "," + buffer + "\n";
        }
    return writeAtomically(path, text, error);
  }
  if (ext == ".json") {
    Json doc;
    doc["dt_ms"] = net.dtMs();
    doc["steps"] = rec.steps;
    Json all = Json::object();
    for (size_t p = 0; p < probes.size(); ++p)
      all[probes[p].name] = {{"state", probes[p].state},
                             {"shape", {rec.steps, probes[p].size}},
                             {"data", rec.probeTraces[p]}};
    doc["probes"] = all;
    return writeAtomically(path, doc.dump() + "\n", error);
  }
  if (ext == ".npy") {
    if (probes.size() != 1) {
      error = "'" + path + "': a .npy holds one probe; the network has " +
              std::to_string(probes.size()) + " (use .csv or .json)";
      return false;
    }
    return writeAtomically(path,
                           snnrt::encodeNpy(stepsBy(rec.steps, probes[0].size),
                                            rec.probeTraces[0],
                                            snnrt::NpyType::f64),
                           error);
  }
  return badExtension("--probes", path, error);
}

bool snnrun::writeActivity(const std::string &path, const Network &net,
                           const Recorder &rec, std::string &error) {
  std::string ext = extension(path);
  double seconds = double(rec.steps) * net.dtMs() / 1000.0;
  auto info = net.nodeInfo();
  if (ext == ".json") {
    Json doc;
    doc["network"] = net.name();
    doc["steps"] = rec.steps;
    doc["dt_ms"] = net.dtMs();
    Json nodes = Json::array();
    for (const auto &n : info) {
      Json entry = {{"name", n.name},
                    {"kind", n.kind},
                    {"size", n.size},
                    {"spikes", n.activity.spikes},
                    {"synaptic_events", n.activity.synapticEvents},
                    {"neuron_updates", n.activity.neuronUpdates}};
      if (n.population && n.spiking && seconds > 0)
        entry["mean_rate_hz"] =
            double(n.activity.spikes) / double(n.size) / seconds;
      nodes.push_back(entry);
    }
    doc["nodes"] = nodes;
    doc["synapse_bytes"] = net.synapseBytes();
    doc["stored_synapses"] = net.storedSynapses();
    return writeAtomically(path, doc.dump(2) + "\n", error);
  }
  if (ext == ".csv") {
    std::string text = "name,kind,size,spikes,synaptic_events,neuron_updates\n";
    for (const auto &n : info)
      text += n.name + "," + n.kind + "," + std::to_string(n.size) + "," +
              std::to_string(n.activity.spikes) + "," +
              std::to_string(n.activity.synapticEvents) + "," +
              std::to_string(n.activity.neuronUpdates) + "\n";
    return writeAtomically(path, text, error);
  }
  error = "--activity '" + path + "': use .csv or .json";
  return false;
}

bool SftiRecorder::open(const std::string &model, std::string &error) {
  if (snnrt::truenorth::readTables(model, tables, error))
    return true;
  error = "--write-sfti needs a TrueNorth artifact: " + error;
  return false;
}

void SftiRecorder::record(const Network &net, uint64_t step) {
  const int64_t axons = snnrt::truenorth::kAxonsPerCore;
  std::vector<std::pair<int64_t, int64_t>> spikes;
  for (size_t k = 0; k < net.numInputs(); ++k)
    for (uint32_t e : net.inputInfo(k).active) {
      if (k < tables.inputs.size())
        for (auto target : tables.inputs[k].targets[e])
          spikes.push_back(target);
      else
        spikes.push_back({e / axons, e % axons});
    }
  // An axon is active once per tick, however many spikes it gets.
  std::sort(spikes.begin(), spikes.end());
  spikes.erase(std::unique(spikes.begin(), spikes.end()), spikes.end());
  for (auto [core, axon] : spikes)
    lines += "{\"spike\":{\"srcTime\":" + std::to_string(step) +
             ",\"destCore\":" + std::to_string(core) +
             ",\"destAxon\":" + std::to_string(axon) + "}}\n";
}

bool SftiRecorder::write(const std::string &path, std::string &error) const {
  return writeAtomically(path, lines, error);
}
