#!/usr/bin/env bash
# Builds Simcast's installable bundles, each with its own Java runtime, into dist/ (docs/DEPLOY.md), for the system it
# runs on (the installer module's OS profile picks the kind):
#   Linux:   simcast_<version>_amd64.deb, and the app image as simcast-<version>-linux-x86_64.tar.gz (unpack, run
#            Simcast/bin/Simcast)
#   Windows: Simcast-<version>.msi (needs the WiX Toolset)      macOS: Simcast-<version>.dmg
# Tests are not run here; scripts/test.sh builds the .deb, installs it and tries it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/env.sh"
linux=false
[ "$(uname -s)" = Linux ] && linux=true
if $linux; then
  "$root/scripts/setup.sh" --package
fi
cd "$root"
./mvnw -q -B -pl installer -am -DskipTests -Dsimcast.skipBundles=false package
rm -rf dist && mkdir -p dist
cp installer/target/dist/* dist/
if $linux; then
  version="$(ls dist/*.deb | sed -E 's/.*_([^_]+)_[^_]+\.deb$/\1/')"
  tar czf "dist/simcast-$version-linux-x86_64.tar.gz" -C installer/target/app-image Simcast
fi
ls -l dist
