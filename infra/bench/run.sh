#!/usr/bin/env bash
# Groundbreak's benchmark in one command: builds what it needs, starts its own Kafka broker and the three
# services (on throwaway databases of the PostgreSQL that test-support finds), measures the raw limits of
# PostgreSQL and Kafka and Groundbreak's figures beside them, and writes results.md and results.json.
#
#   infra/bench/run.sh [smoke|full] [output directory]     (default: full, infra/bench/target/bench-<size>)
#
# Environment: BENCH_MAVEN_FLAGS (e.g. -o to build offline), BENCH_SKIP_BUILD=true (use the last build),
# BENCH_OPTIONS (system properties changing the size, e.g. "-Dbench.clients=8 -Dbench.ingestSeconds=120";
# the parameters are those of BenchSize), JAVA_HOME (which JDK).
set -euo pipefail

size="${1:-full}"
case "$size" in smoke|full) ;; *) echo "usage: $0 [smoke|full] [output directory]" >&2; exit 2 ;; esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
output="$(mkdir -p "${2:-$root/infra/bench/target/bench-$size}" && cd "${2:-$root/infra/bench/target/bench-$size}" && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

cd "$root"
if [[ "${BENCH_SKIP_BUILD:-false}" != true ]]; then
  echo "building the services and the bench (mvn ${BENCH_MAVEN_FLAGS:-} -q -pl infra/bench -am install -DskipTests)"
  # shellcheck disable=SC2086 # the flags are meant to be split
  mvn ${BENCH_MAVEN_FLAGS:-} -q -pl infra/bench -am install -DskipTests
fi

bench="$root/infra/bench/target"
exec "$java" -Xmx3g \
  -Dgroundbreak.services.directory="$bench/services" \
  ${BENCH_OPTIONS:-} \
  -Daxoniq.update-checker.disabled=true \
  -cp "$bench/classes:$(cat "$bench/bench.classpath")" \
  io.groundbreak.bench.Bench "$size" "$output"
