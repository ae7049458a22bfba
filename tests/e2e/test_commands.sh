#!/usr/bin/env bash
# A walkthrough of the command contract: init, add, pair, log (every date,
# duration and WHO form), list, show, pause/resume/end; exit codes 0/1/2,
# global options before and after the command, environment variables, file
# modes and git.
source "$(dirname "$0")/lib.sh" "$@"
require_yaml_get

mkdir -p "$TMP/work"
cd "$TMP/work"

# --- init ------------------------------------------------------------------------

section "no records directory: exit 1, pointing at mentor init"
mentor list
expect_exit 1
expect_error_format
expect_stderr_contains "mentor init"

section "--dir to a folder without records, or to nothing: exit 1"
mkdir -p "$TMP/empty"
mentor --dir "$TMP/empty" list
expect_exit 1
expect_error_format
expect_stderr_contains "mentor init"
mentor list --dir "$TMP/does-not-exist"
expect_exit 1
expect_error_format
MENTOR_DIR="$TMP/empty" mentor list
expect_exit 1
expect_missing "$TMP/does-not-exist"

section "init --no-git --me"
mentor init recs --no-git --me "Phil Rumens"
expect_exit 0
expect_stdout_lines 1
R="$TMP/work/recs"
expect_file_exists "$R/mentor.yaml"
expect_yaml "$R/mentor.yaml" version = 1
expect_yaml "$R/mentor.yaml" me = phil-rumens
expect_yaml "$R/mentor.yaml" defaults kind = coaching
expect_file_exists "$R/people/phil-rumens.yaml"
expect_yaml "$R/people/phil-rumens.yaml" name = "Phil Rumens"
expect_dir_exists "$R/pairings"
expect_file_has "$R/.gitignore" ".mentor/"
expect_mode "$R" 700
expect_mode "$R/people" 700
expect_mode "$R/pairings" 700
expect_mode "$R/mentor.yaml" 600
expect_mode "$R/people/phil-rumens.yaml" 600
expect_missing "$R/.git"

section "init twice is refused"
snapshot "$R/mentor.yaml"
mentor init recs --no-git --me "Someone Else"
expect_exit 1
expect_error_format
expect_file_unchanged "$R/mentor.yaml"
expect_missing "$R/people/someone-else.yaml"

section "init without DIR uses the working directory"
mkdir "$TMP/here"
(cd "$TMP/here" && "$MENTOR" init --no-git --me "Here Me" </dev/null >/dev/null 2>&1) && pass \
  || fail "mentor init (no DIR) in an empty folder failed"
expect_yaml "$TMP/here/mentor.yaml" me = here-me

section "--me defaults to git's user.name, else \$USER"
if have_git; then
  git config --global user.name "Ada Lovelace"
  mentor init "$TMP/from-git" --no-git
  expect_exit 0
  expect_yaml "$TMP/from-git/mentor.yaml" me = ada-lovelace
  rm -f "$HOME/.gitconfig"
fi
USER=zed mentor init "$TMP/from-user" --no-git
expect_exit 0
expect_yaml "$TMP/from-user/mentor.yaml" me = zed

if have_git; then
  section "init outside a git work tree runs git init"
  mentor init "$TMP/plain" --me "Phil Rumens"
  expect_exit 0
  expect_dir_exists "$TMP/plain/.git"
  git -C "$TMP/plain" check-ignore -q .mentor/lock && pass || fail ".mentor/ is not git-ignored"

  section "init inside a git work tree makes no nested repository"
  mkdir "$TMP/repo"
  git -C "$TMP/repo" init -q
  mentor init "$TMP/repo/records" --me "Phil Rumens"
  expect_exit 0
  expect_file_exists "$TMP/repo/records/mentor.yaml"
  expect_missing "$TMP/repo/records/.git"
else
  echo "(git not found: skipping the git parts)"
fi

cd "$R"

# --- add -------------------------------------------------------------------------

section "add with every option; accents folded in the slug"
mentor add "Zoë Núñez" --email zoe@example.org --org "Northgate Housing" --role "Head of Tenant Services" \
  --tag housing --tag sponsored --note "Sponsored by Northgate"
