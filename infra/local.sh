#!/usr/bin/env bash
# Groundbreak's local stack: a real Kafka broker (KRaft, from Maven jars), PostgreSQL, the three services and
# the web app.
#
#   infra/local.sh up [--no-build]   build, then start what does not run yet; wait until all is healthy;
#                                    then load the demo data when the ledger is empty
#   infra/local.sh down              stop what `up` started (by pid): services, then the broker, then PostgreSQL
#   infra/local.sh status            say what runs
#   infra/local.sh demo [options]    post the demo data (the plan's projects, infra/demo-data) through
#                                    milestone-service's API as the district offices; --help lists options
#   infra/local.sh faults [--quick] [--only NAME…] [--no-build]
#                                    the fault-injection suite (infra/faults) on a fresh stack of its own
#
# State (pids, logs, broker data, embedded PostgreSQL data) lives in .local/ at the repository root
# (git-ignored). Environment: GROUNDBREAK_DB_HOST / _PORT / _USER / _PASSWORD (default 127.0.0.1 / 5432 /
# postgres / empty) name the PostgreSQL server; JAVA_HOME picks the JDK; GROUNDBREAK_JAVA_OPTS is added to
# each service's JVM. See infra/README.md.
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
DATABASES=(groundbreak_milestones groundbreak_funnel groundbreak_audit groundbreak_web)
SERVICES=(milestone-service funnel-service audit-service web)
declare -A SERVICE_PORT=([milestone-service]=8081 [funnel-service]=8082 [audit-service]=8083 [web]=8080)

BROKER_TIMEOUT=90     # seconds; ~3 s on an idle 2-core machine
POSTGRES_TIMEOUT=180  # the first start unpacks the binaries and runs initdb
HEALTH_TIMEOUT=240    # four Spring Boot contexts (three with Axon or Kafka) starting at once on 2 cores

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

# Stops the process of NAME (SIGTERM, then SIGKILL after 30 s) if it is ours and alive; drops the pid file.
stop_process() {
  local name=$1 marker=$2 pid
  if pid=$(running_pid "$name" "$marker"); then
    say "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$pid" 2>/dev/null; do
      if (( waited >= 300 )); then
        say "$name did not stop within 30 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
  fi
  rm -f "$STATE/$name.pid"
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
      exit 1
    fi
    sleep 0.5
  done
}

# --- the pieces ------------------------------------------------------------------------------------

KAFKA_MARKER="io.groundbreak.kafka.ChildBroker"
POSTGRES_MARKER="io.groundbreak.localpg.LocalPostgres"
service_marker() { printf '%s' "$STATE/run/$1.jar"; }

build() {
  say "building (mvn -DskipTests install)…"
  local mvn=mvn
  [[ -x "$ROOT/mvnw" ]] && mvn="$ROOT/mvnw"
  (cd "$ROOT" && "$mvn" -q -DskipTests install) || fail "the build failed"
}

