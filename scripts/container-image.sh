#!/usr/bin/env bash
# Builds deploy/Dockerfile with podman where no image registry is reachable (these machines; ContainerImageIT):
#   scripts/container-image.sh [TAG]      default localhost/simcast:latest
# It needs the app image the installer module builds (./mvnw -B -ntp -pl installer -am -DskipTests
# -Dsimcast.skipBundles=false package, or SIMCAST_APP_IMAGE=DIR) and makes what a registry would give: the runtime
# base with scripts/container-base.sh (debootstrap, cached) and an image holding the app image, passed to the
# Dockerfile as RUNTIME_BASE and APP, so its build stage and the JDK image are skipped. Prints IMAGE=TAG and the
# base's NGINX_IMAGE=... (for deploy/compose.yaml). With Docker and a registry, `docker build` needs none of this.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$root/scripts/podman/containers.conf}"
tag="${1:-localhost/simcast:latest}"
app_dir="${SIMCAST_APP_IMAGE:-$root/installer/target/app-image/Simcast}"
if [ ! -x "$app_dir/bin/Simcast" ]; then
  echo "simcast: no app image in $app_dir; build it with:" >&2
  echo "  ./mvnw -B -ntp -pl installer -am -DskipTests -Dsimcast.skipBundles=false package" >&2
  exit 1
fi

bases="$("$root/scripts/container-base.sh")"
runtime_base="$(sed -n 's/^RUNTIME_BASE=//p' <<<"$bases")"

app="localhost/simcast-app:build-$$"
context="$(mktemp -d)"
trap 'rm -rf "$context"; podman rmi -f "$app" >/dev/null 2>&1 || true' EXIT
printf 'FROM scratch\nCOPY . /opt/simcast\n' >"$context/Containerfile"
podman build --pull=never -q -f "$context/Containerfile" -t "$app" "$app_dir" >/dev/null
podman build --pull=never -q --build-arg "RUNTIME_BASE=$runtime_base" --build-arg "APP=$app" \
    --ignorefile "$root/deploy/Dockerfile.dockerignore" -f "$root/deploy/Dockerfile" -t "$tag" "$root" >/dev/null
echo "IMAGE=$tag"
grep '^NGINX_IMAGE=' <<<"$bases"
