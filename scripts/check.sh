#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite (lit + unit tests via CTest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
SECONDS=0
scripts/build.sh
echo "[check] build took ${SECONDS}s"
SECONDS=0
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure --verbose
echo "[check] tests took ${SECONDS}s"