start_kafka() {
  local pid
  if pid=$(running_pid kafka "$KAFKA_MARKER"); then
    say "Kafka already runs (pid $pid)"
    return
  fi
  port_open "$KAFKA_HOST" "$KAFKA_PORT" && fail "something that local.sh did not start listens on $KAFKA_HOST:$KAFKA_PORT"
  local jar="$ROOT/infra/kafka-broker/target/kafka-broker-$VERSION.jar"
  [[ -f "$jar" ]] || fail "$jar is missing; build first (infra/local.sh up, without --no-build)"
  mkdir -p "$STATE/kafka/lib"
  # Run from a copy: a later build must not replace the jar under a running JVM.
  cp "$jar" "$STATE/kafka/lib/kafka-broker.jar"
  local launcher=("$JAVA" -cp "$STATE/kafka/lib/kafka-broker.jar" io.groundbreak.kafka.BrokerFiles)
  "${launcher[@]}" configure "$STATE/kafka" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
  local command
  mapfile -t command < <("${launcher[@]}" command "$STATE/kafka")
  (( ${#command[@]} > 0 )) || fail "could not build the broker's command line"
  # The broker formats its storage (.local/kafka/data) on its first start only; the data survives restarts.
  rotate_log "$STATE/kafka.log"
  nohup "${command[@]}" >>"$STATE/kafka.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$STATE/kafka.pid"
  say "starting Kafka on $KAFKA_HOST:$KAFKA_PORT (pid $pid, log .local/kafka.log)"
  await "Kafka" "$BROKER_TIMEOUT" "$pid" "$STATE/kafka.log" grep -q "Kafka Server started" "$STATE/kafka.log"
  say "Kafka is up"
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

start_service() {
  local name=$1 port=${SERVICE_PORT[$1]} pid
  if pid=$(running_pid "$name" "$(service_marker "$name")"); then
    say "$name already runs (pid $pid)"
    return
  fi
  port_open 127.0.0.1 "$port" && fail "something that local.sh did not start listens on 127.0.0.1:$port ($name's port)"
  local jar="$ROOT/services/$name/target/$name-$VERSION-exec.jar"
  [[ -f "$jar" ]] || fail "$jar is missing: the build did not produce it"
  mkdir -p "$STATE/run"
  cp "$jar" "$STATE/run/$name.jar"
  rotate_log "$STATE/$name.log"
  # shellcheck disable=SC2086 # GROUNDBREAK_JAVA_OPTS holds several options on purpose
  SPRING_PROFILES_ACTIVE=local \
    GROUNDBREAK_KAFKA_BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT" \
    GROUNDBREAK_DB_HOST="$DB_HOST" GROUNDBREAK_DB_PORT="$DB_PORT" \
    GROUNDBREAK_DB_USER="$DB_USER" GROUNDBREAK_DB_PASSWORD="$DB_PASSWORD" \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    nohup "$JAVA" ${GROUNDBREAK_JAVA_OPTS:-} -Daxoniq.update-checker.disabled=true \
    -jar "$STATE/run/$name.jar" >>"$STATE/$name.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$STATE/$name.pid"
  say "starting $name on port $port (pid $pid, log .local/$name.log)"
}

health_up() {
  local body
  if command -v curl >/dev/null; then
    body=$(curl -fsS --max-time 2 "http://127.0.0.1:$1/actuator/health" 2>/dev/null) || return 1
  else
    body=$(exec 3<>"/dev/tcp/127.0.0.1/$1" &&
      printf 'GET /actuator/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && cat <&3) 2>/dev/null || return 1
  fi
  [[ "$body" == *'"status":"UP"'* ]]
}

await_service() {
  local name=$1 pid
  pid=$(<"$STATE/$name.pid")
  await "$name" "$HEALTH_TIMEOUT" "$pid" "$STATE/$name.log" health_up "${SERVICE_PORT[$name]}"
  say "$name is UP"
}

all_running() {
  running_pid kafka "$KAFKA_MARKER" >/dev/null || return 1
  local name
  for name in "${SERVICES[@]}"; do
    running_pid "$name" "$(service_marker "$name")" >/dev/null || return 1
  done
}

DEMO_JAR="$ROOT/infra/demo-data/target/demo-data-$VERSION-exec.jar"

# Posts the demo data through milestone-service's HTTP API as the district offices; a second run records
# nothing new (Idempotency-Keys). Arguments go to the loader (e.g. --if-empty, --threads=N, --dry-run).
load_demo() {
  [[ -f "$DEMO_JAR" ]] || fail "$DEMO_JAR is missing; build first (infra/local.sh up, without --no-build)"
  mkdir -p "$STATE/run"
  cp "$DEMO_JAR" "$STATE/run/demo-data.jar" # a rebuild must not replace the jar under the running JVM
  "$JAVA" -jar "$STATE/run/demo-data.jar" \
    --milestone-url="http://127.0.0.1:${SERVICE_PORT[milestone-service]}" \
    --funnel-url="http://127.0.0.1:${SERVICE_PORT[funnel-service]}" "$@" ||
    fail "loading the demo data failed (see above); the stack still runs"
}

print_usage_hints() {
  local code="DEMO-$(date +%s)" # project codes are unique: a fixed one would answer 409 the second time
  cat <<EOF

Groundbreak runs locally:
  web app            http://127.0.0.1:8080   (log in as leader / leader-dev: the funnel dashboard)
  milestone-service  http://127.0.0.1:8081   (writes: POST /api/projects …)
  funnel-service     http://127.0.0.1:8082   (GET /api/funnel …)
  audit-service      http://127.0.0.1:8083   (GET /api/audit/projects/{id}/history …)
  Kafka              $KAFKA_HOST:$KAFKA_PORT (topic groundbreak.project-events.v1)
  PostgreSQL         $DB_HOST:$DB_PORT (databases ${DATABASES[*]})

Local users (the web app's login, or HTTP Basic on the services; profile 'local' only):
  leader / leader-dev     auditor / auditor-dev     admin / admin-dev
  one per district: d{code} / d{code}-dev, e.g. d120116 / d120116-dev (滨海新区)

Try:
  curl -u d120116:d120116-dev -H 'Content-Type: application/json' http://127.0.0.1:8081/api/projects \\
       -d '{"code":"$code","name":"Demo","district":"120116","chain":"new-energy","investor":"Demo Co","plannedInvestmentCny":"1500000000.00"}'
  curl -u leader:leader-dev http://127.0.0.1:8082/api/funnel

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
  if $cluster && ! command -v haproxy >/dev/null; then
    say "installing HAProxy (apt-get install haproxy)…"
    apt-get install -y -q haproxy >/dev/null || fail "HAProxy is needed for faults --cluster: apt-get install haproxy"
  fi
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
  local build_first=true name
  case "${1:-}" in
    "") ;;
    --no-build) build_first=false ;;
    *) fail "unknown option for up: $1 (only --no-build)" ;;
  esac
  mkdir -p "$STATE"
  # whatever went wrong, say that what did start is still running and how to stop it
  trap 'rc=$?; if (( rc != 0 )) && compgen -G "$STATE/*.pid" >/dev/null; then
          say "(what started so far still runs: infra/local.sh status, infra/local.sh down)" >&2; fi' EXIT
  if all_running; then
    # Nothing to start, and a build now would only rewrite jars for nothing.
    say "everything already runs"
  else
    $build_first && build
    start_kafka
    start_postgres
    create_databases
    for name in "${SERVICES[@]}"; do
      start_service "$name"
    done
  fi
  for name in "${SERVICES[@]}"; do
    await_service "$name"
  done
  # a new user sees the plan's projects at once; a ledger that holds any project is left alone
  load_demo --if-empty
  print_usage_hints
}

cmd_demo() {
  health_up "${SERVICE_PORT[milestone-service]}" ||
    fail "milestone-service does not answer on port ${SERVICE_PORT[milestone-service]}: start the stack first (infra/local.sh up)"
  load_demo "$@"
}

cmd_down() {
  local name i
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    name=${SERVICES[$i]}
    stop_process "$name" "$(service_marker "$name")"
  done
  stop_process kafka "$KAFKA_MARKER"
  stop_process postgres "$POSTGRES_MARKER"
  rm -f "$STATE/postgres.port"
  say "stopped"
}

cmd_status() {
  local pid name
  if pid=$(running_pid kafka "$KAFKA_MARKER"); then
    say "Kafka              running (pid $pid) on $KAFKA_HOST:$KAFKA_PORT"
  else
    say "Kafka              stopped"
  fi
  if pid=$(running_pid postgres "$POSTGRES_MARKER"); then
    say "PostgreSQL         embedded, running (pid $pid) on $DB_HOST:$DB_PORT"
  elif port_open "$DB_HOST" "$DB_PORT"; then
    say "PostgreSQL         a server answers on $DB_HOST:$DB_PORT (not started by local.sh)"
  else
    say "PostgreSQL         nothing answers on $DB_HOST:$DB_PORT"
  fi
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

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) cmd_down ;;
  status) cmd_status ;;
  demo) shift; cmd_demo "$@" ;;
  faults) shift; cmd_faults "$@" ;;
  *) say "usage: infra/local.sh up [--no-build] | down | status | demo [--if-empty] [--threads=N] [--dry-run] | faults [--quick] [--only NAME…] [--no-build]" >&2; exit 2 ;;
esac
