#!/usr/bin/env bash
# The local stack: a real RabbitMQ and a real PostgreSQL from Debian's packages,
# on 127.0.0.1, data under .local/, no Docker and no systemd.
#
#   deploy/local/stack.sh up                 install what is missing, start both, load
#                                            broker definitions, apply migrations,
#                                            write .local/stack.env
#   deploy/local/stack.sh down               stop both
#   deploy/local/stack.sh status             what is running
#   deploy/local/stack.sh restart-rabbitmq   stop and start the broker (fault tests)
#   deploy/local/stack.sh restart-postgres   stop and start the database (fault tests)
#   deploy/local/stack.sh reset              down, then delete .local/ data
#
# Ports and place (override with the environment): WAGE_AMQP_PORT (5672),
# WAGE_PG_PORT (5432), WAGE_EPMD_PORT (4391), WAGE_AMQP_TLS_PORT (WAGE_AMQP_PORT - 1:
# the broker's TLS listener, with a test CA made here under .local/tls),
# WAGE_AMQP_PROMETHEUS_PORT (WAGE_AMQP_PORT + 10020 = 15692: the broker's
# rabbitmq_prometheus endpoint), WAGE_HTTP_BASE_PORT (9400: the processes'
# /healthz, /readyz, /metrics ports, base + offset per process, listed in stack.env
# as WAGE_HTTP_URL_<PROCESS>), WAGE_LOCAL_DIR (.local): a second, isolated stack
# can run beside the first with other values.
# Safe to run twice: every step checks what is already there.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOCAL=${WAGE_LOCAL_DIR:-$REPO/.local}
AMQP_PORT=${WAGE_AMQP_PORT:-5672}
PG_PORT=${WAGE_PG_PORT:-5432}
EPMD_PORT=${WAGE_EPMD_PORT:-4391}
DIST_PORT=$((AMQP_PORT + 20000))
TLS_PORT=${WAGE_AMQP_TLS_PORT:-$((AMQP_PORT - 1))}
TLS="$LOCAL/tls"
PROMETHEUS_PORT=${WAGE_AMQP_PROMETHEUS_PORT:-$((AMQP_PORT + 10020))}
HTTP_BASE_PORT=${WAGE_HTTP_BASE_PORT:-9400}
# The processes' HTTP keys in port order (offset 0, 1, ...): keep in step with
# HealthEndpoint.processKeys (Sources/HealthServer/HealthEndpoint.swift).
HTTP_PROCESSES="ROUTER WORKER_HRSS WORKER_HOUSING WORKER_TRANSPORT WORKER_WATER WORKER_AGRICULTURE WORKER_MARKET WORKER_POLICE WORKER_PETITIONS WORKER_JUSTICE WORKER_FINANCE CONSOLE"
PRINCIPALS="hrss housing police petitions justice finance government platform bank transport water agriculture market router"
PG_BIN=/usr/lib/postgresql/15/bin
RMQ_BIN=/usr/lib/rabbitmq/bin

say() { printf '\033[1m[stack]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[stack] error:\033[0m %s\n' "$*" >&2; exit 1; }

