#!/usr/bin/env bash
# The live progress display's cost in a real JJava kernel, beside Optuna's progress bar:
# writes bench/results/progress.md (see bench/README.md, "Live progress display").
source "$(dirname "$0")/../scripts/lib.sh"
cd "$TUNEBOOK_ROOT"
jar=$(ls kernel-ext/target/tunebook-kernel-ext-*-all.jar 2>/dev/null | tail -1 || true)
if [ -z "$jar" ]; then
  mvn -B -ntp -q -pl kernel-ext -am package -DskipTests
  jar=$(ls kernel-ext/target/tunebook-kernel-ext-*-all.jar | tail -1)
fi
export PATH="$TUNEBOOK_VENV/bin:$PATH"
"$TUNEBOOK_VENV/bin/python" bench/python/progress_bench.py "$PWD/$jar" bench/results/progress.md
