// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=loihi2},snn.network(snn-discretize,loihi2-quantize))' | FileCheck %s
// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=loihi2},snn.network(snn-discretize,loihi2-quantize))' | snnc-opt --split-input-file | FileCheck %s

// The numbers below are worked by hand from the mapping in Quantize.cpp.
// LIF, tau 10 ms, dt 1 ms: alpha = exp(-0.1) = 0.904837, dv =
// round(4096 * 0.095163) = 390. Threshold 15 mV above reset: S = 2^18 / 15
// = 17476.27 per mV, vth = 4096. gain = (1 - alpha) r = 0.951626 mV/nA, so
// the 0.5 nA bias is 0.475813 mV = 8315.5 units per step = 2079 << 2 (the
// smallest exponent with a 12-bit mantissa). A weight of 1 nA is
// S gain / 64 = 259.85 activation units; the largest, 2 nA (519.7), needs
// exponent 2 (129.9) and MIXED mantissas are even: 130 and 1 nA -> 64.
// CHECK-LABEL: snn.network @lif
// CHECK: snn.linear
// CHECK-SAME: snn.quant = #loihi2.format<{num_weight_bits = 8 : i64, sign_mode = "MIXED", weight_exp = 2 : i64, weights = dense<{{\[\[}}64, -32, 16, 0], [20, 20, 20, 20], [130, 0, 0, -64]]> : tensor<3x4xi16>}>
// CHECK-SAME: snn.quant_error = {weight_max = 0.0074{{[0-9]+}} : f64
// CHECK: snn.lif
// CHECK-SAME: snn.quant = #loihi2.format<{bias_exp = array<i64: 2>, bias_mant = array<i64: 2079>, du = 4095 : i64, dv = 390 : i64, scale = 17476.26{{[0-9]+}} : f64, u_init = array<i64: 0>, v_init = array<i64: 0>, v_offset = -6.500000e+01 : f64, vth = 4096 : i64}>
// CHECK-SAME: snn.quant_error = {bias = 6.8{{[0-9]+}}E-5 : f64, decay_v = 5.49{{[0-9]+}}E-4 : f64, threshold = 0.000000e+00 : f64}
snn.network @lif(%in: !snn.spikes<4>) -> !snn.spikes<3> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<[[1.0, -0.5, 0.25, 0.0], [0.3, 0.3, 0.3, 0.3], [2.0, 0.0, 0.0, -1.0]]> : tensor<3x4xf32>}
      : !snn.spikes<4> -> !snn.current<3>
  %h = snn.lif(%i) {tau = #snn.q<10 ms>, r = #snn.q<10 MOhm>, v_leak = #snn.q<-65 mV>,
      v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-65 mV>, bias = #snn.q<0.5 nA>}
      : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %h : !snn.spikes<3>
}

// -----

// CubaLIF: alpha_syn = exp(-1/5) = 0.818731, du = round(4096 * 0.181269) - 1
// = 741; alpha_mem = exp(-1/20), dv = round(4096 * 0.048771) = 200. The
// synaptic current maps onto u = S (1 - alpha_mem) r i: the initial 0.1 nA
// is 262144 * 0.048771 * 20 * 0.1 = 25570 units. One-signed weights keep
// odd mantissas: 0.5 nA -> S (1 - a_m) r (1 - a_s) w / 64 = 361.6 = 180.8
// << 1 -> 181.
// CHECK-LABEL: snn.network @cuba
// CHECK: snn.linear
// CHECK-SAME: sign_mode = "EXCITATORY", weight_exp = 1 : i64, weights = dense<{{\[\[}}181, 72]]> : tensor<1x2xi16>
// CHECK: snn.cuba_lif
// CHECK-SAME: du = 741 : i64, dv = 200 : i64
// CHECK-SAME: u_init = array<i64: 25570>, v_init = array<i64: 0>
// CHECK-SAME: vth = 4096 : i64
// CHECK-SAME: decay_u = 6.4{{[0-9]+}}E-4 : f64
snn.network @cuba(%in: !snn.spikes<2>) -> !snn.spikes<1> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<[[0.5, 0.2]]> : tensor<1x2xf32>} : !snn.spikes<2> -> !snn.current<1>
  %o = snn.cuba_lif(%i) {tau_syn = #snn.q<5 ms>, tau_mem = #snn.q<20 ms>, r = #snn.q<20 MOhm>,
      v_threshold = #snn.q<1 mV>, init = {i = #snn.q<0.1 nA>}} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %o : !snn.spikes<1>
}

// -----

