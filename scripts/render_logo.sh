#!/usr/bin/env bash
# Render gov_interaction's logo (static/src/img/logo.svg, drawn for this
# project) to the PNGs Odoo needs: the company logo (256 px: back office,
# mails, sign-in) and the favicon (64 px).  Uses headless Chromium.
# Usage: scripts/render_logo.sh
set -euo pipefail
IMG="$(cd "$(dirname "$0")/.." && pwd)/addons/gov_interaction/static/src/img"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for size in 256 64; do
    printf '<html><body style="margin:0"><img src="file://%s/logo.svg" style="width:%spx;height:%spx;display:block"></body></html>' \
        "$IMG" "$size" "$size" > "$TMP/logo.html"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --default-background-color=00000000 --window-size="$size,$size" \
        --screenshot="$TMP/logo-$size.png" "file://$TMP/logo.html" >/dev/null 2>&1
done
cp "$TMP/logo-256.png" "$IMG/logo.png"
cp "$TMP/logo-64.png" "$IMG/favicon.png"
