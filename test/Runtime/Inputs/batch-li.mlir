// A LIF layer (subtracting reset) into leaky integrators, with a probe on
// the output: both keep state from step to step, so a batch must start
// every sample afresh to match single runs.
snn.network @li(%in: !snn.spikes<4>) -> !snn.current<3>
    attributes {dt = #snn.q<1 ms>} {
  %i = snn.linear %in {weight = dense<[[0.9, 0.3, -0.2, 0.5], [0.1, 0.8, 0.6, -0.4],
      [0.4, -0.1, 0.7, 0.9]]> : tensor<3x4xf32>}
      : !snn.spikes<4> -> !snn.current<3>
  %h = snn.lif(%i) {tau = #snn.q<20 ms>, r = #snn.q<20 MOhm>,
      v_threshold = #snn.q<1 mV>, reset = #snn.reset<subtract>}
      : (!snn.current<3>) -> !snn.spikes<3>
  %j = snn.linear %h {weight = dense<[[1.0, -0.5, 0.25], [0.5, 1.0, -0.75],
      [-0.25, 0.5, 1.0]]> : tensor<3x3xf32>}
      : !snn.spikes<3> -> !snn.current<3>
  %o = snn.li(%j) {tau = #snn.q<10 ms>, r = #snn.q<1 MOhm>}
      : (!snn.current<3>) -> !snn.current<3>
  snn.probe "out" %o : !snn.current<3>
  snn.output %o : !snn.current<3>
}
