# Wrong: prints the usage line on standard output, where it would be mixed up with results,
# instead of standard error.
def until_fails():
    return """#!/usr/bin/env bash
set -u
if [ "$#" -eq 0 ]; then
    echo "usage: until_fails.sh COMMAND [ARGUMENT...]"
    exit 2
fi
run=0
while true; do
    run=$((run + 1))
    if errors=$("$@" 2>&1 >/dev/null); then
        continue
    else
        status=$?
    fi
    echo "failed on run $run"
    printf '%s\\n' "$errors" >&2
    exit "$status"
done
"""
