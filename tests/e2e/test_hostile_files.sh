#!/usr/bin/env bash
# Hostile files and folders (tests/hostile/corpus.sh): 100,000 nested
# brackets, alias bombs, a 60 MB file, invalid UTF-8, NUL bytes, tabs,
# duplicate keys, two documents, folders, pipes and links where files
# belong, unreadable files, linked folders. Every command exits 1 naming the
# file, and nothing changes (tests/hostile/check_cases.sh).
source "$(dirname "$0")/lib.sh" "$@"
source "$MENTOR_SOURCE_DIR/tests/hostile/corpus.sh"
source "$MENTOR_SOURCE_DIR/tests/hostile/check_cases.sh"

hostile_check_cases hostile_file_cases
finish
