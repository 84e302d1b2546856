# Wrong: looks for the section names anywhere in the text and for some text after them, without
# requiring headings.
def description_problems(text):
    import re

    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    lower = text.lower()
    problems = []
    for name in ["What", "Why", "How tested"]:
        at = lower.find(name.lower())
        after = lower[at + len(name) :].split("#")[0] if at >= 0 else ""
        if at < 0 or not after.strip(" :\n"):
            problems.append(name)
    return problems
