# Correct, written another way: walks the diff line by line without unidiff, reading file names
# from the git headers and counting each hunk's lines by the lengths in its @@ header, so that
# content lines starting with +++ or --- are counted as content.
import re


def change_size(diff_text):
    files = []  # each [name, added, removed]
    old_left = new_left = 0
    for line in diff_text.splitlines():
        if old_left > 0 or new_left > 0:  # inside a hunk
            if line.startswith("\\"):  # "\ No newline at end of file"
                continue
            if line.startswith("+"):
                files[-1][1] += 1
                new_left -= 1
            elif line.startswith("-"):
                files[-1][2] += 1
                old_left -= 1
            else:
                old_left -= 1
                new_left -= 1
            continue
        if line.startswith("diff --git "):
            both = line[len("diff --git ") :]
            half = (len(both) - 1) // 2  # "a/<path> b/<path>" when the name did not change
            files.append([both[half + 1 :].removeprefix("b/"), 0, 0])
        elif line.startswith("rename to "):
            files[-1][0] = line[len("rename to ") :]
        elif line.startswith("--- ") and line != "--- /dev/null":
            files[-1][0] = line[4:].removeprefix("a/")
        elif line.startswith("+++ ") and line != "+++ /dev/null":
            files[-1][0] = line[4:].removeprefix("b/")
        else:
            header = re.match(r"@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@", line)
            if header:
                old_count, new_count = header.groups()
                old_left = 1 if old_count is None else int(old_count)
                new_left = 1 if new_count is None else int(new_count)
    return {name: (added, removed) for name, added, removed in files}


def too_big(diff_text, limit=400):
    total = 0
    for added, removed in change_size(diff_text).values():
        total += added + removed
    return total > limit
