//===- Loihi2Nodes.cpp - Loihi 2 integer processes as emulator nodes ------===//
//
// Lava's bit-accurate process models (docs/targets/loihi2.md) as nodes of
// the emulator's graph, computed in 64-bit integers. The order within a
// step is Lava's: every synapse process sends what it accumulated in the
// previous step (its consumers read it with the previous-step mode), every
// neuron updates from that, and then the synapses accumulate the spikes of
// this step. A Dense or Conv thus adds one step of delay, DelayDense d + 1.
//
//===----------------------------------------------------------------------===//

#include "loihi2/Loihi2Nodes.h"
#include "engine/Nodes.h"
#include "snnrt/LavaLearning.h"
#include "snnrt/Loihi2.h"

#include <algorithm>

using namespace snnrt;
namespace lo = snnrt::loihi2;

namespace {
/// Reads a field of integers broadcast to `n` (one value or `n` values).
bool ints(FieldReader &reader, const std::string &field, size_t n,
          std::vector<int64_t> &out) {
  if (!reader.i64s(field, out))
    return false;
  if (out.size() == 1)
    out.assign(n, out[0]);
  if (out.size() != n)
    return reader.fail("'" + field + "' has " + std::to_string(out.size()) +
                       " values for " + std::to_string(n) + " elements");
  return true;
}

bool inRange(FieldReader &reader, const std::string &field,
             const std::vector<int64_t> &values, int64_t lo, int64_t hi) {
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] < lo || values[i] > hi)
      return reader.fail("'" + field + "' of element " + std::to_string(i) +
                         " is " + std::to_string(values[i]) + ", outside " +
                         std::to_string(lo) + ".." + std::to_string(hi));
  return true;
}

/// The signed payload of spike `k` (TernaryLIF sends -1).
int64_t payloadOf(const Stream &s, size_t k) {
  return s.payload.empty() ? 1 : int64_t(int32_t(s.payload[k]));
}

/// Lava's LIF, LIFReset and TernaryLIF (PyLifModelBitAcc and relatives).
class LIFNode : public Node {
public:
  bool isPopulation() const override { return true; }

  bool init(FieldReader &reader, Context &) override {
    size_t n = out.size;
    std::string variant = reader.str("variant");
    ternary = variant == "ternary";
    std::vector<int64_t> du, dv, vth;
    if (!reader.i64s("du", du) || !reader.i64s("dv", dv) ||
        !reader.i64s("vth", vth) || du.size() != 1 || dv.size() != 1 ||
        vth.size() != 1)
      return reader.fail("'du', 'dv' and 'vth' take one value each");
    // TernaryLIF's thresholds are 24-bit signed, LIF's vth 17-bit unsigned.
    if (!inRange(reader, "du", du, 0, lo::kMaxDecay) ||
        !inRange(reader, "dv", dv, 0, lo::kMaxDecay) ||
        !(ternary ? inRange(reader, "vth_hi", vth, -lo::kStateBound,
                            lo::kStateBound - 1)
                  : inRange(reader, "vth", vth, 0, lo::kMaxVth)))
      return false;
    decayU = du[0] + 1;
    decayV = dv[0];
    vthHi = vth[0] * (int64_t(1) << lo::kThresholdShift);
    std::vector<int64_t> mant, exp;
    if (!ints(reader, "bias_mant", n, mant) ||
        !ints(reader, "bias_exp", n, exp) || !ints(reader, "u", n, u) ||
        !ints(reader, "v", n, v))
      return false;
    bias.resize(n);
    for (size_t i = 0; i < n; ++i)
      bias[i] = lo::shiftExp(mant[i], int(exp[i]));
    if (variant == "reset") {
      if (!reader.i64("reset_interval", resetInterval) ||
          !reader.i64("reset_offset", resetOffset))
        return false;
      if (resetInterval < 1)
        return reader.fail("'reset_interval' must be >= 1");
      // Lava takes the offset modulo the interval (Python's %).
      resetOffset = ((resetOffset % resetInterval) + resetInterval) %
                    resetInterval;
    } else if (ternary) {
      std::vector<int64_t> low;
      if (!reader.i64s("vth_lo", low) || low.size() != 1 ||
          !inRange(reader, "vth_lo", low, -lo::kStateBound,
                   lo::kStateBound - 1))
        return false;
      vthLo = low[0] * (int64_t(1) << lo::kThresholdShift);
      out.payloadBits = 2;
      out.signedPayload = true;
    } else if (!variant.empty()) {
      return reader.fail("unknown LIF variant '" + variant + "'");
    }
    acc.assign(n, 0.0);
    return true;
  }

