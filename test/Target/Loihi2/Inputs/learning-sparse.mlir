// STDP on explicit sparse synapses (golden-learning.mlir): Lava's
// LearningSparse.
snn.network @learning_sparse(%in: !snn.spikes<3>) -> !snn.spikes<2>
    attributes {dt = #snn.q<1 ms>} {
  %i = snn.sparse %in {format = #snn.format<coo>, rows = dense<[0, 1, 1]> : tensor<3xi64>,
      cols = dense<[2, 0, 1]> : tensor<3xi64>, weights = dense<[0.25, 0.5, 0.125]> : tensor<3xf32>,
      stdp = #snn.stdp<a_plus = 0.01, a_minus = 0.01, tau_plus = 20 ms,
                       tau_minus = 10 ms, w_min = 0, w_max = 1>}
      : !snn.spikes<3> -> !snn.current<2>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
