# Capital Client — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
SCREENSHOTS := artifacts/screenshots

.PHONY: run test lint unit e2e bench chromium venv dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.runtime
dev: $(VENV)/.dev

## run: serve the app on http://localhost:$(PORT) (the demo portfolio is created at first start)
run: $(VENV)/.runtime
	$(BIN)/streamlit run app.py --server.port $(PORT)

## chromium: Debian's chromium for the browser tests (installed when we can, else say how)
chromium:
	@if command -v chromium >/dev/null 2>&1; then \
		echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = "0" ]; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	elif sudo -n true 2>/dev/null; then \
		sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	else \
		echo "The browser tests need Debian's chromium. Install it with:"; \
		echo "    sudo apt-get install chromium"; \
		echo "then run 'make test' again."; \
		exit 1; \
	fi

lint: $(VENV)/.dev
	$(BIN)/ruff check .

unit: $(VENV)/.dev
	$(BIN)/python -m pytest -n 2 -m "not e2e" -q

e2e: $(VENV)/.dev chromium
	$(BIN)/python -m pytest -m e2e -q tests/e2e
	@echo "Screenshots of every page: $(CURDIR)/$(SCREENSHOTS)"

## test: lint, then the whole suite (unit + doctests, AppTest, browser)
test: lint unit e2e

## bench: the benchmark scripts (slow; results go to benchmarks/README.md by hand)
bench: $(VENV)/.dev
	for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) artifacts .pytest_cache .ruff_cache
