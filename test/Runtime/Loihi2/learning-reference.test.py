"""Writes a reference run in the format of test/data/lava/ with a learning
connection (learning-reference.test): the network of learning.test, one
input of two elements (0: the pre-synaptic neuron, 1: the drive), and the
weights traced after every step as worked out there by hand."""
import copy
import json
import sys

out = sys.argv[1]
steps = 12
pre, drive = [2, 5, 10], [1, 7, 9]  # snn-run steps k = Lava's t - 1
data = [[1 if k in pre else 0 for k in range(steps)],
        [1 if k in drive else 0 for k in range(steps)]]
weights = [[[10 if k < 2 else 26 if k < 10 else 42, 0]] for k in range(steps)]
spikes = [[1 if k in (2, 8, 10) else 0] for k in range(steps)]
ref = {
    "num_steps": steps, "topology": "learning",
    "inputs": {"name": "in", "type": "RingBuffer", "shape": [2],
               "data": data},
    "processes": [{"name": "post", "type": "LIF", "shape": [1],
                   "du": 4095, "dv": 4095, "vth": 50}],
    "connections": [
        {"name": "learn", "type": "LearningDense", "src": "in", "dst": "post",
         "weights_raw": [[10, 0]], "sign_mode": 2,
         "learning_rule": {"class": "Loihi2FLearningRule",
                           "dw": "2^1 * y0 * x1 - 2^0 * x0 * y1",
                           "x1_impulse": 16, "x1_tau": 0,
                           "y1_impulse": 16, "y1_tau": 0,
                           "t_epoch": 1, "rng_seed": 5}},
        {"name": "d", "type": "Dense", "src": "in", "dst": "post",
         "weights_raw": [[0, 100]], "sign_mode": 2},
    ],
    "traces": {"post": {"s_out": spikes},
               "learn": {"weights": weights}},
}
with open(out + ".json", "w") as f:
    json.dump(ref, f)
# One learned weight changed: found and named.
bad = copy.deepcopy(ref)
bad["traces"]["learn"]["weights"][10][0][0] = 43
with open(out + ".changed.json", "w") as f:
    json.dump(bad, f)
# A connection cannot send spikes.
wrong = copy.deepcopy(ref)
wrong["traces"]["learn"]["s_out"] = spikes
with open(out + ".sout.json", "w") as f:
    json.dump(wrong, f)
