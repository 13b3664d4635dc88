// RUN: snnc-opt %s --split-input-file --verify-diagnostics

// expected-error @+1 {{#tn.neuron weight is 300, outside -255..255}}
tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [#tn.neuron<weights = [300, 0, 0, 0], leak = 0, leak_reversal = false, threshold = 1, negative_threshold = 0, mask_bits = 0, reset_mode = 0, negative_mode = 0, reset = 0, initial = 0>], inputs = [], outputs = []} {
}

// -----

// expected-error @+1 {{#tn.neuron has 3 weights; a neuron has one per axon type (4)}}
tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [#tn.neuron<weights = [1, 0, 0], leak = 0, leak_reversal = false, threshold = 1, negative_threshold = 0, mask_bits = 0, reset_mode = 0, negative_mode = 0, reset = 0, initial = 0>], inputs = [], outputs = []} {
}

// -----

// expected-error @+1 {{#tn.neuron reset is 2; TrueNorth resets to +-(2^k - 1), k in 0..19}}
tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [#tn.neuron<weights = [1, 0, 0, 0], leak = 0, leak_reversal = false, threshold = 1, negative_threshold = 0, mask_bits = 0, reset_mode = 0, negative_mode = 0, reset = 2, initial = 0>], inputs = [], outputs = []} {
}

// -----

// expected-error @+1 {{#tn.neuron mask_bits is 9, outside 0..8}}
tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [#tn.neuron<weights = [1, 0, 0, 0], leak = 0, leak_reversal = false, threshold = 1, negative_threshold = 0, mask_bits = 9, reset_mode = 0, negative_mode = 0, reset = 0, initial = 0>], inputs = [], outputs = []} {
}

// -----

tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [], inputs = [], outputs = []} {
  // expected-error @+1 {{gives axon 0 the type 4; types are S0..S3 (0..3)}}
  tn.core {id = 0 : i64, axon_types = array<i64: 4>, crossbar = ["0000000000000000000000000000000000000000000000000000000000000000"], types = array<i64>, dest_cores = array<i64>, dest_axons = array<i64>, dest_delays = array<i64>, source = "x", neurons = array<i64>}
}

// -----

tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [], inputs = [], outputs = []} {
  // expected-error @+1 {{has crossbar row 0 "00"; a row is 64 hex digits}}
  tn.core {id = 0 : i64, axon_types = array<i64: 0>, crossbar = ["00"], types = array<i64>, dest_cores = array<i64>, dest_axons = array<i64>, dest_delays = array<i64>, source = "x", neurons = array<i64>}
}

// -----

tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [], inputs = [], outputs = []} {
  // expected-error @+1 {{has 1 crossbar rows for 2 axons}}
  tn.core {id = 0 : i64, axon_types = array<i64: 0, 0>, crossbar = ["0000000000000000000000000000000000000000000000000000000000000000"], types = array<i64>, dest_cores = array<i64>, dest_axons = array<i64>, dest_delays = array<i64>, source = "x", neurons = array<i64>}
}

// -----

tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [#tn.neuron<weights = [1, 0, 0, 0], leak = 0, leak_reversal = false, threshold = 1, negative_threshold = 0, mask_bits = 0, reset_mode = 0, negative_mode = 0, reset = 0, initial = 0>], inputs = [], outputs = []} {
  // expected-error @+1 {{delays neuron 0 by 16 ticks, outside 1..15}}
  tn.core {id = 0 : i64, axon_types = array<i64: 0>, crossbar = ["0000000000000000000000000000000000000000000000000000000000000000"], types = array<i64: 0>, dest_cores = array<i64: 0>, dest_axons = array<i64: 0>, dest_delays = array<i64: 16>, source = "x", neurons = array<i64: 0>}
}

// -----

tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [#tn.neuron<weights = [1, 0, 0, 0], leak = 0, leak_reversal = false, threshold = 1, negative_threshold = 0, mask_bits = 0, reset_mode = 0, negative_mode = 0, reset = 0, initial = 0>], inputs = [], outputs = []} {
  // expected-error @+1 {{has 2 dest_cores for 1 neurons}}
  tn.core {id = 0 : i64, axon_types = array<i64: 0>, crossbar = ["0000000000000000000000000000000000000000000000000000000000000000"], types = array<i64: 0>, dest_cores = array<i64: 0, 0>, dest_axons = array<i64: 0>, dest_delays = array<i64: 1>, source = "x", neurons = array<i64: 0>}
}

// -----

tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [#tn.neuron<weights = [1, 0, 0, 0], leak = 0, leak_reversal = false, threshold = 1, negative_threshold = 0, mask_bits = 0, reset_mode = 0, negative_mode = 0, reset = 0, initial = 0>], inputs = [], outputs = []} {
  // expected-error @+1 {{sends neuron 0 to core 3; the program has 1}}
  tn.core {id = 0 : i64, axon_types = array<i64: 0>, crossbar = ["0000000000000000000000000000000000000000000000000000000000000000"], types = array<i64: 0>, dest_cores = array<i64: 3>, dest_axons = array<i64: 0>, dest_delays = array<i64: 1>, source = "x", neurons = array<i64: 0>}
}

// -----

tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [#tn.neuron<weights = [1, 0, 0, 0], leak = 0, leak_reversal = false, threshold = 1, negative_threshold = 0, mask_bits = 0, reset_mode = 0, negative_mode = 0, reset = 0, initial = 0>], inputs = [], outputs = []} {
  // expected-error @+1 {{sends neuron 0 to axon 5 of core 0, which has 1 axons}}
  tn.core {id = 0 : i64, axon_types = array<i64: 0>, crossbar = ["0000000000000000000000000000000000000000000000000000000000000000"], types = array<i64: 0>, dest_cores = array<i64: 0>, dest_axons = array<i64: 5>, dest_delays = array<i64: 1>, source = "x", neurons = array<i64: 0>}
}

// -----

tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [], inputs = [], outputs = []} {
  // expected-error @+1 {{gives neuron 0 the type 2; the program has 0}}
  tn.core {id = 0 : i64, axon_types = array<i64: 0>, crossbar = ["0000000000000000000000000000000000000000000000000000000000000000"], types = array<i64: 2>, dest_cores = array<i64: -1>, dest_axons = array<i64: 0>, dest_delays = array<i64: 1>, source = "x", neurons = array<i64: 0>}
}

// -----

tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [], inputs = [], outputs = []} {
  // expected-error @+1 {{has id 1; the program's cores are numbered 0..0 in order}}
  tn.core {id = 1 : i64, axon_types = array<i64>, crossbar = [], types = array<i64>, dest_cores = array<i64>, dest_axons = array<i64>, dest_delays = array<i64>, source = "x", neurons = array<i64>}
}

// -----

// expected-error @+1 {{has input targets naming axon 3 of core 0, which has 1}}
tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [], inputs = [[[array<i64: 0, 3>]]], outputs = []} {
  tn.core {id = 0 : i64, axon_types = array<i64: 0>, crossbar = ["0000000000000000000000000000000000000000000000000000000000000000"], types = array<i64>, dest_cores = array<i64>, dest_axons = array<i64>, dest_delays = array<i64>, source = "x", neurons = array<i64>}
}

// -----

// expected-error @+1 {{has output neurons naming a core that does not exist}}
tn.program @p attributes {dt_ms = 1.0 : f64, neuron_types = [], inputs = [], outputs = [[array<i64: 4, 0>]]} {
  tn.core {id = 0 : i64, axon_types = array<i64>, crossbar = [], types = array<i64>, dest_cores = array<i64>, dest_axons = array<i64>, dest_delays = array<i64>, source = "x", neurons = array<i64>}
}
