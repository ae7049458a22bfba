#!/usr/bin/env bash
# Shell completion: the bash script driven the way bash drives it (COMP_WORDS,
# COMP_CWORD, COMP_LINE, COMP_POINT, then COMPREPLY), and the zsh and fish
# scripts checked for syntax and run with the shell's completion machinery
# stubbed (zsh) or for real (fish), when those shells are installed.
source "$(dirname "$0")/lib.sh" "$@"

COMPLETIONS="$MENTOR_SOURCE_DIR/completions"
BIN="$TMP/bin"
mkdir -p "$BIN"
ln -s "$MENTOR" "$BIN/mentor"
export PATH="$BIN:$PATH"

new_records "$TMP/records"
mentor add "Zoë Núñez" --dir "$TMP/records"
mentor add "Aisha Rahman" --dir "$TMP/records"
mentor pair zoe --dir "$TMP/records" --today 2026-11-01
expect_exit 0

# comp WORD... : completes the last word, with the cursor at the end of the
# line, splitting words as bash does (COMP_WORDBREAKS: '=' is a word of its
# own). Leaves the sorted candidates in $GOT, one per line.
comp() {
  local line="" word prev=""
  COMP_WORDS=()
  for word in "$@"; do
    # A word of '=' or the word right after one is glued to the previous.
    if [[ -n "$line" && "$word" != "=" && "$prev" != "=" ]]; then
      line+=" "
    fi
    line+="$word"
    COMP_WORDS+=("$word")
    prev="$word"
  done
  COMP_LINE="$line"
  COMP_POINT=${#line}
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _mentor mentor "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]:-}"
  GOT="$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort)"
  LAST_CMD="complete: $line"
}

# expect_got CANDIDATE...: exactly these.
expect_got() {
  local want
  want="$(printf '%s\n' "$@" | LC_ALL=C sort)"
  if [[ "$GOT" != "$want" ]]; then
    fail "completing '$COMP_LINE': expected
$want
got
$GOT"
  else
    pass
  fi
}

# expect_has CANDIDATE...: at least these.
expect_has() {
  local want
  for want in "$@"; do
    if ! grep -qxF -- "$want" <<<"$GOT"; then
      fail "completing '$COMP_LINE': no candidate '$want' in
$GOT"
      return
    fi
  done
  pass
}

expect_lacks() {
  local unwanted
  for unwanted in "$@"; do
    if grep -qxF -- "$unwanted" <<<"$GOT"; then
      fail "completing '$COMP_LINE': '$unwanted' should not be offered"
      return
    fi
  done
  pass
}

section "bash: the script loads and registers _mentor"
# shellcheck source=/dev/null
source "$COMPLETIONS/mentor.bash"
if [[ "$(complete -p mentor 2>/dev/null)" == "complete -F _mentor mentor" ]]; then
  pass
else
  fail "complete -p mentor: $(complete -p mentor 2>&1)"
fi

section "bash: command names"
comp mentor ""
expect_got add check help init list log merge-file pair report review show
comp mentor re
expect_got report review
comp mentor --today 2026-11-20 sh
expect_got show

section "bash: options of log, with the global ones"
comp mentor log zoe --d
expect_got --date --dir --done --due --duration
comp mentor log zoe --date today --
expect_has --duration --topic --action --edit --today --color --help
expect_lacks --date --version --format

section "bash: option values"
comp mentor report --format ""
expect_got csv json markdown text
comp mentor report --format j
expect_got json
comp mentor report --format = m
expect_got markdown
comp mentor report --format =
expect_got csv json markdown text
comp mentor report --by ""
expect_got kind month pairing person
comp mentor report --period last
expect_got last-month last-quarter last-year
comp mentor --color ""
expect_got always auto never
comp mentor list --color = n
expect_got never
comp mentor pair zoe --kind s
expect_got shadowing supervision
comp mentor log zoe --type c
expect_got chemistry closing
comp mentor review zoe --record --goal g1 = a
expect_got achieved
comp mentor list ""
expect_got pairings people

section "bash: WHO from the records directory"
comp mentor --dir "$TMP/records" log ""
expect_got aisha-rahman phil-rumens phil-rumens--zoe-nunez zoe-nunez
comp mentor log --dir "$TMP/records" z
expect_got zoe-nunez
comp mentor show --dir = "$TMP/records" phil-rumens-
expect_got phil-rumens--zoe-nunez
MENTOR_DIR="$TMP/records" comp mentor show a
expect_got aisha-rahman
(cd "$TMP/records/people" && comp mentor review z && [[ "$GOT" == zoe-nunez ]]) && pass || fail "WHO from the working directory"

section "bash: no records directory, or a broken one: nothing, quietly"
comp mentor --dir "$TMP/missing" log z
expect_got ""
mkdir -p "$TMP/broken"
printf 'version: [\n' >"$TMP/broken/mentor.yaml"
printf 'not a folder\n' >"$TMP/broken/people"
comp mentor --dir "$TMP/broken" log z
expect_got ""

section "bash: file and directory names"
mkdir -p "$TMP/work/reports" "$TMP/work/records dir"
: >"$TMP/work/q3.md"
cd "$TMP/work"
comp mentor report -o q
expect_got q3.md
comp mentor report --output ""
expect_got "q3.md" "reports" "records dir"
comp mentor --dir re
expect_got "records dir" "reports"
comp mentor init r
expect_got "records dir" "reports"
cd "$TMP"

section "bash: the binary named on the line is the one asked"
# Not on PATH: called by its path, as from a build tree.
PATH="/usr/bin:/bin" comp "$MENTOR" lo
expect_got log

section "bash: the script is quiet and fast"
start=$(date +%s%N)
for _ in 1 2 3 4 5 6 7 8 9 10; do
  comp mentor --dir "$TMP/records" log ""
done
elapsed_ms=$((($(date +%s%N) - start) / 1000000 / 10))
echo "one completion: ${elapsed_ms} ms"
if [[ $elapsed_ms -lt 500 ]]; then pass; else fail "a completion took ${elapsed_ms} ms"; fi

section "zsh: syntax, and the wrapper with compsys stubbed"
if command -v zsh >/dev/null 2>&1; then
  run zsh -n "$COMPLETIONS/_mentor"
  expect_exit 0
  # _describe and _files stand in for the completion system: they print
  # what they were handed. The file is autoloaded as _mentor's body.
  write_file "$TMP/zsh-test" 0644 <<EOF
fpath=("$COMPLETIONS" \$fpath)
autoload -Uz _mentor
_describe() { print -rl -- "\${(@P)\${@[-1]}}"; }
_files() { print -r -- "FILES \$*"; }
compset() { :; }
words=(mentor report --format j); CURRENT=4; PREFIX=j
_mentor
words=(mentor --dir "$TMP/records" show z); CURRENT=5; PREFIX=z
_mentor
words=(mentor lo); CURRENT=2; PREFIX=lo
_mentor
words=(mentor report -o ''); CURRENT=4; PREFIX=''
_mentor
words=(mentor --dir ''); CURRENT=3; PREFIX=''
_mentor
EOF
  run zsh -f "$TMP/zsh-test"
  expect_exit 0
  expect_stdout_equals $'json\nzoe-nunez:person\nlog:Record a session\nFILES \nFILES -/'
else
  echo "(zsh is not installed: skipped)"
fi

section "fish: syntax, and completions for real"
if command -v fish >/dev/null 2>&1; then
  run fish -n "$COMPLETIONS/mentor.fish"
  expect_exit 0
  run fish --no-config -c "source '$COMPLETIONS/mentor.fish'; complete -C'mentor report --format j'"
  expect_exit 0
  expect_stdout_equals "json"
  run fish --no-config -c "source '$COMPLETIONS/mentor.fish'; complete -C'mentor --dir $TMP/records show z'"
  expect_stdout_equals $'zoe-nunez\tperson'
  run fish --no-config -c "source '$COMPLETIONS/mentor.fish'; complete -C'mentor lo'"
  expect_stdout_equals $'log\tRecord a session'
  mkdir -p "$TMP/fishdir/sub"
  : >"$TMP/fishdir/file.txt"
  run fish --no-config -c "cd '$TMP/fishdir'; source '$COMPLETIONS/mentor.fish'; complete -C'mentor report -o '"
  expect_stdout_contains "file.txt"
  expect_stdout_contains "sub/"
  run fish --no-config -c "cd '$TMP/fishdir'; source '$COMPLETIONS/mentor.fish'; complete -C'mentor report --output=f'"
  expect_stdout_contains "--output=file.txt"
else
  echo "(fish is not installed: skipped)"
fi

finish
