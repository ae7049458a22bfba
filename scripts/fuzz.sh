#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (build-fuzz/, with
# AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer) and runs
# each for a bounded time, one after the other on one core.
#
#   scripts/fuzz.sh [SECONDS [TARGET...]]     (default: 60 s each, every target)
#   MENTOR_FUZZ_BUILD=DIR scripts/fuzz.sh …   use DIR, a MENTOR_FUZZ=ON build, as it is
#
# Each run starts from the committed seeds (tests/fuzz/corpus/TARGET) and
# regressions (tests/fuzz/regressions/TARGET); inputs it finds interesting
# are kept in build-fuzz/corpus/TARGET for the next run. A crash, a leak, a
# broken property, a timeout (over 10 s for one input) or more than 2 GiB of
# memory stops the run: the input is saved under build-fuzz/findings/TARGET/,
# its path printed, and the script fails. Fix the bug, then commit the input
# under tests/fuzz/regressions/TARGET/ so that the suite replays it forever.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load log patch)

cxx=${MENTOR_FUZZ_CXX:-}
if [ -z "$cxx" ]; then
  for candidate in clang++ clang++-14; do
    if command -v "$candidate" >/dev/null; then
      cxx=$candidate
      break
    fi
  done
fi
if [ -z "$cxx" ]; then
  echo "fuzz: clang++ is not installed (scripts/deps.sh installs it)" >&2
  exit 1
fi
symbolizer=$(command -v llvm-symbolizer || command -v llvm-symbolizer-14 || true)
if [ -n "$symbolizer" ]; then
  export ASAN_SYMBOLIZER_PATH=$symbolizer
fi

# MENTOR_FUZZ_BUILD: a build folder configured with MENTOR_FUZZ=ON already
# (scripts/test.sh passes build-sanitize, where the suite ran): only the
# targets are built there. Otherwise build-fuzz/, configured here.
build=${MENTOR_FUZZ_BUILD:-build-fuzz}
if [ -z "${MENTOR_FUZZ_BUILD:-}" ]; then
  # -O1 and line tables only: quicker to build than -O2 -g, still fast to
  # run, with file and line in reports; assertions stay on.
  CXX=$cxx cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
    -DMENTOR_FUZZ=ON -DMENTOR_BUILD_TESTS=OFF -DMENTOR_BUILD_BENCH=OFF >/dev/null
elif ! grep -q '^MENTOR_FUZZ:BOOL=ON$' "$build/CMakeCache.txt" 2>/dev/null; then
  echo "fuzz: $build is not a build configured with -DMENTOR_FUZZ=ON" >&2
  exit 1
fi
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
for target in "${targets[@]}"; do
  seeds=(tests/fuzz/corpus/"$target")
  [ -d tests/fuzz/regressions/"$target" ] && seeds+=(tests/fuzz/regressions/"$target")
  mkdir -p "$build/corpus/$target" "$build/findings/$target"
  echo "== fuzz $target for ${seconds}s"
  log="$build/findings/$target.log"
  if "$build/tests/fuzz/fuzz_$target" "$build/corpus/$target" "${seeds[@]}" \
       -dict=tests/fuzz/mentor.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len=8192 -artifact_prefix="$build/findings/$target/" -print_final_stats=1 \
       >"$log" 2>&1; then
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | tr '\n' ' '
    echo
  else
    tail -n 60 "$log"
    echo "fuzz: $target FAILED; the input is:" >&2
    grep -oE "(Test unit written to|written to) [^ ]+" "$log" | sed 's/.* to /  /' >&2 || true
    echo "  replay: $build/tests/fuzz/fuzz_$target FILE; then commit FILE under tests/fuzz/regressions/$target/" >&2
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
