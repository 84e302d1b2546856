# Correct, written another way: an ast.NodeVisitor that visits only the module's own statements
# (generic_visit does not go deeper), path building folder by folder, relative imports resolved by
# dropping trailing parts of the package, and a loop with a set of visited places instead of
# recursion.
class _Definitions(ast.NodeVisitor):
    """Record the last statement of a module's body that defines ``name``."""

    def __init__(self, name):
        self.name = name
        self.found = None

    def generic_visit(self, node):
        pass  # other statements define nothing, and nested ones do not count

    def _define(self, node, names):
        if self.name in names:
            self.found = ("here", node.lineno)

    def visit_FunctionDef(self, node):
        self._define(node, [node.name])

    visit_AsyncFunctionDef = visit_ClassDef = visit_FunctionDef

    def _targets(self, target):
        if isinstance(target, ast.Name):
            yield target.id
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                yield from self._targets(element)

    def visit_Assign(self, node):
        self._define(node, [n for target in node.targets for n in self._targets(target)])

    def visit_AnnAssign(self, node):
        if node.value is not None:
            self._define(node, list(self._targets(node.target)))

    def visit_ImportFrom(self, node):
        for alias in node.names:
            if (alias.asname or alias.name) == self.name:
                self.found = ("import", node.level, node.module, alias.name)


def find_definition(root, qualified_name):
    root = Path(root)
    *module, name = qualified_name.split(".")
    seen = set()
    while True:
        if not module:
            raise LookupError(f"{qualified_name!r}: no module to look in")
        if (tuple(module), name) in seen:
            raise LookupError(f"{qualified_name!r}: the imports go round in a circle")
        seen.add((tuple(module), name))
        folder = root
        for part in module[:-1]:
            folder = folder / part
        if (folder / f"{module[-1]}.py").is_file():
            path, package = folder / f"{module[-1]}.py", module[:-1]
        elif (folder / module[-1] / "__init__.py").is_file():
            path, package = folder / module[-1] / "__init__.py", module
        else:
            raise LookupError(f"no module {'.'.join(module)} under {root}")
        visitor = _Definitions(name)
        for statement in ast.parse(path.read_text(encoding="utf-8")).body:
            visitor.visit(statement)
        if visitor.found is None:
            raise LookupError(f"{'.'.join(module)} does not define {name!r}")
        if visitor.found[0] == "here":
            return path.relative_to(root).as_posix(), visitor.found[1]
        _, level, source, name = visitor.found
        base = package[: len(package) - (level - 1)] if level else []
        module = base + (source.split(".") if source else [])
