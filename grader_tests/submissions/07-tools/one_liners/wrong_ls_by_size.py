# Wrong: ls -S sorts folders in with the files (a folder has a size too), so a folder can be
# among the three largest.
def one_liners():
    return {
        "count_rows": "tail -q -n +2 -- *.csv | wc -l",
        "largest_three": "ls -S | head -n 3",
        "find_todos": "grep -rn --include='*.py' TODO . | cut -d: -f1,2 | sed 's|^\\./||' | sort",
        "rename_jpeg": 'shopt -s nullglob; for f in *.jpeg; do mv -- "$f" "${f%.jpeg}.jpg"; done',
    }