  void step(Context &ctx) override {
    size_t n = out.size;
    std::fill(acc.begin(), acc.end(), 0.0);
    for (size_t k = 0; k < inputs.size(); ++k) {
      const Stream &in = input(ctx, k);
      for (size_t i = 0; i < n; ++i)
        acc[i] += in.values[i];
    }
    ++time;
    if (resetInterval > 0 && time % resetInterval == resetOffset) {
      std::fill(u.begin(), u.end(), 0);
      std::fill(v.begin(), v.end(), 0);
    }
    out.active.clear();
    out.payload.clear();
    for (size_t i = 0; i < n; ++i) {
      int64_t ui = lo::decay(u[i], decayU) +
                   int64_t(acc[i]) * (int64_t(1) << lo::kActivationShift);
      if (ui > lo::kStateBound)
        ui -= 2 * lo::kStateBound;
      else if (ui <= -lo::kStateBound)
        ui += 2 * lo::kStateBound;
      int64_t vi = lo::decay(v[i], decayV) + ui + bias[i];
      vi = std::clamp(vi, -(lo::kStateBound - 1), lo::kStateBound - 1);
      u[i] = ui;
      // TernaryLIF: (v > vth_hi) - (v < vth_lo), as PyTernLifModelFixed.
      int spike = (vi > vthHi ? 1 : 0) - (ternary && vi < vthLo ? 1 : 0);
      if (spike != 0) {
        vi = 0;
        out.active.push_back(uint32_t(i));
        if (ternary)
          out.payload.push_back(uint32_t(int32_t(spike)));
      }
      v[i] = vi;
    }
    activity.spikes += out.active.size();
    activity.neuronUpdates += n;
  }

  bool readState(const std::string &name,
                 std::vector<double> &values) const override {
    const std::vector<int64_t> *state =
        name == "u" ? &u : name == "v" ? &v : nullptr;
    if (!state)
      return false;
    values.assign(state->begin(), state->end());
    return true;
  }

private:
  int64_t decayU = 0, decayV = 0, vthHi = 0, vthLo = 0;
  int64_t resetInterval = 0, resetOffset = 0, time = 0;
  bool ternary = false;
  std::vector<int64_t> u, v, bias;
  std::vector<double> acc;
};

/// Lava's weight exponent applied to an accumulated activation.
int64_t scaled(int64_t acc, int weightExp) {
  return lo::shiftExp(acc, weightExp);
}

