#!/usr/bin/env bash
# Output manners: colour only on a terminal (NO_COLOR, TERM=dumb and
# --color auto|always|never honoured), text that fits 80 columns even with
# long names, --version, and errors as one line then a hint.
source "$(dirname "$0")/lib.sh" "$@"

cd "$TMP"

# --- records: examples/, plus people with long names ------------------------
R="$TMP/records"
cp -R "$MENTOR_SOURCE_DIR/examples" "$R"
export MENTOR_DIR="$R" MENTOR_TODAY=2026-11-22
LONG="Maximiliane Alexandra von Hohenzollern-Sigmaringen-Wittelsbach"
mentor add "$LONG" --org "The Very Long Named Regional Public Library and Archive Service" \
  --role "Deputy Head of Community Engagement and Outreach Programmes" --tag "a-rather-long-tag-name"
expect_exit 0
mentor pair maximiliane --kind mentoring --cadence 2w --start 2026-09-01 --until 2026-12-01 \
  --goal "Build a network of peer mentors across every branch library in the region by next summer" \
  --sponsor "The Regional Library Service Board of Trustees and Friends Association"
expect_exit 0
mentor log maximiliane --date 2026-10-01 --duration 1h30m \
  --topic "stakeholder-management-across-organisational-boundaries" --topic "delegation" \
  --action "Write a one-page proposal for the trustees explaining why peer mentoring matters now" \
  --due 2026-10-15 \
  "A very long line of notes that goes on and on well past the eightieth column, because people write like this when they are in a hurry after a session."
expect_exit 0
mentor add "Wolfgang Amadeus Theophilus Chrysostomus Mozart-Lindqvist"
mentor pair wolfgang --mentor maximiliane --start 2026-10-01
expect_exit 0
mentor log maximiliane-alexandra-von-hohenzollern-sigmaringen-wittelsbach--wolfgang-amadeus-theophilus-chrysostomus-mozart-lindqvist --date 2026-10-20 "Met."
expect_exit 0

