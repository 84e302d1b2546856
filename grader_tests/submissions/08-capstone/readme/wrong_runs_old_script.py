%%writefile {project}/README.md
<!-- Wrong: the usage still runs the old script, which the clean-up removed. -->
# wine-classifier

Classifies wines into their three cultivars from 13 chemical measurements.

## Set-up

Needs Python 3.11. In a fresh virtual environment:

```bash
python -m pip install -e ".[test]"
```

## Usage

```bash
python train_final_v2.py
```

## Tests

```bash
python -m pytest
```
