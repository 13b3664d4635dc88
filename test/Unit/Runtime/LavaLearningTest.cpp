//===- LavaLearningTest.cpp - Lava's learning rules and engine -----------===//
//
// numpy's random streams against numpy's own output (Inputs/
// numpy-random.txt, written by test/Runtime/Loihi2/numpy-random.test.py, which a
// lit test reruns), the rule parser against Lava's ProductSeries, and the
// engine on cases worked by hand with the draws of those streams.
//
//===----------------------------------------------------------------------===//

#include "snnrt/LavaLearning.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace snnrt;
using namespace snnrt::loihi2;

TEST(NumpyRandom, MatchesNumpy) {
  std::ifstream in(SNNRT_TEST_INPUTS "/numpy-random.txt");
  ASSERT_TRUE(in) << "cannot open numpy-random.txt";
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string kind;
    uint64_t seed;
    row >> kind >> seed;
    if (kind == "random") {
      numpy::PCG64 rng(seed);
      std::string hex;
      while (row >> hex)
        EXPECT_EQ(rng.random(), std::strtod(hex.c_str(), nullptr))
            << "seed " << seed;
    } else {
      uint64_t n;
      row >> n;
      numpy::PCG64 rng(seed);
      int64_t value;
      while (row >> value)
        EXPECT_EQ(rng.integers(n), value) << "seed " << seed << " n " << n;
    }
    ++lines;
  }
  EXPECT_EQ(lines, 63);
}

TEST(LearningRule, ParsesLavaSTDP) {
  // STDPLoihi(learning_rate=1, A_plus=1, A_minus=-1) with float_to_literal
  // for 0.25 = "(1) * 2 ^ -2".
  ProductSeries ps;
  std::string error;
  ASSERT_TRUE(parseLearningRule("(1) * 2 ^ -2 * (-1) * x0 * y1 +"
                                "(1) * 2 ^ -2 * (1) * y0 * x1",
                                ps, error))
      << error;
  ASSERT_EQ(ps.products.size(), 2u);
  EXPECT_EQ(ps.products[0].dependency, LearningProduct::Dependency::X0);
  EXPECT_EQ(ps.products[0].mantissa, -1);
  EXPECT_EQ(ps.products[0].exponent, 5); // -2 + 7
  ASSERT_EQ(ps.products[0].factors.size(), 1u);
  EXPECT_EQ(ps.products[0].factors[0].var, LearningFactor::Var::Y1);
  EXPECT_EQ(ps.products[1].dependency, LearningProduct::Dependency::Y0);
  EXPECT_EQ(ps.products[1].mantissa, 1);
  EXPECT_EQ(ps.products[1].factors[0].var, LearningFactor::Var::X1);
  EXPECT_FALSE(ps.decimateExponent);
}

TEST(LearningRule, LiteralsConstantsAndDependencies) {
  ProductSeries ps;
  std::string error;
  // 16 halves while above 7: 4 * 2^2; "3*2^-4" is one literal; a second dependency
  // becomes a factor; (w - 2) carries its constant; u3 decimates by 2^3.
  ASSERT_TRUE(parseLearningRule("16 * x0 - 3*2^-4 * y0 * x0 * (w - 2) + "
                                "u3 * sgn(w + 1)",
                                ps, error))
      << error;
  ASSERT_EQ(ps.products.size(), 3u);
  EXPECT_EQ(ps.products[0].mantissa, 4);
  EXPECT_EQ(ps.products[0].exponent, 2 + 7);
  EXPECT_EQ(ps.products[1].mantissa, -3);
  EXPECT_EQ(ps.products[1].exponent, -4 + 7);
  EXPECT_EQ(ps.products[1].dependency, LearningProduct::Dependency::Y0);
  ASSERT_EQ(ps.products[1].factors.size(), 2u);
  EXPECT_EQ(ps.products[1].factors[0].var, LearningFactor::Var::X0);
  EXPECT_EQ(ps.products[1].factors[1].var, LearningFactor::Var::W);
  EXPECT_TRUE(ps.products[1].factors[1].hasConstant);
  EXPECT_EQ(ps.products[1].factors[1].constant, -2);
  EXPECT_EQ(ps.products[2].dependency, LearningProduct::Dependency::U);
  EXPECT_TRUE(ps.products[2].factors[0].sign);
  EXPECT_EQ(ps.products[2].factors[0].constant, 1);
  ASSERT_TRUE(ps.decimateExponent);
  EXPECT_EQ(*ps.decimateExponent, 3);
}

