# Wrong: counts every line of the CSV files, headers included.
def one_liners():
    return {
        "count_rows": "cat -- *.csv | wc -l",
        "largest_three": (
            "find . -maxdepth 1 -type f -printf '%s %f\\n' | sort -rn | head -n 3 | cut -d' ' -f2-"
        ),
        "find_todos": "grep -rn --include='*.py' TODO . | cut -d: -f1,2 | sed 's|^\\./||' | sort",
        "rename_jpeg": 'shopt -s nullglob; for f in *.jpeg; do mv -- "$f" "${f%.jpeg}.jpg"; done',
    }
