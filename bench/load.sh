#!/usr/bin/env bash
# Load test: `bsap serve` on the demo data under a steady mix of what the public, an applicant,
# panel members and the secretariat really ask for, for five minutes (issue 10). The people sign
# in first through the sign-in form (GET /en/login for the CSRF token, POST the form); the links
# come from the demo data's own pages (no id is written here). wrk (bench/load/mix.lua) then
# sends a weighted mix of pages, API calls and static files over keep-alive connections, after a
# warm-up, while the server's memory (VmRSS), threads and open files are sampled every few
# seconds. Writes OUT/load.json: throughput, latency (p50, p90, p99, p99.9, max), errors by kind
# and HTTP status (429, the answer of a rate limit, counted on its own), redirects to the sign-in
# page (a session that stopped working), and memory first / max / last / growth of the run's
# second half over its first (and the least-squares slope), with the server's processor time a
# request, which depends less than the throughput on what else the machine is doing.
#
# The mix, in per cent of requests: the public 70 (home pages, the plan, its actions, the
# dashboard, indicators, grants, species searches and pages, areas, the species API, open data,
# static files fetched or revalidated, the sign-in form), the applicant `ngo` 17 (portal, its
# applications and their parts, check-your-answers, history, projects, and the JSON check
# POST /api/v1/applications/check, which stores nothing), the panel members `assessor` and
# `committee` 9 (their reviews), the `secretariat` 4 (the assessment and its cases).
# Read-only: the only writes are the sessions the sign-in form starts.
#
# wrk is one connection source, but the mix is many people's: every request carries an
# X-Forwarded-For of one of LOAD_CLIENTS addresses (500) and the server runs with
# --trust-forwarded-for, as behind the production proxy, so its per-client rate limits stay at
# their defaults and apply per person (docs/security.md "Rate limits"). A 429 counts as an error.
#
# The bar (issue 10): zero errors, and memory flat or falling. The JSON says whether the run met
# it ("bar"); like the other benchmarks the script reports and never fails on a figure. It fails
# when it cannot measure: a tool missing, the server not starting, a sign-in or a page of the mix
# not answering 200 before the run, or the server dying under load.
#
#   bench/load.sh [BUILD_DIR]                     # BUILD_DIR defaults to build; the program is BUILD_DIR/bsap
#   LOAD_SECONDS=20 bench/load.sh build           # a quick run
#
# Environment: LOAD_SECONDS (300), LOAD_WARMUP (10, seconds; 0 for none), LOAD_CONNECTIONS (32),
# LOAD_THREADS (2, wrk's), LOAD_CLIENTS (500, the addresses the mix comes from), LOAD_SAMPLE_SECONDS (2, between memory samples), BSAP_SERVE_ARGS (extra
# serve options, e.g. --threads 4 or a rate limit's), BSAP_BINARY (the program), BENCH_OUT (where
# the JSON goes; BUILD_DIR/bench), BENCH_KEEP_TMP (keep the work folder: server log, mix, samples).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
NAME=load
BUILD_DIR="${1:-build}"
BINARY="${BSAP_BINARY:-$BUILD_DIR/bsap}"
OUT="${BENCH_OUT:-$BUILD_DIR/bench}"
SECONDS_RUN="${LOAD_SECONDS:-300}"
WARMUP="${LOAD_WARMUP:-10}"
CONNECTIONS="${LOAD_CONNECTIONS:-32}"
WRK_THREADS="${LOAD_THREADS:-2}"
SAMPLE="${LOAD_SAMPLE_SECONDS:-2}"
PASSWORD=bsap-demo-2026
CHECK_BODY="$REPO/tests/fixtures/applications/01-ma-sha-lo-tung-marsh-good.json"

fail() {
  echo "$NAME: $*" >&2
  exit 1
}

for tool in wrk curl jq awk; do
  command -v "$tool" >/dev/null || fail "needs $tool (Debian: apt-get install wrk curl jq gawk)"
