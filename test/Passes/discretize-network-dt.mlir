// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize))' | FileCheck %s
// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=0.5}))' | FileCheck %s --check-prefix=OVERRIDE
// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize))' | snnc-opt --pass-pipeline='builtin.module(snn.network(snn-discretize))' | FileCheck %s

// Without an option the network's own dt is used; the option overrides it;
// discretizing twice gives the same result.
// CHECK: attributes {dt = #snn.q<0.25 ms>}
// CHECK: step = #snn.step<dt = 0.25 ms, exact, {gain = array<f64: 2.500000e-01>}>
// OVERRIDE: attributes {dt = #snn.q<0.5 ms>}
// OVERRIDE: step = #snn.step<dt = 0.5 ms, exact, {gain = array<f64: 5.000000e-01>}>
snn.network @own_dt(%in: !snn.current<2>) -> !snn.spikes<2> attributes {dt = #snn.q<250 us>} {
  %s = snn.if(%in) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
