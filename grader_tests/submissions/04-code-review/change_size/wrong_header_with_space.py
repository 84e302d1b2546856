# Wrong: treats every line starting with '+++ ' or '--- ' as a file header, so a removed line
# whose text starts with '-- ' (an SQL comment, say) is not counted.
def change_size(diff_text):
    sizes = {}
    name = None
    for line in diff_text.splitlines():
        if line.startswith("diff --git "):
            name = line.split(" b/", 1)[1]
            sizes[name] = [0, 0]
        elif line.startswith("rename to "):
            sizes.pop(name)
            name = line[len("rename to ") :]
            sizes[name] = [0, 0]
        elif line.startswith(("+++ ", "--- ")):
            continue
        elif line.startswith("+"):
            sizes[name][0] += 1
        elif line.startswith("-"):
            sizes[name][1] += 1
    return {path: tuple(counts) for path, counts in sizes.items()}


def too_big(diff_text, limit=400):
    return sum(a + r for a, r in change_size(diff_text).values()) > limit
