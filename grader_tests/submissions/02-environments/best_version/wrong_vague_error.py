# Wrong: the error does not say which constraints clash.
def best_version(specifiers, available):
    allowed = SpecifierSet(",".join(specifiers))
    fitting = [v for v in available if allowed.contains(v, prereleases=bool(allowed.prereleases))]
    if not fitting:
        raise ValueError("no matching version")
    return max(fitting, key=Version)
