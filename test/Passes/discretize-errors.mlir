// RUN: snnc-opt %s --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=0.1}))' --split-input-file --verify-diagnostics

snn.network @delay_fraction(%in: !snn.current<2>) -> !snn.current<2> {
  // expected-error @+1 {{delay of 0.15 ms is not a whole number of 0.1 ms steps}}
  %d = snn.delay %in {delay = #snn.q<0.15 ms>} : !snn.current<2> -> !snn.current<2>
  snn.output %d : !snn.current<2>
}

// -----

snn.network @refractory_fraction(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{refractory period of 0.25 ms is not a whole number of 0.1 ms steps}}
  %s = snn.if(%in) {v_threshold = #snn.q<1 mV>, refractory = #snn.q<0.25 ms>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
