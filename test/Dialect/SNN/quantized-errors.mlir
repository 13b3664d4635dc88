// RUN: snnc-opt %s -split-input-file -verify-diagnostics

// Quantized activations, max pooling, asymmetric padding and weight bits.

snn.network @qrelu_bits(%in: !snn.current<4>) {
  // expected-error @+1 {{'bits' must be in 1..16, got 0}}
  %q = snn.qrelu(%in) {v_step = #snn.q<1 mV>, bits = 0} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output
}

// -----

snn.network @qrelu_payload(%in: !snn.current<4>) {
  // expected-error @+1 {{emits graded spikes of 4 bits, the result carries 2}}
  %q = snn.qrelu(%in) {v_step = #snn.q<1 mV>, bits = 4} : (!snn.current<4>) -> !snn.spikes<4, graded 2>
  snn.output
}

// -----

snn.network @qrelu_step(%in: !snn.current<4>) {
  // expected-error @+1 {{parameter 'v_step' must be > 0, got 0 (element 0)}}
  %q = snn.qrelu(%in) {v_step = #snn.q<0 mV>, bits = 4} : (!snn.current<4>) -> !snn.spikes<4, graded 4>
  snn.output
}

// -----

snn.network @qrelu_step_dim(%in: !snn.current<4>) {
  // expected-error @+1 {{parameter 'v_step' expects voltage (mV), got time (ms)}}
  %q = snn.qrelu(%in) {v_step = #snn.q<1 ms>, bits = 4} : (!snn.current<4>) -> !snn.spikes<4, graded 4>
  snn.output
}

// -----

snn.network @if_graded(%in: !snn.current<4>) {
  // expected-error @+1 {{emits binary spikes; the result must not be graded}}
  %s = snn.if(%in) {v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4, graded 4>
  snn.output
}

// -----

snn.network @max_pool_kind(%in: !snn.spikes<1x4x4>) {
  // expected-error @+1 {{keeps the stream kind: input '!snn.spikes<1x4x4>', output '!snn.current<1x2x2>'}}
  %m = snn.max_pool2d %in {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<1x4x4> -> !snn.current<1x2x2>
  snn.output
}

// -----

snn.network @max_pool_payload(%in: !snn.spikes<1x4x4, graded 4>) {
  // expected-error @+1 {{keeps the spike payload: input '!snn.spikes<1x4x4, graded 4>', output '!snn.spikes<1x2x2, graded 2>'}}
  %m = snn.max_pool2d %in {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<1x4x4, graded 4> -> !snn.spikes<1x2x2, graded 2>
  snn.output
}

// -----

snn.network @max_pool_shape(%in: !snn.spikes<1x4x4>) {
  // expected-error @+1 {{output must have shape 1x3x3, got 1x2x2}}
  %m = snn.max_pool2d %in {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : !snn.spikes<1x4x4> -> !snn.spikes<1x2x2>
  snn.output
}

// -----

snn.network @padding_three(%in: !snn.spikes<1x8x8>) {
  // expected-error @+1 {{'padding' needs 2 value(s), or 4 (all before, then all after), got 3}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0, 1>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x8x8> -> !snn.current<2x6x6>
  snn.output
}

// -----

snn.network @padding_negative(%in: !snn.spikes<1x8x8>) {
  // expected-error @+1 {{'padding' must be in 0..16777216, got -1}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, -1>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x8x8> -> !snn.current<2x6x6>
  snn.output
}

// -----

snn.network @padding_asymmetric_shape(%in: !snn.spikes<1x8x8>) {
  // expected-error @+1 {{output must have shape 2x4x4, got 2x3x3}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x1x3x3xf32>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0, 1, 1>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x8x8> -> !snn.current<2x3x3>
  snn.output
}

// -----

snn.network @padding_too_small(%in: !snn.spikes<1x2x2>) {
  // expected-error @+1 {{kernel of extent 5 does not fit input dimension 1 of size 2 with padding 0 + 2}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<1x1x5x5xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0, 2, 2>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x2x2> -> !snn.current<1x1x1>
  snn.output
}

// -----

snn.network @weight_bits_range(%in: !snn.spikes<2>) {
  // expected-error @+1 {{'weight_bits' must be in 1..32, got 0}}
  %l = snn.linear %in {weight = dense<1.0> : tensor<2x2xf32>, weight_bits = 0} : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @weight_bits_grid(%in: !snn.spikes<3>) {
  // expected-error @+1 {{weight 0.2 (output channel 1, element 2) is not on the 2-bit grid of that channel (steps of 1, largest 1)}}
  %l = snn.linear %in {weight = dense<[[0.5, -0.5, 0.0], [1.0, -1.0, 0.2]]> : tensor<2x3xf32>, weight_bits = 2} : !snn.spikes<3> -> !snn.current<2>
  snn.output
}

// -----

snn.network @weight_bits_binary(%in: !snn.spikes<3>) {
  // expected-error @+1 {{weight 0 (output channel 0, element 1) is not on the 1-bit grid of that channel}}
  %l = snn.linear %in {weight = dense<[[0.5, 0.0, -0.5]]> : tensor<1x3xf32>, weight_bits = 1} : !snn.spikes<3> -> !snn.current<1>
  snn.output
}

// -----

snn.network @weight_bits_conv(%in: !snn.spikes<1x3x3>) {
  // expected-error @+1 {{is not on the 3-bit grid of that channel (steps of 0.1, largest 0.3)}}
  %c = snn.conv2d %in {weight = dense<[[[[0.3, 0.1, 0.0], [0.2, 0.15, 0.0], [0.0, 0.0, 0.0]]]]> : tensor<1x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1, weight_bits = 3} : !snn.spikes<1x3x3> -> !snn.current<1x1x1>
  snn.output
}

// -----

snn.network @padding_huge(%in: !snn.spikes<1x8x8>) {
  // expected-error @+1 {{'padding' must be in 0..16777216, got 9223372036854775807}}
  %m = snn.max_pool2d %in {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 9223372036854775807, 9223372036854775807, 9223372036854775807, 9223372036854775807>} : !snn.spikes<1x8x8> -> !snn.spikes<1x3x3>
  snn.output
}

// -----

snn.network @dilation_huge(%in: !snn.spikes<1x8x8>) {
  // expected-error @+1 {{'dilation' must be in 1..16777216, got 4611686018427387904}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<1x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 4611686018427387904, 1>, groups = 1} : !snn.spikes<1x8x8> -> !snn.current<1x6x6>
  snn.output
}
