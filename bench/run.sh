#!/usr/bin/env bash
# Times mentor's commands on generated records against `cat` of the same
# files, and checks the targets of issue 6. See the README, "Benchmark".
#
#   bench/run.sh [--size small|large|tiny|1k|10k|100k] [--growth] [--runs N]
#                [--mentor PATH] [--gen PATH] [--out FILE] [--modes LIST]
#                [--only REGEX] [--seed S] [--work DIR]
#
# Each round runs `cat` of every record file (the floor), then yaml-cpp's
# parser alone over every file (mentor-bench-yaml-floor, built beside the
# generator: the least a cold command can cost while yaml-cpp is the one
# parser; left out when it is not built), then every command in each mode:
#   cold  mentor's own cache removed first (rm -rf DIR/.mentor/cache)
#   pull  every record file touched first (new mtime and ctime: what a
#         `git pull` that changed every file looks like to a cache)
#   warm  run again, nothing changed (after one untimed run of the same
#         command on settled files, so that mentor's cache is filled)
# Rounds interleave the commands, so a burst of load on a shared machine
# falls on all of them alike; ratios to `cat` are the figures to compare.
# The files stay in the OS page cache throughout (warmed before the first
# round). Wall time by the shell's clock around each process; peak memory
# (max RSS) by /usr/bin/time (Debian's `time` package).
set -euo pipefail
export LC_ALL=C

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
  cat <<EOF
Options:
  --size NAME    records to generate: tiny, small (default), large, 1k, 10k, 100k
  --growth       instead: the table of how cost grows, at 1k, 10k and 100k sessions
  --runs N       timed rounds (default 5; 3 with --growth)
  --mentor PATH  the binary under test (default: build-release/src/mentor if built,
                 else build/src/mentor; build it with -DCMAKE_BUILD_TYPE=Release)
  --gen PATH     mentor-bench-gen (default: bench/mentor-bench-gen beside the binary's build)
  --out FILE     write the markdown there too (default: standard output only)
  --modes LIST   comma-separated, of cold,pull,warm (default all three)
  --only REGEX   only the commands whose id matches (ids: log-pairing, log-person,
                 review, review-who, report-month, report-icf, check)
  --seed S       generator seed (default 1)
  --work DIR     where to generate the records (default a temporary directory,
                 removed at the end)
EOF
}

die() {
  echo "bench/run.sh: error: $*" >&2
  exit 1
}

size=small
growth=0
runs=""
mentor=""
gen=""
out=""
modes="cold,pull,warm"
only=""
seed=1
work=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size="${2:?--size needs a value}"; shift 2 ;;
    --growth) growth=1; shift ;;
    --runs) runs="${2:?--runs needs a value}"; shift 2 ;;
    --mentor) mentor="${2:?--mentor needs a value}"; shift 2 ;;
    --gen) gen="${2:?--gen needs a value}"; shift 2 ;;
    --out) out="${2:?--out needs a value}"; shift 2 ;;
    --modes) modes="${2:?--modes needs a value}"; shift 2 ;;
    --only) only="${2:?--only needs a value}"; shift 2 ;;
    --seed) seed="${2:?--seed needs a value}"; shift 2 ;;
    --work) work="${2:?--work needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
