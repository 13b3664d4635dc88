//===- Quantize.cpp - float parameters and weights to Loihi 2's integers --===//
//
// Loihi 2 (Lava's bit-accurate LIF, lava/proc/lif/models.py) keeps a
// current u and a voltage v in 24-bit integers and updates, per step,
//   u' = u (4096 - du - 1) / 4096 + a_in << 6
//   v' = v (4096 - dv) / 4096 + u' + bias_mant << bias_exp
// spiking where v' > vth << 6 and then setting v' = 0. The float models of
// the snn dialect map onto this with one scale S per population (integer
// voltage units per mV), the voltage measured from the reset potential:
//   V = S (v - v_reset).
// For snn.lif (v' = v_leak + alpha (v - v_leak) + gain (I + bias)):
//   dv = 4096 (1 - alpha), du = 4095 (u holds this step's input),
//   bias = S ((1 - alpha)(v_leak - v_reset) + gain bias),
//   a_in << 6 = S gain I,
// so a weight w (nA) becomes the activation S gain w / 64, written as an
// 8-bit mantissa and the connection's weight exponent. snn.cuba_lif maps
// its synaptic current onto u (u = S (1 - alpha_mem) r i, du + 1 = 4096
// (1 - alpha_syn)), snn.if and snn.integrator are LIF without leak, and the
// non-spiking snn.li and snn.cuba_li get the largest threshold.
//
// S puts the threshold at vth = 4096 (vth << 6 = 2^18, leaving 2^5 times
// the threshold before v saturates), lowered where a connection with a fixed
// exponent (Conv has none) would otherwise overflow its 8-bit weights. A
// population that does not spike takes the S at which its largest incoming
// weight fills 8 bits.
//
//===----------------------------------------------------------------------===//

#include "targets/loihi2/Passes.h"

#include "passes/SynapseCost.h"

#include "dialects/SNN/Weights.h"
#include "mlir/IR/Builders.h"
#include "snnrt/LavaLearning.h"
#include "snnrt/Loihi2.h"
#include "snnrt/Sample.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Support/Debug.h"

#include <cmath>

#define DEBUG_TYPE "loihi2-quantize"

namespace snnc::loihi2 {
#define GEN_PASS_DEF_LOIHI2QUANTIZE
#include "targets/loihi2/Passes.h.inc"
} // namespace snnc::loihi2

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;
namespace lo = snnrt::loihi2;

namespace {
/// Largest magnitude of a prepared weight mantissa: 255 for one sign, 254
/// (even) or -256 for MIXED.
constexpr double kMaxMantissa = 254.0;

/// How one population maps onto Lava's LIF.
struct Population {
  Operation *op = nullptr;
  int64_t n = 0;
  bool spiking = false;
  bool hasCurrent = false; ///< cuba: u is a decaying synaptic current
  double alphaV = 1.0, alphaU = 0.0;
  double vref = 0.0;
  double span = 0.0; ///< v_threshold - v_ref (spiking only)
  /// Activation units (a_in) per nA of input, divided by S: per neuron.
  SmallVector<double> gainPerNA;
  /// Bias in integer units per step, divided by S: per neuron.
  SmallVector<double> biasPerStep;
  double scale = 0.0; ///< S, integer voltage units per mV
  /// Largest S the incoming connections allow (fixed exponents).
  double maxScale = INFINITY;
  /// Largest |gain w| of any incoming weight, for non-spiking populations.
  double maxDrive = 0.0;
  /// Extra bias (integer units, before rounding) from connection biases.
  SmallVector<double> extraBias;
  /// gain * (nA per weight mantissa) at which a learning connection's
  /// binding weight bound lands on the 8-bit limit; S is then a power of 2
  /// over it, so that the learned weights saturate where STDP bounds them.
  double learnedUnit = 0.0;
};

/// One weighted connection and the population it feeds.
struct Connection {
  Operation *op;
  Population *target;
  SmallVector<double> weights; ///< explicit weights, in nA
  SmallVector<int64_t> rows;   ///< target neuron of each explicit weight
  double maxAbs = 0.0, minW = 0.0, maxW = 0.0;
  bool fixedExponent = false; ///< Lava's Conv has no weight_exp
  STDPAttr stdp;              ///< learns: Lava's Loihi2FLearningRule

