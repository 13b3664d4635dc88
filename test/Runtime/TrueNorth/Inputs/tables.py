"""Writes a small hand-made TrueNorth artifact (three cores, CPE's range
shorthands), its input spikes, and one broken variant per reader message.

The good table (docs/formats/truenorth.md):
  core 0: axon 0 (S0) reaches neurons 0 and 1, axon 1 (S0) neuron 2.
    neuron 0 relay (N00000000: +1, alpha 1) -> core 1 axon 0, delay 1
    neuron 1 counter (N00000001: +1, alpha 3, linear reset) -> core 1
      axon 1, delay 3
    neuron 2 counter, no destination (an output)
  core 1: dendrites swap columns 0 and 1: neuron 0 reads column 1, which
    axon 0 reaches; neuron 1 reads column 0, which axon 1 reaches. Both
    relays, outputs.
  core 2: neuron 1 leaks up by 1 a tick to alpha 4 and resets to 0
    (N00000002): it fires at ticks 3, 7, 11, ...
Input 0 has two elements: element 0 drives core 0 axon 0, element 1 drives
core 0 axon 1 and core 2 axon 0.
"""
import copy
import json
import sys

out = sys.argv[1]
ZERO = "0" * 64


def row(kind, bits):
    return {"type": kind, "synapses": bits}


def neuron_type(name, **params):
    t = {"name": name, "class": "NeuronGeneral"}
    for k in range(4):
        t.update({f"sigma{k}": 1, f"s{k}": 0, f"b{k}": False})
    t.update({"sigma_lambda": 1, "lambda": 0, "c_lambda": False,
              "epsilon": False, "alpha": 1, "beta": 0, "TM": 0, "gamma": 0,
              "kappa": True, "sigma_VR": 1, "VR": 0, "V": 0})
    t.update(params)
    return t


# xb0: axon 0 -> columns 0, 1 ("C" = 1100); axon 1 -> column 2 ("2" = 0010),
# with CPE's spaces between bytes.
xb0 = [row("S0", "C" + "0" * 63), row("S0", "20 " + "00 " * 30 + "00")]
xb0 += [row("S0", ZERO) for _ in range(254)]
# xb1: axon 0 -> column 1 ("4" = 0100), axon 1 -> column 0 ("8" = 1000).
xb1 = [row("S0", "4" + "0" * 63), row("S1", "8" + "0" * 63)]
xb1 += [row("S3", ZERO) for _ in range(254)]
xb2 = [row("S0", ZERO) for _ in range(256)]

good = {
    "format": "snnc-truenorth", "version": 1, "compiler": "hand-written",
    "model_name": "tiny", "dt_ms": 1.0,
    "model": {"coreCount": 3, "neuronclass": "NeuronGeneral",
              "crossbarSize": 256, "crossbarclass": "CrossbarBinary"},
    "crossbarTypes": [
        {"name": "xb0", "crossbar": {"rows": xb0}},
        {"name": "xb1", "crossbar": {"rows": xb1}},
        {"name": "xb2", "crossbar": {"rows": xb2}},
    ],
    "neuronTypes": [
        neuron_type("N00000000", s0=1, s1=1),
        neuron_type("N00000001", s0=1, alpha=3, gamma=1),
        neuron_type("N00000002", **{"lambda": 1, "alpha": 4}),
    ],
    "core": [
        {"id": 2, "timeScaleExponent": 0, "rngSeed": 7,
         "crossbar": {"name": "xb2"},
         "neurons": {"dendrites": ["0:255"], "types": [-1, 2, "-1x254"],
                     "destCores": ["-1x256"], "destAxons": ["0x256"],
                     "destDelays": ["1x256"]}},
        {"id": 0, "timeScaleExponent": 0, "rngSeed": 1,
         "crossbar": {"name": "xb0"},
         "neurons": {"dendrites": ["0:251", "252:255"],
                     "types": [0, "1x2", "-1x253"],
                     "destCores": [1, 1, -1, "-1x253"],
                     "destAxons": ["0:1", "0:2:4", "0x251"],
                     "destDelays": [1, 3, "1x254"]}},
        {"id": 1, "timeScaleExponent": 0, "rngSeed": 4294967295,
         "crossbar": {"name": "xb1"},
         "neurons": {"dendrites": [1, 0, "2:255"], "types": ["0x2", "-1x254"],
                     "destCores": ["-1x256"], "destAxons": ["0x256"],
                     "destDelays": ["1x256"]}},
    ],
    "inputs": [{"index": 0, "shape": [2],
                "targets": [[[0, 0]], [[0, 1], [2, 0]]]}],
    "outputs": [{"index": 0, "shape": [4],
                 "neurons": [[0, 2], [1, 0], [1, 1], [2, 1]]}],
    "corelets": [{"core": 0, "op": "hand", "neurons": [0, 2]}],
}


