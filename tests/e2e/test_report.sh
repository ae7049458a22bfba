#!/usr/bin/env bash
# `mentor report` and `mentor report --icf` on the records in
# fixtures/report/records, with "today" pinned to 2026-11-22 (so the default
# period is October 2026): golden files in every format, the edges of
# periods, bad periods, RFC 4180 csv, JSON read back by another reader, -o
# (format from the extension, mode, atomic replacement, no leftovers) and
# --redact (no name, name part, email, organisation or note anywhere).
# Nothing here may write to the records.
#
# The October figures, checked by hand against the fixture:
#   gave      9 sessions, 645 min (10.75 h), 5 people; pairings 6 active,
#             1 started (tobias-wrenfield-2), 1 ended (tobias-wrenfield,
#             without `ended:`); 1 goal achieved (a review without a
#             duration: no session); actions 5 agreed, 2 done, 5 open and 3
#             overdue at the end.
#   received  2 sessions, 150 min; 2 people; 2 active, 1 ended (supervision).
#   others    2 sessions, 90 min; 1 person (the mentee); 1 action open and
#             overdue at the end (done on 2026-11-03).
#   Marguerite's sessions around October: 09-30 50m, 10-01 1h30m, 10-31 1h,
#   11-01 45m, so 2 sessions and 150 minutes mean exactly 10-01 and 10-31.
#   ICF, all time (2024-01-15 to 2026-11-23): 995 min = 16.58 h, 800 paid
#   (13.33), 195 pro bono (3.25), 4 clients; in the 18 months from
#   2025-05-22 to 2026-11-22: 935 min = 15.58 h.
source "$(dirname "$0")/lib.sh" "$@"
require_yaml_get

GOLDEN="$FIXTURES/report"
RECS="$TMP/records"
cp -R "$GOLDEN/records" "$RECS"
OUTDIR="$TMP/out"
mkdir -p "$OUTDIR"
cd "$OUTDIR"
tree_listing "$RECS" >"$TMP/tree.before"

T=2026-11-22

# --- helpers ---------------------------------------------------------------------

# report ARGS...: `mentor report` on the fixture, today pinned to $DAY, else $T
# (--today may be given only once).
report() {
  mentor --dir "$RECS" --today "${DAY:-$T}" report "$@"
}

# keep NAME: copies the last stdout to $TMP/NAME, for $YAML_GET and friends.
keep() {
  cp "$OUT_FILE" "$TMP/$1"
}

# side_index FILE SIDE: the index of side SIDE (gave, received, others) in a
# JSON report.
side_index() {
  local n i
  n="$(yget "$1" sides '#')" || return 1
  for ((i = 0; i < n; i++)); do
    if [[ "$(yget "$1" sides "$i" side)" == "$2" ]]; then
      echo "$i"
      return 0
    fi
  done
  return 1
}

# expect_total FILE SIDE FIELD VALUE: a side's totals.FIELD in a JSON report.
expect_total() {
  local s value
  if ! s="$(side_index "$1" "$2")"; then
    fail "$1 has no side '$2'"
    return
  fi
  value="$(yget "$1" sides "$s" totals "$3")" || value="(missing)"
  if [[ "$value" != "$4" ]]; then
    fail "$1: $2 totals.$3 is '$value', expected '$4'"
  else
    pass
  fi
}

# expect_row FILE SIDE KEY FIELD VALUE: FIELD of the row with KEY on SIDE.
expect_row() {
  local s n i value="(no such row)"
  if ! s="$(side_index "$1" "$2")"; then
    fail "$1 has no side '$2'"
    return
  fi
  n="$(yget "$1" sides "$s" rows '#')"
  for ((i = 0; i < n; i++)); do
    if [[ "$(yget "$1" sides "$s" rows "$i" key)" == "$3" ]]; then
      value="$(yget "$1" sides "$s" rows "$i" "$4")" || value="(missing)"
      break
    fi
  done
  if [[ "$value" != "$5" ]]; then
    fail "$1: $2 row $3 $4 is '$value', expected '$5'"
  else
    pass
  fi
}

# expect_no_side FILE SIDE
expect_no_side() {
  if side_index "$1" "$2" >/dev/null; then
    fail "$1 should have no side '$2'"
  else
    pass
  fi
}

# row_keys FILE SIDE: the keys of a side's rows, one a line.
row_keys() {
  local s n i
  s="$(side_index "$1" "$2")" || return 0
  n="$(yget "$1" sides "$s" rows '#')"
  for ((i = 0; i < n; i++)); do
    yget "$1" sides "$s" rows "$i" key
    echo
  done
}

# expect_first_line TEXT: the first line of stdout is exactly TEXT.
expect_first_line() {
  local first
  first="$(head -n 1 "$OUT_FILE")"
  if [[ "$first" != "$1" ]]; then
    fail "the first line is '$first', expected '$1'"
  else
    pass
  fi
}

# expect_crlf FILE: every line ends in CRLF, no bare LF or CR, and the file
# ends with a line break.
expect_crlf() {
  local lines crs
  lines="$(tr -cd '\n' <"$1" | wc -c)"
  crs="$(tr -cd '\r' <"$1" | wc -c)"
  if [[ ! -s "$1" ]]; then
    fail "$1 is empty"
  elif [[ "$lines" -ne "$crs" ]] || grep -q $'[^\r]$' "$1" || grep -q $'^$' "$1"; then
    fail "$1 does not end every line with CRLF ($lines LF, $crs CR)"
  elif [[ "$(tail -c 2 "$1" | od -An -c | tr -d ' ')" != '\r\n' ]]; then
    fail "$1 does not end with CRLF"
  else
    pass
  fi
}

# csv_fields FILE: the number of fields of each record (RFC 4180: quoted
# fields may hold commas and doubled quotes), one a line.
csv_fields() {
  tr -d '\r' <"$1" | awk '{
      n = 1; q = 0
      for (i = 1; i <= length($0); i++) {
        c = substr($0, i, 1)
        if (c == "\"") { q = !q } else if (c == "," && !q) { n++ }
      }
      if (q) { n = -1 }
      print n
    }'
}

