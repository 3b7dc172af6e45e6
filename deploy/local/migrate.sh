#!/usr/bin/env bash
# Apply the numbered SQL migrations of sql/ (sql/NNNN_name.sql) that the database
# has not recorded yet, in order, each in its own transaction together with its
# row in wage_meta.schema_migrations. Safe to run again: applied files are skipped.
#
# usage: deploy/local/migrate.sh [DATABASE_URL]
#   DATABASE_URL defaults to $WAGE_DATABASE_URL, else WAGE_DATABASE_URL from
#   .local/stack.env of this repository. Connect as the schema owner (wage_admin).
# env:   WAGE_DB_OWNER  role the migrations must run as (default wage_admin)
#        WAGE_SQL_DIR   directory of the migrations (default <repo>/sql)
# Needs psql (postgresql-client) and coreutils (sha256sum). See docs/schema.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
sql_dir=${WAGE_SQL_DIR:-$repo/sql}
owner=${WAGE_DB_OWNER:-wage_admin}

die() { echo "migrate: $*" >&2; exit 1; }

case "${1:-}" in
  -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
[ $# -le 1 ] || die "usage: deploy/local/migrate.sh [DATABASE_URL]"

url=${1:-${WAGE_DATABASE_URL:-}}
if [ -z "$url" ] && [ -f "$repo/.local/stack.env" ]; then
  url=$(sed -n -E 's/^(export[[:space:]]+)?WAGE_DATABASE_URL=//p' "$repo/.local/stack.env" | tail -n 1)
  url=${url%\"}; url=${url#\"}; url=${url%\'}; url=${url#\'}
fi
[ -n "$url" ] || die "no database URL: pass one as argument, set WAGE_DATABASE_URL, or run deploy/local/stack.sh up (it writes .local/stack.env)"
command -v psql >/dev/null || die "psql not found (apt-get install postgresql-client)"
[ -d "$sql_dir" ] || die "no migrations directory $sql_dir"

export PGCLIENTENCODING=UTF8 PGAPPNAME=wage-migrate
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
psql_base=(psql --no-psqlrc --quiet -v ON_ERROR_STOP=1 -d "$url")

# 1. Who are we, and the bookkeeping table (created on first run).
IFS=$'\t' read -r user target < <("${psql_base[@]}" -At -F $'\t' -c \
  "select current_user, format('database %s on %s:%s', current_database(), coalesce(host(inet_server_addr()), 'local socket'), current_setting('port'))") \
  || true
[ -n "${user:-}" ] || die "cannot connect to the database (see the psql error above)"
echo "migrate: $target as $user"
if [ "$user" != "$owner" ]; then
  die "connected as '$user' but the migrations must run as '$owner' (the owner of schema wage); use the admin URL (WAGE_DATABASE_URL) or set WAGE_DB_OWNER"
fi
"${psql_base[@]}" -o /dev/null --single-transaction -f - <<'SQL' || die "cannot create wage_meta.schema_migrations (see the psql error above)"
SELECT pg_advisory_xact_lock(74190001);  -- same lock as each migration below
CREATE SCHEMA IF NOT EXISTS wage_meta;
COMMENT ON SCHEMA wage_meta IS 'Bookkeeping of deploy/local/migrate.sh; no principal role has access.';
CREATE TABLE IF NOT EXISTS wage_meta.schema_migrations (
    version    int PRIMARY KEY,
    name       text NOT NULL,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT current_user
);
COMMENT ON TABLE wage_meta.schema_migrations IS 'One row per applied sql/NNNN_name.sql (version = NNNN, checksum = sha256 of the file), written in the same transaction as the migration.';
SQL

# 2. The files on disk: sql/NNNN_name.sql, sorted by version.
declare -A file_of=() sum_of=()
versions=()
shopt -s nullglob
for path in "$sql_dir"/*.sql; do
  base=$(basename "$path")
  [[ $base =~ ^([0-9]{4})_([a-z0-9_]+)\.sql$ ]] \
    || die "unexpected file sql/$base: migrations are named NNNN_lower_snake_name.sql (other SQL goes in a subdirectory)"
  v=$((10#${BASH_REMATCH[1]}))
  [ -z "${file_of[$v]:-}" ] || die "two migrations share version ${BASH_REMATCH[1]}: ${file_of[$v]} and $base; renumber one"
  file_of[$v]=$base
  sum_of[$v]=$(sha256sum "$path" | cut -d' ' -f1)
  versions+=("$v")
done
shopt -u nullglob
[ ${#versions[@]} -gt 0 ] || die "no migrations in $sql_dir"
mapfile -t versions < <(printf '%s\n' "${versions[@]}" | sort -n)

# 3. What the database has applied; refuse if an applied file changed or vanished.
declare -A applied_name=() applied_sum=() applied_at=()
max_applied=0
while IFS=$'\t' read -r v name sum at; do
  [ -n "$v" ] || continue
  applied_name[$v]=$name; applied_sum[$v]=$sum; applied_at[$v]=$at
  [ "$v" -gt "$max_applied" ] && max_applied=$v
done < <("${psql_base[@]}" -At -F $'\t' -c \
  "select version, name, checksum, to_char(applied_at, 'YYYY-MM-DD HH24:MI:SSOF') from wage_meta.schema_migrations order by version") \
  || die "cannot read wage_meta.schema_migrations"

for v in "${!applied_name[@]}"; do
  recorded="${applied_name[$v]}"
  if [ -z "${file_of[$v]:-}" ]; then
    die "migration $recorded was applied to this database on ${applied_at[$v]} but is missing from sql/. The database is ahead of this checkout: restore the file (git log -- sql/$recorded) or use a checkout that has it."
  fi
  if [ "${file_of[$v]}" != "$recorded" ]; then
    die "sql/${file_of[$v]} has version $v, but version $v was applied as '$recorded'. Applied migrations must not be renamed: restore the name (git mv) and put new changes in a new migration."
  fi
  if [ "${sum_of[$v]}" != "${applied_sum[$v]}" ]; then
    die "sql/$recorded changed after it was applied on ${applied_at[$v]} (checksum recorded ${applied_sum[$v]:0:12}…, file now ${sum_of[$v]:0:12}…). Applied migrations are immutable: restore the file (git checkout -- sql/$recorded, or git log -p -- sql/$recorded) and put the change in a new migration sql/NNNN_<name>.sql with the next free number. Nothing was applied."
  fi
done

for v in "${versions[@]}"; do
  if [ -z "${applied_name[$v]:-}" ] && [ "$v" -lt "$max_applied" ]; then
    die "sql/${file_of[$v]} is not applied but a later migration (version $max_applied) is. Migrations apply in order: renumber it after the last applied one. Nothing was applied."
  fi
done

# 4. Apply what is pending, one transaction per file (with its bookkeeping row).
n_applied=0; n_skipped=0
for v in "${versions[@]}"; do
  base=${file_of[$v]}
  if [ -n "${applied_name[$v]:-}" ]; then
    echo "skipped  $base (applied ${applied_at[$v]})"
    n_skipped=$((n_skipped + 1))
    continue
  fi
  start=$(date +%s%N)
  # One transaction: the advisory lock serialises concurrent runs; a run that
  # finds the version recorded meanwhile skips it instead of applying it twice.
  if ! out=$("${psql_base[@]}" -o /dev/null --single-transaction -f - <<SQL
SELECT pg_advisory_xact_lock(74190001);
SELECT EXISTS (SELECT 1 FROM wage_meta.schema_migrations WHERE version = $v) AS already \gset
\if :already
\echo concurrently-applied
\else
\i '$sql_dir/$base'
INSERT INTO wage_meta.schema_migrations (version, name, checksum) VALUES ($v, '$base', '${sum_of[$v]}');
\endif
SQL
  ); then
    echo "FAILED   $base: rolled back, nothing of it was applied (psql error above)" >&2
    [ $n_applied -eq 0 ] || echo "migrate: $n_applied migration(s) before it were applied and stay applied" >&2
    exit 1
  fi
  if [ "$out" = concurrently-applied ]; then
    echo "skipped  $base (applied meanwhile by another run)"
    n_skipped=$((n_skipped + 1))
    continue
  fi
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "applied  $base (${ms} ms)"
  n_applied=$((n_applied + 1))
done
echo "migrate: $n_applied applied, $n_skipped already applied"
