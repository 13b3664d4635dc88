#!/usr/bin/env bash
# Sets up, builds, and compiles the bundled examples: each is verified,
# canonicalized and discretized, then compiled for every registered target.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
SNNC=${BUILD_DIR:-build}/bin/snnc
OUT=${OUT:-out}
mkdir -p "$OUT"

echo "== registered targets"
"$SNNC" --list-targets
targets=$("$SNNC" --list-targets | awk '/^  /{print $1}')

for model in examples/*.mlir; do
  name=$(basename "$model" .mlir)
  echo "== $model"
  "$SNNC" "$model" --emit=discretized -o "$OUT/$name.discretized.mlir"
  grep -c "step = #snn.step" "$OUT/$name.discretized.mlir" \
    | sed 's/^/   populations discretized: /'
  for target in $targets; do
    "$SNNC" "$model" --target="$target" -o "$OUT/$name.$target"
  done
done
echo "== outputs in $OUT/"
