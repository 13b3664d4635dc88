//===- TrueNorthLoweringTest.cpp - networks onto TrueNorth cores ----------===//

#include "targets/truenorth/Lowering.h"

#include <gtest/gtest.h>

#include <random>

using namespace snnc::truenorth;

namespace {
Limits limits() {
  Limits l;
  l.minWeight = -255;
  l.maxWeight = 255;
  l.minLeak = -255;
  l.maxLeak = 255;
  l.maxThreshold = 255;
  l.maxNegativeThreshold = 255;
  l.maxDelay = 15;
  l.maxCores = 4096 * 16;
  return l;
}

Group ifGroup(const std::string &name, int64_t size, double span = 1.0) {
  Group g;
  g.name = name;
  g.size = size;
  g.span = span;
  return g;
}

/// Input of `inputs` elements fully connected to a group of `size` IF
/// neurons with the weights given row by row (target-major).
Problem dense(int64_t inputs, int64_t size, const std::vector<double> &w) {
  Problem p;
  p.inputSizes = {inputs};
  p.groups = {ifGroup("hidden", size)};
  Edge e;
  e.fromInput = true;
  for (int64_t j = 0; j < size; ++j)
    for (int64_t i = 0; i < inputs; ++i)
      if (double v = w[size_t(j * inputs + i)])
        e.synapses.push_back({i, j, v});
  p.edges = {e};
  p.outputs = {0};
  return p;
}
} // namespace

TEST(TrueNorthLowering, BinaryWeightsAreExact) {
  // 0.5 mV against a 1 mV threshold: alpha = 2, one level of 1.
  Problem p = dense(3, 2, {0.5, 0.5, 0, 0, 0.5, 0.5});
  Program prog;
  std::string error;
  ASSERT_TRUE(lower(p, limits(), prog, error)) << error;
  ASSERT_EQ(prog.cores.size(), 1u);
  ASSERT_EQ(prog.types.size(), 1u);
  EXPECT_EQ(prog.types[0].threshold, 2);
  EXPECT_EQ(prog.types[0].weights[0], 1);
  EXPECT_EQ(prog.types[0].reset, -1);
  EXPECT_EQ(prog.types[0].initial, -1);
  EXPECT_EQ(prog.weightMaxError[0], 0.0);
  const Core &core = prog.cores[0];
  // One axon per input element, all of type 0.
  ASSERT_EQ(core.axonTypes, (std::vector<int>{0, 0, 0}));
  EXPECT_TRUE(core.crossbar[0][0] && core.crossbar[1][0] &&
              !core.crossbar[2][0]);
  EXPECT_TRUE(!core.crossbar[0][1] && core.crossbar[1][1] &&
              core.crossbar[2][1]);
  // Both neurons are outputs: one slot each, a negative destination.
  EXPECT_EQ(core.destCores, (std::vector<int64_t>{-1, -1}));
  ASSERT_EQ(prog.outputs.size(), 1u);
  EXPECT_EQ(prog.outputs[0][1], (std::pair<int64_t, int64_t>{0, 1}));
  // Input 1 drives axon 1 of core 0.
  EXPECT_EQ(prog.inputs[0][1],
            (std::vector<std::pair<int64_t, int64_t>>{{0, 1}}));
}

TEST(TrueNorthLowering, SignedWeightsTakePairedAxons) {
  // Trinary weights: input 0 reaches one neuron with +0.5, the other with
  // -0.5, so it gets an axon of each sign.
  Problem p = dense(2, 2, {0.5, 0.5, -0.5, 0});
  Program prog;
  std::string error;
  ASSERT_TRUE(lower(p, limits(), prog, error)) << error;
  const Core &core = prog.cores[0];
  // Levels sorted: -1 (type 0), 1 (type 1); axons by (input, level).
  EXPECT_EQ(prog.types[0].weights[0], -1);
  EXPECT_EQ(prog.types[0].weights[1], 1);
  ASSERT_EQ(core.axonTypes, (std::vector<int>{0, 1, 1}));
  EXPECT_TRUE(core.crossbar[0][1] && !core.crossbar[0][0]); // -: neuron 1
  EXPECT_TRUE(core.crossbar[1][0] && !core.crossbar[1][1]); // +: neuron 0
  EXPECT_TRUE(core.crossbar[2][0]);                         // input 1
  EXPECT_EQ(prog.inputs[0][0],
            (std::vector<std::pair<int64_t, int64_t>>{{0, 0}, {0, 1}}));
  EXPECT_EQ(prog.weightMaxError[0], 0.0);
}

