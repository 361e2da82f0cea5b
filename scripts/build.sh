#!/usr/bin/env bash
# Builds Simcast with the Maven wrapper when any source is newer than the last build (or with --force); with --check
# only says whether one is due (exit status 1), building nothing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/env.sh"
stamp="$root/bench/target/runtime-classpath.txt"
if [ "${1:-}" != "--force" ] && [ -f "$stamp" ] && [ -z "$(find "$root" -path '*/target' -prune -o -path '*/node_modules' -prune \
     -o -newer "$stamp" \( -path '*/src/*' -o -name pom.xml -o -path "$root/client/*" \) -print -quit)" ]; then
  exit 0
fi
if [ "${1:-}" = "--check" ]; then
  echo "simcast: sources changed since the last build" >&2
  exit 1
fi
echo "simcast: building (first time: a few minutes for Maven downloads and the MuJoCo bindings)" >&2
cd "$root"
./mvnw -q -B -DskipTests package
touch "$stamp"
