#!/usr/bin/env bash
# The Debian package, built by CPack from this build tree and installed with
# a real `dpkg -i`, into a scratch root rather than this machine's /:
# nothing outside $TMP is touched, and no root is needed (--force-not-root).
# The scratch dpkg database holds this machine's own entries for exactly the
# packages that the .deb depends on, so dpkg checks the Depends for real: a
# dependency missing here, or too old, makes the install fail.
#
# Checked: the control fields (version from the project, Depends worked out
# by dpkg-shlibdeps, section, priority, maintainer, description); the files
# (all under /usr, owned by root, sane modes, the same set that `cmake
# --install` places, man pages gzipped); then, installed: `mentor --version`,
# `man mentor` (man -l, and man's own search with MANPATH), `mentor help`
# finding the installed pages; `dpkg -r` removes every file again.
#
# Env: MENTOR_BUILD_DIR (the build tree), CPACK and CMAKE (the programs),
# MENTOR_MAN_DIR (empty when the manual is not built: then skipped).
source "$(dirname "$0")/../e2e/lib.sh" "$@"

BUILD="${MENTOR_BUILD_DIR:?MENTOR_BUILD_DIR is the build tree}"
CPACK="${CPACK:-cpack}"
CMAKE="${CMAKE:-cmake}"
# Without the manual the package would lack it: skipped then.
require_manual
for tool in dpkg dpkg-deb dpkg-query dpkg-shlibdeps file; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is needed (Debian packages dpkg, dpkg-dev, file; see scripts/deps.sh)" >&2
    exit 1
  fi
done

version="$("$MENTOR" --version | awk '{ print $2 }')"
arch="$(dpkg --print-architecture)"
deb="$TMP/out/mentor_${version}_${arch}.deb"

section "cpack builds the .deb"
run "$CPACK" --config "$BUILD/CPackConfig.cmake" -B "$TMP/out"
expect_exit 0
expect_file_exists "$deb"
[[ -f "$deb" ]] || finish

section "control fields"
field() {
  dpkg-deb --field "$deb" "$1"
}
expect_field() {
  local value
  value="$(field "$1")"
  if [[ "$value" != $2 ]]; then
    LAST_CMD="dpkg-deb --field $deb $1"
    fail "$1 is '$value', expected $2"
  else
    pass
  fi
}
expect_field Package mentor
expect_field Version "$version"
expect_field Architecture "$arch"
expect_field Section utils
expect_field Priority optional
expect_field Maintainer "?* <?*@?*>"
expect_field Recommends "*man-db*"
description="$(field Description)"
[[ "$(head -n 1 <<<"$description")" == "record keeper for coaches and mentors"* ]] && pass \
  || fail "the Description's first line is not the summary: $(head -n 1 <<<"$description")"
[[ "$(wc -l <<<"$description")" -ge 3 ]] && pass || fail "the Description has no long description"

depends="$(field Depends)"
# Each as "NAME (>= VERSION)", NAME compared whole.
for library in libc6 libstdc++6 libfmt9 libyaml-cpp0.7; do
  if tr ',' '\n' <<<"$depends" | awk -v name="$library" '
      { sub(/^ +/, "") }
      $1 == name && $2 == "(>=" { found = 1 }
      END { exit !found }'; then
    pass
  else
    LAST_CMD=""
    fail "Depends does not name $library with a version: $depends"
  fi
done
if grep -qE -- '-dev\b' <<<"$depends"; then
  fail "Depends names a -dev package: $depends"
else
  pass
fi

section "files: all under /usr, owned by root, the same as cmake --install"
dpkg-deb --contents "$deb" >"$TMP/contents"
awk '$2 != "root/root" { print }' "$TMP/contents" >"$TMP/not-root"
[[ ! -s "$TMP/not-root" ]] && pass || fail "not owned by root/root: $(head -n 3 "$TMP/not-root")"
awk '{ print $6 }' "$TMP/contents" | grep -v '^\./$' | grep -v '^\./usr/' >"$TMP/outside" || true
[[ ! -s "$TMP/outside" ]] && pass || fail "outside /usr: $(head -n 3 "$TMP/outside")"
awk '$1 ~ /^-/ { print $1, $6 }' "$TMP/contents" | sed 's#\./#/#' | LC_ALL=C sort >"$TMP/files"
if [[ "$(grep ' /usr/bin/mentor$' "$TMP/files")" == "-rwxr-xr-x /usr/bin/mentor" ]]; then pass; else
  fail "/usr/bin/mentor is missing or not -rwxr-xr-x"
fi
if grep -v ' /usr/bin/' "$TMP/files" | grep -qv '^-rw-r--r-- '; then
  fail "files that are not -rw-r--r--: $(grep -v ' /usr/bin/' "$TMP/files" | grep -v '^-rw-r--r-- ' | head -n 3)"
else
  pass
