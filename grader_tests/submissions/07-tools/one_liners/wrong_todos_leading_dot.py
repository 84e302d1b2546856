# Wrong: keeps the "./" that grep -r puts before every path when given the folder ".".
def one_liners():
    return {
        "count_rows": "tail -q -n +2 -- *.csv | wc -l",
        "largest_three": (
            "find . -maxdepth 1 -type f -printf '%s %f\\n' | sort -rn | head -n 3 | cut -d' ' -f2-"
        ),
        "find_todos": "grep -rn --include='*.py' TODO . | cut -d: -f1,2 | sort",
        "rename_jpeg": 'shopt -s nullglob; for f in *.jpeg; do mv -- "$f" "${f%.jpeg}.jpg"; done',
    }
