#!/usr/bin/env bash
# The main job until the notebooks exist: the tunebook CLI minimizes the Branin function (a python3 script
# run once per trial) with random search, stores the study in SQLite, prints the best trial and writes
# every trial, best first, to out/branin-trials.csv. Builds the CLI jar first if it is missing.
source "$(dirname "$0")/lib.sh"
cd "$TUNEBOOK_ROOT"
if ! ls core/target/tunebook-core-*-cli.jar >/dev/null 2>&1; then
  log "building the CLI jar (mvn -DskipTests package)"
  mvn -B -ntp -q -pl core -am -DskipTests package
fi
mkdir -p out
rm -f out/branin.db out/branin.db-wal out/branin.db-shm
storage="sqlite:out/branin.db"
bin/tunebook optimize --study branin --storage "$storage" --sampler random --trials "${DEMO_TRIALS:-50}" --jobs 2 --seed 42 \
  --param 'x1=real(-5,10)' --param 'x2=real(0,15)' -- python3 scripts/demo/branin.py '{x1}' '{x2}'
echo
bin/tunebook best --study branin --storage "$storage"
echo "  (the global minimum of Branin is 0.397887)"
echo
bin/tunebook trials --study branin --storage "$storage" --sort value --top 5
bin/tunebook trials --study branin --storage "$storage" --sort value --csv out/branin-trials.csv | tail -n 1
