#!/usr/bin/env python3
"""Builds an Akida artifact ("format": "snnc-akida", docs/formats/akida.md)
in BrainChip's MetaTF (`akida` package, Akida 1.0 layers), maps it on a
virtual AKD1000 and runs it: the reference snn-run's emulator and snnc's
mapping are checked against.

usage: akida_reference.py NAME.json [--map-mode Minimal|AllNps|HwPr]
           [--no-map] [--check-mapping] [--summary]
           [--inputs X.npy] [--outputs Y.npy] [--compare SNN_RUN.npy]

Prints, as one JSON object on stdout: the mapping (per layer the NPs and
their kind, the totals) and, with --inputs, the comparison. X.npy holds
samples x input elements in the network's flat order (element (x, y, c) of
an [X, Y, C] input at (c X + x) Y + y); Y.npy gets samples x output
elements in the same order, as int64. --compare reads snn-run's output
(--spikes or --probes .npy: steps x elements; one step per sample) and
counts the elements that differ. Exit status 1 when --compare finds a
difference or --check-mapping finds the artifact's NPs differ from MetaTF's.
"""
import argparse
import contextlib
import io
import json
import os
import sys

import numpy as np

import akida

PADDING = {"Same": akida.Padding.Same, "Valid": akida.Padding.Valid}
POOL = {"NoPooling": akida.PoolType.NoPooling, "Max": akida.PoolType.Max,
        "Average": akida.PoolType.Average}
DTYPES = {"weights": np.int8, "weights_pw": np.int8, "threshold": np.int32,
          "act_step": np.float32}


def conv_kwargs(p):
    kw = dict(filters=p["filters"], kernel_size=tuple(p["kernel_size"]),
              kernel_stride=tuple(p["kernel_stride"]),
              padding=PADDING[p["padding"]], pool_type=POOL[p["pool_type"]],
              weights_bits=p["weights_bits"], activation=p["activation"],
              act_bits=p["act_bits"])
    if p["pool_type"] == "Max":
        kw.update(pool_size=tuple(p["pool_size"]),
                  pool_stride=tuple(p.get("pool_stride", [-1, -1])))
    return kw


def build(doc, folder):
    """The artifact as an akida.Model, its variables set."""
    model = akida.Model()
    shape = tuple(doc["input"]["shape"])
    for i, layer in enumerate(doc["layers"]):
        p, kind, name = layer["params"], layer["type"], layer["name"]
        if kind == "InputConvolutional":
            if i:
                raise SystemExit(f"{name}: InputConvolutional comes first")
            model.add(akida.InputConvolutional(
                input_shape=shape, padding_value=p["padding_value"],
                name=name, **conv_kwargs(p)))
        else:
            if i == 0:
                model.add(akida.InputData(input_shape=shape,
                                          input_bits=doc["input"]["bits"],
                                          name="input"))
            if kind == "Convolutional":
                model.add(akida.Convolutional(name=name, **conv_kwargs(p)))
            elif kind == "SeparableConvolutional":
                model.add(akida.SeparableConvolutional(name=name,
                                                       **conv_kwargs(p)))
            elif kind == "FullyConnected":
                model.add(akida.FullyConnected(
                    units=p["units"], weights_bits=p["weights_bits"],
                    activation=p["activation"], act_bits=p["act_bits"],
                    name=name))
            else:
                raise SystemExit(f"{name}: unknown layer type {kind}")
        target = model.get_layer(name)
        for var, file in sorted(layer["variables"].items()):
            array = np.load(os.path.join(folder, file))
            target.set_variable(var, array.astype(DTYPES[var]))
        dims = list(target.output_dims)
        if dims != layer["output_shape"]:
            raise SystemExit(f"{name}: MetaTF gives output {dims}, the "
                             f"artifact {layer['output_shape']}")
    return model


def np_kind(component):
    return str(component.type).split(".")[-1]


def mapping(doc, folder, mode):
    """Maps a fresh copy on a virtual AKD1000 (a mapped model only runs on
    hardware): per layer its NPs and their kind."""
    model = build(doc, folder)
    model.map(akida.AKD1000(), mode=getattr(akida.MapMode, mode))
    backend = {}
    for sequence in model.sequences:
        for step in sequence.passes:
            for layer in step.layers:
                backend[layer.name] = str(sequence.backend).split(".")[-1]
    layers, kinds = [], {}
    for layer in doc["layers"]:
        mapped = model.get_layer(layer["name"]).mapping
        components = list(mapped.nps) if mapped is not None else []
        types = sorted({np_kind(n) for n in components})
        # The HRC an InputConvolutional layer runs on is not a neural
        # processor: its kind is reported, it counts no NP.
        nps = [n for n in components if np_kind(n) != "HRC"]
        for n in nps:
            kinds[np_kind(n)] = kinds.get(np_kind(n), 0) + 1
        layers.append({"name": layer["name"], "nps": len(nps),
                       "np_type": (types[0] if len(types) == 1
                                   else types or None),
                       "backend": backend.get(layer["name"])})
    return {"map_mode": mode, "nps": sum(e["nps"] for e in layers),
            "np_types": kinds, "layers": layers,
            "sequences": len(model.sequences)}


