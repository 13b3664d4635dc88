#!/usr/bin/env python3
"""Writes the weight blobs of the bundled examples (deterministic, seed 2026).

Run from the project root: examples/tools/gen_weights.py. Prints nothing;
rewrites examples/lif_classifier.mlir and examples/conv_snn.mlir.
"""
import random
import struct

rng = random.Random(2026)


def normal(std, *shape):
    n = 1
    for d in shape:
        n *= d
    return [rng.gauss(0.0, std) for _ in range(n)]


def blob(values):
    # MLIR resource blobs start with their alignment as a 32-bit integer.
    data = struct.pack("<I", 4) + struct.pack("<%df" % len(values), *values)
    return "0x" + data.hex().upper()


w1 = normal(0.35, 32, 64)
w2 = normal(0.5, 10, 32)
with open("examples/lif_classifier.mlir", "w") as f:
    f.write(f"""// A feed-forward LIF classifier with explicit weights: an 8x8 spike image,
// 32 hidden LIF neurons, 10 leaky integrators as the readout. The weights are
// float32 resource blobs written by examples/tools/gen_weights.py.
snn.network @lif_classifier(%image: !snn.spikes<8x8>) -> !snn.current<10>
    attributes {{dt = #snn.q<1 ms>}} {{
  %flat = snn.flatten %image : !snn.spikes<8x8> -> !snn.spikes<64>
  %i1 = snn.linear %flat {{weight = dense_resource<fc1_weight> : tensor<32x64xf32>}}
      : !snn.spikes<64> -> !snn.current<32>
  %h = snn.lif(%i1) {{tau = #snn.q<10 ms>, r = #snn.q<10 MOhm>,
      v_leak = #snn.q<0 mV>, v_threshold = #snn.q<1 mV>, v_reset = #snn.q<0 mV>,
      reset = #snn.reset<subtract>}} : (!snn.current<32>) -> !snn.spikes<32>
  %i2 = snn.linear %h {{weight = dense_resource<fc2_weight> : tensor<10x32xf32>}}
      : !snn.spikes<32> -> !snn.current<10>
  %out = snn.li(%i2) {{tau = #snn.q<20 ms>, r = #snn.q<20 MOhm>}}
      : (!snn.current<10>) -> !snn.current<10>
  snn.probe "hidden.spikes" %h : !snn.spikes<32>
  snn.probe "hidden.v" %h {{state = "v"}} : !snn.spikes<32>
  snn.output %out : !snn.current<10>
}}

{{-#
  dialect_resources: {{
    builtin: {{
      fc1_weight: "{blob(w1)}",
      fc2_weight: "{blob(w2)}"
    }}
  }}
#-}}
""")

k1 = normal(0.3, 8, 2, 3, 3)
k2 = normal(0.2, 16, 8, 3, 3)
fc = normal(0.1, 10, 256)
with open("examples/conv_snn.mlir", "w") as f:
    f.write(f"""// A convolutional SNN for 2-polarity 16x16 event frames (DVS-style):
// conv 8@3x3 (padding 1) -> IF -> sum-pool 2x2 -> threshold -> conv 16@3x3
// (stride 2, padding 1) -> IF -> flatten -> linear 10 -> LIF. Each conv
// stores its kernel once, never the expanded synapses. Weights are written by
// examples/tools/gen_weights.py.
snn.network @conv_snn(%events: !snn.spikes<2x16x16>) -> !snn.spikes<10>
    attributes {{dt = #snn.q<1 ms>}} {{
  %c1 = snn.conv2d %events {{weight = dense_resource<conv1_weight> : tensor<8x2x3x3xf32>,
      stride = array<i64: 1, 1>, padding = array<i64: 1, 1>,
      dilation = array<i64: 1, 1>, groups = 1}}
      : !snn.spikes<2x16x16> -> !snn.current<8x16x16>
  %s1 = snn.if(%c1) {{v_threshold = #snn.q<1 mV>, reset = #snn.reset<subtract>}}
      : (!snn.current<8x16x16>) -> !snn.spikes<8x16x16>
  %p1 = snn.sum_pool2d %s1 {{kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>,
      padding = array<i64: 0, 0>}} : !snn.spikes<8x16x16> -> !snn.current<8x8x8>
  %t1 = snn.threshold(%p1) {{v_threshold = #snn.q<0.5 mV>}}
      : (!snn.current<8x8x8>) -> !snn.spikes<8x8x8>
  %c2 = snn.conv2d %t1 {{weight = dense_resource<conv2_weight> : tensor<16x8x3x3xf32>,
      bias = dense<0.01> : tensor<16xf32>,
      stride = array<i64: 2, 2>, padding = array<i64: 1, 1>,
      dilation = array<i64: 1, 1>, groups = 1}}
      : !snn.spikes<8x8x8> -> !snn.current<16x4x4>
  %s2 = snn.if(%c2) {{v_threshold = #snn.q<1 mV>, reset = #snn.reset<subtract>}}
      : (!snn.current<16x4x4>) -> !snn.spikes<16x4x4>
  %flat = snn.flatten %s2 : !snn.spikes<16x4x4> -> !snn.spikes<256>
  %i3 = snn.linear %flat {{weight = dense_resource<fc_weight> : tensor<10x256xf32>}}
      : !snn.spikes<256> -> !snn.current<10>
  %out = snn.lif(%i3) {{tau = #snn.q<5 ms>, r = #snn.q<5 MOhm>, v_threshold = #snn.q<1 mV>}}
      : (!snn.current<10>) -> !snn.spikes<10>
  snn.output %out : !snn.spikes<10>
}}

{{-#
  dialect_resources: {{
    builtin: {{
      conv1_weight: "{blob(k1)}",
      conv2_weight: "{blob(k2)}",
      fc_weight: "{blob(fc)}"
    }}
  }}
#-}}
""")