/// Dense, Sparse, DelayDense and DelaySparse: synapses as a list of
/// (target, source, weight, delay), grouped by source. Weights are prepared
/// as Lava prepares them. The output is what arrives at the next step.
class SynapseNode : public Node {
public:
  bool init(FieldReader &reader, Context &ctx) override {
    if (inputs.size() != 1)
      return reader.fail("a synapse process has one input");
    const Stream &src = input(ctx, 0);
    size_t rows = out.size;
    cols = src.size;
    std::vector<int64_t> rowIdx, colIdx, weights, delays;
    if (!reader.i64s("weights", weights))
      return false;
    if (reader.has("rows")) {
      if (!reader.i64s("rows", rowIdx) || !reader.i64s("cols", colIdx))
        return false;
      if (rowIdx.size() != weights.size() || colIdx.size() != weights.size())
        return reader.fail("'rows', 'cols' and 'weights' differ in length");
    } else {
      if (weights.size() != rows * cols)
        return reader.fail("'weights' has " + std::to_string(weights.size()) +
                           " values for a " + std::to_string(rows) + " x " +
                           std::to_string(cols) + " matrix");
      for (size_t r = 0; r < rows; ++r)
        for (size_t c = 0; c < cols; ++c) {
          rowIdx.push_back(int64_t(r));
          colIdx.push_back(int64_t(c));
        }
    }
    if (reader.has("delays")) {
      if (!reader.i64s("delays", delays))
        return false;
      if (delays.size() == 1)
        delays.assign(weights.size(), delays[0]);
      if (delays.size() != weights.size())
        return reader.fail("'delays' and 'weights' differ in length");
      if (!inRange(reader, "delays", delays, 0, lo::kMaxDelay))
        return false;
    } else {
      delays.assign(weights.size(), 0);
    }
    int64_t bits = 8, exp = 0, mode = 0, messageBits = 0;
    if ((reader.has("num_message_bits") &&
         !reader.i64("num_message_bits", messageBits)) ||
        (reader.has("num_weight_bits") &&
         !reader.i64("num_weight_bits", bits)) ||
        (reader.has("weight_exp") && !reader.i64("weight_exp", exp)) ||
        (reader.has("sign_mode") && !reader.i64("sign_mode", mode)))
      return false;
    if (bits < 1 || bits > lo::kMaxWeightBits)
      return reader.fail("'num_weight_bits' is " + std::to_string(bits) +
                         ", outside 1..8");
    if (exp < lo::kMinWeightExp || exp > lo::kMaxWeightExp)
      return reader.fail("'weight_exp' is " + std::to_string(exp) +
                         ", outside -8..7");
    if (mode < 0 || mode > 3)
      return reader.fail("'sign_mode' is " + std::to_string(mode) +
                         ", not one of Lava's 1 (MIXED), 2 (EXCITATORY), "
                         "3 (INHIBITORY)");
    if (messageBits < 0 || messageBits > lo::kMaxMessageBits)
      return reader.fail("'num_message_bits' is " +
                         std::to_string(messageBits) + ", outside 0..24");
    graded = messageBits > 0;
    weightExp = int(exp);
    lo::SignMode sign = lo::SignMode(mode);
    if (sign == lo::SignMode::Null) {
      int64_t mn = 0, mx = 0;
      for (int64_t w : weights) {
        mn = std::min(mn, w);
        mx = std::max(mx, w);
      }
      sign = lo::inferSignMode(mn, mx);
    }
    maxDelay = 0;
    for (int64_t d : delays)
      maxDelay = std::max(maxDelay, d);
    bySource.assign(cols + 1, 0);
    for (size_t s = 0; s < weights.size(); ++s) {
      if (rowIdx[s] < 0 || size_t(rowIdx[s]) >= rows || colIdx[s] < 0 ||
          size_t(colIdx[s]) >= cols)
        return reader.fail("synapse " + std::to_string(s) +
                           " connects outside the " + std::to_string(rows) +
                           " x " + std::to_string(cols) + " matrix");
      ++bySource[colIdx[s] + 1];
    }
    for (size_t c = 0; c < cols; ++c)
      bySource[c + 1] += bySource[c];
    // Learning connections truncate their weights but do not clip them,
    // as Lava's learning models do; the rule saturates them later.
    bool learns = reader.has("learning_dw");
    synapses.resize(weights.size());
    weight.resize(weights.size());
    std::vector<size_t> fill(bySource.begin(), bySource.end() - 1);
    for (size_t s = 0; s < weights.size(); ++s) {
      size_t at = fill[colIdx[s]]++;
      synapses[at] = {uint32_t(rowIdx[s]), uint32_t(delays[s])};
      weight[at] = learns ? lo::truncateWeight(weights[s], int(bits), sign)
                          : lo::prepareWeight(weights[s], int(bits), sign);
    }
    stored = weights.size();
    ring.assign(size_t(maxDelay + 1), std::vector<int64_t>(rows, 0));
    return learns ? initLearning(reader, ctx, sign) : true;
  }

