# Runs cases of the hostile corpus against every command; sourced by
# tests/e2e/test_hostile_*.sh after lib.sh and corpus.sh:
#
#   hostile_check_cases LISTER     LISTER prints the cases (hostile_file_cases…)
#
# Each command must exit 1 (never a crash, a hang or a signal: `timeout`
# kills what takes too long, and 137 fails the check) with an error that
# names the damaged file, and leave everything in the records directory, and
# whatever a link points to outside it, exactly as it was. The time each
# case takes to be refused is printed, and the slowest is checked.

# The longest one command may take before it counts as a hang, and the
# longest a refusal may take (they take well under 0.1 s on an idle machine;
# the margin is for a loaded one).
HOSTILE_HANG_SECONDS=20
HOSTILE_SLOW_MS=3000

HOSTILE_COMMANDS=(
  "review --today $TODAY"
  "report --month 2026-06 --today $TODAY"
  "check"
  "show zoe --today $TODAY"
  "log $HOSTILE_SLUG Notes. --today $TODAY"
  "review zoe --record Notes. --today $TODAY"
  "pair zoe --end --today $TODAY"
)

# Everything under the given paths (those that exist): names, types, modes,
# sizes, link targets, inodes and change times. A file written in any way,
# even with the same bytes, gets a new change time (only the kernel sets
# it) or a new inode, so equal stamps mean untouched files. Not .mentor/,
# mentor's own folder, where a load streams its cache into a temporary file
# (removed again when the load meets a broken file): hostile_run_case checks
# that no cache was written there.
HOSTILE_FIND_STAMP=(-name .mentor -prune -o -printf '%p %y %m %s %l %i %C@\n')
hostile_stamp() {
  find "$@" "${HOSTILE_FIND_STAMP[@]}" 2>/dev/null || true
}

# Root reads any file whatever its mode: the unreadable cases then run as
# nobody, who owns the records but may not read the file.
HOSTILE_AS=()
hostile_as_nobody_or_skip() {
  HOSTILE_AS=()
  if [[ "$(id -u)" -ne 0 ]]; then
    return 0
  fi
  if ! command -v setpriv >/dev/null 2>&1 || ! id nobody >/dev/null 2>&1; then
    echo "SKIPPED: running as root without setpriv or a nobody user, and file modes do not bind root"
    return 1
  fi
  HOSTILE_AS=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups --)
  chmod 0711 "$TMP"
  if ! "${HOSTILE_AS[@]}" "$MENTOR" --version >/dev/null 2>&1; then
    echo "SKIPPED: running as root, and nobody cannot run $MENTOR (a folder on its path is closed to others)"
    HOSTILE_AS=()
    return 1
  fi
  chown -R nobody "$1"
  echo "(as root: run as nobody, who owns the records)"
}

# Runs the commands one after the other, all under one `timeout` (one
# process per case instead of one per command: this runs a thousand
# commands). Writes N.code, N.ms, N.out and N.err for the Nth command into
# OUT; with STAMP set, N.stamp after each.
#   bash -c "$HOSTILE_RUNNER" _ OUT MENTOR STAMP_PATHS COMMAND...
HOSTILE_RUNNER='
out="$1" mentor="$2" stamp_paths="$3"
shift 3
i=0
for command in "$@"; do
  i=$((i + 1))
  start=${EPOCHREALTIME/./}
  # shellcheck disable=SC2086 # the words of the command
  $HOSTILE_AS "$mentor" $command </dev/null >"$out/$i.out" 2>"$out/$i.err"
  echo $? >"$out/$i.code"
  echo $(((${EPOCHREALTIME/./} - start) / 1000)) >"$out/$i.ms"
  if [[ -n "$stamp_paths" ]]; then
    # shellcheck disable=SC2086 # the two paths
    find $stamp_paths -name .mentor -prune -o -printf "%p %y %m %s %l %i %C@\n" >"$out/$i.stamp" 2>/dev/null
  fi
  true # the status of the runner is that of its commands, not of a find on a missing path
done
'

