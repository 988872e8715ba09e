#!/usr/bin/env bash
# Runs every test of the project: installs what is missing, then every scripts/test.d/*.sh in order.
source "$(dirname "$0")/lib.sh"
bash "$TUNEBOOK_ROOT/scripts/setup.sh"
status=0
for step in "$TUNEBOOK_ROOT"/scripts/test.d/*.sh; do
  log "test: $(basename "$step")"
  bash "$step" || { status=1; log "FAILED: $(basename "$step")"; }
done
exit "$status"
