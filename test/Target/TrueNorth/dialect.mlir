// RUN: snnc-opt %s | FileCheck %s
// RUN: snnc-opt %s --verify-roundtrip

// CHECK-LABEL: tn.program @two_cores
// CHECK: neuron_types = [#tn.neuron<weights = [1, -2, 0, 0], leak = -3, leak_reversal = true, threshold = 10, negative_threshold = 255, mask_bits = 0, reset_mode = 1, negative_mode = 1, reset = 0, initial = -1>]
// CHECK: tn.core {axon_types = array<i64: 0, 1>
// CHECK: tn.core {axon_types = array<i64: 0>
tn.program @two_cores attributes {dt_ms = 1.0 : f64,
    neuron_types = [#tn.neuron<weights = [1, -2, 0, 0], leak = -3, leak_reversal = true, threshold = 10, negative_threshold = 255, mask_bits = 0, reset_mode = 1, negative_mode = 1, reset = 0, initial = -1>],
    inputs = [[[array<i64: 0, 0>], [array<i64: 0, 1>]]],
    outputs = [[array<i64: 1, 0>]]} {
  tn.core {id = 0 : i64, axon_types = array<i64: 0, 1>,
           crossbar = ["C000000000000000000000000000000000000000000000000000000000000000",
                       "4000000000000000000000000000000000000000000000000000000000000000"],
           types = array<i64: 0, 0>, dest_cores = array<i64: 1, 1>,
           dest_axons = array<i64: 0, 0>, dest_delays = array<i64: 1, 3>,
           source = "snn.if @hidden", neurons = array<i64: 0, 0>}
  tn.core {id = 1 : i64, axon_types = array<i64: 0>,
           crossbar = ["8000000000000000000000000000000000000000000000000000000000000000"],
           types = array<i64: 0>, dest_cores = array<i64: -1>,
           dest_axons = array<i64: -1>, dest_delays = array<i64: 1>,
           source = "snn.if @out", neurons = array<i64: 0>}
}
