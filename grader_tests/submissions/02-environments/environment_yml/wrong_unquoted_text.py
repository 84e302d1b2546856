# Wrong: writes the text by hand without quoting, so a name like 2024 reads back as a number
# and a pip line with a marker and quotes is mangled.
def environment_yml(name, python, conda_packages, pip_packages):
    lines = [f"name: {name}", "channels:", "  - conda-forge", "dependencies:", f"  - python={python}"]
    lines += [f"  - {p}" for p in conda_packages]
    if pip_packages:
        lines += ["  - pip", "  - pip:"] + [f"    - {p}" for p in pip_packages]
    return "\n".join(lines) + "\n"
