# Wrong: starts a file at its "--- " header, so binary files and renamed files with no edited
# line, which have no such header, are left out.
import re


def change_size(diff_text):
    sizes = {}
    old = name = None
    old_left = new_left = 0
    for line in diff_text.splitlines():
        if old_left > 0 or new_left > 0:
            if line.startswith("+"):
                sizes[name][0] += 1
                new_left -= 1
            elif line.startswith("-"):
                sizes[name][1] += 1
                old_left -= 1
            elif not line.startswith("\\"):
                old_left -= 1
                new_left -= 1
        elif line.startswith("--- "):
            old = line[4:].removeprefix("a/")
        elif line.startswith("+++ "):
            name = old if line == "+++ /dev/null" else line[4:].removeprefix("b/")
            sizes[name] = [0, 0]
        elif counts := re.match(r"@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@", line):
            old_left = int(counts.group(1) or 1)
            new_left = int(counts.group(2) or 1)
    return {path: tuple(pair) for path, pair in sizes.items()}


def too_big(diff_text, limit=400):
    return sum(a + r for a, r in change_size(diff_text).values()) > limit
