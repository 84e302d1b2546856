# Correct, written another way: for loops over globs, every variable quoted: tail on one file at a
# time (so no headers), the byte count of each regular file from wc -c, find + grep -H for the
# TODOs with awk dropping the "./", and a loop that skips the unexpanded glob instead of nullglob.
def one_liners():
    return {
        "count_rows": 'for f in *.csv; do tail -n +2 -- "$f"; done | wc -l',
        "largest_three": (
            'for f in *; do if [ -f "$f" ]; then printf \'%s\\t%s\\n\' "$(wc -c < "$f")" "$f"; '
            "fi; done | sort -rn | head -n 3 | cut -f2-"
        ),
        "find_todos": (
            "find . -type f -name '*.py' -exec grep -Hn TODO {} + "
            "| awk -F: '{ sub(/^\\.\\//, \"\", $1); print $1 \":\" $2 }' | sort"
        ),
        "rename_jpeg": (
            'for f in *.jpeg; do [ -f "$f" ] || continue; mv -- "$f" "${f%.jpeg}.jpg"; done'
        ),
    }
