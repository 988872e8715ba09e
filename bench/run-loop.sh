#!/usr/bin/env bash
# Study-loop overhead (issue 2): Tunebook (LoopBench) and Optuna (loop_optuna.py) run the same trivial
# random-search loop of LOOP_TRIALS trials (default 10,000) in memory and on SQLite, one after the other in this
# run, and bench/results/loop.md gets the table. Takes about an hour on a busy 2-core machine: Optuna's default
# SQLite storage fsyncs every commit. Usage: bench/run-loop.sh   (LOOP_TRIALS=1000 for a quick look)
source "$(dirname "$0")/../scripts/lib.sh"
cd "$TUNEBOOK_ROOT"
trials="${LOOP_TRIALS:-10000}"
py="$TUNEBOOK_VENV/bin/python"
[ -x "$py" ] || { log "no Python venv at $TUNEBOOK_VENV: run scripts/setup.sh (or export TUNEBOOK_VENV)"; exit 1; }
work="bench/target/loop"
mkdir -p "$work" bench/results
raw="$work/raw.jsonl"
: > "$raw"
log "building the bench module"
mvn -B -ntp -q -pl bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
run() { log "$*"; "$@" | tee -a "$raw"; }
run java -cp "$cp" org.tunebook.bench.loop.LoopBench memory "$trials" 2
run "$py" bench/python/loop_optuna.py memory "$trials" 2
run java -cp "$cp" org.tunebook.bench.loop.LoopBench sqlite "$trials" 2 "$work/tunebook.db"
run "$py" bench/python/loop_optuna.py sqlite-wal "$trials" 1 "$work/optuna-wal.db"
run "$py" bench/python/loop_optuna.py sqlite "$trials" 1 "$work/optuna.db"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
machine="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), load average $load_before at the start and $load_after at the end; $(java -version 2>&1 | head -1); Python $("$py" -c 'import platform; print(platform.python_version())'), Optuna $("$py" -c 'import optuna; print(optuna.__version__)'), SQLAlchemy $("$py" -c 'import sqlalchemy; print(sqlalchemy.__version__)')"
python3 bench/python/loop_report.py "$raw" "$started" "bench/run-loop.sh (LOOP_TRIALS=$trials)" "$machine" > bench/results/loop.md
log "wrote bench/results/loop.md"
cat bench/results/loop.md
