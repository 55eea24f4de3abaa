# dlref — the two commands of the README are `make site` and `make test`.
# Each creates .venv and installs the pinned dependencies on first use; later runs skip that.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.installed-stamp
OUT    := docs/_build/html
PORT   ?= 8000

.PHONY: site site-quick check-catalogs test test-fast regress regress-all serve catalogs lint bench clean help

help:
	@echo "make site      build the whole site (English + Korean, every example executed) into $(OUT)"
	@echo "make site LANG=ko  one language only;  make site-quick  a preview that runs no example"
	@echo "make test      run the entire test suite (unit, doctest, docs build, browser)"
	@echo "make test-fast unit tests and doctests only: no site build, no browser (the edit loop)"
	@echo "make regress TF=2.17  doctests + Keras-parity tests on one TensorFlow minor (own .venv-tf<minor>)"
	@echo "make regress BACKEND=jax  the same with Keras on JAX, no TensorFlow (own .venv-jax; also torch)"
	@echo "make regress-all      every row of regress/versions.toml; each run writes regress/results.json"
	@echo "make serve     serve the built site at http://127.0.0.1:$(PORT)/"
	@echo "make catalogs  refresh the Korean translation catalogs after editing English text"
	@echo "make check-catalogs  list the English messages without a Korean translation (seconds)"
	@echo "make bench     run the benchmarks and print their figures"
	@echo "make lint      run ruff"

$(STAMP): pyproject.toml docs/pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "make: $(PYTHON) not found; install Python 3.10+"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[tensorflow,docs,test]" -e ./docs
	@touch $(STAMP)

# KaTeX's stylesheet and fonts (package.json): the maths is rendered at build time with Node.js.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "make: npm not found; install Node.js 18+ and npm (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

# make site LANG=ko builds one language.  LANG is also the locale variable of every shell, so
# only a LANG given on make's command line counts.
SITE_LANG := $(if $(filter command line,$(origin LANG)),--lang $(LANG))
# make exports a command-line LANG to the commands too, where it is read as a locale ("ko" is
# none): they get the usual one back.
SITE_ENV := $(if $(filter command line,$(origin LANG)),LANG=C.UTF-8)

site: $(STAMP) $(NODE_STAMP)
	$(SITE_ENV) $(PY) -m dlref_docs build $(SITE_LANG)

# A writer's preview in seconds: no example runs, warnings are reported but do not fail.
site-quick: $(STAMP) $(NODE_STAMP)
	$(SITE_ENV) $(PY) -m dlref_docs build --quick $(SITE_LANG)

# -n auto: one pytest-xdist worker per core; --dist loadgroup keeps each file's tests (and its
# fixtures) on one worker, but runs the browser walk's two languages side by side
# (tests/conftest.py names the groups); --no-loadscope-reorder keeps the order conftest.py gives
# them, the two walks first.  The site itself is built once per run.
test: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest -n auto --dist loadgroup --no-loadscope-reorder

# Tiers are folders (tests/conftest.py gives tests/site "slow" and tests/browser "browser");
# tests in tests/dlref that train a model are marked "slow" themselves.  One worker per core, as
# make test (the page doctests, which build Keras models, are most of the time).
test-fast: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest -m "not slow and not browser" -n auto --dist loadgroup --no-loadscope-reorder

# The regression matrix (regress/versions.toml): one environment per TensorFlow minor and per
# other Keras backend, reused.  make regress TF=2.17, or make regress BACKEND=jax.  The results
# then go into the package (dlref/tested_matrix.json), where show_versions reads them.
regress:
	@$(PYTHON) regress/run.py $(TF) $(if $(BACKEND),--backend=$(BACKEND))
	@$(PYTHON) -m dlref._matrix update

regress-all:
	@$(PYTHON) regress/run.py --all
	@$(PYTHON) -m dlref._matrix update

serve:
	@test -f $(OUT)/index.html || { echo "make serve: no built site at $(OUT); run 'make site' first"; exit 1; }
	$(PY) -m http.server --directory $(OUT) --bind 127.0.0.1 $(PORT)

# The site's catalogs (docs/locale), then dlref's own (dlref/locale: what the package prints).
catalogs: $(STAMP)
	$(PY) -m dlref_docs catalogs
	$(PY) -m dlref._i18n_tools update

check-catalogs: $(STAMP)
	$(PY) -m dlref_docs check

lint: $(STAMP)
	$(PY) -m ruff check .

# Lighthouse (benchmarks/package.json) is a benchmark's tool, not the site's: its own folder.
BENCH_NODE_STAMP := benchmarks/node_modules/.installed-stamp
$(BENCH_NODE_STAMP): benchmarks/package.json benchmarks/package-lock.json
	npm ci --prefix benchmarks --no-audit --no-fund --loglevel=error
	@touch $(BENCH_NODE_STAMP)

# bench_site.py builds the site from clean (the examples run again); the rest read the
# result or time the package.
bench: $(STAMP) $(NODE_STAMP) $(BENCH_NODE_STAMP)
	$(PY) benchmarks/bench_import.py
	$(PY) benchmarks/bench_activations.py
	$(PY) benchmarks/bench_check.py
	$(PY) benchmarks/bench_fit.py
	$(PY) benchmarks/bench_site.py --pinned
	$(PY) benchmarks/bench_korean_figures.py
	$(PY) benchmarks/bench_page_weight.py
	$(PY) benchmarks/bench_search_index.py
	$(PY) benchmarks/bench_search_query.py
	$(PY) benchmarks/bench_lighthouse.py

clean:
	rm -rf docs/_build docs/auto_examples docs/api/generated docs/sg_execution_times.rst
