%%writefile {project}/pyproject.toml
# Correct, written another way: explicit src/ package discovery, numpy listed (src/ may import
# it), a console script, and a dev extra next to the test extra; every pin is the tested version.
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "wine-classifier"
version = "1.0.0"
description = "Tell wine cultivars apart from 13 chemical measurements"
readme = "README.md"
requires-python = "~=3.11"
authors = [{ name = "Kim" }]
dependencies = ["numpy==2.4.6", "scikit-learn==1.9.1"]

[project.optional-dependencies]
test = ["pytest==8.4.2"]
dev = ["pytest==8.4.2", "ruff==0.17.5"]

[project.scripts]
wine-classifier = "wine_classifier.model:main"

[tool.setuptools.packages.find]
where = ["src"]
