# Correct, written another way: importlib.util.resolve_name turns a relative import into an
# absolute module name (it only computes the name, it imports nothing), the definitions are
# collected in a dict, so a later one replaces an earlier one, and the module's file is found with
# Path.joinpath on the split name.
import importlib.util


def find_definition(root, qualified_name, _seen=()):
    root = Path(root)
    module, dot, name = qualified_name.rpartition(".")
    if not dot or not module:
        raise LookupError(f"{qualified_name!r} does not name a module")
    if qualified_name in _seen:
        raise LookupError(f"{qualified_name!r} is imported in a circle")
    parts = module.split(".")
    candidates = [
        (root.joinpath(*parts).with_suffix(".py"), module.rpartition(".")[0]),
        (root.joinpath(*parts, "__init__.py"), module),
    ]
    for path, package in candidates:
        if path.is_file():
            break
    else:
        raise LookupError(f"there is no module {module!r}")
    definitions = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            definitions[node.name] = node.lineno
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            if isinstance(node, ast.AnnAssign) and node.value is None:
                continue
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            pending = list(targets)
            while pending:
                target = pending.pop()
                if isinstance(target, ast.Name):
                    definitions[target.id] = node.lineno
                elif isinstance(target, (ast.Tuple, ast.List)):
                    pending.extend(target.elts)
        elif isinstance(node, ast.ImportFrom):
            source = "." * node.level + (node.module or "")
            try:
                absolute = importlib.util.resolve_name(source, package) if node.level else source
            except ImportError as error:
                raise LookupError(f"{source!r} goes above the top-level package") from error
            for alias in node.names:
                definitions[alias.asname or alias.name] = f"{absolute}.{alias.name}"
    if name not in definitions:
        raise LookupError(f"{module} does not define {name!r}")
    where = definitions[name]
    if isinstance(where, str):
        return find_definition(root, where, _seen + (qualified_name,))
    return path.relative_to(root).as_posix(), where
