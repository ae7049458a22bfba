#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, builds with
# warnings as errors and runs every unit and end-to-end test through CTest;
# then builds again with AddressSanitizer and UndefinedBehaviorSanitizer and
# runs the whole suite once more. Set MENTOR_SKIP_SANITIZERS=1 to skip that
# second pass on a slow machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
mentor_install_missing
jobs=$(nproc)

echo "== build and test (-Werror)"
cmake -S . -B build-test -DMENTOR_DEV_MODE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-test -j"$jobs"
ctest --test-dir build-test --output-on-failure -j"$jobs"

if [ "${MENTOR_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== build and test with AddressSanitizer and UndefinedBehaviorSanitizer"
  cmake -S . -B build-sanitize -DMENTOR_DEV_MODE=ON -DCMAKE_BUILD_TYPE=Debug \
    -DENABLE_SANITIZER_ADDRESS=ON -DENABLE_SANITIZER_UNDEFINED=ON >/dev/null
  cmake --build build-sanitize -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-sanitize --output-on-failure -j"$jobs"
fi
