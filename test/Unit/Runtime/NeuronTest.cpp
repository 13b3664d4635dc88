//===- NeuronTest.cpp - neuron models against closed-form solutions -------===//

#include "TestImages.h"

#include <cmath>

using namespace snnrt;
using namespace snnrt::test;

namespace {
/// One current input driving one population; returns the network.
std::unique_ptr<Network>
drivenPopulation(double dt, const std::string &kind, size_t n, bool spikes,
                 const std::function<void(ImageWriter &)> &fields) {
  TestImage image(dt, {1});
  image.node("input", {}, {int64_t(n)}, false);
  image.node(kind, {0}, {int64_t(n)}, spikes, fields);
  image.probe("v", 1, "v");
  return image.load();
}

void drive(Network &net, double current) {
  std::vector<double> values(net.inputInfo(0).size, current);
  std::string error;
  ASSERT_TRUE(net.setInputValues(0, values.data(), values.size(), error))
      << error;
}

double probeV(const Network &net, size_t i = 0) {
  std::vector<double> v;
  net.readProbe(0, v);
  return v.at(i);
}
} // namespace

// tau dv/dt = (v_leak - v) + r I: v(t) = v_leak + r I (1 - exp(-t/tau)),
// exactly at every step under the exact scheme.
TEST(Neurons, LIFMatchesTheExponentialSolution) {
  double dt = 0.1, tau = 20, r = 2, vleak = -65, current = 3;
  double alpha = std::exp(-dt / tau);
  auto net = drivenPopulation(dt, "lif", 1, true, [&](ImageWriter &w) {
    w.addF64("c.alpha", {alpha});
    w.addF64("c.gain", {(1 - alpha) * r});
    w.addF64("v_leak", {vleak});
    w.addF64("v_threshold", {1e9});
  });
  drive(*net, current);
  for (int k = 1; k <= 2000; ++k) {
    net->step();
    double expected = vleak + r * current * (1 - std::exp(-k * dt / tau));
    ASSERT_NEAR(probeV(*net), expected, 1e-9) << "step " << k;
  }
}

// With reset to 0 the inter-spike interval in steps is the first k with
// r I (1 - alpha^k) > theta: k = floor(ln(1 - theta / (r I)) / ln(alpha)) + 1.
TEST(Neurons, LIFFiresWithTheAnalyticPeriod) {
  double dt = 0.1, tau = 10, r = 1, current = 2, theta = 1.5;
  double alpha = std::exp(-dt / tau);
  auto net = drivenPopulation(dt, "lif", 1, true, [&](ImageWriter &w) {
    w.addF64("c.alpha", {alpha});
    w.addF64("c.gain", {(1 - alpha) * r});
    w.addF64("v_threshold", {theta});
  });
  drive(*net, current);
  int64_t period =
      int64_t(std::floor(std::log(1 - theta / (r * current)) / std::log(alpha))) + 1;
  std::vector<int64_t> spikeSteps;
  for (int64_t k = 1; k <= 50 * period; ++k) {
    net->step();
    if (!net->output(0).active.empty())
      spikeSteps.push_back(k);
  }
  ASSERT_GE(spikeSteps.size(), 10u);
  EXPECT_EQ(spikeSteps[0], period);
  for (size_t s = 1; s < spikeSteps.size(); ++s)
    EXPECT_EQ(spikeSteps[s] - spikeSteps[s - 1], period);
}

// IF: v grows by gain I per step; reset by subtraction keeps the remainder,
// so the spike count after K steps is floor(K gain I / theta) (strict >).
TEST(Neurons, IFWithSubtractionCountsExactly) {
  double gain = 0.1, current = 0.37, theta = 1.0;
  auto net = drivenPopulation(1.0, "if", 1, true, [&](ImageWriter &w) {
    w.addF64("c.gain", {gain});
    w.addF64("v_threshold", {theta});
    w.addI64("reset", {1});
  });
  drive(*net, current);
  int spikes = 0;
  for (int k = 1; k <= 1000; ++k) {
    net->step();
    spikes += int(net->output(0).active.size());
  }
  // 1000 * 0.037 = 37 exactly reaches the threshold without exceeding it
  // only in exact arithmetic; the float sum lands within one spike of it.
  EXPECT_GE(spikes, 36);
  EXPECT_LE(spikes, 37);
  EXPECT_NEAR(probeV(*net) + spikes * theta, 1000 * gain * current, 1e-9);
}

