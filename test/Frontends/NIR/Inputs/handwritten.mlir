// The network of small.nir, written by hand.
snn.network @small(%in: !snn.spikes<3>) -> !snn.spikes<2>
    attributes {dt = #snn.q<1 ms>} {
  %i = snn.affine %in {weight = dense<[[1.5, 0.0, 0.5], [0.0, 1.2, 0.0]]> : tensor<2x3xf32>,
      bias = dense<0.0> : tensor<2xf32>} : !snn.spikes<3> -> !snn.current<2>
  %s = snn.lif(%i) {tau = #snn.q<20 ms>, r = #snn.q<1 MOhm>, v_leak = #snn.q<0 mV>,
      v_threshold = #snn.q<1 mV>, v_reset = #snn.q<0 mV>}
      : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
