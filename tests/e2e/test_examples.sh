#!/usr/bin/env bash
# The example records in examples/ are read without complaint: `list` and
# `show` of every person and pairing exit 0. They run on a copy; the source
# tree is never written to.
source "$(dirname "$0")/lib.sh" "$@"
require_yaml_get

SRC="$MENTOR_SOURCE_DIR/examples"
if [[ ! -f "$SRC/mentor.yaml" ]]; then
  echo "no examples/mentor.yaml under $MENTOR_SOURCE_DIR" >&2
  exit 1
fi
EX="$TMP/examples"
cp -R "$SRC" "$EX"
source_listing="$TMP/source.listing"
tree_listing "$SRC" >"$source_listing"
cd "$TMP"

section "list"
mentor --dir "$EX" list --today "$TODAY"
expect_exit 0
for f in "$EX"/people/*.yaml; do
  name="$("$YAML_GET" "$f" name 2>/dev/null || true)"
  if [[ -n "$name" ]]; then
    expect_stdout_contains "$name"
  fi
done
mentor --dir "$EX" list people --today "$TODAY"
expect_exit 0
mentor --dir "$EX" list pairings --today "$TODAY"
expect_exit 0

section "show every pairing"
count=0
for f in "$EX"/pairings/*.yaml; do
  slug="$(basename "$f" .yaml)"
  mentor --dir "$EX" show "$slug" --today "$TODAY"
  expect_exit 0
  [[ -s "$OUT_FILE" ]] && pass || fail "show $slug printed nothing"
  count=$((count + 1))
done
[[ $count -gt 0 ]] && pass || fail "no pairings in examples/"

section "show every person"
for f in "$EX"/people/*.yaml; do
  slug="$(basename "$f" .yaml)"
  mentor --dir "$EX" show "$slug" --today "$TODAY"
  expect_exit 0
  [[ -s "$OUT_FILE" ]] && pass || fail "show $slug printed nothing"
done

section "run from inside the copy, without --dir"
cd "$EX/pairings"
mentor list --today "$TODAY"
expect_exit 0

section "a log on the copy appends only"
cd "$EX"
Z=pairings/phil-rumens--zoe-nunez.yaml
if [[ -f "$Z" ]]; then
  cp "$Z" "$TMP/before.yaml"
  mentor log phil-rumens--zoe-nunez "Closing prep." --today "$TODAY"
  expect_exit 0
  size="$(stat -c %s "$TMP/before.yaml")"
  cmp -s -n "$size" "$TMP/before.yaml" "$Z" && pass || fail "the example file was changed, not appended to"
fi

section "the source tree is untouched"
expect_tree_unchanged "$SRC" "$source_listing"

finish
