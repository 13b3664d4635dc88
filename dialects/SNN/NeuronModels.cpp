//===- NeuronModels.cpp - tables describing each neuron model -------------===//

#include "dialects/SNN/SNNOps.h"

using namespace snnc::snn;
using units::Dim;

const ParamSpec *NeuronModel::findParam(llvm::StringRef name) const {
  for (const ParamSpec &p : params)
    if (p.name == name)
      return &p;
  return nullptr;
}

const StateSpec *NeuronModel::findState(llvm::StringRef name) const {
  for (const StateSpec &s : states)
    if (s.name == name)
      return &s;
  return nullptr;
}

namespace {
constexpr std::nullopt_t kRequired = std::nullopt;

const ParamSpec kIFParams[] = {
    {"tau", Dim::time, Range::positive, 1.0},
    {"r", Dim::resistance, Range::positive, 1.0},
    {"v_threshold", Dim::voltage, Range::any, kRequired},
    {"v_reset", Dim::voltage, Range::any, 0.0},
    {"bias", Dim::current, Range::any, 0.0},
};
const ParamSpec kLIFParams[] = {
    {"tau", Dim::time, Range::positive, kRequired},
    {"r", Dim::resistance, Range::positive, 1.0},
    {"v_leak", Dim::voltage, Range::any, 0.0},
    {"v_threshold", Dim::voltage, Range::any, kRequired},
    {"v_reset", Dim::voltage, Range::any, 0.0},
    {"bias", Dim::current, Range::any, 0.0},
};
const ParamSpec kCubaLIFParams[] = {
    {"tau_syn", Dim::time, Range::positive, kRequired},
    {"tau_mem", Dim::time, Range::positive, kRequired},
    {"r", Dim::resistance, Range::positive, 1.0},
    {"v_leak", Dim::voltage, Range::any, 0.0},
    {"v_threshold", Dim::voltage, Range::any, kRequired},
    {"v_reset", Dim::voltage, Range::any, 0.0},
    {"w_in", Dim::dimensionless, Range::any, 1.0},
    {"bias", Dim::current, Range::any, 0.0},
};
const ParamSpec kLIParams[] = {
    {"tau", Dim::time, Range::positive, kRequired},
    {"r", Dim::resistance, Range::positive, 1.0},
    {"v_leak", Dim::voltage, Range::any, 0.0},
    {"bias", Dim::current, Range::any, 0.0},
};
const ParamSpec kCubaLIParams[] = {
    {"tau_syn", Dim::time, Range::positive, kRequired},
    {"tau_mem", Dim::time, Range::positive, kRequired},
    {"r", Dim::resistance, Range::positive, 1.0},
    {"v_leak", Dim::voltage, Range::any, 0.0},
    {"w_in", Dim::dimensionless, Range::any, 1.0},
    {"bias", Dim::current, Range::any, 0.0},
};
const ParamSpec kIntegratorParams[] = {
    {"tau", Dim::time, Range::positive, 1.0},
    {"r", Dim::resistance, Range::positive, 1.0},
    {"bias", Dim::current, Range::any, 0.0},
};
const ParamSpec kThresholdParams[] = {
    {"v_threshold", Dim::voltage, Range::any, kRequired},
};
const ParamSpec kCondLIFParams[] = {
    {"c_m", Dim::capacitance, Range::positive, kRequired},
    {"g_leak", Dim::conductance, Range::positive, kRequired},
    {"e_leak", Dim::voltage, Range::any, kRequired},
    {"v_threshold", Dim::voltage, Range::any, kRequired},
    {"v_reset", Dim::voltage, Range::any, kRequired},
    {"tau_syn", Dim::time, Range::positive, kRequired, /*perChannel=*/true},
    {"e_rev", Dim::voltage, Range::any, kRequired, /*perChannel=*/true},
    {"bias", Dim::current, Range::any, 0.0},
};
const ParamSpec kHHParams[] = {
    {"c_m", Dim::capacitance, Range::positive, kRequired},
    {"g_na", Dim::conductance, Range::nonNegative, kRequired},
    {"g_k", Dim::conductance, Range::nonNegative, kRequired},
    {"g_leak", Dim::conductance, Range::nonNegative, kRequired},
    {"e_na", Dim::voltage, Range::any, kRequired},
    {"e_k", Dim::voltage, Range::any, kRequired},
    {"e_leak", Dim::voltage, Range::any, kRequired},
    {"v_threshold", Dim::voltage, Range::any, kRequired},
    {"bias", Dim::current, Range::any, 0.0},
};
const ParamSpec kSFNParams[] = {
    {"v_threshold", Dim::voltage, Range::positive, kRequired},
    {"r", Dim::resistance, Range::positive, 1.0},
    {"bias", Dim::current, Range::any, 0.0},
};

const ParamSpec kQReLUParams[] = {
    {"v_step", Dim::voltage, Range::positive, kRequired},
    {"v_threshold", Dim::voltage, Range::any, 0.0},
};

const StateSpec kVState[] = {{"v", Dim::voltage}};
const StateSpec kCubaStates[] = {{"i", Dim::current}, {"v", Dim::voltage}};
const StateSpec kCondStates[] = {{"v", Dim::voltage}, {"g", Dim::conductance}};
const StateSpec kHHStates[] = {{"v", Dim::voltage},
                               {"m", Dim::dimensionless},
                               {"h", Dim::dimensionless},
                               {"n", Dim::dimensionless}};
} // namespace

