//===- TrueNorthTest.cpp - the TrueNorth core, worked by hand -------------===//
//
// Every mode of the neuron of docs/formats/truenorth.md on one core, with
// the expected numbers worked out in the comments; then delays and
// outputs through the emulator's nodes.
//
//===----------------------------------------------------------------------===//

#include "snnrt/Network.h"
#include "snnrt/TrueNorthModel.h"
#include "truenorth/TrueNorthCore.h"

#include <gtest/gtest.h>

using namespace snnrt;
using namespace snnrt::truenorth;

namespace {
/// A type that never fires nor resets unless a test says so: alpha at its
/// limit, beta at its limit with kappa = 0 and non-reset.
NeuronType quiet() {
  NeuronType t;
  t.alpha = kMaxThreshold;
  t.beta = kMaxNegativeThreshold;
  t.gamma = kResetNone;
  t.kappa = false;
  return t;
}

/// A core whose neuron 0 has type `t` and is reached by axons 0..3, of
/// types S0..S3.
CoreModel oneNeuron(const NeuronType &t, uint32_t seed = 1) {
  CoreModel core;
  core.types = {t};
  core.typeOf.fill(-1);
  core.typeOf[0] = 0;
  for (int k = 0; k < kAxonTypes; ++k) {
    core.axonType[k] = k;
    setBit(core.reach[k], 0);
  }
  core.v[0] = t.initial;
  core.prng = Prng(seed);
  core.prepare();
  return core;
}

Bits axons(std::initializer_list<int> list) {
  Bits b{};
  for (int a : list)
    setBit(b, a);
  return b;
}

/// One tick; true if neuron 0 fired.
bool tick(CoreModel &core, const Bits &active = {}) {
  std::vector<uint32_t> fired;
  core.tick(active, fired);
  return !fired.empty() && fired[0] == 0;
}
} // namespace

TEST(TrueNorth, PrngSequenceFromSeedOne) {
  // x = 1: x ^= x << 13 -> 0x2001; x ^= x >> 17 -> 0x2001 (0x2001 >> 17 =
  // 0); x ^= x << 5 -> 0x2001 ^ 0x40020 = 0x42021, rho = 0x21 = 33.
  // x = 0x42021: << 13 = 0x84042000, ^ -> 0x84000021; >> 17 = 0x4200,
  // ^ -> 0x84004221; << 5 = 0x80084420 (mod 2^32), ^ -> 0x04080601,
  // rho = 0x01 = 1. The same three steps give 0x9DCCA8C5 (rho 0xC5 = 197),
  // 0x1255994F (0x4F = 79), 0x8EF917D1 (0xD1 = 209).
  Prng p(1);
  EXPECT_EQ(p.next(), 0x00042021u);
  EXPECT_EQ(p.next(), 0x04080601u);
  EXPECT_EQ(p.next(), 0x9DCCA8C5u);
  Prng q(1);
  for (int64_t rho : {33, 1, 197, 79, 209})
    EXPECT_EQ(q.draw(), rho);
  // Seed 0 would stay 0: it starts at 0x9E3779B9, whose first step gives
  // 0x510C4619 (rho 0x19 = 25).
  Prng z(0);
  EXPECT_EQ(z.next(), 0x510C4619u);
}

TEST(TrueNorth, IntegratesTheWeightOfEachAxonType) {
  NeuronType t = quiet();
  t.weights = {3, -2, 5, 0};
  CoreModel core = oneNeuron(t);
  tick(core, axons({0, 1})); // 0 + 3 - 2
  EXPECT_EQ(core.v[0], 1);
  tick(core, axons({2, 3})); // 1 + 5 + 0
  EXPECT_EQ(core.v[0], 6);
  tick(core); // nothing active, no leak
  EXPECT_EQ(core.v[0], 6);
  // An axon reaches only the neurons of its row: neuron 1 (unused) and
  // axon 4 (no bits) change nothing.
  tick(core, axons({4}));
  EXPECT_EQ(core.v[0], 6);
}

