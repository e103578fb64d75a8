#!/usr/bin/env bash
# Runs a service's image tarball without a container runtime, as far as this machine allows: its layers
# unpacked in order into a folder, then its entrypoint run there with chroot, as the image's user, with the
# image's environment plus the KEY=VALUE pairs given, in a mount and pid namespace of its own (its own
# /proc, the host's /dev). It shares the host's network (like `--network host`), so a port given as
# SERVER_PORT=… must be free. Proves the image holds a JRE, the application and a working entrypoint; it is
# no isolation. Needs root and python3 (to read the image's JSON).
#
#   infra/images/run-unpacked.sh <service> [KEY=VALUE…]
#   e.g. infra/images/run-unpacked.sh web SERVER_PORT=18480 SPRING_PROFILES_ACTIVE=local GROUNDBREAK_DB_NAME=try_web
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
name=${1:?usage: run-unpacked.sh <service> [KEY=VALUE…]}
shift
image=$ROOT/services/$name/target/jib-image.tar
[[ -f $image ]] || { echo "run-unpacked: $image is missing (infra/images/build.sh)" >&2; exit 1; }
[[ $(id -u) == 0 ]] || { echo "run-unpacked: needs root (chroot, namespaces)" >&2; exit 1; }

work=$ROOT/services/$name/target/unpacked
blobs=$work/blobs
rootfs=$work/rootfs
rm -rf "$work" && mkdir -p "$blobs" "$rootfs"
tar -xf "$image" -C "$blobs"
# the image's layers in order, then its user, environment and entrypoint (one value per line)
mapfile -t layers < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))[0]["Layers"]))' "$blobs/manifest.json")
config=$blobs/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["Config"])' "$blobs/manifest.json")
for layer in "${layers[@]}"; do
  # Jib's layers only add files (no whiteouts), so unpacking them in order is the image's file system
  tar -xzf "$blobs/$layer" -C "$rootfs" --numeric-owner
done
user=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["config"].get("User") or "0:0")' "$config")
mapfile -t env < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["config"].get("Env") or []))' "$config")
mapfile -t entrypoint < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["config"]["Entrypoint"]))' "$config")
rm -rf "$blobs"
# what a runtime provides: name resolution like the host's
cp /etc/hosts /etc/resolv.conf "$rootfs/etc/"

echo "run-unpacked: $name as $user: ${entrypoint[*]}" >&2
exec unshare --mount --pid --fork -- bash -c '
  rootfs=$1; user=$2; shift 2
  mount -t proc proc "$rootfs/proc"
  mount --rbind /dev "$rootfs/dev"
  exec chroot --userspec="$user" "$rootfs" /usr/bin/env -i "$@"
' run-unpacked "$rootfs" "$user" "${env[@]}" "$@" "${entrypoint[@]}"