TEST(LearningRule, RefusesWhatLavaRefuses) {
  ProductSeries ps;
  std::string error;
  EXPECT_FALSE(parseLearningRule("2^-2 * x1", ps, error));
  EXPECT_EQ(error, "a product without a dependency (x0, y0 or u)");
  EXPECT_FALSE(parseLearningRule("15 * x0", ps, error));
  EXPECT_EQ(error, "a scale mantissa of 15, outside -8..7");
  EXPECT_FALSE(parseLearningRule("2^9 * x0", ps, error));
  EXPECT_EQ(error, "a scale exponent of 9, outside -7..8");
  EXPECT_FALSE(parseLearningRule("x0 * y1 * d", ps, error));
  EXPECT_EQ(error, "'d' (the synaptic delay) is not supported: only weights "
                   "learn");
  EXPECT_FALSE(parseLearningRule("x0 * (y1 + 2", ps, error));
  EXPECT_EQ(error, "a bracket without its closing bracket in '(y1+2'");
  EXPECT_FALSE(parseLearningRule("x0 * z", ps, error));
  EXPECT_EQ(error, "cannot read 'z'");
  EXPECT_FALSE(parseLearningRule("x0 * sgn(x1)", ps, error));
  EXPECT_EQ(error, "sgn(..) applies to w only");
  EXPECT_FALSE(parseLearningRule("x0 + + y0", ps, error));
  EXPECT_FALSE(parseLearningRule("u1 * x1 + u2 * x2", ps, error));
  EXPECT_EQ(error, "u dependencies with different decimation exponents");
}

namespace {
LearningRule stdpRule(double tau, int64_t epoch, uint64_t seed) {
  LearningRule r;
  r.dw = "2^-2 * y0 * x1 - 2^-2 * x0 * y1";
  r.xImpulse = {16, 0};
  r.yImpulse = {16, 0, 0};
  r.xTau = {tau, 0};
  r.yTau = {tau, 0, 0};
  r.epoch = epoch;
  r.seed = seed;
  return r;
}

/// The k-th (from 1) draw of numpy's default_rng(seed).random().
double draw(uint64_t seed, int k) {
  numpy::PCG64 rng(seed);
  double r = 0;
  for (int i = 0; i < k; ++i)
    r = rng.random();
  return r;
}

int64_t drawInt(uint64_t seed, int k, uint64_t n) {
  numpy::PCG64 rng(seed);
  int64_t r = 0;
  for (int i = 0; i < k; ++i)
    r = rng.integers(n);
  return r;
}
} // namespace

