# Every target installs what it needs itself: uv from PyPI, Python packages from uv.lock,
# PostgreSQL with apt-get, Marquez and Trino from Maven Central.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.8
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
PYTEST_WORKERS ?= 2
# The tests' compiled bytecode, for every process of a run (both workers, and each dbt, Airflow and CLI subprocess),
# in one cache outside the repository. Under PYTHONDONTWRITEBYTECODE (set by some shells and CI images) each of
# those processes compiled every module it imported from source: about 13 CPU seconds of each worker's collection
# alone, a third of tests/cli/test_cli.py's. A prefix keeps the tree free of __pycache__, which that setting is for.
# `make demo` runs the same way: each of its processes (maskline, Airflow's dag.test(), dbt-ol and dbt) compiled
# its imports anew under that setting; `maskline scan` of the demo's 200-row CSV took 3.1 s CPU that way, 1.6 s cached.
PYCACHE ?= $(or $(PYTHONPYCACHEPREFIX),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/maskline/pycache)
TEST_ENV := env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX=$(PYCACHE)

.PHONY: help setup demo test test-fast bench lint marquez-up marquez-down postgres-up trino-up trino-down clean

help:
	@echo "make demo   - install everything and run the demo (DuckDB, lineage to a file or Marquez)"
	@echo "make test   - install everything (incl. PostgreSQL and Marquez) and run the whole suite"
	@echo "make bench  - run the benchmarks (not part of the tests)"
	@echo "make lint   - ruff and mypy"

$(UV):
	python3 -m pip install --quiet --user "uv==$(UV_VERSION)" || python3 -m pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --all-extras --frozen
	@touch $@

setup: $(VENV)/.synced

postgres-up:
	@scripts/postgres.sh up >/dev/null

marquez-up: postgres-up
	scripts/marquez.sh up

marquez-down:
	scripts/marquez.sh down

trino-up: postgres-up
	scripts/trino.sh up

trino-down:
	scripts/trino.sh down

demo: setup
	$(TEST_ENV) scripts/demo.sh

# Trino is started once per run and stopped afterwards. Unlike Marquez it is always served here, so a
# server that cannot start fails the run loudly instead of letting the `trino` tests skip.
test: setup postgres-up
	export MASKLINE_PG_DSN="$$(scripts/postgres.sh up)"; \
	export MASKLINE_TRINO_URL="$$(scripts/trino.sh up)" && [ -n "$$MASKLINE_TRINO_URL" ] \
	  || { echo "make test: Trino could not be started (scripts/trino.sh up); not running the suite" >&2; \
	       scripts/trino.sh down >/dev/null 2>&1; exit 1; }; \
	export MARQUEZ_URL="$$(scripts/marquez.sh up || true)"; \
	$(TEST_ENV) $(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS); rc=$$?; \
	scripts/marquez.sh down >/dev/null 2>&1 || true; \
	scripts/trino.sh down >/dev/null 2>&1 || true; exit $$rc

test-fast: setup
	$(TEST_ENV) $(VENV)/bin/pytest -n $(PYTEST_WORKERS) -m "not postgres and not marquez and not airflow and not dbt and not spark and not trino and not packaging" $(PYTEST_ARGS)

# The scale benchmark runs on a real Trino too; it is started for the run and stopped afterwards.
bench: setup postgres-up
	export MASKLINE_TRINO_URL="$$(scripts/trino.sh up)"; \
	$(PY) -m benchmarks.run $(BENCH_ARGS); rc=$$?; \
	scripts/trino.sh down >/dev/null 2>&1 || true; exit $$rc

lint: setup
	$(VENV)/bin/ruff check maskline airflow_plugin openlineage_ext tests benchmarks examples
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) .pytest_cache build dist
