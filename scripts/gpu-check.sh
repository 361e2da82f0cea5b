#!/usr/bin/env bash
# Runs on the GPU machine with the payload of scripts/gpu-payload.sh: EGL on the GPU, render and physics speed,
# and a snapshot written to $OUT (or /tmp). Prints everything; exits 0 even when a step fails, so all are seen.
set -u
payload=target/device
jre="$(mktemp -d)"
tar xJf "$payload/jre.tar.xz" -C "$jre"
export LD_LIBRARY_PATH="$PWD/$payload/lib:${LD_LIBRARY_PATH:-}"
mkdir -p "$jre/ffmpeg" && tar xJf "$payload/ffmpeg-natives.tar.xz" -C "$jre/ffmpeg"
classpath="$(ls "$payload"/jars/*.jar | tr '\n' ':')$jre/ffmpeg"
simcast() {
  echo "### simcast $*"
  timeout 120 "$jre/jre/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -Duser.home=/tmp -cp "$classpath" io.simcast.app.cli.SimcastCommand "$@" 2>&1 | tail -25
}
nvidia-smi -L 2>&1 | head -2
# NVENC: data-centre GPUs (A100, H100, H200) have none; check must say so per encoder, not fail, and record must
# fall back to libx264 (auto) or refuse --encoder nvenc with the reason.
nvidia-smi --query-gpu=name,encoder.stats.sessionCount --format=csv,noheader 2>&1 | head -2
simcast check
for size in "640 480 fast" "1280 720 fast" "1280 720 quality" "1920 1080 quality"; do
  set -- $size
  simcast bench render --width "$1" --height "$2" --quality "$3"
done
simcast record --scene pendulum --seconds 2 --width 1280 --height 720 --encoder nvenc --out "${OUT:-/tmp}/nvenc.mp4"
simcast record --scene pendulum --seconds 2 --width 1280 --height 720 --out "${OUT:-/tmp}/auto.mp4"
simcast bench encode
simcast snapshot --scene panda --width 1280 --height 720 --time 1 --out "${OUT:-/tmp}/panda.png"
simcast bench physics --model humanoid --repeat 3
