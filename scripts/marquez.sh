#!/usr/bin/env bash
# Run a real Marquez on this machine, without Docker. Idempotent.
#   scripts/marquez.sh up      -> fetch marquez-api (the newest Maven Central publishes, 0.50.0 or later;
#                                 MARQUEZ_VERSION=0.50.0 pins one) from Maven Central, give it its own
#                                 PostgreSQL role and database, start it with Java 17, wait until it
#                                 answers, print its URL (http://127.0.0.1:5000) on stdout
#   scripts/marquez.sh down    -> stop the Marquez this script started
#   scripts/marquez.sh status  -> print the URL if it answers, exit 1 otherwise
# Everything it downloads or writes lives under .marquez/ (override with MARQUEZ_HOME).
# MARQUEZ_JAR=/path/marquez-api-<v>.jar runs any other build (0.51.1 built from source, a mirror's jar)
# and skips the Maven download. It must be the shaded (all-in-one) jar Marquez's build produces.
# With Docker, Marquez's own compose file is the alternative (see openlineage_ext/README.md):
#   git clone --depth 1 https://github.com/MarquezProject/marquez && cd marquez && ./docker/up.sh --detach
#   export MARQUEZ_URL=http://localhost:5000
# Logs and progress go to stderr, so `MARQUEZ_URL="$(scripts/marquez.sh up)"` works.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOME_DIR="${MARQUEZ_HOME:-$ROOT/.marquez}"
# A Maven version or range. Maven Central lists marquez-api up to 0.50.0; the open range takes the newest it has.
VERSION_RANGE="${MARQUEZ_VERSION:-[0.50.0,)}"
PORT="${MARQUEZ_PORT:-5000}"
ADMIN_PORT="${MARQUEZ_ADMIN_PORT:-5001}"
DB_ROLE="${MARQUEZ_DB_ROLE:-marquez}"
DB_PASS="${MARQUEZ_DB_PASSWORD:-marquez}"
DB_NAME="${MARQUEZ_DB_NAME:-marquez}"
START_TIMEOUT="${MARQUEZ_START_TIMEOUT:-240}"
URL="http://127.0.0.1:$PORT"
PIDFILE="$HOME_DIR/marquez.pid"
LOG="$HOME_DIR/marquez.log"

log() { echo "[marquez] $*" >&2; }

answers() {
  # The admin healthcheck is the ready signal; the namespaces call proves the API and its database work.
  curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$ADMIN_PORT/healthcheck" 2>/dev/null \
    && curl -fsS -o /dev/null --max-time 5 "$URL/api/v1/namespaces" 2>/dev/null
}

running_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid; pid="$(cat "$PIDFILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

