"""Writes small Akida artifacts (docs/formats/akida.md), their inputs and the
outputs MetaTF's Akida 1.0 integer semantics give for them (an independent
numpy model below), and one broken variant per message of the reader.

usage: artifacts.py OUT_DIR

tiny (worked by hand in run.test): an InputConvolutional layer (4x4x1,
  3x3 kernel, stride 2, Same: no padding before, one after, padding value
  1; 2-bit activation) and a FullyConnected layer without activation (its
  potentials are the output); tiny1 is its first layer alone.
chain: InputConvolutional (Max pool) -> Convolutional (Valid) ->
  SeparableConvolutional (stride 2, global Average pool) -> FullyConnected
  without activation; random weights, thresholds and steps.
binary: 1-bit input -> Convolutional (1-bit weights, Max pool, stride 2)
  -> SeparableConvolutional (Valid) -> FullyConnected with a 4-bit
  activation (graded spikes out).
flat: a [N] input -> FullyConnected -> FullyConnected (potentials).
Each random model gets NAME.inputs.npy (samples x input elements, the
network's flat order) and NAME.expected.npy (samples x output elements).
"""
import copy
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "..", "..", "tools", "akida"))
import akida_artifact as aa  # noqa: E402

# ---------------------------------------------------------------------------
# Akida 1.0 integer semantics, on (N, X, Y, C) int64 arrays
# ---------------------------------------------------------------------------


def sat(v, bits):
    return np.clip(v, -(1 << (bits - 1)), (1 << (bits - 1)) - 1)


def wrap32(v):
    return ((v + (1 << 31)) % (1 << 32)) - (1 << 31)


def conv(x, w, stride, padding, flip, pad_value=0):
    """w (KX, KY, C, F); flip: a true convolution (kernel rotated 180
    degrees), else a cross-correlation."""
    x, w = x.astype(np.int64), w.astype(np.int64)
    if flip:
        w = w[::-1, ::-1]
    N, X, Y, C = x.shape
    KX, KY = w.shape[:2]
    sx, sy = stride
    OX, OY = (aa.window_output(X, KX, sx, padding),
              aa.window_output(Y, KY, sy, padding))
    px, py = (aa.padding_before(X, KX, sx, padding),
              aa.padding_before(Y, KY, sy, padding))
    big = np.full((N, (OX - 1) * sx + KX + X, (OY - 1) * sy + KY + Y, C),
                  pad_value, np.int64)
    big[:, px:px + X, py:py + Y, :] = x
    out = np.zeros((N, OX, OY, w.shape[3]), np.int64)
    for i in range(OX):
        for j in range(OY):
            win = big[:, i * sx:i * sx + KX, j * sy:j * sy + KY, :]
            out[:, i, j, :] = np.einsum("nabc,abcf->nf", win, w)
    return out


def max_pool(p, size, stride, padding):
    N, X, Y, F = p.shape
    (px, py), (sx, sy) = size, stride
    OX, OY = (aa.window_output(X, px, sx, padding),
              aa.window_output(Y, py, sy, padding))
    bx, by = (aa.padding_before(X, px, sx, padding),
              aa.padding_before(Y, py, sy, padding))
    out = np.zeros((N, OX, OY, F), np.int64)
    for i in range(OX):
        for j in range(OY):
            x0, x1 = max(i * sx - bx, 0), min(i * sx - bx + px, X)
            y0, y1 = max(j * sy - by, 0), min(j * sy - by + py, Y)
            out[:, i, j, :] = p[:, x0:x1, y0:y1, :].max(axis=(1, 2))
    return sat(out, 20) if (px, py) != (1, 1) else out


def sum_pool(p):
    acc = np.zeros((p.shape[0], p.shape[3]), np.int64)
    for i in range(p.shape[1]):
        for j in range(p.shape[2]):
            acc = sat(acc + p[:, i, j, :], 20)
    return acc[:, None, None, :]


