#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, builds with
# warnings as errors, runs every unit and end-to-end test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
mentor_install_missing
jobs=$(nproc)
cmake -S . -B build-test -DMENTOR_DEV_MODE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-test -j"$jobs"
ctest --test-dir build-test --output-on-failure -j"$jobs"
