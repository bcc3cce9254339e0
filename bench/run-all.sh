#!/usr/bin/env bash
# Runs every benchmark and prints a summary: each bench/*.sh script (given BUILD_DIR), then each
# program built as BUILD_DIR/bench/*_bench. Every benchmark writes OUT/NAME.json (OUT is
# BUILD_DIR/bench unless BENCH_OUT says otherwise): a Google Benchmark program its own JSON as
# OUT/NAME_bench.json; a program that times itself (ccfs_check_bench) the figures/comparator
# shape of the scripts as OUT/NAME.json, without the _bench. Figures are reported, never judged:
# the exit status says only whether every benchmark ran.
#
#   bench/run-all.sh [BUILD_DIR]     # `make bench` runs `bench/run-all.sh build`
set -uo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO" || exit 1
BUILD_DIR="${1:-build}"
export BENCH_OUT="${BENCH_OUT:-$BUILD_DIR/bench}"
mkdir -p "$BENCH_OUT"

ran=()
failed=()

for script in bench/*.sh; do
  name="$(basename "$script" .sh)"
  [[ "$name" == run-all ]] && continue
  echo "=== $name"
  rm -f "$BENCH_OUT/$name.json"
  if bash "$script" "$BUILD_DIR"; then ran+=("$name"); else failed+=("$name"); fi
done

for program in "$BUILD_DIR"/bench/*_bench; do
  [[ -x "$program" && -f "$program" ]] || continue
  name="$(basename "$program")"
  echo "=== $name"
  if "$program" --benchmark_out="$BENCH_OUT/$name.json" --benchmark_out_format=json; then
    ran+=("$name")
  else
    failed+=("$name")
  fi
done

# One line per figure: ours beside the comparator where the benchmark has one.
echo
echo "=== summary ($BENCH_OUT)"
for name in "${ran[@]}"; do
  file="$BENCH_OUT/$name.json"
  [[ -f "$file" ]] || file="$BENCH_OUT/${name%_bench}.json"
  if [[ ! -f "$file" ]]; then
    echo "$name: ran, but wrote no $file"
  elif jq -e 'has("benchmarks")' "$file" >/dev/null 2>&1; then
    # Google Benchmark's own JSON.
    jq -r --arg name "$name" '.benchmarks[] | select(.run_type != "aggregate" or .aggregate_name == "mean")
      | "\($name): \(.name)  \(.real_time | . * 1000 | round / 1000) \(.time_unit)"
        + (if .items_per_second then "  \(.items_per_second | round) items/s" else "" end)
        + (if .bytes_per_second then "  \(.bytes_per_second / 1048576 | round) MiB/s" else "" end)' "$file"
  else
    jq -r '
      def show: to_entries | map(select(.value | type != "object" and type != "array") | "\(.key) \(.value)") | join(", ");
      "\(.name): \(.figures | show)",
      (if .comparator then "  vs \(.comparator.name): \(.comparator | del(.name) | show)" else empty end),
      (if .ratio != null then "  ratio (ours / comparator): \(.ratio)" else empty end)' "$file"
  fi
done
for name in "${failed[@]}"; do echo "$name: FAILED (see its output above)"; done

[[ ${#failed[@]} -eq 0 ]]
