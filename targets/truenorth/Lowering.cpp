//===- Lowering.cpp - a spiking network onto TrueNorth cores --------------===//
//
// Integer units: a group's potential is V = S (v - ref) - 1, S units per mV.
// The offset of -1 turns the float model's strict test v > threshold into
// TrueNorth's V >= alpha with alpha = S span, and keeps reset by
// subtraction exact (V - alpha = S (v - span - ref) - 1); reset to the
// reference is R = -1 (sigma_VR = -1, VR = 1). S is the smallest
// alpha / span at which every weight, the drive and the initial potential
// are integers, or else the largest the 9-bit weights allow. A threshold
// unit (s = [I > theta], no memory) is exact with alpha = 0, a leak of
// -(theta + 1), reset and negative reset to 0: every tick V returns to 0.
//
//===----------------------------------------------------------------------===//

#include "targets/truenorth/Lowering.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

using namespace snnc::truenorth;

bool NeuronType::operator==(const NeuronType &o) const {
  return std::tie(weights, leak, leakReversal, threshold, negativeThreshold,
                  maskBits, resetMode, negativeMode, reset, initial) ==
         std::tie(o.weights, o.leak, o.leakReversal, o.threshold,
                  o.negativeThreshold, o.maskBits, o.resetMode, o.negativeMode,
                  o.reset, o.initial);
}

namespace {
/// Where a spike comes from: a network input or a group's neuron, with the
/// delay it travels (two delays need two axons).
struct SourceKey {
  bool fromInput;
  size_t source;
  int64_t element, delay;
  bool operator<(const SourceKey &o) const {
    return std::make_tuple(!fromInput, source, element, delay) <
           std::make_tuple(!o.fromInput, o.source, o.element, o.delay);
  }
};

/// The synapses one target neuron receives, merged per source.
struct Incoming {
  size_t key;   ///< index into the key table
  double value; ///< integer units (before rounding)
};

bool isIntegral(double x) {
  // Weights are float32 in the model: 0.1 f32 times 10 is 1 + 1.5e-8.
  return std::fabs(x - std::nearbyint(x)) <= 1e-6 * std::max(1.0, std::fabs(x));
}

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

/// The integer threshold of a group: exact when one exists.
bool chooseThreshold(const Group &g, const std::vector<double> &weights,
                     const Limits &limits, int64_t &threshold,
                     std::string &error) {
  bool unit = g.kind == Group::Kind::threshold;
  int64_t maxA = unit ? limits.maxLeak - 1 : limits.maxThreshold;
  double maxW = std::min(double(limits.maxWeight), double(-limits.minWeight));
  double largest = 0;
  for (double w : weights)
    largest = std::max(largest, std::fabs(w));
  auto fits = [&](int64_t a) {
    double s = double(a) / g.span;
    return largest * s <= maxW + 1e-9 &&
           std::fabs(g.drive * s) <= double(limits.maxLeak) + 1e-9;
  };
  for (int64_t a = 1; a <= maxA && fits(a); ++a) {
    double s = double(a) / g.span;
    bool exact = isIntegral(g.drive * s) && isIntegral(g.initial * s);
    for (size_t i = 0; exact && i < weights.size(); ++i)
      exact = isIntegral(weights[i] * s);
    if (exact) {
      threshold = a;
      return true;
    }
  }
  // No exact scale: the finest the weights allow.
  int64_t a = maxA;
  if (largest > 0)
    a = std::min<int64_t>(a, int64_t(std::floor(maxW * g.span / largest)));
  if (g.drive != 0)
    a = std::min<int64_t>(a, int64_t(std::floor(double(limits.maxLeak) *
                                                g.span / std::fabs(g.drive))));
  if (a < 1) {
    error = "group '" + g.name + "': its largest weight is " +
            number(largest / g.span) + " times its threshold, beyond the " +
            number(maxW) + " that TrueNorth's 9-bit weights hold";
    return false;
  }
  threshold = a;
  return true;
}

/// At most 4 levels for `values` (1-D k-means from quantiles; the values
/// themselves when there are at most 4), rounded to integers in range.
std::vector<int64_t> clusterLevels(std::vector<double> values,
                                   const Limits &limits) {
  std::sort(values.begin(), values.end());
  std::vector<double> distinct;
  for (double v : values)
    if (distinct.empty() || v != distinct.back())
      distinct.push_back(v);
  std::vector<double> centres;
  if (distinct.size() <= 4) {
    centres = distinct;
  } else {
    const size_t k = 4;
    for (size_t i = 0; i < k; ++i)
      centres.push_back(values[(2 * i + 1) * values.size() / (2 * k)]);
    for (int iteration = 0; iteration < 50; ++iteration) {
      std::vector<double> sum(k, 0.0);
      std::vector<size_t> count(k, 0);
      for (double v : values) {
        size_t best = 0;
        for (size_t c = 1; c < k; ++c)
          if (std::fabs(v - centres[c]) < std::fabs(v - centres[best]))
            best = c;
        sum[best] += v;
        ++count[best];
      }
      bool moved = false;
      for (size_t c = 0; c < k; ++c)
        if (count[c] && sum[c] / double(count[c]) != centres[c]) {
          centres[c] = sum[c] / double(count[c]);
          moved = true;
        }
      if (!moved)
        break;
    }
  }
  std::set<int64_t> levels;
  for (double c : centres) {
    int64_t r = int64_t(std::nearbyint(c));
    r = std::clamp(r, limits.minWeight, limits.maxWeight);
    if (r != 0)
      levels.insert(r);
  }
  return std::vector<int64_t>(levels.begin(), levels.end());
}

/// The level nearest to `v` (the lower on a tie), or -1 for none.
int nearestLevel(const std::vector<int64_t> &levels, double v) {
  int best = -1;
  double bestError = std::fabs(v); // dropping the synapse
  for (size_t t = 0; t < levels.size(); ++t) {
    double e = std::fabs(v - double(levels[t]));
    if (e < bestError) {
      best = int(t);
      bestError = e;
    }
  }
  return best;
}
} // namespace

