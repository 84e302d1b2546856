# Wrong: works on the tests' commands, but leaves $run and $status unquoted, which
# ShellCheck flags (word splitting and globbing).
def until_fails():
    return """#!/usr/bin/env bash
set -u
if [ $# -eq 0 ]; then
    echo "usage: until_fails.sh COMMAND [ARGUMENT...]" >&2
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
    echo failed on run $run
    echo "$errors" >&2
    exit $status
done
"""
