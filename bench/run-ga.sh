#!/usr/bin/env bash
# GA benchmark (issue 5): Tunebook's Evolution and DEAP side by side in one run; writes bench/results/ga.md.
# Usage: bench/run-ga.sh [SEEDS=20] [SQLITE_SEEDS=3]
source "$(dirname "$0")/../scripts/lib.sh"
SEEDS="${1:-20}"
SQLITE_SEEDS="${2:-3}"
PY="$TUNEBOOK_VENV/bin/python"
[ -x "$PY" ] || { log "no Python venv at $TUNEBOOK_VENV: run scripts/setup.sh or export TUNEBOOK_VENV"; exit 1; }
cd "$TUNEBOOK_ROOT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
log "building core and bench"
mvn -B -ntp -q -pl bench -am compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
log "Tunebook: $SEEDS seeds per function and settings (plus $SQLITE_SEEDS on SQLite)"
java -Xmx1g -cp "bench/target/classes:$(cat "$WORK/cp.txt")" org.tunebook.bench.ga.GaBench "$SEEDS" "$SQLITE_SEEDS" "$WORK/tunebook.tsv" "$WORK/db" 2>/dev/null
log "DEAP: $SEEDS seeds per function and settings"
(cd bench/python && "$PY" ga_deap.py "$SEEDS" "$WORK/deap.tsv")
MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), shared; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)); $(java -version 2>&1 | head -1); Python $("$PY" -c 'import sys; print(sys.version.split()[0])'), DEAP $("$PY" -c "import importlib.metadata as m; print(m.version('deap'))"), numpy $("$PY" -c 'import numpy; print(numpy.__version__)')"
mkdir -p bench/results
"$PY" bench/python/ga_report.py "$WORK/tunebook.tsv" "$WORK/deap.tsv" bench/results/ga.md "bench/run-ga.sh $SEEDS $SQLITE_SEEDS" "$MACHINE"
cp "$WORK/tunebook.tsv" bench/results/ga-tunebook.tsv
cp "$WORK/deap.tsv" bench/results/ga-deap.tsv
log "wrote bench/results/ga.md"
