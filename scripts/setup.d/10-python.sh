#!/usr/bin/env bash
# A virtualenv with the pinned anchors (scikit-optimize, Optuna, DEAP) and Jupyter with the JJava kernel.
source "$(dirname "$0")/../lib.sh"
req="$TUNEBOOK_ROOT/python/requirements.txt"
stamp="$TUNEBOOK_VENV/.requirements.sha256"
want=$(sha256sum "$req" | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi
[ -x "$TUNEBOOK_VENV/bin/python" ] || python3 -m venv "$TUNEBOOK_VENV"
"$TUNEBOOK_VENV/bin/pip" install -q --upgrade pip
"$TUNEBOOK_VENV/bin/pip" install -q -r "$req"
echo "$want" > "$stamp"
