// RUN: snnc-opt %s --split-input-file --verify-diagnostics

// The limits of each Akida 1.0 layer type, one case per message.

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 8, 1>, input_bits = 8} {
  // expected-error @+1 {{input height (X) 4 (InputConvolutional takes 5..256)}}
  akida.layer @l "InputConvolutional" {params = {input_bits = 8, weights_bits = 4, activation = false, act_bits = 1, filters = 2, kernel_size = array<i64: 3, 3>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling", padding_value = 0}, variables = {weights = dense<1> : tensor<3x3x1x2xi8>}, input_shape = array<i64: 4, 8, 1>, output_shape = array<i64: 4, 8, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 8, 8, 4096>, input_bits = 1} {
  // expected-error @+1 {{input 8x8x4096 (Convolutional takes at most 4096x4096x2048)}}
  akida.layer @l "Convolutional" {params = {input_bits = 1, weights_bits = 1, activation = false, act_bits = 1, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x4096x2xi8>}, input_shape = array<i64: 8, 8, 4096>, output_shape = array<i64: 8, 8, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 1, 1, 60000>, input_bits = 1} {
  // expected-error @+1 {{input size 60000 (FullyConnected takes at most 57334 inputs)}}
  akida.layer @l "FullyConnected" {params = {input_bits = 1, weights_bits = 1, activation = false, act_bits = 1, units = 2}, variables = {weights = dense<1> : tensor<1x1x60000x2xi8>}, input_shape = array<i64: 1, 1, 60000>, output_shape = array<i64: 1, 1, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 8, 8, 1>, input_bits = 8} {
  // expected-error @+1 {{pool_type Average (InputConvolutional pools only by Max)}}
  akida.layer @l "InputConvolutional" {params = {input_bits = 8, weights_bits = 4, activation = false, act_bits = 1, filters = 2, kernel_size = array<i64: 3, 3>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "Average", padding_value = 0}, variables = {weights = dense<1> : tensor<3x3x1x2xi8>}, input_shape = array<i64: 8, 8, 1>, output_shape = array<i64: 1, 1, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 8, 8, 2>, input_bits = 3} {
  // expected-error @+1 {{input bits 3 (Convolutional takes 1, 2 or 4)}}
  akida.layer @l "Convolutional" {params = {input_bits = 3, weights_bits = 1, activation = false, act_bits = 1, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x2x2xi8>}, input_shape = array<i64: 8, 8, 2>, output_shape = array<i64: 8, 8, 2>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 8, 8, 2>, input_bits = 1} {
  // expected-error @+1 {{kernel_size 1x1 (SeparableConvolutional takes 3x3, 5x5 or 7x7)}}
  akida.layer @l "SeparableConvolutional" {params = {input_bits = 1, weights_bits = 2, activation = false, act_bits = 1, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x2x1xi8>, weights_pw = dense<1> : tensor<1x1x2x2xi8>}, input_shape = array<i64: 8, 8, 2>, output_shape = array<i64: 8, 8, 2>, source = "s"}
}
