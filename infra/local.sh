#!/usr/bin/env bash
# Groundbreak's local stack: a real Kafka broker (KRaft, from Maven jars), PostgreSQL, Keycloak (from Maven
# Central's distribution, on 8180), the three services and the web app.
#
#   infra/local.sh up [--no-build]   build, then start what does not run yet; wait until all is healthy;
#                                    then load the demo data when the ledger is empty
#   infra/local.sh up --cluster [--no-build]
#                                    the same as a cluster: three Kafka brokers (replication 3, min ISR 2), two
#                                    instances of each service and of the web app, HAProxy in front of them on
#                                    the ports a single stack uses (8080-8083; statistics on 8404)
#   infra/local.sh down              stop what `up` started (by pid), cluster or not: the load balancer, the
#                                    services, then Keycloak, then the brokers, then PostgreSQL
#   infra/local.sh status            say what runs (for a cluster: every process with its pid and health)
#   infra/local.sh stop NAME | start NAME
#                                    stop or start one process: kafka-1…3, milestone-service-1/2,
#                                    funnel-service-1/2, audit-service-1/2, web-1/2, haproxy, postgres, keycloak
#                                    (or, of a single stack, kafka, milestone-service, funnel-service,
#                                    audit-service, web)
#   infra/local.sh demo [options]    post the demo data (the plan's projects, infra/demo-data) through
#                                    milestone-service's API as the district offices; --help lists options
#   infra/local.sh faults [--cluster] [--quick] [--only NAME…] [--no-build]
#                                    the fault-injection suite (infra/faults) on a fresh stack of its own
#
# State (pids, logs, broker data, embedded PostgreSQL data) lives in .local/ at the repository root
# (git-ignored). Environment: GROUNDBREAK_DB_HOST / _PORT / _USER / _PASSWORD (default 127.0.0.1 / 5432 /
# postgres / empty) name the PostgreSQL server; JAVA_HOME picks the JDK; GROUNDBREAK_JAVA_OPTS is added to
# each service's JVM (after a cluster instance's own heap limit, so it may raise it); GROUNDBREAK_KEYCLOAK_JAVA_HOME
# the JDK 21+ Keycloak runs on (default: the newest under /usr/lib/jvm). See infra/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.local"
VERSION="0.1.0-SNAPSHOT"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

KAFKA_HOST="127.0.0.1"
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
DB_HOST="${GROUNDBREAK_DB_HOST:-127.0.0.1}"
DB_PORT="${GROUNDBREAK_DB_PORT:-5432}"
# An embedded PostgreSQL that `up` started keeps the port it was started on, whatever the environment says now.
if [[ -f "$STATE/postgres.port" && -f "$STATE/postgres.pid" ]]; then DB_PORT=$(<"$STATE/postgres.port"); fi
DB_USER="${GROUNDBREAK_DB_USER:-postgres}"
DB_PASSWORD="${GROUNDBREAK_DB_PASSWORD:-}"
DATABASES=(groundbreak_milestones groundbreak_funnel groundbreak_audit groundbreak_web groundbreak_keycloak)
SERVICES=(milestone-service funnel-service audit-service web)
declare -A SERVICE_PORT=([milestone-service]=8081 [funnel-service]=8082 [audit-service]=8083 [web]=8080)

BROKER_TIMEOUT=90     # seconds; ~3 s on an idle 2-core machine
# Keycloak: one for a single stack and for a cluster, on 8180; its master realm's administrator is admin/admin-dev
# (a local stack only). Its first start builds it for PostgreSQL (~25 s) and creates its schema: 25 s on a quiet
# machine, 200 s beside the four Spring Boot JVMs starting and other builds (load average 10-20); a restart 38 s there.
KEYCLOAK_PORT=8180
KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
KEYCLOAK_ISSUER="$KEYCLOAK_URL/realms/groundbreak"
KEYCLOAK_ADMIN=admin
KEYCLOAK_ADMIN_PASSWORD=admin-dev
KEYCLOAK_TIMEOUT=${GROUNDBREAK_HEALTH_TIMEOUT:-480}
# kc.sh's own default; 0.47 GiB resident after up (its metaspace is bounded by kc.sh to 256 MiB)
KEYCLOAK_HEAP=512m
POSTGRES_TIMEOUT=180  # the first start unpacks the binaries and runs initdb
# four Spring Boot contexts (three with Axon or Kafka) starting at once on 2 cores; a cluster waits twice as
# long (its instances start four at a time, beside three brokers). GROUNDBREAK_HEALTH_TIMEOUT overrides both.
HEALTH_TIMEOUT=${GROUNDBREAK_HEALTH_TIMEOUT:-240}
CLUSTER_HEALTH_TIMEOUT=${GROUNDBREAK_HEALTH_TIMEOUT:-480}

# The cluster: node n of Kafka serves clients on 9091+n and its controller on 9191+n; instance n of a service
# listens on n*10000 + the service's port (web-1 18080, milestone-service-2 28081); HAProxy keeps 8080-8083.
BROKER_NODES=(1 2 3)
INSTANCES=(1 2)
CLUSTER_QUORUM="1:9092:9192,2:9093:9193,3:9094:9194"
CLUSTER_BOOTSTRAP="127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094"
LB_STATS_PORT=8404
LB_TIMEOUT=30         # HAProxy marks an instance UP after two passing checks a second apart
# The single stack fits in 4 GiB resident (issue 18): broker, three services and the web app, PostgreSQL apart.
# Without limits each JVM may grow its heap to a quarter of the machine's memory (and did, to over 1 GiB each,
# under a load). Heaps sized to what each holds under load (infra/bench's memory.* figures), metaspace bounded,
# the serial collector (no concurrent GC threads nor G1's remembered sets on 2 cores). GROUNDBREAK_JAVA_OPTS
# comes after these, so it may raise them.
declare -A SINGLE_HEAP=([milestone-service]=512m [funnel-service]=384m [audit-service]=384m [web]=256m)
SINGLE_JVM_OPTS="-XX:MaxMetaspaceSize=256m -XX:+UseSerialGC"
# the single broker's heap in place of the 1 GiB BrokerFiles gives it (a local stack's traffic needs far less)
SINGLE_BROKER_HEAP=512m
# Eight Spring Boot JVMs and three brokers on 2 cores: a bounded heap each and the serial collector (no
# concurrent GC threads competing for the cores); the JIT stays complete, since the cluster is measured too
CLUSTER_JVM_OPTS="-Xmx384m -XX:+UseSerialGC"
# Hikari's default pool holds 10 connections whatever the load: eight instances would take 80 of PostgreSQL's
# default max_connections (100), and did. The write path keeps 10 (fewer made writes under load wait past its
# 3 s connection timeout and answer 503); the readers and the web app's sessions need fewer: 46 in all.
declare -A CLUSTER_DB_POOL=([milestone-service]=10 [funnel-service]=5 [audit-service]=4 [web]=4)

