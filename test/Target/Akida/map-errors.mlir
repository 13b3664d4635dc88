// RUN: snnc-opt %s --split-input-file --pass-pipeline='builtin.module(snn-assign-target{chip=akida},snn.network(snn-discretize),akida-legalize,akida-map)' --verify-diagnostics
// RUN: not snnc-opt %S/Inputs/small_cnn.mlir --pass-pipeline='builtin.module(snn-assign-target{chip=akida},snn.network(snn-discretize),akida-legalize,akida-map{map-mode=fast})' 2>&1 | FileCheck %s --check-prefix=MODE
// MODE: error: akida-map: unknown map mode 'fast' (minimal or all-nps)

// Layers MetaTF's mapper would run in software are refused, with the reason.

snn.network @valid(%in: !snn.spikes<2x8x8>) -> !snn.spikes<2x6x6> attributes {dt = #snn.q<1 ms>} {
  // expected-error @+1 {{does not map onto the AKD1000's neural processors (MetaTF would run it in software): its 'Valid' padding (MetaTF maps 'Same' only)}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<2x2x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<2x8x8> -> !snn.current<2x6x6>
  %t = snn.threshold(%c) {v_threshold = #snn.q<1 mV>} : (!snn.current<2x6x6>) -> !snn.spikes<2x6x6>
  snn.output %t : !snn.spikes<2x6x6>
}

// -----

snn.network @gap(%in: !snn.spikes<64x128x128>) -> !snn.spikes<8x1x1> attributes {dt = #snn.q<1 ms>} {
  // expected-warning @+2 {{its potentials can reach 9437184, beyond the signed 20 bits (524287) Akida keeps after pooling; larger ones are clipped (written as potential_range)}}
  // expected-error @+1 {{does not map onto the AKD1000's neural processors (MetaTF would run it in software): global average pooling over an input that takes}}
  %c = snn.conv2d %in {weight = dense<1.0> : tensor<8x64x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<64x128x128> -> !snn.current<8x128x128>
  %g = snn.avg_pool2d %c {kernel_size = array<i64: 128, 128>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>} : !snn.current<8x128x128> -> !snn.current<8x1x1>
  %t = snn.threshold(%g) {v_threshold = #snn.q<1 mV>} : (!snn.current<8x1x1>) -> !snn.spikes<8x1x1>
  snn.output %t : !snn.spikes<8x1x1>
}
// RUN: snnc-opt %S/Inputs/two_devices.mlir --pass-pipeline='builtin.module(snn-assign-target{chip=akida},snn.network(snn-discretize),akida-legalize,akida-map{map-mode=minimal})' 2>&1 | FileCheck %s --check-prefix=DEVICES
// DEVICES: warning: needs 94 NPs; an AKD1000 maps 78: 2 devices
// DEVICES: akida.model @two_akida attributes {{{.*}}devices = 2 : i64
