#!/usr/bin/env bash
# Records on several machines: a bare repository and two clones on this
# machine log sessions to the same pairing and to different ones, one ends
# a pairing, and they pull and push each other's work through mentor's
# merge driver: no conflicts, every session present, `mentor check` clean.
# A true conflict leaves markers, a non-zero exit from the driver, and
# nothing lost.
source "$(dirname "$0")/lib.sh" "$@"
require_yaml_get
if ! have_git; then
  echo "$TEST_NAME: git is required" >&2
  exit 2
fi

# git of our own: settings in a file of this test, the built mentor first
# in PATH so that the driver `mentor merge-file …` is this one.
export GIT_CONFIG_GLOBAL="$TMP/gitconfig"
cat >"$GIT_CONFIG_GLOBAL" <<'EOF'
[user]
	name = Test Coach
	email = coach@example.org
[init]
	defaultBranch = main
[advice]
	detachedHead = false
EOF
export PATH="$(dirname "$MENTOR"):$PATH"
unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE

# git ARGS...: runs git, recorded like a mentor command.
git_run() {
  run git "$@"
}
git_ok() {
  git_run "$@"
  expect_exit 0
}


expect_stderr_not_contains() {
  if grep -qF -- "$1" "$ERR_FILE"; then
    fail "stderr contains (but should not): $1"
  else
    pass
  fi
}

# sessions FILE: the dates of its sessions, one per line, as yaml-cpp reads them.
session_dates() {
  local n i
  n="$("$YAML_GET" "$1" sessions '#')"
  for ((i = 0; i < n; i++)); do
    "$YAML_GET" "$1" sessions "$i" date
    echo
  done
}

expect_session_dates() {
  local file="$1" want got
  shift
  want="$(printf '%s\n' "$@")"
  if ! got="$(session_dates "$file")"; then
    fail "$file does not read as YAML"
  elif [[ "$got" != "$want" ]]; then
    fail "$file: sessions on
$got
expected
$want"
  else
    pass
  fi
}

expect_check_clean() {
  mentor check --today "$TODAY"
  expect_exit 0
  expect_stdout_empty
}

ZOE=pairings/phil-rumens--zoe-nunez.yaml
AISHA=pairings/phil-rumens--aisha-rahman.yaml

section "one coach's records, pushed to a bare repository"
git_ok init -q --bare "$TMP/hub.git"
mentor_ok init "$TMP/laptop" --me "Phil Rumens"
expect_stdout_contains "with a new git repository"
expect_stdout_contains "git merges records files with \`mentor merge-file\` in this clone"
cd "$TMP/laptop"
# The built mentor is the one in PATH: the driver names it plainly.
git_ok config merge.mentor.driver
expect_stdout_equals "mentor merge-file %O %A %B %P"
expect_file_has .gitattributes "pairings/*.yaml merge=mentor"
mentor_ok add "Zoë Núñez"
mentor_ok add "Aisha Rahman"
mentor_ok pair zoe --today 2026-09-01 --goal "Chair team meetings"
mentor_ok pair aisha --today 2026-09-01 --kind mentoring
mentor_ok log zoe "First session." --today 2026-09-08 --action "Draft an agenda"
git_ok add -A
git_ok commit -q -m "records"
git_ok remote add origin "$TMP/hub.git"
git_ok push -q -u origin main
git_ok clone -q "$TMP/hub.git" "$TMP/desktop"

section "mentor init in the clone sets up the driver only, once"
cd "$TMP/desktop"
snapshot mentor.yaml .gitattributes
git_run config merge.mentor.driver
expect_exit 1
mentor_ok init
expect_stdout_contains "is already a records directory: only git was set up"
expect_file_unchanged mentor.yaml
expect_file_unchanged .gitattributes
git_ok config --local merge.mentor.driver
expect_stdout_equals "mentor merge-file %O %A %B %P"
mentor_ok init
expect_stdout_contains "nothing to do"
git_ok status --porcelain
expect_stdout_empty

