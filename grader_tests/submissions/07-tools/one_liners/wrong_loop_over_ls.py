# Wrong: loops over $(ls *.jpeg), which splits names with spaces and complains when there is
# no .jpeg file.
def one_liners():
    return {
        "count_rows": "tail -q -n +2 -- *.csv | wc -l",
        "largest_three": (
            "find . -maxdepth 1 -type f -printf '%s %f\\n' | sort -rn | head -n 3 | cut -d' ' -f2-"
        ),
        "find_todos": "grep -rn --include='*.py' TODO . | cut -d: -f1,2 | sed 's|^\\./||' | sort",
        "rename_jpeg": 'for f in $(ls *.jpeg); do mv -- "$f" "${f%.jpeg}.jpg"; done',
    }
