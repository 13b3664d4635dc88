// RUN: snnc-opt %s --canonicalize --split-input-file | FileCheck %s

// A scale folds into the columns of the following linear map.
// CHECK-LABEL: snn.network @fold_scale
// CHECK-SAME: (%[[IN:.*]]: !snn.spikes<2>)
// CHECK-NOT: snn.scale
// CHECK: snn.linear %[[IN]] {weight = dense<{{\[}}[1.000000e+00, 6.000000e+00], [2.000000e+00, 1.200000e+01]]> : tensor<2x2xf32>}
snn.network @fold_scale(%in: !snn.spikes<2>) -> !snn.current<2> {
  %s = snn.scale %in {scale = dense<[1.0, 3.0]> : tensor<2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %o = snn.linear %s {weight = dense<[[1.0, 2.0], [2.0, 4.0]]> : tensor<2x2xf32>} : !snn.current<2> -> !snn.current<2>
  snn.output %o : !snn.current<2>
}

// -----

// A scalar scale multiplies every weight.
// CHECK-LABEL: snn.network @fold_scalar_scale
// CHECK: snn.linear %{{.*}} {weight = dense<{{\[}}[5.000000e-01, 1.000000e+00]]> : tensor<1x2xf32>}
snn.network @fold_scalar_scale(%in: !snn.spikes<2>) -> !snn.current<1> {
  %s = snn.scale %in {scale = dense<0.5> : tensor<1xf32>} : !snn.spikes<2> -> !snn.current<2>
  %o = snn.linear %s {weight = dense<[[1.0, 2.0]]> : tensor<1x2xf32>} : !snn.current<2> -> !snn.current<1>
  snn.output %o : !snn.current<1>
}

// -----

// A scale that other ops still read stays for them.
// CHECK-LABEL: snn.network @scale_shared
// CHECK: %[[S:.*]] = snn.scale
// CHECK: snn.linear %{{.*}} {weight = dense<2.000000e+00> : tensor<1x2xf32>}
// CHECK: snn.output %{{.*}}, %[[S]]
snn.network @scale_shared(%in: !snn.spikes<2>) -> (!snn.current<1>, !snn.current<2>) {
  %s = snn.scale %in {scale = dense<2.0> : tensor<1xf32>} : !snn.spikes<2> -> !snn.current<2>
  %o = snn.linear %s {weight = dense<1.0> : tensor<1x2xf32>} : !snn.current<2> -> !snn.current<1>
  snn.output %o, %s : !snn.current<1>, !snn.current<2>
}

// -----

// Two linear maps become their product B*A.
// CHECK-LABEL: snn.network @merge_linear
// CHECK-SAME: (%[[IN:.*]]: !snn.spikes<2>)
// CHECK-NEXT: %[[L:.*]] = snn.linear %[[IN]] {weight = dense<{{\[}}[1.100000e+01, 1.400000e+01]]> : tensor<1x2xf32>} : !snn.spikes<2> -> !snn.current<1>
// CHECK-NEXT: snn.output %[[L]]
snn.network @merge_linear(%in: !snn.spikes<2>) -> !snn.current<1> {
  %a = snn.linear %in {weight = dense<[[1.0, 2.0], [3.0, 4.0], [0.0, 1.0]]> : tensor<3x2xf32>} : !snn.spikes<2> -> !snn.current<3>
  %b = snn.linear %a {weight = dense<[[2.0, 3.0, -2.0]]> : tensor<1x3xf32>} : !snn.current<3> -> !snn.current<1>
  snn.output %b : !snn.current<1>
}

// -----

// Plastic weights are never merged: learning acts on each matrix.
// CHECK-LABEL: snn.network @keep_plastic
// CHECK: snn.linear
// CHECK: snn.linear {{.*}}stdp
snn.network @keep_plastic(%in: !snn.spikes<2>) -> !snn.current<1> {
  %a = snn.linear %in {weight = dense<1.0> : tensor<3x2xf32>} : !snn.spikes<2> -> !snn.current<3>
  %b = snn.linear %a {weight = dense<1.0> : tensor<1x3xf32>, stdp = #snn.stdp<a_plus = 0.01, a_minus = 0.01, tau_plus = 20 ms, tau_minus = 20 ms, w_min = 0, w_max = 1>} : !snn.current<3> -> !snn.current<1>
  snn.output %b : !snn.current<1>
}

// -----

// An inner map with a second reader is not merged (it would duplicate
// synapses).
// CHECK-LABEL: snn.network @keep_shared_linear
// CHECK: snn.linear
// CHECK: snn.linear
snn.network @keep_shared_linear(%in: !snn.spikes<2>) -> (!snn.current<1>, !snn.current<3>) {
  %a = snn.linear %in {weight = dense<1.0> : tensor<3x2xf32>} : !snn.spikes<2> -> !snn.current<3>
  %b = snn.linear %a {weight = dense<1.0> : tensor<1x3xf32>} : !snn.current<3> -> !snn.current<1>
  snn.output %b, %a : !snn.current<1>, !snn.current<3>
}

// -----

// A flatten that changes nothing disappears; a real one stays.
// CHECK-LABEL: snn.network @identity_flatten
// CHECK-SAME: (%[[IN:.*]]: !snn.spikes<6>, %[[IN2:.*]]: !snn.spikes<2x3>)
// CHECK-NEXT: %[[F:.*]] = snn.flatten %[[IN2]]
// CHECK-NEXT: snn.output %[[IN]], %[[F]]
snn.network @identity_flatten(%in: !snn.spikes<6>, %in2: !snn.spikes<2x3>) -> (!snn.spikes<6>, !snn.spikes<6>) {
  %f = snn.flatten %in : !snn.spikes<6> -> !snn.spikes<6>
  %g = snn.flatten %in2 : !snn.spikes<2x3> -> !snn.spikes<6>
  snn.output %f, %g : !snn.spikes<6>, !snn.spikes<6>
}
