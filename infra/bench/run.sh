#!/usr/bin/env bash
# Groundbreak's benchmark in one command: builds what it needs, starts its own Kafka broker and Keycloak, the three services,
# the web app and a plain-Axon baseline (on throwaway databases of the PostgreSQL that test-support finds),
# measures the raw limits of PostgreSQL, Kafka and plain Axon and Groundbreak's figures beside them, and writes
# results.json and results.md (rendered from it).
#
#   infra/bench/run.sh [smoke|full] [output directory]     (default: full, infra/bench/target/bench-<size>)
#   infra/bench/run.sh render <results.json> [<file.md>]   render a kept results.json (RESULTS.md) to markdown
#
# Environment: BENCH_MAVEN_FLAGS (e.g. -o to build offline), BENCH_SKIP_BUILD=true (use the last build),
# BENCH_OPTIONS (system properties changing the size, e.g. "-Dbench.clients=8 -Dbench.ingestSeconds=120";
# the parameters are those of BenchSize), JAVA_HOME (which JDK).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
bench="$root/infra/bench/target"

if [[ "${1:-}" == render ]]; then
  [[ $# -ge 2 ]] || { echo "usage: $0 render <results.json> [<file.md>]" >&2; exit 2; }
  [[ -f "$bench/bench.classpath" ]] || { echo "build the bench first: $0 smoke, or mvn -pl infra/bench -am package -DskipTests" >&2; exit 1; }
  json="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
  md=()
  if [[ $# -ge 3 ]]; then md=("$(mkdir -p "$(dirname "$3")" && cd "$(dirname "$3")" && pwd)/$(basename "$3")"); fi
  exec "$java" -cp "$bench/classes:$(cat "$bench/bench.classpath")" io.groundbreak.bench.Bench render "$json" "${md[@]}"
fi

size="${1:-full}"
case "$size" in smoke|full) ;; *) echo "usage: $0 [smoke|full] [output directory] | render <results.json> [<file.md>]" >&2; exit 2 ;; esac
output="$(mkdir -p "${2:-$root/infra/bench/target/bench-$size}" && cd "${2:-$root/infra/bench/target/bench-$size}" && pwd)"

# wrk, the independent load generator of the HTTP figures, from Debian's packages when missing
if ! command -v wrk >/dev/null; then
  if command -v apt-get >/dev/null; then
    sudo=()
    if (( EUID != 0 )) && command -v sudo >/dev/null; then sudo=(sudo); fi
    echo "wrk is not installed: installing Debian's package (apt-get install -y wrk)"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk ||
      { "${sudo[@]}" apt-get update -q && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; } ||
      echo "could not install wrk: its figures will say so" >&2
  else
    echo "wrk is not installed and there is no apt-get: its figures will say so" >&2
  fi
fi

cd "$root"
if [[ "${BENCH_SKIP_BUILD:-false}" != true ]]; then
  echo "building the services and the bench (mvn ${BENCH_MAVEN_FLAGS:-} -q -pl infra/bench -am package -DskipTests)"
  # shellcheck disable=SC2086 # the flags are meant to be split
  mvn ${BENCH_MAVEN_FLAGS:-} -q -pl infra/bench -am package -DskipTests
fi

commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then commit="$commit+changes"; fi

# shellcheck disable=SC2086 # BENCH_OPTIONS holds several options on purpose
exec "$java" -Xmx3g \
  -Dgroundbreak.services.directory="$bench/services" \
  -Dbench.commit="$commit" \
  ${BENCH_OPTIONS:-} \
  -Daxoniq.update-checker.disabled=true \
  -cp "$bench/classes:$(cat "$bench/bench.classpath")" \
  io.groundbreak.bench.Bench "$size" "$output"