done
[[ "$SECONDS_RUN" =~ ^[1-9][0-9]*$ ]] || fail "LOAD_SECONDS must be a whole number of seconds"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || fail "LOAD_WARMUP must be a whole number of seconds"
[[ -x "$BINARY" ]] || fail "no program at $BINARY: build it first (make build)"
BINARY="$(cd "$(dirname "$BINARY")" && pwd)/$(basename "$BINARY")"
[[ -f "$CHECK_BODY" ]] || fail "no application to check at $CHECK_BODY"
mkdir -p "$OUT"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/bsap-bench-load.XXXXXX")"
BSAP_PID=""
WRK_PID=""
SAMPLER_PID=""

# shellcheck source=support/processes.sh
source "$REPO/bench/support/processes.sh"

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [[ -n "$WRK_PID" ]] && kill -TERM "$WRK_PID" 2>/dev/null
  [[ -n "$SAMPLER_PID" ]] && kill -TERM "$SAMPLER_PID" 2>/dev/null
  stop_process "$BSAP_PID" "bsap serve"
  if [[ -n "${BENCH_KEEP_TMP:-}" ]]; then echo "$NAME: kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- the server, on the demo data -------------------------------------------------------------
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
DB="sqlite:$TMP/bsap.db"
"$BINARY" --db "$DB" migrate >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log" >&2; fail "bsap migrate failed"; }
"$BINARY" --db "$DB" demo load >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log" >&2; fail "bsap demo load failed"; }
# shellcheck disable=SC2086  # BSAP_SERVE_ARGS is a list of options
"$BINARY" --db "$DB" serve --port "$PORT" --trust-forwarded-for ${BSAP_SERVE_ARGS:-} >"$TMP/bsap.log" 2>&1 &
BSAP_PID=$!
for i in $(seq 601); do
  kill -0 "$BSAP_PID" 2>/dev/null || { tail -n 40 "$TMP/bsap.log" >&2; fail "bsap serve exited before answering"; }
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz" 2>/dev/null)" == 200 ]] && break
  [[ $i -lt 601 ]] || { tail -n 40 "$TMP/bsap.log" >&2; fail "bsap serve did not answer /healthz within 60 s"; }
  sleep 0.1
done

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$BSAP_PID/status" 2>/dev/null || echo 0; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$BSAP_PID/stat" 2>/dev/null || echo 0; }  # user + system
RSS_IDLE_KB="$(rss_kb)"

# ---- sign-in: each person through the form, as a browser does ---------------------------------
# Prints the new session token. One GET and one POST a person: far from the lockout (5 failures).
sign_in() {  # username
  local jar="$TMP/$1.cookies" token status
  token="$(curl -sf -c "$jar" -b "$jar" "$BASE/en/login" \
    | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n 1)"
  [[ -n "$token" ]] || fail "GET /en/login gave no csrf_token"
  status="$(curl -s -o "$TMP/$1.login.html" -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "csrf_token=$token" "$BASE/en/login")"
  [[ "$status" == 303* && "$status" != *login* ]] || fail "signing in as $1 failed (got $status)"
  awk '$6 == "bsap_session" { print $7 }' "$jar" | tail -n 1
}
declare -A COOKIE
for who in ngo assessor committee secretariat; do
  COOKIE[$who]="$(sign_in "$who")"
  [[ -n "${COOKIE[$who]}" ]] || fail "no session cookie for $who"
done

get() {  # persona path -> body on stdout (fails unless 200)
  local auth=()
  [[ "$1" == public ]] || auth=(-H "Cookie: bsap_session=${COOKIE[$1]}")
  curl -sf "${auth[@]}" "$BASE$2" || fail "$1: GET $2 did not answer 200"
}
links() {  # persona path extended-regex: the local links on that page matching it, once each
  get "$1" "$2" | grep -oE "href=\"$3\"" | sed 's/^href="//; s/"$//' | LC_ALL=C sort -u || true
}
one_of() { [[ -n "$1" ]] || fail "$2"; }