say() { printf '%s\n' "$*"; }
fail() { printf 'local.sh: %s\n' "$*" >&2; exit 1; }

# --- processes -------------------------------------------------------------------------------------

# The pid in .local/NAME.pid if that process still runs AND its command line still has MARKER (a pid
# file surviving a reboot may name an unrelated process by now: never signal that one).
running_pid() {
  local name=$1 marker=$2 pid
  [[ -f "$STATE/$name.pid" ]] || return 1
  pid=$(<"$STATE/$name.pid")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  ps -ww -o args= -p "$pid" 2>/dev/null | grep -qF -- "$marker" || return 1
  printf '%s' "$pid"
}

# Stops the processes NAME… that are ours and alive, all at once (SIGTERM, then SIGKILL to those still
# running after 30 s); drops their pid files. Brokers stop together: the last of a quorum stopped alone
# would wait for controllers that are gone.
stop_processes() {
  local name pid pids=() names=()
  for name in "$@"; do
    if pid=$(running_pid "$name" "$(marker "$name")"); then
      say "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      names+=("$name")
    fi
  done
  local waited=0 i alive
  while true; do
    alive=false
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
    $alive || break
    if (( waited >= 300 )); then
      for i in "${!pids[@]}"; do
        if kill -0 "${pids[$i]}" 2>/dev/null; then
          say "${names[$i]} did not stop within 30 s; killing it"
          kill -KILL "${pids[$i]}" 2>/dev/null || true
        fi
      done
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  for name in "$@"; do rm -f "$STATE/$name.pid"; done
}

# Keeps the previous run's log as NAME.log.1, so that readiness checks read only this run's lines.
rotate_log() {
  if [[ -f "$1" ]]; then mv -f "$1" "$1.1"; fi
}

port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# Waits until CONDITION (a command) succeeds, failing early if the process PID dies.
# Polling is the only way to wait for another process from a shell.
await() {
  local what=$1 timeout=$2 pid=$3 log=$4
  shift 4
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "$what exited while starting; last lines of $log:" >&2
      tail -n 30 "$log" >&2 || true
      exit 1
    fi
    if (( SECONDS >= deadline )); then
      say "$what is not ready after ${timeout} s; see $log. Last lines:" >&2
      tail -n 30 "$log" >&2 || true
      # on a machine this busy everything starts slowly: say so, and how to wait longer
      say "(load average now: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown). It may still come up: run the same command again to wait for it, or give GROUNDBREAK_HEALTH_TIMEOUT=<seconds>)" >&2
      exit 1
    fi
    sleep 0.5
  done
}

# --- the pieces ------------------------------------------------------------------------------------

KAFKA_MARKER="io.groundbreak.kafka.ChildBroker"
POSTGRES_MARKER="io.groundbreak.localpg.LocalPostgres"
KEYCLOAK_DIST="$STATE/keycloak/dist"
KEYCLOAK_MARKER="$KEYCLOAK_DIST/bin/kc.sh"
service_marker() { printf '%s' "$STATE/run/$1.jar"; }

# Every process local.sh may run: a single stack's, and a cluster's (the load balancer, each service's
# instances, the brokers: the order in which `down` stops them).
SINGLE_NAMES=("${SERVICES[@]}" kafka)
CLUSTER_NAMES=(haproxy)
for service in "${SERVICES[@]}"; do
  for n in "${INSTANCES[@]}"; do CLUSTER_NAMES+=("$service-$n"); done
done
for n in "${BROKER_NODES[@]}"; do CLUSTER_NAMES+=("kafka-$n"); done
unset service n

# What the command line of process NAME contains, and nothing else's does.
marker() {
  case "$1" in
    kafka) printf '%s' "$KAFKA_MARKER" ;;
    kafka-[0-9]) printf '%s' "$STATE/$1/server.properties" ;;
    postgres) printf '%s' "$POSTGRES_MARKER" ;;
    keycloak) printf '%s' "$KEYCLOAK_MARKER" ;;
    haproxy) printf '%s' "$STATE/haproxy.cfg" ;;
    *) service_marker "$1" ;;
  esac
}

# The names among NAME… whose process runs, space-separated.
running_names() {
  local name found=()
  for name in "$@"; do
    running_pid "$name" "$(marker "$name")" >/dev/null && found+=("$name")
  done
  printf '%s' "${found[*]}"
}

# A single stack and a cluster share ports (9092-9094, 8080-8083): never half of each. WANTED is the kind of
# stack the command (ASKED, as typed) belongs to.
refuse_mixing() {
  local wanted=$1 asked=$2 other
  if [[ "$wanted" == cluster ]]; then
    other=$(running_names "${SINGLE_NAMES[@]}")
    [[ -z "$other" ]] || fail "a single-instance stack runs ($other), and $asked is a cluster's: nothing was started. Stop the single stack first (infra/local.sh down), then run infra/local.sh up --cluster"
  else
    other=$(running_names "${CLUSTER_NAMES[@]}")
    [[ -z "$other" ]] || fail "a cluster runs ($other), and $asked is a single stack's: nothing was started. Keep the cluster (infra/local.sh status), or stop it (infra/local.sh down) and run infra/local.sh up"
  fi
}

# Says, when a command fails, which processes it leaves running.
trap_what_still_runs() {
  trap 'rc=$?; if (( rc != 0 )); then say_what_still_runs; fi' EXIT
}

