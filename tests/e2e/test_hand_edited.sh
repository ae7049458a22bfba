#!/usr/bin/env bash
# The promise about files: on a hand-written pairing (comments everywhere,
# odd quoting, folded text, keys of the user's own, unusual key order), each
# command changes exactly the intended lines and keeps the file's mode.
# Every step is compared byte for byte with a golden file in
# fixtures/hand_edited/.
source "$(dirname "$0")/lib.sh" "$@"
require_yaml_get

GOLDEN="$FIXTURES/hand_edited"
cp -R "$GOLDEN/records" "$TMP/records"
cd "$TMP/records"
ADA=pairings/phil-rumens--ada-obi.yaml
BEN=pairings/phil-rumens--ben-ode.yaml
chmod 0640 "$ADA" "$BEN" pairings/phil-rumens--cy-dee.yaml
snapshot mentor.yaml people/phil-rumens.yaml people/ada-obi.yaml people/ben-ode.yaml people/cy-dee.yaml

# Only the one pairing file may change, and no temporary file may be left.
expect_only_pairings() {
  local listing
  listing="$(cd pairings && ls -A | tr '\n' ' ')"
  if [[ "$listing" != "phil-rumens--ada-obi.yaml phil-rumens--ben-ode.yaml phil-rumens--cy-dee.yaml " ]]; then
    fail "pairings/ holds unexpected files: $listing"
  else
    pass
  fi
  expect_file_unchanged mentor.yaml
  expect_file_unchanged people/phil-rumens.yaml
  expect_file_unchanged people/ada-obi.yaml
  expect_file_unchanged people/ben-ode.yaml
  expect_file_unchanged people/cy-dee.yaml
}

section "log with topics, a multi-line note and two actions with a due date"
mentor log ada "$(printf 'Mock interview with Sam.\nShe over-prepared; let her improvise.')" \
  --today "$TODAY" --date 2026-11-17 --duration 1h --topic interview --topic "story telling" \
  --action "Send thank-you notes" --action "Ask for feedback: what went well?" --due 2026-11-27
expect_exit 0
expect_logged 2026-11-17 1h "Ada Obi" "$ADA"
expect_stdout_contains "a5"
expect_stdout_contains "a6"
expect_same_file "$ADA" "$GOLDEN/ada.1-log.expected.yaml"
expect_mode "$ADA" 640
expect_only_pairings
expect_yaml "$ADA" sessions -1 actions 1 text = "Ask for feedback: what went well?"

section "log --done on three open actions: after due:, after text:, after id:"
mentor log ada "Quick call to check in." --today "$TODAY" --date yesterday --done a2 --done a3 --done a4
expect_exit 0
expect_logged 2026-11-19 45m "Ada Obi" "$ADA"
expect_stdout_contains "closed a2"
expect_stdout_contains "a3"
expect_stdout_lines 1
expect_same_file "$ADA" "$GOLDEN/ada.2-done.expected.yaml"
expect_mode "$ADA" 640
expect_only_pairings
expect_yaml "$ADA" sessions 1 actions 1 done = 2026-11-19
expect_yaml "$ADA" sessions 1 actions 2 done = 2026-11-19
expect_yaml "$ADA" sessions 2 actions 0 done = 2026-11-19
expect_yaml "$ADA" sessions 2 actions 0 text = "Draft a 30-60-90 plan for the new role"

section "closing an action that is already done changes nothing"
snapshot "$ADA"
mentor log ada "Again" --today "$TODAY" --done a1
expect_exit 1
expect_error_format
expect_stderr_contains a1
expect_file_unchanged "$ADA"

section "closing an action that does not exist changes nothing"
mentor log ada "Again" --today "$TODAY" --done a99
expect_exit 1
expect_error_format
expect_stderr_contains a99
expect_file_unchanged "$ADA"

section "pair --end with a date and an outcome"
mentor pair ada --end --date 2026-11-20 --outcome "Moved to product: starts in January" --today "$TODAY"
expect_exit 0
expect_stdout_equals "ended phil-rumens--ada-obi on 2026-11-20: $ADA"
expect_same_file "$ADA" "$GOLDEN/ada.3-end.expected.yaml"
expect_mode "$ADA" 640
expect_only_pairings
expect_yaml "$ADA" status = ended
expect_yaml "$ADA" outcome = "Moved to product: starts in January"

section "ending it again is refused"
snapshot "$ADA"
mentor pair phil-rumens--ada-obi --end --today "$TODAY"
expect_exit 1
expect_error_format
expect_file_unchanged "$ADA"

section "a file without a final line break; duration from mentor.yaml (60m -> 1h)"
mentor log ben "Second chat" --today "$TODAY" --date 2026-11-18
expect_exit 0
expect_stdout_equals "logged 2026-11-18 (1h) with Ben Ode: $BEN"
expect_same_file "$BEN" "$GOLDEN/ben.1-log.expected.yaml"
expect_mode "$BEN" 640
expect_only_pairings

section "pause and resume change only the status value"
sed -e 's/^status: active$/status: paused/' "$GOLDEN/ben.1-log.expected.yaml" >"$TMP/ben.paused.yaml"
mentor pair ben --pause --today "$TODAY"
expect_exit 0
expect_stdout_equals "paused phil-rumens--ben-ode: $BEN"
expect_same_file "$BEN" "$TMP/ben.paused.yaml"
expect_mode "$BEN" 640
mentor log ben "While paused" --today "$TODAY"
expect_exit 1
expect_error_format
expect_same_file "$BEN" "$TMP/ben.paused.yaml"
mentor pair phil-rumens--ben-ode --resume --today "$TODAY"
expect_exit 0
expect_stdout_equals "resumed phil-rumens--ben-ode: $BEN"
expect_same_file "$BEN" "$GOLDEN/ben.1-log.expected.yaml"
expect_mode "$BEN" 640
expect_only_pairings

section "dashes at column 1 and a key after sessions"
CY=pairings/phil-rumens--cy-dee.yaml
mentor log cy-dee "$(printf 'Two lines,\nat column 1.')" --duration 30 --done a1 --today "$TODAY"
expect_exit 0
expect_logged "$TODAY" 30m "Cy Dee" "$CY"
expect_same_file "$CY" "$GOLDEN/cy.1-log.expected.yaml"
expect_mode "$CY" 640
expect_yaml "$CY" location = Zoom
expect_yaml "$CY" sessions '#' = 2

section "show still reads both files"
mentor show phil-rumens--ada-obi --today "$TODAY"
expect_exit 0
expect_stdout_contains "Ada Obi"
expect_stdout_contains "Mock interview with Sam."
mentor show phil-rumens--ben-ode --today "$TODAY"
expect_exit 0
expect_stdout_contains "Second chat"

finish