TEST(TrueNorthLowering, FiveValuesClusterIntoFourLevels) {
  // 1..5 times a quarter of the threshold on one neuron: no four levels hold
  // five values, and the error says by how much.
  Problem p = dense(5, 1, {0.25, 0.5, 0.75, 1.0, 1.25});
  Program prog;
  std::string error;
  ASSERT_TRUE(lower(p, limits(), prog, error)) << error;
  EXPECT_GT(prog.weightMaxError[0], 0.0);
  EXPECT_LT(prog.weightMaxError[0], 0.25);
  int used = 0;
  for (int64_t w : prog.types[0].weights)
    used += w != 0;
  EXPECT_EQ(used, 4);
}

TEST(TrueNorthLowering, FanOutDuplicatesNeurons) {
  // 2 neurons feed 300, the even ones from neuron 0 and the odd ones from
  // neuron 1. Targets fill cores in the order of the source they read: the
  // 150 even ones and 106 odd ones on core 1, 44 odd ones on core 2, so
  // neuron 1 reaches two cores and takes a copy for each.
  Problem p;
  p.inputSizes = {2};
  p.groups = {ifGroup("a", 2), ifGroup("b", 300)};
  Edge in;
  in.fromInput = true;
  in.target = 0;
  in.synapses = {{0, 0, 1.0}, {1, 1, 1.0}};
  Edge ab;
  ab.source = 0;
  ab.target = 1;
  for (int64_t j = 0; j < 300; ++j)
    ab.synapses.push_back({j % 2, j, 1.0});
  p.edges = {in, ab};
  p.outputs = {1};
  Program prog;
  std::string error;
  ASSERT_TRUE(lower(p, limits(), prog, error)) << error;
  ASSERT_EQ(prog.cores.size(), 3u);
  EXPECT_EQ(prog.cores[0].types.size(), 3u);
  EXPECT_EQ(prog.duplicateNeurons, 1);
  EXPECT_EQ(prog.cores[0].neurons, (std::vector<int64_t>{0, 1, 1}));
  EXPECT_EQ(prog.cores[0].destCores, (std::vector<int64_t>{1, 1, 2}));
  EXPECT_EQ(prog.cores[1].types.size(), 256u);
  EXPECT_EQ(prog.cores[2].types.size(), 44u);
}

TEST(TrueNorthLowering, FanInBeyondACoreTakesPartialSums) {
  // 300 inputs of 0.5 mV (1 unit) into one neuron: parts of 128, 128 and
  // 44 sources, each a pair of partial neurons with theta the part's whole
  // charge (128, 128, 44), and the neuron reads +-theta from the 3 pairs.
  Problem p = dense(300, 1, std::vector<double>(300, 0.5));
  Program prog;
  std::string error;
  ASSERT_TRUE(lower(p, limits(), prog, error)) << error;
  EXPECT_EQ(prog.partialSumNeurons, 6);
  EXPECT_EQ(prog.groupNames,
            (std::vector<std::string>{
                "hidden", "hidden.part0+", "hidden.part0-", "hidden.part1+",
                "hidden.part1-", "hidden.part2+", "hidden.part2-"}));
  const Core &target = prog.cores[0];
  EXPECT_EQ(target.axonTypes.size(), 6u);
  const NeuronType &t = prog.types[size_t(target.types[0])];
  EXPECT_EQ(t.weights, (std::array<int64_t, 4>{-128, -44, 44, 128}));
  // The first part's positive partial: threshold 128, linear reset, weights
  // 1 (its sources) and 128 (its twin).
  const NeuronType &part = prog.types[size_t(prog.cores[1].types[0])];
  EXPECT_EQ(part.threshold, 128);
  EXPECT_EQ(part.resetMode, 1);
  EXPECT_EQ(part.weights[0], 1);
  EXPECT_EQ(part.weights[1], 128);
  // The last part has 300 - 256 = 44 sources: theta 44.
  const NeuronType &last = prog.types[size_t(prog.cores[5].types[0])];
  EXPECT_EQ(last.threshold, 44);
  EXPECT_EQ(prog.weightMaxError[0], 0.0);
}

TEST(TrueNorthLowering, FanInBeyondPartialSumsIsRefused) {
  // 128 parts of 128 sources need 256 partial sums per neuron: more than
  // the axons left.
  int64_t n = 128 * 128 + 1;
  Problem p = dense(n, 1, std::vector<double>(size_t(n), 0.5));
  Program prog;
  std::string error;
  EXPECT_FALSE(lower(p, limits(), prog, error));
  EXPECT_EQ(error, "group 'hidden' reads 16385 sources; partial sums of 128 "
                   "each would need 258 axons per neuron, beyond the 256");
}

