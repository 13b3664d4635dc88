#!/usr/bin/python3
"""Runs COBA and CUBA in snnc and in Brian2 from the same parameters and
compares mean rates and the coefficient of variation of inter-spike
intervals. Exits non-zero when they disagree beyond the tolerances.

usage: bench/brian2_compare.py --bin build/bin [--n 4000] [--ms 1000]
                               [--rate-tol 0.2] [--cv-tol 0.15] [--standalone]
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import networks  # noqa: E402


def statistics(times_ms, index, n, duration_ms, skip_ms=100.0):
    """Mean rate (Hz) and mean CV of ISI over neurons with >= 3 spikes."""
    keep = times_ms >= skip_ms
    times_ms, index = times_ms[keep], index[keep]
    rate = len(times_ms) / n / ((duration_ms - skip_ms) / 1000.0)
    order = np.lexsort((times_ms, index))
    times_ms, index = times_ms[order], index[order]
    cvs = []
    starts = np.searchsorted(index, np.arange(n + 1))
    for i in range(n):
        t = times_ms[starts[i]:starts[i + 1]]
        if len(t) >= 3:
            isi = np.diff(t)
            if isi.mean() > 0:
                cvs.append(isi.std() / isi.mean())
    return rate, (float(np.mean(cvs)) if cvs else float("nan"))


def run_snnc(kind, n, duration_ms, bindir, work):
    text = networks.coba_mlir(n) if kind == "coba" else networks.cuba_mlir(n)
    model = os.path.join(work, kind + ".mlir")
    image = os.path.join(work, kind + ".snnx")
    spikes = os.path.join(work, kind + ".csv")
    open(model, "w").write(text)
    subprocess.run([os.path.join(bindir, "snnc"), model, "--target=cpu",
                    "-o", image], check=True)
    steps = int(round(duration_ms / 0.1))
    subprocess.run([os.path.join(bindir, "snn-run"), image, "--steps",
                    str(steps), "--spikes", spikes, "--quiet"], check=True)
    rows = np.loadtxt(spikes, delimiter=",", skiprows=1, ndmin=2)
    ne = int(0.8 * n)
    t = rows[:, 0] * 0.1
    idx = rows[:, 2] + np.where(rows[:, 1] == 1, ne, 0)
    return statistics(t, idx.astype(np.int64), n, duration_ms)


def run_brian(kind, n, duration_ms, work, standalone):
    spikes = os.path.join(work, kind + "-brian.npy")
    script = networks.brian_script(kind, n, 80, duration_ms, 1,
                                   os.path.join(work, kind + "-standalone"),
                                   standalone, spikes)
    path = os.path.join(work, kind + "-brian.py")
    open(path, "w").write(script)
    subprocess.run([sys.executable, path], check=True, stdout=subprocess.PIPE,
                   stderr=subprocess.PIPE)
    t, i = np.load(spikes)
    return statistics(t, i.astype(np.int64), n, duration_ms)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True, help="folder with snnc, snn-run")
    ap.add_argument("--n", type=int, default=4000)
    ap.add_argument("--ms", type=float, default=1000.0)
    ap.add_argument("--rate-tol", type=float, default=0.2,
                    help="relative tolerance on the mean rate")
    ap.add_argument("--cv-tol", type=float, default=0.15,
                    help="absolute tolerance on the mean CV of ISI")
    ap.add_argument("--standalone", action="store_true",
                    help="Brian2 C++ standalone instead of its numpy target")
    args = ap.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as work:
        print("network  simulator  rate (Hz)  CV ISI")
        for kind in ("coba", "cuba"):
            ours = run_snnc(kind, args.n, args.ms, args.bin, work)
            ref = run_brian(kind, args.n, args.ms, work, args.standalone)
            print("%-8s %-10s %9.2f  %6.3f" % (kind, "snnc", *ours))
            print("%-8s %-10s %9.2f  %6.3f" % (kind, "brian2", *ref))
            rate_err = abs(ours[0] - ref[0]) / ref[0]
            cv_err = abs(ours[1] - ref[1])
            good = rate_err <= args.rate_tol and cv_err <= args.cv_tol
            print("%-8s rate differs by %.1f%% (tolerance %.0f%%), CV by %.3f "
                  "(tolerance %.2f): %s" % (kind, 100 * rate_err,
                                             100 * args.rate_tol, cv_err,
                                             args.cv_tol,
                                             "agree" if good else "DISAGREE"))
            ok &= good
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