def check_mapping(doc, mapped):
    """The artifact's NP counts and kinds against MetaTF's."""
    diffs = []
    for ours, theirs in zip(doc["layers"], mapped["layers"]):
        for key in ("nps", "np_type"):
            if ours.get(key) != theirs[key]:
                diffs.append(f"{ours['name']}: {key} {ours.get(key)!r}, "
                             f"MetaTF {theirs[key]!r}")
    m = doc["mapping"]
    if m["nps"] != mapped["nps"]:
        diffs.append(f"mapping.nps {m['nps']}, MetaTF {mapped['nps']}")
    ours = {k: v for k, v in m["np_types"].items() if v}
    if ours != mapped["np_types"]:
        diffs.append(f"mapping.np_types {ours}, MetaTF {mapped['np_types']}")
    return diffs


def run(doc, folder, inputs):
    """MetaTF's outputs for samples x elements in the flat order."""
    model = build(doc, folder)
    X, Y, C = doc["input"]["shape"]
    x = np.asarray(inputs)
    if x.ndim != 2 or x.shape[1] != X * Y * C:
        raise SystemExit(f"--inputs: expected samples x {X * Y * C} "
                         f"elements, got {x.shape}")
    if np.any(x != np.round(x)) or x.min(initial=0) < 0 or \
            x.max(initial=0) > 255:
        raise SystemExit("--inputs: values must be integers in 0..255")
    x = x.astype(np.uint8).reshape(-1, C, X, Y).transpose(0, 2, 3, 1)
    y = model.forward(np.ascontiguousarray(x)).astype(np.int64)
    return y.transpose(0, 3, 1, 2).reshape(len(x), -1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("artifact")
    ap.add_argument("--map-mode", default=None,
                    choices=["Minimal", "AllNps", "HwPr"],
                    help="MetaTF's map mode (default: the artifact's)")
    ap.add_argument("--no-map", action="store_true",
                    help="do not map on a virtual AKD1000")
    ap.add_argument("--check-mapping", action="store_true",
                    help="exit 1 when the artifact's NPs differ from MetaTF's")
    ap.add_argument("--summary", action="store_true",
                    help="print MetaTF's model summary on stderr")
    ap.add_argument("--inputs", help="samples x input elements (.npy)")
    ap.add_argument("--outputs", help="write MetaTF's outputs here (.npy)")
    ap.add_argument("--compare", help="snn-run's output to compare (.npy)")
    args = ap.parse_args()

    folder = os.path.dirname(os.path.abspath(args.artifact))
    with open(args.artifact) as f:
        doc = json.load(f)
    if doc.get("format") != "snnc-akida":
        raise SystemExit(f"{args.artifact}: not an snnc-akida artifact")
    report = {"model": doc["model_name"], "akida": akida.__version__}
    status = 0
    if args.summary:
        text = io.StringIO()
        with contextlib.redirect_stdout(text):
            build(doc, folder).summary()
        sys.stderr.write(text.getvalue())
    if not args.no_map:
        mode = args.map_mode or doc["mapping"].get("map_mode", "AllNps")
        report["mapping"] = mapping(doc, folder, mode)
        diffs = check_mapping(doc, report["mapping"])
        report["mapping_differences"] = diffs
        if args.check_mapping and diffs:
            status = 1
    if args.inputs:
        y = run(doc, folder, np.load(args.inputs))
        report["samples"] = int(y.shape[0])
        report["output_elements"] = int(y.shape[1])
        if args.outputs:
            np.save(args.outputs, y)
        if args.compare:
            theirs = np.load(args.compare)
            if theirs.ndim != 2 or theirs.shape[1] != y.shape[1] or \
                    theirs.shape[0] < y.shape[0]:
                raise SystemExit(f"--compare: expected at least {y.shape[0]}"
                                 f" x {y.shape[1]}, got {theirs.shape}")
            theirs = theirs[:y.shape[0]]
            bad = np.argwhere(theirs != y)
            report["mismatches"] = int(len(bad))
            report["first_mismatches"] = [
                {"sample": int(s), "element": int(e), "akida": int(y[s, e]),
                 "snn_run": float(theirs[s, e])} for s, e in bad[:5]]
            if len(bad):
                status = 1
    json.dump(report, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
