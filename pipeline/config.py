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
