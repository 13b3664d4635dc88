// RUN: snnc-opt %s | snnc-opt | FileCheck %s
// RUN: snnc-opt %s --verify-roundtrip --mlir-print-op-generic | snnc-opt | FileCheck %s

// CHECK-LABEL: snn.network @neurons
// CHECK-SAME: (%[[IN:.*]]: !snn.current<4>) -> (!snn.spikes<4>, !snn.current<4>)
snn.network @neurons(%in: !snn.current<4>) -> (!snn.spikes<4>, !snn.current<4>) {
  // CHECK: snn.if(%[[IN]]) {r = #snn.q<2 MOhm>, refractory = #snn.q<1 ms>, reset = #snn.reset<subtract>, tau = #snn.q<1 ms>, v_reset = #snn.q<0 mV>, v_threshold = #snn.q<1 mV>}
  %if = snn.if(%in) {tau = #snn.q<1 ms>, r = #snn.q<2 MOhm>, v_threshold = #snn.q<1 mV>, v_reset = #snn.q<0 mV>, reset = #snn.reset<subtract>, refractory = #snn.q<1 ms>} : (!snn.current<4>) -> !snn.spikes<4>
  // CHECK: snn.lif(%[[IN]], %[[IN]]) {bias = #snn.q<0.5 nA>, r = #snn.q<1 MOhm>, reset = #snn.reset<value>, tau = #snn.q<[10, 20, 30, 40] ms>, v_leak = #snn.q<-65 mV>, v_reset = #snn.q<-70 mV>, v_threshold = #snn.q<-50 mV>}
  %lif = snn.lif(%in, %in) {tau = #snn.q<[10, 20, 30, 40] ms>, r = #snn.q<1 MOhm>, v_leak = #snn.q<-65 mV>, v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-70 mV>, bias = #snn.q<0.5 nA>, reset = #snn.reset<value>} : (!snn.current<4>, !snn.current<4>) -> !snn.spikes<4>
  // CHECK: snn.cuba_lif(%[[IN]]) {reset = #snn.reset<none>, tau_mem = #snn.q<20 ms>, tau_syn = #snn.q<5 ms>, v_threshold = #snn.q<1 mV>, w_in = #snn.q<2>}
  %cuba = snn.cuba_lif(%in) {tau_syn = #snn.q<5 ms>, tau_mem = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>, w_in = #snn.q<2>, reset = #snn.reset<none>} : (!snn.current<4>) -> !snn.spikes<4>
  // CHECK: snn.li(%[[IN]]) {tau = #snn.q<5 ms>, v_leak = #snn.q<0 mV>} : (!snn.current<4>) -> !snn.current<4>
  %li = snn.li(%in) {tau = #snn.q<5 ms>, v_leak = #snn.q<0 mV>} : (!snn.current<4>) -> !snn.current<4>
  // CHECK: snn.cuba_li(%[[IN]]) {tau_mem = #snn.q<10 ms>, tau_syn = #snn.q<2 ms>} : (!snn.current<4>) -> !snn.current<4>
  %cli = snn.cuba_li(%in) {tau_syn = #snn.q<2 ms>, tau_mem = #snn.q<10 ms>} : (!snn.current<4>) -> !snn.current<4>
  // CHECK: snn.integrator(%[[IN]]) {r = #snn.q<3 MOhm>} : (!snn.current<4>) -> !snn.current<4>
  %int = snn.integrator(%in) {r = #snn.q<3 MOhm>} : (!snn.current<4>) -> !snn.current<4>
  // CHECK: snn.threshold(%[[IN]]) {v_threshold = #snn.q<0.5 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  %th = snn.threshold(%in) {v_threshold = #snn.q<0.5 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  // CHECK: snn.sfn(%[[IN]]) {levels = 4 : i64, reset = #snn.reset<subtract>, v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4, graded 3>
  %sfn = snn.sfn(%in) {v_threshold = #snn.q<1 mV>, levels = 4, reset = #snn.reset<subtract>} : (!snn.current<4>) -> !snn.spikes<4, graded 3>
  // CHECK: snn.hh(%[[IN]]) {c_m = #snn.q<0.01 nF>, e_k = #snn.q<-77 mV>, e_leak = #snn.q<-54.387 mV>, e_na = #snn.q<50 mV>, g_k = #snn.q<0.36 uS>, g_leak = #snn.q<0.003 uS>, g_na = #snn.q<1.2 uS>, init = {h = #snn.q<0.6>, v = #snn.q<-65 mV>}, v_threshold = #snn.q<0 mV>}
  %hh = snn.hh(%in) {c_m = #snn.q<10 pF>, g_na = #snn.q<1.2 uS>, g_k = #snn.q<360 nS>, g_leak = #snn.q<3 nS>, e_na = #snn.q<50 mV>, e_k = #snn.q<-77 mV>, e_leak = #snn.q<-54.387 mV>, v_threshold = #snn.q<0 mV>, init = {v = #snn.q<-65 mV>, h = #snn.q<0.6>}} : (!snn.current<4>) -> !snn.spikes<4>
  // CHECK: snn.probe "hh.m" %{{.*}} {state = "m"} : !snn.spikes<4>
  snn.probe "hh.m" %hh {state = "m"} : !snn.spikes<4>
  // CHECK: snn.probe "lif.spikes" %{{.*}} : !snn.spikes<4>
  snn.probe "lif.spikes" %lif : !snn.spikes<4>
  // CHECK: snn.output %{{.*}}, %{{.*}} : !snn.spikes<4>, !snn.current<4>
  snn.output %lif, %li : !snn.spikes<4>, !snn.current<4>
}

// CHECK-LABEL: snn.network @conductance
snn.network @conductance(%in: !snn.spikes<8>) -> !snn.spikes<6> {
  // CHECK: %[[E:.*]] = snn.procedural %{{.*}} {connector = #snn.connector<fixed_probability>, probability = 2.000000e-01 : f64, seed = 1 : i64, weight = #snn.dist<constant(0.006) uS>}
  %e = snn.procedural %in {connector = #snn.connector<fixed_probability>, probability = 0.2, seed = 1, weight = #snn.dist<constant(6) nS>} : !snn.spikes<8> -> !snn.current<6>
  // CHECK: snn.procedural %{{.*}} {allow_autapses = false, connector = #snn.connector<fixed_indegree>, indegree = 3 : i64, seed = 2 : i64, weight = #snn.dist<lognormal(-12.8155{{[0-9]+}}, 0.5) uS>}
  %i = snn.procedural %s {connector = #snn.connector<fixed_indegree>, indegree = 3, seed = 2, weight = #snn.dist<lognormal(1, 0.5) pS>, allow_autapses = false} : !snn.spikes<6> -> !snn.current<6>
  // CHECK: snn.procedural %{{.*}} {connector = #snn.connector<one_to_one>, seed = 3 : i64, weight = #snn.dist<uniform(0, 0.01) uS>}
  %o = snn.procedural %s {connector = #snn.connector<one_to_one>, seed = 3, weight = #snn.dist<uniform(0, 10) nS>} : !snn.spikes<6> -> !snn.current<6>
  // CHECK: snn.cond_lif(%[[E]], %{{.*}}, %{{.*}}) {c_m = #snn.q<0.2 nF>, e_leak = #snn.q<-60 mV>, e_rev = #snn.q<[0, -80] mV>, g_leak = #snn.q<0.01 uS>, init = {g0 = #snn.dist<normal(0.04, 0.015) uS>, v = #snn.dist<normal(-65, 5) mV>}, input_channels = array<i64: 0, 1, 0>, refractory = #snn.q<5 ms>, seed = 7 : i64, tau_syn = #snn.q<[5, 10] ms>, v_reset = #snn.q<-60 mV>, v_threshold = #snn.q<-50 mV>}
  %s = snn.cond_lif(%e, %i, %o) {c_m = #snn.q<200 pF>, g_leak = #snn.q<10 nS>, e_leak = #snn.q<-60 mV>, v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-60 mV>, tau_syn = #snn.q<[5, 10] ms>, e_rev = #snn.q<[0, -80] mV>, input_channels = array<i64: 0, 1, 0>, refractory = #snn.q<5 ms>, init = {v = #snn.dist<normal(-65, 5) mV>, g0 = #snn.dist<normal(40, 15) nS>}, seed = 7} : (!snn.current<6>, !snn.current<6>, !snn.current<6>) -> !snn.spikes<6>
  // CHECK: snn.probe "g_inh" %{{.*}} {state = "g1"}
  snn.probe "g_inh" %s {state = "g1"} : !snn.spikes<6>
  snn.output %s : !snn.spikes<6>
}

// CHECK-LABEL: snn.network @connections
snn.network @connections(%img: !snn.spikes<2x8x8>, %v: !snn.current<6>) -> !snn.current<5> {
  // CHECK: snn.conv2d %{{.*}} {bias = dense<1.000000e-01> : tensor<4xf32>, dilation = array<i64: 1, 1>, groups = 2 : i64, padding = array<i64: 1, 1>, stride = array<i64: 2, 2>, weight = dense<2.500000e-01> : tensor<4x1x3x3xf32>} : !snn.spikes<2x8x8> -> !snn.current<4x4x4>
  %c = snn.conv2d %img {weight = dense<0.25> : tensor<4x1x3x3xf32>, bias = dense<0.1> : tensor<4xf32>, stride = array<i64: 2, 2>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 2} : !snn.spikes<2x8x8> -> !snn.current<4x4x4>
  // CHECK: snn.sum_pool2d %{{.*}} {kernel_size = array<i64: 2, 2>, padding = array<i64: 0, 0>, stride = array<i64: 2, 2>} : !snn.current<4x4x4> -> !snn.current<4x2x2>
  %p = snn.sum_pool2d %c {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.current<4x4x4> -> !snn.current<4x2x2>
  // CHECK: snn.avg_pool2d %{{.*}} : !snn.current<4x4x4> -> !snn.current<4x3x3>
  %a = snn.avg_pool2d %c {kernel_size = array<i64: 2, 2>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>} : !snn.current<4x4x4> -> !snn.current<4x3x3>
  // CHECK: snn.flatten %{{.*}} {end_dim = 2 : i64, start_dim = 1 : i64} : !snn.current<4x2x2> -> !snn.current<4x4>
  %f1 = snn.flatten %p {start_dim = 1, end_dim = 2} : !snn.current<4x2x2> -> !snn.current<4x4>
  // CHECK: snn.flatten %{{.*}} : !snn.current<4x4> -> !snn.current<16>
  %f = snn.flatten %f1 : !snn.current<4x4> -> !snn.current<16>
  // CHECK: snn.scale %{{.*}} {scale = dense<5.000000e-01> : tensor<1xf32>} : !snn.current<16> -> !snn.current<16>
  %s = snn.scale %f {scale = dense<0.5> : tensor<1xf32>} : !snn.current<16> -> !snn.current<16>
  // CHECK: snn.affine %{{.*}} {bias = dense<0.000000e+00> : tensor<6xf32>, weight = dense<1.000000e+00> : tensor<6x16xf32>} : !snn.current<16> -> !snn.current<6>
  %af = snn.affine %s {weight = dense<1.0> : tensor<6x16xf32>, bias = dense<0.0> : tensor<6xf32>} : !snn.current<16> -> !snn.current<6>
  // CHECK: snn.delay %{{.*}} {delay = #snn.q<[1, 2, 3, 4, 5, 6] ms>} : !snn.current<6> -> !snn.current<6>
  %d = snn.delay %af {delay = #snn.q<[1, 2, 3, 4, 5, 6] ms>} : !snn.current<6> -> !snn.current<6>
  // CHECK: snn.sparse %{{.*}} {cols = dense<[0, 5, 2]> : tensor<3xi32>, format = #snn.format<csr>, rows = dense<[0, 1, 1, 2, 3, 3]> : tensor<6xi32>, weights = dense<[1.000000e+00, -2.000000e+00, 5.000000e-01]> : tensor<3xf32>} : !snn.current<6> -> !snn.current<5>
  %sp = snn.sparse %d {format = #snn.format<csr>, rows = dense<[0, 1, 1, 2, 3, 3]> : tensor<6xi32>, cols = dense<[0, 5, 2]> : tensor<3xi32>, weights = dense<[1.0, -2.0, 0.5]> : tensor<3xf32>} : !snn.current<6> -> !snn.current<5>
  // CHECK: snn.sparse %{{.*}} {cols = dense<[1, 3]> : tensor<2xi64>, format = #snn.format<coo>, rows = dense<[4, 0]> : tensor<2xi64>, stdp = #snn.stdp<a_plus = 0.005, a_minus = 0.006, tau_plus = 16.8 ms, tau_minus = 33.7 ms, w_min = -1, w_max = 1>, weights = dense<[2.000000e+00, 3.000000e+00]> : tensor<2xf32>}
  %coo = snn.sparse %v {format = #snn.format<coo>, rows = dense<[4, 0]> : tensor<2xi64>, cols = dense<[1, 3]> : tensor<2xi64>, weights = dense<[2.0, 3.0]> : tensor<2xf32>, stdp = #snn.stdp<a_plus = 0.005, a_minus = 0.006, tau_plus = 16.8 ms, tau_minus = 33.7 ms, w_min = -1, w_max = 1>} : !snn.current<6> -> !snn.current<5>
  // CHECK: snn.conv1d %{{.*}} {dilation = array<i64: 2>, groups = 1 : i64, padding = array<i64: 0>, stride = array<i64: 1>, weight = dense<1.000000e+00> : tensor<3x4x2xf32>} : !snn.current<4x4> -> !snn.current<3x2>
  %c1 = snn.conv1d %f1 {weight = dense<1.0> : tensor<3x4x2xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 2>, groups = 1} : !snn.current<4x4> -> !snn.current<3x2>
  snn.output %sp : !snn.current<5>
}

// Spike stream types with payloads, and a network that keeps its dt.
// CHECK-LABEL: snn.network @graded
// CHECK-SAME: !snn.spikes<3x2, graded 8>
// CHECK-SAME: attributes {dt = #snn.q<0.25 ms>}
snn.network @graded(%in: !snn.spikes<3x2, graded 8>) -> !snn.spikes<3x2, graded 8> attributes {dt = #snn.q<250 us>} {
  // CHECK: snn.delay %{{.*}} {delay = #snn.q<0.5 ms>, steps = array<i64: 2>}
  %d = snn.delay %in {delay = #snn.q<0.5 ms>, steps = array<i64: 2>} : !snn.spikes<3x2, graded 8> -> !snn.spikes<3x2, graded 8>
  snn.output %d : !snn.spikes<3x2, graded 8>
}

// Quantized activations, max pooling, asymmetric padding and weight bits.
// CHECK-LABEL: snn.network @quantized
snn.network @quantized(%in: !snn.spikes<1x8x8>) -> !snn.spikes<32, graded 2> {
  // CHECK: snn.conv2d %{{.*}} {dilation = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0, 1, 1>, stride = array<i64: 2, 2>, weight = dense<{{.*}}> : tensor<2x1x3x3xf32>, weight_bits = 2 : i64} : !snn.spikes<1x8x8> -> !snn.current<2x4x4>
  %c = snn.conv2d %in {weight = dense<[[[[0.5, -0.5, 0.0], [0.5, 0.5, 0.5], [0.0, 0.0, -0.5]]], [[[1.0, 0.0, 0.0], [0.0, -1.0, 0.0], [0.0, 0.0, 1.0]]]]> : tensor<2x1x3x3xf32>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0, 1, 1>, dilation = array<i64: 1, 1>, groups = 1, weight_bits = 2} : !snn.spikes<1x8x8> -> !snn.current<2x4x4>
  // CHECK: snn.qrelu(%{{.*}}) {bits = 4 : i64, v_step = #snn.q<0.25 mV>, v_threshold = #snn.q<-0.125 mV>} : (!snn.current<2x4x4>) -> !snn.spikes<2x4x4, graded 4>
  %q = snn.qrelu(%c) {v_step = #snn.q<0.25 mV>, v_threshold = #snn.q<-0.125 mV>, bits = 4} : (!snn.current<2x4x4>) -> !snn.spikes<2x4x4, graded 4>
  // CHECK: snn.max_pool2d %{{.*}} {kernel_size = array<i64: 2, 2>, padding = array<i64: 0, 0>, stride = array<i64: 2, 2>} : !snn.spikes<2x4x4, graded 4> -> !snn.spikes<2x2x2, graded 4>
  %m = snn.max_pool2d %q {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<2x4x4, graded 4> -> !snn.spikes<2x2x2, graded 4>
  %f = snn.flatten %m : !snn.spikes<2x2x2, graded 4> -> !snn.spikes<8, graded 4>
  // CHECK: snn.linear %{{.*}} {weight = dense<-1.000000e+00> : tensor<32x8xf32>, weight_bits = 1 : i64}
  %l = snn.linear %f {weight = dense<-1.0> : tensor<32x8xf32>, weight_bits = 1} : !snn.spikes<8, graded 4> -> !snn.current<32>
  // CHECK: snn.qrelu(%{{.*}}) {bits = 2 : i64, v_step = #snn.q<1 mV>}
  %o = snn.qrelu(%l) {v_step = #snn.q<1 mV>, bits = 2} : (!snn.current<32>) -> !snn.spikes<32, graded 2>
  // CHECK: snn.max_pool2d %{{.*}} : !snn.current<2x4x4> -> !snn.current<2x2x2>
  %mc = snn.max_pool2d %c {kernel_size = array<i64: 3, 3>, stride = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 0>} : !snn.current<2x4x4> -> !snn.current<2x2x2>
  snn.output %o : !snn.spikes<32, graded 2>
}
