#!/usr/bin/env bash
# Installs everything bsap needs on Debian 12, as root. Idempotent: quick when all is present.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost-dev libboost-system-dev
  libsoci-dev libsqlite3-dev sqlite3 libpq-dev postgresql-15 libzstd-dev
  libsodium-dev libcli11-dev libspdlog-dev libfmt-dev
  libopencc-dev opencc libkainjow-mustache-dev nlohmann-json3-dev libyaml-cpp-dev
  libzip-dev libxlsxwriter-dev libpugixml-dev libgeos-dev libproj-dev libshp-dev
  libgd-dev libexif-dev libwebp-dev  # photographs: decoded, turned upright, scaled, re-encoded
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium fonts-wqy-microhei nodejs npm wrk nginx-light curl tzdata clang-format
  postgresql-15-postgis-3 time jq
  clang libclang-rt-14-dev  # the fuzz targets: clang++ and libFuzzer (a mere Recommends of clang)
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A machine image may ship its own node/npm outside Debian's packages; accept that.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=(); for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if ((${#missing[@]})); then
  [[ $(id -u) -eq 0 ]] || { echo "install-deps: missing packages (${missing[*]}); run as root" >&2; exit 1; }
  echo "install-deps: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# nginx-light enables a default site on install; bsap only runs nginx itself, in the benchmark.
systemctl disable --now nginx >/dev/null 2>&1 || true

# Browser tests and browser-side assets, pinned by package-lock.json. Never download a browser.
if [[ ! -f node_modules/.package-lock.json ]] || ! cmp -s package-lock.json node_modules/.bsap-lock; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.bsap-lock
fi
echo "install-deps: ok"