expect_exit 0
expect_stdout_equals "added Zoë Núñez: people/zoe-nunez.yaml"
P="people/zoe-nunez.yaml"
expect_yaml "$P" name = "Zoë Núñez"
expect_yaml "$P" email = zoe@example.org
expect_yaml "$P" organisation = "Northgate Housing"
expect_yaml "$P" role = "Head of Tenant Services"
expect_yaml "$P" tags '#' = 2
expect_yaml "$P" tags 0 = housing
expect_yaml "$P" tags 1 = sponsored
expect_yaml "$P" notes = "Sponsored by Northgate"
expect_mode "$P" 600

mentor add "Zoe Adams"
expect_exit 0
expect_stdout_equals "added Zoe Adams: people/zoe-adams.yaml"
mentor add "Tomasz Wiśniewski"
expect_exit 0
expect_stdout_equals "added Tomasz Wiśniewski: people/tomasz-wisniewski.yaml"
mentor add "Aisha Rahman" --id aisha
expect_exit 0
expect_stdout_equals "added Aisha Rahman: people/aisha.yaml"
expect_yaml people/aisha.yaml name = "Aisha Rahman"

section "adding an existing slug is refused, with a hint about --id"
snapshot "$P"
mentor add "Zoe  NUNEZ" --email other@example.org
expect_exit 1
expect_error_format
expect_hint
expect_stderr_contains "--id"
expect_file_unchanged "$P"

section "a name without letters needs --id; a bad --id is a usage error"
mentor add "!!!"
expect_exit 2
expect_stderr_contains "--id"
mentor add "Someone" --id "Not A Slug"
expect_exit 2
expect_missing people/someone.yaml

# --- pair ------------------------------------------------------------------------

section "pair with every option"
Z="pairings/phil-rumens--zoe-nunez.yaml"
mentor pair zoe-nunez --start 2026-06-08 --until 2026-12-18 --cadence 2w --duration 45m \
  --goal "Chair meetings confidently" --goal "Agree a remit" --sponsor "Northgate HR" --today "$TODAY"
expect_exit 0
expect_stdout_equals "started coaching phil-rumens--zoe-nunez on 2026-06-08: $Z"
expect_yaml "$Z" mentor = phil-rumens
expect_yaml "$Z" mentee = zoe-nunez
expect_yaml "$Z" kind = coaching
expect_yaml "$Z" status = active
expect_yaml "$Z" started = 2026-06-08
expect_yaml "$Z" until = 2026-12-18
expect_yaml "$Z" cadence = 2w
expect_yaml "$Z" duration = 45m
expect_yaml "$Z" sponsor = "Northgate HR"
expect_yaml "$Z" paid = true
expect_yaml "$Z" goals '#' = 2
expect_yaml "$Z" goals 0 id = g1
expect_yaml "$Z" goals 0 title = "Chair meetings confidently"
expect_yaml "$Z" goals 1 id = g2
expect_yaml "$Z" goals 1 title = "Agree a remit"
expect_mode "$Z" 600

section "pair: kind and start from the defaults, --pro-bono"
A="pairings/phil-rumens--zoe-adams.yaml"
mentor pair zoe-adams --kind mentoring --pro-bono --today "$TODAY"
expect_exit 0
expect_stdout_equals "started mentoring phil-rumens--zoe-adams on $TODAY: $A"
expect_yaml "$A" kind = mentoring
expect_yaml "$A" started = "$TODAY"
expect_yaml "$A" paid = false
mentor pair tomasz-wisniewski --mentor aisha --kind supervision --today "$TODAY"
expect_exit 0
expect_stdout_equals "started supervision aisha--tomasz-wisniewski on $TODAY: pairings/aisha--tomasz-wisniewski.yaml"
expect_yaml pairings/aisha--tomasz-wisniewski.yaml mentor = aisha

section "pair: bad kind is a usage error, unknown mentee a records error"
mentor pair tomasz-wisniewski --kind therapy --today "$TODAY"
expect_exit 2
expect_error_format
mentor pair nobody-at-all --today "$TODAY"
expect_exit 1
expect_error_format
mentor pair tomasz-wisniewski --start 2026-02-30 --today "$TODAY"
expect_exit 2
mentor pair tomasz-wisniewski --duration forever --today "$TODAY"
expect_exit 2
expect_missing pairings/phil-rumens--tomasz-wisniewski.yaml

# --- log: dates ------------------------------------------------------------------

# logged DATE DURATION: the last command logged one session to $Z.
logged() {
  expect_exit 0
  expect_stdout_equals "logged $1 ($2) with Zoë Núñez: $Z"
  expect_yaml "$Z" sessions -1 date = "$1"
  expect_yaml "$Z" sessions -1 duration = "$2"
}

