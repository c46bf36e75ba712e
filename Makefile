# Concordance: one-command set-up.  `make help` lists the targets.
#
# Without DATABASE_URL in the environment, everything uses the project's
# private PostgreSQL cluster (var/pg, unix socket only; see scripts/db.sh).
# With DATABASE_URL set, that database is used and no cluster is touched.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT    ?= 8000
PYTHON  ?= python3
WORKERS ?= 3
PYTEST_ARGS ?=

VENV   := .venv
STAMP  := $(VENV)/.installed
MANAGE := $(VENV)/bin/python manage.py
DB     := bash scripts/db.sh

ifeq ($(strip $(DATABASE_URL)),)
  PRIVATE_DB   := 1
  DATABASE_URL := $(shell $(DB) url)
else
  PRIVATE_DB   := 0
endif
export DATABASE_URL PYTHON

# Reinstall when pyproject.toml is newer than the stamp, or when .venv's
# Python no longer runs (e.g. the interpreter it was made from is gone).
ifneq ($(shell $(VENV)/bin/python -c 'print(1)' 2>/dev/null),1)
$(STAMP): FORCE
endif
$(STAMP): pyproject.toml
	@bash scripts/venv.sh $(STAMP)

.PHONY: help venv messages db data run test test-fast lint format serve bench bench-scale bench-pairs backup restore load stop clean-db db-status psql FORCE
FORCE:

help: ## list the targets
	@echo "Concordance — make targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  make \1\t/' | expand -t 18
	@echo
	@echo "Variables: PORT=$(PORT)  WORKERS=$(WORKERS)  PYTHON=$(PYTHON)  PYTEST_ARGS='$(PYTEST_ARGS)'"
	@echo "DATABASE_URL=$(DATABASE_URL)$(if $(filter 1,$(PRIVATE_DB)),  (private cluster in var/pg),  (from the environment))"

venv: $(STAMP) ## create .venv and install the project (only when pyproject.toml changed)

messages: venv ## compile the interface translations (locale/*.po → .mo; installs gettext as root when missing)
	@bash scripts/messages.sh ensure

db: ## create/start the private PostgreSQL cluster (skipped when DATABASE_URL is set)
ifeq ($(PRIVATE_DB),1)
	@$(DB) ensure
else
	@echo "==> using DATABASE_URL from the environment (private cluster not used)"
endif

# Skipped when nothing it depends on changed since it last ran on this
# database (scripts/data_stamp.py: the bytes of the fixtures, code and
# migrations, and the database's data version); FORCE_DATA=1 runs it anyway.
data: venv messages db ## migrate, load the corpus and the curated concordance (keeps curators' work; skipped when unchanged)
	@if [ -z "$(FORCE_DATA)" ] && $(VENV)/bin/python scripts/data_stamp.py check; then \
	    echo "==> data unchanged since the last set-up on this database (fixtures, code, migrations, data version): nothing to load"; \
	else \
	    set -e; \
	    echo "==> applying migrations"; \
	    DJANGO_DEBUG=1 $(MANAGE) migrate --noinput; \
	    echo "==> loading the corpus and the curated concordance (curators' work is kept)"; \
	    DJANGO_DEBUG=1 $(MANAGE) setup_corpus; \
	    $(VENV)/bin/python scripts/data_stamp.py write; \
	fi

run: data ## set up everything and serve on http://127.0.0.1:PORT/ (DEBUG on)
	@bash scripts/pdf.sh ensure
	@echo "==> serving http://127.0.0.1:$(PORT)/ (Ctrl-C stops the web server; 'make stop' stops PostgreSQL)"
	@DJANGO_DEBUG=1 $(MANAGE) runserver 127.0.0.1:$(PORT)

test: lint messages db ## lint, set up, then run the whole test suite (pytest; PYTEST_ARGS=... to pass options)
	@bash scripts/browser.sh ensure
	@bash scripts/serve.sh ensure
	@bash scripts/pdf.sh ensure
	@bash scripts/office.sh ensure
	@bash scripts/redis.sh ensure
	@echo "==> running the test suite (pytest $(PYTEST_ARGS))"
	@DJANGO_DEBUG=1 $(VENV)/bin/pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests; that counts as a failure." >&2; exit 1; fi; \
	exit $$rc

