#!/usr/bin/env bash
# Writes .env beside docker-compose.yml with fresh development passwords (git
# ignores it). docker compose reads it for the ${WAGE_PW_*} variables.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
[ -f .env ] && { echo ".env exists; delete it to make new passwords"; exit 0; }
pw() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }
{
  echo "POSTGRES_PASSWORD=$(pw)"
  echo "WAGE_PW_ADMIN=$(pw)"
  for p in HRSS HOUSING POLICE PETITIONS JUSTICE FINANCE GOVERNMENT PLATFORM BANK TRANSPORT WATER AGRICULTURE MARKET ROUTER; do
    echo "WAGE_PW_$p=$(pw)"
  done
} > .env
chmod 600 .env
echo "wrote .env"
