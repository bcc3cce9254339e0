#!/usr/bin/env bash
# HTTP benchmark: `bsap serve` and Debian's nginx serve the same static file on loopback, and wrk
# drives each in turn with the same load (2 threads, 256 keep-alive connections, 10 s, after a
# warm-up). Prints both throughputs, the ratio (ours / nginx) and the latencies, and writes
# OUT/http_static.json. With BENCH_PAGE (a path such as /en/dashboard, see http_dashboard.sh)
# bsap renders that page on every request from the demo data (`bsap demo load`) while nginx
# serves a snapshot of the same bytes: what rendering costs beside serving the finished page. It reports figures; it never fails on a time. It fails only when it cannot
# measure (a tool missing, a server that does not start, the two serving different bytes, or our
# server dying under load).
#
#   bench/http_static.sh [BUILD_DIR]        # BUILD_DIR defaults to build; the program is BUILD_DIR/bsap
#
# Environment: BSAP_BINARY (the program), BENCH_OUT (where the JSON goes; BUILD_DIR/bench),
# BENCH_STATIC_FILE (path under static/; css/bsap.css), BENCH_DURATION (10s), BENCH_WARMUP (3s),
# BENCH_CONNECTIONS (256), BENCH_THREADS (2), NGINX_WORKERS (2), BSAP_SERVE_ARGS (extra serve options),
# BENCH_PAGE (a rendered page instead of a static file), BENCH_NAME (the JSON's name; http_static).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
BUILD_DIR="${1:-build}"
BINARY="${BSAP_BINARY:-$BUILD_DIR/bsap}"
OUT="${BENCH_OUT:-$BUILD_DIR/bench}"
STATIC_FILE="${BENCH_STATIC_FILE:-css/bsap.css}"
DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-3s}"
CONNECTIONS="${BENCH_CONNECTIONS:-256}"
WRK_THREADS="${BENCH_THREADS:-2}"
NGINX_WORKERS="${NGINX_WORKERS:-2}"
NGINX="${NGINX:-/usr/sbin/nginx}"
PAGE="${BENCH_PAGE:-}"
NAME="${BENCH_NAME:-http_static}"

fail() {
  echo "$NAME: $*" >&2
  exit 1
}

for tool in "$NGINX" wrk curl jq; do
  command -v "$tool" >/dev/null || fail "needs $tool (Debian: apt-get install nginx wrk curl jq)"
done
[[ -x "$BINARY" ]] || fail "no program at $BINARY: build it first (make build)"
BINARY="$(cd "$(dirname "$BINARY")" && pwd)/$(basename "$BINARY")"
[[ -d static ]] || fail "no static/ folder in $REPO"
if [[ ! -f "static/$STATIC_FILE" ]]; then
  # The stylesheet is the usual choice; until it exists, take the first file static/ holds.
  first="$(cd static && find . -type f -size +0 | sed 's|^\./||' | LC_ALL=C sort | head -n 1)"
  [[ -n "$first" ]] || fail "static/ has no file to serve"
  echo "$NAME: static/$STATIC_FILE does not exist; serving static/$first instead" >&2
  STATIC_FILE="$first"
fi
mkdir -p "$OUT"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/bsap-bench-http.XXXXXX")"
chmod 755 "$TMP"  # nginx's workers run as nobody when the master runs as root
NGINX_PID=""
BSAP_PID=""
WRK_PID=""

# shellcheck source=support/processes.sh
source "$REPO/bench/support/processes.sh"

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [[ -n "$WRK_PID" ]] && kill -TERM "$WRK_PID" 2>/dev/null
  stop_process "$BSAP_PID" "bsap serve"
  stop_process "$NGINX_PID" nginx
  if [[ -n "${BENCH_KEEP_TMP:-}" ]]; then echo "$NAME: kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_for() {  # url name pid log
  local url="$1" name="$2" pid="$3" log="$4"
  for _ in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$log" >&2; fail "$name exited before answering $url"; }
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null)" == 200 ]] && return 0
    sleep 0.1
  done
  tail -n 40 "$log" >&2
  fail "$name did not answer $url with 200 within 60 s"
}

# ---- bsap -------------------------------------------------------------------------------------
BSAP_PORT="$(free_port)"
DB="sqlite:$TMP/bsap.db"
"$BINARY" --db "$DB" migrate >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log" >&2; fail "bsap migrate failed"; }
if [[ -n "$PAGE" ]]; then
  "$BINARY" --db "$DB" demo load >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log" >&2; fail "bsap demo load failed"; }
fi
# shellcheck disable=SC2086  # BSAP_SERVE_ARGS is a list of options
"$BINARY" --db "$DB" serve --port "$BSAP_PORT" ${BSAP_SERVE_ARGS:-} >"$TMP/bsap.log" 2>&1 &
BSAP_PID=$!
wait_for "http://127.0.0.1:$BSAP_PORT/healthz" "bsap serve" "$BSAP_PID" "$TMP/bsap.log"

# What nginx serves: the repo's static/, or in page mode a snapshot of the rendered page.
SERVED="$REPO/static"
TARGET="/static/$STATIC_FILE"
if [[ -n "$PAGE" ]]; then
  SERVED="$TMP/snapshot"
  mkdir -p "$SERVED"
  chmod 755 "$SERVED"
  curl -sf -o "$SERVED/page.html" "http://127.0.0.1:$BSAP_PORT$PAGE" || fail "bsap did not serve $PAGE"
  chmod 644 "$SERVED/page.html"
  STATIC_FILE="page.html"
  TARGET="$PAGE"
fi
BSAP_URL="http://127.0.0.1:$BSAP_PORT$TARGET"

