// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{scheme=rk4 dt=0.1}))' --verify-diagnostics --split-input-file
// RUN: not snnc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=-1}))' --split-input-file 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// RUN: not snnc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize))' --split-input-file 2>&1 | FileCheck %s --check-prefix=NODT
// RUN: not snnc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=20 scheme=euler}))' --split-input-file 2>&1 | FileCheck %s --check-prefix=UNSTABLE
// RUN: not snnc-opt %S/Inputs/cond-lif.mlir --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=20 scheme=euler}))' 2>&1 | FileCheck %s --check-prefix=COND

// NEGATIVE: error: the time step must be > 0 ms, got -1
// NODT: error: no time step: give the network a 'dt' or run snn-discretize with dt=<ms>
// UNSTABLE: error: 'snn.lif' op forward euler needs dt < tau, got dt = 20 ms and tau = 10 ms (neuron 0)

// expected-error @+1 {{unknown integration scheme 'rk4' for linear models (exact, euler)}}
snn.network @scheme(%in: !snn.current<2>) -> !snn.spikes<2> {
  %s = snn.lif(%in) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
// COND: error: 'snn.cond_lif' op forward euler needs dt < tau_syn, got dt = 20 ms and tau_syn = 5 ms (channel 0)
