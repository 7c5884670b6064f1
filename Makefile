# The README's two commands: `make run` (set up, load data, serve) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# The test suite runs twice: on the embedded SQLite, then on this PostgreSQL server.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kizuna
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint data

$(BIN)/kizuna: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

data: $(BIN)/kizuna
	$(BIN)/kizuna migrate --verbosity 0
	$(BIN)/kizuna import-registers
	$(BIN)/kizuna import-links

run: data
	$(BIN)/kizuna serve --host $(HOST) --port $(PORT)

lint: $(BIN)/kizuna
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/kizuna makemigrations --check --dry-run

test: lint
	$(BIN)/pytest
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/pytest