def write(name, doc):
    with open(f"{out}/{name}.json", "w") as f:
        json.dump(doc, f)


write("good", good)
# The same with stochastic synapses, leak and threshold mask.
stochastic = copy.deepcopy(good)
stochastic["neuronTypes"][1].update(s0=200, b0=True, TM=2)
stochastic["neuronTypes"][2].update(**{"c_lambda": True, "lambda": 90,
                                        "TM": 3})
write("stochastic", stochastic)
# Element 0 spikes at steps 0..9, element 1 at steps 0, 2 and 4.
with open(f"{out}/spikes.csv", "w") as f:
    f.write("step,index\n")
    f.writelines(f"{t},0\n" for t in range(10))
    f.writelines(f"{t},1\n" for t in (0, 2, 4))


def variant(name, change):
    d = copy.deepcopy(good)
    change(d)
    write(name, d)


def core(d, cid):
    return next(c for c in d["core"] if c["id"] == cid)


def neurons(d, cid):
    return core(d, cid)["neurons"]


def set_row(xb, axon, **fields):
    return lambda d: d["crossbarTypes"][xb]["crossbar"]["rows"][axon].update(
        fields)


variant("version", lambda d: d.update(version=2))
variant("crossbar-size",
        lambda d: d["model"].update(crossbarSize=128))
variant("core-count", lambda d: d["model"].update(coreCount=4))
variant("rows", lambda d: d["crossbarTypes"][1]["crossbar"]["rows"].pop())
variant("hex-length", set_row(0, 17, synapses="0" * 63))
variant("hex-digit", set_row(0, 3, synapses="g" + "0" * 63))
variant("axon-type", set_row(1, 5, type="S4"))
variant("crossbar-name", lambda d: core(d, 1)["crossbar"].update(name="xb9"))
variant("type-name", lambda d: d["neuronTypes"][2].update(name="N2"))
variant("type-twice", lambda d: d["neuronTypes"][2].update(name="N00000001"))
variant("undefined-type", lambda d: neurons(d, 0).update(
    types=[0, 1, 1, 7, "-1x252"]))
variant("missing-param", lambda d: d["neuronTypes"][0].pop("TM"))
variant("alpha", lambda d: d["neuronTypes"][1].update(alpha=300))
variant("weight", lambda d: d["neuronTypes"][0].update(s2=256))
variant("sigma", lambda d: d["neuronTypes"][0].update(sigma1=0))
variant("mask", lambda d: d["neuronTypes"][0].update(TM=9))
variant("membrane", lambda d: d["neuronTypes"][0].update(V=524288))
variant("flag", lambda d: d["neuronTypes"][0].update(kappa=2))
variant("dest-core", lambda d: neurons(d, 0).update(
    destCores=[1, 3, -1, "-1x253"]))
variant("dest-axon", lambda d: neurons(d, 0).update(
    destAxons=[256, "0x255"]))
variant("delay", lambda d: neurons(d, 0).update(destDelays=[1, 16, "1x254"]))
variant("delay-zero", lambda d: neurons(d, 0).update(
    destDelays=[0, 3, "1x254"]))
variant("dendrite", lambda d: neurons(d, 1).update(
    dendrites=[1, 300, "2:255"]))
variant("short-array", lambda d: neurons(d, 2).update(destAxons=["0x255"]))
variant("long-array", lambda d: neurons(d, 2).update(
    destAxons=["0x256", 0]))
variant("descending", lambda d: neurons(d, 0).update(
    destAxons=["3:1", "0x253"]))
variant("bad-step", lambda d: neurons(d, 0).update(
    destAxons=["0:0:4", "0x253"]))
variant("not-shorthand", lambda d: neurons(d, 2).update(
    destAxons=["0y256"]))
variant("huge-shorthand", lambda d: neurons(d, 2).update(
    destAxons=["0:200000000"]))
variant("core-id", lambda d: core(d, 2).update(id=0))
variant("time-scale", lambda d: core(d, 2).update(timeScaleExponent=1))
variant("input-target", lambda d: d["inputs"][0].update(
    targets=[[[0, 0]], [[0, 1], [2, 256]]]))
variant("input-shape", lambda d: d["inputs"][0].update(shape=[3]))
variant("output-unused", lambda d: d["outputs"][0].update(
    neurons=[[0, 2], [1, 0], [1, 1], [2, 0]]))
variant("output-core", lambda d: d["outputs"][0].update(
    neurons=[[0, 2], [1, 0], [5, 1], [2, 1]]))
variant("float", lambda d: d["neuronTypes"][0].update(beta=1.5))
with open(f"{out}/text.json", "w") as f:
    f.write('{"format": "snnc-truenorth", ')