section "log: ISO date; duration from the pairing"
mentor log zoe-nunez "iso date" --date 2026-11-02 --today "$TODAY"
logged 2026-11-02 45m
expect_yaml "$Z" sessions -1 notes = "iso date"
expect_yaml "$Z" sessions -1 type = session
expect_mode "$Z" 600

section "log: today is the default date"
mentor log zoe-nunez "no date" --today "$TODAY"
logged "$TODAY" 45m
mentor log zoe-nunez "today" --date today --today "$TODAY"
logged "$TODAY" 45m

section "log: yesterday"
mentor log zoe-nunez "yesterday" --date yesterday --today "$TODAY"
logged 2026-11-19 45m

section "log: weekday names are the most recent one strictly before today"
mentor log zoe-nunez "monday" --date monday --today "$TODAY"
logged 2026-11-16 45m
mentor log zoe-nunez "friday" --date friday --today "$TODAY"
logged 2026-11-13 45m
mentor log zoe-nunez "thursday" --date thursday --today "$TODAY"
logged 2026-11-19 45m

section "log: -3d and -2w"
mentor log zoe-nunez "three days" --date -3d --today "$TODAY"
logged 2026-11-17 45m
mentor log zoe-nunez "two weeks" --date=-2w --today "$TODAY"
logged 2026-11-06 45m

section "log: bad and future dates are usage errors, nothing written"
snapshot "$Z"
for bad in 2026-11-21 tomorrow 2026-02-30 2026-13-01 20261101 someday +3d; do
  mentor log zoe-nunez "bad date $bad" --date "$bad" --today "$TODAY"
  expect_exit 2
  expect_error_format
  expect_file_unchanged "$Z"
done

# --- log: durations --------------------------------------------------------------

section "log: duration forms are written canonically"
for pair in 45:45m 45m:45m 1h:1h 60m:1h 90m:1h30m 1.5h:1h30m 1h30m:1h30m 2h:2h 0.75h:45m; do
  given="${pair%%:*}"
  want="${pair#*:}"
  mentor log zoe-nunez "duration $given" --date 2026-11-18 --duration "$given" --today "$TODAY"
  logged 2026-11-18 "$want"
done
if grep -qE '^ +duration: (45|1\.5h|90m|60m|0\.75h)$' "$Z"; then
  fail "a duration was written as typed, not canonically"
else
  pass
fi

section "log: bad durations are usage errors"
snapshot "$Z"
for bad in abc 1x 45s -1h ''; do
  mentor log zoe-nunez "bad duration" --duration "$bad" --today "$TODAY"
  expect_exit 2
  expect_error_format
  expect_file_unchanged "$Z"
done

section "log: type; bad type is a usage error"
mentor log zoe-nunez "a review" --type review --today "$TODAY"
logged "$TODAY" 45m
expect_yaml "$Z" sessions -1 type = review
snapshot "$Z"
mentor log zoe-nunez "bad type" --type chat --today "$TODAY"
expect_exit 2
expect_file_unchanged "$Z"

section "log: duration falls back to mentor.yaml when the pairing has none"
sed -i -e '/^duration:/d' "$A"
sed -i -e 's/^\(  duration: \)60m/\150m/' mentor.yaml
expect_yaml mentor.yaml defaults duration = 50m
expect_no_yaml "$A" duration
mentor log zoe-adams "fallback" --today "$TODAY"
expect_exit 0
expect_stdout_equals "logged $TODAY (50m) with Zoe Adams: $A"
expect_yaml "$A" sessions -1 duration = 50m

# --- log: WHO --------------------------------------------------------------------

# who_is WHO: `log WHO` goes to the pairing with Zoë Núñez.
who_is() {
  local before
  before="$(session_count "$Z")"
  mentor log "$1" "who is $1" --today "$TODAY"
  expect_exit 0
  expect_stdout_equals "logged $TODAY (45m) with Zoë Núñez: $Z"
  expect_yaml "$Z" sessions '#' = "$((before + 1))"
  expect_yaml "$Z" sessions -1 notes = "who is $1"
}

section "WHO: person slug, unique prefix, part of the name, pairing slug"
for who in zoe-nunez zoe-n núñez NUNEZ Núñez nunez "Zoë Núñez" phil-rumens--zoe-nunez; do
  who_is "$who"
