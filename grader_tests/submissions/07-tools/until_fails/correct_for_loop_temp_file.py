# Correct, written another way: a C-style for loop counts the runs, each run's errors go to a
# temporary file (removed by an EXIT trap) that is copied to standard error byte for byte, and the
# status is read from $? right after the run.
def until_fails():
    return """#!/usr/bin/env bash
# Rerun a command until it fails, then report the failing run and pass its errors on.
set -u
if (( $# == 0 )); then
    printf 'usage: %s COMMAND [ARGUMENT...]\\n' "$0" >&2
    exit 2
fi
errors=$(mktemp)
trap 'rm -f -- "$errors"' EXIT
for (( run = 1; ; run++ )); do
    "$@" >/dev/null 2>"$errors"
    status=$?
    if (( status != 0 )); then
        echo "failed on run $run"
        cat -- "$errors" >&2
        exit "$status"
    fi
done
"""