TEST(TrueNorth, MembraneSaturatesAtTwentyBits) {
  NeuronType t = quiet();
  t.weights = {255, 255, -255, 0};
  t.initial = 524000;
  CoreModel up = oneNeuron(t);
  // In axon order, each event saturating: 524000 + 255 = 524255,
  // + 255 = 524510 -> 524287, - 255 = 524032. (Summing first would give
  // 524255.) alpha 255: it fires, gamma 2 keeps V.
  EXPECT_TRUE(tick(up, axons({0, 1, 2})));
  EXPECT_EQ(up.v[0], 524032);
  t.initial = kMaxMembrane - 1; // 524286 + 255 -> 524287
  CoreModel top = oneNeuron(t);
  tick(top, axons({0}));
  EXPECT_EQ(top.v[0], kMaxMembrane);
  t.initial = kMinMembrane + 10; // -524278 - 255 -> -524288
  CoreModel bottom = oneNeuron(t);
  EXPECT_FALSE(tick(bottom, axons({2})));
  EXPECT_EQ(bottom.v[0], kMinMembrane); // below -beta: gamma 2 keeps V
}

TEST(TrueNorth, DeterministicLeak) {
  NeuronType t = quiet();
  t.sigmaLambda = -1;
  t.lambda = 3;
  t.initial = 10;
  t.kappa = true; // below -beta = 0: V <- 0
  t.beta = 0;
  CoreModel core = oneNeuron(t);
  for (int64_t v : {7, 4, 1, 0, 0}) { // 1 - 3 = -2 < 0 -> -beta = 0
    tick(core);
    EXPECT_EQ(core.v[0], v);
  }
}

TEST(TrueNorth, LeakReversalFollowsTheSignOfV) {
  // epsilon = 1: Omega = sgn(V) sigma_lambda. sigma_lambda = -1 leaks
  // toward 0 from either side and overshoots (no "ringing" clamp):
  // 10 -> 7 -> 4 -> 1 -> -2 -> 1.
  NeuronType t = quiet();
  t.leakReversal = true;
  t.sigmaLambda = -1;
  t.lambda = 3;
  t.initial = 10;
  CoreModel toward = oneNeuron(t);
  for (int64_t v : {7, 4, 1, -2, 1}) {
    tick(toward);
    EXPECT_EQ(toward.v[0], v);
  }
  t.initial = -10; // -7, -4, -1, 2, -1
  CoreModel fromBelow = oneNeuron(t);
  for (int64_t v : {-7, -4, -1, 2, -1}) {
    tick(fromBelow);
    EXPECT_EQ(fromBelow.v[0], v);
  }
  // sigma_lambda = +1 leaks away from 0: -5 -> -6 -> -7; 0 stays 0.
  t.sigmaLambda = 1;
  t.lambda = 1;
  t.initial = -5;
  CoreModel away = oneNeuron(t);
  tick(away);
  tick(away);
  EXPECT_EQ(away.v[0], -7);
  t.initial = 0;
  CoreModel zero = oneNeuron(t);
  tick(zero);
  EXPECT_EQ(zero.v[0], 0);
  // Without reversal the same leak adds +1 whatever V's sign: -5 -> -4.
  t.leakReversal = false;
  t.initial = -5;
  CoreModel plain = oneNeuron(t);
  tick(plain);
  EXPECT_EQ(plain.v[0], -4);
}

