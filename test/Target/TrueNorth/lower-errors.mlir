// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=truenorth},snn.network(snn-discretize),truenorth-lower)' --verify-diagnostics
// RUN: not snnc-opt %S/Inputs/exact.mlir --pass-pipeline='builtin.module(snn-assign-target{chip=loihi2},snn.network(snn-discretize),truenorth-lower)' 2>&1 | FileCheck %s --check-prefix=CHIP
// CHIP: error: 'snn.network' op cannot be laid out for loihi2 by truenorth-lower: the module's target chip must be truenorth

snn.network @cuba(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{has no TrueNorth form: TrueNorth's neuron runs snn.if and snn.threshold exactly and snn.lif with a linear leak}}
  %s = snn.cuba_lif(%i) {tau_mem = #snn.q<10 ms>, tau_syn = #snn.q<5 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @refractory(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{has a refractory period of 2 ms; TrueNorth's neuron has none}}
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>, refractory = #snn.q<2 ms>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @thresholds(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{has a different 'v_threshold' per neuron; TrueNorth neurons of one population share one neuron type}}
  %s = snn.if(%i) {v_threshold = #snn.q<[1, 2] mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @readout(%in: !snn.spikes<2>) -> !snn.current<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{has no TrueNorth form}}
  %v = snn.li(%i) {tau = #snn.q<10 ms>} : (!snn.current<2>) -> !snn.current<2>
  snn.output %v : !snn.current<2>
}

// -----

snn.network @plastic(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{learns; TrueNorth's synapses are fixed (train offline, then deploy)}}
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>, stdp = #snn.stdp<a_plus = 0.01, a_minus = 0.01, tau_plus = 20 ms, tau_minus = 20 ms, w_min = 0, w_max = 1>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

// expected-error @+1 {{has input 0 of currents or graded spikes; TrueNorth takes binary spikes}}
snn.network @graded(%in: !snn.spikes<2, graded 4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2, graded 4> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

// 16385 inputs into one neuron: more than 128 partial sums of 128 hold.
// expected-error @+1 {{cannot be laid out on truenorth cores: group 'if_2' reads 16385 sources; partial sums of 128 each would need 258 axons per neuron, beyond the 256}}
snn.network @wide(%in: !snn.spikes<16385>) -> !snn.spikes<1> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<1x16385xf32>} : !snn.spikes<16385> -> !snn.current<1>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %s : !snn.spikes<1>
}

// -----

// A weight 300 times the threshold: more than 8-bit weight magnitudes hold.
// expected-error @+1 {{cannot be laid out on truenorth cores: group 'if_2': its largest weight is 300 times its threshold, beyond the 255 that TrueNorth's 9-bit weights hold}}
snn.network @strong(%in: !snn.spikes<1>) -> !snn.spikes<1> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<300.0> : tensor<1x1xf32>} : !snn.spikes<1> -> !snn.current<1>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %s : !snn.spikes<1>
}

// -----

snn.network @scaled(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has no TrueNorth form (it runs linear, affine, sparse, procedural, conv2d, sum_pool2d, avg_pool2d, flatten and delay)}}
  %x = snn.scale %in {scale = dense<2.0> : tensor<2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%x) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @nan(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has a weight that is not a finite number (nan)}}
  %i = snn.linear %in {weight = dense<0x7FC00000> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
