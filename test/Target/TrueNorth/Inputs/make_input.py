"""Writes seeded random spikes for the agreement test: STEPS steps of the
model's 16 inputs (p = 0.2 per step), then EXTRA steps without spikes, for
the ticks TrueNorth's layers take to pass the last spikes on.

usage: make_input.py OUT.npy STEPS EXTRA
"""
import sys

import numpy as np

out, steps, extra = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(11)
spikes = (rng.random((steps, 16)) < 0.2).astype(np.float64)
np.save(out, np.concatenate([spikes, np.zeros((extra, 16))]))
