//===- Neurons.cpp - neuron populations of the float reference ------------===//
//
// The per-step updates are those of docs/dialects/SNN.md, with the
// coefficients that snn-discretize computed (`c.<name>` fields). Every model
// updates a range of its neurons at a time, so that a population can be
// split across threads; neurons are independent within a step, and the
// spikes of the ranges are concatenated in order, so the result does not
// depend on the thread count.
//
//===----------------------------------------------------------------------===//

#include "engine/Math.h"
#include "engine/Nodes.h"
#include "engine/Random.h"
#include "float/FloatNodes.h"
#include "snnrt/Sample.h"

#include <algorithm>
#include <cmath>

using namespace snnrt;

double snnrt::sampleInitialState(int kind, double p0, double p1, uint64_t seed,
                                 const std::string &state, uint64_t index) {
  uint64_t stream = 1469598103934665603ull; // FNV-1a of the state's name
  for (unsigned char c : state)
    stream = (stream ^ c) * 1099511628211ull;
  return sample(Dist(kind), p0, p1, seed, stream, index);
}

namespace {

/// The spikes one range of neurons emits in a step.
struct Spikes {
  std::vector<uint32_t> active, payload;
  void clear() {
    active.clear();
    payload.clear();
  }
};

using StateList = std::vector<std::pair<std::string, const std::vector<double> *>>;

/// State, inputs, thresholds, reset and the stepping shared by every
/// population.
class Population : public Node {
public:
  bool isPopulation() const override { return true; }
  bool parallel() const override { return true; }

  bool readState(const std::string &name,
                 std::vector<double> &values) const override {
    for (const auto &[stateName, state] : states())
      if (stateName == name) {
        values = *state;
        return true;
      }
    return false;
  }

  double *inputBuffer(size_t) override { return acc.data(); }

  void step(Context &ctx) final {
    stepRange(ctx, 0, 1);
    finishRange(ctx, 1);
  }

  void prepareThreads(size_t threads) final { partial.resize(threads); }

  void stepRange(Context &ctx, size_t thread, size_t threads) final {
    size_t lo = n * thread / threads, hi = n * (thread + 1) / threads;
    Spikes &spikes = partial[thread];
    spikes.clear();
    gather(ctx, lo, hi);
    update(lo, hi, spikes);
    if (!acc.empty())
      std::fill(acc.begin() + lo, acc.begin() + hi, 0.0);
    if (!out.spiking) {
      const std::vector<double> &v = *states().front().second;
      std::copy(v.begin() + lo, v.begin() + hi, out.values.begin() + lo);
    }
  }

  /// A non-spiking population publishes its membrane range by range in
  /// stepRange; finishing only counts.
  bool finishPublishes() const final { return out.spiking; }

  void finishRange(Context &, size_t threads) final {
    out.active.clear();
    out.payload.clear();
    for (size_t t = 0; t < threads; ++t) {
      const Spikes &s = partial[t];
      out.active.insert(out.active.end(), s.active.begin(), s.active.end());
      out.payload.insert(out.payload.end(), s.payload.begin(), s.payload.end());
    }
    activity.neuronUpdates += n;
    if (out.spiking)
      activity.spikes += out.active.size();
  }

protected:
  /// The state variables, the first being the membrane (the output of a
  /// non-spiking population).
  virtual StateList states() const = 0;
  /// Updates neurons [lo, hi) from `acc` (inputs summed), appending spikes.
  virtual void update(size_t lo, size_t hi, Spikes &spikes) = 0;

  bool initCommon(FieldReader &reader) {
    n = out.size;
    acc.assign(n, 0.0);
    if (reader.has("seed") && !reader.i64("seed", seed))
      return false;
    return true;
  }

  /// `init.<state>` (values) or `init.<state>.dist` (kind, p0, p1) or the
  /// given default.
  bool initState(FieldReader &reader, const std::string &state,
                 const std::vector<double> &fallback,
                 std::vector<double> &values) {
    std::string key = "init." + state;
    if (reader.has(key))
      return reader.f64s(key, n, values);
    if (reader.has(key + ".dist")) {
      std::vector<double> d;
      if (!reader.f64s(key + ".dist", 3, d))
        return false;
      values.resize(n);
      for (size_t i = 0; i < n; ++i)
        values[i] = sampleInitialState(int(d[0]), d[1], d[2], uint64_t(seed),
                                       state, i);
      return true;
    }
    values = fallback;
    return true;
  }

