#!/usr/bin/env bash
# The record cache (.mentor/cache) never serves stale data: after an edit
# within the same second that keeps the size and mtime, `git checkout`,
# deleted and renamed files, a damaged cache and racing processes, every
# command prints exactly what it prints with the cache off (MENTOR_NO_CACHE=1).
source "$(dirname "$0")/lib.sh" "$@"

cp -R "$MENTOR_SOURCE_DIR/examples" "$TMP/records"
rm -rf "$TMP/records/.mentor"
cd "$TMP/records"
export MENTOR_TODAY=2026-11-20
PAIRING=pairings/phil-rumens--zoe-nunez.yaml

COMMANDS=(
  "review"
  "review zoe --format json"
  "report --from 2016-01-01 --to 2027-01-01 --by month --format csv"
  "report --from 2016-01-01 --to 2027-01-01 --by person --format json"
  "report --icf --format csv"
  "check --format json"
  "list pairings"
  "show zoe-nunez"
)

# Files changed in the last second and a half are not cached: wait, so that
# what follows is served from the cache.
settle() {
  sleep 1.6
}

# Every command, with the cache and without: the same output and exit code.
same_as_uncached() {
  local cmd
  for cmd in "${COMMANDS[@]}"; do
    # shellcheck disable=SC2086
    run "$MENTOR" $cmd
    local out="$OUT" err="$ERR" code=$CODE
    # shellcheck disable=SC2086
    run env MENTOR_NO_CACHE=1 "$MENTOR" $cmd
    if [[ "$out" != "$OUT" || "$err" != "$ERR" || "$code" != "$CODE" ]]; then
      diff <(printf '%s\n%s\n' "$out" "$err") <(printf '%s\n%s\n' "$OUT" "$ERR") | head -20 >&2 || true
      fail "\`$cmd\` differs with the cache ($code) and without ($CODE)"
    else
      pass
    fi
  done
}

section "the first command writes the cache; later ones read it"
settle
mentor_ok review
expect_file_exists .mentor/cache
[[ "$(stat -c %a .mentor)" == 700 && "$(stat -c %a .mentor/cache)" == 600 ]] && pass || fail ".mentor is not private"
same_as_uncached

section "with MENTOR_NO_CACHE=1 nothing is written"
rm -rf .mentor
run env MENTOR_NO_CACHE=1 "$MENTOR" review
expect_exit 0
[[ ! -e .mentor/cache ]] && pass || fail "MENTOR_NO_CACHE=1 wrote a cache"

section "an edit in place within the same second, keeping size and mtime"
settle
mentor_ok review
mtime="$(stat -c %y "$PAIRING")"
size="$(stat -c %s "$PAIRING")"
inode="$(stat -c %i "$PAIRING")"
offset="$(grep -b -o 'status: active' "$PAIRING" | head -1 | cut -d: -f1)"
printf 'status: paused' | dd of="$PAIRING" bs=1 seek="$offset" conv=notrunc status=none
touch -d "$mtime" "$PAIRING"
[[ "$(stat -c %y "$PAIRING")" == "$mtime" && "$(stat -c %s "$PAIRING")" == "$size" \
  && "$(stat -c %i "$PAIRING")" == "$inode" ]] && pass || fail "the edit did not keep size, mtime and inode"
same_as_uncached
mentor_ok show zoe-nunez
expect_stdout_contains "paused"
mentor_ok pair zoe-nunez --resume

section "a session logged, committed, and the file checked out back (git)"
if have_git; then
  git init -q .
  git add -A
  git -c user.name=t -c user.email=t@example.org commit -q -m start
  settle
  mentor_ok log zoe-nunez "a session that git will take back" --duration 45m
  settle
  same_as_uncached
  git checkout -q -- "$PAIRING"
  same_as_uncached
  mentor_ok show zoe-nunez
  expect_stdout_not_contains "git will take back"
else
  echo "(git is not installed: skipped)"
fi

section "deleted and renamed files"
settle
mentor_ok review
rm people/daniel-o-connor.yaml
same_as_uncached
settle
run "$MENTOR" review
git mv -f pairings/hilary-brandt--phil-rumens.yaml pairings/hilary-brandt--phil-rumens-2.yaml 2>/dev/null \
  || mv pairings/hilary-brandt--phil-rumens.yaml pairings/hilary-brandt--phil-rumens-2.yaml
same_as_uncached

section "a damaged cache"
git checkout -q -- people/daniel-o-connor.yaml 2>/dev/null || cp "$MENTOR_SOURCE_DIR/examples/people/daniel-o-connor.yaml" people/
settle
mentor_ok review
cp .mentor/cache "$TMP/good-cache"
size="$(stat -c %s .mentor/cache)"
for cut in 0 1 20 100 $((size / 2)) $((size - 17)) $((size - 1)); do
  head -c "$cut" "$TMP/good-cache" >.mentor/cache
  same_as_uncached
done
cp "$TMP/good-cache" .mentor/cache
printf 'XXXXXXXX' | dd of=.mentor/cache bs=1 seek=$((size / 3)) conv=notrunc status=none
same_as_uncached
head -c 4096 /dev/urandom >.mentor/cache
same_as_uncached

section "ten processes at once, after every file changed"
settle
find people pairings -name '*.yaml' -exec touch {} +
settle
pids=()
for i in $(seq 1 10); do
  "$MENTOR" report --from 2016-01-01 --to 2027-01-01 --by month --format csv >"$TMP/race.$i" 2>&1 &
  pids+=($!)
done
for pid in "${pids[@]}"; do
  wait "$pid" && pass || fail "a racing report failed"
done
MENTOR_NO_CACHE=1 "$MENTOR" report --from 2016-01-01 --to 2027-01-01 --by month --format csv >"$TMP/race.expected" 2>&1
for i in $(seq 1 10); do
  cmp -s "$TMP/race.$i" "$TMP/race.expected" && pass || fail "racing report $i printed something else"
done
same_as_uncached
leftovers="$(find .mentor -name '*.tmp' | wc -l)"
[[ "$leftovers" == 0 ]] && pass || fail "$leftovers temporary files left in .mentor"

finish
