#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests and benchmarks.
#
#   eval "$(.ci/postgres.sh start)"   # exports DATABASE_URL, PG_TMP, PG_PORT, PG_VERSION
#   npm run test:db
#   .ci/postgres.sh stop              # stops the cluster in $PG_TMP and deletes it
#   .ci/postgres.sh halt | resume     # stops / restarts its server, keeping the data (outage tests)
#
# The cluster lives in a fresh /tmp directory, listens on 127.0.0.1 only (free port), trusts every
# loopback connection and runs with fsync off: it is for tests, never for data you want to keep.
# `start` prints only shell `export` lines on stdout; progress goes to stderr.
# Environment: PG_BIN (PostgreSQL bin dir), PG_PORT (port to use), PG_OS_USER (system user that
# runs the server when invoked as root; default postgres, else gongkai-ci is created).
set -Eeuo pipefail

readonly MARKER=".gongkai-ci-postgres"
readonly APP_ROLE="gongkai"
readonly APP_DB="gongkai_test"

log() { echo "postgres.sh: $*" >&2; }
die() {
  log "$*"
  exit 1
}

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    echo "$PG_BIN"
  elif [[ -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then
    echo /usr/lib/postgresql/15/bin
  elif command -v pg_config >/dev/null && [[ -x "$(pg_config --bindir)/pg_ctl" ]]; then
    pg_config --bindir
  else
    local newest
    newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [[ -n "$newest" ]] || die "no PostgreSQL binaries found (set PG_BIN)"
    echo "$newest"
  fi
}

# The server refuses to run as root: pick (or create) an unprivileged system user.
server_user() {
  if [[ $(id -u) -ne 0 ]]; then
    id -un
  elif [[ -n "${PG_OS_USER:-}" ]]; then
    id "$PG_OS_USER" >/dev/null 2>&1 || die "PG_OS_USER=$PG_OS_USER does not exist"
    echo "$PG_OS_USER"
  elif id postgres >/dev/null 2>&1; then
    echo postgres
  else
    id gongkai-ci >/dev/null 2>&1 ||
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin gongkai-ci
    echo gongkai-ci
  fi
}

# Runs a command as the server user, from a directory that user can read.
as_user() {
  local user=$1
  shift
  if [[ $(id -u) -ne 0 ]]; then
    (cd / && "$@")
  else
    (cd / && runuser -u "$user" -- "$@")
  fi
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if port_is_free "$port"; then
      echo "$port"
      return 0
    fi
  done
  die "no free port found"
}

cmd_start() {
  local bin version user tmp port attempt
  bin=$(find_bin)
  [[ -x "$bin/initdb" && -x "$bin/pg_ctl" && -x "$bin/psql" ]] || die "no PostgreSQL binaries in $bin"
  version=$("$bin/postgres" --version | awk '{print $3}')
  user=$(server_user)
  # Short path under /tmp: the socket path must stay under 107 bytes and be reachable by $user.
  tmp=$(mktemp -d /tmp/gongkai-pg.XXXXXX)
  touch "$tmp/$MARKER"
  chown -R "$user" "$tmp"
  # If anything below fails, leave nothing behind.
  trap 'cleanup_failed_start "$tmp" "$bin" "$user"' ERR

  log "initdb in $tmp/data (PostgreSQL $version from $bin, run as $user)"
  as_user "$user" "$bin/initdb" -D "$tmp/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C --no-sync >"$tmp/initdb.log" 2>&1 ||
    {
      cat "$tmp/initdb.log" >&2
      false
    }

  for attempt in 1 2 3 4 5; do
    port=${PG_PORT:-$(pick_port)}
    if as_user "$user" "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
      break
    fi
    tail -n 20 "$tmp/server.log" >&2 || true
    [[ -z "${PG_PORT:-}" && $attempt -lt 5 ]] || false
    log "start on port $port failed; trying another port"
  done

  for _ in $(seq 1 60); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
  done
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"

  "$bin/psql" -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE $APP_ROLE LOGIN CREATEDB" \
    -c "CREATE DATABASE $APP_DB OWNER $APP_ROLE" >&2

  echo "$port" >"$tmp/port"
  trap - ERR
  log "ready on 127.0.0.1:$port"
  echo "export DATABASE_URL=postgres://$APP_ROLE@127.0.0.1:$port/$APP_DB"
  echo "export PG_TMP=$tmp"
  echo "export PG_PORT=$port"
  echo "export PG_VERSION=$version"
}

cleanup_failed_start() {
  local tmp=$1 bin=$2 user=$3
  log "start failed; removing $tmp"
  if [[ -f "$tmp/data/postmaster.pid" ]]; then
    as_user "$user" "$bin/pg_ctl" -D "$tmp/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf -- "$tmp"
}

cmd_stop() {
  local tmp=${1:-${PG_TMP:-}} bin user pid
  if [[ -z "$tmp" || ! -d "$tmp" ]]; then
    log "nothing to stop"
    return 0
  fi
  [[ -f "$tmp/$MARKER" ]] || die "$tmp is not a cluster made by postgres.sh; not touching it"
  bin=$(find_bin)
  if [[ -f "$tmp/data/postmaster.pid" ]]; then
    user=$(stat -c %U "$tmp/data")
    if ! as_user "$user" "$bin/pg_ctl" -D "$tmp/data" -m fast -w -t 30 stop >/dev/null; then
      pid=$(head -n 1 "$tmp/data/postmaster.pid" 2>/dev/null || true)
      if [[ "$pid" =~ ^[0-9]+$ ]]; then
        log "pg_ctl stop failed; sending SIGQUIT to postmaster $pid"
        kill -QUIT "$pid" 2>/dev/null || true
        sleep 2
      fi
    fi
  fi
  rm -rf -- "$tmp"
  log "stopped and removed $tmp"
}

# Stops the server of a running cluster but keeps its data (an outage, for recovery tests).
cmd_halt() {
  local tmp=${1:-${PG_TMP:-}} bin user
  [[ -f "$tmp/$MARKER" ]] || die "$tmp is not a cluster made by postgres.sh"
  bin=$(find_bin)
  user=$(stat -c %U "$tmp/data")
  as_user "$user" "$bin/pg_ctl" -D "$tmp/data" -m fast -w -t 30 stop >/dev/null
  log "halted the server of $tmp"
}

# Starts a halted cluster again on the same port.
cmd_resume() {
  local tmp=${1:-${PG_TMP:-}} bin user port
  [[ -f "$tmp/$MARKER" ]] || die "$tmp is not a cluster made by postgres.sh"
  bin=$(find_bin)
  user=$(stat -c %U "$tmp/data")
  port=$(cat "$tmp/port")
  as_user "$user" "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  log "resumed $tmp on 127.0.0.1:$port"
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop "${2:-}" ;;
halt) cmd_halt "${2:-}" ;;
resume) cmd_resume "${2:-}" ;;
*)
  echo "usage: $0 start | stop [PG_TMP] | halt [PG_TMP] | resume [PG_TMP]" >&2
  exit 2
  ;;
esac
