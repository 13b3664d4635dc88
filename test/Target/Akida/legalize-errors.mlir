// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=akida},snn.network(snn-discretize),akida-legalize)' --verify-diagnostics
// RUN: not snnc-opt %S/Inputs/small_cnn.mlir --pass-pipeline='builtin.module(snn-assign-target{chip=loihi2},snn.network(snn-discretize),akida-legalize)' 2>&1 | FileCheck %s --check-prefix=CHIP
// CHIP: error: 'snn.network' op cannot be laid out for loihi2 by akida-legalize: the module's target chip must be akida
// RUN: not snnc-opt %S/Inputs/small_cnn.mlir --pass-pipeline='builtin.module(snn-assign-target{chip=akida},akida-legalize)' 2>&1 | FileCheck %s --check-prefix=STEP
// STEP: error: 'snn.qrelu' op is not discretized; run snn-discretize before akida-legalize

// Every refusal names the layer, the limit and the value.

// expected-error @+1 {{reads '!snn.current<1x8x8>'; an Akida model reads 8-bit graded spikes (an image, into an InputConvolutional) or spikes of 1, 2 or 4 bits (InputData)}}
snn.network @current_input(%in: !snn.current<1x8x8>) -> !snn.spikes<2x8x8, graded 2> attributes {dt = #snn.q<1 ms>} {
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 1} : !snn.current<1x8x8> -> !snn.current<2x8x8>
  %q = snn.qrelu(%c) {v_step = #snn.q<1 mV>, bits = 2} : (!snn.current<2x8x8>) -> !snn.spikes<2x8x8, graded 2>
  snn.output %q : !snn.spikes<2x8x8, graded 2>
}

// -----

snn.network @kernel(%in: !snn.spikes<1x12x12, graded 8>) -> !snn.spikes<2x12x12, graded 2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{as Akida layer 'conv2d_1' (InputConvolutional): kernel_size 9x9 (InputConvolutional takes 3x3, 5x5 or 7x7)}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x1x9x9xf32>, stride = array<i64: 1, 1>, padding = array<i64: 4, 4>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x12x12, graded 8> -> !snn.current<2x12x12>
  %q = snn.qrelu(%c) {v_step = #snn.q<1 mV>, bits = 2} : (!snn.current<2x12x12>) -> !snn.spikes<2x12x12, graded 2>
  snn.output %q : !snn.spikes<2x12x12, graded 2>
}

// -----

snn.network @filters(%in: !snn.spikes<3x8x8, graded 8>) -> !snn.spikes<40x8x8> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{filters 40 (InputConvolutional takes at most 32 with a 7x7 kernel on 3 channel(s))}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<40x3x7x7xf32>, stride = array<i64: 1, 1>, padding = array<i64: 3, 3>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<3x8x8, graded 8> -> !snn.current<40x8x8>
  %t = snn.threshold(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<40x8x8>) -> !snn.spikes<40x8x8>
  snn.output %t : !snn.spikes<40x8x8>
}

// -----

snn.network @stride(%in: !snn.spikes<2x8x8>) -> !snn.spikes<2x4x4> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{as Akida layer 'conv2d_1' (Convolutional): kernel_stride 2x2 (Convolutional takes 1, or 2 with a 3x3 kernel)}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x2x5x5xf32>, stride = array<i64: 2, 2>, padding = array<i64: 1, 1, 2, 2>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<2x8x8> -> !snn.current<2x4x4>
  %t = snn.threshold(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<2x4x4>) -> !snn.spikes<2x4x4>
  snn.output %t : !snn.spikes<2x4x4>
}

// -----

snn.network @padding(%in: !snn.spikes<2x8x8>) -> !snn.spikes<2x10x10> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{padding [2, 2] is neither 'Valid' (none) nor 'Same' (TensorFlow's: [1, 1, 1, 1])}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 2, 2>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<2x8x8> -> !snn.current<2x10x10>
  %t = snn.threshold(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<2x10x10>) -> !snn.spikes<2x10x10>
  snn.output %t : !snn.spikes<2x10x10>
}

// -----

snn.network @dilation(%in: !snn.spikes<2x8x8>) -> !snn.spikes<2x4x4> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{dilation 2x2 (Akida does not dilate kernels)}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 2, 2>, groups = 1} : !snn.spikes<2x8x8> -> !snn.current<2x4x4>
  %t = snn.threshold(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<2x4x4>) -> !snn.spikes<2x4x4>
  snn.output %t : !snn.spikes<2x4x4>
}

