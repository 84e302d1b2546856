# Correct, written another way: awk skips each file's first line (FNR restarts per file), find
# prints size and name separated by a tab, grep -r without a folder prints paths without "./",
# and find -maxdepth 1 renames with -exec (no glob, so no nullglob needed).
def one_liners():
    return {
        "count_rows": "awk 'FNR > 1' ./*.csv | wc -l",
        "largest_three": (
            "find . -maxdepth 1 -type f -printf '%s\\t%f\\n' | sort -nr | head -n 3 | cut -f2-"
        ),
        "find_todos": "grep -rn --include='*.py' TODO | cut -d: -f1,2 | sort",
        "rename_jpeg": (
            "find . -maxdepth 1 -type f -name '*.jpeg' "
            "-exec sh -c 'for f; do mv -- \"$f\" \"${f%.jpeg}.jpg\"; done' sh {} +"
        ),
    }
