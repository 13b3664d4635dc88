#!/usr/bin/env bash
# Sets up, builds, and runs the main job on the bundled examples: each model
# is verified, canonicalized and discretized, compiled for every registered
# target, run in the emulator with the activity it produces printed, and
# reported on every chip description (neurons, cores, synapses cut, energy
# and power estimated from that activity).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
BIN=${BUILD_DIR:-build}/bin
OUT=${OUT:-out}
mkdir -p "$OUT"

echo "== registered targets"
"$BIN/snnc" --list-targets
targets=$("$BIN/snnc" --list-targets | awk '/^  [^ ]/{print $1}')

# The input each example runs on, and for how many steps.
run_args() {
  case "$1" in
    coba|cuba) echo "--steps 10000" ;;                      # 1 s, self-sustained
    hh_population) echo "--steps 10000 --current 0=0" ;;     # 100 ms, bias sweep
    lif_classifier) echo "--steps 100 --poisson 0=100,1" ;;  # 100 ms of 100 Hz input
    conv_snn) echo "--steps 100 --poisson 0=200,1" ;;        # 100 ms of 200 Hz events
    loihi_demo) echo "--steps 2000 --poisson 0=20,7" ;;      # 2 s of 20 Hz input
    stdp_learning) echo "--steps 4000 --poisson 0=20,3 --poisson 1=20,4" ;;  # 4 s, learning
    akida_cnn) echo "--steps 10 --input 0=$OUT/akida_cnn.images.npy" ;;   # 10 images
    akida_dscnn) echo "--steps 10 --input 0=$OUT/akida_dscnn.frames.npy" ;;  # 10 frames
  esac
}

# The Akida examples read one 8-bit frame per step (random, seed 1).
/usr/bin/python3 - "$OUT" <<'PY'
import sys
import numpy as np
rng = np.random.default_rng(1)
for name, size in (("akida_cnn.images", 28 * 28), ("akida_dscnn.frames", 49 * 10)):
    np.save(f"{sys.argv[1]}/{name}.npy", rng.integers(0, 256, (10, size)).astype(np.float64))
PY

for model in examples/*.mlir; do
  name=$(basename "$model" .mlir)
  echo
  echo "== $model"
  for target in $targets; do
    if log=$("$BIN/snnc" "$model" --target="$target" -o "$OUT/$name.$target" 2>&1); then
      echo "   compiled for $target: $OUT/$name.$target"
    else
      # A model that uses what the target lacks gets diagnostics; show the first.
      echo "   not for $target: $(echo "$log" | grep -m1 'error:' | sed 's/.*error: //')"
    fi
  done
  if [ -f "$OUT/$name.cpu" ]; then
    # shellcheck disable=SC2046
    "$BIN/snn-run" "$OUT/$name.cpu" $(run_args "$name") \
      --activity "$OUT/$name.activity.json" | sed 's/^/   /'
  fi
  if [ -f "$OUT/$name.loihi2/$name.json" ]; then
    echo "   the same input on the Loihi 2 artifact (integer process models):"
    # shellcheck disable=SC2046
    "$BIN/snn-run" "$OUT/$name.loihi2/$name.json" $(run_args "$name") \
      --activity "$OUT/$name.loihi2.activity.json" | sed 's/^/   /'
  fi
  if [ -f "$OUT/$name.akida/$name.json" ]; then
    echo "   the same input on the Akida descriptors (integer layer model):"
    # shellcheck disable=SC2046
    "$BIN/snn-run" "$OUT/$name.akida/$name.json" $(run_args "$name") \
      --activity "$OUT/$name.akida.activity.json" | sed 's/^/   /'
  fi
  if [ -f "$OUT/$name.truenorth/$name.json" ]; then
    echo "   the same input on the TrueNorth artifact (integer core model):"
    # shellcheck disable=SC2046
    "$BIN/snn-run" "$OUT/$name.truenorth/$name.json" $(run_args "$name") \
      --activity "$OUT/$name.truenorth.activity.json" | sed -n '1,8s/^/   /p'
  fi
  # Energy on each chip from the activity the emulator just measured (on
  # Loihi 2 and TrueNorth, that of the chip's integer model when it was
  # compiled).
  for chip in loihi2 truenorth akida; do
    activity="$OUT/$name.activity.json"
    if [ -f "$OUT/$name.$chip.activity.json" ]; then
      activity="$OUT/$name.$chip.activity.json"
    fi
    if report=$("$BIN/snnc" "$model" --chip="$chip" --report \
        --activity="$activity" \
        --report-json="$OUT/$name.$chip.report.json" \
        --report-svg="$OUT/$name.$chip.svg" 2>&1); then
      echo "$report" | sed 's/^/   /'
    else
      # A model that uses what the chip lacks gets diagnostics, not a report;
      # show the first.
      echo "   not on $chip: $(echo "$report" | grep -m1 'error:' | sed 's/.*error: //')"
    fi
  done
done
echo
echo "== outputs in $OUT/"
