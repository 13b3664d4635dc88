// Inputs/readout.mlir with its outputs in reverse order: input i drives
// output 3 - i.
snn.network @swapped(%in: !snn.spikes<4>) -> !snn.spikes<4>
    attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<[[0.0, 0.0, 0.0, 2.0], [0.0, 0.0, 2.0, 0.0],
      [0.0, 2.0, 0.0, 0.0], [2.0, 0.0, 0.0, 0.0]]> : tensor<4x4xf32>}
      : !snn.spikes<4> -> !snn.current<4>
  %s = snn.if(%i) {v_threshold = #snn.q<1 mV>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}
