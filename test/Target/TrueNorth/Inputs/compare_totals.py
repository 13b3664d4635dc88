"""Compares the total spike counts per output of two snn-run --counts JSON
files, the float reference (cpu target) and the TrueNorth emulation of a
model that TrueNorth approximates: each output's total within FRACTION of
the larger of the two. Prints the totals and the largest per-neuron
difference; exits 1 outside the tolerance.

usage: compare_totals.py CPU.json TRUENORTH.json FRACTION
"""
import json
import sys

cpu, tn = (json.load(open(p))["counts"] for p in sys.argv[1:3])
fraction = float(sys.argv[3])
if len(cpu) != len(tn):
    sys.exit(f"{len(cpu)} outputs against {len(tn)}")
ok = True
for k, (a, b) in enumerate(zip(cpu, tn)):
    ta, tb = sum(a), sum(b)
    worst = max(abs(x - y) for x, y in zip(a, b))
    within = abs(ta - tb) <= fraction * max(ta, tb)
    print(f"output {k}: {len(a)} neurons, spikes {ta} (cpu) {tb} (truenorth), "
          f"largest difference {worst}, totals {'within' if within else 'outside'} "
          f"{fraction:g}")
    ok = ok and within and ta > 0 and tb > 0
sys.exit(0 if ok else 1)