TEST(TrueNorth, StochasticLeak) {
  // c_lambda: +Omega when lambda >= rho. Draws from seed 1: 33, 1, 197,
  // 79, 209; lambda = 100 passes 33, 1, 79: V = 1, 2, 2, 3, 3.
  NeuronType t = quiet();
  t.stochasticLeak = true;
  t.lambda = 100;
  CoreModel core = oneNeuron(t);
  for (int64_t v : {1, 2, 2, 3, 3}) {
    tick(core);
    EXPECT_EQ(core.v[0], v);
  }
  // sigma_lambda = -1 with reversal: Omega = sgn(V) (-1) toward 0. From
  // V = 2: 33 -> 1, 1 -> 0, 197 (no) -> 0, 79: Omega = 0 -> 0.
  t.sigmaLambda = -1;
  t.leakReversal = true;
  t.initial = 2;
  CoreModel toward = oneNeuron(t);
  for (int64_t v : {1, 0, 0, 0}) {
    tick(toward);
    EXPECT_EQ(toward.v[0], v);
  }
}

TEST(TrueNorth, StochasticSynapses) {
  // b0: +sgn(w) when |w| >= rho. w = 100 with draws 33, 1, 197, 79, 209:
  // V = 1, 2, 2, 3, 3; w = -100: -1, -2, -2, -3, -3.
  NeuronType t = quiet();
  t.weights[0] = 100;
  t.stochasticWeight[0] = true;
  CoreModel up = oneNeuron(t);
  for (int64_t v : {1, 2, 2, 3, 3}) {
    tick(up, axons({0}));
    EXPECT_EQ(up.v[0], v);
  }
  t.weights[0] = -100;
  CoreModel down = oneNeuron(t);
  for (int64_t v : {-1, -2, -2, -3, -3}) {
    tick(down, axons({0}));
    EXPECT_EQ(down.v[0], v);
  }
  // Only a stochastic type draws. In axon order: axon 0 (w = -100) draws
  // 33 and adds -1, axon 1 (S1, deterministic 5) adds 5: V = 4. Next tick
  // axon 0 alone draws 1 (had axon 1 drawn, it would get 197): V = 3.
  t.weights[1] = 5;
  CoreModel mixed = oneNeuron(t);
  tick(mixed, axons({0, 1}));
  EXPECT_EQ(mixed.v[0], 4);
  tick(mixed, axons({0}));
  EXPECT_EQ(mixed.v[0], 3);
}

TEST(TrueNorth, DrawOrderIsSynapsesThenEachNeuron) {
  // A stochastic weight of 0 still draws: its draw (33) is spent, so the
  // leak gets 1 and lambda = 1 >= 1 adds 1. Had it not drawn, 1 >= 33
  // would fail.
  NeuronType t = quiet();
  t.stochasticWeight[0] = true;
  t.stochasticLeak = true;
  t.lambda = 1;
  CoreModel spent = oneNeuron(t);
  tick(spent, axons({0}));
  EXPECT_EQ(spent.v[0], 1);
  // Two neurons on axon 0, w = 100 stochastic, lambda = 100 stochastic:
  // synapses first (n0: 33 -> +1, n1: 1 -> +1), then n0's leak (197: no)
  // and n1's (79: +1): V = 1 and 2.
  t.weights[0] = 100;
  t.lambda = 100;
  CoreModel two = oneNeuron(t);
  two.typeOf[1] = 0;
  setBit(two.reach[0], 1);
  two.prepare();
  tick(two, axons({0}));
  EXPECT_EQ(two.v[0], 1);
  EXPECT_EQ(two.v[1], 2);
}

