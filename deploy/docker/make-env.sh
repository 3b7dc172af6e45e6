#!/usr/bin/env bash
# Writes .env beside docker-compose.yml with fresh development passwords (git
# ignores it; docker compose reads it for the ${WAGE_PW_*} variables), and from
# them one secret file per principal URL in deploy/docker/secrets/ (git-ignored):
# WAGE_AMQP_URL_<CODE> and WAGE_DATABASE_URL_<CODE>. Compose mounts each
# container's own two files only (docs/operations.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
PRINCIPALS="HRSS HOUSING POLICE PETITIONS JUSTICE FINANCE GOVERNMENT PLATFORM BANK TRANSPORT WATER AGRICULTURE MARKET ROUTER"
pw() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }
if [ -f .env ]; then
  echo ".env exists (delete it to make new passwords); writing the secret files from it"
else
  {
    echo "POSTGRES_PASSWORD=$(pw)"
    echo "WAGE_PW_ADMIN=$(pw)"
    for p in $PRINCIPALS; do echo "WAGE_PW_$p=$(pw)"; done
  } > .env
  chmod 600 .env
  echo "wrote .env"
fi
dir=deploy/docker/secrets
mkdir -p "$dir"; chmod 700 "$dir"
for p in $PRINCIPALS; do
  password=$(sed -n "s/^WAGE_PW_$p=//p" .env)
  [ -n "$password" ] || { echo "make-env: .env has no WAGE_PW_$p; delete .env and run again" >&2; exit 1; }
  code=$(echo "$p" | tr A-Z a-z)
  printf 'amqp://%s:%s@rabbitmq:5672/wage\n' "$code" "$password" > "$dir/WAGE_AMQP_URL_$p"
  printf 'postgres://wage_%s:%s@postgres:5432/wage\n' "$code" "$password" > "$dir/WAGE_DATABASE_URL_$p"
done
# Compose bind-mounts these files with their host mode; the container user (nobody) must read them.
chmod 644 "$dir"/WAGE_*
echo "wrote $dir/ (one file per principal URL)"
