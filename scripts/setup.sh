#!/usr/bin/env bash
# Installs everything snnc needs from Debian 12 packages. Safe to re-run: when
# every package is present it does nothing.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ ccache python3
  libmlir-19-dev mlir-19-tools llvm-19-dev llvm-19-tools zlib1g-dev libzstd-dev
  nlohmann-json3-dev libfmt-dev libgtest-dev libbenchmark-dev libmetis-dev
  libhdf5-dev
  python3-numpy python3-scipy python3-brian python3-h5py python3-venv
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "[setup] all ${#PACKAGES[@]} packages present"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "[setup] installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The references the tests compare with, from PyPI into the project's own
# venv: BrainChip's Akida engine (MetaTF's `akida`, software backend).
VENV="$(cd "$(dirname "$0")/.." && pwd)/.venv"
AKIDA_VERSION=2.19.3
if "$VENV/bin/python" -c "import akida, sys; sys.exit(akida.__version__ != '$AKIDA_VERSION')" >/dev/null 2>&1; then
  echo "[setup] .venv has akida $AKIDA_VERSION"
else
  echo "[setup] creating .venv with akida $AKIDA_VERSION"
  python3 -m venv "$VENV"
  # A machine that cannot reach PyPI still builds and tests everything else:
  # the tests that compare with BrainChip's engine then report UNSUPPORTED.
  if ! "$VENV/bin/pip" install -q --disable-pip-version-check --retries 2 \
      "akida==$AKIDA_VERSION"; then
    echo "[setup] warning: could not install akida $AKIDA_VERSION from PyPI;" \
         "the tests that need it (lit feature 'akida') will not run"
  fi
fi
