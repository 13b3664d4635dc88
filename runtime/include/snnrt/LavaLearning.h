//===- LavaLearning.h - Lava's fixed-point learning engine ----------------===//
//
// Learning rules in Lava's string syntax (lava/magma/core/learning:
// symbolic_equation.py, product_series.py) and the bit-approximate
// learning engine of LearningDense/LearningSparse
// (LearningConnectionModelBitApproximate in
// lava/magma/core/model/py/connection.py, lava-nc/lava 0.9/0.10): traces of
// 7 bits decayed and incremented with stochastic rounding from numpy's
// PCG64 streams, sum-of-products updates in a 16-bit accumulator, weights
// of 8 bits and a sign. The compiler parses the rules it writes with the
// same parser; the emulator runs them. docs/targets/loihi2.md gives the
// semantics step by step.
//
//===----------------------------------------------------------------------===//

#ifndef SNNRT_LAVALEARNING_H
#define SNNRT_LAVALEARNING_H

#include "snnrt/Loihi2.h"
#include "snnrt/NumpyRandom.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace snnrt::loihi2 {

/// Widths of Lava's learning engine (lava/magma/core/learning/constants.py).
constexpr int kTraceBits = 7;             ///< W_TRACE: x1, x2, y1, y2, y3
constexpr int kTraceFractionBits = 8;     ///< W_TRACE_FRACTIONAL_PART
constexpr int kScaleMantissaBits = 4;     ///< W_S_MANT
constexpr int kAccumulatorBits = 15;      ///< W_ACCUMULATOR_U (16 signed)
constexpr int kLearnedWeightBits = 8;     ///< W_WEIGHTS_U (9 signed)
constexpr int kMaxEpoch = 63;             ///< 6-bit within-epoch times
constexpr int kMaxTraceTau = 255;         ///< 8-bit trace time constants

/// A factor of a product: a dependency, trace or the weight, with an
/// optional added constant. (Lava's parser multiplies every literal into
/// the product's scale, so a constant is never a factor alone.)
struct LearningFactor {
  enum class Var { X0, Y0, X1, X2, Y1, Y2, Y3, W };
  Var var = Var::X0;
  double constant = 0; ///< added to the variable (Lava allows 2^-k here)
  bool hasConstant = false;
  bool sign = false; ///< sgn(w + C)
};

/// One product: dependency (x0, y0 or u), scale s_mantissa * 2^(s_exp - 7)
/// in Lava's stored form, and its factors.
struct LearningProduct {
  enum class Dependency { X0, Y0, U };
  Dependency dependency = Dependency::X0;
  int mantissa = 1; ///< -8..7
  int exponent = 7; ///< 0..15 (Lava stores the exponent plus 7)
  std::vector<LearningFactor> factors;
};

struct ProductSeries {
  std::vector<LearningProduct> products;
  /// k of a u_k dependency (learn on every 2^k-th epoch), if any.
  std::optional<int> decimateExponent;
};

/// Parses a rule such as "2^-2 * x0 * y1 - 3 * 2^-4 * y0 * x1" as Lava's
/// SymbolicEquation and ProductSeries do; false with a message naming the
/// offending part otherwise. Tags and delays (d, t) are not supported.
bool parseLearningRule(const std::string &text, ProductSeries &series,
                       std::string &error);

/// Lava's Loihi2FLearningRule parameters: a rule for the weights, trace
/// impulses (real, split into an integer and 8 fractional bits) and decay
/// time constants (0: the trace is cleared every step), the epoch and the
/// seed of the trace random streams.
struct LearningRule {
  std::string dw;
  std::array<double, 2> xImpulse{}, xTau{};
  std::array<double, 3> yImpulse{}, yTau{};
  int64_t epoch = 1;
  uint64_t seed = 0;
  /// The connection's GradedSpikeCfg: 0 USE_REGULAR_IMPULSE, 1 OVERWRITE,
  /// 2 ADD_WITH_SATURATION, 3 ADD_WITHOUT_SATURATION (what a graded
  /// pre-synaptic payload does to x1).
  int gradedSpikeCfg = 0;
};

/// The state of one learning connection; synapses are (target, source)
/// pairs (connect()) with their weights held by the caller.
class LearningEngine {
public:
  /// False with a message if the rule or a parameter is out of range.
  bool configure(const LearningRule &rule, size_t pre, size_t post,
                 SignMode mode, std::string &error);

  /// The synapses: synapse k connects sources[k] to targets[k].
  void connect(std::vector<uint32_t> targets, std::vector<uint32_t> sources);

  /// Step `timeStep` (from 1): the pre-synaptic spikes the connection
  /// received (with their graded payloads, or none: binary spikes) and the
  /// post-synaptic spikes of the same step (s_in_bap).
  void recordSpikes(uint64_t timeStep, const std::vector<uint32_t> &pre,
                    const std::vector<int64_t> &payloads,
                    const std::vector<uint32_t> &post);
  void recordSpikes(uint64_t timeStep, const std::vector<uint32_t> &pre,
                    const std::vector<uint32_t> &post) {
    recordSpikes(timeStep, pre, {}, post);
  }

  bool epochEnds(uint64_t timeStep) const {
    return timeStep % uint64_t(rule.epoch) == 0;
  }

  /// The learning phase at the end of an epoch: updates the traces and
  /// the weight of synapse k, held at weights[k * stride].
  void learn(uint64_t timeStep, int64_t *weights, size_t stride);
  void learn(uint64_t timeStep, std::vector<int64_t> &weights) {
    learn(timeStep, weights.data(), 1);
  }

  /// Trace values (x1, x2 per pre-synaptic neuron; y1, y2, y3 per post).
  const std::vector<int64_t> &trace(int k) const { return traces[k]; }

private:
  struct TraceRandom {
    explicit TraceRandom(uint64_t seed)
        : decayStream(seed), impulseStream(seed + 1) {
      advance();
    }
    void advance() {
      decay = decayStream.random();
      impulse = impulseStream.integers(uint64_t(1) << kTraceBits);
    }
    numpy::PCG64 decayStream, impulseStream;
    double decay = 0;
    int64_t impulse = 0;
  };

  LearningRule rule;
  ProductSeries series;
  SignMode signMode = SignMode::Mixed;
  size_t pre = 0, post = 0;
  /// traces[0..1]: x1, x2; traces[2..4]: y1, y2, y3.
  std::array<std::vector<int64_t>, 5> traces;
  /// Trace values over the last epoch: history[k][t * n + i].
  std::array<std::vector<int64_t>, 5> history;
  std::vector<int64_t> tx, ty;
  /// Synapses, and their indices by source and by target (CSR).
  std::vector<uint32_t> targets, sources;
  std::vector<size_t> preStart, postStart;
  std::vector<uint32_t> byPre, byPost;
  /// Every weight within the sign mode's limits (after a full pass).
  bool saturated = false;
  std::array<int64_t, 5> impulseInt{}, impulseFrac{};
  std::array<double, 5> decayFactor{};
  std::array<bool, 5> decays{};
  std::unique_ptr<TraceRandom> xRandom, yRandom;
  std::unique_ptr<numpy::PCG64> roundingStream;
  double roundingRandom = 0;
};

} // namespace snnrt::loihi2

#endif // SNNRT_LAVALEARNING_H