  bool initSpiking(FieldReader &reader) {
    int64_t mode = 0;
    if (reader.has("reset") && !reader.i64("reset", mode))
      return false;
    reset = int(mode);
    if (!reader.param("v_threshold", n, vth) ||
        !reader.paramOr("v_reset", n, 0.0, vreset) ||
        !reader.paramOr("c.refractory_steps", n, 0.0, refractorySteps))
      return false;
    refractoryLeft.assign(n, 0);
    return true;
  }

  /// A spiking population reads its threshold and reset; a non-spiking one
  /// only needs its (always zero) refractory counters.
  bool initSpikingIfAny(FieldReader &reader) {
    if (out.spiking)
      return initSpiking(reader);
    refractoryLeft.assign(n, 0);
    return true;
  }

  /// Adds the inputs that are not delivered directly into `acc`, for
  /// neurons [lo, hi) (spikes count 1 or their payload).
  virtual void gather(Context &ctx, size_t lo, size_t hi) {
    for (size_t k = 0; k < inputs.size(); ++k) {
      if (fused[k])
        continue;
      const Stream &in = input(ctx, k);
      if (in.spiking) {
        in.forEachNonZero([&](uint32_t i, double value) {
          if (i >= lo && i < hi)
            acc[i] += value;
        });
        continue;
      }
      const double *x = in.values.data();
      for (size_t i = lo; i < hi; ++i)
        acc[i] += x[i];
    }
  }

  /// True while neuron i is refractory (and counts the step down).
  bool refractory(size_t i) {
    if (refractoryLeft[i] == 0)
      return false;
    --refractoryLeft[i];
    return true;
  }

  /// Threshold, reset and refractory start for neuron i.
  void spikeIf(size_t i, double &v, Spikes &spikes) {
    if (!(v > vth[i]))
      return;
    spikes.active.push_back(uint32_t(i));
    if (reset == 0)
      v = vreset[i];
    else if (reset == 1)
      v -= vth[i];
    refractoryLeft[i] = int32_t(refractorySteps[i]);
  }