TEST(TrueNorthLowering, ThresholdUnitsForgetEveryTick) {
  // s = [I > 1.5] with inputs of 0.5: theta = 3 units, leak -(3 + 1),
  // alpha 0, everything back to 0 each tick.
  Problem p = dense(2, 1, {0.5, 0.5});
  p.groups[0].kind = Group::Kind::threshold;
  p.groups[0].span = 1.5;
  Program prog;
  std::string error;
  ASSERT_TRUE(lower(p, limits(), prog, error)) << error;
  const NeuronType &t = prog.types[0];
  EXPECT_EQ(t.threshold, 0);
  EXPECT_EQ(t.leak, -4);
  EXPECT_EQ(t.weights[0], 1);
  EXPECT_EQ(t.reset, 0);
  EXPECT_EQ(t.negativeMode, 0);
  EXPECT_EQ(t.negativeThreshold, 0);
}

TEST(TrueNorthLowering, LinearLeakReportsItsCost) {
  // A decay of 0.9 per tick: at the threshold A it takes 0.1 A; the linear
  // leak takes half of that everywhere, so it is off by 0.05 A at 0 and at A.
  Problem p = dense(1, 1, {0.05});
  p.groups[0].kind = Group::Kind::leaky;
  p.groups[0].alpha = 0.9;
  Program prog;
  std::string error;
  ASSERT_TRUE(lower(p, limits(), prog, error)) << error;
  const NeuronType &t = prog.types[0];
  EXPECT_EQ(t.threshold, 20); // 0.05 mV is 1 unit at alpha = 20
  EXPECT_TRUE(t.leakReversal);
  EXPECT_EQ(t.leak, -1); // round(0.1 * 20 / 2)
  EXPECT_DOUBLE_EQ(prog.leakError[0], 0.05);
}

TEST(TrueNorthLowering, LongDelaysGoThroughRelays) {
  // 40 ticks from a to b: relays after 15 and 30 ticks, then 10 more.
  Problem p;
  p.inputSizes = {1};
  p.groups = {ifGroup("a", 1), ifGroup("b", 1)};
  Edge in;
  in.fromInput = true;
  in.synapses = {{0, 0, 1.0}};
  Edge ab;
  ab.source = 0;
  ab.target = 1;
  ab.delay = 40;
  ab.synapses = {{0, 0, 1.0}};
  p.edges = {in, ab};
  p.outputs = {1};
  Program prog;
  std::string error;
  ASSERT_TRUE(lower(p, limits(), prog, error)) << error;
  EXPECT_EQ(prog.groupNames,
            (std::vector<std::string>{"a", "b", "a.relay1", "a.relay2"}));
  ASSERT_EQ(prog.cores.size(), 4u);
  // a -> relay1 (15), relay1 -> relay2 (15), relay2 -> b (10).
  EXPECT_EQ(prog.cores[0].destCores, (std::vector<int64_t>{2}));
  EXPECT_EQ(prog.cores[0].destDelays, (std::vector<int64_t>{15}));
  EXPECT_EQ(prog.cores[2].destCores, (std::vector<int64_t>{3}));
  EXPECT_EQ(prog.cores[2].destDelays, (std::vector<int64_t>{15}));
  EXPECT_EQ(prog.cores[3].destCores, (std::vector<int64_t>{1}));
  EXPECT_EQ(prog.cores[3].destDelays, (std::vector<int64_t>{10}));
  // A relay fires on every spike it gets: 2 units against a leak of -2.
  const NeuronType &relay = prog.types[size_t(prog.cores[2].types[0])];
  EXPECT_EQ(relay.weights[0], 2);
  EXPECT_EQ(relay.leak, -2);
  EXPECT_EQ(relay.threshold, 0);
}