fetch() {
  if [ -n "${MARQUEZ_JAR:-}" ]; then   # a marquez-api jar obtained some other way (a build, a mirror)
    [ -f "$MARQUEZ_JAR" ] || { log "MARQUEZ_JAR=$MARQUEZ_JAR does not exist"; exit 1; }
    return 0
  fi
  if ls "$HOME_DIR"/lib/marquez-api-*.jar >/dev/null 2>&1; then return 0; fi
  command -v mvn >/dev/null || { log "Maven (mvn) is needed to fetch Marquez: apt-get install -y maven"; exit 1; }
  log "fetching io.github.marquezproject:marquez-api $VERSION_RANGE from Maven Central (once; cached in $HOME_DIR)"
  mkdir -p "$HOME_DIR/fetch" "$HOME_DIR/lib.tmp"
  # A throwaway POM whose only job is to let Maven resolve the jar and its runtime dependencies.
  cat >"$HOME_DIR/fetch/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.maskline</groupId>
  <artifactId>marquez-fetch</artifactId>
  <version>0</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>io.github.marquezproject</groupId>
      <artifactId>marquez-api</artifactId>
      <version>$VERSION_RANGE</version>
    </dependency>
  </dependencies>
</project>
EOF
  rm -rf "$HOME_DIR/lib.tmp"/*
  if ! mvn -B -q -U -f "$HOME_DIR/fetch/pom.xml" -Dmaven.repo.local="$HOME_DIR/m2" \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$HOME_DIR/lib.tmp" >&2; then
    log "Maven could not resolve io.github.marquezproject:marquez-api $VERSION_RANGE from the repositories"
    log "this machine reaches. Fix: point MARQUEZ_JAR at a marquez-api jar, set MARQUEZ_URL to a running"
    log "Marquez, or use the docker-compose route in openlineage_ext/README.md"
    exit 1
  fi
  ls "$HOME_DIR"/lib.tmp/marquez-api-*.jar >/dev/null 2>&1 || { log "Maven did not produce marquez-api"; exit 1; }
  rm -rf "$HOME_DIR/lib" && mv "$HOME_DIR/lib.tmp" "$HOME_DIR/lib"
  log "fetched $(basename "$(ls "$HOME_DIR"/lib/marquez-api-*.jar)")"
}

admin_dsn() {
  if [ -n "${MASKLINE_PG_DSN:-}" ]; then echo "$MASKLINE_PG_DSN"; else "$ROOT/scripts/postgres.sh" up; fi
}

database() {
  local dsn; dsn="$(admin_dsn)"
  command -v psql >/dev/null || { log "psql not found (scripts/postgres.sh installs it)"; exit 1; }
  # PostgreSQL 15 revoked CREATE on schema public from other roles: Marquez's migrations need to own the database.
  if ! psql "$dsn" -qtAc "select 1 from pg_roles where rolname='$DB_ROLE'" | grep -q 1; then
    psql "$dsn" -qc "create role $DB_ROLE login password '$DB_PASS'" >&2
  fi
  if ! psql "$dsn" -qtAc "select 1 from pg_database where datname='$DB_NAME'" | grep -q 1; then
    psql "$dsn" -qc "create database $DB_NAME owner $DB_ROLE" >&2
  fi
  # Host and port of the admin DSN: postgresql://user:pass@HOST:PORT/db
  local hostport="${dsn#*@}"; hostport="${hostport%%/*}"
  PG_HOST="${hostport%%:*}"; PG_PORT="${hostport##*:}"
  [ "$PG_PORT" = "$hostport" ] && PG_PORT=5432
  return 0
}

config() {
  cat >"$HOME_DIR/marquez.yml" <<EOF
# Written by scripts/marquez.sh; edit the script, not this file.
server:
  applicationConnectors:
    - type: http
      port: $PORT
      bindHost: 127.0.0.1
      httpCompliance: RFC7230_LEGACY
  adminConnectors:
    - type: http
      port: $ADMIN_PORT
      bindHost: 127.0.0.1

db:
  driverClass: org.postgresql.Driver
  url: jdbc:postgresql://$PG_HOST:$PG_PORT/$DB_NAME
  user: $DB_ROLE
  password: $DB_PASS

migrateOnStartup: true

graphql:
  enabled: false

logging:
  level: INFO
  appenders:
    - type: console

search:
  enabled: false

tags:
  - name: PII
    description: Personally identifiable information
  - name: SENSITIVE
    description: Contains sensitive information
EOF
}

up() {
  mkdir -p "$HOME_DIR"
  if answers; then echo "$URL"; return 0; fi
  fetch
  database
  config
  if ! running_pid >/dev/null; then
    command -v java >/dev/null || { log "Java 17+ is needed: apt-get install -y openjdk-17-jre-headless"; exit 1; }
    local jar
    if [ -n "${MARQUEZ_JAR:-}" ]; then jar="$MARQUEZ_JAR"; else jar="$(ls "$HOME_DIR"/lib/marquez-api-*.jar | head -1)"; fi
    local cmd listing
    # The published jar is shaded (all dependencies inside); if a version ever ships a thin jar, use the classpath.
    # The listing is captured first: under pipefail, `unzip -l | grep -q` fails whenever grep stops reading
    # early (unzip then dies of SIGPIPE), which sent every shaded jar down the classpath route.
    listing="$(unzip -l "$jar" 2>/dev/null || true)"
    if grep -q "io/dropwizard/core/Application.class\|io/dropwizard/Application.class" <<<"$listing"; then
      cmd=(java -Xmx768m -jar "$jar" server "$HOME_DIR/marquez.yml")
    else
      cmd=(java -Xmx768m -cp "$HOME_DIR/lib/*" marquez.MarquezApp server "$HOME_DIR/marquez.yml")
    fi
    log "starting $(basename "$jar") on $URL (log: $LOG)"
    (cd "$HOME_DIR" && exec setsid "${cmd[@]}" >"$LOG" 2>&1 </dev/null) &
    echo $! >"$PIDFILE"
  fi
  local waited=0
  until answers; do
    if ! running_pid >/dev/null; then
      log "Marquez exited while starting; last log lines:"; tail -n 30 "$LOG" >&2 || true; exit 1
    fi
    if [ "$waited" -ge "$START_TIMEOUT" ]; then log "no answer after ${START_TIMEOUT}s; see $LOG"; exit 1; fi
    sleep 2; waited=$((waited + 2))
  done
  log "ready after ${waited}s"
  echo "$URL"
}

down() {
  local pid
  if pid="$(running_pid)"; then
    log "stopping pid $pid"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDFILE"
}

status() { if answers; then echo "$URL"; else exit 1; fi; }

case "${1:-up}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
