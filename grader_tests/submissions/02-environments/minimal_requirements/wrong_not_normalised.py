# Wrong: keeps names as pip froze them and compares them as written, so Scikit_Learn is missed.
def minimal_requirements(freeze_output, imported_modules, distribution_of):
    pinned = {}
    for line in freeze_output.splitlines():
        name, sep, version = line.partition("==")
        if sep and not line.startswith(("#", "-")):
            pinned[name] = version.strip()
    wanted = {distribution_of.get(m.split(".")[0], m.split(".")[0]) for m in imported_modules}
    return sorted(f"{n}=={pinned[n]}" for n in wanted if n in pinned)