// LI outputs its membrane: the same exponential as the LIF.
TEST(Neurons, LIOutputsTheMembrane) {
  double dt = 1, tau = 5, current = 1;
  double alpha = std::exp(-dt / tau);
  TestImage image(dt, {1});
  image.node("input", {}, {2}, false);
  image.node("li", {0}, {2}, false, [&](ImageWriter &w) {
    w.addF64("c.alpha", {alpha});
    w.addF64("c.gain", {1 - alpha});
  });
  auto net = image.load();
  drive(*net, current);
  for (int k = 1; k <= 30; ++k) {
    net->step();
    EXPECT_NEAR(net->output(0).values[1], 1 - std::exp(-k * dt / tau), 1e-12);
  }
}

// CubaLIF, exact scheme, constant input x from rest:
// i(t) = x (1 - e^{-t/ts}),
// v(t) = r x [1 - (tm e^{-t/tm} - ts e^{-t/ts}) / (tm - ts)].
TEST(Neurons, CubaLIFMatchesTheTwoStageSolution) {
  double dt = 0.1, ts = 5, tm = 20, r = 1.5, x = 2;
  double as = std::exp(-dt / ts), am = std::exp(-dt / tm);
  double kappa = ts / (ts - tm) * (as - am);
  auto net = drivenPopulation(dt, "cuba_lif", 1, true, [&](ImageWriter &w) {
    w.addF64("c.alpha_syn", {as});
    w.addF64("c.alpha_mem", {am});
    w.addF64("c.kappa", {kappa});
    w.addF64("r", {r});
    w.addF64("v_threshold", {1e9});
  });
  drive(*net, x);
  for (int k = 1; k <= 1000; ++k) {
    net->step();
    double t = k * dt;
    double v = r * x * (1 - (tm * std::exp(-t / tm) - ts * std::exp(-t / ts)) /
                                (tm - ts));
    ASSERT_NEAR(probeV(*net), v, 1e-9) << "step " << k;
  }
}

// Conductance LIF with a constant conductance (no decay): v relaxes to
// (g_l e_l + g e) / (g_l + g) with time constant c / (g_l + g), exactly.
TEST(Neurons, CondLIFRelaxesExactly) {
  double dt = 0.1, c = 0.2, gl = 0.01, el = -60, g = 0.03, e = 0;
  TestImage image(dt, {1});
  image.node("input", {}, {1}, false);
  image.node("cond_lif", {0}, {1}, true, [&](ImageWriter &w) {
    w.addI64("channels", {1});
    w.addI64("input_channels", {0});
    w.addF64("c.alpha_syn", {1.0});
    w.addF64("c.dt_over_c", {dt / c});
    w.addF64("e_rev", {e});
    w.addF64("g_leak", {gl});
    w.addF64("e_leak", {el});
    w.addF64("v_threshold", {100});
    w.addF64("v_reset", {el});
  });
  image.probe("v", 1, "v");
  auto net = image.load();
  std::string error;
  double pulse = g;
  ASSERT_TRUE(net->setInputValues(0, &pulse, 1, error));
  net->step();
  double zero = 0;
  ASSERT_TRUE(net->setInputValues(0, &zero, 1, error));
  double vinf = (gl * el + g * e) / (gl + g), tau = c / (gl + g);
  EXPECT_NEAR(probeV(*net), vinf + (el - vinf) * std::exp(-dt / tau), 1e-12);
  for (int k = 2; k <= 500; ++k) {
    net->step();
    ASSERT_NEAR(probeV(*net), vinf + (el - vinf) * std::exp(-k * dt / tau),
                1e-9);
  }
}