# hostile_run_case DIR FILE STAMP_EACH: every command in DIR. With
# STAMP_EACH=1 the tree is compared after each command (to find which one
# changed it), else once at the end. Sets HOSTILE_CASE_MS to the slowest
# command; returns 2 when something changed.
hostile_run_case() {
  local dir="$1" file="$2" stamp_each="$3" out="$1.results$3" before i code ms command status stamp_paths=""
  mkdir "$out"
  before="$(hostile_stamp "$dir" "$dir.outside")"
  if ((stamp_each)); then
    stamp_paths="$dir $dir.outside"
    echo "$before" >"$out/0.stamp"
  fi
  cd "$dir"
  set +e
  HOSTILE_AS="${HOSTILE_AS[*]}" timeout -s KILL "$HOSTILE_HANG_SECONDS" bash -c "$HOSTILE_RUNNER" _ "$out" "$MENTOR" \
    "$stamp_paths" "${HOSTILE_COMMANDS[@]}"
  status=$?
  set -e
  cd "$TMP"
  if ((status != 0)); then
    fail "the commands did not finish within $HOSTILE_HANG_SECONDS s (a hang?), or their runner failed ($status)"
  fi
  HOSTILE_CASE_MS=0
  i=0
  for command in "${HOSTILE_COMMANDS[@]}"; do
    i=$((i + 1))
    # What lib.sh's fail shows.
    LAST_CMD="(in $dir) mentor $command"
    OUT_FILE="$out/$i.out" ERR_FILE="$out/$i.err"
    code=-1 ms=0 OUT="" ERR=""
    [[ -f "$out/$i.code" ]] && read -r code <"$out/$i.code"
    [[ -f "$out/$i.ms" ]] && read -r ms <"$out/$i.ms"
    [[ -f "$OUT_FILE" ]] && { IFS= read -r -d '' OUT <"$OUT_FILE" || true; }
    [[ -f "$ERR_FILE" ]] && { IFS= read -r -d '' ERR <"$ERR_FILE" || true; }
    CODE=$code
    ((ms > HOSTILE_CASE_MS)) && HOSTILE_CASE_MS=$ms
    if [[ "$code" -ne 1 ]]; then
      fail "mentor $command: exit $code, expected 1$( ((code >= 128)) && echo " (killed by signal $((code - 128)))")"
    else
      pass
    fi
    # The file is named: on stdout for check (its report), else on stderr.
    if [[ "$command" == check ]]; then
      [[ "$OUT" == *"$file"* ]] && pass || fail "mentor check does not name $file"
    elif [[ "$ERR" != "mentor: error: "* || "$ERR" != *"$file"* ]]; then
      fail "mentor $command: stderr is not an error naming $file"
    else
      pass
    fi
    if ((stamp_each)) && ! cmp -s "$out/$((i - 1)).stamp" "$out/$i.stamp"; then
      fail "mentor $command changed files:
$(diff "$out/$((i - 1)).stamp" "$out/$i.stamp" | head -n 20)"
    fi
  done
  OUT_FILE="$TMP/.last-stdout" ERR_FILE="$TMP/.last-stderr"
  # The cache is kept for clean loads only: a refusal writes none.
  if [[ -e "$dir/.mentor/cache" ]]; then
    fail "a refused command wrote .mentor/cache"
  fi
  if ! ((stamp_each)) && [[ "$(hostile_stamp "$dir" "$dir.outside")" != "$before" ]]; then
    return 2
  fi
  return 0
}

hostile_check_cases() {
  local lister="$1" cases=0 name file maker dir status slowest_ms=0 slowest_case="" summary="$TMP/timings"
  : >"$summary"

  section "the intact records pass every command"
  hostile_records "$TMP/base"
  cp -a "$TMP/base" "$TMP/intact"
  cd "$TMP/intact"
  for command in "${HOSTILE_COMMANDS[@]}"; do
    # shellcheck disable=SC2086 # the words of the command
    mentor $command
    expect_exit 0
  done
  cd "$TMP"

  while IFS='|' read -r name file maker; do
    cases=$((cases + 1))
    section "$name"
    dir="$TMP/case$cases"
    cp -a "$TMP/base" "$dir"
    eval "hostile_make \"\$dir\" $maker"
    HOSTILE_AS=()
    if [[ "$maker" == hostile_unreadable* ]] && ! hostile_as_nobody_or_skip "$dir"; then
      rm -rf "$dir"
      continue
    fi
    status=0
    hostile_run_case "$dir" "$file" 0 || status=$?
    if ((status == 0)); then
      pass
    else
      # Something changed: again from the start, to say which command did it.
      chmod -R u+rwX "$dir" "$dir.outside" 2>/dev/null || true
      rm -rf "$dir" "$dir.outside" "$dir.results0"
      cp -a "$TMP/base" "$dir"
      eval "hostile_make \"\$dir\" $maker"
      [[ "$maker" == hostile_unreadable* ]] && hostile_as_nobody_or_skip "$dir"
      hostile_run_case "$dir" "$file" 1 || true
    fi
    printf '%6d ms  %s\n' "$HOSTILE_CASE_MS" "$name" >>"$summary"
    if ((HOSTILE_CASE_MS > slowest_ms)); then
      slowest_ms=$HOSTILE_CASE_MS
      slowest_case=$name
    fi
    [[ "$maker" != hostile_unreadable* ]] || chmod -R u+rwX "$dir"
    rm -rf "$dir" "$dir.outside" "$dir.results0" "$dir.results1"
  done < <("$lister")

  section "how long a refusal takes (the slowest command of each case)"
  # sed, not head: head exits after six lines, and a sort still writing then
  # dies of SIGPIPE, which pipefail turns into a failed test now and then.
  sort -rn "$summary" | sed -n '1,6p'
  echo "$cases cases, ${#HOSTILE_COMMANDS[@]} commands each; the slowest: $slowest_case, $slowest_ms ms"
  if ((slowest_ms > HOSTILE_SLOW_MS)); then
    fail "refusing \"$slowest_case\" took $slowest_ms ms (more than $HOSTILE_SLOW_MS)"
  else
    pass
  fi
}
