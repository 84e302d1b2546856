# Every target makes .venv first (again when pyproject.toml changed) with the pinned packages.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test lab release grade check

$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e .
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/python -m course demo

test: $(STAMP)
	$(VENV)/bin/python -m pytest -n 2 --dist loadgroup grader_tests

lab: $(STAMP)
	$(VENV)/bin/jupyter lab

release: $(STAMP)
	$(VENV)/bin/python -m course release

check: $(STAMP)
	$(VENV)/bin/python -m course check

grade: $(STAMP)
	$(VENV)/bin/python -m course grade
