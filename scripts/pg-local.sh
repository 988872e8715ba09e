#!/usr/bin/env bash
# A private PostgreSQL server for trying distributed studies and for bench/run-storage.sh (not a service):
#   scripts/pg-local.sh start DIR [PORT]   creates a cluster in DIR (first time), starts it on 127.0.0.1:PORT
#                                          (default 5433) and prints the JDBC URL;
#   scripts/pg-local.sh stop DIR           stops it (DIR stays; delete it to drop everything).
# Needs Debian's postgresql package (scripts/setup.sh installs it). initdb refuses root: as root the server
# runs as the system user tunebook-pg ($TUNEBOOK_PG_USER), created by scripts/setup.d/30-postgres.sh.
source "$(dirname "$0")/lib.sh"
cmd="${1:-}"; dir="${2:-}"; port="${3:-5433}"
[ -n "$cmd" ] && [ -n "$dir" ] || { log "usage: $0 start|stop DIR [PORT]"; exit 2; }
bin=""
if command -v initdb >/dev/null 2>&1; then bin="$(dirname "$(command -v initdb)")"; fi
if [ -z "$bin" ]; then bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"; fi
[ -n "$bin" ] && [ -x "$bin/pg_ctl" ] || { log "PostgreSQL server binaries not found: run scripts/setup.sh (as root)"; exit 1; }
as_pg=()
if [ "$(id -u)" = 0 ]; then
  user="${TUNEBOOK_PG_USER:-tunebook-pg}"
  id -u "$user" >/dev/null 2>&1 || { log "user $user is missing: run scripts/setup.sh (as root)"; exit 1; }
  as_pg=(runuser -u "$user" --)
fi
mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"
[ "$(id -u)" = 0 ] && chown "${TUNEBOOK_PG_USER:-tunebook-pg}" "$dir"
cd "$dir"
case "$cmd" in
  start)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      "${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U tunebook --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
      || { tail -20 "$dir/server.log" >&2; exit 1; }
    echo "jdbc:postgresql://127.0.0.1:$port/postgres?user=tunebook"
    ;;
  stop)
    "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  *) log "unknown command $cmd: use start or stop"; exit 2 ;;
esac
