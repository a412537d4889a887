"""Store, embed and search: the knowledge base and its Python API.

from index import open_built, Filters
kb = open_built()                      # kb/ built from corpus/ when missing or stale
kb.search("наставничество", Filters(region="Смоленская область"))
kb.items()                             # pandas DataFrame, one row per item
"""

from pathlib import Path

from index.kb import KnowledgeBase
from index.results import Filters, Hit, IngestResult, StoredDocument, StoredItem, cite
from pipeline import config

__all__ = ["Filters", "Hit", "IngestResult", "KnowledgeBase", "StoredDocument", "StoredItem", "cite", "open_built"]


def open_built(root: str | Path | None = None, corpus: str | Path | None = None) -> KnowledgeBase:
    """The knowledge base at `root`, first brought up to date with `corpus` (unchanged files are skipped).

    kb = open_built()  # kb/ from corpus/, as `make run` builds it
    """
    kb = KnowledgeBase.open(root)
    kb.ingest([corpus or config.CORPUS_DIR])
    return kb
