#!/usr/bin/env bash
# Executes every notebooks/[0-9]*.ipynb in quick mode with the real JJava kernel (via scripts/run-notebooks.sh)
# and checks their key outputs (notebooks/tests/test_notebooks.py). The jars come from `mvn verify`
# (10-maven.sh copies them to notebooks/target/lib/); built here when missing.
source "$(dirname "$0")/../lib.sh"
cd "$TUNEBOOK_ROOT"
if ! ls notebooks/target/lib/tunebook-kernel-ext-*.jar >/dev/null 2>&1; then
  log "no notebooks/target/lib/ yet: building it"
  mvn -B -ntp -q -DskipTests package
fi
export PATH="$TUNEBOOK_VENV/bin:$PATH"
"$TUNEBOOK_VENV/bin/python" -m pytest -q -p no:cacheprovider notebooks/tests/test_notebooks.py
