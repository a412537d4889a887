"""Ingestion: files read and tagged in the guarded worker, embedded in batches, committed one file at a time.

A file is known by its path and content hash: unchanged files are skipped, changed ones
replaced. Each file is committed in one SQLite transaction before the vector file is
rewritten, so an interrupted ingest loses at most the file in flight and never stores an
item twice; on opening, a vector index out of step with SQLite is rebuilt from it.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from index import lemmas
from index.embedder import Encoder
from index.results import IngestResult
from index.store import Store
from index.vector_file import Replica, rebuild
from pipeline import config, guard
from pipeline.parse import files_in, printable
from pipeline.readers import ReadError, load
from pipeline.readers.ocr import PageProgress
from pipeline.records import Document, passage

Progress = Callable[[int, int, str], None]  # (file number, files, file name and how its OCR goes)


def ocr_note(name: str, done: int, total: int) -> str:
    """«plan.pdf: распознано страниц 3 из 12» — what a progress bar says while a scan is read."""
    return f"{name}: распознано страниц {done} из {total}"


def _pages(progress: Progress | None, n: int, files: int, name: str) -> PageProgress | None:
    """A scan's page progress, told as the file's progress."""
    if progress is None:
        return None
    return lambda done, total: progress(n, files, ocr_note(name, done, total))


@dataclass
class _Parsed:
    """A file read and tagged, waiting for its vectors."""

    path: str
    sha: str
    doc: Document
    texts: list[str]


def prepared(parsed: guard.Parsed, path: str, sha: str) -> _Parsed:
    """A file read and tagged, with the texts its items are embedded and indexed by."""
    return _Parsed(path, sha, parsed.document, [item.passage() for item in parsed.document.items])


class Ingestion:
    def __init__(
        self,
        store: Store,
        replica: Replica,
        lock: AbstractContextManager,
        changed: Callable[[], None],
        encoder: Encoder,  # the knowledge base's engine: a cluster's workers embed with the same
        parse: Callable[..., guard.Parsed] = guard.parse,  # (data, name, on_page=…)
    ) -> None:
        self.store = store
        self.replica = replica
        self.vectors = replica.vectors
        self.lock = lock  # the knowledge base's: held for every read and write of the store and the index
        self.changed = changed  # called after every write
        self.parse = parse
        self.encoder = encoder
        self.timings: Counter = Counter()  # seconds per stage, for bench/ingest.py

    def files(self, targets: Iterable[str | Path], progress: Progress | None = None) -> list[IngestResult]:
        """Files and folders, one result per file in order. Files are read and tagged a few at a time
        (`config.PARSE_WORKERS` worker processes); items are embedded in batches across files
        (longer batches pad less: 1.5× faster measured), then each file is committed alone."""
        paths = [p for t in targets for p in files_in(t)]
        results: list[IngestResult | None] = [None] * len(paths)
        waiting: list[tuple[int, _Parsed]] = []
        since = time.monotonic()  # when the oldest waiting file was parsed

        def read(n: int, path: Path) -> IngestResult | _Parsed:
            name, key = printable(path.name), printable(path.resolve())
            try:
                data = load(path)
            except ReadError as e:
                return self.failed(key, str(e), e.kind, None)
            return self._prepare(data, key, name, _pages(progress, n + 1, len(paths), name))

        workers = config.PARSE_WORKERS if config.ISOLATE else 1  # in-process tagging is not thread-safe
        ahead = 2 * workers  # files read ahead of the one being stored: bounded memory
        pool = ThreadPoolExecutor(workers, "praktika-read")
        pending: deque[Future] = deque()
        try:
            for n, path in enumerate(paths):
                while len(pending) < ahead and n + len(pending) < len(paths):
                    at = n + len(pending)
                    pending.append(pool.submit(read, at, paths[at]))
                if progress:
                    progress(n + 1, len(paths), printable(path.name))
                ready = pending.popleft().result()
                if isinstance(ready, IngestResult):
                    results[n] = ready
                    continue
                if not waiting:
                    since = time.monotonic()
                waiting.append((n, ready))
                # Unsaved work stays bounded by items, characters and time, however many files a batch holds.
                if (
                    sum(len(p.texts) for _, p in waiting) >= config.EMBED_BATCH
                    or sum(len(t) for _, p in waiting for t in p.texts) >= config.EMBED_CHARS
                    or time.monotonic() - since >= config.EMBED_WAIT_SECONDS
                ):
                    batch, waiting = waiting, []
                    wait(pending)  # the model wants both cores: no file is tagged while it embeds
                    self._store(batch, results)
        finally:  # an interrupted batch (Ctrl-C, an error) still saves the files already read
            pool.shutdown(wait=True, cancel_futures=True)
            self._store(waiting, results)
        return results

    def one(
        self, data: bytes, path: str, name: str, keep_apart: bool = False, on_page: PageProgress | None = None
    ) -> IngestResult:
        """One file's bytes under the key `path`: parse, tag, embed, then commit and update the vectors.

        Other content already stored under `path` is replaced, or with `keep_apart` left alone
        and this file stored beside it (two uploads that only share a name are two documents)."""
        note = ""
        if keep_apart:
            sha = hashlib.sha256(data).hexdigest()
            with self.lock:
                stored = self.store.stored_sha(path)
            if stored not in (None, sha):
                path, note = f"{path}#{sha[:12]}", "файл с таким именем уже был, другой: сохранены оба"
        ready = self._prepare(data, path, name, on_page)
        if isinstance(ready, IngestResult):
            return ready
        results: list[IngestResult | None] = [None]
        self._store([(0, ready)], results)
        return replace(results[0], message=note) if note and results[0].status == "added" else results[0]

    def remove(self, document: str | int) -> int:
        """Remove a document by id, path or file name; return how many items went with it."""
        with self.lock, self.replica.file.locked():
            self.replica.sync()
            doc_id = self.store.find_document(document)
            if doc_id is None:
                raise KeyError(f"no such document: {document}")
            with self.store.transaction():
                removed = self.store.delete_document(doc_id)
                generation = self.store.bump()
            self.vectors.remove(removed)
            self.replica.saved(generation)
            self.changed()
            return len(removed)

    def reindex(self, model: str) -> int:
        """Re-embed every item with the current model (after a model change); `model` names it in the meta."""
        with self.lock:
            rows = self.store.item_fields()
        vectors = self.encoder.passages([passage(*r[1:]) for r in rows])  # minutes at scale: no lock held meanwhile
        with self.lock, self.replica.file.locked():
            if [r[0] for r in self.store.item_fields()] != [r[0] for r in rows]:
                return self.reindex(model)  # items changed while embedding: again, with what is stored now
            with self.store.transaction():
                for r, v in zip(rows, vectors, strict=True):
                    self.store.set_vector(r[0], v)
                self.store.set_meta("model", model)
                self.store.set_meta("dim", str(vectors.shape[1] if len(rows) else self.vectors.dim))
                generation = self.store.bump()
            rebuild(self.store, self.vectors)
            self.replica.saved(generation)
            self.changed()
            return len(rows)

    # --- the stages of one file --------------------------------------------------------------------

    def _seen(self, path: str, sha: str) -> IngestResult | None:
        """«unchanged» or «duplicate» when this content is already stored."""
        if self.store.stored_sha(path) == sha:
            return self._log(IngestResult(path, "unchanged"), sha)
        twin = self.store.twin(sha, path)
        if twin:
            return self._log(IngestResult(path, "duplicate", f"то же содержимое, что у {twin}"), sha)
        return None

    def already(self, path: str, data: bytes) -> IngestResult | str:
        """«unchanged» or «duplicate» when this content is stored already; else its SHA-256."""
        sha = hashlib.sha256(data).hexdigest()
        with self.lock:
            return self._seen(path, sha) or sha

    def failed(self, path: str, message: str, reason: str, sha: str | None) -> IngestResult:
        with self.lock:
            return self._log(IngestResult(path, "failed", message, reason=reason), sha)

    def commit_prepared(self, p: _Parsed, vectors: np.ndarray) -> IngestResult:
        """Commit a file read, tagged and embedded elsewhere (a cluster's workers)."""
        with self.lock:
            return self._commit(p, vectors)

    def _prepare(
        self, data: bytes, path: str, name: str, on_page: PageProgress | None = None
    ) -> IngestResult | _Parsed:
        """Read and tag a file, unless it is already stored or cannot be read."""
        sha = self.already(path, data)
        if isinstance(sha, IngestResult):
            return sha
        try:
            parsed = self.parse(data, name, on_page=on_page)
        except ReadError as e:
            return self.failed(path, str(e), e.kind, sha)
        self.timings["parse"] += parsed.parse_seconds
        self.timings["entities"] += parsed.tag_seconds
        return prepared(parsed, path, sha)

    def _store(self, waiting: list[tuple[int, _Parsed]], results: list[IngestResult | None]) -> None:
        """Embed the waiting files' items together, then commit each file in its own transaction."""
        if not waiting:
            return
        clock = time.perf_counter()
        vectors = self.encoder.passages([t for _, p in waiting for t in p.texts])
        self.timings["embed"] += time.perf_counter() - clock
        at = 0
        for slot, p in waiting:
            with self.lock:
                results[slot] = self._commit(p, vectors[at : at + len(p.texts)])
            at += len(p.texts)

    def _commit(self, p: _Parsed, vectors: np.ndarray) -> IngestResult:
        """Store a parsed document in one transaction, then bring the vector index in step."""
        with self.replica.file.locked():  # one writer at a time, across processes
            self.replica.sync()  # another process may have written since: start from what it wrote
            seen = self._seen(p.path, p.sha)  # stored meanwhile, by another writer or earlier in this batch
            if seen:
                return seen
            clock = time.perf_counter()
            known = self.store.document_id(p.path)
            removed: list[int] = []
            added: list[int] = []
            with self.store.transaction():
                if known is not None:
                    removed = self.store.delete_document(known)
                doc_id = self.store.insert_document(p.doc, p.path, p.sha)
                for item, text, vector in zip(p.doc.items, p.texts, vectors, strict=True):
                    added.append(
                        self.store.insert_item(doc_id, item, vector, lemmas.lemmas(text), lemmas.lemmas(item.activity))
                    )
                generation = self.store.bump()
            self.vectors.remove(removed)
            self.vectors.add(np.array(added, dtype=np.int64), vectors)
            if self.vectors.outgrown():  # past EXACT_UP_TO: switch to the approximate index
                rebuild(self.store, self.vectors)
            self.replica.saved(generation)
        self.changed()
        self.timings["index"] += time.perf_counter() - clock
        warning = "; ".join(p.doc.warnings())
        status = "replaced" if known is not None else "added"
        return self._log(IngestResult(p.path, status, items=len(added), warning=warning), p.sha)

    def _log(self, result: IngestResult, sha: str | None) -> IngestResult:
        self.store.log(result.path, sha, result.status, result.message or result.warning, result.items)
        return result
