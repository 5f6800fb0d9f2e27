# learning_unit: development commands. See README.md.
#
#   make run    set up what is missing, create the demo database, serve Odoo on :8069
#   make test   install both addons in a fresh test database and run every test
#   make test-tours  the browser tours and the menus' click bot N (3) times in a row on that database
#   make bench  province-scale benchmark (see bench/README.md)
#   make lint   ruff + pylint-odoo
#   make upgrade-check  build UPGRADE_FROM's database (demo + a round of work), upgrade it to this tree, compare
#   make serve-prefork  serve the demo database as in production: WORKERS (2) HTTP workers + the websocket process
#   make load   Locust load test: LOAD_USERS (20) officers, members, reviewers for LOAD_TIME (60s) on LOAD_URL
#
# Odoo itself is never part of this repository: point ODOO_SRC at an Odoo 18.0
# source tree (the directory holding odoo-bin).

SHELL := /bin/bash
.DEFAULT_GOAL := help

ODOO_SRC ?= /opt/odoo
VENV ?= $(CURDIR)/.venv
PYTHON ?= python3
DB_TEST ?= learning_unit_test
DB_DEMO ?= learning_unit_demo
HTTP_PORT ?= 8069
# the product and, beside it, the demo district with its logins
DEMO_ADDON := learning_unit_demo
ADDONS := learning_unit,$(DEMO_ADDON)
BUILD := $(CURDIR)/.build
PY := $(VENV)/bin/python
export PATH := $(VENV)/bin:$(PATH)

# Debian packages (tools/system-deps.sh installs them when run as root):
# fonts for every PDF, poppler (pdftotext...) and Chromium for the tests.
SYSTEM_DEPS_RUN := fonts-dejavu-core fonts-liberation2
SYSTEM_DEPS_TEST := poppler-utils chromium $(SYSTEM_DEPS_RUN)
ODOO := $(PY) $(ODOO_SRC)/odoo-bin -c $(BUILD)/odoo.conf
PYTEST_ARGS ?=
# make upgrade-check: the commit the upgrade starts from, the database it
# builds (and <db>_base), options of tools/upgrade_check.py (e.g. --reuse)
UPGRADE_FROM ?= debe340
UPGRADE_DB ?= learning_unit_upgrade
UPGRADE_ARGS ?=

.PHONY: help run test test-only bench lint i18n check-odoo check-postgres setup config \
        wkhtmltopdf testdb demodb clean system-deps-run system-deps-test upgrade-check \
        serve-prefork load test-tours

help:
	@sed -n '3,/^#$$/{/^#$$/!p}' Makefile

check-odoo:
	@if [ ! -f "$(ODOO_SRC)/odoo-bin" ] || [ ! -d "$(ODOO_SRC)/odoo/addons/hr" ]; then \
	  echo "ERROR: no Odoo 18.0 source tree at ODOO_SRC=$(ODOO_SRC): set ODOO_SRC to a directory holding odoo-bin and odoo/ of Odoo 18.0 community (see README.md, 'Getting Odoo'); no test was run." >&2; \
	  exit 2; \
	fi
	@grep -q "^version_info = (18, 0," "$(ODOO_SRC)/odoo/release.py" || { \
	  echo "ERROR: ODOO_SRC=$(ODOO_SRC) is not Odoo 18.0 (see odoo/release.py); no test was run." >&2; exit 2; }

check-postgres:
	@psql -d postgres -Atqc 'select 1' >/dev/null 2>&1 || { \
	  echo "ERROR: PostgreSQL is not reachable (PGHOST/PGUSER or the local socket); start it, e.g. 'pg_ctlcluster --skip-systemctl-redirect \$$(ls /etc/postgresql) main start'; no test was run." >&2; exit 2; }

system-deps-run:
	@$(CURDIR)/tools/system-deps.sh $(SYSTEM_DEPS_RUN)

system-deps-test:
	@$(CURDIR)/tools/system-deps.sh $(SYSTEM_DEPS_TEST)

