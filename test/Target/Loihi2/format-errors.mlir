// RUN: snnc-opt %s --split-input-file --verify-diagnostics

// The Loihi 2 formats that loihi2-quantize writes (#loihi2.format, the value
// of snn.quant) are checked on parsing against the runtime's ranges.
snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{has Loihi 2 'du' = 4096, outside 0..4095}}
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>, snn.quant = #loihi2.format<{du = 4096}>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{has Loihi 2 'bias_exp' = 8, outside 0..7}}
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>, snn.quant = #loihi2.format<{bias_exp = array<i64: 0, 8>}>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has Loihi 2 'weights' = 300, outside -256..255}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, snn.quant = #loihi2.format<{weights = dense<[[1, 300], [0, 0]]> : tensor<2x2xi16>}>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has Loihi 2 sign_mode 'BOTH'; expected MIXED, EXCITATORY or INHIBITORY}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, snn.quant = #loihi2.format<{sign_mode = "BOTH"}>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has a Loihi 2 'weight_exp' that is not an integer or integers}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, snn.quant = #loihi2.format<{weight_exp = "two"}>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has Loihi 2 'y1_impulse' = 128, outside 0..127}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, snn.quant = #loihi2.format<{y1_impulse = 128}>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has Loihi 2 't_epoch' = 0, outside 1..63}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, snn.quant = #loihi2.format<{t_epoch = 0}>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has Loihi 2 learning_dw "15 * x0 * y1": a scale mantissa of 15, outside -8..7}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, snn.quant = #loihi2.format<{learning_dw = "15 * x0 * y1"}>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has a Loihi 2 'learning_dw' that is not a string}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, snn.quant = #loihi2.format<{learning_dw = 3}>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has a Loihi 2 'sign_mode' that is not a string}}
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>, snn.quant = #loihi2.format<{sign_mode = 3}>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @model(%in: !snn.spikes<2x4x4>) -> !snn.spikes<2x2x2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has Loihi 2 'lava_weight' = -300, outside -256..255}}
  %p = snn.sum_pool2d %in {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>, snn.quant = #loihi2.format<{lava_weight = dense<-300> : tensor<2x2x2x1xi16>}>} : !snn.spikes<2x4x4> -> !snn.current<2x2x2>
  %s = snn.if(%p) {v_threshold = #snn.q<1 mV>} : (!snn.current<2x2x2>) -> !snn.spikes<2x2x2>
  snn.output %s : !snn.spikes<2x2x2>
}