namespace {
/// `problem` with every group-to-group edge whose delay exceeds one hop
/// routed through relay groups, each hop as long as a hop can be.
Problem withRelays(const Problem &problem, const Limits &limits) {
  Problem out = problem;
  for (size_t k = 0; k < problem.edges.size(); ++k) {
    const Edge &edge = problem.edges[k];
    if (edge.fromInput || edge.delay <= limits.maxDelay)
      continue;
    // Copies: the vectors grow below.
    const std::string sourceName = out.groups[edge.source].name;
    const int64_t sourceSize = out.groups[edge.source].size;
    size_t from = edge.source;
    int64_t remaining = edge.delay;
    for (int hop = 1; remaining > limits.maxDelay; ++hop) {
      Group relay;
      relay.name = sourceName + ".relay" + std::to_string(hop);
      relay.size = sourceSize;
      relay.kind = Group::Kind::threshold;
      relay.span = 0.5; // a spike weighs 1: fires on every spike it gets
      relay.role = "relay";
      Edge pass;
      pass.source = from;
      pass.target = out.groups.size();
      pass.delay = limits.maxDelay;
      for (int64_t i = 0; i < sourceSize; ++i)
        pass.synapses.push_back({i, i, 1.0});
      from = pass.target;
      remaining -= limits.maxDelay;
      out.groups.push_back(std::move(relay));
      out.edges.push_back(std::move(pass));
    }
    out.edges[k].source = from;
    out.edges[k].delay = remaining;
  }
  return out;
}
} // namespace

