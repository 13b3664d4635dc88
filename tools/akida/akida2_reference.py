#!/usr/bin/env python3
"""Akida 2.0 layers in integer numpy, as BrainChip's MetaTF software backend
(`akida` 2.19.3) computes them.

usage: akida2_reference.py --selftest

The four layers InputConv2D, Conv2D, DepthwiseConv2D and Dense1D, one
function each (v2_input_conv2d, v2_conv2d, v2_dwconv2d, v2_dense1d). They
need numpy only; `akida` is not imported. docs/targets/akida-2.md states
the semantics these functions implement, the parameters MetaTF accepts and
the corners where MetaTF's own output follows no rule.

Conventions:
  - Activations are numpy arrays (N, X, Y, C), as MetaTF's `forward` takes
    and returns them: axis 1 is MetaTF's x ("width", input_shape[0]), axis 2
    its y. Any integer dtype; all arithmetic is int64. Results are int64.
  - `v` is a dict of the layer's variables under MetaTF's names (`weights`,
    `bias`, `bias_shift`, `input_shift`, `output_scales`, `output_shift`,
    `max_value`, `max_value_shift`, `padding_value`), with MetaTF's shapes:
    weights (K, K, Cin, F) for InputConv2D/Conv2D, (K, K, C, 1) for
    DepthwiseConv2D, (X*Y*C, U) for Dense1D.
  - padding: 'valid', 'same' (Padding.Same, TensorFlow's SAME) or
    'same_upper' (Padding.SameUpper). pool_type: 'none', 'max' or
    'average' (MetaTF's Average: a global, saturating sum).
  - relu: True for ActivationType.ReLU, False for NoActivation. The LUT
    activation is not modelled here.

Every output element of these functions equals MetaTF's `forward` on
random configurations (docs/targets/akida-2.md, "Verification"), outside
the broken corners that document lists.
"""
import sys

import numpy as np

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def sat(v, bits):
    """Signed saturation to `bits` bits: clip to [-2^(bits-1), 2^(bits-1)-1]."""
    return np.clip(v, -(1 << (bits - 1)), (1 << (bits - 1)) - 1)


def usat(v, bits):
    """Unsigned saturation to `bits` bits: clip to [0, 2^bits - 1]."""
    return np.clip(v, 0, (1 << bits) - 1)


def wrap32(v):
    """Two's-complement int32 wrap-around (the Conv2D/DepthwiseConv2D
    accumulator is an int32)."""
    return ((v + (1 << 31)) % (1 << 32)) - (1 << 31)


def shift_round(v, s):
    """MetaTF's shift by a signed amount s (per element, |s| <= 31):
    s > 0 shifts left (no saturation), s < 0 shifts right by -s rounding
    half up, (v + 2^(-s-1)) >> -s with an arithmetic shift, s = 0 is v."""
    v = np.asarray(v, np.int64)
    s = np.asarray(s, np.int64)
    left = v << np.maximum(s, 0)
    r = np.maximum(-s, 0)
    half = np.where(r > 0, np.left_shift(np.int64(1), np.maximum(r - 1, 0)), 0)
    right = (v + half) >> r
    return np.where(s > 0, left, np.where(s < 0, right, v))


def _pair(s):
    return (s, s) if np.isscalar(s) else tuple(s)


