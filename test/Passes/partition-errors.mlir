// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=loihi2},snn.network(snn-place))' --verify-diagnostics
// RUN: not snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=spinnaker},snn.network(snn-partition))' 2>&1 | FileCheck %s --check-prefix=CHIP
// RUN: not snnc-opt %S/Inputs/fan-in.mlir --pass-pipeline='builtin.module(snn-assign-target{chip=loihi2},snn.network(snn-partition))' 2>&1 | FileCheck %s --check-prefix=FANIN
// CHIP: error: unknown chip 'spinnaker' (known: akida, loihi2, truenorth)
// FANIN: error: cannot be partitioned for loihi2: a neuron of lif_1 has a fan-in of 5000, over the 4096 axons of a core

// expected-error @+1 {{is not partitioned; run snn-partition first}}
snn.network @unpartitioned(%in: !snn.current<2>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %s = snn.lif(%in) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