section "both log to the same pairing and to different ones; the desktop ends one"
cd "$TMP/laptop"
mentor_ok log zoe "Laptop: the budget meeting." --today 2026-11-18 --done a1
mentor_ok log aisha "Laptop: career plans." --today 2026-11-17
git_ok commit -q -a -m "laptop"
cd "$TMP/desktop"
mentor_ok log zoe "Desktop: the rota." --today 2026-11-19 --action "Ask for feedback"
mentor_ok log zoe "Desktop: follow-up." --today 2026-11-20
mentor_ok pair aisha --end --today 2026-11-20 --outcome "Found a mentor at work"
git_ok commit -q -a -m "desktop"

section "the laptop pushes, the desktop pulls (merge) and pushes"
cd "$TMP/laptop"
git_ok push -q
cd "$TMP/desktop"
git_ok pull -q --no-rebase --no-edit
expect_stderr_not_contains "CONFLICT"
git_ok status --porcelain
expect_stdout_empty
expect_session_dates "$ZOE" 2026-09-08 2026-11-18 2026-11-19 2026-11-20
expect_session_dates "$AISHA" 2026-11-17
expect_yaml "$ZOE" sessions 0 actions 0 done = 2026-11-18
expect_yaml "$ZOE" sessions 2 notes = "Desktop: the rota."
expect_yaml "$ZOE" sessions 2 actions 0 id = a2
expect_yaml "$AISHA" status = ended
expect_yaml "$AISHA" outcome = "Found a mentor at work"
expect_yaml "$AISHA" sessions 0 notes = "Laptop: career plans."
if grep -q '^<<<<<<<\|^>>>>>>>' "$ZOE" "$AISHA"; then fail "conflict markers left"; else pass; fi
expect_check_clean
git_ok push -q

section "the laptop pulls: the same files"
cd "$TMP/laptop"
git_ok pull -q --no-rebase --no-edit
cmp -s "$TMP/laptop/$ZOE" "$TMP/desktop/$ZOE" && pass || fail "the two clones differ in $ZOE"
cmp -s "$TMP/laptop/$AISHA" "$TMP/desktop/$AISHA" && pass || fail "the two clones differ in $AISHA"
expect_check_clean

section "actions agreed on both sides under one id: theirs renumbered, said; a pull --rebase"
cd "$TMP/laptop"
mentor_ok log zoe "Laptop again." --today 2026-11-24 --action "Laptop action"
git_ok commit -q -a -m "laptop 2"
git_ok push -q
cd "$TMP/desktop"
mentor_ok log zoe "Desktop again." --today 2026-11-23 --action "Desktop action"
git_ok commit -q -a -m "desktop 2"
git_ok pull --rebase
expect_stderr_not_contains "CONFLICT"
# Rebasing replays our commit onto theirs: "theirs" is the desktop's here.
expect_stderr_contains "is now a4: ours has another a3"
expect_session_dates "$ZOE" 2026-09-08 2026-11-18 2026-11-19 2026-11-20 2026-11-23 2026-11-24
expect_yaml "$ZOE" sessions 4 actions 0 text = "Desktop action"
expect_yaml "$ZOE" sessions 4 actions 0 id = a4
expect_yaml "$ZOE" sessions 5 actions 0 id = a3
expect_check_clean
git_ok push -q

section "the laptop commits every change itself (git: commit: true)"
cd "$TMP/laptop"
git_ok pull -q --no-rebase --no-edit
printf 'git:\n  commit: true\n' >>mentor.yaml
git_ok commit -q -m "commit every change" mentor.yaml
echo "my own notes" >notes.txt
git_ok add notes.txt
pids=()
for i in 1 2 3 4; do
  "$MENTOR" log zoe "Parallel $i." --today 2026-11-25 >"$TMP/par.$i" 2>&1 &
  pids+=($!)
done
for pid in "${pids[@]}"; do
  wait "$pid" && pass || fail "a parallel log failed: $(cat "$TMP"/par.*)"
