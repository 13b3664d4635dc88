"""Writes a Loihi 2 artifact exercising LIFReset, TernaryLIF, graded and
binary Dense, and Conv's 24-bit wrap (see process-models.test)."""
import json
import sys

out = sys.argv[1]
big = 1 << 20
doc = {
    "format": "snnc-loihi2", "version": 1, "model": "models", "dt_ms": 1.0,
    "processes": [
        {"name": "in", "class": "RingBuffer", "shape": [2],
         "params": {"num_message_bits": 24}},
        {"name": "r", "class": "LIFReset", "shape": [1],
         "params": {"du": 4095, "dv": 0, "vth": 1000, "bias_mant": 10,
                    "reset_interval": 4, "reset_offset": 6}},
        {"name": "t", "class": "TernaryLIF", "shape": [2],
         "params": {"du": 4095, "dv": 0, "vth_hi": 1, "vth_lo": -1,
                    "bias_mant": [30, -30]}},
        {"name": "graded", "class": "LIF", "shape": [1],
         "params": {"du": 4095, "dv": 4095, "vth": 100000}},
        {"name": "binary", "class": "LIF", "shape": [1],
         "params": {"du": 4095, "dv": 4095, "vth": 100000}},
        {"name": "conv_out", "class": "LIF", "shape": [1],
         "params": {"du": 4095, "dv": 4095, "vth": 100000}},
        {"name": "d_graded", "class": "Dense", "shape": [1, 2],
         "params": {"weights": [[10, 10]], "num_message_bits": 2,
                    "sign_mode": 2}},
        {"name": "d_binary", "class": "Dense", "shape": [1, 2],
         "params": {"weights": [[10, 10]], "sign_mode": 2}},
        {"name": "c", "class": "Conv", "shape": [1, 1, 1],
         "params": {"weight": [[[[3, 0]]]], "input_shape": [1, 1, 2],
                    "padding": [0, 0], "stride": [1, 1], "dilation": [1, 1],
                    "groups": 1, "use_graded_spike": True}},
    ],
    "connections": [
        {"from": ["t", "s_out"], "to": ["d_graded", "s_in"]},
        {"from": ["d_graded", "a_out"], "to": ["graded", "a_in"]},
        {"from": ["t", "s_out"], "to": ["d_binary", "s_in"]},
        {"from": ["d_binary", "a_out"], "to": ["binary", "a_in"]},
        {"from": ["in", "s_out"], "to": ["c", "s_in"]},
        {"from": ["c", "a_out"], "to": ["conv_out", "a_in"]},
    ],
    "outputs": ["t"],
    "probes": [{"name": "r.v", "process": "r", "var": "v"},
               {"name": "graded.u", "process": "graded", "var": "u"},
               {"name": "binary.u", "process": "binary", "var": "u"},
               {"name": "conv_out.u", "process": "conv_out", "var": "u"}],
}
with open(out + ".json", "w") as f:
    json.dump(doc, f)
# 3 * 5592407 = 2^24 + 5: the Conv's sum wraps to 5.
with open(out + ".events.json", "w") as f:
    json.dump({"events": [[0, 0, 5592407]]}, f)
