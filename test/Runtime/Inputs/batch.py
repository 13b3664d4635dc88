"""Makes batches for snn-run --batch and checks what it wrote.

usage: batch.py spikes OUT.npy P SEED DIM...   Bernoulli(P) spikes, uint8
       batch.py images OUT.npy SEED N          N 8-bit 1x28x28 images of 4x4
           blocks of uniform grey levels
       batch.py labels OUT.npy JSON [MODEL]    the predictions of a model
       batch.py argmax OUT.npy SCORES.npy      the largest score per row
       batch.py single JSON MODEL BATCH.npy STEPS
           runs snn-run on each sample alone and compares its output with
           the batch's scores: --counts for the count readout, the last row
           or the maximum of --probes (the model's one probe on its output)
           for last and max
       batch.py scores JSON EXPECTED.npy        scores equal, row by row
       batch.py scaled JSON                     model 1's scores are one
           constant times model 0's
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

cmd, args = sys.argv[1], sys.argv[2:]
if cmd == "spikes":
    out, p, seed, dims = args[0], float(args[1]), int(args[2]), args[3:]
    rng = np.random.default_rng(seed)
    np.save(out, (rng.random([int(d) for d in dims]) < p).astype(np.uint8))
elif cmd == "images":
    out, seed, n = args[0], int(args[1]), int(args[2])
    rng = np.random.default_rng(seed)
    blocks = rng.integers(0, 256, (n, 1, 7, 7))
    np.save(out, np.kron(blocks, np.ones((1, 1, 4, 4))).astype(np.uint8))
elif cmd == "labels":
    doc = json.load(open(args[1]))
    model = int(args[2]) if len(args) > 2 else 0
    np.save(args[0], np.array(doc["models"][model]["predictions"], np.int64))
elif cmd == "argmax":
    np.save(args[0], np.argmax(np.load(args[1]), axis=1).astype(np.int32))
elif cmd == "single":
    doc, model, batch = json.load(open(args[0])), args[1], np.load(args[2])
    steps = int(args[3])
    entry = doc["models"][0]
    readout, scores = entry["readout"], np.array(entry["scores"], float)
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(batch.shape[0]):
            sample = batch[k]
            if sample.ndim == 1 or sample.shape[0] != steps:
                sample = np.broadcast_to(sample.reshape(1, -1),
                                         (steps, sample.size))
            path = os.path.join(tmp, "sample.npy")
            np.save(path, sample.reshape(steps, -1))
            out = os.path.join(tmp, "out.npy")
            flag = "--counts" if readout == "count" else "--probes"
            subprocess.run(["snn-run", model, "--steps", str(steps), "--input",
                            "0=" + path, flag, out, "--quiet"], check=True)
            got = np.load(out)
            if readout == "last":
                got = got[-1]
            elif readout == "max":
                got = got.max(axis=0)
            if not np.array_equal(got, scores[k]):
                print(f"sample {k}: alone {got.tolist()}, "
                      f"in the batch {scores[k].tolist()}")
                sys.exit(1)
    print(f"{batch.shape[0]} samples: the batch's {readout} scores equal "
          "single runs")
elif cmd == "scores":
    doc, expected = json.load(open(args[0])), np.load(args[1])
    scores = np.array(doc["models"][0]["scores"], float)
    bad = int((scores != expected).any(axis=1).sum())
    print(f"{scores.shape[0]} samples, {bad} differ")
elif cmd == "scaled":
    doc = json.load(open(args[0]))
    a = np.array(doc["models"][0]["scores"], float)
    b = np.array(doc["models"][1]["scores"], float)
    nz = a != 0
    ratios = np.unique(b[nz] / a[nz])
    exact = np.array_equal(b, ratios[0] * a) if len(ratios) == 1 else False
    print(f"{a.shape[0]} samples: {len(ratios)} ratio(s) {ratios[:3].tolist()}"
          f", exact {exact}")
else:
    sys.exit("unknown command " + cmd)