runs="${runs:-$([[ $growth == 1 ]] && echo 3 || echo 5)}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number"
for m in ${modes//,/ }; do
  [[ "$m" =~ ^(cold|pull|warm)$ ]] || die "unknown mode \"$m\" (cold, pull, warm)"
done

if [[ -z "$mentor" ]]; then
  for candidate in "$root/build-release/src/mentor" "$root/build/src/mentor"; do
    if [[ -x "$candidate" ]]; then
      mentor="$candidate"
      break
    fi
  done
  [[ -n "$mentor" ]] || die "no mentor binary: build one (see the README, \"Benchmark\") or give --mentor"
fi
[[ -x "$mentor" ]] || die "not an executable: $mentor"
mentor="$(cd "$(dirname "$mentor")" && pwd)/$(basename "$mentor")"
build_dir="$(cd "$(dirname "$mentor")/.." && pwd)"
if [[ -z "$gen" ]]; then
  gen="$build_dir/bench/mentor-bench-gen"
fi
[[ -x "$gen" ]] || die "no generator at $gen: build the target mentor-bench-gen or give --gen"
yaml_floor="$(dirname "$gen")/mentor-bench-yaml-floor"
[[ -x "$yaml_floor" ]] || yaml_floor=""
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing: apt-get install time"

if [[ -n "$work" ]]; then
  mkdir -p "$work"
  [[ -z "$(ls -A "$work")" ]] || die "--work $work is not empty"
  work="$(cd "$work" && pwd)"
  keep_work=1
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/mentor-bench.XXXXXX")"
  keep_work=0
fi
cleanup() {
  if [[ $keep_work == 0 ]]; then
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

today=2026-07-01
report_args=(report --from 2016-01-01 --to 2027-01-01 --by month --format csv)
commands=(log-pairing log-person review review-who report-month report-icf check)

progress() {
  echo "bench: $*" >&2
}

# --- measuring ---------------------------------------------------------------

# measure FILE CMD...: runs CMD once (stdin /dev/null, stdout discarded) and
# appends "seconds max-rss-KiB cpu-seconds" to FILE (cpu: user + system);
# stops the benchmark if CMD fails.
measure() {
  local file="$1"
  shift
  local t0 t1
  t0=$EPOCHREALTIME
  if ! /usr/bin/time -f '%M %U %S' -o "$work/rss" "$@" </dev/null >/dev/null 2>"$work/stderr"; then
    echo "bench/run.sh: error: this command failed:" >&2
    printf '  %q' "$@" >&2
    echo >&2
    sed 's/^/  | /' "$work/stderr" >&2
    exit 1
  fi
  t1=$EPOCHREALTIME
  echo "$t0 $t1 $(tail -n 1 "$work/rss")" | awk '{ printf "%.6f %d %.2f\n", $2 - $1, $3, $4 + $5 }' >>"$file"
}

record_files() {
  find "$1/mentor.yaml" "$1/people" "$1/pairings" -name '*.yaml'
}

touch_all() {
  record_files "$1" | xargs -d '\n' touch
}

# args DIR ID: the mentor command line of a command id.
mentor_args() {
  local dir="$1" id="$2"
  local base=("$mentor" --dir "$dir" --today "$today")
  case "$id" in
    log-pairing) cmd=("${base[@]}" log "$who_pairing" "Benchmark session: checked the plan, agreed the next step.") ;;
    log-person) cmd=("${base[@]}" log "$who_person" "Benchmark session, logged by the person's id.") ;;
    review) cmd=("${base[@]}" review) ;;
    review-who) cmd=("${base[@]}" review "$who_person") ;;
    report-month) cmd=("${base[@]}" "${report_args[@]}") ;;
    report-icf) cmd=("${base[@]}" report --icf) ;;
    check) cmd=("${base[@]}" check) ;;
  esac
}

wanted() {
  [[ -z "$only" || "$1" =~ $only ]]
}

# run_mode RESULTS DIR ID MODE: prepares DIR for MODE and measures ID once.
run_mode() {
  local results="$1" dir="$2" id="$3" mode="$4"
  case "$mode" in
    cold) rm -rf "$dir/.mentor/cache" ;;
    pull) touch_all "$dir" ;;
    warm) ;;
  esac
  mentor_args "$dir" "$id"
  if [[ "$mode" == warm && "$id" != log-* ]]; then
    # Warm is a repeat: the same command once before, untimed, on files
    # that have settled (mentor does not cache a file changed within the last
    # tenth of a second, and the pull mode has just touched them all).
    sleep 0.2
    "${cmd[@]}" </dev/null >/dev/null 2>&1 || true
  fi
  measure "$results/$id.$mode" "${cmd[@]}"
}

