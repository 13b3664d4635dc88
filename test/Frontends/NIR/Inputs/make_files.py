#!/usr/bin/python3
"""Writes the small NIR files of the NIR frontend tests with h5py, in the
layout of nir.write (NIR 1.0): good files for the corner cases real
exporters produce, and broken ones for the diagnostics.

usage: make_files.py OUTPUT_DIR
"""
import os
import sys

import h5py
import numpy as np

STR = h5py.string_dtype("utf-8")


def write(path, nodes, edges, metadata=None, version="1.0.7"):
    with h5py.File(path, "w") as f:
        f.create_dataset("version", data=version, dtype=STR)
        write_graph(f.create_group("node"), nodes, edges, metadata)


def write_graph(g, nodes, edges, metadata=None):
    g.create_dataset("type", data="NIRGraph", dtype=STR)
    g.create_dataset("edges", data=np.array(edges, dtype=object).reshape(-1, 2),
                     dtype=STR)
    group = g.create_group("nodes")
    for name, node in nodes.items():
        n = group.create_group(name)
        if node.get("type") == "NIRGraph":
            write_graph(n, node["nodes"], node["edges"])
            continue
        for key, value in node.items():
            if key == "type" or isinstance(value, str):
                n.create_dataset(key, data=value, dtype=STR)
            elif isinstance(value, np.ndarray) and value.ndim > 0:
                n.create_dataset(key, data=value, compression="gzip")
            else:
                n.create_dataset(key, data=value)
    if metadata:
        m = g.create_group("metadata")
        for key, value in metadata.items():
            m.create_dataset(key, data=value)


f32 = lambda *v: np.array(v, dtype=np.float32)  # noqa: E731
f64 = lambda *v: np.array(v, dtype=np.float64)  # noqa: E731


def lif(n, dtype=np.float32, reset=True, tau=0.02):
    node = {"type": "LIF", "tau": np.full(n, tau, dtype), "r": np.ones(n, dtype),
            "v_leak": np.zeros(n, dtype), "v_threshold": np.ones(n, dtype)}
    if reset:
        node["v_reset"] = np.zeros(n, dtype)
    return node


def small():
    weight = np.array([[1.5, 0.0, 0.5], [0.0, 1.2, 0.0]], dtype=np.float32)
    return {"input": {"type": "Input", "shape": np.array([3])},
            "fc": {"type": "Affine", "weight": weight,
                   "bias": np.zeros(2, np.float32)},
            "lif": lif(2),
            "output": {"type": "Output", "shape": np.array([2])}}


SMALL_EDGES = [("input", "fc"), ("fc", "lif"), ("lif", "output")]


