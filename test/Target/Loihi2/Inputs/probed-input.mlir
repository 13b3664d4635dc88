// A probe on a network input: no Loihi 2 population produces it.
snn.network @probed_input(%in: !snn.spikes<2>) -> !snn.spikes<2>
    attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<2x2xf32>} : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<10 ms>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.probe "input" %in : !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
