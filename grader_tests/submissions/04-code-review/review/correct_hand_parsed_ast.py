# Correct, written another way: parses the diff by hand from its hunk headers (no unidiff), finds
# call arguments and brackets with a small bracket-matching scanner, and reads defaults and the
# names of an assignment with ast.
import ast
import re


def review(diff_text):
    hunk_header = re.compile(r"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")

    # --- the diff, by hand: files -> hunks -> (new line number or None, kind, text) ---
    files = []  # each {"path": new path, "hunks": [[(number, kind, text), ...], ...]}
    old_left = new_left = 0
    number = 0
    for raw in diff_text.splitlines():
        if old_left > 0 or new_left > 0:
            kind, text = raw[:1], raw[1:]
            if kind == "\\":  # "\ No newline at end of file"
                continue
            if kind == "-":
                files[-1]["hunks"][-1].append((None, "-", text))
                old_left -= 1
            else:  # "+" or " " (an empty context line may have lost its space)
                files[-1]["hunks"][-1].append((number, "+" if kind == "+" else " ", text))
                number += 1
                new_left -= 1
                if kind != "+":
                    old_left -= 1
            continue
        if raw.startswith("diff --git "):
            new_path = raw.split(" b/", 1)[1] if " b/" in raw else raw
            files.append({"path": new_path, "hunks": []})
        elif raw.startswith("rename to "):
            files[-1]["path"] = raw[len("rename to ") :]
        elif raw.startswith("+++ ") and raw[4:] != "/dev/null":
            files[-1]["path"] = raw[4:].removeprefix("b/")
        else:
            match = hunk_header.match(raw)
            if match:  # a count left out of the header means 1
                old_count, start, new_count = match.groups()
                old_left, new_left = int(old_count or 1), int(new_count or 1)
                number = int(start)
                files[-1]["hunks"].append([])

    # --- small scanners ---
    def parts(name):
        return {piece.lower() for piece in name.split("_") if piece}

    def closing(text, start):
        """Index of the bracket closing the one at text[start], or len(text)."""
        depth = 0
        for index in range(start, len(text)):
            if text[index] in "([{":
                depth += 1
            elif text[index] in ")]}":
                depth -= 1
                if depth == 0:
                    return index
        return len(text)

    def top_level_split(inside, separator):
        pieces, depth, current = [], 0, ""
        for char in inside:
            if char in "([{":
                depth += 1
            elif char in ")]}":
                depth -= 1
            if char == separator and depth == 0:
                pieces.append(current)
                current = ""
            else:
                current += char
        return pieces + [current]

    def call_arguments(text, function_pattern):
        for match in re.finditer(function_pattern + r"\s*\(", text):
            opening = match.end() - 1
            yield top_level_split(text[opening + 1 : closing(text, opening)], ",")

    def leakage(text):
        for arguments in call_arguments(text, r"\.(?:fit|fit_transform)\b"):
            first = arguments[0].strip()
            if not (first.isidentifier() and "train" in parts(first)):
                return True
        return False

    def off_by_one(text):
        for index, char in enumerate(text):
            if char != "[":
                continue
            bounds = top_level_split(text[index + 1 : closing(text, index)], ":")
            if len(bounds) < 2:
                continue
            for bound in bounds:
                bound = bound.strip()
                if bound.endswith("1") and not bound[:-1].rstrip().endswith(tuple("0123456789")):
                    before = bound[:-1].rstrip()
                    if before[-1:] in ("-", "+") and before[:-1].strip():
                        return True
        return False

    def mutable_default(text):
        line = text.strip()
        if not re.match(r"(async\s+)?def\s", line):
            return False
        try:
            function = ast.parse(line + " ...").body[0]
        except SyntaxError:
            return bool(re.search(r"=\s*(\[|\{|list\(\)|dict\(\)|set\(\))", line))
        defaults = function.args.defaults + [d for d in function.args.kw_defaults if d]
        for default in defaults:
            if isinstance(default, (ast.List, ast.Dict, ast.Set)):
                return True
            if (
                isinstance(default, ast.Call)
                and isinstance(default.func, ast.Name)
                and default.func.id in ("list", "dict", "set")
                and not default.args
                and not default.keywords
            ):
                return True
        return False

    def wrong_axis(text):
        for arguments in call_arguments(text, r"\b(?:mean|std|var|min|max|median)"):
            if any(re.fullmatch(r"\s*axis\s*=\s*1\s*", argument) for argument in arguments):
                return True
        return False

    def misleading_name(text):
        try:
            tree = ast.parse(text.strip())
        except SyntaxError:
            return False
        if not tree.body or not isinstance(tree.body[0], ast.Assign):
            return False
        assign = tree.body[0]
        if len(assign.targets) != 1 or not isinstance(assign.targets[0], ast.Name):
            return False
        target, used = parts(assign.targets[0].id), set()
        for node in ast.walk(assign.value):
            if isinstance(node, ast.Name):
                used |= parts(node.id)
            elif isinstance(node, ast.Attribute):
                used |= parts(node.attr)
        for mine, other in (("train", "test"), ("test", "train")):
            if mine in target and other in used and mine not in used:
                return True
        return False

    def swallowed(text, following):
        line = text.strip()
        if not line.startswith("except") or line[6:7] not in ("", " ", ":", "("):
            return False
        _, _, rest = line.rpartition(":")
        if rest.strip():
            return rest.strip() == "pass"
        later = [other.strip() for other in following if other.strip()]
        return bool(later) and later[0] == "pass"

    line_rules = {
        "leakage": leakage,
        "off-by-one": off_by_one,
        "mutable-default": mutable_default,
        "wrong-axis": wrong_axis,
        "misleading-name": misleading_name,
    }
    basenames = {entry["path"].rsplit("/", 1)[-1] for entry in files}
    findings = []
    for entry in files:
        path = entry["path"]
        if not path.endswith(".py"):
            continue
        adds = False
        for hunk in entry["hunks"]:
            new_version = [(n, kind, text) for n, kind, text in hunk if kind != "-"]
            for position, (n, kind, text) in enumerate(new_version):
                if kind != "+":
                    continue
                adds = True
                for category, rule in line_rules.items():
                    if rule(text):
                        findings.append((path, n, category))
                if swallowed(text, [t for _, _, t in new_version[position + 1 :]]):
                    findings.append((path, n, "swallowed-exception"))
        base = path.rsplit("/", 1)[-1]
        if adds and not base.startswith("test_") and base != "__init__.py":
            if "test_" + base not in basenames:
                findings.append((path, 0, "missing-test"))
    return list(dict.fromkeys(findings))
