#!/usr/bin/env bash
# Issue 3's benchmark: Tunebook's gpMinimize (acqFunc EI) beside scikit-optimize's gp_minimize(acq_func="EI"),
# in one run on one machine, on the shared functions (org.tunebook.bench.Functions, bench/python/functions.py).
# Writes bench/results/gp.md (tables and ratios) and the raw CSVs beside it.
#
#   SEEDS        seeds per function for Tunebook (default 20)
#   SKOPT_SEEDS  seeds per function for scikit-optimize (default: SEEDS)
#   SKOPT_BUDGET_MIN  minutes after which scikit-optimize starts no new round of seeds (default 0: none); its runs go
#                seed by seed over all functions, so every function gets the same number; the report shows the counts
#   CALLS        calls per run (default 50)
#   OV_SIZES / OV_FUNCS   overhead: observation counts (100,200) and functions (hartmann6,mixed)
#   OV_SEEDS / OV_REPEATS             Tunebook overhead: seeds (2) and timed calls per seed (11: cold + one cycle)
#   OV_SKOPT_SEEDS / OV_SKOPT_REPEATS scikit-optimize overhead: seeds (1) and timed calls per seed (2)
# The overhead runs go first, alone, one library after the other; then the regret runs of both libraries run
# concurrently (their run times are not the claim). BLAS is pinned to one thread so numpy does not take the other core.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$TUNEBOOK_ROOT"
SEEDS="${SEEDS:-20}"
SKOPT_SEEDS="${SKOPT_SEEDS:-$SEEDS}"
CALLS="${CALLS:-50}"
SKOPT_BUDGET_MIN="${SKOPT_BUDGET_MIN:-0}"
OV_SEEDS="${OV_SEEDS:-2}"
OV_REPEATS="${OV_REPEATS:-11}"
OV_SKOPT_SEEDS="${OV_SKOPT_SEEDS:-1}"
OV_SKOPT_REPEATS="${OV_SKOPT_REPEATS:-2}"
OV_SIZES="${OV_SIZES:-100,200}"
OV_FUNCS="${OV_FUNCS:-hartmann6,mixed}"
FUNCS="branin,hartmann6,rosenbrock4,ackley5,mixed"
PY="$TUNEBOOK_VENV/bin/python"
[ -x "$PY" ] || { log "no Python venv at $TUNEBOOK_VENV: run scripts/setup.sh or export TUNEBOOK_VENV"; exit 1; }
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
OUT="bench/results"
RAW="$OUT/gp-raw"
mkdir -p "$RAW"

log "building core and bench"
mvn -B -ntp -q -pl bench -am package -DskipTests
CPFILE="$(mktemp)"
trap 'rm -f "$CPFILE"' EXIT
mvn -B -ntp -q -pl core dependency:build-classpath -Dmdep.outputFile="$CPFILE" >/dev/null
CP="bench/target/classes:core/target/classes:$(cat "$CPFILE")"
JAVA=(java -Xmx1g -cp "$CP" org.tunebook.bench.gp.GpBench)

START="$(date -u '+%Y-%m-%d %H:%M UTC')"
log "overhead at $OV_SIZES observations (Tunebook, then scikit-optimize)"
"${JAVA[@]}" overhead "$OV_FUNCS" "$OV_SEEDS" "$OV_SIZES" "$OV_REPEATS" "$RAW/overhead-tunebook.csv" 2> "$RAW/overhead-tunebook.log"
"$PY" bench/python/gp_skopt.py overhead "$OV_FUNCS" "$OV_SKOPT_SEEDS" "$OV_SIZES" "$OV_SKOPT_REPEATS" "$RAW/overhead-skopt.csv" 2> "$RAW/overhead-skopt.log"

log "regret: Tunebook $SEEDS seeds, scikit-optimize up to $SKOPT_SEEDS seeds (budget ${SKOPT_BUDGET_MIN} min), $CALLS calls"
"${JAVA[@]}" regret "$FUNCS" "$SEEDS" "$CALLS" "$RAW/regret-tunebook.csv" 2> "$RAW/regret-tunebook.log" &
JPID=$!
"$PY" bench/python/gp_skopt.py regret "$FUNCS" "$SKOPT_SEEDS" "$CALLS" "$SKOPT_BUDGET_MIN" "$RAW/regret-skopt.csv" 2> "$RAW/regret-skopt.log"
wait "$JPID"
END="$(date -u '+%Y-%m-%d %H:%M UTC')"

SKV="$("$PY" -c 'import skopt, numpy, sklearn; print("scikit-optimize", skopt.__version__, "/ scikit-learn", sklearn.__version__, "/ numpy", numpy.__version__)' 2>/dev/null)"
HEADER="$RAW/header.md"
{
  echo "## Gaussian-process BO: Tunebook gpMinimize vs scikit-optimize gp_minimize (issue 3)"
  echo
  echo "- Command: \`SEEDS=$SEEDS SKOPT_SEEDS=$SKOPT_SEEDS SKOPT_BUDGET_MIN=$SKOPT_BUDGET_MIN CALLS=$CALLS bash bench/run-gp.sh\`; run $START to $END."
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (shared with other work: absolute seconds are noisy, ratios come from the same run)."
  echo "- Versions: $(java -version 2>&1 | head -1); $SKV."
  echo "- Both: acquisition EI (xi 0.01), 10 random initial points, noise fitted, $CALLS calls, seeds 0..N-1 (a seed means different draws in each library)."
  DONE="$(($(wc -l < "$RAW/regret-skopt.csv") - 1))"
  if [ "$DONE" -lt "$((SEEDS * 5))" ]; then
    echo "- scikit-optimize completed $((DONE / 5)) seeds per function, not $SEEDS: its runs take 1-3 minutes each on this shared 2-core machine and the time budget (SKOPT_BUDGET_MIN=$SKOPT_BUDGET_MIN) ended it. Medians over fewer seeds are less certain; the quartile table shows the spread."
  fi
} > "$HEADER"
"$PY" bench/python/gp_report.py "$OUT/gp.md" "$HEADER" \
  --regret "$RAW/regret-tunebook.csv" "$RAW/regret-skopt.csv" \
  --overhead "$RAW/overhead-tunebook.csv" "$RAW/overhead-skopt.csv"
log "wrote $OUT/gp.md"
