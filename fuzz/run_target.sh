#!/usr/bin/env bash
# Runs one fuzz target for a bounded time: run_target.sh BINARY SECONDS WORKDIR CORPUS [DICT].
# New inputs go to WORKDIR/corpus, a scratch copy emptied each run, so the repository's CORPUS is
# only read; a crash, leak, timeout or sanitizer report is written to WORKDIR/ and fails the run.
# BSAP_FUZZ_SECONDS in the environment overrides SECONDS (`make fuzz`).
set -euo pipefail
binary=$1 seconds=${BSAP_FUZZ_SECONDS:-$2} work=$3 corpus=$4 dict=${5:-}
rm -rf "$work/corpus"
mkdir -p "$work/corpus"
args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048
      -print_final_stats=1 -artifact_prefix="$work/")
[[ -n $dict ]] && args+=(-dict="$dict")
# A leak is a finding (LeakSanitizer runs at the end of each input that looks leaky).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$binary" "${args[@]}" "$work/corpus" "$corpus"
