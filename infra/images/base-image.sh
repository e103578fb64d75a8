#!/usr/bin/env bash
# Builds the services' base image without a Docker engine or a registry: Debian bookworm (minbase) with
# openjdk-17-jre-headless, made by debootstrap from this machine's Debian mirror and packed as a
# `docker save` tarball, the local-tarball form Jib takes as a base image (`tar://…`: one image, its
# manifest.json, its config and its layers). Needs root (debootstrap, chroot).
#
#   infra/images/base-image.sh [OUT]     default OUT: infra/images/target/base-jre17.tar
#
# DEBIAN_MIRROR overrides the mirror (default: the first one apt on this machine uses).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:-$HERE/target/base-jre17.tar}
WORK=$HERE/target/base
SUITE=bookworm
# the non-root user every service runs as (the images say so by number: no name to resolve)
APP_UID=65532

fail() { echo "base-image: $*" >&2; exit 1; }
[[ $(id -u) == 0 ]] || fail "needs root (debootstrap and chroot)"
command -v debootstrap >/dev/null || fail "debootstrap is missing: apt-get install -y debootstrap"

mirror() {
  [[ -n ${DEBIAN_MIRROR:-} ]] && { echo "$DEBIAN_MIRROR"; return; }
  local uri
  uri=$(grep -hoE '^(URIs:[[:space:]]*|deb[[:space:]]+)[a-z]+://[^[:space:]]+' \
          /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | grep -v security |
        head -n1 | awk '{print $NF}') || true
  [[ -n $uri ]] || fail "no Debian mirror found in apt's sources; set DEBIAN_MIRROR"
  echo "$uri"
}

rootfs=$WORK/rootfs
if [[ ! -x $rootfs/usr/bin/java ]]; then
  rm -rf "$WORK" && mkdir -p "$WORK"
  echo "base-image: debootstrap $SUITE (minbase + openjdk-17-jre-headless) into $rootfs"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
    "$SUITE" "$rootfs" "$(mirror)" >"$WORK/debootstrap.log" 2>&1 ||
    fail "debootstrap failed; see $WORK/debootstrap.log"
  chroot "$rootfs" groupadd --gid "$APP_UID" groundbreak
  chroot "$rootfs" useradd --uid "$APP_UID" --gid "$APP_UID" --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin groundbreak
fi
# what an image never needs: package caches and lists, documentation, the host's devices, and the files a
# container runtime provides (debootstrap copies this machine's name and resolver into the tree)
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
       "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*.log "$rootfs"/dev/* \
       "$rootfs"/etc/hostname "$rootfs"/etc/resolv.conf

pack=$WORK/pack
rm -rf "$pack" && mkdir -p "$pack"
tar --numeric-owner --sort=name --mtime=@0 -C "$rootfs" -cf "$pack/layer.tar" .
diff_id=sha256:$(sha256sum "$pack/layer.tar" | cut -d' ' -f1)
java_home=$(dirname "$(dirname "$(readlink -f "$rootfs/usr/bin/java")")")
java_home=${java_home#"$rootfs"}
cat >"$pack/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"],
           "User":"$APP_UID:$APP_UID"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created_by":"infra/images/base-image.sh: debootstrap $SUITE minbase + openjdk-17-jre-headless"}]}
JSON
cat >"$pack/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["groundbreak/base-jre17:$SUITE"],"Layers":["layer.tar"]}]
JSON
mkdir -p "$(dirname "$OUT")"
tar -C "$pack" -cf "$OUT.part" manifest.json config.json layer.tar && mv "$OUT.part" "$OUT"
rm -rf "$pack"
echo "base-image: $OUT ($(du -h "$OUT" | cut -f1), layer $diff_id)"
