// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=loihi2},snn.network(snn-resource-analysis))' | FileCheck %s --check-prefix=LOIHI
// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=truenorth},snn.network(snn-resource-analysis{rate=20}))' | FileCheck %s --check-prefix=TN

// 20,000 LIF neurons with dense 100 -> 20,000 synapses: Loihi 2 needs 3 cores
// for the neurons (8,192 each) and 2,000,000 x 9 bits of weights take
// 12 cores of 192 KiB: memory binds. TrueNorth: 79 cores of 256 neurons,
// one crossbar bit per synapse (31 cores' worth): neurons bind.
// At 10 Hz each of the 2,000,000 synapses carries 0.01 events per 1 ms
// step: 20,000 x 23.6 pJ, plus 20,000 neuron updates x 52 pJ = 1.512 uJ.
// LOIHI-LABEL: snn.network @dense
// LOIHI-SAME: snn.resources = {binding_limit = "synapse memory", chips = 1 : i64, cores_lower_bound = 12 : i64, energy_per_step_j = 1.512{{[0-9]*}}e-06 : f64, max_fan_in = 100 : i64, neurons = 20000 : i64, power_w = {{.*}}, rate_hz = 1.000000e+01 : f64, steps_per_second = 1.000000e+03 : f64, synapse_bits = 18000000 : i64, synapses = 2000000 : i64, synapses_procedural = 0 : i64, weights_stored = 2000000 : i64}
// TN-LABEL: snn.network @dense
// TN-SAME: binding_limit = "neurons", chips = 1 : i64, cores_lower_bound = 79 : i64
// TN-SAME: rate_hz = 2.000000e+01 : f64, steps_per_second = 1.000000e+03 : f64, synapse_bits = 2000000 : i64
snn.network @dense(%in: !snn.spikes<100>) -> !snn.spikes<20000> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<20000x100xf32>} : !snn.spikes<100> -> !snn.current<20000>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<20000>) -> !snn.spikes<20000>
  snn.output %s : !snn.spikes<20000>
}

// -----

// Procedural synapses are counted by their expectation and stored on chip;
// a convolution's kernel (128 outputs x 9 synapses) is stored once where the
// chip shares kernels (Loihi 2: 18 weights), expanded where it does not
// (TrueNorth: 1152).
// LOIHI-LABEL: snn.network @mixed
// LOIHI-SAME: max_fan_in = 9 : i64, neurons = 1128 : i64
// LOIHI-SAME: synapses = 2152 : i64, synapses_procedural = 1000 : i64, weights_stored = 1018 : i64
// TN-LABEL: snn.network @mixed
// TN-SAME: synapses = 2152 : i64, synapses_procedural = 1000 : i64, weights_stored = 2152 : i64
snn.network @mixed(%img: !snn.spikes<1x10x10>, %in: !snn.spikes<1000>) -> (!snn.spikes<2x8x8>, !snn.spikes<1000>) attributes {dt = #snn.q<1 ms>} {
  %c = snn.conv2d %img {weight = dense<0.5> : tensor<2x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x10x10> -> !snn.current<2x8x8>
  %s = snn.if(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<2x8x8>) -> !snn.spikes<2x8x8>
  %p = snn.procedural %in {connector = #snn.connector<one_to_one>, seed = 1, weight = #snn.dist<constant(1)>} : !snn.spikes<1000> -> !snn.current<1000>
  %t = snn.lif(%p) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<1000>) -> !snn.spikes<1000>
  snn.output %s, %t : !snn.spikes<2x8x8>, !snn.spikes<1000>
}

// -----

// With an emulator activity profile, energy comes from the measured events:
// 160 synaptic events and 40 spikes over 100 steps of 1 ms on 4 neurons are
// 1.6 events per step (1.6 x 23.6 pJ) plus 4 neuron updates (4 x 52 pJ),
// 245.76 pJ, at a measured 100 Hz.
// LOIHI-LABEL: snn.network @measured
// LOIHI-SAME: activity_steps = 100 : i64
// LOIHI-SAME: energy_per_step_j = 2.4576{{0*[0-9]?}}e-10 : f64
// LOIHI-SAME: rate_hz = 1.000000e+02 : f64
snn.network @measured(%in: !snn.spikes<4>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>, snn.activity = {steps = 100 : i64, dt_ms = 1.0 : f64, spikes = 40 : i64, synaptic_events = 160 : i64}} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<4x4xf32>} : !snn.spikes<4> -> !snn.current<4>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}
