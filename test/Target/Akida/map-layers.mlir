// RUN: snnc-opt %s --split-input-file --akida-map --verify-diagnostics

// Layers no arrangement of an AKD1000's NPs holds.

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 8, 8, 2000>, input_bits = 1} {
  // expected-error @+1 {{does not map onto the AKD1000's neural processors (MetaTF would run it in software): no measured NP capacity for a 3x3 kernel at 2-bit weights}}
  akida.layer @sep "SeparableConvolutional" {params = {input_bits = 1, weights_bits = 2, activation = false, act_bits = 1, filters = 8, kernel_size = array<i64: 3, 3>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<3x3x2000x1xi8>, weights_pw = dense<1> : tensor<1x1x2000x8xi8>}, input_shape = array<i64: 8, 8, 2000>, output_shape = array<i64: 8, 8, 8>, source = "s"}
}

// -----

akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 2048, 2048, 4>, input_bits = 4} {
  // expected-error @+1 {{does not map onto the AKD1000's neural processors (MetaTF would run it in software): more than the 78 NPs of a device at 504 filters per NP}}
  akida.layer @c "Convolutional" {params = {input_bits = 4, weights_bits = 1, activation = false, act_bits = 1, filters = 8, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "NoPooling"}, variables = {weights = dense<1> : tensor<1x1x4x8xi8>}, input_shape = array<i64: 2048, 2048, 4>, output_shape = array<i64: 2048, 2048, 8>, source = "s"}
}
