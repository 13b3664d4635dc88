//===- Discretize.cpp - continuous-time models to per-step coefficients ---===//
//
// The update each coefficient enters is documented in docs/dialects/SNN.md;
// the runtime implements exactly those updates.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "mlir/IR/Builders.h"
#include "llvm/Support/Debug.h"

#include <cmath>

#define DEBUG_TYPE "snn-discretize"

namespace snnc {
#define GEN_PASS_DEF_SNNDISCRETIZE
#include "passes/Passes.h.inc"
} // namespace snnc

using namespace mlir;
using namespace snnc;
using namespace snnc::snn;

namespace {
/// A value that must be a whole number of steps: its step count, or failure
/// with a diagnostic naming the value and the step.
FailureOr<int64_t> wholeSteps(Operation *op, StringRef what, double ms,
                              double dt) {
  double steps = ms / dt;
  double rounded = std::round(steps);
  if (std::abs(steps - rounded) > 1e-6 * std::max(1.0, rounded)) {
    op->emitOpError() << what << " of " << units::formatDouble(ms)
                      << " ms is not a whole number of "
                      << units::formatDouble(dt) << " ms steps";
    return failure();
  }
  return static_cast<int64_t>(rounded);
}

/// Reads model parameters with their defaults, broadcasting scalars.
class Params {
public:
  Params(Operation *op, const NeuronModel &model) : op(op), model(model) {}

  double at(StringRef name, size_t i) const {
    const ParamSpec *spec = model.findParam(name);
    if (auto q = op->getAttrOfType<QuantityAttr>(name))
      return q.at(i);
    return spec && spec->defaultValue ? *spec->defaultValue : 0.0;
  }

