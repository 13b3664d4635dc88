"""Writes seeded random spikes for the agreement test: STEPS steps of
ELEMENTS inputs (16 unless given; p = 0.2 per step), then EXTRA steps
without spikes, for the ticks TrueNorth's layers take to pass the last
spikes on.

usage: make_input.py OUT.npy STEPS EXTRA [ELEMENTS]
"""
import sys

import numpy as np

out, steps, extra = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
elements = int(sys.argv[4]) if len(sys.argv) > 4 else 16
rng = np.random.default_rng(11)
spikes = (rng.random((steps, elements)) < 0.2).astype(np.float64)
np.save(out, np.concatenate([spikes, np.zeros((extra, elements))]))
