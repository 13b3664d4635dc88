// A module that pins its target: snnc compiles it for Loihi 2 without
// --target (the tests substitute the attribute with sed for other targets).
module attributes {snn.target = #snn.target<backend = "loihi2", chip = "loihi2">} {
  snn.network @pinned(%in: !snn.spikes<4>) -> !snn.spikes<2> attributes {dt = #snn.q<1 ms>} {
    %i = snn.linear %in {weight = dense<[[0.5, 0.25, 0.0, 0.0], [0.0, 0.0, 0.25, 0.5]]> : tensor<2x4xf32>} : !snn.spikes<4> -> !snn.current<2>
    %s = snn.lif(%i) {tau = #snn.q<10 ms>, r = #snn.q<10 MOhm>, v_threshold = #snn.q<1 mV>} : (!snn.current<2>) -> !snn.spikes<2>
    snn.output %s : !snn.spikes<2>
  }
}
