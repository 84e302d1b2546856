%%writefile {project}/README.md
<!-- Wrong: the set-up activates the author's own .venv, which a fresh clone does not have. -->
# wine-classifier

Classifies wines into their three cultivars from 13 chemical measurements.

## Set-up

Needs Python 3.11.

```bash
source .venv/bin/activate
pip install -e ".[test]"
```

## Usage

```bash
python -m wine_classifier.model --seed 0
```

## Tests

```bash
python -m pytest
```
