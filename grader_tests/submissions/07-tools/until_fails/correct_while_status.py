# Correct, written another way: the loop condition is the last status, kept with "|| status=$?"
# (the capture's own status is the command's), and the report comes after the loop, with no
# empty line on standard error when the failing run printed nothing there.
def until_fails():
    return """#!/usr/bin/env bash
set -u

usage() {
    echo "Usage: bash until_fails.sh COMMAND [ARGUMENT...]" >&2
    exit 2
}

[[ $# -gt 0 ]] || usage

run=0
status=0
errors=""
while [[ $status -eq 0 ]]; do
    run=$((run + 1))
    errors=$("$@" 2>&1 >/dev/null) || status=$?
done
printf 'failed on run %d\\n' "$run"
[[ -z $errors ]] || printf '%s\\n' "$errors" >&2
exit "$status"
"""