done

section "WHO: part of a name, another person"
mentor log adams "by surname" --today "$TODAY"
expect_exit 0
expect_stdout_equals "logged $TODAY (50m) with Zoe Adams: $A"

section "WHO: ambiguous is a usage error listing the candidates"
snapshot "$Z" "$A"
mentor log zoe "which one?" --today "$TODAY"
expect_exit 2
expect_error_format
expect_stderr_matches "zoe-nunez|Zoë Núñez"
expect_stderr_matches "zoe-adams|Zoe Adams"
expect_file_unchanged "$Z"
expect_file_unchanged "$A"
mentor log "ZOË" "which one, accented?" --today "$TODAY"
expect_exit 2
expect_stderr_matches "zoe-nunez|Zoë Núñez"
expect_stderr_matches "zoe-adams|Zoe Adams"
expect_file_unchanged "$Z"
expect_file_unchanged "$A"

section "WHO: unknown, or no active pairing with me, is a records error"
mentor log nobody-at-all "x" --today "$TODAY"
expect_exit 1
expect_error_format
mentor log tomasz "x" --today "$TODAY"
expect_exit 1
expect_error_format
expect_file_unchanged "$Z"
expect_file_unchanged "$A"

# --- global options and environment ----------------------------------------------

section "global options after the command, from outside the records"
cd "$TMP"
mentor log zoe-nunez "from outside" --today "$TODAY" --dir "$R"
expect_exit 0
expect_stdout_names_file "logged $TODAY (45m) with Zoë Núñez: " "$Z"
expect_yaml "$R/$Z" sessions -1 notes = "from outside"

section "global options before the command"
mentor --dir "$R" --today 2026-10-10 log zoe-nunez "before" --date yesterday
expect_exit 0
expect_yaml "$R/$Z" sessions -1 date = 2026-10-09

section "MENTOR_DIR and MENTOR_TODAY"
MENTOR_DIR="$R" MENTOR_TODAY=2026-10-10 mentor log zoe-nunez "from env" --date -1w
expect_exit 0
expect_yaml "$R/$Z" sessions -1 date = 2026-10-03
expect_yaml "$R/$Z" sessions -1 notes = "from env"
MENTOR_DIR="$R" mentor list people
expect_exit 0
expect_stdout_contains "Zoë Núñez"

section "the root is found from a subfolder"
cd "$R/pairings"
mentor list people
expect_exit 0
expect_stdout_contains "Zoë Núñez"
cd "$R"

section "--version, --help"
mentor --version
expect_exit 0
expect_stdout_matches '[0-9]+\.[0-9]+'
mentor --help
expect_exit 0
expect_stdout_contains "log"
mentor log --help
expect_exit 0
expect_stdout_contains "--date"

section "usage errors: bad option, bad command, bad global values"
snapshot "$Z"
mentor log zoe-nunez "x" --bogus --today "$TODAY"
expect_exit 2
expect_error_format
mentor frobnicate
expect_exit 2
expect_error_format
mentor log zoe-nunez "x" --today 2026-13-01
expect_exit 2
mentor log zoe-nunez "x" --today "$TODAY" --color sometimes
expect_exit 2
mentor list people --color never
expect_exit 0
mentor list bogus
expect_exit 2
mentor log
expect_exit 2
expect_file_unchanged "$Z"

# --- notes from an editor ---------------------------------------------------------

section "log --edit takes the notes from \$VISUAL/\$EDITOR"
write_file "$TMP/fake-editor.sh" 0755 <<'EOF'
#!/bin/sh
printf 'Written in the editor\nsecond line\n' >"$1"
EOF
EDITOR="$TMP/fake-editor.sh" mentor log zoe-nunez --edit --today "$TODAY"
expect_exit 0
expect_yaml "$Z" sessions -1 notes = $'Written in the editor\nsecond line'
snapshot "$Z"
VISUAL=false EDITOR="$TMP/fake-editor.sh" mentor log zoe-nunez --edit --today "$TODAY"
expect_exit 1
expect_file_unchanged "$Z"

# --- list and show ---------------------------------------------------------------

section "list"
mentor list --today "$TODAY"
expect_exit 0
for name in "Zoë Núñez" "Zoe Adams" "Tomasz Wiśniewski" "Aisha Rahman" "Phil Rumens"; do
  expect_stdout_contains "$name"