  size_t n = 0;
  int64_t seed = 0;
  std::vector<double> acc;
  int reset = 0;
  Param vth, vreset, refractorySteps;
  std::vector<int32_t> refractoryLeft;
  std::vector<Spikes> partial = std::vector<Spikes>(1);
};

/// IF and the integrator: v += gain (I + bias).
class IFNode : public Population {
public:
  bool init(FieldReader &reader, Context &) override {
    if (!initCommon(reader) || !reader.param("c.gain", n, gain) ||
        !reader.paramOr("bias", n, 0.0, bias) ||
        !initState(reader, "v", std::vector<double>(n, 0.0), v))
      return false;
    return initSpikingIfAny(reader);
  }

protected:
  void update(size_t lo, size_t hi, Spikes &spikes) override {
    for (size_t i = lo; i < hi; ++i) {
      if (refractory(i))
        continue;
      v[i] += gain[i] * (acc[i] + bias[i]);
      if (out.spiking)
        spikeIf(i, v[i], spikes);
    }
  }
  StateList states() const override { return {{"v", &v}}; }
  Param gain, bias;
  std::vector<double> v;
};

/// LIF and LI: v = v_leak + alpha (v - v_leak) + gain (I + bias).
class LIFNode : public Population {
public:
  bool init(FieldReader &reader, Context &) override {
    if (!initCommon(reader) || !reader.param("c.alpha", n, alpha) ||
        !reader.param("c.gain", n, gain) ||
        !reader.paramOr("bias", n, 0.0, bias) ||
        !reader.paramOr("v_leak", n, 0.0, vleak) ||
        !initState(reader, "v", vleak.expand(n), v))
      return false;
    return initSpikingIfAny(reader);
  }

protected:
  void update(size_t lo, size_t hi, Spikes &spikes) override {
    const Param::View a = alpha.view(), g = gain.view(), b = bias.view(),
                      vl = vleak.view();
    double *vp = v.data();
    const double *in = acc.data();
    if (!out.spiking) {
      // A leaky integrator has no threshold and no refractory period; with
      // shared parameters the loop is plain arithmetic that vectorizes.
      if (alpha.uniform() && gain.uniform() && bias.uniform() &&
          vleak.uniform()) {
        const double A = a[0], G = g[0], B = b[0], VL = vl[0];
        for (size_t i = lo; i < hi; ++i)
          vp[i] = VL + A * (vp[i] - VL) + G * (in[i] + B);
        return;
      }
      for (size_t i = lo; i < hi; ++i)
        vp[i] = vl[i] + a[i] * (vp[i] - vl[i]) + g[i] * (in[i] + b[i]);
      return;
    }
    int32_t *ref = refractoryLeft.data();
    const Param::View th = vth.view(), vr = vreset.view(),
                      rs = refractorySteps.view();
    const int mode = reset;
    for (size_t i = lo; i < hi; ++i) {
      if (ref[i] != 0) {
        --ref[i];
        continue;
      }
      double vi = vl[i] + a[i] * (vp[i] - vl[i]) + g[i] * (in[i] + b[i]);
      if (vi > th[i]) {
        spikes.active.push_back(uint32_t(i));
        vi = mode == 0 ? vr[i] : (mode == 1 ? vi - th[i] : vi);
        ref[i] = int32_t(rs[i]);
      }
      vp[i] = vi;
    }
  }
  StateList states() const override { return {{"v", &v}}; }
  Param alpha, gain, bias, vleak;
  std::vector<double> v;
};

/// CubaLIF and CubaLI, exact or forward Euler.
class CubaNode : public Population {
public:
  bool init(FieldReader &reader, Context &) override {
    if (!initCommon(reader) || !reader.param("c.alpha_syn", n, as) ||
        !reader.param("c.alpha_mem", n, am) || !reader.param("r", n, r) ||
        !reader.paramOr("w_in", n, 1.0, win) ||
        !reader.paramOr("bias", n, 0.0, bias) ||
        !reader.paramOr("v_leak", n, 0.0, vleak))
      return false;
    exact = reader.has("c.kappa");
    if (exact && !reader.param("c.kappa", n, kappa))
      return false;
    if (!initState(reader, "v", vleak.expand(n), v) ||
        !initState(reader, "i", std::vector<double>(n, 0.0), cur))
      return false;
    return initSpikingIfAny(reader);
  }

protected:
  void update(size_t lo, size_t hi, Spikes &spikes) override {
    for (size_t k = lo; k < hi; ++k) {
      double x = win[k] * acc[k];
      double iOld = cur[k];
      cur[k] = as[k] * iOld + (1.0 - as[k]) * x;
      if (refractory(k))
        continue;
      if (exact)
        v[k] = vleak[k] + am[k] * (v[k] - vleak[k]) +
               (1.0 - am[k]) * r[k] * (bias[k] + x) + r[k] * kappa[k] * (iOld - x);
      else
        v[k] += (1.0 - am[k]) * (vleak[k] - v[k] + r[k] * (iOld + bias[k]));
      if (out.spiking)
        spikeIf(k, v[k], spikes);
    }
  }
  StateList states() const override { return {{"v", &v}, {"i", &cur}}; }
  bool exact = true;
  Param as, am, kappa, r, win, bias, vleak;
  std::vector<double> v, cur;
};

/// s = [I > v_threshold].
class ThresholdNode : public Population {
public:
  bool init(FieldReader &reader, Context &) override {
    return initCommon(reader) && reader.param("v_threshold", n, vth);
  }

protected:
  void update(size_t lo, size_t hi, Spikes &spikes) override {
    for (size_t i = lo; i < hi; ++i)
      if (acc[i] > vth[i])
        spikes.active.push_back(uint32_t(i));
  }
  StateList states() const override { return {}; }
};

/// y = min(2^bits - 1, max(0, floor((I - v_threshold) / v_step))), a graded
/// spike where y > 0.
class QReLUNode : public Population {
public:
  bool init(FieldReader &reader, Context &) override {
    if (!initCommon(reader) || !reader.param("v_step", n, stepSize) ||
        !reader.paramOr("v_threshold", n, 0.0, vth) ||
        !reader.i64("bits", bits))
      return false;
    if (bits < 1 || bits > 16)
      return reader.fail("'bits' must be in 1..16");
    if (out.payloadBits != uint32_t(bits))
      return reader.fail("the output stream's payload must be 'bits' wide");
    return true;
  }

protected:
  void update(size_t lo, size_t hi, Spikes &spikes) override {
    double top = std::ldexp(1.0, int(bits)) - 1.0;
    for (size_t i = lo; i < hi; ++i) {
      double y = std::floor((acc[i] - vth[i]) / stepSize[i]);
      if (!(y >= 1.0))
        continue;
      spikes.active.push_back(uint32_t(i));
      spikes.payload.push_back(uint32_t(std::min(y, top)));
    }
  }
  StateList states() const override { return {}; }
  Param stepSize;
  int64_t bits = 1;
};

/// Conductance-based LIF with exponential synapses: exponential Euler with
/// the conductances frozen over the step, or forward Euler.
class CondLIFNode : public Population {
  static constexpr size_t kMaxChannels = 16;

public:
  bool init(FieldReader &reader, Context &) override {
    std::vector<int64_t> map;
    if (!initCommon(reader) || !reader.i64s("input_channels", map))
      return false;
    acc.clear(); // inputs go straight into the conductances
    if (map.size() != inputs.size())
      return reader.fail("'input_channels' has " + std::to_string(map.size()) +
                         " entries for " + std::to_string(inputs.size()) +
                         " inputs");
    int64_t count = 0;
    if (!reader.i64("channels", count))
      return false;
    if (count < 1 || size_t(count) > kMaxChannels)
      return reader.fail("a conductance population has 1 to " +
                         std::to_string(kMaxChannels) + " channels, got " +
                         std::to_string(count));
    channels = size_t(count);
    if (!reader.f64s("c.alpha_syn", channels, alpha) ||
        !reader.f64s("e_rev", channels, erev) ||
        !reader.param("c.dt_over_c", n, dtOverC) ||
        !reader.param("g_leak", n, gleak) || !reader.param("e_leak", n, eleak) ||
        !reader.paramOr("bias", n, 0.0, bias) ||
        !initState(reader, "v", eleak.expand(n), v))
      return false;
    euler = reader.str("scheme") == "euler";
    for (int64_t c : map) {
      if (c < 0 || size_t(c) >= channels)
        return reader.fail("input channel " + std::to_string(c) +
                           " out of range");
      channelOf.push_back(size_t(c));
    }
    g.resize(channels);
    for (size_t c = 0; c < channels; ++c)
      if (!initState(reader, "g" + std::to_string(c),
                     std::vector<double>(n, 0.0), g[c]))
        return false;
    return initSpiking(reader);
  }

