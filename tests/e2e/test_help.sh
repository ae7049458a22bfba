#!/usr/bin/env bash
# `mentor help [PAGE]` shows the manual page that belongs to this binary
# (here: the pages of the build tree) through man; without man, or without
# the page, it prints the command's --help text and says why on stderr.
# `mentor --help` and `mentor COMMAND --help` are CLI11's, unchanged.
#
# Needs $MENTOR_MAN_DIR (the built pages, build/man) and man (man-db).
source "$(dirname "$0")/lib.sh" "$@"

require_manual
# man pages its output only on a terminal; MANPAGER=cat makes sure.
export MANPAGER=cat MANWIDTH=80
cd "$TMP"

# expect_page WORDS... PAGE: `mentor help WORDS...` prints exactly what
# `man -l` prints for the built PAGE (such as man1/mentor-log.1.gz).
expect_page() {
  local page="${*: -1}" expected="$TMP/expected.txt"
  man -l "$MAN_DIR/$page" >"$expected" 2>/dev/null
  mentor help "${@:1:$#-1}"
  expect_exit 0
  expect_same_file "$OUT_FILE" "$expected"
  if [[ -s "$ERR_FILE" ]]; then
    fail "help wrote to stderr"
  else
    pass
  fi
}

section "mentor help shows mentor(1)"
expect_page man1/mentor.1.gz
expect_stdout_contains "mentor - keep a coach's or mentor's records in plain YAML files"

# The commands `mentor --help` lists.
commands="$("$MENTOR" --help | awk '$0 == "Subcommands:" { on = 1; next } /^[^ ]/ { on = 0 } on && /^  [^ ]/ { print $1 }')"

section "mentor help COMMAND shows the command's page, for every command"
[[ "$commands" == *log* ]] && pass || fail "no commands found in mentor --help"
for command in $commands; do
  expect_page "$command" "man1/mentor-$command.1.gz"
  expect_stdout_contains "mentor-$command - "
done
mentor help log
expect_stdout_contains "--done ID"
expect_stdout_contains "EXAMPLES"

section "mentor help files shows mentor(5)"
expect_page files man5/mentor.5.gz
expect_stdout_contains "THE PROMISE ABOUT FILES"

section "global options may follow, and need no records directory"
mentor help log --dir "$TMP/nowhere"
expect_exit 0
expect_stdout_contains "mentor-log - record a session"

section "an unknown topic is a usage error that lists the topics"
mentor help logg
expect_exit 2
expect_error_format
expect_stderr_contains 'no command or help topic "logg"'
expect_stderr_contains "the topics are $(echo $commands | sed 's/ /, /g'), files"
expect_stdout_empty

section "without man: the --help text, and a note"
mkdir -p "$TMP/no-man-here"
run env PATH="$TMP/no-man-here" "$MENTOR" log --help
help_text="$OUT"
expect_exit 0
run env PATH="$TMP/no-man-here" "$MENTOR" help log
expect_exit 0
expect_stdout_equals "$help_text"
expect_stderr_contains "mentor: note: man is not installed"
expect_stderr_contains 'here is `mentor log --help` instead'
run env PATH="$TMP/no-man-here" "$MENTOR" help
expect_exit 0
expect_stdout_contains "Usage: mentor [OPTIONS] SUBCOMMAND"
expect_stderr_contains 'here is `mentor --help` instead'

section "without the page: the --help text, and a note naming where it looked"
mkdir -p "$TMP/prefix/bin"
cp "$MENTOR" "$TMP/prefix/bin/mentor"
run "$MENTOR" show --help
help_text="$OUT"
run "$TMP/prefix/bin/mentor" help show
expect_exit 0
expect_stdout_equals "$help_text"
expect_stderr_contains "mentor: note: the manual page mentor-show(1) is not installed beside this mentor"
expect_stderr_contains "$TMP/prefix/share/man/man1/mentor-show.1.gz"
run "$TMP/prefix/bin/mentor" help files
expect_exit 1
expect_error_format
expect_stderr_contains "mentor(5) is not installed"
expect_hint

section "installed beside the binary (PREFIX/share/man), the page is found"
mkdir -p "$TMP/prefix/share/man/man1"
cp "$MAN_DIR/man1/mentor-show.1.gz" "$TMP/prefix/share/man/man1/"
run "$TMP/prefix/bin/mentor" help show
expect_exit 0
expect_stdout_contains "mentor-show - show a pairing in full"
if [[ -s "$ERR_FILE" ]]; then fail "help wrote to stderr"; else pass; fi

section "--help is CLI11's own, and never runs man"
run env PATH="$TMP/no-man-here" "$MENTOR" --help
expect_exit 0
expect_stdout_contains "Usage: mentor [OPTIONS] SUBCOMMAND"
expect_stdout_contains "help"
if [[ -s "$ERR_FILE" ]]; then fail "--help wrote to stderr"; else pass; fi
run env PATH="$TMP/no-man-here" "$MENTOR" help --help
expect_exit 0
expect_stdout_contains "Usage: mentor help [OPTIONS] [PAGE]"

finish
