#!/usr/bin/env bash
# Saves a PNG of the real console window, started on a virtual X display (xvfb-run), for the README.
#   scripts/screenshot.sh [FILE] [console options, e.g. --scene humanoid]     (FILE defaults to docs/console.png)
# The README's picture: scripts/screenshot.sh docs/console.png --scene panda
# The console starts with a fresh data folder, so no remembered scene or recovery offer shows in the picture.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/env.sh"
"$root/scripts/setup.sh" --test   # xvfb-run and xauth
out="$(realpath -m "${1:-$root/docs/console.png}")"
shift || true
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
mkdir -p "$(dirname "$out")"
XDG_DATA_HOME="$data" xvfb-run -a -s "-screen 0 1600x1000x24" "$root/simcast" console --screenshot "$out" "$@"
if command -v optipng > /dev/null; then
  optipng -quiet -o2 "$out"   # lossless, about a tenth smaller
fi
echo "$out"