def activation(p, threshold, act_step, bits):
    s16 = np.floor(act_step.astype(np.float64) * 16).astype(np.int64)
    d = wrap32(p - threshold.astype(np.int64))
    num = (d << (4 + bits)) % (1 << 32)
    den = (s16 << 4) % (1 << 32)
    # ceil as (num - 1) // den + 1 in 32 bits: a wrapped numerator of 0
    # gives 0xFFFFFFFF // den + 1.
    q = ((num - 1) % (1 << 32)) // den + 1
    return np.where(d > 0, np.minimum(q, (1 << bits) - 1), 0)


def potentials(layer, x):
    t, p, v = layer["type"], layer["params"], layer["variables"]
    if t == "FullyConnected":
        rows = x.astype(np.int64).transpose(0, 3, 2, 1).reshape(len(x), -1)
        pot = sat(rows @ v["weights"][0, 0].astype(np.int64), 20)
        return pot.reshape(len(x), 1, 1, -1)
    stride, pad = p["kernel_stride"], p["padding"]
    if t == "SeparableConvolutional":
        dw = v["weights"]
        depth = np.concatenate(
            [conv(x[..., c:c + 1], dw[:, :, c:c + 1, :], stride, pad, True)
             for c in range(x.shape[3])], axis=3)
        return np.einsum("nxyc,cf->nxyf", depth,
                         v["weights_pw"][0, 0].astype(np.int64))
    if t == "InputConvolutional":
        return conv(x, v["weights"], stride, pad, False, p["padding_value"])
    return conv(x, v["weights"], stride, pad, True)


def pooled(layer, x):
    p = layer["params"]
    pot = potentials(layer, x)
    pool = p.get("pool_type", "NoPooling")
    if pool == "Max":
        pot = max_pool(pot, p["pool_size"], aa.pool_stride(p), p["padding"])
    elif pool == "Average":
        pot = sum_pool(pot)
    return pot


def run_layer(layer, x):
    pot = pooled(layer, x)
    p, v = layer["params"], layer["variables"]
    if not p["activation"]:
        return pot
    return activation(pot, v["threshold"], v["act_step"], p["act_bits"])


def forward(model, x):
    for layer in model["layers"]:
        x = run_layer(layer, x)
    return x


# ---------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------


def weights(rng, shape, bits):
    if bits == 1:
        return rng.integers(0, 2, size=shape)
    m = (1 << (bits - 1)) - 1
    return rng.integers(-m, m + 1, size=shape)


def calibrate(rng, model, x):
    """Thresholds and steps from the potentials of a calibration batch, so
    that every activation level occurs; some steps have fractions of 1/16
    and below."""
    for layer in model["layers"]:
        p = layer["params"]
        pot = pooled(layer, x)
        F = pot.shape[3]
        th = np.zeros(F, np.int32)
        st = np.ones(F, np.float32)
        for f in range(F):
            v = pot[..., f].ravel()
            lo, hi = np.percentile(v, 10), np.percentile(v, 90)
            th[f] = int(rng.uniform(lo, (lo + hi) / 2))
            step = max(hi - th[f], 1) / (1 << p["act_bits"])
            step *= rng.uniform(0.4, 1.2)
            if f % 3 == 1:
                step = np.floor(step * 16) / 16 + 1 / 32
            st[f] = max(step, 1 / 16)
        layer["variables"]["threshold"] = th
        layer["variables"]["act_step"] = st
        x = run_layer(layer, x)


def conv_layer(name, type_, filters, k, s, padding, wb, ab, act=True,
               pool="NoPooling", pool_size=None, pool_stride=None, **extra):
    params = {"filters": filters, "kernel_size": [k, k],
              "kernel_stride": [s, s], "padding": padding,
              "pool_type": pool, "pool_size": pool_size or [-1, -1],
              "pool_stride": pool_stride or [-1, -1], "weights_bits": wb,
              "activation": act, "act_bits": ab}
    params.update(extra)
    return {"name": name, "type": type_, "params": params, "variables": {}}


