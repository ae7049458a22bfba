#!/usr/bin/env bash
# Refuse, don't guess: a file mentor cannot read exactly is never written to.
# Each bad pairing file goes into a fresh records directory; `mentor log`
# must exit 1, name the file as PATH:LINE:COL (relative to the working
# directory), show the line with a caret and a hint, and leave every file
# byte-identical.
source "$(dirname "$0")/lib.sh" "$@"

SLUG=phil-rumens--zoe-nunez
REL="pairings/$SLUG.yaml"
CASE="$TMP/case.yaml"

GOOD_HEAD='mentor: phil-rumens
mentee: zoe-nunez
kind: coaching
status: active
started: 2026-06-08
cadence: 4w
duration: 60m
sessions:
  - date: 2026-06-08
    duration: 45m'

# The first lines of a valid pairing, then line 11 given by the caller.
with_line_11() {
  printf '%s\n%s\n' "$GOOD_HEAD" "$1" >"$CASE"
}

# with_line N TEXT: the valid pairing with line N (1-10) replaced by TEXT
# (a TEXT with several lines shifts the rest down).
with_line() {
  printf '%s\n    notes: First meeting.\n' "$GOOD_HEAD" \
    | awk -v n="$1" -v text="$2" 'NR == n { print text; next } { print }' >"$CASE"
}

n=0
# expect_refused NAME FILE_IN_RECORDS LINE: installs $CASE as FILE_IN_RECORDS
# in a fresh copy of the basic records, runs `mentor log`, checks the
# refusal. LINE is the expected line number, or '' when only the format is
# checked (yaml-cpp's position for some syntax errors is its own business).
expect_refused() {
  local name="$1" target="$2" line="$3" dir before line_re
  n=$((n + 1))
  section "$name"
  dir="$TMP/r$n"
  cp -R "$FIXTURES/basic/records" "$dir"
  cp "$CASE" "$dir/$target"
  chmod 0600 "$dir/$target"
  before="$TMP/r$n.listing"
  tree_listing "$dir" >"$before"
  cd "$dir"
  mentor log "$SLUG" "x" --today "$TODAY"
  expect_exit 1
  expect_error_format
  line_re="${line:-[0-9]+}"
  expect_stderr_matches "(^|[^/[:alnum:]._-])${target//./\\.}:${line_re}:[0-9]+: "
  # The offending line is shown with a caret under the column.
  if ! grep -qE '^[[:space:]]*(\|[[:space:]]*)?\^' "$ERR_FILE"; then
    fail "no caret line (^) in stderr"
  else
    pass
  fi
  expect_hint
  expect_tree_unchanged "$dir" "$before"
  cd "$TMP"
}

# --- pairing files ---------------------------------------------------------

with_line 3 'kind: [coaching'
expect_refused "syntax error: unclosed flow list" "$REL" ''

with_line_11 '    notes: "never closed'
expect_refused "syntax error: unclosed quote" "$REL" ''

with_line 5 $'status: paused\nstarted: 2026-06-08'
expect_refused "duplicate key" "$REL" 5

with_line 10 $'    duration: 45m\n    date: 2026-06-09'
expect_refused "duplicate key inside a session" "$REL" 11

printf '%s\n    notes: First meeting.\n---\nmentor: someone-else\n' "$GOOD_HEAD" >"$CASE"
expect_refused "two documents" "$REL" 12

with_line 5 'started: &start 2026-06-08'
expect_refused "an anchor" "$REL" 5

printf '%s\n    notes: &n First meeting.\n  - date: 2026-06-09\n    notes: *n\n' "$GOOD_HEAD" >"$CASE"
expect_refused "an anchor and an alias" "$REL" 11

printf '%s\n    notes: caf\xe9 au lait\n' "$GOOD_HEAD" >"$CASE"
expect_refused "invalid UTF-8 byte" "$REL" 11

printf '%s\n    notes: "overlong \xc0\xaf slash"\n' "$GOOD_HEAD" >"$CASE"
expect_refused "overlong UTF-8 encoding" "$REL" 11

printf '%s\n    notes: a\0b\n' "$GOOD_HEAD" >"$CASE"
expect_refused "NUL byte" "$REL" 11

with_line 4 'status: [a]'
expect_refused "a list where text is expected" "$REL" 4

with_line 2 $'mentee:\n  name: zoe-nunez'
expect_refused "a map where a slug is expected" "$REL" ''

with_line 5 'started: 2026-02-30'
expect_refused "bad date (Feb 30)" "$REL" 5

with_line 9 '  - date: 2026-13-01'
expect_refused "bad session date (month 13)" "$REL" 9

with_line 7 'duration: 90 minutes'
expect_refused "bad default duration" "$REL" 7

with_line 10 '    duration: 1x'
expect_refused "bad session duration" "$REL" 10

with_line 3 'kind: therapy'
expect_refused "bad kind" "$REL" 3

with_line 4 'status: finished'
expect_refused "bad status" "$REL" 4

printf '%s\n    notes: First meeting.\n    type: chat\n' "$GOOD_HEAD" >"$CASE"
expect_refused "bad session type" "$REL" 12

printf 'mentor: phil-rumens\nmentee: zoe-nunez\nkind: coaching\nstatus: active\nstarted: 2026-06-08\nsessions:\n\t- date: 2026-06-08\n' >"$CASE"
expect_refused "tab indentation" "$REL" ''

# --- other files log depends on --------------------------------------------

printf 'version: 1\nme: phil-rumens\nme: zoe-nunez\n' >"$CASE"
expect_refused "mentor.yaml: duplicate key" mentor.yaml 3

printf 'version: 1\nme: [phil-rumens\ndefaults:\n  kind: coaching\n' >"$CASE"
expect_refused "mentor.yaml: syntax error" mentor.yaml ''

printf 'version: 1\nme: phil-rumens\ndefaults:\n  kind: coaching\n  duration: forever\n' >"$CASE"
expect_refused "mentor.yaml: bad default duration" mentor.yaml 5

printf 'name: Zoë Núñez\nemail: z@example.org\nname: Zoe\n' >"$CASE"
expect_refused "people file: duplicate key" people/zoe-nunez.yaml 3

printf 'name: [Zoë, Núñez]\n' >"$CASE"
expect_refused "people file: a list where the name is expected" people/zoe-nunez.yaml 1

printf 'name: Zo\xeb N\xfa\xf1ez\n' >"$CASE"
expect_refused "people file: Latin-1 bytes" people/zoe-nunez.yaml 1

# --- the path is shown relative to the working directory -------------------

section "run from the parent with --dir: the path starts with the dir given"
cp -R "$FIXTURES/basic/records" "$TMP/recs"
with_line 3 'kind: therapy'
cp "$CASE" "$TMP/recs/$REL"
snapshot "$TMP/recs/$REL"
cd "$TMP"
mentor log "$SLUG" "x" --today "$TODAY" --dir recs
expect_exit 1
expect_error_format
expect_stderr_matches "(^|[^/[:alnum:]._-])recs/pairings/$SLUG\\.yaml:3:[0-9]+: "
expect_file_unchanged "$TMP/recs/$REL"

section "run from a subfolder: the path goes through .."
cd "$TMP/recs/people"
mentor log "$SLUG" "x" --today "$TODAY"
expect_exit 1
expect_stderr_matches "(^|[^/[:alnum:]._-])\\.\\./pairings/$SLUG\\.yaml:3:[0-9]+: "
expect_file_unchanged "$TMP/recs/$REL"

finish
