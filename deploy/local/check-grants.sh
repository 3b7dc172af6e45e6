#!/usr/bin/env bash
# Check the database permissions of every principal role (sql/tests/grants_check.sql):
# SET ROLE to each wage_<code> and assert forbidden writes and reads fail, needed
# ones work. Runs in one transaction that is rolled back; leaves no data.
#
# usage: deploy/local/check-grants.sh [DATABASE_URL]
#   DATABASE_URL: the admin login (wage_admin, a member of every wage_<code> role);
#   defaults to $WAGE_DATABASE_URL, else WAGE_DATABASE_URL from .local/stack.env.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
url=${1:-${WAGE_DATABASE_URL:-}}
if [ -z "$url" ] && [ -f "$repo/.local/stack.env" ]; then
  url=$(sed -n -E 's/^(export[[:space:]]+)?WAGE_DATABASE_URL=//p' "$repo/.local/stack.env" | tail -n 1)
  url=${url%\"}; url=${url#\"}; url=${url%\'}; url=${url#\'}
fi
[ -n "$url" ] || { echo "check-grants: no database URL (argument, WAGE_DATABASE_URL or .local/stack.env)" >&2; exit 1; }
PGCLIENTENCODING=UTF8 exec psql --no-psqlrc -v ON_ERROR_STOP=1 -d "$url" -f "$repo/sql/tests/grants_check.sql"
