# Wrong: names every file by the a/ path of its "diff --git" line, which is the old name of a
# renamed file.
import re


def change_size(diff_text):
    files = []
    old_left = new_left = 0
    for line in diff_text.splitlines():
        if old_left > 0 or new_left > 0:
            if line.startswith("+"):
                files[-1][1] += 1
                new_left -= 1
            elif line.startswith("-"):
                files[-1][2] += 1
                old_left -= 1
            elif not line.startswith("\\"):
                old_left -= 1
                new_left -= 1
            continue
        header = re.match(r"diff --git a/(\S+) b/", line)
        if header:
            files.append([header.group(1), 0, 0])
        counts = re.match(r"@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@", line)
        if counts:
            old_left = int(counts.group(1) or 1)
            new_left = int(counts.group(2) or 1)
    return {name: (added, removed) for name, added, removed in files}


def too_big(diff_text, limit=400):
    return sum(a + r for a, r in change_size(diff_text).values()) > limit
