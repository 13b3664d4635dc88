snn.network @net(%in: !snn.spikes<4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
  %f = snn.flatten %in : !snn.spikes<4> -> !snn.spikes<4>
  %i = snn.linear %f {weight = dense<0.5> : tensor<2x4xf32>} : !snn.spikes<4> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
