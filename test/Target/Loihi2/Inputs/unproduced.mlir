// Outputs and probes the Loihi 2 artifact cannot hold: a network input
// returned as it is, and a probe on it.
snn.network @unproduced(%in: !snn.spikes<2>) -> (!snn.spikes<2>, !snn.spikes<2>)
    attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s, %in : !snn.spikes<2>, !snn.spikes<2>
}
