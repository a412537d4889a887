"""The search a user would write without Praktika, for the benches to measure ours beside.

sentence-transformers in float32 (torch), an exact flat FAISS index and an FTS5 table over the raw
item texts (no lemmas), fused by reciprocal rank. It holds its own SQL on purpose (the one file
outside `index/store.py` allowed to, see tests/test_structure.py): it stands for code outside the
product, reading the same knowledge base's items.
"""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path

from index.kb import KnowledgeBase


class PlainBaseline:
    """Built once over the knowledge base's items; `search` gives the top item ids of a query."""

    def __init__(self, kb: KnowledgeBase, path: Path):
        import faiss

        from index.embedder import encoder

        self.encode = encoder("torch-fp32").query
        self.index = faiss.IndexIDMap(faiss.IndexFlatIP(kb.dim))
        for ids, vectors in kb.store.vector_chunks(kb.dim):
            self.index.add_with_ids(vectors, ids)
        source = sqlite3.connect(path / "praktika.sqlite")
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE plain USING fts5(text)")
        rows = source.execute("SELECT id, activity || ' ' || coalesce(description, '') FROM items")
        self.db.executemany("INSERT INTO plain(rowid, text) VALUES (?, ?)", rows)
        source.close()

    def search(self, query: str, k: int = 10) -> list[int]:
        _, dense = self.index.search(self.encode(query)[None, :], 50)
        words = " OR ".join(f'"{w}"' for w in query.replace('"', " ").split())
        lexical = [
            r[0]
            for r in self.db.execute("SELECT rowid FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT 50", (words,))
        ]
        fused: dict[int, float] = {}
        for ranking in (list(dense[0]), lexical):
            for rank, item in enumerate(ranking):
                fused[int(item)] = fused.get(int(item), 0.0) + 1 / (60 + rank)
        return sorted(fused, key=fused.__getitem__, reverse=True)[:k]


def sqlite_bm25(path: Path, terms: list[str], n: int) -> list[int]:
    """The best `n` items by SQLite FTS5's own bm25() over the lemma index: what Praktika ranked
    with before index/bm25.py, timed beside it."""
    match = " OR ".join(f'"{t}"' for t in terms)
    sql = "SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY bm25(items_fts) LIMIT ?"
    return [r[0] for r in _reader(path).execute(sql, (match, n))]


def lemmas_by_frequency(path: Path, low: int, high: int) -> list[tuple[str, int]]:
    """Lemmas of the lemma index found in `low` to `high` items, with their counts."""
    sql = "SELECT term, doc FROM items_vocab WHERE doc BETWEEN ? AND ? ORDER BY term"
    return _reader(path).execute(sql, (low, high)).fetchall()


@functools.cache
def _reader(path: Path) -> sqlite3.Connection:
    """One read-only connection per knowledge base, kept: its page cache warms like the product's."""
    return sqlite3.connect(f"file:{path / 'praktika.sqlite'}?mode=ro", uri=True)