# expect_csv_shape FILE HEADER FIELDS: CRLF, the header exactly once and
# first, every record with FIELDS fields.
expect_csv_shape() {
  expect_crlf "$1"
  if [[ "$(head -n 1 "$1" | tr -d '\r')" != "$2" ]]; then
    fail "$1: the first line is not the header '$2'"
  else
    pass
  fi
  if [[ "$(tr -d '\r' <"$1" | grep -cxF -- "$2")" -ne 1 ]]; then
    fail "$1: the header is not there exactly once"
  else
    pass
  fi
  if csv_fields "$1" | grep -qvx "$3"; then
    fail "$1: not every record has $3 fields: $(csv_fields "$1" | tr '\n' ' ')"
  else
    pass
  fi
}

# expect_csv_line FILE LINE: FILE has the record LINE (CRLF-terminated).
expect_csv_line() {
  if ! grep -qxF -- "$2"$'\r' "$1"; then
    fail "$1 has no line exactly: $2"
  else
    pass
  fi
}

# csv_column FILE N: the Nth field of every data record (unquoted fields
# only, which is all this is used on).
csv_column() {
  tr -d '\r' <"$1" | tail -n +2 | cut -d , -f "$2"
}

# expect_width MAX: no stdout line is wider than MAX characters (bash counts
# characters under C.UTF-8).
expect_width() {
  local line n=0 long=""
  while IFS= read -r line || [[ -n "$line" ]]; do
    n=$((n + 1))
    if ((${#line} > $1)); then
      long+="    $n (${#line}): $line"$'\n'
    fi
  done <"$OUT_FILE"
  if [[ -n "$long" ]]; then
    fail "stdout lines wider than $1 characters:
$long"
  else
    pass
  fi
}

REPORT_CSV_HEADER="from,to,side,group_by,key,label,kind,sessions,minutes,hours"
ICF_CSV_HEADER="Client Name,Contact Information,Individual/Group,Number in Group,Start Date,End Date,Paid Hours,Pro-bono Hours"
PR=robin-quillfeather
MG="$PR--marguerite-hartley"

section "the fixture is valid records (one warning: an ended pairing without \`ended:\`)"
mentor --dir "$RECS" check
expect_exit 0

# --- golden files ----------------------------------------------------------------

section "report: the last full month, text against the golden file"
report
expect_exit 0
expect_same_file "$OUT_FILE" "$GOLDEN/report.expected.txt"
expect_first_line "Report for 2026-10-01 to 2026-11-01 (end exclusive)"
expect_width 80
if grep -q $'\e' "$OUT_FILE"; then fail "colour codes despite NO_COLOR"; else pass; fi

section "report: markdown, json and csv against the golden files"
report --format markdown
expect_exit 0
expect_same_file "$OUT_FILE" "$GOLDEN/report.expected.md"
report --format json
expect_exit 0
expect_same_file "$OUT_FILE" "$GOLDEN/report.expected.json"
report --format csv
expect_exit 0
expect_same_file "$OUT_FILE" "$GOLDEN/report.expected.csv"

section "report --by person, kind, month against the golden files"
for by in person kind month; do
  report --by "$by"
  expect_exit 0
  expect_same_file "$OUT_FILE" "$GOLDEN/by-$by.expected.txt"
  expect_width 80
done
report --by pairing
expect_exit 0
expect_same_file "$OUT_FILE" "$GOLDEN/report.expected.txt"

section "report --icf: all time, text, csv, json and markdown against the golden files"
report --icf
expect_exit 0
expect_same_file "$OUT_FILE" "$GOLDEN/icf.expected.txt"
expect_first_line "ICF coaching log for 2024-01-15 to 2026-11-23 (end exclusive)"
expect_width 80
report --icf --format csv
expect_exit 0
expect_same_file "$OUT_FILE" "$GOLDEN/icf.expected.csv"
report --icf --format json
expect_exit 0
expect_same_file "$OUT_FILE" "$GOLDEN/icf.expected.json"
report --icf --format markdown
expect_exit 0
expect_same_file "$OUT_FILE" "$GOLDEN/icf.expected.md"

section "--today after the command and from MENTOR_TODAY; the default is the last full month"
mentor --dir "$RECS" report --today "$T"
expect_same_file "$OUT_FILE" "$GOLDEN/report.expected.txt"
MENTOR_TODAY="$T" mentor --dir "$RECS" report
expect_same_file "$OUT_FILE" "$GOLDEN/report.expected.txt"
report --month 2026-10
expect_same_file "$OUT_FILE" "$GOLDEN/report.expected.txt"
DAY=2026-11-01 report
expect_same_file "$OUT_FILE" "$GOLDEN/report.expected.txt"
DAY=2026-11-30 report
expect_same_file "$OUT_FILE" "$GOLDEN/report.expected.txt"
DAY=2026-10-31 report
expect_first_line "Report for 2026-09-01 to 2026-10-01 (end exclusive)"
DAY=2026-01-15 report
expect_first_line "Report for 2025-12-01 to 2026-01-01 (end exclusive)"

# --- what the report holds -------------------------------------------------------

section "JSON reads back: range, totals of each side, rows"
report --format json
keep oct.json
J="$TMP/oct.json"
expect_yaml "$J" from = 2026-10-01
expect_yaml "$J" to = 2026-11-01
expect_yaml "$J" by = pairing
expect_yaml "$J" redacted = false
expect_yaml "$J" sides '#' = 3
expect_yaml "$J" sides 0 side = gave
expect_yaml "$J" sides 1 side = received
expect_yaml "$J" sides 2 side = others
expect_yaml "$J" sides 0 totals sessions = 9
expect_total "$J" gave minutes 645
expect_total "$J" gave hours 10.75
expect_total "$J" gave people_seen 5
expect_total "$J" gave pairings_active 6
expect_total "$J" gave pairings_started 1
expect_total "$J" gave pairings_ended 1
expect_total "$J" gave goals_achieved 1
expect_total "$J" gave actions_agreed 5
expect_total "$J" gave actions_done 2
expect_total "$J" gave actions_open_at_end 5
expect_total "$J" gave actions_overdue_at_end 3
expect_total "$J" received sessions 2
expect_total "$J" received minutes 150
expect_total "$J" received people_seen 2
expect_total "$J" received pairings_active 2
expect_total "$J" received pairings_ended 1
expect_total "$J" received actions_open_at_end 1
expect_total "$J" received actions_overdue_at_end 0
expect_total "$J" others sessions 2
expect_total "$J" others minutes 90
expect_total "$J" others people_seen 1
expect_total "$J" others actions_open_at_end 1
expect_total "$J" others actions_overdue_at_end 1
expect_row "$J" gave "$MG" sessions 2
expect_row "$J" gave "$MG" minutes 150
expect_row "$J" gave "$MG" hours 2.50
expect_row "$J" gave "$MG" label 'Hartley, Marguerite "Daisy"'
expect_row "$J" gave "$PR--perpetua-fennimore" hours 4.50
expect_row "$J" gave "$PR--tobias-wrenfield-2" sessions 0
expect_row "$J" gave "$PR--tobias-wrenfield-2" kind mentoring
expect_row "$J" received "cordelia-ashworth--$PR" kind supervision
expect_row "$J" received "cordelia-ashworth--$PR" hours 1.50
expect_row "$J" others "barnaby-quenneville--henrietta-pollux" label "Barnaby Quenneville and Henrietta Pollux"

section "the pro bono review without a duration is no session and counts no hours"
expect_row "$J" gave "$PR--ignatius-volkov-thrane" sessions 1
expect_row "$J" gave "$PR--ignatius-volkov-thrane" minutes 45
if grep -q retrospective "$J"; then fail "the review's topic is counted"; else pass; fi

section "the sides stay apart: my coach and supervisor are not among what I gave"
row_keys "$J" gave >"$TMP/gave.keys"
printf '%s\n' "$PR--ignatius-volkov-thrane" "$MG" "$PR--oluwaseun-brackenridge" "$PR--perpetua-fennimore" \
  "$PR--tobias-wrenfield" "$PR--tobias-wrenfield-2" >"$TMP/gave.want"
expect_same_file "$TMP/gave.keys" "$TMP/gave.want"
row_keys "$J" received >"$TMP/received.keys"
printf '%s\n' "cordelia-ashworth--$PR" "xanthe-delacroix-mbeki--$PR" >"$TMP/received.want"
expect_same_file "$TMP/received.keys" "$TMP/received.want"

section "--by person merges Tobias's two pairings; --by kind splits coaching and supervision"
report --by person --format json
keep person.json
expect_yaml "$TMP/person.json" by = person
expect_row "$TMP/person.json" gave tobias-wrenfield sessions 1
expect_row "$TMP/person.json" gave tobias-wrenfield label "Tobias Wrenfield"
expect_row "$TMP/person.json" others henrietta-pollux sessions 2
report --by kind --format json
keep kind.json
expect_row "$TMP/kind.json" gave coaching sessions 8
expect_row "$TMP/kind.json" gave coaching minutes 585
expect_row "$TMP/kind.json" gave mentoring sessions 1
expect_row "$TMP/kind.json" received supervision minutes 90
expect_row "$TMP/kind.json" received coaching minutes 60
expect_row "$TMP/kind.json" others coaching minutes 90

section "--by month over a quarter: every month in order, the empty one too"
report --by month --period 2026-Q4 --format csv
expect_exit 0
keep q4.csv
expect_csv_shape "$TMP/q4.csv" "$REPORT_CSV_HEADER" 10
expect_csv_line "$TMP/q4.csv" "2026-10-01,2027-01-01,gave,month,2026-10,2026-10,,9,645,10.75"
expect_csv_line "$TMP/q4.csv" "2026-10-01,2027-01-01,gave,month,2026-11,2026-11,,1,45,0.75"
expect_csv_line "$TMP/q4.csv" "2026-10-01,2027-01-01,gave,month,2026-12,2026-12,,0,0,0.00"
grep '^[^,]*,[^,]*,gave,' "$TMP/q4.csv" | cut -d , -f 5 >"$TMP/q4.months"
printf '%s\n' 2026-10 2026-11 2026-12 >"$TMP/q4.want"
expect_same_file "$TMP/q4.months" "$TMP/q4.want"
report --by month --period 2024 --format csv
keep y2024.csv
if [[ "$(grep -c ',gave,month,' "$TMP/y2024.csv")" -ne 12 ]]; then
  fail "--period 2024 --by month does not list 12 months for what I gave"
else
  pass
fi
expect_csv_line "$TMP/y2024.csv" "2024-01-01,2025-01-01,gave,month,2024-02,2024-02,,1,60,1.00"
expect_csv_line "$TMP/y2024.csv" "2024-01-01,2025-01-01,gave,month,2024-03,2024-03,,0,0,0.00"

# --- periods ---------------------------------------------------------------------

# check_period FROM TO ARGS...: the report for ARGS states FROM and TO: in
# the heading of the text, as "from"/"to" in JSON, in the from,to columns of
# every csv row; the JSON is kept in $TMP/period.json.
check_period() {
  local from="$1" to="$2"
  shift 2
  report "$@"
  expect_exit 0
  expect_first_line "Report for $from to $to (end exclusive)"
  report "$@" --format markdown
  expect_exit 0
  expect_first_line "# Report: $from to $to (end exclusive)"
  report "$@" --format json
  expect_exit 0
  keep period.json
  expect_yaml "$TMP/period.json" from = "$from"
  expect_yaml "$TMP/period.json" to = "$to"
  report "$@" --format csv
  expect_exit 0
  keep period.csv
  expect_csv_shape "$TMP/period.csv" "$REPORT_CSV_HEADER" 10
  if [[ "$(tr -d '\r' <"$TMP/period.csv" | wc -l)" -lt 2 ]]; then
    fail "the csv for $* has no rows to show its range"
  elif tail -n +2 "$TMP/period.csv" | tr -d '\r' | cut -d , -f 1,2 | grep -qvxF "$from,$to"; then
    fail "not every csv row of $* has from,to = $from,$to"
  else
    pass
  fi
}

section "--month 2026-10 takes in 10-01 and 10-31, not 09-30 or 11-01"
check_period 2026-10-01 2026-11-01 --month 2026-10
expect_row "$TMP/period.json" gave "$MG" sessions 2
expect_row "$TMP/period.json" gave "$MG" minutes 150
expect_csv_line "$TMP/period.csv" \
  "2026-10-01,2026-11-01,gave,pairing,$MG,\"Hartley, Marguerite \"\"Daisy\"\"\",coaching,2,150,2.50"

section "--month 2026-09 and 2026-11: each takes its own edge day"
check_period 2026-09-01 2026-10-01 --month 2026-09
expect_row "$TMP/period.json" gave "$MG" sessions 1
expect_row "$TMP/period.json" gave "$MG" minutes 50
check_period 2026-11-01 2026-12-01 --month 2026-11
expect_row "$TMP/period.json" gave "$MG" sessions 1
expect_row "$TMP/period.json" gave "$MG" minutes 45

section "--period 2026-Q4 (with November's session), spelled three ways"
for spelling in 2026-Q4 2026-q4 " 2026-Q4 "; do
  check_period 2026-10-01 2027-01-01 --period "$spelling"
  expect_row "$TMP/period.json" gave "$MG" sessions 3
  expect_row "$TMP/period.json" gave "$MG" minutes 195
  expect_total "$TMP/period.json" gave sessions 10
done

section "--period \"last quarter\" on 2026-11-22 is Q3: 09-30 in, 10-01 out"
for spelling in "last quarter" "Last Quarter" last-quarter; do
  check_period 2026-07-01 2026-10-01 --period "$spelling"
  expect_row "$TMP/period.json" gave "$MG" sessions 1
  expect_row "$TMP/period.json" gave "$MG" minutes 50
  expect_total "$TMP/period.json" gave sessions 2
  expect_total "$TMP/period.json" gave minutes 110
  expect_total "$TMP/period.json" received sessions 1
  expect_total "$TMP/period.json" others sessions 0
  expect_total "$TMP/period.json" others pairings_started 1
done
DAY=2026-02-10 report --period "last quarter" --format json
keep lq.json
expect_yaml "$TMP/lq.json" from = 2025-10-01
expect_yaml "$TMP/lq.json" to = 2026-01-01

section "--period 2024: the leap day counts"
check_period 2024-01-01 2025-01-01 --period 2024
expect_total "$TMP/period.json" gave sessions 1
expect_total "$TMP/period.json" gave minutes 60
expect_row "$TMP/period.json" gave "$MG" sessions 1
expect_total "$TMP/period.json" gave pairings_started 1
expect_no_side "$TMP/period.json" received
check_period 2024-02-29 2024-03-01 --from 2024-02-29 --to 2024-03-01
expect_total "$TMP/period.json" gave sessions 1

section "--from 2025-12-31 --to 2026-01-01: the last day of December only"
check_period 2025-12-31 2026-01-01 --from 2025-12-31 --to 2026-01-01
expect_total "$TMP/period.json" gave sessions 1
expect_total "$TMP/period.json" gave minutes 45
expect_row "$TMP/period.json" gave "$MG" minutes 45
expect_row "$TMP/period.json" gave "$PR--ignatius-volkov-thrane" sessions 0
report --from 2025-12-31 --to 2026-01-01 --by month --format csv
keep nye.csv
expect_csv_line "$TMP/nye.csv" "2025-12-31,2026-01-01,gave,month,2025-12,2025-12,,1,45,0.75"
if grep -q ',2026-01,' "$TMP/nye.csv"; then fail "January is in a period that ends on 2026-01-01"; else pass; fi
check_period 2025-12-31 2026-01-02 --from 2025-12-31 --to 2026-01-02
expect_total "$TMP/period.json" gave sessions 2
expect_total "$TMP/period.json" gave minutes 90

section "--period \"last month\" in January is December of the year before"
DAY=2027-01-15 check_period 2026-12-01 2027-01-01 --period "last month"
expect_total "$TMP/period.json" gave sessions 0
expect_total "$TMP/period.json" gave pairings_active 5
DAY=2027-01-01 check_period 2026-12-01 2027-01-01 --period "last month"
check_period 2026-11-01 2026-12-01 --period "this month"
check_period 2026-01-01 2027-01-01 --period "this year"
check_period 2025-01-01 2026-01-01 --period "last year"
check_period 2026-10-01 2027-01-01 --period "this quarter"

section "a period with nothing in it says so"
report --month 2020-01
expect_exit 0
expect_stdout_equals "Report for 2020-01-01 to 2020-02-01 (end exclusive)
No sessions or pairings in this period."
report --month 2020-01 --format csv
expect_exit 0
expect_stdout_equals "$REPORT_CSV_HEADER"$'\r'
report --month 2020-01 --format json
keep empty.json
expect_yaml "$TMP/empty.json" from = 2020-01-01
expect_yaml "$TMP/empty.json" sides '#' = 0

# --- bad periods -----------------------------------------------------------------

# bad ARGS...: a usage error (exit 2, `mentor: error: …`, nothing on stdout).
bad() {
  report "$@"
  expect_exit 2
  expect_error_format
  expect_stdout_empty
}

section "bad periods exit 2 and say what is accepted"
bad --period nonsense
expect_stderr_contains "nonsense"
expect_stderr_contains "YYYY-MM"
expect_stderr_contains "YYYY-Qn"
expect_stderr_contains "last quarter"
for p in 2026-Q5 2026-Q0 2026-13 2026-00 26 "next month" "" 2026-10-01; do
  bad --period "$p"
  expect_stderr_contains "YYYY-Qn"
done
bad --month 2026-13
expect_stderr_contains "2026-13"
expect_stderr_contains "YYYY-MM"
for m in 2026-00 2026-1 2026/10 2026-10-01 "last month" 2026-Q4; do
  bad --month "$m"
  expect_stderr_contains "YYYY-MM"
done
bad --from 2026-01-01
expect_stderr_contains "--from"
expect_stderr_contains "--to"
bad --to 2026-01-01
expect_stderr_contains "--from"
expect_stderr_contains "--to"
bad --from 2026-02-01 --to 2026-01-01
expect_stderr_contains "--from"
expect_stderr_contains "--to"
expect_stderr_contains_i "exclusive"
bad --from 2026-01-01 --to 2026-01-01
expect_stderr_contains_i "exclusive"
bad --from 2026-02-30 --to 2026-03-01
bad --from 2026-01-01 --to never
bad --month 2026-10 --period 2026-Q4
expect_stderr_contains "--month"
expect_stderr_contains "--period"
bad --period 2026-Q4 --month 2026-10
expect_stderr_contains "--month"
bad --month 2026-10 --from 2026-10-01 --to 2026-11-01
expect_stderr_contains "--from"
bad --period 2026 --from 2026-10-01 --to 2026-11-01
expect_stderr_contains "--period"
bad --by week
expect_stderr_contains "week"
bad --format xml
expect_stderr_contains "xml"
bad --icf --by person

# --- csv ---------------------------------------------------------------------------

section "csv: RFC 4180, CRLF, one header row, quotes doubled"
report --format csv
keep report.csv
expect_csv_shape "$TMP/report.csv" "$REPORT_CSV_HEADER" 10
expect_csv_line "$TMP/report.csv" \
  "2026-10-01,2026-11-01,gave,pairing,$MG,\"Hartley, Marguerite \"\"Daisy\"\"\",coaching,2,150,2.50"
expect_csv_line "$TMP/report.csv" \
  "2026-10-01,2026-11-01,others,pairing,barnaby-quenneville--henrietta-pollux,Barnaby Quenneville and Henrietta Pollux,coaching,2,90,1.50"
for by in person kind month; do
  report --format csv --by "$by"
  keep "by-$by.csv"
  expect_csv_shape "$TMP/by-$by.csv" "$REPORT_CSV_HEADER" 10
  if csv_column "$TMP/by-$by.csv" 4 | grep -qvx "$by"; then fail "group_by is not $by on every row"; else pass; fi
done
expect_csv_line "$TMP/by-person.csv" \
  "2026-10-01,2026-11-01,gave,person,marguerite-hartley,\"Hartley, Marguerite \"\"Daisy\"\"\",,2,150,2.50"

section "ICF csv: ICF's exact header, quotes doubled in name and contact, group rows"
report --icf --format csv
keep icf.csv
expect_csv_shape "$TMP/icf.csv" "$ICF_CSV_HEADER" 8
expect_csv_line "$TMP/icf.csv" \
  '"Hartley, Marguerite ""Daisy""","""m,h""@hartley-works.example",Individual,1,2024-02-29,2026-11-01,5.83,0.00'
expect_csv_line "$TMP/icf.csv" \
  "Ignatius Volkov-Thrane,ignatius@thrane-foundation.example,Individual,1,2025-11-10,2026-10-14,0.00,2.25"
expect_csv_line "$TMP/icf.csv" \
  "Oluwaseun Brackenridge,seun.b@saltmarsh-trust.example,Individual,1,2026-07-20,2026-10-23,2.00,1.00"
expect_csv_line "$TMP/icf.csv" \
  "Perpetua Fennimore,perpetua@kestrel-labs.example,Individual,1,2026-04-10,2026-10-27,1.50,0.00"
expect_csv_line "$TMP/icf.csv" \
  "Perpetua Fennimore,perpetua@kestrel-labs.example,Group,4,2026-10-06,2026-10-20,4.00,0.00"
if [[ "$(tr -d '\r' <"$TMP/icf.csv" | wc -l)" -ne 6 ]]; then
  fail "the ICF log should have 5 rows: 4 clients, one of them also in a group"
else
  pass
fi

section "ICF: mentoring, supervision, what I received and coaching between others are left out"
for who in Tobias Wrenfield Xanthe Cordelia Barnaby Henrietta Quillfeather; do
  if grep -qi "$who" "$TMP/icf.csv" "$GOLDEN/icf.expected.txt"; then fail "$who is in the ICF log"; else pass; fi
done

section "ICF for October: start and end within the period"
report --icf --month 2026-10 --format csv
expect_exit 0
keep icf-oct.csv
printf '%s\r\n' "$ICF_CSV_HEADER" \
  '"Hartley, Marguerite ""Daisy""","""m,h""@hartley-works.example",Individual,1,2026-10-01,2026-10-31,2.50,0.00' \
  "Perpetua Fennimore,perpetua@kestrel-labs.example,Group,4,2026-10-06,2026-10-20,4.00,0.00" \
  "Oluwaseun Brackenridge,seun.b@saltmarsh-trust.example,Individual,1,2026-10-09,2026-10-23,1.00,1.00" \
  "Ignatius Volkov-Thrane,ignatius@thrane-foundation.example,Individual,1,2026-10-14,2026-10-14,0.00,0.75" \
  "Perpetua Fennimore,perpetua@kestrel-labs.example,Individual,1,2026-10-27,2026-10-27,0.50,0.00" \
  >"$TMP/icf-oct.want"
expect_same_file "$TMP/icf-oct.csv" "$TMP/icf-oct.want"
report --icf --month 2026-10
expect_first_line "ICF coaching log for 2026-10-01 to 2026-11-01 (end exclusive)"
expect_stdout_contains "Total: 9.75 hours (8.00 paid, 1.75 pro bono), 4 clients."
# The last 18 months do not depend on the period.
expect_stdout_contains "18 months to 2026-11-22: 15.58 hours; needed: ACC 25, PCC 50, MCC none"
report --icf --format json --month 2026-10
keep icf-oct.json
expect_yaml "$TMP/icf-oct.json" from = 2026-10-01
expect_yaml "$TMP/icf-oct.json" to = 2026-11-01
expect_yaml "$TMP/icf-oct.json" totals hours = 9.75
expect_yaml "$TMP/icf-oct.json" totals clients = 4
expect_yaml "$TMP/icf-oct.json" totals hours_last_18_months = 15.58
expect_yaml "$TMP/icf-oct.json" rows 1 individual_group = Group
expect_yaml "$TMP/icf-oct.json" rows 1 number_in_group = 4
expect_yaml "$TMP/icf-oct.json" rows 0 client = 'Hartley, Marguerite "Daisy"'
expect_yaml "$TMP/icf-oct.json" rows 0 contact = '"m,h"@hartley-works.example'
report --icf --period 2024 --format csv
keep icf-2024.csv
expect_csv_line "$TMP/icf-2024.csv" \
  '"Hartley, Marguerite ""Daisy""","""m,h""@hartley-works.example",Individual,1,2024-02-29,2024-02-29,1.00,0.00'

section "ICF JSON reads back"
expect_yaml "$GOLDEN/icf.expected.json" from = 2024-01-15
expect_yaml "$GOLDEN/icf.expected.json" to = 2026-11-23
expect_yaml "$GOLDEN/icf.expected.json" totals hours = 16.58
expect_yaml "$GOLDEN/icf.expected.json" totals paid_hours = 13.33
expect_yaml "$GOLDEN/icf.expected.json" totals pro_bono_hours = 3.25
expect_yaml "$GOLDEN/icf.expected.json" totals clients = 4
expect_yaml "$GOLDEN/icf.expected.json" totals hours_last_18_months = 15.58
expect_yaml "$GOLDEN/icf.expected.json" credentials 0 name = ACC
expect_yaml "$GOLDEN/icf.expected.json" credentials 0 met = false

# --- -o FILE ---------------------------------------------------------------------

section "-o: the format from the extension, mode 0600, the same bytes as stdout"
for pair in csv:report.expected.csv md:report.expected.md json:report.expected.json txt:report.expected.txt \
  CSV:report.expected.csv markdown:report.expected.md dat:report.expected.txt; do
  ext="${pair%%:*}"
  golden="${pair#*:}"
  report -o "out.$ext"
  expect_exit 0
  expect_stdout_equals "wrote out.$ext"
  expect_same_file "out.$ext" "$GOLDEN/$golden"
  expect_mode "out.$ext" 600
done
expect_yaml out.json sides 0 totals sessions = 9
report --icf -o icf-log.csv
expect_exit 0
expect_same_file icf-log.csv "$GOLDEN/icf.expected.csv"
expect_mode icf-log.csv 600

section "--format wins over the extension"
report --format text -o x.csv
expect_exit 0
expect_same_file x.csv "$GOLDEN/report.expected.txt"
report --format json -o x.md
expect_exit 0
expect_same_file x.md "$GOLDEN/report.expected.json"
report --icf --format markdown -o x.json
expect_exit 0
expect_same_file x.json "$GOLDEN/icf.expected.md"

section "-o into a missing directory: exit 1, no file, no temporary file"
ls -A "$OUTDIR" >"$TMP/outdir.before"
report -o missing/out.csv
expect_exit 1
expect_error_format
expect_stdout_empty
expect_missing missing
report -o "$OUTDIR/missing/deeper/out.csv"
expect_exit 1
expect_missing missing
ls -A "$OUTDIR" >"$TMP/outdir.after"
expect_same_file "$TMP/outdir.after" "$TMP/outdir.before"

section "-o replaces an existing file in one step; an error leaves it as it was"
report -o same.csv
expect_exit 0
snapshot same.csv
inode_before="$(stat -c %i same.csv)"
report --period nonsense -o same.csv
expect_exit 2
expect_file_unchanged same.csv
report --month 2026-13 -o same.csv
expect_exit 2
expect_file_unchanged same.csv
mentor --dir "$TMP/no-such-records" --today "$T" report -o same.csv
expect_exit 1
expect_file_unchanged same.csv
report --icf --by kind -o same.csv
expect_exit 2
expect_file_unchanged same.csv
report --month 2026-09 -o same.csv
expect_exit 0
if cmp -s same.csv "$GOLDEN/report.expected.csv"; then fail "same.csv was not replaced"; else pass; fi
expect_file_has same.csv "2026-09-01,2026-10-01,gave,pairing,$MG"
expect_mode same.csv 600
if [[ "$(stat -c %i same.csv)" == "$inode_before" ]]; then
  fail "same.csv was rewritten in place, not replaced by a rename"
else
  pass
fi
leftovers="$(find "$OUTDIR" -name '*.tmp*' -o -name '.*tmp*' | head -n 5)"
if [[ -n "$leftovers" ]]; then fail "temporary files left behind: $leftovers"; else pass; fi

section "-o with no file name, or naming a directory"
report -o ""
expect_exit 2
mkdir -p "$OUTDIR/adir"
report -o adir
expect_exit 1
expect_dir_exists "$OUTDIR/adir"

# --- --redact ----------------------------------------------------------------------

# forbidden_strings: what a redacted report must never show, one a line:
# every person's name, each part of it (3 letters or more) and slug, email,
# organisation and notes (each line of them); each pairing's sponsor and
# outcome, session notes, action texts and goal titles.
forbidden_strings() {
  local f name part n i j m notes
  for f in "$RECS"/people/*.yaml; do
    basename "$f" .yaml
    name="$(yget "$f" name)"
    echo "$name"
    for part in $(printf '%s' "$name" | tr -c '[:alpha:]' ' '); do
      if [[ ${#part} -ge 3 ]]; then
        echo "$part"
      fi
    done
    yget "$f" email && echo
    yget "$f" organisation && echo
    yget "$f" notes && echo
  done
  for f in "$RECS"/pairings/*.yaml; do
    yget "$f" sponsor && echo
    yget "$f" outcome && echo
    n="$(yget "$f" goals '#' || true)"
    for ((i = 0; i < ${n:-0}; i++)); do
      yget "$f" goals "$i" title && echo
    done
    n="$(yget "$f" sessions '#')"
    for ((i = 0; i < n; i++)); do
      yget "$f" sessions "$i" notes && echo
      m="$(yget "$f" sessions "$i" actions '#' || true)"
      for ((j = 0; j < ${m:-0}; j++)); do
        yget "$f" sessions "$i" actions "$j" text && echo
      done
    done
  done
}
forbidden_strings | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' | grep -v '^$' | LC_ALL=C sort -u \
  >"$TMP/forbidden"

section "the list of what must not show is complete and the check can fail"
for s in "Robin Quillfeather" Quillfeather Hartley Marguerite Daisy Volkov Thrane Mbeki Pollux \
  '"m,h"@hartley-works.example' 'Bramblewick, "Northern" Ltd' "Saltmarsh Civic Trust" \
  "Moved from the Leeds depot after the merger in spring." \
  "Long session. The deputy quietly rebuilt the forklift schedule overnight." \
  "Make-up session after I cancelled; the heron survey came up again." tobias-wrenfield; do
  if grep -qxF -- "$s" "$TMP/forbidden"; then pass; else fail "'$s' is not in the list of forbidden strings"; fi
done
if [[ "$(wc -l <"$TMP/forbidden")" -lt 100 ]]; then
  fail "only $(wc -l <"$TMP/forbidden") forbidden strings: the list is incomplete"
else
  pass
fi
# Without --redact the names are there: the grep below does find them.
if grep -qiF -f "$TMP/forbidden" "$GOLDEN/report.expected.txt" && grep -qiF "Marguerite" "$GOLDEN/icf.expected.csv"; then
  pass
else
  fail "the unredacted report shows none of the names: the redaction check proves nothing"
fi

# expect_redacted FILE: none of the forbidden strings (any case), no @.
expect_redacted() {
  local found
  found="$(grep -oiF -f "$TMP/forbidden" "$1" | LC_ALL=C sort -u | head -n 10 || true)"
  if [[ -n "$found" ]]; then
    fail "$1 shows what --redact must hide: $(printf '%s' "$found" | tr '\n' '|')"
  else
    pass
  fi
  if grep -q '@' "$1"; then fail "$1 shows an email address"; else pass; fi
}

section "--redact: no names, emails, organisations or notes in any format, grouping or log"
for format in text markdown json csv; do
  for by in pairing person kind month; do
    report --redact --format "$format" --by "$by"
    expect_exit 0
    keep "redacted.$by.$format"
    expect_redacted "$TMP/redacted.$by.$format"
  done
  report --redact --icf --format "$format"
  expect_exit 0
  keep "redacted.icf.$format"
  expect_redacted "$TMP/redacted.icf.$format"
  report --redact --icf --format "$format" --month 2026-10
  expect_exit 0
  keep "redacted.icf-oct.$format"
  expect_redacted "$TMP/redacted.icf-oct.$format"
done
for args in "--period 2026" "--period 2024" "--period 2026-Q3"; do
  # shellcheck disable=SC2086
  report --redact $args
  expect_exit 0
  keep redacted.period.txt
  expect_redacted "$TMP/redacted.period.txt"
done
report --redact --format markdown -o redacted.md
expect_exit 0
expect_redacted redacted.md
expect_mode redacted.md 600

section "--redact says so"
report --redact
expect_first_line "Report for 2026-10-01 to 2026-11-01 (end exclusive), names redacted"
expect_yaml "$TMP/redacted.pairing.json" redacted = true
expect_file_has "$TMP/redacted.pairing.markdown" "Names redacted."
report --redact --icf
expect_first_line "ICF coaching log for 2024-01-15 to 2026-11-23 (end exclusive), names redacted"
expect_yaml "$TMP/redacted.icf.json" redacted = true

section "--redact: pseudonyms where set"
expect_file_has "$TMP/redacted.pairing.text" "Client Alpha"
expect_file_has "$TMP/redacted.pairing.text" "Client Gamma"
expect_file_has "$TMP/redacted.pairing.text" "Coach X"
expect_row "$TMP/redacted.person.json" gave "Client Alpha" minutes 150
expect_row "$TMP/redacted.person.json" gave "Client Alpha" label "Client Alpha"
expect_row "$TMP/redacted.person.json" received "Coach X" minutes 60
expect_csv_line "$TMP/redacted.icf.csv" "Client Alpha,,Individual,1,2024-02-29,2026-11-01,5.83,0.00"
expect_csv_line "$TMP/redacted.icf.csv" "Client Gamma,,Individual,1,2026-07-20,2026-10-23,2.00,1.00"
expect_csv_shape "$TMP/redacted.icf.csv" "$ICF_CSV_HEADER" 8
expect_csv_shape "$TMP/redacted.pairing.csv" "$REPORT_CSV_HEADER" 10

section "--redact: the same figures as without"
# Keys and names change; the side and the last three columns (sessions,
# minutes, hours) of every row stay. Only those are compared, so quoted
# commas in the names do not matter.
figures() {
  tr -d '\r' <"$1" | awk -F , '{ print $3, $(NF - 2), $(NF - 1), $NF }' | LC_ALL=C sort
}
for by in pairing person kind month; do
  report --format csv --by "$by"
  figures "$OUT_FILE" >"$TMP/plain.figures"
  figures "$TMP/redacted.$by.csv" >"$TMP/redacted.figures"
  expect_same_file "$TMP/redacted.figures" "$TMP/plain.figures"
done
expect_total "$TMP/redacted.pairing.json" gave sessions 9
expect_total "$TMP/redacted.pairing.json" gave people_seen 5
if [[ "$(yget "$TMP/redacted.pairing.json" sides 0 rows '#')" -ne 6 ]]; then
  fail "the redacted table does not keep Tobias's two pairings apart (6 rows for what I gave)"
else
  pass
fi

section "--redact: people without a pseudonym get a code P-NNN, the same in every run"
# The ICF rows are in the order of their start dates, the same with and
# without names: row 2 is Ignatius, rows 3 and 5 Perpetua.
code_ignatius="$(tr -d '\r' <"$TMP/redacted.icf.csv" | sed -n 3p | cut -d , -f 1)"
code_perpetua="$(tr -d '\r' <"$TMP/redacted.icf.csv" | sed -n 4p | cut -d , -f 1)"
code_perpetua_group="$(tr -d '\r' <"$TMP/redacted.icf.csv" | sed -n 6p | cut -d , -f 1)"
for code in "$code_ignatius" "$code_perpetua"; do
  if [[ "$code" =~ ^P-[0-9]{3}$ ]]; then pass; else fail "'$code' is not a code P-NNN"; fi
done
if [[ "$code_perpetua" == "$code_perpetua_group" ]]; then pass; else fail "Perpetua has two codes"; fi
if [[ "$code_ignatius" != "$code_perpetua" ]]; then pass; else fail "two people share the code $code_ignatius"; fi
# Every person without a pseudonym (me, Ignatius, Perpetua, Tobias,
# Cordelia, Barnaby, Henrietta): a code of their own, P-NNN.
all_codes() {
  grep -oE 'P-[0-9A-Za-z?]+' "$1" | LC_ALL=C sort -u
}
all_codes "$TMP/redacted.pairing.json" >"$TMP/codes"
if [[ "$(wc -l <"$TMP/codes")" -ne 7 ]]; then
  fail "expected 7 distinct codes, got: $(tr '\n' ' ' <"$TMP/codes")"
else
  pass
fi
if grep -qvE '^P-[0-9]{3}$' "$TMP/codes"; then fail "not all codes are P-NNN: $(tr '\n' ' ' <"$TMP/codes")"; else pass; fi
if grep -qxF "$code_ignatius" "$TMP/codes" && grep -qxF "$code_perpetua" "$TMP/codes"; then
  pass
else
  fail "the codes in the ICF log and in the report differ"
fi
all_codes "$TMP/redacted.pairing.text" >"$TMP/codes.text"
expect_same_file "$TMP/codes.text" "$TMP/codes"
for format in text markdown json csv; do
  report --redact --format "$format" --by pairing
  expect_same_file "$OUT_FILE" "$TMP/redacted.pairing.$format"
  report --redact --icf --format "$format"
  expect_same_file "$OUT_FILE" "$TMP/redacted.icf.$format"
done

section "--redact: the codes stay when another person and pairing are added"
cp -R "$RECS" "$TMP/more"
mentor --dir "$TMP/more" add "Zebedee Nightingale" --email zeb@example.org --org "Nightjar Ltd"
expect_exit 0
mentor --dir "$TMP/more" add "Aardvark Abernathy"
expect_exit 0
mentor --dir "$TMP/more" pair zebedee --start 2026-09-01
expect_exit 0
mentor --dir "$TMP/more" log zebedee "Talked about the night shift." --date 2026-10-15 --duration 30m
expect_exit 0
mentor --dir "$TMP/more" --today "$T" report --redact --icf --format csv
expect_exit 0
keep more.icf.csv
for code in "$code_ignatius" "$code_perpetua"; do
  expect_file_has "$TMP/more.icf.csv" "$code,,Individual,1,"
done
expect_csv_line "$TMP/more.icf.csv" "$code_ignatius,,Individual,1,2025-11-10,2026-10-14,0.00,2.25"
expect_csv_line "$TMP/more.icf.csv" "$code_perpetua,,Group,4,2026-10-06,2026-10-20,4.00,0.00"
mentor --dir "$TMP/more" --today "$T" report --redact --format json
expect_exit 0
keep more.pairing.json
all_codes "$TMP/more.pairing.json" >"$TMP/more.codes"
# The old codes, all still there, and one more for Zebedee.
if [[ -n "$(LC_ALL=C comm -23 "$TMP/codes" "$TMP/more.codes")" ]]; then
  fail "codes changed after adding people: before $(tr '\n' ' ' <"$TMP/codes"), after $(tr '\n' ' ' <"$TMP/more.codes")"
else
  pass
fi
if [[ "$(wc -l <"$TMP/more.codes")" -ne 8 ]]; then
  fail "Zebedee has no code of his own: $(tr '\n' ' ' <"$TMP/more.codes")"
else
  pass
fi
# Every row of the old redacted table is still there, codes and all.
mentor --dir "$TMP/more" --today "$T" report --redact --format csv
expect_exit 0
LC_ALL=C sort "$OUT_FILE" >"$TMP/more.rows"
LC_ALL=C sort "$TMP/redacted.pairing.csv" >"$TMP/old.rows"
missing_rows="$(LC_ALL=C comm -23 "$TMP/old.rows" "$TMP/more.rows" | tr -d '\r')"
if [[ -n "$missing_rows" ]]; then
  fail "rows of the redacted report changed after adding people: $missing_rows"
else
  pass
fi
if grep -qiE 'zebedee|nightingale|aardvark|abernathy|nightjar|night shift' "$TMP/more.pairing.json" "$TMP/more.icf.csv"; then
  fail "the added people show through --redact"
else
  pass
fi

# --- --from and --to read dates as every command does ----------------------------

section "--from monday is the most recent Monday; --to tomorrow takes in today"
mentor --dir "$RECS" --today "$T" report --from monday --to today
expect_exit 0
expect_stdout_contains "Report for 2026-11-16 to 2026-11-22 (end exclusive)"
mentor --dir "$RECS" --today "$T" report --from -2w --to tomorrow
expect_exit 0
expect_stdout_contains "Report for 2026-11-08 to 2026-11-23 (end exclusive)"

# --- nothing was written to the records --------------------------------------------

section "the records are untouched"
expect_tree_unchanged "$RECS" "$TMP/tree.before"

finish
