# Wrong: throws away only standard output, so the warnings that earlier runs print on standard
# error come through too, not only the failing run's errors.
def until_fails():
    return """#!/usr/bin/env bash
set -u
if [ "$#" -eq 0 ]; then
    echo "usage: until_fails.sh COMMAND [ARGUMENT...]" >&2
    exit 2
fi
run=0
while true; do
    run=$((run + 1))
    if "$@" >/dev/null; then
        continue
    else
        status=$?
    fi
    echo "failed on run $run"
    exit "$status"
done
"""
