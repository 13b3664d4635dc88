//===- Passes.td - the Loihi 2 target's passes -------------*- tablegen -*-===//

#ifndef SNNC_TARGETS_LOIHI2_PASSES_TD
#define SNNC_TARGETS_LOIHI2_PASSES_TD

include "mlir/Pass/PassBase.td"

def Loihi2Quantize : Pass<"loihi2-quantize", "::snnc::snn::NetworkOp"> {
  let summary = "float parameters and weights to Loihi 2's integer formats";
  let description = [{
    Needs `snn-discretize` and a module whose target chip is `loihi2`.
    Maps every population onto
    Lava's bit-accurate LIF (`du`, `dv` in 1/4096, `vth` with its 6-bit
    shift, per-neuron `bias_mant`/`bias_exp`, initial `u` and `v`) with one
    scale per population (integer voltage units per mV, measured from the
    reset potential), and every weighted connection onto 8-bit mantissas,
    Lava's sign mode and the smallest weight exponent at which all of its
    weights fit (Conv has none: the target's scale is lowered instead).
    Writes the formats as `snn.quant = #loihi2.format<{...}>` and the error
    against the float model as `snn.quant_error` on each op (relative to the
    largest weight, the threshold, the exact decay and the largest bias).
    STDP becomes Lava's
    Loihi2FLearningRule (`learning_dw`, trace impulses and time constants in
    steps; `stdp_*` errors), with the target's scale chosen so that the
    binding weight bound lands on the 8-bit limit (a warning names a bound
    the engine cannot hold). What Loihi 2 cannot
    represent is refused with a diagnostic: other neuron models, resets
    other than to a value, refractory periods, per-neuron decays or
    thresholds, currents passed between populations, weights beyond the
    largest exponent, delays over 62 steps (chained delays counted together),
    learning from delayed spikes, trace time constants beyond 255 steps and
    amplitudes beyond the learning engine's resolution.
  }];
  let dependentDialects = ["::snnc::loihi2::Loihi2Dialect"];
  let statistics = [
    Statistic<"numPopulations", "populations", "Populations quantized">,
    Statistic<"numConnections", "connections", "Connections quantized">,
    Statistic<"maxWeightErrorPpm", "max-weight-error-ppm",
              "Largest weight error, parts per million of the largest weight">,
  ];
}

def Loihi2PrepareForEmission
    : Pass<"loihi2-prepare-for-emission", "::snnc::snn::NetworkOp"> {
  let summary = "lays the quantized network out as Lava's processes take it";
  let description = [{
    Needs `loihi2-quantize`. Rewrites every `#loihi2.format` into what the
    emitter writes, so that the emitter only reads: a convolution's or
    pooling's kernel in Lava's (out, kw, kh, in) convolution layout
    (`lava_weight`, from the (out, in, kh, kw) correlation kernel), a CSR
    connection's row of every synapse (`rows`), and a procedural
    connection's synapses laid out from its seed (`rows`, `cols`) with their
    weights rounded to the nearest prepared mantissa (`weights`). A
    connection whose synapses cannot be laid out is refused.
  }];
  let statistics = [
    Statistic<"numKernels", "kernels", "Kernels laid out in Lava's order">,
    Statistic<"numExpanded", "procedural-synapses",
              "Procedural synapses laid out">,
  ];
}

#endif // SNNC_TARGETS_LOIHI2_PASSES_TD
