#!/usr/bin/env bash
# `mentor review WHO --record`: on a hand-written pairing (comments between
# keys, a status with a trailing comment, a quoted status, a key of the
# user's own, a goal with no status line) it appends one `type: review`
# entry and rewrites only the named goals' status values. Every step is
# compared byte for byte with a golden file in fixtures/review/recording/.
# Refused commands leave the file byte-identical; the review counts neither
# as a session nor as hours, and it settles the six-month review concern.
source "$(dirname "$0")/lib.sh" "$@"
require_yaml_get

GOLDEN="$FIXTURES/review/recording"
cp -R "$GOLDEN/records" "$TMP/records"
cd "$TMP/records"
BEA=pairings/phil-rumens--bea-hart.yaml
chmod 0640 "$BEA"
snapshot mentor.yaml people/phil-rumens.yaml people/bea-hart.yaml

# Only the pairing file may change, and no temporary file may be left.
expect_only_bea() {
  local listing
  listing="$(cd pairings && ls -A | tr '\n' ' ')"
  if [[ "$listing" != "phil-rumens--bea-hart.yaml " ]]; then
    fail "pairings/ holds unexpected files: $listing"
  else
    pass
  fi
  expect_file_unchanged mentor.yaml
  expect_file_unchanged people/phil-rumens.yaml
  expect_file_unchanged people/bea-hart.yaml
}

# totals: the "totals" object of `review bea --format json`.
totals() {
  mentor review bea --format json --today "$TODAY"
  expect_exit 0
  sed -n '/^  "totals": {/,/^  }/p' "$OUT_FILE"
}

section "before: three sessions, 3.25 hours; the six-month review is due"
totals >"$TMP/totals.before"
printf '%s\n' '  "totals": {' '    "sessions": 3,' '    "minutes": 195,' '    "hours": 3.25,' \
  '    "average_gap_days": 98.0,' '    "last_session": "2026-11-16",' '    "next_due": "2026-11-30"' \
  '  },' >"$TMP/totals.want"
expect_same_file "$TMP/totals.before" "$TMP/totals.want"
mentor review bea --today "$TODAY"
expect_exit 0
expect_stdout_contains "  3 sessions, 3.25 hours"
# Started 2026-05-04: six months on 2026-11-04, so 16 days late on 2026-11-20;
# nothing else is due.
mentor review --today "$TODAY"
expect_exit 0
expect_stdout_equals "Needs attention on $TODAY:

Bea Hart  phil-rumens--bea-hart
  16 days late  coaching since 2026-05-04 with no review yet"

section "--record with two goal changes and notes"
mentor review bea --record --goal g1=achieved --goal g2=dropped \
  "Half-way review: the service runs; the budget is off the table." --today "$TODAY"
expect_exit 0
expect_stdout_equals "recorded a review of phil-rumens--bea-hart on $TODAY (g1: achieved, g2: dropped): $BEA"
expect_same_file "$BEA" "$GOLDEN/bea.1-record.expected.yaml"
expect_mode "$BEA" 640
expect_only_bea
expect_yaml "$BEA" goals 0 status = achieved
expect_yaml "$BEA" goals 1 status = dropped
expect_yaml "$BEA" goals 2 status = open
expect_no_yaml "$BEA" goals 3 status
expect_yaml "$BEA" room = "Library, 2nd floor"
expect_yaml "$BEA" sessions '#' = 4
expect_yaml "$BEA" sessions -1 date = "$TODAY"
expect_yaml "$BEA" sessions -1 type = review
expect_yaml "$BEA" sessions -1 notes = "Half-way review: the service runs; the budget is off the table."
expect_yaml "$BEA" sessions -1 goals g1 = achieved
expect_yaml "$BEA" sessions -1 goals g2 = dropped
expect_no_yaml "$BEA" sessions -1 goals g3
expect_no_yaml "$BEA" sessions -1 goals g4
expect_no_yaml "$BEA" sessions -1 duration
expect_no_yaml "$BEA" sessions -1 topics
expect_no_yaml "$BEA" sessions -1 actions

section "the review counts neither as a session nor as hours"
totals >"$TMP/totals.after"
expect_same_file "$TMP/totals.after" "$TMP/totals.before"
mentor review bea --today "$TODAY"
expect_exit 0
expect_stdout_contains "  3 sessions, 3.25 hours"
expect_stdout_contains "  $TODAY  review"
expect_stdout_contains "Half-way review: the service runs; the budget is off the table."
expect_stdout_matches "^  g1   achieved  Run the service without her manager"
expect_stdout_matches "^  g2   dropped   Write the team's first budget"

