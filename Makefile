# bsap — the two commands: `make run` and `make test`. See README.md.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD := build
TEST_BUILD := build/test
DB ?= sqlite:var/bsap.db
PORT ?= 8080
GENERATOR := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")

.PHONY: all deps build run test test-build bench format clean

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

# The whole suite: unit, store on SQLite and on a throwaway PostgreSQL, HTTP, browser.
test: test-build
	@scripts/with-postgres.sh ctest --test-dir $(TEST_BUILD) --output-on-failure -j $(JOBS) --timeout 900

bench: build
	@cmake --build $(BUILD) -j $(JOBS)
	@bench/run-all.sh $(BUILD)

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
