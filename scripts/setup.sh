#!/usr/bin/env bash
# Installs everything snnc needs from Debian 12 packages. Safe to re-run: when
# every package is present it does nothing.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ ccache python3
  libmlir-19-dev mlir-19-tools llvm-19-dev llvm-19-tools zlib1g-dev libzstd-dev
  nlohmann-json3-dev libfmt-dev libgtest-dev libbenchmark-dev libmetis-dev
  libhdf5-dev
  python3-numpy python3-scipy python3-brian python3-h5py
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "[setup] all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "[setup] installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
