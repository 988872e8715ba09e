# Shared helpers for the scripts in this folder. Source it; do not run it.
set -euo pipefail
TUNEBOOK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TUNEBOOK_ROOT
# Everything downloaded or generated for local runs lives under these folders (git-ignored).
export TUNEBOOK_VENV="${TUNEBOOK_VENV:-$TUNEBOOK_ROOT/.venv}"
export TUNEBOOK_DATA="${TUNEBOOK_DATA:-$TUNEBOOK_ROOT/data-cache}"
log() { printf '[tunebook] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else log "need root for: $*"; return 1; fi; }
# Installs Debian packages that are missing (by the command they provide).
need_debs() {
  local missing=() pair cmd pkg
  for pair in "$@"; do cmd="${pair%%:*}"; pkg="${pair#*:}"; command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
