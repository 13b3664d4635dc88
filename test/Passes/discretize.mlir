// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=0.1}))' --split-input-file | FileCheck %s
// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=0.1 scheme=euler}))' --split-input-file | FileCheck %s --check-prefix=EULER

// Exact integration of a LIF: alpha = exp(-0.1/20), gain = (1 - alpha) r.
// Forward Euler: alpha = 1 - 0.1/20, gain = 0.1/20 r.
// CHECK-LABEL: snn.network @lif
// CHECK-SAME: attributes {dt = #snn.q<0.1 ms>}
// CHECK: step = #snn.step<dt = 0.1 ms, exact, {alpha = array<f64: 0.99501247919268{{[0-9]*}}>, gain = array<f64: 0.00997504161{{[0-9]*}}>, refractory_steps = array<f64: 2.000000e+01>}>
// EULER: step = #snn.step<dt = 0.1 ms, euler, {alpha = array<f64: 0.994999{{[0-9]*}}>, gain = array<f64: 0.01000000{{[0-9]*}}>, refractory_steps = array<f64: 2.000000e+01>}>
snn.network @lif(%in: !snn.current<2>) -> !snn.spikes<2> {
  %s = snn.lif(%in) {tau = #snn.q<20 ms>, r = #snn.q<2 MOhm>, v_threshold = #snn.q<1 mV>, refractory = #snn.q<2 ms>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

// Per-neuron time constants give per-neuron coefficients.
// CHECK-LABEL: snn.network @per_neuron
// CHECK: alpha = array<f64: 0.99004983374916{{[0-9]*}}, 0.99501247919268{{[0-9]*}}>
snn.network @per_neuron(%in: !snn.current<2>) -> !snn.spikes<2> {
  %s = snn.lif(%in) {tau = #snn.q<[10, 20] ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}

// -----

// IF and the integrator: gain = dt / tau * r.
// CHECK-LABEL: snn.network @integrators
// CHECK: snn.if{{.*}}step = #snn.step<dt = 0.1 ms, exact, {gain = array<f64: 1.000000e-01>}>
// CHECK: snn.integrator{{.*}}step = #snn.step<dt = 0.1 ms, exact, {gain = array<f64: 5.000000e-02>}>
snn.network @integrators(%in: !snn.current<2>) -> (!snn.spikes<2>, !snn.current<2>) {
  %s = snn.if(%in) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  %v = snn.integrator(%in) {tau = #snn.q<2 ms>} : (!snn.current<2>) -> !snn.current<2>
  snn.output %s, %v : !snn.spikes<2>, !snn.current<2>
}

// -----

// CubaLIF, exact: kappa = ts/(ts - tm) (exp(-dt/ts) - exp(-dt/tm)).
// CHECK-LABEL: snn.network @cuba
// CHECK: snn.cuba_lif{{.*}}exact, {alpha_mem = array<f64: 0.99501247919268{{[0-9]*}}>, alpha_syn = array<f64: 0.98019867330675{{[0-9]*}}>, kappa = array<f64: 0.00493793{{[0-9]*}}>}
// CHECK: snn.cuba_li{{.*}}kappa = array<f64: 0.00990049833749{{[0-9]*}}>
// EULER: snn.cuba_lif{{.*}}euler, {alpha_mem = array<f64: 0.994999{{[0-9]*}}>, alpha_syn = array<f64: 0.979999{{[0-9]*}}>}
snn.network @cuba(%in: !snn.current<2>) -> (!snn.spikes<2>, !snn.current<2>) {
  %s = snn.cuba_lif(%in) {tau_syn = #snn.q<5 ms>, tau_mem = #snn.q<20 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  %v = snn.cuba_li(%in) {tau_syn = #snn.q<10 ms>, tau_mem = #snn.q<10 ms>} : (!snn.current<2>) -> !snn.current<2>
  snn.output %s, %v : !snn.spikes<2>, !snn.current<2>
}

// -----

// Conductance LIF: exponential Euler, or forward Euler with scheme=euler;
// HH: exponential Euler whatever the scheme.
// CHECK-LABEL: snn.network @conductance
// CHECK: snn.cond_lif{{.*}}exponential_euler, {alpha_syn = array<f64: 0.98019867330675{{[0-9]*}}, 0.99004983374916{{[0-9]*}}>, dt_over_c = array<f64: 5.000000e-01>, refractory_steps = array<f64: 5.000000e+01>}
// CHECK: snn.hh{{.*}}exponential_euler, {dt_over_c = array<f64: 1.000000e+01>}
// EULER: snn.cond_lif{{.*}}euler, {alpha_syn = array<f64: 0.97999{{[0-9]*}}, 0.98999{{[0-9]*}}>, dt_over_c = array<f64: 5.000000e-01>, refractory_steps = array<f64: 5.000000e+01>}
// EULER: snn.hh{{.*}}exponential_euler
snn.network @conductance(%in: !snn.current<2>, %cur: !snn.current<2>) -> (!snn.spikes<2>, !snn.spikes<2>) {
  %s = snn.cond_lif(%in) {c_m = #snn.q<200 pF>, g_leak = #snn.q<10 nS>, e_leak = #snn.q<-60 mV>, v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-60 mV>, tau_syn = #snn.q<[5, 10] ms>, e_rev = #snn.q<[0, -80] mV>, input_channels = array<i64: 0>, refractory = #snn.q<5 ms>} : (!snn.current<2>) -> !snn.spikes<2>
  %h = snn.hh(%cur) {c_m = #snn.q<10 pF>, g_na = #snn.q<1.2 uS>, g_k = #snn.q<360 nS>, g_leak = #snn.q<3 nS>, e_na = #snn.q<50 mV>, e_k = #snn.q<-77 mV>, e_leak = #snn.q<-54.387 mV>, v_threshold = #snn.q<0 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s, %h : !snn.spikes<2>, !snn.spikes<2>
}

// -----

// Delays become whole steps; the threshold and the SFN have no coefficients.
// CHECK-LABEL: snn.network @delays
// CHECK: snn.delay %{{.*}} {delay = #snn.q<[0, 0.5, 1.2] ms>, steps = array<i64: 0, 5, 12>}
// CHECK: snn.threshold{{.*}}step = #snn.step<dt = 0.1 ms, exact, {}>
// CHECK: snn.sfn{{.*}}step = #snn.step<dt = 0.1 ms, exact, {}>
snn.network @delays(%in: !snn.current<3>) -> (!snn.current<3>, !snn.spikes<3>, !snn.spikes<3, graded 2>) {
  %d = snn.delay %in {delay = #snn.q<[0, 0.5, 1.2] ms>} : !snn.current<3> -> !snn.current<3>
  %t = snn.threshold(%in) {v_threshold = #snn.q<1 mV>} : (!snn.current<3>) -> !snn.spikes<3>
  %f = snn.sfn(%in) {v_threshold = #snn.q<1 mV>, levels = 3} : (!snn.current<3>) -> !snn.spikes<3, graded 2>
  snn.output %d, %t, %f : !snn.current<3>, !snn.spikes<3>, !snn.spikes<3, graded 2>
}