# --- 80 columns -------------------------------------------------------------
section "every text output fits 80 columns"
# Display columns: characters, not bytes (bash counts them in a UTF-8
# locale; lib.sh sets LC_ALL=C.UTF-8).
too_wide() {
  local line status=0
  while IFS= read -r line; do
    # An id longer than a line (a pairing of two long names) cannot be
    # broken: alone on its line, it may run over.
    local word="${line#"${line%%[! ]*}"}"
    # "file:line:col: error: message" stays on one line, for editors and
    # tools that read it, as compilers print it.
    [[ "$line" =~ ^[^\ ]+:[0-9]+:[0-9]+:\ (error|warning):\  ]] && continue
    if [[ ${#line} -gt 80 && "$word" == *" "* ]]; then
      echo "${#line} columns: $line"
      status=1
    fi
  done <"$OUT_FILE"
  return $status
}
check_width() {
  mentor "$@"
  if [[ $CODE -ne 0 ]]; then
    fail "mentor $* failed"
  elif ! wide="$(too_wide)"; then
    fail "mentor $* prints lines wider than 80 columns:
$wide"
  else
    pass
  fi
}
check_width list
check_width list people
check_width list pairings
for who in maximiliane zoe daniel maximiliane-alexandra-von-hohenzollern-sigmaringen-wittelsbach--wolfgang-amadeus-theophilus-chrysostomus-mozart-lindqvist phil-rumens; do
  check_width show "$who"
done
check_width review
for who in maximiliane zoe daniel; do
  check_width review "$who"
done
for by in pairing person kind month; do
  check_width report --period 2026 --by "$by"
  check_width report --period 2026 --by "$by" --redact
done
check_width report --month 2026-10
check_width report --icf
check_width report --icf --redact
check_width --help
for command in init add pair log review report check list show merge-file; do
  check_width "$command" --help
done
# check: the problems of a broken file, with its line shown. (A line of the
# file longer than 80 columns is shown up to 160: not checked here.)
cp -R "$R" "$TMP/broken"
printf 'tags: [a, b\n' >>"$TMP/broken/people/zoe-nunez.yaml"
printf 'mentee: %s\n' "$(printf 'x%.0s' {1..60})" >>"$TMP/broken/pairings/phil-rumens--zoe-nunez.yaml"
mentor check --dir "$TMP/broken"
if [[ $CODE -ne 1 ]]; then fail "check did not find the problem"; elif ! wide="$(too_wide)"; then
  fail "mentor check prints lines wider than 80 columns:
$wide"; else pass; fi

# --- colour -------------------------------------------------------------------
section "colour only on a terminal, unless asked"
has_escape() { grep -q $'\e\[' "$OUT_FILE"; }
expect_color() {
  if has_escape; then pass; else fail "no colour codes in: $LAST_CMD"; fi
}
expect_no_color() {
  if has_escape; then fail "colour codes in: $LAST_CMD"; else pass; fi
}
# On a pipe:
unset NO_COLOR
mentor review
expect_no_color
mentor review --color auto
expect_no_color
mentor review --color always
expect_color
mentor review --color never
expect_no_color
NO_COLOR=1 mentor review --color always
expect_color
# On a terminal (script gives the command a pseudo-terminal):
if script -qec true /dev/null >/dev/null 2>&1; then
  on_tty() {
    run script -qec "$(printf '%q ' "$@")" /dev/null
  }
  TERM=xterm on_tty "$MENTOR" review
  expect_color
  TERM=xterm on_tty "$MENTOR" review --color never
  expect_no_color
  TERM=xterm NO_COLOR=1 on_tty "$MENTOR" review
  expect_no_color
  TERM=xterm NO_COLOR= on_tty "$MENTOR" review
  expect_color
  TERM=dumb on_tty "$MENTOR" review
  expect_no_color
  TERM=xterm on_tty "$MENTOR" list
  expect_color
  # A report written to a file never has colour.
  TERM=xterm on_tty "$MENTOR" report --color always -o "$TMP/report.txt"
  if grep -q $'\e' "$TMP/report.txt"; then fail "colour codes in report -o"; else pass; fi
else
  echo "(no working \`script\` for a terminal: skipped)"
fi
export NO_COLOR=1

# --- --version ----------------------------------------------------------------
section "--version prints the project's version"
version="$(sed -n 's/^project(mentor VERSION \([0-9.]*\).*/\1/p' "$MENTOR_SOURCE_DIR/CMakeLists.txt")"
[[ -n "$version" ]] && pass || fail "no version in CMakeLists.txt"
mentor --version
expect_exit 0
expect_stdout_equals "mentor $version"

# --- errors ----------------------------------------------------------------------
section "errors: one line on stderr, then a hint"
# expect_error CODE ARGS...: exit CODE, nothing on stdout, "mentor: error: …"
# alone on the first line, then one indented "hint: …" line, and no more.
expect_error() {
  local code="$1"
  shift
  mentor "$@"
  expect_exit "$code"
  expect_stdout_empty
  expect_error_format
  if [[ "$(wc -l <"$ERR_FILE")" -ne 2 ]] || ! sed -n 2p "$ERR_FILE" | grep -qE '^  hint: .+'; then
    fail "stderr is not one error line and one hint line"
  else
    pass
  fi
}
expect_error 2 frobnicate
expect_error 2 log
expect_error 2 list --bogus
expect_error 2 report --format pdf
expect_error 2 --color sometimes list
expect_error 2 report --month 2026-13
expect_error 2 report --from 2026-01-01
expect_error 2 log zoe x --date tomorrow
expect_error 2 log zoe x --done a1 --done a1
expect_error 2 log zoe x --due friday
expect_error 2 log zoe x --type party
expect_error 2 log zoe "" --action ""
expect_error 2 review --record
expect_error 2 review zoe --goal g1=won --record
expect_error 2 review --date today
expect_error 2 pair zoe --end --pause
expect_error 2 pair zoe --outcome x
expect_error 1 add "Zoë Núñez"
expect_error 2 add "!!!"
# An ambiguous WHO: the error, the candidates (one a line), then the hint.
mentor show ra
expect_exit 2
expect_error_format
expect_stderr_contains "  aisha-rahman "
if tail -n 1 "$ERR_FILE" | grep -qE '^  hint: .+'; then pass; else fail "the last line is not the hint"; fi
expect_error 1 show nobody
expect_error 1 log zoe x --done a99
expect_error 1 --dir "$TMP/nowhere" list
expect_error 2 --today 2026-13-01 list
MENTOR_DIR= expect_error 1 list
expect_error 1 init "$R/mentor.yaml"

finish