# bench_size SIZE: generates the records and measures everything; results in
# $work/results/SIZE/, facts in $work/results/SIZE/facts.
bench_size() {
  local name="$1"
  local dir="$work/$name/records" copy="$work/$name/log-copy" single="$work/$name/single"
  local results="$work/results/$name"
  mkdir -p "$work/$name" "$results/single"
  progress "generating $name records (seed $seed)"
  "$gen" --size "$name" --seed "$seed" --out "$dir" >"$results/facts"
  who_pairing="$(sed -n 's/^who-pairing: //p' "$results/facts")"
  who_person="$(sed -n 's/^who-person: //p' "$results/facts")"
  local me
  me="$(sed -n 's/^me: *\([a-z0-9-]*\).*/\1/p' "$dir/mentor.yaml")"

  # `log` writes: it runs on a copy. The same pairing alone in a directory
  # (with mentor.yaml and its two people) is what its cost is compared with.
  cp -a "$dir" "$copy"
  mkdir -p "$single/people" "$single/pairings"
  cp -a "$dir/mentor.yaml" "$dir/.gitignore" "$dir/.gitattributes" "$single/"
  cp -a "$dir/people/$me.yaml" "$dir/people/$who_person.yaml" "$single/people/"
  cp -a "$dir/pairings/$who_pairing.yaml" "$single/pairings/"

  local cmds=() id
  for id in "${commands[@]}"; do
    if wanted "$id"; then
      cmds+=("$id")
    fi
  done

  progress "warming the page cache"
  local d
  for d in "$dir" "$copy" "$single"; do
    record_files "$d" | xargs -d '\n' cat >/dev/null
  done
  if [[ -n "$yaml_floor" ]]; then
    "$yaml_floor" "$dir" >/dev/null
  fi
  for id in "${cmds[@]}"; do
    case "$id" in
      log-*) mentor_args "$copy" "$id"; "${cmd[@]}" </dev/null >/dev/null 2>&1 || true ;;
      *) mentor_args "$dir" "$id"; "${cmd[@]}" </dev/null >/dev/null 2>&1 || true ;;
    esac
  done

  echo "load-before: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$results/facts"
  local round mode
  for ((round = 1; round <= runs; round++)); do
    progress "$name: round $round of $runs"
    measure "$results/cat" find "$dir/mentor.yaml" "$dir/people" "$dir/pairings" -name '*.yaml' -exec cat '{}' +
    if [[ -n "$yaml_floor" ]]; then
      measure "$results/yaml-floor" "$yaml_floor" "$dir"
    fi
    for id in "${cmds[@]}"; do
      for mode in ${modes//,/ }; do
        case "$id" in
          log-*)
            run_mode "$results" "$copy" "$id" "$mode"
            run_mode "$results/single" "$single" "$id" "$mode"
            ;;
          *) run_mode "$results" "$dir" "$id" "$mode" ;;
        esac
      done
    done
  done
  echo "load-after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$results/facts"
}

# --- reporting -----------------------------------------------------------------

# stats FILE: "median min max max-rss-KiB median-cpu" of the lines
# "seconds rss cpu" in FILE.
stats() {
  local cpu
  cpu="$(cut -d' ' -f3 "$1" | sort -n | awk '{ c[NR] = $1 } END { printf "%.2f", NR % 2 ? c[(NR + 1) / 2] : (c[NR / 2] + c[NR / 2 + 1]) / 2 }')"
  sort -n "$1" | awk -v cpu="$cpu" '
    { t[NR] = $1; if ($2 > rss) rss = $2 }
    END {
      median = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      printf "%.6f %.6f %.6f %d %s\n", median, t[1], t[NR], rss, cpu
    }'
}

fact() {
  sed -n "s/^$2: //p" "$work/results/$1/facts"
}

label() {
  case "$1" in
    log-pairing) echo "\`log $who_pairing \"…\"\`" ;;
    log-person) echo "\`log $who_person \"…\"\`" ;;
    review) echo "\`review\`" ;;
    review-who) echo "\`review $who_person\`" ;;
    report-month) echo "\`report --from 2016-01-01 --to 2027-01-01 --by month --format csv\`" ;;
    report-icf) echo "\`report --icf\`" ;;
    check) echo "\`check\`" ;;
  esac
}

mib() {
  awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}

