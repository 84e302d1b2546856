# Wrong: exits with 1 whenever the command fails, instead of the failing run's own exit status.
def until_fails():
    return """#!/usr/bin/env bash
set -u
if [ "$#" -eq 0 ]; then
    echo "usage: until_fails.sh COMMAND [ARGUMENT...]" >&2
    exit 2
fi
run=0
while errors=$("$@" 2>&1 >/dev/null); do
    run=$((run + 1))
done
echo "failed on run $((run + 1))"
printf '%s\\n' "$errors" >&2
exit 1
"""
