#!/usr/bin/env bash
# Nothing a user types can make mentor read or write outside the records
# directory: names become safe slugs or are refused (exit 2), --id must be a
# slug, and WHO never becomes a path. A sandbox around the records
# directory is listed before and after.
source "$(dirname "$0")/lib.sh" "$@"
require_yaml_get

SANDBOX="$TMP/sandbox"
RECS="$SANDBOX/recs"
mkdir -p "$SANDBOX/work/deep"
cp -R "$FIXTURES/basic/records" "$RECS"
# Run from a folder outside the records: a name used as a relative path
# would land next to us, where we look.
cd "$SANDBOX/work/deep"
export MENTOR_DIR="$RECS"

outside_listing="$TMP/outside.before"
list_outside() {
  find "$SANDBOX" -path "$RECS" -prune -o -print | LC_ALL=C sort
  ls -A /etc | grep -E '^passwd' || true
  ls -A / | LC_ALL=C sort
}
list_outside >"$outside_listing"

expect_nothing_outside() {
  local now="$TMP/outside.now"
  list_outside >"$now"
  if ! cmp -s "$outside_listing" "$now"; then
    fail "something was created outside the records directory:
$(diff "$outside_listing" "$now" | head -n 20)"
  else
    pass
  fi
  # Inside the records: only the expected top-level entries.
  local top
  top="$(ls -A "$RECS" | grep -vxE 'mentor\.yaml|people|pairings|\.mentor|\.gitignore|\.gitattributes' || true)"
  if [[ -n "$top" ]]; then
    fail "unexpected entries at the top of the records directory: $top"
  else
    pass
  fi
  local stray
  stray="$(find "$RECS/people" "$RECS/pairings" -mindepth 1 \( -type d -o ! -name '*.yaml' \) -print)"
  if [[ -n "$stray" ]]; then
    fail "unexpected entries in people/ or pairings/: $stray"
  else
    pass
  fi
}

