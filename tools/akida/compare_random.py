#!/usr/bin/env python3
"""Random Akida 1.0 models, run by snn-run and by MetaTF's `akida` package,
compared bit for bit.

usage: compare_random.py SNN_RUN [--trials N] [--seed S] [--samples K]
                         [--keep DIR] [--large] [--saturate]

Each trial draws a chain of 1 to 4 layers (InputConvolutional or InputData
first; Convolutional, SeparableConvolutional and FullyConnected after; both
paddings, strides, Max and Average pooling, every weight, input and
activation width), random weights (sometimes all of one sign, to reach the
20-bit saturations) and thresholds and steps drawn from the potentials
MetaTF computes (sometimes extreme ones, to reach its 32-bit wrap-around),
writes the artifact (akida_artifact.py), runs K random inputs through
`snn-run` and through akida_reference.py's model, and compares every
output element. --large draws wider layers (7x7 kernels, 16 channels) and
more weights of one sign, so that the 20-bit saturations of max and
average pooling and of FullyConnected matter more often; --saturate also
draws weights at their largest magnitude, inputs at their largest value,
more pooling and more potentials out. A configuration
MetaTF refuses is drawn again; one that
snn-run refuses and MetaTF accepts counts as a failure. Prints the counts
as JSON; exit 1 on any difference."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import akida_artifact as aa  # noqa: E402
import akida_reference as ar  # noqa: E402


LARGE = False
SATURATE = False


def draw_conv(rng, kind):
    sizes = [1, 3, 5, 7] if LARGE else [1, 3, 5]
    k = [int(rng.choice(sizes)), int(rng.choice(sizes))]
    if rng.random() < 0.5:
        k[1] = k[0]
    if kind == "InputConvolutional":
        s = [int(rng.integers(1, 4))] * 2
    else:
        s = [int(rng.integers(1, k[0] + 1)), int(rng.integers(1, k[1] + 1))]
    if rng.random() < 0.7:
        s[1] = min(s[0], k[1]) if kind != "InputConvolutional" else s[0]
    pad = str(rng.choice(["Same", "Valid"]))
    pool = str(rng.choice(["NoPooling", "Max", "Average"],
                          p=[0.2, 0.4, 0.4] if SATURATE else [0.4, 0.4, 0.2]))
    p = {"filters": int(rng.integers(1, 17 if LARGE else 7)),
         "kernel_size": k,
         "kernel_stride": s, "padding": pad, "pool_type": pool,
         "pool_size": [-1, -1], "pool_stride": [-1, -1],
         "weights_bits": int(rng.integers(1, 9)
                             if kind == "InputConvolutional"
                             else rng.choice([1, 2, 4, 8])),
         "activation": True,
         "act_bits": int(rng.integers(1, 5) if kind == "InputConvolutional"
                         else rng.choice([1, 2, 4]))}
    if pool == "Max":
        size = [int(rng.integers(1, 4)), int(rng.integers(1, 4))]
        p["pool_size"] = size
        p["pool_stride"] = ([-1, -1] if rng.random() < 0.2 else
                            [int(rng.integers(1, size[0] + 1)),
                             int(rng.integers(1, size[1] + 1))])
    if kind == "InputConvolutional":
        p["padding_value"] = int(rng.integers(0, 256)) \
            if rng.random() < 0.6 else 0
    return p


def draw_model(rng, name):
    layers = []
    if rng.random() < 0.45:
        C = int(rng.integers(1, 5))
        shape = [int(rng.integers(3, 14)), int(rng.integers(3, 14)), C]
        bits = 8
        kinds = ["InputConvolutional"]
    else:
        shape = [int(rng.integers(1, 12)), int(rng.integers(1, 12)),
                 int(rng.integers(1, 17 if LARGE else 7))]
        bits = int(rng.integers(1, 5))
        kinds = [str(rng.choice(["Convolutional", "SeparableConvolutional",
                                 "FullyConnected"]))]
    for _ in range(int(rng.integers(0, 4))):
        kinds.append(str(rng.choice(["Convolutional",
                                     "SeparableConvolutional",
                                     "FullyConnected"])))
    model = {"name": name, "input": {"shape": shape, "bits": bits},
             "layers": layers}
    if rng.random() < 0.2:
        model["input"]["snn_shape"] = [shape[0] * shape[1] * shape[2]]
    current = shape
    for i, kind in enumerate(kinds):
        if kind == "FullyConnected":
            p = {"units": int(rng.integers(1, 9)),
                 "weights_bits": int(rng.choice([1, 2, 4, 8])),
                 "activation": True,
                 "act_bits": int(rng.choice([1, 2, 4]))}
        else:
            p = draw_conv(rng, kind)
        out = aa.output_shape(kind, dict(p, input_bits=0), current)
        if min(out) < 1:
            return None
        layers.append({"name": f"l{i}", "type": kind, "params": p,
                       "variables": {}})
        current = out
    layers[-1]["params"]["activation"] = bool(
        rng.random() < (0.3 if SATURATE else 0.6))
    return model


def draw_weights(rng, shape, bits):
    if bits == 1:
        return rng.integers(0, 2, size=shape)
    m = (1 << (bits - 1)) - 1
    w = rng.integers(-m, m + 1, size=shape)
    r = rng.random() * (0.4 if LARGE else 1)
    if SATURATE and rng.random() < 0.5:
        return np.full(shape, m * int(rng.choice([-1, 1])))
    if r < 0.1:
        w = np.abs(w)
    elif r < 0.15:
        w = np.full(shape, m)
    return w


def draw_inputs(rng, model, n):
    X, Y, C = model["input"]["shape"]
    hi = (1 << model["input"]["bits"]) - 1
    x = rng.integers(0, hi + 1, size=(n, X, Y, C))
    x[rng.random(x.shape) < 0.3] = 0
    x[: max(1, n // (2 if SATURATE else 8))] = hi
    return x


def fill(rng, model, folder):
    """Weights at random; thresholds and steps from the potentials MetaTF
    gives a calibration batch, layer by layer."""
    shape = model["input"]["shape"]
    calibration = draw_inputs(rng, model, 24)
    for i, layer in enumerate(model["layers"]):
        p, kind = layer["params"], layer["type"]
        X, Y, C = shape
        v = layer["variables"]
        wb = p["weights_bits"]
        if kind == "FullyConnected":
            v["weights"] = draw_weights(rng, (1, 1, X * Y * C, p["units"]), wb)
            F = p["units"]
        elif kind == "SeparableConvolutional":
            kx, ky = p["kernel_size"]
            v["weights"] = draw_weights(rng, (kx, ky, C, 1), wb)
            v["weights_pw"] = draw_weights(rng, (1, 1, C, p["filters"]), wb)
            F = p["filters"]
        else:
            kx, ky = p["kernel_size"]
            v["weights"] = draw_weights(rng, (kx, ky, C, p["filters"]), wb)
            F = p["filters"]
        v["threshold"] = np.zeros(F, np.int32)
        v["act_step"] = np.ones(F, np.float32)
        # The potentials: this layer without activation, last.
        probe = {"name": model["name"], "input": model["input"],
                 "layers": [dict(l, params=dict(l["params"]))
                            for l in model["layers"][:i + 1]]}
        probe["layers"][-1]["params"]["activation"] = False
        path, doc = aa.write_artifact(folder, probe)
        pot = ar.run(doc, folder, aa.to_snn(calibration))
        pot = aa.from_snn(pot, aa.output_shape(kind, dict(p, input_bits=0),
                                               shape))
        th = np.zeros(F, np.int64)
        st = np.zeros(F, np.float32)
        for f in range(F):
            values = pot[..., f].ravel()
            lo, hi = np.percentile(values, 5), np.percentile(values, 95)
            th[f] = int(rng.uniform(lo - 0.1 * abs(lo) - 1, (lo + hi) / 2))
            step = max(hi - th[f], 1) / (1 << p["act_bits"])
            step *= rng.uniform(0.3, 1.5)
            r = rng.random()
            if r < 0.25:
                step = np.floor(step * 16) / 16 + rng.choice(
                    [0, 1 / 32, 1 / 64, 0.01, 15 / 256])
            elif r < 0.3:
                step = float(rng.choice([2.0 ** 20, 2.0 ** 23 - 1,
                                         1e7, 16777215.0]))
            if rng.random() < 0.05:
                th[f] = int(rng.choice([-2 ** 31, -2 ** 30, 2 ** 31 - 1,
                                        -2 ** 27 - 5]))
            st[f] = max(step, 1 / 16)
        v["threshold"] = th.astype(np.int32)
        v["act_step"] = st
        if not p["activation"]:
            # As snnc writes a layer without activation.
            del v["threshold"], v["act_step"]
        shape = aa.output_shape(kind, dict(p, input_bits=0), shape)


def trial(rng, snn_run, folder, name, samples, counts):
    model = draw_model(rng, name)
    if model is None:
        counts["redrawn_shapes"] += 1
        return None
    try:
        fill(rng, model, folder)
        path, doc = aa.write_artifact(folder, model)
        x = draw_inputs(rng, model, samples)
        np.save(os.path.join(folder, name + ".inputs.npy"),
                aa.to_snn(x).astype(np.float64))
        theirs = ar.run(doc, folder, aa.to_snn(x))
    except (ValueError, RuntimeError, SystemExit) as e:
        key = str(e).split("\n")[0][:80]
        counts["refused_by_akida"][key] = \
            counts["refused_by_akida"].get(key, 0) + 1
        return None
    out = os.path.join(folder, name + ".out.npy")
    p = subprocess.run([snn_run, path, "--steps", str(samples), "--input",
                        "0=" + os.path.join(folder, name + ".inputs.npy"),
                        "--probes", out, "--quiet"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return {"refused_by_snn_run": p.stderr.strip()[:300], "model": doc}
    ours = np.load(out)
    bad = int((ours != theirs).sum())
    counts["elements"] += int(theirs.size)
    counts["samples"] += samples
    kinds = "-".join(l["type"][0] + (l["type"][1] if l["type"][0] == "S"
                                     else "") for l in model["layers"])
    counts["chains"][kinds] = counts["chains"].get(kinds, 0) + 1
    for l in model["layers"]:
        for key in ("padding", "pool_type"):
            if key in l["params"]:
                tag = f"{l['type']}/{l['params'][key]}"
                counts["coverage"][tag] = counts["coverage"].get(tag, 0) + 1
    if bad:
        return {"mismatching_elements": bad, "model": doc}
    return "ok"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("snn_run")
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--samples", type=int, default=16)
    ap.add_argument("--keep", help="keep the artifacts in this folder")
    ap.add_argument("--large", action="store_true",
                    help="wider layers, more weights of one sign")
    ap.add_argument("--saturate", action="store_true",
                    help="weights and inputs at their largest, more pooling")
    args = ap.parse_args()
    global LARGE, SATURATE
    LARGE = args.large or args.saturate
    SATURATE = args.saturate
    rng = np.random.default_rng(args.seed)
    folder = args.keep or tempfile.mkdtemp(prefix="akida-compare-")
    os.makedirs(folder, exist_ok=True)
    counts = {"trials": 0, "bit_exact": 0, "failed": 0, "samples": 0,
              "elements": 0, "redrawn_shapes": 0, "refused_by_akida": {},
              "chains": {}, "coverage": {}}
    failures = []
    while counts["trials"] < args.trials:
        name = f"t{args.seed}_{counts['trials']}"
        result = trial(rng, args.snn_run, folder, name, args.samples, counts)
        if result is None:
            continue
        counts["trials"] += 1
        if result == "ok":
            counts["bit_exact"] += 1
        else:
            counts["failed"] += 1
            failures.append(dict(result, name=name))
    counts["coverage"] = dict(sorted(counts["coverage"].items()))
    counts["first_failures"] = [
        {k: v for k, v in f.items() if k != "model"} for f in failures[:5]]
    json.dump(counts, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
