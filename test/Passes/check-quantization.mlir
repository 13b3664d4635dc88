// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(snn-check-quantization))' --verify-diagnostics
// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(snn-check-quantization{allow-lossy=true}))' 2>&1 | FileCheck %s --check-prefix=ALLOW

// Within the bounds: nothing to say.
snn.network @fine(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>, snn.quant_error = {weight_max = 0.5 : f64, weight_rms = 0.25 : f64, weights_zeroed = 0.25 : f64}} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @collapsed(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{loses its meaning in quantization: it rounds every one of its non-zero weights to 0; pass --allow-lossy to compile it anyway}}
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>, snn.quant_error = {weight_max = 1.0 : f64, weight_rms = 1.0 : f64, weights_zeroed = 1.0 : f64}} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @thinned(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{loses its meaning in quantization: it rounds 50% of its non-zero weights to 0, more than the 25% allowed; pass --allow-lossy to compile it anyway}}
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>, snn.quant_error = {weight_max = 1.0 : f64, weight_rms = 0.1 : f64, weights_zeroed = 0.5 : f64}} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @blurred(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{loses its meaning in quantization: it has a weight error of 0.3 of its largest weight (rms), more than the 0.25 allowed; pass --allow-lossy to compile it anyway}}
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>, snn.quant_error = {weight_max = 0.6 : f64, weight_rms = 0.3 : f64}} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// ALLOW-NOT: error
// ALLOW: warning: quantization rounds every one of its non-zero weights to 0 (--allow-lossy)
// ALLOW: warning: quantization rounds 50% of its non-zero weights to 0, more than the 25% allowed (--allow-lossy)
// ALLOW: warning: quantization has a weight error of 0.3 of its largest weight (rms), more than the 0.25 allowed (--allow-lossy)