fi
cut -d" " -f2 "$TMP/files" | LC_ALL=C sort >"$TMP/paths"
for page in "$MAN_DIR"/man*/*.gz; do
  expect_file_has "$TMP/paths" "/usr/share/man/$(basename "$(dirname "$page")")/$(basename "$page")"
done
expect_file_has "$TMP/paths" /usr/share/man/man1/mentor.1.gz
expect_file_has "$TMP/paths" /usr/share/man/man5/mentor.5.gz
expect_file_has "$TMP/paths" /usr/share/doc/mentor/copyright
expect_file_has "$TMP/paths" /usr/share/doc/mentor/README.md.gz
# The shell completions, where bash-completion, zsh and fish look.
expect_file_has "$TMP/paths" /usr/share/bash-completion/completions/mentor
expect_file_has "$TMP/paths" /usr/share/zsh/vendor-completions/_mentor
expect_file_has "$TMP/paths" /usr/share/fish/vendor_completions.d/mentor.fish
if grep '^/usr/share/man/' "$TMP/paths" | grep -qv '\.gz$'; then
  fail "manual pages not gzipped: $(grep '^/usr/share/man/' "$TMP/paths" | grep -v '\.gz$' | head -n 3)"
else
  pass
fi
# Whatever the project installs is in the package, and nothing else.
run env DESTDIR="$TMP/staged" "$CMAKE" --install "$BUILD" --prefix /usr
expect_exit 0
(cd "$TMP/staged" && find . -type f -o -type l) | sed 's#^\./#/#' | LC_ALL=C sort >"$TMP/installed"
if cmp -s "$TMP/installed" "$TMP/paths"; then pass; else
  LAST_CMD=""
  fail "the package's files differ from what cmake --install places:
$(diff -u --label 'cmake --install' --label '.deb' "$TMP/installed" "$TMP/paths" | head -n 20)"
fi

section "dpkg -i into a scratch root, with this machine's packages as the dependencies"
ROOT="$TMP/root"
# new_root DIR: an empty dpkg database under DIR.
new_root() {
  mkdir -p "$1/var/lib/dpkg/info" "$1/var/lib/dpkg/updates" "$1/var/lib/dpkg/triggers"
  : >"$1/var/lib/dpkg/status"
  : >"$1/var/lib/dpkg/available"
}
new_root "$ROOT"
# The installed packages that Depends names (alternatives too), as dpkg's
# status file on this machine has them.
for package in $(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*//; s/^ *//; s/ *$//' | sed '/^$/d' | LC_ALL=C sort -u); do
  if dpkg-query --status "$package" >>"$ROOT/var/lib/dpkg/status" 2>/dev/null; then
    echo >>"$ROOT/var/lib/dpkg/status"
    : >"$ROOT/var/lib/dpkg/info/$(dpkg-query --show --showformat='${binary:Package}' "$package").list"
  fi
done
dpkg_in() {
  local root="$1"
  shift
  local options=(--root="$root" --log="$TMP/dpkg.log")
  [[ "$(id -u)" -eq 0 ]] || options+=(--force-not-root)
  # Re-include /usr whatever this machine's dpkg.cfg.d excludes (slim
  # containers drop /usr/share/man): the package's files are what is checked.
  options+=(--path-include='/usr/*')
  run dpkg "${options[@]}" "$@"
}
dpkg_in "$ROOT" --install "$deb"
expect_exit 0
dpkg_in "$ROOT" --status mentor
expect_stdout_contains "Status: install ok installed"
expect_stdout_contains "Version: $version"
dpkg_in "$ROOT" --listfiles mentor
for path in /usr/bin/mentor /usr/share/man/man1/mentor.1.gz /usr/share/man/man5/mentor.5.gz; do
  expect_stdout_contains "$path"
done

section "the same install without those packages fails on the dependencies"
new_root "$TMP/bare"
dpkg_in "$TMP/bare" --install "$deb"
[[ "$CODE" -ne 0 ]] && pass || fail "dpkg installed the package with none of its dependencies"
expect_stderr_contains "dependency problems"

section "installed: mentor --version, and stripped"
run "$ROOT/usr/bin/mentor" --version
expect_exit 0
expect_stdout_equals "mentor $version"
run file "$ROOT/usr/bin/mentor"
expect_stdout_contains ", stripped"
cp -R "$MENTOR_SOURCE_DIR/examples" "$TMP/examples"
run "$ROOT/usr/bin/mentor" --dir "$TMP/examples" --today 2026-11-22 list pairings
expect_exit 0
expect_stdout_contains "phil-rumens--zoe-nunez"

section "installed: man mentor"
export MANPAGER=cat MANWIDTH=80
run man -l "$ROOT/usr/share/man/man1/mentor.1.gz"
expect_exit 0
expect_stdout_contains "mentor - keep a coach's or mentor's records in plain YAML files"
# man's own search, as on a system where the package is installed in /usr.
run env MANPATH="$ROOT/usr/share/man" man mentor
expect_exit 0
expect_stdout_contains "mentor - keep a coach's or mentor's records in plain YAML files"
run env MANPATH="$ROOT/usr/share/man" man 5 mentor
expect_exit 0
expect_stdout_contains "THE PROMISE ABOUT FILES"
run env MANPATH="$ROOT/usr/share/man" man mentor-log
expect_exit 0
expect_stdout_contains "mentor-log - record a session"
# mentor help finds the pages installed beside the binary.
run "$ROOT/usr/bin/mentor" help report
expect_exit 0
expect_stdout_contains "mentor-report - summaries for a period"
if [[ -s "$ERR_FILE" ]]; then fail "mentor help wrote to stderr"; else pass; fi

section "dpkg -r removes every file"
dpkg_in "$ROOT" --remove mentor
expect_exit 0
expect_missing "$ROOT/usr/bin/mentor"
left="$(find "$ROOT" -path "$ROOT/var" -prune -o -type f -print | head -n 3)"
[[ -z "$left" ]] && pass || fail "left behind: $left"
dpkg_in "$ROOT" --status mentor
expect_stdout_not_contains "Status: install ok installed"

finish
