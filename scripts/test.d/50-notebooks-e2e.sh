#!/usr/bin/env bash
# Executes test notebooks in a real Jupyter with the real JJava kernel against the shaded jar that
# `mvn verify` (10-maven.sh) builds: kernel-ext/target/tunebook-kernel-ext-*-all.jar.
source "$(dirname "$0")/../lib.sh"
cd "$TUNEBOOK_ROOT"
if ! ls kernel-ext/target/tunebook-kernel-ext-*-all.jar >/dev/null 2>&1; then
  log "no shaded kernel-ext jar yet: building it"
  mvn -B -ntp -q -pl kernel-ext -am package -DskipTests
fi
export PATH="$TUNEBOOK_VENV/bin:$PATH"
cd kernel-ext/src/test/notebooks
"$TUNEBOOK_VENV/bin/python" -m pytest -q -p no:cacheprovider .
