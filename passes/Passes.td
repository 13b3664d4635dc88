//===- Passes.td - passes over the snn dialect -------------*- tablegen -*-===//

#ifndef SNNC_PASSES_TD
#define SNNC_PASSES_TD

include "mlir/Pass/PassBase.td"

def SNNDiscretize : Pass<"snn-discretize", "::snnc::snn::NetworkOp"> {
  let summary = "turns continuous-time parameters into per-step coefficients";
  let description = [{
    Sets the network's step `dt` and writes on every neuron population a
    `#snn.step` with the per-step coefficients of its model, on every delay
    its length in steps. Linear models (IF, LIF, LI, CubaLIF, CubaLI,
    Integrator) are integrated exactly (zero-order hold of the input over the
    step) or, with `scheme=euler`, by forward Euler as several frameworks do;
    the conductance LIF and Hodgkin-Huxley models use exponential Euler
    (Rush-Larsen for the gates). A delay that is not a whole number of steps,
    or forward Euler with `dt >= tau`, is refused with a diagnostic.
  }];
  let options = [
    Option<"dt", "dt", "double", /*default=*/"0.0",
           "Step in ms; 0 takes the network's own 'dt' attribute">,
    Option<"scheme", "scheme", "std::string", /*default=*/"\"exact\"",
           "'exact' or 'euler' (linear models and the conductance LIF)">,
  ];
  let statistics = [
    Statistic<"numPopulations", "populations", "Neuron populations discretized">,
    Statistic<"numDelays", "delays", "Delays converted to steps">,
  ];
}

#endif // SNNC_PASSES_TD