  /// Target neuron of weight `i` (a shared kernel has one input gain).
  int64_t rowOf(size_t i) const { return rows.empty() ? 0 : rows[i]; }
};

double at(ArrayRef<double> values, int64_t i) {
  return values.size() == 1 ? values[0] : values[i];
}

struct Loihi2QuantizePass
    : public snnc::loihi2::impl::Loihi2QuantizeBase<Loihi2QuantizePass> {
  using Base::Base;
  void runOnOperation() override;

private:
  LogicalResult describePopulation(NeuronOpInterface neuron, Population &pop);
  LogicalResult describeConnection(Operation *op, Connection &conn);
  Population *targetOf(Operation *op);
  LogicalResult checkSource(Operation *op, Value input);
  void chooseScale(Population &pop);
  LogicalResult quantizeConnection(Connection &conn);
  LogicalResult quantizePopulation(Population &pop);
  LogicalResult quantizeLearning(Connection &conn, double perMantissa,
                                 lo::SignMode mode, NamedAttrList &quant,
                                 NamedAttrList &error);

  llvm::MapVector<Operation *, Population> populations;
  double dtMs = 1.0;
};

/// The one value of `values`, or failure when they differ.
FailureOr<double> uniform(ArrayRef<double> values) {
  for (double v : values)
    if (v != values.front())
      return failure();
  return values.front();
}

LogicalResult Loihi2QuantizePass::describePopulation(NeuronOpInterface neuron,
                                                  Population &pop) {
  Operation *op = neuron.getOperation();
  StringRef kind = op->getName().stripDialect();
  const NeuronModel &model = neuron.getModel();
  pop.op = op;
  pop.n = neuron.getNumNeurons();
  bool lif = kind == "lif" || kind == "li";
  bool cuba = kind == "cuba_lif" || kind == "cuba_li";
  bool noLeak = kind == "if" || kind == "integrator";
  bool threshold = kind == "threshold";
  if (!lif && !cuba && !noLeak && !threshold)
    return op->emitOpError()
           << "has no Loihi 2 form: Lava's bit-accurate LIF runs snn.lif, "
              "snn.cuba_lif, snn.if, snn.li, snn.cuba_li, snn.integrator "
              "and snn.threshold";
  auto step = op->getAttrOfType<StepAttr>("step");
  if (!step)
    return op->emitOpError()
           << "is not discretized; run snn-discretize before loihi2-quantize";
  pop.spiking = llvm::isa<SpikeType>(op->getResult(0).getType());
  pop.hasCurrent = cuba;
  if (threshold) {
    // s = [I > v_threshold] with I in mV: a LIF that forgets v each step
    // (dv = 4095 keeps v / 4096, under 2^-12 of the threshold) and reads
    // its input through u.
    FailureOr<double> vth = uniform(getParamValues(op, model, "v_threshold", 0.0));
    if (failed(vth))
      return op->emitOpError() << "has a different threshold per neuron; "
                                  "Loihi 2 has one vth per population";
    if (*vth <= 0)
      return op->emitOpError() << "has a threshold of " << shortNumber(*vth)
                               << " mV; Loihi 2's vth is positive";
    pop.vref = 0.0;
    pop.span = *vth;
    pop.alphaV = 0.0;
    pop.gainPerNA.assign(pop.n, 1.0 / (1 << lo::kActivationShift));
    pop.biasPerStep.assign(pop.n, 0.0);
    pop.extraBias.assign(pop.n, 0.0);
    return success();
  }

  if (pop.spiking) {
    auto reset = op->getAttrOfType<ResetModeAttr>("reset");
    if (reset && reset.getValue() != ResetMode::value)
      return op->emitOpError()
             << "resets by '" << stringifyResetMode(reset.getValue())
             << "'; Loihi 2's LIF sets v to 0 after a spike (reset = value)";
    if (auto refractory = op->getAttrOfType<QuantityAttr>("refractory"))
      for (double r : refractory.getValues().asArrayRef())
        if (r != 0.0)
          return op->emitOpError()
                 << "has a refractory period of " << shortNumber(r)
                 << " ms; Lava's bit-accurate LIF has none";
  }

  auto coefficient = [&](StringRef name) -> FailureOr<double> {
    auto values = llvm::dyn_cast_or_null<DenseF64ArrayAttr>(
        step.getCoefficients().get(name));
    if (!values)
      return op->emitOpError() << "lacks the step coefficient '" << name
                               << "'";
    FailureOr<double> one = uniform(values.asArrayRef());
    if (failed(one))
      return op->emitOpError()
             << "has a different '" << name
             << "' per neuron; Loihi 2 has one decay per population";
    return one;
  };

  SmallVector<double> vLeak = getParamValues(op, model, "v_leak", 0.0);
  SmallVector<double> bias = getParamValues(op, model, "bias", 0.0);
  SmallVector<double> r = getParamValues(op, model, "r", 1.0);
  if (pop.spiking) {
    FailureOr<double> vth = uniform(getParamValues(op, model, "v_threshold", 0.0));
    FailureOr<double> vreset = uniform(getParamValues(op, model, "v_reset", 0.0));
    if (failed(vth) || failed(vreset))
      return op->emitOpError() << "has a different threshold or reset per "
                                  "neuron; Loihi 2 has one vth per population";
    pop.vref = *vreset;
    pop.span = *vth - *vreset;
  } else {
    FailureOr<double> rest = uniform(vLeak);
    pop.vref = succeeded(rest) ? *rest : 0.0;
  }

  pop.gainPerNA.resize(pop.n);
  pop.biasPerStep.resize(pop.n);
  pop.extraBias.assign(pop.n, 0.0);
  double scaleOut = 1.0 / (1 << lo::kActivationShift);
  if (cuba) {
    FailureOr<double> aS = coefficient("alpha_syn");
    FailureOr<double> aM = coefficient("alpha_mem");
    if (failed(aS) || failed(aM))
      return failure();
    pop.alphaU = *aS;
    pop.alphaV = *aM;
    SmallVector<double> wIn = getParamValues(op, model, "w_in", 1.0);
    for (int64_t i = 0; i < pop.n; ++i) {
      pop.gainPerNA[i] = (1 - *aM) * at(r, i) * (1 - *aS) * at(wIn, i) *
                         scaleOut;
      pop.biasPerStep[i] =
          (1 - *aM) * (at(vLeak, i) - pop.vref + at(r, i) * at(bias, i));
    }
    return success();
  }
  SmallVector<double> gain;
  if (auto values = llvm::dyn_cast_or_null<DenseF64ArrayAttr>(
          step.getCoefficients().get("gain")))
    gain.assign(values.asArrayRef().begin(), values.asArrayRef().end());
  if (gain.empty())
    return op->emitOpError() << "lacks the step coefficient 'gain'";
  if (lif) {
    FailureOr<double> alpha = coefficient("alpha");
    if (failed(alpha))
      return failure();
    pop.alphaV = *alpha;
  }
  for (int64_t i = 0; i < pop.n; ++i) {
    pop.gainPerNA[i] = at(gain, i) * scaleOut;
    pop.biasPerStep[i] = (1 - pop.alphaV) * (at(vLeak, i) - pop.vref) +
                         at(gain, i) * at(bias, i);
  }
  if (noLeak)
    for (int64_t i = 0; i < pop.n; ++i)
      pop.biasPerStep[i] = at(gain, i) * at(bias, i);
  return success();
}

/// The population a connection's current reaches (through flattens).
Population *Loihi2QuantizePass::targetOf(Operation *op) {
  Value current = op->getResult(0);
  Population *target = nullptr;
  SmallVector<Value> work{current};
  while (!work.empty()) {
    Value v = work.pop_back_val();
    for (Operation *user : v.getUsers()) {
      if (llvm::isa<FlattenOp>(user)) {
        work.push_back(user->getResult(0));
        continue;
      }
      if (llvm::isa<ProbeOp>(user))
        continue;
      auto it = populations.find(user);
      if (it == populations.end()) {
        op->emitOpError() << "feeds '" << user->getName()
                          << "'; on Loihi 2 a connection's output goes "
                             "into one neuron population";
        return nullptr;
      }
      if (target && target != &it->second) {
        op->emitOpError() << "feeds several neuron populations; on Loihi 2 "
                             "a connection goes into one";
        return nullptr;
      }
      target = &it->second;
    }
  }
  if (!target)
    op->emitOpError() << "feeds no neuron population";
  return target;
}

/// A weighted connection reads spikes: from the network's inputs, a
/// population, or flattens and delays of them.
LogicalResult Loihi2QuantizePass::checkSource(Operation *op, Value input) {
  // Chained delays add up on the synapse: every element's total counts.
  SmallVector<int64_t> total(getNumElements(input.getType()), 0);
  while (Operation *def = input.getDefiningOp()) {
    if (auto delay = llvm::dyn_cast<DelayOp>(def)) {
      if (op->hasAttr("stdp"))
        return op->emitOpError()
               << "learns by STDP from delayed spikes; Lava's learning "
                  "connections (LearningDense, LearningSparse) have no "
                  "delays";
      ArrayRef<int64_t> steps = delay.getSteps().value_or(ArrayRef<int64_t>());
      int64_t most = 0, longest = 0;
      for (size_t i = 0; i < total.size() && !steps.empty(); ++i) {
        int64_t s = steps.size() == 1 ? steps[0] : steps[i];
        most = std::max(most, s);
        total[i] += s;
        longest = std::max(longest, total[i]);
      }
      if (most > lo::kMaxDelay)
        return def->emitOpError()
               << "delays by " << most << " steps; Loihi 2 synapses delay "
               << "by at most " << lo::kMaxDelay;
      if (longest > lo::kMaxDelay)
        return op->emitOpError()
               << "reads spikes delayed by " << longest
               << " steps in all; Loihi 2 synapses delay by at most "
               << lo::kMaxDelay;
      input = delay.getInput();
      continue;
    }
    if (llvm::isa<FlattenOp>(def)) {
      input = def->getOperand(0);
      continue;
    }
    break;
  }
  if (!llvm::isa<SpikeType>(input.getType()))
    return op->emitOpError()
           << "reads a current; on Loihi 2 populations connect only "
              "through spikes";
  return success();
}

LogicalResult Loihi2QuantizePass::describeConnection(Operation *op,
                                                  Connection &conn) {
  conn.op = op;
  conn.stdp = op->getAttrOfType<STDPAttr>("stdp");
  if (failed(checkSource(op, op->getOperand(0))))
    return failure();
  conn.target = targetOf(op);
  if (!conn.target)
    return failure();
  int64_t rowsOut = getNumElements(op->getResult(0).getType());
  auto readWeights = [&](ElementsAttr attr) -> LogicalResult {
    if (failed(readFloats(attr, conn.weights)))
      return op->emitOpError() << "has weights that cannot be read";
    return success();
  };
  // A shared kernel or a procedural weight has one scale: the target's
  // neurons must take their input with one gain.
  auto oneGain = [&](StringRef because) -> LogicalResult {
    if (succeeded(uniform(conn.target->gainPerNA)))
      return success();
    return op->emitOpError()
           << "feeds a population whose neurons differ in input gain; "
           << because;
  };
  if (llvm::isa<LinearOp, AffineOp>(op)) {
    if (failed(readWeights(op->getAttrOfType<ElementsAttr>("weight"))))
      return failure();
    int64_t cols = int64_t(conn.weights.size()) / rowsOut;
    for (int64_t i = 0, e = conn.weights.size(); i < e; ++i)
      conn.rows.push_back(i / cols);
  } else if (auto sparse = llvm::dyn_cast<SparseOp>(op)) {
    SmallVector<int64_t> rows;
    if (failed(readWeights(sparse.getWeights())) ||
        failed(readIntegers(sparse.getRows(), rows)))
      return op->emitOpError() << "has rows that cannot be read";
    if (sparse.getFormat() == SparseFormat::csr) {
      for (int64_t m = 0; m + 1 < int64_t(rows.size()); ++m)
        for (int64_t k = rows[m]; k < rows[m + 1]; ++k)
          conn.rows.push_back(m);
    } else {
      conn.rows = rows;
    }
  } else if (llvm::isa<Conv2dOp, SumPool2dOp, AvgPool2dOp>(op) &&
             !isSymmetricPadding(
                 op->getAttrOfType<DenseI64ArrayAttr>("padding"), 2)) {
    return op->emitOpError()
           << "pads more after than before (or less); Lava's Conv pads each "
              "axis the same on both sides";
  } else if (auto conv = llvm::dyn_cast<Conv2dOp>(op)) {
    if (failed(readWeights(conv.getWeight())))
      return failure();
    conn.fixedExponent = true;
    if (failed(oneGain("a Loihi 2 Conv shares one kernel")))
      return failure();
  } else if (llvm::isa<SumPool2dOp, AvgPool2dOp>(op)) {
    // A window sum is a depthwise Conv with a kernel of ones (averages:
    // 1 / (kh kw)); lowered as such.
    ArrayRef<int64_t> k = op->getAttrOfType<DenseI64ArrayAttr>("kernel_size");
    int64_t channels = getStreamShape(op->getOperand(0).getType())[0];
    double w = llvm::isa<AvgPool2dOp>(op) ? 1.0 / double(k[0] * k[1]) : 1.0;
    conn.weights.assign(size_t(channels * k[0] * k[1]), w);
    conn.fixedExponent = true;
    if (failed(oneGain("a Loihi 2 Conv shares one kernel")))
      return failure();
  } else if (auto proc = llvm::dyn_cast<ProceduralOp>(op)) {
    DistributionAttr dist = proc.getWeight();
    ArrayRef<double> p = dist.getParams().asArrayRef();
    double low = p[0], high = p[0];
    switch (dist.getKind()) {
    case DistributionKind::constant:
      break;
    case DistributionKind::uniform:
      low = std::min(p[0], p[1]);
      high = std::max(p[0], p[1]);
      break;
    default:
      return op->emitOpError()
             << "draws weights from an unbounded distribution; Loihi 2 "
                "needs their range (use constant or uniform)";
    }
    if (failed(oneGain("procedural synapses get one weight scale")))
      return failure();
    conn.minW = low;
    conn.maxW = high;
    conn.maxAbs = std::max(std::fabs(low), std::fabs(high));
    return success();
  } else {
    return op->emitOpError() << "has no Loihi 2 form (Lava's Dense, Sparse, "
                                "DelayDense and Conv take snn.linear, "
                                "snn.affine, snn.sparse, snn.procedural, "
                                "snn.conv2d and 2-d pooling)";
  }
  conn.minW = INFINITY;
  conn.maxW = -INFINITY;
  for (double w : conn.weights) {
    conn.minW = std::min(conn.minW, w);
    conn.maxW = std::max(conn.maxW, w);
    conn.maxAbs = std::max(conn.maxAbs, std::fabs(w));
  }
  if (conn.weights.empty())
    conn.minW = conn.maxW = 0.0;
  if (conn.stdp) {
    // Learning moves the weights anywhere in [w_min, w_max]: the format
    // must hold the bounds, and one scale turns them into mantissas.
    if (failed(oneGain("a learning rule has one scale")))
      return failure();
    double wMin = conn.stdp.getWMin().convertToDouble(),
           wMax = conn.stdp.getWMax().convertToDouble();
    conn.minW = std::min(conn.minW, wMin);
    conn.maxW = std::max(conn.maxW, wMax);
    conn.maxAbs = std::max({conn.maxAbs, std::fabs(wMin), std::fabs(wMax)});
    lo::WeightLimits limits =
        lo::weightLimits(lo::inferSignMode(conn.minW, conn.maxW));
    double perMantissa =
        std::max(limits.hi > 0 ? conn.maxW / double(limits.hi) : 0.0,
                 limits.lo < 0 ? conn.minW / double(limits.lo) : 0.0);
    Population &pop = *conn.target;
    if (perMantissa > 0 && pop.learnedUnit == 0.0)
      pop.learnedUnit = perMantissa * pop.gainPerNA[0];
  }
  return success();
}

void Loihi2QuantizePass::chooseScale(Population &pop) {
  double scale;
  if (pop.spiking) {
    scale = double(int64_t(1) << 18) / pop.span;
  } else if (pop.maxDrive > 0) {
    scale = kMaxMantissa / pop.maxDrive;
  } else {
    scale = 1024.0; // no weighted input: 1/1024 mV resolution
  }
  pop.scale = std::min(scale, pop.maxScale);
  if (pop.learnedUnit > 0) {
    int e = int(std::floor(std::log2(pop.scale * pop.learnedUnit)));
    pop.scale = std::ldexp(1.0, e) / pop.learnedUnit;
  }
}

DenseI64ArrayAttr compact(Builder &b, ArrayRef<int64_t> values) {
  if (!values.empty() && llvm::all_equal(values))
    return b.getDenseI64ArrayAttr(values.front());
  return b.getDenseI64ArrayAttr(values);
}

LogicalResult Loihi2QuantizePass::quantizeConnection(Connection &conn) {
  Operation *op = conn.op;
  Population &pop = *conn.target;
  Builder b(op->getContext());
  auto factor = [&](int64_t row) { return pop.scale * at(pop.gainPerNA, row); };
  double maxQ = 0.0;
  if (conn.weights.empty()) {
    maxQ = conn.maxAbs * factor(0);
  } else {
    for (size_t i = 0; i < conn.weights.size(); ++i)
      maxQ = std::max(maxQ,
                      std::fabs(conn.weights[i] * factor(conn.rowOf(i))));
  }
  // Learned weights range over the rule's bounds (in maxAbs).
  if (conn.stdp)
    maxQ = std::max(maxQ, conn.maxAbs * factor(0));
  lo::SignMode mode = lo::inferSignMode(conn.minW, conn.maxW);
  // Learned weights take any value the learning engine saturates to
  // ([-256, 255] under MIXED); fixed ones Lava's truncation keeps even.
  double limit = mode != lo::SignMode::Mixed ? 255.0
                 : conn.stdp                 ? 256.0
                                             : kMaxMantissa;
  int step = mode == lo::SignMode::Mixed && !conn.stdp ? 2 : 1;
  // The smallest exponent at which every weight fits keeps the most bits.
  int exp = conn.fixedExponent ? 0 : lo::kMinWeightExp;
  int maxExp = conn.fixedExponent ? 0 : lo::kMaxWeightExp;
  while (exp < maxExp && maxQ / std::ldexp(1.0, exp) > limit + 0.5 * step)
    ++exp;
  if (maxQ / std::ldexp(1.0, exp) > limit + 0.5 * step)
    return op->emitOpError()
           << "has a weight of " << shortNumber(conn.maxAbs)
           << " nA that needs a mantissa of "
           << shortNumber(maxQ / std::ldexp(1.0, exp)) << " at exponent "
           << exp << " in its target's scale, beyond " << int64_t(limit);
  auto mantissa = [&](double q) {
    return lo::nearestMantissa(q / std::ldexp(1.0, exp), mode);
  };

  NamedAttrList quant;
  quant.append("weight_exp", b.getI64IntegerAttr(exp));
  quant.append("num_weight_bits", b.getI64IntegerAttr(lo::kMaxWeightBits));
  quant.append("sign_mode", b.getStringAttr(lo::signModeName(mode)));
  NamedAttrList error;
  double maxErr = 0.0, sumSq = 0.0;
  if (conn.weights.empty()) {
    // Procedural: each synapse's weight is drawn when the synapses are
    // laid out; its mantissa is round(w * weight_scale).
    double perNA = factor(0) / std::ldexp(1.0, exp);
    quant.append("weight_scale", b.getF64FloatAttr(perNA));
    if (conn.minW == conn.maxW) {
      double w = conn.minW;
      maxErr = std::fabs(double(mantissa(w * factor(0))) / perNA - w);
    } else {
      maxErr = 0.5 * step / perNA; // at most half a mantissa step
    }
  } else {
    SmallVector<int16_t> ints;
    ints.reserve(conn.weights.size());
    int64_t nonzero = 0, zeroed = 0;
    for (size_t i = 0; i < conn.weights.size(); ++i) {
      if (!std::isfinite(conn.weights[i]))
        return op->emitOpError() << "has a weight that is not a finite number ("
                                 << conn.weights[i] << ")";
      double f = factor(conn.rowOf(i));
      int64_t m = mantissa(conn.weights[i] * f);
      if (conn.weights[i] != 0) {
        ++nonzero;
        zeroed += m == 0;
      }
      ints.push_back(int16_t(m));
      double back = double(m) * std::ldexp(1.0, exp) / f;
      double err = std::fabs(back - conn.weights[i]);
      maxErr = std::max(maxErr, err);
      sumSq += err * err;
    }
    SmallVector<int64_t> shape;
    if (llvm::isa<SumPool2dOp, AvgPool2dOp>(op)) {
      // The depthwise kernel: [C, 1, kh, kw].
      ArrayRef<int64_t> k =
          op->getAttrOfType<DenseI64ArrayAttr>("kernel_size");
      shape = {getStreamShape(op->getOperand(0).getType())[0], 1, k[0], k[1]};
    } else {
      auto tensor = llvm::cast<ShapedType>(
          llvm::cast<TypedAttr>(op->getAttr(
                                    llvm::isa<SparseOp>(op) ? "weights"
                                                            : "weight"))
              .getType());
      shape.assign(tensor.getShape().begin(), tensor.getShape().end());
    }
    auto type = RankedTensorType::get(shape, b.getIntegerType(16));
    quant.append("weights", DenseElementsAttr::get(type, ArrayRef(ints)));
    sumSq /= double(conn.weights.size());
    // Only a loss is recorded, for snn-check-quantization and the report.
    if (zeroed > 0)
      error.append("weights_zeroed",
                   b.getF64FloatAttr(double(zeroed) / double(nonzero)));
  }
  double ref = conn.maxAbs > 0 ? conn.maxAbs : 1.0;
  if (conn.stdp &&
      failed(quantizeLearning(conn, std::ldexp(1.0, exp) / factor(0), mode,
                              quant, error)))
    return failure();
  error.append("weight_max", b.getF64FloatAttr(maxErr / ref));
  // Procedural weights are drawn later: their error is the bound above.
  if (!conn.weights.empty())
    error.append("weight_rms", b.getF64FloatAttr(std::sqrt(sumSq) / ref));
  op->setAttr("snn.quant", snnc::loihi2::FormatAttr::get(
                              op->getContext(),
                              quant.getDictionary(op->getContext())));
  op->setAttr("snn.quant_error", error.getDictionary(op->getContext()));
  maxWeightErrorPpm = std::max<uint64_t>(maxWeightErrorPpm,
                                         uint64_t(1e6 * maxErr / ref));

  // A bias current is a constant input, added to the target's bias.
  ElementsAttr biasAttr;
  if (auto affine = llvm::dyn_cast<AffineOp>(op))
    biasAttr = affine.getBias();
  if (auto conv = llvm::dyn_cast<Conv2dOp>(op))
    biasAttr = conv.getBiasAttr();
  if (biasAttr) {
    SmallVector<double> biases;
    if (failed(readFloats(biasAttr, biases)))
      return op->emitOpError() << "has a bias that cannot be read";
    int64_t perChannel = pop.n / int64_t(biases.size());
    for (int64_t i = 0; i < pop.n; ++i)
      pop.extraBias[i] += biases[i / perChannel] * factor(i) *
                          (1 << lo::kActivationShift);
  }
  return success();
}

/// m 2^k I nearest to `amplitude` (weight mantissas per pairing) with
/// Lava's scale (m in 1..7, k in -7..8) and an integer trace impulse I,
/// preferring impulses of 16..31 (within 2%): enough trace resolution, and
/// room for several spikes before the 7-bit trace saturates.
struct LearningScale {
  int64_t mantissa = 0, exponent = 0, impulse = 0;
  double error = INFINITY; ///< relative
};

LearningScale fitLearningScale(double amplitude) {
  LearningScale best;
  for (auto [lo, hi] : {std::pair<int64_t, int64_t>{16, 31}, {1, 127}}) {
    for (int64_t impulse = lo; impulse <= hi; ++impulse)
      for (int64_t m = 1; m <= 7; ++m)
        for (int64_t k = -7; k <= 8; ++k) {
          double got = double(m) * std::ldexp(1.0, int(k)) * double(impulse);
          double err = std::fabs(got - amplitude) / amplitude;
          if (err < best.error)
            best = {m, k, impulse, err};
        }
    if (best.error <= 0.02)
      break;
  }
  return best;
}

/// STDP as Lava's Loihi2FLearningRule with epoch 1:
///   dw = s+ y0 x1 - s- x0 y1,
/// x1 (y1) rising by the impulse at each pre- (post-) synaptic spike and
/// decaying with tau_plus (tau_minus) in steps, so that s+ x1 is a_plus
/// times the float model's trace in weight mantissas.
LogicalResult Loihi2QuantizePass::quantizeLearning(Connection &conn,
                                                double perMantissa,
                                                lo::SignMode mode,
                                                NamedAttrList &quant,
                                                NamedAttrList &error) {
  Operation *op = conn.op;
  Builder b(op->getContext());
  STDPAttr stdp = conn.stdp;
  std::string dw;
  struct Side {
    const char *name, *product, *impulseKey, *tauKey;
    double amplitude, tauMs;
    int sign;
  };
  const Side sides[] = {
      {"a_plus", "y0 * x1", "x1_impulse", "x1_tau",
       stdp.getAPlus().convertToDouble(), stdp.getTauPlus().convertToDouble(),
       +1},
      {"a_minus", "x0 * y1", "y1_impulse", "y1_tau",
       stdp.getAMinus().convertToDouble(),
       stdp.getTauMinus().convertToDouble(), -1},
  };
  for (const Side &side : sides) {
    double tauSteps = side.tauMs / dtMs;
    int64_t tau = int64_t(std::nearbyint(tauSteps));
    if (tau < 1 || tau > lo::kMaxTraceTau)
      return op->emitOpError()
             << "learns with " << (side.sign > 0 ? "tau_plus" : "tau_minus")
             << " = " << shortNumber(tauSteps)
             << " steps; Loihi 2 traces decay with 1..255 steps";
    double amplitude = side.amplitude / perMantissa;
    int64_t impulse = 0;
    if (amplitude != 0) {
      LearningScale fit = fitLearningScale(std::fabs(amplitude));
      if (fit.error > 0.5)
        return op->emitOpError()
               << "learns with " << side.name << " = "
               << shortNumber(side.amplitude) << " nA, "
               << shortNumber(std::fabs(amplitude))
               << " weight mantissas per pairing; Loihi 2's learning "
                  "engine resolves 2^-7 * 1..127 to 7 * 2^8 * 127";
      bool negative = (amplitude < 0) != (side.sign < 0);
      dw += dw.empty() ? (negative ? "-" : "") : (negative ? " - " : " + ");
      dw += std::to_string(fit.mantissa) + "*2^" +
            std::to_string(fit.exponent) + " * " + side.product;
      impulse = fit.impulse;
      error.append(std::string("stdp_") + side.name,
                   b.getF64FloatAttr(fit.error));
    }
    quant.append(side.impulseKey, b.getI64IntegerAttr(impulse));
    quant.append(side.tauKey, b.getI64IntegerAttr(tau));
    error.append(std::string("stdp_") +
                     (side.sign > 0 ? "tau_plus" : "tau_minus"),
                 b.getF64FloatAttr(std::fabs(double(tau) - tauSteps) /
                                   tauSteps));
  }
  if (dw.empty())
    dw = "0 * x0"; // no learning: a rule that never changes a weight
  quant.append("learning_dw", b.getStringAttr(dw));
  quant.append("t_epoch", b.getI64IntegerAttr(1));
  // Bounds: the learning engine saturates at the 8-bit limits.
  lo::WeightLimits limits = lo::weightLimits(mode);
  double wMin = stdp.getWMin().convertToDouble(),
         wMax = stdp.getWMax().convertToDouble();
  double range = std::max({std::fabs(wMin), std::fabs(wMax), 1e-300});
  for (auto [name, requested, effective] :
       {std::tuple<const char *, double, double>{
            "w_min", wMin, double(limits.lo) * perMantissa},
        {"w_max", wMax, double(limits.hi) * perMantissa}}) {
    double err = std::fabs(effective - requested) / range;
    error.append(std::string("stdp_") + name, b.getF64FloatAttr(err));
    // One scale puts one bound on the 8-bit limit; the other may fall
    // short of it (or an excitatory w_min above 0 is not held).
    if (err > 0.01)
      op->emitWarning() << "learns with " << name << " = "
                        << shortNumber(requested)
                        << " nA; on Loihi 2 the learned weights saturate at "
                        << shortNumber(effective) << " nA instead";
  }
  return success();
}

/// bias = mant << exp with the smallest exponent that fits the mantissa.
std::pair<int64_t, int64_t> splitBias(double value) {
  int64_t exp = lo::kMinBiasExp;
  while (exp < lo::kMaxBiasExp &&
         std::fabs(value) / std::ldexp(1.0, exp) > lo::kMaxBiasMant + 0.5)
    ++exp;
  int64_t mant = int64_t(std::nearbyint(value / std::ldexp(1.0, exp)));
  return {mant, exp};
}

LogicalResult Loihi2QuantizePass::quantizePopulation(Population &pop) {
  Operation *op = pop.op;
  Builder b(op->getContext());
  double S = pop.scale;
  double unit = double(lo::kDecayUnit);
  int64_t dv = int64_t(std::nearbyint(unit * (1 - pop.alphaV)));
  int64_t du = pop.hasCurrent
                   ? std::clamp<int64_t>(
                         int64_t(std::nearbyint(unit * (1 - pop.alphaU))) - 1,
                         0, lo::kMaxDecay)
                   : lo::kMaxDecay;
  dv = std::clamp<int64_t>(dv, 0, lo::kMaxDecay);
  int64_t vth = lo::kMaxVth;
  double thresholdError = 0.0;
  if (pop.spiking) {
    double exact = S * pop.span / (1 << lo::kThresholdShift);
    vth = int64_t(std::nearbyint(exact));
    if (vth < 1 || vth > lo::kMaxVth)
      return op->emitOpError()
             << "needs a threshold of " << vth << " in Loihi 2 units, "
             << "outside 1.." << lo::kMaxVth;
    thresholdError = std::fabs(double(vth) - exact) / exact;
  }
  SmallVector<int64_t> mants, exps;
  double biasErr = 0.0, biasRef = 0.0;
  for (int64_t i = 0; i < pop.n; ++i) {
    double value = S * pop.biasPerStep[i] + pop.extraBias[i];
    auto [mant, exp] = splitBias(value);
    if (mant > lo::kMaxBiasMant || mant < lo::kMinBiasMant)
      return op->emitOpError()
             << "needs a bias of " << shortNumber(value) << " per step in Loihi 2 units "
             << "for neuron " << i << ", beyond " << lo::kMaxBiasMant
             << " << " << lo::kMaxBiasExp;
    mants.push_back(mant);
    exps.push_back(exp);
    biasErr = std::max(biasErr, std::fabs(double(mant) * std::ldexp(1.0, int(exp)) - value));
    biasRef = std::max(biasRef, std::fabs(value));
  }

  // Initial state, in the same draws as the emulator.
  SmallVector<int64_t> vInit, uInit;
  auto init = op->getAttrOfType<DictionaryAttr>("init");
  auto seedAttr = op->getAttrOfType<IntegerAttr>("seed");
  uint64_t seed = seedAttr ? uint64_t(seedAttr.getInt()) : 0;
  auto initial = [&](StringRef state, double fallback,
                     SmallVectorImpl<int64_t> &out, double offset,
                     double scale) {
    Attribute value = init ? init.get(state) : Attribute();
    for (int64_t i = 0; i < pop.n; ++i) {
      double x = fallback;
      if (auto q = llvm::dyn_cast_or_null<QuantityAttr>(value)) {
        x = at(q.getValues().asArrayRef(), i);
      } else if (auto d = llvm::dyn_cast_or_null<DistributionAttr>(value)) {
        ArrayRef<double> p = d.getParams().asArrayRef();
        x = snnrt::sampleInitialState(int(d.getKind()), p[0],
                                      p.size() > 1 ? p[1] : 0.0, seed,
                                      state.str(), uint64_t(i));
      }
      out.push_back(int64_t(std::nearbyint((x - offset) * scale)));
    }
  };
  const NeuronModel &model = llvm::cast<NeuronOpInterface>(op).getModel();
  SmallVector<double> vLeak = getParamValues(op, model, "v_leak", 0.0);
  bool leaky = op->getName().stripDialect() != "if" &&
               op->getName().stripDialect() != "integrator";
  initial("v", leaky ? at(vLeak, 0) : 0.0, vInit, pop.vref, S);
  if (pop.hasCurrent) {
    // u = S (1 - alpha_mem) r i.
    SmallVector<double> r = getParamValues(op, model, "r", 1.0);
    initial("i", 0.0, uInit, 0.0, S * (1 - pop.alphaV) * at(r, 0));
  } else {
    uInit.assign(pop.n, 0);
  }
  for (int64_t v : vInit)
    if (v >= lo::kStateBound || v <= -lo::kStateBound)
      return op->emitOpError() << "starts at " << v << " in Loihi 2 units, "
                               << "outside the 24-bit state";

  NamedAttrList quant;
  quant.append("scale", b.getF64FloatAttr(S));
  quant.append("v_offset", b.getF64FloatAttr(pop.vref));
  quant.append("du", b.getI64IntegerAttr(du));
  quant.append("dv", b.getI64IntegerAttr(dv));
  quant.append("vth", b.getI64IntegerAttr(vth));
  quant.append("bias_mant", compact(b, mants));
  quant.append("bias_exp", compact(b, exps));
  quant.append("u_init", compact(b, uInit));
  quant.append("v_init", compact(b, vInit));
  NamedAttrList error;
  error.append("threshold", b.getF64FloatAttr(thresholdError));
  auto decayError = [&](double exact, double got) {
    return exact > 0 ? std::fabs(got - exact) / exact : std::fabs(got);
  };
  error.append("decay_v",
               b.getF64FloatAttr(decayError(1 - pop.alphaV, double(dv) / unit)));
  if (pop.hasCurrent)
    error.append("decay_u", b.getF64FloatAttr(decayError(
                                1 - pop.alphaU, double(du + 1) / unit)));
  error.append("bias", b.getF64FloatAttr(biasRef > 0 ? biasErr / biasRef : 0));
  op->setAttr("snn.quant", snnc::loihi2::FormatAttr::get(
                              op->getContext(),
                              quant.getDictionary(op->getContext())));
  op->setAttr("snn.quant_error", error.getDictionary(op->getContext()));
  return success();
}

void Loihi2QuantizePass::runOnOperation() {
  NetworkOp network = getOperation();
  const ChipDescription *chip = getTargetChip(network);
  if (!chip)
    return signalPassFailure();
  if (chip->name != snnc::loihi2::kChipName) {
    network.emitOpError() << "cannot be quantized for " << chip->name
                          << " by loihi2-quantize: the module's target chip "
                             "must be loihi2";
    return signalPassFailure();
  }
  populations.clear();
  dtMs = network.getDt() ? network.getDt()->at(0) : 1.0;
  bool failedAny = false;
  for (Operation &op : network.getBodyBlock())
    if (auto neuron = llvm::dyn_cast<NeuronOpInterface>(op))
      failedAny |= failed(
          describePopulation(neuron, populations[&op]));
  if (failedAny)
    return signalPassFailure();

  // Neuron inputs must come from connections (currents between
  // populations do not exist on the chip).
  for (auto &[op, pop] : populations)
    for (Value input : op->getOperands()) {
      Operation *def = getDefiningOpThroughFlattens(input);
      if (!def || populations.count(def)) {
        op->emitOpError()
            << "reads " << (def ? "another population's membrane" : "a "
                            "current from outside the network")
            << " directly; Loihi 2 populations take input only through "
               "synapses";
        failedAny = true;
      }
    }
  if (failedAny)
    return signalPassFailure();

  std::vector<Connection> connections;
  for (Operation &op : network.getBodyBlock()) {
    if (llvm::isa<NeuronOpInterface, FlattenOp, DelayOp, OutputOp, ProbeOp>(
            op))
      continue;
    Connection conn{};
    if (failed(describeConnection(&op, conn))) {
      failedAny = true;
      continue;
    }
    Population &pop = *conn.target;
    double drive = 0.0;
    if (conn.weights.empty())
      drive = conn.maxAbs * pop.gainPerNA[0];
    for (size_t i = 0; i < conn.weights.size(); ++i)
      drive = std::max(drive, std::fabs(conn.weights[i]) *
                                  at(pop.gainPerNA, conn.rowOf(i)));
    pop.maxDrive = std::max(pop.maxDrive, drive);
    if (conn.fixedExponent && drive > 0)
      pop.maxScale = std::min(pop.maxScale, kMaxMantissa / drive);
    connections.push_back(std::move(conn));
  }
  if (failedAny)
    return signalPassFailure();
  for (auto &entry : populations)
    chooseScale(entry.second);
  for (Connection &conn : connections) {
    failedAny |= failed(quantizeConnection(conn));
    ++numConnections;
  }
  for (auto &entry : populations) {
    failedAny |= failed(quantizePopulation(entry.second));
    ++numPopulations;
  }
  if (failedAny)
    return signalPassFailure();
}
} // namespace
