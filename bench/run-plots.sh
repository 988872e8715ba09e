#!/usr/bin/env bash
# Plot rendering times for a 1,000-trial study (Java, XChart) beside the anchors (Optuna's and skopt's matplotlib
# plots, when matplotlib is importable), in one run; writes bench/results/plots.md.
# Usage: bench/run-plots.sh [trials] [repeats]
source "$(dirname "$0")/../scripts/lib.sh"
cd "$TUNEBOOK_ROOT"
trials="${1:-1000}"
repeats="${2:-7}"
out=bench/results/plots.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mvn -B -ntp -q -pl bench -am compile dependency:build-classpath -Dmdep.outputFile="$tmp/cp.txt" >/dev/null
cp="bench/target/classes:kernel-ext/target/classes:core/target/classes:$(cat "$tmp/cp.txt")"
log "Java: PlotsBench $trials trials, $repeats repeats"
java -Djava.awt.headless=true -cp "$cp" org.tunebook.bench.plots.PlotsBench "$trials" "$repeats" > "$tmp/java.md"
py="$TUNEBOOK_VENV/bin/python"
# matplotlib (pinned in python/requirements.txt) may also come from PYTHONPATH, e.g. pip install --target DIR
if "$py" -c 'import matplotlib' 2>/dev/null; then
  log "Python anchors: bench/python/plots_anchor.py"
  "$py" bench/python/plots_anchor.py "$trials" "$repeats" > "$tmp/python.md"
else
  echo "Python anchors not run: matplotlib is not importable from $py (Optuna's and skopt's static plots need it)." > "$tmp/python.md"
fi
mkdir -p bench/results
{
  echo "## Plots: rendering time of static plots"
  echo
  echo "Command: \`bench/run-plots.sh $trials $repeats\` on $(date -u +%Y-%m-%d) ($(nproc) cores shared with other jobs;"
  echo "$(java -version 2>&1 | head -1)). Each figure: build the plot from the study and encode it as PNG, median of"
  echo "$repeats runs after 2 warm-ups (fewer for skopt's default 40 x 250 partial dependence). Goal: < 300 ms per static plot."
  echo "Wall time depends on the load of the shared machine (load average at start: $(cut -d' ' -f1-3 /proc/loadavg));"
  echo "CPU time (the rendering thread's, Java; the process's, Python) is the figure to compare when it is busy."
  echo
  echo "### Tunebook (Java, XChart)"
  echo
  cat "$tmp/java.md"
  echo
  echo "### Anchors (Python, matplotlib, savefig PNG at 100 dpi)"
  echo
  cat "$tmp/python.md"
} > "$out"
log "wrote $out"
cat "$out"
