# Wrong: looks modules up under their import name, so sklearn and yaml are never found.
def minimal_requirements(freeze_output, imported_modules, distribution_of):
    pinned = {}
    for line in freeze_output.splitlines():
        name, sep, version = line.partition("==")
        if sep and not line.startswith(("#", "-")):
            pinned[canonicalize_name(name)] = version.strip()
    wanted = {canonicalize_name(m.split(".")[0]) for m in imported_modules}
    return sorted(f"{n}=={pinned[n]}" for n in wanted if n in pinned)