// -----

snn.network @grouped(%in: !snn.spikes<4x8x8>) -> !snn.spikes<4x8x8> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{is a grouped convolution; Akida 1.0 takes one only as the depthwise half of a SeparableConvolutional, followed by a 1x1 convolution}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<4x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 2} : !snn.spikes<4x8x8> -> !snn.current<4x8x8>
  %t = snn.threshold(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<4x8x8>) -> !snn.spikes<4x8x8>
  snn.output %t : !snn.spikes<4x8x8>
}

// -----

snn.network @lif(%in: !snn.spikes<4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %l = snn.linear %in {weight = dense<1.0> : tensor<2x4xf32>} : !snn.spikes<4> -> !snn.current<2>
  // expected-error @+1 {{has no Akida form: an Akida layer's activation is snn.qrelu (1, 2 or 4 bits) or snn.threshold}}
  %s = snn.lif(%l) {tau = #snn.q<5 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

snn.network @act_bits(%in: !snn.spikes<4>) -> !snn.spikes<2, graded 3> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{act_bits 3 (FullyConnected takes 1, 2 or 4)}}
  %l = snn.linear %in {weight = dense<1.0> : tensor<2x4xf32>} : !snn.spikes<4> -> !snn.current<2>
  %q = snn.qrelu(%l) {v_step = #snn.q<1 mV>, bits = 3} : (!snn.current<2>) -> !snn.spikes<2, graded 3>
  snn.output %q : !snn.spikes<2, graded 3>
}

// -----

snn.network @bias_no_activation(%in: !snn.spikes<4>) -> !snn.current<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has a bias but no activation; Akida 1.0 adds a bias only through the activation's threshold}}
  %l = snn.affine %in {weight = dense<1.0> : tensor<2x4xf32>, bias = dense<0.5> : tensor<2xf32>} : !snn.spikes<4> -> !snn.current<2>
  snn.output %l : !snn.current<2>
}

// -----

snn.network @per_neuron(%in: !snn.spikes<4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %l = snn.linear %in {weight = dense<1.0> : tensor<2x4xf32>} : !snn.spikes<4> -> !snn.current<2>
  // expected-error @+1 {{has a different 'v_threshold' per neuron; Akida takes one per layer}}
  %t = snn.threshold(%l) {v_threshold = #snn.q<[1, 2] mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %t : !snn.spikes<2>
}

// -----

// expected-error @+1 {{branches or ends early: Akida 1.0 runs sequential models, each stream read by one layer}}
snn.network @branch(%in: !snn.spikes<4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %l = snn.linear %in {weight = dense<1.0> : tensor<2x4xf32>} : !snn.spikes<4> -> !snn.current<2>
  %m = snn.linear %in {weight = dense<1.0> : tensor<2x4xf32>} : !snn.spikes<4> -> !snn.current<2>
  %t = snn.threshold(%l, %m) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>, !snn.current<2>) -> !snn.spikes<2>
  snn.output %t : !snn.spikes<2>
}

// -----

snn.network @hidden_potentials(%in: !snn.spikes<4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %l = snn.linear %in {weight = dense<1.0> : tensor<3x4xf32>} : !snn.spikes<4> -> !snn.current<3>
  // expected-error @+1 {{has no Akida form: an Akida layer's activation is snn.qrelu (1, 2 or 4 bits) or snn.threshold}}
  %m = snn.linear %l {weight = dense<1.0> : tensor<2x3xf32>} : !snn.current<3> -> !snn.current<2>
  %t = snn.threshold(%m) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %t : !snn.spikes<2>
}

// -----

