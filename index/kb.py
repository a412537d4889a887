"""The knowledge base: ingest files, keep SQLite and FAISS in step, search them together.

    kb = KnowledgeBase.open("kb/")
    kb.ingest(["corpus/"])
    kb.search("сетевое партнёрство школ", Filters(region="Смоленская область"))

Ingestion is incremental: a file is known by its path and content hash; unchanged files
are skipped, changed ones replaced, and each file is committed in one SQLite transaction
before the FAISS file is rewritten, so an interrupted ingest loses at most the file in
flight and never leaves an item twice.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from index import embedder, lemmas, store
from index.vectors import Vectors
from pipeline import config, guard
from pipeline.parse import files_in, printable
from pipeline.readers import ReadError, load


@dataclass
class Filters:
    region: str | None = None
    municipality: str | None = None
    kind: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    section: str | None = None  # a word of the section path
    entity: str | None = None  # an entity key, e.g. «ORG:МОЦ»
    exclude_doc: int | None = None


@dataclass
class Hit:
    item_id: int
    score: float  # fused (reciprocal rank fusion)
    dense_rank: int | None
    lexical_rank: int | None
    matched_terms: list[str]
    item: dict[str, Any]
    document: dict[str, Any]
    similarity: float | None = None  # cosine of query and item, when the dense side found it


@dataclass
class IngestResult:
    path: str
    status: str  # "added" | "replaced" | "unchanged" | "duplicate" | "failed"
    message: str = ""
    items: int = 0
    warning: str = ""  # text the parser could not place, or no items at all (see Document.warnings)
    reason: str = ""  # the class of a failure («повреждённый PDF», «превышен предел»), for grouping


@dataclass
class _Parsed:
    """A file read and tagged, waiting for its vectors."""

    path: str
    sha: str
    doc: Any  # pipeline.records.Document
    texts: list[str]


@dataclass
class KnowledgeBase:
    root: Path
    db: sqlite3.Connection
    vectors: Vectors
    dim: int
    repaired: bool = False
    timings: Counter = field(default_factory=Counter)  # seconds per ingest stage, for bench/ingest.py
    _cache: dict = field(default_factory=dict)
    generation: int = 0  # grows with every change, so that views computed from the contents know they are stale
    # One connection and one FAISS index shared by the web server's threads: every read and
    # write of either holds this lock (parsing and embedding run outside it).
    lock: threading.RLock = field(default_factory=threading.RLock)
    _embedding: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "praktika-embed"))

    # --- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, root: str | Path | None = None, reindexing: bool = False) -> KnowledgeBase:
        root = Path(root or config.KB_DIR)
        db = store.connect(root / "praktika.sqlite")
        name, dim = embedder.model_name(), embedder.dimension()
        built_with = store.get_meta(db, "model")
        if built_with is None:
            store.set_meta(db, "model", name)
            store.set_meta(db, "dim", str(dim))
        elif not reindexing and (built_with != name or int(store.get_meta(db, "dim") or 0) != dim):
            raise RuntimeError(
                f"this knowledge base was built with the model «{built_with}», not «{name}»: "
                "run `praktika reindex` to re-embed it with the current model"
            )
        kb = cls(root, db, Vectors.load(root / "vectors.faiss", dim) or Vectors(dim), dim)
        if not reindexing:
            kb._repair_vectors()
        return kb

    def _repair_vectors(self) -> None:
        """Rebuild FAISS from SQLite when the two disagree (e.g. after a crash between them)."""
        self.repaired = self._all_ids() != self.vectors.ids()
        if self.repaired or self.vectors.outgrown():
            self._rebuild_vectors()

    def _rebuild_vectors(self) -> None:
        item_ids, vecs = store.all_vectors(self.db, self.dim)
        self.vectors = Vectors.build(item_ids, vecs, self.dim)
        self.vectors.save(self.root / "vectors.faiss")
        store.set_meta(self.db, "vector_index", self.vectors.kind)

    def close(self) -> None:
        self._embedding.shutdown(wait=False)
        self.db.close()

    # --- ingestion ---------------------------------------------------------------------------

    def ingest(
        self, targets: Iterable[str | Path], progress: Callable[[int, int, str], None] | None = None
    ) -> list[IngestResult]:
        """Files and folders, one result per file in order. Items are embedded in batches across
        files (longer batches pad less: 1.5× faster measured), then each file is committed alone."""
        paths = [p for t in targets for p in files_in(t)]
        results: list[IngestResult | None] = [None] * len(paths)
        waiting: list[tuple[int, _Parsed]] = []
        for n, path in enumerate(paths):
            name, key = printable(path.name), printable(path.resolve())
            if progress:
                progress(n + 1, len(paths), name)
            try:
                data = load(path)
            except ReadError as e:
                with self.lock:
                    results[n] = self._log(IngestResult(key, "failed", str(e), reason=e.kind), None)
                continue
            ready = self._prepare(data, key, name)
            del data
            if isinstance(ready, IngestResult):
                results[n] = ready
                continue
            waiting.append((n, ready))
            # Unsaved work stays bounded by items and by characters, however many files a batch holds.
            if sum(len(p.texts) for _, p in waiting) >= config.EMBED_BATCH or sum(
                len(t) for _, p in waiting for t in p.texts
            ) >= config.EMBED_CHARS:
                self._store(waiting, results)
                waiting = []
        self._store(waiting, results)
        return results

    def ingest_bytes(self, data: bytes, path: str, name: str) -> IngestResult:
        """One file: parse, tag, embed, then commit and update the vectors."""
        ready = self._prepare(data, path, name)
        if isinstance(ready, IngestResult):
            return ready
        results: list[IngestResult | None] = [None]
        self._store([(0, ready)], results)
        return results[0]

    def _seen(self, path: str, sha: str) -> IngestResult | None:
        """«unchanged» or «duplicate» when this content is already stored."""
        known = self.db.execute("SELECT sha256 FROM documents WHERE path = ?", (path,)).fetchone()
        if known and known["sha256"] == sha:
            return self._log(IngestResult(path, "unchanged"), sha)
        twin = self.db.execute("SELECT source FROM documents WHERE sha256 = ? AND path != ?", (sha, path)).fetchone()
        if twin:
            return self._log(IngestResult(path, "duplicate", f"то же содержимое, что у {twin['source']}"), sha)
        return None

    def _prepare(self, data: bytes, path: str, name: str) -> IngestResult | _Parsed:
        """Read and tag a file, unless it is already stored or cannot be read."""
        sha = hashlib.sha256(data).hexdigest()
        with self.lock:
            seen = self._seen(path, sha)
        if seen:
            return seen
        try:
            parsed = guard.parse(data, name)
        except ReadError as e:
            with self.lock:
                return self._log(IngestResult(path, "failed", str(e), reason=e.kind), sha)
        self.timings["parse"] += parsed.parse_seconds
        self.timings["entities"] += parsed.tag_seconds
        doc = parsed.document
        return _Parsed(path, sha, doc, [item_text(item) for item in doc.items])

    def _store(self, waiting: list[tuple[int, _Parsed]], results: list[IngestResult | None]) -> None:
        """Embed the waiting files' items together, then commit each file in its own transaction."""
        if not waiting:
            return
        clock = time.perf_counter()
        vectors = embedder.passages([t for _, p in waiting for t in p.texts])
        self._tick("embed", clock)
        at = 0
        for slot, p in waiting:
            with self.lock:
                results[slot] = self._commit(p.doc, p.texts, vectors[at : at + len(p.texts)], p.path, p.sha)
            at += len(p.texts)

    def _commit(self, doc, texts: list[str], vectors: np.ndarray, path: str, sha: str) -> IngestResult:
        """Store a parsed document in one transaction, then bring FAISS in step."""
        seen = self._seen(path, sha)  # stored meanwhile, by another thread or earlier in this batch
        if seen:
            return seen
        clock = time.perf_counter()
        known = self.db.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
        removed: list[int] = []
        added: list[int] = []
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if known:
                removed = store.delete_document(self.db, known["id"])
            doc_id = store.insert_document(self.db, doc, path, sha)
            for item, text, vector in zip(doc.items, texts, vectors, strict=True):
                added.append(store.insert_item(self.db, doc_id, item, vector, lemmas.lemmas(text)))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.vectors.remove(removed)
        self.vectors.add(np.array(added, dtype=np.int64), vectors)
        if self.vectors.outgrown():
            self._rebuild_vectors()  # past EXACT_UP_TO: switch to the approximate index
        else:
            self.vectors.save(self.root / "vectors.faiss")
        self._changed()
        self._tick("index", clock)
        warning = "; ".join(doc.warnings())
        status = "replaced" if known else "added"
        return self._log(IngestResult(path, status, items=len(added), warning=warning), sha)

    def _changed(self) -> None:
        """After any write: cached filters and counts are stale, and readers can tell by `generation`."""
        self._cache.clear()
        self.generation += 1

    def _tick(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.timings[stage] += now - since
        return now

    def _log(self, result: IngestResult, sha: str | None) -> IngestResult:
        self.db.execute(
            "INSERT INTO ingest_log(path, sha256, status, message, items) VALUES (?,?,?,?,?)",
            (result.path, sha, result.status, result.message or result.warning, result.items),
        )
        return result

    def remove(self, document: str | int) -> int:
        """Remove a document by id, path or file name; return how many items went with it."""
        with self.lock:
            return self._remove(document)

    def _remove(self, document: str | int) -> int:
        row = self.db.execute(
            "SELECT id FROM documents WHERE id = ? OR path = ? OR source = ?",
            (document, str(document), str(document)),
        ).fetchone()
        if not row:
            raise KeyError(f"no such document: {document}")
        self.db.execute("BEGIN IMMEDIATE")
        removed = store.delete_document(self.db, row["id"])
        self.db.execute("COMMIT")
        self.vectors.remove(removed)
        self.vectors.save(self.root / "vectors.faiss")
        self._changed()
        return len(removed)

    # --- search --------------------------------------------------------------------------------

    def search(self, query: str, filters: Filters | None = None, k: int = 10) -> list[Hit]:
        """Dense and lexical candidates fused by reciprocal rank fusion, then filtered."""
        filters = filters or Filters()
        vector = self._embedding.submit(embedder.query, query)  # the model works while SQLite does
        match, terms = lemmas.fts_query(query)
        n = config.CANDIDATES
        with self.lock:
            allowed = self._allowed(filters)
            match = self._selective(terms) if match else None
            lexical = self._lexical(match, n, allowed, self._filter_sql(filters)) if match else []
            dense = self._dense(vector.result(), n, allowed)
            return self._fuse(dense, lexical, terms, k)

    def ask(self, question: str, filters: Filters | None = None, k: int = 5):
        """A question in Russian answered from the items, with citations (see index/answers.py)."""
        from index.answers import answer

        return answer(self, question, filters, k)

    def understand(self, query: str) -> dict[str, Any]:
        """What the query names besides its topic: abbreviations expanded, region and year as filters."""
        from pipeline import glossary, places

        found = places.regions(query)
        years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d|19\d\d)(?!\d)", query)]
        with self.lock:
            known = {r[0] for r in self.db.execute("SELECT DISTINCT region FROM documents WHERE region IS NOT NULL")}
        return {
            "expanded": glossary.expand_query(query),
            "region": next((r for r in found if r in known), found[0] if found else None),
            "municipality": next(iter(places.municipalities(query)), None),
            "year_from": min(years) if years else None,
            "year_to": max(years) if years else None,
        }

    def similar(
        self, item_id: int, other_documents_only: bool = True, other_regions: bool = False, k: int = 10
    ) -> list[Hit]:
        with self.lock:
            return self._similar(item_id, other_documents_only, other_regions, k)

    def _similar(self, item_id: int, other_documents_only: bool, other_regions: bool, k: int) -> list[Hit]:
        row = self.db.execute(
            "SELECT i.vector, i.doc_id, d.region FROM items i JOIN documents d ON d.id = i.doc_id WHERE i.id = ?",
            (item_id,),
        ).fetchone()
        if not row:
            raise KeyError(f"no such item: {item_id}")
        allowed = self._allowed(Filters(exclude_doc=row["doc_id"] if other_documents_only else None))
        if other_regions and row["region"]:
            same = {
                r[0]
                for r in self.db.execute(
                    "SELECT i.id FROM items i JOIN documents d ON d.id = i.doc_id WHERE d.region = ?",
                    (row["region"],),
                )
            }
            pool = set(allowed.tolist()) if allowed is not None else self._all_ids()
            allowed = np.array(sorted(pool - same), dtype=np.int64)
        vector = np.frombuffer(row["vector"], dtype=np.float32)
        dense = [(i, s) for i, s in self._dense(vector, k + 1, allowed) if i != item_id][:k]
        return self._fuse(dense, [], [], k)

    def reader(self) -> sqlite3.Connection:
        """A separate read-only connection, for long reports that should not hold up searches (WAL)."""
        db = sqlite3.connect(f"file:{self.root / 'praktika.sqlite'}?mode=ro", uri=True, check_same_thread=False)
        db.row_factory = sqlite3.Row
        return db

    def document_of(self, item_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The document an item belongs to and all its items, in order (for showing it whole)."""
        with self.lock:
            row = self.db.execute("SELECT doc_id FROM items WHERE id = ?", (int(item_id),)).fetchone()
            if not row:
                raise KeyError(f"no such item: {item_id}")
            ids = self.db.execute("SELECT id FROM items WHERE doc_id = ? ORDER BY ordinal", (row[0],)).fetchall()
            loaded = [self._item(i) for (i,) in ids]
        document = loaded[0][1]
        document.pop("path", None)  # a server-side path: not for display
        return document, [item for item, _, _ in loaded]

    def _all_ids(self) -> set[int]:
        return {r[0] for r in self.db.execute("SELECT id FROM items")}

    def _allowed(self, f: Filters) -> np.ndarray | None:
        """Ids of the items that pass the filters (None: no filters), cached until the next change."""
        key = ("allowed", astuple(f))
        if key not in self._cache:
            sql = self._filter_sql(f)
            ids = None if sql is None else np.array(sorted(r[0] for r in self.db.execute(*sql)), dtype=np.int64)
            self._cache[key] = ids
        return self._cache[key]

    @staticmethod
    def _filter_sql(f: Filters) -> tuple[str, list] | None:
        """SELECT of the item ids passing `f`, with its arguments; None when nothing is filtered."""
        where, args = [], []
        for column, value in (("d.region", f.region), ("d.municipality", f.municipality), ("d.kind", f.kind)):
            if value:
                where.append(f"{column} = ?")
                args.append(value)
        if f.year_from:
            where.append("d.year >= ?")
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
                "i.id IN (SELECT ie.item_id FROM item_entities ie JOIN entities e ON e.id = ie.entity_id"
                " WHERE e.key = ?)"
            )
            args.append(f.entity)
        if not where:
            return None
        return "SELECT i.id FROM items i JOIN documents d ON d.id = i.doc_id WHERE " + " AND ".join(where), args

    def _count(self) -> int:
        if "count" not in self._cache:
            self._cache["count"] = self.db.execute("SELECT count(*) FROM items").fetchone()[0]
        return self._cache["count"]

    def _dense(self, vector: np.ndarray, n: int, allowed: np.ndarray | None) -> list[tuple[int, float]]:
        if self._broad(allowed):  # over-fetch, then keep the allowed: usually cheaper than an id selector
            over = self._over(n, allowed)
            found = self.vectors.search(vector, over)
            kept = [(i, s) for (i, s), ok in zip(found, _member([i for i, _ in found], allowed), strict=True) if ok]
            if len(kept) >= n or len(found) < over:
                return kept[:n]
        if allowed is None:
            return self.vectors.search(vector, n)
        key = ("selector", id(allowed))
        if key not in self._cache:  # building one costs ~ its size: keep it with the filter's ids
            self._cache[key] = (allowed, faiss.IDSelectorBatch(allowed))
        return self.vectors.search(vector, n, allowed, self._cache[key][1])

    def _broad(self, allowed: np.ndarray | None) -> bool:
        return allowed is not None and len(allowed) >= config.BROAD_FILTER * max(self._count(), 1)

    def _over(self, n: int, allowed: np.ndarray) -> int:
        """How many unfiltered candidates hold about `n` allowed ones, with a margin."""
        return int(1.5 * n * self._count() / max(len(allowed), 1)) + 10

    def _selective(self, terms: list[str]) -> str | None:
        """The query's rarer lemmas as a MATCH expression: very common ones («школа») rank little and cost much.

        Lemmas are taken from the rarest up while their item counts fit `config.LEXICAL_BUDGET`, and
        on larger collections none found in over a tenth of the items. None: only common lemmas, so
        the dense side answers alone.
        """
        total, df = self._count(), self.lemma_counts(terms)
        kept, spent = [], 0
        for term in sorted(terms, key=lambda t: df[t]):
            too_common = total >= 5000 and df[term] > 0.1 * total
            if too_common or spent + df[term] > config.LEXICAL_BUDGET:
                break
            kept.append(term)
            spent += df[term]
        return " OR ".join(f'"{t}"' for t in kept) or None

    def lemma_counts(self, terms: list[str]) -> dict[str, int]:
        """In how many items each lemma occurs, cached until the next change."""
        with self.lock:
            known = self._cache.setdefault("df", {})
            missing = [t for t in terms if t not in known]
            if missing:
                marks = ",".join("?" * len(missing))
                found = dict(self.db.execute(f"SELECT term, doc FROM items_vocab WHERE term IN ({marks})", missing))
                known.update({t: found.get(t, 0) for t in missing})
            return {t: known[t] for t in terms}

    def _lexical(
        self, match: str, n: int, allowed: np.ndarray | None = None, filter_sql: tuple[str, list] | None = None
    ) -> list[int]:
        """BM25 over lemmas. A broad filter is applied to an over-fetched ranking, a narrow one inside SQLite."""
        if self._broad(allowed):  # the whole (budget-bounded) ranking, then the allowed: no SQL-side filter
            rows = [r[0] for r in self.db.execute(_RANKED.format(filter=""), (match, -1))]
            return [i for i, ok in zip(rows, _member(rows, allowed), strict=True) if ok][:n]
        if filter_sql is None:
            sql, args = "", []
        else:
            sql, args = f" AND +rowid IN ({filter_sql[0]})", filter_sql[1]  # `+`: filter after MATCH, not per rowid
        return [r[0] for r in self.db.execute(_RANKED.format(filter=sql), (match, *args, n))]

    def _fuse(self, dense_scored: list[tuple[int, float]], lexical: list[int], terms: list[str], k: int) -> list[Hit]:
        dense = [i for i, _ in dense_scored]
        similarity = dict(dense_scored)
        scores: dict[int, float] = {}
        for ranking in (dense, lexical):
            for rank, item_id in enumerate(ranking, start=1):
                scores[item_id] = scores.get(item_id, 0.0) + 1.0 / (config.RRF_K + rank)
        best = sorted(scores, key=lambda i: -scores[i])[:k]
        d_rank = {i: r for r, i in enumerate(dense, start=1)}
        l_rank = {i: r for r, i in enumerate(lexical, start=1)}
        hits = []
        for item_id in best:
            item, document, item_lemmas = self._item(item_id)
            matched = [t for t in terms if t in item_lemmas]
            hits.append(
                Hit(
                    item_id,
                    scores[item_id],
                    d_rank.get(item_id),
                    l_rank.get(item_id),
                    matched,
                    item,
                    document,
                    similarity.get(item_id),
                )
            )
        return hits

    def _item(self, item_id: int) -> tuple[dict, dict, set[str]]:
        row = self.db.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
        item = {k: row[k] for k in row.keys() if k != "vector"}
        item["pos"] = json.loads(item["pos"]) if item["pos"] else None
        item["deadline_value"] = json.loads(item["deadline_value"]) if item["deadline_value"] else None
        item["entities"] = [
            dict(r)
            for r in self.db.execute(
                "SELECT e.key, e.label, e.canonical, ie.field, ie.start, ie.end, ie.text FROM item_entities ie"
                " JOIN entities e ON e.id = ie.entity_id WHERE ie.item_id = ? ORDER BY ie.field, ie.start",
                (item_id,),
            )
        ]
        doc = self.db.execute("SELECT * FROM documents WHERE id = ?", (row["doc_id"],)).fetchone()
        document = {k: doc[k] for k in doc.keys() if k != "meta"}
        fts = self.db.execute("SELECT lemmas FROM items_fts WHERE rowid = ?", (item_id,)).fetchone()
        return item, document, set((fts[0] if fts else "").split())

    # --- tables for research ---------------------------------------------------------------------

    def documents(self):
        """Documents as a DataFrame: kind, title, issuer, region, municipality, date, year, items.

            kb.documents().groupby("region").items.sum()
        """
        from index import frames

        with self.lock:
            return frames.documents(self.db)

    def items(self):
        """Items as a DataFrame with their document's metadata, deadline months and entity keys.

            kb.items().query("region == 'Смоленская область'")[["activity", "deadline", "responsible"]]
        """
        from index import frames

        with self.lock:
            return frames.items(self.db)

    def entities(self):
        """Entity mentions as a DataFrame (one row per mention, with item and document metadata).

            kb.entities().query("label == 'PER'").canonical.value_counts().head()
        """
        from index import frames

        with self.lock:
            return frames.entities(self.db)

    def citations(self):
        """Acts the documents cite (which regional order a municipal order follows), as a DataFrame.

            kb.citations()[["source", "cited_kind", "cited_number", "cited_date", "amends"]]
        """
        from index import frames

        with self.lock:
            return frames.citations(self.db)

    def embeddings(self, ids) -> np.ndarray:
        """Stored item vectors as a float32 array, one row per id, in the order given.

            vectors = kb.embeddings(kb.items().item_id)
        """
        from index import frames

        with self.lock:
            return frames.embeddings(self.db, list(ids), self.dim)

    # --- bookkeeping ---------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        with self.lock:
            return self._stats()

    def _stats(self) -> dict[str, Any]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "items": one("SELECT count(*) FROM items"),
            "vectors": len(self.vectors),
            "entities": one("SELECT count(*) FROM entities"),
            "regions": [
                dict(r)
                for r in self.db.execute(
                    "SELECT d.region AS region, count(*) AS items FROM items i JOIN documents d ON d.id = i.doc_id"
                    " GROUP BY d.region ORDER BY items DESC"
                )
            ],
            "empty_documents": [
                r[0]
                for r in self.db.execute(
                    "SELECT d.source FROM documents d WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.doc_id = d.id)"
                    " ORDER BY d.source"
                )
            ],
            "model": store.get_meta(self.db, "model"),
            "vector_index": self.vectors.kind,
            "dim": self.dim,
            "problems": self.check(),
        }

    def check(self) -> list[str]:
        problems = store.integrity(self.db)
        if self._all_ids() != self.vectors.ids():
            problems.append("vector index out of step with the items")
        return problems

    def reindex(self) -> int:
        """Re-embed every item with the current model (after a model change)."""
        rows = self.db.execute("SELECT id, section, activity, description, result FROM items ORDER BY id").fetchall()
        texts = [passage(r["section"], r["activity"], r["description"], r["result"]) for r in rows]
        vectors = embedder.passages(texts)
        self.db.execute("BEGIN IMMEDIATE")
        for r, v in zip(rows, vectors, strict=True):
            self.db.execute("UPDATE items SET vector = ? WHERE id = ?", (v.astype(np.float32).tobytes(), r["id"]))
        store.set_meta(self.db, "model", embedder.model_name())
        store.set_meta(self.db, "dim", str(vectors.shape[1] if len(rows) else embedder.dimension()))
        self.db.execute("COMMIT")
        self._rebuild_vectors()
        self._changed()
        return len(rows)


_RANKED = "SELECT rowid FROM items_fts WHERE items_fts MATCH ?{filter} ORDER BY bm25(items_fts) LIMIT ?"


def _member(ids: list[int], allowed: np.ndarray) -> np.ndarray:
    """Which of `ids` are in the sorted array `allowed`."""
    ids_ = np.asarray(ids, dtype=np.int64)
    at = np.searchsorted(allowed, ids_)
    return (at < len(allowed)) & (allowed[np.minimum(at, len(allowed) - 1)] == ids_)


def open_built(root: str | Path | None = None, corpus: str | Path | None = None) -> KnowledgeBase:
    """The knowledge base at `root`, first brought up to date with `corpus` (unchanged files are skipped).

        kb = open_built()  # kb/ from corpus/, as `make run` builds it
    """
    kb = KnowledgeBase.open(root)
    kb.ingest([corpus or config.CORPUS_DIR])
    return kb


def item_text(item) -> str:
    """What is embedded and indexed for an item: its section path and its own words."""
    return passage(" › ".join(item.section), item.activity, item.description, item.result)


def passage(section: str | None, activity: str, description: str | None, result: str | None) -> str:
    """The text of an item from its fields (the section path already joined), as stored or parsed."""
    return "\n".join(x for x in (section, activity, description, result) if x)
