#!/usr/bin/env bash
# The notebook tests' kernel: JJava (pip package jjava, installed by 10-python.sh) puts a kernelspec
# named "java" into the venv's share/jupyter/kernels, where the venv's Jupyter finds it; nothing to
# register. It needs a JDK `java` on PATH (00-system.sh) and, for XChart's PNGs, fontconfig and a font.
source "$(dirname "$0")/../lib.sh"
need_debs fc-list:fontconfig
if ! fc-list 2>/dev/null | grep -q .; then
  log "installing a font for chart rendering (fonts-dejavu-core)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq fonts-dejavu-core >/dev/null
fi
spec="$TUNEBOOK_VENV/share/jupyter/kernels/java/kernel.json"
if [ ! -f "$spec" ]; then
  log "no JJava kernelspec at $spec: is jjava in python/requirements.txt and scripts/setup.d/10-python.sh done?"
  exit 1
fi
"$TUNEBOOK_VENV/bin/python" - <<'PY'
from jupyter_client.kernelspec import KernelSpecManager
specs = KernelSpecManager().find_kernel_specs()
assert "java" in specs, f"the venv's Jupyter does not see the 'java' kernel: {specs}"
PY
