"""Mutates the .npy files of an artifact many times (fixed seed) and runs
snn-run on it after each: every run must end with exit code 0, or 1 with
an error message, never with a signal or a crash. Each file is restored
after its run.

usage: mutate_npy.py ARTIFACT.json SEED COUNT SNN_RUN"""
import json
import os
import random
import re
import subprocess
import sys

artifact, seed, count, snn_run = sys.argv[1:5]
random.seed(int(seed))
folder = os.path.dirname(os.path.abspath(artifact))
with open(artifact) as f:
    doc = json.load(f)
files = sorted({os.path.join(folder, name) for layer in doc["layers"]
                for name in layer["variables"].values()})
SHAPES = ["()", "(-1,)", "(0,)", "(1099511627776, 1099511627776)",
          "(3, 3, 1)", "(9223372036854775807,)", "(2, x)", "(", "(1,1,1,1,1)"]
DESCRS = ["<f4", "<f8", "<i8", "|b1", "<c8", ">i2", "xyz", "<i0", "<u1"]


def mutate(data):
    r = random.random()
    if r < 0.2:
        return data[:random.randrange(len(data))]
    if r < 0.45:
        data = bytearray(data)
        for _ in range(random.randint(1, 4)):
            at = random.randrange(min(len(data), 128) if random.random() < 0.7
                                  else len(data))
            data[at] = random.randrange(256)
        return bytes(data)
    text = data.decode("latin-1")
    if r < 0.7:
        text = re.sub(r"'shape': \([^)]*\)",
                      "'shape': " + random.choice(SHAPES), text, count=1)
    elif r < 0.9:
        text = re.sub(r"'descr': '[^']*'",
                      "'descr': '" + random.choice(DESCRS) + "'", text,
                      count=1)
    else:
        return b""
    return text.encode("latin-1")


failures = 0
for n in range(int(count)):
    path = random.choice(files)
    with open(path, "rb") as f:
        original = f.read()
    try:
        with open(path, "wb") as f:
            f.write(mutate(original))
        p = subprocess.run([snn_run, artifact, "--steps", "2", "--quiet"],
                           capture_output=True, text=True, errors="replace")
    finally:
        with open(path, "wb") as f:
            f.write(original)
    ok = p.returncode == 0 or (p.returncode == 1 and "error:" in p.stderr)
    if not ok:
        failures += 1
        print(f"mutation {n} of {os.path.basename(path)}: exit "
              f"{p.returncode}: {p.stderr[:200]}")
print(f"{count} mutated .npy files, {failures} runs that did not end cleanly")
sys.exit(1 if failures else 0)
