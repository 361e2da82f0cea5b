#!/usr/bin/env bash
# Saves a PNG of the browser page as the operator sees it (the scene editor, generation and the log beside the live
# video), for the README: `simcast serve` and headless Chromium, in a private network namespace (needs root, as the
# end-to-end tests do: libwebrtc ignores loopback).
#   scripts/page-screenshot.sh [FILE] [--window WxH] [serve options, e.g. --scene humanoid]
# FILE defaults to docs/page.png, the window to 1440x900; up to 600 pixels wide it is a phone's touch screen showing
# the video and its controls. The README's pictures:
#   scripts/page-screenshot.sh docs/page.png --window 1280x720 --scene panda
#   scripts/page-screenshot.sh docs/page-phone.png --window 390x844 --scene panda
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/env.sh"
"$root/scripts/setup.sh" --test   # chromium
out="$(realpath -m "${1:-$root/docs/page.png}")"
shift || true
# A fresh settings folder: the picture shows a host nobody has set up yet, whoever runs this.
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
XDG_CONFIG_HOME="$config" "$root/scripts/netns.sh" "$root/simcast" bench page --opens 1 --screenshot "$out" "$@" \
  > "$config/bench.log" 2>&1 || { tail -20 "$config/bench.log" >&2; exit 1; }
[ -s "$out" ] || { echo "simcast: no screenshot was made" >&2; exit 1; }
if command -v optipng > /dev/null; then
  optipng -quiet -o2 "$out"   # lossless, about a tenth smaller
fi
echo "$out"
