#!/usr/bin/env python3
"""Writes examples/akida_cnn.mlir (deterministic, seed 2026).

Run from the project root with Debian's python3 (numpy):
examples/tools/gen_akida_cnn.py. The weights are random multiples of a power
of two, not a trained model: the network exercises every part of the Akida
mapping with weights and activation steps Akida holds exactly.
"""
import numpy as np

rng = np.random.default_rng(2026)


def dense(a):
    body = np.array2string(a, separator=", ", threshold=10**9,
                           max_line_width=10**9,
                           formatter={"float_kind": lambda x: repr(float(x))})
    return f"dense<{body}>"


w1 = (rng.integers(-7, 8, size=(8, 1, 3, 3)) * 0.125).astype(np.float32)
w2 = (rng.integers(-7, 8, size=(16, 8, 3, 3)) * 0.0625).astype(np.float32)
w3 = (rng.integers(-7, 8, size=(10, 16 * 7 * 7)) * 0.03125).astype(np.float32)
with open("examples/akida_cnn.mlir", "w") as f:
    f.write(f"""// An MNIST-shaped convolutional network in the form Akida 1.0 runs: a
// 28x28 8-bit image into conv 8@3x3 ('Same') -> 4-bit quantized ReLU -> 2x2
// max pooling -> conv 16@3x3 stride 2 (TensorFlow's 'Same': 0 before, 1
// after) -> 4-bit quantized ReLU -> flatten -> linear 10, whose potentials
// are the scores. One step is one image. Weights are written by
// examples/tools/gen_akida_cnn.py (random multiples of 1/8, 1/16 and 1/32:
// every weight and activation step is exact on Akida).
snn.network @akida_cnn(%img: !snn.spikes<1x28x28, graded 8>) -> !snn.current<10> attributes {{dt = #snn.q<1 ms>}} {{
  %c1 = snn.conv2d %img {{weight = {dense(w1)} : tensor<8x1x3x3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 1}} : !snn.spikes<1x28x28, graded 8> -> !snn.current<8x28x28>
  %a1 = snn.qrelu(%c1) {{v_step = #snn.q<64 mV>, bits = 4}} : (!snn.current<8x28x28>) -> !snn.spikes<8x28x28, graded 4>
  %p1 = snn.max_pool2d %a1 {{kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>}} : !snn.spikes<8x28x28, graded 4> -> !snn.spikes<8x14x14, graded 4>
  %c2 = snn.conv2d %p1 {{weight = {dense(w2)} : tensor<16x8x3x3xf32>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0, 1, 1>, dilation = array<i64: 1, 1>, groups = 1}} : !snn.spikes<8x14x14, graded 4> -> !snn.current<16x7x7>
  %a2 = snn.qrelu(%c2) {{v_step = #snn.q<2 mV>, bits = 4}} : (!snn.current<16x7x7>) -> !snn.spikes<16x7x7, graded 4>
  %f = snn.flatten %a2 : !snn.spikes<16x7x7, graded 4> -> !snn.spikes<784, graded 4>
  %l = snn.linear %f {{weight = {dense(w3)} : tensor<10x784xf32>}} : !snn.spikes<784, graded 4> -> !snn.current<10>
  snn.probe "scores" %l : !snn.current<10>
  snn.output %l : !snn.current<10>
}}
""")