section "the review settles the six-month concern"
mentor review --today "$TODAY"
expect_exit 0
expect_stdout_equals "Nothing needs attention on $TODAY."
mentor review --today 2027-06-01 --format json
expect_exit 0
expect_stdout_not_contains '"concern": "no_review"'

section "multi-line notes from standard input become a | block"
mentor_stdin "$GOLDEN/notes.txt" review bea --record --today "$TODAY"
expect_exit 0
expect_stdout_equals "recorded a review of phil-rumens--bea-hart on $TODAY: $BEA"
expect_same_file "$BEA" "$GOLDEN/bea.2-stdin.expected.yaml"
expect_mode "$BEA" 640
expect_only_bea
expect_file_has "$BEA" "    notes: |"
expect_yaml "$BEA" sessions -1 notes = "$(cat "$GOLDEN/notes.txt")"
expect_no_yaml "$BEA" sessions -1 goals

section "a goal already at that status: its line untouched, the change still recorded"
mentor review bea --record --goal g1=achieved --goal g4=achieved \
  "Re-checked: g1 still achieved; the deputy starts in January." --date yesterday --today "$TODAY"
expect_exit 0
expect_stdout_equals "recorded a review of phil-rumens--bea-hart on 2026-11-19 (g1: achieved, g4: achieved): $BEA"
expect_same_file "$BEA" "$GOLDEN/bea.3-goals.expected.yaml"
expect_mode "$BEA" 640
expect_only_bea
expect_file_has "$BEA" "    status: achieved   # still hoping"
expect_yaml "$BEA" sessions -1 date = 2026-11-19
expect_yaml "$BEA" sessions -1 goals g1 = achieved
expect_yaml "$BEA" sessions -1 goals g4 = achieved
expect_yaml "$BEA" goals 3 status = achieved

section "still three sessions and 3.25 hours after three reviews"
totals >"$TMP/totals.after"
expect_same_file "$TMP/totals.after" "$TMP/totals.before"
expect_yaml "$BEA" sessions '#' = 6

# --- refusals: nothing written ---------------------------------------------------

tree_listing . >"$TMP/tree.before"
snapshot "$BEA"

# refused CODE ARGS...: `mentor ARGS` exits CODE with an error and leaves
# every file as it was.
refused() {
  local code="$1"
  shift
  mentor "$@"
  expect_exit "$code"
  expect_error_format
  expect_stdout_empty
  expect_file_unchanged "$BEA"
}

section "an unknown goal id: exit 1"
refused 1 review bea --record --goal g9=achieved "notes" --today "$TODAY"
expect_stderr_contains "g9"
refused 1 review bea --record --goal g3=achieved --goal g9=dropped "notes" --today "$TODAY"
expect_stderr_contains "g9"

section "a bad status: exit 2"
refused 2 review bea --record --goal g3=finished "notes" --today "$TODAY"
expect_stderr_contains "finished"
refused 2 review bea --record --goal g3=Achieved "notes" --today "$TODAY"
refused 2 review bea --record --goal g3= "notes" --today "$TODAY"

section "a malformed ID=STATUS: exit 2"
for spec in g3 =achieved g3:achieved ""; do
  refused 2 review bea --record --goal "$spec" "notes" --today "$TODAY"
done

section "the same goal twice: exit 2"
refused 2 review bea --record --goal g3=achieved --goal g3=dropped "notes" --today "$TODAY"

section "nothing to record: exit 2"
refused 2 review bea --record --today "$TODAY"
expect_stderr_contains "nothing to record"
# Blank lines only on standard input are no notes either.
printf '\n   \n\n' >"$TMP/empty-notes"
mentor_stdin "$TMP/empty-notes" review bea --record --today "$TODAY"
expect_exit 2
expect_stderr_contains "nothing to record"
expect_file_unchanged "$BEA"

section "--record with --format, in the future, or without WHO: exit 2"
refused 2 review bea --record --format json "notes" --today "$TODAY"
refused 2 review bea --record --date 2026-11-21 "notes" --today "$TODAY"
refused 2 review --record --today "$TODAY"
expect_stderr_contains "WHO"

section "--record for someone unknown: exit 1"
refused 1 review nobody --record "notes" --today "$TODAY"

section "no refusal left anything behind"
expect_tree_unchanged . "$TMP/tree.before"
expect_only_bea

# --- notes piped in together with goal changes ------------------------------------

section "notes from standard input together with --goal are recorded too"
mentor_stdin "$GOLDEN/notes.txt" review bea --record --goal g3=achieved --today "$TODAY"
expect_exit 0
expect_yaml "$BEA" goals 2 status = achieved
expect_yaml "$BEA" sessions -1 goals g3 = achieved
expect_yaml "$BEA" sessions -1 notes = "$(cat "$GOLDEN/notes.txt")"

finish
