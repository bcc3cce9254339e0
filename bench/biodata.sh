#!/usr/bin/env bash
# The biodiversity hub's import benchmark: a seeded Darwin Core Archive of occurrences
# (bench/biodata_generate: 1,000,000 records placed uniformly inside Hong Kong's 18 real district
# polygons, ~1 % faulty on purpose, and the checklist they name) imported by bsap — read,
# validated, joined to the 390 constituency areas (DCCA, 2001) and the 1 km HK1980 grid, persisted
# in SQLite — and the same work done in PostGIS in the same run, the way a competent PostGIS user
# does it: the polygons from GeoJSON through ST_MakeValid with a GiST index, COPY into a table
# whose point is a generated column, a GiST index on the points, an indexed ST_Contains join
# materialised with CREATE TABLE AS (carrying each record's name and date, so that counts and
# species lists need no second join), the grid cells, an index covering the species list, counts
# per area. Prints each step's time for both, the end-to-end times and their ratio (bsap /
# PostGIS), peak memory, the species list of an area (mean over the same areas on both), and
# whether the two agree on every (record, area) pair and every record's grid cell; writes
# OUT/biodata.json. It reports figures and never fails on a time; it fails when it cannot measure
# (a tool or a bsap command missing, a step failing). Disagreement is reported, not fatal.
#
#   bench/biodata.sh [BUILD_DIR]     # BUILD_DIR defaults to build; the program is BUILD_DIR/bsap
#
# What each engine's end-to-end time holds (setup — bsap migrate, CREATE EXTENSION — is shown but
# left out of both):
#   bsap     `biodata areas import` + `biodata taxa import` + `biodata import`, each the whole
#            process, wall clock
#   PostGIS  load_areas + load_taxa + copy_occurrences + index_points + index_ids + analyze +
#            join_areas + grid_cells + index_area_codes + counts_per_area
#
# Which records get a place (the same rule on both sides, so that the pairs can agree): a record
# has a point unless its latitude is beyond ±90°, its longitude beyond ±180°, or both are 0 — the
# generator's faulty coordinates are 0,0 and latitude/longitude swapped (a "latitude" of 114°).
# bsap flags them ZERO_COORDINATE and PRESUMED_SWAPPED_COORDINATE (corrected, but a geospatial
# flag), both of which keep a record out of spatial work; PostGIS's generated column is NULL for
# them. A point on the boundary between two areas is in neither (ST_Contains; bsap likewise).
#
# Environment: BIODATA_RECORDS (1000000), BIODATA_SEED (2035), BIODATA_QUERY_AREAS (20: the
# species list is timed on that many areas, evenly spaced in code order), BIODATA_AREAS (the DCCA
# GeoJSON), BSAP_BINARY (the program), BIODATA_GENERATOR (the generator), BENCH_OUT (where the
# JSON goes; BUILD_DIR/bench), BENCH_KEEP_TMP (keep the work folder). The archive is generated
# under BUILD_DIR/bench/data/ and reused while the size, seed and generator source are the same.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
NAME=biodata

fail() {
  echo "$NAME: $*" >&2
  exit 1
}

