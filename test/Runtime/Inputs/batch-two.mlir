// Two spike inputs onto four IF neurons: neuron i fires in a step where
// element i of either input spikes (one spike, however many arrive).
snn.network @two(%a: !snn.spikes<4>, %b: !snn.spikes<4>) -> !snn.spikes<4>
    attributes {dt = #snn.q<1 ms>} {
  %ia = snn.linear %a {weight = dense<[[2.0, 0.0, 0.0, 0.0], [0.0, 2.0, 0.0, 0.0],
      [0.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 2.0]]> : tensor<4x4xf32>}
      : !snn.spikes<4> -> !snn.current<4>
  %ib = snn.linear %b {weight = dense<[[2.0, 0.0, 0.0, 0.0], [0.0, 2.0, 0.0, 0.0],
      [0.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 2.0]]> : tensor<4x4xf32>}
      : !snn.spikes<4> -> !snn.current<4>
  %s = snn.if(%ia, %ib) {v_threshold = #snn.q<1 mV>}
      : (!snn.current<4>, !snn.current<4>) -> !snn.spikes<4>
  snn.output %s : !snn.spikes<4>
}
