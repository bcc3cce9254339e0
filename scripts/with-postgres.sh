#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 cluster of its own: no system service, a free port,
# a socket in a private folder, removed afterwards. The command sees BSAP_TEST_PG_URL.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
work=$(mktemp -d /tmp/bsap-pg.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/data" "$work/sock"
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  chown -R postgres:postgres "$work/data" "$work/sock"
  as_pg=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
       || echo $((20000 + RANDOM % 20000)))

cleanup() {
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"${as_pg[@]}" "$PGBIN/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log"; exit 1; }
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$work/data" -l "$work/sock/server.log" -w \
  -o "-p $port -k $work/sock -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" start >/dev/null \
  || { cat "$work/sock/server.log"; exit 1; }
"$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE bsap_test" >/dev/null

export BSAP_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/bsap_test"
echo "with-postgres: PostgreSQL 15 on 127.0.0.1:$port"
"$@"