snn.network @average(%in: !snn.spikes<2x8x8>) -> !snn.spikes<2x4x4> attributes {dt = #snn.q<1 ms>} {
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<2x8x8> -> !snn.current<2x8x8>
  // expected-error @+1 {{average pooling 2x2 over 8x8: Akida 1.0 averages globally only}}
  %p = snn.avg_pool2d %c {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.current<2x8x8> -> !snn.current<2x4x4>
  %t = snn.threshold(%p) {v_threshold = #snn.q<1 mV>} : (!snn.current<2x4x4>) -> !snn.spikes<2x4x4>
  snn.output %t : !snn.spikes<2x4x4>
}

// -----

snn.network @pool_size(%in: !snn.spikes<2x9x9>) -> !snn.spikes<2x3x3> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{pool_size 3x3 (Convolutional max-pools at most 2x2)}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<2x9x9> -> !snn.current<2x9x9>
  %t = snn.threshold(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<2x9x9>) -> !snn.spikes<2x9x9>
  %p = snn.max_pool2d %t {kernel_size = array<i64: 3, 3>, stride = array<i64: 3, 3>, padding = array<i64: 0, 0>} : !snn.spikes<2x9x9> -> !snn.spikes<2x3x3>
  snn.output %p : !snn.spikes<2x3x3>
}

// -----

snn.network @pool_padding(%in: !snn.spikes<2x8x8>) -> !snn.spikes<2x5x5> attributes {dt = #snn.q<1 ms>} {
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<2x8x8> -> !snn.current<2x8x8>
  %t = snn.threshold(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<2x8x8>) -> !snn.spikes<2x8x8>
  // expected-error @+1 {{max pooling padded [1, 1]; the layer's 'Same' padding pads it [0, 0, 0, 0]}}
  %p = snn.max_pool2d %t {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 1, 1>} : !snn.spikes<2x8x8> -> !snn.spikes<2x5x5>
  snn.output %p : !snn.spikes<2x5x5>
}

// -----

snn.network @learning(%in: !snn.spikes<4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{learns; Akida 1.0 learns only in the last FullyConnected layer with binary weights, which this target does not emulate}}
  %l = snn.linear %in {weight = dense<1.0> : tensor<2x4xf32>, stdp = #snn.stdp<a_plus = 0.005, a_minus = 0.006, tau_plus = 16.8 ms, tau_minus = 33.7 ms, w_min = -1, w_max = 1>} : !snn.spikes<4> -> !snn.current<2>
  %t = snn.threshold(%l) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %t : !snn.spikes<2>
}

// -----

snn.network @depthwise_bias(%in: !snn.spikes<4x8x8>) -> !snn.spikes<8x8x8> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has a bias; the depthwise half of a SeparableConvolutional has none (put it on the 1x1 convolution)}}
  %d = snn.conv2d %in {weight = dense<1.0> : tensor<4x1x3x3xf32>, bias = dense<1.0> : tensor<4xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 4} : !snn.spikes<4x8x8> -> !snn.current<4x8x8>
  %p = snn.conv2d %d {weight = dense<1.0> : tensor<8x4x1x1xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.current<4x8x8> -> !snn.current<8x8x8>
  %t = snn.threshold(%p) {v_threshold = #snn.q<1 mV>} : (!snn.current<8x8x8>) -> !snn.spikes<8x8x8>
  snn.output %t : !snn.spikes<8x8x8>
}

// -----

snn.network @image_into_linear(%in: !snn.spikes<16, graded 8>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{reads the 8-bit input; Akida 1.0 reads an image only through an InputConvolutional (a conv2d)}}
  %l = snn.linear %in {weight = dense<1.0> : tensor<2x16xf32>} : !snn.spikes<16, graded 8> -> !snn.current<2>
  %t = snn.threshold(%l) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %t : !snn.spikes<2>
}

// -----

snn.network @threshold_range(%in: !snn.spikes<4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %l = snn.linear %in {weight = dense<1.0e-30> : tensor<2x4xf32>} : !snn.spikes<4> -> !snn.current<2>
  // expected-error @+1 {{as Akida layer 'linear_1' (FullyConnected): threshold 9.999999968289232e+29 of filter 0 does not fit Akida's int32 (the threshold is too large for the weights' scale)}}
  %t = snn.threshold(%l) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %t : !snn.spikes<2>
}

// -----

