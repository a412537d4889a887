# Two commands: `make run` (build and serve) and `make test`. Both set everything up first.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 7860

.PHONY: run test setup system lint bench notebooks clean

# Build (or bring up to date: unchanged files are skipped) the knowledge base, then serve the page.
run: setup
	$(BIN)/praktika ingest corpus
	$(BIN)/praktika stats
	$(BIN)/praktika serve --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/python -m pytest -q

# JupyterLab on this computer only, in notebooks/ (the notebooks read kb/: `make run` builds it).
notebooks: setup
	$(BIN)/jupyter lab --ip 127.0.0.1 --no-browser --notebook-dir notebooks

lint: setup
	$(BIN)/ruff check .

bench: setup
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/realdocs.py
	$(BIN)/python bench/regions.py
	$(BIN)/python bench/ner_eval.py
	$(BIN)/python bench/retrieval.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/web.py
	$(BIN)/python bench/soak.py
	$(BIN)/python bench/ocr.py

setup: system $(STAMP)

# System packages: Debian's Chromium drives the browser tests of the search page; LibreOffice
# (writer, no GUI) converts .doc, .rtf and .odt for the DOCX reader; Tesseract's Russian and
# English models read scans (the engine itself comes with tesserocr); poppler-utils for bench/.
SYSTEM_PACKAGES = chromium libreoffice-writer-nogui tesseract-ocr tesseract-ocr-rus tesseract-ocr-eng poppler-utils
TESSDATA_DIR = /usr/share/tesseract-ocr/5/tessdata
system:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v soffice >/dev/null 2>&1 \
		|| [ ! -f $(TESSDATA_DIR)/rus.traineddata ] || [ ! -f $(TESSDATA_DIR)/eng.traineddata ] \
		|| ! command -v pdftoppm >/dev/null 2>&1; then \
		echo "installing $(SYSTEM_PACKAGES) (apt)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	fi

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found; set PYTHON=python3"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# torch first, from its CPU build: otherwise sentence-transformers pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

clean:
	rm -rf kb tests/artifacts .pytest_cache .ruff_cache
