# Wrong: reads $? after counting the run, so it sees the status of the arithmetic, always 0, and
# the script never stops (the tests' time limit kills it).
def until_fails():
    return """#!/usr/bin/env bash
set -u
if [ "$#" -eq 0 ]; then
    echo "usage: until_fails.sh COMMAND [ARGUMENT...]" >&2
    exit 2
fi
run=0
while true; do
    errors=$("$@" 2>&1 >/dev/null)
    run=$((run + 1))
    status=$?
    if [ "$status" -ne 0 ]; then
        echo "failed on run $run"
        printf '%s\\n' "$errors" >&2
        exit "$status"
    fi
done
"""
