# Wrong: compares titles exactly as written, so "# WHAT", "### why:" and "How Tested" do not count.
def description_problems(text):
    import re

    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    filled, current = set(), None
    for line in text.splitlines():
        heading = re.match(r"#{1,6} (.*)$", line)
        if heading:
            current = heading.group(1)
        elif line.strip() and current is not None:
            filled.add(current)
    return [name for name in ["What", "Why", "How tested"] if name not in filled]