namespace {
/// What every program the lowering returns must satisfy.
void expectWellFormed(const Problem &p, const Program &prog) {
  for (const Core &core : prog.cores) {
    ASSERT_LE(core.axonTypes.size(), 256u);
    ASSERT_LE(core.types.size(), 256u);
    ASSERT_EQ(core.crossbar.size(), core.axonTypes.size());
    for (int t : core.axonTypes)
      ASSERT_TRUE(t >= 0 && t < 4);
    for (size_t j = 0; j < core.types.size(); ++j) {
      ASSERT_LT(size_t(core.types[j]), prog.types.size());
      if (core.destCores[j] < 0)
        continue;
      ASSERT_LT(size_t(core.destCores[j]), prog.cores.size());
      ASSERT_LT(size_t(core.destAxons[j]),
                prog.cores[size_t(core.destCores[j])].axonTypes.size());
      ASSERT_TRUE(core.destDelays[j] >= 1 && core.destDelays[j] <= 15);
    }
  }
  for (const NeuronType &t : prog.types)
    for (int64_t w : t.weights)
      ASSERT_TRUE(w >= -255 && w <= 255);
  ASSERT_EQ(prog.inputs.size(), p.inputSizes.size());
  for (const auto &elements : prog.inputs)
    for (const auto &targets : elements)
      for (auto [c, a] : targets)
        ASSERT_LT(size_t(a), prog.cores[size_t(c)].axonTypes.size());
  ASSERT_EQ(prog.outputs.size(), p.outputs.size());
  for (size_t k = 0; k < p.outputs.size(); ++k) {
    ASSERT_EQ(int64_t(prog.outputs[k].size()), p.groups[p.outputs[k]].size);
    for (auto [c, slot] : prog.outputs[k]) {
      ASSERT_GE(c, 0);
      ASSERT_LT(size_t(slot), prog.cores[size_t(c)].types.size());
      ASSERT_LT(prog.cores[size_t(c)].destCores[size_t(slot)], 0);
    }
  }
}
} // namespace

TEST(TrueNorthLowering, RandomNetworksGiveWellFormedPrograms) {
  // Seeded random networks: groups of IF, LIF and threshold units, edges
  // from inputs and groups (recurrent ones too) with delays up to 40 ticks,
  // weights from a few values or continuous, fan-ins up to 400. Every
  // program must be well formed, and the same problem must give the same
  // program.
  std::mt19937 rng(17);
  auto uniform = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  int lowered = 0;
  for (int trial = 0; trial < 100; ++trial) {
    Problem p;
    p.inputSizes = {uniform(1, 400)};
    size_t groups = size_t(uniform(1, 4));
    for (size_t g = 0; g < groups; ++g) {
      Group group = ifGroup("g" + std::to_string(g), uniform(1, 40),
                            double(uniform(1, 8)) / 2);
      group.kind = Group::Kind(uniform(0, 2));
      group.alpha = group.kind == Group::Kind::leaky ? 0.9 : 1.0;
      group.resetMode = int(uniform(0, 2));
      p.groups.push_back(group);
    }
    bool continuous = uniform(0, 1);
    for (size_t g = 0; g < groups; ++g) {
      int64_t edges = uniform(1, 2);
      for (int64_t k = 0; k < edges; ++k) {
        Edge e;
        e.fromInput = k == 0 || uniform(0, 2) == 0;
        e.source = e.fromInput ? 0 : size_t(uniform(0, int64_t(groups) - 1));
        e.target = g;
        e.delay = e.fromInput ? 1 : uniform(1, 40);
        int64_t sources =
            e.fromInput ? p.inputSizes[0] : p.groups[e.source].size;
        double density = double(uniform(1, 60)) / 100;
        for (int64_t j = 0; j < p.groups[g].size; ++j)
          for (int64_t i = 0; i < sources; ++i)
            if (std::uniform_real_distribution<double>(0, 1)(rng) < density) {
              double w =
                  continuous
                      ? std::uniform_real_distribution<double>(-1, 1)(rng)
                      : 0.5 * double(uniform(-2, 2));
              if (w != 0)
                e.synapses.push_back({i, j, w});
            }
        p.edges.push_back(std::move(e));
      }
    }
    p.outputs = {size_t(uniform(0, int64_t(groups) - 1))};
    Program a, b;
    std::string errorA, errorB;
    bool okA = lower(p, limits(), a, errorA);
    bool okB = lower(p, limits(), b, errorB);
    ASSERT_EQ(okA, okB);
    ASSERT_EQ(errorA, errorB);
    if (!okA) {
      EXPECT_FALSE(errorA.empty());
      continue;
    }
    ++lowered;
    expectWellFormed(p, a);
    ASSERT_EQ(a.cores.size(), b.cores.size());
    for (size_t c = 0; c < a.cores.size(); ++c) {
      ASSERT_EQ(a.cores[c].crossbar, b.cores[c].crossbar);
      ASSERT_EQ(a.cores[c].destCores, b.cores[c].destCores);
      ASSERT_EQ(a.cores[c].destAxons, b.cores[c].destAxons);
    }
  }
  // Most of them fit.
  EXPECT_GT(lowered, 60);
}