def fc_layer(name, units, wb, ab, act):
    return {"name": name, "type": "FullyConnected", "variables": {},
            "params": {"units": units, "weights_bits": wb,
                       "activation": act, "act_bits": ab}}


def fill_weights(rng, model):
    shape = model["input"]["shape"]
    for layer in model["layers"]:
        p = layer["params"]
        X, Y, C = shape
        if layer["type"] == "FullyConnected":
            w = weights(rng, (1, 1, X * Y * C, p["units"]), p["weights_bits"])
        elif layer["type"] == "SeparableConvolutional":
            k = p["kernel_size"]
            w = weights(rng, (k[0], k[1], C, 1), p["weights_bits"])
            layer["variables"]["weights_pw"] = weights(
                rng, (1, 1, C, p["filters"]), p["weights_bits"])
        else:
            k = p["kernel_size"]
            w = weights(rng, (k[0], k[1], C, p["filters"]), p["weights_bits"])
        layer["variables"]["weights"] = w
        shape = aa.output_shape(layer["type"], p, shape)


def random_inputs(rng, model, n):
    X, Y, C = model["input"]["shape"]
    hi = 1 << model["input"]["bits"]
    x = rng.integers(0, hi, size=(n, X, Y, C))
    x[rng.random(x.shape) < 0.3] = 0
    return x


def tiny():
    w0 = np.array([[1, 0, -1], [0, 1, 0], [1, 0, 1]]).reshape(3, 3, 1, 1)
    w1 = np.array([[1, -7], [2, 0], [3, 5], [4, -1]]).reshape(1, 1, 4, 2)
    c0 = conv_layer("conv0", "InputConvolutional", 1, 3, 2, "Same", 2, 2,
                    padding_value=1)
    c0["variables"] = {"weights": w0, "threshold": np.array([0]),
                       "act_step": np.array([0.75])}
    f1 = fc_layer("fc1", 2, 4, 1, False)
    f1["variables"] = {"weights": w1, "threshold": np.array([0, 0]),
                       "act_step": np.array([1.0, 1.0])}
    return {"name": "tiny", "input": {"shape": [4, 4, 1], "bits": 8},
            "layers": [c0, f1], "output_snn_shape": [2]}


def chain():
    return {"name": "chain", "input": {"shape": [16, 12, 3], "bits": 8},
            "layers": [
                conv_layer("ic0", "InputConvolutional", 4, 3, 1, "Same", 8,
                           4, pool="Max", pool_size=[2, 2],
                           pool_stride=[2, 2], padding_value=7),
                conv_layer("c1", "Convolutional", 6, 3, 1, "Valid", 4, 2),
                conv_layer("s2", "SeparableConvolutional", 5, 3, 2, "Same",
                           4, 4, pool="Average"),
                fc_layer("f3", 3, 4, 1, False)],
            "output_snn_shape": [3]}


def binary():
    return {"name": "binary", "input": {"shape": [8, 8, 2], "bits": 1},
            "layers": [
                conv_layer("c0", "Convolutional", 3, 5, 2, "Same", 1, 1,
                           pool="Max", pool_size=[2, 2], pool_stride=[1, 1]),
                conv_layer("s1", "SeparableConvolutional", 4, 3, 1, "Valid",
                           2, 2),
                fc_layer("f2", 4, 2, 4, True)],
            "output_snn_shape": [4]}


def flat():
    return {"name": "flat",
            "input": {"shape": [1, 1, 20], "bits": 4, "snn_shape": [20]},
            "layers": [fc_layer("f0", 6, 8, 2, True),
                       fc_layer("f1", 3, 2, 1, False)],
            "output_snn_shape": [3]}


