#!/usr/bin/env bash
# PostgreSQL for the distributed-storage tests and bench/run-storage.sh: Debian's postgresql package (server
# binaries in /usr/lib/postgresql/<version>/bin) and a system user to run private clusters as, since initdb
# refuses to run as root. Tests start their own server on 127.0.0.1 (no system service is used or needed).
source "$(dirname "$0")/../lib.sh"
pg_bin_found() {
  command -v initdb >/dev/null 2>&1 && return 0
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}
if ! pg_bin_found; then
  log "installing Debian's postgresql package"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
fi
PG_USER="${TUNEBOOK_PG_USER:-tunebook-pg}"
if [ "$(id -u)" = 0 ] && ! id -u "$PG_USER" >/dev/null 2>&1; then
  log "creating system user $PG_USER (runs private PostgreSQL clusters for tests and benchmarks)"
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_USER"
fi
