#!/usr/bin/env bash
# mentor check: silent and exit 0 on clean records; otherwise every problem
# in every file (not only the first), as `file:line:col: error|warning: …`
# (`file: warning: …` for a whole file) with the offending line, a caret and
# a hint, then "N errors, M warnings"; exit 1 only when there are errors.
# `--format json` gives the same as data. check never writes anything.
#
# fixtures/check/many/records holds one problem per pairing file; the two
# odd file names (`people/Bad Name.yaml`, `pairings/notes.txt`) are added
# here. fixtures/check/many.expected.{txt,json} are the exact outputs when
# run from inside that directory.
source "$(dirname "$0")/lib.sh" "$@"
require_yaml_get

GOLDEN_TXT="$FIXTURES/check/many.expected.txt"
GOLDEN_JSON="$FIXTURES/check/many.expected.json"

# fingerprint DIR: every path below DIR (dot files and directories too), then
# the sha256 of every file; .mentor/ (machine-local: the lock and the record
# cache) is left out.
fingerprint() {
  (cd "$1" && find . -path ./.mentor -prune -o -print | LC_ALL=C sort \
    && find . -path ./.mentor -prune -o -type f -exec sha256sum {} + | LC_ALL=C sort -k 2)
}

expect_stderr_empty() {
  if [[ -s "$ERR_FILE" ]]; then
    fail "stderr should be empty"
  else
    pass
  fi
}

# expect_line TEXT: some line of stdout starts with the fixed string TEXT.
expect_line() {
  if ! awk -v want="$1" 'index($0, want) == 1 { found = 1 } END { exit !found }' "$OUT_FILE"; then
    fail "no stdout line starts with: $1"
  else
    pass
  fi
}

