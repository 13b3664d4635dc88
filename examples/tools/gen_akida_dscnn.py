#!/usr/bin/env python3
"""Writes examples/akida_dscnn.mlir (deterministic, seed 2026).

Run from the project root with Debian's python3 (numpy):
examples/tools/gen_akida_dscnn.py. The architecture is MetaTF's DS-CNN for
keyword spotting (akida_models' ds_cnn_kws, as the Akida user guide prints
it: 49x10 MFCC input, a 5x5 input convolution of 64 filters at stride 2,
four depthwise-separable 3x3 blocks of 64, global average pooling, 33
classes). The weights are random multiples of a power of two, not a trained
model: every weight and activation step is exact on Akida.
"""
import numpy as np

rng = np.random.default_rng(2026)


def dense(a):
    body = np.array2string(a, separator=", ", threshold=10**9,
                           max_line_width=10**9,
                           formatter={"float_kind": lambda x: repr(float(x))})
    return f"dense<{body}>"


def ints(shape, top):
    return rng.integers(-top, top + 1, size=shape)


w0 = (ints((64, 1, 5, 5), 127) / 128).astype(np.float32)
blocks = []
for i in range(4):
    dw = ints((64, 1, 3, 3), 7)
    dw[:, 0, 1, 1] = 7  # one full-scale tap per channel: one step, 1/8
    pw = ints((64, 64, 1, 1), 7)
    blocks.append(((dw / 8).astype(np.float32), (pw / 16).astype(np.float32)))
wd = (ints((33, 64), 7) / 32).astype(np.float32)

lines = []
v = "%mfcc"
t = "!snn.spikes<1x49x10, graded 8>"
lines.append(f"  %c0 = snn.conv2d {v} {{weight = {dense(w0)} : tensor<64x1x5x5xf32>, stride = array<i64: 2, 2>, padding = array<i64: 2, 1, 2, 2>, dilation = array<i64: 1, 1>, groups = 1}} : {t} -> !snn.current<64x25x5>")
lines.append("  %a0 = snn.qrelu(%c0) {v_step = #snn.q<64 mV>, bits = 4} : (!snn.current<64x25x5>) -> !snn.spikes<64x25x5, graded 4>")
v, t = "%a0", "!snn.spikes<64x25x5, graded 4>"
for i, (dw, pw) in enumerate(blocks, 1):
    lines.append(f"  %d{i} = snn.conv2d {v} {{weight = {dense(dw)} : tensor<64x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 64}} : {t} -> !snn.current<64x25x5>")
    lines.append(f"  %p{i} = snn.conv2d %d{i} {{weight = {dense(pw)} : tensor<64x64x1x1xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1}} : !snn.current<64x25x5> -> !snn.current<64x25x5>")
    if i < 4:
        lines.append(f"  %a{i} = snn.qrelu(%p{i}) {{v_step = #snn.q<1 mV>, bits = 4}} : (!snn.current<64x25x5>) -> !snn.spikes<64x25x5, graded 4>")
        v, t = f"%a{i}", "!snn.spikes<64x25x5, graded 4>"
lines.append("  %g = snn.avg_pool2d %p4 {kernel_size = array<i64: 25, 5>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>} : !snn.current<64x25x5> -> !snn.current<64x1x1>")
lines.append("  %a4 = snn.qrelu(%g) {v_step = #snn.q<0.125 mV>, bits = 4} : (!snn.current<64x1x1>) -> !snn.spikes<64x1x1, graded 4>")
lines.append("  %f = snn.flatten %a4 : !snn.spikes<64x1x1, graded 4> -> !snn.spikes<64, graded 4>")
lines.append(f"  %s = snn.linear %f {{weight = {dense(wd)} : tensor<33x64xf32>}} : !snn.spikes<64, graded 4> -> !snn.current<33>")
lines.append('  snn.probe "scores" %s : !snn.current<33>')
lines.append("  snn.output %s : !snn.current<33>")
with open("examples/akida_dscnn.mlir", "w") as f:
    f.write("""// MetaTF's DS-CNN for keyword spotting in the form Akida 1.0 runs: a 49x10
// MFCC frame of 8-bit values into a 5x5 convolution of 64 filters at stride
// 2 (TensorFlow's 'Same': [2, 1] before, [2, 2] after) and a 4-bit quantized
// ReLU, four depthwise-separable blocks (3x3 depthwise, 1x1 of 64, 4-bit
// ReLU; the last with global average pooling), and 33 scores. One step is
// one frame. Weights are written by examples/tools/gen_akida_dscnn.py
// (random multiples of 1/128, 1/8, 1/16 and 1/32, not a trained model).
snn.network @akida_dscnn(%mfcc: !snn.spikes<1x49x10, graded 8>) -> !snn.current<33> attributes {dt = #snn.q<1 ms>} {
""" + "\n".join(lines) + "\n}\n")
