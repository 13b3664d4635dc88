// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(snn-fold-pooling))' | FileCheck %s

// A 2x2 sum pooling of a 1x2x4 input (two windows) read by a 1x2 linear
// map: W P puts w0 on the four inputs of window 0 (columns 0, 1, 4, 5) and
// w1 on those of window 1 (2, 3, 6, 7).
// CHECK-LABEL: snn.network @sum
// CHECK: %[[F:.*]] = snn.flatten %arg0 : !snn.spikes<1x2x4> -> !snn.spikes<8>
// CHECK: snn.linear %[[F]] {weight = dense<{{\[\[}}5.000000e-01, 5.000000e-01, -2.000000e+00, -2.000000e+00, 5.000000e-01, 5.000000e-01, -2.000000e+00, -2.000000e+00]]> : tensor<1x8xf32>}
// CHECK-NOT: snn.sum_pool2d
snn.network @sum(%in: !snn.spikes<1x2x4>) -> !snn.spikes<1> attributes {dt = #snn.q<1 ms>} {
  %p = snn.sum_pool2d %in {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<1x2x4> -> !snn.current<1x1x2>
  %f = snn.flatten %p : !snn.current<1x1x2> -> !snn.current<2>
  %i = snn.linear %f {weight = dense<[[0.5, -2.0]]> : tensor<1x2xf32>} : !snn.current<2> -> !snn.current<1>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %s : !snn.spikes<1>
}

// -----

// An average divides by the window (4); an affine keeps its bias. With
// padding 1 and stride 2 on a 1x2x2 input, window (0, 0) covers input (0, 0)
// alone, window (0, 1) input (0, 1), and so on.
// CHECK-LABEL: snn.network @avg
// CHECK: snn.affine %{{.*}} {bias = dense<1.000000e+00> : tensor<1xf32>, weight = dense<{{\[\[}}2.500000e-01, 5.000000e-01, 7.500000e-01, 1.000000e+00]]> : tensor<1x4xf32>}
snn.network @avg(%in: !snn.spikes<1x2x2>) -> !snn.spikes<1> attributes {dt = #snn.q<1 ms>} {
  %p = snn.avg_pool2d %in {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 1, 1>} : !snn.spikes<1x2x2> -> !snn.current<1x2x2>
  %f = snn.flatten %p : !snn.current<1x2x2> -> !snn.current<4>
  %i = snn.affine %f {weight = dense<[[1.0, 2.0, 3.0, 4.0]]> : tensor<1x4xf32>, bias = dense<1.0> : tensor<1xf32>} : !snn.current<4> -> !snn.current<1>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %s : !snn.spikes<1>
}

// -----

// A pooling read by a population directly, or by two users, stays.
// CHECK-LABEL: snn.network @kept
// CHECK: snn.sum_pool2d
// CHECK: snn.linear
snn.network @kept(%in: !snn.spikes<1x2x2>) -> (!snn.spikes<1>, !snn.spikes<1x1x1>) attributes {dt = #snn.q<1 ms>} {
  %p = snn.sum_pool2d %in {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<1x2x2> -> !snn.current<1x1x1>
  %t = snn.if(%p) {v_threshold = #snn.q<1 mV>} : (!snn.current<1x1x1>) -> !snn.spikes<1x1x1>
  %f = snn.flatten %p : !snn.current<1x1x1> -> !snn.current<1>
  %i = snn.linear %f {weight = dense<[[1.0]]> : tensor<1x1xf32>} : !snn.current<1> -> !snn.current<1>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %s, %t : !snn.spikes<1>, !snn.spikes<1x1x1>
}