  /// 1 when every named parameter is a scalar, else the population size.
  size_t width(ArrayRef<StringRef> names, size_t n) const {
    for (StringRef name : names)
      if (auto q = op->getAttrOfType<QuantityAttr>(name))
        if (!q.isScalar())
          return n;
    return 1;
  }

private:
  Operation *op;
  const NeuronModel &model;
};

struct SNNDiscretizePass
    : public snnc::impl::SNNDiscretizeBase<SNNDiscretizePass> {
  using Base::Base;

  void runOnOperation() override;

private:
  LogicalResult discretize(NeuronOpInterface neuron, double dt,
                           Scheme linearScheme);
};

LogicalResult SNNDiscretizePass::discretize(NeuronOpInterface neuron,
                                            double dt, Scheme linearScheme) {
  Operation *op = neuron.getOperation();
  const NeuronModel &model = neuron.getModel();
  size_t n = neuron.getNumNeurons();
  Params params(op, model);
  MLIRContext *ctx = op->getContext();
  NamedAttrList coefficients;
  auto put = [&](StringRef name, ArrayRef<double> values) {
    coefficients.set(name, DenseF64ArrayAttr::get(ctx, values));
  };
  // Fills one coefficient per element from `fn(i)`.
  auto fill = [&](StringRef name, size_t width,
                  llvm::function_ref<double(size_t)> fn) {
    SmallVector<double> values(width);
    for (size_t i = 0; i < width; ++i)
      values[i] = fn(i);
    put(name, values);
  };
  // Forward Euler on a linear model is only stable for dt < tau.
  auto checkEuler = [&](StringRef tauName, size_t width) -> LogicalResult {
    for (size_t i = 0; i < width; ++i)
      if (dt >= params.at(tauName, i))
        return op->emitOpError()
               << "forward euler needs dt < " << tauName
               << ", got dt = " << units::formatDouble(dt) << " ms and "
               << tauName << " = " << units::formatDouble(params.at(tauName, i))
               << " ms (neuron " << i << ")";
    return success();
  };

  StringRef name = model.name;
  Scheme scheme = Scheme::exact;
  bool euler = linearScheme == Scheme::euler;
  if (name == "if" || name == "integrator") {
    scheme = linearScheme;
    fill("gain", params.width({"tau", "r"}, n), [&](size_t i) {
      return dt / params.at("tau", i) * params.at("r", i);
    });
  } else if (name == "lif" || name == "li") {
    scheme = linearScheme;
    size_t w = params.width({"tau", "r"}, n);
    if (euler && failed(checkEuler("tau", w)))
      return failure();
    auto alpha = [&](size_t i) {
      double tau = params.at("tau", i);
      return euler ? 1.0 - dt / tau : std::exp(-dt / tau);
    };
    fill("alpha", w, alpha);
    fill("gain", w, [&](size_t i) { return (1.0 - alpha(i)) * params.at("r", i); });
  } else if (name == "cuba_lif" || name == "cuba_li") {
    scheme = linearScheme;
    size_t w = params.width({"tau_syn", "tau_mem"}, n);
    if (euler && (failed(checkEuler("tau_syn", w)) ||
                  failed(checkEuler("tau_mem", w))))
      return failure();
    auto decay = [&](StringRef tauName, size_t i) {
      double tau = params.at(tauName, i);
      return euler ? 1.0 - dt / tau : std::exp(-dt / tau);
    };
    fill("alpha_syn", w, [&](size_t i) { return decay("tau_syn", i); });
    fill("alpha_mem", w, [&](size_t i) { return decay("tau_mem", i); });
    if (!euler)
      fill("kappa", w, [&](size_t i) {
        double ts = params.at("tau_syn", i), tm = params.at("tau_mem", i);
        double as = std::exp(-dt / ts), am = std::exp(-dt / tm);
        // Response of the membrane to a decaying synaptic current; the
        // limit tau_syn -> tau_mem is dt/tau * alpha.
        if (std::abs(ts - tm) <= 1e-9 * tm)
          return dt / tm * am;
        return ts / (ts - tm) * (as - am);
      });
  } else if (name == "cond_lif") {
    // Exponential Euler by default; forward Euler (as Brian's benchmark
    // integrates COBA) with scheme=euler.
    scheme = euler ? Scheme::euler : Scheme::exponential_euler;
    auto cond = llvm::cast<CondLIFOp>(op);
    QuantityAttr tauSyn = cond.getTauSyn();
    SmallVector<double> alphaSyn;
    for (size_t k = 0; k < tauSyn.size(); ++k) {
      double tau = tauSyn.at(k);
      if (euler && dt >= tau)
        return op->emitOpError()
               << "forward euler needs dt < tau_syn, got dt = "
               << units::formatDouble(dt) << " ms and tau_syn = "
               << units::formatDouble(tau) << " ms (channel " << k << ")";
      alphaSyn.push_back(euler ? 1.0 - dt / tau : std::exp(-dt / tau));
    }
    put("alpha_syn", alphaSyn);
    fill("dt_over_c", params.width({"c_m"}, n),
         [&](size_t i) { return dt / params.at("c_m", i); });
  } else if (name == "hh") {
    scheme = Scheme::exponential_euler;
    fill("dt_over_c", params.width({"c_m"}, n),
         [&](size_t i) { return dt / params.at("c_m", i); });
  }

  if (auto refractory = op->getAttrOfType<QuantityAttr>("refractory")) {
    SmallVector<double> steps;
    for (size_t i = 0; i < refractory.size(); ++i) {
      FailureOr<int64_t> s =
          wholeSteps(op, "refractory period", refractory.at(i), dt);
      if (failed(s))
        return failure();
      steps.push_back(static_cast<double>(*s));
    }
    put("refractory_steps", steps);
  }

  op->setAttr("step", StepAttr::get(ctx, APFloat(dt), scheme,
                                    coefficients.getDictionary(ctx)));
  ++numPopulations;
  return success();
}

void SNNDiscretizePass::runOnOperation() {
  NetworkOp network = getOperation();
  std::optional<Scheme> linearScheme = symbolizeScheme(scheme);
  if (!linearScheme || *linearScheme == Scheme::exponential_euler) {
    network.emitError() << "unknown integration scheme '" << scheme
                        << "' for linear models (exact, euler)";
    return signalPassFailure();
  }
  double step = dt;
  if (step == 0.0) {
    std::optional<QuantityAttr> own = network.getDt();
    if (!own) {
      network.emitError() << "no time step: give the network a 'dt' or run "
                             "snn-discretize with dt=<ms>";
      return signalPassFailure();
    }
    step = own->at(0);
  }
  if (!(step > 0) || !std::isfinite(step)) {
    network.emitError() << "the time step must be > 0 ms, got "
                        << units::formatDouble(step);
    return signalPassFailure();
  }
  MLIRContext *ctx = &getContext();
  network.setDtAttr(QuantityAttr::get(ctx, {step}, Dimension::time));

  bool failedAny = false;
  for (Operation &op : network.getBodyBlock()) {
    if (auto neuron = llvm::dyn_cast<NeuronOpInterface>(op)) {
      failedAny |= failed(discretize(neuron, step, *linearScheme));
      continue;
    }
    auto delay = llvm::dyn_cast<DelayOp>(op);
    if (!delay)
      continue;
    SmallVector<int64_t> steps;
    QuantityAttr length = delay.getDelay();
    for (size_t i = 0; i < length.size(); ++i) {
      FailureOr<int64_t> s = wholeSteps(delay, "delay", length.at(i), step);
      if (failed(s)) {
        failedAny = true;
        break;
      }
      steps.push_back(*s);
    }
    if (steps.size() == length.size()) {
      delay.setStepsAttr(DenseI64ArrayAttr::get(ctx, steps));
      ++numDelays;
    }
  }
  LLVM_DEBUG(llvm::dbgs() << "discretized " << network.getSymName()
                          << " at dt = " << step << " ms\n");
  if (failedAny)
    signalPassFailure();
}
} // namespace
