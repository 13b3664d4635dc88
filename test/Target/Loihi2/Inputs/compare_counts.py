"""Compares the spike counts per neuron of two snn-run --counts JSON files:
the float reference (cpu target) and the Loihi 2 emulation of one model.

The tolerance, stated in docs/targets/loihi2.md: for every neuron
|n_loihi2 - n_cpu| <= 2 + 0.1 * max(n_cpu, n_loihi2), and for every
population the totals within 1%. Prints the largest differences and exits 1
when the tolerance is not met.
"""
import json
import sys

cpu, loihi = (json.load(open(p))["counts"] for p in sys.argv[1:3])
if len(cpu) != len(loihi):
    sys.exit(f"{len(cpu)} outputs against {len(loihi)}")
ok = True
for k, (a, b) in enumerate(zip(cpu, loihi)):
    if len(a) != len(b):
        sys.exit(f"output {k}: {len(a)} neurons against {len(b)}")
    worst = max(abs(x - y) for x, y in zip(a, b))
    bad = [i for i, (x, y) in enumerate(zip(a, b))
           if abs(x - y) > 2 + 0.1 * max(x, y)]
    ta, tb = sum(a), sum(b)
    total_ok = abs(ta - tb) <= 0.01 * max(ta, tb)
    print(f"output {k}: {len(a)} neurons, spikes {ta} (cpu) {tb} (loihi2), "
          f"largest difference {worst}, outside tolerance {len(bad)}")
    ok = ok and not bad and total_ok and ta > 0
sys.exit(0 if ok else 1)
