#!/usr/bin/env bash
# TPE, pruner-free sampling overhead and NSGA-II: Tunebook and Optuna side by side in one run.
# Writes bench/results/tpe.md. Knobs (environment): TPE_TRIALS (200), TPE_SEEDS (20), OPTUNA_SEEDS (= TPE_SEEDS),
# OVERHEAD_TRIALS (1000), OVERHEAD_WARMUP (1000: an unrecorded run of that many trials first, on both sides), OVERHEAD_REPEATS (3 runs per side), NSGA_TRIALS (3000), NSGA_POP (50), NSGA_SEEDS (5).
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$TUNEBOOK_ROOT"
PY="${TUNEBOOK_VENV}/bin/python"
[ -x "$PY" ] || { log "no Python venv at $TUNEBOOK_VENV: run scripts/setup.sh or export TUNEBOOK_VENV"; exit 1; }
TPE_TRIALS="${TPE_TRIALS:-200}"; TPE_SEEDS="${TPE_SEEDS:-20}"; OPTUNA_SEEDS="${OPTUNA_SEEDS:-$TPE_SEEDS}"
OVERHEAD_TRIALS="${OVERHEAD_TRIALS:-1000}"; OVERHEAD_WARMUP="${OVERHEAD_WARMUP:-1000}"
NSGA_TRIALS="${NSGA_TRIALS:-3000}"; NSGA_POP="${NSGA_POP:-50}"; NSGA_SEEDS="${NSGA_SEEDS:-5}"
WORK="bench/target/tpe"; mkdir -p "$WORK" bench/results

log "building core and bench"
mvn -B -ntp -q -pl bench -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="bench/target/classes:$(cat bench/target/cp.txt)"
JAVA=(java -cp "$CP" org.tunebook.bench.tpe.TpeBench)
PYB=("$PY" bench/python/tpe_bench.py)
START="$(date -u '+%Y-%m-%d %H:%M UTC')"; T0=$SECONDS

log "regret: $TPE_TRIALS trials x $TPE_SEEDS seeds (Optuna: $OPTUNA_SEEDS seeds) on every function"
"${JAVA[@]}" regret "$TPE_TRIALS" "$TPE_SEEDS" "$WORK/regret-java.jsonl"
"${PYB[@]}" regret "$TPE_TRIALS" "$OPTUNA_SEEDS" "$WORK/regret-python.jsonl"

# More seeds where 20 leave the comparison to chance (default: branin at 50 trials, 200 seeds per side).
MORE_FUNCTIONS="${MORE_FUNCTIONS:-branin}"; MORE_TRIALS="${MORE_TRIALS:-50}"; MORE_SEEDS="${MORE_SEEDS:-200}"
: > "$WORK/more-java.jsonl"; : > "$WORK/more-python.jsonl"
if [ -n "$MORE_FUNCTIONS" ] && [ "$MORE_SEEDS" -gt 0 ]; then
  log "regret with more seeds: $MORE_FUNCTIONS, $MORE_TRIALS trials x $MORE_SEEDS seeds"
  "${JAVA[@]}" regret "$MORE_TRIALS" "$MORE_SEEDS" "$WORK/more-java.jsonl" "$MORE_FUNCTIONS"
  "${PYB[@]}" regret "$MORE_TRIALS" "$MORE_SEEDS" "$WORK/more-python.jsonl" "$MORE_FUNCTIONS"
fi

log "NSGA-II: $NSGA_TRIALS trials, population $NSGA_POP, $NSGA_SEEDS seeds on ZDT1 and ZDT2"
: > "$WORK/nsga-java.jsonl"; : > "$WORK/nsga-python.jsonl"
for p in zdt1 zdt2; do
  "${JAVA[@]}" nsga "$p" "$NSGA_TRIALS" "$NSGA_POP" "$NSGA_SEEDS" "$WORK/nsga-java-$p.jsonl"
  "${PYB[@]}" nsga "$p" "$NSGA_TRIALS" "$NSGA_POP" "$NSGA_SEEDS" "$WORK/nsga-python-$p.jsonl"
  cat "$WORK/nsga-java-$p.jsonl" >> "$WORK/nsga-java.jsonl"; cat "$WORK/nsga-python-$p.jsonl" >> "$WORK/nsga-python.jsonl"
done

# Overhead: OVERHEAD_REPEATS runs per side, alternating, so that a burst of load on the shared machine hits both
# sides alike; the report gives the median and the range of the runs.
OVERHEAD_REPEATS="${OVERHEAD_REPEATS:-3}"
log "overhead per trial at $OVERHEAD_TRIALS trials, $OVERHEAD_REPEATS runs per side"
: > "$WORK/overhead-java.jsonl"; : > "$WORK/overhead-python.jsonl"
for f in hartmann6 mixed; do
  for r in $(seq "$OVERHEAD_REPEATS"); do
    "${JAVA[@]}" overhead "$f" "$OVERHEAD_TRIALS" "$WORK/overhead-java-$f.jsonl" "$OVERHEAD_WARMUP"
    "${PYB[@]}" overhead "$f" "$OVERHEAD_TRIALS" "$WORK/overhead-python-$f.jsonl" "$OVERHEAD_WARMUP"
    cat "$WORK/overhead-java-$f.jsonl" >> "$WORK/overhead-java.jsonl"; cat "$WORK/overhead-python-$f.jsonl" >> "$WORK/overhead-python.jsonl"
  done
done

{
  echo "# TPE, overhead and NSGA-II vs Optuna"
  echo
  echo "Run: \`bench/run-tpe.sh\` (TPE_TRIALS=$TPE_TRIALS TPE_SEEDS=$TPE_SEEDS OPTUNA_SEEDS=$OPTUNA_SEEDS OVERHEAD_TRIALS=$OVERHEAD_TRIALS OVERHEAD_WARMUP=$OVERHEAD_WARMUP OVERHEAD_REPEATS=$OVERHEAD_REPEATS"
  echo "NSGA_TRIALS=$NSGA_TRIALS NSGA_POP=$NSGA_POP NSGA_SEEDS=$NSGA_SEEDS MORE_FUNCTIONS=$MORE_FUNCTIONS MORE_TRIALS=$MORE_TRIALS MORE_SEEDS=$MORE_SEEDS), started $START, took $(( (SECONDS - T0) / 60 )) min."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)), shared with other jobs;"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). $(java -version 2>&1 | head -1);"
  echo "Python $("$PY" -c 'import sys; print(sys.version.split()[0])'), Optuna $("$PY" -c 'import optuna; print(optuna.__version__)')."
} > "$WORK/header.md"
OVERHEAD_WARMUP="$OVERHEAD_WARMUP" "$PY" bench/python/tpe_report.py "$WORK" bench/results/tpe.md "$WORK/header.md"
log "wrote bench/results/tpe.md"
