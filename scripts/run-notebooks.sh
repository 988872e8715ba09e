#!/usr/bin/env bash
# Executes the notebooks headless with the real JJava kernel and writes executed notebooks and HTML.
#
#   scripts/run-notebooks.sh [--full] [--fresh] [--no-build] [--save-back] [--out DIR] [NOTEBOOK...]
#
# Default: every notebooks/[0-9]*.ipynb in quick mode (TUNEBOOK_MODE=quick: data subsets, few epochs, small
# budgets), outputs in out/notebooks/ (NAME.ipynb, NAME.html, summary.json). --full: the tutorials' budgets
# (hours). --fresh: delete the notebooks' stored studies (notebooks/studies/NNN-MODE/) so nothing is resumed.
# --save-back: write each executed notebook over its source (to commit outputs). --no-build: skip Maven.
# Before running it builds the jars the notebooks load (notebooks/target/lib/, see notebooks/pom.xml) and
# fills the data cache. Exits 1, naming the notebook, cell and error, if any cell fails.
source "$(dirname "$0")/lib.sh"

mode=quick fresh=() build=1 save=() out="$TUNEBOOK_ROOT/out/notebooks" notebooks=()
while [ $# -gt 0 ]; do
  case "$1" in
    --full) mode=full ;;
    --quick) mode=quick ;;
    --fresh) fresh=(--fresh) ;;
    --no-build) build=0 ;;
    --save-back) save=(--save-back) ;;
    --out) shift; [ $# -gt 0 ] || { log "--out needs a folder, e.g. --out out/notebooks"; exit 2; }; out="$1" ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    --*) log "unknown option $1: use --full, --fresh, --no-build, --save-back, --out DIR"; exit 2 ;;
    *) notebooks+=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")") ;;
  esac
  shift
done
if [ "${#notebooks[@]}" -eq 0 ]; then
  shopt -s nullglob
  notebooks=("$TUNEBOOK_ROOT"/notebooks/[0-9]*.ipynb)
  [ "${#notebooks[@]}" -gt 0 ] || { log "no notebooks/[0-9]*.ipynb to run"; exit 1; }
fi

python="$TUNEBOOK_VENV/bin/python"
if [ ! -x "$python" ] || [ ! -f "$TUNEBOOK_VENV/share/jupyter/kernels/java/kernel.json" ]; then
  log "no Jupyter with the JJava kernel in $TUNEBOOK_VENV: run scripts/setup.sh (or set TUNEBOOK_VENV to a venv that has python/requirements.txt)"
  exit 1
fi
command -v java >/dev/null || { log "no java on PATH: the JJava kernel needs JDK 17 (scripts/setup.d/00-system.sh)"; exit 1; }

# The data the notebooks read ($TUNEBOOK_DATA, inherited by the kernel); quick when already there.
bash "$TUNEBOOK_ROOT/scripts/setup.d/20-data.sh"

if [ "$build" = 1 ]; then
  log "building the notebooks' jars (mvn package -> notebooks/target/lib/)"
  rm -rf "$TUNEBOOK_ROOT/notebooks/target/lib"   # no stale versions beside the new ones
  (cd "$TUNEBOOK_ROOT" && mvn -B -ntp -q -DskipTests package)
fi
if ! ls "$TUNEBOOK_ROOT"/notebooks/target/lib/tunebook-kernel-ext-*.jar >/dev/null 2>&1; then
  log "notebooks/target/lib/ has no Tunebook jars: run without --no-build (mvn -B -ntp -q -DskipTests package)"
  exit 1
fi

export PATH="$TUNEBOOK_VENV/bin:$PATH"
# One native (OpenMP/BLAS) thread per kernel: on a shared 2-core machine DL4J with more threads spins and
# runs several times slower. Set OMP_NUM_THREADS yourself to override.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
exec "$python" "$TUNEBOOK_ROOT/scripts/run_notebooks.py" --mode "$mode" --out "$out" "${fresh[@]}" "${save[@]}" "${notebooks[@]}"