done
git_ok log --format=%s -4
expect_stdout_equals "$(printf 'log: zoe-nunez 2026-11-25 (1h)\n%.0s' 1 2 3 4)"
mentor_ok pair zoe --pause --today 2026-11-25
git_ok log -1 --format=%s
expect_stdout_equals "pair: paused phil-rumens--zoe-nunez"
git_ok show --name-only --format= HEAD
expect_stdout_equals "$ZOE"
# The change staged by hand is still staged, and in no commit.
git_ok status --porcelain
expect_stdout_equals "A  notes.txt"
git_ok log --format=%H -- notes.txt
expect_stdout_empty
git_ok rm -q --cached notes.txt
rm notes.txt
expect_session_dates "$ZOE" 2026-09-08 2026-11-18 2026-11-19 2026-11-20 2026-11-23 2026-11-24 \
  2026-11-25 2026-11-25 2026-11-25 2026-11-25
git_ok push -q

section "a true conflict: the status changed differently on both sides"
cd "$TMP/desktop"
mentor_ok log zoe "Desktop, last one." --today 2026-11-25
mentor_ok pair zoe --end --today 2026-11-26
git_ok commit -q -a -m "end zoe"
snapshot "$ZOE"
git_run pull --no-rebase --no-edit
if [[ "$CODE" -eq 0 ]]; then fail "the pull should stop on a conflict"; else pass; fi
expect_stderr_contains "mentor: $ZOE: cannot merge this file safely"
expect_stderr_contains '`status` was changed on both sides (ours: ended, theirs: paused)'
expect_stdout_contains "CONFLICT (content): Merge conflict in $ZOE"
git_ok diff --name-only --diff-filter=U
expect_stdout_equals "$ZOE"
expect_file_has "$ZOE" "<<<<<<< ours"
expect_file_has "$ZOE" "status: ended"
expect_file_has "$ZOE" "status: paused"
expect_file_has "$ZOE" ">>>>>>> theirs"
for note in "First session." "Laptop: the budget meeting." "Desktop: the rota." "Desktop: follow-up." \
  "Laptop again." "Desktop again." "Desktop, last one."; do
  expect_file_has "$ZOE" "$note"
done
# git keeps both sides: either can be taken whole.
git_ok show ":2:$ZOE"
expect_stdout_contains "status: ended"
git_ok show ":3:$ZOE"
expect_stdout_contains "status: paused"

section "in the middle of the merge, committing mentor refuses to write"
# mentor.yaml merged cleanly: the desktop commits every change now too.
expect_yaml mentor.yaml git commit = true
mentor add "Wei Zhang"
expect_exit 1
expect_error_format
expect_stderr_contains "in the middle of a merge; nothing was written"
expect_missing people/wei-zhang.yaml

section "the driver by hand: exit status and what it leaves in OURS"
cd "$TMP"
mkdir -p driver
printf 'status: active\nsessions:\n  - date: 2026-01-01\n' >driver/base
printf 'status: active\nsessions:\n  - date: 2026-01-01\n  - date: 2026-02-01\n' >driver/ours
printf 'status: paused\nsessions:\n  - date: 2026-01-01\n  - date: 2026-01-15\n' >driver/theirs
mentor merge-file driver/base driver/ours driver/theirs pairings/x.yaml
expect_exit 0
[[ -z "$ERR" ]] && pass || fail "a clean merge says nothing"
if [[ "$(cat driver/ours)" == $'status: paused\nsessions:\n  - date: 2026-01-01\n  - date: 2026-01-15\n  - date: 2026-02-01' ]]; then
  pass
else
  fail "driver/ours is not the merge: $(cat driver/ours)"
fi
printf 'status: ended\n' >driver/ours
printf 'status: active\n' >driver/base
printf 'status: [paused\n' >driver/theirs
mentor merge-file driver/base driver/ours driver/theirs pairings/x.yaml
expect_exit 1
expect_stderr_contains "theirs does not read as a mentor file"
expect_file_has driver/ours "<<<<<<< ours"
expect_file_has driver/ours "status: [paused"

finish
