#!/usr/bin/env bash
# Ensure a local Trino server is running on loopback for the tests and benchmarks; print its URL on stdout.
# Idempotent: a second `up` finds the running server and prints the same URL.
#   scripts/trino.sh up     -> prints http://127.0.0.1:PORT
#   scripts/trino.sh down
#   scripts/trino.sh dir    -> prints the run directory of the server on PORT (config, pid file, logs)
#
# The server comes from Maven (io.trino:trino-server:476:tar.gz, cached in ~/.m2) and is unpacked once into
# a cache directory outside the repository, keeping only the plugins the catalogs below use (which also keeps
# start-up short). Trino 476 needs Java 25; it runs with its own JAVA_HOME, the rest of the suite keeps Java 17.
# Catalogs (Trino's catalogs are static, so they are fixed here and tests use unique schemas inside them):
#   memory    the memory connector (small tables the tests create)
#   postgres  the local PostgreSQL of scripts/postgres.sh, database maskline_trino (created if missing)
#   tpch      a row generator for the scale benchmark (no storage, no memory)
#   iceberg   Iceberg tables: a JDBC catalog in that PostgreSQL database (tables iceberg_tables and
#             iceberg_namespace_properties, catalog name maskline_PORT) and files under $CACHE/run/PORT/warehouse
#   hive      Hive tables with no Hadoop: the file metastore (JSON files) and the data files both on the local
#             disk under $CACHE/run/PORT/hive; registering partitions by procedure and writing external tables are
#             allowed, as a permissive deployment would allow them (tests/rewrite/test_trino_hive_red_team.py)
set -euo pipefail
VERSION=476
PORT=${MASKLINE_TRINO_PORT:-18476}
HEAP=${MASKLINE_TRINO_HEAP:-1536M}
JAVA_HOME=${MASKLINE_TRINO_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
CACHE=${MASKLINE_TRINO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/maskline/trino-$VERSION}
PG_DATABASE=maskline_trino
# The plugins kept from the archive; an existing cache with another set is unpacked again (see install).
PLUGINS="geospatial hive iceberg memory postgresql tpch"
HERE=$(cd "$(dirname "$0")" && pwd)
SERVER=$CACHE/server
# etc/ and the data directory (logs, pid file) of the server on PORT. Each port has its own: with one run
# directory for the cache, a second server (another MASKLINE_TRINO_PORT) rewrote the first's config and, finding
# its pid file alive, was taken for running while its URL answered nothing.
RUN=$CACHE/run/$PORT
URL="http://127.0.0.1:$PORT"
log() { echo "[trino] $*" >&2; }

tarball() {
  local path=${MAVEN_REPO:-$HOME/.m2/repository}/io/trino/trino-server/$VERSION/trino-server-$VERSION.tar.gz
  if [ ! -s "$path" ]; then
    log "downloading io.trino:trino-server:$VERSION:tar.gz with Maven (about 820 MB, once)"
    mvn -q -B dependency:get -Dtransitive=false -Dartifact=io.trino:trino-server:$VERSION:tar.gz >&2
  fi
  [ -s "$path" ] || { log "Maven did not deliver $path"; exit 1; }
  echo "$path"
}

installed_plugins() { ls -1 "$SERVER/plugin" 2>/dev/null | sort | tr '\n' ' ' | sed 's/ $//'; }

install() {
  # The plugin directories themselves say what a cache holds, so a cache unpacked by an older version of this
  # script (without iceberg) is noticed and unpacked again rather than failing at start-up on a missing plugin.
  [ -x "$SERVER/bin/launcher" ] && [ "$(installed_plugins)" = "$PLUGINS" ] && return 0
  local tgz tmp keep p
  tgz=$(tarball)
  tmp=$CACHE/unpack.$$
  rm -rf "$tmp" && mkdir -p "$tmp"
  log "unpacking $tgz into $SERVER (plugins: $PLUGINS)"
  # The archive hard-links jars shared between plugins, so it is unpacked whole and the unused plugins removed.
  tar -xzf "$tgz" -C "$tmp"
  keep=()
  for p in $PLUGINS; do keep+=(! -name "$p"); done
  find "$tmp/trino-server-$VERSION/plugin" -mindepth 1 -maxdepth 1 -type d "${keep[@]}" -exec rm -rf {} +
  rm -rf "$SERVER" && mv "$tmp/trino-server-$VERSION" "$SERVER" && rm -rf "$tmp"
}

pg_database() {
  # The postgres catalog points at one fixed database, because catalogs cannot change while Trino runs.
  local dsn admin
  dsn=$("$HERE/postgres.sh" up)
  admin=${dsn%/*}/postgres
  psql "$admin" -qtAc "select 1 from pg_database where datname='$PG_DATABASE'" | grep -q 1 \
    || psql "$admin" -qc "create database $PG_DATABASE" >&2
  # user:pass@host:port of the admin DSN, for the JDBC catalog
  local rest=${dsn#postgresql://}
  PG_USER=${rest%%:*}; rest=${rest#*:}
  PG_PASS=${rest%%@*}; rest=${rest#*@}
  PG_HOSTPORT=${rest%%/*}
  # Trino's Iceberg JDBC catalog does not create its own tables (the DDL is Iceberg's JdbcUtil, schema V1).
  psql "${dsn%/*}/$PG_DATABASE" -qc "SET client_min_messages = warning;
    CREATE TABLE IF NOT EXISTS iceberg_namespace_properties (catalog_name varchar(255) NOT NULL,
      namespace varchar(255) NOT NULL, property_key varchar(255), property_value varchar(1000),
      PRIMARY KEY (catalog_name, namespace, property_key));
    CREATE TABLE IF NOT EXISTS iceberg_tables (catalog_name varchar(255) NOT NULL,
      table_namespace varchar(255) NOT NULL, table_name varchar(255) NOT NULL, metadata_location varchar(1000),
      previous_metadata_location varchar(1000), iceberg_type varchar(5),
      PRIMARY KEY (catalog_name, table_namespace, table_name));" >&2
}

configure() {
  mkdir -p "$RUN/etc/catalog" "$RUN/data"
  cat >"$RUN/etc/node.properties" <<EOF
node.environment=maskline_test
node.id=maskline-test-node
node.data-dir=$RUN/data
node.internal-address=127.0.0.1
node.bind-ip=127.0.0.1
EOF
  # A small heap: these machines have 2 cores and are shared by the whole suite.
  cat >"$RUN/etc/jvm.config" <<EOF
-server
-Xmx$HEAP
-XX:+UseG1GC
-XX:G1HeapRegionSize=32M
-XX:+ExplicitGCInvokesConcurrent
-XX:+ExitOnOutOfMemoryError
-XX:-OmitStackTraceInFastThrow
-XX:ReservedCodeCacheSize=256M
-XX:PerMethodRecompilationCutoff=10000
-XX:PerBytecodeRecompilationCutoff=10000
-Djdk.attach.allowAttachSelf=true
-Djdk.nio.maxCachedBufferSize=2000000
-Dfile.encoding=UTF-8
-XX:+EnableDynamicAgentLoading
EOF
  cat >"$RUN/etc/config.properties" <<EOF
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$PORT
discovery.uri=$URL
query.max-memory=768MB
query.max-memory-per-node=768MB
task.concurrency=2
EOF
  echo "io.trino=WARN" >"$RUN/etc/log.properties"
  printf 'connector.name=memory\nmemory.max-data-per-node=512MB\n' >"$RUN/etc/catalog/memory.properties"
  printf 'connector.name=tpch\n' >"$RUN/etc/catalog/tpch.properties"
  cat >"$RUN/etc/catalog/postgres.properties" <<EOF
connector.name=postgresql
connection-url=jdbc:postgresql://$PG_HOSTPORT/$PG_DATABASE
connection-user=$PG_USER
connection-password=$PG_PASS
EOF
  # Iceberg keeps its table pointers in PostgreSQL (in the two tables pg_database creates) and its
  # metadata and data files on the local disk, so no metastore or object store has to run beside Trino. The
  # pointer tables are shared by every server, so each (port) keeps its tables under a catalog name of its own.
  mkdir -p "$RUN/warehouse"
  cat >"$RUN/etc/catalog/iceberg.properties" <<EOF
connector.name=iceberg
iceberg.catalog.type=jdbc
iceberg.jdbc-catalog.catalog-name=maskline_$PORT
iceberg.jdbc-catalog.driver-class=org.postgresql.Driver
iceberg.jdbc-catalog.connection-url=jdbc:postgresql://$PG_HOSTPORT/$PG_DATABASE
iceberg.jdbc-catalog.connection-user=$PG_USER
iceberg.jdbc-catalog.connection-password=$PG_PASS
iceberg.jdbc-catalog.default-warehouse-dir=local:///
fs.native-local.enabled=true
local.location=$RUN/warehouse
EOF
  # Hive keeps its metastore as files (hive.metastore=file) beside its data, both on the local disk, so neither
  # a metastore service nor HDFS has to run. Paths are relative to local.location: the metastore and the
  # schemas' table directories are under $RUN/hive/catalog, external tables (which Trino will not place inside
  # the metastore's directory) under $RUN/hive/external (emptied by up before it starts a server).
  mkdir -p "$RUN/hive/external"
  cat >"$RUN/etc/catalog/hive.properties" <<EOF
connector.name=hive
hive.metastore=file
hive.metastore.catalog.dir=local:///catalog
hive.allow-register-partition-procedure=true
hive.non-managed-table-writes-enabled=true
fs.native-local.enabled=true
local.location=$RUN/hive
EOF
}

launcher() {
  JAVA_HOME=$JAVA_HOME PATH=$JAVA_HOME/bin:$PATH "$SERVER/bin/launcher" \
    --etc-dir "$RUN/etc" --data-dir "$RUN/data" "$@"
}

ready() { curl -fsS "$URL/v1/info" 2>/dev/null | grep -q '"starting":false'; }

up() {
  if ready; then echo "$URL"; return 0; fi
  [ -x "$JAVA_HOME/bin/java" ] || { log "Java 25 not found at $JAVA_HOME (set MASKLINE_TRINO_JAVA_HOME)"; exit 1; }
  install
  pg_database
  configure
  if ! launcher status >/dev/null 2>&1; then
    # Dropping a Hive external table keeps its files: the tests' are removed here, while no server can read them.
    rm -rf "${RUN:?}/hive/external" && mkdir -p "$RUN/hive/external"
    log "starting Trino $VERSION on $URL (heap $HEAP)"
    launcher start >&2
  fi
  for _ in $(seq 1 180); do
    if ready; then echo "$URL"; return 0; fi
    launcher status >/dev/null 2>&1 || break
    sleep 1
  done
  log "Trino did not become ready; its log: $RUN/data/var/log/server.log"
  tail -n 40 "$RUN/data/var/log/server.log" >&2 2>/dev/null || true
  exit 1
}

down() {
  [ -x "$SERVER/bin/launcher" ] || exit 0
  launcher stop >&2 2>/dev/null || true
  # A server started by the earlier layout (one $CACHE/run for every port) is stopped too when it serves PORT.
  if grep -qx "http-server.http.port=$PORT" "$CACHE/run/etc/config.properties" 2>/dev/null; then
    RUN=$CACHE/run launcher stop >&2 2>/dev/null || true
  fi
}

# The run directory of the server on PORT (its config, pid file and log under data/var/log).
dir() { echo "$RUN"; }

"${1:-up}"
