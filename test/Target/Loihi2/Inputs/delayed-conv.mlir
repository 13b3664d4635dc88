// A delay in front of a convolution: Lava's Conv has no synaptic delays.
snn.network @delayed_conv(%in: !snn.spikes<1x3x3>) -> !snn.spikes<1x2x2>
    attributes {dt = #snn.q<1 ms>} {
  %d = snn.delay %in {delay = #snn.q<2 ms>} : !snn.spikes<1x3x3> -> !snn.spikes<1x3x3>
  %c = snn.conv2d %d {weight = dense<1.0> : tensor<1x1x2x2xf32>, stride = array<i64: 1, 1>,
      padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1}
      : !snn.spikes<1x3x3> -> !snn.current<1x2x2>
  %s = snn.if(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<1x2x2>) -> !snn.spikes<1x2x2>
  snn.output %s : !snn.spikes<1x2x2>
}
