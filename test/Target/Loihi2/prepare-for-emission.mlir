// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(loihi2-prepare-for-emission))' | FileCheck %s
// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(loihi2-prepare-for-emission))' | snnc-opt --split-input-file | FileCheck %s
// RUN: rm -rf %t && snnc %S/golden.mlir --target=loihi2 --emit=mapped -o %t.mapped.mlir && snnc %S/golden.mlir --target=loihi2 --emit=target-ir -o %t.target.mlir
// RUN: not cmp -s %t.mapped.mlir %t.target.mlir
// RUN: FileCheck %s --check-prefix=DRIVER < %t.target.mlir

// A correlation kernel [out, in, kh, kw] becomes Lava's convolution kernel
// (out, kw, kh, in): w_lava[o][x][y][i] = w[o][i][kh-1-y][kw-1-x], so
// [[1, 2], [3, 4]] reads 4, 2, 3, 1.
// CHECK-LABEL: snn.network @conv
// CHECK: snn.conv2d
// CHECK-SAME: snn.quant = #loihi2.format<{lava_weight = dense<{{\[\[\[\[}}4], [2]], {{\[\[}}3], [1]]]]> : tensor<1x2x2x1xi16>, weight_exp = 0 : i64}>
snn.network @conv(%in: !snn.spikes<1x3x3>) -> !snn.spikes<1x2x2> attributes {dt = #snn.q<1 ms>} {
  %c = snn.conv2d %in {weight = dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>,
      stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1,
      snn.quant = #loihi2.format<{weight_exp = 0, weights = dense<[[[[1, 2], [3, 4]]]]> : tensor<1x1x2x2xi16>}>}
      : !snn.spikes<1x3x3> -> !snn.current<1x2x2>
  %s = snn.if(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<1x2x2>) -> !snn.spikes<1x2x2>
  snn.output %s : !snn.spikes<1x2x2>
}

// -----

// CSR rows become the row of every synapse; the weights stay.
// CHECK-LABEL: snn.network @csr
// CHECK: snn.sparse
// CHECK-SAME: snn.quant = #loihi2.format<{cols = dense<[0, 1, 0]> : tensor<3xi32>, rows = dense<[0, 1, 1]> : tensor<3xi32>, weights = dense<[2, 4, 6]> : tensor<3xi16>}>
snn.network @csr(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %i = snn.sparse %in {format = #snn.format<csr>, rows = dense<[0, 1, 3]> : tensor<3xi64>,
      cols = dense<[0, 1, 0]> : tensor<3xi64>, weights = dense<[0.1, 0.2, 0.3]> : tensor<3xf32>,
      snn.quant = #loihi2.format<{weights = dense<[2, 4, 6]> : tensor<3xi16>}>}
      : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

// A procedural connection's synapses are laid out from its seed, each
// weight rounded to the nearest prepared mantissa: 0.5 nA at 101 per nA is
// 50.5, and MIXED mantissas are even: 50.
// CHECK-LABEL: snn.network @procedural
// CHECK: snn.procedural
// CHECK-SAME: snn.quant = #loihi2.format<{cols = dense<[0, 1, 2]> : tensor<3xi32>, rows = dense<[0, 1, 2]> : tensor<3xi32>, sign_mode = "MIXED", weight_scale = 1.010000e+02 : f64, weights = dense<50> : tensor<3xi16>}>
snn.network @procedural(%in: !snn.spikes<3>) -> !snn.spikes<3> attributes {dt = #snn.q<1 ms>} {
  %o = snn.procedural %in {connector = #snn.connector<one_to_one>, seed = 1,
      weight = #snn.dist<constant(0.5) nA>,
      snn.quant = #loihi2.format<{sign_mode = "MIXED", weight_scale = 101.0 : f64}>}
      : !snn.spikes<3> -> !snn.current<3>
  %s = snn.if(%o) {v_threshold = #snn.q<1 mV>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %s : !snn.spikes<3>
}

// The driver's target IR is the IR after this pass.
// DRIVER: module attributes {snn.target = #snn.target<backend = "loihi2", chip = "loihi2">}
// DRIVER: snn.conv2d
// DRIVER-SAME: lava_weight = dense<
// DRIVER: snn.procedural
// DRIVER-SAME: rows = dense<[0, 1, 2]> : tensor<3xi32>