# OCA addons (requirements-oca.txt) come as wheels requiring odoo==18.0.*, which
# is ODOO_SRC and never a PyPI package: they are installed without dependencies.
# setuptools<70 also keeps pkg_resources, which gevent 22.10.2 imports (newer
# setuptools drop it); requirements.txt pins gevent's zope.* to releases that
# pkg_resources finds, or the gevent process of a prefork server dies at import.
$(VENV)/.installed: requirements.txt requirements-dev.txt requirements-oca.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet "setuptools<70" wheel
	$(VENV)/bin/pip install --quiet --no-build-isolation -r requirements.txt -r requirements-dev.txt
	$(VENV)/bin/pip install --quiet --no-deps -r requirements-oca.txt
	touch $@

setup: check-odoo system-deps-run $(VENV)/.installed wkhtmltopdf config

wkhtmltopdf: $(VENV)/.installed
	@$(CURDIR)/tools/install-wkhtmltopdf.sh $(VENV) >/dev/null || \
	  echo "WARNING: could not install wkhtmltopdf 0.12.4 into $(VENV): PDF reports will not render." >&2

# The Odoo tree is made importable (pytest-odoo imports odoo) and the
# configuration written each time: ODOO_SRC may change between runs. The OCA
# wheels put their addons in <site-packages>/odoo/addons (a directory without
# __init__.py, so "import odoo" still finds ODOO_SRC's package, as checked):
# addons_path lists it after Odoo's addons, before this repository. bin_path
# finds the venv's wkhtmltopdf when pytest or odoo-bin is run by hand.
config: check-odoo $(VENV)/.installed
	@mkdir -p $(BUILD)/data
	@site=$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') && \
	  echo "$(ODOO_SRC)" > "$$site/odoo_src.pth" && \
	  odoo=$$($(PY) -c 'import importlib.util; print(getattr(importlib.util.find_spec("odoo"), "origin", None))') && \
	  if [ "$$(realpath "$$odoo")" != "$$(realpath "$(ODOO_SRC)/odoo/__init__.py")" ]; then \
	    echo "ERROR: 'import odoo' in $(VENV) finds $$odoo, not ODOO_SRC=$(ODOO_SRC): remove that package from the virtualenv (or 'rm -rf $(VENV)'); no test was run." >&2; exit 2; \
	  fi && \
	  printf '[options]\naddons_path = %s\nbin_path = %s\ndata_dir = %s\nhttp_port = %s\nlist_db = True\nlog_level = warn\nmax_cron_threads = 0\nwithout_demo = False\n' \
	    "$(ODOO_SRC)/odoo/addons,$$site/odoo/addons,$(CURDIR)" "$(VENV)/bin" "$(BUILD)/data" "$(HTTP_PORT)" > $(BUILD)/odoo.conf

# Cheap checks first: a machine without Odoo or PostgreSQL stops before any install.
testdb: check-odoo check-postgres system-deps-test setup
	@echo "== Creating test database $(DB_TEST) (Odoo: $(ODOO_SRC))"
	@dropdb --if-exists $(DB_TEST)
	@rm -rf $(BUILD)/data/filestore/$(DB_TEST)
	$(ODOO) -d $(DB_TEST) -i $(ADDONS) --load-language=vi_VN --stop-after-init --log-level=warn

test: testdb test-only

test-only: check-odoo check-postgres system-deps-test setup
	@echo "== Running the tests against $(DB_TEST)"
	$(PY) -m pytest tests -p no:cacheprovider --odoo-database=$(DB_TEST) --odoo-config=$(BUILD)/odoo.conf --odoo-http $(PYTEST_ARGS)

# The browser tours and the menus' click bot, N times in a row on the database
# 'make test' built (they commit nothing): a tour that depends on how fast the
# machine is fails in one of the runs. Each run's summary is printed at the
# end; any failed run fails the target.
N ?= 3
TOUR_TESTS := tests/test_tour.py tests/test_tour_admin.py tests/test_tour_member.py \
              tests/test_tour_reviewer.py tests/test_tour_team.py tests/test_tour_certificate.py \
              tests/test_menus.py

