# The two commands of the README: `make run` and `make test`. Both create the virtual environment on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE ?= 1
export TRANSFORMERS_OFFLINE ?= 1
export GRADIO_ANALYTICS_ENABLED ?= False
export ANONYMIZED_TELEMETRY ?= False

.PHONY: install run test ingest eval bench bench-scale clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first and pinned: it resolves to the local CPU wheel instead of a multi-GB CUDA build.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

ingest: install
	$(BIN)/mea-assistant ingest

run: install
	$(BIN)/mea-assistant ingest
	@if [ -f app.py ]; then $(BIN)/python app.py; else $(BIN)/mea-assistant chat; fi

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/mea-assistant eval --out eval-out/hybrid

bench: install
	$(BIN)/python benchmarks/bench_baseline.py
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_query.py

bench-scale: install
	$(BIN)/python benchmarks/bench_scale.py --sizes 1,10,100

clean:
	rm -rf $(VENV) index/current index/builds index/CURRENT eval-out
