"""Prints numpy's default_rng streams in the form of
test/Unit/Runtime/Inputs/numpy-random.txt (numpy-random.test compares
them): for each seed, Generator.random()
and Generator.integers(0, n, size=1) drawn one at a time, as Lava's learning
engine draws them (lava/magma/core/learning/random.py)."""
import numpy as np

SEEDS = [0, 1, 2, 3, 17, 4242, 2**32 - 1, 2**32 + 5, 123456789012345]
for seed in SEEDS:
    rng = np.random.default_rng(seed)
    print("random", seed, " ".join(rng.random(1)[0].hex() for _ in range(8)))
    for n in (2, 3, 128, 256, 1000, 2**31 + 1):
        rng = np.random.default_rng(seed)
        print("integers", seed, n,
              " ".join(str(rng.integers(0, n, size=1, dtype=int)[0])
                       for _ in range(12)))
