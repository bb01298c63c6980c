# Resolvia: the two commands a newcomer needs are `make run` and `make test`.
.DEFAULT_GOAL := help
VENV ?= .venv
PY := $(VENV)/bin/python
SHELL := /bin/bash

.PHONY: help install run test unit integration lint data-check format bench bench-throughput mocks models clean

help:  ## list targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

install:  ## venv, pinned packages, Tesseract, bundled models (idempotent)
	@bash scripts/install.sh

run: install  ## set up if needed, then run the main job on the embedded defaults (demo queue)
	@mkdir -p data
	@bash scripts/run_demo.sh

test: install lint data-check  ## set up if needed, then lint, check the data, run the whole test suite
	$(PY) -m pytest tests

unit: install  ## unit tests only (no network, no model)
	$(PY) -m pytest tests/unit

integration: install  ## integration tests (bundled model, Tesseract, loopback services)
	$(PY) -m pytest tests/integration

lint:  ## ruff (lint + format check) and mypy on the packages
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy config.py errors.py main.py batch.py backup.py cli adapters observability mocks finetune domain graph nodes prompts bench tools console

data-check:  ## regenerate resources/ into a temp dir, diff with the committed files, validate
	PYTHONDONTWRITEBYTECODE=1 $(PY) tools/check_generated.py

format:  ## apply ruff fixes and formatting
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

bench: install  ## provider-layer overhead vs raw llama_cpp (prints figures)
	$(PY) bench/bench_provider.py

bench-throughput: install  ## incidents/min, workers x incidents at once, against a fake model server (~20 min)
	$(PY) bench/throughput.py

mocks: install  ## run the mock incident manager and target system on the demo date
	$(PY) -m mocks serve --today 20/11/2026

models: install  ## list the model registry
	$(PY) main.py models list

clean:  ## remove run outputs and caches (keeps the venv and the models)
	rm -rf data resources/reportes resources/rejected resources/historico .pytest_cache .mypy_cache .ruff_cache
