#!/usr/bin/env bash
# CI: a throw-away PostgreSQL server for the PostgreSQL half of the tests (issue 17).
#
# Source it (`. .ci/postgres.sh`): installs the Debian package `postgresql` if missing, creates a
# cluster in a temporary folder (trust authentication, listening on 127.0.0.1:$PGPORT and a socket
# in that folder only), creates the database `contractdesk_test`, and exports
#   CONTRACTDESK_TEST_PG=postgresql://postgres@127.0.0.1:$PGPORT/contractdesk_test
# for the tests (tests/pg.py). The server is stopped and its folder removed when the calling shell
# exits. Run alone (`bash .ci/postgres.sh -- CMD…`) it starts the server, runs CMD with the
# variable set, and stops the server.
set -euo pipefail

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
PG_VERSION="${PG_VERSION:-15}"
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
if [ ! -x "$PG_BIN/initdb" ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

PGPORT="${CONTRACTDESK_PG_PORT:-54329}"
PG_DIR="$(mktemp -d -t contractdesk-pg.XXXXXX)"
# initdb refuses to run as root: the cluster belongs to the `postgres` user the package created.
RUN=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$PG_DIR"
  RUN=(runuser -u postgres --)
fi
"${RUN[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log"
"${RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-p $PGPORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
"${RUN[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres contractdesk_test

contractdesk_pg_stop() {
  "${RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap contractdesk_pg_stop EXIT

export CONTRACTDESK_TEST_PG="postgresql://postgres@127.0.0.1:$PGPORT/contractdesk_test"
export PATH="$PG_BIN:$PATH"  # pg_dump/pg_restore of the same version as the server
echo "PostgreSQL $PG_VERSION test server: $CONTRACTDESK_TEST_PG"

if [ "${1:-}" = "--" ]; then
  shift
  "$@"
fi
