"""Checks that a float run (the cpu target's probe, JSON) is an affine image
of an Akida run's integer potentials (.npy), output by output: the snn
potential is s_f P + b_f (docs/formats/akida.md, "How snn maps onto it").
Prints the scales and the largest residual.

usage: affine.py CPU_PROBES.json AKIDA.npy"""
import json
import sys

import numpy as np

with open(sys.argv[1]) as f:
    probe = next(iter(json.load(f)["probes"].values()))
cpu = np.array(probe["data"]).reshape(probe["shape"])
akida = np.load(sys.argv[2])
if cpu.shape != akida.shape:
    sys.exit(f"shapes differ: {cpu.shape}, {akida.shape}")
scales, worst = set(), 0.0
for f in range(cpu.shape[1]):
    a = np.vstack([akida[:, f], np.ones(len(akida))]).T
    (s, b), *_ = np.linalg.lstsq(a, cpu[:, f], rcond=None)
    scales.add(round(float(s), 9))
    worst = max(worst, float(np.abs(a @ [s, b] - cpu[:, f]).max()))
print(f"{cpu.shape[0]} samples x {cpu.shape[1]} outputs, scales "
      f"{sorted(scales)}, largest residual below 1e-9: {worst < 1e-9}")
