#!/usr/bin/env bash
# The public dashboard (000 5.2), rendered by bsap from the demo data on every request, beside
# nginx serving a snapshot of the same page: what a public hot path costs to render. The
# measurement is http_static.sh's in page mode; see its header for the options.
#
#   bench/http_dashboard.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
BENCH_PAGE="${BENCH_PAGE:-/en/dashboard}" BENCH_NAME="${BENCH_NAME:-http_dashboard}" \
  exec bash ./http_static.sh "$@"