# --- install ----------------------------------------------------------------
install_packages() {
  local need=() pkg
  for pkg in rabbitmq-server postgresql librabbitmq-dev libpq-dev postgresql-client pkg-config python3 netcat-openbsd; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
  done
  if ((${#need[@]})); then
    say "installing with apt-get: ${need[*]}"
    [ "$(id -u)" = 0 ] || die "installing packages needs root (or install them yourself: ${need[*]})"
    apt-get update -qq || die "apt-get update failed: is a Debian mirror reachable?"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends --no-upgrade "${need[@]}" \
      >"$LOCAL/apt.log" 2>&1 || die "apt-get install failed; see $LOCAL/apt.log"
  fi
  [ -x "$PG_BIN/pg_ctl" ] || die "PostgreSQL 15 binaries not found in $PG_BIN"
  [ -x "$RMQ_BIN/rabbitmq-server" ] || die "RabbitMQ not found in $RMQ_BIN"
}

# --- secrets ----------------------------------------------------------------
secret() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }
ensure_secrets() {
  local f="$LOCAL/secrets.env" p key
  touch "$f"; chmod 600 "$f"
  for p in $PRINCIPALS admin; do
    key="PG_PASSWORD_$(echo "$p" | tr a-z A-Z)"
    grep -q "^$key=" "$f" || echo "$key=$(secret)" >>"$f"
  done
  for p in $PRINCIPALS wage-admin; do
    key="AMQP_PASSWORD_$(echo "$p" | tr a-z- A-Z_)"
    grep -q "^$key=" "$f" || echo "$key=$(secret)" >>"$f"
  done
  # the staff console's own database login (staff accounts and its audit only)
  grep -q "^PG_PASSWORD_CONSOLE=" "$f" || echo "PG_PASSWORD_CONSOLE=$(secret)" >>"$f"
}
secret_of() { grep "^$1=" "$LOCAL/secrets.env" | head -1 | cut -d= -f2-; }

port_open() { nc -z 127.0.0.1 "$1" 2>/dev/null; }

# --- PostgreSQL ---------------------------------------------------------------
PGDATA="$LOCAL/pg/data"
PGRUN="$LOCAL/pg/run"
pg() { runuser -u postgres -- "$@"; }
pg_running() { pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }
psql_super() { local db=${1:-postgres}; shift || true; pg psql -X -q -v ON_ERROR_STOP=1 -h "$PGRUN" -p "$PG_PORT" -d "$db" "$@"; }

start_postgres() {
  mkdir -p "$LOCAL/pg"
  chown postgres:postgres "$LOCAL/pg"
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    say "initialising PostgreSQL cluster in $PGDATA"
    pg mkdir -p "$PGDATA" "$PGRUN"
    pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$LOCAL/pg/initdb.log" 2>&1 || die "initdb failed; see $LOCAL/pg/initdb.log"
  fi
  pg mkdir -p "$PGRUN"
  if pg_running; then say "PostgreSQL already running on 127.0.0.1:$PG_PORT"; return; fi
  port_open "$PG_PORT" && die "port $PG_PORT is taken by another program; stop it or set WAGE_PG_PORT"
  say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$LOCAL/pg/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PGRUN -c max_connections=300 -c shared_buffers=256MB" \
    >/dev/null || die "PostgreSQL did not start; see $LOCAL/pg/server.log"
}

stop_postgres() {
  if pg_running; then say "stopping PostgreSQL"; pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null; fi
}

setup_database() {
  local admin_pw; admin_pw=$(secret_of PG_PASSWORD_ADMIN)
  psql_super <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wage_admin') THEN
    CREATE ROLE wage_admin LOGIN CREATEROLE;
  END IF;
END \$\$;
ALTER ROLE wage_admin LOGIN CREATEROLE PASSWORD '$admin_pw';
SQL
  if ! psql_super postgres -tA <<<"SELECT 1 FROM pg_database WHERE datname = 'wage'" | grep -q 1; then
    say "creating database wage"
    psql_super <<<"CREATE DATABASE wage OWNER wage_admin ENCODING 'UTF8' TEMPLATE template0"
  fi
  psql_super wage <<<"REVOKE CREATE ON SCHEMA public FROM PUBLIC; REVOKE ALL ON DATABASE wage FROM PUBLIC;"
  say "applying migrations from sql/"
  WAGE_DATABASE_URL="postgres://wage_admin:$admin_pw@127.0.0.1:$PG_PORT/wage" \
    bash "$REPO/deploy/local/migrate.sh" || die "migrations failed (see above)"
  local p role pw sql=""
  for p in $PRINCIPALS; do
    role="wage_$p"; pw=$(secret_of "PG_PASSWORD_$(echo "$p" | tr a-z A-Z)")
    sql+="ALTER ROLE $role LOGIN PASSWORD '$pw'; GRANT CONNECT ON DATABASE wage TO $role;"
  done
  sql+="ALTER ROLE wage_console LOGIN PASSWORD '$(secret_of PG_PASSWORD_CONSOLE)'; GRANT CONNECT ON DATABASE wage TO wage_console;"
  psql_super wage <<<"$sql" || die "setting the principals' database passwords failed (did the roles migration run?)"
}

# --- TLS (a test CA for the broker's TLS listener) ------------------------------
# ca.pem signs server.pem (names localhost and 127.0.0.1); untrusted-ca.pem signs
# nothing here (tests use it to see verification fail). Development only.
ensure_tls() {
  [ -s "$TLS/server.pem" ] && [ -s "$TLS/untrusted-ca.pem" ] && return
  command -v openssl >/dev/null || die "openssl is missing (apt-get install openssl)"
  say "making a test CA and broker certificate in $TLS"
  mkdir -p "$TLS"; chmod 700 "$TLS"
  local subj="/O=wage-workflow local stack"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "$subj/CN=test CA" \
    -keyout "$TLS/ca.key" -out "$TLS/ca.pem" >/dev/null 2>&1 || die "openssl could not make the test CA"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "$subj/CN=untrusted CA" \
    -keyout "$TLS/untrusted-ca.key" -out "$TLS/untrusted-ca.pem" >/dev/null 2>&1 || die "openssl could not make a second CA"
  openssl req -newkey rsa:2048 -nodes -subj "$subj/CN=localhost" -keyout "$TLS/server.key" -out "$TLS/server.csr" \
    >/dev/null 2>&1 || die "openssl could not make the broker key"
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' >"$TLS/server.ext"
  openssl x509 -req -in "$TLS/server.csr" -CA "$TLS/ca.pem" -CAkey "$TLS/ca.key" -CAcreateserial -days 3650 \
    -extfile "$TLS/server.ext" -out "$TLS/server.pem" >/dev/null 2>&1 || die "openssl could not sign the broker certificate"
  chmod 600 "$TLS"/*.key
}

# --- RabbitMQ -----------------------------------------------------------------
RMQ="$LOCAL/rabbitmq"
rmq_env() {
  export HOME="$RMQ/home" RABBITMQ_HOME="$RMQ/home"
  export RABBITMQ_NODENAME="wage$AMQP_PORT@localhost" RABBITMQ_USE_LONGNAME=false
  export RABBITMQ_MNESIA_BASE="$RMQ/mnesia" RABBITMQ_LOG_BASE="$RMQ/log"
  export RABBITMQ_CONFIG_FILE="$RMQ/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ/enabled_plugins"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ/advanced.config"
  export RABBITMQ_PID_FILE="$RMQ/rabbitmq.pid"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$AMQP_PORT" RABBITMQ_DIST_PORT="$DIST_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$EPMD_PORT"
  # No scheduler busy-waiting: on a 2-core machine shared with PostgreSQL and the
  # workers, spinning Erlang schedulers burn CPU the others need (RabbitMQ's
  # runtime guide, "Scheduler Busy Waiting"); docs/benchmark.md has the effect.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="${RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS:-+sbwt none +sbwtdcpu none +sbwtdio none}"
}
ctl() { (rmq_env; "$RMQ_BIN/rabbitmqctl" -n "wage$AMQP_PORT@localhost" "$@"); }
rmq_running() { ctl status >/dev/null 2>&1; }

render_rabbitmq() {
  mkdir -p "$RMQ/home" "$RMQ/mnesia" "$RMQ/log"
  python3 "$REPO/deploy/rabbitmq/render-definitions.py" "$REPO/deploy/rabbitmq/definitions.json" \
    "$LOCAL/secrets.env" "$RMQ/definitions.json" || die "could not render broker definitions"
  ensure_tls
  sed -e "s|@AMQP_PORT@|$AMQP_PORT|" -e "s|@DEFINITIONS@|$RMQ/definitions.json|" \
    -e "s|@TLS_PORT@|$TLS_PORT|" -e "s|@TLS_DIR@|$TLS|g" -e "s|@PROMETHEUS_PORT@|$PROMETHEUS_PORT|" \
    "$REPO/deploy/rabbitmq/rabbitmq.conf.template" >"$RMQ/rabbitmq.conf"
  # rabbitmq_prometheus: the broker's own metrics at http://127.0.0.1:$PROMETHEUS_PORT/metrics
  # (read at boot: a broker started before this line needs stack.sh restart-rabbitmq)
  echo "[rabbitmq_prometheus]." >"$RMQ/enabled_plugins"
  echo "[]." >"$RMQ/advanced.config"
  [ -s "$RMQ/home/.erlang.cookie" ] || { secret >"$RMQ/home/.erlang.cookie"; chmod 400 "$RMQ/home/.erlang.cookie"; }
}

start_rabbitmq() {
  render_rabbitmq
  if rmq_running; then
    say "RabbitMQ already running on 127.0.0.1:$AMQP_PORT; re-importing definitions"
    ctl import_definitions "$RMQ/definitions.json" >/dev/null || die "import_definitions failed"
    return
  fi
  port_open "$AMQP_PORT" && die "port $AMQP_PORT is taken by another program (a system RabbitMQ?); stop it or set WAGE_AMQP_PORT"
  say "starting RabbitMQ on 127.0.0.1:$AMQP_PORT (takes about 5-10 s)"
  (rmq_env; cd "$RMQ"; nohup "$RMQ_BIN/rabbitmq-server" >"$RMQ/log/startup.log" 2>&1 &)
  local i
  for i in $(seq 1 120); do
    if rmq_running && port_open "$AMQP_PORT"; then say "RabbitMQ is up after $((i / 2)) s"; return; fi
    sleep 0.5
  done
  die "RabbitMQ did not start within 60 s; see $RMQ/log/startup.log and $RMQ/log/"
}

stop_rabbitmq() {
  if rmq_running; then say "stopping RabbitMQ"; ctl shutdown >/dev/null 2>&1 || true; fi
  (rmq_env; epmd -port "$EPMD_PORT" -kill >/dev/null 2>&1 || true)
}

# --- stack.env ----------------------------------------------------------------
# The hosts the URLs name: one server here; deploy/local/cluster.sh sets host lists
# (ENV_PG_HOSTS "h:p,h:p" with ENV_PG_QUERY "?target_session_attrs=read-write", and
# ENV_AMQP_HOSTS "h:p,h:p,h:p") and ENV_NO_TLS=1 (its brokers have no TLS listener).
write_env() {
  local f="$LOCAL/stack.env" p up
  local pgh=${ENV_PG_HOSTS:-127.0.0.1:$PG_PORT} pgq=${ENV_PG_QUERY:-} mqh=${ENV_AMQP_HOSTS:-127.0.0.1:$AMQP_PORT}
  {
    echo "# Written by deploy/local/${ENV_WRITER:-stack.sh}: development credentials of the local stack."
    echo "WAGE_DATABASE_URL=postgres://wage_admin:$(secret_of PG_PASSWORD_ADMIN)@$pgh/wage$pgq"
    for p in $PRINCIPALS; do
      up=$(echo "$p" | tr a-z A-Z)
      echo "WAGE_DATABASE_URL_$up=postgres://wage_$p:$(secret_of "PG_PASSWORD_$up")@$pgh/wage$pgq"
      echo "WAGE_AMQP_URL_$up=amqp://$p:$(secret_of "AMQP_PASSWORD_$up")@$mqh/wage"
    done
    echo "WAGE_AMQP_URL_ADMIN=amqp://wage-admin:$(secret_of AMQP_PASSWORD_WAGE_ADMIN)@$mqh/wage"
    # the staff console (wage-console): its own login, and where it listens
    echo "WAGE_DATABASE_URL_CONSOLE=postgres://wage_console:$(secret_of PG_PASSWORD_CONSOLE)@$pgh/wage$pgq"
    echo "WAGE_CONSOLE_URL=http://127.0.0.1:${WAGE_CONSOLE_PORT:-8080}"
    echo "WAGE_PG_PORT=$PG_PORT"
    echo "WAGE_AMQP_PORT=$AMQP_PORT"
    if [ "${ENV_NO_TLS:-}" != 1 ]; then
      echo "WAGE_AMQP_TLS_PORT=$TLS_PORT"
      echo "WAGE_AMQP_CA_FILE=$TLS/ca.pem"
    fi
    echo "WAGE_EPMD_PORT=$EPMD_PORT"
    echo "WAGE_LOCAL_DIR=$LOCAL"
    # every process's /healthz, /readyz and /metrics (docs/operations.md), and the broker's metrics
    echo "WAGE_HTTP_BASE_PORT=$HTTP_BASE_PORT"
    local key offset=0
    for key in $HTTP_PROCESSES; do
      echo "WAGE_HTTP_URL_$key=http://127.0.0.1:$((HTTP_BASE_PORT + offset))"
      offset=$((offset + 1))
    done
    echo "WAGE_AMQP_PROMETHEUS_URL=http://127.0.0.1:$PROMETHEUS_PORT/metrics"
  } >"$f"
  chmod 600 "$f"
  say "wrote $f"
}

# Sourced (deploy/local/cluster.sh reuses the functions above): stop here.
[ "${BASH_SOURCE[0]}" = "$0" ] || return 0

cmd=${1:-up}
mkdir -p "$LOCAL"
case "$cmd" in
  install) install_packages ;;
  up)
    install_packages
    ensure_secrets
    start_postgres
    start_rabbitmq
    setup_database
    write_env
    say "stack is up: PostgreSQL 127.0.0.1:$PG_PORT, RabbitMQ 127.0.0.1:$AMQP_PORT (vhost wage, metrics on $PROMETHEUS_PORT)"
    ;;
  down) stop_rabbitmq; stop_postgres ;;
  status)
    if pg_running; then say "PostgreSQL: running on $PG_PORT"; else say "PostgreSQL: stopped"; fi
    if rmq_running; then say "RabbitMQ: running on $AMQP_PORT"; else say "RabbitMQ: stopped"; fi
    ;;
  restart-rabbitmq) stop_rabbitmq; start_rabbitmq ;;
  restart-postgres) stop_postgres; start_postgres ;;
  stop-rabbitmq) stop_rabbitmq ;;
  start-rabbitmq) start_rabbitmq ;;
  stop-postgres) stop_postgres ;;
  start-postgres) start_postgres ;;
  reset) stop_rabbitmq; stop_postgres; say "deleting $LOCAL data"; rm -rf "$LOCAL/pg" "$LOCAL/rabbitmq" "$LOCAL/stack.env" ;;
  *) die "unknown command '$cmd' (up, down, status, restart-rabbitmq, restart-postgres, reset)" ;;
esac
