# Huis van de Mechelaar: `make run` to work on the site, `make test` to check it. See README.md.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test serve install install-dev lint bench backup restore messages clean

$(PY):
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-runtime: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-runtime

install: $(VENV)/.installed-runtime
install-dev: $(VENV)/.installed-dev

## run: set up everything on a fresh machine and serve the site with SQLite on http://$(HOST):$(PORT)
run: install
	@mkdir -p var/media
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_admin
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@echo ""
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

## test: lint, migration and system checks, then the test suite on SQLite and on PostgreSQL
test: install-dev
	@bash scripts/run_tests.sh

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## serve: production-like serving with gunicorn and the production settings (needs SECRET_KEY; see README.md)
serve: install
	DJANGO_SETTINGS_MODULE=settings.production $(PY) manage.py collectstatic --noinput --verbosity 0
	DJANGO_SETTINGS_MODULE=settings.production $(VENV)/bin/gunicorn --chdir site wsgi:application \
		--bind $(HOST):$(PORT) \
		--workers $${WEB_CONCURRENCY:-$$(( $$(nproc) * 2 + 1 ))} \
		--max-requests $${GUNICORN_MAX_REQUESTS:-10000} --max-requests-jitter $${GUNICORN_MAX_REQUESTS_JITTER:-5000} \
		--timeout $${GUNICORN_TIMEOUT:-30} --graceful-timeout $${GUNICORN_GRACEFUL_TIMEOUT:-30} \
		--access-logfile - --forwarded-allow-ips "$${FORWARDED_ALLOW_IPS:-127.0.0.1}"

## backup: database dump and media files into var/backups/ (or BACKUP_DIR); see README.md for cron
backup: install
	$(PY) manage.py backup $(if $(BACKUP_DIR),--output $(BACKUP_DIR))

## restore: replace all data with a backup: make restore FILE=var/backups/hvdm-YYYYMMDD-HHMMSS.tar.gz
restore: install
	@test -n "$(FILE)" || { echo "Name the backup: make restore FILE=var/backups/hvdm-....tar.gz"; exit 1; }
	$(PY) manage.py restore "$(FILE)"

## bench: load the site served as in production (PostgreSQL, Redis, gunicorn) with wrk; writes docs/benchmarks.md
bench: install
	$(PY) bench/run.py

## messages: update and compile the Dutch translations in locale/
messages: install-dev
	$(PY) manage.py makemessages --locale nl --ignore ".venv/*" --ignore "var/*"
	$(PY) manage.py compilemessages --ignore ".venv/*"

clean:
	rm -rf $(VENV) var/static .pytest_cache .ruff_cache
