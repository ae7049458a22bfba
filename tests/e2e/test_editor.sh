#!/usr/bin/env bash
# The editor flow of `mentor log`, with scripted editors: the template, the
# header lines, an editor with arguments, a failing editor, no terminal, and
# (under `script`, for a terminal) the editor reopened after an error.
source "$(dirname "$0")/lib.sh" "$@"
require_yaml_get

R="$TMP/records"
new_records "$R"
mentor add "Zoë Núñez" --dir "$R"
mentor pair zoe --dir "$R" --today 2026-11-01
expect_exit 0
Z="$R/pairings/phil-rumens--zoe-nunez.yaml"
export MENTOR_DIR="$R" MENTOR_TODAY="$TODAY"
mentor log zoe "First session." --action "Draft an agenda" --action "Call Ann" --date 2026-11-06
expect_exit 0

# The editor's private file goes here; each scripted editor notes what it
# was given in $TMP/seen-*.
export XDG_RUNTIME_DIR="$TMP/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"

section "an editor command with arguments, as git runs it (sh -c)"
write_file "$TMP/ed.sh" 0755 <<'EOF'
#!/bin/sh
# Called as: ed.sh -n FILE
[ "$1" = "-n" ] || exit 9
f="$2"
printf '%s' "$f" >"$TMP_SEEN/seen-path"
stat -c %a "$f" >"$TMP_SEEN/seen-mode"
cp "$f" "$TMP_SEEN/seen-text"
sed -i -e 's/^Topics:.*/Topics: budget, hiring/' -e 's/^Done:.*/Done: a1/' \
  -e 's/^Action:.*/Action: Book the room/' -e 's/^Due:.*/Due: +1w/' "$f"
sed -i '0,/^$/s//\nWe planned the budget meeting.\n# Agenda: kept, a line of the notes/' "$f"
EOF
export TMP_SEEN="$TMP"
EDITOR="$TMP/ed.sh -n" mentor log zoe --edit
expect_exit 0
expect_stdout_contains "logged 2026-11-20 (1h) with Zoë Núñez; agreed a3; closed a1"
expect_yaml "$Z" sessions -1 notes = $'We planned the budget meeting.\n# Agenda: kept, a line of the notes'
expect_yaml "$Z" sessions -1 topics 1 = hiring
expect_yaml "$Z" sessions -1 actions 0 text = "Book the room"
expect_yaml "$Z" sessions -1 actions 0 due = 2026-11-27
expect_yaml "$Z" sessions 0 actions 0 done = 2026-11-20

section "the template, and the file: private, in \$XDG_RUNTIME_DIR, removed"
expect_file_has "$TMP/seen-text" "Date: 2026-11-20"
expect_file_has "$TMP/seen-text" "# ------------------------ >8 ------------------------"
expect_file_has "$TMP/seen-text" "# A session with Zoë Núñez (phil-rumens--zoe-nunez, coaching)."
expect_file_has "$TMP/seen-text" "# Last session, 2026-11-06 (1h):"
expect_file_has "$TMP/seen-text" "#   First session."
expect_file_has "$TMP/seen-text" "#   a2  Call Ann"
[[ "$(cat "$TMP/seen-path")" == "$XDG_RUNTIME_DIR"/mentor-note-* ]] && pass || fail "the file is not in \$XDG_RUNTIME_DIR"
[[ "$(cat "$TMP/seen-mode")" == 600 ]] && pass || fail "the file has mode $(cat "$TMP/seen-mode")"
expect_missing "$(cat "$TMP/seen-path")"
if awk 'length($0) > 80 { exit 1 }' "$TMP/seen-text"; then pass; else fail "a template line is wider than 80 bytes"; fi

