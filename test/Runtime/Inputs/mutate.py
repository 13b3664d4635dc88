"""Mutates a valid file many times (fixed seed) and runs snn-run on each:
every run must end with exit code 0, or 1 with an error message (or, for a
reference replay, a mismatch count), never with a signal or a crash.

usage: mutate.py FILE SEED COUNT SNN_RUN artifact|reference SCRATCH [strings]
With `strings`, string values are mutated too (a character replaced,
dropped or doubled), for formats that pack data into strings."""
import copy
import json
import random
import subprocess
import sys

source, seed, count, snn_run, mode, scratch = sys.argv[1:7]
strings = sys.argv[7:] == ["strings"]
random.seed(int(seed))
with open(source) as f:
    base = json.load(f)
ODD = [None, -1, 0, 2**40, -2**40, "x", [], {}, 1.5, [1, 2], True, -300]


def mutate(o):
    """Drops an entry, replaces it with an odd value, or descends into it."""
    if isinstance(o, dict):
        keys = sorted(o)
    elif isinstance(o, list):
        keys = list(range(len(o)))
    else:
        return
    if not keys:
        return
    key = random.choice(keys)
    r = random.random()
    if r < 0.2:
        del o[key]
    elif r < 0.4:
        o[key] = copy.deepcopy(random.choice(ODD))
    elif strings and isinstance(o[key], str):
        o[key] = mutate_string(o[key])
    else:
        mutate(o[key])


def mutate_string(s):
    """Replaces, drops or doubles one character, or empties the string."""
    if not s or random.random() < 0.1:
        return random.choice(["", "1:0", "x", "-1x", ":"])
    i = random.randrange(len(s))
    r = random.random()
    if r < 0.5:
        return s[:i] + random.choice(":x-09aFgS ") + s[i + 1:]
    if r < 0.75:
        return s[:i] + s[i + 1:]
    return s[:i] + s[i] + s[i:]


failures = 0
for n in range(int(count)):
    doc = copy.deepcopy(base)
    for _ in range(random.randint(1, 3)):
        mutate(doc)
    with open(scratch, "w") as f:
        json.dump(doc, f)
    cmd = ([snn_run, "--lava-reference", scratch] if mode == "reference"
           else [snn_run, scratch, "--steps", "3", "--quiet"])
    p = subprocess.run(cmd, capture_output=True, text=True)
    ok = p.returncode == 0 or (
        p.returncode == 1 and ("error:" in p.stderr or
                               "mismatches:" in p.stdout))
    if not ok:
        failures += 1
        print(f"mutation {n}: exit {p.returncode}: {p.stderr[:200]}")
print(f"{count} mutated files, {failures} runs that did not end cleanly")
sys.exit(1 if failures else 0)
