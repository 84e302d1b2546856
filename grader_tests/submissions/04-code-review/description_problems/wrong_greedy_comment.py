# Wrong: a greedy pattern removes everything from the first <!-- to the last -->.
def description_problems(text):
    import re

    required = ["What", "Why", "How tested"]
    text = re.sub(r"<!--.*-->", "", text, flags=re.DOTALL)
    filled, current = set(), None
    for line in text.splitlines():
        heading = re.match(r"#{1,6}\s+(.*)$", line.strip())
        if heading:
            current = heading.group(1).strip().rstrip(":").strip().lower()
        elif line.strip() and current is not None:
            filled.add(current)
    return [name for name in required if name.lower() not in filled]