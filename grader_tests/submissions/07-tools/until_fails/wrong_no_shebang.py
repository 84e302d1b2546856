# Wrong: the script starts with a comment instead of a #! line, so run as ./until_fails.sh it is
# not sure to be run by Bash.
def until_fails():
    return """# Rerun a command until it fails.
set -u
if [ "$#" -eq 0 ]; then
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
    echo "failed on run $run"
    printf '%s\\n' "$errors" >&2
    exit "$status"
done
"""
