// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=loihi2},snn.network(snn-discretize,loihi2-quantize))' --verify-diagnostics
// RUN: not snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=loihi2},snn.network(loihi2-quantize))' 2>&1 | FileCheck %s --check-prefix=STEP
// STEP: error: 'snn.lif' op is not discretized; run snn-discretize before loihi2-quantize
// RUN: not snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=truenorth},snn.network(snn-discretize,loihi2-quantize))' 2>&1 | FileCheck %s --check-prefix=CHIP
// CHIP: error: 'snn.network' op cannot be quantized for truenorth by loihi2-quantize: the module's target chip must be loihi2
// RUN: not snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(snn-discretize,loihi2-quantize))' 2>&1 | FileCheck %s --check-prefix=NONE
// NONE: error: has no target chip: the module needs an snn.target with a chip (snnc --chip=NAME or --target=NAME, or snn-assign-target{chip=NAME})

snn.network @model(%in: !snn.spikes<4>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<4x4xf32>} : !snn.spikes<4> -> !snn.current<4>
  // expected-error @+1 {{resets by 'subtract'; Loihi 2's LIF sets v to 0 after a spike (reset = value)}}
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>, reset = #snn.reset<subtract>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}

// -----

snn.network @model(%in: !snn.spikes<4>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<4x4xf32>} : !snn.spikes<4> -> !snn.current<4>
  // expected-error @+1 {{has a refractory period of 2 ms; Lava's bit-accurate LIF has none}}
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>, refractory = #snn.q<2 ms>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{has a different 'alpha' per neuron; Loihi 2 has one decay per population}}
  %s = snn.lif(%i) {tau = #snn.q<[10, 20] ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{has a different threshold or reset per neuron; Loihi 2 has one vth per population}}
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<[1, 2] mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.current<4>) -> !snn.spikes<4, graded 2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has no Loihi 2 form: Lava's bit-accurate LIF runs snn.lif, snn.cuba_lif, snn.if, snn.li, snn.cuba_li, snn.integrator and snn.threshold}}
  %s = snn.sfn(%in) {v_threshold = #snn.q<1 mV>, levels = 3} : (!snn.current<4>) -> !snn.spikes<4, graded 2>
  snn.output %s : !snn.spikes<4, graded 2>
}

// -----

snn.network @model(%in: !snn.current<4>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{reads a current from outside the network directly; Loihi 2 populations take input only through synapses}}
  %s = snn.lif(%in) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}

// -----

snn.network @model(%in: !snn.spikes<4>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<4x4xf32>} : !snn.spikes<4> -> !snn.current<4>
  %g = snn.li(%i) {tau = #snn.q<5 ms>} : (!snn.current<4>) -> !snn.current<4>
  // expected-error @+1 {{reads another population's membrane directly; Loihi 2 populations take input only through synapses}}
  %s = snn.lif(%g) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}

// -----

snn.network @model(%in: !snn.spikes<4>) -> (!snn.spikes<4>, !snn.spikes<4>) attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{feeds several neuron populations; on Loihi 2 a connection goes into one}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<4x4xf32>} : !snn.spikes<4> -> !snn.current<4>
  %a = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  %b = snn.lif(%i) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %a, %b : !snn.spikes<4>, !snn.spikes<4>
}

// -----

snn.network @model(%in: !snn.spikes<4>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<4x4xf32>} : !snn.spikes<4> -> !snn.current<4>
  %g = snn.li(%i) {tau = #snn.q<5 ms>} : (!snn.current<4>) -> !snn.current<4>
  // expected-error @+1 {{reads a current; on Loihi 2 populations connect only through spikes}}
  %j = snn.linear %g {weight = dense<0.1> : tensor<4x4xf32>} : !snn.current<4> -> !snn.current<4>
  %s = snn.lif(%j) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}

// -----

snn.network @model(%in: !snn.spikes<4>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{delays by 63 steps; Loihi 2 synapses delay by at most 62}}
  %d = snn.delay %in {delay = #snn.q<63 ms>} : !snn.spikes<4> -> !snn.spikes<4>
  %i = snn.linear %d {weight = dense<0.1> : tensor<4x4xf32>} : !snn.spikes<4> -> !snn.current<4>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}

// -----

