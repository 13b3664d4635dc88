#!/usr/bin/env bash
# Compiles every bundled example and NIR test input for every registered
# target and every chip description into one folder (artifacts, reports,
# SVGs, NIR exports and each command's stdout and stderr), so that two
# builds can be compared byte for byte: scripts/snapshot.sh OUT, then
# diff -r OUT_BEFORE OUT_AFTER.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${BUILD_DIR:-build}/bin
OUT=${1:?usage: scripts/snapshot.sh OUT}
rm -rf "$OUT"
mkdir -p "$OUT"
targets=$("$BIN/snnc" --list-targets | awk '/^  /{print $1}')
chips="loihi2 truenorth akida"
for model in examples/*.mlir test/Frontends/NIR/Inputs/*.nir; do
  name=$(basename "$model")
  for target in $targets; do
    "$BIN/snnc" "$model" --target="$target" -o "$OUT/$name.target-$target" \
      >"$OUT/$name.target-$target.stdout" 2>"$OUT/$name.target-$target.stderr"
    echo "rc=$?" >>"$OUT/$name.target-$target.stderr"
  done
  for chip in $chips; do
    "$BIN/snnc" "$model" --chip="$chip" --report \
      --report-json="$OUT/$name.$chip.report.json" \
      --report-svg="$OUT/$name.$chip.svg" \
      >"$OUT/$name.$chip.stdout" 2>"$OUT/$name.$chip.stderr"
    echo "rc=$?" >>"$OUT/$name.$chip.stderr"
  done
  "$BIN/snnc" "$model" --emit=nir -o "$OUT/$name.export.nir" \
    >/dev/null 2>"$OUT/$name.nir.stderr"
  echo "rc=$?" >>"$OUT/$name.nir.stderr"
done
echo "[snapshot] $(find "$OUT" -type f | wc -l) files in $OUT"
