#!/usr/bin/env bash
# A real cluster on this one machine (issue 21 item 4): three RabbitMQ nodes forming
# one cluster with the quorum queues replicated on all three, a PostgreSQL primary
# with a streaming standby, and the router and every worker connected to all of
# them through host lists. Debian's packages only (as stack.sh installs them), no
# Docker, no systemd, everything on 127.0.0.1, data under $WAGE_LOCAL_DIR/cluster.
#
#   deploy/local/cluster.sh up       start the three brokers (joining them into one cluster
#                                    on first start), the primary and its standby, load
#                                    definitions and migrations, write cluster/stack.env,
#                                    start the router and workers (run.sh start-processes)
#   deploy/local/cluster.sh servers  the same without the router and workers
#   deploy/local/cluster.sh down     stop the processes, the brokers, both databases
#   deploy/local/cluster.sh status   nodes, queue leaders and replicas, database roles, processes
#   deploy/local/cluster.sh test     up, then the fault run (below); prints one verdict line
#   deploy/local/cluster.sh reset    down, then delete cluster/ data
#
# The fault run: a driver (deploy/local/cluster-load.py, pika in a venv under
# cluster/) publishes WAGE_CLUSTER_CLUES (3000) clue.reports as `platform` while
# the script kill -9s the broker node that leads the most queues, brings it back,
# kill -9s the PostgreSQL primary and promotes the standby (pg_ctl promote); then it
# counts cases, timeline events and outbox rows against what was sent, and rebuilds
# the old primary as the new standby (pg_basebackup). Not in CI (it takes a few
# minutes): a documented check in the README. docs/operations.md: the same steps on
# real machines.
#
# Ports (override with the environment): WAGE_CLUSTER_AMQP_PORTS (5811 5812 5813; each
# node's dist port is +20000, its rabbitmq_prometheus port +25000), WAGE_CLUSTER_EPMD_PORT
# (4511), WAGE_CLUSTER_PG_PORTS (5611 5612: the first start makes the first the
# primary), WAGE_HTTP_BASE_PORT (9950), WAGE_CONSOLE_PORT (8186).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BASE_LOCAL=${WAGE_LOCAL_DIR:-$REPO/.local}
CL="$BASE_LOCAL/cluster"
read -r -a MQ_PORTS <<<"${WAGE_CLUSTER_AMQP_PORTS:-5811 5812 5813}"
read -r -a PG_PORTS <<<"${WAGE_CLUSTER_PG_PORTS:-5611 5612}"
CL_EPMD_PORT=${WAGE_CLUSTER_EPMD_PORT:-4511}
export WAGE_HTTP_BASE_PORT=${WAGE_HTTP_BASE_PORT:-9950}
export WAGE_CONSOLE_PORT=${WAGE_CONSOLE_PORT:-8186}
CLUES=${WAGE_CLUSTER_CLUES:-3000}

# stack.sh's functions and conventions (install_packages, ensure_secrets, secret_of,
# port_open, pg, setup_database, write_env, the RabbitMQ and PostgreSQL paths),
# with its local directory pointed at cluster/.
export WAGE_LOCAL_DIR="$CL" WAGE_PG_PORT="${PG_PORTS[0]}" WAGE_AMQP_PORT="${MQ_PORTS[0]}" WAGE_EPMD_PORT="$CL_EPMD_PORT"
# shellcheck source=stack.sh
. "$REPO/deploy/local/stack.sh"
say() { printf '\033[1m[cluster]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[cluster] error:\033[0m %s\n' "$*" >&2; exit 1; }
mkdir -p "$CL"

