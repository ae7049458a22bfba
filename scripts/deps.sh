#!/usr/bin/env bash
# Installs the Debian 12 packages mentor needs to build and test, when any is
# missing. Sourced by quickstart.sh and test.sh; needs root (or sudo) only
# when something has to be installed.
set -euo pipefail

# scdoc turns man/*.scd into manual pages; man-db's man renders them in the
# tests and for `mentor help`. zsh and fish: tests/e2e/test_completion.sh runs
# the completion scripts in them. dpkg-dev (dpkg-shlibdeps) and file are what
# CPack needs to work out the Debian package's dependencies.
mentor_packages=(cmake g++ make git libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev scdoc man-db zsh fish dpkg-dev file)

mentor_install_missing() {
  local missing=()
  for pkg in "${mentor_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
