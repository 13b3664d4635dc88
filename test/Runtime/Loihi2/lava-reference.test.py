"""Writes altered copies of a Lava reference file for lava-reference.test."""
import copy
import json
import sys

source, out = sys.argv[1], sys.argv[2]
with open(source) as f:
    ref = json.load(f)


def write(suffix, doc):
    with open(out + "." + suffix + ".json", "w") as f:
        json.dump(doc, f)


d = copy.deepcopy(ref)
d["traces"]["lif2"]["v"][16][1] += 1
write("v", d)

d = copy.deepcopy(ref)
assert d["traces"]["lif1"]["s_out"][2][0] == 0
d["traces"]["lif1"]["s_out"][2][0] = 1
write("spike", d)

d = copy.deepcopy(ref)
d["connections"][0]["weights_effective"][0][0] = 85
write("weight", d)

d = copy.deepcopy(ref)
del d["processes"][0]["vth"]
write("missing", d)

d = copy.deepcopy(ref)
d["connections"][0]["weights_raw"][1] = d["connections"][0]["weights_raw"][1][:5]
write("ragged", d)

d = copy.deepcopy(ref)
d["processes"][0]["du"] = 5000
write("range", d)

d = copy.deepcopy(ref)
d["num_steps"] = 41
write("steps", d)

with open(out + ".bad.json", "w") as f:
    f.write('{"num_steps": 4,')
