"""Writes a Loihi 2 artifact with one LearningDense (see learning.test): a
pre-synaptic input, a post-synaptic LIF that a second input drives through a
Dense, and a rule whose numbers are exact (no stochastic rounding)."""
import json
import sys

out = sys.argv[1]
doc = {
    "format": "snnc-loihi2", "version": 1, "model": "learning", "dt_ms": 1.0,
    "processes": [
        {"name": "pre", "class": "RingBuffer", "shape": [1]},
        {"name": "drive", "class": "RingBuffer", "shape": [1]},
        # u holds one step's input (du 4095), v forgets (dv 4095): the post
        # neuron spikes when one step's input exceeds vth << 6 = 3200.
        {"name": "post", "class": "LIF", "shape": [1],
         "params": {"du": 4095, "dv": 4095, "vth": 50}},
        {"name": "d", "class": "Dense", "shape": [1, 1],
         "params": {"weights": [[100]], "sign_mode": 2}},
        {"name": "learn", "class": "LearningDense", "shape": [1, 1],
         "params": {"weights": [[10]], "sign_mode": 2,
                    "learning_rule": {
                        "class": "Loihi2FLearningRule",
                        "dw": "2^1 * y0 * x1 - 2^0 * x0 * y1",
                        "x1_impulse": 16, "x1_tau": 0,
                        "y1_impulse": 16, "y1_tau": 0,
                        "t_epoch": 1, "rng_seed": 5}}},
    ],
    "connections": [
        {"from": ["pre", "s_out"], "to": ["learn", "s_in"]},
        {"from": ["learn", "a_out"], "to": ["post", "a_in"]},
        {"from": ["drive", "s_out"], "to": ["d", "s_in"]},
        {"from": ["d", "a_out"], "to": ["post", "a_in"]},
        {"from": ["post", "s_out"], "to": ["learn", "s_in_bap"]},
    ],
    "outputs": ["post"],
    "probes": [{"name": "w", "process": "learn", "var": "weights"},
               {"name": "x1", "process": "learn", "var": "x1"},
               {"name": "y1", "process": "learn", "var": "y1"},
               {"name": "post.u", "process": "post", "var": "u"}],
}
with open(out + ".json", "w") as f:
    json.dump(doc, f)
# The same synapse as LearningSparse (one stored synapse of a 1 x 1 matrix).
sparse = json.loads(json.dumps(doc))
sparse["processes"][4]["class"] = "LearningSparse"
sparse["processes"][4]["params"]["weights"] = {
    "shape": [1, 1], "rows": [0], "cols": [0], "values": [10]}
with open(out + ".sparse.json", "w") as f:
    json.dump(sparse, f)
with open(out + ".pre.json", "w") as f:
    json.dump({"events": [[2, 0], [5, 0], [10, 0]]}, f)
with open(out + ".drive.json", "w") as f:
    json.dump({"events": [[1, 0], [7, 0], [9, 0]]}, f)

# Artifacts the runtime refuses, one message each (learning.test).
import copy


def variant(name, change):
    d = copy.deepcopy(doc)
    change(d)
    with open(out + "." + name + ".json", "w") as f:
        json.dump(d, f)


def rule(**kw):
    return lambda d: d["processes"][4]["params"]["learning_rule"].update(kw)


def without_seed(d):
    del d["processes"][4]["params"]["learning_rule"]["rng_seed"]


variant("seed", without_seed)
variant("seedneg", rule(rng_seed=-1))
variant("dw", rule(dw="2^-2 * x1"))
variant("dd", rule(dd="x0 * y1"))
variant("epoch", rule(t_epoch=64))
variant("impulse", rule(y1_impulse=130))
variant("ruleclass", rule(**{"class": "Loihi3FLearningRule"}))
variant("bap", lambda d: d["connections"].pop())
variant("bapfrom", lambda d: d["connections"][4].update(
    {"from": ["pre", "s_out"]}))
variant("bapto", lambda d: d["connections"][4].update(
    {"to": ["d", "s_in_bap"]}))
variant("graded", lambda d: d["processes"][4]["params"].update(
    graded_spike_cfg=5))
variant("sign", lambda d: d["processes"][4]["params"].pop("sign_mode"))
