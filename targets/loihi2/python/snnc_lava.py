"""Builds Lava processes from an artifact of `snnc --target=loihi2`.

    import numpy as np
    import snnc_lava
    from lava.magma.core.run_conditions import RunSteps
    from lava.magma.core.run_configs import Loihi2SimCfg

    spikes = np.zeros((1000, 2000))          # input 0: neurons x steps
    net = snnc_lava.load("out/loihi_demo.json", inputs={0: spikes})
    out = net.processes[net.outputs[0]]
    out.run(condition=RunSteps(num_steps=2000),
            run_cfg=Loihi2SimCfg(select_tag="fixed_pt"))
    out.stop()

Only Lava's public processes and ports are used (LIF, LIFReset, TernaryLIF,
Dense, DelayDense, LearningDense, Sparse, DelaySparse, LearningSparse, Conv,
RingBuffer, Loihi2FLearningRule; connect, reshape, transpose). Learning
connections need run_cfg=Loihi2SimCfg(select_tag="fixed_pt") to run the
learning engine the emulator reproduces (its "bit_approximate_loihi" model).
The format is described in docs/targets/loihi2.md.
"""

import json
import os
from collections import namedtuple

import numpy as np

FORMAT = "snnc-loihi2"
VERSION = 1

Network = namedtuple("Network", "processes inputs outputs probes model dt_ms")


def _array(value, folder, dtype=np.int64):
    """An inline number or nested list, or {"npy": file} beside the JSON."""
    if isinstance(value, dict):
        path = value["npy"]
        if os.path.isabs(path) or ".." in path.split("/"):
            raise ValueError(f"{path}: .npy paths must stay in the folder")
        return np.load(os.path.join(folder, path)).astype(dtype)
    return np.asarray(value, dtype=dtype)


def _sparse(value, folder):
    from scipy.sparse import csr_matrix

    rows, cols = _array(value["rows"], folder), _array(value["cols"], folder)
    values = _array(value["values"], folder)
    return csr_matrix((values, (rows, cols)), shape=tuple(value["shape"]))


def _port(port, view):
    """Applies the connection's view (reshape, transpose) to a port."""
    for step in view or []:
        if "reshape" in step:
            port = port.reshape(tuple(step["reshape"]))
        elif "transpose" in step:
            port = port.transpose(list(step["transpose"]))
        else:
            raise ValueError(f"unknown view step {step}")
    return port


def load(path, inputs=None):
    """Returns a Network whose `processes` maps each name to its Lava
    process. `inputs` maps an input index to its data (neurons x steps, sent
    cyclically by a RingBuffer); inputs not given send nothing."""
    from lava.magma.core.learning.constants import GradedSpikeCfg
    from lava.magma.core.learning.learning_rule import Loihi2FLearningRule
    from lava.proc.conv.process import Conv
    from lava.proc.dense.process import DelayDense, Dense, LearningDense
    from lava.proc.io.source import RingBuffer
    from lava.proc.lif.process import LIF, LIFReset, TernaryLIF
    from lava.proc.sparse.process import DelaySparse, LearningSparse, Sparse
    from lava.utils.weightutils import SignMode

    def learning(kwargs):
        """A learning connection's rule and graded-spike mode, as Lava's."""
        rule = dict(kwargs.pop("learning_rule"))
        if rule.pop("class") != "Loihi2FLearningRule":
            raise ValueError(f"{path}: unknown learning rule class")
        kwargs["learning_rule"] = Loihi2FLearningRule(**rule)
        kwargs["graded_spike_cfg"] = GradedSpikeCfg(
            kwargs.get("graded_spike_cfg", 0))

    with open(path) as f:
        doc = json.load(f)
    if doc.get("format") != FORMAT or doc.get("version") != VERSION:
        raise ValueError(f"{path}: not a {FORMAT} version {VERSION} file")
    folder = os.path.dirname(os.path.abspath(path))
    inputs = inputs or {}
    processes, input_procs = {}, {}
    neuron_classes = {"LIF": LIF, "LIFReset": LIFReset,
                      "TernaryLIF": TernaryLIF}
    for p in doc["processes"]:
        name, cls, params = p["name"], p["class"], dict(p.get("params", {}))
        if cls == "RingBuffer":
            shape = tuple(p["shape"])
            data = inputs.get(p["input"])
            if data is None:
                data = np.zeros(shape + (1,))
            data = np.asarray(data)
            if data.shape[0] != shape[0]:
                raise ValueError(f"input {p['input']}: {data.shape[0]} "
                                 f"neurons, the network has {shape[0]}")
            proc = RingBuffer(data=data, name=name)
            input_procs[p["input"]] = proc
        elif cls in neuron_classes:
            kwargs = {k: (_array(v, folder) if isinstance(v, (list, dict))
                          else v) for k, v in params.items()}
            proc = neuron_classes[cls](shape=tuple(p["shape"]), name=name,
                                       **kwargs)
        elif cls in ("Dense", "DelayDense", "LearningDense"):
            kwargs = dict(params)
            kwargs["weights"] = _array(params["weights"], folder)
            if cls == "DelayDense":
                delays = params["delays"]
                kwargs["delays"] = (delays if isinstance(delays, int)
                                    else _array(delays, folder))
            if cls == "LearningDense":
                learning(kwargs)
            kwargs["sign_mode"] = SignMode(params["sign_mode"])
            proc = {"Dense": Dense, "DelayDense": DelayDense,
                    "LearningDense": LearningDense}[cls](name=name, **kwargs)
        elif cls in ("Sparse", "DelaySparse", "LearningSparse"):
            kwargs = dict(params)
            kwargs["weights"] = _sparse(params["weights"], folder)
            if cls == "DelaySparse":
                delays = dict(params["weights"])
                delays["values"] = params["delays"]
                kwargs["delays"] = _sparse(delays, folder)
            if cls == "LearningSparse":
                learning(kwargs)
            kwargs["sign_mode"] = SignMode(params["sign_mode"])
            proc = {"Sparse": Sparse, "DelaySparse": DelaySparse,
                    "LearningSparse": LearningSparse}[cls](name=name,
                                                           **kwargs)
        elif cls == "Conv":
            kwargs = dict(params)
            kwargs["weight"] = _array(params["weight"], folder)
            for key in ("input_shape", "padding", "stride", "dilation"):
                kwargs[key] = tuple(params[key])
            proc = Conv(name=name, **kwargs)
        else:
            raise ValueError(f"{path}: process {name}: unknown class {cls}")
        processes[name] = proc
    for c in doc["connections"]:
        (src, src_port), (dst, dst_port) = c["from"], c["to"]
        out = _port(getattr(processes[src], src_port), c.get("view"))
        out.connect(getattr(processes[dst], dst_port))
    return Network(processes, input_procs, doc.get("outputs", []),
                   doc.get("probes", []), doc.get("model"), doc.get("dt_ms"))
