"""Store, embed and search: the knowledge base and its Python API.

from index import open_built, Filters
kb = open_built()                      # kb/ built from corpus/ when missing or stale
kb.search("наставничество", Filters(region="Смоленская область"))
kb.items()                             # pandas DataFrame, one row per item
"""

from index.kb import KnowledgeBase, open_built
from index.results import Filters, Hit, IngestResult, StoredDocument, StoredItem, cite

__all__ = ["Filters", "Hit", "IngestResult", "KnowledgeBase", "StoredDocument", "StoredItem", "cite", "open_built"]
