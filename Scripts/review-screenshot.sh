#!/usr/bin/env bash
# Writes docs/review.png, the README's picture of the demo notebook's review:
#   Scripts/review-screenshot.sh HEARTH [OUT.png] [HEIGHT]
# Scripts/demo.sh builds its notebook and writes the review page (to HEARTH_DEMO_REVIEW), and
# headless chromium photographs the top HEIGHT pixels of it (default 1990: the header, the
# calendar, the trends and the hours), 1000 px wide, in the light scheme, with no network (its own
# network namespace when unshare can make one) and only the DejaVu faces, as the browser tests see
# pages (Tests/HearthTests/HeadlessChromium.swift).
set -euo pipefail
hearth="$(realpath "$1")"
out="$(realpath -m "${2:-docs/review.png}")"
height="${3:-1990}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/hearth-review-screenshot.XXXXXX")"
trap 'rm -rf "$work"' EXIT

HEARTH_DEMO_REVIEW="$work/review.html" "$here/demo.sh" "$hearth" > "$work/demo.log" 2>&1
[ -s "$work/review.html" ] || { tail -20 "$work/demo.log" >&2; echo "demo.sh wrote no review page" >&2; exit 1; }

mkdir -p "$work/fonts"
for face in DejaVuSans DejaVuSans-Bold DejaVuSansMono DejaVuSansMono-Bold; do
  ln -s "/usr/share/fonts/truetype/dejavu/$face.ttf" "$work/fonts/"
done
cat > "$work/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>$work/fonts</dir>
  <cachedir>$work/fontcache</cachedir>
  <alias binding="same"><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
  <alias binding="same"><family>system-ui</family><prefer><family>DejaVu Sans</family></prefer></alias>
  <alias binding="same"><family>monospace</family><prefer><family>DejaVu Sans Mono</family></prefer></alias>
</fontconfig>
CONF

isolate=()
if unshare --net true 2> /dev/null; then isolate=(unshare --net --); fi
mkdir -p "$(dirname "$out")"
FONTCONFIG_FILE="$work/fonts.conf" HOME="$work" "${isolate[@]}" chromium --headless --no-sandbox --disable-gpu \
  --no-first-run --no-default-browser-check --user-data-dir="$work/profile" --hide-scrollbars \
  --force-device-scale-factor=1 --force-color-profile=srgb --font-render-hinting=none \
  --blink-settings=preferredColorScheme=1 --window-size="1000,$height" --screenshot="$out" \
  "file://$work/review.html" > /dev/null 2>&1
echo "$out: $(stat -c %s "$out") bytes"
