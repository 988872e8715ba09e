#!/usr/bin/env bash
# Installs everything Tunebook needs on a fresh Debian machine; idempotent and quick when done.
# Runs every scripts/setup.d/*.sh in name order.
source "$(dirname "$0")/lib.sh"
for step in "$TUNEBOOK_ROOT"/scripts/setup.d/*.sh; do
  log "setup: $(basename "$step")"
  bash "$step"
done