TEST(TrueNorth, ThresholdMask) {
  // TM = 2: eta = rho & 3 = 1, 1, 1, 3, 1 for 33, 1, 197, 79, 209. V = 2,
  // alpha = 1, non-reset: fires while 2 >= 1 + eta, not when eta = 3.
  NeuronType t = quiet();
  t.alpha = 1;
  t.maskBits = 2;
  t.initial = 2;
  CoreModel core = oneNeuron(t);
  for (bool fires : {true, true, true, false, true}) {
    EXPECT_EQ(tick(core), fires);
    EXPECT_EQ(core.v[0], 2);
  }
  // Linear reset subtracts alpha + eta: 5 - 2 = 3, 3 - 2 = 1, then
  // 1 < 1 + 1 does not fire.
  t.gamma = kResetLinear;
  t.initial = 5;
  CoreModel linear = oneNeuron(t);
  EXPECT_TRUE(tick(linear));
  EXPECT_EQ(linear.v[0], 3);
  EXPECT_TRUE(tick(linear));
  EXPECT_EQ(linear.v[0], 1);
  EXPECT_FALSE(tick(linear));
  EXPECT_EQ(linear.v[0], 1);
  // TM = 0 draws nothing: a stochastic leak after it still sees 33 first.
  NeuronType noMask = quiet();
  noMask.stochasticLeak = true;
  noMask.lambda = 32; // 32 >= 33 fails, 32 >= 1 passes
  CoreModel plain = oneNeuron(noMask);
  tick(plain);
  EXPECT_EQ(plain.v[0], 0);
  tick(plain);
  EXPECT_EQ(plain.v[0], 1);
}

namespace {
/// Neuron 0 of type `t` (R = 7: sigma_VR 1, VR 3) after one tick from `v`.
int64_t afterTick(NeuronType t, int64_t v, bool *fired = nullptr) {
  t.initial = v;
  CoreModel core = oneNeuron(t);
  bool f = tick(core);
  if (fired)
    *fired = f;
  return core.v[0];
}

NeuronType resetting(int64_t gamma, bool kappa) {
  NeuronType t;
  t.alpha = 5;
  t.beta = 4;
  t.gamma = gamma;
  t.kappa = kappa;
  t.reset = resetValue(1, 3); // 2^3 - 1 = 7
  return t;
}
} // namespace

TEST(TrueNorth, ResetOnFire) {
  bool fired = false;
  // V = 10 >= alpha = 5. gamma 0: V <- R = 7; gamma 1: 10 - 5 = 5;
  // gamma 2: 10 stays. kappa does not matter when the neuron fires.
  for (bool kappa : {false, true}) {
    EXPECT_EQ(afterTick(resetting(kResetNormal, kappa), 10, &fired), 7);
    EXPECT_TRUE(fired);
    EXPECT_EQ(afterTick(resetting(kResetLinear, kappa), 10, &fired), 5);
    EXPECT_TRUE(fired);
    EXPECT_EQ(afterTick(resetting(kResetNone, kappa), 10, &fired), 10);
    EXPECT_TRUE(fired);
  }
  // R = -(2^3 - 1) = -7 with sigma_VR = -1.
  NeuronType negative = resetting(kResetNormal, false);
  negative.reset = resetValue(-1, 3);
  EXPECT_EQ(afterTick(negative, 10), -7);
  // Exactly alpha fires; alpha - 1 does not.
  EXPECT_EQ(afterTick(resetting(kResetLinear, false), 5, &fired), 0);
  EXPECT_TRUE(fired);
  EXPECT_EQ(afterTick(resetting(kResetLinear, false), 4, &fired), 4);
  EXPECT_FALSE(fired);
}

TEST(TrueNorth, ResetBelowTheNegativeThreshold) {
  bool fired = true;
  // V = -10 < -beta = -4. kappa 0: gamma 0 -> -R = -7; gamma 1 ->
  // -10 + 4 = -6; gamma 2 -> -10. kappa 1: -beta = -4 for every gamma.
  EXPECT_EQ(afterTick(resetting(kResetNormal, false), -10, &fired), -7);
  EXPECT_FALSE(fired);
  EXPECT_EQ(afterTick(resetting(kResetLinear, false), -10), -6);
  EXPECT_EQ(afterTick(resetting(kResetNone, false), -10), -10);
  for (int64_t gamma : {kResetNormal, kResetLinear, kResetNone})
    EXPECT_EQ(afterTick(resetting(gamma, true), -10), -4);
  // -4 is not below -4: unchanged in every mode; -5 is.
  for (int64_t gamma : {kResetNormal, kResetLinear, kResetNone})
    for (bool kappa : {false, true}) {
      EXPECT_EQ(afterTick(resetting(gamma, kappa), -4), -4);
      EXPECT_EQ(afterTick(resetting(gamma, kappa), -3), -3);
    }
  EXPECT_EQ(afterTick(resetting(kResetNormal, false), -5), -7);
}

