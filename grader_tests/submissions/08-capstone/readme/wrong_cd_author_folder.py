%%writefile {project}/README.md
<!-- Wrong: the set-up starts in the author's own folder, which exists on her laptop only. -->
# wine-classifier

Classifies wines into their three cultivars from 13 chemical measurements.

## Set-up

Needs Python 3.11. In a fresh virtual environment:

```bash
cd /home/kim/Desktop/wine-project
python -m pip install -e ".[test]"
```

## Usage

```bash
python -m wine_classifier.model --seed 0
```

## Tests

```bash
python -m pytest
```
