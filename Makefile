# The two commands of the README: `make run` and `make test`. Everything they need is here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
PG_URL := postgres://postgres@127.0.0.1:5432/newsroom

.PHONY: install run test lint format migrations-check demo static clean bench

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Newsroom needs Python 3.11 or newer as $(PYTHON)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py load_demo
	DEBUG=true $(BIN)/python manage.py ensure_admin

run: demo
	DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

# Tests run with DEBUG off, so pages use the hashed files of the manifest, as in production.
static: install
	SECRET_KEY=collectstatic-only $(BIN)/python manage.py collectstatic --noinput -v0

test: install lint migrations-check static
	$(BIN)/python -m pytest

# Load test on loopback (README, "Benchmark"); not part of `make test`. Results go to .bench/.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_bench
bench: install static
	@command -v wrk >/dev/null || { apt-get install -y -qq wrk || { apt-get update -qq && apt-get install -y -qq wrk; }; } >/dev/null 2>&1 \
		|| echo "wrk could not be installed: using the slower Python load generator"
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python -m tests.bench

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
