# Wrong: calls a name misleading whenever the expression mentions the other word at all, even
# when it also mentions the name's own (train_share = len(X_train) / (len(X_train) + len(X_test))).
def review(diff_text):
    import re
    from pathlib import PurePosixPath

    from unidiff import PatchSet

    def parts(name):
        return {part.lower() for part in name.split("_") if part}

    def names(expression):
        return re.findall(r"[A-Za-z_][A-Za-z0-9_]*", expression)

    def leaks(text):
        for match in re.finditer(r"\.fit(?:_transform)?\(\s*([^,)]*)", text):
            argument = match.group(1).strip()
            plain = re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", argument)
            if not (plain and "train" in parts(argument)):
                return True
        return False

    def off_by_one(text):
        for inside in re.findall(r"\[([^\[\]]*)\]", text):
            if ":" in inside and any(
                re.search(r"\S\s*[-+]\s*1$", bound.strip()) for bound in inside.split(":")
            ):
                return True
        return False

    def mutable_default(text):
        if not re.match(r"\s*(async\s+)?def\s", text):
            return False
        return bool(re.search(r"=\s*(\[|\{|list\(\)|dict\(\)|set\(\))", text))

    def wrong_axis(text):
        return bool(
            re.search(r"\b(mean|std|var|min|max|median)\(", text)
            and re.search(r"\baxis\s*=\s*1\b", text)
        )

    def misleading(text):
        match = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)(.*)", text)
        if not match:
            return False
        target, used = parts(match.group(1)), set()
        for name in names(match.group(2)):
            used |= parts(name)
        return ("train" in target and "test" in used) or ("test" in target and "train" in used)

    rules = {
        "leakage": leaks,
        "off-by-one": off_by_one,
        "mutable-default": mutable_default,
        "wrong-axis": wrong_axis,
        "misleading-name": misleading,
    }
    patch = PatchSet(diff_text)
    touched = {PurePosixPath(patched.path).name for patched in patch}
    findings = set()
    for patched in patch:
        if not patched.path.endswith(".py"):
            continue
        name = PurePosixPath(patched.path).name
        if patched.added and not name.startswith("test_") and name != "__init__.py":
            if f"test_{name}" not in touched:
                findings.add((patched.path, 0, "missing-test"))
        for hunk in patched:
            new_lines = [line for line in hunk if not line.is_removed]
            for index, line in enumerate(new_lines):
                if not line.is_added:
                    continue
                text = line.value.rstrip("\n")
                for category, breaks in rules.items():
                    if breaks(text):
                        findings.add((patched.path, line.target_line_no, category))
                if re.match(r"\s*except\b.*:\s*pass\s*$", text):
                    findings.add((patched.path, line.target_line_no, "swallowed-exception"))
                elif re.match(r"\s*except\b.*:\s*$", text):
                    following = [n.value.strip() for n in new_lines[index + 1 :] if n.value.strip()]
                    if following[:1] == ["pass"]:
                        findings.add((patched.path, line.target_line_no, "swallowed-exception"))
    return sorted(findings)