is_slug() {
  [[ ${#1} -le 64 && "$1" =~ ^[a-z0-9]+(-[a-z0-9]+)*$ ]]
}

# --- --id must be a slug -----------------------------------------------------

BAD_IDS=(
  '../x' '/etc/passwd' "$SANDBOX/escaped" 'a/b' 'A B' '..' '.' '' 'x/../../y' '-x' 'x-' 'a--b'
  'Upper' 'zoë' 'x.yaml' 'a_b' ' x' $'x\ny' "$(printf 'a%.0s' {1..65})"
)
for id in "${BAD_IDS[@]}"; do
  section "add --id $(printf '%q' "$id") is a usage error"
  mentor add "Some Body" --id "$id"
  expect_exit 2
  expect_error_format
  expect_nothing_outside
done
expect_missing "$RECS/people/some-body.yaml"

section "a 64-character id is fine"
id64="$(printf 'b%.0s' {1..64})"
mentor add "Long Id" --id "$id64"
expect_exit 0
expect_file_exists "$RECS/people/$id64.yaml"
expect_nothing_outside

# --- names without usable letters need --id -----------------------------------

for name in '' '!!!' '..' '.' '/' '../..' '---' '张伟' '🙂' '   '; do
  section "add $(printf '%q' "$name") asks for --id"
  mentor add "$name"
  expect_exit 2
  expect_error_format
  # An empty or blank name is refused as such; --id would not help there.
  if [[ -n "${name// /}" ]]; then
    expect_stderr_contains "--id"
  fi
  expect_nothing_outside
done

section "add '张伟' --id zhang-wei works and keeps the name"
mentor add '张伟' --id zhang-wei
expect_exit 0
expect_stdout_names_file "added 张伟: " people/zhang-wei.yaml
expect_yaml "$RECS/people/zhang-wei.yaml" name = '张伟'

# --- WHO is never a path (checked before any name looks like one) --------------

for who in '../mentor' '../../etc/passwd' '/etc/passwd' "$RECS/pairings/phil-rumens--zoe-nunez" \
  'pairings/phil-rumens--zoe-nunez' 'phil-rumens--zoe-nunez.yaml' '..' '.'; do
  section "log $(printf '%q' "$who") is not found"
  snapshot "$RECS/pairings/phil-rumens--zoe-nunez.yaml"
  mentor log "$who" "x" --today "$TODAY"
  if [[ "$CODE" != 1 && "$CODE" != 2 ]]; then
    fail "expected exit 1 (unknown) or 2 (ambiguous), got $CODE"
  else
    pass
  fi
  expect_error_format
  expect_file_unchanged "$RECS/pairings/phil-rumens--zoe-nunez.yaml"
  expect_nothing_outside

  section "show $(printf '%q' "$who") is not found"
  mentor show "$who"
  if [[ "$CODE" != 1 && "$CODE" != 2 ]]; then
    fail "expected exit 1 or 2, got $CODE"
  else
    pass
  fi
  expect_stdout_not_contains "root:"
done

section "pair with a mentor or mentee that is a path"
for who in '../../x' '/etc/passwd' '../people/zoe-nunez'; do
  mentor pair "$who" --today "$TODAY"
  if [[ "$CODE" != 1 && "$CODE" != 2 ]]; then
    fail "pair $who: expected exit 1 or 2, got $CODE"
  else
    pass
  fi
  mentor pair zoe-nunez --mentor "$who" --today "$TODAY"
  if [[ "$CODE" != 1 && "$CODE" != 2 ]]; then
    fail "pair --mentor $who: expected exit 1 or 2, got $CODE"
  else
    pass
  fi
  expect_nothing_outside
done

# --- names that look like paths become safe slugs -------------------------------

# name => slug
declare -A NAMES=(
  ['../x']=x
  ['/etc/passwd']=etc-passwd
  ['a/b']=a-b
  ['..\..\windows']=windows
  ['~/.ssh/id_rsa']=ssh-id-rsa
  ['$(touch pwned)']=touch-pwned
  ['Ünïcódé  Nàmé']=unicode-name
  ['Zoë Núñez-Álvarez']=zoe-nunez-alvarez
)
for name in "${!NAMES[@]}"; do
  slug="${NAMES[$name]}"
  section "add $(printf '%q' "$name") -> $slug"
  mentor add "$name"
  expect_exit 0
  expect_stdout_names_file "added $name: " "people/$slug.yaml"
  expect_file_exists "$RECS/people/$slug.yaml"
  expect_yaml "$RECS/people/$slug.yaml" name = "$name"
  expect_nothing_outside
done
expect_missing "$SANDBOX/work/deep/pwned"

section "a very long name gives a slug of at most 64 characters"
long=""
for ((i = 0; i < 40; i++)); do long+="Firstname$i "; done
long+="Last"
mentor add "$long"
expect_exit 0
file="$(sed -nE 's/.*people\/([a-z0-9-]+)\.yaml$/\1/p' "$OUT_FILE")"
if ! is_slug "$file"; then
  fail "not a slug of at most 64 characters: '$file' (${#file})"
else
  pass
fi
expect_file_exists "$RECS/people/$file.yaml"
expect_yaml "$RECS/people/$file.yaml" name = "$long"
expect_nothing_outside

section "a 5000-character name without spaces"
huge="$(printf 'x%.0s' {1..5000})"
mentor add "$huge"
if [[ "$CODE" == 0 ]]; then
  pass
  file="$(sed -nE 's/.*people\/([a-z0-9-]+)\.yaml$/\1/p' "$OUT_FILE")"
  is_slug "$file" && pass || fail "not a slug of at most 64 characters: '$file'"
elif [[ "$CODE" == 2 ]]; then
  pass
else
  fail "expected exit 0 or 2"
fi
expect_nothing_outside

# --- text that tries to add keys ------------------------------------------------

section "a name with a line break cannot inject a key"
mentor add $'Mallory\nemail: evil@example.org' --org $'Org\nme: mallory' --note $'note\n---\nme: mallory'
if [[ "$CODE" == 2 ]]; then
  pass
else
  expect_exit 0
  file="$(sed -nE 's/.*people\/([a-z0-9-]+)\.yaml$/\1/p' "$OUT_FILE" | tail -n 1)"
  if [[ -z "$file" ]] || ! is_slug "$file"; then
    fail "no safe file named in the output"
  else
    pass
    expect_yaml "$RECS/people/$file.yaml" name = $'Mallory\nemail: evil@example.org'
    expect_no_yaml "$RECS/people/$file.yaml" email
    expect_no_yaml "$RECS/people/$file.yaml" me
  fi
fi
expect_yaml "$RECS/mentor.yaml" me = phil-rumens
expect_nothing_outside

section "pairing with the person named '../x' stays inside"
mentor pair x --today "$TODAY"
expect_exit 0
expect_stdout_names_file "started coaching phil-rumens--x on $TODAY: " pairings/phil-rumens--x.yaml
expect_file_exists "$RECS/pairings/phil-rumens--x.yaml"
expect_nothing_outside

section "every file written is a slug"
for f in "$RECS"/people/*.yaml "$RECS"/pairings/*.yaml; do
  base="$(basename "$f" .yaml)"
  base="${base/--/-}"
  is_slug "$base" && pass || fail "not a slug file name: $f"
done

finish
