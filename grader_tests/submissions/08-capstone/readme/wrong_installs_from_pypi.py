%%writefile {project}/README.md
<!-- Wrong: the set-up installs "wine-classifier" from the package index, not this clone. -->
# wine-classifier

Classifies wines into their three cultivars from 13 chemical measurements.

## Set-up

Needs Python 3.11. In a fresh virtual environment:

```bash
python -m pip install "wine-classifier[test]"
```

## Usage

```bash
python -m wine_classifier.model --seed 0
```

## Tests

```bash
python -m pytest
```
