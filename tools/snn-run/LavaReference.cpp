//===- LavaReference.cpp - replaying a Lava reference run -----------------===//
//
// Builds the network a reference file describes on the Loihi 2 process
// models, feeds the RingBuffer's columns, and compares every recorded u, v
// and spike of every step with Lava's, and the weights Lava used with the
// emulator's weight preparation.
//
//===----------------------------------------------------------------------===//

#include "LavaReference.h"

#include "snnrt/Loihi2.h"
#include "snnrt/Loihi2Model.h"
#include "snnrt/Network.h"

#include <cstdio>

namespace {
struct Mismatch {
  std::string process, variable;
  int64_t step;
  size_t neuron;
  int64_t expected, got;
};
} // namespace

int snnrun::replayLavaReference(const std::string &path, size_t show) {
  namespace lo = snnrt::loihi2;
  lo::Reference ref;
  std::string error;
  if (!lo::loadReference(path, ref, error)) {
    std::fprintf(stderr, "snn-run: error: %s\n", error.c_str());
    return 1;
  }
  auto net = snnrt::Network::load(ref.records, error);
  if (!net) {
    std::fprintf(stderr, "snn-run: error: %s: %s\n", path.c_str(),
                 error.c_str());
    return 1;
  }
  uint64_t count = 0;
  std::vector<Mismatch> first;
  auto note = [&](Mismatch m) {
    ++count;
    if (first.size() < show)
      first.push_back(std::move(m));
  };

  // Lava's weight preparation against the weights Lava reported using.
  for (const auto &w : ref.weights) {
    if (w.effective.empty())
      continue;
    for (size_t i = 0; i < w.raw.size() && i < w.effective.size(); ++i) {
      int64_t got = lo::prepareWeight(w.raw[i], w.numWeightBits,
                                      lo::SignMode(w.signMode));
      if (got != w.effective[i])
        note({w.connection, "weights", 0, i, w.effective[i], got});
    }
  }

  const std::vector<std::string> &outputs = ref.outputs;
  size_t columns = ref.inputData.empty() ? 1 : ref.inputData[0].size();
  std::vector<double> values;
  for (int64_t t = 1; t <= ref.steps; ++t) {
    std::vector<uint32_t> active, payload;
    size_t col = size_t((t - 1) % int64_t(columns));
    for (size_t i = 0; i < ref.inputData.size(); ++i)
      if (ref.inputData[i][col] != 0) {
        active.push_back(uint32_t(i));
        payload.push_back(uint32_t(ref.inputData[i][col]));
      }
    bool graded = net->inputInfo(0).payloadBits > 0;
    if (!net->setInputSpikes(0, active.data(),
                             graded ? payload.data() : nullptr, active.size(),
                             error)) {
      std::fprintf(stderr, "snn-run: error: step %lld: %s\n", (long long)t,
                   error.c_str());
      return 1;
    }
    net->step();
    for (const auto &trace : ref.traces) {
      const std::vector<int64_t> &expected = trace.values[size_t(t - 1)];
      std::vector<int64_t> got;
      if (trace.variable == "s_out") {
        size_t o = 0;
        while (outputs[o] != trace.process)
          ++o;
        const snnrt::Stream &s = net->output(o);
        got.assign(s.size, 0);
        for (size_t k = 0; k < s.active.size(); ++k)
          got[s.active[k]] =
              s.payload.empty() ? 1 : int64_t(int32_t(s.payload[k]));
      } else {
        size_t p = 0;
        const auto &probes = net->probes();
        while (p < probes.size() &&
               probes[p].name != trace.process + "." + trace.variable)
          ++p;
        if (p == probes.size()) {
          std::fprintf(stderr,
                       "snn-run: error: %s: trace of '%s.%s', a variable the "
                       "emulator does not record (u, v, s_out; a learning "
                       "connection's weights, x1, x2, y1, y2, y3)\n",
                       path.c_str(), trace.process.c_str(),
                       trace.variable.c_str());
          return 1;
        }
        net->readProbe(p, values);
        got.assign(values.begin(), values.end());
      }
      if (got.size() != expected.size()) {
        std::fprintf(stderr,
                     "snn-run: error: %s: trace %s.%s has %zu values at step "
                     "%lld for %zu neurons\n",
                     path.c_str(), trace.process.c_str(),
                     trace.variable.c_str(), expected.size(), (long long)t,
                     got.size());
        return 1;
      }
      for (size_t i = 0; i < got.size(); ++i)
        if (got[i] != expected[i])
          note({trace.process, trace.variable, t, i, expected[i], got[i]});
    }
  }
  size_t compared = 0;
  for (const auto &trace : ref.traces)
    compared += trace.values.empty() ? 0 : trace.values[0].size();
  std::printf("%s: %lld steps, %zu traced values per step\n", path.c_str(),
              (long long)ref.steps, compared);
  std::printf("mismatches: %llu\n", (unsigned long long)count);
  for (const Mismatch &m : first)
    std::printf("  %s.%s step %lld neuron %zu: Lava %lld, emulator %lld\n",
                m.process.c_str(), m.variable.c_str(), (long long)m.step,
                m.neuron, (long long)m.expected, (long long)m.got);
  return count == 0 ? 0 : 1;
}
