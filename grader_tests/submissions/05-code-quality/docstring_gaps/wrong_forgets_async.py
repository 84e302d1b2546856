# Wrong: looks only for ast.FunctionDef, so async functions and methods are never checked.
def docstring_gaps(module_source):
    """Return the public functions and classes of a module whose docstrings fall short.

    Args:
        module_source: the module's code, as text.

    Returns:
        The ``(name, problem)`` pairs in the order the definitions appear in the source.
    """
    import re

    def parameters(node, is_method):
        arguments = node.args
        names = [a.arg for a in arguments.posonlyargs + arguments.args]
        if is_method and names and names[0] in ("self", "cls"):
            names = names[1:]
        if arguments.vararg:
            names.append("*" + arguments.vararg.arg)
        names += [a.arg for a in arguments.kwonlyargs]
        if arguments.kwarg:
            names.append("**" + arguments.kwarg.arg)
        return names

    def documented(docstring):
        """Return the names under Args:, or None if there is no Args: section."""
        lines = docstring.splitlines()
        for index, line in enumerate(lines):
            if line.strip() == "Args:":
                indent = len(line) - len(line.lstrip())
                names, inner = [], None
                for entry in lines[index + 1 :]:
                    if not entry.strip():
                        continue
                    depth = len(entry) - len(entry.lstrip())
                    if depth <= indent:
                        break
                    inner = depth if inner is None else inner
                    match = re.match(r"(\*{0,2}\w+)(?: \([^)]*\))?:", entry.strip())
                    if depth == inner and match:
                        names.append(match.group(1))
                return names
        return None

    def check(node, name, is_method, gaps):
        docstring = ast.get_docstring(node)
        if docstring is None:
            gaps.append((name, "missing"))
        elif not isinstance(node, ast.ClassDef):
            names = documented(docstring)
            if names is not None and sorted(names) != sorted(parameters(node, is_method)):
                gaps.append((name, "mismatch"))

    functions = (ast.FunctionDef,)
    gaps = []
    for node in ast.parse(module_source).body:
        if isinstance(node, functions + (ast.ClassDef,)) and not node.name.startswith("_"):
            check(node, node.name, False, gaps)
            if isinstance(node, ast.ClassDef):
                for member in node.body:
                    if isinstance(member, functions) and not member.name.startswith("_"):
                        check(member, f"{node.name}.{member.name}", True, gaps)
    return gaps
