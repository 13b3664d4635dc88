//===- Passes.td - the TrueNorth target's passes -----------*- tablegen -*-===//

#ifndef SNNC_TARGETS_TRUENORTH_PASSES_TD
#define SNNC_TARGETS_TRUENORTH_PASSES_TD

include "mlir/Pass/PassBase.td"

def TruenorthLower : Pass<"truenorth-lower", "::mlir::ModuleOp"> {
  let summary = "lays a discretized snn network out on TrueNorth cores";
  let description = [{
    Needs `snn-discretize`. Builds, beside each `snn.network`, the
    `tn.program` that runs it (docs/targets/truenorth.md): every population
    in TrueNorth's integer units (IF and threshold units exactly, LIF with
    a linear leak whose cost is written as `leak` in `snn.quant_error`),
    every connection as explicit synapses (linear, affine with its bias as
    the leak, sparse, procedural, conv2d, sum and average pooling, through
    flattens and delays; delays beyond one destination's 15 ticks through
    relay neurons), the weights of each core clustered
    into the 4 axon types (exact for at most 4 values per core; the error
    as `weight_max`/`weight_rms`), a copy of a neuron per destination, and
    the network's inputs and outputs as ports. What TrueNorth cannot run
    (other neuron models, refractory periods, per-neuron thresholds or
    decays, currents between populations, graded spikes, a fan-in over
    16384) is refused with the op and the reason; a fan-in over a core's
    256 axons is split into partial sums.
  }];
  let dependentDialects = ["::snnc::tn::TNDialect"];
  let statistics = [
    Statistic<"numCores", "cores", "TrueNorth cores laid out">,
    Statistic<"numDuplicates", "duplicate-neurons",
              "Neuron copies made for extra destinations">,
  ];
}

#endif // SNNC_TARGETS_TRUENORTH_PASSES_TD