# ---- the mix: links found in the demo data's own pages ----------------------------------------
# Each line of $MIX: weight persona method path cookie csrf body_file etag. A group's weight is
# shared out evenly among its paths; the weights are per cent of all requests. An etag makes the
# request conditional (If-None-Match), as a browser revalidating a static file in its cache does.
MIX="$TMP/mix.tsv"
: >"$MIX"
add() {  # group_weight persona method body_file path...   (ETAG=... add ...: conditional)
  local weight="$1" persona="$2" method="$3" body="$4" etag="${ETAG:--}"
  shift 4
  [[ $# -gt 0 ]] || fail "the mix has an empty group for $persona"
  local cookie=- csrf="-" share
  [[ "$persona" == public ]] || cookie="${COOKIE[$persona]}"
  [[ "$body" == - ]] || csrf="$CSRF_NGO"
  share="$(awk -v w="$weight" -v n=$# 'BEGIN { printf "%.4f", w / n }')"
  for path in "$@"; do printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$share" "$persona" "$method" "$path" "$cookie" "$csrf" "$body" "$etag" >>"$MIX"; done
}

# The public: 70 %.
mapfile -t AREAS < <(links public /en/plan '/en/plan/areas/[0-9]+')
one_of "${AREAS[*]}" "/en/plan lists no strategic area"
ACTIONS=()
for area in "${AREAS[@]}"; do mapfile -t -O "${#ACTIONS[@]}" ACTIONS < <(links public "$area" '/en/plan/actions/[0-9.]+'); done
one_of "${ACTIONS[*]}" "the strategic areas list no action"
mapfile -t SPECIES < <(for q in frog romeri turtle tree a; do get public "/api/v1/biodata/species?q=$q" | jq -r '.species[].href'; done | LC_ALL=C sort -u)
one_of "${SPECIES[*]}" "the species search finds no species"
mapfile -t LAYERS < <(links public /en/areas '/en/areas/[^/"?]+')
one_of "${LAYERS[*]}" "/en/areas lists no area layer"
PLACES=()
for layer in "${LAYERS[@]}"; do mapfile -t -O "${#PLACES[@]}" PLACES < <(links public "$layer" "$layer/[^/\"?]+"); done
one_of "${PLACES[*]}" "the area layers list no area"
mapfile -t STATIC < <(get public /en/dashboard | grep -oE '(href|src)="/static/[^"]+"' | sed 's/^[a-z]*="//; s/"$//' | LC_ALL=C sort -u)
one_of "${STATIC[*]}" "/en/dashboard links no static file"

add 7 public GET - /en/ /zh/ /zh-hans/
add 6 public GET - /en/plan /zh/plan /en/plan/matrix
add 7 public GET - "${ACTIONS[@]}"
add 6 public GET - /en/dashboard /zh/dashboard
add 2 public GET - /en/indicators /en/cbi
add 5 public GET - /en/grants "/en/grants?q=wetland" /zh/grants
add 6 public GET - "/en/species?q=romeri" "/en/species?q=tree%20frog" "/zh/species?q=%E7%9B%A7%E6%B0%8F" "/en/species?q=turtle"
add 6 public GET - "${SPECIES[@]}"
add 4 public GET - /en/areas "${LAYERS[@]}" "${PLACES[@]}"
add 5 public GET - "/api/v1/biodata/species?q=frog" "/api/v1/biodata/species?q=romeri" "/api/v1/biodata/species?q=%E7%9B%A7%E6%B0%8F"
add 3 public GET - /open-data/plan-progress.json /open-data/ccfs-grants.json
# Static files: the first visit fetches them, later ones revalidate what the browser holds.
add 2 public GET - "${STATIC[@]}"
for file in "${STATIC[@]}"; do
  etag="$(curl -sf -D - -o /dev/null "$BASE$file" | sed -n 's/^[Ee][Tt][Aa][Gg]: *\([^[:space:]]*\).*/\1/p')"
  one_of "$etag" "$file has no ETag"
  ETAG="$etag" add "$(awk -v n=${#STATIC[@]} 'BEGIN { printf "%.4f", 6 / n }')" public GET - "$file"
done
add 3 public GET - /en/ccfs/rules "/en/ccfs/sites?q=wetland" /en/ccfs/sites
add 1 public GET - /en/login  # a visitor opening the sign-in form (each such visit starts a session)
add 1 public GET - /en/richness

# The applicant (ngo): 17 %.
mapfile -t APPLICATIONS < <(links ngo /en/portal '/en/portal/applications/[0-9]+')
one_of "${APPLICATIONS[*]}" "the ngo's portal lists no application"
PARTS=()
for application in "${APPLICATIONS[@]}"; do
  mapfile -t -O "${#PARTS[@]}" PARTS < <(links ngo "$application" "$application/(parts/[a-z_]+|review|history)")
done
one_of "${PARTS[*]}" "the ngo's applications have no part"
mapfile -t PROJECTS < <(links ngo /en/projects '/en/projects/[0-9]+')
one_of "${PROJECTS[*]}" "the ngo has no project"
CSRF_NGO="$(get ngo /en/portal | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n 1)"
one_of "$CSRF_NGO" "the ngo's portal has no csrf_token"

add 3 ngo GET - /en/portal /zh/portal
add 3 ngo GET - "${APPLICATIONS[@]}"
add 6 ngo GET - "${PARTS[@]}"
add 3 ngo GET - /en/projects "${PROJECTS[@]}"
add 2 ngo POST "$CHECK_BODY" /api/v1/applications/check  # stores nothing (docs/api.md)

# Panel members (assessor, committee): 9 %.
mapfile -t REVIEWS < <(links assessor /en/reviews '/en/reviews/[0-9]+')
one_of "${REVIEWS[*]}" "the assessor has no review"
mapfile -t COMMITTEE_REVIEWS < <(links committee /en/reviews '/en/reviews/[0-9]+')
one_of "${COMMITTEE_REVIEWS[*]}" "the committee member has no review"
add 2 assessor GET - /en/reviews
add 3 assessor GET - "${REVIEWS[@]}"
add 1 committee GET - /en/reviews
add 3 committee GET - "${COMMITTEE_REVIEWS[@]}"

# The secretariat: 4 %.
mapfile -t CASES < <(links secretariat /en/assessment '/en/assessment/applications/[0-9]+')
one_of "${CASES[*]}" "the assessment lists no application"
add 2 secretariat GET - /en/assessment
add 2 secretariat GET - "${CASES[@]}"

# Every request of the mix must answer 200 (a conditional one 304) before the run, or its errors
# would mean nothing.
while IFS=$'\t' read -r _ persona method path cookie csrf body etag; do
  args=(-s -o /dev/null -w '%{http_code}')
  expected=200
  [[ "$cookie" == - ]] || args+=(-H "Cookie: bsap_session=$cookie")
  [[ "$etag" == - ]] || { args+=(-H "If-None-Match: $etag"); expected=304; }
  [[ "$body" == - ]] || args+=(-X "$method" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" --data-binary "@$body")
  # A rate limit's 429 here is waited out (a few times), so that the run starts; during the run
  # 429s are counted.
  for _ in 1 2 3 4 5; do
    status="$(curl "${args[@]}" "$BASE$path")"
    [[ "$status" == 429 ]] || break
    sleep 2
  done
  [[ "$status" == "$expected" ]] || fail "$persona: $method $path answered $status before the run, not $expected"
done <"$MIX"
ENTRIES="$(wc -l <"$MIX")"
MIX_JSON="$(jq -R -s -c 'split("\n") | map(select(length > 0) | split("\t"))
  | {entries: length,
     personas: (group_by(.[1]) | map({key: .[0][1], value: {weight_pct: (map(.[0] | tonumber) | add | . * 10 | round / 10),
                                                          paths: map("\(.[2]) \(.[3])" + (if .[7] != "-" then " (If-None-Match)" else "" end))}}) | from_entries)}' "$MIX")"

# ---- the run ----------------------------------------------------------------------------------
run_wrk() {  # name seconds
  LOAD_MIX="$MIX" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${2}s" --timeout 10s --latency \
    -s "$REPO/bench/load/mix.lua" "$BASE" >"$TMP/$1.txt" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || { cat "$TMP/$1.txt" >&2; fail "wrk failed ($1)"; }
  WRK_PID=""
  kill -0 "$BSAP_PID" 2>/dev/null || { tail -n 40 "$TMP/bsap.log" >&2; fail "bsap serve died under load ($1)"; }
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "$NAME: $ENTRIES requests in the mix; wrk -t$WRK_THREADS -c$CONNECTIONS -d${SECONDS_RUN}s, after ${WARMUP}s of warm-up; load average $LOAD_BEFORE"
if [[ "$WARMUP" -gt 0 ]]; then run_wrk warmup "$WARMUP"; fi
RSS_WARM_KB="$(rss_kb)"

# Memory, threads and open files of the server every $SAMPLE s while wrk runs: "seconds rss_kb
# threads fds". A sample is a few reads of /proc, next to nothing beside the load.
sample() {
  local start=${EPOCHREALTIME/,/.} fds
  while kill -0 "$BSAP_PID" 2>/dev/null; do
    fds=("/proc/$BSAP_PID/fd/"*)
    awk -v a="$start" -v b="${EPOCHREALTIME/,/.}" -v fds="${#fds[@]}" \
      '/^VmRSS:/ { rss = $2 } /^Threads:/ { threads = $2 } END { printf "%.1f %d %d %d\n", b - a, rss, threads, fds }' \
      "/proc/$BSAP_PID/status" 2>/dev/null || true
    sleep "$SAMPLE"
  done
}
sample >"$TMP/memory.txt" &
SAMPLER_PID=$!
echo "$NAME: measuring for ${SECONDS_RUN}s"
CPU_BEFORE="$(cpu_ticks)"
run_wrk run "$SECONDS_RUN"
CPU_TICKS=$(( $(cpu_ticks) - CPU_BEFORE ))
kill -TERM "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# The sessions still work after the run (a signed-in page answers 200, not a redirect).
AFTER_STATUS="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: bsap_session=${COOKIE[ngo]}" "$BASE/en/portal")"
SESSIONS="$(command -v sqlite3 >/dev/null && sqlite3 "$TMP/bsap.db" 'SELECT count(*) FROM sessions' 2>/dev/null || echo null)"

RESULT="$(sed -n 's/^BSAP_LOAD_JSON //p' "$TMP/run.txt")"
[[ -n "$RESULT" ]] || { cat "$TMP/run.txt" >&2; fail "could not read wrk's figures"; }
MEMORY="$(awk 'NF == 4' "$TMP/memory.txt" | jq -R -s -c 'split("\n") | map(select(length > 0) | split(" ") | map(tonumber))')"
[[ "$MEMORY" != "[]" ]] || fail "no memory sample"

jq -n --argjson r "$RESULT" --argjson mem "$MEMORY" --argjson mix "$MIX_JSON" \
  --argjson idle "$RSS_IDLE_KB" --argjson warm "$RSS_WARM_KB" --argjson seconds "$SECONDS_RUN" \
  --argjson warmup "$WARMUP" --argjson connections "$CONNECTIONS" --argjson threads "$WRK_THREADS" \
  --argjson sample "$SAMPLE" --arg serve_args "${BSAP_SERVE_ARGS:-}" --arg before "$LOAD_BEFORE" \
  --arg after "$LOAD_AFTER" --arg after_status "$AFTER_STATUS" --argjson sessions "$SESSIONS" \
  --argjson cpu_ticks "$CPU_TICKS" --argjson hz "$(getconf CLK_TCK)" \
  --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  --arg cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" --argjson cores "$(nproc)" '
  def mib: . / 1024 * 10 | round / 10;
  def mean: if length == 0 then null else add / length end;
  ($mem | map(.[1])) as $rss
  | ($rss | length) as $n
  | ($rss[0:($n / 2 | floor)] | mean) as $first_half
  | ($rss[($n / 2 | floor):] | mean) as $second_half
  # Least-squares slope of RSS over time, KiB a minute.
  | ($mem | map(.[0]) | mean) as $tm | ($rss | mean) as $rm
  | ([$mem[] | (.[0] - $tm) * (.[1] - $rm)] | add) as $sxy
  | ([$mem[] | (.[0] - $tm) * (.[0] - $tm)] | add) as $sxx
  | (if $sxx > 0 then $sxy / $sxx * 60 else 0 end) as $slope
  | ($second_half - $first_half) as $growth_kb
  | ($r.statuses | to_entries | map(select((.key | tonumber) >= 400)) | map(.value) | add // 0) as $http_errors
  | ($r.socket_errors | add) as $socket_errors
  | {name: "load",
     figures: {
       requests_per_s: ($r.requests / ($r.duration_us / 1e6) * 10 | round / 10),
       p50_ms: ($r.latency_us.p50 / 1000), p99_ms: ($r.latency_us.p99 / 1000),
       errors: ($http_errors + $socket_errors),
       status_429: ($r.statuses["429"] // 0),
       rss_first_mib: ($rss[0] | mib), rss_max_mib: ($rss | max | mib), rss_last_mib: ($rss[-1] | mib),
       rss_growth_mib: ($growth_kb | mib),
       seconds: $seconds},
     bar: {zero_errors: (($http_errors + $socket_errors) == 0 and $r.redirects_to_login == 0),
           # Flat: the second half of the run holds no more than 1 % (at least 1 MiB) above the first.
           memory_flat: ($growth_kb <= ([1024, $first_half * 0.01] | max))},
     requests: $r.requests,
     duration_s: ($r.duration_us / 1e6),
     mb_per_s: ($r.bytes / ($r.duration_us / 1e6) / 1048576 * 10 | round / 10),
     # The processor time (user + system) the server used over the run: what a request costs it,
     # whatever else the machine was doing meanwhile.
     server_cpu: {seconds: ($cpu_ticks / $hz), per_request_ms: ($cpu_ticks / $hz / $r.requests * 1e5 | round / 100),
                  cores_busy: ($cpu_ticks / $hz / ($r.duration_us / 1e6) * 100 | round / 100)},
     latency_ms: ($r.latency_us | map_values(. / 1000 * 1000 | round / 1000)),
     errors: {by_status: ($r.statuses | with_entries(select((.key | tonumber) >= 400))),
              socket: $r.socket_errors, redirects_to_login: $r.redirects_to_login},
     statuses: $r.statuses,
     sent_by_persona: $r.sent,
     memory: {rss_idle_mib: ($idle | mib), rss_after_warmup_mib: ($warm | mib),
              rss_first_mib: ($rss[0] | mib), rss_max_mib: ($rss | max | mib), rss_last_mib: ($rss[-1] | mib),
              first_half_mean_mib: ($first_half | mib), second_half_mean_mib: ($second_half | mib),
              growth_mib: ($growth_kb | mib), slope_kib_per_min: ($slope * 10 | round / 10),
              threads_first: $mem[0][2], threads_last: $mem[-1][2],
              open_files_first: $mem[0][3], open_files_max: ($mem | map(.[3]) | max), open_files_last: $mem[-1][3],
              samples: $n, every_s: $sample,
              series: ($mem | map({t: .[0], rss_kb: .[1]}))},
     after: {ngo_portal_status: ($after_status | tonumber), sessions_in_store: $sessions},
     setup: {load: "wrk -t\($threads) -c\($connections) -d\($seconds)s --timeout 10s, after \($warmup) s of warm-up",
             bsap_serve_args: $serve_args, cores: $cores, cpu: $cpu, date: $date, commit: $commit,
             load_average_before: $before, load_average_after: $after},
     mix: $mix}' >"$OUT/$NAME.json"

jq -r '
  "\(.name): \(.setup.load); \(.mix.entries) requests in the mix",
  "  \(.figures.requests_per_s) req/s   p50 \(.figures.p50_ms) ms   p99 \(.figures.p99_ms) ms   max \(.latency_ms.max) ms",
  "  errors \(.figures.errors) (by status \(.errors.by_status | tostring), socket \(.errors.socket | tostring), redirects to sign-in \(.errors.redirects_to_login)); 429: \(.figures.status_429)",
  "  server CPU \(.server_cpu.per_request_ms) ms a request, \(.server_cpu.cores_busy) cores busy",
  "  RSS first \(.memory.rss_first_mib) MiB, max \(.memory.rss_max_mib), last \(.memory.rss_last_mib); second half over first \(.memory.growth_mib) MiB; slope \(.memory.slope_kib_per_min) KiB/min",
  "  open files \(.memory.open_files_first) -> \(.memory.open_files_last), threads \(.memory.threads_first) -> \(.memory.threads_last); load average \(.setup.load_average_before) -> \(.setup.load_average_after)",
  "  bar: zero errors \(.bar.zero_errors), memory flat \(.bar.memory_flat)"' "$OUT/$NAME.json"
echo "$NAME: wrote $OUT/$NAME.json"