  void step(Context &ctx) override {
    const Stream &src = input(ctx, 0);
    size_t slot = size_t(time % uint64_t(maxDelay + 1));
    // This step's spikes, to arrive after their delays.
    for (size_t k = 0; k < src.active.size(); ++k) {
      uint32_t c = src.active[k];
      // Binary mode counts any spike as 1 (Lava: s_in.astype(bool)).
      int64_t x = graded ? payloadOf(src, k) : 1;
      for (size_t s = bySource[c]; s < bySource[c + 1]; ++s) {
        const Synapse &syn = synapses[s];
        ring[(slot + syn.delay) % ring.size()][syn.target] += weight[s] * x;
      }
      activity.synapticEvents += bySource[c + 1] - bySource[c];
    }
    std::vector<int64_t> &now = ring[slot];
    for (size_t i = 0; i < out.size; ++i) {
      out.values[i] = double(scaled(now[i], weightExp));
      now[i] = 0;
    }
    ++time;
    if (learning)
      learn(ctx, src);
  }

  bool readState(const std::string &name,
                 std::vector<double> &values) const override {
    if (name == "weights") {
      values.assign(out.size * cols, 0.0);
      for (size_t c = 0; c < cols; ++c)
        for (size_t s = bySource[c]; s < bySource[c + 1]; ++s)
          values[synapses[s].target * cols + c] = double(weight[s]);
      return true;
    }
    static const char *names[] = {"x1", "x2", "y1", "y2", "y3"};
    for (int k = 0; k < 5; ++k)
      if (learning && name == names[k]) {
        const std::vector<int64_t> &t = learning->trace(k);
        values.assign(t.begin(), t.end());
        return true;
      }
    return false;
  }

  uint64_t storedSynapses() const override { return stored; }
  uint64_t synapseBytes() const override {
    return stored * (sizeof(Synapse) + sizeof(int64_t));
  }

private:
  /// LearningDense/LearningSparse: Lava's learning engine on the stored
  /// synapses, which then leaves the weights to the rule.
  bool initLearning(FieldReader &reader, Context &ctx, lo::SignMode sign) {
    if (maxDelay > 0)
      return reader.fail("a learning connection has no delays");
    lo::LearningRule rule;
    rule.dw = reader.str("learning_dw");
    std::vector<double> impulses, taus;
    int64_t epoch = 0, seed = 0, bap = 0, gradedCfg = 0;
    if ((reader.has("learning_graded") &&
         !reader.i64("learning_graded", gradedCfg)) ||
        !reader.f64s("learning_impulses", 5, impulses) ||
        !reader.f64s("learning_taus", 5, taus) ||
        !reader.i64("learning_epoch", epoch) ||
        !reader.i64("learning_seed", seed) || !reader.i64("bap_source", bap))
      return false;
    for (int k = 0; k < 5; ++k) {
      (k < 2 ? rule.xImpulse[k] : rule.yImpulse[k - 2]) = impulses[k];
      (k < 2 ? rule.xTau[k] : rule.yTau[k - 2]) = taus[k];
    }
    rule.epoch = epoch;
    rule.gradedSpikeCfg = int(gradedCfg);
    if (seed < 0)
      return reader.fail("'rng_seed' must be >= 0");
    rule.seed = uint64_t(seed);
    if (bap < 0 || size_t(bap) >= ctx.nodes->size() ||
        !(*ctx.nodes)[size_t(bap)]->isPopulation() ||
        (*ctx.nodes)[size_t(bap)]->out.size != out.size)
      return reader.fail("s_in_bap must come from a neuron process of the "
                         "connection's " + std::to_string(out.size) +
                         " targets");
    bapSource = size_t(bap);
    learning = std::make_unique<lo::LearningEngine>();
    std::string error;
    if (!learning->configure(rule, cols, out.size, sign, error))
      return reader.fail(error);
    std::vector<uint32_t> targets(synapses.size()), sources(synapses.size());
    for (size_t c = 0; c < cols; ++c)
      for (size_t s = bySource[c]; s < bySource[c + 1]; ++s) {
        targets[s] = synapses[s].target;
        sources[s] = uint32_t(c);
      }
    learning->connect(std::move(targets), std::move(sources));
    return true;
  }

