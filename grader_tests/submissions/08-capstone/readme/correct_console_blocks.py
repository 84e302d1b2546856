%%writefile {project}/README.md
<!-- Correct, written another way: "Installation" and "Run" headings, console and sh blocks. -->
# Wine classifier

Tells the three wine cultivars of scikit-learn's wine data apart from 13 chemical
measurements. The regularisation strength is chosen by 5-fold cross-validation on the
training part only; the accuracy is measured on a stratified, shuffled test part.

Requires **Python 3.11**.

## Installation

Clone the repository, make a virtual environment with Python 3.11 and activate it
(for example `python3.11 -m venv .venv` and `. .venv/bin/activate`), then install the
package in editable mode with its test tools:

```console
$ python -m pip install --editable '.[test]'
```

## Run

```sh
python -m wine_classifier.model --seed 1 --test-fraction 0.3
```

This prints the test accuracy and the chosen `C`. Both options have defaults
(`--seed 0`, `--test-fraction 0.25`).

## Testing

```sh
python -m pytest -q
```

`tests/test_model.py` includes a test that fails if the split stops shuffling the
class-sorted rows (the bug behind the 0.69 of version 2).
