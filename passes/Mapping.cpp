//===- Mapping.cpp - partitioning populations into cores, placing cores ---===//

#include "passes/Mapping.h"

#include <metis.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <queue>
#include <set>

using namespace snnc;
using namespace snnc::mapping;

namespace {
/// Distinct sources that `targets` neurons of a projection's target draw
/// from: uniform connectivity with per-neuron fan-in f over N sources
/// reaches N (1 - (1 - f / N)^T); local connectivity a proportional range.
double fanInOf(const Projection &p, double targets, double sourceSize,
               double targetSize) {
  if (targets <= 0)
    return 0;
  if (p.local)
    return std::min(sourceSize, targets * sourceSize / targetSize + p.fanIn);
  double q = std::min(1.0, p.fanIn / sourceSize);
  return sourceSize * (1.0 - std::pow(1.0 - q, targets));
}

/// The neurons of each population on one core, as runs of consecutive
/// neurons: a local projection (convolution, pooling) needs its fixed
/// border of axons once per run.
using Runs = std::map<size_t, std::vector<double>>;

/// What each core holds: the neurons, the synapse memory of their incoming
/// synapses and the distinct input axons they need.
std::vector<CoreLoad> loadsOf(const Problem &problem,
                              const std::vector<Runs> &cores) {
  std::vector<CoreLoad> loads(cores.size());
  for (size_t core = 0; core < cores.size(); ++core)
    for (const auto &[pop, runs] : cores[core]) {
      double size = double(problem.populations[pop].neurons), neurons = 0;
      for (double r : runs)
        neurons += r;
      loads[core].neurons += neurons;
      for (const Projection &p : problem.projections) {
        if (p.target != pop)
          continue;
        double source = double(problem.populations[p.source].neurons);
        loads[core].bits += p.storedBits * neurons / size;
        if (p.local) {
          double axons = 0;
          for (double r : runs)
            axons += fanInOf(p, r, source, size);
          loads[core].fanIn += std::min(source, axons);
        } else {
          loads[core].fanIn += fanInOf(p, neurons, source, size);
        }
      }
    }
  return loads;
}

struct Chunk {
  size_t pop;
  int64_t begin, end;
  int64_t size() const { return end - begin; }
};

class Mapper {
public:
  Mapper(const Problem &problem, const ChipDescription &chip)
      : problem(problem), chip(chip) {}

  bool run(Partition &result, std::string &error);

private:
  double popSize(size_t p) const {
    return double(problem.populations[p].neurons);
  }
  /// The most neurons of population p one core can hold under fan-in.
  int64_t fanInCap(size_t p) const;
  void makeChunks(int64_t lowerBound);
  /// Checks every core of an assignment; the first violation in `why`.
  bool fits(const std::vector<int64_t> &coreOf, int64_t cores,
            std::string *why) const;
  double cut(const std::vector<int64_t> &coreOf) const;
  std::vector<int64_t> sequentialFill(int64_t &cores) const;
  bool metis(int64_t parts, bool fanInConstraint,
             std::vector<int64_t> &coreOf) const;
  /// True if a core's load respects every per-core limit of the chip.
  bool withinLimits(const CoreLoad &load) const {
    return load.neurons <= double(chip.neuronsPerCore) &&
           (chip.synapseMemoryBitsPerCore == 0 ||
            load.bits <= double(chip.synapseMemoryBitsPerCore)) &&
           load.fanIn <= double(chip.fanInPerCore) * (1 + 1e-9);
  }
  /// The runs of consecutive chunks of each population on each core.
  std::vector<Runs> runsOf(const std::vector<int64_t> &coreOf,
                           int64_t cores) const;
  /// Moves chunks off cores that break a limit onto cores (of `parts`)
  /// with room, overloaded cores first; true when every core fits.
  bool repair(std::vector<int64_t> &coreOf, int64_t parts) const;
  /// The smallest METIS partition that fits, from the lower bound up.
  bool search(bool fanInConstraint, int64_t limit, int64_t &cores,
              std::vector<int64_t> &coreOf, std::string &why) const;

