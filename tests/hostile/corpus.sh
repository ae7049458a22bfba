# The hostile-input corpus: a records directory in which every field is
# used, and the ways to damage it. Sourced by tests/e2e/test_hostile_files.sh;
# nothing big is committed: the 60 MB file and the megabytes of brackets are
# made at test time in a temporary directory.
#
#   hostile_records DIR           writes the intact records into DIR
#   hostile_cases                 prints the cases, one a line:
#                                 NAME|FILE IT DAMAGES|MAKER ARGS...
#   MAKER DIR ARGS...             damages the records in DIR (hostile_*)
#
# Run as a script, `bash tests/hostile/corpus.sh OUTDIR` writes every case
# whose damage is the content of one file as OUTDIR/<name>.yaml (seeds for a
# fuzzer, or files to try by hand).

HOSTILE_SLUG=phil-rumens--zoe-nunez
HOSTILE_PAIRING="pairings/$HOSTILE_SLUG.yaml"

hostile_records() {
  local dir="$1"
  mkdir -p "$dir/people" "$dir/pairings"
  # mentor's own machine-local folder (lock, cache), as in any records
  # directory that has been used: check_cases.sh checks that no cache is
  # written there when a command refuses.
  mkdir -m 0700 "$dir/.mentor"
  cat >"$dir/mentor.yaml" <<'EOF'
version: 1
me: phil-rumens
defaults:
  kind: coaching
  duration: 60m
  cadence: 4w
EOF
  cat >"$dir/people/phil-rumens.yaml" <<'EOF'
name: Phil Rumens
EOF
  cat >"$dir/people/zoe-nunez.yaml" <<'EOF'
name: Zoë Núñez
email: zoe@example.org
organisation: Northgate Housing Trust
role: Head of tenant services
pseudonym: C-017
tags: [housing, new-manager]
notes: Promoted in May.
EOF
  cat >"$dir/$HOSTILE_PAIRING" <<'EOF'
# Every field mentor reads, once.
mentor: phil-rumens
mentee: zoe-nunez
kind: coaching
status: active
started: 2026-06-08
until: 2027-06-08
cadence: 4w
duration: 60m
paid: true
sponsor: Northgate Housing Trust
outcome: Runs the team without her
goals:
  - id: g1
    title: Build a team that runs without her
    measure: Two weeks away without a call
    due: 2026-12-01
    status: open
sessions:
  - date: 2026-06-08
    duration: 45m
    type: chemistry
    paid: true
    group: 1
    topics: [contracting]
    notes: First meeting.
    goals:
      g1: open
    actions:
      - id: a1
        text: Draft a delegation plan
        due: 2026-06-22
        done: 2026-06-20
EOF
  chmod 0700 "$dir" "$dir/people" "$dir/pairings"
  chmod 0600 "$dir"/mentor.yaml "$dir"/people/*.yaml "$dir"/pairings/*.yaml
}

# hostile_retype DIR FILE COL KEY VALUE: the value of KEY (whose name starts
# at column COL, counting "- " as indentation) becomes VALUE; the block
# under it, if any, goes.
hostile_retype() {
  local file="$1/$2"
  awk -v col="$3" -v key="$4" -v value="$5" '
    function indent_of(line,   n) { n = match(line, /[^ ]/); return n ? n - 1 : -1 }
    {
      line = $0
      n = indent_of(line)
      if (skipping) {
        if (n < 0 || n > block) { next }
        skipping = 0
      }
      rest = substr(line, n + 1); kc = n
      if (rest ~ /^- /) { rest = substr(rest, 3); kc = n + 2 }
      if (!done && kc == col && index(rest, key ":") == 1) {
        print substr(line, 1, kc) key ": " value
        done = 1; skipping = 1; block = kc
        next
      }
      print line
    }
    END { if (!done) { print "hostile_retype: no " key " at column " col > "/dev/stderr"; exit 1 } }
  ' "$file" >"$file.new" && mv -f "$file.new" "$file"
}

# hostile_insert DIR FILE AFTER_KEY LINE: LINE goes after the top-level key.
hostile_insert() {
  local file="$1/$2"
  awk -v after="$3" -v text="$4" '{ print } index($0, after ":") == 1 { print text }' "$file" >"$file.new" \
    && mv -f "$file.new" "$file"
}

# hostile_content DIR FILE: the file's content becomes stdin.
hostile_content() {
  cat >"$1/$2"
}

# --- makers: each damages the records in DIR -------------------------------

hostile_brackets() { # DIR FILE COUNT: a value of COUNT nested "["
  { printf 'mentor: phil-rumens\nnotes: '; head -c "$3" /dev/zero | tr '\0' '['; printf '\n'; } >"$1/$2"
}

hostile_brace_list() { # DIR FILE COUNT: "- {" then COUNT-1 more "{"
  { printf -- '- '; head -c "$3" /dev/zero | tr '\0' '{'; } >"$1/$2"
}

hostile_alias_bomb() { # DIR FILE: "a billion laughs"
  {
    printf 'mentor: phil-rumens\nmentee: zoe-nunez\n'
    printf 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    local prev=a level
    for level in b c d e f g h i; do
      printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' "$level" "$level" "$prev" "$prev" "$prev" \
        "$prev" "$prev" "$prev" "$prev" "$prev" "$prev"
      prev="$level"
    done
    printf 'notes: *i\n'
  } >"$1/$2"
}

hostile_self_alias() { # DIR FILE
  printf 'mentor: phil-rumens\ngoals: &a [*a]\n' >"$1/$2"
}

hostile_self_alias_map() { # DIR FILE
  printf 'mentor: phil-rumens\n<<: &a {b: *a}\n' >"$1/$2"
}

hostile_big() { # DIR FILE MEGABYTES: plausible sessions, far over the limit
  # yes dies of SIGPIPE when head has enough: that is how it stops.
  { sed -n '1,/^sessions:/p' "$1/$2"; yes '  - {date: 2026-06-08, duration: 45m, notes: filler filler filler}' \
    | head -c "$(($3 * 1024 * 1024))" || true; } >"$1/$2.new"
  mv "$1/$2.new" "$1/$2"
}

hostile_invalid_utf8() { # DIR FILE
  printf 'mentor: phil-rumens\nmentee: zoe-nunez\nnotes: caf\xe9 \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80\n' >"$1/$2"
}

hostile_nul() { # DIR FILE
  printf 'mentor: phil-rumens\nmentee: zoe\0-nunez\n' >"$1/$2"
}

hostile_tabs() { # DIR FILE
  sed 's/^  /\t/' "$1/$2" >"$1/$2.new" && cat "$1/$2.new" >"$1/$2" && rm -f "$1/$2.new"
}

hostile_duplicate() { # DIR FILE KEY: KEY given twice at the top
  local first
  first="$(grep -m1 "^$3:" "$1/$2")"
  printf '%s\n' "$first" >>"$1/$2"
}

hostile_two_documents() { # DIR FILE
  { cat "$1/$2"; printf -- '---\nmentor: someone-else\n'; } >"$1/$2.new"
  mv "$1/$2.new" "$1/$2"
}

hostile_empty() { # DIR FILE
  : >"$1/$2"
}

hostile_folder() { # DIR FILE: a folder where the file belongs
  rm -f "$1/$2"
  mkdir -p "$1/$2/inside"
  printf 'name: Not a record\n' >"$1/$2/inside/x.yaml"
}

hostile_fifo() { # DIR FILE: a named pipe (reading it would wait forever)
  rm -f "$1/$2"
  mkfifo "$1/$2"
}

hostile_unreadable() { # DIR FILE
  chmod 000 "$1/$2"
}

hostile_link_out() { # DIR FILE: a link to a good copy outside the records
  local outside="$1.outside"
  mkdir -p "$outside"
  cp -p "$1/$2" "$outside/$(basename "$2")"
  ln -sfn "$outside/$(basename "$2")" "$1/$2"
}

hostile_link_dev() { # DIR FILE: a link to an endless device
  ln -sfn /dev/zero "$1/$2"
}

hostile_folder_link_out() { # DIR FOLDER: the folder moves outside, a link stays
  local outside="$1.outside"
  mkdir -p "$outside"
  mv "$1/$2" "$outside/$2"
  ln -s "$outside/$2" "$1/$2"
}

hostile_folder_is_file() { # DIR FOLDER: a file where the folder belongs
  rm -rf "${1:?}/$2"
  printf 'not a folder\n' >"$1/$2"
}

# --- the cases ---------------------------------------------------------------

# NAME|FILE NAMED IN THE ERROR|MAKER ARGS (DIR is put first): the damaged
# files and folders, then (hostile_type_cases) the wrong types.
hostile_cases() {
  hostile_file_cases
  hostile_type_cases
}

hostile_file_cases() {
  local p="$HOSTILE_PAIRING" z=people/zoe-nunez.yaml m=mentor.yaml
  cat <<EOF
100,000 nested [|$p|hostile_brackets $p 100000
4 MiB of nested [|$p|hostile_brackets $p 4194000
4 MiB of nested { in a list|$p|hostile_brace_list $p 4194000
100,000 nested [ in mentor.yaml|$m|hostile_brackets $m 100000
alias bomb (a billion laughs)|$p|hostile_alias_bomb $p
self-referencing alias &a [*a]|$p|hostile_self_alias $p
self-referencing merge key|$p|hostile_self_alias_map $p
60 MB file|$p|hostile_big $p 60
60 MB person file|$z|hostile_big $z 60
invalid UTF-8|$p|hostile_invalid_utf8 $p
invalid UTF-8 in a person|$z|hostile_invalid_utf8 $z
NUL byte|$p|hostile_nul $p
NUL byte in mentor.yaml|$m|hostile_nul $m
tab indentation|$p|hostile_tabs $p
tab indentation in mentor.yaml|$m|hostile_tabs $m
duplicate key|$p|hostile_duplicate $p status
duplicate key in a person|$z|hostile_duplicate $z name
duplicate key in mentor.yaml|$m|hostile_duplicate $m me
two documents|$p|hostile_two_documents $p
two documents in a person|$z|hostile_two_documents $z
empty pairing file|$p|hostile_empty $p
empty mentor.yaml|$m|hostile_empty $m
a folder where the pairing file belongs|$p|hostile_folder $p
a folder where the person file belongs|$z|hostile_folder $z
a folder where mentor.yaml belongs|$m|hostile_folder $m
a named pipe where the pairing file belongs|$p|hostile_fifo $p
an unreadable pairing file|$p|hostile_unreadable $p
an unreadable mentor.yaml|$m|hostile_unreadable $m
a pairing file linked to outside the records|$p|hostile_link_out $p
a person file linked to outside the records|$z|hostile_link_out $z
mentor.yaml linked to outside the records|$m|hostile_link_out $m
a pairing file linked to /dev/zero|$p|hostile_link_dev $p
pairings/ linked to outside the records|pairings/|hostile_folder_link_out pairings
people/ linked to outside the records|people/|hostile_folder_link_out people
a file where pairings/ belongs|pairings|hostile_folder_is_file pairings
EOF
}

# Wrong types in every field: FILE COL KEY and the wrong values to try. Each
# field gets a map or a list where text belongs (the two alternate; every
# field reads text the same way), and, where a field reads more than text,
# a value of the wrong kind: a number for a status, a bool for a duration…
hostile_type_cases() {
  local m=mentor.yaml z=people/zoe-nunez.yaml p="$HOSTILE_PAIRING"
  local map='{x: 1}' list='[a, b]'
  local file col key values value value_list
  while IFS='|' read -r file col key values; do
    IFS=';' read -r -a value_list <<<"$values"
    for value in "${value_list[@]}"; do
      printf '%s: %s = %s|%s|hostile_retype %s %s %s %s\n' "$file" "$key" "$value" "$file" "$file" "$col" "$key" \
        "$(printf %q "$value")"
    done
  done <<EOF
$m|0|version|$map;one
$m|0|me|$list;Phil Rumens
$m|0|defaults|$list;coaching
$m|2|kind|$map;7
$m|2|duration|$list;-5
$m|2|cadence|$map;true
$z|0|name|$map
$z|0|email|$list
$z|0|organisation|$map
$z|0|role|$list
$z|0|pseudonym|$map
$z|0|tags|$map;housing
$z|0|notes|$list
$p|0|mentor|$map;Phil
$p|0|mentee|$list;zoe_nunez
$p|0|kind|$map;3
$p|0|status|$list;3
$p|0|started|$map;20260608
$p|0|until|$list;1.5
$p|0|cadence|$map;-2w
$p|0|duration|$list;true
$p|0|paid|$map;3
$p|0|sponsor|$list
$p|0|outcome|$map
$p|0|goals|$map;g1
$p|4|id|$list
$p|4|title|$map
$p|4|measure|$list
$p|4|due|$map;12
$p|4|status|$list;0
$p|0|sessions|$map;today
$p|4|date|$list;1
$p|4|duration|$map;0
$p|4|type|$list;2
$p|4|paid|$map;yes
$p|4|group|$list;-1
$p|4|topics|$map;contracting
$p|4|notes|$list
$p|4|goals|$list;g1
$p|6|g1|$map;5
$p|4|actions|$map;a1
$p|8|id|$map
$p|8|text|$list
$p|8|due|$map;false
$p|8|done|$list;2026
EOF
  printf '%s|%s|hostile_insert %s outcome %q\n' "$p: ended = [2026, 6]" "$p" "$p" 'ended: [2026, 6]'
}

# hostile_make DIR MAKER ARGS...: runs one maker on the records in DIR.
hostile_make() {
  local dir="$1" maker="$2"
  shift 2
  "$maker" "$dir" "$@"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  if [[ $# -ne 1 ]]; then
    echo "usage: bash $0 OUTDIR   (writes each one-file case as OUTDIR/<name>.yaml)" >&2
    exit 2
  fi
  out="$1"
  mkdir -p "$out"
  work="$(mktemp -d)"
  trap 'chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"' EXIT
  n=0
  while IFS='|' read -r name file maker; do
    case "$maker" in
      hostile_folder* | hostile_fifo* | hostile_unreadable* | hostile_link* | *hostile_big*) continue ;;
    esac
    n=$((n + 1))
    rm -rf "$work/r"
    hostile_records "$work/r"
    eval "hostile_make \"\$work/r\" $maker"
    cp "$work/r/$file" "$out/$(printf '%03d' "$n")-$(printf '%s' "$name" | tr -c 'A-Za-z0-9' '-' | tr -s '-' | cut -c1-60).yaml"
  done < <(hostile_cases)
  echo "wrote $n files to $out"
fi