# target NAME MEASURED LIMIT: a row of the targets table (at most LIMIT passes).
target_row() {
  local verdict
  verdict="$(awk -v m="$2" -v l="$3" 'BEGIN { print (m <= l) ? "pass" : "**FAIL**" }')"
  echo "| $1 | $2 | $3 | $verdict |"
}

machine_lines() {
  local cpu build_type compiler cache="$build_dir/CMakeCache.txt"
  cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
  build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache" 2>/dev/null || true)"
  compiler="$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$cache" 2>/dev/null || true)"
  if [[ -n "$compiler" && -x "$compiler" ]]; then
    compiler="$("$compiler" --version | head -n 1)"
  fi
  echo "- finished: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(nproc) cores, ${cpu:-unknown CPU}, Linux $(uname -r), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "- binary: \`$mentor\` ($("$mentor" --version)), build type ${build_type:-unknown}, ${compiler:-unknown compiler}"
  echo "- runs: $runs per command and mode, interleaved; times are wall seconds (CPU s: median user + system"
  echo "  time, at /usr/bin/time's 10 ms resolution), memory is peak RSS"
}

size_report() {
  local name="$1" results="$work/results/$1"
  who_pairing="$(fact "$name" who-pairing)"
  who_person="$(fact "$name" who-person)"
  local cat_stats cat_median
  cat_stats="$(stats "$results/cat")"
  cat_median="${cat_stats%% *}"
  echo "### $name: $(fact "$name" people) people, $(fact "$name" pairings) pairings, $(fact "$name" sessions) sessions"
  echo
  echo "$(fact "$name" bytes) bytes in $(fact "$name" files) files; load average $(fact "$name" load-before) before, $(fact "$name" load-after) after."
  echo
  echo "| command | mode | median s | min s | max s | × cat | CPU s | peak RSS MiB |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  read -r med min max rss cpu <<<"$cat_stats"
  printf '| `cat` of all record files (the floor) | | %.3f | %.3f | %.3f | 1.00 | %s | %s |\n' "$med" "$min" "$max" "$cpu" "$(mib "$rss")"
  local floor_ratio=""
  if [[ -f "$results/yaml-floor" ]]; then
    read -r med min max rss cpu <<<"$(stats "$results/yaml-floor")"
    floor_ratio="$(ratio "$med" "$cat_median")"
    printf '| yaml-cpp'"'"'s parser alone over all record files, every core (the floor of a cold command) | | %.3f | %.3f | %.3f | %s | %s | %s |\n' \
      "$med" "$min" "$max" "$floor_ratio" "$cpu" "$(mib "$rss")"
  fi
  local id mode file where
  for id in "${commands[@]}"; do
    for where in "" single/; do
      for mode in ${modes//,/ }; do
        file="$results/$where$id.$mode"
        [[ -f "$file" ]] || continue
        read -r med min max rss cpu <<<"$(stats "$file")"
        printf '| %s%s | %s | %.3f | %.3f | %.3f | %s | %s | %s |\n' "$(label "$id")" \
          "${where:+ (the pairing alone)}" "$mode" "$med" "$min" "$max" "$(ratio "$med" "$cat_median")" "$cpu" \
          "$(mib "$rss")"
      done
    done
  done
  echo

  # Issue 6's targets.
  local cold_limit warm_limit
  case "$name" in
    large|100k) cold_limit=1.9 warm_limit=0.25 ;;
    *) cold_limit=2 warm_limit=0.5 ;;
  esac
  echo "Targets (issue 6):"
  echo
  echo "| target | measured | at most | result |"
  echo "|---|---:|---:|---|"
  for mode in cold pull; do
    file="$results/report-month.$mode"
    [[ -f "$file" ]] || continue
    target_row "\`report\` by month, $mode, × cat" "$(ratio "$(stats "$file" | cut -d' ' -f1)" "$cat_median")" "$cold_limit"
  done
  for id in report-month report-icf review review-who; do
    file="$results/$id.warm"
    [[ -f "$file" ]] || continue
    target_row "$(label "$id"), warm, × cat" "$(ratio "$(stats "$file" | cut -d' ' -f1)" "$cat_median")" "$warm_limit"
  done
  for id in log-pairing log-person; do
    for mode in ${modes//,/ }; do
      file="$results/$id.$mode"
      [[ -f "$file" && -f "$results/single/$id.$mode" ]] || continue
      target_row "$(label "$id"), $mode, × the same on the pairing alone" \
        "$(ratio "$(stats "$file" | cut -d' ' -f1)" "$(stats "$results/single/$id.$mode" | cut -d' ' -f1)")" 1.5
    done
  done
  if [[ "$name" == large || "$name" == 100k ]]; then
    local peak=0
    for file in "$results"/*.*; do
      [[ "$file" == */facts ]] && continue
      rss="$(stats "$file" | cut -d' ' -f4)"
      ((rss > peak)) && peak=$rss
    done
    target_row "peak memory of any command, MiB" "$(mib "$peak")" 64
  fi
  echo
  if [[ -n "$floor_ratio" ]]; then
    if awk -v f="$floor_ratio" -v l="$cold_limit" 'BEGIN { exit !(f > l) }'; then
      echo "yaml-cpp's parser alone, with nothing built from what it reads, took ${floor_ratio}× cat: more than"
      echo "the cold target of ${cold_limit}×, which no command that parses every file with it can meet."
    else
      echo "yaml-cpp's parser alone, with nothing built from what it reads, took ${floor_ratio}× cat."
    fi
    echo
  fi
}

growth_report() {
  echo "### How cost grows"
  echo
  local s
  for s in 1k 10k 100k; do
    echo "- $s: $(fact "$s" people) people, $(fact "$s" pairings) pairings, $(fact "$s" sessions) sessions, $(fact "$s" bytes) bytes in $(fact "$s" files) files; load average $(fact "$s" load-before) before, $(fact "$s" load-after) after"
  done
  echo
  echo "Median wall seconds (× cat, median CPU seconds) and peak RSS in MiB."
  echo
  echo "| command | mode | 1k s | 1k MiB | 10k s | 10k MiB | 100k s | 100k MiB |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  local row id mode med rss cpu cat_median
  row="| \`cat\` of all record files | |"
  for s in 1k 10k 100k; do
    read -r med _ _ rss <<<"$(stats "$work/results/$s/cat")"
    row+="$(printf ' %.3f | %s |' "$med" "$(mib "$rss")")"
  done
  echo "$row"
  if [[ -f "$work/results/1k/yaml-floor" ]]; then
    row="| yaml-cpp's parser alone | |"
    for s in 1k 10k 100k; do
      cat_median="$(stats "$work/results/$s/cat" | cut -d' ' -f1)"
      read -r med _ _ rss cpu <<<"$(stats "$work/results/$s/yaml-floor")"
      row+="$(printf ' %.3f (%s×, CPU %s) | %s |' "$med" "$(ratio "$med" "$cat_median")" "$cpu" "$(mib "$rss")")"
    done
    echo "$row"
  fi
  for id in "${commands[@]}"; do
    for mode in ${modes//,/ }; do
      [[ -f "$work/results/1k/$id.$mode" ]] || continue
      who_pairing=PAIRING who_person=PERSON
      row="| $(label "$id") | $mode |"
      for s in 1k 10k 100k; do
        cat_median="$(stats "$work/results/$s/cat" | cut -d' ' -f1)"
        read -r med _ _ rss cpu <<<"$(stats "$work/results/$s/$id.$mode")"
        row+="$(printf ' %.3f (%s×, CPU %s) | %s |' "$med" "$(ratio "$med" "$cat_median")" "$cpu" "$(mib "$rss")")"
      done
      echo "$row"
    done
  done
  echo
}

# --- main ----------------------------------------------------------------------

if [[ $growth == 1 ]]; then
  sizes=(1k 10k 100k)
else
  sizes=("$size")
fi
for s in "${sizes[@]}"; do
  bench_size "$s"
done

{
  machine_lines
  echo
  if [[ $growth == 1 ]]; then
    growth_report
    for s in "${sizes[@]}"; do
      size_report "$s"
    done
  else
    size_report "$size"
  fi
} >"$work/report.md"
cat "$work/report.md"
if [[ -n "$out" ]]; then
  cp "$work/report.md" "$out"
  progress "written to $out"
fi