test-tours: check-odoo check-postgres system-deps-test setup
	@psql -d postgres -Atqc "select 1 from pg_database where datname='$(DB_TEST)'" | grep -q 1 || { \
	  echo "ERROR: no database $(DB_TEST): 'make test' (or 'make testdb') builds it; no test was run." >&2; exit 2; }
	@status=0; summary=""; \
	for run in $$(seq 1 $(N)); do \
	  echo "== Tours and menus, run $$run of $(N), against $(DB_TEST)"; \
	  log=$$(mktemp); \
	  $(PY) -m pytest $(TOUR_TESTS) -p no:cacheprovider --odoo-database=$(DB_TEST) --odoo-config=$(BUILD)/odoo.conf --odoo-http $(PYTEST_ARGS) 2>&1 | tee $$log; \
	  [ $${PIPESTATUS[0]} -eq 0 ] || status=1; \
	  summary="$$summary"$$'\n'"  run $$run: $$(grep -E '(passed|failed|error|no tests ran).* in [0-9.]+s' $$log | tail -n 1)"; \
	  rm -f $$log; \
	done; \
	echo "== Tours and menus, $(N) runs against $(DB_TEST):$$summary"; \
	exit $$status

# An existing demo database is updated; one made before the demo district
# became its own addon gets it installed too (-i of an installed addon does
# nothing; the update moved the district's external ids to it, which adopts it).
demodb: setup check-postgres
	@if psql -d postgres -Atqc "select 1 from pg_database where datname='$(DB_DEMO)'" | grep -q 1; then \
	  echo "== Updating $(DB_DEMO)"; \
	  $(ODOO) -d $(DB_DEMO) -u $(ADDONS) -i $(DEMO_ADDON) --stop-after-init --log-level=warn; \
	else \
	  echo "== Creating $(DB_DEMO) with the demo district"; \
	  $(ODOO) -d $(DB_DEMO) -i $(ADDONS) --load-language=vi_VN --stop-after-init --log-level=warn; \
	fi

# The first static request is made alone: Odoo then parses every manifest once
# (concurrent first requests can hit a CPython 3.11 ast race in that parsing).
run: demodb
	@echo "== Serving $(DB_DEMO) on http://localhost:$(HTTP_PORT) (logins in README.md)"
	@$(ODOO) -d $(DB_DEMO) --db-filter='^$(DB_DEMO)$$' --http-port=$(HTTP_PORT) --log-level=info & \
	  pid=$$!; trap 'kill $$pid 2>/dev/null' INT TERM EXIT; \
	  $(PY) tools/wait_http.py http://localhost:$(HTTP_PORT)/web/static/img/favicon.ico && \
	  echo "== Ready: http://localhost:$(HTTP_PORT)"; \
	  wait $$pid

# Production mode (README.md, "Production mode and load test"): WORKERS HTTP
# workers and the gevent process serving /websocket on GEVENT_PORT, behind a
# reverse proxy (proxy_mode) that sends /websocket to GEVENT_PORT and the rest
# to HTTP_PORT. SERVE_ARGS: more odoo-bin options (e.g. --logfile=...).
# wkhtmltopdf fetches a PDF's styles from report.url: the gevent process, so
# that a print never waits for a free HTTP worker (two prints at once took both
# workers of a 2-worker server, each waiting for the other, until both were
# killed after limit_time_real).
WORKERS ?= 2
GEVENT_PORT ?= 8072
REPORT_URL ?= http://127.0.0.1:$(GEVENT_PORT)
SERVE_ARGS ?=
serve-prefork: demodb
	@echo "env['ir.config_parameter'].set_param('report.url', '$(REPORT_URL)'); env.cr.commit()" | \
	  $(PY) $(ODOO_SRC)/odoo-bin shell -c $(BUILD)/odoo.conf -d $(DB_DEMO) --no-http --log-level=warn >/dev/null
	@echo "== Serving $(DB_DEMO) with $(WORKERS) workers on :$(HTTP_PORT), websocket on :$(GEVENT_PORT)"
	$(ODOO) -d $(DB_DEMO) --db-filter='^$(DB_DEMO)$$' --workers=$(WORKERS) --max-cron-threads=0 \
	  --proxy-mode --http-port=$(HTTP_PORT) --gevent-port=$(GEVENT_PORT) --log-level=info $(SERVE_ARGS)

