#!/usr/bin/env bash
# The main job: installs what is missing, builds Tunebook and executes every notebook headless with the real
# JJava kernel, writing executed notebooks and HTML to out/notebooks/. Quick mode (minutes) by default;
# `--full` runs the tutorials' budgets (hours). Studies start fresh each time (--fresh).
source "$(dirname "$0")/lib.sh"
bash "$TUNEBOOK_ROOT/scripts/setup.sh"
exec bash "$TUNEBOOK_ROOT/scripts/run-notebooks.sh" --fresh "$@"
