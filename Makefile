# The README's two commands: `make run` (set up, load data, serve) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# The test suite runs twice: on the embedded SQLite, then on this PostgreSQL server.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kizuna
# pytest-xdist workers: the machines here have 2 cores (each worker gets its own test database).
TEST_WORKERS ?= 2
HOST ?= 127.0.0.1
PORT ?= 8000
# This checkout's own SECRET_KEY, generated once (settings read it when SECRET_KEY is unset).
SECRET_KEY_FILE := $(or $(KIZUNA_VAR_DIR),var)/secret-key

.PHONY: run test lint data translations browser

# Every kizuna command make runs (data, lint, translations) finds the key: order-only, so an
# existing key is never replaced.
$(BIN)/kizuna: pyproject.toml | $(SECRET_KEY_FILE)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

$(SECRET_KEY_FILE):
	mkdir -p $(@D)
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

data: $(BIN)/kizuna
	$(BIN)/kizuna migrate --verbosity 0
	$(BIN)/kizuna import-registers
	$(BIN)/kizuna import-links

run: data
	$(BIN)/kizuna serve --host $(HOST) --port $(PORT)

# After changing UI strings: extract them (needs GNU gettext), translate the new entries in
# kizuna/locale/ja/LC_MESSAGES/django.po, then compile (polib, no gettext needed).
translations: $(BIN)/kizuna
	$(BIN)/kizuna makemessages -l ja --ignore ".venv/*" --ignore "var/*" --ignore "node_modules/*"
	$(BIN)/python -c "import polib; polib.pofile('kizuna/locale/ja/LC_MESSAGES/django.po').save_as_mofile('kizuna/locale/ja/LC_MESSAGES/django.mo')"

# The browser tests drive Debian's Chromium (never a downloaded browser) and inject axe-core.
browser:
	command -v chromium >/dev/null && fc-list | grep -qi ipagothic || \
	  (apt-get update -qq && apt-get install -y -qq chromium fonts-ipafont-gothic)
	test -f node_modules/axe-core/axe.min.js || npm install --no-audit --no-fund --silent

lint: $(BIN)/kizuna
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/kizuna makemigrations --check --dry-run

# Browser and schemathesis tests (marked engine_independent) run once, on PostgreSQL.
test: lint browser
	$(BIN)/pytest -n $(TEST_WORKERS) -m "not engine_independent"
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/pytest -n $(TEST_WORKERS)
