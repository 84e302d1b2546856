# Wrong: picks the newest by comparing strings, so "1.9" beats "1.10".
def best_version(specifiers, available):
    allowed = SpecifierSet(",".join(specifiers))
    fitting = [v for v in available if allowed.contains(v, prereleases=bool(allowed.prereleases))]
    if not fitting:
        raise ValueError(f"no version satisfies {specifiers}")
    return max(fitting)
