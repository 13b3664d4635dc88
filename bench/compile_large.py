#!/usr/bin/python3
"""Times snnc's Loihi 2 middle end on a network of 10^6 neurons and 10^8
synapses: resource analysis, loihi2-quantize, snn-partition (METIS) and
snn-place, through the real driver (`snnc --chip=loihi2 --emit=mapped`).

    /usr/bin/python3 bench/compile_large.py [--neurons N] [--fan-in K]
        [--artifact STEPS]

With --artifact, also writes the Loihi 2 artifact (`snnc --target=loihi2`:
every procedural synapse laid out in .npy files) and runs it for STEPS steps
in `snn-run`, timing both.

The network: 80% excitatory and 20% inhibitory LIF neurons that Lava's
bit-accurate LIF runs (reset to a value, no refractory period), four
procedural projections with connection probability K / N. Prints the wall
time and peak memory of the compile, cores used against the lower bound,
and synapses cut and hop-weighted synapses against filling cores in order.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SNNC = os.path.join(HERE, "..", "build", "bin", "snnc")
SNN_RUN = os.path.join(HERE, "..", "build", "bin", "snn-run")

MODEL = """snn.network @large() -> (!snn.spikes<{exc}>, !snn.spikes<{inh}>)
    attributes {{dt = #snn.q<1 ms>}} {{
  %exc = snn.lif(%ee, %ie) {{tau = #snn.q<20 ms>, r = #snn.q<1 MOhm>,
      v_leak = #snn.q<-49 mV>, v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-60 mV>}}
      : (!snn.current<{exc}>, !snn.current<{exc}>) -> !snn.spikes<{exc}>
  %inh = snn.lif(%ei, %ii) {{tau = #snn.q<20 ms>, r = #snn.q<1 MOhm>,
      v_leak = #snn.q<-49 mV>, v_threshold = #snn.q<-50 mV>, v_reset = #snn.q<-60 mV>}}
      : (!snn.current<{inh}>, !snn.current<{inh}>) -> !snn.spikes<{inh}>
  %ee = snn.procedural %exc {{connector = #snn.connector<fixed_probability>,
      probability = {p}, seed = 1, weight = #snn.dist<constant(2.0) nA>}}
      : !snn.spikes<{exc}> -> !snn.current<{exc}>
  %ei = snn.procedural %exc {{connector = #snn.connector<fixed_probability>,
      probability = {p}, seed = 2, weight = #snn.dist<constant(2.0) nA>}}
      : !snn.spikes<{exc}> -> !snn.current<{inh}>
  %ie = snn.procedural %inh {{connector = #snn.connector<fixed_probability>,
      probability = {p}, seed = 3, weight = #snn.dist<constant(-8.0) nA>}}
      : !snn.spikes<{inh}> -> !snn.current<{exc}>
  %ii = snn.procedural %inh {{connector = #snn.connector<fixed_probability>,
      probability = {p}, seed = 4, weight = #snn.dist<constant(-8.0) nA>}}
      : !snn.spikes<{inh}> -> !snn.current<{inh}>
  snn.output %exc, %inh : !snn.spikes<{exc}>, !snn.spikes<{inh}>
}}
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--neurons", type=int, default=1_000_000)
    ap.add_argument("--fan-in", type=float, default=100.0)
    ap.add_argument("--artifact", type=int, default=0, metavar="STEPS")
    args = ap.parse_args()
    exc = args.neurons * 8 // 10
    inh = args.neurons - exc
    p = args.fan_in / args.neurons
    with tempfile.TemporaryDirectory() as tmp:
        model = os.path.join(tmp, "large.mlir")
        with open(model, "w") as f:
            f.write(MODEL.format(exc=exc, inh=inh, p=repr(p)))
        report = os.path.join(tmp, "report.json")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.monotonic()
        subprocess.run([SNNC, model, "--chip=loihi2", "--emit=mapped",
                        "--report-json=" + report, "-o", os.devnull],
                       check=True)
        seconds = time.monotonic() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        with open(report) as f:
            net = json.load(f)["networks"][0]
        if args.artifact:
            artifact = os.path.join(tmp, "out")
            timed = []
            for cmd in ([SNNC, model, "--target=loihi2", "-o", artifact],
                        [SNN_RUN, os.path.join(artifact, "large.json"),
                         "--steps", str(args.artifact), "--quiet"]):
                start = time.monotonic()
                subprocess.run(cmd, check=True)
                timed.append((time.monotonic() - start,
                              resource.getrusage(
                                  resource.RUSAGE_CHILDREN).ru_maxrss))
            size = sum(os.path.getsize(os.path.join(artifact, f))
                       for f in os.listdir(artifact))
    part, place, res = net["partition"], net["placement"], net["resources"]
    print(f"network: {args.neurons} neurons, {res['synapses']:.4g} synapses "
          f"(mean fan-in {args.fan_in:g}), loihi2")
    print(f"snnc --chip=loihi2 --emit=mapped: {seconds:.2f} s wall, "
          f"peak memory {max(peak, before) / 1024:.0f} MiB")
    print(f"cores: {part['cores']}, lower bound {part['lower_bound']} "
          f"({part['binding_limit']}): "
          f"{part['cores'] / part['lower_bound']:.3f} x; "
          f"filled in order {part['naive_cores']}")
    cut, naive = part["cut_synapses"], part["naive_cut_synapses"]
    print(f"synapses cut: {cut:.4g}, filled in order {naive:.4g}: "
          f"{cut / naive if naive else 0:.3f} x")
    hops, naive_hops = place["hop_synapses"], place["naive_hop_synapses"]
    print(f"hop-weighted synapses: {hops:.4g}, cores in order "
          f"{naive_hops:.4g}: {hops / naive_hops if naive_hops else 0:.3f} x; "
          f"chips: {place['chips']}")
    q = net.get("quantization_error", {})
    print("quantization: " + ", ".join(
        f"{k} {v['value']:.3g}" for k, v in sorted(q.items())))
    if args.artifact:
        (t1, m1), (t2, m2) = timed
        print(f"snnc --target=loihi2: {t1:.2f} s wall, {size / 2**20:.0f} MiB "
              f"written; peak memory so far {m1 / 1024:.0f} MiB")
        print(f"snn-run the artifact, {args.artifact} steps: {t2:.2f} s wall "
              f"(loading included); peak memory so far {m2 / 1024:.0f} MiB")


if __name__ == "__main__":
    sys.exit(main())
