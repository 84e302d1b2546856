# Wrong: counts every line that starts with + or -, the +++ and --- file headers included.
def change_size(diff_text):
    sizes = {}
    name = None
    for line in diff_text.splitlines():
        if line.startswith("diff --git "):
            name = line.split(" b/", 1)[1]
            sizes[name] = (0, 0)
        elif line.startswith("+"):
            sizes[name] = (sizes[name][0] + 1, sizes[name][1])
        elif line.startswith("-"):
            sizes[name] = (sizes[name][0], sizes[name][1] + 1)
    return sizes


def too_big(diff_text, limit=400):
    return sum(a + r for a, r in change_size(diff_text).values()) > limit
