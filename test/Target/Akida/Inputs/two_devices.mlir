// Three layers that need 94 NPs in MetaTF's Minimal mode: two AKD1000s.
snn.network @two(%in: !snn.spikes<64x256x256>) -> !snn.spikes<1024x128x128> attributes {dt = #snn.q<1 ms>} {
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<512x64x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<64x256x256> -> !snn.current<512x256x256>
  %t = snn.threshold(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<512x256x256>) -> !snn.spikes<512x256x256>
  %p = snn.max_pool2d %t {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<512x256x256> -> !snn.spikes<512x128x128>
  %c2 = snn.conv2d %p {weight = dense<1.0> : tensor<64x512x1x1xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<512x128x128> -> !snn.current<64x128x128>
  %t2 = snn.threshold(%c2) {v_threshold = #snn.q<1 mV>} : (!snn.current<64x128x128>) -> !snn.spikes<64x128x128>
  %c3 = snn.conv2d %t2 {weight = dense<1.0> : tensor<1024x64x7x7xf32>, stride = array<i64: 1, 1>, padding = array<i64: 3, 3>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<64x128x128> -> !snn.current<1024x128x128>
  %t3 = snn.threshold(%c3) {v_threshold = #snn.q<1 mV>} : (!snn.current<1024x128x128>) -> !snn.spikes<1024x128x128>
  snn.output %t3 : !snn.spikes<1024x128x128>
}
