%%writefile {project}/pyproject.toml
# Wrong: lower bounds instead of pins, so a newcomer may get releases nobody tested.
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "wine-classifier"
version = "0.1.0"
description = "Classify wine cultivars from chemical measurements"
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["scikit-learn>=1.0", "numpy>=1.24"]

[project.optional-dependencies]
test = ["pytest>=7"]
