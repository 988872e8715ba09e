#!/usr/bin/env bash
# Storage throughput, Tunebook vs Optuna 5.0.0's RDB storage, side by side in one run: trivial trials with
# 1, 2, 4 and 8 worker processes on one study, on a private PostgreSQL server (started here, stopped at the end)
# and on SQLite. Writes bench/results/storage.md.
#   bench/run-storage.sh          (WORKERS=1,2,4,8; TRIALS=100 trials per worker for both libraries; Tunebook
#                                  also with TB_TRIALS=500 per worker, where JVM warm-up weighs less;
#                                  HEARTBEAT_WORKERS=1,8 for the Tunebook run with heartbeats)
#   WORKERS=1,4 TRIALS=50 TB_TRIALS=200 bench/run-storage.sh
# Needs scripts/setup.sh (PostgreSQL, the tunebook-pg user, the Python venv with optuna and psycopg2-binary).
source "$(dirname "$0")/../scripts/lib.sh"
WORKERS="${WORKERS:-1,2,4,8}"
TRIALS="${TRIALS:-100}"
TB_TRIALS="${TB_TRIALS:-500}"
HEARTBEAT_WORKERS="${HEARTBEAT_WORKERS:-1,8}"
PY="$TUNEBOOK_VENV/bin/python"
[ -x "$PY" ] || { log "no Python venv at $TUNEBOOK_VENV: run scripts/setup.sh or set TUNEBOOK_VENV"; exit 1; }
cd "$TUNEBOOK_ROOT"
work="$(mktemp -d)"
chmod 755 "$work" # the server's user (tunebook-pg when run as root) must reach its folder
port="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cleanup() { scripts/pg-local.sh stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
scripts/pg-local.sh start "$work/pg" "$port" >/dev/null
for db in tunebook_bench optuna_bench; do
  psql -q -h 127.0.0.1 -p "$port" -U tunebook -d postgres -c "CREATE DATABASE $db"
done
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
log "building the bench module"
mvn -B -ntp -q -pl bench -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
cp="bench/target/classes:$(cat bench/target/cp.txt)"
bench_java() { java -cp "$cp" org.tunebook.bench.storage.StorageBench run "$@" 2> >(grep -v '^SLF4J' >&2); }
results="$work/results.jsonl"
tb_pg="jdbc:postgresql://127.0.0.1:$port/tunebook_bench?user=tunebook"
op_pg="postgresql+psycopg2://tunebook@127.0.0.1:$port/optuna_bench"
# One worker count at a time, each library right after the other: the machine's load drifts over a run.
for w in ${WORKERS//,/ }; do
  log "$w worker(s): PostgreSQL, Tunebook then Optuna"
  bench_java "$tb_pg" postgresql "$w" "$TRIALS" | tee -a "$results"
  "$PY" bench/python/storage_optuna.py "$op_pg" postgresql "$w" "$TRIALS" | tee -a "$results"
  bench_java "$tb_pg" postgresql "$w" "$TB_TRIALS" | tee -a "$results"
  log "$w worker(s): SQLite, Tunebook then Optuna"
  bench_java "sqlite:$work/tunebook.db" sqlite "$w" "$TRIALS" | tee -a "$results"
  "$PY" bench/python/storage_optuna.py "sqlite:///$work/optuna.db" sqlite "$w" "$TRIALS" | tee -a "$results"
  bench_java "sqlite:$work/tunebook.db" sqlite "$w" "$TB_TRIALS" | tee -a "$results"
done
for w in ${HEARTBEAT_WORKERS//,/ }; do
  log "$w worker(s): PostgreSQL, Tunebook with heartbeats (10 s interval, 30 s grace)"
  bench_java "$tb_pg" "postgresql + heartbeats" "$w" "$TB_TRIALS" heartbeat | tee -a "$results"
done
pgver="$(psql -At -h 127.0.0.1 -p "$port" -U tunebook -d postgres -c 'SHOW server_version')"
machine="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), shared with other builds (load average $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end); PostgreSQL $pgver; $(java -version 2>&1 | head -1); $("$PY" --version); optuna $("$PY" -c 'import optuna; print(optuna.__version__)'), SQLAlchemy $("$PY" -c 'import sqlalchemy; print(sqlalchemy.__version__)'), psycopg2 $("$PY" -c 'import psycopg2; print(psycopg2.__version__.split()[0])')."
mkdir -p bench/results
"$PY" bench/python/storage_report.py "$results" "WORKERS=$WORKERS TRIALS=$TRIALS TB_TRIALS=$TB_TRIALS HEARTBEAT_WORKERS=$HEARTBEAT_WORKERS bench/run-storage.sh" "$machine" > bench/results/storage.md
log "wrote bench/results/storage.md"
