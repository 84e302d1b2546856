# Wrong: calls it a clash when the two sides' newest allowed versions differ, although an
# older version may fit both.
def find_clashes(requirements_a, requirements_b, available):
    def parse(lines):
        kept = (Requirement(line) for line in lines)
        return {canonicalize_name(r.name): r.specifier for r in kept
                if not r.marker or r.marker.evaluate()}

    known = {canonicalize_name(k): v for k, v in available.items()}
    a, b = parse(requirements_a), parse(requirements_b)
    result = {}
    for name in set(a) & set(b):
        versions = sorted(known.get(name, []), key=Version)
        fits_a = [v for v in versions if a[name].contains(v, prereleases=bool(a[name].prereleases))]
        fits_b = [v for v in versions if b[name].contains(v, prereleases=bool(b[name].prereleases))]
        if fits_a[-1:] != fits_b[-1:]:
            result[name] = (fits_a, fits_b)
    return result
