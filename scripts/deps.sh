#!/usr/bin/env bash
# Installs the Debian 12 packages mentor needs, when any is missing. Sourced
# by quickstart.sh (to build) and test.sh (to build and test); needs root (or
# sudo) only when something has to be installed.
set -euo pipefail

# To build mentor; scdoc turns man/*.scd into manual pages, and man-db's man
# shows them for `mentor help`.
mentor_packages=(cmake g++ make git libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev scdoc man-db)
# To test it as well: zsh and fish, where tests/e2e/test_completion.sh runs
# the completion scripts; dpkg-dev (dpkg-shlibdeps) and file, which CPack
# needs to work out the Debian package's dependencies; clang with libFuzzer
# (libclang-rt-14-dev, which clang only recommends) for the fuzz targets.
# (Install llvm too for file and line in the fuzzers' stack traces; the
# replay tests have them without it.)
mentor_test_packages=(zsh fish dpkg-dev file clang libclang-rt-14-dev)

# mentor_install_missing [PACKAGE...]: the build packages and those given.
mentor_install_missing() {
  local missing=()
  for pkg in "${mentor_packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
