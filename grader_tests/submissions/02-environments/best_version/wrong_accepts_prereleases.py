# Wrong: `version in spec` lets pre-releases in that nobody asked for.
def best_version(specifiers, available):
    allowed = SpecifierSet(",".join(specifiers))
    fitting = [v for v in available if Version(v) in allowed]
    if not fitting:
        raise ValueError(f"no version satisfies {', '.join(specifiers)}")
    return max(fitting, key=Version)
