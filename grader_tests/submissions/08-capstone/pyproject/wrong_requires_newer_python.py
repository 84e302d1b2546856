%%writefile {project}/pyproject.toml
# Wrong: requires-python names the author's newest Python, which shuts out Python 3.11.
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "wine-classifier"
version = "0.1.0"
description = "Classify wine cultivars from chemical measurements"
readme = "README.md"
requires-python = ">=3.12"
dependencies = ["scikit-learn==1.9.1"]

[project.optional-dependencies]
test = ["pytest==8.4.2"]