namespace {
/// Partial sums for the groups whose neurons read more sources than a core
/// has axons. Their sources are cut into parts of half a core's axons; for
/// part p, a pair of groups of partial neurons (one per target neuron)
/// integrates the part's synapses in the target's units, the second
/// negated. A partial neuron fires when its sum reaches theta (linear
/// reset), sending +theta (or -theta) to the target and +theta to its twin:
/// the pair holds the part's charge not yet forwarded, r and -r, so the
/// target receives the whole charge, theta at a time, one tick or more
/// later (theta is the most a tick can bring, up to 255 units).
/// `derivedFrom[k]` is the problem's edge that edge k came from.
bool splitWideFanIn(Problem &problem, const Limits &limits,
                    std::vector<NeuronType> &base, Program &program,
                    std::vector<size_t> &derivedFrom, std::string &error) {
  const size_t numGroups = problem.groups.size();
  const size_t original = problem.edges.size();
  derivedFrom.resize(original);
  for (size_t k = 0; k < original; ++k)
    derivedFrom[k] = k;
  // (Edges withRelays appended count for no edge of the model.)
  const int64_t part = limits.axons / 2;
  for (size_t g = 0; g < numGroups; ++g) {
    // The sources of every neuron, and of the group.
    std::map<SourceKey, size_t> sourceIndex;
    std::vector<std::set<size_t>> perNeuron(size_t(problem.groups[g].size));
    for (size_t k = 0; k < original; ++k) {
      const Edge &e = problem.edges[k];
      if (e.target != g)
        continue;
      for (const Synapse &syn : e.synapses) {
        SourceKey key{e.fromInput, e.source, syn.source, e.delay};
        auto [it, inserted] = sourceIndex.try_emplace(key, sourceIndex.size());
        perNeuron[size_t(syn.target)].insert(it->second);
      }
    }
    size_t widest = 0;
    for (const auto &sources : perNeuron)
      widest = std::max(widest, sources.size());
    if (int64_t(widest) <= limits.axons)
      continue;
    const Group target = problem.groups[g];
    const double scale = program.scales[g];
    // Parts in source order.
    std::map<SourceKey, size_t> partOf;
    size_t n = 0;
    for (const auto &entry : sourceIndex)
      partOf[entry.first] = n++ / size_t(part);
    size_t parts = (n + size_t(part) - 1) / size_t(part);
    if (int64_t(2 * parts) > limits.axons) {
      error = "group '" + target.name + "' reads " + std::to_string(n) +
              " sources; partial sums of " + std::to_string(part) +
              " each would need " + std::to_string(2 * parts) +
              " axons per neuron, beyond the " + std::to_string(limits.axons);
      return false;
    }
    // Theta per part: the most charge one tick can bring a neuron of it
    // (every source of the part at once), so that one spike a tick
    // forwards it, within the 8-bit weights.
    std::vector<std::vector<double>> charge(
        parts, std::vector<double>(size_t(target.size), 0.0));
    for (size_t k = 0; k < original; ++k) {
      const Edge &e = problem.edges[k];
      if (e.target != g)
        continue;
      for (const Synapse &syn : e.synapses) {
        size_t p = partOf[{e.fromInput, e.source, syn.source, e.delay}];
        charge[p][size_t(syn.target)] += std::fabs(syn.weight * scale);
      }
    }
    std::vector<double> largest(parts, 0.0);
    for (size_t p = 0; p < parts; ++p)
      for (double c : charge[p])
        largest[p] = std::max(largest[p], c);
    for (size_t p = 0; p < parts; ++p) {
      int64_t theta = std::clamp<int64_t>(int64_t(std::nearbyint(largest[p])),
                                          1, limits.maxWeight);
      double thetaMv = double(theta) / scale;
      size_t pos = problem.groups.size(), neg = pos + 1;
      for (int sign : {1, -1}) {
        Group partial;
        partial.name =
            target.name + ".part" + std::to_string(p) + (sign > 0 ? "+" : "-");
        partial.size = target.size;
        partial.kind = Group::Kind::integrateAndFire;
        partial.span = thetaMv;
        partial.role = "partial sums";
        problem.groups.push_back(partial);
        program.partialSumNeurons += target.size;
        NeuronType t;
        t.threshold = theta;
        t.resetMode = 1;
        t.negativeMode = 1;
        t.negativeThreshold = limits.maxNegativeThreshold;
        base.push_back(t);
        program.scales.push_back(scale);
        program.thresholdError.push_back(0.0);
        program.leakError.push_back(0.0);
      }
      // The part's synapses, as they are and negated.
      for (size_t k = 0; k < original; ++k) {
        if (problem.edges[k].target != g)
          continue;
        const Edge e = problem.edges[k]; // a copy: the edges grow below
        for (int sign : {1, -1}) {
          Edge piece = e;
          piece.target = sign > 0 ? pos : neg;
          piece.synapses.clear();
          for (const Synapse &syn : e.synapses)
            if (partOf[{e.fromInput, e.source, syn.source, e.delay}] == p)
              piece.synapses.push_back(
                  {syn.source, syn.target, sign * syn.weight});
          if (piece.synapses.empty())
            continue;
          problem.edges.push_back(std::move(piece));
          derivedFrom.push_back(k);
        }
      }
      // Forward to the target, and tell the twin.
      auto oneToOne = [&](size_t from, size_t to, double weight) {
        Edge e;
        e.source = from;
        e.target = to;
        for (int64_t i = 0; i < target.size; ++i)
          e.synapses.push_back({i, i, weight});
        problem.edges.push_back(std::move(e));
        derivedFrom.push_back(SIZE_MAX);
      };
      oneToOne(pos, g, thetaMv);
      oneToOne(neg, g, -thetaMv);
      oneToOne(pos, neg, thetaMv);
      oneToOne(neg, pos, thetaMv);
    }
    // The target now reads only its partial sums.
    for (size_t k = 0; k < original; ++k)
      if (problem.edges[k].target == g)
        problem.edges[k].synapses.clear();
  }
  return true;
}
} // namespace

