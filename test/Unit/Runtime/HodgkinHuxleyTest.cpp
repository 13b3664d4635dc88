//===- HodgkinHuxleyTest.cpp - HH against a fine RK4 reference ------------===//
//
// The reference integrates the seed's equations with classical Runge-Kutta at
// a step ten times finer; the emulator's exponential Euler must reproduce
// its spike times, spike shape and threshold current.
//
//===----------------------------------------------------------------------===//

#include "TestImages.h"

#include <array>
#include <cmath>

using namespace snnrt;
using namespace snnrt::test;

namespace {
// A 20,000 um^2 squid-axon membrane (see examples/hh_population.mlir).
constexpr double kC = 0.2, kGNa = 24, kGK = 7.2, kGL = 0.06, kENa = 50,
                 kEK = -77, kEL = -54.387;

double vtrap(double x, double y) {
  return std::abs(x / y) < 1e-7 ? y * (1 + x / y / 2) : x / (1 - std::exp(-x / y));
}

using State = std::array<double, 4>; // v, m, h, n

State derivative(const State &s, double current) {
  double v = s[0];
  double am = 0.1 * vtrap(v + 40, 10), bm = 4 * std::exp(-(v + 65) / 18);
  double ah = 0.07 * std::exp(-(v + 65) / 20),
         bh = 1 / (1 + std::exp(-(v + 35) / 10));
  double an = 0.01 * vtrap(v + 55, 10), bn = 0.125 * std::exp(-(v + 65) / 80);
  double ina = kGNa * s[1] * s[1] * s[1] * s[2] * (v - kENa);
  double ik = kGK * s[3] * s[3] * s[3] * s[3] * (v - kEK);
  double il = kGL * (v - kEL);
  return {(-ina - ik - il + current) / kC, am * (1 - s[1]) - bm * s[1],
          ah * (1 - s[2]) - bh * s[2], an * (1 - s[3]) - bn * s[3]};
}

double steadyCurrent(double v) {
  State s = {v, 0, 0, 0};
  double am = 0.1 * vtrap(v + 40, 10), bm = 4 * std::exp(-(v + 65) / 18);
  double ah = 0.07 * std::exp(-(v + 65) / 20),
         bh = 1 / (1 + std::exp(-(v + 35) / 10));
  double an = 0.01 * vtrap(v + 55, 10), bn = 0.125 * std::exp(-(v + 65) / 80);
  s[1] = am / (am + bm);
  s[2] = ah / (ah + bh);
  s[3] = an / (an + bn);
  return derivative(s, 0)[0];
}

State restingState() {
  // The rest of the classic model is near -65 mV: bisect there.
  double lo = -70, hi = -60;
  EXPECT_GT(steadyCurrent(lo), 0);
  EXPECT_LT(steadyCurrent(hi), 0);
  for (int k = 0; k < 80; ++k) {
    double mid = (lo + hi) / 2;
    (steadyCurrent(mid) > 0 ? lo : hi) = mid;
  }
  double v = (lo + hi) / 2;
  double am = 0.1 * vtrap(v + 40, 10), bm = 4 * std::exp(-(v + 65) / 18);
  double ah = 0.07 * std::exp(-(v + 65) / 20),
         bh = 1 / (1 + std::exp(-(v + 35) / 10));
  double an = 0.01 * vtrap(v + 55, 10), bn = 0.125 * std::exp(-(v + 65) / 80);
  return {v, am / (am + bm), ah / (ah + bh), an / (an + bn)};
}

struct Trace {
  std::vector<double> spikeTimes;
  double peak = -1e9;
};

Trace referenceRun(double current, double tEnd, double dt = 0.001) {
  State s = restingState();
  Trace trace;
  for (double t = 0; t < tEnd; t += dt) {
    State k1 = derivative(s, current), y = s;
    auto add = [&](const State &k, double h) {
      State out;
      for (int i = 0; i < 4; ++i)
        out[i] = s[i] + h * k[i];
      return out;
    };
    State k2 = derivative(add(k1, dt / 2), current);
    State k3 = derivative(add(k2, dt / 2), current);
    State k4 = derivative(add(k3, dt), current);
    for (int i = 0; i < 4; ++i)
      s[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    if (y[0] <= 0 && s[0] > 0)
      trace.spikeTimes.push_back(t + dt);
    trace.peak = std::max(trace.peak, s[0]);
  }
  return trace;
}

Trace emulatorRun(double current, double tEnd, double dt = 0.01) {
  TestImage image(dt, {1});
  image.node("input", {}, {1}, false);
  image.node("hh", {0}, {1}, true, [&](ImageWriter &w) {
    w.addF64("c.dt_over_c", {dt / kC});
    w.addF64("g_na", {kGNa});
    w.addF64("g_k", {kGK});
    w.addF64("g_leak", {kGL});
    w.addF64("e_na", {kENa});
    w.addF64("e_k", {kEK});
    w.addF64("e_leak", {kEL});
    w.addF64("v_threshold", {0});
  });
  image.probe("v", 1, "v");
  auto net = image.load();
  std::string error;
  EXPECT_TRUE(net->setInputValues(0, &current, 1, error));
  Trace trace;
  std::vector<double> v;
  int64_t steps = int64_t(std::llround(tEnd / dt));
  for (int64_t k = 1; k <= steps; ++k) {
    net->step();
    if (!net->output(0).active.empty())
      trace.spikeTimes.push_back(k * dt);
    net->readProbe(0, v);
    trace.peak = std::max(trace.peak, v[0]);
  }
  return trace;
}

bool firesRepetitively(const Trace &trace) {
  return trace.spikeTimes.size() >= 4;
}

/// The smallest current (to 0.005 nA) that gives repetitive firing.
template <typename Run> double rheobase(Run run) {
  double lo = 0.5, hi = 3.0;
  while (hi - lo > 0.005) {
    double mid = (lo + hi) / 2;
    (firesRepetitively(run(mid)) ? hi : lo) = mid;
  }
  return hi;
}
} // namespace

TEST(HodgkinHuxley, SpikeTimesAndShapeMatchTheReference) {
  Trace ref = referenceRun(2.0, 100);
  Trace emu = emulatorRun(2.0, 100);
  ASSERT_GE(ref.spikeTimes.size(), 5u);
  ASSERT_EQ(emu.spikeTimes.size(), ref.spikeTimes.size());
  for (size_t s = 0; s < ref.spikeTimes.size(); ++s)
    EXPECT_NEAR(emu.spikeTimes[s], ref.spikeTimes[s], 0.2) << "spike " << s;
  // The model rests at -65 mV; the action potential overshoots to +40 mV.
  EXPECT_NEAR(restingState()[0], -65.0, 0.1);
  EXPECT_NEAR(emu.peak, ref.peak, 2.0);
  EXPECT_GT(ref.peak, 30.0);
  EXPECT_LT(ref.peak, 50.0);
}

TEST(HodgkinHuxley, ThresholdCurrentMatchesTheReference) {
  double ref = rheobase([](double i) { return referenceRun(i, 100); });
  double emu = rheobase([](double i) { return emulatorRun(i, 100); });
  EXPECT_NEAR(emu, ref, 0.02);
  // About 6 uA/cm^2 on 2e-4 cm^2 for the classic model.
  EXPECT_GT(ref, 1.0);
  EXPECT_LT(ref, 1.6);
}