# --- RabbitMQ: three nodes ----------------------------------------------------
node_name() { echo "wage$1@localhost"; }
node_dir() { echo "$CL/rabbitmq/$1"; }
# The environment of node $1 (its AMQP port), as stack.sh's rmq_env for one node.
node_env() {
  local port=$1 dir; dir=$(node_dir "$1")
  export HOME="$CL/rabbitmq/home" RABBITMQ_HOME="$CL/rabbitmq/home"
  export RABBITMQ_NODENAME; RABBITMQ_NODENAME=$(node_name "$port"); export RABBITMQ_USE_LONGNAME=false
  export RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log"
  export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$CL/rabbitmq/enabled_plugins"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$CL/rabbitmq/advanced.config"
  export RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$port" RABBITMQ_DIST_PORT=$((port + 20000))
  export ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$CL_EPMD_PORT"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="${RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS:-+sbwt none +sbwtdcpu none +sbwtdio none}"
}
nctl() { local port=$1; shift; (node_env "$port"; "$RMQ_BIN/rabbitmqctl" -q -n "$(node_name "$port")" "$@"); }
nqueues() { local port=$1; shift; (node_env "$port"; "$RMQ_BIN/rabbitmq-queues" -q -n "$(node_name "$port")" "$@"); }
node_pid() { local f; f="$(node_dir "$1")/rabbitmq.pid"; [ -s "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f"; }
# alive and listening (cheaper than rabbitmqctl status: each CLI call boots an Erlang VM)
node_running() { node_pid "$1" >/dev/null && port_open "$1"; }
first_running_node() { local p; for p in "${MQ_PORTS[@]}"; do node_running "$p" && { echo "$p"; return 0; }; done; return 1; }

render_cluster_rabbitmq() {
  mkdir -p "$CL/rabbitmq/home"
  # The committed definitions, with the queues' delivery limit, dead-lettering and
  # overflow as policies instead of fixed arguments (docs/operations.md).
  python3 "$REPO/deploy/rabbitmq/render-definitions.py" --arguments-as-policies \
    "$REPO/deploy/rabbitmq/definitions.json" "$CL/secrets.env" "$CL/rabbitmq/definitions.json" \
    || die "could not render broker definitions"
  echo "[rabbitmq_prometheus]." >"$CL/rabbitmq/enabled_plugins"
  echo "[]." >"$CL/rabbitmq/advanced.config"
  [ -s "$CL/rabbitmq/home/.erlang.cookie" ] || { secret >"$CL/rabbitmq/home/.erlang.cookie"; chmod 400 "$CL/rabbitmq/home/.erlang.cookie"; }
  local port dir
  for port in "${MQ_PORTS[@]}"; do
    dir=$(node_dir "$port"); mkdir -p "$dir/mnesia" "$dir/log"
    # stack.sh's template without the TLS listener and without load_definitions:
    # the definitions are imported once the three nodes are one cluster, so every
    # quorum queue is created with a replica on each of them.
    sed -e "s|@AMQP_PORT@|$port|" -e "s|@PROMETHEUS_PORT@|$((port + 25000))|" \
      -e '/^listeners\.ssl/d' -e '/^ssl_options/d' -e '/^load_definitions/d' \
      "$REPO/deploy/rabbitmq/rabbitmq.conf.template" >"$dir/rabbitmq.conf"
    cat >>"$dir/rabbitmq.conf" <<'CONF'
# cluster.sh: a node that comes back after a crash rejoins; quorum queues need a majority
cluster_partition_handling = pause_minority
CONF
  done
}

start_node() {
  local port=$1 dir; dir=$(node_dir "$port")
  if node_running "$port"; then return; fi
  port_open "$port" && die "port $port is taken by another program"
  (node_env "$port"; cd "$dir"; nohup "$RMQ_BIN/rabbitmq-server" >>"$dir/log/startup.log" 2>&1 </dev/null &)
}
wait_node() {
  local port=$1 i
  for i in $(seq 1 240); do
    if node_running "$port" && port_open "$port"; then return 0; fi
    sleep 0.5
  done
  die "RabbitMQ node $(node_name "$port") did not start within 120 s; see $(node_dir "$port")/log/"
}
cluster_members() { nctl "$1" eval 'length(rabbit_nodes:all()).' 2>/dev/null || echo 0; }

start_brokers() {
  render_cluster_rabbitmq
  local port first=${MQ_PORTS[0]}
  say "starting RabbitMQ nodes on 127.0.0.1:${MQ_PORTS[*]} (epmd $CL_EPMD_PORT)"
  # all at once: after a full stop each node waits for the others it knew
  for port in "${MQ_PORTS[@]}"; do start_node "$port"; done
  for port in "${MQ_PORTS[@]}"; do wait_node "$port"; done
  local members; members=$(nctl "$first" eval 'rabbit_nodes:all().')
  for port in "${MQ_PORTS[@]:1}"; do
    if ! grep -q "$(node_name "$port")" <<<"$members"; then
      say "joining $(node_name "$port") to $(node_name "$first")"
      nctl "$port" stop_app
      nctl "$port" join_cluster "$(node_name "$first")" || die "join_cluster failed"
      nctl "$port" start_app
    fi
  done
  local n; n=$(cluster_members "$first")
  [ "$n" = "${#MQ_PORTS[@]}" ] || die "the cluster has $n nodes, expected ${#MQ_PORTS[@]}"
  nctl "$first" import_definitions "$CL/rabbitmq/definitions.json" >/dev/null || die "import_definitions failed"
  say "RabbitMQ cluster of $n nodes is up; definitions imported"
}

stop_brokers() {
  local port pid
  for port in "${MQ_PORTS[@]}"; do
    if node_pid "$port" >/dev/null; then say "stopping $(node_name "$port")"; nctl "$port" shutdown >/dev/null 2>&1 || true; fi
    if pid=$(node_pid "$port"); then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  (node_env "${MQ_PORTS[0]}"; epmd -port "$CL_EPMD_PORT" -kill >/dev/null 2>&1 || true)
}

# Queue name, type, leader and members (one line each).
queue_table() {
  nctl "$1" list_queues -p wage name type leader members --formatter json 2>/dev/null | python3 -c '
import json, sys
for q in json.load(sys.stdin):
    print(q["name"], q.get("type"), q.get("leader"), len(q.get("members") or []))'
}

# --- PostgreSQL: primary and streaming standby --------------------------------
pg_dir() { echo "$CL/pg/$1"; }
pg_up() { pg "$PG_BIN/pg_ctl" -D "$(pg_dir "$1")" status >/dev/null 2>&1; }
pg_opts() { echo "-c listen_addresses=127.0.0.1 -p $1 -k $PGRUN -c max_connections=300 -c shared_buffers=128MB -c wal_level=replica -c max_wal_senders=10 -c max_replication_slots=10 -c hot_standby=on -c cluster_name=wage$1"; }
pg_start() {
  local port=$1 d; d=$(pg_dir "$1")
  pg_up "$port" && return
  port_open "$port" && die "port $port is taken by another program"
  pg "$PG_BIN/pg_ctl" -D "$d" -l "$CL/pg/server-$port.log" -w -t 60 start -o "$(pg_opts "$port")" >/dev/null \
    || die "PostgreSQL on $port did not start; see $CL/pg/server-$port.log"
}
pg_stop() { pg_up "$1" && pg "$PG_BIN/pg_ctl" -D "$(pg_dir "$1")" -m fast -w stop >/dev/null || true; }
pg_sql() { local port=$1; shift; pg psql -X -q -tA -v ON_ERROR_STOP=1 -h "$PGRUN" -p "$port" -d postgres "$@"; }
in_recovery() { pg_sql "$1" -c 'SELECT pg_is_in_recovery()' 2>/dev/null; }
primary_port() { local p; for p in "${PG_PORTS[@]}"; do [ "$(in_recovery "$p")" = f ] && { echo "$p"; return 0; }; done; return 1; }
standby_port() { local p; for p in "${PG_PORTS[@]}"; do [ "$(in_recovery "$p")" = t ] && { echo "$p"; return 0; }; done; return 1; }

# A fresh standby in pg_dir $1, streaming from the primary on port $2 through its own slot.
make_standby() {
  local port=$1 from=$2 d; d=$(pg_dir "$1")
  local slot="wage_standby_$port"
  say "making the standby on $port: pg_basebackup from $from (slot $slot)"
  pg rm -rf "$d"
  pg_sql "$from" -c "SELECT pg_drop_replication_slot('$slot') FROM pg_replication_slots WHERE slot_name = '$slot'" >/dev/null
  # the password from a passfile (not on a command line); -R writes passfile= into primary_conninfo
  printf '127.0.0.1:*:replication:wage_replicator:%s\n' "$(secret_of PG_PASSWORD_REPLICATOR)" >"$CL/pg/pgpass"
  chown postgres:postgres "$CL/pg/pgpass"; chmod 600 "$CL/pg/pgpass"
  runuser -u postgres -- env PGPASSFILE="$CL/pg/pgpass" \
    "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$from" -U wage_replicator -D "$d" -c fast -X stream -C -S "$slot" -R \
    >"$CL/pg/basebackup-$port.log" 2>&1 || die "pg_basebackup failed; see $CL/pg/basebackup-$port.log"
  pg_start "$port"
  sync_standby "$from" "wage$port"
}

# Synchronous replication: the primary on $1 confirms a commit only once the standby
# named $2 (its cluster_name) has it on disk, so a failover loses no acknowledged
# message. '' = none (a primary alone must not wait for a standby that is not there).
sync_standby() {
  pg_sql "$1" -c "ALTER SYSTEM SET synchronous_standby_names = '$2'" -c "SELECT pg_reload_conf()" >/dev/null
}

# A data directory's timeline: its last checkpoint's, or the newest NNNNNNNN.history in
# pg_wal (a promotion writes that file at once; the checkpoint may come later).
timeline_of() {
  local d; d=$(pg_dir "$1")
  { pg "$PG_BIN/pg_controldata" -D "$d" | sed -n "s/^Latest checkpoint's TimeLineID: *//p"
    find "$d/pg_wal" -maxdepth 1 -name '*.history' -printf '%f\n' | sed 's/\.history$//' | while read -r h; do echo $((16#$h)); done
  } | sort -n | tail -1
}

start_databases() {
  mkdir -p "$CL/pg"; chown postgres:postgres "$CL/pg"; pg mkdir -p "$PGRUN"
  grep -q '^PG_PASSWORD_REPLICATOR=' "$CL/secrets.env" || echo "PG_PASSWORD_REPLICATOR=$(secret)" >>"$CL/secrets.env"
  local first=${PG_PORTS[0]} second=${PG_PORTS[1]} p
  if [ ! -s "$(pg_dir "$first")/PG_VERSION" ] && [ ! -s "$(pg_dir "$second")/PG_VERSION" ]; then
    say "initialising the primary in $(pg_dir "$first")"
    pg "$PG_BIN/initdb" -D "$(pg_dir "$first")" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$CL/pg/initdb.log" 2>&1 || die "initdb failed; see $CL/pg/initdb.log"
  fi
  # Two data directories without standby.signal: one is a former primary (killed,
  # then its standby was promoted). Starting both would be two primaries; the one on
  # the older timeline is rebuilt as the standby instead.
  local would_be=() stale=""
  for p in "${PG_PORTS[@]}"; do
    [ -s "$(pg_dir "$p")/PG_VERSION" ] && [ ! -f "$(pg_dir "$p")/standby.signal" ] && would_be+=("$p")
  done
  if ((${#would_be[@]} > 1)); then
    local t1 t2
    t1=$(timeline_of "${would_be[0]}"); t2=$(timeline_of "${would_be[1]}")
    [ "$t1" != "$t2" ] || die "PostgreSQL on ${would_be[*]}: two primaries on timeline $t1; fence one by hand (docs/operations.md)"
    if [ "$t1" -lt "$t2" ]; then stale=${would_be[0]}; else stale=${would_be[1]}; fi
    pg_up "$stale" && die "PostgreSQL on $stale runs as a second primary; stop it by hand"
    say "PostgreSQL on $stale is a former primary (older timeline): it will be rebuilt as the standby"
  fi
  for p in "${PG_PORTS[@]}"; do [ -s "$(pg_dir "$p")/PG_VERSION" ] && [ "$p" != "$stale" ] && pg_start "$p"; done
  local primary; primary=$(primary_port) || die "no PostgreSQL primary among ${PG_PORTS[*]} (both standbys?)"
  pg_sql "$primary" <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wage_replicator') THEN CREATE ROLE wage_replicator REPLICATION LOGIN; END IF;
END \$\$;
ALTER ROLE wage_replicator REPLICATION LOGIN PASSWORD '$(secret_of PG_PASSWORD_REPLICATOR)';
SQL
  for p in "${PG_PORTS[@]}"; do
    [ "$p" = "$primary" ] && continue
    if pg_up "$p"; then sync_standby "$primary" "wage$p"; else make_standby "$p" "$primary"; fi
  done
  say "PostgreSQL primary on $primary, standby on $(standby_port || echo none)"
}

stop_databases() { local p; for p in "${PG_PORTS[@]}"; do pg_up "$p" && say "stopping PostgreSQL on $p"; pg_stop "$p"; done; }

# --- the whole cluster ----------------------------------------------------------
cluster_env() {
  local p hosts=""
  for p in "${PG_PORTS[@]}"; do hosts+="${hosts:+,}127.0.0.1:$p"; done
  export ENV_PG_HOSTS=$hosts ENV_PG_QUERY="?target_session_attrs=read-write"
  hosts=""; for p in "${MQ_PORTS[@]}"; do hosts+="${hosts:+,}127.0.0.1:$p"; done
  export ENV_AMQP_HOSTS=$hosts ENV_NO_TLS=1 ENV_WRITER=cluster.sh
  PROMETHEUS_PORT=$((${MQ_PORTS[0]} + 25000))
}

run_sh() { WAGE_LOCAL_DIR="$CL" bash "$REPO/deploy/local/run.sh" "$@"; }

cluster_servers() {
  install_packages
  ensure_secrets
  start_databases
  start_brokers
  PG_PORT=$(primary_port)   # setup_database talks to the primary's socket
  cluster_env
  setup_database
  write_env
}

cluster_up() {
  cluster_servers
  run_sh start-processes
  say "cluster is up: RabbitMQ ${MQ_PORTS[*]}, PostgreSQL primary $(primary_port) standby $(standby_port || echo none), env $CL/stack.env"
}

cluster_down() {
  [ -d "$CL/run" ] && run_sh stop || true
  stop_brokers
  stop_databases
}

cluster_status() {
  local p first
  for p in "${MQ_PORTS[@]}"; do
    if node_running "$p"; then say "RabbitMQ $(node_name "$p"): running (pid $(node_pid "$p" || echo ?))"; else say "RabbitMQ $(node_name "$p"): stopped"; fi
  done
  if first=$(first_running_node); then
    say "cluster members: $(cluster_members "$first"); queues (name type leader replicas):"
    queue_table "$first" | sed 's/^/    /'
    say "policies:"; nctl "$first" list_policies -p wage --formatter json | python3 -c '
import json, sys
for p in json.load(sys.stdin): print("   ", p["name"], p["apply-to"], p["definition"])'
  fi
  for p in "${PG_PORTS[@]}"; do
    if pg_up "$p"; then
      case "$(in_recovery "$p")" in f) say "PostgreSQL $p: primary";; t) say "PostgreSQL $p: standby (streaming: $(pg_sql "$p" -c 'SELECT status FROM pg_stat_wal_receiver' || true))";; *) say "PostgreSQL $p: not answering";; esac
    else say "PostgreSQL $p: stopped"; fi
  done
  [ -d "$CL/run" ] && run_sh status || true
}

# --- the fault run --------------------------------------------------------------
psql_admin() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$(sed -n 's/^WAGE_DATABASE_URL=//p' "$CL/stack.env")" "$@"; }
leader_counts() { queue_table "$1" | awk '{print $3}' | sort | uniq -c | sort -rn; }
wait_ready() {  # every process's /readyz answers 200 within $1 s
  local limit=$1 i key url bad
  for i in $(seq 1 "$limit"); do
    bad=""
    for key in $HTTP_PROCESSES; do
      [ "$key" = CONSOLE ] && continue
      url=$(sed -n "s/^WAGE_HTTP_URL_$key=//p" "$CL/stack.env")
      curl -fs -o /dev/null --max-time 2 "$url/readyz" || bad+=" $key"
    done
    [ -z "$bad" ] && return 0
    sleep 1
  done
  say "not ready after $limit s:$bad"; return 1
}

# The processes' reconnects so far, summed from their /metrics: "BROKER DATABASE".
reconnects() {
  local key url
  for key in $HTTP_PROCESSES; do
    url=$(sed -n "s/^WAGE_HTTP_URL_$key=//p" "$CL/stack.env")
    curl -fs --max-time 2 "$url/metrics" || true
  done | awk '/^wage_reconnects_total/ { if ($0 ~ /connection="broker"/) b += $NF; else if ($0 ~ /connection="database"/) d += $NF }
              END { printf "%d %d\n", b, d }'
}

cluster_test() {
  cluster_up
  local venv="$CL/venv"
  if ! "$venv/bin/python" -c 'import pika' 2>/dev/null; then
    say "installing pika (PyPI) into $venv"
    { python3 -m venv "$venv" && "$venv/bin/pip" install -q pika; } || die "installing pika failed"
  fi
  wait_ready 90 || die "the processes are not ready (logs in $CL/logs/)"
  local run; run="ct$(date +%Y%m%d%H%M%S)"
  local t0=$SECONDS r0; r0=$(reconnects)
  local first=${MQ_PORTS[0]} victim leaders
  say "queue leaders before the fault run:"; leader_counts "$first" | sed 's/^/    /'
  say "replicas per quorum queue: $(queue_table "$first" | awk '$2=="quorum"{print $4}' | sort -u | tr '\n' ' ')"
  # The victim: the node most of the processes are connected to (so they must move),
  # made a leader of some queues first if it leads none (so leaders must move too).
  victim=$(nctl "$first" list_connections --no-table-headers port | sort | uniq -c | sort -rn | head -1 | awk '{print $2}')
  [ -n "$victim" ] || die "no client connections found"
  if [ "$(queue_table "$first" | awk -v n="$(node_name "$victim")" '$3==n' | wc -l)" = 0 ]; then
    say "$(node_name "$victim") holds the clients but leads no queue: rabbitmq-queues rebalance quorum"
    nqueues "$first" rebalance quorum >/dev/null || true
    say "queue leaders now:"; leader_counts "$first" | sed 's/^/    /'
  fi
  local amqp_platform; amqp_platform=$(sed -n 's/^WAGE_AMQP_URL_PLATFORM=//p' "$CL/stack.env")
  say "fault run $run: publishing $CLUES clues as platform through $ENV_AMQP_HOSTS"
  "$venv/bin/python" "$REPO/deploy/local/cluster-load.py" --url "$amqp_platform" --run "$run" --count "$CLUES" \
    --rate "${WAGE_CLUSTER_RATE:-40}" --sent "$CL/sent-$run.txt" >"$CL/load-$run.log" 2>&1 &
  local loader=$!
  # the faults come at points of the load (share of the clues confirmed)
  sent_now() { if [ -f "$CL/sent-$run.txt" ]; then wc -l <"$CL/sent-$run.txt"; else echo 0; fi; }
  wait_sent() { while [ "$(sent_now)" -lt "$1" ] && kill -0 "$loader" 2>/dev/null; do sleep 0.5; done; }
  wait_sent $((CLUES * 10 / 100))
  local before; before=$(queue_table "$first" | awk -v n="$(node_name "$victim")" '$3==n' | wc -l)
  local clients; clients=$(nctl "$first" list_connections --no-table-headers port | grep -cx "$victim" || true)
  say "at $(sent_now) clues: kill -9 RabbitMQ $(node_name "$victim") (pid $(node_pid "$victim")), leader of $before queues"
  kill -9 "$(node_pid "$victim")"
  sleep 10
  local other; other=$(first_running_node)
  local moved; moved=$(queue_table "$other" | awk -v n="$(node_name "$victim")" '$3==n' | wc -l)
  say "leaders 10 s later: $(leader_counts "$other" | awk '{printf "%s %s; ", $2, $1}')"
  wait_sent $((CLUES * 25 / 100))
  say "at $(sent_now) clues: bringing $(node_name "$victim") back"
  start_node "$victim"; wait_node "$victim"
  say "$(node_name "$victim") is back; cluster members: $(cluster_members "$victim")"
  wait_sent $((CLUES * 60 / 100))
  local primary standby; primary=$(primary_port); standby=$(standby_port) || die "no standby to promote"
  local pgpid; pgpid=$(head -1 "$(pg_dir "$primary")/postmaster.pid")
  say "at $(sent_now) clues: kill -9 PostgreSQL primary on $primary (postmaster $pgpid); pg_ctl promote the standby on $standby"
  kill -9 "$pgpid"
  sleep 2
  pg "$PG_BIN/pg_ctl" -D "$(pg_dir "$standby")" -w promote >/dev/null || die "pg_ctl promote failed"
  sync_standby "$standby" ""   # alone until the old primary is rebuilt as its standby (below)
  pg_sql "$standby" -c CHECKPOINT >/dev/null || true
  local promoted_at; promoted_at=$(pg_sql "$standby" -c "SELECT now()")
  say "PostgreSQL $standby is now $( [ "$(in_recovery "$standby")" = f ] && echo primary || echo 'still a standby!')"
  local i
  wait "$loader" || { tail -20 "$CL/load-$run.log"; die "the load driver failed"; }
  local sent; sent=$(wc -l <"$CL/sent-$run.txt")
  say "driver ($((SECONDS - t0)) s): $(tail -1 "$CL/load-$run.log")"
  say "waiting for every clue to become a case received by its department (stops after 60 s without progress)"
  local cases=0 last=-1 still=0
  for i in $(seq 1 300); do
    cases=$(psql_admin -c "SELECT count(DISTINCT clue_ref) FROM wage.cases WHERE channel='national_platform' AND clue_ref LIKE '$run-%'" 2>/dev/null || echo "$cases")
    local open; open=$(psql_admin -c "SELECT count(*) FROM wage.outbox WHERE published_at IS NULL" 2>/dev/null || echo 1)
    local got; got=$(psql_admin -c "SELECT count(*) FROM wage.case_events e JOIN wage.cases c USING (case_id) WHERE c.clue_ref LIKE '$run-%' AND e.event = 'received'" 2>/dev/null || echo 0)
    [ "$cases" -ge "$sent" ] && [ "$open" = 0 ] && [ "$got" -ge "$sent" ] && break
    if [ "$cases" = "$last" ]; then still=$((still + 1)); else still=0; last=$cases; fi
    [ $still -ge 60 ] && break
    sleep 1
  done
  say "after $((SECONDS - t0)) s: $cases cases"
  sleep 5   # let the departments' deliveries settle
  wait_ready 60 || say "(some process is not ready after the faults)"
  local r1; r1=$(reconnects)
  local broker_reconnects=$(( ${r1% *} - ${r0% *} )) db_reconnects=$(( ${r1#* } - ${r0#* } ))
  # lost: a clue sent (confirmed by the broker) with no case.
  # doubled: a clue_ref with more than one case, or a timeline event / outbox row
  # that exists twice for one case (same event or type caused by the same message).
  psql_admin -c "CREATE TEMP TABLE sent (clue_ref text PRIMARY KEY)" -c "\\copy sent FROM '$CL/sent-$run.txt'" -c "
    WITH c AS (SELECT * FROM wage.cases WHERE channel='national_platform' AND clue_ref LIKE '$run-%')
    SELECT (SELECT count(*) FROM sent),
           (SELECT count(*) FROM sent s WHERE NOT EXISTS (SELECT 1 FROM c WHERE c.clue_ref = s.clue_ref)),
           (SELECT count(*) FROM (SELECT clue_ref FROM c GROUP BY clue_ref HAVING count(*) > 1) d),
           (SELECT count(*) FROM c),
           (SELECT count(*) FROM wage.case_events e JOIN c USING (case_id)),
           (SELECT count(*) FROM (SELECT 1 FROM wage.case_events e JOIN c USING (case_id)
                                  GROUP BY e.case_id, e.department, e.event HAVING count(*) > 1) d),
           (SELECT count(*) FROM wage.outbox o JOIN c ON o.body::jsonb->>'case_id' = c.case_id::text),
           (SELECT count(*) FROM (SELECT 1 FROM wage.outbox o JOIN c ON o.body::jsonb->>'case_id' = c.case_id::text
                                  GROUP BY o.principal, o.type, c.case_id HAVING count(*) > 1) d),
           (SELECT count(*) FROM wage.outbox o JOIN c ON o.body::jsonb->>'case_id' = c.case_id::text WHERE o.published_at IS NULL),
           (SELECT count(*) FROM c WHERE status = 'transferred'),
           (SELECT count(*) FROM wage.case_events e JOIN c USING (case_id) WHERE e.event = 'received'),
           (SELECT count(*) FROM wage.case_events e JOIN c USING (case_id) WHERE e.at > '$promoted_at'),
           (SELECT count(DISTINCT usename) FROM pg_stat_activity WHERE usename LIKE 'wage\_%' AND usename NOT IN ('wage_admin', 'wage_replicator'))
  " | tail -1 >"$CL/verdict-$run.txt"
  IFS='|' read -r n_sent lost dup_cases n_cases n_events dup_events n_outbox dup_outbox unpublished transferred received after_promotion sessions <"$CL/verdict-$run.txt"
  # the old primary comes back as the new standby
  make_standby "$primary" "$standby"
  local doubled=$((dup_cases + dup_events + dup_outbox))
  local verdict="cluster test $run: $n_sent clues sent, $n_cases cases ($transferred transferred, $received received by their departments), $n_events timeline events, $n_outbox outbox rows ($unpublished unpublished); broker node $(node_name "$victim") killed (leader of $before queues and host of $clients client connections, $moved left on it after the kill) and back, $broker_reconnects broker reconnects; PostgreSQL primary $primary killed, standby $standby promoted ($after_promotion events written on it after, $sessions principals connected to it, $db_reconnects database reconnects): $lost lost, $doubled doubled"
  echo "$verdict" | tee -a "$CL/verdicts.txt"
  [ "$lost" = 0 ] && [ "$doubled" = 0 ] && [ "$n_sent" -gt 0 ]
}

cmd=${1:-status}
case "$cmd" in
  up) cluster_up ;;
  servers) cluster_servers ;;
  down) cluster_down ;;
  status) cluster_status ;;
  test) cluster_test ;;
  reset) cluster_down; say "deleting $CL data"; rm -rf "$CL/pg" "$CL/rabbitmq" "$CL/stack.env" "$CL/logs" "$CL/run" "$CL/metrics" ;;
  *) die "unknown command '$cmd' (up, down, status, test, reset)" ;;
esac
