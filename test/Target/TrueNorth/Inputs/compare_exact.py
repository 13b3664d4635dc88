"""Compares the spike counts per neuron of two snn-run --counts JSON files,
the float reference (cpu target) and the TrueNorth emulation of a model
that maps exactly: they must be equal, neuron for neuron. Prints the totals
and exits 1 on any difference.
"""
import json
import sys

cpu, tn = (json.load(open(p))["counts"] for p in sys.argv[1:3])
if len(cpu) != len(tn):
    sys.exit(f"{len(cpu)} outputs against {len(tn)}")
ok = True
for k, (a, b) in enumerate(zip(cpu, tn)):
    diff = sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))
    print(f"output {k}: {len(a)} neurons, spikes {sum(a)} (cpu) "
          f"{sum(b)} (truenorth), neurons that differ {diff}")
    ok = ok and diff == 0 and sum(a) > 0
sys.exit(0 if ok else 1)