  void learn(Context &ctx, const Stream &src) {
    const Stream &bap = (*ctx.nodes)[bapSource]->out;
    if (graded) {
      payloads.resize(src.active.size());
      for (size_t k = 0; k < src.active.size(); ++k)
        payloads[k] = payloadOf(src, k);
    }
    learning->recordSpikes(time, src.active, payloads, bap.active);
    if (learning->epochEnds(time))
      learning->learn(time, weight);
  }

  struct Synapse {
    uint32_t target, delay;
  };
  std::unique_ptr<lo::LearningEngine> learning;
  std::vector<int64_t> payloads; ///< graded pre-synaptic spikes
  size_t bapSource = 0, cols = 0;
  std::vector<size_t> bySource;
  /// Grouped by source; weight[s] is synapse s's prepared mantissa.
  std::vector<Synapse> synapses;
  std::vector<int64_t> weight;
  std::vector<std::vector<int64_t>> ring;
  int64_t maxDelay = 0;
  uint64_t time = 0, stored = 0;
  int weightExp = 0;
  bool graded = false;
};

/// Lava's Conv (PyConvModelFixed): like the synapse node, its output is
/// this step's accumulation, read by its consumer in the next step. WHC
/// tensors, a (C_out, W, H, C_in)
/// kernel applied as a convolution (flipped, as lava.proc.conv.utils
/// computes it), the result wrapped to signed 24 bits.
class ConvNode : public Node {
public:
  bool init(FieldReader &reader, Context &ctx) override {
    if (inputs.size() != 1)
      return reader.fail("a Conv has one input");
    std::vector<int64_t> inShape, kernelShape, stride, padding, dilation;
    int64_t g = 1;
    if (!reader.i64s("weight", weight) ||
        !reader.i64s("weight_shape", kernelShape) ||
        !reader.i64s("input_shape", inShape) ||
        !reader.i64s("stride", stride) || !reader.i64s("padding", padding) ||
        !reader.i64s("dilation", dilation) || !reader.i64("groups", g))
      return false;
    if (kernelShape.size() != 4 || inShape.size() != 3 || stride.size() != 2 ||
        padding.size() != 2 || dilation.size() != 2 || g < 1)
      return reader.fail("a Conv needs a 4-d kernel, a WHC input shape and "
                         "two strides, paddings and dilations");
    for (int d = 0; d < 4; ++d)
      k[d] = kernelShape[d];
    for (int d = 0; d < 3; ++d)
      in[d] = inShape[d];
    for (int d = 0; d < 2; ++d) {
      s[d] = stride[d];
      p[d] = padding[d];
      dil[d] = dilation[d];
    }
    groups = g;
    int64_t flag = 0;
    graded = reader.has("graded") && reader.i64("graded", flag) && flag;
    inputCHW = reader.has("input_chw") && reader.i64("input_chw", flag) && flag;
    outputCHW =
        reader.has("output_chw") && reader.i64("output_chw", flag) && flag;
    if (size_t(k[0] * k[1] * k[2] * k[3]) != weight.size())
      return reader.fail("'weight' does not hold the kernel's shape");
    if (size_t(in[0] * in[1] * in[2]) != input(ctx, 0).size)
      return reader.fail("'input_shape' does not match the input");
    if (in[2] % groups || k[0] % groups || k[3] * groups != in[2])
      return reader.fail("channels do not divide into the groups");
    for (int d = 0; d < 2; ++d) {
      o[d] = (in[d] + 2 * p[d] - dil[d] * (k[d + 1] - 1) - 1) / s[d] + 1;
      if (o[d] < 1)
        return reader.fail("the kernel does not fit the input");
    }
    o[2] = k[0];
    if (size_t(o[0] * o[1] * o[2]) != out.size)
      return reader.fail("the output shape is not the convolution's");
    dense.assign(size_t(in[0] * in[1] * in[2]), 0);
    return true;
  }