TEST(TrueNorth, NegativeThresholdWithTheMask) {
  // TM = 2, first draw 33: eta = 1. kappa 0 tests V < -(beta + eta) = -5,
  // kappa 1 tests V < -beta = -4 and ignores eta.
  NeuronType t = resetting(kResetLinear, false);
  t.maskBits = 2;
  EXPECT_EQ(afterTick(t, -5), -5); // not below -5
  EXPECT_EQ(afterTick(t, -6), -1); // -6 + (4 + 1)
  t.gamma = kResetNormal;
  EXPECT_EQ(afterTick(t, -6), -7); // -R
  t.kappa = true;
  EXPECT_EQ(afterTick(t, -5), -4); // below -4: -beta
  // The positive side with eta: 6 >= 5 + 1 fires, linear 6 - 6 = 0.
  t.gamma = kResetLinear;
  EXPECT_EQ(afterTick(t, 6), 0);
  EXPECT_EQ(afterTick(t, 5), 5); // 5 < 6: no fire
}

namespace {
/// A relay: +1 on S0, fires at 1, resets to 0.
NeuronType relay() {
  NeuronType t;
  t.weights[0] = 1;
  t.alpha = 1;
  t.kappa = true;
  return t;
}

CoreTable emptyCore(int64_t id) {
  CoreTable c;
  c.id = id;
  for (int j = 0; j < kNeuronsPerCore; ++j) {
    c.dendrites[j] = j;
    c.types[j] = -1;
    c.destCores[j] = -1;
    c.destDelays[j] = 1;
  }
  return c;
}

/// Steps `net` with input 0 spiking on element 0 at step 0; the steps at
/// which each element of output 0 spikes.
std::vector<std::vector<uint64_t>> run(Network &net, uint64_t steps) {
  std::vector<std::vector<uint64_t>> at(net.output(0).size);
  std::string error;
  for (uint64_t t = 0; t < steps; ++t) {
    uint32_t element = 0;
    EXPECT_TRUE(net.setInputSpikes(0, &element, nullptr, t == 0 ? 1 : 0, error))
        << error;
    net.step();
    for (uint32_t e : net.output(0).active)
      at[e].push_back(t);
  }
  return at;
}
} // namespace

TEST(TrueNorth, DelaysOfOneAndFifteenTicks) {
  // Input 0 drives core 0 axon 0, which reaches neurons 0 and 1. Neuron 0
  // sends to core 1 axon 0 after 1 tick, neuron 1 to axon 1 after 15;
  // there relays 0 and 1 carry the output. The input spikes at step 0, so
  // core 0 fires at 0, and core 1 at 1 and 15.
  Tables tables;
  tables.types = {relay()};
  tables.cores = {emptyCore(0), emptyCore(1)};
  CoreTable &c0 = tables.cores[0], &c1 = tables.cores[1];
  setBit(c0.rows[0], 0);
  setBit(c0.rows[0], 1);
  for (int j : {0, 1}) {
    c0.types[j] = 0;
    c0.destCores[j] = 1;
    c0.destAxons[j] = j;
    c0.destDelays[j] = j == 0 ? kMinDelay : kMaxDelay;
    c1.types[j] = 0;
    setBit(c1.rows[j], j);
  }
  tables.inputs = {{{1}, {{{0, 0}}}}};
  tables.outputs = {{{2}, {{1, 0}, {1, 1}}}};
  std::string error;
  auto net = Network::load(tableRecords(tables), error);
  ASSERT_TRUE(net) << error;
  auto at = run(*net, 20);
  EXPECT_EQ(at[0], std::vector<uint64_t>{1});
  EXPECT_EQ(at[1], std::vector<uint64_t>{15});
}