# Load test of a running server of LOAD_DB at LOAD_URL (e.g. make serve-prefork):
# bench/load/prepare.py gives the database more officers, members and a
# reviewer, then Locust (its own virtualenv: its gevent and requests pins are
# not Odoo's) runs bench/load/locustfile.py headless. A request unanswered
# after LOAD_TIMEOUT seconds is a failure. With LOAD_LOG (the server's log
# file) it also fails when the log holds a traceback or an ERROR.
LOCUST_VENV := $(BUILD)/locust-venv
LOAD_URL ?= http://127.0.0.1:$(HTTP_PORT)
LOAD_DB ?= $(DB_DEMO)
LOAD_USERS ?= 20
LOAD_RATE ?= 5
LOAD_TIME ?= 60s
LOAD_TIMEOUT ?= 60
LOAD_LOG ?=
LOAD_ARGS ?=

$(LOCUST_VENV)/.installed: bench/load/requirements.txt
	test -x $(LOCUST_VENV)/bin/python || $(PYTHON) -m venv $(LOCUST_VENV)
	$(LOCUST_VENV)/bin/pip install --quiet -r bench/load/requirements.txt
	touch $@

load: setup check-postgres $(LOCUST_VENV)/.installed
	@mkdir -p $(BUILD)/load
	$(PY) bench/load/prepare.py --odoo-config $(BUILD)/odoo.conf --database $(LOAD_DB) \
	  > $(BUILD)/load/users.json
	LOAD_DB=$(LOAD_DB) LOAD_USERS_FILE=$(BUILD)/load/users.json LOAD_TIMEOUT=$(LOAD_TIMEOUT) \
	  $(LOCUST_VENV)/bin/locust -f bench/load/locustfile.py --headless --only-summary \
	  --host $(LOAD_URL) --users $(LOAD_USERS) --spawn-rate $(LOAD_RATE) --run-time $(LOAD_TIME) \
	  --stop-timeout $$(( $(LOAD_TIMEOUT) + 30 )) --csv $(BUILD)/load/stats $(LOAD_ARGS)
	@if [ -n "$(LOAD_LOG)" ]; then \
	  tb=$$(grep -c 'Traceback (most recent call last)' "$(LOAD_LOG)"); \
	  err=$$(grep -cE '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$(LOAD_LOG)"); \
	  echo "== $(LOAD_LOG): $$tb traceback(s), $$err ERROR/CRITICAL line(s)"; \
	  [ "$$tb" = 0 ] && [ "$$err" = 0 ]; \
	fi

bench: setup check-postgres
	$(PY) bench/bench.py --odoo-config $(BUILD)/odoo.conf $(BENCH_ARGS)

upgrade-check: setup check-postgres
	$(PY) tools/upgrade_check.py --from $(UPGRADE_FROM) --db $(UPGRADE_DB) \
	  --config $(BUILD)/odoo.conf --odoo-src $(ODOO_SRC) $(UPGRADE_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/pip install --quiet -r requirements-lint.txt
	$(VENV)/bin/ruff check learning_unit $(DEMO_ADDON) tests bench tools
	$(VENV)/bin/ruff format --check learning_unit $(DEMO_ADDON) tests bench tools
	$(VENV)/bin/pylint --rcfile=.pylintrc learning_unit $(DEMO_ADDON)
	@echo "lint: clean"

clean:
	rm -rf $(BUILD)

# Regenerate the translation template from the test database and merge it into
# the Vietnamese catalogue (existing translations are kept).
i18n: setup check-postgres
	$(ODOO) -d $(DB_TEST) -u learning_unit --stop-after-init --log-level=warn
	$(ODOO) -d $(DB_TEST) --i18n-export=$(CURDIR)/learning_unit/i18n/learning_unit.pot --modules=learning_unit --stop-after-init --log-level=warn
	$(PY) tools/merge_po.py learning_unit/i18n/learning_unit.pot learning_unit/i18n/vi.po