TEST(LearningEngine, PrePostPairPotentiates) {
  // Pre spikes at step 1, post at step 2, epoch 2, tau 4, seed 7: at the
  // end of the epoch the x trace has decayed once from 16, with the fifth
  // draws of the x streams (one at construction, two per step).
  LearningEngine e;
  std::string error;
  ASSERT_TRUE(e.configure(stdpRule(4, 2, 7), 1, 1, SignMode::Mixed, error))
      << error;
  e.connect({0}, {0});
  std::vector<int64_t> w{40};
  e.recordSpikes(1, {0}, {});
  e.recordSpikes(2, {}, {0});
  ASSERT_TRUE(e.epochEnds(2));
  e.learn(2, w);
  double decayRandom = draw(7, 5);
  int64_t impulseRandom = drawInt(8, 5, 128);
  // Impulse 16 has no fractional part: 16 whatever the draw.
  (void)impulseRandom;
  double x = 16 * std::exp(-1.0 / 4); // 12.46...
  int64_t x1 = 12 + (decayRandom < x - 12 ? 1 : 0);
  EXPECT_EQ(e.trace(0)[0], x1);
  // y1 was set at step 2 (16) and is not decayed after its spike.
  EXPECT_EQ(e.trace(2)[0], 16);
  // dw = 2^-2 * x1 (x0 * y1 reads y1 at the pre spike, still 0): in the
  // accumulator 40 * 128 + x1 * 2^5, rounded with ConnVarRandom's second
  // draw of default_rng(2).
  double scaled = (40.0 * 128 + double(x1) * 32) / 128;
  int64_t expected = int64_t(std::floor(scaled)) +
                     (draw(2, 2) < scaled - std::floor(scaled) ? 1 : 0);
  EXPECT_EQ(w[0], expected);
  EXPECT_GE(w[0], 43);
  EXPECT_LE(w[0], 44);
}

TEST(LearningEngine, PostPreDepressesAndSaturates) {
  // Post then pre, tau 0 (traces cleared every step): the y trace seen at
  // the pre spike's step is 0 unless both spike in the same step.
  LearningEngine e;
  std::string error;
  ASSERT_TRUE(
      e.configure(stdpRule(0, 1, 3), 1, 1, SignMode::Excitatory, error));
  e.connect({0}, {0});
  std::vector<int64_t> w{2};
  // Same step: +16/4 - 16/4 = 0.
  e.recordSpikes(1, {0}, {0});
  e.learn(1, w);
  EXPECT_EQ(w[0], 2);
  EXPECT_EQ(e.trace(0)[0], 16);
  // Next step the traces are cleared (tau 0); a pre spike alone reads y1 0.
  e.recordSpikes(2, {0}, {});
  e.learn(2, w);
  EXPECT_EQ(w[0], 2);
  EXPECT_EQ(e.trace(2)[0], 0);
}

TEST(LearningEngine, ExcitatoryWeightsStopAtZero) {
  LearningRule r = stdpRule(0, 1, 3);
  r.dw = "-2^3 * x0";
  LearningEngine e;
  std::string error;
  ASSERT_TRUE(e.configure(r, 1, 1, SignMode::Excitatory, error));
  e.connect({0}, {0});
  std::vector<int64_t> w{5};
  e.recordSpikes(1, {0}, {});
  e.learn(1, w);
  EXPECT_EQ(w[0], 0);
  r.dw = "2^3 * x0";
  LearningEngine up;
  ASSERT_TRUE(up.configure(r, 1, 1, SignMode::Mixed, error));
  up.connect({0}, {0});
  w = {250};
  up.recordSpikes(1, {0}, {});
  up.learn(1, w);
  EXPECT_EQ(w[0], 255);
}

TEST(LearningEngine, SecondSpikeAddsImpulseAtOnce) {
  // Two pre spikes in one epoch: the second adds the impulse immediately
  // (rounding with 0: +1 when the impulse has a fractional part).
  LearningRule r = stdpRule(0, 4, 1);
  r.xImpulse = {10.5, 0};
  LearningEngine e;
  std::string error;
  ASSERT_TRUE(e.configure(r, 1, 1, SignMode::Mixed, error));
  e.recordSpikes(1, {0}, {});
  e.recordSpikes(2, {0}, {});
  EXPECT_EQ(e.trace(0)[0], 11); // 0 + 10 + (0 < 128)
}

