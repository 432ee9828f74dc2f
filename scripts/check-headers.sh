#!/usr/bin/env bash
# Every header of the library, included alone in header-only mode, compiles (syntax only).
# Usage: scripts/check-headers.sh BUILD_DIR [JOBS]   (BUILD_DIR holds the generated sample header)
# Slow (each header brings the implementations it needs: minutes on two cores), so it is a
# target of its own (`make check-headers`), not part of `make test`.
set -euo pipefail
build=${1:?usage: scripts/check-headers.sh BUILD_DIR [JOBS]}
jobs=${2:-$(nproc 2>/dev/null || echo 2)}
root=$(cd "$(dirname "$0")/.." && pwd)
generated="$(cd "$build" && pwd)/generated/include"
[ -f "$generated/aligngraph/io/sample_portfolio-inl.hpp" ] || { echo "check-headers: no generated headers in $generated (run make build first)" >&2; exit 2; }
eigen=$(pkg-config --cflags-only-I eigen3 2>/dev/null || echo -I/usr/include/eigen3)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export root generated eigen work
check() {
    local header=$1 name=${1//\//_}
    printf '#include "%s"\n' "$header" > "$work/$name.cpp"
    if ${CXX:-c++} -std=c++20 -DALIGNGRAPH_HEADER_ONLY -I"$root/include" -I"$generated" $eigen \
        -fsyntax-only "$work/$name.cpp" > "$work/$name.log" 2>&1; then
        echo "ok   $header"
    else
        echo "FAIL $header"; head -20 "$work/$name.log"; return 1
    fi
}
export -f check
cd "$root/include"
find aligngraph -name '*.hpp' ! -name '*-inl.hpp' ! -name 'implementation*.hpp' | sort \
    | xargs -P "$jobs" -I{} bash -c 'check "$1"' _ {}
echo "check-headers: every header compiles alone in header-only mode"