section "a failing editor: exit 1, nothing written"
snapshot "$Z"
EDITOR="false" mentor log zoe --edit
expect_exit 1
expect_error_format
expect_stderr_contains "the editor (false) failed; nothing was written"
expect_hint
expect_file_unchanged "$Z"
write_file "$TMP/half.sh" 0755 <<'EOF'
#!/bin/sh
printf 'half a note\n' >>"$1"
exit 3
EOF
VISUAL="$TMP/half.sh" mentor log zoe --edit
expect_exit 1
expect_stderr_contains "your text is kept in $XDG_RUNTIME_DIR/mentor-note-"
expect_file_unchanged "$Z"
rm -f "$XDG_RUNTIME_DIR"/mentor-note-*

section "a header mentor refuses: exit 2, nothing written, the text kept"
write_file "$TMP/bad.sh" 0755 <<'EOF'
#!/bin/sh
printf 'Duration: forever\n\nPrecious notes.\n' >"$1"
EOF
VISUAL="$TMP/bad.sh" mentor log zoe --edit
expect_exit 2
expect_stderr_contains 'mentor: error: Duration: "forever" is not a duration'
expect_hint
expect_file_unchanged "$Z"
kept=("$XDG_RUNTIME_DIR"/mentor-note-*)
[[ ${#kept[@]} -eq 1 && -f "${kept[0]}" ]] && pass || fail "no kept file"
expect_file_has "${kept[0]}" "Precious notes."
rm -f "${kept[@]}"

section "an empty or untouched note: aborting, exit 1, nothing written"
VISUAL=true mentor log zoe --edit
expect_exit 1
expect_stderr_contains "mentor: error: aborting: the note is empty; nothing was written"
expect_file_unchanged "$Z"
run ls -A "$XDG_RUNTIME_DIR"
expect_stdout_empty

section "no terminal: notes from standard input, no editor"
write_file "$TMP/marker.sh" 0755 <<EOF
#!/bin/sh
touch "$TMP/editor-ran"
EOF
printf 'Piped notes.\n' >"$TMP/notes.txt"
VISUAL="$TMP/marker.sh" mentor_stdin "$TMP/notes.txt" log zoe
expect_exit 0
expect_missing "$TMP/editor-ran"
expect_yaml "$Z" sessions -1 notes = "Piped notes."

section "at a terminal: the editor opens, and reopens with the error on top"
if script -qec true /dev/null >/dev/null 2>&1; then
  # First round: a wrong header. Second: the error is on top; correct it.
  write_file "$TMP/fix.sh" 0755 <<EOF
#!/bin/sh
if grep -q '^# error:' "\$1"; then
  cp "\$1" "$TMP/second-round"
  sed -i 's/^Topic:/Topics:/' "\$1"
else
  printf 'Topic: budget\n\nNotes at a terminal.\n' >"\$1"
fi
EOF
  VISUAL="$TMP/fix.sh" run script -qec "$(printf '%q ' "$MENTOR" log zoe)" /dev/null
  expect_exit 0
  expect_stdout_contains "logged 2026-11-20 (1h) with Zoë Núñez"
  expect_yaml "$Z" sessions -1 notes = "Notes at a terminal."
  expect_yaml "$Z" sessions -1 topics 0 = budget
  expect_file_has "$TMP/second-round" '# error: there is no header "Topic:"'
  expect_file_has "$TMP/second-round" "Notes at a terminal."
  # Saved unchanged after the error: the user gives up; the text is kept.
  snapshot "$Z"
  write_file "$TMP/stubborn.sh" 0755 <<'EOF'
#!/bin/sh
grep -q '^# error:' "$1" || printf 'Topic: budget\n\nStubborn notes.\n' >"$1"
EOF
  VISUAL="$TMP/stubborn.sh" run script -qec "$(printf '%q ' "$MENTOR" log zoe)" /dev/null
  expect_exit 2
  expect_stdout_contains 'there is no header "Topic:"'
  expect_stdout_contains "your text is kept in"
  expect_file_unchanged "$Z"
  rm -f "$XDG_RUNTIME_DIR"/mentor-note-*
else
  echo "(no working \`script\` for a terminal: skipped)"
fi

finish
