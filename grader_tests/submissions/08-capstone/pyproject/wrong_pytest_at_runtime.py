%%writefile {project}/pyproject.toml
# Wrong: pytest is listed as a runtime dependency, and there is no test extra.
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "wine-classifier"
version = "0.1.0"
description = "Classify wine cultivars from chemical measurements"
readme = "README.md"
requires-python = ">=3.11"
dependencies = [
    "scikit-learn==1.9.1",
    "pytest==8.4.2",
]
