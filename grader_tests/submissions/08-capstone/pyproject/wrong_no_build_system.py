%%writefile {project}/pyproject.toml
# Wrong: no [build-system] table, so pip has to guess how to build the project.
[project]
name = "wine-classifier"
version = "0.1.0"
description = "Classify wine cultivars from chemical measurements"
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["scikit-learn==1.9.1"]

[project.optional-dependencies]
test = ["pytest==8.4.2"]