  double *inputBuffer(size_t k) override { return g[channelOf[k]].data(); }

protected:
  /// Inputs not delivered straight into the conductances add to them here.
  void gather(Context &ctx, size_t lo, size_t hi) override {
    for (size_t k = 0; k < inputs.size(); ++k) {
      if (fused[k])
        continue;
      double *gc = g[channelOf[k]].data();
      input(ctx, k).forEachNonZero([&](uint32_t i, double value) {
        if (i >= lo && i < hi)
          gc[i] += value;
      });
    }
  }

  void update(size_t lo, size_t hi, Spikes &spikes) override {
    // Locals only in the loop: the member arrays could alias `v` as far as
    // the compiler knows, and would be reloaded every iteration.
    double *vp = v.data();
    int32_t *ref = refractoryLeft.data();
    const Param::View gl = gleak.view(), el = eleak.view(), b = bias.view(),
                      k = dtOverC.view(), th = vth.view(), vr = vreset.view(),
                      rs = refractorySteps.view();
    double *gp[kMaxChannels];
    double er[kMaxChannels], al[kMaxChannels];
    for (size_t c = 0; c < channels; ++c) {
      gp[c] = g[c].data();
      er[c] = erev[c];
      al[c] = alpha[c];
    }
    const size_t nc = channels;
    const bool useEuler = euler;
    const int mode = reset;
    for (size_t i = lo; i < hi; ++i) {
      double total = gl[i], drive = gl[i] * el[i] + b[i];
      // Each conductance's contribution to this step, then its decay.
      for (size_t c = 0; c < nc; ++c) {
        double gi = gp[c][i];
        total += gi;
        drive += gi * er[c];
        gp[c][i] = gi * al[c];
      }
      if (ref[i] != 0) {
        --ref[i];
        continue;
      }
      double vi = vp[i];
      if (useEuler) {
        vi += k[i] * (drive - total * vi);
      } else {
        double vinf = drive / total;
        vi = vinf + (vi - vinf) * expDet(-k[i] * total);
      }
      if (vi > th[i]) {
        spikes.active.push_back(uint32_t(i));
        vi = mode == 0 ? vr[i] : (mode == 1 ? vi - th[i] : vi);
        ref[i] = int32_t(rs[i]);
      }
      vp[i] = vi;
    }
  }

