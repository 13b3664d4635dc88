// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(loihi2-prepare-for-emission))' --verify-diagnostics

snn.network @unscaled(%in: !snn.spikes<3>) -> !snn.spikes<3> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has no Loihi 2 weight_scale and sign_mode to round with}}
  %o = snn.procedural %in {connector = #snn.connector<one_to_one>, seed = 1,
      weight = #snn.dist<constant(0.5) nA>, snn.quant = #loihi2.format<{sign_mode = "MIXED"}>}
      : !snn.spikes<3> -> !snn.current<3>
  %s = snn.if(%o) {v_threshold = #snn.q<1 mV>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %s : !snn.spikes<3>
}

// -----

snn.network @flat(%in: !snn.spikes<1x3x3>) -> !snn.spikes<1x2x2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has no 4-D Loihi 2 kernel to lay out}}
  %c = snn.conv2d %in {weight = dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>,
      stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1,
      snn.quant = #loihi2.format<{weight_exp = 0}>}
      : !snn.spikes<1x3x3> -> !snn.current<1x2x2>
  %s = snn.if(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<1x2x2>) -> !snn.spikes<1x2x2>
  snn.output %s : !snn.spikes<1x2x2>
}
