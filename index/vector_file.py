"""The vector index on disk, shared by every process that opens the knowledge base.

SQLite is the truth; `vectors.faiss` is a cache of it. Each write to SQLite moves the
generation stamp kept in its meta table. The FAISS file is written only under an exclusive
lock on `vectors.lock`, with a stamp beside it (`vectors.stamp`: the generation it holds and
the SHA-256 of its bytes), so a process that finds the stamp moved reads the file again, and
a file whose stamp, checksum, size or sampled vectors disagree with SQLite is never trusted:
it is rebuilt from SQLite instead. Temporary files a killed writer left behind are removed.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.errors import StoreError
from index.store import Store
from index.vectors import FaissVectors

SAMPLE = 32  # stored vectors compared with SQLite's when a file is read


@dataclass(frozen=True)
class Stamp:
    generation: int
    sha256: str
    count: int


class VectorFile:
    def __init__(self, folder: Path) -> None:
        self.path = folder / "vectors.faiss"
        self.stamp_path = folder / "vectors.stamp"
        self.lock_path = folder / "vectors.lock"
        for p in (self.path, self.stamp_path, self.lock_path):
            if p.is_dir():
                raise StoreError(f"на месте файла {p} — папка: переименуйте или удалите её, векторы пересчитаются")

    @contextmanager
    def locked(self, shared: bool = False) -> Iterator[None]:
        """Held while the file is written (exclusive) or read (shared), across processes."""
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def stamp(self) -> Stamp | None:
        try:
            data = json.loads(self.stamp_path.read_text("utf-8"))
            return Stamp(int(data["generation"]), str(data["sha256"]), int(data["count"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def read(self, dim: int, generation: int, count: int) -> FaissVectors | None:
        """The saved index if its stamp says it holds `generation` with `count` vectors and its bytes
        are those stamped; None otherwise (call under `locked(shared=True)`)."""
        stamp = self.stamp()
        if stamp is None or stamp.generation != generation or stamp.count != count or not self.path.exists():
            return None
        digest = hashlib.sha256()
        with open(self.path, "rb") as f:  # checked in pieces, then loaded by FAISS: never two copies in memory
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != stamp.sha256:
            return None
        vectors = FaissVectors.load(self.path, dim)  # writers wait for our shared lock: the same bytes
        return vectors if vectors is not None and len(vectors) == count else None

    def write(self, vectors: FaissVectors, generation: int) -> None:
        """The index and then its stamp, each renamed over the old one (call under `locked()`)."""
        sha = vectors.save(self.path)
        stamp = {"generation": generation, "sha256": sha, "count": len(vectors)}
        fd, tmp = tempfile.mkstemp(prefix=".vectors-", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(stamp, f)
        os.replace(tmp, self.stamp_path)

    def clean(self) -> int:
        """Remove the temporary files of writers that were killed (call under `locked()`)."""
        left = list(self.path.parent.glob(".vectors-*"))
        for p in left:
            p.unlink(missing_ok=True)
        return len(left)


def rebuild(store: Store, vectors: FaissVectors) -> None:
    """The vector index anew from every vector SQLite holds, read in chunks."""
    dim = vectors.dim
    sample = lambda n: store.vectors_of(store.sample_item_ids(n), dim)  # noqa: E731
    vectors.refill(store.item_count(), store.vector_chunks(dim), sample)


class Replica:
    """This process's vector index, kept at the generation SQLite holds."""

    def __init__(self, store: Store, vectors: FaissVectors, file: VectorFile, model: str) -> None:
        self.store = store
        self.model = model  # the model this process embeds queries with
        self.vectors = vectors
        self.file = file
        self.generation: int | None = None  # what `vectors` holds; None: not read yet
        self.rebuilt = 0  # times the file could not be trusted and SQLite was read instead

    def catch_up(self) -> bool:
        """Read the file again (or rebuild it) when another process moved the generation; True if it did."""
        if self.store.generation() == self.generation:
            return False
        if self.generation is not None and self.store.meta("model") != self.model:
            other = self.store.meta("model")
            raise StoreError(f"векторы базы знаний пересчитаны другой моделью («{other}»): перезапустите программу")
        with self.file.locked(shared=True):
            generation = self.store.generation()
            loaded = self._trusted(generation)
        if loaded is not None:
            self._use(loaded, generation)
        else:
            with self.file.locked():
                self.sync()
        return True

    def sync(self) -> None:
        """Under the exclusive lock: hold SQLite's generation, from the file if it can be trusted."""
        generation = self.store.generation()
        if generation == self.generation:
            return
        loaded = self._trusted(generation)
        if loaded is not None:
            self._use(loaded, generation)
            return
        if self.file.path.exists() or self.store.item_count():  # a new, empty base has nothing to repair
            self.rebuilt += 1
        rebuild(self.store, self.vectors)
        self.saved(generation)

    def saved(self, generation: int) -> None:
        """Under the exclusive lock, after a write to SQLite: the file now holds `generation`."""
        self.file.write(self.vectors, generation)
        if self.store.meta("vector_index") != self.vectors.kind:  # informational; written only when it changes
            self.store.set_meta("vector_index", self.vectors.kind)
        self.generation = generation

    def _trusted(self, generation: int) -> FaissVectors | None:
        """The file's index if its stamp, checksum, size and a sample of its vectors agree with SQLite."""
        loaded = self.file.read(self.vectors.dim, generation, self.store.item_count())
        if loaded is None:
            return None
        ids = self.store.sample_item_ids(SAMPLE)
        held = loaded.stored(ids)
        if held is None or not np.allclose(held, self.store.vectors_of(ids, self.vectors.dim), atol=loaded.tolerance):
            return None  # right ids, wrong vectors
        return loaded

    def _use(self, loaded: FaissVectors, generation: int) -> None:
        self.vectors.replace(loaded)
        self.generation = generation


class SharedLock:
    """The knowledge base's thread lock (one connection and one index shared by the server's threads).
    Whoever takes it first also catches up with what other processes wrote meanwhile."""

    def __init__(self, catch_up: Callable[[], None]) -> None:
        self._lock, self._depth, self._catch_up = threading.RLock(), 0, catch_up

    def __enter__(self) -> None:
        self._lock.acquire()
        self._depth += 1
        if self._depth == 1:
            try:
                self._catch_up()
            except BaseException:
                self.__exit__()
                raise

    def __exit__(self, *_) -> None:
        self._depth -= 1
        self._lock.release()
