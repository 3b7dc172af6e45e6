#!/usr/bin/env bash
# Print a data migration that upserts a business-calendar CSV into wage.calendar.
#
# usage: sql/tools/calendar-migration.sh deploy/calendar/CN-2027.csv > sql/NNNN_calendar_cn_2027.sql
#
# CSV: header `day,is_workday,note`, then one row per listed day (ISO date,
# true/false, free text; the note may contain commas or be double-quoted).
# The output is plain SQL (INSERT ... ON CONFLICT (day) DO UPDATE), so it can be
# reviewed and is applied once by deploy/local/migrate.sh like any migration.
set -euo pipefail
csv=${1:?usage: calendar-migration.sh FILE.csv}
[ -f "$csv" ] || { echo "no such file: $csv" >&2; exit 1; }

echo "-- Calendar rows generated from $csv by sql/tools/calendar-migration.sh; do not edit."
echo "-- $(grep -c . "$csv" | awk '{print $1 - 1}') rows (a day not listed is a working day iff Monday-Friday)."
echo "INSERT INTO wage.calendar (day, is_workday, note) VALUES"
awk -v src="$csv" '
  NR == 1 { if ($0 !~ /^day,is_workday,note/) { print "bad header in " src > "/dev/stderr"; exit 2 } next }
  /^[[:space:]]*$/ { next }
  {
    sub(/\r$/, "")
    day = $0; sub(/,.*/, "", day)
    rest = substr($0, length(day) + 2)
    flag = rest; sub(/,.*/, "", flag)
    note = (index(rest, ",") > 0) ? substr(rest, length(flag) + 2) : ""
    if (note ~ /^".*"$/) { note = substr(note, 2, length(note) - 2); gsub(/""/, "\"", note) }
    if (day !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/) { print "bad day on line " NR ": " day > "/dev/stderr"; exit 2 }
    if (flag != "true" && flag != "false") { print "bad is_workday on line " NR ": " flag > "/dev/stderr"; exit 2 }
    gsub(/\047/, "\047\047", note)
    rows[++n] = sprintf("    (DATE \047%s\047, %s, %s)", day, flag, note == "" ? "NULL" : "\047" note "\047")
  }
  END {
    if (n == 0) { print "no rows in " src > "/dev/stderr"; exit 2 }
    for (i = 1; i <= n; i++) print rows[i] (i < n ? "," : "")
  }
' "$csv"
echo "ON CONFLICT (day) DO UPDATE SET is_workday = EXCLUDED.is_workday, note = EXCLUDED.note;"
