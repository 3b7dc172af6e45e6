#!/usr/bin/env bash
# One-shot database set-up for docker-compose: the admin role and database,
# the migrations, and each principal's login password (from the environment).
set -euo pipefail
export PGPASSWORD="$POSTGRES_PASSWORD"
super="postgres://postgres@postgres:5432"
until psql "$super/postgres" -qtAc 'SELECT 1' >/dev/null 2>&1; do echo "waiting for postgres"; sleep 1; done
psql "$super/postgres" -v ON_ERROR_STOP=1 -q <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wage_admin') THEN CREATE ROLE wage_admin LOGIN CREATEROLE; END IF;
END \$\$;
ALTER ROLE wage_admin PASSWORD '${WAGE_PW_ADMIN}';
SQL
psql "$super/postgres" -qtAc "SELECT 1 FROM pg_database WHERE datname = 'wage'" | grep -q 1 \
  || psql "$super/postgres" -qc "CREATE DATABASE wage OWNER wage_admin ENCODING 'UTF8' TEMPLATE template0"
WAGE_DATABASE_URL="postgres://wage_admin:${WAGE_PW_ADMIN}@postgres:5432/wage" bash /app/deploy/local/migrate.sh
for p in hrss housing police petitions justice finance government platform bank transport water agriculture market router; do
  var="WAGE_PW_$(echo "$p" | tr a-z A-Z)"
  psql "$super/wage" -v ON_ERROR_STOP=1 -qc "ALTER ROLE wage_$p LOGIN PASSWORD '${!var}'"
done
echo "database ready"