# expect_report ERRORS WARNINGS: stdout is a well-formed report, its file
# names relative to the working directory: each problem is a header line
#   file:line:col: error|warning: message   (or  file: warning: message)
# then, for a header with a line, ` N | ` and exactly line N of that file
# and a caret line, under the column (nothing when line N is empty or past
# the end), then `  hint: …`; the last line is "N errors, M
# warnings" with the counts of the headers, which must be ERRORS and
# WARNINGS.
expect_report() {
  local want_errors="$1" want_warnings="$2"
  local errors=0 warnings=0 line file lineno col text problems=0 last summary caret
  local header_re='^([^:]+):([0-9]+):([0-9]+): (error|warning): .+'
  local whole_re='^([^:]+): (error|warning): .+'
  local -a lines=()
  mapfile -t lines <"$OUT_FILE"
  if [[ ${#lines[@]} -eq 0 ]]; then
    fail "the report is empty"
    return
  fi
  last=$((${#lines[@]} - 1))
  summary="${lines[$last]}"
  local i=0 bad=""
  while [[ $i -lt $last ]]; do
    line="${lines[$i]}"
    if [[ "$line" =~ $header_re ]]; then
      [[ "${BASH_REMATCH[4]}" == error ]] && errors=$((errors + 1)) || warnings=$((warnings + 1))
      file="${BASH_REMATCH[1]}"
      lineno="${BASH_REMATCH[2]}"
      col="${BASH_REMATCH[3]}"
      problems=$((problems + 1))
      # The offending line, as it is in the file.
      text="$(sed -n "${lineno}p" -- "$file" 2>/dev/null || echo "(cannot read $file)")"
      if [[ -z "$text" && "${lines[$((i + 1))]:-}" != " $lineno | "* ]]; then
        # An empty line, or the end of the file (a syntax error found
        # there): nothing to show.
        i=$((i + 1))
      elif [[ "${lines[$((i + 1))]:-}" != " $lineno | $text" ]]; then
        bad="line $((i + 2)) should show line $lineno of $file as ' $lineno | $text': ${lines[$((i + 1))]:-}"
        break
      elif [[ ! "${lines[$((i + 2))]:-}" =~ ^\ +\|\ *\^$ ]]; then
        bad="line $((i + 3)) should be a caret line: ${lines[$((i + 2))]:-}"
        break
      else
        # On a plain ASCII line the caret sits under the column.
        caret=" ${lineno//?/ } | $(printf '%*s' $((col - 1)) '')^"
        if ! printf '%s' "$text" | LC_ALL=C grep -q '[^ -~]' && [[ "${lines[$((i + 2))]}" != "$caret" ]]; then
          bad="line $((i + 3)) should have the caret under column $col: ${lines[$((i + 2))]}"
          break
        fi
        i=$((i + 3))
      fi
    elif [[ "$line" =~ $whole_re ]]; then
      [[ "${BASH_REMATCH[2]}" == error ]] && errors=$((errors + 1)) || warnings=$((warnings + 1))
      problems=$((problems + 1))
      i=$((i + 1))
    else
      bad="line $((i + 1)) is not a problem's first line: $line"
      break
    fi
    if [[ "${lines[$i]:-}" != "  hint: "?* ]]; then
      bad="line $((i + 1)) should be the hint of the problem above: ${lines[$i]:-}"
      break
    fi
    i=$((i + 1))
  done
  if [[ -n "$bad" ]]; then
    fail "malformed report: $bad"
    return
  fi
  local expected_summary
  expected_summary="$want_errors error$([[ $want_errors == 1 ]] || echo s), $want_warnings warning$([[ $want_warnings == 1 ]] || echo s)"
  if [[ "$errors" != "$want_errors" || "$warnings" != "$want_warnings" ]]; then
    fail "the report has $errors error(s) and $warnings warning(s), expected $want_errors and $want_warnings"
  elif [[ "$summary" != "$expected_summary" ]]; then
    fail "the last line should be '$expected_summary', got: $summary"
  else
    pass
  fi
}

# many_problems DIR: a copy of the many-problems records at DIR.
many_problems() {
  cp -R "$FIXTURES/check/many/records" "$1"
  printf 'name: Bad Name\n' >"$1/people/Bad Name.yaml"
  printf 'Things to raise with Ada next time.\n' >"$1/pairings/notes.txt"
}

# --- clean records -----------------------------------------------------------

section "the examples are clean: no output at all, exit 0"
cp -R "$MENTOR_SOURCE_DIR/examples" "$TMP/examples"
fingerprint "$TMP/examples" >"$TMP/examples.before"
cd "$TMP/examples"
mentor check
expect_exit 0
expect_stdout_empty
expect_stderr_empty

section "clean, from a subdirectory and with --dir"
cd "$TMP/examples/pairings"
mentor check
expect_exit 0
expect_stdout_empty
expect_stderr_empty
cd "$TMP"
mentor --dir examples check
expect_exit 0
expect_stdout_empty
expect_stderr_empty

section "clean, --format json: no problems"
cd "$TMP/examples"
mentor check --format json
expect_exit 0
expect_stderr_empty
cp "$OUT_FILE" "$TMP/clean.json"
expect_yaml "$TMP/clean.json" errors = 0
expect_yaml "$TMP/clean.json" warnings = 0
expect_yaml "$TMP/clean.json" problems '#' = 0

section "check writes nothing but its cache in .mentor/: the examples are byte-identical"
fingerprint "$TMP/examples" >"$TMP/examples.after"
expect_same_file "$TMP/examples.after" "$TMP/examples.before"

# --- many problems at once -----------------------------------------------------

section "many problems: every one reported, exit 1"
many_problems "$TMP/many"
fingerprint "$TMP/many" >"$TMP/many.before"
cd "$TMP/many"
mentor check
expect_exit 1
expect_stderr_empty
# One of each, from every file, not only the first.
expect_stdout_matches '^pairings/phil-rumens--ada-obi\.yaml:[0-9]+:[0-9]+: error: YAML syntax error'
expect_line 'pairings/phil-rumens--ben-ode.yaml:7:1: error: duplicate key "status"'
expect_line 'pairings/phil-rumens--cy-dee.yaml:10:10: error: `due:` is not a date: "2026-02-30"'
expect_line 'pairings/phil-rumens--dev-roy.yaml:4:7: error: `kind:` is "couching"'
expect_line 'pairings/phil-rumens--eve-ray.yaml:3:9: error: `mentee:` is "eve-ray", but there is no people/eve-ray.yaml'
expect_line 'pairings/phil-rumens--fay-lim.yaml:14:13: error: action id a1 is used twice'
expect_line 'pairings/phil-rumens--gus-tan.yaml:10:11: warning: this session (2026-05-04) comes after one dated 2026-05-18'
expect_line 'people/Bad Name.yaml: warning: mentor ignores this file'
expect_line 'pairings/notes.txt: warning: mentor ignores this file'
expect_stdout_contains ' 7 | status: paused'
expect_stdout_contains ' 14 |       - id: a1'
# Nothing else: nine problems, each line of the report in its place.
expect_report 6 3
expect_stdout_matches '^6 errors, 3 warnings$'
if [[ "$(tail -n 1 "$OUT_FILE")" != "6 errors, 3 warnings" ]]; then
  fail "the last line is not '6 errors, 3 warnings'"
else
  pass
fi
if [[ "$(grep -cE '^[^:]+:[0-9]+:[0-9]+: (error|warning): |^[^:]+: warning: ' "$OUT_FILE")" != 9 ]]; then
  fail "expected 9 problem lines"
else
  pass
fi

section "many problems: the exact text (golden)"
expect_same_file "$OUT_FILE" "$GOLDEN_TXT"

section "many problems, --format json: the exact data (golden)"
mentor check --format json
expect_exit 1
expect_stderr_empty
expect_same_file "$OUT_FILE" "$GOLDEN_JSON"
cp "$OUT_FILE" "$TMP/many.json"
expect_yaml "$TMP/many.json" errors = 6
expect_yaml "$TMP/many.json" warnings = 3
expect_yaml "$TMP/many.json" problems '#' = 9
expect_yaml "$TMP/many.json" problems 0 file = "pairings/notes.txt"
expect_yaml "$TMP/many.json" problems 0 severity = warning
expect_yaml "$TMP/many.json" problems 2 file = "pairings/phil-rumens--ben-ode.yaml"
expect_yaml "$TMP/many.json" problems 2 line = 7
expect_yaml "$TMP/many.json" problems 2 col = 1
expect_yaml "$TMP/many.json" problems 2 severity = error
expect_yaml "$TMP/many.json" problems 5 message = '`mentee:` is "eve-ray", but there is no people/eve-ray.yaml'
expect_yaml "$TMP/many.json" problems -1 file = "people/Bad Name.yaml"
# The JSON agrees with the text: as many errors and warnings as it lists.
n_errors=0
n_warnings=0
for ((i = 0; i < 9; i++)); do
  case "$(yget "$TMP/many.json" problems "$i" severity)" in
    error) n_errors=$((n_errors + 1)) ;;
    warning) n_warnings=$((n_warnings + 1)) ;;
    *) fail "problems $i: severity is neither error nor warning" ;;
  esac
done
if [[ "$n_errors/$n_warnings" != 6/3 ]]; then
  fail "the JSON lists $n_errors errors and $n_warnings warnings, expected 6 and 3"
else
  pass
fi

section "many problems, from outside with --dir and MENTOR_DIR: the same, behind the folder"
mkdir -p "$TMP/nowhere-else"
cd "$TMP"
# The golden with "many/" before every file name at the start of a line.
sed -E 's#^(pairings|people)/#many/&#' "$GOLDEN_TXT" >"$TMP/many.outside.expected.txt"
mentor --dir many check
expect_exit 1
expect_same_file "$OUT_FILE" "$TMP/many.outside.expected.txt"
expect_report 6 3
cd "$TMP/nowhere-else"
MENTOR_DIR="$TMP/many" run "$MENTOR" check
expect_exit 1
expect_report 6 3
expect_line '../many/pairings/phil-rumens--ben-ode.yaml:7:1: error: duplicate key "status"'
expect_stdout_contains ' 7 | status: paused'

section "check writes nothing but its cache in .mentor/: the many-problems records are byte-identical"
fingerprint "$TMP/many" >"$TMP/many.after"
expect_same_file "$TMP/many.after" "$TMP/many.before"

# --- warnings only ---------------------------------------------------------------

section "warnings only: printed, exit 0"
cp -R "$FIXTURES/check/warnings/records" "$TMP/warnings"
fingerprint "$TMP/warnings" >"$TMP/warnings.before"
cd "$TMP/warnings"
mentor check
expect_exit 0
expect_stderr_empty
expect_line 'pairings/phil-rumens--zoe-nunez.yaml:5:9: warning: the pairing has ended but has no `ended:` date'
expect_line 'pairings/phil-rumens--zoe-nunez.yaml:12:15: warning: action a1 was done on 2026-06-20, before it was agreed on 2026-06-22'
expect_line 'pairings/phil-rumens--zoe-nunez.yaml:13:11: warning: this session (2026-06-08) comes after one dated 2026-06-22'
expect_line 'pairings/zoe-nunez--phil-rumens-x.yaml: warning: the file name does not match its people: expected pairings/zoe-nunez--phil-rumens.yaml'
expect_line 'pairings/phil-rumens.yaml: warning: mentor ignores this file: its name is not a valid id'
expect_line 'people/README.md: warning: mentor ignores this file: only .yaml files are records'
# The hints fit the folder: a pairing is named after two people.
expect_stdout_contains 'hint: name it after the ids of the mentor and the mentee'
expect_stdout_contains 'hint: keep other files outside people/'
expect_stdout_not_contains ': error: '
expect_report 0 6
mentor check --format json
expect_exit 0
cp "$OUT_FILE" "$TMP/warnings.json"
expect_yaml "$TMP/warnings.json" errors = 0
expect_yaml "$TMP/warnings.json" warnings = 6
expect_yaml "$TMP/warnings.json" problems '#' = 6
# A whole-file problem has no line: JSON null, which yaml-cpp reads as ~.
expect_yaml "$TMP/warnings.json" problems 3 file = "pairings/phil-rumens.yaml"
expect_yaml "$TMP/warnings.json" problems 3 line = "~"
expect_yaml "$TMP/warnings.json" problems 3 col = "~"
fingerprint "$TMP/warnings" >"$TMP/warnings.after"
expect_same_file "$TMP/warnings.after" "$TMP/warnings.before"

section "one error among warnings: exit 1"
printf 'mentor: zoe-nunez\nmentee: zoe-nunez\nkind: peer\nstatus: active\nstarted: 2026-07-01\n' \
  >"$TMP/warnings/pairings/zoe-nunez--zoe-nunez.yaml"
mentor check
expect_exit 1
expect_line 'pairings/zoe-nunez--zoe-nunez.yaml:2:9: error: the mentee is the mentor'
expect_report 1 6

# --- what one problem must not drag along -----------------------------------------

section "an unreadable date is reported once, not compared as 1970-01-01"
cp -R "$FIXTURES/basic/records" "$TMP/baddate"
write_file "$TMP/baddate/pairings/phil-rumens--zoe-nunez.yaml" 0644 <<'EOF'
mentor: phil-rumens
mentee: zoe-nunez
kind: coaching
status: active
started: 2026-06-08
sessions:
  - date: 2026-06-08
  - date: 2026-13-01
  - date: 2026-06-22
EOF
cd "$TMP/baddate"
mentor check
expect_exit 1
expect_line 'pairings/phil-rumens--zoe-nunez.yaml:8:11: error: `date:` is not a date: "2026-13-01"'
expect_stdout_not_contains '1970'
expect_report 1 0

section "a person whose file does not parse still exists: no second problem in the pairing"
cp -R "$FIXTURES/basic/records" "$TMP/badperson"
printf 'name: [Zoë\n' >"$TMP/badperson/people/zoe-nunez.yaml"
cd "$TMP/badperson"
mentor check
expect_exit 1
expect_stdout_matches '^people/zoe-nunez\.yaml:[0-9]+:[0-9]+: error: '
expect_stdout_not_contains 'pairings/'
expect_report 1 0

# --- refusals ----------------------------------------------------------------------

section "no records directory: exit 1, pointing at mentor init"
mkdir -p "$TMP/nowhere"
cd "$TMP/nowhere"
mentor check
expect_exit 1
expect_stdout_empty
expect_error_format
expect_stderr_contains 'mentor init'
expect_hint
mentor check --format json
expect_exit 1
expect_stdout_empty
expect_stderr_contains 'mentor init'
expect_missing "$TMP/nowhere/mentor.yaml"
expect_missing "$TMP/nowhere/.mentor"

section "--format xml: a usage error, exit 2"
cd "$TMP/many"
mentor check --format xml
expect_exit 2
expect_stdout_empty
expect_error_format
expect_stderr_contains '--format'
cd "$TMP/examples"
mentor check --format xml
expect_exit 2
expect_stdout_empty

section "check never writes, after every run above"
fingerprint "$TMP/examples" >"$TMP/examples.after"
expect_same_file "$TMP/examples.after" "$TMP/examples.before"
fingerprint "$TMP/many" >"$TMP/many.after"
expect_same_file "$TMP/many.after" "$TMP/many.before"

finish
