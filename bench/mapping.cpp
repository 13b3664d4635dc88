//===- mapping.cpp - partition and place a large network, timed -----------===//
//
// snnc-bench-mapping [neurons] [fan-in] [chip]
//
// A COBA-like network (80% excitatory, random connections with the given
// mean fan-in) of 1,000,000 neurons and 100,000,000 synapses by default,
// through snn-partition's and snn-place's algorithms for a chip. Prints the
// time and peak memory of each phase, cores used against the lower bound,
// and synapses cut against a sequential fill.
//
//===----------------------------------------------------------------------===//

#include "passes/Mapping.h"
#include "passes/SynapseCost.h"
#include "targets/ChipDescription.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>

using namespace snnc;

namespace {
double peakMiB() {
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0;
}
} // namespace

int main(int argc, char **argv) {
  registerAllChips();
  int64_t neurons = argc > 1 ? std::atoll(argv[1]) : 1000000;
  double fanIn = argc > 2 ? std::atof(argv[2]) : 100.0;
  const char *chipName = argc > 3 ? argv[3] : "loihi2";
  const ChipDescription *chip = lookupChip(chipName);
  if (!chip || neurons < 10 || fanIn <= 0) {
    std::fprintf(stderr, "usage: snnc-bench-mapping [neurons] [fan-in] [chip]\n");
    return 1;
  }
  int64_t exc = neurons * 8 / 10, inh = neurons - exc;
  double p = fanIn / double(neurons), bits = bitsPerSynapse(*chip);
  mapping::Problem problem;
  problem.populations = {{"exc", exc}, {"inh", inh}};
  for (auto [s, t] : {std::pair<size_t, size_t>{0, 0}, {0, 1}, {1, 0}, {1, 1}}) {
    double n = double(problem.populations[s].neurons);
    double m = double(problem.populations[t].neurons);
    double synapses = p * n * m;
    problem.projections.push_back({s, t, synapses, synapses * bits, p * n, false});
  }
  double total = 0;
  for (const auto &proj : problem.projections)
    total += proj.synapses;
  std::printf("network: %lld neurons, %.3g synapses (mean fan-in %.0f), chip %s\n",
              (long long)neurons, total, fanIn, chip->name.str().c_str());

  auto start = std::chrono::steady_clock::now();
  mapping::Partition part;
  std::string error;
  if (!mapping::partition(problem, *chip, part, error)) {
    std::fprintf(stderr, "partition failed: %s\n", error.c_str());
    return 1;
  }
  double partSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  start = std::chrono::steady_clock::now();
  mapping::Placement placement;
  mapping::place(problem, part, *chip, placement);
  double placeSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::printf("partition: %.2f s; place: %.2f s; peak memory %.0f MiB\n",
              partSeconds, placeSeconds, peakMiB());
  std::printf("cores: %lld, lower bound %lld (%s): %.3f x; sequential fill %lld\n",
              (long long)part.numCores, (long long)part.lowerBound,
              part.bindingLimit.c_str(),
              double(part.numCores) / double(part.lowerBound),
              (long long)part.naiveCores);
  std::printf("synapses cut: %.4g, sequential fill %.4g: %.3f x\n",
              part.cutSynapses, part.naiveCutSynapses,
              part.naiveCutSynapses > 0 ? part.cutSynapses / part.naiveCutSynapses : 0.0);
  std::printf("hop-weighted synapses: %.4g, cores in order %.4g: %.3f x\n",
              placement.hopTraffic, placement.naiveHopTraffic,
              placement.naiveHopTraffic > 0
                  ? placement.hopTraffic / placement.naiveHopTraffic
                  : 0.0);
  return 0;
}
