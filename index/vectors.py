"""FAISS vectors keyed by item id (`IndexIDMap2` over exact inner product).

SQLite holds every vector too, so this file is a cache: written atomically after each
commit, and rebuilt from SQLite when it is missing or disagrees with the database.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import faiss
import numpy as np


class Vectors:
    def __init__(self, dim: int) -> None:
        self.dim = dim
        self.index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))

    @classmethod
    def load(cls, path: Path, dim: int) -> Vectors | None:
        """The saved index, or None when there is none or it does not fit `dim`."""
        if not path.exists():
            return None
        try:
            index = faiss.read_index(str(path))
        except RuntimeError:
            return None
        if index.d != dim:
            return None
        v = cls(dim)
        v.index = index
        return v

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64))

    def remove(self, ids: list[int]) -> None:
        if ids:
            self.index.remove_ids(np.asarray(ids, dtype=np.int64))

    def search(self, vector: np.ndarray, k: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
        """The `k` nearest items, only among `allowed` ids when given (filtered inside FAISS)."""
        if self.index.ntotal == 0 or k <= 0 or (allowed is not None and not allowed):
            return []
        params = None
        if allowed is not None:
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(np.fromiter(allowed, dtype=np.int64)))
        query = vector.reshape(1, -1).astype(np.float32)
        scores, ids = self.index.search(query, min(k, self.index.ntotal), params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i != -1]

    def ids(self) -> set[int]:
        if self.index.ntotal == 0:
            return set()
        return set(faiss.vector_to_array(self.index.id_map).tolist())

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def save(self, path: Path) -> None:
        """Write to a temporary file and rename it over `path`: never a half-written index."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".vectors-", dir=path.parent)
        os.close(fd)
        try:
            faiss.write_index(self.index, tmp)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