# The edit loop: no PostgreSQL (none is started, DATABASE_URL is unset for
# pytest), no browser.  tests/browser and tests/ops are left out; elsewhere
# `--without-database` (tests/testing_environment.py) deselects every test
# that asks for the database (django_db mark, db/live_server fixtures).
test-fast: venv messages ## the tests that need neither database nor browser (tests/lib and others, ~30 s)
	@echo "==> running the tests without database or browser (pytest --without-database $(PYTEST_ARGS))"
	@env -u DATABASE_URL DJANGO_DEBUG=1 $(VENV)/bin/pytest --without-database \
	    --ignore=tests/browser --ignore=tests/ops $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests; that counts as a failure." >&2; exit 1; fi; \
	exit $$rc

# Every check runs, so one pass shows all findings; any finding fails.
# Settings: [tool.ruff], [tool.mypy], [tool.module-length] in pyproject.toml.
lint: venv ## ruff check, ruff format --check, mypy (strict on concordance/lib), module lengths
	@rc=0; \
	echo "==> ruff check"; $(VENV)/bin/ruff check --quiet --output-format concise || rc=1; \
	echo "==> ruff format --check"; $(VENV)/bin/ruff format --check --quiet --output-format concise || rc=1; \
	echo "==> mypy"; $(VENV)/bin/mypy || rc=1; \
	echo "==> module lengths"; $(VENV)/bin/python scripts/module_lengths.py || rc=1; \
	if [ $$rc -ne 0 ]; then \
	    echo "error: lint found problems (above); 'make format' fixes formatting and what ruff can fix alone." >&2; \
	fi; \
	exit $$rc

# Fixes first: what they rewrite (sorted imports...) is then formatted.
format: venv ## ruff check --fix, then ruff format (what is left is for a human: make lint lists it)
	@$(VENV)/bin/ruff check --fix --quiet >/dev/null || true
	@$(VENV)/bin/ruff format
	@$(VENV)/bin/ruff check --quiet --output-format concise \
	    || echo "==> the findings above are left for a human (ruff cannot fix them alone)"

serve: data ## production-like: DEBUG off, collectstatic when static files changed, nginx on 127.0.0.1:PORT in front of gunicorn --preload
	@mkdir -p var
	@if [ -z "$$DJANGO_SECRET_KEY" ] && [ ! -s var/secret_key ]; then \
	    echo "==> generating a secret key in var/secret_key (kept for later runs)"; \
	    (umask 077; $(VENV)/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))' > var/secret_key); \
	fi
	@set -e; export DJANGO_DEBUG=0 \
	    DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat var/secret_key)}" \
	    DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	    DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-0}"; \
	echo "==> collecting static files into var/staticfiles (only if they changed)"; $(MANAGE) collectstatic_if_changed; \
	PORT=$(PORT) WORKERS=$(WORKERS) exec bash scripts/serve.sh

bench: data ## server time of every page type against the static floor of its bytes, warm and cold (BENCH_ARGS='--rounds 5')
	@$(VENV)/bin/python bench/pages.py $(BENCH_ARGS)

bench-scale: data ## uncached page and search times at x1, x10 and x100 the corpus, in a scratch database (SCALE_ARGS='--scales 1 10')
	@$(VENV)/bin/python bench/scale.py $(SCALE_ARGS)

bench-pairs: data ## server time of every curated comparison page against the static-file floor
	@$(VENV)/bin/python bench/compare_pages.py

backup: venv db ## back up the database and the curated concordance into backups/<UTC time>/
	@bash scripts/backup.sh

restore: venv db ## restore a backup: make restore FILE=backups/<stamp>/concordance.dump
	@bash scripts/restore.sh "$(FILE)"

load: data ## load test: 32 visitors for 60 s on a mix of pages (locust; LOAD_ARGS='--users 8 --duration 10')
	@$(VENV)/bin/python bench/load.py $(LOAD_ARGS)

stop: ## stop the private PostgreSQL cluster (fine if it is not running)
	@$(DB) stop

clean-db: ## stop the private cluster and DELETE its data (var/pg)
	@$(DB) clean

db-status: ## say whether the private cluster exists and runs
	@$(DB) status

psql: ## open psql on the private cluster
	@$(DB) psql