now_ms() { echo $(( ${EPOCHREALTIME//[.,]/} / 1000 )); }  # the locale may write a comma

# ---- PostGIS side ------------------------------------------------------------------------------
# Runs under scripts/with-postgres.sh (which gives BSAP_TEST_PG_URL): this script calls itself as
#   bench/biodata.sh --postgis-side DATA WORK AREAS_GEOJSON QUERY_AREAS_FILE
# and leaves in WORK: postgis.log (psql's output with the step markers), postgis-facts.txt,
# postgis-pairs.tsv, postgis-grid.tsv, postgis-counts.tsv, postgis-peak-pss-kb.

# Sums the proportional set size (shared memory shared out) of the postmaster and its children
# every half second and keeps the peak in FILE: the cluster's memory, parallel workers included.
# A few processes a round (cat skips the files of processes gone meanwhile; awk would stop), so
# that the sampling takes next to nothing from the server it measures. `|| true`: cat's status
# for a vanished process must not end the loop (set -e, pipefail).
sample_cluster_memory() {  # postmaster_pid file
  local postmaster="$1" file="$2" peak=0 total pids
  while kill -0 "$postmaster" 2>/dev/null; do
    # /proc/PID/stat: field 1 the pid, field 4 the parent's (postgres's names hold no blanks).
    pids="$(cat /proc/[0-9]*/stat 2>/dev/null | awk -v pm="$postmaster" '$1 == pm || $4 == pm {print "/proc/" $1 "/smaps_rollup"}' || true)"
    total=0
    # shellcheck disable=SC2086  # one path a word
    [[ -z "$pids" ]] || total="$(cat $pids 2>/dev/null | awk '/^Pss:/ {kb += $2} END {print kb + 0}' || true)"
    if ((total > peak)); then
      peak=$total
      echo "$peak" >"$file"
    fi
    sleep 0.5
  done
}

postgis_side() {
  local data="$1" work="$2" areas="$3" query_areas="$4"
  local url="${BSAP_TEST_PG_URL:?run under scripts/with-postgres.sh}"
  local psql=(psql "$url" -X -q -v ON_ERROR_STOP=1)

  # Server-side COPY reads the file as the server's user; psql's \copy sends it when that user
  # cannot read it (e.g. a private home folder). The same work for the server either way.
  local copy=COPY end=';' as_server=()
  [[ $(id -u) -eq 0 ]] && as_server=(runuser -u postgres --)
  if ! "${as_server[@]}" test -r "$data/occurrence/occurrence.txt"; then
    copy='\copy'
    end=''
  fi

  local datadir postmaster sampler_pid
  datadir="$("${psql[@]}" -Atc "SHOW data_directory")"
  postmaster="$(head -n 1 "$datadir/postmaster.pid" 2>/dev/null || true)"
  echo 0 >"$work/postgis-peak-pss-kb"
  sampler_pid=""
  if [[ -n "$postmaster" && -r "/proc/$postmaster/smaps_rollup" ]]; then
    sample_cluster_memory "$postmaster" "$work/postgis-peak-pss-kb" &
    sampler_pid=$!
  fi

  local copy_options="(FORMAT csv, DELIMITER E'\\t', HEADER true, QUOTE E'\\x01')"
  {
    cat <<SQL
\\timing on
\\pset format unaligned
\\pset tuples_only on
\\echo @@step session
SET client_min_messages = warning;
-- What a competent user sets for a bulk load in a session: memory for index builds and sorts.
SET maintenance_work_mem = '256MB';
SET work_mem = '64MB';

\\echo @@step create_extension
CREATE EXTENSION postgis;

\\echo @@step load_areas
\\set geojson \`cat '$areas'\`
CREATE TABLE areas (code text PRIMARY KEY, name_en text, geom geometry(MultiPolygon, 4326) NOT NULL);
INSERT INTO areas
SELECT f -> 'properties' ->> 'DCCA', f -> 'properties' ->> 'DCCA_ENG',
       ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(f -> 'geometry'), 4326)), 3))
FROM jsonb_array_elements(:'geojson'::jsonb -> 'features') AS f;
CREATE INDEX areas_geom ON areas USING gist (geom);
ANALYZE areas;

\\echo @@step load_taxa
CREATE TABLE taxon (taxon_id text PRIMARY KEY, scientific_name text NOT NULL, taxon_rank text,
                    kingdom text, family text, genus text, taxonomic_status text);
$copy taxon FROM '$data/taxon/taxon.txt' WITH $copy_options$end
CREATE TABLE vernacular_name (taxon_id text REFERENCES taxon, vernacular_name text, language text);
$copy vernacular_name FROM '$data/taxon/vernacularname.txt' WITH $copy_options$end
CREATE INDEX taxon_name ON taxon (scientific_name);

\\echo @@step copy_occurrences
-- The point is NULL for the coordinates bsap flags as geospatial issues (see bench/biodata.sh).
CREATE TABLE occ (
  id text, occurrence_id text NOT NULL, basis_of_record text, scientific_name text,
  event_date date, year int, lat double precision, lon double precision, geodetic_datum text,
  coordinate_uncertainty_m double precision, individual_count int, country_code text,
  geom geometry(Point, 4326) GENERATED ALWAYS AS (
    CASE WHEN lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180 AND NOT (lat = 0 AND lon = 0)
         THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END) STORED);
$copy occ (id, occurrence_id, basis_of_record, scientific_name, event_date, year, lat, lon, geodetic_datum, coordinate_uncertainty_m, individual_count, country_code) FROM '$data/occurrence/occurrence.txt' WITH $copy_options$end

\\echo @@step index_points
CREATE INDEX occ_geom ON occ USING gist (geom);

\\echo @@step index_ids
ALTER TABLE occ ADD PRIMARY KEY (occurrence_id);

\\echo @@step analyze
ANALYZE occ;

\\echo @@step join_areas
-- The name and date come along (the row is at hand): counts and species lists then need no join.
CREATE TABLE occ_area AS
SELECT o.occurrence_id, a.code, o.scientific_name, o.event_date
FROM occ o JOIN areas a ON ST_Contains(a.geom, o.geom);

\\echo @@step grid_cells
-- The 1 km square of the HK1980 Grid (EPSG:2326) whose south-west corner is at E km, N km.
CREATE TABLE occ_grid AS
SELECT occurrence_id, 'E' || floor(ST_X(p) / 1000)::int || 'N' || floor(ST_Y(p) / 1000)::int AS cell
FROM (SELECT occurrence_id, ST_Transform(geom, 2326) AS p FROM occ WHERE geom IS NOT NULL) AS t;

\\echo @@step index_area_codes
-- Covers the species list (an index-only scan); VACUUM sets the visibility map it needs.
CREATE INDEX occ_area_code ON occ_area (code, scientific_name, event_date);
VACUUM ANALYZE occ_area;

\\echo @@step counts_per_area
\\o '$work/postgis-counts.tsv'
SELECT code, count(*), count(DISTINCT scientific_name) FROM occ_area GROUP BY code ORDER BY code;
\\o

-- The species list of an area, once per area: first as a join of the two tables (the index on
-- occ_area's code, then occ by its primary key), then from occ_area alone (index only), the
-- figure reported. The second runs on an index the first has read, as on a running server.
\\echo @@step species_queries
PREPARE species_join(text) AS
SELECT o.scientific_name, count(*), min(o.event_date), max(o.event_date)
FROM occ_area j JOIN occ o USING (occurrence_id) WHERE j.code = \$1 GROUP BY 1 ORDER BY 1;
PREPARE species(text) AS
SELECT scientific_name, count(*), min(event_date), max(event_date)
FROM occ_area WHERE code = \$1 GROUP BY 1 ORDER BY 1;
\\o /dev/null
SQL
    local code statement
    for statement in species_join species; do
      while read -r code; do
        printf '\\echo @@query %s %s\nEXECUTE %s(%s);\n' "$statement" "$code" "$statement" "'$code'"
      done <"$query_areas"
    done
    cat <<SQL
\\o
\\echo @@step untimed
\\timing off
\\o '$work/postgis-facts.txt'
SELECT 'backend_peak_rss_kb', (regexp_match(pg_read_file('/proc/' || pg_backend_pid() || '/status'), 'VmHWM:\\s*(\\d+)'))[1];
SELECT 'postgis_version', postgis_lib_version();
SELECT 'postgresql_version', current_setting('server_version');
SELECT 'areas', count(*) FROM areas;
SELECT 'areas_repaired', count(*) FROM jsonb_array_elements(:'geojson'::jsonb -> 'features') AS f
 WHERE NOT ST_IsValid(ST_GeomFromGeoJSON(f -> 'geometry'));
SELECT 'taxa', count(*) FROM taxon;
SELECT 'records', count(*) FROM occ;
SELECT 'records_with_point', count(*) FROM occ WHERE geom IS NOT NULL;
SELECT 'records_in_no_area', count(*) FROM occ o WHERE geom IS NOT NULL AND NOT EXISTS (SELECT FROM occ_area j WHERE j.occurrence_id = o.occurrence_id);
SELECT 'records_in_two_areas', count(*) FROM (SELECT occurrence_id FROM occ_area GROUP BY 1 HAVING count(*) > 1) AS t;
-- Points on an area's boundary: ST_Intersects but not ST_Contains. Such points are where two
-- engines' arithmetic may differ; their count explains a disagreement if there is one.
SELECT 'boundary_points', count(*) FROM occ o JOIN areas a ON ST_Intersects(a.geom, o.geom) WHERE NOT ST_Contains(a.geom, o.geom);
\\o
\\copy (SELECT occurrence_id, code FROM occ_area) TO '$work/postgis-pairs.tsv'
\\copy (SELECT occurrence_id, cell FROM occ_grid) TO '$work/postgis-grid.tsv'
SQL
  } >"$work/postgis.sql"

  local status=0
  "${psql[@]}" -f "$work/postgis.sql" >"$work/postgis.log" 2>"$work/postgis.err" || status=$?
  [[ -n "$sampler_pid" ]] && { kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; }
  if ((status != 0)); then
    tail -n 20 "$work/postgis.err" >&2
    echo "$NAME: the PostGIS sequence failed (psql status $status; $work/postgis.sql)" >&2
    return 1
  fi
}

if [[ "${1:-}" == --postgis-side ]]; then
  shift
  postgis_side "$@"
  exit
fi

# ---- set-up ------------------------------------------------------------------------------------
BUILD_DIR="${1:-build}"
BINARY="${BSAP_BINARY:-$BUILD_DIR/bsap}"
GENERATOR="${BIODATA_GENERATOR:-$BUILD_DIR/bench/biodata_generate}"
OUT="${BENCH_OUT:-$BUILD_DIR/bench}"
RECORDS="${BIODATA_RECORDS:-1000000}"
SEED="${BIODATA_SEED:-2035}"
QUERY_AREA_COUNT="${BIODATA_QUERY_AREAS:-20}"
AREAS="${BIODATA_AREAS:-$REPO/../shared/data/geo/hk-districts-2001/dcca_land.lowres.geo.json}"
TIME=/usr/bin/time

for tool in jq psql "$TIME" awk comm sort; do
  command -v "$tool" >/dev/null || fail "needs $tool (Debian: apt-get install jq postgresql-15 time)"
done
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || fail "needs PostgreSQL 15 (Debian: apt-get install postgresql-15)"
[[ -f /usr/share/postgresql/15/extension/postgis.control ]] \
  || fail "needs PostGIS for PostgreSQL 15 (Debian: apt-get install postgresql-15-postgis-3)"
[[ -f "$AREAS" ]] || fail "no constituency areas at $AREAS"
[[ "$RECORDS" =~ ^[1-9][0-9]*$ ]] || fail "BIODATA_RECORDS must be a positive whole number"
[[ "$SEED" =~ ^[0-9]+$ ]] || fail "BIODATA_SEED must be a whole number"
AREAS="$(cd "$(dirname "$AREAS")" && pwd)/$(basename "$AREAS")"
mkdir -p "$OUT"

PAIRS="$BUILD_DIR/bench/biodata_pairs"
if [[ (! -x "$GENERATOR" || ! -x "$PAIRS") && -f "$BUILD_DIR/CMakeCache.txt" ]]; then
  echo "$NAME: building the generator and the pairs reader"
  cmake --build "$BUILD_DIR" --target biodata_generate biodata_pairs >/dev/null ||
    fail "could not build biodata_generate and biodata_pairs"
fi
[[ -x "$GENERATOR" ]] || fail "no generator at $GENERATOR: build it first (cmake --build $BUILD_DIR --target biodata_generate)"
[[ -x "$PAIRS" ]] || fail "no pairs reader at $PAIRS: build it first (cmake --build $BUILD_DIR --target biodata_pairs)"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/bsap-bench-biodata.XXXXXX")"
chmod 755 "$TMP"
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "${BENCH_KEEP_TMP:-}" ]]; then echo "$NAME: kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- the archive -------------------------------------------------------------------------------
DATA_ROOT="$BUILD_DIR/bench/data"
DATA="$DATA_ROOT/biodata-$RECORDS-seed$SEED"
STAMP="records=$RECORDS seed=$SEED generator=$(sha256sum bench/biodata_generate.cpp | cut -c1-16)"
GENERATED=reused
GENERATE_MS=null
if [[ ! -f "$DATA/.stamp" || "$(cat "$DATA/.stamp")" != "$STAMP" || ! -f "$DATA/summary.json" ]]; then
  mkdir -p "$DATA_ROOT"
  rm -rf "$DATA" "$DATA.partial"
  started="$(now_ms)"
  "$GENERATOR" --records "$RECORDS" --seed "$SEED" --out "$DATA.partial" || fail "the generator failed"
  GENERATE_MS=$(($(now_ms) - started))
  echo "$STAMP" >"$DATA.partial/.stamp"
  mv "$DATA.partial" "$DATA"
  GENERATED=generated
else
  echo "$NAME: reusing $DATA ($(jq -r '"seed \(.seed), \(.records) records"' "$DATA/summary.json"))"
fi
DATA="$(cd "$DATA" && pwd)"
ARCHIVE_BYTES="$(du -sb "$DATA" | cut -f1)"
chmod -R a+rX "$DATA"  # PostgreSQL's server reads it with COPY

# The areas whose species list is timed: evenly spaced in code order, the same on both sides.
jq -r '.features[].properties.DCCA' "$AREAS" | LC_ALL=C sort -u \
  | awk -v n="$QUERY_AREA_COUNT" '{code[NR] = $0} END {for (i = 0; i < n && i < NR; i++) print code[int(i * NR / n) + 1]}' \
  >"$TMP/query-areas.txt"

# ---- bsap --------------------------------------------------------------------------------------
BSAP_STATUS=measured
DB="sqlite:$TMP/hub.db"

missing=()
if [[ ! -x "$BINARY" ]]; then
  missing+=("the program $BINARY")
else
  BINARY="$(cd "$(dirname "$BINARY")" && pwd)/$(basename "$BINARY")"
  for command in "biodata areas import" "biodata taxa import" "biodata import" "biodata species"; do
    # shellcheck disable=SC2086  # the command is words
    "$BINARY" $command --help >/dev/null 2>&1 || missing+=("bsap $command")
  done
fi
if ((${#missing[@]})); then
  BSAP_STATUS="bsap biodata commands missing"
  echo "$NAME: $BSAP_STATUS: $(printf '%s; ' "${missing[@]}" | sed 's/; $//'); measuring PostGIS alone" >&2
fi

# Runs one bsap command unless one before failed: its JSON to TMP/STEP.json, wall time in ms to
# TMP/STEP.ms, peak RSS in KiB to TMP/STEP.rss. A failure is recorded in BSAP_STATUS.
bsap_step() {  # step args...
  local step="$1" started
  shift
  [[ "$BSAP_STATUS" == measured ]] || return 0
  started="$(now_ms)"
  if ! "$TIME" -f %M -o "$TMP/$step.rss" "$BINARY" --db "$DB" "$@" >"$TMP/$step.json" 2>"$TMP/$step.err"; then
    tail -n 20 "$TMP/$step.err" >&2
    BSAP_STATUS="bsap $1 $2 failed"
    echo "$NAME: bsap $* failed" >&2
    return 0
  fi
  echo $(($(now_ms) - started)) >"$TMP/$step.ms"
}

echo '{}' >"$TMP/bsap-species.json"
if [[ "$BSAP_STATUS" == measured ]]; then
  echo "$NAME: bsap — importing $RECORDS records into SQLite"
  bsap_step migrate migrate
  bsap_step areas biodata areas import "$AREAS" --layer dcca --code-field DCCA --name-en-field DCCA_ENG --json
  bsap_step taxa biodata taxa import "$DATA/taxon" --json
  bsap_step import biodata import "$DATA/occurrence" --json
fi
# The (record, area) pairs and the grid cells as bsap stored them.
if [[ "$BSAP_STATUS" == measured ]]; then
  if ! "$PAIRS" "$DB" dcca "$TMP/bsap-pairs.tsv" "$TMP/bsap-grid.tsv"; then
    BSAP_STATUS="bsap's tables could not be read"
    echo "$NAME: $BSAP_STATUS" >&2
  fi
fi
if [[ "$BSAP_STATUS" == measured ]]; then
  # Each run is a process of its own; the command's "query_ms" is the query alone.
  : >"$TMP/bsap-species.lines"
  while read -r code; do
    if ! "$BINARY" --db "$DB" biodata species --area-layer dcca --area "$code" --json >"$TMP/species.json" 2>"$TMP/species.err"; then
      tail -n 5 "$TMP/species.err" >&2
      BSAP_STATUS="bsap biodata species failed"
      break
    fi
    jq -c --arg code "$code" '{($code): .query_ms}' "$TMP/species.json" >>"$TMP/bsap-species.lines"
  done <"$TMP/query-areas.txt"
  jq -s 'add // {}' "$TMP/bsap-species.lines" >"$TMP/bsap-species.json"
  if [[ "$BSAP_STATUS" == measured ]] && ! jq -e 'length > 0 and all(.[]; type == "number")' "$TMP/bsap-species.json" >/dev/null; then
    BSAP_STATUS="bsap biodata species gave no query_ms"
    echo "$NAME: $BSAP_STATUS" >&2
  fi
fi

# ---- PostGIS -----------------------------------------------------------------------------------
echo "$NAME: PostGIS — the same work in a throwaway PostgreSQL 15 cluster"
scripts/with-postgres.sh bash "$REPO/bench/biodata.sh" --postgis-side "$DATA" "$TMP" "$AREAS" "$TMP/query-areas.txt" \
  || fail "could not measure PostGIS"

# Step times: the sum of psql's "Time:" lines under each "@@step" marker; the species queries one
# by one under "@@query STATEMENT AREA". As {"steps": {step: ms}, "queries": {statement: {area: ms}}}.
awk '
  /^@@step / {step = $2; query = ""; next}
  /^@@query / {query = $2 "\t" $3; next}
  /^Time: / {
    if (query != "") { print "query\t" query "\t" $2; query = "" }
    else if (step != "untimed") print "step\t" step "\t" $2
  }' "$TMP/postgis.log" \
  | jq -R -s 'split("\n") | map(select(length > 0) | split("\t")) | reduce .[] as $l ({steps: {}, queries: {}};
      if $l[0] == "step" then .steps[$l[1]] += ($l[2] | tonumber)
      else .queries[$l[1]][$l[2]] = ($l[3] | tonumber) end)
      | .steps |= map_values(. * 1000 | round / 1000)' >"$TMP/postgis-times.json"
awk -F'|' '{printf "%s\t%s\n", $1, $2}' "$TMP/postgis-facts.txt" \
  | jq -R -s 'split("\n") | map(select(length > 0) | split("\t") | {(.[0]): (.[1] | tonumber? // .)}) | add' \
  >"$TMP/postgis-facts.json"

# ---- agreement ---------------------------------------------------------------------------------
# Counts of lines in both files, only in the first, only in the second (each sorted bytewise).
compare_sets() {  # ours theirs
  LC_ALL=C sort -o "$1" "$1"
  LC_ALL=C sort -o "$2" "$2"
  jq -n --argjson ours "$(wc -l <"$1")" --argjson theirs "$(wc -l <"$2")" \
    --argjson only_ours "$(LC_ALL=C comm -23 "$1" "$2" | wc -l)" \
    --argjson only_theirs "$(LC_ALL=C comm -13 "$1" "$2" | wc -l)" \
    '{bsap: $ours, postgis: $theirs, only_bsap: $only_ours, only_postgis: $only_theirs}'
}
if [[ "$BSAP_STATUS" == measured ]]; then
  PAIRS="$(compare_sets "$TMP/bsap-pairs.tsv" "$TMP/postgis-pairs.tsv")"
  GRID="$(compare_sets "$TMP/bsap-grid.tsv" "$TMP/postgis-grid.tsv")"
  for what in pairs grid; do
    ours="$TMP/bsap-$what.tsv" theirs="$TMP/postgis-$what.tsv"
    LC_ALL=C comm -3 "$ours" "$theirs" | sed -n 1,5p >"$TMP/$what-differences.txt"  # sed reads on: no SIGPIPE
  done
else
  PAIRS="$(jq -n --argjson theirs "$(wc -l <"$TMP/postgis-pairs.tsv")" '{bsap: null, postgis: $theirs, only_bsap: null, only_postgis: null}')"
  GRID="$(jq -n --argjson theirs "$(wc -l <"$TMP/postgis-grid.tsv")" '{bsap: null, postgis: $theirs, only_bsap: null, only_postgis: null}')"
fi

# ---- the report --------------------------------------------------------------------------------
# A step's output as JSON: the file when it is JSON, its text as a string when not (migrate
# prints a line), null when empty.
json_or_null() {
  if [[ ! -s "$1" ]]; then echo null
  elif jq -e . "$1" >/dev/null 2>&1; then cat "$1"
  else jq -Rs . "$1"; fi
}
BSAP_STEPS="$(
  for step in migrate areas taxa import; do
    jq -n --arg step "$step" --argjson ms "$(json_or_null "$TMP/$step.ms")" \
      --argjson rss "$(json_or_null "$TMP/$step.rss")" --argjson out "$(json_or_null "$TMP/$step.json")" \
      '{($step): {wall_ms: $ms, peak_rss_kb: $rss, output: $out}}'
  done | jq -s 'add'
)"

jq -n \
  --arg name "$NAME" --arg status "$BSAP_STATUS" --argjson records "$RECORDS" --argjson seed "$SEED" \
  --argjson bsap "$BSAP_STEPS" --argjson bsap_species "$(cat "$TMP/bsap-species.json")" \
  --argjson pg "$(cat "$TMP/postgis-times.json")" --argjson facts "$(cat "$TMP/postgis-facts.json")" \
  --argjson pg_pss "$(cat "$TMP/postgis-peak-pss-kb")" \
  --argjson pairs "$PAIRS" --argjson grid "$GRID" \
  --argjson summary "$(cat "$DATA/summary.json")" --arg generated "$GENERATED" \
  --argjson generate_ms "$GENERATE_MS" --argjson archive_bytes "$ARCHIVE_BYTES" \
  --arg data "$DATA" --argjson cores "$(nproc)" '
  def r3: if . == null then null else (. * 1000 | round / 1000) end;
  def s: if . == null then null else (. / 1000 | r3) end;
  def mib: if . == null then null else (. / 1024 | round) end;
  def mean: if length == 0 then null else (add / length | r3) end;
  # The end-to-end sum; "session" (SETs) and "create_extension" are set-up, like bsap migrate.
  ["load_areas", "load_taxa", "copy_occurrences", "index_points", "index_ids", "analyze",
   "join_areas", "grid_cells", "index_area_codes", "counts_per_area"] as $pg_e2e
  | ($pg_e2e | map($pg.steps[.] // 0) | add) as $pg_total
  | (if $status == "measured" then $bsap.areas.wall_ms + $bsap.taxa.wall_ms + $bsap.import.wall_ms else null end) as $bsap_total
  | ($bsap.import.output.timings_ms // {}) as $t
  | {name: $name,
     figures: {
       status: $status, records: $records,
       end_to_end_s: ($bsap_total | s),
       areas_import_s: ($bsap.areas.wall_ms | s), taxa_import_s: ($bsap.taxa.wall_ms | s),
       import_s: ($bsap.import.wall_ms | s),
       read_s: ($t.read | s), validate_s: ($t.validate | s), join_s: ($t.join | s), persist_s: ($t.persist | s),
       records_loaded: $bsap.import.output.records_loaded,
       peak_rss_mib: ([$bsap.areas.peak_rss_kb, $bsap.taxa.peak_rss_kb, $bsap.import.peak_rss_kb] | map(select(. != null)) | max | mib),
       species_query_ms: ($bsap_species | [.[]] | mean),
       pairs: $pairs.bsap, pairs_only_bsap: $pairs.only_bsap, pairs_only_postgis: $pairs.only_postgis,
       grid_cells: $grid.bsap, grid_only_bsap: $grid.only_bsap, grid_only_postgis: $grid.only_postgis},
     comparator: {
       name: "PostGIS \($facts.postgis_version | split(".")[0:2] | join(".")) / PostgreSQL \($facts.postgresql_version | tostring | split(".")[0])",
       end_to_end_s: ($pg_total | s),
       copy_s: ($pg.steps.copy_occurrences | s), index_points_s: ($pg.steps.index_points | s),
       join_s: ($pg.steps.join_areas | s), grid_s: ($pg.steps.grid_cells | s),
       counts_s: ($pg.steps.counts_per_area | s),
       species_query_ms: ($pg.queries.species // {} | [.[]] | mean),
       species_query_join_ms: ($pg.queries.species_join // {} | [.[]] | mean),
       peak_memory_mib: (if $pg_pss > 0 then ($pg_pss | mib) else "not measured" end),
       backend_peak_rss_mib: ($facts.backend_peak_rss_kb | mib),
       pairs: $pairs.postgis, grid_cells: $grid.postgis},
     ratio: (if $bsap_total != null and $pg_total > 0 then ($bsap_total / $pg_total | r3) else null end),
     setup: {
       records: $records, seed: $seed, archive_folder: $data, archive_bytes: $archive_bytes,
       archive: {generated: $generated, generate_s: ($generate_ms | s), summary: $summary},
       query_areas: (($bsap_species | keys) + ($pg.queries.species // {} | keys) | unique),
       cores: $cores,
       end_to_end: {bsap: "biodata areas import + taxa import + import, each process wall clock",
                    postgis: ($pg_e2e | join(" + "))},
       place_rule: "a point unless |lat| > 90, |lon| > 180, or lat = lon = 0; ST_Contains (boundary in neither)",
       postgis_session: "maintenance_work_mem 256MB, work_mem 64MB; server as scripts/with-postgres.sh starts it",
       peak_memory: "bsap: max RSS of its processes (GNU time); PostGIS: peak of the summed PSS of the cluster processes, sampled every 0.5 s; backend: VmHWM of the session backend"},
     steps: {
       bsap: ($bsap + {species_query_ms: $bsap_species}),
       postgis: {steps_ms: $pg.steps, species_query_ms: $pg.queries.species, species_query_join_ms: $pg.queries.species_join, facts: $facts}},
     agreement: {pairs: $pairs, grid_cells: $grid}}' >"$OUT/$NAME.json"

jq -r '
  def f: if . == null then "—" else tostring end;
  def sec: if . == null then "—" else (. / 1000 * 1000 | round / 1000 | tostring) end;
  def row(what; ours; theirs): "  \(what | . + " " * (28 - length))\(ours | . + " " * (12 - length))\(theirs)";
  .steps.postgis.steps_ms as $pg | .steps.postgis.facts as $facts
  | "\(.name): \(.setup.records) records (seed \(.setup.seed), \(.setup.archive_bytes / 1e6 | round) MB, \(.setup.archive.generated)\(if .setup.archive.generate_s then " in \(.setup.archive.generate_s) s" else "" end)); bsap: \(.figures.status)",
    row("step (s)"; "bsap"; .comparator.name),
    row("load areas"; .figures.areas_import_s | f; $pg.load_areas | sec),
    row("load taxa"; .figures.taxa_import_s | f; $pg.load_taxa | sec),
    row("read (COPY)"; .figures.read_s | f; $pg.copy_occurrences | sec),
    row("validate"; .figures.validate_s | f; "—"),
    row("index points"; "—"; $pg.index_points | sec),
    row("index ids, analyze"; "—"; ($pg.index_ids + $pg.analyze) | sec),
    row("join to areas"; .figures.join_s | f; $pg.join_areas | sec),
    row("grid cells"; "(in join)"; $pg.grid_cells | sec),
    row("persist / index codes"; .figures.persist_s | f; $pg.index_area_codes | sec),
    row("counts per area"; "—"; $pg.counts_per_area | sec),
    row("end to end"; .figures.end_to_end_s | f; .comparator.end_to_end_s | f),
    row("setup (migrate, extension)"; .steps.bsap.migrate.wall_ms | sec; $pg.create_extension | sec),
    "  ratio (bsap / PostGIS)      \(.ratio | f)   (goal: 0.1 or less)",
    row("species list, mean ms"; .figures.species_query_ms | f; .comparator.species_query_ms | f) + "   (\(.setup.query_areas | length) areas; goal: under 1 ms; PostGIS as a join of the two tables: \(.comparator.species_query_join_ms) ms)",
    row("peak memory, MiB"; .figures.peak_rss_mib | f; .comparator.peak_memory_mib | f) + "   (PostGIS: the cluster; its session backend \(.comparator.backend_peak_rss_mib) MiB)",
    row("(record, area) pairs"; .agreement.pairs.bsap | f; .agreement.pairs.postgis | f) + "   only bsap \(.agreement.pairs.only_bsap | f), only PostGIS \(.agreement.pairs.only_postgis | f)",
    row("grid cells"; .agreement.grid_cells.bsap | f; .agreement.grid_cells.postgis | f) + "   only bsap \(.agreement.grid_cells.only_bsap | f), only PostGIS \(.agreement.grid_cells.only_postgis | f)",
    "  PostGIS: \($facts.records_with_point) of \($facts.records) records with a point, \($facts.records_in_no_area) of them in no area, \($facts.boundary_points) on a boundary; \($facts.areas_repaired) of \($facts.areas) areas repaired by ST_MakeValid"
  ' "$OUT/$NAME.json"
for what in pairs grid; do
  if [[ -s "$TMP/$what-differences.txt" ]]; then
    echo "  the first $([[ $what == pairs ]] && echo "(record, area) pairs" || echo "grid cells") that differ (bsap's at the left, PostGIS's indented):"
    sed 's/^/    /' "$TMP/$what-differences.txt"
  fi
done
echo "$NAME: wrote $OUT/$NAME.json"
[[ "$BSAP_STATUS" == measured ]] || fail "$BSAP_STATUS: bsap's figures are not measured (PostGIS's are in $OUT/$NAME.json)"
