%%writefile {project}/README.md
<!-- Wrong: says how to install and test, never how to run the project. -->
# wine-classifier

Classifies wines into their three cultivars from 13 chemical measurements.

## Set-up

Needs Python 3.11. In a fresh virtual environment:

```bash
python -m pip install -e ".[test]"
```

## Tests

```bash
python -m pytest
```
