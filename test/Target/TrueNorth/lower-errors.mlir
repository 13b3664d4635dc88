// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=truenorth},snn.network(snn-discretize),truenorth-lower)' --verify-diagnostics
// RUN: not snnc-opt %S/Inputs/exact.mlir --pass-pipeline='builtin.module(snn-assign-target{chip=loihi2},snn.network(snn-discretize),truenorth-lower)' 2>&1 | FileCheck %s --check-prefix=CHIP
// CHIP: error: 'snn.network' op cannot be laid out for loihi2 by truenorth-lower: the module's target chip must be truenorth
// RUN: not snnc-opt %S/Inputs/exact.mlir --pass-pipeline='builtin.module(snn-assign-target{chip=truenorth},truenorth-lower)' 2>&1 | FileCheck %s --check-prefix=STEP
// STEP: error: 'snn.if' op is not discretized; run snn-discretize before truenorth-lower

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

// -----

snn.network @membrane(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  // expected-error @+1 {{reads another population's membrane directly; TrueNorth neurons take input only through synapses}}
  %t = snn.if(%s) {v_threshold = #snn.q<1 mV>} : (!snn.spikes<2>) -> !snn.spikes<2>
  snn.output %t : !snn.spikes<2>
}

// -----

snn.network @two(%in: !snn.spikes<2>) -> (!snn.spikes<2>, !snn.spikes<2>) attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{feeds 'snn.if'; on TrueNorth a connection feeds one population}}
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  %t = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s, %t : !snn.spikes<2>, !snn.spikes<2>
}

// -----

snn.network @indelay(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %d = snn.delay %in {delay = #snn.q<2 ms>} : !snn.spikes<2> -> !snn.spikes<2>
  // expected-error @+1 {{reads network input 0 delayed by 2 steps; TrueNorth inputs reach their axons without delay}}
  %i = snn.linear %d {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @delays(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  // expected-error @+1 {{delays its elements differently; a TrueNorth connection has one delay}}
  %d = snn.delay %s {delay = #snn.q<[1, 2] ms>} : !snn.spikes<2> -> !snn.spikes<2>
  %j = snn.linear %d {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %o = snn.if(%j) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %o : !snn.spikes<2>
}

// -----

snn.network @biases(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has a different bias per neuron; a TrueNorth population holds one leak, and per-neuron leaks are not laid out}}
  %i = snn.affine %in {weight = dense<0.5> : tensor<2x2xf32>, bias = dense<[0.1, 0.2]> : tensor<2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @unitbias(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{adds a bias to a threshold unit, whose leak already holds its threshold}}
  %i = snn.affine %in {weight = dense<0.5> : tensor<2x2xf32>, bias = dense<0.1> : tensor<2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.threshold(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

// expected-error @+1 {{cannot be laid out on truenorth cores: group 'lif_2' leaks towards another potential than its reset or has a bias; TrueNorth's one linear leak cannot hold both}}
snn.network @leaky(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_leak = #snn.q<0.5 mV>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @startdist(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{starts from a distribution or per-neuron potentials; TrueNorth neurons of one population share one initial potential}}
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>, init = {v = #snn.q<[0.1, 0.2] mV>}} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @graded(%in: !snn.spikes<2>) -> !snn.spikes<2, graded 4> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{has no TrueNorth form: TrueNorth's neuron runs snn.if and snn.threshold exactly and snn.lif with a linear leak}}
  %s = snn.sfn(%i) {v_threshold = #snn.q<1 mV>, levels = 4} : (!snn.current<2>) -> !snn.spikes<2, graded 4>
  snn.output %s : !snn.spikes<2, graded 4>
}

// -----

snn.network @readsinput(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  // expected-error @+1 {{returns result 0, which no TrueNorth neuron produces}}
  snn.output %in : !snn.spikes<2>
}
