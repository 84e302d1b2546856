# Wrong: turns the version into a number first, so "3.10" becomes 3.1.
import yaml


def environment_yml(name, python, conda_packages, pip_packages):
    dependencies = [f"python={float(python)}", *conda_packages]
    if pip_packages:
        dependencies += ["pip", {"pip": list(pip_packages)}]
    return yaml.safe_dump({"name": name, "channels": ["conda-forge"], "dependencies": dependencies})
