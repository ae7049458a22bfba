#!/usr/bin/env bash
# Crash safety: a write is all or nothing.
#
# 1. `mentor log` SIGKILLed at random moments, over many runs: the pairing
#    file is always exactly the old or exactly the new version (which both
#    parse), keeps its mode, and the temporary files killed runs leave are
#    named .<file>.tmp-XXXXXX, ignored by readers and swept by the next
#    writer.
# 2. The same at each step of the write, deterministically, through the
#    disk seam of the test-only binary mentor_faults ($MENTOR_FAULT).
# 3. A full disk (ENOSPC) on write, on fsync and on rename, and a failing
#    link when creating a file: exit 1, a clear error, the original intact
#    byte for byte, no temporary file left.
# 4. A real full file system (a 256 KiB tmpfs in a user namespace) when the
#    machine allows mounting one; skipped with a message otherwise.
#
# MENTOR_CRASH_RUNS sets the number of random kills (default 200) and
# MENTOR_CRASH_SEED the seed (default: random, printed).
source "$(dirname "$0")/lib.sh" "$@"
source "$MENTOR_SOURCE_DIR/tests/hostile/corpus.sh"

for tool in MENTOR_FAULTS KILL_AFTER YAML_GET; do
  if [[ -z "${!tool:-}" || ! -x "${!tool}" ]]; then
    echo "$TEST_NAME: \$$tool is required (CTest sets it)" >&2
    exit 2
  fi
done

SLUG="$HOSTILE_SLUG"
REL="$HOSTILE_PAIRING"
LOG=(log "$SLUG" "Talked about delegation." --today "$TODAY")

# A pairing with some history, so that the file is more than one block and
# a run lasts long enough for the kills to land all over it.
BASE="$TMP/base"
hostile_records "$BASE"
for i in $(seq 1 60); do
  printf '  - date: 2026-06-08\n    duration: 45m\n    notes: Session %d, in which a good deal was said.\n' "$i"
done >>"$BASE/$REL"
OLD="$TMP/old.yaml"
NEW="$TMP/new.yaml"
cp -p "$BASE/$REL" "$OLD"

section "the old and the new version both parse"
cp -a "$BASE" "$TMP/ref"
mentor --dir "$TMP/ref" "${LOG[@]}"
expect_exit 0
cp -p "$TMP/ref/$REL" "$NEW"
expect_yaml "$OLD" sessions '#' = 61
expect_yaml "$NEW" sessions '#' = 62
mentor --dir "$TMP/ref" check
expect_exit 0
if cmp -s "$OLD" "$NEW"; then
  fail "the log run did not change the file"
fi

# temp_files DIR: the temporary files of atomic writes under DIR.
temp_files() {
  find "$1" -name '.*.tmp-*' | LC_ALL=C sort
}

expect_no_temp_files() {
  local left
  left="$(temp_files "$1")"
  if [[ -n "$left" ]]; then
    fail "temporary files left behind: $left"
  else
    pass
  fi
}

# A temporary name as write_file_atomic makes it, nothing else.
expect_temp_names_ok() {
  local path name bad=""
  while IFS= read -r path; do
    [[ -z "$path" ]] && continue
    name="$(basename "$path")"
    [[ "$name" =~ ^\.[a-z0-9-]+\.yaml\.tmp-[A-Za-z0-9]{6}$ ]] || bad+=" $name"
  done <<<"$(temp_files "$1")"
  if [[ -n "$bad" ]]; then
    fail "temporary files with unexpected names:$bad"
  else
    pass
  fi
}

# --- 1. random SIGKILL --------------------------------------------------------

section "mentor log killed at random moments"
RUNS="${MENTOR_CRASH_RUNS:-200}"
SEED="${MENTOR_CRASH_SEED:-$((RANDOM * 32768 + RANDOM))}"
RANDOM=$((SEED % 32768))
echo "seed $SEED (set MENTOR_CRASH_SEED=$SEED to repeat), $RUNS runs"
dir="$TMP/killed"
cp -a "$BASE" "$dir"
mode="$(stat -c %a "$dir/$REL")"

# How long an undisturbed run takes, in microseconds: the kills are spread
# over 0 to 1.5 times that.
total=0
for i in 1 2 3; do
  start=${EPOCHREALTIME/./}
  "$MENTOR" --dir "$dir" "${LOG[@]}" >/dev/null 2>&1 </dev/null
  total=$((total + ${EPOCHREALTIME/./} - start))
  cp -p "$OLD" "$dir/$REL"
done
span=$((total * 3 / 2 / 3))
echo "an undisturbed run takes about $((total / 3)) µs; kills land from 0 to $span µs"

