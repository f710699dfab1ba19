# Two commands for a fresh machine: `make demo` and `make test` (see README.md).
# Everything either needs is installed here, by the project, never by hand.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Test workers (pytest-xdist): CI has two cores; tests/conftest.py keeps browser and notebook
# tests on one worker, one after another.
TEST_WORKERS ?= 2
STAMP_RUN := $(VENV)/.stamp-run
STAMP_DEV := $(VENV)/.stamp-dev
STAMP_SYS := $(VENV)/.stamp-system
STAMP_WARM := $(VENV)/.stamp-warm

.PHONY: demo test lint unit browser bench docs reference venv clean help

help:
	@echo "make demo   - set up .venv and run a small weirdness x style_influence sweep on the offline emulator"
	@echo "make test   - set up everything the suite needs, then run ruff and the whole test suite"
	@echo "make bench  - run the benchmarks and print their tables"
	@echo "make docs   - build the documentation site in strict mode"

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@# git sees notebooks/ without outputs or the saving kernel's Python (notebooks/.gitattributes)
	-@git config filter.suno-nb-notebook.clean 'python3 scripts/clean_notebook.py %f' 2>/dev/null

$(STAMP_RUN): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	@touch $@

# The suite tests every extra too: install them all.
$(STAMP_DEV): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[all,dev,docs]'
	@touch $(STAMP_RUN) $@

# Debian packages for the browser tests (chromium, ffmpeg-free). Needs root or sudo.
$(STAMP_SYS): scripts/setup_system.sh | $(VENV)/bin/python
	bash scripts/setup_system.sh
	@touch $@

# librosa compiles with numba on first use (~20 s): pay it here, not in a test or a lesson.
$(STAMP_WARM): $(STAMP_RUN)
	$(PY) -m suno_nb.warmup
	@touch $@

venv: $(STAMP_RUN)

demo: $(STAMP_RUN) $(STAMP_WARM)
	$(PY) -m suno_nb.demo

lint: $(STAMP_DEV)
	$(PY) -m ruff check suno_nb tests benchmarks scripts
	$(PY) -m ruff format --check suno_nb tests benchmarks scripts

test: $(STAMP_DEV) $(STAMP_SYS) $(STAMP_WARM) lint
	$(PY) scripts/codegen.py --check
	$(PY) -m pytest -n $(TEST_WORKERS) --no-loadscope-reorder --durations=20  # stay under 15 min

bench: $(STAMP_DEV) $(STAMP_WARM)
	$(PY) -m benchmarks

docs: $(STAMP_DEV)
	$(PY) scripts/codegen.py --check
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict

reference: $(STAMP_RUN)
	$(PY) scripts/codegen.py

clean:
	rm -rf $(VENV) build dist site .pytest_cache .ruff_cache
