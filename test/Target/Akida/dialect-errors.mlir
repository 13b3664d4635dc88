// RUN: snnc-opt %s --split-input-file --verify-diagnostics

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // expected-error @+1 {{has unknown layer type 'Dense'}}
  akida.layer @conv "Dense" {params = {input_bits = 1, weights_bits = 2, activation = true, act_bits = 2, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x2x2xi8>, threshold = dense<0> : tensor<2xi32>, act_step = dense<1.0> : tensor<2xf32>}, input_shape = array<i64: 4, 4, 2>, output_shape = array<i64: 4, 4, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // expected-error @+1 {{breaks a limit of Akida 1.0: weights_bits 8 (Convolutional takes 1, 2 or 4)}}
  akida.layer @conv "Convolutional" {params = {input_bits = 1, weights_bits = 8, activation = true, act_bits = 2, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x2x2xi8>, threshold = dense<0> : tensor<2xi32>, act_step = dense<1.0> : tensor<2xf32>}, input_shape = array<i64: 4, 4, 2>, output_shape = array<i64: 4, 4, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // expected-error @+1 {{output_shape must be [4, 4, 2]}}
  akida.layer @conv "Convolutional" {params = {input_bits = 1, weights_bits = 2, activation = true, act_bits = 2, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x2x2xi8>, threshold = dense<0> : tensor<2xi32>, act_step = dense<1.0> : tensor<2xf32>}, input_shape = array<i64: 4, 4, 2>, output_shape = array<i64: 2, 2, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // expected-error @+1 {{needs the integer parameter 'filters'}}
  akida.layer @conv "Convolutional" {params = {input_bits = 1, weights_bits = 2, activation = true, act_bits = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x2x2xi8>, threshold = dense<0> : tensor<2xi32>, act_step = dense<1.0> : tensor<2xf32>}, input_shape = array<i64: 4, 4, 2>, output_shape = array<i64: 4, 4, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // expected-error @+1 {{has padding 'Full'; Akida pads 'Same' or 'Valid'}}
  akida.layer @conv "Convolutional" {params = {input_bits = 1, weights_bits = 2, activation = true, act_bits = 2, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Full", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x2x2xi8>, threshold = dense<0> : tensor<2xi32>, act_step = dense<1.0> : tensor<2xf32>}, input_shape = array<i64: 4, 4, 2>, output_shape = array<i64: 4, 4, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // expected-error @+1 {{needs the parameter 'pool_size' as a pair of integers}}
  akida.layer @conv "Convolutional" {params = {input_bits = 1, weights_bits = 2, activation = true, act_bits = 2, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "Max"}, variables = {weights = dense<1> : tensor<1x1x2x2xi8>, threshold = dense<0> : tensor<2xi32>, act_step = dense<1.0> : tensor<2xf32>}, input_shape = array<i64: 4, 4, 2>, output_shape = array<i64: 4, 4, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // expected-error @+1 {{variable 'weights' must have shape 1x1x2x2, got 'tensor<1x1x2x3xi8>'}}
  akida.layer @conv "Convolutional" {params = {input_bits = 1, weights_bits = 2, activation = true, act_bits = 2, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x2x3xi8>, threshold = dense<0> : tensor<2xi32>, act_step = dense<1.0> : tensor<2xf32>}, input_shape = array<i64: 4, 4, 2>, output_shape = array<i64: 4, 4, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // expected-error @+1 {{weight 2 in 'weights' is outside -1..1 (weights_bits 2)}}
  akida.layer @conv "Convolutional" {params = {input_bits = 1, weights_bits = 2, activation = true, act_bits = 2, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<2> : tensor<1x1x2x2xi8>, threshold = dense<0> : tensor<2xi32>, act_step = dense<1.0> : tensor<2xf32>}, input_shape = array<i64: 4, 4, 2>, output_shape = array<i64: 4, 4, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // expected-error @+1 {{needs the variable 'threshold'}}
  akida.layer @conv "Convolutional" {params = {input_bits = 1, weights_bits = 2, activation = true, act_bits = 2, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x2x2xi8>, act_step = dense<1.0> : tensor<2xf32>}, input_shape = array<i64: 4, 4, 2>, output_shape = array<i64: 4, 4, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // expected-error @+1 {{act_step 0.03125 is below 1/16, the least step of its 4 fractional bits}}
  akida.layer @conv "Convolutional" {params = {input_bits = 1, weights_bits = 2, activation = true, act_bits = 2, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x2x2xi8>, threshold = dense<0> : tensor<2xi32>, act_step = dense<0.03125> : tensor<2xf32>}, input_shape = array<i64: 4, 4, 2>, output_shape = array<i64: 4, 4, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // expected-error @+1 {{variable 'act_step' must be an f32 tensor, got 'tensor<2xi32>'}}
  akida.layer @conv "Convolutional" {params = {input_bits = 1, weights_bits = 2, activation = true, act_bits = 2, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x2x2xi8>, threshold = dense<0> : tensor<2xi32>, act_step = dense<1> : tensor<2xi32>}, input_shape = array<i64: 4, 4, 2>, output_shape = array<i64: 4, 4, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // expected-error @+1 {{reads [8, 1, 1] but the model's input is [4, 4, 2]}}
  akida.layer @fc "FullyConnected" {params = {input_bits = 1, weights_bits = 4, activation = false, act_bits = 1, units = 3}, variables = {weights = dense<1> : tensor<1x1x8x3xi8>}, input_shape = array<i64: 8, 1, 1>, output_shape = array<i64: 1, 1, 3>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 2, 2, 2>, input_bits = 4} {
  // expected-error @+1 {{reads 1-bit inputs, the model gives 4}}
  akida.layer @fc "FullyConnected" {params = {input_bits = 1, weights_bits = 4, activation = false, act_bits = 1, units = 3}, variables = {weights = dense<1> : tensor<1x1x8x3xi8>}, input_shape = array<i64: 2, 2, 2>, output_shape = array<i64: 1, 1, 3>, source = "s"}
}

// -----

// expected-error @+1 {{version '2.0': this build lays out Akida 1.0 models}}
akida.model @m attributes {version = "2.0", device = "AKD1000", input_shape = array<i64: 2, 2, 2>, input_bits = 4} {
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 5, 5, 1>, input_bits = 1} {
  akida.layer @conv "Convolutional" {params = {input_bits = 1, weights_bits = 1, activation = true, act_bits = 1, filters = 1, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x1x1xi8>, threshold = dense<0> : tensor<1xi32>, act_step = dense<1.0> : tensor<1xf32>}, input_shape = array<i64: 5, 5, 1>, output_shape = array<i64: 5, 5, 1>, source = "s"}
  // expected-error @+1 {{is an InputConvolutional after the first layer}}
  akida.layer @ic "InputConvolutional" {params = {input_bits = 8, weights_bits = 4, activation = false, act_bits = 1, filters = 1, kernel_size = array<i64: 3, 3>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling", padding_value = 0}, variables = {weights = dense<1> : tensor<3x3x1x1xi8>}, input_shape = array<i64: 5, 5, 1>, output_shape = array<i64: 5, 5, 1>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // expected-error @+1 {{act_step 16777216 is not below 2^24, the largest MetaTF's engine computes}}
  akida.layer @conv "Convolutional" {params = {input_bits = 1, weights_bits = 2, activation = true, act_bits = 2, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x2x2xi8>, threshold = dense<0> : tensor<2xi32>, act_step = dense<16777216.0> : tensor<2xf32>}, input_shape = array<i64: 4, 4, 2>, output_shape = array<i64: 4, 4, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 0, 8, 4>, input_bits = 1} {
  // expected-error @+1 {{breaks a limit of Akida 1.0: input dimension 0 (Convolutional takes 1..1048576 on each axis)}}
  akida.layer @c "Convolutional" {params = {filters = 2 : i64, kernel_size = array<i64: 3, 3>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling", weights_bits = 1 : i64, activation = false, act_bits = 1 : i64, input_bits = 1 : i64}, variables = {weights = dense<1> : tensor<3x3x4x2xi8>}, input_shape = array<i64: 0, 8, 4>, output_shape = array<i64: 0, 8, 2>, source = "x"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 2, 2, 4>, input_bits = 1} {
  // expected-error @+1 {{breaks a limit of Akida 1.0: kernel_size 3x3 (Convolutional leaves no output of an input of 2x2 ('Valid' padding))}}
  akida.layer @c "Convolutional" {params = {filters = 2 : i64, kernel_size = array<i64: 3, 3>, kernel_stride = array<i64: 1, 1>, padding = "Valid", pool_type = "NoPooling", weights_bits = 1 : i64, activation = false, act_bits = 1 : i64, input_bits = 1 : i64}, variables = {weights = dense<1> : tensor<3x3x4x2xi8>}, input_shape = array<i64: 2, 2, 4>, output_shape = array<i64: 0, 0, 2>, source = "x"}
}
