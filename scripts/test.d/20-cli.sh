#!/usr/bin/env bash
# The launcher end to end on the jar that `mvn verify` (10-maven.sh) packaged: bin/tunebook --version and a short demo.
source "$(dirname "$0")/../lib.sh"
cd "$TUNEBOOK_ROOT"
bin/tunebook --version | grep -q '^tunebook ' || { log "bin/tunebook --version failed"; exit 1; }
DEMO_TRIALS=8 scripts/demo.sh > /dev/null
rows=$(($(wc -l < out/branin-trials.csv) - 1))
[ "$rows" -eq 8 ] || { log "demo wrote $rows trials to out/branin-trials.csv, expected 8"; exit 1; }
set +e
bin/tunebook optimize --study x --storage sqlite:out/cli-check.db --sampler bayes --trials 1 --param 'x=real(0,1)' -- true 2> out/cli-check.err
code=$?
set -e
[ "$code" -eq 2 ] && grep -q -- '--sampler bayes' out/cli-check.err || { log "an unknown sampler should exit 2 naming --sampler: $(cat out/cli-check.err)"; exit 1; }
log "CLI launcher OK"
