#!/usr/bin/env bash
# Runs the fuzz targets (tests/fuzz/README.md).
#   run.sh short            each target briefly, fixed seed, over the committed corpus (part of `make test`)
#   run.sh long SECONDS     each target for SECONDS; new inputs kept in $FUZZ_BUILD/corpus/, findings in $FUZZ_BUILD/findings/
# Environment: FUZZ_BUILD (the clang build, default build/fuzz), PYTHON (with aligngraph and
# atheris installed, default .venv/bin/python), FUZZ_RUNS (inputs per target in a short run),
# FUZZ_TIMEOUT (seconds on one input that count as a hang, default 20).
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:?usage: run.sh short | long SECONDS}
build=${FUZZ_BUILD:-build/fuzz}
python=${PYTHON:-.venv/bin/python}
runs=${FUZZ_RUNS:-3000}
# A hang is an input that takes FUZZ_TIMEOUT seconds (raise it on a loaded machine, where a
# starved run times out on inputs that take a fraction of a second).
limits=(-rss_limit_mb=2048 -timeout="${FUZZ_TIMEOUT:-20}" -print_final_stats=1)

native=("$build/tests/fuzz/fuzz_model_reader" -dict=tests/fuzz/model.dict)
py=("$python" tests/fuzz/fuzz_python.py)
# The exactness target: answers against enumeration; its inputs are numbers, so every input
# is taken whole (no growing from short ones) up to 1,500 bytes.
exact=("$python" tests/fuzz/fuzz_exact.py -len_control=0 -max_len=1500)
case "$mode" in
  short)
    # A fresh scratch corpus each time, so the run is the same every time; the committed
    # seeds are only read.
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    mkdir -p "$scratch/model" "$scratch/python" "$scratch/exact"
    # Each run's whole output is shown when it fails (the finding and its stack), its
    # statistics otherwise.
    brief() {
      local name=$1; shift
      echo "fuzz: $name, $runs inputs, seed 1"
      if ! "$@" > "$scratch/$name.log" 2>&1; then
        cat "$scratch/$name.log"
        echo "fuzz: $name found a problem; the input is under $scratch (kept)" >&2
        trap - EXIT
        exit 1
      fi
      grep -E "^stat::(number_of_executed_units|new_units_added|peak_rss_mb)|DONE|^Done [0-9]+" "$scratch/$name.log" || true
    }
    brief "model reader" "${native[@]}" "$scratch/model" tests/fuzz/corpus/model -seed=1 -runs="$runs" "${limits[@]}" -artifact_prefix="$scratch/"
    brief "Python entry points" "${py[@]}" "$scratch/python" tests/fuzz/corpus/python -seed=1 -atheris_runs="$runs" "${limits[@]}" -artifact_prefix="$scratch/"
    brief "exact answers" "${exact[@]}" "$scratch/exact" tests/fuzz/corpus/exact -seed=1 -atheris_runs="$runs" "${limits[@]}" -artifact_prefix="$scratch/"
    ;;
  long)
    seconds=${2:?usage: run.sh long SECONDS}
    mkdir -p "$build/corpus/model" "$build/corpus/python" "$build/corpus/exact" "$build/findings"
    echo "fuzz: model reader for $seconds s"
    "${native[@]}" "$build/corpus/model" tests/fuzz/corpus/model -max_total_time="$seconds" "${limits[@]}" \
      -artifact_prefix="$build/findings/model-" 2>&1 | tee "$build/findings/model.log" | grep -E "^#[0-9]+ +(INITED|DONE)|^stat::|ERROR|==[0-9]+==" || true
    echo "fuzz: Python entry points for $seconds s"
    "${py[@]}" "$build/corpus/python" tests/fuzz/corpus/python -max_total_time="$seconds" "${limits[@]}" \
      -artifact_prefix="$build/findings/python-" 2>&1 | tee "$build/findings/python.log" | grep -E "^#[0-9]+ +(INITED|DONE)|^stat::|ERROR|Traceback|==[0-9]+==" || true
    echo "fuzz: exact answers for $seconds s"
    "${exact[@]}" "$build/corpus/exact" tests/fuzz/corpus/exact -max_total_time="$seconds" "${limits[@]}" \
      -artifact_prefix="$build/findings/exact-" 2>&1 | tee "$build/findings/exact.log" | grep -E "^#[0-9]+ +(INITED|DONE)|^stat::|ERROR|Traceback|==[0-9]+==" || true
    ls "$build/findings" | grep -Ev '\.log$' && { echo "fuzz: findings in $build/findings"; exit 1; }
    echo "fuzz: no findings"
    ;;
  *) echo "run.sh: unknown mode '$mode' (short or long SECONDS)" >&2; exit 2 ;;
esac