say_what_still_runs() {
  local still
  still=$(running_names "${CLUSTER_NAMES[@]}" "${SINGLE_NAMES[@]}" keycloak postgres)
  [[ -z "$still" ]] || say "(still running: $still; see infra/local.sh status, stop them with infra/local.sh down)" >&2
}

build() {
  say "building (mvn -DskipTests install)…"
  local mvn=mvn
  [[ -x "$ROOT/mvnw" ]] && mvn="$ROOT/mvnw"
  (cd "$ROOT" && "$mvn" -q -DskipTests install) || fail "the build failed"
}

BROKER_JAR="$ROOT/infra/kafka-broker/target/kafka-broker-$VERSION.jar"

# Starts broker process NAME (shown as LABEL) on PORT with its files in .local/NAME, configured by
# BrokerFiles with the remaining arguments (configure … or configure-node …); does not wait for it.
launch_broker() {
  local name=$1 label=$2 port=$3 home="$STATE/$1" pid
  shift 3
  port_open "$KAFKA_HOST" "$port" && fail "something that local.sh did not start listens on $KAFKA_HOST:$port"
  [[ -f "$BROKER_JAR" ]] || fail "$BROKER_JAR is missing; build first (infra/local.sh up, without --no-build)"
  mkdir -p "$home/lib"
  # Run from a copy: a later build must not replace the jar under a running JVM.
  cp "$BROKER_JAR" "$home/lib/kafka-broker.jar"
  local launcher=("$JAVA" -cp "$home/lib/kafka-broker.jar" io.groundbreak.kafka.BrokerFiles)
  "${launcher[@]}" "$@"
  local command
  mapfile -t command < <("${launcher[@]}" command "$home")
  (( ${#command[@]} > 0 )) || fail "could not build the broker's command line"
  if [[ -n "${BROKER_HEAP:-}" ]]; then command=("${command[@]/#-Xmx*/-Xmx$BROKER_HEAP}"); fi
  # The broker formats its storage (.local/NAME/data) on its first start only; the data survives restarts.
  rotate_log "$STATE/$name.log"
  nohup "${command[@]}" >>"$STATE/$name.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$STATE/$name.pid"
  say "starting $label on $KAFKA_HOST:$port (pid $pid, log .local/$name.log)"
}

broker_started() {
  grep -q "Kafka Server started" "$STATE/$1.log"
}

await_broker() {
  await "$2" "$BROKER_TIMEOUT" "$(<"$STATE/$1.pid")" "$STATE/$1.log" broker_started "$1"
  say "$2 is up"
}

start_kafka() {
  local pid
  if pid=$(running_pid kafka "$KAFKA_MARKER"); then
    say "Kafka already runs (pid $pid)"
    return
  fi
  BROKER_HEAP=$SINGLE_BROKER_HEAP launch_broker kafka Kafka "$KAFKA_PORT" configure "$STATE/kafka" "$KAFKA_PORT" \
    "$KAFKA_CONTROLLER_PORT"
  await_broker kafka Kafka
}

# Every node formats its storage with the same cluster id: the one a node was configured with before, or a new one.
cluster_id() {
  local n
  for n in "${BROKER_NODES[@]}"; do
    if [[ -s "$STATE/kafka-$n/cluster.id" ]]; then
      printf '%s' "$(<"$STATE/kafka-$n/cluster.id")"
      return
    fi
  done
  [[ -f "$BROKER_JAR" ]] || fail "$BROKER_JAR is missing; build first (infra/local.sh up --cluster, without --no-build)"
  "$JAVA" -cp "$BROKER_JAR" io.groundbreak.kafka.BrokerFiles cluster-id
}

# Starts node N of the cluster (kafka-N) unless it runs; does not wait for it: a node is ready only once a
# majority of the quorum runs.
launch_cluster_broker() {
  local n=$1 pid
  if pid=$(running_pid "kafka-$n" "$(marker "kafka-$n")"); then
    say "kafka-$n already runs (pid $pid)"
    return
  fi
  launch_broker "kafka-$n" "kafka-$n" $((KAFKA_PORT + n - 1)) \
    configure-node "$STATE/kafka-$n" "$n" "$(cluster_id)" "$CLUSTER_QUORUM"
}

postgres_ready() {
  grep -q "local-postgres ready" "$STATE/postgres.log" 2>/dev/null
}

start_postgres() {
  local pid
  if pid=$(running_pid postgres "$POSTGRES_MARKER"); then
    say "embedded PostgreSQL already runs (pid $pid)"
    return
  fi
  if port_open "$DB_HOST" "$DB_PORT"; then
    say "using the PostgreSQL server on $DB_HOST:$DB_PORT"
    return
  fi
  [[ "$DB_HOST" == "127.0.0.1" || "$DB_HOST" == "localhost" ]] ||
    fail "no PostgreSQL answers on $DB_HOST:$DB_PORT (GROUNDBREAK_DB_HOST names a remote server; start it there)"
  local lib="$ROOT/infra/local-postgres/target"
  [[ -f "$lib/local-postgres-$VERSION.jar" && -f "$lib/runtime.classpath" ]] ||
    fail "infra/local-postgres is not built; build first (infra/local.sh up, without --no-build)"
  mkdir -p "$STATE/lib"
  cp "$lib/local-postgres-$VERSION.jar" "$STATE/lib/local-postgres.jar"
  rotate_log "$STATE/postgres.log"
  nohup "$JAVA" -Xmx256m -cp "$STATE/lib/local-postgres.jar:$(<"$lib/runtime.classpath")" \
    io.groundbreak.localpg.LocalPostgres "$STATE/postgres" "$DB_PORT" >>"$STATE/postgres.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$STATE/postgres.pid"
  echo "$DB_PORT" >"$STATE/postgres.port"
  say "no PostgreSQL on $DB_HOST:$DB_PORT: starting an embedded one (pid $pid, data in .local/postgres, log .local/postgres.log)"
  await "PostgreSQL" "$POSTGRES_TIMEOUT" "$pid" "$STATE/postgres.log" postgres_ready
}

create_databases() {
  local lib="$ROOT/infra/local-postgres/target"
  [[ -f "$lib/local-postgres-$VERSION.jar" && -f "$lib/runtime.classpath" ]] ||
    fail "infra/local-postgres is not built; build first (infra/local.sh up, without --no-build)"
  GROUNDBREAK_DB_HOST="$DB_HOST" GROUNDBREAK_DB_PORT="$DB_PORT" GROUNDBREAK_DB_USER="$DB_USER" \
    GROUNDBREAK_DB_PASSWORD="$DB_PASSWORD" \
    "$JAVA" -cp "$lib/local-postgres-$VERSION.jar:$(<"$lib/runtime.classpath")" \
    io.groundbreak.localpg.CreateDatabases "${DATABASES[@]}" || fail "could not create the databases on $DB_HOST:$DB_PORT"
}

# --- Keycloak ------------------------------------------------------------------------------------

KEYCLOAK_TARGET="$ROOT/infra/keycloak/target"

# LocalKeycloak (infra/keycloak) with ARGS: the JDK it picks, the build for PostgreSQL, the start command, the import.
keycloak_launcher() {
  [[ -f "$KEYCLOAK_TARGET/keycloak-$VERSION.jar" && -f "$KEYCLOAK_TARGET/runtime.classpath" ]] ||
    fail "infra/keycloak is not built; build first (infra/local.sh up, without --no-build)"
  "$JAVA" -cp "$KEYCLOAK_TARGET/keycloak-$VERSION.jar:$(<"$KEYCLOAK_TARGET/runtime.classpath")" \
    io.groundbreak.keycloak.LocalKeycloak "$@"
}

# Keycloak runs from its own copy of the distribution in .local/keycloak/dist (a rebuild or mvn clean must not
# pull it from under the running server, and its build for PostgreSQL is written into it), copied again when
# infra/keycloak unpacked another version.
prepare_keycloak() {
  local unpacked
  unpacked=$(find "$KEYCLOAK_TARGET/keycloak" -mindepth 1 -maxdepth 1 -type d -name 'keycloak-*' 2>/dev/null | head -n 1)
  [[ -n "$unpacked" ]] || fail "infra/keycloak has not unpacked Keycloak; build first (infra/local.sh up, without --no-build)"
  if ! cmp -s "$unpacked/version.txt" "$KEYCLOAK_DIST/version.txt"; then
    say "copying Keycloak $(<"$unpacked/version.txt") into .local/keycloak/dist"
    rm -rf "$KEYCLOAK_DIST"
    mkdir -p "$STATE/keycloak"
    cp -R "$unpacked" "$KEYCLOAK_DIST"
  fi
  # kc.sh build runs once per copy (LocalKeycloak keeps a marker of the options it built with)
  keycloak_launcher build "$KEYCLOAK_DIST" || fail "kc.sh build failed; see $KEYCLOAK_DIST/lib/groundbreak-built.log"
}

# Starts Keycloak on KEYCLOAK_PORT with its database groundbreak_keycloak, unless it runs; does not wait for it.
launch_keycloak() {
  local pid java_home command
  if pid=$(running_pid keycloak "$KEYCLOAK_MARKER"); then
    say "Keycloak already runs (pid $pid)"
    return
  fi
  port_open 127.0.0.1 "$KEYCLOAK_PORT" && fail "something that local.sh did not start listens on 127.0.0.1:$KEYCLOAK_PORT (Keycloak's port)"
  prepare_keycloak
  java_home=$(keycloak_launcher java-home) || fail "Keycloak needs a JDK 21 or later (see above)"
  mapfile -t command < <(keycloak_launcher command "$KEYCLOAK_DIST" "$KEYCLOAK_PORT" \
    "jdbc:postgresql://$DB_HOST:$DB_PORT/groundbreak_keycloak" "$DB_USER")
  (( ${#command[@]} > 0 )) || fail "could not build Keycloak's command line"
  rotate_log "$STATE/keycloak.log"
  env JAVA_HOME="$java_home" KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" KC_DB_PASSWORD="$DB_PASSWORD" \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx$KEYCLOAK_HEAP" \
    nohup "${command[@]}" >>"$STATE/keycloak.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$STATE/keycloak.pid"
  say "starting Keycloak on $KEYCLOAK_URL (pid $pid, JDK $java_home, log .local/keycloak.log)"
}

keycloak_serves() {
  http_get "$KEYCLOAK_PORT" "/realms/$1/.well-known/openid-configuration" >/dev/null
}

# Waits until Keycloak serves, then imports the realm groundbreak unless it exists (a realm changed by hand is kept).
await_keycloak() {
  await Keycloak "$KEYCLOAK_TIMEOUT" "$(<"$STATE/keycloak.pid")" "$STATE/keycloak.log" keycloak_serves master
  keycloak_launcher import "$KEYCLOAK_URL" "$KEYCLOAK_ADMIN" "$KEYCLOAK_ADMIN_PASSWORD" \
    "http://localhost:${SERVICE_PORT[web]}/*" "http://127.0.0.1:${SERVICE_PORT[web]}/*" ||
    fail "could not import the realm groundbreak into Keycloak (see above)"
  say "Keycloak is up: issuer $KEYCLOAK_ISSUER"
}

# Starts SERVICE's jar as process NAME on PORT unless it runs; does not wait for it. JVM_OPTIONS (words) come
# before GROUNDBREAK_JAVA_OPTS; the remaining arguments (VAR=value) are added to the environment.
launch_service() {
  local service=$1 name=$2 port=$3 jvm_options=$4 pid
  shift 4
  if pid=$(running_pid "$name" "$(service_marker "$name")"); then
    say "$name already runs (pid $pid)"
    return
  fi
  port_open 127.0.0.1 "$port" && fail "something that local.sh did not start listens on 127.0.0.1:$port ($name's port)"
  local jar="$ROOT/services/$service/target/$service-$VERSION-exec.jar"
  [[ -f "$jar" ]] || fail "$jar is missing: the build did not produce it"
  mkdir -p "$STATE/run"
  cp "$jar" "$STATE/run/$name.jar"
  rotate_log "$STATE/$name.log"
  # shellcheck disable=SC2086 # the JVM options hold several options on purpose
  env "$@" SPRING_PROFILES_ACTIVE=local \
    GROUNDBREAK_DB_HOST="$DB_HOST" GROUNDBREAK_DB_PORT="$DB_PORT" \
    GROUNDBREAK_DB_USER="$DB_USER" GROUNDBREAK_DB_PASSWORD="$DB_PASSWORD" \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    GROUNDBREAK_SECURITY_ISSUER="$KEYCLOAK_ISSUER" SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI="$KEYCLOAK_ISSUER" \
    nohup "$JAVA" $jvm_options ${GROUNDBREAK_JAVA_OPTS:-} -Daxoniq.update-checker.disabled=true \
    -jar "$STATE/run/$name.jar" >>"$STATE/$name.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$STATE/$name.pid"
  say "starting $name on port $port (pid $pid, log .local/$name.log)"
}

start_service() {
  launch_service "$1" "$1" "${SERVICE_PORT[$1]}" "-Xmx${SINGLE_HEAP[$1]} $SINGLE_JVM_OPTS" \
    GROUNDBREAK_KAFKA_BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT"
}

# Instance N of SERVICE (SERVICE-N) on N*10000 + the service's port, on the cluster's brokers and the same
# databases as a single stack. The web app and audit-service reach the other services through the load
# balancer: their defaults (127.0.0.1:8081-8083) are its ports.
instance_port() {
  printf '%s' $(($2 * 10000 + SERVICE_PORT[$1]))
}

launch_instance() {
  local service=$1 n=$2
  launch_service "$service" "$service-$n" "$(instance_port "$service" "$n")" "$CLUSTER_JVM_OPTS" \
    SERVER_PORT="$(instance_port "$service" "$n")" GROUNDBREAK_KAFKA_BOOTSTRAP="$CLUSTER_BOOTSTRAP" \
    GROUNDBREAK_KAFKA_REPLICATION_FACTOR=3 GROUNDBREAK_KAFKA_MIN_INSYNC_REPLICAS=2 \
    SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE="${CLUSTER_DB_POOL[$service]}"
}

# GET http://127.0.0.1:PORT/PATH; prints the body; fails when nothing answers within 2 s (or, with curl, on
# an error status).
http_get() {
  if command -v curl >/dev/null; then
    curl -fsS --max-time 2 "http://127.0.0.1:$1$2" 2>/dev/null
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1" &&
      printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3 && cat <&3) 2>/dev/null
  fi
}

health_up() {
  local body
  body=$(http_get "$1" /actuator/health) || return 1
  [[ "$body" == *'"status":"UP"'* ]]
}

# Waits until process NAME answers UP on PORT (default: the service's own port).
await_service() {
  local name=$1 port=${2:-${SERVICE_PORT[$1]:-}} pid
  pid=$(<"$STATE/$name.pid")
  await "$name" "$HEALTH_TIMEOUT" "$pid" "$STATE/$name.log" health_up "$port"
  say "$name is UP"
}

# --- the load balancer ------------------------------------------------------------------------------

CLUSTER_DIR="$ROOT/infra/cluster"

# HAProxy from Debian's packages; installed when missing, or a clear word on how to get it.
ensure_haproxy() {
  command -v haproxy >/dev/null && return
  local how="install HAProxy 2.x yourself (Debian/Ubuntu, as root: apt-get update && apt-get install -y haproxy), then run the same command again"
  command -v apt-get >/dev/null || fail "HAProxy is not installed and this system has no apt-get: $how"
  local sudo=()
  if (( EUID != 0 )); then
    command -v sudo >/dev/null || fail "HAProxy is not installed and installing it needs root: $how"
    sudo=(sudo)
  fi
  say "HAProxy is not installed: installing Debian's package (apt-get install -y haproxy)…"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy ||
    fail "apt-get install -y haproxy failed (see above; an outdated package list needs apt-get update first): $how"
  command -v haproxy >/dev/null || fail "apt-get installed HAProxy but no haproxy is on the PATH: $how"
}

# .local/haproxy.cfg from infra/cluster/haproxy.cfg.template (which the fault suite renders too), checked by
# haproxy -c before it is used.
render_haproxy_config() {
  local config service n
  config=$(<"$CLUSTER_DIR/haproxy.cfg.template") || fail "$CLUSTER_DIR/haproxy.cfg.template is missing"
  config=${config//@STATE@/"$STATE"}
  config=${config//@CLUSTER_DIR@/"$CLUSTER_DIR"}
  config=${config//@STATS_PORT@/"$LB_STATS_PORT"}
  declare -A placeholder=([web]=WEB [milestone-service]=MILESTONE [funnel-service]=FUNNEL [audit-service]=AUDIT)
  for service in "${SERVICES[@]}"; do
    config=${config//@${placeholder[$service]}_PORT@/"${SERVICE_PORT[$service]}"}
    for n in "${INSTANCES[@]}"; do
      config=${config//@${placeholder[$service]}_${n}_PORT@/"$(instance_port "$service" "$n")"}
    done
  done
  local unfilled
  unfilled=$(grep -v '^[[:space:]]*#' <<<"$config" | grep -o '@[A-Z0-9_]*@' | sort -u | tr '\n' ' ') || true
  [[ -z "$unfilled" ]] || fail "haproxy.cfg.template has placeholders local.sh does not fill: $unfilled"
  printf '%s\n' "$config" >"$STATE/haproxy.cfg"
  haproxy -c -q -f "$STATE/haproxy.cfg" || fail "HAProxy refuses $STATE/haproxy.cfg (haproxy -c -f, above)"
}

start_haproxy() {
  local pid port
  if pid=$(running_pid haproxy "$(marker haproxy)"); then
    say "haproxy already runs (pid $pid)"
    return
  fi
  for port in "${SERVICE_PORT[@]}" "$LB_STATS_PORT"; do
    port_open 127.0.0.1 "$port" && fail "something that local.sh did not start listens on 127.0.0.1:$port (the load balancer's port)"
  done
  render_haproxy_config
  rotate_log "$STATE/haproxy.log"
  # -db: in the foreground, so that its pid is $! and its log goes to .local/haproxy.log
  nohup haproxy -db -f "$STATE/haproxy.cfg" >>"$STATE/haproxy.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$STATE/haproxy.pid"
  say "starting haproxy on 127.0.0.1:8080-8083, statistics on http://127.0.0.1:$LB_STATS_PORT (pid $pid, log .local/haproxy.log)"
  await haproxy "$LB_TIMEOUT" "$pid" "$STATE/haproxy.log" port_open 127.0.0.1 "$LB_STATS_PORT"
}

# HAProxy's word on instance NAME of SERVICE (UP, DOWN, "UP 1/2" while it changes its mind, …), from its
# statistics as CSV (field 18 is the status).
lb_status() {
  http_get "$LB_STATS_PORT" '/;csv' | awk -F, -v backend="$1" -v server="$2" \
    '$1 == backend && $2 == server { print $18; found = 1 } END { exit !found }'
}

every_instance_in_lb() {
  local service n
  for service in "${SERVICES[@]}"; do
    for n in "${INSTANCES[@]}"; do
      [[ "$(lb_status "$service" "$service-$n")" == UP ]] || return 1
    done
  done
}

# --- the cluster -----------------------------------------------------------------------------------

# Each port the cluster's process NAME listens on.
ports_of() {
  local n service
  case "$1" in
    kafka-[0-9]) n=${1#kafka-}; printf '%s\n' $((KAFKA_PORT + n - 1)) $((9191 + n)) ;;
    haproxy) printf '%s\n' "${SERVICE_PORT[@]}" "$LB_STATS_PORT" ;;
    *) service=${1%-*}; instance_port "$service" "${1##*-}"; printf '\n' ;;
  esac
}

# Before anything starts: each port of a cluster process that does not run yet must be free.
check_cluster_ports() {
  local name port taken=()
  for name in "${CLUSTER_NAMES[@]}"; do
    running_pid "$name" "$(marker "$name")" >/dev/null && continue
    while read -r port; do
      port_open 127.0.0.1 "$port" && taken+=("$port ($name)")
    done < <(ports_of "$name")
  done
  (( ${#taken[@]} == 0 )) ||
    fail "ports the cluster needs are taken by processes local.sh did not start: ${taken[*]}; nothing was started"
}

cluster_all_running() {
  running_pid keycloak "$KEYCLOAK_MARKER" >/dev/null || return 1
  local name
  for name in "${CLUSTER_NAMES[@]}"; do
    running_pid "$name" "$(marker "$name")" >/dev/null || return 1
  done
}

await_instance() {
  HEALTH_TIMEOUT=$CLUSTER_HEALTH_TIMEOUT await_service "$1-$2" "$(instance_port "$1" "$2")"
}

all_running() {
  running_pid kafka "$KAFKA_MARKER" >/dev/null || return 1
  running_pid keycloak "$KEYCLOAK_MARKER" >/dev/null || return 1
  local name
  for name in "${SERVICES[@]}"; do
    running_pid "$name" "$(service_marker "$name")" >/dev/null || return 1
  done
}

DEMO_JAR="$ROOT/infra/demo-data/target/demo-data-$VERSION-exec.jar"

# Posts the demo data through the services' HTTP APIs (milestone-service as the district offices and admin,
# audit-service's monthly closes as the district offices); a second run the same day records nothing new
# (Idempotency-Keys; a month already closed is left so). Arguments go to the loader (e.g. --if-empty, --threads=N, --dry-run).
load_demo() {
  [[ -f "$DEMO_JAR" ]] || fail "$DEMO_JAR is missing; build first (infra/local.sh up, without --no-build)"
  mkdir -p "$STATE/run"
  cp "$DEMO_JAR" "$STATE/run/demo-data.jar" # a rebuild must not replace the jar under the running JVM
  "$JAVA" -jar "$STATE/run/demo-data.jar" \
    --milestone-url="http://127.0.0.1:${SERVICE_PORT[milestone-service]}" \
    --funnel-url="http://127.0.0.1:${SERVICE_PORT[funnel-service]}" \
    --audit-url="http://127.0.0.1:${SERVICE_PORT[audit-service]}" "$@" ||
    fail "loading the demo data failed (see above); the stack still runs"
}

# What runs and a first thing to try. KAFKA says where the brokers are; EXTRA (lines) is added after the table.
print_usage_hints() {
  local kafka=$1 extra=${2:-} code
  code="DEMO-$(date +%s)" # project codes are unique: a fixed one would answer 409 the second time
  cat <<EOF

Groundbreak runs locally:
  web app            http://127.0.0.1:8080   (log in as leader / leader-dev: the funnel dashboard)
  milestone-service  http://127.0.0.1:8081   (writes: POST /api/projects …)
  funnel-service     http://127.0.0.1:8082   (GET /api/funnel …)
  audit-service      http://127.0.0.1:8083   (GET /api/audit/projects/{id}/history …)
  Kafka              $kafka (topic groundbreak.project-events.v1)
  Keycloak           $KEYCLOAK_URL   (issuer $KEYCLOAK_ISSUER; its console /admin: admin / admin-dev)
  PostgreSQL         $DB_HOST:$DB_PORT (databases ${DATABASES[*]})
EOF
  [[ -z "$extra" ]] || printf '%s\n' "$extra"
  cat <<EOF

Local users (Keycloak's realm groundbreak, the web app signs in there; HTTP Basic on the services, profile 'local' only):
  leader / leader-dev     auditor / auditor-dev     admin / admin-dev
  one per district: d{code} / d{code}-dev, e.g. d120116 / d120116-dev (滨海新区), and its reviewer r{code} / r{code}-dev
  a district's machine client: district-{code}, secret district-{code}-dev (client credentials)

Try:
  curl -u d120116:d120116-dev -H 'Content-Type: application/json' http://127.0.0.1:8081/api/projects \\
       -d '{"code":"$code","name":"Demo","district":"120116","chain":"new-energy","investor":"Demo Co","plannedInvestmentCny":"1500000000.00"}'
  curl -u leader:leader-dev http://127.0.0.1:8082/api/funnel
  token=\$(curl -s $KEYCLOAK_ISSUER/protocol/openid-connect/token -d grant_type=client_credentials \\
       -d client_id=district-120116 -d client_secret=district-120116-dev | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  curl -H "Authorization: Bearer \$token" http://127.0.0.1:8082/api/projects

Logs and pids: .local/   Stop: infra/local.sh down
EOF
}

# The fault-injection suite: builds infra/faults and the services it starts, then runs it on a stack of its own
# (its own PostgreSQL, broker and services on free ports, or with --cluster three brokers, two instances of each
# service and HAProxy: nothing of `up` is touched). Exit status: the suite's.
cmd_faults() {
  local build_first=true cluster=false arg args=()
  for arg in "$@"; do
    case "$arg" in
      --no-build) build_first=false ;;
      --cluster) cluster=true; args+=("$arg") ;;
      *) args+=("$arg") ;;
    esac
  done
  # the cluster's suite runs its instances behind HAProxy, from Debian's packages
  if $cluster; then ensure_haproxy; fi
  if $build_first; then
    say "building the suite and the services (mvn -DskipTests install -pl infra/faults -am)…"
    local mvn=mvn
    [[ -x "$ROOT/mvnw" ]] && mvn="$ROOT/mvnw"
    (cd "$ROOT" && "$mvn" -q -DskipTests install -pl infra/faults -am) || fail "the build failed"
  fi
  local target="$ROOT/infra/faults/target"
  [[ -f "$target/faults-$VERSION.jar" && -f "$target/faults.classpath" ]] ||
    fail "infra/faults is not built; run without --no-build"
  "$JAVA" -Xmx512m -cp "$target/faults-$VERSION.jar:$(<"$target/faults.classpath")" \
    -Dgroundbreak.faults.directory="$target" -Dgroundbreak.services.directory="$target/services" \
    io.groundbreak.faults.FaultSuite "${args[@]}"
}

# --- commands --------------------------------------------------------------------------------------

cmd_up() {
  local build_first=true cluster=false name arg
  for arg in "$@"; do
    case "$arg" in
      --no-build) build_first=false ;;
      --cluster) cluster=true ;;
      *) fail "unknown option for up: $arg (only --no-build, --cluster)" ;;
    esac
  done
  if $cluster; then
    cmd_up_cluster "$build_first"
    return
  fi
  refuse_mixing single "infra/local.sh up"
  mkdir -p "$STATE"
  rm -f "$STATE/stack"
  # whatever went wrong, say what did start and still runs, and how to stop it
  trap_what_still_runs
  if all_running; then
    # Nothing to start, and a build now would only rewrite jars for nothing.
    say "everything already runs"
  else
    $build_first && build
    start_kafka
    start_postgres
    create_databases
    # before the services and the web app, which fetch its keys only when a token comes
    launch_keycloak
    for name in "${SERVICES[@]}"; do
      start_service "$name"
    done
  fi
  await_keycloak
  for name in "${SERVICES[@]}"; do
    await_service "$name"
  done
  # a new user sees the plan's projects at once; a ledger that holds any project is left alone
  load_demo --if-empty
  print_usage_hints "$KAFKA_HOST:$KAFKA_PORT"
}

cmd_up_cluster() {
  local build_first=$1 service n
  refuse_mixing cluster "infra/local.sh up --cluster"
  mkdir -p "$STATE"
  trap_what_still_runs
  if cluster_all_running; then
    say "everything already runs"
    await_keycloak
  else
    # whatever cannot be had is known before anything starts
    ensure_haproxy
    check_cluster_ports
    $build_first && build
    echo cluster >"$STATE/stack"
    for n in "${BROKER_NODES[@]}"; do launch_cluster_broker "$n"; done
    start_postgres
    create_databases
    launch_keycloak
    for n in "${BROKER_NODES[@]}"; do await_broker "kafka-$n" "kafka-$n"; done
    # one Keycloak serves both instances of everything; it starts before them (two cores: not beside four JVMs)
    await_keycloak
    start_haproxy
    # one instance of each service at a time: eight Spring Boot contexts at once would starve two cores
    for n in "${INSTANCES[@]}"; do
      for service in "${SERVICES[@]}"; do launch_instance "$service" "$n"; done
      for service in "${SERVICES[@]}"; do await_instance "$service" "$n"; done
    done
  fi
  for n in "${INSTANCES[@]}"; do
    for service in "${SERVICES[@]}"; do await_instance "$service" "$n"; done
  done
  await "HAProxy's health checks of every instance" "$LB_TIMEOUT" "$(<"$STATE/haproxy.pid")" "$STATE/haproxy.log" \
    every_instance_in_lb
  say "the load balancer sends requests to every instance"
  load_demo --if-empty
  local instances="" sep=""
  for service in "${SERVICES[@]}"; do
    for n in "${INSTANCES[@]}"; do
      instances+="$sep$service-$n $(instance_port "$service" "$n")"
      sep=", "
    done
  done
  print_usage_hints "$CLUSTER_BOOTSTRAP, three brokers: replication 3, min.insync.replicas 2" \
"  Every port above is HAProxy's (statistics http://127.0.0.1:$LB_STATS_PORT), in front of two instances of each:
    $instances
  One process at a time: infra/local.sh status | stop NAME | start NAME (kafka-1…3, web-2, haproxy, …)"
}

cmd_demo() {
  health_up "${SERVICE_PORT[milestone-service]}" ||
    fail "milestone-service does not answer on port ${SERVICE_PORT[milestone-service]}: start the stack first (infra/local.sh up)"
  load_demo "$@"
}

# Everything, cluster or not: the load balancer, the services (the web app first), the brokers, PostgreSQL.
cmd_down() {
  local i service n instances
  stop_processes haproxy
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    service=${SERVICES[$i]}
    instances=("$service")
    for n in "${INSTANCES[@]}"; do instances+=("$service-$n"); done
    stop_processes "${instances[@]}"
  done
  stop_processes keycloak
  stop_processes kafka kafka-1 kafka-2 kafka-3
  stop_processes postgres
  rm -f "$STATE/postgres.port" "$STATE/stack"
  say "stopped"
}

# One line per process of the cluster: its pid and health (a broker: its port answers; an instance: its own
# /actuator/health and HAProxy's word on it; HAProxy: its statistics answer).
cmd_status_cluster() {
  local pid name service n port health
  for n in "${BROKER_NODES[@]}"; do
    name="kafka-$n" port=$((KAFKA_PORT + n - 1))
    if pid=$(running_pid "$name" "$(marker "$name")"); then
      if port_open "$KAFKA_HOST" "$port"; then health="answers on $KAFKA_HOST:$port"; else health="does not answer on $KAFKA_HOST:$port yet (see .local/$name.log)"; fi
      say "$(printf '%-20s' "$name") running (pid $pid), $health"
    else
      say "$(printf '%-20s' "$name") stopped"
    fi
  done
  cmd_status_postgres 20
  cmd_status_keycloak 20
  if pid=$(running_pid haproxy "$(marker haproxy)"); then
    if http_get "$LB_STATS_PORT" '/;csv' >/dev/null; then health="answers: 127.0.0.1:8080-8083, statistics http://127.0.0.1:$LB_STATS_PORT"; else health="its statistics do not answer (see .local/haproxy.log)"; fi
    say "$(printf '%-20s' haproxy) running (pid $pid), $health"
  else
    say "$(printf '%-20s' haproxy) stopped: nothing answers on 8080-8083"
  fi
  for service in "${SERVICES[@]}"; do
    for n in "${INSTANCES[@]}"; do
      name="$service-$n" port=$(instance_port "$service" "$n")
      if pid=$(running_pid "$name" "$(marker "$name")"); then
        if health_up "$port"; then health="UP at http://127.0.0.1:$port"; else health="not UP (see .local/$name.log)"; fi
        say "$(printf '%-20s' "$name") running (pid $pid), $health, load balancer: $(lb_status "$service" "$name" || echo "?")"
      else
        say "$(printf '%-20s' "$name") stopped, load balancer: $(lb_status "$service" "$name" || echo "?")"
      fi
    done
  done
}

# Keycloak's line of the status, its name padded to WIDTH.
cmd_status_keycloak() {
  local pid label
  label=$(printf "%-$1s" Keycloak)
  if pid=$(running_pid keycloak "$KEYCLOAK_MARKER"); then
    if keycloak_serves groundbreak; then
      say "$label running (pid $pid), serves $KEYCLOAK_ISSUER"
    else
      say "$label running (pid $pid), realm groundbreak not served yet (see .local/keycloak.log)"
    fi
  else
    say "$label stopped"
  fi
}

# PostgreSQL's line of the status, its name padded to WIDTH.
cmd_status_postgres() {
  local pid label
  label=$(printf "%-$1s" PostgreSQL)
  if pid=$(running_pid postgres "$POSTGRES_MARKER"); then
    say "$label embedded, running (pid $pid) on $DB_HOST:$DB_PORT"
  elif port_open "$DB_HOST" "$DB_PORT"; then
    say "$label a server answers on $DB_HOST:$DB_PORT (not started by local.sh)"
  else
    say "$label nothing answers on $DB_HOST:$DB_PORT"
  fi
}

cmd_status() {
  local pid name
  if [[ -f "$STATE/stack" || -n "$(running_names "${CLUSTER_NAMES[@]}")" ]]; then
    cmd_status_cluster
    return
  fi
  if pid=$(running_pid kafka "$KAFKA_MARKER"); then
    say "Kafka              running (pid $pid) on $KAFKA_HOST:$KAFKA_PORT"
  else
    say "Kafka              stopped"
  fi
  cmd_status_postgres 18
  cmd_status_keycloak 18
  for name in "${SERVICES[@]}"; do
    if pid=$(running_pid "$name" "$(service_marker "$name")"); then
      if health_up "${SERVICE_PORT[$name]}"; then
        say "$(printf '%-18s' "$name") running (pid $pid), UP at http://127.0.0.1:${SERVICE_PORT[$name]}"
      else
        say "$(printf '%-18s' "$name") running (pid $pid), not UP yet (see .local/$name.log)"
      fi
    else
      say "$(printf '%-18s' "$name") stopped"
    fi
  done
}

known_name() {
  local name
  for name in "${CLUSTER_NAMES[@]}" "${SINGLE_NAMES[@]}" postgres keycloak; do
    [[ "$1" == "$name" ]] && return 0
  done
  return 1
}

require_name() {
  if [[ -z "${1:-}" ]] || ! known_name "$1"; then
    fail "name one process: ${CLUSTER_NAMES[*]} postgres keycloak (a single stack's: ${SINGLE_NAMES[*]})"
  fi
}

cmd_stop() {
  require_name "${1:-}"
  running_pid "$1" "$(marker "$1")" >/dev/null || { say "$1 does not run"; return; }
  stop_processes "$1"
  say "$1 stopped"
}

# Starts one process from the jars already built (a rebuild first puts a new version in, one at a time) and
# waits until it is healthy; a cluster's instance then gets requests once HAProxy has seen it UP twice.
cmd_start() {
  require_name "${1:-}"
  local name=$1
  mkdir -p "$STATE"
  trap_what_still_runs
  case "$name" in
    postgres) start_postgres ;;
    keycloak) launch_keycloak; await_keycloak ;;
    kafka) refuse_mixing single "start kafka"; start_kafka ;;
    kafka-[0-9])
      refuse_mixing cluster "start $name"
      echo cluster >"$STATE/stack"
      launch_cluster_broker "${name#kafka-}"
      await_broker "$name" "$name" ;;
    haproxy)
      refuse_mixing cluster "start haproxy"
      ensure_haproxy
      echo cluster >"$STATE/stack"
      start_haproxy ;;
    *-[0-9])
      refuse_mixing cluster "start $name"
      echo cluster >"$STATE/stack"
      launch_instance "${name%-*}" "${name##*-}"
      await_instance "${name%-*}" "${name##*-}" ;;
    *)
      refuse_mixing single "start $name"
      start_service "$name"
      await_service "$name" ;;
  esac
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) cmd_down ;;
  status) cmd_status ;;
  stop) shift; cmd_stop "$@" ;;
  start) shift; cmd_start "$@" ;;
  demo) shift; cmd_demo "$@" ;;
  faults) shift; cmd_faults "$@" ;;
  *) say "usage: infra/local.sh up [--cluster] [--no-build] | down | status | stop NAME | start NAME | demo [--if-empty] [--threads=N] [--dry-run] | faults [--cluster] [--quick] [--only NAME…] [--no-build]" >&2; exit 2 ;;
esac
