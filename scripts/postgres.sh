#!/usr/bin/env bash
# Ensure a local PostgreSQL server is installed (apt-get), running, and has the
# `maskline` test role; print its admin DSN on stdout. Idempotent.
#   scripts/postgres.sh up     -> prints postgresql://maskline:maskline@127.0.0.1:PORT/postgres
#   scripts/postgres.sh down
set -euo pipefail
ROLE=maskline
PASS=maskline
log() { echo "[postgres] $*" >&2; }
as_postgres() { if command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi; }

install() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    log "installing PostgreSQL with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2 || true   # policy-rc.d may deny the service start; that is fine
  fi
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { log "PostgreSQL could not be installed"; exit 1; }
}

cluster() { pg_lsclusters --no-header | awk 'NR==1{print $1, $2, $3, $4}'; }

up() {
  install
  if [ -z "$(pg_lsclusters --no-header 2>/dev/null)" ]; then
    ver=$(ls /usr/lib/postgresql | sort -V | tail -1)
    log "creating cluster $ver/main"
    pg_createcluster "$ver" main >&2
  fi
  read -r ver name port status < <(cluster)
  if [ "$status" != "online" ]; then
    log "starting cluster $ver/$name on port $port"
    pg_ctlcluster "$ver" "$name" start >&2
  fi
  for _ in $(seq 1 30); do as_postgres psql -p "$port" -qtAc "select 1" >/dev/null 2>&1 && break; sleep 1; done
  as_postgres psql -p "$port" -qtAc "select 1 from pg_roles where rolname='$ROLE'" | grep -q 1 \
    || as_postgres psql -p "$port" -qc "create role $ROLE login superuser password '$PASS'" >&2
  echo "postgresql://$ROLE:$PASS@127.0.0.1:$port/postgres"
}

down() {
  read -r ver name port status < <(cluster) || exit 0
  [ "$status" = "online" ] && pg_ctlcluster "$ver" "$name" stop >&2 || true
}

"${1:-up}"