# ---- nginx ------------------------------------------------------------------------------------
NGINX_PORT="$(free_port)"
sed -e "s|@TMP@|$TMP|g" -e "s|@PORT@|$NGINX_PORT|g" -e "s|@STATIC@|$SERVED|g" \
    -e "s|@WORKERS@|$NGINX_WORKERS|g" bench/nginx.conf.template >"$TMP/nginx.conf"
"$NGINX" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" -t -q 2>"$TMP/nginx-test.log" \
  || { cat "$TMP/nginx-test.log" >&2; fail "nginx rejected the generated configuration"; }
"$NGINX" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" -g 'daemon off;' >"$TMP/nginx.out" 2>&1 &
NGINX_PID=$!
NGINX_URL="http://127.0.0.1:$NGINX_PORT/static/$STATIC_FILE"
wait_for "$NGINX_URL" nginx "$NGINX_PID" "$TMP/nginx-error.log"
NGINX_NAME="$("$NGINX" -v 2>&1 | sed -n 's|.*nginx/\([0-9]*\.[0-9]*\).*|nginx \1|p')"

# Both must serve the same bytes, or the comparison means nothing.
curl -sf -o "$TMP/nginx.body" "$NGINX_URL" || fail "nginx did not serve $NGINX_URL"
curl -sf -o "$TMP/bsap.body" "$BSAP_URL" || fail "bsap did not serve $BSAP_URL (does it serve static/ under /static/?)"
cmp -s "$TMP/nginx.body" "$TMP/bsap.body" || fail "bsap and nginx serve different bytes for $TARGET"
BYTES="$(stat -c %s "$TMP/bsap.body")"

# wrk reports its exact counts through this hook (the text summary rounds them).
cat >"$TMP/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BSAP_WRK_JSON {\"requests\":%d,\"duration_us\":%d,\"connect\":%d,\"read\":%d,\"write\":%d," ..
    "\"timeout\":%d,\"status\":%d,\"p50_us\":%d,\"p90_us\":%d,\"p99_us\":%d,\"max_us\":%d}\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
LUA

run_wrk() {  # name url duration -> $TMP/name.txt
  # In the background and waited for, so that a signal stops the run at once, not after wrk.
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$3" --latency -s "$TMP/report.lua" "$2" >"$TMP/$1.txt" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || { cat "$TMP/$1.txt" >&2; fail "wrk failed against $1"; }
  WRK_PID=""
}

# jq object of the figures in the order of the JSON file.
figures() {
  sed -n 's/^BSAP_WRK_JSON //p' "$TMP/$1.txt" | jq -c '{
      requests_per_s: ((.requests / (.duration_us / 1e6)) * 10 | round / 10),
      p50_ms: (.p50_us / 1000), p99_ms: (.p99_us / 1000),
      errors: (.connect + .read + .write + .timeout + .status),
      detail: {requests, duration_s: (.duration_us / 1e6), p90_ms: (.p90_us / 1000),
               max_ms: (.max_us / 1000), non_2xx_3xx: .status,
               socket_errors: {connect, read, write, timeout}}}'
}

echo "$NAME: $TARGET ($BYTES bytes); wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION --latency"
echo "$NAME: warming up both servers ($WARMUP each)"
run_wrk warmup-nginx "$NGINX_URL" "$WARMUP"
run_wrk warmup-bsap "$BSAP_URL" "$WARMUP"
echo "$NAME: measuring $NGINX_NAME"
run_wrk nginx "$NGINX_URL" "$DURATION"
echo "$NAME: measuring bsap"
run_wrk bsap "$BSAP_URL" "$DURATION"
kill -0 "$BSAP_PID" 2>/dev/null || { tail -n 40 "$TMP/bsap.log" >&2; fail "bsap serve died under load"; }

OURS="$(figures bsap)"
THEIRS="$(figures nginx)"
[[ -n "$OURS" && -n "$THEIRS" ]] || fail "could not read wrk's figures"

jq -n --argjson ours "$OURS" --argjson theirs "$THEIRS" --arg comparator "$NGINX_NAME" \
  --arg name "$NAME" --arg file "$TARGET" --argjson bytes "$BYTES" --arg duration "$DURATION" \
  --argjson connections "$CONNECTIONS" --argjson threads "$WRK_THREADS" --argjson workers "$NGINX_WORKERS" \
  --arg serve_args "${BSAP_SERVE_ARGS:-}" '
  def main: {requests_per_s, p50_ms, p99_ms, errors};
  {name: $name,
   figures: ($ours | main),
   comparator: ({name: $comparator} + ($theirs | main)),
   ratio: (if $theirs.requests_per_s > 0 then ($ours.requests_per_s / $theirs.requests_per_s * 1000 | round / 1000) else null end),
   setup: {file: $file, bytes: $bytes, load: "wrk -t\($threads) -c\($connections) -d\($duration) --latency, after a warm-up",
           nginx_workers: $workers, bsap_serve_args: $serve_args, cores: '"$(nproc)"'},
   detail: {bsap: $ours.detail, nginx: $theirs.detail}}' >"$OUT/$NAME.json"

jq -r '
  "\(.name): \(.setup.file), \(.setup.load)",
  "  bsap         \(.figures.requests_per_s) req/s   p50 \(.figures.p50_ms) ms   p99 \(.figures.p99_ms) ms   errors \(.figures.errors)",
  "  \(.comparator.name)   \(.comparator.requests_per_s) req/s   p50 \(.comparator.p50_ms) ms   p99 \(.comparator.p99_ms) ms   errors \(.comparator.errors)",
  "  ratio (bsap / nginx) \(.ratio)"' "$OUT/$NAME.json"
[[ -n "$PAGE" ]] || echo "  goal for a static file: a ratio >= 0.5 with 0 errors"
echo "$NAME: wrote $OUT/$NAME.json"
