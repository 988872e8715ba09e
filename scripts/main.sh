#!/usr/bin/env bash
# The main job: installs what is missing, builds Tunebook and runs its demonstration, writing to out/.
source "$(dirname "$0")/lib.sh"
bash "$TUNEBOOK_ROOT/scripts/setup.sh"
cd "$TUNEBOOK_ROOT"
mvn -B -ntp -q -DskipTests package
bash "$TUNEBOOK_ROOT/scripts/demo.sh"