  StateList states() const override {
    StateList s{{"v", &v}};
    for (size_t c = 0; c < channels; ++c)
      s.push_back({"g" + std::to_string(c), &g[c]});
    return s;
  }

private:
  size_t channels = 0;
  bool euler = false;
  std::vector<size_t> channelOf;
  std::vector<double> alpha, erev, v;
  Param dtOverC, gleak, eleak, bias;
  std::vector<std::vector<double>> g;
};

/// Hodgkin-Huxley: Rush-Larsen gates, exponential Euler membrane.
class HHNode : public Population {
public:
  static double vtrap(double x, double y) {
    // x / (1 - exp(-x / y)) with its limit y at x = 0.
    if (std::abs(x / y) < 1e-7)
      return y * (1.0 + x / y / 2.0);
    return x / (1.0 - expDet(-x / y));
  }
  static void rates(double v, double &am, double &bm, double &ah, double &bh,
                    double &an, double &bn) {
    am = 0.1 * vtrap(v + 40.0, 10.0);
    bm = 4.0 * expDet(-(v + 65.0) / 18.0);
    ah = 0.07 * expDet(-(v + 65.0) / 20.0);
    bh = 1.0 / (1.0 + expDet(-(v + 35.0) / 10.0));
    an = 0.01 * vtrap(v + 55.0, 10.0);
    bn = 0.125 * expDet(-(v + 65.0) / 80.0);
  }

  /// Net membrane current at v with every gate at its steady state.
  double restCurrent(size_t i, double v) const {
    double a1, b1, a2, b2, a3, b3;
    rates(v, a1, b1, a2, b2, a3, b3);
    double m = a1 / (a1 + b1), h = a2 / (a2 + b2), q = a3 / (a3 + b3);
    return -gna[i] * m * m * m * h * (v - ena[i]) -
           gk[i] * q * q * q * q * (v - ek[i]) - gl[i] * (v - el[i]);
  }

  /// The resting potential: the lowest v in [-120, 60] mV where the
  /// steady-state currents balance (bisection after a 0.1 mV scan).
  double restingPotential(size_t i) const {
    double lo = -120, flo = restCurrent(i, lo);
    for (double v = -120 + 0.1; v <= 60; v += 0.1) {
      double f = restCurrent(i, v);
      if ((flo > 0) != (f > 0)) {
        double a = v - 0.1, b = v;
        for (int k = 0; k < 60; ++k) {
          double mid = (a + b) / 2;
          ((restCurrent(i, mid) > 0) == (flo > 0) ? a : b) = mid;
        }
        return (a + b) / 2;
      }
      flo = f;
    }
    return el[i];
  }

