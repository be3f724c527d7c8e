# claimcheck: `make check` runs the main job on sources/, `make test` runs the tests.
# Both create .venv on first use. `make check` installs only the package (what the
# main job needs); `make test` adds the test extras. `make bench` runs the speed
# benchmark (benchmarks/README.md).
PYTHON ?= python3
# test: pytest, hypothesis; datasette, parquet, browser, dask: what tests/test_export.py,
# tests/test_browser.py and tests/test_dask.py exercise (they skip, saying why, when one
# is missing)
EXTRAS ?= test,datasette,parquet,browser,dask
VENV   := .venv
BIN    := $(VENV)/bin
# one stamp per install: the package alone, and the package with the test extras
STAMP      := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: check test setup bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $(TEST_STAMP)

setup: $(STAMP)

check: $(STAMP)
	$(BIN)/claimcheck check sources/

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

bench: $(TEST_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS),bench]'
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
