#!/usr/bin/env bash
# plotly.js for Tunebook's interactive plots, from npm (no CDN at run time): $TUNEBOOK_DATA/plotly/plotly-VERSION.min.js.
# org.tunebook.plots.PlotlyJs finds it there (or via -Dtunebook.plotly.js=FILE / $TUNEBOOK_PLOTLY_JS).
source "$(dirname "$0")/../lib.sh"
version=2.35.3   # keep equal to org.tunebook.plots.PlotlyJs.VERSION
dir="$TUNEBOOK_DATA/plotly"
target="$dir/plotly-$version.min.js"
if [ -s "$target" ]; then exit 0; fi
command -v npm >/dev/null || need_debs npm:npm
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log "fetching plotly.js-dist-min@$version from npm"
(cd "$tmp" && npm pack --silent "plotly.js-dist-min@$version" >/dev/null && tar xzf "plotly.js-dist-min-$version.tgz")
test -s "$tmp/package/plotly.min.js"
cp "$tmp/package/plotly.min.js" "$target.part" && mv "$target.part" "$target"
cp "$tmp/package/LICENSE" "$dir/LICENSE-plotly.js" 2>/dev/null || true
log "plotly.js $version in $target"