  bool init(FieldReader &reader, Context &ctx) override {
    dt = ctx.dt;
    if (!initCommon(reader) || !reader.param("c.dt_over_c", n, dtOverC) ||
        !reader.param("g_na", n, gna) || !reader.param("g_k", n, gk) ||
        !reader.param("g_leak", n, gl) || !reader.param("e_na", n, ena) ||
        !reader.param("e_k", n, ek) || !reader.param("e_leak", n, el) ||
        !reader.param("v_threshold", n, vth) ||
        !reader.paramOr("bias", n, 0.0, bias))
      return false;
    std::vector<double> rest(n);
    for (size_t i = 0; i < n; ++i)
      rest[i] = restingPotential(i);
    if (!initState(reader, "v", rest, v))
      return false;
    std::vector<double> m0(n), h0(n), n0(n);
    for (size_t i = 0; i < n; ++i) {
      double a1, b1, a2, b2, a3, b3;
      rates(v[i], a1, b1, a2, b2, a3, b3);
      m0[i] = a1 / (a1 + b1);
      h0[i] = a2 / (a2 + b2);
      n0[i] = a3 / (a3 + b3);
    }
    return initState(reader, "m", m0, m) && initState(reader, "h", h0, h) &&
           initState(reader, "n", n0, nk);
  }

protected:
  void update(size_t lo, size_t hi, Spikes &spikes) override {
    auto gate = [&](double x, double a, double b) {
      double inf = a / (a + b);
      return inf + (x - inf) * expDet(-dt * (a + b));
    };
    for (size_t i = lo; i < hi; ++i) {
      double a1, b1, a2, b2, a3, b3;
      rates(v[i], a1, b1, a2, b2, a3, b3);
      m[i] = gate(m[i], a1, b1);
      h[i] = gate(h[i], a2, b2);
      nk[i] = gate(nk[i], a3, b3);
      double gNa = gna[i] * m[i] * m[i] * m[i] * h[i];
      double gK = gk[i] * nk[i] * nk[i] * nk[i] * nk[i];
      double total = gNa + gK + gl[i];
      double vinf =
          (gNa * ena[i] + gK * ek[i] + gl[i] * el[i] + acc[i] + bias[i]) / total;
      double before = v[i];
      v[i] = vinf + (v[i] - vinf) * expDet(-dtOverC[i] * total);
      if (before <= vth[i] && v[i] > vth[i])
        spikes.active.push_back(uint32_t(i));
    }
  }
  StateList states() const override {
    return {{"v", &v}, {"m", &m}, {"h", &h}, {"n", &nk}};
  }
  double dt = 0;
  Param dtOverC, gna, gk, gl, ena, ek, el, bias;
  std::vector<double> v, m, h, nk;
};

/// Scale-and-fire: T steps of IF with reset by subtraction in one step.
class SFNNode : public Population {
public:
  bool init(FieldReader &reader, Context &) override {
    if (!initCommon(reader) || !reader.i64("levels", levels) ||
        !reader.paramOr("r", n, 1.0, r) || !reader.paramOr("bias", n, 0.0, bias) ||
        !initState(reader, "v", std::vector<double>(n, 0.0), v) ||
        !initSpiking(reader))
      return false;
    if (levels < 1)
      return reader.fail("'levels' must be >= 1");
    return true;
  }

protected:
  void update(size_t lo, size_t hi, Spikes &spikes) override {
    for (size_t i = lo; i < hi; ++i) {
      if (refractory(i))
        continue;
      double x = r[i] * (acc[i] + bias[i]);
      uint32_t count = 0;
      for (int64_t t = 0; t < levels; ++t) {
        v[i] += x;
        if (v[i] > vth[i]) {
          v[i] -= vth[i];
          ++count;
        }
      }
      if (count) {
        spikes.active.push_back(uint32_t(i));
        spikes.payload.push_back(count);
        refractoryLeft[i] = int32_t(refractorySteps[i]);
      }
    }
  }
  StateList states() const override { return {{"v", &v}}; }
  int64_t levels = 1;
  Param r, bias;
  std::vector<double> v;
};
} // namespace

NodeKinds snnrt::floatNeuronKinds() {
  static constexpr NodeKind kinds[] = {
      {"if", makeNode<IFNode>},
      {"integrator", makeNode<IFNode>},
      {"lif", makeNode<LIFNode>},
      {"li", makeNode<LIFNode>},
      {"cuba_lif", makeNode<CubaNode>},
      {"cuba_li", makeNode<CubaNode>},
      {"threshold", makeNode<ThresholdNode>},
      {"cond_lif", makeNode<CondLIFNode>},
      {"hh", makeNode<HHNode>},
      {"sfn", makeNode<SFNNode>},
      {"qrelu", makeNode<QReLUNode>},
  };
  return kinds;
}
