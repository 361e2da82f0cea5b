#!/usr/bin/env bash
# Unpacks Debian's simple-whip-server (a WHIP endpoint in front of Janus's VideoRoom) into a folder of its own and
# installs its Node.js dependencies from npm there, for the broadcast tests and `simcast bench broadcast`.
# `apt-get install simple-whip-server` cannot be used: it conflicts with NodeSource's Node.js (libnode108 vs
# nodejs-legacy). Safe to run again: does nothing when the folder is complete.
#   scripts/whip-server-setup.sh [DIR]     (default /opt/simcast-test/simple-whip-server)
set -euo pipefail
dir="${1:-${SIMCAST_WHIP_SERVER:-/opt/simcast-test/simple-whip-server}}"
[ -f "$dir/src/server.js" ] && [ -d "$dir/node_modules/express" ] && exit 0
# Debian's nodejs comes without npm (NodeSource's has it built in, and conflicts with Debian's npm package).
command -v npm >/dev/null || apt-get install -y --no-install-recommends npm >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download simple-whip-server >/dev/null 2>&1) \
  || { apt-get update >/dev/null 2>&1 && (cd "$work" && apt-get download simple-whip-server >/dev/null); }
dpkg-deb -x "$work"/simple-whip-server_*.deb "$work/root"
mkdir -p "$dir"
cp -r "$work/root/usr/share/simple-whip-server/src" "$dir/"
# src/config.js is a symlink into /etc: the tests write their own config.js next to server.js.
rm -f "$dir/src/config.js"
cp "$work/root/etc/simple-whip-server/config.js" "$dir/src/config.js"
# The versions Debian's package was made with (express 4; colors 1.4.0, before its sabotaged releases).
(cd "$dir" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error \
  express@4 cors@2 colors@1.4.0 debug@4 websocket@1 async@3 body-parser@1 >/dev/null)
echo "simple-whip-server ready in $dir" >&2
