#!/usr/bin/env bash
# Wrong types in every field of mentor.yaml, a person and a pairing (a map
# where text belongs, a list where a date belongs, a number for a status…;
# tests/hostile/corpus.sh). Every command exits 1 naming the file, and
# nothing changes (tests/hostile/check_cases.sh).
source "$(dirname "$0")/lib.sh" "$@"
source "$MENTOR_SOURCE_DIR/tests/hostile/corpus.sh"
source "$MENTOR_SOURCE_DIR/tests/hostile/check_cases.sh"

hostile_check_cases hostile_type_cases
finish
