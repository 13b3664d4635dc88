#!/usr/bin/python3
"""Benchmarks snnc's emulator against Brian2 C++ standalone on the COBA and
CUBA networks, in the same run, and prints one table.

usage: bench/run.py --bin build/bin [--ms 1000] [--quick] [--no-brian]
                    [--threads 1,2]

For each network and thread count: synaptic events per second (events =
sum of spikes x out-degree, over the simulation loop's wall time), the
real-time factor (wall / simulated time), peak RSS per synapse, the bytes
the image and runtime hold per synapse, and snnc's events/s as a ratio to
Brian2's at the same thread count.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import networks  # noqa: E402

# (network, N, K, synapses): procedural synapses are generated on the fly;
# explicit ones are drawn once and stored (the storage benchmark).
CASES = [("coba", 4000, 80, "procedural"), ("coba", 100000, 80, "procedural"),
         ("cuba", 40000, 800, "procedural"), ("coba", 20000, 80, "explicit")]
QUICK = [("coba", 4000, 80, "procedural"), ("cuba", 4000, 80, "procedural"),
         ("coba", 4000, 80, "explicit")]


def run_snnc(kind, n, k, storage, ms, threads, bindir, work):
    if storage == "explicit":
        text = networks.coba_explicit_mlir(n, k)
    else:
        text = networks.coba_mlir(n, k) if kind == "coba" else networks.cuba_mlir(n, k)
    stem = os.path.join(work, "%s-%d-%s" % (kind, n, storage))
    model, image, activity = stem + ".mlir", stem + ".snnx", stem + ".json"
    open(model, "w").write(text)
    # Brian's benchmark integrates COBA with forward Euler, CUBA exactly:
    # snnc integrates the same way.
    scheme = "euler" if kind == "coba" else "exact"
    subprocess.run([os.path.join(bindir, "snnc"), model, "--target=cpu",
                    "--scheme=" + scheme, "-o", image], check=True)
    steps = int(round(ms / 0.1))
    cmd = [os.path.join(bindir, "snn-run"), image, "--steps", str(steps),
           "--activity", activity, "--threads", str(threads)]
    out, _, rss = networks.run_with_rss(cmd)
    wall = float(re.search(r"in ([0-9.]+) s wall", out).group(1))
    act = json.load(open(activity))
    events = sum(node["synaptic_events"] for node in act["nodes"])
    # Stored synapses for explicit ones; the expected count for procedural.
    synapses = act["stored_synapses"] if storage == "explicit" else n * k
    return {"loop_s": wall, "events": events, "rss": rss, "synapses": synapses,
            "store": act["synapse_bytes"]}


def run_brian(kind, n, k, ms, threads, work):
    directory = os.path.join(work, "brian-%s-%d-%d" % (kind, n, threads))
    spikes = os.path.join(work, "brian-%s-%d.npy" % (kind, n))
    script = networks.brian_script(kind, n, k, ms, threads, directory, True,
                                   spikes)
    path = directory + ".py"
    open(path, "w").write(script)
    out, _, rss = networks.run_with_rss([sys.executable, path])
    result = json.loads(out.strip().splitlines()[-1])
    # The C++ binary itself is a child of the script: its RSS is counted.
    result["rss"] = rss
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--ms", type=float, default=1000.0)
    ap.add_argument("--quick", action="store_true",
                    help="small networks only (N = 4000)")
    ap.add_argument("--no-brian", action="store_true")
    ap.add_argument("--threads", default="1,2")
    args = ap.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    cases = QUICK if args.quick else CASES
    print("%-6s %-10s %7s %4s %3s %-7s %12s %8s %9s %9s %8s" %
          ("net", "synapses", "N", "K", "thr", "sim", "events/s", "RTF",
           "RSS B/syn", "store B/s", "x brian"))
    with tempfile.TemporaryDirectory() as work:
        for kind, n, k, storage in cases:
            base = {}
            for t in threads:
                rows = []
                if not args.no_brian:
                    b = run_brian(kind, n, k, args.ms, t, work)
                    base[t] = b["events"] / b["loop_s"]
                    rows.append(("brian2", b, b["synapses"], None))
                s = run_snnc(kind, n, k, storage, args.ms, t, args.bin, work)
                rows.append(("snnc", s, s["synapses"], s["store"]))
                for sim, r, syn, store in rows:
                    eps = r["events"] / r["loop_s"]
                    ratio = ("%8.2f" % (eps / base[t])
                             if sim == "snnc" and t in base else "%8s" % "")
                    print("%-6s %-10s %7d %4d %3d %-7s %12.3e %8.3f %9.1f %9s %s" %
                          (kind, storage, n, k, t, sim, eps,
                           r["loop_s"] / (args.ms / 1000.0), r["rss"] / syn,
                           "%.2f" % (store / syn) if store is not None else "",
                           ratio))
                    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
