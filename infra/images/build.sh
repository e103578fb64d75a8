#!/usr/bin/env bash
# Builds the container images of the four services as tarballs, services/<name>/target/jib-image.tar
# (`docker load -i` or any OCI tool takes them), with Jib: no Docker engine, no registry.
#
#   infra/images/build.sh [maven options…]      e.g. infra/images/build.sh -o
#
# The base image is GROUNDBREAK_BASE_IMAGE when set (a registry reference such as eclipse-temurin:17-jre, or
# tar:///path/to/a/docker-save.tar); otherwise the Debian one base-image.sh makes on this machine (made
# first when missing). Where a registry answers, `mvn -Pimages package` alone builds on eclipse-temurin:17-jre.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SERVICES=(milestone-service funnel-service audit-service web)

base=${GROUNDBREAK_BASE_IMAGE:-}
if [[ -z $base ]]; then
  tarball=$HERE/target/base-jre17.tar
  [[ -f $tarball ]] || "$HERE/base-image.sh" "$tarball"
  base=tar://$tarball
fi

modules=$(printf 'services/%s,' "${SERVICES[@]}")
cd "$ROOT"
mvn -q -Pimages -DskipTests -Djib.from.image="$base" package -pl "${modules%,}" -am "$@"
for name in "${SERVICES[@]}"; do
  image=services/$name/target/jib-image.tar
  [[ -f $image ]] || { echo "build: $image was not made" >&2; exit 1; }
  echo "build: $image ($(du -h "$image" | cut -f1))"
done
