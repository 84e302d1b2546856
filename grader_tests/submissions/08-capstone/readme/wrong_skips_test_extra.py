%%writefile {project}/README.md
<!-- Wrong: the set-up installs the project without its test extra, so pytest is missing. -->
# wine-classifier

Classifies wines into their three cultivars from 13 chemical measurements.

## Set-up

Needs Python 3.11. In a fresh virtual environment:

```bash
python -m pip install -e .
```

## Usage

```bash
python -m wine_classifier.model --seed 0
```

## Tests

```bash
python -m pytest
```