def out_size(n, k, s, padding):
    """Output length along one axis: Valid (n-k)//s + 1, Same and SameUpper
    ceil(n/s)."""
    if padding == 'valid':
        return (n - k) // s + 1
    return -(-n // s)


def pad_before(n, k, s, padding):
    """Convolution padding before the data along one axis (the rest of the
    window's reach goes after it).  Same: TensorFlow's rule, half the total
    rounded down, the odd unit after.  SameUpper: (k-1)//2 whatever n and s;
    MetaTF follows no rule for SameUpper with an even kernel, refused."""
    if padding == 'valid':
        return 0
    if padding == 'same_upper':
        if k % 2 == 0:
            raise ValueError('SameUpper with an even kernel follows no rule in MetaTF')
        return k // 2
    o = -(-n // s)
    return max((o - 1) * s + k - n, 0) // 2


def _padded(x, KX, KY, sx, sy, padding, pad_value):
    N, X, Y, C = x.shape
    OX, OY = out_size(X, KX, sx, padding), out_size(Y, KY, sy, padding)
    px, py = pad_before(X, KX, sx, padding), pad_before(Y, KY, sy, padding)
    ex = max(0, (OX - 1) * sx + KX - px - X)
    ey = max(0, (OY - 1) * sy + KY - py - Y)
    xp = np.empty((N, X + px + ex, Y + py + ey, C), np.int64)
    xp[:] = np.asarray(pad_value, np.int64)
    xp[:, px:px + X, py:py + Y, :] = x
    return xp, OX, OY


def im2col_conv(x, w, s, padding, flip, pad_value=0):
    """Exact sums of products, (N, OX, OY, F).  x (N,X,Y,C), w (KX,KY,C,F).
    flip=True: true convolution (the kernel applied rotated by 180 degrees,
    Conv2D); flip=False: cross-correlation (InputConv2D).  pad_value: a
    scalar or one value per channel."""
    x = x.astype(np.int64)
    w = w.astype(np.int64)
    if flip:
        w = w[::-1, ::-1]
    KX, KY = w.shape[:2]
    sx, sy = _pair(s)
    xp, OX, OY = _padded(x, KX, KY, sx, sy, padding, pad_value)
    out = np.zeros((x.shape[0], OX, OY, w.shape[3]), np.int64)
    for i in range(OX):
        for j in range(OY):
            out[:, i, j, :] = np.einsum(
                'nabc,abcf->nf', xp[:, i * sx:i * sx + KX, j * sy:j * sy + KY, :], w)
    return out


def dw_conv(x, w, s, padding, flip):
    """Depthwise exact sums, (N, OX, OY, C).  w (KX, KY, C); zero padding."""
    x = x.astype(np.int64)
    w = w.astype(np.int64)
    if flip:
        w = w[::-1, ::-1]
    KX, KY = w.shape[:2]
    sx, sy = _pair(s)
    xp, OX, OY = _padded(x, KX, KY, sx, sy, padding, 0)
    out = np.zeros((x.shape[0], OX, OY, x.shape[3]), np.int64)
    for i in range(OX):
        for j in range(OY):
            out[:, i, j, :] = np.einsum(
                'nabc,abc->nc', xp[:, i * sx:i * sx + KX, j * sy:j * sy + KY, :], w)
    return out


def max_pool(p, ps, pst, padding):
    """Max pooling with the layer's padding type, windows ps at stride pst.
    Valid: (n-ps)//pst + 1 windows from 0.  Same: ceil(n/pst) windows, the
    first at -(TensorFlow's pad before).  SameUpper: ceil(n/pst) windows,
    the first at -((ps-1)//2).  Taps outside the data take no part in a
    window (they never win)."""
    N, X, Y, F = p.shape
    psx, psy = _pair(ps)
    stx, sty = _pair(pst)
    if padding == 'valid':
        OX, OY = (X - psx) // stx + 1, (Y - psy) // sty + 1
        bx = by = 0
    else:
        OX, OY = -(-X // stx), -(-Y // sty)
        if padding == 'same_upper':
            bx, by = (psx - 1) // 2, (psy - 1) // 2
        else:
            bx = max((OX - 1) * stx + psx - X, 0) // 2
            by = max((OY - 1) * sty + psy - Y, 0) // 2
    out = np.zeros((N, OX, OY, F), np.int64)
    for i in range(OX):
        for j in range(OY):
            x0, x1 = max(i * stx - bx, 0), min(i * stx - bx + psx, X)
            y0, y1 = max(j * sty - by, 0), min(j * sty - by + psy, Y)
            out[:, i, j, :] = p[:, x0:x1, y0:y1, :].max(axis=(1, 2))
    return out


def seq_sat_sum(p, bits):
    """Global sum with saturation to `bits` after every addition, x the
    outer loop and y the inner one, from 0.  Returns (N, 1, 1, F)."""
    N, X, Y, F = p.shape
    acc = np.zeros((N, F), np.int64)
    for i in range(X):
        for j in range(Y):
            acc = sat(acc + p[:, i, j, :], bits)
    return acc[:, None, None, :]


# ---------------------------------------------------------------------------
# Akida 2.0 layers
# ---------------------------------------------------------------------------


def v2_bias(v, pob):
    """The bias term: sat_pob(bias << bias_shift), per filter."""
    return sat(v['bias'].astype(np.int64) << v['bias_shift'].astype(np.int64), pob)


def v2_post(acc, v, pool_type, pool_size, pool_stride, padding, relu, buffer_bits,
            post_op_buffer_bits, output_bits, bias_in_buffer=False, acc_wrap32=True):
    """Everything after the sums of products.  acc: exact sums (N,X,Y,F).
    bias_in_buffer (InputConv2D): the bias is added before the buffer_bits
    saturation, otherwise after it.  acc_wrap32 (Conv2D, DepthwiseConv2D):
    the sums wrap as int32 first; Dense1D's do not."""
    pob = post_op_buffer_bits
    if acc_wrap32:
        acc = wrap32(acc)
    B = v2_bias(v, pob)
    if bias_in_buffer:
        a = sat(sat(acc + B, buffer_bits), pob)
    else:
        a = sat(sat(acc, buffer_bits) + B, pob)
    if relu:  # per position, before pooling
        M = v['max_value'].astype(np.int64) << v['max_value_shift'].astype(np.int64)
        a = np.minimum(np.maximum(a, 0), M)
    if pool_type == 'max':
        a = max_pool(a, pool_size, pool_stride, padding)
    elif pool_type == 'average':  # a global sum, no division
        a = seq_sat_sum(a, pob)
    a = sat(a * v['output_scales'].astype(np.int64), pob)
    a = shift_round(a, v['output_shift'].astype(np.int64))
    if output_bits <= 4:
        return usat(a, output_bits)
    return sat(a, output_bits)


def v2_input_conv2d(x, v, kernel_stride, padding, **post):
    """InputConv2D: x uint8 values (N,X,Y,C), C 1 or 3.  Cross-correlation,
    padded taps read padding_value[c]; no input_shift.
    post: pool_type, pool_size, pool_stride, relu, buffer_bits,
    post_op_buffer_bits, output_bits."""
    acc = im2col_conv(x, v['weights'], kernel_stride, padding, flip=False,
                      pad_value=v['padding_value'])
    return v2_post(acc, v, padding=padding, bias_in_buffer=True, **post)


def v2_conv2d(x, v, kernel_stride, padding, **post):
    """Conv2D: inputs shifted by input_shift[c] and saturated to
    buffer_bits, true convolution with zero padding, int32 accumulator."""
    xs = sat(x.astype(np.int64) << v['input_shift'].astype(np.int64), post['buffer_bits'])
    acc = im2col_conv(xs, v['weights'], kernel_stride, padding, flip=True)
    return v2_post(acc, v, padding=padding, **post)


def v2_dwconv2d(x, v, kernel_stride, padding, **post):
    """DepthwiseConv2D: as Conv2D, one (K,K) kernel per channel."""
    xs = sat(x.astype(np.int64) << v['input_shift'].astype(np.int64), post['buffer_bits'])
    acc = dw_conv(xs, v['weights'][..., 0], kernel_stride, padding, flip=True)
    return v2_post(acc, v, padding=padding, **post)


def v2_dense1d(x, v, **post):
    """Dense1D: the input flattened in C order over (x, y, c), element
    (x*Y + y)*C + c; input_shift per flattened element; exact accumulator
    (no int32 wrap).  Returns (N, 1, 1, U).  post: relu, buffer_bits,
    post_op_buffer_bits, output_bits."""
    N = x.shape[0]
    xf = sat(x.astype(np.int64).reshape(N, -1) << v['input_shift'].astype(np.int64),
             post['buffer_bits'])
    acc = (xf @ v['weights'].astype(np.int64)).reshape(N, 1, 1, -1)
    return v2_post(acc, v, pool_type='none', pool_size=-1, pool_stride=-1, padding='valid',
                   acc_wrap32=False, **post)


# ---------------------------------------------------------------------------
# self-test: cases worked out by hand
# ---------------------------------------------------------------------------


def _vars(F, **kw):
    """Neutral variables for F filters (MetaTF's defaults), overridden by kw."""
    v = dict(bias=np.zeros(F, np.int8), bias_shift=np.zeros(F, np.uint8),
             output_scales=np.ones(F, np.uint8), output_shift=np.zeros(F, np.int8),
             max_value=np.full(F, 127, np.uint8), max_value_shift=np.full(F, 31, np.uint8))
    v.update({k: np.asarray(a) for k, a in kw.items()})
    return v


def _post(**kw):
    p = dict(pool_type='none', pool_size=-1, pool_stride=-1, relu=False, buffer_bits=32,
             post_op_buffer_bits=32, output_bits=32)
    p.update(kw)
    return p


def _cases():
    """(name, computed, expected) triples."""
    c = []
    img = np.array([0, 0, 0, 0, 1, 0, 0, 0, 0], np.uint8).reshape(1, 3, 3, 1)
    k = np.arange(1, 10, dtype=np.int8).reshape(3, 3, 1, 1)

    # An impulse at the centre of a 3x3 input, Same padding, 3x3 kernel
    # 1..9: a true convolution (Conv2D) returns the kernel as stored, a
    # cross-correlation (InputConv2D) returns it rotated by 180 degrees.
    got = v2_conv2d(img, _vars(1, weights=k, input_shift=np.zeros(1, np.uint8)), 1, 'same',
                    **_post())
    c.append(('Conv2D flips the kernel', got[0, :, :, 0], k[:, :, 0, 0]))
    got = v2_input_conv2d(img, _vars(1, weights=k, padding_value=np.zeros(1, np.uint8)), 1,
                          'same', **_post())
    c.append(('InputConv2D correlates', got[0, :, :, 0], k[::-1, ::-1, 0, 0]))

    # Same padding: n=6, k=3, s=2 gives 3 outputs with pads (0, 1); n=5
    # gives 3 with pads (1, 1).  SameUpper pads (k-1)//2 = 1 before either way.
    c.append(('Same n=6 k=3 s=2', (out_size(6, 3, 2, 'same'), pad_before(6, 3, 2, 'same')),
              (3, 0)))
    c.append(('Same n=5 k=3 s=2', (out_size(5, 3, 2, 'same'), pad_before(5, 3, 2, 'same')),
              (3, 1)))
    c.append(('SameUpper n=6 k=3 s=2', pad_before(6, 3, 2, 'same_upper'), 1))

    # InputConv2D padding_value per channel: a 1x1 input [1, 2, 0], 3x3
    # kernel of ones, channels padded with 10, 20 and 0:
    # 1 + 8*10 + 2 + 8*20 + 0 = 243.
    x = np.array([1, 2, 0], np.uint8).reshape(1, 1, 1, 3)
    w = np.ones((3, 3, 3, 1), np.int8)
    got = v2_input_conv2d(x, _vars(1, weights=w, padding_value=np.array([10, 20, 0], np.uint8)),
                          1, 'same', **_post())
    c.append(('InputConv2D per-channel padding_value', int(got[0, 0, 0, 0]), 243))

    # Conv2D 1x1 with one input 127 << 24 = 2130706432 (input_shift 24)
    # and weight 127: 127*127*2^24 = 16129*2^24, and 16129 = 63*256 + 1,
    # so the int32 accumulator holds 1*2^24 = 16777216.  Dense1D keeps the
    # exact sum and saturates it to buffer_bits=32: 2^31 - 1.
    x = np.full((1, 1, 1, 1), 127, np.int8)
    w = np.full((1, 1, 1, 1), 127, np.int8)
    v = _vars(1, weights=w, input_shift=np.array([24], np.uint8))
    c.append(('Conv2D int32 wrap', int(v2_conv2d(x, v, 1, 'valid', **_post())[0, 0, 0, 0]),
              16777216))
    v = _vars(1, weights=w.reshape(1, 1), input_shift=np.array([24], np.uint8))
    c.append(('Dense1D no wrap', int(v2_dense1d(x, v, relu=False, buffer_bits=32,
                                                post_op_buffer_bits=32,
                                                output_bits=32)[0, 0, 0, 0]), 2**31 - 1))

    # input_shift saturates to buffer_bits: 100 << 2 = 400 -> 127 at 8 bits.
    x = np.full((1, 1, 1, 1), 100, np.int8)
    v = _vars(1, weights=np.ones((1, 1, 1, 1), np.int8), input_shift=np.array([2], np.uint8))
    c.append(('input_shift saturates to buffer_bits',
              int(v2_conv2d(x, v, 1, 'valid', **_post(buffer_bits=8))[0, 0, 0, 0]), 127))

    # Bias placement, buffer_bits 8, sum 100, bias 50 << 1 = 100:
    # InputConv2D sat8(100 + 100) = 127; Conv2D sat8(100) + 100 = 200.
    x = np.full((1, 1, 1, 1), 100, np.uint8)
    w = np.ones((1, 1, 1, 1), np.int8)
    b = dict(bias=np.array([50], np.int8), bias_shift=np.array([1], np.uint8))
    got = v2_input_conv2d(x, _vars(1, weights=w, padding_value=np.zeros(1, np.uint8), **b), 1,
                          'valid', **_post(buffer_bits=8))
    c.append(('InputConv2D bias inside the buffer', int(got[0, 0, 0, 0]), 127))
    got = v2_conv2d(x, _vars(1, weights=w, input_shift=np.zeros(1, np.uint8), **b), 1, 'valid',
                    **_post(buffer_bits=8))
    c.append(('Conv2D bias after the buffer', int(got[0, 0, 0, 0]), 200))

    # ReLU clips to [0, max_value << max_value_shift] = [0, 3 << 2 = 12].
    x = np.array([-5, 7, 20], np.int8).reshape(1, 1, 3, 1)
    v = _vars(1, weights=np.ones((1, 1, 1, 1), np.int8), input_shift=np.zeros(1, np.uint8),
              max_value=np.array([3], np.uint8), max_value_shift=np.array([2], np.uint8))
    got = v2_conv2d(x, v, 1, 'valid', **_post(relu=True))
    c.append(('ReLU with max_value', got[0, 0, :, 0].tolist(), [0, 7, 12]))

    # The global average is a sum saturated after every addition, x outer,
    # y inner: [[100, 100], [-100, 0]] at post_op_buffer_bits 8 is
    # 100, sat(200) = 127, 27, 27 (the exact sum would be 100).
    x = np.array([[100, 100], [-100, 0]], np.int8).reshape(1, 2, 2, 1)
    v = _vars(1, weights=np.ones((1, 1, 1, 1), np.int8), input_shift=np.zeros(1, np.uint8))
    got = v2_conv2d(x, v, 1, 'valid', **_post(pool_type='average', post_op_buffer_bits=8))
    c.append(('global average: saturating sum', (got.shape, int(got[0, 0, 0, 0])),
              ((1, 1, 1, 1), 27)))

    # Max pooling, Same, window 3 stride 2 over [1, 9, 2, 3, 8, 4]: 3 windows,
    # pad before 0, windows [0..2], [2..4], [4..5] -> 9, 8, 8.  Valid: 2
    # windows [0..2], [2..4] -> 9, 8.  SameUpper: first window at -1:
    # [0..1], [1..3], [3..5] -> 9, 9, 8.
    p = np.array([1, 9, 2, 3, 8, 4], np.int64).reshape(1, 6, 1, 1)
    c.append(('max pool Same', max_pool(p, (3, 1), (2, 1), 'same').ravel().tolist(), [9, 8, 8]))
    c.append(('max pool Valid', max_pool(p, (3, 1), (2, 1), 'valid').ravel().tolist(), [9, 8]))
    c.append(('max pool SameUpper', max_pool(p, (3, 1), (2, 1), 'same_upper').ravel().tolist(),
              [9, 9, 8]))

    # output_shift < 0 shifts right rounding half up: 479 >> 1 = 240,
    # -15135 >> 3 = floor(-15131 / 8) = -1892, -3 >> 1 = floor(-2 / 2) = -1,
    # -5 >> 1 = floor(-4 / 2) = -2.
    c.append(('rounding right shift',
              shift_round(np.array([479, -15135, -3, -5]), np.array([-1, -3, -1, -1])).tolist(),
              [240, -1892, -1, -2]))

    # output_scales then saturation to post_op_buffer_bits 12 (2047), then a
    # left shift that is not saturated: 2047 << 3 = 16376.
    x = np.full((1, 1, 1, 1), 100, np.int8)
    v = _vars(1, weights=np.ones((1, 1, 1, 1), np.int8), input_shift=np.zeros(1, np.uint8),
              output_scales=np.array([50], np.uint8), output_shift=np.array([3], np.int8))
    got = v2_conv2d(x, v, 1, 'valid', **_post(post_op_buffer_bits=12))
    c.append(('scale, saturate, left shift', int(got[0, 0, 0, 0]), 16376))

    # The final clip: output_bits 4 is unsigned [0, 15], 5 is signed
    # [-16, 15], whatever the activation.
    x = np.array([-20, -5, 9, 20], np.int8).reshape(1, 1, 4, 1)
    v = _vars(1, weights=np.ones((1, 1, 1, 1), np.int8), input_shift=np.zeros(1, np.uint8))
    c.append(('output_bits 4 unsigned',
              v2_conv2d(x, v, 1, 'valid', **_post(output_bits=4)).ravel().tolist(),
              [0, 0, 9, 15]))
    c.append(('output_bits 5 signed',
              v2_conv2d(x, v, 1, 'valid', **_post(output_bits=5)).ravel().tolist(),
              [-16, -5, 9, 15]))

    # Dense1D flattens (x, y, c) in C order: element (x*Y + y)*C + c.  In a
    # (2, 2, 2) input holding 1, 2, 4, ..., -128 in C order, element
    # (x=1, y=0, c=1) is number (1*2 + 0)*2 + 1 = 5, i.e. 32; a weight of 1
    # in row 5 only picks it.
    x = np.array([1, 2, 4, 8, 16, 32, 64, -128], np.int8).reshape(1, 2, 2, 2)
    w = np.zeros((8, 1), np.int8)
    w[5, 0] = 1
    v = _vars(1, weights=w, input_shift=np.zeros(8, np.uint8))
    got = v2_dense1d(x, v, relu=False, buffer_bits=28, post_op_buffer_bits=32, output_bits=8)
    c.append(('Dense1D C-order flatten', (got.shape, int(got[0, 0, 0, 0])), ((1, 1, 1, 1), 32)))

    # DepthwiseConv2D: one kernel per channel, flipped.  A 1x3 input per
    # channel [1, 0, 0] / [0, 0, 1] with kernels [1, 2, 3] / [4, 5, 6]
    # along y, Valid, gives sum x[b] * k[2-b]: 1*3 = 3 and 1*4 = 4.
    x = np.array([[1, 0], [0, 0], [0, 1]], np.int8).reshape(1, 1, 3, 2)
    w = np.array([[1, 4], [2, 5], [3, 6]], np.int8).reshape(1, 3, 2, 1)
    v = _vars(2, weights=w, input_shift=np.zeros(2, np.uint8))
    got = v2_dwconv2d(x, v, 1, 'valid', **_post())
    c.append(('DepthwiseConv2D per channel, flipped', got.ravel().tolist(), [3, 4]))
    return c


def selftest():
    failed = 0
    cases = _cases()
    for name, got, want in cases:
        ok = np.array_equal(got, want) if isinstance(got, np.ndarray) else got == want
        if not ok:
            failed += 1
            print(f'FAIL {name}: got {got!r}, expected {want!r}')
    print(f'{len(cases) - failed} of {len(cases)} cases as worked out by hand')
    return 1 if failed else 0


if __name__ == '__main__':
    if sys.argv[1:] == ['--selftest']:
        sys.exit(selftest())
    print(__doc__.split('\n\n')[1], file=sys.stderr)
    sys.exit(2)