// Conv has no weight exponent: the target's scale comes down until the
// largest kernel weight (IF gain dt/tau r = 1 mV/nA, 4 nA) is 254:
// S = 254 * 64 / 4 = 4064 per mV, so vth = round(4064 * 1 / 64) = 64 (exact
// here) and the 1 nA weights are 63.5 -> 64 (MIXED, even).
// CHECK-LABEL: snn.network @conv
// CHECK: snn.conv2d
// CHECK-SAME: weight_exp = 0 : i64, weights = dense<{{\[\[\[\[}}254, 64], [-64, 0]]]]> : tensor<1x1x2x2xi16>
// CHECK: snn.if
// CHECK-SAME: scale = 4.064000e+03 : f64
// CHECK-SAME: vth = 64 : i64
snn.network @conv(%in: !snn.spikes<1x3x3>) -> !snn.spikes<1x2x2> attributes {dt = #snn.q<1 ms>} {
  %c = snn.conv2d %in {weight = dense<[[[[4.0, 1.0], [-1.0, 0.0]]]]> : tensor<1x1x2x2xf32>,
      stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1}
      : !snn.spikes<1x3x3> -> !snn.current<1x2x2>
  %s = snn.if(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<1x2x2>) -> !snn.spikes<1x2x2>
  snn.output %s : !snn.spikes<1x2x2>
}

// -----

// Procedural synapses keep their weight per nA for the layout; initial
// states drawn from a distribution are the emulator's draws.
// CHECK-LABEL: snn.network @procedural
// CHECK: snn.procedural
// CHECK-SAME: sign_mode = "INHIBITORY"
// CHECK-SAME: weight_scale =
// CHECK: snn.lif
// CHECK-SAME: v_init = array<i64: {{-?[0-9]+}}, {{-?[0-9]+}}, {{-?[0-9]+}}, {{-?[0-9]+}}, {{-?[0-9]+}}, {{-?[0-9]+}}, {{-?[0-9]+}}, {{-?[0-9]+}}>
snn.network @procedural(%in: !snn.spikes<8>) -> !snn.spikes<8> attributes {dt = #snn.q<1 ms>} {
  %i = snn.procedural %in {connector = #snn.connector<fixed_probability>, probability = 0.5,
      seed = 3, weight = #snn.dist<uniform(-2.0, -1.0) nA>} : !snn.spikes<8> -> !snn.current<8>
  %s = snn.lif(%i) {tau = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>,
      init = {v = #snn.dist<uniform(0, 1) mV>}, seed = 5} : (!snn.current<8>) -> !snn.spikes<8>
  snn.output %s : !snn.spikes<8>
}

// -----

// STDP onto Lava's learning rule. IF with dt 0.5 ms: gain 0.5 mV/nA, so
// S = 2^18 per mV would make 1 nA 2048 activation units. Learning puts the
// binding bound on the 8-bit limit: w_max = 1 nA at 255 (w_min = -1 needs
// only 256 at that scale), S = 2^3 / ((1/255) 0.5 / 64) = 261120, vth =
// 4080, 1 nA = 2040 = 255 << 3. MIXED: 0.1 nA = 25.5 -> 26 and -0.3 =
// -76.5 -> -76 (even), w_min lands on -256/255 nA (0.39% of the range).
// a_plus 0.002 nA = 0.51 mantissas per pairing -> 3 * 2^-7 * 22 = 0.5156
// (1.1%); a_minus 0.03 nA = 7.65 -> 2^-2 * 31 = 7.75 (1.3%); tau_plus 10 ms
// = 20 steps, tau_minus 5.3 ms = 10.6 -> 11 steps (3.8%).
// CHECK-LABEL: snn.network @stdp
// CHECK: snn.sparse
// CHECK-SAME: snn.quant = #loihi2.format<{learning_dw = "3*2^-7 * y0 * x1 - 1*2^-2 * x0 * y1", num_weight_bits = 8 : i64, sign_mode = "MIXED", t_epoch = 1 : i64, weight_exp = 3 : i64, weights = dense<[26, -76]> : tensor<2xi16>, x1_impulse = 22 : i64, x1_tau = 20 : i64, y1_impulse = 31 : i64, y1_tau = 11 : i64}>
// CHECK-SAME: snn.quant_error = {stdp_a_minus = 0.0130{{[0-9]+}} : f64, stdp_a_plus = 0.0110{{[0-9]+}} : f64, stdp_tau_minus = 0.0377{{[0-9]+}} : f64, stdp_tau_plus = 0.000000e+00 : f64, stdp_w_max = 0.000000e+00 : f64, stdp_w_min = 0.00392{{[0-9]+}} : f64
// CHECK: snn.if
// CHECK-SAME: scale = 2.611200e+05 : f64
// CHECK-SAME: vth = 4080 : i64
snn.network @stdp(%in: !snn.spikes<2>) -> !snn.spikes<2> attributes {dt = #snn.q<0.5 ms>} {
  %i = snn.sparse %in {format = #snn.format<coo>, rows = dense<[0, 1]> : tensor<2xi64>,
      cols = dense<[1, 0]> : tensor<2xi64>, weights = dense<[0.1, -0.3]> : tensor<2xf32>,
      stdp = #snn.stdp<a_plus = 0.002, a_minus = 0.03, tau_plus = 10 ms, tau_minus = 5.3 ms,
                       w_min = -1, w_max = 1>}
      : !snn.spikes<2> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