snn.network @model(%in: !snn.spikes<4>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has a weight of 1000 nA that needs a mantissa of 3.2e+07 at exponent 7 in its target's scale, beyond 255}}
  %i = snn.linear %in {weight = dense<1000.0> : tensor<4x4xf32>} : !snn.spikes<4> -> !snn.current<4>
  %s = snn.if(%i) {v_threshold = #snn.q<0.001 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}

// -----

snn.network @model(%in: !snn.spikes<4>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{draws weights from an unbounded distribution; Loihi 2 needs their range (use constant or uniform)}}
  %i = snn.procedural %in {connector = #snn.connector<one_to_one>, seed = 1, weight = #snn.dist<normal(1, 0.1) nA>} : !snn.spikes<4> -> !snn.current<4>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}

// -----

snn.network @model(%in: !snn.spikes<1x4x4>) -> !snn.spikes<1x4x4> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has no Loihi 2 form (Lava's Dense, Sparse, DelayDense and Conv take snn.linear, snn.affine, snn.sparse, snn.procedural, snn.conv2d and 2-d pooling)}}
  %p = snn.scale %in {scale = dense<2.0> : tensor<1xf32>} : !snn.spikes<1x4x4> -> !snn.current<1x4x4>
  %s = snn.if(%p) {v_threshold = #snn.q<1 mV>} : (!snn.current<1x4x4>) -> !snn.spikes<1x4x4>
  snn.output %s : !snn.spikes<1x4x4>
}

// -----

// A kernel weight 10^4 times the threshold brings the scale down until the
// threshold rounds to nothing.
snn.network @model(%in: !snn.spikes<1x2x2>) -> !snn.spikes<1x1x1> attributes {dt = #snn.q<1 ms>} {
  %c = snn.conv2d %in {weight = dense<10000.0> : tensor<1x1x2x2xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x2x2> -> !snn.current<1x1x1>
  // expected-error @+1 {{needs a threshold of 0 in Loihi 2 units, outside 1..131071}}
  %s = snn.if(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<1x1x1>) -> !snn.spikes<1x1x1>
  snn.output %s : !snn.spikes<1x1x1>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{needs a bias of 786432 per step in Loihi 2 units for neuron 0, beyond 4095 << 7}}
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>, bias = #snn.q<3 nA>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

// STDP becomes Lava's learning rule where the learning engine can hold it.
snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %d = snn.delay %in {delay = #snn.q<2 ms>} : !snn.spikes<2> -> !snn.spikes<2>
  // expected-error @+1 {{learns by STDP from delayed spikes; Lava's learning connections (LearningDense, LearningSparse) have no delays}}
  %i = snn.linear %d {weight = dense<0.1> : tensor<2x2xf32>, stdp = #snn.stdp<a_plus = 0.005, a_minus = 0.006, tau_plus = 16.8 ms, tau_minus = 33.7 ms, w_min = -1, w_max = 1>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

// One scale puts one weight bound on the 8-bit limit; a bound far inside
// the other limit is not held (a warning).
snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-warning @+1 {{learns with w_max = 0.5 nA; on Loihi 2 the learned weights saturate at 0.996094 nA instead}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, stdp = #snn.stdp<a_plus = 0.005, a_minus = 0.006, tau_plus = 20 ms, tau_minus = 20 ms, w_min = -1, w_max = 0.5>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{learns with tau_plus = 300 steps; Loihi 2 traces decay with 1..255 steps}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, stdp = #snn.stdp<a_plus = 0.005, a_minus = 0.006, tau_plus = 300 ms, tau_minus = 20 ms, w_min = 0, w_max = 1>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{learns with a_minus = 1e-05 nA, 0.00255 weight mantissas per pairing; Loihi 2's learning engine resolves 2^-7 * 1..127 to 7 * 2^8 * 127}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, stdp = #snn.stdp<a_plus = 0.005, a_minus = 0.00001, tau_plus = 20 ms, tau_minus = 20 ms, w_min = 0, w_max = 1>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{feeds a population whose neurons differ in input gain; a learning rule has one scale}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, stdp = #snn.stdp<a_plus = 0.005, a_minus = 0.006, tau_plus = 20 ms, tau_minus = 20 ms, w_min = 0, w_max = 1>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>, r = #snn.q<[1, 2] MOhm>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

// Connections chained without a population between them (pooling into a
// Dense) have no Loihi 2 process.
snn.network @model(%in: !snn.spikes<1x4x4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{feeds 'snn.linear'; on Loihi 2 a connection's output goes into one neuron population}}
  %p = snn.sum_pool2d %in {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<1x4x4> -> !snn.current<1x2x2>
  %f = snn.flatten %p : !snn.current<1x2x2> -> !snn.current<4>
  // expected-error @+1 {{reads a current; on Loihi 2 populations connect only through spikes}}
  %i = snn.linear %f {weight = dense<0.5> : tensor<2x4xf32>} : !snn.current<4> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.current<4>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<4x4xf32>} : !snn.current<4> -> !snn.current<4>
  // expected-error @+1 {{has a threshold of -1 mV; Loihi 2's vth is positive}}
  %s = snn.threshold(%i) {v_threshold = #snn.q<-1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}

// -----

// A shared kernel or a procedural weight has one scale, so the target's
// neurons need one input gain (here r differs per neuron).
snn.network @model(%in: !snn.spikes<1x2x4>) -> !snn.spikes<1x1x2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{feeds a population whose neurons differ in input gain; a Loihi 2 Conv shares one kernel}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<1x1x1x1xf32>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x2x4> -> !snn.current<1x1x2>
  %s = snn.if(%c) {v_threshold = #snn.q<1 mV>, r = #snn.q<[1, 2] MOhm>} : (!snn.current<1x1x2>) -> !snn.spikes<1x1x2>
  snn.output %s : !snn.spikes<1x1x2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{feeds a population whose neurons differ in input gain; procedural synapses get one weight scale}}
  %i = snn.procedural %in {connector = #snn.connector<one_to_one>, seed = 1, weight = #snn.dist<constant(1) nA>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>, r = #snn.q<[1, 2] MOhm>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

// Chained delays add up on the synapse.
snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %d1 = snn.delay %in {delay = #snn.q<40 ms>} : !snn.spikes<2> -> !snn.spikes<2>
  %d2 = snn.delay %d1 {delay = #snn.q<40 ms>} : !snn.spikes<2> -> !snn.spikes<2>
  // expected-error @+1 {{reads spikes delayed by 80 steps in all; Loihi 2 synapses delay by at most 62}}
  %i = snn.linear %d2 {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{has a different threshold per neuron; Loihi 2 has one vth per population}}
  %s = snn.threshold(%i) {v_threshold = #snn.q<[1, 2] mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{feeds no neuron population}}
  %probed = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  snn.probe "probed" %probed : !snn.current<2>
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

// 100 mV above the reset at 2^18 units per mV of a 1 mV threshold.
snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{starts at 26214400 in Loihi 2 units, outside the 24-bit state}}
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>, init = {v = #snn.q<100 mV>}} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @nan(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has a weight that is not a finite number (nan)}}
  %i = snn.linear %in {weight = dense<0x7FC00000> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
