// Four inputs, each onto its own IF neuron that fires on a single spike.
snn.network @readout(%in: !snn.spikes<4>) -> !snn.spikes<4>
    attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<[[2.0, 0.0, 0.0, 0.0], [0.0, 2.0, 0.0, 0.0],
      [0.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 2.0]]> : tensor<4x4xf32>}
      : !snn.spikes<4> -> !snn.current<4>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.probe "v" %s {state = "v"} : !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}
