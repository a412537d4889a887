"""SQLite storage, and the only SQL in Praktika: documents, items, entities, the FTS5 lemmas, the ingest log.

Callers get typed records (index/results.py) or DataFrames, never rows. Writes happen inside
`transaction()`, which rolls back on any error, so a document is stored whole or not at all.
The schema and its migrations are in index/schema.py. Not thread-safe by itself: the
knowledge base holds its lock around every use.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pandas as pd

from index import schema
from index.errors import StoreError
from index.results import FilterChoices, Filters, Overview, Stats, StoredDocument, StoredEntity, StoredItem
from pipeline import places
from pipeline.records import Document, Item, Position

_JOIN = "FROM items i JOIN documents d ON d.id = i.doc_id"
_DOC_COLUMNS = "d.source, d.kind, d.region, d.municipality, d.date, d.year"
_DOCUMENT_FIELDS = (
    "id, source, kind, title, issuer, region, municipality, date, number, year, ingested_at,"
    " json_extract(meta, '$.web.url')"
)
_ITEM_FIELDS = "id, doc_id, ordinal, kind, activity, number, section, description, deadline, responsible, result"
NO_REGION = "регион не указан"  # how the overview names documents without a region


class Store:
    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path
        # Where each lemma occurs (item, offset): what BM25 needs, one list per lemma (index/bm25.py).
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.items_places USING fts5vocab(main, items_fts, 'instance')")

    @classmethod
    def open(cls, path: Path) -> Store:
        """The store at `path`, created when the folder holds no knowledge base yet; anything else
        that is not a whole Praktika database raises `StoreError` and is left as it is."""
        if path.is_dir():
            raise StoreError(f"на месте файла базы {path} — папка: укажите другую папку базы знаний")
        empty = not path.exists() or path.stat().st_size == 0
        if empty and any((path.parent / n).exists() for n in ("vectors.faiss", "vectors.stamp")):
            raise StoreError(
                f"в папке {path.parent} нет базы {path.name} (или файл пуст), хотя её векторы на месте: "
                "восстановите файл из копии или укажите новую папку (пустая база поверх не создаётся)"
            )
        db = None
        try:
            db = schema.connect(path)
        except (sqlite3.DatabaseError, StoreError) as e:
            if db is not None:
                db.close()
            if isinstance(e, StoreError):
                raise
            raise StoreError(f"{path} — не база знаний Praktika или файл повреждён ({e})") from e
        return cls(db, path)

    def reader(self) -> Store:
        """A separate read-only store on the same file, for long reports that should not hold up searches (WAL)."""
        return Store(schema.connect(self.path, read_only=True), self.path)

    def close(self) -> None:
        self.db.close()

    def engine(self) -> str:
        """What computed the stored vectors; a base built before engines were recorded was built
        by sentence-transformers."""
        return self.meta("engine") or "torch-fp32"

    def backup(self, target: Path) -> None:
        """Copy the whole database into `target` (created or overwritten, one transaction there),
        by SQLite's online backup: readers of `target` see the old copy or the new, never a mix."""
        dest = schema.connect(target)
        try:
            self.db.backup(dest)
        finally:
            dest.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error (an interrupt included), then re-raise."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def meta(self, key: str) -> str | None:
        return schema.get_meta(self.db, key)

    def set_meta(self, key: str, value: str) -> None:
        schema.set_meta(self.db, key, value)

    def generation(self) -> int:
        """Moves with every write, in the same transaction: how other processes see that something changed."""
        return int(self.meta("generation") or 0)

    def bump(self) -> int:
        """The next generation (call inside the transaction that changes the contents)."""
        generation = self.generation() + 1
        self.set_meta("generation", str(generation))
        return generation

    def sample_item_ids(self, n: int) -> list[int]:
        """Up to `n` item ids spread over the id range (by the primary key: no scan of the table)."""
        low, high = self.db.execute("SELECT min(id), max(id) FROM items").fetchone()
        if low is None:
            return []
        picks = np.random.default_rng().integers(low, high + 1, size=n)
        first = "SELECT id FROM items WHERE id >= ? ORDER BY id LIMIT 1"
        found = (self.db.execute(first, (int(p),)).fetchone() for p in picks)
        return sorted({r[0] for r in found if r})

    def claim_model(self, name: str, dim: int) -> str | None:
        """None when the vectors here are of model `name` (a new store is marked so); else the other model."""
        built_with = self.meta("model")
        if built_with is None:
            self.set_meta("model", name)
            self.set_meta("dim", str(dim))
            return None
        return None if built_with == name and int(self.meta("dim") or 0) == dim else built_with

    # --- documents in and out --------------------------------------------------------------------

    def stored_sha(self, path: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM documents WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def twin(self, sha: str, path: str) -> str | None:
        """The source name of another document with this content, if any."""
        row = self.db.execute("SELECT source FROM documents WHERE sha256 = ? AND path != ?", (sha, path)).fetchone()
        return row[0] if row else None

    def document_id(self, path: str) -> int | None:
        row = self.db.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def find_document(self, key: str | int) -> int | None:
        """A document by id, path or file name."""
        row = self.db.execute(
            "SELECT id FROM documents WHERE id = ? OR path = ? OR source = ?", (key, str(key), str(key))
        ).fetchone()
        return row[0] if row else None

    def insert_document(self, doc: Document, path: str, sha: str) -> int:
        cur = self.db.execute(
            "INSERT INTO documents(source, path, sha256, kind, title, issuer, region, municipality, date, number,"
            " year, year_end, meta) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.source,
                path,
                sha,
                doc.kind,
                doc.title,
                doc.issuer,
                doc.region,
                doc.municipality,
                doc.date,
                doc.number,
                doc.year,
                doc.year_end,
                json.dumps(doc.meta(), ensure_ascii=False),
            ),
        )
        doc_id = int(cur.lastrowid)
        for c in doc.citations:
            self.db.execute(
                "INSERT INTO citations VALUES (?,?,?,?,?,?)", (doc_id, c.kind, c.date, c.number, c.title, int(c.amends))
            )
        return doc_id

    def insert_item(
        self, doc_id: int, item: Item, vector: np.ndarray, lemmas: list[str], activity_lemmas: list[str]
    ) -> int:
        cur = self.db.execute(
            "INSERT INTO items(doc_id, ordinal, kind, number, section, activity, description, deadline,"
            " responsible, result, pos, deadline_value, vector, activity_lemmas)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc_id,
                item.ordinal,
                item.kind,
                item.number,
                " › ".join(item.section),
                item.activity,
                item.description,
                item.deadline,
                item.responsible,
                item.result,
                json.dumps(asdict(item.pos)),
                json.dumps(item.when, ensure_ascii=False) if item.when else None,
                np.asarray(vector, dtype=np.float32).tobytes(),
                " ".join(activity_lemmas),
            ),
        )
        item_id = int(cur.lastrowid)
        self.db.execute("INSERT INTO items_fts(rowid, lemmas) VALUES (?, ?)", (item_id, " ".join(lemmas)))
        for e in item.entities:
            self.db.execute(
                "INSERT INTO entities(key, label, canonical) VALUES (?,?,?) ON CONFLICT(key) DO NOTHING",
                (e.key, e.label, e.canonical),
            )
            entity_id = self.db.execute("SELECT id FROM entities WHERE key = ?", (e.key,)).fetchone()[0]
            self.db.execute(
                "INSERT OR IGNORE INTO item_entities VALUES (?,?,?,?,?,?)",
                (item_id, entity_id, e.field, e.start, e.end, e.text),
            )
        return item_id

    def delete_document(self, doc_id: int) -> list[int]:
        """Remove a document with its items; return the removed item ids (for the vector index)."""
        ids = [r[0] for r in self.db.execute("SELECT id FROM items WHERE doc_id = ?", (doc_id,))]
        self.db.executemany("DELETE FROM items_fts WHERE rowid = ?", [(i,) for i in ids])
        self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        return ids

    def clone_document(self, doc_id: int, path: str, sha: str, vector: Callable[[np.ndarray], np.ndarray]) -> int:
        """Copy a document and its items under a new path, each vector passed through `vector`
        (bench/latency.py grows collections this way); return how many items were copied."""
        cur = self.db.execute(
            "INSERT INTO documents(source, path, sha256, kind, title, issuer, region, municipality, date, number,"
            " year, year_end, meta) SELECT source, ?, ?, kind, title, issuer, region, municipality, date, number, year,"
            " year_end, meta"
            " FROM documents WHERE id = ?",
            (path, sha, doc_id),
        )
        new_doc = cur.lastrowid
        rows = self.db.execute(
            "SELECT i.*, f.lemmas FROM items i JOIN items_fts f ON f.rowid = i.id WHERE i.doc_id = ?", (doc_id,)
        ).fetchall()
        for r in rows:
            copied = vector(np.frombuffer(r["vector"], dtype=np.float32))
            cur = self.db.execute(
                "INSERT INTO items(doc_id, ordinal, kind, number, section, activity, description, deadline,"
                " responsible, result, pos, deadline_value, vector, activity_lemmas)"
                " SELECT ?, ordinal, kind, number, section, activity, description, deadline,"
                " responsible, result, pos, deadline_value, ?, activity_lemmas FROM items WHERE id = ?",
                (new_doc, np.asarray(copied, dtype=np.float32).tobytes(), r["id"]),
            )
            self.db.execute("INSERT INTO items_fts(rowid, lemmas) VALUES (?, ?)", (cur.lastrowid, r["lemmas"]))
        return len(rows)

    def document_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]

    def log(self, path: str, sha: str | None, status: str, message: str, items: int) -> None:
        self.db.execute(
            "INSERT INTO ingest_log(path, sha256, status, message, items) VALUES (?,?,?,?,?)",
            (path, sha, status, message, items),
        )

    def ingest_log(self, path: str) -> list[tuple[str, str]]:
        """(status, message) of every ingest of `path`, oldest first."""
        rows = self.db.execute("SELECT status, message FROM ingest_log WHERE path = ? ORDER BY id", (path,))
        return [(r[0], r[1] or "") for r in rows]

    # --- vectors ----------------------------------------------------------------------------------

    def vector_chunks(self, dim: int, size: int = 50_000) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """(ids, vectors) of every item, `size` at a time by id: a million items are rebuilt into the
        vector index without holding them all twice (measured peak at 1M: see bench/latency.py)."""
        last = -1
        while True:
            rows = self.db.execute(
                "SELECT id, vector FROM items WHERE id > ? ORDER BY id LIMIT ?", (last, size)
            ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
            yield ids, np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(-1, dim)

    def vectors_of(self, ids: list[int], dim: int) -> np.ndarray:
        """The stored vectors of `ids`, in that order (a KeyError names the first unknown id)."""
        ids = [int(i) for i in ids]
        found: dict[int, bytes] = {r[0]: r[1] for r in self._items_by_id("vector", ids)}
        missing = [i for i in ids if i not in found]
        if missing:
            raise KeyError(f"no such item: {missing[0]}")
        if not ids:
            return np.zeros((0, dim), dtype=np.float32)
        return np.frombuffer(b"".join(found[i] for i in ids), dtype=np.float32).reshape(len(ids), dim).copy()

    def ranking_facts(self, ids: list[int]) -> dict[int, tuple[str, str, str | None, np.ndarray]]:
        """(kind, activity, the activity's lemmas or None in a row stored before they were, vector) by
        id: what re-ranking reads of each candidate, in one query (an item removed meanwhile is absent)."""
        rows = self._items_by_id("kind, activity, activity_lemmas, vector", [int(i) for i in ids])
        return {r[0]: (r[1], r[2], r[3], np.frombuffer(r[4], dtype=np.float32)) for r in rows}

    def _items_by_id(self, columns: str, ids: list[int]) -> Iterator[sqlite3.Row]:
        """(id, `columns`) of the stored items among `ids`, in chunks under SQLite's bound-variable limit."""
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            marks = ",".join("?" * len(chunk))
            yield from self.db.execute(f"SELECT id, {columns} FROM items WHERE id IN ({marks})", chunk)

    def item_fields(self) -> list[tuple[int, str | None, str, str | None, str | None]]:
        """(id, section, activity, description, result) of every item: what reindexing embeds again."""
        sql = "SELECT id, section, activity, description, result FROM items ORDER BY id"
        return [tuple(r) for r in self.db.execute(sql)]

    def set_vector(self, item_id: int, vector: np.ndarray) -> None:
        self.db.execute("UPDATE items SET vector = ? WHERE id = ?", (vector.astype(np.float32).tobytes(), item_id))

    # --- reading items ------------------------------------------------------------------------------

    def item_ids(self) -> set[int]:
        return {r[0] for r in self.db.execute("SELECT id FROM items")}

    def item_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM items").fetchone()[0]

    def item(self, item_id: int) -> tuple[StoredItem, StoredDocument, set[str]] | None:
        """An item, its document and its lemmas (to say which query words matched)."""
        row = self.db.execute(f"SELECT {_ITEM_FIELDS}, pos, deadline_value FROM items WHERE id = ?", (item_id,))
        row = row.fetchone()
        if row is None:
            return None
        entities = tuple(
            StoredEntity(*r)
            for r in self.db.execute(
                "SELECT e.key, e.label, e.canonical, ie.field, ie.start, ie.end, ie.text FROM item_entities ie"
                " JOIN entities e ON e.id = ie.entity_id WHERE ie.item_id = ? ORDER BY ie.field, ie.start",
                (item_id,),
            )
        )
        pos = Position(**json.loads(row["pos"])) if row["pos"] else Position()
        when = json.loads(row["deadline_value"]) if row["deadline_value"] else None
        item = StoredItem(*tuple(row)[:11], pos=pos, deadline_value=when, entities=entities)
        doc = self.db.execute(f"SELECT {_DOCUMENT_FIELDS} FROM documents WHERE id = ?", (row["doc_id"],)).fetchone()
        fts = self.db.execute("SELECT lemmas FROM items_fts WHERE rowid = ?", (item_id,)).fetchone()
        return item, StoredDocument(*doc), set((fts[0] if fts else "").split())

    def document_of(self, item_id: int) -> tuple[StoredDocument, list[StoredItem]] | None:
        """The document holding `item_id` and all its items in order; None for an unknown item."""
        row = self.db.execute("SELECT doc_id FROM items WHERE id = ?", (int(item_id),)).fetchone()
        if not row:
            return None
        ids = [r[0] for r in self.db.execute("SELECT id FROM items WHERE doc_id = ? ORDER BY ordinal", (row[0],))]
        loaded = [found for i in ids if (found := self.item(i))]
        return (loaded[0][1], [item for item, _, _ in loaded]) if loaded else None

    def item_origin(self, item_id: int) -> tuple[np.ndarray, int, str | None] | None:
        """An item's stored vector, its document id and region (what «similar» starts from)."""
        row = self.db.execute(f"SELECT i.vector, i.doc_id, d.region {_JOIN} WHERE i.id = ?", (int(item_id),)).fetchone()
        if not row:
            return None
        return np.frombuffer(row[0], dtype=np.float32), row[1], row[2]

    def region_item_ids(self, region: str) -> set[int]:
        condition, names = _region_condition(region)
        return {r[0] for r in self.db.execute(f"SELECT i.id {_JOIN} WHERE {condition}", names)}

    def regions(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT DISTINCT region FROM documents WHERE region IS NOT NULL")}

    def region_of(self, municipality: str) -> str | None:
        """The region the stored documents place a municipality in, if any does."""
        row = self.db.execute(
            "SELECT region FROM documents WHERE municipality = ? AND region IS NOT NULL LIMIT 1", (municipality,)
        ).fetchone()
        return row[0] if row else None

    # --- filters and lexical ranking ------------------------------------------------------------------

    def filter_ids(self, f: Filters) -> np.ndarray | None:
        """The sorted ids of the items passing `f`; None when nothing is filtered."""
        sql = _filter_sql(f)
        if sql is None:
            return None
        return np.array([r[0] for r in self.db.execute(f"{sql[0]} ORDER BY i.id", sql[1])], dtype=np.int64)

    def lemma_counts(self, terms: list[str]) -> dict[str, int]:
        """In how many items each lemma occurs."""
        if not terms:
            return {}
        marks = ",".join("?" * len(terms))
        found = dict(self.db.execute(f"SELECT term, doc FROM items_vocab WHERE term IN ({marks})", terms).fetchall())
        return {t: found.get(t, 0) for t in terms}

    def occurrences(self, token: str) -> np.ndarray:
        """The ids of the items holding `token`, once per occurrence."""
        return self._places_of(token, "doc")

    def token_places(self, token: str) -> np.ndarray:
        """(item id, token offset) for every occurrence of `token`, for phrases."""
        return self._places_of(token, "doc || ' ' || offset").reshape(-1, 2)

    def _places_of(self, token: str, what: str) -> np.ndarray:
        """`what` of every occurrence of `token` as numbers, read as one string (a row per hit costs twice)."""
        sql = f"SELECT group_concat({what}, ' ') FROM temp.items_places WHERE term = ?"
        text = self.db.execute(sql, (token,)).fetchone()[0]
        return np.array(text.split() if text else [], dtype=np.int64)

    def lemma_lengths(self) -> tuple[np.ndarray, np.ndarray]:
        """Item ids and their lengths in tokens, as FTS5 records them for its own BM25 (a varint per row)."""
        rows = self.db.execute("SELECT id, sz FROM items_fts_docsize").fetchall()
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        sizes = np.fromiter((s[0] if len(s) == 1 else _varint(s) for _, s in rows), dtype=np.int32, count=len(rows))
        return ids, sizes

    def filter_choices(self, labels: tuple[str, ...], limit: int = 300) -> FilterChoices:
        """The stored values of each filter, and the most mentioned entities of `labels`."""
        distinct = "SELECT DISTINCT {0} FROM documents WHERE {0} IS NOT NULL ORDER BY 1"
        columns = ("region", "municipality", "kind", "year")
        values = {c: tuple(r[0] for r in self.db.execute(distinct.format(c))) for c in columns}
        marks = ",".join("?" * len(labels))
        entities = self.db.execute(
            "SELECT e.key, e.label, e.canonical FROM entities e JOIN item_entities ie ON ie.entity_id = e.id"
            f" WHERE e.label IN ({marks}) GROUP BY e.id ORDER BY count(*) DESC LIMIT ?",
            (*labels, limit),
        )
        return FilterChoices(
            values["region"], values["municipality"], values["kind"], values["year"], tuple(tuple(e) for e in entities)
        )

    # --- counts, overview and research tables ------------------------------------------------------

    def counts(self) -> tuple[int, int, int]:
        """(documents, items, entities)."""
        one = lambda table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
        return one("documents"), one("items"), one("entities")

    def stats(self, vectors: int, vector_index: str, dim: int, problems: tuple[str, ...]) -> Stats:
        """The store's counts, with what the vector index and the checks say (passed in)."""
        documents, items, entities = self.counts()
        return Stats(
            documents, items, vectors, entities, self.items_by_region(), self.empty_documents(),
            self.meta("model"), self.engine(), vector_index, dim, problems,
        )  # fmt: skip

    def items_by_region(self) -> tuple[tuple[str | None, int], ...]:
        sql = f"SELECT d.region, count(*) AS items {_JOIN} GROUP BY d.region ORDER BY items DESC"
        return tuple(tuple(r) for r in self.db.execute(sql))

    def empty_documents(self) -> tuple[str, ...]:
        """Sources of the documents stored without a single item."""
        sql = (
            "SELECT d.source FROM documents d WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.doc_id = d.id)"
            " ORDER BY d.source"
        )
        return tuple(r[0] for r in self.db.execute(sql))

    def integrity(self) -> list[str]:
        """Problems found: SQLite's own check, items without FTS rows or the reverse, orphans, doubles."""
        problems = []
        if self.db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("sqlite integrity_check failed")
        n_items = self.item_count()
        n_fts = self.db.execute("SELECT count(*) FROM items_fts").fetchone()[0]
        if n_items != n_fts:
            problems.append(f"{n_items} items but {n_fts} lexical rows")
        orphans = self.db.execute("SELECT count(*) FROM items WHERE doc_id NOT IN (SELECT id FROM documents)")
        if n := orphans.fetchone()[0]:
            problems.append(f"{n} items without a document")
        dupes = self.db.execute(
            "SELECT count(*) FROM (SELECT doc_id, ordinal FROM items GROUP BY doc_id, ordinal HAVING count(*) > 1)"
        ).fetchone()[0]
        if dupes:
            problems.append(f"{dupes} items stored twice")
        return problems

    def overview(self, labels: tuple[str, ...]) -> Overview:
        return Overview(
            self.items_by_region_kind(),
            self.items_by_year(),
            self.items_by_start_month(),
            self.entity_reach(labels),
            *self.counts(),
        )

    def items_by_region_kind(self) -> pd.DataFrame:
        region = f"coalesce(d.region, '{NO_REGION}') AS region"
        sql = f"SELECT {region}, coalesce(d.kind, '—') AS kind, count(*) AS items {_JOIN} GROUP BY 1, 2 ORDER BY 1, 2"
        return pd.read_sql_query(sql, self.db)

    def items_by_year(self) -> pd.DataFrame:
        """Years as text, so that a plot shows them as categories."""
        sql = (
            f"SELECT CAST(d.year AS TEXT) AS year, coalesce(d.region, '{NO_REGION}') AS region, count(*) AS items"
            f" {_JOIN} WHERE d.year IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
        )
        return pd.read_sql_query(sql, self.db)

    def items_by_start_month(self) -> pd.DataFrame:
        start = "json_extract(i.deadline_value, '$.start_year'), json_extract(i.deadline_value, '$.start_month')"
        sql = (
            f"SELECT printf('%04d-%02d', {start}) AS month, coalesce(d.region, '{NO_REGION}') AS region,"
            f" count(*) AS items {_JOIN} WHERE json_extract(i.deadline_value, '$.start_month') IS NOT NULL"
            " AND json_extract(i.deadline_value, '$.start_year') IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
        )
        return pd.read_sql_query(sql, self.db)

    def entity_reach(self, labels: tuple[str, ...]) -> pd.DataFrame:
        """Per entity of `labels`: mentions, documents and regions, most mentioned first within a label."""
        marks = ",".join("?" * len(labels))
        sql = (
            "SELECT e.label, e.canonical, count(*) AS mentions, count(DISTINCT i.doc_id) AS documents,"
            " count(DISTINCT d.region) AS regions FROM item_entities ie JOIN entities e ON e.id = ie.entity_id"
            f" JOIN items i ON i.id = ie.item_id JOIN documents d ON d.id = i.doc_id WHERE e.label IN ({marks})"
            " GROUP BY e.id ORDER BY e.label, mentions DESC"
        )
        return pd.read_sql_query(sql, self.db, params=labels)

    def documents_table(self) -> pd.DataFrame:
        return pd.read_sql_query(
            "SELECT d.id AS doc_id, d.source, d.kind, d.title, d.issuer, d.region, d.municipality, d.date, d.number,"
            " d.year, count(i.id) AS items FROM documents d LEFT JOIN items i ON i.doc_id = d.id"
            " GROUP BY d.id ORDER BY d.id",
            self.db,
        )

    def items_table(self) -> pd.DataFrame:
        """Items with their document's metadata, the deadline value as JSON and entity keys joined by «; »."""
        return pd.read_sql_query(
            f"SELECT i.id AS item_id, i.doc_id, {_DOC_COLUMNS}, i.ordinal, i.kind AS item_kind, i.number, i.section,"
            " i.activity, i.description, i.deadline, i.responsible, i.result, i.deadline_value,"
            " (SELECT group_concat(e.key, '; ') FROM item_entities ie JOIN entities e ON e.id = ie.entity_id"
            "  WHERE ie.item_id = i.id) AS entities"
            f" {_JOIN} ORDER BY i.id",
            self.db,
        )

    def entities_table(self) -> pd.DataFrame:
        return pd.read_sql_query(
            f"SELECT ie.item_id, i.doc_id, {_DOC_COLUMNS}, e.key, e.label, e.canonical, ie.field, ie.text"
            " FROM item_entities ie JOIN entities e ON e.id = ie.entity_id JOIN items i ON i.id = ie.item_id"
            " JOIN documents d ON d.id = i.doc_id ORDER BY ie.item_id, ie.field, ie.start",
            self.db,
        )

    def citations_table(self) -> pd.DataFrame:
        """Acts each document refers to; `cited_doc_id` when the cited act is itself stored."""
        return pd.read_sql_query(
            "SELECT c.doc_id, d.source, d.kind, d.region, d.municipality, d.date, d.number,"
            " c.kind AS cited_kind, c.date AS cited_date, c.number AS cited_number, c.title AS cited_title,"
            " c.amends, (SELECT t.id FROM documents t WHERE t.number = c.number AND t.date = c.date) AS cited_doc_id"
            " FROM citations c JOIN documents d ON d.id = c.doc_id ORDER BY c.doc_id",
            self.db,
        )

    def item_keys(self) -> dict[tuple[str, int], int]:
        """(source, ordinal) → item id: how judged sets name items (bench/retrieval.py)."""
        return {(r[1], r[2]): r[0] for r in self.db.execute(f"SELECT i.id, d.source, i.ordinal {_JOIN}")}


def _region_condition(region: str) -> tuple[str, tuple[str, ...]]:
    """The region under any of its names («Республика Татарстан» in a base built before its official
    name changed), as a WHERE condition and its arguments."""
    names = places.region_names(region)
    return f"d.region IN ({', '.join('?' * len(names))})", names


def _filter_sql(f: Filters) -> tuple[str, list] | None:
    """SELECT of the item ids passing `f`, with its arguments; None when nothing is filtered."""
    where, args = [], []
    if f.region:
        condition, names = _region_condition(f.region)
        where.append(condition)
        args.extend(names)
    if f.municipality:  # «Озёрский» asked, «Озерский» printed
        where.append("replace(d.municipality, 'ё', 'е') = ?")
        args.append(f.municipality.replace("ё", "е"))
    if f.kind:
        where.append("d.kind = ?")
        args.append(f.kind)
    if f.year_from:  # a programme «на 2021–2025 годы» is one of 2023 too
        where.append("coalesce(d.year_end, d.year) >= ?")
        args.append(f.year_from)
    if f.year_to:
        where.append("d.year <= ?")
        args.append(f.year_to)
    if f.section:
        where.append("i.section LIKE ?")
        args.append(f"%{f.section}%")
    if f.exclude_doc:
        where.append("i.doc_id != ?")
        args.append(f.exclude_doc)
    if f.entity:
        where.append(
            "i.id IN (SELECT ie.item_id FROM item_entities ie JOIN entities e ON e.id = ie.entity_id WHERE e.key = ?)"
        )
        args.append(f.entity)
    if not where:
        return None
    return f"SELECT i.id {_JOIN} WHERE " + " AND ".join(where), args


def _varint(data: bytes) -> int:
    """SQLite's variable-length integer: seven bits a byte, high bits first."""
    value = 0
    for byte in data:
        value = (value << 7) | (byte & 0x7F)
    return value
