"""The knowledge base: one object over the store, the vector index, search and ingestion.

    kb = KnowledgeBase.open("kb/")
    kb.ingest(["corpus/"])
    kb.search("сетевое партнёрство школ", Filters(region="Смоленская область"))

The work is done in index/store.py (SQL), vectors.py (FAISS), search.py (hybrid search),
ingest.py (parse, embed, commit) and answers.py; this façade opens them, shares one lock
between them (the web server's threads use one connection and one index) and counts
changes in `generation`, so that views computed from the contents know they are stale.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from index import embedder, frames
from index.answers import Answer, answer
from index.errors import ReadOnlyError, StoreError
from index.ingest import Ingestion, Progress
from index.results import (
    FilterChoices,
    Filters,
    Hit,
    IngestResult,
    Overview,
    Stats,
    StoredDocument,
    StoredItem,
    Understood,
)
from index.search import HybridSearch
from index.store import Store
from index.vector_file import Replica, SharedLock, VectorFile
from index.vectors import FaissVectors
from pipeline import config
from pipeline.labels import EVENT, ORG, PER, SCHOOL
from pipeline.parse import files_in
from pipeline.readers.ocr import PageProgress

CHOOSABLE = (PER, SCHOOL, ORG, EVENT)  # entity labels offered as filters and counted in the overview


class KnowledgeBase:
    def __init__(
        self, root: Path, store: Store, replica: Replica, encoder: embedder.Encoder, read_only: bool = False
    ) -> None:
        self.root = root
        self.read_only = read_only  # a serving replica: searches, answers and reports, no writes
        self.store = store
        self.vectors = replica.vectors
        self.dim = self.vectors.dim
        self.replica = replica
        self.generation = 0  # grows with every change seen by this process, its own or another's
        self.lock = SharedLock(self._catch_up)
        self.encoder = encoder  # the engine that built the vectors embeds queries and new items
        self.searcher = HybridSearch(store, self.vectors, encoder.query, self.lock)
        self.ingestion = Ingestion(store, replica, self.lock, self._changed, encoder)
        self.timings: Counter = self.ingestion.timings  # seconds per ingest stage, for bench/ingest.py

    @classmethod
    def open(cls, root: str | Path | None = None, reindexing: bool = False, read_only: bool = False) -> KnowledgeBase:
        """Open (or create) the knowledge base at `root`; a damaged one raises `StoreError`, untouched.
        `read_only`: a copy made by `snapshot` and served as it is; it must exist."""
        root = Path(root or config.KB_DIR)
        if read_only and not (root / "praktika.sqlite").is_file():
            raise StoreError(f"в папке {root} нет базы знаний: сначала сделайте копию командой `praktika snapshot`")
        file = VectorFile(root)
        store = Store.open(root / "praktika.sqlite")
        fresh = store.meta("model") is None
        engine = embedder.default_engine() if fresh else store.engine()
        encoder = embedder.encoder(engine)
        name, dim = embedder.model_name(), encoder.dim
        built_with = store.claim_model(name, dim)
        if fresh:
            store.set_meta("engine", engine)
        if built_with and not reindexing:
            store.close()
            raise StoreError(
                f"база знаний {root} построена моделью «{built_with}», а не «{name}»: "
                "пересчитайте векторы командой `praktika reindex`"
            )
        kb = cls(root, store, Replica(store, FaissVectors(dim), file, name), encoder, read_only)
        with file.locked():
            file.clean()
        if not reindexing:
            kb.replica.catch_up()
        return kb

    @property
    def repaired(self) -> bool:
        """Whether the vector file could not be trusted and was rebuilt from SQLite."""
        return self.replica.rebuilt > 0

    def refresh(self) -> int:
        """Catch up with what other processes wrote; the generation this process now sees."""
        with self.lock:
            return self.generation

    def _catch_up(self) -> None:
        if self.replica.generation is not None and self.replica.catch_up():
            self._changed()

    def close(self) -> None:
        self.searcher.close()
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def _changed(self) -> None:
        self.searcher.forget()
        self.generation += 1

    # --- ingestion -------------------------------------------------------------------------------

    def ingest(
        self, targets: Iterable[str | Path], progress: Progress | None = None, cluster: str | None = None
    ) -> list[IngestResult]:
        """Files and folders, one result per file in order (see index/ingest.py); `cluster`: read,
        tag and embed them on a Ray cluster («auto», «HOST:PORT», «ray://HOST:PORT»; index/cluster.py)."""
        self._writable()
        if cluster:  # the same stages and commits, spread over the cluster's nodes
            from index import cluster as ray_cluster

            return ray_cluster.ingest(self.ingestion, [p for t in targets for p in files_in(t)], cluster, progress)
        return self.ingestion.files(targets, progress)

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(
                f"база {self.root} открыта только для чтения (копия для показа): "
                "добавляйте и удаляйте документы в основной базе, затем обновите копию командой `praktika snapshot`"
            )

    def snapshot(self, target: str | Path) -> int:
        """A consistent copy of this knowledge base in `target`, for read-only serving replicas;
        returns the generation copied. Writers wait meanwhile (they do not fail): the FAISS file of
        this generation is written there first, then SQLite's online backup replaces the database in
        one transaction, so a replica serving `target` moves from the old copy to the new whole."""
        target = Path(target)
        if target.resolve() == self.root.resolve():
            raise StoreError("копию нельзя записать в папку самой базы")
        copy = VectorFile(target)
        with self.lock, self.replica.file.locked():
            self.replica.sync()  # the vectors of exactly what SQLite holds now
            generation = self.store.generation()
            with copy.locked():  # a replica reading `target` waits for the pair
                copy.clean()
                copy.write(self.vectors, generation)
                self.store.backup(target / "praktika.sqlite")
            return generation

    def ingest_bytes(
        self, data: bytes, path: str, name: str, keep_apart: bool = False, on_page: PageProgress | None = None
    ) -> IngestResult:
        """One uploaded file under the key `path`; `keep_apart`: other content there is not replaced;
        `on_page` hears how OCR of a scan goes (pages read, pages to read)."""
        self._writable()
        return self.ingestion.one(data, path, name, keep_apart, on_page)

    def remove(self, document: str | int) -> int:
        """Remove a document by id, path or file name; return how many items went with it."""
        self._writable()
        return self.ingestion.remove(document)

    def reindex(self) -> int:
        """Re-embed every item with the current model (after a model change)."""
        self._writable()
        return self.ingestion.reindex(embedder.model_name())

    # --- search ------------------------------------------------------------------------------------

    def search(self, query: str, filters: Filters | None = None, k: int = 10) -> list[Hit]:
        """The best `k` items passing `filters`: dense and lexical candidates ordered by `index.rerank`."""
        return self.searcher.search(query, filters, k)

    def similar(
        self, item_id: int, other_documents_only: bool = True, other_regions: bool = False, k: int = 10
    ) -> list[Hit]:
        return self.searcher.similar(item_id, other_documents_only, other_regions, k)

    def ask(self, question: str, filters: Filters | None = None, k: int = 5) -> Answer:
        """A question in Russian answered from the items, with citations (see index/answers.py)."""
        return answer(self.searcher, question, filters, k)

    def understand(self, query: str) -> Understood:
        return self.searcher.understand(query)

    def lemma_counts(self, terms: list[str]) -> dict[str, int]:
        return self.searcher.lemma_counts(terms)

    def document_of(self, item_id: int) -> tuple[StoredDocument, list[StoredItem]]:
        """The document an item belongs to and all its items, in order (for showing it whole)."""
        with self.lock:
            found = self.store.document_of(item_id)
        if found is None:
            raise KeyError(f"no such item: {item_id}")
        return found

    # --- tables for research and the page ---------------------------------------------------------

    def documents(self) -> pd.DataFrame:
        """Documents with their metadata and item counts: `kb.documents().groupby("region").items.sum()`."""
        with self.lock:
            return self.store.documents_table()

    def items(self) -> pd.DataFrame:
        """Items with their document's metadata, deadline months and entity keys:
        `kb.items().query("region == 'Смоленская область'")[["activity", "deadline", "responsible"]]`."""
        with self.lock:
            return frames.items(self.store.items_table())

    def entities(self) -> pd.DataFrame:
        """One row per mention: `kb.entities().query("label == 'PER'").canonical.value_counts()`."""
        with self.lock:
            return self.store.entities_table()

    def citations(self) -> pd.DataFrame:
        """Acts the documents cite (which regional order a municipal order follows), with `cited_doc_id`."""
        with self.lock:
            return self.store.citations_table()

    def embeddings(self, ids: Iterable[int]) -> np.ndarray:
        """Stored vectors, one float32 row per id in the order given: `kb.embeddings(kb.items().item_id)`."""
        with self.lock:
            return self.store.vectors_of(list(ids), self.dim)

    def filter_choices(self) -> FilterChoices:
        with self.lock:
            return self.store.filter_choices(CHOOSABLE)

    def overview(self) -> Overview:
        """The overview's figures, read on a separate connection so that searches go on meanwhile (WAL)."""
        reader = self.store.reader()
        try:
            return reader.overview(CHOOSABLE)
        finally:
            reader.close()

    # --- bookkeeping ----------------------------------------------------------------------------------

    def stats(self) -> Stats:
        with self.lock:
            return self.store.stats(len(self.vectors), self.vectors.kind, self.dim, tuple(self.check()))

    def check(self) -> list[str]:
        with self.lock:
            problems = self.store.integrity()
            if self.store.item_ids() != self.vectors.ids():
                problems.append("vector index out of step with the items")
            return problems