TEST(TrueNorth, DendritesChooseTheColumn) {
  // Neuron 5 reads column 9, which axon 0 reaches; neuron 9 reads column 5,
  // which nothing reaches.
  Tables tables;
  tables.types = {relay()};
  tables.cores = {emptyCore(0)};
  CoreTable &c = tables.cores[0];
  setBit(c.rows[0], 9);
  c.types[5] = c.types[9] = 0;
  c.dendrites[5] = 9;
  c.dendrites[9] = 5;
  tables.inputs = {{{1}, {{{0, 0}}}}};
  tables.outputs = {{{2}, {{0, 5}, {0, 9}}}};
  std::string error;
  auto net = Network::load(tableRecords(tables), error);
  ASSERT_TRUE(net) << error;
  auto at = run(*net, 3);
  EXPECT_EQ(at[0], std::vector<uint64_t>{0});
  EXPECT_TRUE(at[1].empty());
}

TEST(TrueNorth, SameRunForEveryThreadCount) {
  // Stochastic synapses, leak and thresholds on four cores in a ring: the
  // spikes of every step are the same with 1, 2 and 3 threads.
  NeuronType t;
  t.weights = {60, -30, 90, 0};
  t.stochasticWeight = {true, false, true, false};
  t.stochasticLeak = true;
  t.lambda = 40;
  t.alpha = 3;
  t.maskBits = 3;
  t.gamma = kResetLinear;
  Tables tables;
  tables.types = {t};
  for (int64_t c = 0; c < 4; ++c) {
    CoreTable core = emptyCore(c);
    core.rngSeed = uint32_t(c * 7919 + 1);
    for (int i = 0; i < kAxonsPerCore; ++i) {
      core.axonTypes[i] = i % kAxonTypes;
      for (int j = 0; j < kNeuronsPerCore; ++j)
        if ((i * 31 + j * 17) % 11 == 0)
          setBit(core.rows[i], j);
    }
    for (int j = 0; j < kNeuronsPerCore; ++j) {
      core.types[j] = j % 5 == 4 ? -1 : 0;
      core.destCores[j] = (c + 1 + j % 2) % 4;
      core.destAxons[j] = (j * 13) % kAxonsPerCore;
      core.destDelays[j] = 1 + j % kMaxDelay;
    }
    tables.cores.push_back(core);
  }
  InputTable input{{8}, {}};
  for (int e = 0; e < 8; ++e)
    input.targets.push_back({{e % 4, e * 3}, {(e + 1) % 4, e * 5}});
  tables.inputs = {input};
  OutputTable output{{4 * 64}, {}};
  for (int c = 0; c < 4; ++c)
    for (int j = 0; j < 64; ++j)
      output.neurons.push_back({c, j * 4});
  tables.outputs = {output};

  std::vector<std::vector<uint32_t>> reference;
  for (size_t threads : {1, 2, 3}) {
    std::string error;
    auto net = Network::load(tableRecords(tables), error);
    ASSERT_TRUE(net) << error;
    ASSERT_TRUE(net->setThreads(threads, error)) << error;
    std::vector<std::vector<uint32_t>> spikes;
    uint64_t total = 0;
    for (uint32_t step = 0; step < 60; ++step) {
      std::vector<uint32_t> active;
      for (uint32_t e = 0; e < 8; ++e)
        if ((step * 3 + e) % 4 == 0)
          active.push_back(e);
      ASSERT_TRUE(
          net->setInputSpikes(0, active.data(), nullptr, active.size(), error));
      net->step();
      spikes.push_back(net->output(0).active);
      total += spikes.back().size();
    }
    EXPECT_GT(total, 0u);
    if (reference.empty())
      reference = spikes;
    else
      EXPECT_EQ(spikes, reference) << threads << " threads";
  }
}
