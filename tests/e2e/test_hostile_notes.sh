#!/usr/bin/env bash
# Notes are the user's words: whatever they type (YAML syntax, reserved
# words, tabs, emoji, CRLF, 20 KB) must read back exactly, through another
# YAML reader, after the documented normalisation: CRLF and CR become LF and
# trailing whitespace at the very end goes; every other byte is kept.
source "$(dirname "$0")/lib.sh" "$@"
require_yaml_get

cp -R "$FIXTURES/basic/records" "$TMP/records"
cd "$TMP/records"
FILE=pairings/phil-rumens--zoe-nunez.yaml

# The documented normalisation, in bash.
normalise() {
  local s="$1"
  s="${s//$'\r\n'/$'\n'}"
  s="${s//$'\r'/$'\n'}"
  s="${s%"${s##*[![:space:]]}"}"
  printf '%s' "$s"
}

CASES=(
  'key: value'
  '# not a comment'
  '---'
  '...'
  '   leading spaces on the first line'
  $'   leading spaces, then\nmore lines\n  and an indented one'
  'yes'
  'no'
  'No'
  'true'
  '~'
  'null'
  '007'
  '1e3'
  '12:30'
  '0x1F'
  '.inf'
  $'tab\tin the middle'
  $'\tleading tab'
  $'tabs\n\tindented with a tab\n\t\ttwo'
  '🎉 progress! 👩‍💻 naïve café'
  "She said \"no\" and I said 'fine'"
  "'\""
  '"quoted at the start" and then more'
  "'single at the start' and more"
  'C:\path\to\new\file \\ \n \t \x41 \u0041'
  '| not a block'
  '> not folded'
  $'|\nstarts with a pipe line'
  $'>\nstarts with a chevron line'
  '[a, b]'
  '{a: b}'
  '&anchor *alias'
  '*alias'
  '!tag value'
  '!!str text'
  '%YAML 1.2'
  '@mention and `backticks`'
  'ends with a colon:'
  'a # hash after a space'
  '- looks like a list item'
  '-'
  '? question mark'
  $'line one\r\nline two\r\n'
  $'old mac\rline break'
  $'trailing newlines\n\n\n'
  $'trailing blanks   \n  \t '
  $'blank lines\n\n\ninside'
  $'\nstarts with an empty line'
  $'a line of spaces\n     \nbetween'
  $'trailing spaces inside   \nnext'
  $'key: value\n# not a comment\n---\n...\n- item\n  indented: x\n\ttab line\n%YAML 1.2\n[a, b]\n{a: b}\n&a *a\n"quoted"\n\'single\'\n|\n>\nyes\n~'
  $'line separator\u2028inside'
  $'next line \u0085 char'
  $'\ufeffbyte-order mark first'
)

# A 20 KB note of many lines.
big=""
for ((i = 1; i <= 400; i++)); do
  big+="line $i: key: value # not a comment, 'quoted' \"double\" [x] {y} ---"$'\n'
done
CASES+=("$big")

expected_file="$TMP/expected"
actual_file="$TMP/actual"

# check_stored NOTE: the last session's notes read back as NOTE after
# normalisation (modulo one final line break, which a `|` block adds).
check_stored() {
  local want
  want="$(normalise "$1")"
  if ! "$YAML_GET" "$FILE" sessions -1 notes >"$actual_file" 2>"$TMP/yaml_get.err"; then
    fail "yaml_get cannot read the notes back: $(cat "$TMP/yaml_get.err")"
    return
  fi
  printf '%s' "$want" >"$expected_file"
  if cmp -s "$expected_file" "$actual_file"; then
    pass
    return
  fi
  printf '%s\n' "$want" >"$expected_file"
  if cmp -s "$expected_file" "$actual_file"; then
    pass
    return
  fi
  printf '%s' "$want" >"$expected_file"
  fail "notes read back differently:
$(diff <(od -c "$expected_file") <(od -c "$actual_file") | head -n 20)"
}

# check_not_plain NOTE: a note that a YAML reader would take for a boolean,
# a null or a number must not be written as a plain scalar.
check_not_plain() {
  local line
  line="$(grep -E '^ +notes:' "$FILE" | tail -n 1)"
  if [[ "$line" =~ ^\ +notes:\ +(.*)$ && "${BASH_REMATCH[1]}" == "$1" ]]; then
    fail "note '$1' written as a plain scalar (a YAML reader sees a non-string): $line"
  else
    pass
  fi
}

count="$(session_count "$FILE")"
n=0
for note in "${CASES[@]}"; do
  n=$((n + 1))
  for how in argument stdin; do
    section "case $n via $how: $(printf '%s' "${note:0:40}" | tr '\r\n\t' '~|>')"
    if [[ $how == argument ]]; then
      if [[ "$note" == -* ]]; then
        mentor log zoe --today "$TODAY" -- "$note"
      else
        mentor log zoe "$note" --today "$TODAY"
      fi
    else
      printf '%s' "$note" >"$TMP/note.txt"
      mentor_stdin "$TMP/note.txt" log zoe --today "$TODAY"
    fi
    expect_exit 0
    [[ $CODE -eq 0 ]] || continue
    expect_logged "$TODAY" 1h "Zoë Núñez" "$FILE"
    count=$((count + 1))
    now="$(session_count "$FILE" || true)"
    if [[ "$now" != "$count" ]]; then
      fail "expected $count sessions, yaml_get counts '$now'"
      count="$now"
    else
      pass
    fi
    check_stored "$note"
    case "$note" in
      yes | no | No | true | '~' | null | 007 | 1e3 | 12:30 | 0x1F | .inf) check_not_plain "$note" ;;
    esac
  done
done

section "the file still reads: show, list"
mentor show phil-rumens--zoe-nunez --today "$TODAY"
expect_exit 0
expect_stdout_contains "Zoë Núñez"
expect_stdout_contains "line 400: key: value"
expect_stdout_contains "🎉 progress!"
mentor list --today "$TODAY"
expect_exit 0
expect_stdout_contains "Zoë Núñez"

section "the earlier sessions are untouched"
expect_yaml "$FILE" sessions 0 notes = "First meeting."
lines="$(wc -l <"$FIXTURES/basic/records/$FILE")"
cp "$FIXTURES/basic/records/$FILE" "$TMP/head.expected"
head -n "$lines" "$FILE" >"$TMP/head.actual"
expect_same_file "$TMP/head.actual" "$TMP/head.expected"

section "no temporary files left"
leftovers="$(find . -name '*.tmp*' -o -name '*~' | head -n 5)"
if [[ -n "$leftovers" ]]; then
  fail "temporary files left behind: $leftovers"
else
  pass
fi

finish
