"""FAISS vectors keyed by item id.

Exact inner product (`IndexIDMap2` over `IndexFlatIP`) while the collection is small; past
`config.EXACT_UP_TO` items an inverted-file index (`IndexIVFFlat`, nlist ≈ 4·√n, nprobe the
larger of `config.IVF_NPROBE` and nlist/16) that keeps ids, removals and filters. SQLite holds every vector
too, so this file is a cache: written atomically after each commit, and rebuilt from
SQLite when it is missing, disagrees with the database, or has outgrown its kind.
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
    def build(cls, ids: np.ndarray, vectors: np.ndarray, dim: int) -> Vectors:
        """The right index for this many vectors, filled."""
        from pipeline import config

        v = cls(dim)
        if len(ids) > config.EXACT_UP_TO:
            nlist = max(1, min(int(4 * np.sqrt(len(ids))), len(ids) // 40))  # FAISS wants ≥39 points a list
            index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
            rng = np.random.default_rng(0)
            sample = vectors[rng.choice(len(vectors), size=min(len(vectors), 64 * nlist), replace=False)]
            index.train(np.ascontiguousarray(sample, dtype=np.float32))
            index.nprobe = max(config.IVF_NPROBE, nlist // 16)  # see bench/latency.py for recall
            v.index = index
        v.add(ids, vectors)
        return v

    @property
    def kind(self) -> str:
        """«flat» or «ivf nlist=… nprobe=…», recorded in the knowledge base's meta."""
        ivf = faiss.try_extract_index_ivf(self.index) if not isinstance(self.index, faiss.IndexIDMap2) else None
        return f"ivf nlist={ivf.nlist} nprobe={ivf.nprobe}" if ivf else "flat"

    def outgrown(self) -> bool:
        from pipeline import config

        return self.kind == "flat" and len(self) > config.EXACT_UP_TO

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

    def search(self, vector: np.ndarray, k: int, allowed=None, selector=None) -> list[tuple[int, float]]:
        """The `k` nearest items, only among `allowed` ids (a set or an array) when given, inside FAISS.

        `selector` is a prebuilt `IDSelectorBatch` of `allowed`, for callers that reuse one filter.
        """
        if self.index.ntotal == 0 or k <= 0 or (allowed is not None and len(allowed) == 0):
            return []
        params = None
        if allowed is not None:
            if not isinstance(allowed, np.ndarray):
                allowed = np.fromiter(allowed, dtype=np.int64)
            selector = selector or faiss.IDSelectorBatch(allowed)
            if self.kind == "flat":
                params = faiss.SearchParameters(sel=selector)
            else:  # a narrow filter may live in lists a normal probe skips: then probe them all
                ivf = faiss.extract_index_ivf(self.index)
                nprobe = ivf.nlist if len(allowed) < 0.2 * self.index.ntotal else ivf.nprobe
                params = faiss.SearchParametersIVF(sel=selector, nprobe=nprobe)
        query = vector.reshape(1, -1).astype(np.float32)
        scores, ids = self.index.search(query, min(k, self.index.ntotal), params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i != -1]

    def ids(self) -> set[int]:
        if self.index.ntotal == 0:
            return set()
        if isinstance(self.index, faiss.IndexIDMap2):
            return set(faiss.vector_to_array(self.index.id_map).tolist())
        invlists = faiss.extract_index_ivf(self.index).invlists
        found: set[int] = set()
        for lst in range(invlists.nlist):
            size = invlists.list_size(lst)
            if size:
                found.update(faiss.rev_swig_ptr(invlists.get_ids(lst), size).tolist())
        return found

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
