// A convolution padded as TensorFlow's "same" with stride 2 (0 before, 1
// after): Lava's Conv pads each axis the same on both sides.
snn.network @asymmetric(%in: !snn.spikes<1x4x4>) -> !snn.spikes<1x2x2> attributes {dt = #snn.q<1 ms>} {
  %c = snn.conv2d %in {weight = dense<0.5> : tensor<1x1x3x3xf32>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0, 1, 1>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x4x4> -> !snn.current<1x2x2>
  %s = snn.if(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<1x2x2>) -> !snn.spikes<1x2x2>
  snn.output %s : !snn.spikes<1x2x2>
}
