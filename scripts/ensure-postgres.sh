#!/usr/bin/env bash
# The test suite runs every database test against PGlite and a real PostgreSQL server. This machine
# kind starts PostgreSQL before a session; if it has stopped, start it again; if there is none, say so.
set -euo pipefail
url="${ASSURE_TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}"
if psql "$url" -qtAc 'select 1' >/dev/null 2>&1; then exit 0; fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  for v in /etc/postgresql/*; do pg_ctlcluster --skip-systemctl-redirect "$(basename "$v")" main start || true; done
  for _ in $(seq 1 30); do
    psql "$url" -qtAc 'select 1' >/dev/null 2>&1 && exit 0
    sleep 1
  done
fi
echo "PostgreSQL is not reachable at $url; the PostgreSQL test run needs it (set ASSURE_TEST_DATABASE_URL)." >&2
exit 1