  const Problem &problem;
  const ChipDescription &chip;
  std::vector<Chunk> chunks;
  std::vector<std::vector<size_t>> chunksOf; ///< per population
  std::vector<size_t> firstChunk;
  int64_t lowerBound = 1;
};

int64_t Mapper::fanInCap(size_t p) const {
  auto fanIn = [&](double t) {
    double total = 0;
    for (const Projection &proj : problem.projections)
      if (proj.target == p)
        total += fanInOf(proj, t, popSize(proj.source), popSize(p));
    return total;
  };
  int64_t lo = 1, hi = std::min<int64_t>(problem.populations[p].neurons,
                                         chip.neuronsPerCore);
  if (fanIn(double(hi)) <= double(chip.fanInPerCore))
    return hi;
  while (lo < hi) { // the largest t with fanIn(t) <= limit
    int64_t mid = (lo + hi + 1) / 2;
    if (fanIn(double(mid)) <= double(chip.fanInPerCore))
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo;
}

void Mapper::makeChunks(int64_t lowerBound) {
  double total = 0;
  for (const Population &p : problem.populations)
    total += double(p.neurons);
  // About eight chunks per core leave METIS room to balance.
  int64_t size = std::max<int64_t>(
      1, std::min<int64_t>(chip.neuronsPerCore,
                           int64_t(std::ceil(total / (8.0 * lowerBound)))));
  chunks.clear();
  chunksOf.assign(problem.populations.size(), {});
  firstChunk.assign(problem.populations.size(), 0);
  for (size_t p = 0; p < problem.populations.size(); ++p) {
    int64_t n = problem.populations[p].neurons;
    // A population whose fan-in allows few neurons per core is cut into
    // chunks of exactly that many: smaller ones would only be re-packed.
    int64_t cap = fanInCap(p);
    int64_t step = cap < 2 * size ? cap : size;
    firstChunk[p] = chunks.size();
    for (int64_t b = 0; b < n; b += step) {
      chunksOf[p].push_back(chunks.size());
      chunks.push_back({p, b, std::min(n, b + step)});
    }
  }
}

bool Mapper::fits(const std::vector<int64_t> &coreOf, int64_t cores,
                  std::string *why) const {
  std::vector<CoreLoad> loads = loadsOf(problem, runsOf(coreOf, cores));
  for (int64_t core = 0; core < cores; ++core) {
    double neuronsHere = loads[core].neurons, bitsHere = loads[core].bits,
           fanIn = loads[core].fanIn;
    auto fail = [&](const std::string &what, double value, double limit) {
      if (why)
        *why = "core " + std::to_string(core) + ": " + what + " " +
               std::to_string(int64_t(std::ceil(value))) + " > " +
               std::to_string(int64_t(limit));
      return false;
    };
    if (neuronsHere > double(chip.neuronsPerCore))
      return fail("neurons", neuronsHere, double(chip.neuronsPerCore));
    if (chip.synapseMemoryBitsPerCore > 0 &&
        bitsHere > double(chip.synapseMemoryBitsPerCore))
      return fail("synapse bits", bitsHere,
                  double(chip.synapseMemoryBitsPerCore));
    if (fanIn > double(chip.fanInPerCore) * (1 + 1e-9))
      return fail("fan-in", fanIn, double(chip.fanInPerCore));
  }
  return true;
}

std::vector<Runs> Mapper::runsOf(const std::vector<int64_t> &coreOf,
                                  int64_t cores) const {
  std::vector<Runs> runs(cores);
  for (size_t c = 0; c < chunks.size(); ++c) {
    std::vector<double> &list = runs[coreOf[c]][chunks[c].pop];
    bool extends = c > 0 && chunks[c - 1].pop == chunks[c].pop &&
                   coreOf[c - 1] == coreOf[c];
    if (extends)
      list.back() += double(chunks[c].size());
    else
      list.push_back(double(chunks[c].size()));
  }
  return runs;
}

bool Mapper::repair(std::vector<int64_t> &coreOf, int64_t parts) const {
  // METIS balances the limits on average (within a tolerance) but does not
  // cap them, and it may leave parts empty: the overflow goes where there
  // is room. Bounded work: a few moves per chunk, few enough cores.
  constexpr int64_t kMaxRepairCores = 4096;
  if (parts > kMaxRepairCores)
    return false;
  std::vector<std::set<size_t>> members(parts);
  for (size_t c = 0; c < chunks.size(); ++c)
    members[coreOf[c]].insert(c);
  auto loadOf = [&](const std::set<size_t> &set) {
    Runs runs;
    size_t previous = SIZE_MAX;
    for (size_t c : set) {
      std::vector<double> &list = runs[chunks[c].pop];
      if (previous != SIZE_MAX && previous + 1 == c &&
          chunks[previous].pop == chunks[c].pop)
        list.back() += double(chunks[c].size());
      else
        list.push_back(double(chunks[c].size()));
      previous = c;
    }
    return loadsOf(problem, {runs}).front();
  };
  std::vector<CoreLoad> loads(parts);
  // Cores by neurons held (ties: the lower index), kept up to date.
  std::set<std::pair<double, int64_t>> byNeurons;
  for (int64_t k = 0; k < parts; ++k) {
    loads[k] = loadOf(members[k]);
    byNeurons.insert({loads[k].neurons, k});
  }
  auto setLoad = [&](int64_t k, const CoreLoad &l) {
    byNeurons.erase({loads[k].neurons, k});
    loads[k] = l;
    byNeurons.insert({l.neurons, k});
  };
  size_t budget = 4 * chunks.size() + 16;
  for (int64_t core = 0; core < parts && budget > 0;) {
    if (withinLimits(loads[core])) {
      ++core;
      continue;
    }
    // The last chunk of the overloaded core goes to the first core, in
    // order of neuron room, that still fits with it.
    if (members[core].empty())
      return false;
    size_t c = *members[core].rbegin();
    int64_t dest = -1;
    CoreLoad destLoad;
    for (auto [neurons, d] : byNeurons) {
      if (d == core)
        continue;
      std::set<size_t> with = members[d];
      with.insert(c);
      CoreLoad l = loadOf(with);
      if (withinLimits(l)) {
        dest = d;
        destLoad = l;
        break;
      }
    }
    if (dest < 0)
      return false;
    members[core].erase(c);
    setLoad(core, loadOf(members[core]));
    members[dest].insert(c);
    setLoad(dest, destLoad);
    coreOf[c] = dest;
    --budget;
  }
  for (int64_t k = 0; k < parts; ++k)
    if (!withinLimits(loads[k]))
      return false;
  // Number cores by first appearance again (parts may have emptied).
  std::map<int64_t, int64_t> renumber;
  for (size_t c = 0; c < chunks.size(); ++c) {
    auto [it, inserted] =
        renumber.try_emplace(coreOf[c], int64_t(renumber.size()));
    coreOf[c] = it->second;
  }
  return true;
}

double Mapper::cut(const std::vector<int64_t> &coreOf) const {
  double total = 0;
  for (const Projection &p : problem.projections) {
    double n = popSize(p.source), m = popSize(p.target);
    if (!p.local) {
      // Uniform: the pairs whose ends share a core are not cut.
      std::map<int64_t, double> src, dst;
      for (size_t c : chunksOf[p.source])
        src[coreOf[c]] += double(chunks[c].size());
      for (size_t c : chunksOf[p.target])
        dst[coreOf[c]] += double(chunks[c].size());
      double together = 0;
      for (auto [core, s] : src) {
        auto it = dst.find(core);
        if (it != dst.end())
          together += (s / n) * (it->second / m);
      }
      total += p.synapses * (1.0 - together);
      continue;
    }
    // Local: target chunk b draws from the proportional source range.
    for (size_t b : chunksOf[p.target]) {
      double lo = double(chunks[b].begin) * n / m;
      double hi = double(chunks[b].end) * n / m;
      double perTarget = p.synapses / m;
      for (size_t a : chunksOf[p.source]) {
        double overlap = std::min(hi, double(chunks[a].end)) -
                         std::max(lo, double(chunks[a].begin));
        if (overlap > 0 && coreOf[a] != coreOf[b])
          total += perTarget * double(chunks[b].size()) * overlap / (hi - lo);
      }
    }
  }
  return total;
}

std::vector<int64_t> Mapper::sequentialFill(int64_t &cores) const {
  // Chunks in program order into the current core until a limit would be
  // crossed: the layout a compiler without a partitioner produces. Each
  // population's chunks on a core are consecutive: one run.
  std::vector<int64_t> coreOf(chunks.size(), 0);
  cores = 1;
  Runs current;
  for (size_t c = 0; c < chunks.size(); ++c) {
    const Chunk &k = chunks[c];
    Runs with = current;
    std::vector<double> &run = with[k.pop];
    if (run.empty())
      run.push_back(0.0);
    run.back() += double(k.size());
    if (!withinLimits(loadsOf(problem, {with}).front()) && !current.empty()) {
      ++cores;
      with.clear();
      with[k.pop] = {double(k.size())};
    }
    current = std::move(with);
    coreOf[c] = cores - 1;
  }
  return coreOf;
}

bool Mapper::metis(int64_t parts, bool fanInConstraint,
                   std::vector<int64_t> &coreOf) const {
  coreOf.assign(chunks.size(), 0);
  if (parts <= 1 || chunks.size() <= 1)
    return true;
  if (size_t(parts) * 2 > chunks.size())
    return false; // too few chunks per part for METIS to balance
  // Edges: local projections always; uniform ones while the pairs are few
  // (beyond that every partition cuts them alike).
  std::map<std::pair<size_t, size_t>, double> edges;
  const size_t budget = 250000;
  for (const Projection &p : problem.projections) {
    double n = popSize(p.source), m = popSize(p.target);
    const auto &src = chunksOf[p.source], &dst = chunksOf[p.target];
    if (!p.local && src.size() * dst.size() > budget)
      continue;
    for (size_t b : dst)
      for (size_t a : src) {
        if (a == b)
          continue;
        double w;
        if (p.local) {
          double lo = double(chunks[b].begin) * n / m;
          double hi = double(chunks[b].end) * n / m;
          double overlap = std::min(hi, double(chunks[a].end)) -
                           std::max(lo, double(chunks[a].begin));
          if (overlap <= 0)
            continue;
          w = p.synapses / m * double(chunks[b].size()) * overlap / (hi - lo);
        } else {
          w = p.synapses * (double(chunks[a].size()) / n) *
              (double(chunks[b].size()) / m);
        }
        edges[{std::min(a, b), std::max(a, b)}] += w;
      }
  }
  double maxWeight = 1;
  for (auto &[key, w] : edges)
    maxWeight = std::max(maxWeight, w);
  double scale = maxWeight > 1e6 ? 1e6 / maxWeight : 1.0;
  std::vector<std::vector<std::pair<idx_t, idx_t>>> adj(chunks.size());
  for (auto &[key, w] : edges) {
    idx_t weight = idx_t(std::max(1.0, std::round(w * scale)));
    adj[key.first].push_back({idx_t(key.second), weight});
    adj[key.second].push_back({idx_t(key.first), weight});
  }
  std::vector<idx_t> xadj{0}, adjncy, adjwgt;
  for (auto &list : adj) {
    for (auto [v, w] : list) {
      adjncy.push_back(v);
      adjwgt.push_back(w);
    }
    xadj.push_back(idx_t(adjncy.size()));
  }
  // Without edges there is no cut to minimize: filling cores in order
  // balances as well (and METIS fails noisily on such graphs).
  if (adjncy.empty())
    return false;
  bool memory = chip.synapseMemoryBitsPerCore > 0;
  // Constraints: neurons, synapse memory, and optionally each chunk's own
  // fan-in (their sum over a core bounds the core's fan-in from above).
  idx_t ncon = 1 + (memory ? 1 : 0) + (fanInConstraint ? 1 : 0);
  std::vector<idx_t> vwgt;
  double bitScale = 1.0;
  if (memory) {
    double most = 1;
    for (size_t c = 0; c < chunks.size(); ++c) {
      double bits = 0;
      for (const Projection &p : problem.projections)
        if (p.target == chunks[c].pop)
          bits += p.storedBits * double(chunks[c].size()) / popSize(p.target);
      most = std::max(most, bits);
    }
    bitScale = most > 1e6 ? 1e6 / most : 1.0;
  }
  for (size_t c = 0; c < chunks.size(); ++c) {
    vwgt.push_back(idx_t(chunks[c].size()));
    double fanIn = 0;
    for (const Projection &p : problem.projections)
      if (p.target == chunks[c].pop)
        fanIn += fanInOf(p, double(chunks[c].size()), popSize(p.source),
                         popSize(p.target));
    if (memory) {
      double bits = 0;
      for (const Projection &p : problem.projections)
        if (p.target == chunks[c].pop)
          bits += p.storedBits * double(chunks[c].size()) / popSize(p.target);
      vwgt.push_back(idx_t(std::max(1.0, std::round(bits * bitScale))));
    }
    if (fanInConstraint)
      vwgt.push_back(idx_t(std::max(1.0, std::round(fanIn))));
  }
  idx_t n = idx_t(chunks.size()), nparts = idx_t(parts), objval = 0;
  std::vector<real_t> ubvec(ncon, real_t(1.03));
  idx_t options[METIS_NOPTIONS];
  METIS_SetDefaultOptions(options);
  options[METIS_OPTION_SEED] = 1;
  options[METIS_OPTION_NUMBERING] = 0;
  std::vector<idx_t> part(chunks.size(), 0);
  int status = METIS_PartGraphKway(&n, &ncon, xadj.data(), adjncy.data(),
                                   vwgt.data(), nullptr,
                                   adjwgt.empty() ? nullptr : adjwgt.data(),
                                   &nparts, nullptr, ubvec.data(), options,
                                   &objval, part.data());
  if (status != METIS_OK)
    return false;
  // Number cores by first appearance, skipping empty parts.
  std::map<idx_t, int64_t> renumber;
  for (size_t c = 0; c < chunks.size(); ++c) {
    auto [it, inserted] = renumber.try_emplace(part[c], int64_t(renumber.size()));
    coreOf[c] = it->second;
  }
  return true;
}

bool Mapper::search(bool fanInConstraint, int64_t limit, int64_t &cores,
                    std::vector<int64_t> &coreOf, std::string &why) const {
  int64_t maxCores = limit;
  // Tries `parts`; on success keeps the assignment.
  auto attempt = [&](int64_t parts, std::vector<int64_t> &out, int64_t &used) {
    if (!metis(parts, fanInConstraint, out)) {
      why = "METIS found no partition into " + std::to_string(parts);
      return false;
    }
    used = 0;
    for (int64_t c : out)
      used = std::max(used, c + 1);
    if (fits(out, used, &why))
      return true;
    if (!repair(out, parts))
      return false;
    used = 0;
    for (int64_t c : out)
      used = std::max(used, c + 1);
    return fits(out, used, &why);
  };
  // Grow by 10% from the lower bound until a partition fits, then bisect
  // back between the last failure and that success.
  int64_t failed = lowerBound - 1, parts = lowerBound, used = 0;
  std::vector<int64_t> trial;
  for (;; parts = std::max(parts + 1, int64_t(std::ceil(double(parts) * 1.1)))) {
    if (parts > maxCores)
      return false; // nothing better than `limit` cores
    if (attempt(parts, trial, used))
      break;
    if (size_t(parts) * 2 > chunks.size())
      return false; // METIS cannot go further up
    failed = parts;
  }
  coreOf = trial;
  cores = used;
  int64_t good = parts;
  while (good - failed > 1) {
    int64_t mid = failed + (good - failed) / 2;
    if (attempt(mid, trial, used)) {
      good = mid;
      coreOf = trial;
      cores = used;
    } else {
      failed = mid;
    }
  }
  return true;
}

bool Mapper::run(Partition &result, std::string &error) {
  for (size_t p = 0; p < problem.populations.size(); ++p) {
    double fanIn = 0;
    for (const Projection &proj : problem.projections)
      if (proj.target == p)
        fanIn += fanInOf(proj, 1.0, popSize(proj.source), popSize(p));
    if (fanIn > double(chip.fanInPerCore) * (1 + 1e-9)) {
      error = "a neuron of " + problem.populations[p].name + " has a fan-in of " +
              std::to_string(std::llround(fanIn)) + ", over the " +
              std::to_string(chip.fanInPerCore) + " axons of a core";
      return false;
    }
  }
  double neurons = 0, bits = 0;
  for (const Population &p : problem.populations)
    neurons += double(p.neurons);
  for (const Projection &p : problem.projections)
    bits += p.storedBits;
  double byNeurons = std::ceil(neurons / double(chip.neuronsPerCore));
  double byMemory = chip.synapseMemoryBitsPerCore > 0
                        ? std::ceil(bits / double(chip.synapseMemoryBitsPerCore))
                        : 0.0;
  // Fan-in grows less than linearly with the neurons of a population on a
  // core, so a neuron of population p takes at least fanIn(cap_p) / cap_p of
  // a core's fan-in budget, cap_p being the most it can share a core with.
  double byFanIn = 0;
  for (size_t p = 0; p < problem.populations.size(); ++p) {
    double cap = double(fanInCap(p)), fanIn = 0;
    for (const Projection &proj : problem.projections)
      if (proj.target == p)
        fanIn += fanInOf(proj, cap, popSize(proj.source), popSize(p));
    byFanIn += popSize(p) * fanIn / (cap * double(chip.fanInPerCore));
  }
  byFanIn = std::ceil(byFanIn - 1e-9);
  double bound = std::max({1.0, byNeurons, byMemory, byFanIn});
  result.lowerBound = lowerBound = int64_t(bound);
  result.bindingLimit = bound == byFanIn && byFanIn > std::max(byNeurons, byMemory)
                            ? "fan-in"
                            : (byMemory > byNeurons ? "synapse memory" : "neurons");
  makeChunks(result.lowerBound);
  // The sequential fill always fits (every chunk fits a core alone); METIS
  // with and without the fan-in constraint may do better.
  int64_t naiveCores = 0;
  std::vector<int64_t> coreOf = sequentialFill(naiveCores);
  int64_t maxCores = chip.maxChips * chip.coresPerChip;
  if (naiveCores > maxCores) {
    error = "needs " + std::to_string(naiveCores) + " cores, more than the " +
            std::to_string(maxCores) + " of " + std::to_string(chip.maxChips) +
            " chips";
    return false;
  }
  result.naiveCores = naiveCores;
  result.naiveCutSynapses = cut(coreOf);
  int64_t cores = naiveCores;
  double bestCut = result.naiveCutSynapses;
  for (bool fanInConstraint : {false, true}) {
    std::vector<int64_t> trial;
    int64_t used = 0;
    std::string why;
    if (!search(fanInConstraint, std::min(naiveCores, maxCores), used, trial,
                why))
      continue;
    double trialCut = cut(trial);
    if (used < cores || (used == cores && trialCut < bestCut)) {
      coreOf = trial;
      cores = used;
      bestCut = trialCut;
    }
  }
  result.numCores = cores;
  result.chunkSizes.assign(problem.populations.size(), 0);
  for (size_t p = 0; p < problem.populations.size(); ++p)
    if (!chunksOf[p].empty())
      result.chunkSizes[p] = chunks[chunksOf[p].front()].size();
  result.cutSynapses = cut(coreOf);
  result.cores.assign(problem.populations.size(), {});
  for (size_t c = 0; c < chunks.size(); ++c)
    result.cores[chunks[c].pop].push_back(coreOf[c]);
  return true;
}
} // namespace

bool snnc::mapping::partition(const Problem &problem,
                              const ChipDescription &chip, Partition &result,
                              std::string &error) {
  return Mapper(problem, chip).run(result, error);
}

std::vector<CoreLoad> snnc::mapping::coreLoads(const Problem &problem,
                                               const Partition &part) {
  std::vector<Runs> runs(part.numCores);
  for (size_t pop = 0; pop < part.cores.size(); ++pop) {
    int64_t n = problem.populations[pop].neurons, size = part.chunkSizes[pop];
    for (size_t c = 0; c < part.cores[pop].size(); ++c) {
      int64_t core = part.cores[pop][c];
      if (core < 0 || core >= part.numCores)
        continue;
      double neurons = double(std::min(size, n - int64_t(c) * size));
      std::vector<double> &list = runs[core][pop];
      if (c > 0 && part.cores[pop][c - 1] == core)
        list.back() += neurons;
      else
        list.push_back(neurons);
    }
  }
  return loadsOf(problem, runs);
}

//===----------------------------------------------------------------------===//
// Placement
//===----------------------------------------------------------------------===//

namespace {
/// Neurons of population `pop` on each core (sparse), in core order.
std::vector<std::pair<int64_t, double>>
neuronsOnCores(const Problem &problem, const Partition &part, size_t pop) {
  std::map<int64_t, double> out;
  int64_t n = problem.populations[pop].neurons, size = part.chunkSizes[pop];
  for (size_t c = 0; c < part.cores[pop].size(); ++c)
    out[part.cores[pop][c]] += double(std::min(size, n - int64_t(c) * size));
  return {out.begin(), out.end()};
}

/// Core pairs a uniform projection may spread over before it is treated as
/// diffuse: kept out of the placement graph (every placement spreads it
/// alike) and counted in the hop figures in closed form.
constexpr size_t kDenseTrafficPairs = 1 << 20;

/// Sum over a in A, b in B of wa wb |ua - ub|, by one sweep over the sorted
/// union with running sums: O((|A| + |B|) log).
double weightedPairDistance(std::vector<std::pair<double, double>> a,
                            std::vector<std::pair<double, double>> b) {
  // Points of A carry tag 0, of B tag 1.
  std::vector<std::tuple<double, int, double>> all;
  for (auto [u, w] : a)
    all.push_back({u, 0, w});
  for (auto [u, w] : b)
    all.push_back({u, 1, w});
  std::sort(all.begin(), all.end());
  double weight[2] = {0, 0}, moment[2] = {0, 0}, total = 0;
  for (auto [u, tag, w] : all) {
    int other = 1 - tag;
    // Every earlier point of the other set is at or below u.
    total += w * (u * weight[other] - moment[other]);
    weight[tag] += w;
    moment[tag] += w * u;
  }
  return total;
}
} // namespace

std::vector<std::vector<std::pair<int64_t, double>>>
snnc::mapping::coreTraffic(const Problem &problem, const Partition &part,
                           std::vector<size_t> *diffuse) {
  std::map<std::pair<int64_t, int64_t>, double> traffic;
  auto add = [&](int64_t a, int64_t b, double w) {
    if (a != b && w > 0)
      traffic[{std::min(a, b), std::max(a, b)}] += w;
  };
  for (size_t k = 0; k < problem.projections.size(); ++k) {
    const Projection &p = problem.projections[k];
    double n = double(problem.populations[p.source].neurons);
    double m = double(problem.populations[p.target].neurons);
    if (p.local) {
      // Target chunk j draws from the source range its neurons map onto.
      int64_t sizeS = part.chunkSizes[p.source],
              sizeT = part.chunkSizes[p.target];
      const auto &coresS = part.cores[p.source], &coresT = part.cores[p.target];
      for (size_t j = 0; j < coresT.size(); ++j) {
        double begin = double(j) * double(sizeT);
        double end = std::min(m, double(j + 1) * double(sizeT));
        double lo = begin * n / m, hi = end * n / m;
        int64_t first = int64_t(lo) / sizeS;
        for (int64_t i = first; i < int64_t(coresS.size()) &&
                                double(i) * double(sizeS) < hi;
             ++i) {
          double a = double(i) * double(sizeS);
          double b = std::min(n, double(i + 1) * double(sizeS));
          double overlap = std::min(hi, b) - std::max(lo, a);
          if (overlap > 0)
            add(coresS[i], coresT[j],
                p.synapses / m * (end - begin) * overlap / (hi - lo));
        }
      }
      continue;
    }
    auto src = neuronsOnCores(problem, part, p.source);
    auto dst = neuronsOnCores(problem, part, p.target);
    if (diffuse && src.size() * dst.size() > kDenseTrafficPairs) {
      diffuse->push_back(k);
      continue;
    }
    for (auto [a, s] : src)
      for (auto [b, t] : dst)
        add(a, b, p.synapses * (s / n) * (t / m));
  }
  std::vector<std::vector<std::pair<int64_t, double>>> out(part.numCores);
  for (auto &[key, w] : traffic)
    out[key.first].push_back({key.second, w});
  return out;
}

void snnc::mapping::place(const Problem &problem, const Partition &part,
                          const ChipDescription &chip, Placement &result) {
  int64_t cores = part.numCores;
  // Structured traffic as a sparse core graph; uniform projections over
  // very many core pairs are diffuse (see kDenseTrafficPairs).
  std::vector<size_t> diffuse;
  std::vector<std::vector<std::pair<int64_t, double>>> traffic =
      coreTraffic(problem, part, &diffuse);
  std::vector<std::vector<std::pair<int64_t, double>>> adj(cores);
  std::vector<double> total(cores, 0);
  for (int64_t a = 0; a < cores; ++a)
    for (auto [b, w] : traffic[a]) {
      adj[a].push_back({b, w});
      adj[b].push_back({a, w});
      total[a] += w;
      total[b] += w;
    }
  // Slots: a snake through each chip's mesh, chip after chip, so that
  // consecutive slots are neighbours.
  auto slotPos = [&](int64_t slot, int64_t &c, int64_t &x, int64_t &y) {
    c = slot / chip.coresPerChip;
    int64_t r = slot % chip.coresPerChip;
    y = r / chip.meshWidth;
    x = r % chip.meshWidth;
    if (y % 2)
      x = chip.meshWidth - 1 - x;
  };
  const double chipHops = double(chip.meshWidth + chip.meshHeight);
  auto hops = [&](int64_t s1, int64_t s2) {
    int64_t c1, x1, y1, c2, x2, y2;
    slotPos(s1, c1, x1, y1);
    slotPos(s2, c2, x2, y2);
    return double(std::abs(x1 - x2) + std::abs(y1 - y2)) +
           chipHops * double(std::abs(c1 - c2));
  };
  auto hopTraffic = [&](const std::vector<int64_t> &slotOf) {
    double t = 0;
    for (int64_t a = 0; a < cores; ++a)
      for (auto [b, w] : traffic[a])
        t += w * hops(slotOf[a], slotOf[b]);
    // Diffuse projections: the hops are separable in x, y and chip, so
    // their weighted sum over all core pairs is three sorted sweeps.
    for (size_t k : diffuse) {
      const Projection &p = problem.projections[k];
      double n = double(problem.populations[p.source].neurons);
      double m = double(problem.populations[p.target].neurons);
      std::vector<std::pair<double, double>> sx, sy, sc, tx, ty, tc;
      auto spread = [&](size_t pop, double size, auto &xs, auto &ys,
                        auto &cs) {
        for (auto [core, neurons] : neuronsOnCores(problem, part, pop)) {
          int64_t c, x, y;
          slotPos(slotOf[core], c, x, y);
          xs.push_back({double(x), neurons / size});
          ys.push_back({double(y), neurons / size});
          cs.push_back({double(c), neurons / size});
        }
      };
      spread(p.source, n, sx, sy, sc);
      spread(p.target, m, tx, ty, tc);
      t += p.synapses * (weightedPairDistance(sx, tx) +
                         weightedPairDistance(sy, ty) +
                         chipHops * weightedPairDistance(sc, tc));
    }
    return t;
  };
  std::vector<int64_t> identity(cores);
  std::iota(identity.begin(), identity.end(), 0);
  result.naiveHopTraffic = hopTraffic(identity);

  // Greedy: start from the busiest core (the lowest index on a tie), then
  // always the core most connected to those already placed (ties: the
  // lower index), from a heap with stale entries skipped.
  std::vector<int64_t> slotOf(cores, -1);
  std::vector<double> pull(cores, 0);
  using Entry = std::pair<double, int64_t>; // (pull, -core)
  std::priority_queue<Entry> heap;
  int64_t first = 0;
  for (int64_t c = 1; c < cores; ++c)
    if (total[c] > total[first])
      first = c;
  for (int64_t c = 0; c < cores; ++c)
    heap.push({0.0, -c});
  heap.push({INFINITY, -first});
  for (int64_t k = 0; k < cores;) {
    auto [key, negCore] = heap.top();
    heap.pop();
    int64_t best = -negCore;
    if (slotOf[best] >= 0 || (key != pull[best] && key != INFINITY))
      continue; // placed already, or a stale pull
    slotOf[best] = k++;
    for (auto [b, w] : adj[best])
      if (slotOf[b] < 0) {
        pull[b] += w;
        heap.push({pull[b], -b});
      }
  }
  // Swaps between cores in nearby slots while they shorten the hops.
  std::vector<int64_t> coreAt(cores);
  for (int64_t c = 0; c < cores; ++c)
    coreAt[slotOf[c]] = c;
  auto cost = [&](int64_t c, int64_t slot, int64_t other) {
    double t = 0;
    for (auto [b, w] : adj[c])
      if (b != other)
        t += w * hops(slot, slotOf[b]);
    return t;
  };
  for (int sweep = 0; sweep < 4; ++sweep) {
    bool improved = false;
    for (int64_t s = 0; s < cores; ++s)
      for (int64_t d : {int64_t(1), chip.meshWidth}) {
        int64_t s2 = s + d;
        if (s2 >= cores)
          continue;
        int64_t a = coreAt[s], b = coreAt[s2];
        double before = cost(a, s, b) + cost(b, s2, a);
        double after = cost(a, s2, b) + cost(b, s, a);
        if (after < before - 1e-9) {
          std::swap(coreAt[s], coreAt[s2]);
          slotOf[a] = s2;
          slotOf[b] = s;
          improved = true;
        }
      }
    if (!improved)
      break;
  }
  result.hopTraffic = hopTraffic(slotOf);
  result.chip.resize(cores);
  result.x.resize(cores);
  result.y.resize(cores);
  for (int64_t c = 0; c < cores; ++c)
    slotPos(slotOf[c], result.chip[c], result.x[c], result.y[c]);
}
