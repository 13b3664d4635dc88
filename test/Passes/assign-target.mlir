// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn-assign-target{chip=truenorth})' | FileCheck %s
// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn-assign-target{backend=cpu chip=loihi2})' | FileCheck %s --check-prefix=BOTH
// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn-assign-target{backend=cpu chip=loihi2})' | snnc-opt --verify-roundtrip
// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn-assign-target{backend=cpu})' | FileCheck %s --check-prefix=BACKEND
// RUN: not snnc-opt %s --pass-pipeline='builtin.module(snn-assign-target)' 2>&1 | FileCheck %s --check-prefix=EMPTY
// RUN: not snnc-opt %s --pass-pipeline='builtin.module(snn-assign-target{chip=spinnaker})' 2>&1 | FileCheck %s --check-prefix=UNKNOWN

// CHECK: module attributes {snn.target = #snn.target<chip = "truenorth">}
// BOTH: module attributes {snn.target = #snn.target<backend = "cpu", chip = "loihi2">}
// BACKEND: module attributes {snn.target = #snn.target<backend = "cpu">}
// EMPTY: error: snn-assign-target needs a backend, a chip or both
// UNKNOWN: error: unknown chip 'spinnaker' (known: akida, loihi2, truenorth)

snn.network @model(%in: !snn.spikes<2>) -> !snn.spikes<2> {
  %i = snn.linear %in {weight = dense<0.1> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