const NeuronModel &IFOp::getNeuronModel() {
  static const NeuronModel model{"if", kIFParams, kVState, true, true,
                                 Dim::current};
  return model;
}
const NeuronModel &LIFOp::getNeuronModel() {
  static const NeuronModel model{"lif", kLIFParams, kVState, true, true,
                                 Dim::current};
  return model;
}
const NeuronModel &CubaLIFOp::getNeuronModel() {
  static const NeuronModel model{"cuba_lif", kCubaLIFParams, kCubaStates,
                                 true, true, Dim::current};
  return model;
}
const NeuronModel &LIOp::getNeuronModel() {
  static const NeuronModel model{"li", kLIParams, kVState, false, false,
                                 Dim::current};
  return model;
}
const NeuronModel &CubaLIOp::getNeuronModel() {
  static const NeuronModel model{"cuba_li", kCubaLIParams, kCubaStates,
                                 false, false, Dim::current};
  return model;
}
const NeuronModel &IntegratorOp::getNeuronModel() {
  static const NeuronModel model{"integrator", kIntegratorParams, kVState,
                                 false, false, Dim::current};
  return model;
}
const NeuronModel &ThresholdOp::getNeuronModel() {
  static const NeuronModel model{"threshold", kThresholdParams, {}, true,
                                 false, Dim::voltage};
  return model;
}
const NeuronModel &CondLIFOp::getNeuronModel() {
  static const NeuronModel model{"cond_lif", kCondLIFParams, kCondStates,
                                 true, true, Dim::conductance};
  return model;
}
const NeuronModel &HHOp::getNeuronModel() {
  static const NeuronModel model{"hh", kHHParams, kHHStates, true, false,
                                 Dim::current};
  return model;
}
const NeuronModel &SFNOp::getNeuronModel() {
  static const NeuronModel model{"sfn", kSFNParams, kVState, true, true,
                                 Dim::current};
  return model;
}

const NeuronModel &QReLUOp::getNeuronModel() {
  static const NeuronModel model{"qrelu", kQReLUParams, {}, true, false,
                                 Dim::voltage};
  return model;
}

std::optional<llvm::SmallVector<llvm::StringRef>>
snnc::snn::getStepCoefficients(const NeuronModel &model, Scheme scheme) {
  llvm::StringRef name = model.name;
  bool linear = name == "if" || name == "integrator" || name == "lif" ||
                name == "li" || name == "cuba_lif" || name == "cuba_li";
  if (linear && scheme != Scheme::exact && scheme != Scheme::euler)
    return std::nullopt;
  if (name == "hh" && scheme != Scheme::exponential_euler)
    return std::nullopt;
  if (name == "cond_lif" && scheme != Scheme::exponential_euler &&
      scheme != Scheme::euler)
    return std::nullopt;
  if ((name == "threshold" || name == "sfn" || name == "qrelu") &&
      scheme != Scheme::exact)
    return std::nullopt;

  if (name == "if" || name == "integrator")
    return llvm::SmallVector<llvm::StringRef>{"gain"};
  if (name == "lif" || name == "li")
    return llvm::SmallVector<llvm::StringRef>{"alpha", "gain"};
  if (name == "cuba_lif" || name == "cuba_li") {
    if (scheme == Scheme::exact)
      return llvm::SmallVector<llvm::StringRef>{"alpha_syn", "alpha_mem",
                                                "kappa"};
    return llvm::SmallVector<llvm::StringRef>{"alpha_syn", "alpha_mem"};
  }
  if (name == "cond_lif")
    return llvm::SmallVector<llvm::StringRef>{"alpha_syn", "dt_over_c"};
  if (name == "hh")
    return llvm::SmallVector<llvm::StringRef>{"dt_over_c"};
  return llvm::SmallVector<llvm::StringRef>{};
}
