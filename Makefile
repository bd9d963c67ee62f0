# One entry point for every task. `make test` and `make demo` set up .venv themselves.
# The first Python >= 3.11 on the PATH (3.11 first: the on-disk torch wheel is built for it); PY=... overrides.
PY ?= $(shell for p in python3.11 python3.12 python3.13 python3.14 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast generate check-generated lint typecheck pytest bench venv clean

$(BIN)/python:
	@test -n "$(PY)" || { echo "no Python >= 3.11 found on PATH (set PY=/path/to/python3.x)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip

# torch is optional (PyTorch serving, torchrun); it is installed only where a CPU wheel lies on disk, so a fresh
# machine never downloads a multi-GB CUDA build. Without it the PyTorch tests skip and say why.
TORCH_WHEEL := $(firstword $(wildcard /opt/wheels/torch-2.13.0*cp311*.whl))

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[local,pipelines,dev]'
	$(if $(TORCH_WHEEL),$(BIN)/pip install -q '$(TORCH_WHEEL)' || echo "torch not installed: PyTorch tests will skip")
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/quickstart.py

generate: $(STAMP)
	$(BIN)/python -m codegen

check-generated: $(STAMP)
	$(BIN)/python -m codegen --check

lint: $(STAMP)
	$(BIN)/ruff check easymaker codegen tests bench examples tools
	$(BIN)/ruff format --check easymaker codegen tests bench examples tools

typecheck: $(STAMP)
	# no incremental cache: a cached run misreads the lazily imported generated submodules (false attr-defined errors)
	$(BIN)/mypy --no-incremental generated/easymaker_api easymaker tests

pytest: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

test: check-generated lint typecheck pytest

# the tests that start no process (no EasyMaker Local, Swift, workers or browser): under a minute
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider -m "not server"

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info
