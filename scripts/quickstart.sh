#!/usr/bin/env bash
# Installs what is missing, builds mentor, and shows it at work on examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
mentor_install_missing
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DMENTOR_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target mentor man
echo
echo "\$ mentor --dir examples --today 2026-11-22 list"
./build/src/mentor --dir examples --today 2026-11-22 list
