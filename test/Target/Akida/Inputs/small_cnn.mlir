// A small image classifier in the architecture Akida 1.0 runs, every weight
// and activation step exactly representable: an 8-bit 1x8x8 image into an
// InputConvolutional (4 filters 3x3, 'Same', 2-bit ReLU, max pooling 2x2),
// a Convolutional (4 filters 3x3, stride 2, TensorFlow's 'Same': 0 before,
// 1 after; a one-bit threshold), and a FullyConnected layer of 3 units that
// outputs its potentials.
snn.network @small_cnn(%img: !snn.spikes<1x8x8, graded 8>) -> !snn.current<3> attributes {dt = #snn.q<1 ms>} {
  %c1 = snn.conv2d %img {weight = dense<[[[[0.25, 0.5, 0.25], [0.0, 0.75, 0.0], [-0.25, 0.0, 0.25]]], [[[0.0, -0.5, 0.0], [0.5, 0.5, 0.5], [0.0, -0.5, 0.0]]], [[[0.75, 0.0, -0.75], [0.25, 0.0, -0.25], [0.5, 0.0, -0.5]]], [[[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]]]> : tensor<4x1x3x3xf32>, bias = dense<[0.0, 8.0, -4.0, 0.0]> : tensor<4xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x8x8, graded 8> -> !snn.current<4x8x8>
  %a1 = snn.qrelu(%c1) {v_step = #snn.q<128 mV>, v_threshold = #snn.q<64 mV>, bits = 2} : (!snn.current<4x8x8>) -> !snn.spikes<4x8x8, graded 2>
  %p1 = snn.max_pool2d %a1 {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<4x8x8, graded 2> -> !snn.spikes<4x4x4, graded 2>
  %c2 = snn.conv2d %p1 {weight = dense<[[[[1.0, 0.0, -1.0], [1.0, 0.0, -1.0], [1.0, 0.0, -1.0]], [[0.0, 1.0, 0.0], [0.0, 1.0, 0.0], [0.0, 1.0, 0.0]], [[1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [-1.0, -1.0, -1.0]], [[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]], [[[-1.0, 0.0, 1.0], [0.0, 0.0, 0.0], [1.0, 0.0, -1.0]], [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], [[0.0, -1.0, 0.0], [-1.0, 1.0, -1.0], [0.0, -1.0, 0.0]], [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]], [[[0.0, 0.0, 0.0], [1.0, 1.0, 1.0], [0.0, 0.0, 0.0]], [[0.0, 1.0, 0.0], [1.0, -1.0, 1.0], [0.0, 1.0, 0.0]], [[1.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 1.0]], [[-1.0, -1.0, -1.0], [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]], [[[1.0, -1.0, 1.0], [-1.0, 1.0, -1.0], [1.0, -1.0, 1.0]], [[0.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 1.0]], [[1.0, 1.0, 0.0], [1.0, 0.0, -1.0], [0.0, -1.0, -1.0]]]]> : tensor<4x4x3x3xf32>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0, 1, 1>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<4x4x4, graded 2> -> !snn.current<4x2x2>
  %t2 = snn.threshold(%c2) {v_threshold = #snn.q<2.5 mV>} : (!snn.current<4x2x2>) -> !snn.spikes<4x2x2>
  %f = snn.flatten %t2 : !snn.spikes<4x2x2> -> !snn.spikes<16>
  %l = snn.linear %f {weight = dense<[[0.5, -0.5, 0.25, 0.0, 0.75, -0.25, 0.5, 0.5, -0.75, 0.25, 0.0, 0.5, 0.25, -0.5, 0.75, 0.0], [0.0, 0.25, -0.5, 0.5, 0.0, 0.75, -0.25, 0.25, 0.5, 0.0, -0.75, 0.25, 0.5, 0.5, 0.0, -0.25], [-0.25, 0.0, 0.5, 0.25, -0.5, 0.0, 0.25, -0.75, 0.0, 0.5, 0.25, 0.0, -0.25, 0.75, 0.5, 0.25]]> : tensor<3x16xf32>} : !snn.spikes<16> -> !snn.current<3>
  snn.output %l : !snn.current<3>
}