def main(out):
    os.makedirs(out, exist_ok=True)
    p = lambda name: os.path.join(out, name)  # noqa: E731
    # The network of handwritten.mlir, spike for spike.
    write(p("small.nir"), small(), SMALL_EDGES, {"dt": 0.001})
    # float64 parameters (snnTorch), no v_reset (NIR 0.2), scalars where
    # arrays are expected, no Input shape, a wrong Output shape.
    nodes = small()
    nodes["lif"] = lif(2, np.float64, reset=False)
    nodes["lif"]["v_threshold"] = np.float64(1.0)
    del nodes["input"]["shape"]
    nodes["output"]["shape"] = np.array([5])
    write(p("quirks.nir"), nodes, SMALL_EDGES)
    # A subgraph flattened into dotted names, and one nested and addressed
    # through 'G.node'.
    nodes = small()
    nodes["rec.lif"] = nodes.pop("lif")
    nodes["rec.w"] = {"type": "Linear", "weight": np.eye(2, dtype=np.float32) * 0.5}
    write(p("dotted.nir"), nodes,
          [("input", "fc"), ("fc", "rec.lif"), ("rec.lif", "rec.w"),
           ("rec.w", "rec.lif"), ("rec.lif", "output")])
    nodes = small()
    inner = {"input": {"type": "Input", "shape": np.array([2])},
             "lif": nodes.pop("lif"),
             "w": {"type": "Linear", "weight": np.eye(2, dtype=np.float32) * 0.5},
             "output": {"type": "Output", "shape": np.array([2])}}
    nodes["G"] = {"type": "NIRGraph", "nodes": inner,
                  "edges": [("input", "lif"), ("lif", "w"), ("w", "lif"),
                            ("lif", "output")]}
    write(p("nested.nir"), nodes,
          [("input", "fc"), ("fc", "G"), ("G.lif", "output")])
    # Every other node type, each in a small chain.
    write(p("kinds.nir"), {
        "input": {"type": "Input", "shape": np.array([1, 6, 6])},
        "conv": {"type": "Conv2d", "weight": np.ones((2, 1, 3, 3), np.float32),
                 "bias": np.zeros(2, np.float32), "stride": 1, "padding": "same",
                 "dilation": 1, "groups": 1, "input_shape": np.array([6, 6])},
        "pool": {"type": "AvgPool2d", "kernel_size": np.array([2, 2]),
                 "stride": np.array([2, 2]), "padding": np.array([0, 0])},
        "flat": {"type": "Flatten", "start_dim": 0, "end_dim": -1,
                 "input_type": np.array([2, 3, 3])},
        "scale": {"type": "Scale", "scale": np.full(18, 0.5, np.float32)},
        "delay": {"type": "Delay", "delay": np.full(18, 0.002, np.float32)},
        "li": {"type": "LI", "tau": np.full(18, 0.01, np.float32),
               "r": np.ones(18, np.float32), "v_leak": np.zeros(18, np.float32)},
        "thr": {"type": "Threshold", "threshold": np.full(18, 0.25, np.float32)},
        "integ": {"type": "I", "r": np.ones(18, np.float32)},
        "cubali": {"type": "CubaLI", "tau_syn": np.full(18, 0.005, np.float32),
                   "tau_mem": np.full(18, 0.02, np.float32),
                   "r": np.ones(18, np.float32), "v_leak": np.zeros(18, np.float32),
                   "w_in": np.ones(18, np.float32)},
        "lin": {"type": "Linear", "weight": np.ones((18, 18), np.float32)},
        "output": {"type": "Output", "shape": np.array([18])},
        "output_1": {"type": "Output", "shape": np.array([18])},
        "input_1": {"type": "Input", "shape": np.array([1, 18])},
        "conv1": {"type": "Conv1d", "weight": np.ones((1, 1, 3), np.float32),
                  "bias": np.zeros(1, np.float32), "stride": 1, "padding": 0,
                  "dilation": 1, "groups": 1, "input_shape": np.array([18])},
        "output_2": {"type": "Output", "shape": np.array([1, 16])},
        "input_2": {"type": "Input", "shape": np.array([1, 4, 4])},
        "sum": {"type": "SumPool2d", "kernel_size": 2, "stride": 1, "padding": 0},
        "output_3": {"type": "Output", "shape": np.array([1, 3, 3])},
    }, [("input", "conv"), ("conv", "pool"), ("pool", "flat"), ("flat", "scale"),
        ("scale", "delay"), ("delay", "li"), ("li", "thr"), ("thr", "lin"),
        ("lin", "integ"), ("integ", "output"), ("li", "cubali"),
        ("cubali", "output_1"), ("input_1", "conv1"), ("conv1", "output_2"),
        ("input_2", "sum"), ("sum", "output_3")])
    # Broken files, one problem each.
    nodes = small()
    del nodes["lif"]["tau"]
    write(p("missing-dataset.nir"), nodes, SMALL_EDGES)
    nodes = small()
    nodes["fc"]["weight"] = np.array("oops", dtype=object).astype(STR)
    write(p("wrong-dtype.nir"), nodes, SMALL_EDGES)
    nodes = small()
    nodes["fc"]["weight"] = np.ones(6, np.float32)
    write(p("wrong-shape.nir"), nodes, SMALL_EDGES)
    nodes = small()
    nodes["lif"]["tau"] = np.full(5, 0.02, np.float32)
    write(p("param-shape.nir"), nodes, SMALL_EDGES)
    write(p("unknown-edge.nir"), small(), SMALL_EDGES + [("lif", "ghost")])
    write(p("zero-dt.nir"), small(), SMALL_EDGES, {"dt": 0.0})
    nodes = small()
    nodes["lif"]["type"] = "Hodgkin"
    write(p("unknown-type.nir"), nodes, SMALL_EDGES)
    nodes = small()
    nodes["w"] = {"type": "Linear", "weight": np.ones((2, 2), np.float32)}
    nodes["sink"] = {"type": "Scale", "scale": np.ones(2, np.float32)}
    write(p("cycle-no-input.nir"), nodes,
          SMALL_EDGES + [("sink", "w"), ("w", "sink")])
    nodes = small()
    inner = {"input": {"type": "Input", "shape": np.array([2])},
             "lif": nodes.pop("lif"),
             "o1": {"type": "Output", "shape": np.array([2])},
             "o2": {"type": "Output", "shape": np.array([2])}}
    nodes["G"] = {"type": "NIRGraph", "nodes": inner,
                  "edges": [("input", "lif"), ("lif", "o1"), ("lif", "o2")]}
    write(p("two-outputs.nir"), nodes,
          [("input", "fc"), ("fc", "G"), ("G", "output")])
    nodes = small()
    nodes["G.lif"] = lif(2)
    nodes["G"] = {"type": "NIRGraph",
                  "nodes": {"lif": lif(2),
                            "input": {"type": "Input", "shape": np.array([2])}},
                  "edges": [("input", "lif")]}
    write(p("duplicate-name.nir"), nodes, SMALL_EDGES + [("fc", "G.lif")])
    write(p("output-two-edges.nir"), small(),
          SMALL_EDGES + [("fc", "output")])
    nodes = small()
    nodes["input_1"] = {"type": "Input", "shape": np.array([3])}
    write(p("affine-two-inputs.nir"), nodes,
          SMALL_EDGES + [("input_1", "fc")])
    def same_conv(name, kernel, stride, out):
        write(p(name), {
            "input": {"type": "Input", "shape": np.array([1, 6, 6])},
            "conv": {"type": "Conv2d",
                     "weight": np.ones((1, 1, kernel, kernel), np.float32),
                     "bias": np.zeros(1, np.float32), "stride": stride,
                     "padding": "same", "dilation": 1, "groups": 1,
                     "input_shape": np.array([6, 6])},
            "output": {"type": "Output", "shape": np.array([1, out, out])}},
            [("input", "conv"), ("conv", "output")])
    same_conv("asymmetric-same.nir", 2, 1, 6)
    same_conv("same-stride.nir", 3, 2, 3)
    with open(p("not-hdf5.nir"), "w") as f:
        f.write("this is not an HDF5 file\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__))
