#!/usr/bin/env bash
# scripts/suite-busy.sh [RUNS] [LOGDIR]: the proof that the suite never flakes on a loaded machine (docs/PERFORMANCE.md,
# "The whole suite with both cores busy"). Clones this checkout's HEAD afresh for each of RUNS (default 3) runs of
# .ci/run in a row while one `sha256sum /dev/zero` per core keeps every core busy; stops at the first failure.
# Each run's log and a per-minute load sample (load average, CPU idle) go to LOGDIR (default /tmp/suite-busy).
set -u
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${1:-3}
logs=${2:-/tmp/suite-busy}
mkdir -p "$logs"
summary="$logs/summary"
echo "$runs runs of .ci/run on $(git -C "$root" rev-parse --short HEAD), $(nproc) hogs, from $(date -u +%FT%H:%MZ)" \
  > "$summary"
hogs=()
for _ in $(seq "$(nproc)"); do
  sha256sum /dev/zero & hogs+=($!)
done
trap 'kill "${hogs[@]}" 2>/dev/null' EXIT
for i in $(seq "$runs"); do
  clone=$(mktemp -d /tmp/suite-busy-clone.XXXXXX)
  git clone -q "$root" "$clone"   # at the checkout's HEAD, committed files only
  (while sleep 60; do
     echo "$(date -u +%H:%M) load $(cut -d' ' -f1 /proc/loadavg) idle $(vmstat 1 2 | tail -1 | awk '{print $15}')%"
   done) > "$logs/run-$i.load" &
  sampler=$!
  start=$(date +%s)
  (cd "$clone" && bash .ci/run) > "$logs/run-$i.log" 2>&1
  rc=$?
  kill "$sampler"
  echo "run $i: exit $rc after $(( ($(date +%s) - start) / 60 )) min" | tee -a "$summary"
  rm -rf "$clone"
  [ "$rc" -eq 0 ] || exit "$rc"
done
