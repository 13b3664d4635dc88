#!/usr/bin/python3
"""Times the TrueNorth emulation against the float reference in one
session: a network that TrueNorth represents exactly (the trinary
convolutional net of test/Target/TrueNorth/Inputs/trinary_conv.mlir, or
another model given with --model), compiled with `snnc --target=cpu` and
`--target=truenorth`, run by `snn-run` on the same Poisson input.

    /usr/bin/python3 bench/truenorth.py [--model FILE] [--steps T]
        [--rate HZ] [--repeat R]

Prints the best wall time of R runs of each, the synaptic events per
second of each (from snn-run's activity counters) and the ratio of the
wall times, TrueNorth / cpu.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
SNNC = os.path.join(ROOT, "build", "bin", "snnc")
SNN_RUN = os.path.join(ROOT, "build", "bin", "snn-run")
DEFAULT = os.path.join(ROOT, "test", "Target", "TrueNorth", "Inputs",
                       "trinary_conv.mlir")


def best_run(artifact, steps, rate, repeat, activity):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([SNN_RUN, artifact, "--steps", str(steps), "--poisson",
                        f"0={rate},1", "--activity", activity, "--quiet"],
                       check=True)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    with open(activity) as f:
        nodes = json.load(f)["nodes"]
    events = sum(n["synaptic_events"] for n in nodes)
    return best, events


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=DEFAULT)
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        name = os.path.splitext(os.path.basename(args.model))[0]
        cpu = os.path.join(tmp, "model.snnx")
        tn = os.path.join(tmp, "tn")
        subprocess.run([SNNC, args.model, "--target=cpu", "-o", cpu], check=True)
        subprocess.run([SNNC, args.model, "--target=truenorth", "-o", tn],
                       check=True)
        with open(os.path.join(tn, name + ".json")) as f:
            cores = json.load(f)["model"]["coreCount"]
        results = {}
        for label, artifact in (("cpu", cpu),
                                ("truenorth", os.path.join(tn, name + ".json"))):
            results[label] = best_run(artifact, args.steps, args.rate,
                                      args.repeat,
                                      os.path.join(tmp, label + ".json"))
    print(f"{os.path.relpath(args.model, ROOT)}: {args.steps} steps of "
          f"{args.rate:g} Hz Poisson input, best of {args.repeat}; "
          f"{cores} TrueNorth cores")
    for label, (wall, events) in results.items():
        print(f"  {label:10s} {wall:8.3f} s  {events:12d} synaptic events  "
              f"{events / wall:12.4g} events/s")
    print(f"  truenorth / cpu wall time: "
          f"{results['truenorth'][0] / results['cpu'][0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
