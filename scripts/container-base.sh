#!/usr/bin/env bash
# Makes the base images that deploy/Dockerfile and deploy/compose.yaml are built and run with where no image registry
# is reachable (the container test, ContainerImageIT): a Debian 12 root made with debootstrap from Debian's packages,
# holding Simcast's runtime libraries (scripts/setup.sh --list-runtime) and nginx, imported into podman twice over:
#   localhost/simcast-debian:KEY  the runtime base (RUNTIME_BASE), in place of debian:bookworm-slim
#   localhost/simcast-nginx:KEY   Debian's nginx (NGINX_IMAGE), in place of the official nginx image
# KEY is a digest of the package list, so a changed list makes new images. The root's archive is cached in
# ~/.cache/simcast/containers (debootstrap takes minutes; importing it seconds); the images are made only when podman
# lacks them. Prints RUNTIME_BASE=... and NGINX_IMAGE=... for the caller. Needs root, podman and debootstrap
# (scripts/setup.sh --test installs them and runs this, since the tests run where no mirror is reachable); podman runs
# with scripts/podman/containers.conf (see there why).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$root/scripts/podman/containers.conf}"
cache="${SIMCAST_CACHE:-$HOME/.cache/simcast}/containers"
mkdir -p "$cache"

packages=($("$root/scripts/setup.sh" --list-runtime) nginx)
key="$(printf '%s\n' bookworm "${packages[@]}" | sha256sum | cut -c1-12)"
base="localhost/simcast-debian:$key"
nginx="localhost/simcast-nginx:$key"
archive="$cache/debian-12-$key.tar"

# One maker at a time on this machine (parallel test runs share podman's storage and the cache).
exec 9>"$cache/lock"
flock 9

if [ ! -s "$archive" ]; then
  echo "simcast: making a Debian 12 root for the container images (debootstrap, a few minutes, once)" >&2
  work="$(mktemp -d "$cache/root.XXXXXX")"
  log="$cache/debootstrap.log"
  trap 'umount "$work/root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
  fail() { echo "simcast: $1 failed, see $log" >&2; tail -5 "$log" >&2; exit 1; }
  mirror="$(sed -n 's/^URIs: *\(http[^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)"
  # minbase, then apt inside it: debootstrap's own --include cannot order the configuration of a package set this
  # large (dconf-service fails), apt can. Packages apt already downloaded for this machine are used as they are.
  debootstrap --variant=minbase --cache-dir=/var/cache/apt/archives bookworm "$work/root" \
      "${mirror:-http://deb.debian.org/debian}" >"$log" 2>&1 \
      || fail "debootstrap from ${mirror:-http://deb.debian.org/debian} (unreachable from a network namespace: run scripts/setup.sh --test first)"
  cp /etc/resolv.conf "$work/root/etc/resolv.conf"
  mount -t proc proc "$work/root/proc"
  # No daemon starts while packages are installed (nginx would).
  printf '#!/bin/sh\nexit 101\n' >"$work/root/usr/sbin/policy-rc.d"
  chmod +x "$work/root/usr/sbin/policy-rc.d"
  { chroot "$work/root" apt-get update && DEBIAN_FRONTEND=noninteractive chroot "$work/root" \
      apt-get install -y --no-install-recommends "${packages[@]}"; } >>"$log" 2>&1 || fail "apt-get in the new root"
  umount "$work/root/proc"
  chroot "$work/root" apt-get clean
  rm -f "$work/root/usr/sbin/policy-rc.d" "$work/root/etc/resolv.conf"
  # The official nginx image has no default site; Debian's would answer port 80 before deploy/nginx's redirect.
  rm -f "$work/root/etc/nginx/sites-enabled/default"
  rm -rf "$work/root/var/lib/apt/lists/"*
  tar --numeric-owner -C "$work/root" -cf "$archive.part" .
  mv "$archive.part" "$archive"
  rm -rf "$work"
  trap - EXIT
fi

if ! podman image exists "$base"; then
  podman import --quiet --change 'CMD ["bash"]' "$archive" "$base" >/dev/null
fi
if ! podman image exists "$nginx"; then
  context="$(mktemp -d)"
  printf 'FROM %s\nSTOPSIGNAL SIGQUIT\nCMD ["nginx", "-g", "daemon off;"]\n' "$base" >"$context/Containerfile"
  podman build --pull=never -q -t "$nginx" "$context" >/dev/null
  rm -rf "$context"
fi
echo "RUNTIME_BASE=$base"
echo "NGINX_IMAGE=$nginx"
