#!/usr/bin/env bash
# Installs the Debian packages Simcast needs, and nothing when they are already there.
#   scripts/setup.sh            what building and running need
#   scripts/setup.sh --package  plus what jpackage needs for the .deb (scripts/package.sh)
#   scripts/setup.sh --test     plus what the test suite needs (Chromium, Xvfb, network namespaces, packaging)
#   scripts/setup.sh --runtime  only what running a built Simcast needs (the container image uses this)
#   scripts/setup.sh --list-runtime  print that group, one package a line (the .deb depends on the same list)
set -euo pipefail

runtime=(
  libmujoco2.2.2 libccd2 liblodepng0 libqhull-r8.0 libtinyxml2-9   # MuJoCo and what it links
  libegl1 libegl-mesa0 libgl1-mesa-dri libgl1                       # headless EGL rendering (Mesa on CPU)
  libpulse0 libx11-6 libxfixes3 libxrandr2 libxcomposite1 libdbus-1-3 libudev1  # webrtc-java's native library
  libgtk-3-0 libxtst6 libxxf86vm1 fonts-dejavu-core                # JavaFX console
)
build=(libmujoco-dev libtinyxml2-dev libmujoco-samples g++         # our JavaCPP preset (MuJoCo, tinyxml2), native testspeed
  libjs-janus-gateway libjs-webrtc-adapter)                         # janus.js for the page's SFU player (bundled)
packaging=(fakeroot dpkg-dev)                                      # jpackage --type deb
# The browser tests drive Chromium over the DevTools protocol from Java; iproute2 and unshare (util-linux, always
# there) build the network namespace they run in, iptables makes the bad links of the outage test and `bench
# network` inside it. python3 runs the RL Python package's tests and scripts; pip
# installs the package offline in a test.
testing=(chromium xvfb xauth iproute2 iptables procps python3 python3-numpy python3-pip
  socat                                                             # DevTools into a second namespace (SecondNamespace)
  janus nodejs                                                      # the SFU the broadcast tests publish to
  podman runc debootstrap podman-compose                            # the container test (ContainerImageIT)
  coturn                                                            # the shipped TURN configuration (TurnServerTest)
  imagemagick xdotool                                               # import and simulate's keys: scripts/simulate-screenshot.sh
  optipng)                                                          # scripts/screenshot.sh: the README's PNGs, lossless

# The browser page is bundled at build time by Node.js and npm (client/build.mjs). Any Node.js 18 or newer on the
# PATH will do (NodeSource's, nvm's); Debian's packages are installed only when there is none.
node=()
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  node=(nodejs npm)
fi

case "${1:-}" in
  --runtime) wanted=("${runtime[@]}") ;;
  --list-runtime) printf '%s\n' "${runtime[@]}"; exit 0 ;;
  --package) wanted=("${runtime[@]}" "${build[@]}" "${node[@]}" "${packaging[@]}") ;;
  --test) wanted=("${runtime[@]}" "${build[@]}" "${node[@]}" "${packaging[@]}" "${testing[@]}") ;;
  "") wanted=("${runtime[@]}" "${build[@]}" "${node[@]}") ;;
  *) echo "usage: $0 [--runtime|--package|--test|--list-runtime]" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

# simple-whip-server (WHIP in front of Janus) is unpacked with its npm dependencies, not installed (see the script).
whip_server() {
  if [ "${1:-}" = --test ]; then
    "$(dirname "${BASH_SOURCE[0]}")/whip-server-setup.sh"
    mcp_client
    container_base
  fi
}
# The container test's Debian base (debootstrap, a few minutes the first time, cached after): made here, where Debian's
# mirror is reachable, because ContainerImageIT runs in the tests' private network namespace, which reaches nothing.
container_base() {
  [ "$(id -u)" -eq 0 ] && command -v podman >/dev/null && command -v debootstrap >/dev/null || return 0
  "$(dirname "${BASH_SOURCE[0]}")/container-base.sh" >/dev/null
}
# The MCP TypeScript SDK's client that drives `simcast mcp` in McpTypeScriptClientTest, from its committed lock file.
mcp_client() {
  local dir
  dir="$(dirname "${BASH_SOURCE[0]}")/../app/src/test/node/mcp-client"
  cmp -s "$dir/package-lock.json" "$dir/node_modules/.simcast-installed-lock" && return 0
  command -v npm >/dev/null || apt-get install -y --no-install-recommends npm >/dev/null
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2 \
    && cp package-lock.json node_modules/.simcast-installed-lock)
}
if [ ${#missing[@]} -eq 0 ]; then
  whip_server "${1:-}"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "simcast: missing Debian packages: ${missing[*]}" >&2
  echo "simcast: install them as root: apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "simcast: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >/tmp/simcast-apt.log 2>&1; then
  "${sudo[@]}" apt-get update >>/tmp/simcast-apt.log 2>&1
  "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >>/tmp/simcast-apt.log 2>&1 \
    || { echo "simcast: apt-get failed, see /tmp/simcast-apt.log" >&2; tail -5 /tmp/simcast-apt.log >&2; exit 1; }
fi
whip_server "${1:-}"