# The comparisons are bash's own (no cmp, no cp): each run costs two
# processes, kill_after and mentor.
IFS= read -r -d '' old_text <"$OLD" || true
IFS= read -r -d '' new_text <"$NEW" || true
shopt -s nullglob dotglob
killed_old=0 killed_new=0 finished=0 temps_seen=0 bad=0
for ((run = 1; run <= RUNS; run++)); do
  delay=$(((RANDOM * 32768 + RANDOM) % (span + 1)))
  outcome="$("$KILL_AFTER" "$delay" "$MENTOR" --dir "$dir" "${LOG[@]}")"
  now=""
  IFS= read -r -d '' now <"$dir/$REL" || true
  if [[ "$now" == "$old_text" ]]; then
    state=old
  elif [[ "$now" == "$new_text" ]]; then
    state=new
  else
    bad=$((bad + 1))
    cp "$dir/$REL" "$TMP/mixed-$run.yaml"
    fail "run $run (killed after $delay µs, $outcome): the file is neither the old nor the new version (kept as \$TMP/mixed-$run.yaml)"
    cp -p "$OLD" "$dir/$REL"
    continue
  fi
  if [[ "$outcome" == killed ]]; then
    [[ "$state" == old ]] && killed_old=$((killed_old + 1)) || killed_new=$((killed_new + 1))
  elif [[ "$outcome" == "exited 0" && "$state" == new ]]; then
    finished=$((finished + 1))
  else
    fail "run $run: $outcome, and the file is the $state version"
  fi
  if [[ "$state" == new ]]; then
    # Back to the old version, in place: the mode is what mentor gave it.
    [[ "$(stat -c %a "$dir/$REL")" == "$mode" ]] || fail "run $run: the mode changed to $(stat -c %a "$dir/$REL")"
    printf '%s' "$old_text" >"$dir/$REL"
  fi
  left=("$dir"/pairings/.*.tmp-*)
  ((${#left[@]} > 0)) && temps_seen=$((temps_seen + 1))
done
shopt -u nullglob dotglob
echo "killed before the rename: $killed_old; killed after it: $killed_new; finished: $finished;" \
  "runs after which a temporary file was left: $temps_seen"
((bad == 0)) && pass
expect_temp_names_ok "$dir"

section "what killed runs leave is ignored by readers and swept by the next writer"
cd "$dir"
mentor check
expect_exit 0
expect_stdout_empty
mentor "${LOG[@]}"
expect_exit 0
expect_same_file "$dir/$REL" "$NEW"
expect_no_temp_files "$dir"
cd "$TMP"

# --- 2. killed at each step of the write -------------------------------------

# kill_at FAULT STATE: mentor log killed at that point of the write; the
# file is then the STATE (old or new) version.
kill_at() {
  local fault="$1" state="$2" dir="$TMP/step"
  section "killed at $fault"
  rm -rf "$dir"
  cp -a "$BASE" "$dir"
  MENTOR_FAULT="$fault" run "$MENTOR_FAULTS" --dir "$dir" "${LOG[@]}"
  if [[ "$CODE" -ne 137 ]]; then
    fail "expected the run to be killed (137), got $CODE"
  else
    pass
  fi
  if [[ "$state" == old ]]; then
    expect_same_file "$dir/$REL" "$OLD"
  else
    expect_same_file "$dir/$REL" "$NEW"
  fi
  expect_mode "$dir/$REL" 600
  expect_temp_names_ok "$dir"
  # Readers ignore what is left; the next writer sweeps it.
  run "$MENTOR" --dir "$dir" check
  expect_exit 0
  expect_stdout_empty
  MENTOR_FAULT= run "$MENTOR_FAULTS" --dir "$dir" review zoe --record "After the crash." --today "$TODAY"
  expect_exit 0
  expect_no_temp_files "$dir"
}

kill_at write:1=kill-before old
kill_at write:1=kill-halfway old
kill_at fsync:1=kill-before old
kill_at fsync:1=kill-after old
kill_at rename:1=kill-before old
kill_at rename:1=kill-after new
kill_at fsync:2=kill-before new
kill_at fsync:2=kill-after new

# The same for a new file (mentor add): link() makes it appear whole.
for step in link:1=kill-before link:1=kill-after; do
  section "mentor add killed at $step"
  dir="$TMP/add"
  rm -rf "$dir"
  cp -a "$BASE" "$dir"
  MENTOR_FAULT="$step" run "$MENTOR_FAULTS" --dir "$dir" add "Ann Lee" --email ann@example.org
  [[ "$CODE" -eq 137 ]] && pass || fail "expected the run to be killed (137), got $CODE"
  if [[ "$step" == *before ]]; then
    expect_missing "$dir/people/ann-lee.yaml"
  else
    expect_yaml "$dir/people/ann-lee.yaml" email = ann@example.org
  fi
  run "$MENTOR" --dir "$dir" check
  expect_exit 0
  run "$MENTOR" --dir "$dir" add "Bo Chen"
  expect_exit 0
  expect_no_temp_files "$dir"
done

# --- 3. a full disk through the disk seam -------------------------------------

# full_disk FAULT COMMAND...: the write fails; nothing changes.
full_disk() {
  local fault="$1" dir="$TMP/full" before
  shift
  section "$fault: mentor $1"
  rm -rf "$dir"
  cp -a "$BASE" "$dir"
  mkdir -p "$dir/.mentor" # the lock file may come and go; the records may not
  before="$TMP/full.listing"
  tree_listing "$dir" >"$before"
  cd "$dir"
  MENTOR_FAULT="$fault" run "$MENTOR_FAULTS" "$@"
  cd "$TMP"
  expect_exit 1
  expect_error_format
  expect_tree_unchanged "$dir" "$before"
  expect_no_temp_files "$dir"
}

for call in write fsync rename; do
  full_disk "$call=ENOSPC" "${LOG[@]}"
  expect_stderr_contains "$REL: No space left on device; nothing was changed"
  expect_stderr_contains "hint: the disk (or your quota) is full: free some space, then run the command again"
done
full_disk write=ENOSPC add "Ann Lee"
expect_stderr_contains "people/ann-lee.yaml: No space left on device; nothing was changed"
expect_missing "$TMP/full/people/ann-lee.yaml"
full_disk link=ENOSPC add "Ann Lee"
expect_stderr_contains "cannot create people/ann-lee.yaml: No space left on device; nothing was changed"
full_disk fsync=EDQUOT pair zoe --end --today "$TODAY"
expect_stderr_contains "$REL: Disk quota exceeded; nothing was changed"
full_disk write=EROFS review zoe --record "Notes." --today "$TODAY"
expect_stderr_contains "$REL: Read-only file system; nothing was changed"
expect_stderr_contains "read-only"

section "fsync of the folder fails after the rename: the message says the file was written"
dir="$TMP/dirsync"
cp -a "$BASE" "$dir"
MENTOR_FAULT=fsync:2=EIO run "$MENTOR_FAULTS" --dir "$dir" "${LOG[@]}"
expect_exit 1
expect_stderr_contains "$REL was written, but its folder could not be synced to the disk: Input/output error"
expect_same_file "$dir/$REL" "$NEW"
expect_no_temp_files "$dir"

# --- 4. a real full file system ------------------------------------------------

section "a real full file system (tmpfs of 256 KiB)"
MNT="$TMP/mnt"
mkdir -p "$MNT" "$TMP/tiny"
cat >"$TMP/tiny.sh" <<'EOF'
set -u
mnt="$1" base="$2" mentor="$3" out="$4"
shift 4
mount -t tmpfs -o size=256k,mode=0700 tmpfs "$mnt" || exit 99
cp -a "$base" "$mnt/r"
mkdir -p -m 0700 "$mnt/r/.mentor" && : >"$mnt/r/.mentor/lock"
# Fill the disk: dd stops when there is no room left.
dd if=/dev/zero of="$mnt/fill" bs=4096 >/dev/null 2>&1
listing() { (cd "$mnt/r" && find . -printf '%p %y %m %s\n' | LC_ALL=C sort && find . -type f -exec cksum {} + | LC_ALL=C sort); }
listing >"$out/before"
"$mentor" --dir "$mnt/r" "$@" >"$out/stdout" 2>"$out/stderr" </dev/null
echo $? >"$out/code"
listing >"$out/after"
find "$mnt/r" -name '.*.tmp-*' >"$out/temps"
# Once there is room again, the same command works.
rm -f "$mnt/fill"
"$mentor" --dir "$mnt/r" "$@" >/dev/null 2>&1 </dev/null
echo $? >"$out/code2"
exit 0
EOF
tiny=()
if [[ "$(id -u)" -eq 0 ]] && unshare -m true 2>/dev/null; then
  tiny=(unshare -m)
elif unshare -rm true 2>/dev/null; then
  tiny=(unshare -rm)
fi
status=99
if [[ ${#tiny[@]} -gt 0 ]]; then
  set +e
  "${tiny[@]}" bash "$TMP/tiny.sh" "$MNT" "$BASE" "$MENTOR" "$TMP/tiny" "${LOG[@]}"
  status=$?
  set -e
fi
if [[ "$status" -eq 99 ]]; then
  echo "SKIPPED: cannot mount a small file system here (no mount namespace for this user);" \
    "the full disk is covered through the disk seam above"
else
  [[ "$status" -eq 0 ]] && pass || fail "the tiny file system script failed ($status)"
  [[ "$(cat "$TMP/tiny/code")" == 1 ]] && pass || fail "on a full disk mentor log exited $(cat "$TMP/tiny/code"), expected 1"
  ERR_FILE="$TMP/tiny/stderr"
  expect_stderr_contains "$REL: No space left on device; nothing was changed"
  expect_stderr_contains "free some space"
  if cmp -s "$TMP/tiny/before" "$TMP/tiny/after"; then
    pass
  else
    fail "files changed on the full disk: $(diff "$TMP/tiny/before" "$TMP/tiny/after" | head -n 10)"
  fi
  [[ ! -s "$TMP/tiny/temps" ]] && pass || fail "temporary files left on the full disk: $(cat "$TMP/tiny/temps")"
  [[ "$(cat "$TMP/tiny/code2")" == 0 ]] && pass || fail "with room again, mentor log exited $(cat "$TMP/tiny/code2")"
fi

finish
