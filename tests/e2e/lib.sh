# Shared helpers for the end-to-end tests. Every tests/e2e/test_*.sh sources
# this file first:   source "$(dirname "$0")/lib.sh" "$@"
#
# A test drives the real binary ($MENTOR) in a fresh temporary directory
# ($TMP, removed on exit), checks exit codes, output and the exact bytes of
# the files it touched, and ends with `finish`.
#
# Only bash, coreutils, diff, grep, sed, awk and git are used: CI runs on a
# fresh Debian 12.
#
# Set MENTOR_E2E_KEEP_GOING=1 to report every failed check instead of
# stopping at the first one, and MENTOR_E2E_KEEP_TMP=1 to keep $TMP.

set -euo pipefail

if [[ $# -lt 1 || -z "$1" ]]; then
  echo "usage: bash $0 /path/to/mentor" >&2
  exit 2
fi
MENTOR="$1"
if [[ "$MENTOR" != /* ]]; then
  MENTOR="$PWD/$MENTOR"
fi
if [[ ! -x "$MENTOR" ]]; then
  echo "$0: not an executable: $MENTOR" >&2
  exit 2
fi

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FIXTURES="$E2E_DIR/fixtures"
TEST_NAME="$(basename "$0" .sh)"
MENTOR_SOURCE_DIR="${MENTOR_SOURCE_DIR:-$(cd "$E2E_DIR/../.." && pwd)}"
YAML_GET="${YAML_GET:-}"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/mentor-e2e-$TEST_NAME.XXXXXX")"
TMP="$(cd "$TMP" && pwd -P)"

CHECKS=0
FAILURES=0
SECTION=""
LAST_CMD=""
OUT=""
ERR=""
CODE=0
OUT_FILE="$TMP/.last-stdout"
ERR_FILE="$TMP/.last-stderr"
: >"$OUT_FILE"
: >"$ERR_FILE"
declare -A SNAPSHOTS=()

_e2e_on_exit() {
  local status=$?
  cd /
  if [[ "${MENTOR_E2E_KEEP_TMP:-}" == 1 ]]; then
    echo "(kept $TMP)" >&2
  else
    chmod -R u+rwX "$TMP" 2>/dev/null || true
    rm -rf "$TMP"
  fi
  if [[ $status -eq 0 && $FAILURES -gt 0 ]]; then
    exit 1
  fi
  exit "$status"
}
trap _e2e_on_exit EXIT

# A predictable environment: no records directory, pinned date or editor
# leaking in from the caller; git configuration of our own.
unset MENTOR_DIR MENTOR_TODAY VISUAL CLICOLOR_FORCE
export EDITOR=false
export NO_COLOR=1
export LC_ALL=C.UTF-8
export HOME="$TMP/home"
export XDG_CONFIG_HOME="$HOME/.config"
export GIT_CONFIG_NOSYSTEM=1
unset GIT_DIR GIT_WORK_TREE GIT_CONFIG_GLOBAL
export USER="${USER:-tester}"
mkdir -p "$HOME"
umask 022

have_git() {
  command -v git >/dev/null 2>&1
}

# --- reporting -------------------------------------------------------------

section() {
  SECTION="$*"
  echo "--- $SECTION"
}

# Prints MSG with the last command and what it printed; stops the test
# unless MENTOR_E2E_KEEP_GOING=1.
fail() {
  FAILURES=$((FAILURES + 1))
  {
    echo "FAIL [$TEST_NAME${SECTION:+: $SECTION}]: $*"
    if [[ -n "$LAST_CMD" ]]; then
      if [[ ${#LAST_CMD} -gt 400 ]]; then
        echo "  last command: ${LAST_CMD:0:400}… (${#LAST_CMD} characters)"
      else
        echo "  last command: $LAST_CMD"
      fi
      echo "  exit code:    $CODE"
      echo "  stdout:"
      sed -e 's/^/    | /' "$OUT_FILE" | head -n 40
      echo "  stderr:"
      sed -e 's/^/    | /' "$ERR_FILE" | head -n 40
    fi
  } >&2
  if [[ "${MENTOR_E2E_KEEP_GOING:-}" != 1 ]]; then
    exit 1
  fi
}

pass() {
  CHECKS=$((CHECKS + 1))
}

# Ends a test with a one-line summary.
finish() {
  if [[ $FAILURES -gt 0 ]]; then
    echo "$TEST_NAME: $FAILURES of $((CHECKS + FAILURES)) checks FAILED"
    exit 1
  fi
  echo "$TEST_NAME: all $CHECKS checks passed"
  exit 0
}

# --- running commands ------------------------------------------------------

# run CMD ARGS...: runs a command with stdin from /dev/null; sets OUT, ERR
# (without trailing newlines) and CODE, and never aborts the test.
run() {
  run_with_stdin /dev/null "$@"
}

# run_with_stdin FILE CMD ARGS...: like run, with stdin read from FILE.
run_with_stdin() {
  local input="$1"
  shift
  LAST_CMD="$(printf '%q ' "$@")"
  LAST_CMD="(in ${PWD/#$TMP/\$TMP}) ${LAST_CMD% }"
  [[ "$input" == /dev/null ]] || LAST_CMD+=" < $input"
  set +e
  "$@" <"$input" >"$OUT_FILE" 2>"$ERR_FILE"
  CODE=$?
  set -e
  OUT="$(cat "$OUT_FILE")"
  ERR="$(cat "$ERR_FILE")"
  # In a sanitizer build, a report fails the test even when the checks
  # that follow would not look at stderr or the exit code.
  if grep -qE '^==[0-9]+==ERROR: (Address|Leak)Sanitizer|: runtime error: ' "$ERR_FILE"; then
    fail "a sanitizer reported an error"
  fi
}

# mentor ARGS...: runs the binary under test.
mentor() {
  run "$MENTOR" "$@"
}

# mentor_stdin FILE ARGS...: runs the binary with stdin from FILE (a pipe
# would do too; a file keeps the bytes exact and the command repeatable).
mentor_stdin() {
  local input="$1"
  shift
  run_with_stdin "$input" "$MENTOR" "$@"
}

# mentor_ok ARGS...: runs the binary and expects success.
mentor_ok() {
  mentor "$@"
  expect_exit 0
}

# --- expectations ----------------------------------------------------------

expect_exit() {
  if [[ "$CODE" -ne "$1" ]]; then
    fail "expected exit code $1, got $CODE"
  else
    pass
  fi
}

expect_stdout_contains() {
  if ! grep -qF -- "$1" "$OUT_FILE"; then
    fail "stdout does not contain: $1"
  else
    pass
  fi
}

expect_stdout_not_contains() {
  if grep -qF -- "$1" "$OUT_FILE"; then
    fail "stdout contains (but should not): $1"
  else
    pass
  fi
}

expect_stderr_contains() {
  if ! grep -qF -- "$1" "$ERR_FILE"; then
    fail "stderr does not contain: $1"
  else
    pass
  fi
}

# Case-insensitive variant, for wording that may be capitalised either way.
expect_stderr_contains_i() {
  if ! grep -qiF -- "$1" "$ERR_FILE"; then
    fail "stderr does not contain (any case): $1"
  else
    pass
  fi
}

expect_stdout_matches() {
  if ! grep -qE -- "$1" "$OUT_FILE"; then
    fail "no stdout line matches the regex: $1"
  else
    pass
  fi
}

expect_stderr_matches() {
  if ! grep -qE -- "$1" "$ERR_FILE"; then
    fail "no stderr line matches the regex: $1"
  else
    pass
  fi
}

expect_stdout_equals() {
  if [[ "$OUT" != "$1" ]]; then
    fail "stdout is not exactly: $1"
  else
    pass
  fi
}

expect_stdout_empty() {
  if [[ -s "$OUT_FILE" ]]; then
    fail "stdout should be empty"
  else
    pass
  fi
}

expect_stdout_lines() {
  local n
  n="$(awk 'END { print NR }' "$OUT_FILE")"
  if [[ "$n" -ne "$1" ]]; then
    fail "expected $1 line(s) on stdout, got $n"
  else
    pass
  fi
}

# A usage or file error: first line `mentor: error: …`.
expect_error_format() {
  if [[ "$(head -n 1 "$ERR_FILE")" != "mentor: error: "* ]]; then
    fail "stderr does not start with 'mentor: error: '"
  else
    pass
  fi
}

# A hint on a later, indented line.
expect_hint() {
  if ! tail -n +2 "$ERR_FILE" | grep -qE '^[[:space:]]+hint: '; then
    fail "stderr has no indented 'hint: ' line after the first"
  else
    pass
  fi
}

# expect_file_has FILE TEXT: FILE contains the fixed string TEXT.
expect_file_has() {
  if ! grep -qF -- "$2" "$1"; then
    fail "$1 does not contain: $2"
  else
    pass
  fi
}

expect_file_exists() {
  if [[ ! -f "$1" ]]; then
    fail "missing file: $1"
  else
    pass
  fi
}

expect_dir_exists() {
  if [[ ! -d "$1" ]]; then
    fail "missing directory: $1"
  else
    pass
  fi
}

expect_missing() {
  if [[ -e "$1" || -L "$1" ]]; then
    fail "should not exist: $1"
  else
    pass
  fi
}

# expect_mode PATH MODE: octal permission bits as `stat -c %a` prints them.
expect_mode() {
  local mode
  mode="$(stat -c %a "$1")"
  if [[ "$mode" != "$2" ]]; then
    fail "$1 has mode $mode, expected $2"
  else
    pass
  fi
}

# expect_same_file ACTUAL EXPECTED: byte-identical, else show the diff.
expect_same_file() {
  if ! cmp -s -- "$1" "$2"; then
    fail "$1 differs from $2:
$(diff -u --label expected --label actual -- "$2" "$1" | head -n 60)"
  else
    pass
  fi
}

# snapshot FILE...: remember the bytes (and mode) of FILE for
# expect_file_unchanged.
snapshot() {
  local file copy
  for file in "$@"; do
    mkdir -p "$TMP/.snapshots"
    copy="$(mktemp "$TMP/.snapshots/snap.XXXXXX")"
    cp -p -- "$file" "$copy"
    SNAPSHOTS["$file"]="$copy"
  done
}

expect_file_unchanged() {
  local file="$1" copy="${SNAPSHOTS[$1]:-}"
  if [[ -z "$copy" ]]; then
    fail "internal: no snapshot of $file"
    return
  fi
  if [[ ! -f "$file" ]]; then
    fail "$file is gone"
  elif ! cmp -s -- "$file" "$copy"; then
    fail "$file changed:
$(diff -u --label before --label after -- "$copy" "$file" | head -n 60)"
  elif [[ "$(stat -c %a "$file")" != "$(stat -c %a "$copy")" ]]; then
    fail "$file changed mode: $(stat -c %a "$copy") -> $(stat -c %a "$file")"
  else
    pass
  fi
}

# expect_tree_unchanged DIR LISTING: the names, sizes and contents below DIR
# are as recorded by `tree_listing DIR >LISTING`.
tree_listing() {
  (cd "$1" && find . -path ./.mentor -prune -o -print0 | LC_ALL=C sort -z \
    | xargs -0 -r stat -c '%n %F %a %s' && find . -path ./.mentor -prune -o -type f -print0 \
    | LC_ALL=C sort -z | xargs -0 -r cksum)
}

expect_tree_unchanged() {
  local now
  now="$(mktemp "$TMP/.tree.XXXXXX")"
  tree_listing "$1" >"$now"
  if ! cmp -s "$2" "$now"; then
    fail "something under $1 changed:
$(diff -u --label before --label after "$2" "$now" | head -n 40)"
  else
    pass
  fi
}

# --- YAML as another reader sees it -----------------------------------------

require_yaml_get() {
  if [[ -z "$YAML_GET" || ! -x "$YAML_GET" ]]; then
    echo "$TEST_NAME: \$YAML_GET (tests/tools/yaml_get) is required" >&2
    exit 2
  fi
}

# yget FILE STEP...: prints a value through yaml-cpp's Node API; returns
# non-zero when the path is missing or the file does not parse.
yget() {
  "$YAML_GET" "$@"
}

# expect_yaml FILE STEP... = VALUE
expect_yaml() {
  local args=() value
  while [[ $# -gt 0 && "$1" != "=" ]]; do
    args+=("$1")
    shift
  done
  shift
  if ! value="$("$YAML_GET" "${args[@]}")"; then
    fail "yaml_get ${args[*]} failed (file unreadable or path missing)"
  elif [[ "$value" != "$1" ]]; then
    fail "yaml_get ${args[*]}: expected '$1', got '$value'"
  else
    pass
  fi
}

expect_no_yaml() {
  if "$YAML_GET" "$@" >/dev/null 2>&1; then
    fail "yaml_get $*: the path should not exist"
  else
    pass
  fi
}

session_count() {
  "$YAML_GET" "$1" sessions '#'
}

# --- the manual ----------------------------------------------------------------

# require_manual: sets MAN_DIR to the built manual pages (build/man, from
# $MENTOR_MAN_DIR) and checks that man is there; a test that needs them
# exits 77 (skipped) when the pages are not built (MENTOR_BUILD_MAN=OFF).
require_manual() {
  MAN_DIR="${MENTOR_MAN_DIR:-}"
  if [[ -z "$MAN_DIR" ]]; then
    echo "$TEST_NAME: the manual pages are not built (MENTOR_BUILD_MAN=OFF): skipped" >&2
    exit 77
  fi
  if ! command -v man >/dev/null 2>&1; then
    echo "$TEST_NAME: man (Debian package man-db) is needed" >&2
    exit 1
  fi
}

# --- records directories ---------------------------------------------------

TODAY=2026-11-20 # a Friday

# new_records DIR [ME]: a records directory made by `mentor init --no-git`.
new_records() {
  local dir="$1" me="${2:-Phil Rumens}"
  mentor init "$dir" --no-git --me "$me"
  if [[ "$CODE" -ne 0 ]]; then
    fail "mentor init $dir failed"
    return 1
  fi
}

# write_file PATH MODE: writes stdin to PATH with MODE.
write_file() {
  mkdir -p "$(dirname "$1")"
  cat >"$1"
  chmod "$2" "$1"
}

# expect_stdout_names_file PREFIX RELPATH: the only line of stdout is
# "PREFIX<path>" where <path> is RELPATH (e.g. pairings/a--b.yaml), maybe
# behind a folder when run from outside the records directory.
expect_stdout_names_file() {
  local prefix="$1" rel="$2" path
  if [[ "$OUT" != "$prefix"* ]]; then
    fail "stdout does not start with: $prefix"
    return
  fi
  path="${OUT#"$prefix"}"
  if [[ "$path" != "$rel" && "$path" != */"$rel" ]]; then
    fail "stdout does not name the file $rel (got: $path)"
  else
    pass
  fi
}

# logged_line_ok LINE DATE DURATION NAME FILE: LINE is the one line `mentor
# log` prints: "logged DATE (DURATION) with NAME: FILE", where a note about
# actions ("; closed a1", "; agreed a2") may come before the colon, and FILE
# may sit behind a folder when run from outside the records directory.
logged_line_ok() {
  local line="$1" head="logged $2 ($3) with $4" rest
  [[ "$line" == "$head"* && "$line" != *$'\n'* ]] || return 1
  rest="${line#"$head"}"
  if [[ "$rest" == ";"* ]]; then
    rest=":${rest#*:}"
  fi
  [[ "$rest" == ": $5" || "$rest" == ": "*/"$5" ]]
}

# expect_logged DATE DURATION NAME FILE: stdout is that one line.
expect_logged() {
  if ! logged_line_ok "$OUT" "$@"; then
    fail "stdout is not one line 'logged $1 ($2) with $3[; …]: $4'"
  else
    pass
  fi
}