def write_random(out, model, seed, samples):
    rng = np.random.default_rng(seed)
    fill_weights(rng, model)
    calibrate(rng, model, random_inputs(rng, model, 64))
    # As snnc writes them: no threshold or act_step without an activation.
    for layer in model["layers"]:
        if not layer["params"]["activation"]:
            for var in ("threshold", "act_step"):
                layer["variables"].pop(var)
    x = random_inputs(rng, model, samples)
    aa.write_artifact(out, model)
    np.save(os.path.join(out, model["name"] + ".inputs.npy"),
            aa.to_snn(x).astype(np.float64))
    np.save(os.path.join(out, model["name"] + ".expected.npy"),
            aa.to_snn(forward(model, x)).astype(np.float64))


# ---------------------------------------------------------------------------
# Broken variants of tiny (and of chain for the later layer types): one per
# message of the reader
# ---------------------------------------------------------------------------


def npy(out, name, array):
    np.save(os.path.join(out, name), array)
    return name


def truncated(out, name, array):
    """An .npy file missing its last byte."""
    npy(out, name, array)
    path = os.path.join(out, name)
    with open(path, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[:-1])
    return name


def variants(out, tiny_doc, chain_doc):
    T, C = tiny_doc, chain_doc

    def ic(d):
        return d["layers"][0]

    def fc(d):
        return d["layers"][1]

    cases = {
        "unknown-key": (T, lambda d: d.update(extra=1)),
        "version": (T, lambda d: d.update(version=2)),
        "compiler": (T, lambda d: d.update(compiler=3)),
        "model-name": (T, lambda d: d.pop("model_name")),
        "dt": (T, lambda d: d.update(dt_ms=0)),
        "dt-text": (T, lambda d: d.update(dt_ms="1")),
        "akida-version": (T, lambda d: d.update(akida_version="2.0")),
        "device": (T, lambda d: d.update(device="AKD1500")),
        "input-object": (T, lambda d: d.update(input=[4, 4, 1])),
        "input-shape": (T, lambda d: d["input"].update(shape=[4, 4])),
        "shape-type": (T, lambda d: d["input"].update(shape="4x4x1")),
        "input-bits": (T, lambda d: d["input"].update(bits=9)),
        "snn-shape": (T, lambda d: d["input"].update(snn_shape=[4, 4, 1])),
        "snn-shape-int": (T, lambda d: d["input"].update(
            snn_shape=[1, 4, 4.0])),
        "no-layers": (T, lambda d: d.update(layers=[])),
        "layer-name": (T, lambda d: fc(d).update(name="")),
        "layer-twice": (T, lambda d: fc(d).update(name="conv0")),
        "layer-key": (T, lambda d: ic(d).update(weights="x")),
        "layer-type": (T, lambda d: ic(d).update(type="InputConv2D")),
        "params-object": (T, lambda d: ic(d).update(params=[])),
        "params-key": (T, lambda d: fc(d)["params"].update(
            kernel_size=[1, 1])),
        "params-float": (T, lambda d: ic(d)["params"].update(
            weights_bits=2.5)),
        "params-huge": (T, lambda d: ic(d)["params"].update(
            filters=2 ** 40)),
        "params-bool": (T, lambda d: ic(d)["params"].update(activation=1)),
        "params-pair": (T, lambda d: ic(d)["params"].update(
            kernel_size=[3])),
        "padding": (T, lambda d: ic(d)["params"].update(
            padding="SameUpper")),
        "pool-type": (T, lambda d: ic(d)["params"].update(
            pool_type="Global")),
        "pool-unused": (T, lambda d: ic(d)["params"].update(
            pool_size=[2, 2])),
        "fc-pool": (T, lambda d: fc(d)["params"].update(pool_type="Max")),
        "input-conv-bits": (T, lambda d: (
            d["input"].update(bits=4), ic(d)["params"].update(input_bits=4))),
        "conv-input-bits": (C, lambda d: d["layers"][1]["params"].update(
            input_bits=8)),
        "weights-bits": (C, lambda d: d["layers"][1]["params"].update(
            weights_bits=3)),
        "input-weights-bits": (T, lambda d: ic(d)["params"].update(
            weights_bits=9)),
        "act-bits": (C, lambda d: d["layers"][1]["params"].update(
            act_bits=3)),
        "input-act-bits": (T, lambda d: ic(d)["params"].update(act_bits=5)),
        "filters": (T, lambda d: ic(d)["params"].update(filters=0)),
        "units": (T, lambda d: fc(d)["params"].update(units=0)),
        "kernel-even": (T, lambda d: ic(d)["params"].update(
            kernel_size=[4, 3])),
        "stride-zero": (T, lambda d: ic(d)["params"].update(
            kernel_stride=[0, 1])),
        "stride-kernel": (C, lambda d: d["layers"][1]["params"].update(
            kernel_stride=[4, 4])),
        "pool-size": (C, lambda d: ic(d)["params"].update(pool_size=[0, 2])),
        "pool-stride": (C, lambda d: ic(d)["params"].update(
            pool_stride=[3, 3])),
        "padding-value": (T, lambda d: ic(d)["params"].update(
            padding_value=256)),
        "no-output": (T, lambda d: ic(d)["params"].update(
            kernel_size=[5, 5], padding="Valid")),
        "no-pool-output": (C, lambda d: d["layers"][1]["params"].update(
            pool_type="Max", pool_size=[9, 9], pool_stride=[1, 1])),
        "huge-input": (T, lambda d: (
            d["input"].update(shape=[4097, 4096, 1],
                              snn_shape=[1, 4097, 4096]),
            ic(d).update(input_shape=[4097, 4096, 1]))),
        "huge-output": (T, lambda d: (
            d["input"].update(shape=[4096, 4096, 1],
                              snn_shape=[1, 4096, 4096]),
            ic(d).update(input_shape=[4096, 4096, 1]),
            ic(d)["params"].update(filters=2, kernel_stride=[1, 1]))),
        "output-shape": (T, lambda d: ic(d).update(output_shape=[2, 3, 1])),
        "variables-key": (T, lambda d: ic(d)["variables"].update(bias="x")),
        "variables-missing": (T, lambda d: ic(d)["variables"].pop(
            "threshold")),
        "file-slash": (T, lambda d: ic(d)["variables"].update(
            weights="sub/tiny.conv0.weights.npy")),
        "file-dots": (T, lambda d: ic(d)["variables"].update(
            weights="..tiny.conv0.weights.npy")),
        "file-number": (T, lambda d: ic(d)["variables"].update(weights=7)),
        "file-missing": (T, lambda d: ic(d)["variables"].update(
            weights="missing.npy")),
        "file-text": (T, lambda d: ic(d)["variables"].update(
            weights="tiny.json")),
        "npy-truncated": (T, lambda d: ic(d)["variables"].update(
            weights=truncated(out, "cut.npy",
                              np.zeros((3, 3, 1, 1), np.int16)))),
        "weights-float": (T, lambda d: ic(d)["variables"].update(
            weights=npy(out, "float.npy", np.zeros((3, 3, 1, 1))))),
        "weights-shape": (T, lambda d: ic(d)["variables"].update(
            weights=npy(out, "shape.npy", np.zeros((3, 3, 2, 1), np.int16)))),
        "weights-range": (T, lambda d: ic(d)["variables"].update(
            weights=npy(out, "range.npy",
                        np.array([0, 0, 0, 0, 2, 0, 0, 0, 0],
                                 np.int16).reshape(3, 3, 1, 1)))),
        "weights-pw": (C, lambda d: d["layers"][2]["variables"].update(
            weights_pw=npy(out, "pw.npy", np.zeros((1, 1, 6, 4), np.int16)))),
        "threshold-range": (T, lambda d: ic(d)["variables"].update(
            threshold=npy(out, "th.npy", np.array([2 ** 31], np.int64)))),
        "act-step-int": (T, lambda d: ic(d)["variables"].update(
            act_step=npy(out, "int-step.npy", np.array([1], np.int32)))),
        "act-step-f64": (T, lambda d: ic(d)["variables"].update(
            act_step=npy(out, "f64-step.npy", np.array([0.1])))),
        "act-step-small": (T, lambda d: ic(d)["variables"].update(
            act_step=npy(out, "small-step.npy",
                         np.array([0.05], np.float32)))),
        "act-step-large": (T, lambda d: ic(d)["variables"].update(
            act_step=npy(out, "large-step.npy",
                         np.array([2.0 ** 24], np.float32)))),
        "source": (T, lambda d: ic(d).update(source=3)),
        "np-half": (T, lambda d: ic(d).pop("np_type")),
        "nps": (T, lambda d: ic(d).update(nps=-1)),
        "np-type": (T, lambda d: ic(d).update(np_type="NP")),
        "errors-key": (T, lambda d: ic(d)["errors"].update(bias=0)),
        "errors-negative": (T, lambda d: ic(d)["errors"].update(
            weight_rms=-0.5)),
        "second-input-conv": (C, lambda d: d["layers"][1].update(
            type="InputConvolutional")),
        "after-potentials": (C, lambda d: d["layers"][1]["params"].update(
            activation=False)),
        "chain-shape": (C, lambda d: d["layers"][2].update(
            input_shape=[6, 4, 5])),
        "chain-bits": (C, lambda d: d["layers"][1]["params"].update(
            input_bits=2)),
        "first-shape": (T, lambda d: ic(d).update(input_shape=[3, 4, 1])),
        "first-bits": (T, lambda d: d["input"].update(bits=4)),
        "output-key": (T, lambda d: d["output"].update(bits=4)),
        "output-out-shape": (T, lambda d: d["output"].update(
            shape=[1, 1, 3])),
        "output-snn-shape": (T, lambda d: d["output"].update(
            snn_shape=[1, 2])),
        "output-potentials": (T, lambda d: d["output"].update(
            potentials=False)),
        "map-mode": (T, lambda d: d["mapping"].update(map_mode="HwPr")),
        "devices": (T, lambda d: d["mapping"].update(devices=0)),
        "mapping-nps": (T, lambda d: d["mapping"].update(nps=5)),
        "np-types-key": (T, lambda d: d["mapping"]["np_types"].update(
            NPU=1)),
        "np-types-count": (T, lambda d: d["mapping"]["np_types"].update(
            HRC=2)),
    }
    for name, (base, mutate) in cases.items():
        doc = copy.deepcopy(base)
        mutate(doc)
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(doc, f, indent=1, sort_keys=True)
    with open(os.path.join(out, "text.json"), "w") as f:
        f.write('{"format": "snnc-akida", "version": 1,\n')


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    model = tiny()
    _, tiny_doc = aa.write_artifact(out, model)
    image = np.array([[1, 2, 0, 3], [0, 1, 2, 0], [4, 0, 1, 1], [0, 5, 0, 3]])
    x = np.stack([image, np.zeros_like(image), image])[..., None]
    np.save(os.path.join(out, "tiny.inputs.npy"),
            aa.to_snn(x).astype(np.float64))
    np.save(os.path.join(out, "tiny.expected.npy"),
            aa.to_snn(forward(model, x)).astype(np.float64))
    # Its first layer alone: the activations out, as graded spikes.
    first = tiny()
    first["name"] = "tiny1"
    first["layers"] = first["layers"][:1]
    first["output_snn_shape"] = [1, 2, 2]
    aa.write_artifact(out, first)
    docs = {}
    for seed, make in enumerate([chain, binary, flat]):
        model = make()
        write_random(out, model, seed + 1, 40)
        with open(os.path.join(out, model["name"] + ".json")) as f:
            docs[model["name"]] = json.load(f)
    variants(out, tiny_doc, docs["chain"])


if __name__ == "__main__":
    main()
