#!/usr/bin/env bash
# `mentor review`: what needs attention (every rule at its boundary: due
# today is quiet, a day past is "1 day late"), what is coming up, the brief
# of one pairing, text and JSON against golden files in fixtures/review/,
# and the usage errors. Nothing here may write to the records.
source "$(dirname "$0")/lib.sh" "$@"
require_yaml_get

GOLDEN="$FIXTURES/review"
cp -R "$GOLDEN/records" "$TMP/records"
cd "$TMP/records"
tree_listing . >"$TMP/tree.before"

# The fixture is built around this day: see the comments in its files.
T=2026-12-01

# --- helpers ---------------------------------------------------------------------

# attention_rows FILE: one line "PAIRING CONCERN DAYS_LATE ID" per item of
# the "attention" array of a JSON review (pretty-printed, one key a line).
attention_rows() {
  awk '
    /^  "attention": \[/ { on = 1; next }
    /^  \]/ { on = 0 }
    on && /"pairing": / { p = $2; gsub(/[",]/, "", p) }
    on && /"concern": / { c = $2; gsub(/[",]/, "", c) }
    on && /"days_late": / { d = $2; gsub(/,/, "", d) }
    on && /"id": / { i = $2; gsub(/[",]/, "", i) }
    on && /^    }/ { print p, c, d, i; p = c = d = i = "" }
  ' "$1"
}

# coming_rows FILE: one line "PAIRING IN_DAYS" per item of "coming_up".
coming_rows() {
  awk '
    /^  "coming_up": \[/ { on = 1; next }
    /^  \]/ { on = 0 }
    on && /"pairing": / { p = $2; gsub(/[",]/, "", p) }
    on && /"in_days": / { d = $2; gsub(/,/, "", d) }
    on && /^    }/ { print p, d; p = d = "" }
  ' "$1"
}

# review_json DAY: runs `mentor review --format json` pinned to DAY and keeps
# its rows in $TMP/rows and $TMP/coming.
review_json() {
  mentor review --format json --today "$1"
  expect_exit 0
  attention_rows "$OUT_FILE" >"$TMP/rows"
  coming_rows "$OUT_FILE" >"$TMP/coming"
}

# expect_row "PAIRING CONCERN DAYS [ID]": that item is in $TMP/rows.
expect_row() {
  if ! grep -qxF -- "$1" "$TMP/rows"; then
    fail "no attention item '$1'; the items are:
$(sed -e 's/^/    /' "$TMP/rows")"
  else
    pass
  fi
}

# expect_quiet PAIRING: no attention item for PAIRING.
expect_quiet() {
  if grep -q "^$1 " "$TMP/rows"; then
    fail "$1 should need no attention, but: $(grep "^$1 " "$TMP/rows" | tr '\n' ';')"
  else
    pass
  fi
}

expect_coming() {
  if ! grep -qxF -- "$1" "$TMP/coming"; then
    fail "not coming up: '$1'; coming up is:
$(sed -e 's/^/    /' "$TMP/coming")"
  else
    pass
  fi
}

expect_not_coming() {
  if grep -q "^$1 " "$TMP/coming"; then
    fail "$1 should not be coming up"
  else
    pass
  fi
}

# expect_text_item SLUG TEXT: in the text view, the block under the heading
# that names SLUG has a line containing TEXT.
expect_text_item() {
  if ! awk -v slug="$1" -v text="$2" '
      /^[^ ]/ { inblock = (index($0, "  " slug) > 0 && substr($0, length($0) - length(slug) + 1) == slug); next }
      inblock && index($0, text) { found = 1 }
      END { exit !found }' "$OUT_FILE"; then
    fail "the text view has no line '$2' under $1"
  else
    pass
  fi
}

# expect_text_quiet SLUG: the text view names SLUG nowhere above "Coming up".
expect_text_quiet() {
  if awk -v slug="$1" '/^Coming up/ { exit } index($0, slug) { found = 1; exit } END { exit !found }' "$OUT_FILE"; then
    fail "the text view lists $1 as needing attention"
  else
    pass
  fi
}

# expect_width MAX: no stdout line is longer than MAX characters (bash counts
# characters, not bytes, under LC_ALL=C.UTF-8; awk may be mawk, which counts
# bytes).
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

# expect_json_balanced: braces and brackets outside strings balance and never
# go negative; no string is left open.
expect_json_balanced() {
  if ! awk '
      {
        for (i = 1; i <= length($0); i++) {
          ch = substr($0, i, 1)
          if (instr) {
            if (ch == "\\") { i++ } else if (ch == "\"") { instr = 0 }
          } else if (ch == "\"") { instr = 1
          } else if (ch == "{" || ch == "[") { depth++
          } else if (ch == "}" || ch == "]") { if (--depth < 0) bad = 1 }
        }
        if (instr) bad = 1
      }
      END { exit (bad || depth != 0) }' "$OUT_FILE"; then
    fail "stdout is not balanced JSON"
  else
    pass
  fi
}

# --- what needs attention: the whole picture -------------------------------------

section "review: text against the golden file"
mentor review --today "$T"
expect_exit 0
expect_same_file "$OUT_FILE" "$GOLDEN/attention.expected.txt"
expect_width 80
if grep -q $'\e' "$OUT_FILE"; then fail "colour codes despite NO_COLOR"; else pass; fi

section "review: JSON against the golden file"
mentor review --today "$T" --format json
expect_exit 0
expect_json_balanced
expect_same_file "$OUT_FILE" "$GOLDEN/attention.expected.json"

section "--today is honoured before the command and from MENTOR_TODAY"
mentor --today "$T" review
expect_exit 0
expect_same_file "$OUT_FILE" "$GOLDEN/attention.expected.txt"
MENTOR_TODAY="$T" mentor review
expect_exit 0
expect_same_file "$OUT_FILE" "$GOLDEN/attention.expected.txt"

# --- every rule at its boundary --------------------------------------------------

review_json "$T"
PR=phil-rumens

section "session overdue by the cadence: due today is quiet, a day past is late"
expect_quiet "$PR--cadence-today"
expect_row "$PR--cadence-late session_overdue 1 null"
mentor review --today "$T"
expect_text_item "$PR--cadence-late" "1 day late  session overdue: last 2026-11-16, every 2w"
expect_text_quiet "$PR--cadence-today"
expect_stdout_contains "Cadence Late  $PR--cadence-late"

section "the latest session by date counts, not the last one in the file"
expect_yaml pairings/$PR--cadence-today.yaml sessions -1 date = 2026-10-06
expect_quiet "$PR--cadence-today"

section "cadence none never nags about sessions"
expect_quiet "$PR--asneeded-year"
expect_not_coming "$PR--asneeded-year"

section "an action past its due date"
expect_quiet "$PR--actiondue-today"
expect_row "$PR--actiondue-late action_overdue 1 a1"
mentor review --today "$T"
expect_text_item "$PR--actiondue-late" "1 day late  action a1 was due 2026-11-30: Due yesterday"

section "an action with no due date, open longer than the cadence (2w)"
expect_quiet "$PR--stale-today"
expect_row "$PR--stale-late action_stale 1 a1"
mentor review --today "$T"
expect_text_item "$PR--stale-late" "1 day late  action a1 open since 2026-11-16, no due date:"

section "an action with no due date on a pairing with cadence none: 28 days"
expect_quiet "$PR--stalenone-today"
expect_row "$PR--stalenone-late action_stale 1 a1"
mentor review --today "$T"
expect_text_item "$PR--stalenone-late" "1 day late  action a1 open since 2026-11-02, no due date: Open for 29 days"

section "an open goal past its due date"
expect_quiet "$PR--goal-today"
expect_row "$PR--goal-late goal_overdue 1 g1"
mentor review --today "$T"
expect_text_item "$PR--goal-late" "1 day late  goal g1 was due 2026-11-30: Due yesterday"

section "achieved and dropped goals, and done actions, never nag"
expect_yaml pairings/$PR--goal-today.yaml goals 1 status = achieved
expect_yaml pairings/$PR--goal-today.yaml goals 2 status = dropped
expect_yaml pairings/$PR--actiondue-today.yaml sessions 0 actions 0 "done" = 2026-10-08
expect_yaml pairings/$PR--actiondue-today.yaml sessions 0 actions 1 "done" = 2026-10-20
expect_quiet "$PR--goal-today"
expect_quiet "$PR--actiondue-today"

section "an active pairing past its planned until"
expect_quiet "$PR--until-today"
expect_row "$PR--until-late past_planned_end 1 null"
mentor review --today "$T"
expect_text_item "$PR--until-late" "1 day late  still active after its planned end, 2026-11-30"

section "no first session a full cadence (2w) after the start"
expect_quiet "$PR--first-today"
expect_row "$PR--first-late no_first_session 1 null"
mentor review --today "$T"
expect_text_item "$PR--first-late" "1 day late  no session yet since it started on 2026-11-16"

section "no first session 4 weeks after the start, cadence none"
expect_quiet "$PR--firstnone-today"
expect_row "$PR--firstnone-late no_first_session 1 null"
mentor review --today "$T"
expect_text_item "$PR--firstnone-late" "1 day late  no session yet since it started on 2026-11-02"

section "coaching six calendar months without a review (2026-05-31 + 6 months = 2026-11-30)"
expect_quiet "$PR--review-today"
expect_row "$PR--review-late no_review 1 null"
expect_quiet "$PR--review-done"
mentor review --today "$T"
expect_text_item "$PR--review-late" "1 day late  coaching since 2026-05-31 with no review yet"
review_json 2026-11-30
if grep -q "^$PR--review-late no_review" "$TMP/rows"; then
  fail "review-late (started 2026-05-31) is flagged on 2026-11-30, its six-month day"
else
  pass
fi
review_json 2026-12-02
expect_row "$PR--review-today no_review 1 null"
expect_row "$PR--review-late no_review 2 null"
expect_quiet "$PR--review-done"

section "mentoring is never flagged for a missing review"
review_json 2027-12-01
if grep -q " no_review " <(grep -E "^$PR--(asneeded-year|stalenone|firstnone)" "$TMP/rows"); then
  fail "a mentoring pairing is flagged for a missing review"
else
  pass
fi

section "paused and ended pairings never nag, cadence none not even after two years"
for day in "$T" 2027-12-01; do
  review_json "$day"
  expect_quiet "$PR--pat-paused"
  expect_quiet "$PR--ed-ended"
  expect_quiet "$PR--asneeded-year"
  expect_not_coming "$PR--pat-paused"
  expect_not_coming "$PR--ed-ended"
done
mentor review --today "$T"
expect_stdout_not_contains "Pat Paused"
expect_stdout_not_contains "Ed Ended"
expect_stdout_not_contains "Asneeded Year"

section "the pairing where I am the mentee names the other person"
review_json "$T"
expect_row "kim-lee--$PR action_overdue 2 a1"
mentor review --today "$T"
expect_stdout_contains "Kim Lee  kim-lee--$PR"
expect_text_item "kim-lee--$PR" "2 days late  action a1 was due 2026-11-29: Send Kim my draft talk"

section "nothing due today, paused, ended or done is in the text view's attention list"
mentor review --today "$T"
for slug in cadence-today asneeded-year actiondue-today stale-today stalenone-today goal-today until-today \
  first-today firstnone-today review-today review-done pat-paused ed-ended soon-seven soon-eight; do
  expect_text_quiet "$PR--$slug"
done

# --- coming up -------------------------------------------------------------------

section "coming up: due today, in 7 days; not in 8"
review_json "$T"
expect_coming "$PR--cadence-today 0"
expect_coming "$PR--first-today 0"
expect_coming "$PR--firstnone-today 0"
expect_coming "$PR--soon-seven 7"
expect_not_coming "$PR--soon-eight"
expect_not_coming "$PR--cadence-late"
mentor review --today "$T"
expect_stdout_contains "  2026-12-01  today        Cadence Today  $PR--cadence-today"
expect_stdout_contains "  2026-12-08  in 7 days    Soon Seven  $PR--soon-seven"
expect_stdout_not_contains "Soon Eight"
review_json 2026-12-02
expect_coming "$PR--soon-eight 7"
expect_coming "$PR--soon-seven 6"
expect_row "$PR--cadence-today session_overdue 1 null"
expect_not_coming "$PR--cadence-today"

# --- ordering --------------------------------------------------------------------

section "most days late first"
review_json "$T"
if ! awk 'NR > 1 && $3 > prev { bad = 1 } { prev = $3 } END { exit bad }' "$TMP/rows"; then
  fail "attention items are not ordered by days late:
$(sed -e 's/^/    /' "$TMP/rows")"
else
  pass
fi
expect_stdout_equals "$(cat "$GOLDEN/attention.expected.json")"
head -n 6 "$TMP/rows" >"$TMP/rows.head"
printf '%s\n' "$PR--ada-obi action_stale 106 a2" "$PR--max-mann session_overdue 30 null" \
  "$PR--max-mann action_stale 30 a1" "$PR--ada-obi action_overdue 10 a3" "$PR--max-mann goal_overdue 5 g1" \
  "kim-lee--$PR action_overdue 2 a1" >"$TMP/rows.want"
expect_same_file "$TMP/rows.head" "$TMP/rows.want"
# The text groups items by pairing, pairings in the order of their most
# urgent item: the days of each group's first line never increase.
mentor review --today "$T"
awk '/^[^ ]/ && NR > 1 { head = 1; next }
     head && /days? late/ { print $1; head = 0 }' "$OUT_FILE" >"$TMP/firsts"
printf '%s\n' 106 30 2 1 1 1 1 1 1 1 1 1 >"$TMP/firsts.want"
expect_same_file "$TMP/firsts" "$TMP/firsts.want"
awk '/^[^ ]/ && NR > 1 && /  [a-z0-9-]+--[a-z0-9-]+$/ { print $NF }' "$OUT_FILE" | head -n 4 >"$TMP/order"
printf '%s\n' "$PR--ada-obi" "$PR--max-mann" "kim-lee--$PR" "$PR--actiondue-late" >"$TMP/order.want"
expect_same_file "$TMP/order" "$TMP/order.want"

# --- nothing to do ---------------------------------------------------------------

section "an empty records directory: one plain line"
new_records "$TMP/empty"
cd "$TMP/empty"
mentor review --today 2026-11-20
expect_exit 0
expect_stdout_equals "Nothing needs attention on 2026-11-20."
expect_stdout_lines 1
mentor review --format json --today 2026-11-20
expect_exit 0
expect_json_balanced
expect_stdout_equals '{
  "today": "2026-11-20",
  "attention": [],
  "coming_up": []
}'
before="$(date +%F)"
mentor review
after="$(date +%F)"
expect_exit 0
if [[ "$OUT" != "Nothing needs attention on $before." && "$OUT" != "Nothing needs attention on $after." ]]; then
  fail "without --today, review does not use the real date ($before)"
else
  pass
fi
cd "$TMP/records"

# --- the brief of one pairing ----------------------------------------------------

section "review WHO: text against the golden file"
mentor review ada --today "$T"
expect_exit 0
expect_same_file "$OUT_FILE" "$GOLDEN/ada.expected.txt"
expect_width 80
# ASCII only, so awk's length (bytes under mawk) agrees.
if LC_ALL=C grep -q '[^ -~]' "$OUT_FILE"; then fail "the brief of ada is not plain ASCII"; else pass; fi
if [[ -n "$(awk 'length > 80' "$OUT_FILE")" ]]; then fail "a line of the brief is over 80 columns"; else pass; fi

section "review WHO: what the brief holds"
expect_stdout_contains "Ada Obi: coaching since 2026-07-06  $PR--ada-obi"
expect_stdout_contains "Phil Rumens (coach) with Ada Obi (coachee)"
expect_stdout_contains "active, planned until 2027-01-29; every 2w; 45m sessions"
expect_stdout_contains "sponsor: City Library"
expect_stdout_contains "  g1   open      Chair team meetings confidently (due 2026-12-18)"
expect_stdout_contains "  a3   Ask Sam to own the rota for a month: agreed 2026-09-14 (78 days ago), due"
expect_stdout_contains "       2026-11-21 (10 days late)"
expect_stdout_contains "  5 sessions, 4.50 hours, one every 35 days on average"
expect_stdout_contains "  last 2026-11-23 (8 days ago); next due 2026-12-07 (in 6 days)"
expect_stdout_contains "  delegation (3), influence (2), stakeholders (2), contracting (1)"
# Only the last three sessions, newest first.
expect_stdout_contains "  2026-11-23  45m  session  [stakeholders]"
expect_stdout_contains "  2026-10-26  1h30m  session  [influence, delegation]"
expect_stdout_contains "  2026-09-14  45m  session  [delegation, stakeholders]"
expect_stdout_not_contains "2026-08-03  "
expect_stdout_not_contains "First meeting."
expect_stdout_not_contains "Mapped her stakeholders."
# Done actions are not open.
expect_stdout_not_contains "Draft an agenda for Tuesday"
if ! awk '/^  2026-11-23  45m/ { a = NR } /^  2026-10-26  1h30m/ { b = NR } /^  2026-09-14  45m/ { c = NR }
          END { exit !(a && a < b && b < c) }' "$OUT_FILE"; then
  fail "the last sessions are not newest first"
else
  pass
fi

section "review WHO: JSON against the golden file"
mentor review ada --today "$T" --format json
expect_exit 0
expect_json_balanced
expect_same_file "$OUT_FILE" "$GOLDEN/ada.expected.json"

section "review WHO: every form of WHO gives the same brief"
for who in ada-obi ad obi "ADA OBI" "$PR--ada-obi"; do
  mentor review "$who" --today "$T"
  expect_exit 0
  expect_same_file "$OUT_FILE" "$GOLDEN/ada.expected.txt"
done

section "review WHO where I am the mentee"
mentor review kim --today "$T"
expect_exit 0
expect_stdout_contains "Kim Lee: mentoring since 2026-09-07  kim-lee--$PR"
expect_stdout_contains "Kim Lee (mentor) with Phil Rumens (mentee)"
expect_stdout_contains "  a1   Send Kim my draft talk: agreed 2026-10-19 (43 days ago), due 2026-11-29"
expect_stdout_contains "  2 sessions, 1.75 hours, one every 42 days on average"
expect_stdout_contains "  career (2), writing (1)"
expect_stdout_not_contains "next due"
expect_width 80
mentor review "kim-lee--$PR" --today "$T" --format json
expect_exit 0
expect_json_balanced
expect_stdout_contains '"pairing": "kim-lee--phil-rumens",'
expect_stdout_contains '"with": "Kim Lee",'
expect_stdout_contains '"cadence": "none",'
expect_stdout_contains '"next_due": null'

section "review WHO of a paused and an ended pairing"
mentor review pat --today "$T"
expect_exit 0
expect_stdout_contains "Pat Paused: coaching since 2025-01-06  $PR--pat-paused"
expect_stdout_matches "^  paused"
expect_stdout_not_contains "next due"
mentor review ed-ended --today "$T"
expect_exit 0
expect_stdout_matches "^  ended on 2026-01-10"
expect_stdout_not_contains "next due"

# --- usage and records errors ----------------------------------------------------

section "review nobody: exit 1"
mentor review nobody --today "$T"
expect_exit 1
expect_error_format
expect_stderr_contains "nobody"
expect_stdout_empty

section "an ambiguous WHO: exit 2, listing the candidates"
mentor review late --today "$T"
expect_exit 2
expect_error_format
expect_stderr_contains "cadence-late"
expect_stderr_contains "Until Late"
expect_stdout_empty

section "--format xml: exit 2"
mentor review --format xml --today "$T"
expect_exit 2
expect_error_format
expect_stdout_empty
mentor review ada --format xml --today "$T"
expect_exit 2
expect_stdout_empty

section "NOTES, --goal and --date without --record: exit 2"
mentor review ada "Some notes" --today "$T"
expect_exit 2
expect_error_format
expect_stderr_contains "--record"
mentor review ada --goal g1=achieved --today "$T"
expect_exit 2
expect_stderr_contains "--record"
mentor review --goal g1=achieved --today "$T"
expect_exit 2
mentor review ada --date 2026-11-30 --today "$T"
expect_exit 2

section "review never writes"
expect_tree_unchanged . "$TMP/tree.before"

# --- edge cases built with the commands themselves -------------------------------

new_records "$TMP/edge"
cd "$TMP/edge"

section "review WHO: a person with an ended and an active pairing means the active one"
mentor add "Zed Two"
expect_exit 0
mentor pair zed --start 2026-01-05 --today "$T"
expect_exit 0
mentor pair zed --end --date 2026-03-02 --today "$T"
expect_exit 0
mentor pair zed --start 2026-06-01 --today "$T"
expect_exit 0
expect_stdout_contains "phil-rumens--zed-two-2"
mentor review zed --today "$T"
expect_exit 0
expect_stdout_matches "^Zed Two: coaching since 2026-06-01  phil-rumens--zed-two-2$"

section "review WHO: the brief fits 80 columns, even with a long name"
mentor add "Maximilian Alexander Bartholomew-Fitzgerald"
expect_exit 0
mentor pair maximilian --start 2026-01-05 --sponsor "Northgate Housing Trust, Tenant Services Directorate (Greater Manchester)" \
  --goal "Chair the monthly tenants' forum without notes and with every item on the agenda covered" --today "$T"
expect_exit 0
mentor log maximilian "A very long note without any line breaks in it, which has to be wrapped somewhere before the eightieth column so that it reads well in a terminal." \
  --topic "stakeholder management" --topic "delegation" \
  --action "Write to the forum chair and agree the agenda for the next three meetings, item by item" \
  --date 2026-11-03 --today "$T"
expect_exit 0
mentor review maximilian --today "$T"
expect_exit 0
expect_stdout_contains "Maximilian Alexander Bartholomew-Fitzgerald"
expect_width 80

finish
