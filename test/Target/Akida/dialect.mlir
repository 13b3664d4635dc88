// RUN: snnc-opt %s | snnc-opt | FileCheck %s
// RUN: snnc-opt %s --verify-roundtrip --mlir-print-op-generic | snnc-opt | FileCheck %s

// CHECK-LABEL: akida.model @m attributes {device = "AKD1000", input_bits = 1 : i64, input_shape = array<i64: 4, 4, 2>, version = "1.0"}
akida.model @m attributes {version = "1.0", device = "AKD1000", input_shape = array<i64: 4, 4, 2>, input_bits = 1} {
  // CHECK: akida.layer @conv "Convolutional" {input_shape = array<i64: 4, 4, 2>, np_type = "CNP1", nps = 1 : i64, output_shape = array<i64: 2, 2, 2>, params = {{.*}}pool_type = "Max"{{.*}}, source = "snn.conv2d @conv", variables = {act_step = dense<[1.250000e+00, 6.250000e-02]> : tensor<2xf32>, threshold = dense<[3, -1]> : tensor<2xi32>, weights = dense<{{.*}}> : tensor<1x1x2x2xi8>}}
  akida.layer @conv "Convolutional" {params = {input_bits = 1, weights_bits = 2, activation = true, act_bits = 2, filters = 2, kernel_size = array<i64: 1, 1>, kernel_stride = array<i64: 1, 1>, padding = "Same", pool_type = "Max", pool_size = array<i64: 2, 2>, pool_stride = array<i64: 2, 2>}, variables = {weights = dense<[[[[1, -1], [0, 1]]]]> : tensor<1x1x2x2xi8>, threshold = dense<[3, -1]> : tensor<2xi32>, act_step = dense<[1.25, 0.0625]> : tensor<2xf32>}, input_shape = array<i64: 4, 4, 2>, output_shape = array<i64: 2, 2, 2>, source = "snn.conv2d @conv", nps = 1, np_type = "CNP1"}
  // CHECK: akida.layer @fc "FullyConnected" {input_shape = array<i64: 2, 2, 2>, output_shape = array<i64: 1, 1, 3>, params = {act_bits = 1 : i64, activation = false, input_bits = 2 : i64, units = 3 : i64, weights_bits = 4 : i64}, source = "snn.linear @fc", variables = {weights = dense<7> : tensor<1x1x8x3xi8>}}
  akida.layer @fc "FullyConnected" {params = {input_bits = 2, weights_bits = 4, activation = false, act_bits = 1, units = 3}, variables = {weights = dense<7> : tensor<1x1x8x3xi8>}, input_shape = array<i64: 2, 2, 2>, output_shape = array<i64: 1, 1, 3>, source = "snn.linear @fc"}
}
