#!/usr/bin/python3
"""Times Loihi 2 learning in the emulator: the same network with STDP (Lava's
LearningDense, run by the reproduction of Lava's learning engine) and with
fixed weights (Dense), compiled with `snnc --target=loihi2` and run by
`snn-run` in the same session; the cpu target's float STDP alongside.

    /usr/bin/python3 bench/learning.py [--inputs N] [--outputs M]
        [--steps T] [--repeat R]

The network is examples/stdp_learning.mlir scaled up: N Poisson
inputs (20 Hz) learn onto M LIF neurons that N/5 further inputs drive through
fixed weights; dense, so N x M plastic synapses. Prints the best wall time
of R runs of each and the ratio learning / fixed.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SNNC = os.path.join(HERE, "..", "build", "bin", "snnc")
SNN_RUN = os.path.join(HERE, "..", "build", "bin", "snn-run")


def stdp(n):
    """stdp_learning's rule with amplitudes and bound scaled by 100 / n."""
    k = 100 / n
    return (f", stdp = #snn.stdp<a_plus = {0.002 * k:.6g}, "
            f"a_minus = {0.0015 * k:.6g}, tau_plus = 20 ms, tau_minus = 20 ms, "
            f"w_min = 0, w_max = {0.1 * k:.6g}>")


def model(n, m, learning):
    rng = np.random.default_rng(5)
    w = rng.uniform(0.0, 0.04 * 100 / n, (m, n))
    d = rng.uniform(0.1, 0.3, (m, n // 5)) * 50 / (n // 5)

    def dense(a):
        return "[" + ", ".join(
            "[" + ", ".join(f"{x:.4f}" for x in row) + "]" for row in a) + "]"
    return f"""snn.network @bench(%in: !snn.spikes<{n}>, %drive: !snn.spikes<{n // 5}>)
    -> !snn.spikes<{m}> attributes {{dt = #snn.q<1 ms>}} {{
  %i = snn.linear %in {{weight = dense<{dense(w)}> : tensor<{m}x{n}xf32>{stdp(n) if learning else ""}}}
      : !snn.spikes<{n}> -> !snn.current<{m}>
  %d = snn.linear %drive {{weight = dense<{dense(d)}> : tensor<{m}x{n // 5}xf32>}}
      : !snn.spikes<{n // 5}> -> !snn.current<{m}>
  %s = snn.lif(%i, %d) {{tau = #snn.q<10 ms>, r = #snn.q<100 MOhm>,
      v_leak = #snn.q<-65 mV>, v_threshold = #snn.q<-50 mV>,
      v_reset = #snn.q<-65 mV>}}
      : (!snn.current<{m}>, !snn.current<{m}>) -> !snn.spikes<{m}>
  snn.output %s : !snn.spikes<{m}>
}}
"""


def best_time(cmd, repeat):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, default=1000)
    ap.add_argument("--outputs", type=int, default=500)
    ap.add_argument("--steps", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    n, m = args.inputs, args.outputs
    rates = {}
    with tempfile.TemporaryDirectory() as tmp:
        times = {}
        for learning in (False, True):
            name = "stdp" if learning else "fixed"
            src = os.path.join(tmp, name + ".mlir")
            with open(src, "w") as f:
                f.write(model(n, m, learning))
            out = os.path.join(tmp, name)
            subprocess.run([SNNC, src, "--target=loihi2", "-o", out],
                           check=True)
            subprocess.run([SNNC, src, "--target=cpu", "-o",
                            out + ".snnx"], check=True)
            run = ["--steps", str(args.steps), "--poisson", "0=20,3",
                   "--poisson", "1=20,4", "--quiet"]
            counts = os.path.join(tmp, name + ".counts.json")
            subprocess.run([SNN_RUN, os.path.join(out, "bench.json")] + run +
                           ["--counts", counts], check=True)
            with open(counts) as f:
                spikes = sum(sum(c) for c in json.load(f)["counts"])
            rates[name] = spikes / m / (args.steps / 1000)
            times[("loihi2", name)] = best_time(
                [SNN_RUN, os.path.join(out, "bench.json")] + run, args.repeat)
            times[("cpu", name)] = best_time(
                [SNN_RUN, out + ".snnx"] + run, args.repeat)
    print(f"{n} x {m} = {n * m} plastic synapses, {args.steps} steps, "
          f"best of {args.repeat}; output {rates['fixed']:.1f} Hz fixed, "
          f"{rates['stdp']:.1f} Hz learning (loihi2)")
    for target in ("loihi2", "cpu"):
        fixed, stdp = times[(target, "fixed")], times[(target, "stdp")]
        print(f"  {target:7s} fixed {fixed:7.3f} s   stdp {stdp:7.3f} s   "
              f"ratio {stdp / fixed:5.2f}")


if __name__ == "__main__":
    sys.exit(main())
