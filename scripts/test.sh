#!/usr/bin/env bash
# Runs every test Simcast has: unit, integration and end-to-end (real MuJoCo, EGL, Undertow, Chromium, WebRTC).
# Installs what the tests need first. Tests that need an NVIDIA GPU run only where one is present.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/env.sh"
"$root/scripts/setup.sh" --test
cd "$root"
excluded=gpu
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
  excluded=none
fi
./mvnw -B -ntp verify -Dsimcast.excludedGroups="$excluded" "$@"
