#!/usr/bin/env bash
# Runs a command inside a private network namespace: loopback up, plus a veth pair with 10.99.0.1/24, because
# libwebrtc ignores the loopback interface and gathers no ICE candidates without another one. The host, its
# WebRTC peers and the Chromium viewers all run inside and reach nothing outside. Needs root (unshare -n).
#   scripts/netns.sh ./simcast bench latency
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "simcast: $0 needs root to create a network namespace (unshare -n); run it with sudo, or run the" \
       "end-to-end tests as root (scripts/test.sh does in CI)" >&2
  exit 1
fi
exec unshare --net -- bash -c '
  set -e
  ip link set lo up
  ip link add simcast0 type veth peer name simcast1
  ip addr add 10.99.0.1/24 dev simcast0
  ip link set simcast0 up
  ip link set simcast1 up
  exec "$@"' simcast-netns "$@"