done
mentor list people --today "$TODAY"
expect_exit 0
expect_stdout_contains "Zoë Núñez"
expect_stdout_contains "Aisha Rahman"
mentor list pairings --today "$TODAY"
expect_exit 0
expect_stdout_matches "phil-rumens--zoe-nunez|Zoë Núñez"
expect_stdout_matches "aisha--tomasz-wisniewski|Tomasz Wiśniewski"

section "show a pairing and a person"
mentor show phil-rumens--zoe-nunez --today "$TODAY"
expect_exit 0
expect_stdout_contains "Zoë Núñez"
expect_stdout_contains "Chair meetings confidently"
expect_stdout_contains "iso date"
expect_stdout_contains "Written in the editor"
mentor show aisha --today "$TODAY"
expect_exit 0
expect_stdout_contains "Aisha Rahman"
expect_stdout_matches "aisha--tomasz-wisniewski|Tomasz Wiśniewski"
mentor show nobody-at-all --today "$TODAY"
expect_exit 1
expect_error_format

# --- pause, resume, end ----------------------------------------------------------

section "pause: logging to a paused pairing is refused"
mentor pair zoe-adams --pause --today "$TODAY"
expect_exit 0
expect_stdout_equals "paused phil-rumens--zoe-adams: $A"
expect_stdout_lines 1
expect_yaml "$A" status = paused
snapshot "$A"
mentor log phil-rumens--zoe-adams "while paused" --today "$TODAY"
expect_exit 1
expect_error_format
expect_file_unchanged "$A"

section "resume"
mentor pair phil-rumens--zoe-adams --resume --today "$TODAY"
expect_exit 0
expect_stdout_equals "resumed phil-rumens--zoe-adams: $A"
expect_yaml "$A" status = active
mentor log zoe-adams "after resume" --today "$TODAY"
expect_exit 0

section "end: today by default; then no more logs, no second end"
mentor pair zoe-nunez --end --today "$TODAY"
expect_exit 0
expect_stdout_equals "ended phil-rumens--zoe-nunez on $TODAY: $Z"
expect_yaml "$Z" status = ended
expect_yaml "$Z" ended = "$TODAY"
expect_no_yaml "$Z" outcome
snapshot "$Z"
mentor log phil-rumens--zoe-nunez "after the end" --today "$TODAY"
expect_exit 1
expect_error_format
mentor pair phil-rumens--zoe-nunez --end --today "$TODAY"
expect_exit 1
expect_error_format
mentor pair phil-rumens--zoe-nunez --resume --today "$TODAY"
expect_exit 1
expect_file_unchanged "$Z"

section "a second pairing of the same two gets -2, and WHO finds it"
Z2="pairings/phil-rumens--zoe-nunez-2.yaml"
mentor pair zoe-nunez --kind mentoring --today "$TODAY"
expect_exit 0
expect_stdout_equals "started mentoring phil-rumens--zoe-nunez-2 on $TODAY: $Z2"
expect_yaml "$Z2" mentee = zoe-nunez
mentor log núñez "second time round" --today "$TODAY"
expect_exit 0
expect_stdout_equals "logged $TODAY (50m) with Zoë Núñez: $Z2"
expect_file_unchanged "$Z"

section "end without until: ended and outcome go right after started"
cp "$Z2" "$TMP/z2.before"
mentor pair phil-rumens--zoe-nunez-2 --end --date 2026-11-20 --outcome "Goal reached" --today "$TODAY"
expect_exit 0
expect_stdout_equals "ended phil-rumens--zoe-nunez-2 on 2026-11-20: $Z2"
awk '/^status: active/ { sub(/^status: active/, "status: ended") }
     { print }
     /^started: / { print "ended: 2026-11-20"; print "outcome: Goal reached" }' \
  "$TMP/z2.before" >"$TMP/z2.expected"
expect_same_file "$Z2" "$TMP/z2.expected"

section "modes and leftovers"
for f in mentor.yaml people/*.yaml pairings/*.yaml; do
  [[ "$f" == mentor.yaml ]] && continue
  expect_mode "$f" 600
done
expect_mode people 700
expect_mode pairings 700
leftovers="$(find . -path ./.mentor -prune -o \( -name '*.tmp*' -o -name '*~' \) -print)"
if [[ -n "$leftovers" ]]; then
  fail "temporary files left behind: $leftovers"
else
  pass
fi

finish
