# Wrong: sorts by file, then numerically by line, where the chore asks for plain sort order.
def one_liners():
    return {
        "count_rows": "tail -q -n +2 -- *.csv | wc -l",
        "largest_three": (
            "find . -maxdepth 1 -type f -printf '%s %f\\n' | sort -rn | head -n 3 | cut -d' ' -f2-"
        ),
        "find_todos": (
            "grep -rn --include='*.py' TODO . | cut -d: -f1,2 | sed 's|^\\./||' | sort -t: -k1,1 -k2,2n"
        ),
        "rename_jpeg": 'shopt -s nullglob; for f in *.jpeg; do mv -- "$f" "${f%.jpeg}.jpg"; done',
    }
