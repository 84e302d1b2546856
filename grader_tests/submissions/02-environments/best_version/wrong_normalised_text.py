# Wrong: returns the version as packaging prints it, not as it was written in the list.
def best_version(specifiers, available):
    allowed = SpecifierSet(",".join(specifiers))
    fitting = [Version(v) for v in available
               if allowed.contains(v, prereleases=bool(allowed.prereleases))]
    if not fitting:
        raise ValueError(f"no version satisfies {', '.join(specifiers)}")
    return str(max(fitting))
