"""Compares snn-run's output (steps x elements, .npy) with the expected one:
prints the counts and the first differences; exit 1 if any element differs.

usage: compare.py OUTPUT.npy EXPECTED.npy"""
import sys

import numpy as np

out, expected = np.load(sys.argv[1]), np.load(sys.argv[2])
if out.shape != expected.shape:
    print(f"shape {out.shape}, expected {expected.shape}")
    sys.exit(1)
bad = np.argwhere(out != expected)
print(f"{out.shape[0]} samples x {out.shape[1]} elements, {len(bad)} differ")
for s, e in bad[:5]:
    print(f"  sample {s} element {e}: {out[s, e]}, expected {expected[s, e]}")
sys.exit(1 if len(bad) else 0)