// The same relaxation under forward Euler: v_k = vinf + (v0 - vinf)(1 - dt G / c)^k.
TEST(Neurons, CondLIFForwardEulerIsGeometric) {
  double dt = 0.1, c = 0.2, gl = 0.01, el = -60, g = 0.03, e = 0;
  TestImage image(dt, {1});
  image.node("input", {}, {1}, false);
  image.node("cond_lif", {0}, {1}, true, [&](ImageWriter &w) {
    w.addI64("channels", {1});
    w.addI64("input_channels", {0});
    w.addF64("c.alpha_syn", {1.0});
    w.addF64("c.dt_over_c", {dt / c});
    w.addString("scheme", "euler");
    w.addF64("e_rev", {e});
    w.addF64("g_leak", {gl});
    w.addF64("e_leak", {el});
    w.addF64("v_threshold", {100});
    w.addF64("v_reset", {el});
  });
  image.probe("v", 1, "v");
  auto net = image.load();
  std::string error;
  double pulse = g, zero = 0;
  ASSERT_TRUE(net->setInputValues(0, &pulse, 1, error));
  double vinf = (gl * el + g * e) / (gl + g), factor = 1 - dt * (gl + g) / c;
  for (int k = 1; k <= 200; ++k) {
    net->step();
    ASSERT_TRUE(net->setInputValues(0, &zero, 1, error));
    ASSERT_NEAR(probeV(*net), vinf + (el - vinf) * std::pow(factor, k), 1e-9)
        << "step " << k;
  }
}

// Refractory: no integration for the given number of steps after a spike.
TEST(Neurons, RefractoryHoldsTheMembrane) {
  auto net = drivenPopulation(1.0, "if", 1, true, [&](ImageWriter &w) {
    w.addF64("c.gain", {1.0});
    w.addF64("v_threshold", {2.5});
    w.addF64("c.refractory_steps", {4});
  });
  drive(*net, 1.0);
  std::vector<int> spikes;
  for (int k = 1; k <= 20; ++k) {
    net->step();
    if (!net->output(0).active.empty())
      spikes.push_back(k);
  }
  // 3 steps to exceed 2.5, then 4 held steps, then 3 more.
  EXPECT_EQ(spikes, (std::vector<int>{3, 10, 17}));
}

// The threshold op is memoryless.
TEST(Neurons, ThresholdIsMemoryless) {
  TestImage image(1.0, {1});
  image.node("input", {}, {3}, false);
  image.node("threshold", {0}, {3}, true,
             [](ImageWriter &w) { w.addF64("v_threshold", {0.5}); });
  auto net = image.load();
  std::vector<double> in{0.2, 0.6, 0.5};
  std::string error;
  ASSERT_TRUE(net->setInputValues(0, in.data(), 3, error));
  net->step();
  EXPECT_EQ(net->output(0).active, (std::vector<uint32_t>{1}));
}

// Random initial states are reproducible and have the asked moments.
TEST(Neurons, RandomInitialStateIsSeededAndDistributed) {
  auto make = [](int64_t seed) {
    TestImage image(1.0, {1});
    image.node("input", {}, {20000}, false);
    image.node("lif", {0}, {20000}, true, [&](ImageWriter &w) {
      w.addF64("c.alpha", {1.0});
      w.addF64("c.gain", {0.0});
      w.addF64("v_threshold", {1e9});
      w.addF64("v_leak", {-65});
      w.addF64("init.v.dist", {2, -65, 5}); // normal(-65, 5)
      w.addI64("seed", {seed});
    });
    image.probe("v", 1, "v");
    return image.load();
  };
  auto a = make(7), b = make(7), c = make(8);
  std::vector<double> va, vb, vc;
  a->readProbe(0, va);
  b->readProbe(0, vb);
  c->readProbe(0, vc);
  EXPECT_EQ(va, vb);
  EXPECT_NE(va, vc);
  double mean = 0, var = 0;
  for (double v : va)
    mean += v / va.size();
  for (double v : va)
    var += (v - mean) * (v - mean) / va.size();
  EXPECT_NEAR(mean, -65, 5 * 5 / std::sqrt(20000.0));
  EXPECT_NEAR(std::sqrt(var), 5, 0.15);
}