TEST(LearningEngine, RefusesBadParameters) {
  LearningEngine e;
  std::string error;
  LearningRule r = stdpRule(4, 64, 0);
  EXPECT_FALSE(e.configure(r, 1, 1, SignMode::Mixed, error));
  EXPECT_EQ(error, "t_epoch is 64, outside 1..63");
  r = stdpRule(-1, 1, 0);
  EXPECT_FALSE(e.configure(r, 1, 1, SignMode::Mixed, error));
  EXPECT_EQ(error, "x1_tau is -1, not a time constant >= 0");
  r = stdpRule(4, 1, 0);
  r.yImpulse[0] = 200;
  EXPECT_FALSE(e.configure(r, 1, 1, SignMode::Mixed, error));
  EXPECT_EQ(error, "y1_impulse is 200, outside [0, 128)");
  r = stdpRule(4, 1, 0);
  r.dw = "x1";
  EXPECT_FALSE(e.configure(r, 1, 1, SignMode::Mixed, error));
  EXPECT_EQ(error, "dw \"x1\": a product without a dependency (x0, y0 or u)");
}

TEST(LearningEngine, UpdatesOnlyThePairsThatSpiked) {
  // 2 x 2 synapses; pre 0 and post 1 spike together: only 1 <- 0 grows
  // (by the impulse 16, scale 1), whatever the order of the list.
  LearningRule r = stdpRule(0, 1, 9);
  r.dw = "2^0 * y0 * x1";
  LearningEngine e;
  std::string error;
  ASSERT_TRUE(e.configure(r, 2, 2, SignMode::Excitatory, error)) << error;
  e.connect({1, 0, 1, 0}, {1, 1, 0, 0});
  std::vector<int64_t> w{5, 6, 7, 8};
  e.recordSpikes(1, {0}, {1});
  e.learn(1, w);
  EXPECT_EQ(w, (std::vector<int64_t>{5, 6, 7 + 16, 8}));
  EXPECT_EQ(e.trace(0), (std::vector<int64_t>{16, 0}));
  EXPECT_EQ(e.trace(2), (std::vector<int64_t>{0, 16}));
}

TEST(LearningEngine, FirstEpochSaturatesEveryWeight) {
  // Lava truncates but does not clip a learning connection's weights; the
  // first learning phase saturates all of them, spikes or not.
  LearningEngine e;
  std::string error;
  ASSERT_TRUE(e.configure(stdpRule(4, 1, 0), 2, 1, SignMode::Excitatory,
                          error));
  e.connect({0, 0}, {0, 1});
  std::vector<int64_t> w{300, -5};
  e.recordSpikes(1, {}, {});
  e.learn(1, w);
  EXPECT_EQ(w, (std::vector<int64_t>{255, 0}));
}

TEST(LearningEngine, SpikingSynapsesOnlyEqualsEveryone) {
  // The engine visits only the synapses of neurons that spiked once every
  // weight is saturated; a u term (0 * u0, adding nothing) makes it visit
  // every synapse in every epoch. Both give the same weights and traces.
  LearningRule r = stdpRule(5, 3, 11);
  r.xImpulse = {10.5, 0};
  r.yImpulse = {20.25, 0, 0};
  r.dw = "3*2^-3 * y0 * x1 - 5*2^-4 * x0 * y1 + 2^-6 * x0 * w";
  LearningRule every = r;
  every.dw += " + 0 * u0 * x1";
  LearningEngine sparse, full;
  std::string error;
  ASSERT_TRUE(sparse.configure(r, 20, 10, SignMode::Mixed, error)) << error;
  ASSERT_TRUE(full.configure(every, 20, 10, SignMode::Mixed, error)) << error;
  std::vector<uint32_t> targets, sources;
  std::vector<int64_t> w1, w2;
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return uint32_t(state >> 33);
  };
  for (uint32_t j = 0; j < 10; ++j)
    for (uint32_t i = 0; i < 20; ++i)
      if (next() % 3) {
        targets.push_back(j);
        sources.push_back(i);
        w1.push_back(int64_t(next() % 400) - 200);
      }
  w2 = w1;
  const std::vector<int64_t> initial = w1;
  sparse.connect(targets, sources);
  full.connect(targets, sources);
  for (uint64_t t = 1; t <= 300; ++t) {
    std::vector<uint32_t> pre, post;
    for (uint32_t i = 0; i < 20; ++i)
      if (next() % 10 == 0)
        pre.push_back(i);
    for (uint32_t j = 0; j < 10; ++j)
      if (next() % 8 == 0)
        post.push_back(j);
    sparse.recordSpikes(t, pre, post);
    full.recordSpikes(t, pre, post);
    if (sparse.epochEnds(t)) {
      sparse.learn(t, w1);
      full.learn(t, w2);
    }
  }
  EXPECT_EQ(w1, w2);
  for (int k = 0; k < 5; ++k)
    EXPECT_EQ(sparse.trace(k), full.trace(k)) << k;
  // And learning happened: most weights moved.
  size_t changed = 0;
  for (size_t s = 0; s < w1.size(); ++s)
    changed += w1[s] != initial[s];
  EXPECT_GT(changed, w1.size() / 2);
}

