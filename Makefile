# The two commands of the README: `make run` and `make test`. Everything they need is here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
PG_URL := postgres://postgres@127.0.0.1:5432/newsroom

BROWSER_TOOLS := tests/browser/node_modules/.installed
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install run test lint format migrations-check demo static messages messages-check font test-tools clean bench bench-large bench-memory bench-images score-extraction

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Newsroom needs Python 3.11 or newer as $(PYTHON)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install messages
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py load_demo
	DEBUG=true $(BIN)/python manage.py ensure_admin

# The web server and the task worker (alerts, webhooks) together; Ctrl-C stops both.
run: demo
	DEBUG=true $(BIN)/python manage.py alerts_sweep
	@DEBUG=true $(BIN)/python manage.py db_worker --queue-name '*' & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

# The interface's translations: the committed .po files compiled to .mo with Babel, so a fresh
# machine needs no GNU gettext. The .mo files are build output (.gitignore).
messages: install
	$(BIN)/pybabel compile --domain django --directory newsroom/locale --statistics

# After changing interface strings (needs GNU gettext's xgettext, unlike everything else):
# gathers every string into the .po, then fails if any lacks a Chinese translation.
MAKEMESSAGES_IGNORE := --ignore 'staticfiles/*' --ignore 'tests/*' --ignore 'media/*' --ignore '*/migrations/*'
messages-check: install
	DEBUG=true $(BIN)/python manage.py makemessages --locale zh_Hans --no-obsolete --no-location $(MAKEMESSAGES_IGNORE)
	$(BIN)/python -m pytest tests/test_interface_translations.py -q

# The Chinese web font, subset from Noto Sans CJK SC (a one-off dev step; the woff2 is committed).
font: install
	$(BIN)/python -m tests.tools.subset_font

# Tests run with DEBUG off, so pages use the hashed files of the manifest, as in production.
static: install
	SECRET_KEY=collectstatic-only $(BIN)/python manage.py collectstatic --noinput -v0

# The browser tests and HTML checks need Debian's Chromium and Java (never a browser
# download), and axe-core and vnu.jar from npm. Each is installed only when missing.
test-tools: install $(BROWSER_TOOLS)
	@missing=""; \
	test -x $(CHROMIUM) || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing with apt"; \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi

# --ignore-scripts: vnu-jar's install script would download a Java; we use Debian's.
$(BROWSER_TOOLS): tests/browser/package-lock.json
	command -v npm >/dev/null || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q npm; }
	npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test: install lint migrations-check messages static test-tools
	$(BIN)/python -m pytest

# Load test on loopback (README, "Benchmark"); not part of `make test`. Results go to .bench/.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_bench
bench: install static
	@command -v wrk >/dev/null || { apt-get install -y -qq wrk || { apt-get update -qq && apt-get install -y -qq wrk; }; } >/dev/null 2>&1 \
		|| echo "wrk could not be installed: using the slower Python load generator"
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python -m tests.bench

# The pages that grow with the number of articles, at 100,000 (README, "Benchmark"); the
# first run generates the data (minutes). Results go to .bench/large-*.
BENCH_LARGE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_big
bench-large: install static
	BENCH_LARGE_DATABASE_URL=$(BENCH_LARGE_DATABASE_URL) $(BIN)/python -m tests.bench.large
# A worker's memory over 20,000 requests of the page mix, and cold start (README, "Benchmark").
bench-memory: install static
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python -m tests.bench.memory

# Encode time of one image's renditions per format (README, "Press photos ...").
bench-images: install
	$(BIN)/python -m tests.bench.encode

# The suggested-facts rules scored on the dev set (README, "Suggested facts"); not part of
# `make test`, since those articles are other publishers' text kept outside the project.
EXTRACTION_DEV ?= ../shared/extraction-dev
score-extraction: install
	@test -f $(EXTRACTION_DEV)/score.py || { echo "No dev set at $(EXTRACTION_DEV) (it lives outside the project): nothing to score. Set EXTRACTION_DEV=DIR to point at one."; exit 1; }
	@out=$$(mktemp -d) && trap 'rm -rf "$$out"' EXIT && \
		DEBUG=true $(BIN)/python manage.py extract_facts $(EXTRACTION_DEV)/*.txt --json "$$out" >/dev/null && \
		$(BIN)/python $(EXTRACTION_DEV)/score.py "$$out" $(EXTRACTION_DEV)

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles tests/browser/node_modules test-artifacts
