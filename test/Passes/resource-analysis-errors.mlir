// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=truenorth},snn.network(snn-resource-analysis))' --verify-diagnostics
// RUN: not snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=spinnaker},snn.network(snn-resource-analysis))' 2>&1 | FileCheck %s --check-prefix=CHIP
// CHIP: error: unknown chip 'spinnaker' (known: akida, loihi2, truenorth)

// TrueNorth splits up to 128 partial sums of 128 inputs each.
snn.network @fan_in(%in: !snn.spikes<16385>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{fan-in of 16385 exceeds the 16384 inputs a truenorth neuron can take split across cores}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<4x16385xf32>} : !snn.spikes<16385> -> !snn.current<4>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}

// -----

snn.network @model(%in: !snn.current<4>) -> !snn.current<4> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{is a neuron model truenorth does not run (it runs lif, if, threshold)}}
  %v = snn.li(%in) {tau = #snn.q<10 ms>} : (!snn.current<4>) -> !snn.current<4>
  snn.output %v : !snn.current<4>
}

// -----

snn.network @layer(%in: !snn.spikes<4>) -> !snn.current<4> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{is a connection truenorth does not run (it runs linear, affine, sparse, conv2d, sum_pool2d, avg_pool2d, delay, flatten, procedural)}}
  %p = snn.scale %in {scale = dense<2.0> : tensor<4xf32>} : !snn.spikes<4> -> !snn.current<4>
  snn.output %p : !snn.current<4>
}

// -----

// 20 M neurons need 78,125 cores: 20 chips, more than the 16 of the largest
// TrueNorth system.
// expected-error @+1 {{needs at least 78125 cores (bound by neurons) on 20 chips; the largest truenorth system has 16}}
snn.network @too_big(%in: !snn.current<20000000>) -> !snn.spikes<20000000> attributes {dt = #snn.q<1 ms>} {
  %s = snn.lif(%in) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<20000000>) -> !snn.spikes<20000000>
  snn.output %s : !snn.spikes<20000000>
}

// -----

// An activity profile must come from a run at the network's own dt.
// expected-error @+1 {{the activity profile was recorded at dt 0.1 ms; the network steps at dt 1 ms}}
snn.network @measured(%in: !snn.spikes<4>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>, snn.activity = {steps = 100 : i64, dt_ms = 0.1 : f64, spikes = 40 : i64, synaptic_events = 160 : i64}} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<4x4xf32>} : !snn.spikes<4> -> !snn.current<4>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}

// -----

// expected-error @+1 {{snn.activity needs steps > 0 (integer), dt_ms (float), and spikes and synaptic_events >= 0 (integers)}}
snn.network @empty_run(%in: !snn.spikes<4>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>, snn.activity = {steps = 0 : i64, dt_ms = 1.0 : f64, spikes = 0 : i64, synaptic_events = 0 : i64}} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<4x4xf32>} : !snn.spikes<4> -> !snn.current<4>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}
