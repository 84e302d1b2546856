# Wrong: does not notice imports that go round in a circle, and recurses until Python gives up
# with a RecursionError instead of a LookupError.
def find_definition(root, qualified_name):
    root = Path(root)

    def module_file(module):
        parts = module.split(".")
        for candidate in (
            root.joinpath(*parts[:-1], parts[-1] + ".py"),
            root.joinpath(*parts, "__init__.py"),
        ):
            if candidate.is_file():
                return candidate
        raise LookupError(f"no module {module!r} under {root}")

    def bound_names(target):
        if isinstance(target, ast.Name):
            return [target.id]
        if isinstance(target, (ast.Tuple, ast.List)):
            return [name for element in target.elts for name in bound_names(element)]
        return []

    def lookup(module, name, seen):
        path = module_file(module)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        found = None
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                if node.name == name:
                    found = ("here", node.lineno)
            elif isinstance(node, ast.Assign):
                if any(name in bound_names(target) for target in node.targets):
                    found = ("here", node.lineno)
            elif isinstance(node, ast.AnnAssign):
                if node.value is not None and name in bound_names(node.target):
                    found = ("here", node.lineno)
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if (alias.asname or alias.name) == name:
                        base = package
                        for _ in range(node.level - 1):
                            base = base.rpartition(".")[0]
                        parts = [base] if node.level else []
                        source = ".".join(part for part in parts + [node.module or ""] if part)
                        found = ("import", source, alias.name)
        if found is None:
            raise LookupError(f"{module} does not define {name!r}")
        if found[0] == "import":
            return lookup(found[1], found[2], seen | {(module, name)})
        return path.relative_to(root).as_posix(), found[1]

    module, _, name = qualified_name.rpartition(".")
    if not module:
        raise LookupError(f"{qualified_name!r} names no module")
    return lookup(module, name, frozenset())
