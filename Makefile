# aligngraph: two commands for a fresh machine.
#   make demo   installs what it needs, builds the command-line tool, shows the sample portfolio
#   make test   installs what it needs, builds everything, runs every C++ and Python test
# Other targets: deps, build, wheel (a manylinux wheel and the sdist in build/dist), test-cpp,
#   test-python, test-fuzz, install-python, clean;
#   test-sanitize (the C++ suite and the CLI under AddressSanitizer and UBSan; .ci/run runs it);
#   fuzz FUZZ_SECONDS=3600 (each fuzz target that long; tests/fuzz/README.md);
#   check-headers (each header alone in header-only mode, syntax only: minutes).

VENV      ?= .venv
BUILD     ?= build/cpp
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
# CMake and Ninja may come from the venv when the machine lacks them.
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
# The enums the stub generator must know: listed once, in bindings/python/stub-enums.txt (tests/python/test_stubs.py reads it too).
STUBGEN_FLAGS := --enum-class-locations '$(shell cat bindings/python/stub-enums.txt)' --exit-code
GENERATOR := $(shell command -v ninja >/dev/null 2>&1 && echo Ninja || echo "Unix Makefiles")

.PHONY: all deps configure build demo wheel test test-cpp test-python test-fuzz test-sanitize fuzz fuzz-build install-python stubs check-headers bench-finance bench-scoring bench-selection bench-risk bench-report clean

all: build

deps:
	@scripts/install-deps.sh $(VENV)

configure: deps
	cmake -S . -B $(BUILD) -G "$(GENERATOR)" -DCMAKE_BUILD_TYPE=Release \
	  -DALIGNGRAPH_BUILD_TESTS=ON -DALIGNGRAPH_BUILD_EXAMPLES=ON

build: configure
	cmake --build $(BUILD) --parallel $(JOBS)

demo: configure
	cmake --build $(BUILD) --parallel $(JOBS) --target aligngraph_cli
	$(BUILD)/aligngraph demo

test-cpp: build
	cd $(BUILD) && ctest --output-on-failure --parallel $(JOBS)

# The wheel and the sdist in build/dist: the wheel built reusing its build directory (no
# build isolation: the build tools come from `make deps`, so a rebuild compiles only what
# changed), repaired by auditwheel into a manylinux wheel (libfmt grafted in); then
# `python -m build --sdist`. tests/python/test_wheel.py installs that wheel into a fresh venv.
DIST ?= build/dist
wheel: deps
	rm -rf $(DIST) && mkdir -p $(DIST)/raw
	$(VENV)/bin/python -m pip wheel -q --no-build-isolation --no-deps . -w $(DIST)/raw
	$(VENV)/bin/python -m auditwheel repair $(DIST)/raw/aligngraph-*.whl -w $(DIST) > $(DIST)/auditwheel.log 2>&1 \
	  || { cat $(DIST)/auditwheel.log; exit 1; }
	$(VENV)/bin/python -m build --sdist --no-isolation -o $(DIST) . > $(DIST)/sdist.log 2>&1 || { cat $(DIST)/sdist.log; exit 1; }
	@ls -1 $(DIST)/*.whl $(DIST)/*.tar.gz

# The repaired wheel into the venv, as a user installs it, then the Python tests against it.
install-python: wheel
	$(VENV)/bin/python -m pip install -q --force-reinstall --no-deps $(DIST)/aligngraph-*manylinux*.whl

test-python: install-python
	$(VENV)/bin/python -m pytest -q tests/python

test: test-cpp test-python test-fuzz

# The C++ suite, the compiled-mode package consumers and the CLI tests, built with
# AddressSanitizer and UndefinedBehaviorSanitizer: any report fails the run. (The
# header-only consumers are left out here: ten minutes under the sanitizers on this
# machine, and the fuzz target runs the same code sanitized.)
SANITIZE_BUILD ?= build/sanitize
export ASAN_OPTIONS ?= detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1
test-sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -G "$(GENERATOR)" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DALIGNGRAPH_SANITIZE="address;undefined" -DALIGNGRAPH_BUILD_TESTS=ON -DALIGNGRAPH_BUILD_EXAMPLES=ON
	cmake --build $(SANITIZE_BUILD) --parallel $(JOBS)
	cd $(SANITIZE_BUILD) && ctest --output-on-failure --parallel $(JOBS) -E "header-only consumer"

# Fuzzing (tests/fuzz/README.md): libFuzzer targets built with clang, the atheris target
# against the installed package. `make test` runs each briefly with a fixed seed.
FUZZ_BUILD ?= build/fuzz
FUZZ_CXX ?= clang++
FUZZ_SECONDS ?= 600
fuzz-build: deps
	cmake -S . -B $(FUZZ_BUILD) -G "$(GENERATOR)" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=$(FUZZ_CXX) \
	  -DALIGNGRAPH_BUILD_FUZZERS=ON -DALIGNGRAPH_BUILD_TESTS=OFF -DALIGNGRAPH_BUILD_CLI=OFF \
	  -DALIGNGRAPH_BUILD_EXAMPLES=OFF -DALIGNGRAPH_INSTALL=OFF
	cmake --build $(FUZZ_BUILD) --parallel $(JOBS) --target fuzz_model_reader

test-fuzz: fuzz-build install-python
	FUZZ_BUILD=$(FUZZ_BUILD) PYTHON=$(VENV)/bin/python tests/fuzz/run.sh short

fuzz: fuzz-build install-python
	FUZZ_BUILD=$(FUZZ_BUILD) PYTHON=$(VENV)/bin/python tests/fuzz/run.sh long $(FUZZ_SECONDS)

# Benchmarks (never part of the tests): peers from benchmarks/requirements.txt.
BENCH_BUILD ?= build/bench
bench-build: deps
	cmake -S . -B $(BENCH_BUILD) -G "$(GENERATOR)" -DCMAKE_BUILD_TYPE=Release -DALIGNGRAPH_BUILD_BENCHMARKS=ON \
	  -DALIGNGRAPH_BUILD_TESTS=OFF -DALIGNGRAPH_BUILD_EXAMPLES=OFF
	cmake --build $(BENCH_BUILD) --parallel $(JOBS)
	$(VENV)/bin/python -m pip install -q -r benchmarks/requirements.txt

bench-finance: bench-build install-python
	$(VENV)/bin/python benchmarks/finance/bench_finance.py --cpp $(BENCH_BUILD)/benchmarks/bench_finance

bench-scoring: bench-build install-python
	$(VENV)/bin/python benchmarks/scoring/bench_scoring.py --cpp $(BENCH_BUILD)/benchmarks/bench_scoring

bench-selection: bench-build install-python
	$(VENV)/bin/python benchmarks/selection/bench_selection.py

bench-risk: bench-build install-python
	$(VENV)/bin/python benchmarks/risk/bench_risk.py

bench-report: install-python
	$(VENV)/bin/python benchmarks/report/bench_report.py

# Regenerate the type stubs of the compiled module (tests/python/test_stubs.py checks them).
stubs: install-python
	$(VENV)/bin/python -m pybind11_stubgen aligngraph._core $(STUBGEN_FLAGS) -o build/stubs
	cp build/stubs/aligngraph/_core.pyi bindings/python/aligngraph/_core.pyi

check-headers: configure
	scripts/check-headers.sh $(BUILD) $(JOBS)

clean:
	rm -rf build
