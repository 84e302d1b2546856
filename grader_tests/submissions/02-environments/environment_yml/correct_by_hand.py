# Correct, written another way: writes the YAML text by hand, quoting every string.
import json


def environment_yml(name, python, conda_packages, pip_packages):
    lines = [f"name: {json.dumps(name)}", "channels:", "  - conda-forge", "dependencies:"]
    lines.append(f"  - {json.dumps('python=' + python)}")
    lines += [f"  - {json.dumps(p)}" for p in conda_packages]
    if pip_packages:
        lines += ["  - pip", "  - pip:"] + [f"      - {json.dumps(p)}" for p in pip_packages]
    return "\n".join(lines) + "\n"
