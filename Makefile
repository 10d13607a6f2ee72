# Two commands for a newcomer: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8501

.PHONY: run test lint format bench sample ingest users app browser-deps screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: install, make the sample corpus if plans/ has no PDFs of your own, ingest, start the app
run: $(STAMP) ingest users app

## sample: generate the 131-plan sample corpus in plans/sample (skipped when present)
sample: $(STAMP)
	@if [ -z "$$(find plans/sample -name '*.pdf' 2>/dev/null | head -1)" ]; then \
		$(BIN)/coder sample --out plans/sample; \
	fi

## ingest: ingest your own PDFs under plans/, or else the sample corpus
ingest: $(STAMP)
	@own=$$(find plans -iname '*.pdf' -not -path 'plans/sample*' | head -1); \
	if [ -n "$$own" ]; then \
		dirs=$$(find plans -iname '*.pdf' -not -path 'plans/sample*' -exec dirname {} \; | sort -u); \
		$(BIN)/coder ingest $$dirs || echo "some files failed: see the messages above (coder status)"; \
	else \
		$(MAKE) --no-print-directory sample && \
		($(BIN)/coder ingest plans/sample || echo "some files failed: see the messages above (coder status)"); \
	fi

## users: demo users (printed as DEMO credentials) on the sample corpus; your own plans get
## the app's first-run page instead, where you create the first admin
users: $(STAMP)
	@own=$$(find plans -iname '*.pdf' -not -path 'plans/sample*' | head -1); \
	if [ -z "$$own" ]; then \
		$(BIN)/coder user demo || echo "no demo users: this database has real users"; \
	else \
		echo "Open the app to create the first admin (or: coder user add NAME --role admin)"; \
	fi

## app: start the Streamlit app on $(HOST):$(PORT)
app: $(STAMP)
	$(BIN)/streamlit run app.py --server.address $(HOST) --server.port $(PORT)

## browser-deps: Debian's chromium for the Playwright browser tests
browser-deps:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

## test: install, lint (ruff) and run the test suite
test: $(STAMP) browser-deps lint
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## bench: performance targets on the full sample corpus (writes benchmarks/RESULTS.md)
bench: $(STAMP) browser-deps
	@command -v pdftotext >/dev/null || (apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null)
	$(BIN)/python benchmarks/sample.py --out plans/sample-bench
	$(BIN)/python benchmarks/ingest.py --corpus plans/sample-bench
	$(BIN)/python benchmarks/export.py
	$(BIN)/python benchmarks/analysis.py
	$(BIN)/python benchmarks/reliability.py
	$(BIN)/python benchmarks/pilot.py
	$(BIN)/python benchmarks/suggest.py
	$(BIN)/python benchmarks/workspace.py
	$(BIN)/python benchmarks/load.py

## screenshots: regenerate docs/screenshots/*.png from a small sample corpus
screenshots: $(STAMP) browser-deps
	$(BIN)/python docs/make_screenshots.py

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache plans/sample plans/sample-bad plans/sample-bench
