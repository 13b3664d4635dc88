// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn-assign-target{chip=truenorth},snn.network(snn-discretize),truenorth-lower)' | FileCheck %s
// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn-assign-target{chip=truenorth},snn.network(snn-discretize),truenorth-lower)' | snnc-opt --verify-roundtrip

// Neuron 0 of the first layer reaches the second with +0.5 and -0.5 mV:
// two levels, two axons, so two copies of it on its core (slots 0 and 1),
// each with one destination. The 2 ms delay is 3 ticks: one for the hop and
// two more. Weights of 1 nA against 0.5 mV are 2 units at alpha 1.
// CHECK-LABEL: tn.program @fanout_truenorth
// CHECK-SAME: inputs = {{\[\[\[}}array<i64: 0, 0>], [array<i64: 0, 1>]]]
// CHECK-SAME: neuron_types = [#tn.neuron<weights = [2, 0, 0, 0], leak = 0, leak_reversal = false, threshold = 1, negative_threshold = 255, mask_bits = 0, reset_mode = 0, negative_mode = 1, reset = -1, initial = -1>, #tn.neuron<weights = [-1, 1, 0, 0], leak = 0, leak_reversal = false, threshold = 2, negative_threshold = 255, mask_bits = 0, reset_mode = 2, negative_mode = 1, reset = -1, initial = -1>]
// CHECK-SAME: outputs = {{\[\[}}array<i64: 1, 0>, array<i64: 1, 1>]]
// CHECK-NEXT: tn.core {axon_types = array<i64: 0, 0>, crossbar = ["C{{0+}}", "2{{0+}}"], dest_axons = array<i64: 0, 1, 2>, dest_cores = array<i64: 1, 1, 1>, dest_delays = array<i64: 3, 3, 3>, id = 0 : i64, neurons = array<i64: 0, 0, 1>, source = "snn.if @if_2", types = array<i64: 0, 0, 0>}
// CHECK-NEXT: tn.core {axon_types = array<i64: 0, 1, 1>, crossbar = ["4{{0+}}", "8{{0+}}", "C{{0+}}"], dest_axons = array<i64: -1, -1>, dest_cores = array<i64: -1, -1>, dest_delays = array<i64: 1, 1>, id = 1 : i64, neurons = array<i64: 0, 1>, source = "snn.if @if_5", types = array<i64: 1, 1>}
snn.network @fanout(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %h = snn.if(%i) {v_threshold = #snn.q<0.5 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  %d = snn.delay %h {delay = #snn.q<2 ms>} : !snn.spikes<2> -> !snn.spikes<2>
  %j = snn.linear %d {weight = dense<[[0.5, 0.5], [-0.5, 0.5]]> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %o = snn.if(%j) {v_threshold = #snn.q<1 mV>, reset = #snn.reset<none>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %o : !snn.spikes<2>
}
