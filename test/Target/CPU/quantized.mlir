// RUN: snnc %s --target=cpu -o %t.snnx
// RUN: snn-run %t.snnx --dump | FileCheck %s --check-prefix=IMAGE
// RUN: snn-run %t.snnx --steps 3 --input 0=%S/Inputs/quantized.csv --spikes %t.csv --quiet
// RUN: FileCheck %s --input-file %t.csv

// A stride-2 convolution padded 0 before and 1 after (TensorFlow's "same"),
// a 2-bit quantized ReLU and a max pooling of its graded spikes, worked by
// hand. Step 0, every pixel: channel 0 sums 4 pixels, floor(4 + 0.5) = 4
// saturates at 3; channel 1 gives 1 at three of its four positions. Step 1,
// pixel (3, 3): 1 in both channels (positions (1, 1)). Step 2, pixel (2, 2):
// channel 0 gives 1 at (1, 1); channel 1 gets -1 at (0, 0), no spike.

// IMAGE-LABEL: conv2d
// IMAGE:         padding: i64[2] 0 0
// IMAGE-LABEL: qrelu
// IMAGE:         bits: i64[1] 2
// IMAGE:         payload_bits: i64[1] 2
// IMAGE-LABEL: max_pool2d
// IMAGE:         kernel_size: i64[2] 2 2

// CHECK:      step,output,index,payload
// CHECK-NEXT: 0,0,0,3
// CHECK-NEXT: 0,0,1,1
// CHECK-NEXT: 1,0,0,1
// CHECK-NEXT: 1,0,1,1
// CHECK-NEXT: 2,0,0,1
// CHECK-EMPTY:

snn.network @quantized(%in: !snn.spikes<1x4x4>) -> !snn.spikes<2x1x1, graded 2> attributes {dt = #snn.q<1 ms>} {
  %c = snn.conv2d %in {weight = dense<[[[[1.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 0.0]]], [[[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, -1.0]]]]> : tensor<2x1x3x3xf32>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0, 1, 1>, dilation = array<i64: 1, 1>, groups = 1, weight_bits = 2} : !snn.spikes<1x4x4> -> !snn.current<2x2x2>
  %q = snn.qrelu(%c) {v_step = #snn.q<1 mV>, v_threshold = #snn.q<-0.5 mV>, bits = 2} : (!snn.current<2x2x2>) -> !snn.spikes<2x2x2, graded 2>
  %m = snn.max_pool2d %q {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<2x2x2, graded 2> -> !snn.spikes<2x1x1, graded 2>
  snn.output %m : !snn.spikes<2x1x1, graded 2>
}
