"""Writes Akida artifacts ("format": "snnc-akida", docs/formats/akida.md) from
a plain description, for tests and for akida_reference.py's comparisons.

A model is a dict:
  {"name": "tiny",
   "input": {"shape": [X, Y, C], "bits": B},          # snn_shape optional
   "layers": [{"name": ..., "type": "Convolutional",
               "params": {MetaTF's parameters},       # input_bits filled in
               "variables": {"weights": array, ...},  # threshold, act_step
               "nps": 1, "np_type": "CNP1"}, ...],    # optional
   "output_snn_shape": [...],                         # optional
   "map_mode": "Minimal"}
Shapes are derived here by MetaTF's rules; the layout of the network's flat
order is (c X + x) Y + y for element (x, y, c)."""
import json
import os

import numpy as np


def window_output(n, k, s, padding):
    """Outputs along one axis: ceil(n / s) for Same, (n - k) // s + 1 for
    Valid."""
    if padding == "Same":
        return -(-n // s)
    return (n - k) // s + 1


def padding_before(n, k, s, padding):
    """TensorFlow's Same: half the total padding before, the odd unit after."""
    if padding == "Valid":
        return 0
    o = -(-n // s)
    return max((o - 1) * s + k - n, 0) // 2


def pool_stride(params):
    stride = list(params.get("pool_stride", [-1, -1]))
    return list(params["pool_size"]) if stride == [-1, -1] else stride


def output_shape(layer_type, params, input_shape):
    """[X, Y, C] of a layer's output."""
    X, Y, _ = input_shape
    if layer_type == "FullyConnected":
        return [1, 1, params["units"]]
    (kx, ky), (sx, sy) = params["kernel_size"], params["kernel_stride"]
    pad = params["padding"]
    ox, oy = window_output(X, kx, sx, pad), window_output(Y, ky, sy, pad)
    pool = params.get("pool_type", "NoPooling")
    if ox < 1 or oy < 1:
        return [ox, oy, params["filters"]]
    if pool == "Average":
        return [1, 1, params["filters"]]
    if pool == "Max":
        (px, py), (tx, ty) = params["pool_size"], pool_stride(params)
        ox, oy = window_output(ox, px, tx, pad), window_output(oy, py, ty, pad)
    return [ox, oy, params["filters"]]


DEFAULT_NP = {"InputConvolutional": "HRC", "Convolutional": "CNP1",
              "SeparableConvolutional": "CNP1", "FullyConnected": "FNP3"}


def flat_shape(shape):
    """The snn shape of an [X, Y, C]: [C, X, Y]."""
    return [shape[2], shape[0], shape[1]]


def write_artifact(out_dir, model):
    """Writes NAME.json and its .npy files into out_dir; returns the JSON's
    path and the document."""
    name = model["name"]
    shape = list(model["input"]["shape"])
    bits = model["input"]["bits"]
    doc_layers = []
    for layer in model["layers"]:
        params = dict(layer["params"])
        params["input_bits"] = bits
        out = output_shape(layer["type"], params, shape)
        variables = {}
        for var, array in sorted(layer["variables"].items()):
            file = f"{name}.{layer['name']}.{var}.npy"
            dtype = {"threshold": np.int32, "act_step": np.float32}.get(
                var, np.int16)
            np.save(os.path.join(out_dir, file),
                    np.ascontiguousarray(np.asarray(array).astype(dtype)))
            variables[var] = file
        doc_layers.append({
            "name": layer["name"], "type": layer["type"], "params": params,
            "variables": variables, "input_shape": shape,
            "output_shape": out, "source": layer.get("source", ""),
            "nps": layer.get("nps", 1),
            "np_type": layer.get("np_type", DEFAULT_NP[layer["type"]]),
            "errors": {"activation": 0.0, "weight_max": 0.0,
                       "weight_rms": 0.0}})
        shape = out
        bits = params["act_bits"]
    np_types = {}
    for entry in doc_layers:
        np_types[entry["np_type"]] = (np_types.get(entry["np_type"], 0)
                                      + entry["nps"])
    last = doc_layers[-1]
    doc = {
        "format": "snnc-akida", "version": 1, "compiler": "akida_artifact.py",
        "model_name": name, "dt_ms": 1.0, "akida_version": "1.0",
        "device": "AKD1000",
        "input": {"shape": list(model["input"]["shape"]),
                  "bits": model["input"]["bits"],
                  "snn_shape": model["input"].get(
                      "snn_shape", flat_shape(model["input"]["shape"]))},
        "layers": doc_layers,
        "output": {"shape": last["output_shape"],
                   "snn_shape": model.get("output_snn_shape",
                                          flat_shape(last["output_shape"])),
                   "potentials": not last["params"]["activation"]},
        "mapping": {"map_mode": model.get("map_mode", "Minimal"),
                    "nps": sum(e["nps"] for e in doc_layers),
                    "np_types": np_types, "devices": 1},
    }
    path = os.path.join(out_dir, name + ".json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")
    return path, doc


def to_snn(x):
    """(N, X, Y, C) activations to (N, elements) in the network's flat
    order."""
    x = np.asarray(x)
    return x.transpose(0, 3, 1, 2).reshape(x.shape[0], -1)


def from_snn(flat, shape):
    """(N, elements) in the network's flat order to (N, X, Y, C)."""
    X, Y, C = shape
    flat = np.asarray(flat)
    return flat.reshape(flat.shape[0], C, X, Y).transpose(0, 2, 3, 1)
