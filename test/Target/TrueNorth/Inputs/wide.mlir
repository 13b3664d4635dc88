// 300 inputs into each of 4 neurons, more than a TrueNorth core's 256
// axons: truenorth-lower splits them into partial sums.
snn.network @wide(%in: !snn.spikes<300>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<0.5> : tensor<4x300xf32>} : !snn.spikes<300> -> !snn.current<4>
  %o = snn.if(%i) {v_threshold = #snn.q<64 mV>, reset = #snn.reset<subtract>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %o : !snn.spikes<4>
}
