# bsap — the two commands: `make run` and `make test`. See README.md.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD := build
TEST_BUILD := build/test
FUZZ_BUILD := build/fuzz
FUZZ_SECONDS ?= 300
DB ?= sqlite:var/bsap.db
PORT ?= 8080
GENERATOR := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")

.PHONY: all deps build run test test-build fuzz-build fuzz bench format clean

all: build

deps:
	@scripts/install-deps.sh

# The program, optimised, at build/bsap.
build: deps
	@cmake -S . -B $(BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBSAP_TESTS=OFF >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target bsap

# Builds, creates the SQLite database with the seed and demo data, and serves on 127.0.0.1:$(PORT).
run: build
	@mkdir -p var
	$(BUILD)/bsap --db $(DB) migrate
	$(BUILD)/bsap --db $(DB) demo load
	$(BUILD)/bsap --db $(DB) serve --port $(PORT)

# The test build: ASan and UBSan on, every test program and the program itself.
test-build: deps
	@cmake -S . -B $(TEST_BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=Debug -DBSAP_SANITIZE=ON -DBSAP_BENCH=OFF >/dev/null
	@cmake --build $(TEST_BUILD) -j $(JOBS)

# The fuzz targets of fuzz/ (docs/fuzzing.md): clang++ with libFuzzer, ASan and UBSan.
fuzz-build: deps
	@cmake -S . -B $(FUZZ_BUILD) $(GENERATOR) -DCMAKE_CXX_COMPILER=clang++ -DBSAP_FUZZ=ON -DBSAP_TESTS=OFF -DBSAP_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers

# The whole suite: unit, store on SQLite and on a throwaway PostgreSQL, HTTP, browser; then every
# fuzz target for a short bounded time with its corpus. Fails when either fails.
test: test-build fuzz-build
	@status=0; \
	scripts/with-postgres.sh ctest --test-dir $(TEST_BUILD) --output-on-failure -j $(JOBS) --timeout 900 || status=$$?; \
	echo "Fuzz targets (fuzz/, each for a bounded time):"; \
	ctest --test-dir $(FUZZ_BUILD) --output-on-failure -j $(JOBS) --timeout 300 || status=$$?; \
	exit $$status

# Every fuzz target for FUZZ_SECONDS each (FUZZ=NAME for one target only); findings land in
# build/fuzz/fuzz/work/NAME/.
fuzz: fuzz-build
	@BSAP_FUZZ_SECONDS=$(FUZZ_SECONDS) ctest --test-dir $(FUZZ_BUILD) --output-on-failure -j $(JOBS) \
	  --timeout $$(( $(FUZZ_SECONDS) + 600 )) $(if $(FUZZ),-R '^fuzz_$(FUZZ)$$')

bench: build
	@cmake --build $(BUILD) -j $(JOBS)
	@bench/run-all.sh $(BUILD)

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
