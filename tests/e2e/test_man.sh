#!/usr/bin/env bash
# The manual and the CLI cannot drift apart: every command that `mentor
# --help` lists has a page man/mentor-COMMAND.1.scd (and every such page a
# command); every option that `mentor COMMAND --help` lists is described in
# that page's OPTIONS, and every option described there exists; the global
# options of `mentor --help` are those of mentor(1); the positional
# arguments of a command appear in its page's SYNOPSIS. Every built page
# renders with `man -l` without a warning, and has the sections a reader
# looks for, examples included.
#
# Needs $MENTOR_MAN_DIR (the built pages, build/man) and man (man-db).
source "$(dirname "$0")/lib.sh" "$@"

MAN_SRC="$MENTOR_SOURCE_DIR/man"
require_manual

# The names in the first column of a section of CLI11's help text, such as
# "Options:" or "Positionals:" (one per line; "-o,--output" split in two).
help_column() {
  awk -v section="$1" '
    $0 == section { on = 1; next }
    /^[^ ]/ { on = 0 }
    on && /^  [^ ]/ { print $1 }' | tr ',' '\n' | sed '/^$/d' | LC_ALL=C sort -u
}

# The commands `mentor --help` lists.
"$MENTOR" --help >"$TMP/help.txt"
commands="$(help_column "Subcommands:" <"$TMP/help.txt")"

# The options a page describes: the terms of its OPTIONS section, that is
# the lines starting with *-… that a tab-indented description follows.
page_options() {
  awk '
    /^# / { on = ($0 == "# OPTIONS"); next }
    on && /^\t/ && previous ~ /^\*-/ { print previous }
    { previous = $0 }' "$1" | grep -o '\*-[-a-z]*\*' | tr -d '*' | LC_ALL=C sort -u
}

# The SYNOPSIS section of a page, as one text.
page_synopsis() {
  awk '/^# / { on = ($0 == "# SYNOPSIS"); next } on' "$1"
}

# compare WHAT EXPECTED ACTUAL: two sorted lists are the same, else say
# what is missing from which.
compare_lists() {
  local what="$1" missing extra
  missing="$(LC_ALL=C comm -23 <(printf '%s\n' "$2") <(printf '%s\n' "$3") | paste -sd ' ')"
  extra="$(LC_ALL=C comm -13 <(printf '%s\n' "$2") <(printf '%s\n' "$3") | paste -sd ' ')"
  if [[ -n "$missing" || -n "$extra" ]]; then
    LAST_CMD=""
    fail "$what:${missing:+ in the CLI but not in the page: $missing;}${extra:+ in the page but not in the CLI: $extra}"
  else
    pass
  fi
}

section "a page for every command, a command for every page"
[[ -n "$commands" ]] && pass || fail "no commands found in mentor --help"
pages="$(cd "$MAN_SRC" && ls mentor-*.1.scd | sed 's/^mentor-//; s/\.1\.scd$//' | LC_ALL=C sort)"
compare_lists "commands and man/mentor-COMMAND.1.scd" "$commands" "$pages"
for page in mentor.1 mentor.5; do
  expect_file_exists "$MAN_SRC/$page.scd"
done

section "the global options are those of mentor(1)"
global="$(help_column "Options:" <"$TMP/help.txt")"
[[ "$global" == *--dir* && "$global" == *--help* ]] && pass || fail "no global options found in mentor --help"
compare_lists "options of mentor(1)" "$global" "$(page_options "$MAN_SRC/mentor.1.scd")"

section "each command's options are those of its page"
for command in $commands; do
  "$MENTOR" "$command" --help >"$TMP/help-$command.txt"
  options="$(help_column "Options:" <"$TMP/help-$command.txt")"
  [[ "$options" == *--help* ]] && pass || fail "no options found in mentor $command --help"
  compare_lists "options of mentor-$command(1)" "$options" "$(page_options "$MAN_SRC/mentor-$command.1.scd")"

  synopsis="$(page_synopsis "$MAN_SRC/mentor-$command.1.scd")"
  for positional in $(help_column "Positionals:" <"$TMP/help-$command.txt"); do
    if [[ "$synopsis" != *"_${positional}_"* ]]; then
      LAST_CMD=""
      fail "the SYNOPSIS of mentor-$command(1) does not name its argument $positional (as _${positional}_)"
    else
      pass
    fi
  done
done

section "the drift check itself notices a missing and an invented option"
sed '/^\*--format\* _FORMAT_$/,+1d' "$MAN_SRC/mentor-check.1.scd" >"$TMP/without-format.scd"
[[ "$(page_options "$TMP/without-format.scd")" != *--format* ]] && pass || fail "removing --format from a copy of mentor-check.1.scd did not remove it"
printf '# OPTIONS\n\n*--invented* _X_\n\tNot an option.\n' >"$TMP/invented.scd"
[[ "$(page_options "$TMP/invented.scd")" == "--invented" ]] && pass || fail "an option term in a copy was not found"

section "every page is built, renders without warnings, and has examples"
version="$("$MENTOR" --version | awk '{ print $2 }')"
for source in "$MAN_SRC"/*.scd; do
  page="$(basename "$source" .scd)"
  built="$MAN_DIR/man${page##*.}/$page.gz"
  expect_file_exists "$built"
  [[ -f "$built" ]] || continue
  run env MANWIDTH=80 man --warnings -l "$built"
  expect_exit 0
  if [[ -s "$ERR_FILE" ]]; then
    fail "man -l $page printed warnings"
  else
    pass
  fi
  for heading in NAME SYNOPSIS DESCRIPTION EXAMPLES "SEE ALSO"; do
    expect_stdout_matches "^$heading\$"
  done
  # The roff carries the project's version, not the template's placeholder.
  expect_stdout_contains "mentor $version"
  expect_stdout_not_contains "@VERSION@"
  # No hyphens added by the formatter (U+2010): copied text must stay as
  # written, such as --duration or defaults.kind.
  if grep -q $'\xe2\x80\x90' "$OUT_FILE"; then
    fail "the rendered $page hyphenates words"
  else
    pass
  fi
done

finish
