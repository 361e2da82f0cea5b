#!/usr/bin/env bash
# Side-by-side pictures for docs/CONSOLE.md: MuJoCo's own viewer (Debian's mujoco-simulate 2.2.2, from
# libmujoco-samples) and the console, each showing the same model with its Info and Profiler open, on virtual X
# displays (xvfb-run), grabbed with ImageMagick's `import`:
#   scripts/simulate-screenshot.sh [DIR]   (default docs/): DIR/simulate-panda.png and DIR/console-panda.png
# Both get simulate's keys from xdotool (no window manager: focus, then XTEST key presses): F2 and F3 in simulate; in the console a click on the live view (to leave the
# editor) and F3, which opens the Simulate tab's Profiler (its Info is open already). SETTLE_SECONDS (default 40)
# is how long each gets to load and run before the keys and the picture; a loaded machine needs more.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/env.sh"
"$root/scripts/setup.sh" --test   # xvfb-run, xauth, mujoco-simulate, ImageMagick, xdotool
dir="$(realpath -m "${1:-$root/docs}")"
model="$root/sim/src/main/resources/io/simcast/sim/scene/presets/panda.xml"
settle="${SETTLE_SECONDS:-40}"
mkdir -p "$dir"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT

# simulate opens its window at two thirds of the screen: this screen gives it the console's 1400x860.
xvfb-run -a -s "-screen 0 2100x1290x24" bash -c '
  mujoco-simulate "$1" > /dev/null 2>&1 &
  viewer=$!
  window="$(xdotool search --sync --onlyvisible --class simulate | head -1)"
  sleep "$3"
  xdotool mousemove --window "$window" 700 430 windowfocus --sync "$window" key F2 key F3
  sleep 3
  import -window "$window" "$2"
  kill "$viewer"' _ "$model" "$dir/simulate-panda.png" "$settle"

XDG_DATA_HOME="$data" xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  "$1/simcast" console --scene panda > /dev/null 2>&1 &
  console=$!
  window="$(xdotool search --sync --onlyvisible --name Simcast | head -1)"
  sleep "$3"
  xdotool mousemove --window "$window" 700 430 click 1 windowfocus --sync "$window" key F3
  sleep 5
  import -window "$window" "$2"
  kill "$console"' _ "$root" "$dir/console-panda.png" "$settle"

if command -v optipng > /dev/null; then
  optipng -quiet -o2 "$dir/simulate-panda.png" "$dir/console-panda.png"
fi
echo "$dir/simulate-panda.png $dir/console-panda.png"
