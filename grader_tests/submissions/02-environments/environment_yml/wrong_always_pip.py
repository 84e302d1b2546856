# Wrong: always adds a pip section, even an empty one.
import yaml


def environment_yml(name, python, conda_packages, pip_packages):
    dependencies = [f"python={python}", *conda_packages, "pip", {"pip": list(pip_packages)}]
    return yaml.safe_dump({"name": name, "channels": ["conda-forge"], "dependencies": dependencies})