bool snnc::truenorth::lower(const Problem &original, const Limits &limits,
                            Program &program, std::string &error) {
  program = Program();
  for (const Edge &e : original.edges)
    if (e.target >= original.groups.size() ||
        (e.fromInput ? e.source >= original.inputSizes.size()
                     : e.source >= original.groups.size())) {
      error = "an edge names a group or input that does not exist";
      return false;
    }
  Problem problem = withRelays(original, limits);
  size_t numGroups = problem.groups.size();

  // Scale every group from what it receives.
  std::vector<std::vector<double>> received(numGroups);
  for (const Edge &e : problem.edges) {
    if (e.delay < 1 || e.delay > limits.maxDelay) {
      error = "group '" + problem.groups[e.target].name +
              "' receives spikes delayed by " + std::to_string(e.delay) +
              " ticks; TrueNorth delays are 1.." +
              std::to_string(limits.maxDelay);
      return false;
    }
    if (e.fromInput && e.delay != 1) {
      error = "group '" + problem.groups[e.target].name +
              "' receives a network input delayed by " +
              std::to_string(e.delay - 1) +
              " steps; inputs reach their axons without delay";
      return false;
    }
    for (const Synapse &s : e.synapses)
      received[e.target].push_back(s.weight);
  }
  std::vector<NeuronType> base(numGroups);
  program.scales.resize(numGroups);
  program.thresholdError.assign(numGroups, 0.0);
  program.leakError.assign(numGroups, 0.0);
  for (size_t g = 0; g < numGroups; ++g) {
    const Group &group = problem.groups[g];
    if (!(group.span > 0)) {
      error = "group '" + group.name + "' has a threshold of " +
              number(group.span) +
              " mV above its reference; it must be "
              "positive";
      return false;
    }
    if (group.kind == Group::Kind::leaky && group.drive != 0) {
      error = "group '" + group.name +
              "' leaks towards another potential "
              "than its reset or has a bias; TrueNorth's one linear leak "
              "cannot hold both";
      return false;
    }
    int64_t a = 0;
    if (!chooseThreshold(group, received[g], limits, a, error))
      return false;
    double s = double(a) / group.span;
    program.scales[g] = s;
    NeuronType &t = base[g];
    if (group.kind == Group::Kind::threshold) {
      t.threshold = 0;
      t.leak = -(a + 1);
      t.resetMode = 0;
      t.reset = 0;
      t.negativeMode = 0;
      t.negativeThreshold = 0;
      t.initial = 0;
      continue;
    }
    t.threshold = a;
    t.resetMode = group.resetMode;
    t.reset = -1;
    t.negativeMode = 1;
    t.negativeThreshold = limits.maxNegativeThreshold;
    t.initial = int64_t(std::nearbyint(group.initial * s)) - 1;
    if (group.kind == Group::Kind::leaky && group.alpha < 1) {
      // Linear leak towards 0, the exact decay's value half way to the
      // threshold: off by at most half the decay at the threshold.
      double decayAtThreshold = (1 - group.alpha) * double(a);
      int64_t lambda = int64_t(std::nearbyint(decayAtThreshold / 2));
      lambda = std::min(lambda, limits.maxLeak);
      t.leak = -lambda;
      t.leakReversal = true;
      program.leakError[g] =
          std::max(double(lambda), decayAtThreshold - double(lambda)) /
          double(a);
    } else {
      t.leak = int64_t(std::nearbyint(group.drive * s));
      program.leakError[g] = group.drive != 0
                                 ? std::fabs(double(t.leak) - group.drive * s) /
                                       (std::fabs(group.drive) * s)
                                 : 0.0;
    }
  }

  // A neuron that reads more sources than a core has axons reads partial
  // sums instead.
  std::vector<size_t> derivedFrom;
  if (!splitWideFanIn(problem, limits, base, program, derivedFrom, error))
    return false;
  numGroups = problem.groups.size();
  for (const Group &g : problem.groups) {
    program.groupNames.push_back(g.name);
    program.groupRoles.push_back(g.role);
  }

  // Sources and what every target neuron receives, merged per source.
  std::vector<SourceKey> keys;
  std::map<SourceKey, size_t> keyIndex;
  std::vector<std::vector<std::vector<Incoming>>> incoming(numGroups);
  for (size_t g = 0; g < numGroups; ++g)
    incoming[g].resize(size_t(problem.groups[g].size));
  for (const Edge &e : problem.edges) {
    int64_t sourceSize = e.fromInput ? problem.inputSizes[e.source]
                                     : problem.groups[e.source].size;
    for (const Synapse &s : e.synapses) {
      if (s.source < 0 || s.source >= sourceSize || s.target < 0 ||
          s.target >= problem.groups[e.target].size) {
        error = "a synapse of group '" + problem.groups[e.target].name +
                "' names a neuron out of range";
        return false;
      }
      SourceKey key{e.fromInput, e.source, s.source, e.delay};
      auto [it, inserted] = keyIndex.try_emplace(key, keys.size());
      if (inserted)
        keys.push_back(key);
      incoming[e.target][size_t(s.target)].push_back(
          {it->second, s.weight * program.scales[e.target]});
    }
  }
  // One entry per source: synapses of one source summed in edge order.
  for (auto &neurons : incoming)
    for (std::vector<Incoming> &in : neurons) {
      std::stable_sort(
          in.begin(), in.end(),
          [](const Incoming &a, const Incoming &b) { return a.key < b.key; });
      size_t kept = 0;
      for (size_t i = 0; i < in.size(); ++i) {
        if (kept > 0 && in[kept - 1].key == in[i].key)
          in[kept - 1].value += in[i].value;
        else
          in[kept++] = in[i];
      }
      in.resize(kept);
    }
  // Keys in SourceKey order (inputs, then groups, by element and delay).
  std::vector<size_t> keyRank(keys.size());
  {
    std::vector<size_t> byKey(keys.size());
    for (size_t k = 0; k < keys.size(); ++k)
      byKey[k] = k;
    std::sort(byKey.begin(), byKey.end(),
              [&](size_t a, size_t b) { return keys[a] < keys[b]; });
    for (size_t r = 0; r < byKey.size(); ++r)
      keyRank[byKey[r]] = r;
  }
  std::vector<bool> isOutput(numGroups, false);
  for (size_t g : problem.outputs) {
    if (g >= numGroups) {
      error = "an output names a group that does not exist";
      return false;
    }
    isOutput[g] = true;
  }

  // The order in which each group's neurons fill cores: by the first source
  // they read (neurons that read the same inputs, as the channels of one
  // position of a convolution, share axons), then by index; neurons that
  // read nothing go last.
  std::vector<std::vector<int64_t>> order(numGroups);
  for (size_t g = 0; g < numGroups; ++g) {
    std::vector<std::pair<size_t, int64_t>> ranked;
    for (int64_t j = 0; j < problem.groups[g].size; ++j) {
      size_t firstSource = keys.size();
      for (const Incoming &in : incoming[g][size_t(j)])
        firstSource = std::min(firstSource, keyRank[in.key]);
      ranked.push_back({firstSource, j});
    }
    std::sort(ranked.begin(), ranked.end());
    for (auto [rank, j] : ranked)
      order[g].push_back(j);
  }

  // Chunks, levels and destinations, until the copies each neuron needs no
  // longer change the chunks.
  std::vector<std::vector<int64_t>> copies(numGroups);
  for (size_t g = 0; g < numGroups; ++g)
    copies[g].assign(size_t(problem.groups[g].size), 1);
  struct Chunk {
    size_t group;
    /// Its neurons, in the group's order.
    std::vector<int64_t> members;
    std::vector<int64_t> levels;
    /// (key, level) -> axon, in axon order.
    std::map<std::pair<size_t, int>, int64_t> axons;
  };
  std::vector<Chunk> chunks;
  /// Per group and neuron: its destinations (core, axon, delay), output
  /// last as (-1, -1, 1).
  std::vector<std::vector<std::vector<std::array<int64_t, 3>>>> destinations;
  for (int round = 0;; ++round) {
    if (round == 16) {
      error = "the copies of neurons for their destinations do not settle";
      return false;
    }
    chunks.clear();
    for (size_t g = 0; g < numGroups; ++g) {
      const Group &group = problem.groups[g];
      const std::vector<int64_t> &sequence = order[g];
      size_t first = 0;
      while (first < sequence.size()) {
        std::map<size_t, std::set<double>> values;
        int64_t axons = 0, slots = 0;
        size_t next = first;
        for (; next < sequence.size(); ++next) {
          int64_t last = sequence[next];
          int64_t addAxons = 0;
          std::map<size_t, std::set<double>> added;
          for (const Incoming &in : incoming[g][size_t(last)]) {
            auto it = values.find(in.key);
            std::set<double> &seen = added[in.key];
            size_t have = (it == values.end() ? 0 : it->second.size());
            bool known = (it != values.end() && it->second.count(in.value)) ||
                         seen.count(in.value);
            if (!known && have + seen.size() < 4) {
              ++addAxons;
              seen.insert(in.value);
            }
          }
          if (next > first &&
              (axons + addAxons > limits.axons ||
               slots + copies[g][size_t(last)] > limits.neurons))
            break;
          if (addAxons > limits.axons) {
            error = "neuron " + std::to_string(last) + " of group '" +
                    group.name + "' has a fan-in of " +
                    std::to_string(addAxons) + " axons, beyond the " +
                    std::to_string(limits.axons) +
                    " of a truenorth core (splitting across cores is not "
                    "implemented)";
            return false;
          }
          if (copies[g][size_t(last)] > limits.neurons) {
            error = "neuron " + std::to_string(last) + " of group '" +
                    group.name + "' needs " +
                    std::to_string(copies[g][size_t(last)]) +
                    " copies for its destinations, beyond the " +
                    std::to_string(limits.neurons) + " neurons of a core";
            return false;
          }
          axons += addAxons;
          slots += copies[g][size_t(last)];
          for (auto &[key, set] : added)
            values[key].insert(set.begin(), set.end());
        }
        chunks.push_back({g,
                          std::vector<int64_t>(sequence.begin() + first,
                                               sequence.begin() + next),
                          {},
                          {}});
        first = next;
      }
    }
    if (int64_t(chunks.size()) > limits.maxCores) {
      error = "the network needs " + std::to_string(chunks.size()) +
              " cores; the largest truenorth system has " +
              std::to_string(limits.maxCores);
      return false;
    }
    // Levels and axons of every core.
    std::vector<std::vector<int64_t>> coreOf(numGroups);
    for (size_t g = 0; g < numGroups; ++g)
      coreOf[g].assign(size_t(problem.groups[g].size), -1);
    for (size_t c = 0; c < chunks.size(); ++c) {
      Chunk &chunk = chunks[c];
      std::vector<double> values;
      for (int64_t j : chunk.members) {
        coreOf[chunk.group][size_t(j)] = int64_t(c);
        for (const Incoming &in : incoming[chunk.group][size_t(j)])
          values.push_back(in.value);
      }
      chunk.levels = clusterLevels(values, limits);
      std::set<std::pair<size_t, int>> used;
      for (int64_t j : chunk.members)
        for (const Incoming &in : incoming[chunk.group][size_t(j)]) {
          int level = nearestLevel(chunk.levels, in.value);
          if (level >= 0)
            used.insert({in.key, level});
        }
      if (int64_t(used.size()) > limits.axons) {
        error = "group '" + problem.groups[chunk.group].name + "' needs " +
                std::to_string(used.size()) +
                " axons on one core, beyond the " +
                std::to_string(limits.axons);
        return false;
      }
      int64_t axon = 0;
      for (const auto &pair : used)
        chunk.axons[pair] = axon++;
    }
    // Destinations of every source neuron.
    destinations.assign(numGroups, {});
    for (size_t g = 0; g < numGroups; ++g)
      destinations[g].resize(size_t(problem.groups[g].size));
    for (size_t c = 0; c < chunks.size(); ++c)
      for (const auto &[pair, axon] : chunks[c].axons) {
        const SourceKey &key = keys[pair.first];
        if (!key.fromInput)
          destinations[key.source][size_t(key.element)].push_back(
              {int64_t(c), axon, key.delay});
      }
    bool changed = false;
    for (size_t g = 0; g < numGroups; ++g)
      for (int64_t i = 0; i < problem.groups[g].size; ++i) {
        auto &d = destinations[g][size_t(i)];
        std::sort(d.begin(), d.end());
        if (isOutput[g])
          d.push_back({-1, -1, 1});
        int64_t need = std::max<int64_t>(1, int64_t(d.size()));
        if (need != copies[g][size_t(i)]) {
          copies[g][size_t(i)] = need;
          changed = true;
        }
      }
    if (!changed)
      break;
  }

  // Lay the cores out: per neuron of a chunk, one slot per destination.
  std::vector<std::vector<std::pair<int64_t, int64_t>>> outputSlot(numGroups);
  for (size_t g = 0; g < numGroups; ++g)
    outputSlot[g].assign(size_t(problem.groups[g].size), {-1, -1});
  for (size_t c = 0; c < chunks.size(); ++c) {
    const Chunk &chunk = chunks[c];
    Core core;
    core.group = chunk.group;
    core.axonTypes.resize(chunk.axons.size());
    core.crossbar.assign(chunk.axons.size(), {});
    for (const auto &[pair, axon] : chunk.axons)
      core.axonTypes[size_t(axon)] = pair.second;
    NeuronType type = base[chunk.group];
    for (size_t t = 0; t < chunk.levels.size(); ++t)
      type.weights[t] = chunk.levels[t];
    auto found = std::find(program.types.begin(), program.types.end(), type);
    int64_t typeIndex = found - program.types.begin();
    if (found == program.types.end())
      program.types.push_back(type);
    for (int64_t j : chunk.members) {
      const auto &dests = destinations[chunk.group][size_t(j)];
      if (dests.size() > 1)
        program.duplicateNeurons += int64_t(dests.size()) - 1;
      for (const auto &d : dests) {
        int64_t slot = int64_t(core.types.size());
        core.types.push_back(typeIndex);
        core.destCores.push_back(d[0]);
        core.destAxons.push_back(d[1]);
        core.destDelays.push_back(d[2]);
        core.neurons.push_back(j);
        if (d[0] < 0)
          outputSlot[chunk.group][size_t(j)] = {int64_t(c), slot};
        for (const Incoming &in : incoming[chunk.group][size_t(j)]) {
          int level = nearestLevel(chunk.levels, in.value);
          if (level >= 0)
            core.crossbar[size_t(chunk.axons.at({in.key, level}))].set(
                size_t(slot));
        }
      }
    }
    program.cores.push_back(std::move(core));
  }

  // Ports.
  program.inputs.resize(problem.inputSizes.size());
  for (size_t k = 0; k < problem.inputSizes.size(); ++k)
    program.inputs[k].resize(size_t(problem.inputSizes[k]));
  for (size_t c = 0; c < chunks.size(); ++c)
    for (const auto &[pair, axon] : chunks[c].axons) {
      const SourceKey &key = keys[pair.first];
      if (key.fromInput)
        program.inputs[key.source][size_t(key.element)].push_back(
            {int64_t(c), axon});
    }
  for (size_t g : problem.outputs)
    program.outputs.push_back(outputSlot[g]);

  // What the weights cost, per edge: each synapse against the level its
  // merged (source, target) weight took on its core.
  std::vector<std::vector<size_t>> chunkOf(numGroups);
  for (size_t g = 0; g < numGroups; ++g)
    chunkOf[g].resize(size_t(problem.groups[g].size));
  for (size_t c = 0; c < chunks.size(); ++c)
    for (int64_t j : chunks[c].members)
      chunkOf[chunks[c].group][size_t(j)] = c;
  // Edges cut into partial sums count for the edge they came from; the
  // edges that carry partial sums have exact weights (+-theta).
  const size_t numOriginal = original.edges.size();
  std::vector<double> largestOf(numOriginal, 0.0), maxErrOf(numOriginal, 0.0),
      sumSqOf(numOriginal, 0.0);
  std::vector<int64_t> countOf(numOriginal, 0), zeroedOf(numOriginal, 0);
  for (size_t k = 0; k < problem.edges.size(); ++k) {
    size_t owner = derivedFrom[k];
    if (owner >= numOriginal)
      continue;
    const Edge &e = problem.edges[k];
    double s = program.scales[e.target];
    for (const Synapse &syn : e.synapses) {
      largestOf[owner] = std::max(largestOf[owner], std::fabs(syn.weight));
      const Chunk &chunk = chunks[chunkOf[e.target][size_t(syn.target)]];
      size_t key = keyIndex.at({e.fromInput, e.source, syn.source, e.delay});
      // The merged entries are sorted by key.
      const std::vector<Incoming> &in = incoming[e.target][size_t(syn.target)];
      auto found = std::lower_bound(
          in.begin(), in.end(), key,
          [](const Incoming &x, size_t k) { return x.key < k; });
      double merged =
          found != in.end() && found->key == key ? found->value : 0.0;
      int level = nearestLevel(chunk.levels, merged);
      zeroedOf[owner] += level < 0 && merged != 0;
      double got = level < 0 ? 0.0 : double(chunk.levels[size_t(level)]);
      double err = std::fabs(got - merged) / s;
      maxErrOf[owner] = std::max(maxErrOf[owner], err);
      sumSqOf[owner] += err * err;
      ++countOf[owner];
    }
  }
  program.weightMaxError.assign(numOriginal, 0.0);
  program.weightRmsError.assign(numOriginal, 0.0);
  program.weightZeroed.assign(numOriginal, 0.0);
  for (size_t k = 0; k < numOriginal; ++k)
    if (largestOf[k] > 0 && countOf[k] > 0) {
      program.weightMaxError[k] = maxErrOf[k] / largestOf[k];
      program.weightRmsError[k] =
          std::sqrt(sumSqOf[k] / double(countOf[k])) / largestOf[k];
      program.weightZeroed[k] = double(zeroedOf[k]) / double(countOf[k]);
    }
  int64_t neurons = 0;
  for (const Group &g : problem.groups)
    neurons += g.size;
  program.lowerBound = (neurons + limits.neurons - 1) / limits.neurons;
  return true;
}
