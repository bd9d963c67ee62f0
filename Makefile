# One entry point for every task. `make test` and `make demo` set up .venv themselves.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test generate check-generated lint typecheck pytest bench venv clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[local,pipelines,dev]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/quickstart.py

generate: $(STAMP)
	$(BIN)/python -m codegen

check-generated: $(STAMP)
	$(BIN)/python -m codegen --check

lint: $(STAMP)
	$(BIN)/ruff check easymaker codegen tests bench examples
	$(BIN)/ruff format --check easymaker codegen tests bench examples

typecheck: $(STAMP)
	$(BIN)/mypy generated/easymaker_api easymaker

pytest: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

test: check-generated lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info