snn.network @act_step_range(%in: !snn.spikes<4>) -> !snn.spikes<2, graded 4> attributes {dt = #snn.q<1 ms>} {
  %l = snn.linear %in {weight = dense<5.96046448E-8> : tensor<2x4xf32>} : !snn.spikes<4> -> !snn.current<2>
  // expected-error @+1 {{act_step 16777216 of filter 0 is not below 2^24, the largest Akida's engine computes (the step is too large for the weights' scale)}}
  %q = snn.qrelu(%l) {v_step = #snn.q<1 mV>, bits = 4} : (!snn.current<2>) -> !snn.spikes<2, graded 4>
  snn.output %q : !snn.spikes<2, graded 4>
}

// -----

snn.network @nan_weight(%in: !snn.spikes<4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{as Akida layer 'linear_1' (FullyConnected): weight 0 is NaN; Akida stores integers}}
  %l = snn.linear %in {weight = dense<[[0x7FC00000, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0]]> : tensor<2x4xf32>} : !snn.spikes<4> -> !snn.current<2>
  %t = snn.threshold(%l) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %t : !snn.spikes<2>
}

// -----

snn.network @saturation(%in: !snn.spikes<40000, graded 4>) -> !snn.spikes<1> attributes {dt = #snn.q<1 ms>} {
  // expected-warning @+1 {{as Akida layer 'linear_1' (FullyConnected): its potentials can reach 600000, beyond the signed 20 bits (524287) Akida keeps after a FullyConnected; larger ones are clipped (written as potential_range)}}
  %l = snn.linear %in {weight = dense<1.0> : tensor<1x40000xf32>} : !snn.spikes<40000, graded 4> -> !snn.current<1>
  %t = snn.threshold(%l) {v_threshold = #snn.q<500000 mV>} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %t : !snn.spikes<1>
}

// -----

snn.network @hidden_no_activation(%in: !snn.spikes<4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %l = snn.linear %in {weight = dense<1.0> : tensor<3x4xf32>} : !snn.spikes<4> -> !snn.current<3>
  // expected-error @+1 {{has no Akida form: an Akida layer's activation is snn.qrelu (1, 2 or 4 bits) or snn.threshold}}
  %s = snn.scale %l {scale = dense<2.0> : tensor<1xf32>} : !snn.current<3> -> !snn.current<3>
  %m = snn.linear %s {weight = dense<1.0> : tensor<2x3xf32>} : !snn.current<3> -> !snn.current<2>
  %t = snn.threshold(%m) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %t : !snn.spikes<2>
}

// -----

snn.network @sums(%in: !snn.spikes<4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %l = snn.linear %in {weight = dense<1.0> : tensor<2x4xf32>} : !snn.spikes<4> -> !snn.current<2>
  %b = snn.linear %t {weight = dense<1.0> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  // expected-error @+1 {{sums 2 inputs; an Akida layer's activation reads one connection}}
  %t = snn.threshold(%l, %b) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>, !snn.current<2>) -> !snn.spikes<2>
  snn.output %t : !snn.spikes<2>
}

// -----

snn.network @starts_wrong(%in: !snn.spikes<4>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{has no Akida form (a layer starts with conv2d, linear or affine)}}
  %s = snn.delay %in {delay = #snn.q<1 ms>} : !snn.spikes<4> -> !snn.spikes<4>
  %l = snn.linear %s {weight = dense<1.0> : tensor<4x4xf32>} : !snn.spikes<4> -> !snn.current<4>
  %t = snn.threshold(%l) {v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %t : !snn.spikes<4>
}

// -----

// expected-error @+1 {{has 2 inputs; an Akida model reads one}}
snn.network @two_inputs(%a: !snn.spikes<4>, %b: !snn.spikes<4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %l = snn.linear %a {weight = dense<1.0> : tensor<2x4xf32>} : !snn.spikes<4> -> !snn.current<2>
  %t = snn.threshold(%l) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %t : !snn.spikes<2>
}

// -----

snn.network @flatten_into_conv(%in: !snn.spikes<1x4x4>) -> !snn.spikes<16> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{feeds something other than one linear or affine map; Akida flattens only into a FullyConnected layer}}
  %f = snn.flatten %in : !snn.spikes<1x4x4> -> !snn.spikes<16>
  %d = snn.delay %f {delay = #snn.q<1 ms>} : !snn.spikes<16> -> !snn.spikes<16>
  %l = snn.linear %d {weight = dense<1.0> : tensor<16x16xf32>} : !snn.spikes<16> -> !snn.current<16>
  %t = snn.threshold(%l) {v_threshold = #snn.q<1 mV>} : (!snn.current<16>) -> !snn.spikes<16>
  snn.output %t : !snn.spikes<16>
}