TEST(LearningEngine, GradedPayloadsInX1) {
  // GradedSpikeCfg 1..3: a payload p puts round(p / 2) (half to even, cast
  // to 8 unsigned bits) into x1; only 3 stamps a spike time (x0) on
  // overflow past 127, keeping the rest. Rule dw = x0: +1 per stamp.
  auto engine = [](int cfg, std::vector<int64_t> &w, int64_t epoch = 1) {
    LearningRule r = stdpRule(0, epoch, 1);
    r.dw = "2^0 * x0";
    r.gradedSpikeCfg = cfg;
    auto e = std::make_unique<LearningEngine>();
    std::string error;
    EXPECT_TRUE(e->configure(r, 1, 1, SignMode::Mixed, error)) << error;
    e->connect({0}, {0});
    w = {10};
    return e;
  };
  std::vector<int64_t> w;
  auto overwrite = engine(1, w);
  overwrite->recordSpikes(1, {0}, {7}, {}); // 3.5 -> 4
  EXPECT_EQ(overwrite->trace(0)[0], 4);
  overwrite->recordSpikes(1, {0}, {5}, {}); // 2.5 -> 2
  EXPECT_EQ(overwrite->trace(0)[0], 2);
  overwrite->recordSpikes(1, {0}, {-3}, {}); // -1.5 -> -2 -> 254
  EXPECT_EQ(overwrite->trace(0)[0], 254);
  overwrite->learn(1, w);
  EXPECT_EQ(w[0], 11);

  auto saturating = engine(2, w);
  saturating->recordSpikes(1, {0}, {240}, {});  // 120
  saturating->recordSpikes(1, {0}, {30}, {});   // 135 -> 127
  EXPECT_EQ(saturating->trace(0)[0], 127);
  auto wrapping = engine(2, w);
  wrapping->recordSpikes(1, {0}, {200}, {});    // 100
  wrapping->recordSpikes(1, {0}, {400}, {});    // 300 -> 44 (8 bits)
  EXPECT_EQ(wrapping->trace(0)[0], 44);

  // Within one epoch of 2 steps (tau 0 clears the traces when it ends).
  auto quiet = engine(3, w, 2);
  quiet->recordSpikes(1, {0}, {200}, {}); // 100: no overflow, no stamp
  EXPECT_EQ(quiet->trace(0)[0], 100);
  quiet->recordSpikes(2, {0}, {0}, {});   // a zero payload is no spike
  quiet->learn(2, w);
  EXPECT_EQ(w[0], 10);
  auto overflow = engine(3, w, 2);
  overflow->recordSpikes(1, {0}, {200}, {}); // 100
  overflow->recordSpikes(2, {0}, {60}, {});  // 130 -> 3, stamped
  EXPECT_EQ(overflow->trace(0)[0], 3);
  overflow->learn(2, w);
  EXPECT_EQ(w[0], 11);
}
