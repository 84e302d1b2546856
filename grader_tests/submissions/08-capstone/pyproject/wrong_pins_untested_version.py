%%writefile {project}/pyproject.toml
# Wrong: pins copied from a tutorial, not the versions installed and tested here.
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "wine-classifier"
version = "0.1.0"
description = "Classify wine cultivars from chemical measurements"
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["scikit-learn==1.3.2"]

[project.optional-dependencies]
test = ["pytest==7.4.0"]
