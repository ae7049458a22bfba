#!/usr/bin/env bash
# Atomic and locked: 20 `mentor log` runs at once on one pairing lose
# nothing, leave no temporary files and keep the file's mode.
source "$(dirname "$0")/lib.sh" "$@"
require_yaml_get

cp -R "$FIXTURES/basic/records" "$TMP/records"
cd "$TMP/records"
FILE=pairings/phil-rumens--zoe-nunez.yaml
chmod 0640 "$FILE"
snapshot mentor.yaml people/zoe-nunez.yaml people/phil-rumens.yaml
before="$(session_count "$FILE")"
head_before="$TMP/head.before"
cp "$FILE" "$head_before"

N=20
section "$N parallel logs (as argument and from stdin, with actions)"
pids=()
for ((i = 1; i <= N; i++)); do
  if ((i % 2)); then
    "$MENTOR" log zoe "parallel note number $i" --today "$TODAY" --action "action from run $i" \
      </dev/null >"$TMP/out.$i" 2>"$TMP/err.$i" &
  else
    printf 'parallel note number %s\nsecond line of %s\n' "$i" "$i" \
      | "$MENTOR" log zoe --today "$TODAY" >"$TMP/out.$i" 2>"$TMP/err.$i" &
  fi
  pids+=($!)
done
for ((i = 1; i <= N; i++)); do
  if wait "${pids[$((i - 1))]}"; then
    pass
  else
    code=$?
    fail "run $i exited $code: $(cat "$TMP/err.$i")"
  fi
  if ! logged_line_ok "$(cat "$TMP/out.$i")" "$TODAY" 1h "Zoë Núñez" "$FILE"; then
    fail "run $i printed: $(cat "$TMP/out.$i")"
  else
    pass
  fi
done

section "every session is there, exactly once"
after="$(session_count "$FILE" || echo unreadable)"
if [[ "$after" != "$((before + N))" ]]; then
  fail "expected $((before + N)) sessions, yaml_get counts $after"
else
  pass
fi
notes="$TMP/notes"
: >"$notes"
for ((s = before; s < before + N; s++)); do
  "$YAML_GET" "$FILE" sessions "$s" notes >>"$notes" || fail "session $s has no notes"
  printf '\n' >>"$notes"
done
for ((i = 1; i <= N; i++)); do
  c="$(grep -c "^parallel note number $i\$" "$notes" || true)"
  if [[ "$c" != 1 ]]; then
    fail "note $i appears $c times"
  else
    pass
  fi
done

section "action ids are unique (a1..a10, in some order)"
ids="$(grep -E '^ +- id: a[0-9]+$' "$FILE" | sed -E 's/.*id: //' | sort)"
expected_ids="$(for ((k = 1; k <= N / 2; k++)); do echo "a$k"; done | sort)"
if [[ "$ids" != "$expected_ids" ]]; then
  fail "action ids are not a1..a$((N / 2)) once each: $(echo $ids)"
else
  pass
fi

section "the old bytes are a prefix of the new file; no leftovers"
size="$(stat -c %s "$head_before")"
if ! cmp -s -n "$size" "$head_before" "$FILE"; then
  fail "the original content was changed, not appended to"
else
  pass
fi
expect_mode "$FILE" 640
leftovers="$(find . -path ./.mentor -prune -o \( -name '*.tmp*' -o -name '.*.tmp*' -o -name '*~' \) -print)"
if [[ -n "$leftovers" ]]; then
  fail "temporary files left behind: $leftovers"
else
  pass
fi
listing="$(ls -A pairings | tr '\n' ' ')"
if [[ "$listing" != "phil-rumens--zoe-nunez.yaml " ]]; then
  fail "pairings/ holds: $listing"
else
  pass
fi
expect_file_unchanged mentor.yaml
expect_file_unchanged people/zoe-nunez.yaml
expect_file_unchanged people/phil-rumens.yaml

section "the result is still a valid file for mentor"
mentor show phil-rumens--zoe-nunez --today "$TODAY"
expect_exit 0
expect_stdout_contains "parallel note number 20"

finish
