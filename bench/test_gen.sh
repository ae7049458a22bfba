#!/usr/bin/env bash
# The benchmark's generator (bench/gen.cpp): the records it writes pass
# `mentor check` with nothing to say, every reading command runs on them and
# counts every session, `log` appends to them; the same seed gives the same
# bytes, another seed other bytes; it refuses a non-empty directory. And
# the yaml-cpp floor ($BENCH_YAML_FLOOR) reads what it writes.
# Usage: bash test_gen.sh /path/to/mentor  (with $BENCH_GEN set)
source "$(dirname "$0")/../tests/e2e/lib.sh" "$@"

if [[ -z "${BENCH_GEN:-}" || ! -x "$BENCH_GEN" ]]; then
  echo "$TEST_NAME: \$BENCH_GEN (the mentor-bench-gen binary) is required" >&2
  exit 2
fi
cd "$TMP"

# field NAME: the value of "NAME: value" in the generator's last output.
field() {
  sed -n "s/^$1: //p" "$OUT_FILE"
}

section "generate tiny"
run "$BENCH_GEN" --size tiny --seed 7 --out "$TMP/tiny"
expect_exit 0
expect_stdout_contains "people: 24"
expect_stdout_contains "pairings: 24"
expect_stdout_contains "sessions: 240"
WHO_PAIRING="$(field who-pairing)"
WHO_PERSON="$(field who-person)"
TODAY="$(field today)"
BYTES="$(field bytes)"
for side in pairings-received pairings-others; do
  [[ "$(field "$side")" -ge 1 ]] && pass || fail "tiny has no $side"
done
[[ "$(find tiny/people -name '*.yaml' | wc -l)" -eq 24 ]] && pass || fail "expected 24 files in people/"
[[ "$(find tiny/pairings -name '*.yaml' | wc -l)" -eq 24 ]] && pass || fail "expected 24 files in pairings/"
[[ "$(cat tiny/mentor.yaml tiny/.gitignore tiny/.gitattributes tiny/people/* tiny/pairings/* | wc -c)" -eq "$BYTES" ]] \
  && pass || fail "bytes: $BYTES is not what the files hold"
[[ "$(grep -h -c '^  - date: ' tiny/pairings/*.yaml | awk '{ s += $1 } END { print s }')" -eq 240 ]] \
  && pass || fail "the pairings do not hold 240 sessions"
expect_mode tiny/people 700
expect_mode tiny/mentor.yaml 600

section "the content is varied"
# Notes as literal blocks, plain, double- and single-quoted; comments; unicode;
# pairings ended and not; sessions with actions done and not.
grep -q '^    notes: |' tiny/pairings/*.yaml && pass || fail "no literal-block notes"
grep -q '^    notes: "' tiny/pairings/*.yaml && pass || fail "no double-quoted notes"
grep -q "^    notes: '" tiny/pairings/*.yaml && pass || fail "no single-quoted notes"
grep -q '^#' tiny/pairings/*.yaml && pass || fail "no comments in pairings"
grep -q '^status: ended' tiny/pairings/*.yaml && pass || fail "no ended pairing"
grep -q '^        done: ' tiny/pairings/*.yaml && pass || fail "no action done"
LC_ALL=C grep -q -P '[\x80-\xff]' tiny/people/*.yaml tiny/pairings/*.yaml && pass || fail "no UTF-8 beyond ASCII"

section "mentor check has nothing to say"
mentor --dir tiny check
expect_exit 0
expect_stdout_empty
[[ ! -s "$ERR_FILE" ]] && pass || fail "check printed warnings or errors"

section "the reading commands run"
mentor --dir tiny --today "$TODAY" review
expect_exit 0
mentor --dir tiny --today "$TODAY" review "$WHO_PAIRING"
expect_exit 0
mentor --dir tiny --today "$TODAY" review "$WHO_PERSON"
expect_exit 0
expect_stdout_contains "$WHO_PAIRING"
mentor --dir tiny --today "$TODAY" report --icf
expect_exit 0
mentor --dir tiny --today "$TODAY" list
expect_exit 0
mentor --dir tiny --today "$TODAY" report --from 2016-01-01 --to 2027-01-01 --by month --format csv
expect_exit 0
# Every session is counted once, on one side or another.
total="$(awk -F, 'NR > 1 { s += $8 } END { print s }' "$OUT_FILE")"
[[ "$total" -eq 240 ]] && pass || fail "the monthly report counts $total sessions, not 240"

section "log appends to the chosen pairing, by slug and by person"
cp -R tiny logged
mentor --dir logged --today "$TODAY" log "$WHO_PAIRING" "Benchmark session." --duration 1h
expect_exit 0
mentor --dir logged --today "$TODAY" log "$WHO_PERSON" "Another benchmark session."
expect_exit 0
expect_file_has "logged/pairings/$WHO_PAIRING.yaml" "Another benchmark session."
mentor --dir logged check
expect_exit 0
expect_stdout_empty

section "deterministic from the seed"
# .mentor/ holds the cache the commands above wrote, not records.
run "$BENCH_GEN" --size tiny --seed 7 --out "$TMP/again"
expect_exit 0
diff -r --exclude=.mentor tiny again >/dev/null && pass || fail "the same seed gave different records"
run "$BENCH_GEN" --size tiny --seed 8 --out "$TMP/other"
expect_exit 0
diff -r -q tiny other >/dev/null && fail "another seed gave the same records" || pass

section "sizes given one by one"
run "$BENCH_GEN" --people 2 --pairings 1 --sessions 30 --out "$TMP/single"
expect_exit 0
expect_stdout_contains "sessions: 30"
mentor --dir single check
expect_exit 0
expect_stdout_empty

section "refusals"
run "$BENCH_GEN" --size tiny --out "$TMP/tiny"
expect_exit 1
[[ "$ERR" == *"not empty"* ]] && pass || fail "no word about the directory not being empty"
diff -r --exclude=.mentor tiny again >/dev/null && pass || fail "a refused run changed the directory"
run "$BENCH_GEN" --size huge --out "$TMP/huge"
expect_exit 2
expect_missing huge
run "$BENCH_GEN" --people 2 --pairings 1 --out "$TMP/partial"
expect_exit 2
run "$BENCH_GEN" --people 1 --pairings 1 --sessions 1 --out "$TMP/alone"
expect_exit 2
run "$BENCH_GEN" --people 10 --pairings 1 --sessions 100000 --out "$TMP/crowded"
expect_exit 2

# The yaml-cpp floor (bench/yaml_floor.cpp), when it is built: it reads every
# record file, each as one document, and fails on a directory that is not one.
if [[ -n "${BENCH_YAML_FLOOR:-}" ]]; then
  section "the yaml-cpp floor reads every record file"
  run "$BENCH_YAML_FLOOR" tiny
  expect_exit 0
  expect_stdout_contains "files: 49"
  expect_stdout_contains "documents: 49"
  expect_stdout_contains "bytes: $(cat tiny/mentor.yaml tiny/people/*.yaml tiny/pairings/*.yaml | wc -c)"
  printf 'a: [1\n' >"$TMP/tiny/people/broken.yaml"
  run "$BENCH_YAML_FLOOR" tiny
  expect_exit 1
  [[ "$ERR" == *"broken.yaml"* ]] && pass || fail "the floor did not name the file it could not parse"
  run "$BENCH_YAML_FLOOR" "$TMP/none"
  expect_exit 1
  run "$BENCH_YAML_FLOOR"
  expect_exit 2
fi

finish