  void step(Context &ctx) override {
    const Stream &src = input(ctx, 0);
    std::fill(dense.begin(), dense.end(), 0);
    for (size_t j = 0; j < src.active.size(); ++j) {
      size_t idx = src.active[j];
      if (inputCHW) {
        // (c, y, x) in the source's order to (x, y, c).
        size_t x = idx % size_t(in[0]), y = (idx / size_t(in[0])) % size_t(in[1]),
               c = idx / size_t(in[0] * in[1]);
        idx = (x * size_t(in[1]) + y) * size_t(in[2]) + c;
      }
      dense[idx] = graded ? payloadOf(src, j) : 1;
    }
    int64_t outPerGroup = o[2] / groups, inPerGroup = k[3];
    const int64_t bound = lo::kStateBound;
    for (int64_t x = 0; x < o[0]; ++x)
      for (int64_t y = 0; y < o[1]; ++y)
        for (int64_t c = 0; c < o[2]; ++c) {
          int64_t g = c / outPerGroup, sum = 0;
          for (int64_t dx = 0; dx < k[1]; ++dx) {
            int64_t xi = x * s[0] + dx * dil[0] - p[0];
            if (xi < 0 || xi >= in[0])
              continue;
            for (int64_t dy = 0; dy < k[2]; ++dy) {
              int64_t yi = y * s[1] + dy * dil[1] - p[1];
              if (yi < 0 || yi >= in[1])
                continue;
              const int64_t *w =
                  &weight[((c * k[1] + (k[1] - 1 - dx)) * k[2] +
                           (k[2] - 1 - dy)) *
                          k[3]];
              const int64_t *a = &dense[(xi * in[1] + yi) * in[2] +
                                        g * inPerGroup];
              for (int64_t ci = 0; ci < inPerGroup; ++ci)
                sum += w[ci] * a[ci];
            }
          }
          // Signed 24-bit wrap (lava.proc.conv.utils.signed_clamp).
          int64_t wrapped = ((sum + bound) % (2 * bound) + 2 * bound) %
                                (2 * bound) -
                            bound;
          size_t at = outputCHW ? size_t((c * o[1] + y) * o[0] + x)
                                : size_t((x * o[1] + y) * o[2] + c);
          out.values[at] = double(wrapped);
        }
    activity.synapticEvents += src.active.size() * uint64_t(k[0] / groups) *
                               uint64_t(k[1] * k[2]);
  }

  uint64_t storedSynapses() const override { return weight.size(); }
  uint64_t synapseBytes() const override { return weight.size(); }

private:
  std::vector<int64_t> weight, dense;
  int64_t k[4] = {}, in[3] = {}, o[3] = {}, s[2] = {}, p[2] = {},
          dil[2] = {}, groups = 1;
  /// The source and the consumer keep (C, H, W) order (a view in the
  /// artifact); Lava's own tensors are (W, H, C).
  bool inputCHW = false, outputCHW = false;
  bool graded = false; ///< use_graded_spike; else any spike counts 1
};
} // namespace

NodeKinds lo::nodeKinds() {
  static constexpr NodeKind kinds[] = {
      {"loihi2.lif", makeNode<LIFNode>},
      {"loihi2.synapses", makeNode<SynapseNode>},
      {"loihi2.conv", makeNode<ConvNode>},
  };
  return kinds;
}
