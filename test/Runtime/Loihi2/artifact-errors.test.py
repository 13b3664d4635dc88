"""Writes a small valid Loihi 2 artifact and broken variants of it."""
import copy
import json
import sys

out = sys.argv[1]
good = {
    "format": "snnc-loihi2", "version": 1, "model": "tiny", "dt_ms": 1.0,
    "processes": [
        {"name": "in", "class": "RingBuffer", "shape": [2],
         "params": {"num_message_bits": 0}},
        {"name": "lif", "class": "LIF", "shape": [1],
         "params": {"du": 4095, "dv": 0, "vth": 10, "bias_mant": 0,
                    "bias_exp": 0, "u": 0, "v": 0}},
        {"name": "dense", "class": "Dense", "shape": [1, 2],
         "params": {"weights": [[100, 100]], "weight_exp": 0,
                    "num_weight_bits": 8, "sign_mode": 2}},
    ],
    "connections": [
        {"from": ["in", "s_out"], "to": ["dense", "s_in"]},
        {"from": ["dense", "a_out"], "to": ["lif", "a_in"]},
    ],
    "outputs": ["lif"],
}


def write(name, doc):
    with open(f"{out}/{name}.json", "w") as f:
        json.dump(doc, f)


def variant(name, change):
    d = copy.deepcopy(good)
    change(d)
    write(name, d)


write("good", good)
# Both inputs spike at step 0: 200 << 6 = 12800 > 10 << 6 at step 1.
with open(f"{out}/spikes.csv", "w") as f:
    f.write("0,0\n0,1\n")
# An unknown format is the dispatcher's (test/Runtime/artifact-kinds.test).
variant("format", lambda d: d.update(format="lava"))
variant("version", lambda d: d.update(version=2))
variant("npy", lambda d: d["processes"][1]["params"].update(
    bias_mant={"npy": "../x.npy"}))
variant("missing-npy", lambda d: d["processes"][1]["params"].update(
    bias_mant={"npy": "gone.npy"}))
variant("port", lambda d: d["connections"][0].update(to=["dense", "a_in"]))
variant("dangling", lambda d: d["connections"].pop())
variant("columns", lambda d: d["processes"][2]["params"].update(
    weights=[[1, 2, 3]]))
variant("class", lambda d: d["processes"][2].update({"class": "Dense3D"}))
variant("exp", lambda d: d["processes"][2]["params"].update(weight_exp=9))


def delayed(d):
    d["processes"][2]["class"] = "DelayDense"
    d["processes"][2]["params"]["delays"] = [[0, 63]]


variant("delay", delayed)
variant("view", lambda d: d["connections"][0].update(
    view=[{"reshape": [2]}, {"transpose": [0]}]))
with open(f"{out}/text.json", "w") as f:
    f.write("{\"format\": ")
