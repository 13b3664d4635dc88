// A 20 ms delay between two layers: 21 ticks with the hop, more than one
// TrueNorth destination holds (15), so it goes through one layer of relays.
snn.network @delayed(%in: !snn.spikes<16>) -> !snn.spikes<4> attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<[[1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]> : tensor<4x16xf32>} : !snn.spikes<16> -> !snn.current<4>
  %h = snn.if(%i) {v_threshold = #snn.q<1.5 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  %d = snn.delay %h {delay = #snn.q<20 ms>} : !snn.spikes<4> -> !snn.spikes<4>
  %j = snn.linear %d {weight = dense<[[1.0, 0.5, 0.0, 0.0], [0.0, 1.0, 0.5, 0.0], [0.0, 0.0, 1.0, 0.5], [0.5, 0.0, 0.0, 1.0]]> : tensor<4x4xf32>} : !snn.spikes<4> -> !snn.current<4>
  %o = snn.if(%j) {v_threshold = #snn.q<1 mV>, reset = #snn.reset<subtract>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %o : !snn.spikes<4>
}
