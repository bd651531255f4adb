# Two commands for a newcomer: `make serve` and `make test`. Everything they need is
# installed on the way, once: stamp files make a second run skip what has not changed.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV    := .venv
PY      := $(VENV)/bin/python
STAMPS  := .cache/stamps
HOST    ?= 127.0.0.1
PORT    ?= 8000

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# puppeteer-core (Firefox tests) never downloads a browser: Debian's Firefox ESR is used.
export PUPPETEER_SKIP_DOWNLOAD := 1

.PHONY: help setup system-packages build serve preview test bench clean

help:
	@echo "make serve   install what is needed, build, and serve on http://$(HOST):$(PORT) with live reload"
	@echo "make test    install what is needed and run every test (unit, build and browser)"
	@echo "make build   write the site to site/"
	@echo "make preview build, then serve site/ on http://$(HOST):$(PORT) with the production headers (site/_headers)"
	@echo "make bench   measure page weight, engine start, memory and build time (writes bench.json)"
	@echo "make clean   remove the build, caches and installed tools"

# The Python tools, the npm packages and the system packages (browsers, Pango) install
# side by side: each is mostly one core, a download or the disk, and on a fresh machine
# together they are the longest part of `make test` before the first test.
setup:
	@$(MAKE) --no-print-directory --output-sync=target -j3 $(STAMPS)/venv $(STAMPS)/npm system-packages

# Debian's Chromium and its headless shell, Firefox ESR and WebKitGTK for the browser
# tests, Pango for the PDF leaflets: checked every time (they are not ours to stamp),
# installed only when missing.
system-packages:
	scripts/install-system-packages

# The venv: project tooling on Python >= 3.12. The .pth file puts src/ on the path so
# that the build integration (src/sitebuild) imports as a package without being shipped
# in the selfcheck wheel.
# Python >= 3.12 brings a pip that installs this project as it is (editable, from
# pyproject.toml), so pip is not upgraded first: that was one more download per set-up.
$(STAMPS)/venv: pyproject.toml scripts/find-python
	@python=$$(scripts/find-python) && echo "Using $$python" && \
	  { [ -x $(PY) ] && $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || { rm -rf $(VENV) && "$$python" -m venv $(VENV); }; }
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(PY) -c 'import site, pathlib; pathlib.Path(site.getsitepackages()[0], "iontophoresis-src.pth").write_text(str(pathlib.Path("src").resolve()) + "\n")'
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/npm: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@mkdir -p $(STAMPS) && touch $@

build: setup
	$(VENV)/bin/mkdocs build --strict

serve: setup
	$(VENV)/bin/mkdocs serve --strict --livereload --dev-addr $(HOST):$(PORT)

preview: build
	$(PY) -m sitebuild.preview site --host $(HOST) --port $(PORT)

# Style and types first (settings in pyproject.toml): a finding fails the job before
# the slow tests start. pytest exits 5 when it collects no test: not a failure of the job.
# The tests run on TEST_JOBS processes (pytest-xdist; an idle process takes tests from a
# busy one). A browser test spends much of its time waiting for the browser, so more
# processes than cores still gain: on two cores with warm caches, pytest took 7.7 min
# on 2 processes and 7.6 min on 3 (13 min on one, before other cuts).
TEST_JOBS ?= 3
test: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	node --test tests/js/
	$(PY) -m pytest -n $(TEST_JOBS) --dist worksteal || [ $$? -eq 5 ]

# Not part of `make test`: it times `make build` itself, then measures the built site.
bench: setup
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf site .cache $(VENV) node_modules bench.json
