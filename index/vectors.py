"""FAISS vectors keyed by item id.

Exact inner product (`IndexIDMap2` over `IndexFlatIP`) while the collection is small; past
`config.EXACT_UP_TO` items an inverted-file index over 8-bit scalar-quantised codes
(`IndexIVFScalarQuantizer`, nlist ≈ 4·√n, nprobe the larger of `config.IVF_NPROBE` (64) and
nlist/20) that keeps ids, removals and filters (a filter's own lists, or a bitmap of its ids): a
quarter of the memory of float vectors and faster to scan, at recall@10 ≈ 0.98 (bench/latency.py).
SQLite holds every vector too, so this file is a cache: written atomically after each commit, and
rebuilt from SQLite when it is missing, disagrees with the database, or has outgrown its kind.
"""

from __future__ import annotations

import hashlib
import math
import os
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

import faiss
import numpy as np

from pipeline import config


class VectorIndex(Protocol):
    """What search and ingestion need of a vector index; no backend type crosses it."""

    dim: int
    kind: str  # recorded in the knowledge base's meta

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None: ...
    def remove(self, ids: list[int]) -> None: ...
    def search(self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]: ...
    def rebuild(self, ids: np.ndarray, vectors: np.ndarray) -> None: ...
    def outgrown(self) -> bool: ...
    def ids(self) -> set[int]: ...
    def save(self, path: Path) -> str: ...
    def __len__(self) -> int: ...


class FaissVectors:
    """The FAISS implementation of `VectorIndex`."""

    SELECTORS = 32  # id selectors kept for repeated filters (building one costs about its size)
    SUBSETS = 8  # filters with lists of their own (each holds its codes and its empty lists' headers)

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self.index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        self._selectors: OrderedDict[int, tuple[np.ndarray, faiss.IDSelector, np.ndarray]] = OrderedDict()
        # A filter's own inverted lists (its items' codes only), newest last: see `_subset`.
        self._subsets: OrderedDict[int, tuple[np.ndarray, faiss.IndexIVF]] = OrderedDict()
        self._asked: OrderedDict[int, np.ndarray] = OrderedDict()  # filters searched once, kept alive

    @classmethod
    def build(cls, ids: np.ndarray, vectors: np.ndarray, dim: int) -> FaissVectors:
        v = cls(dim)
        v.rebuild(ids, vectors)
        return v

    def replace(self, other: FaissVectors) -> None:
        """Hold what `other` holds (callers keep their reference to this object)."""
        self.index = other.index
        self._selectors.clear()
        self._subsets.clear()
        self._asked.clear()

    def rebuild(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Replace the contents with these vectors, in the right kind of index for their number."""
        rng = np.random.default_rng(0)
        self.refill(len(ids), [(ids, vectors)], lambda n: vectors[rng.choice(len(vectors), size=n, replace=False)])

    def refill(
        self, count: int, chunks: Iterable[tuple[np.ndarray, np.ndarray]], sample: Callable[[int], np.ndarray]
    ) -> None:
        """Replace the contents with `count` vectors given chunk by chunk (never all at once in
        memory), in the right kind of index for their number; `sample(n)` gives n of them to train on."""
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))
        if count > config.EXACT_UP_TO:
            nlist = max(1, min(int(4 * np.sqrt(count)), count // 40))  # FAISS wants ≥39 points a list
            index = faiss.IndexIVFScalarQuantizer(
                faiss.IndexFlatIP(self.dim), self.dim, nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
            )
            index.train(np.ascontiguousarray(sample(min(count, 64 * nlist)), dtype=np.float32))
            _tune(index)
        self.index = index
        self._subsets.clear()
        for ids, vectors in chunks:
            self.add(ids, vectors)

    @property
    def kind(self) -> str:
        """«flat», «ivf-sq8 nlist=… nprobe=…» (or «ivf …» for an older base's float lists), recorded
        in the knowledge base's meta."""
        ivf = faiss.try_extract_index_ivf(self.index) if not isinstance(self.index, faiss.IndexIDMap2) else None
        if ivf is None:
            return "flat"
        name = "ivf-sq8" if isinstance(faiss.downcast_index(self.index), faiss.IndexIVFScalarQuantizer) else "ivf"
        return f"{name} nlist={ivf.nlist} nprobe={ivf.nprobe}"

    @property
    def tolerance(self) -> float:
        """How far a vector the index holds may be from SQLite's: 8-bit codes round each component
        by up to half a step (about 0.002 for unit vectors); float indexes hold them exactly."""
        return 1e-2 if self.kind.startswith("ivf-sq8") else 1e-6

    def outgrown(self) -> bool:
        return self.kind == "flat" and len(self) > config.EXACT_UP_TO

    @classmethod
    def load(cls, path: Path, dim: int) -> FaissVectors | None:
        """The saved index, or None when there is none, it is not an index or it does not fit `dim`.
        FAISS reads the file itself: its bytes are never held twice."""
        if not path.is_file():
            return None
        try:
            index = faiss.read_index(str(path))
        except RuntimeError:
            return None
        ivf = faiss.try_extract_index_ivf(index) if not isinstance(index, faiss.IndexIDMap2) else None
        if index.d != dim or not (isinstance(index, faiss.IndexIDMap2) or ivf is not None):
            return None  # another kind of index (no ids, say): not ours
        if ivf is not None:
            _tune(ivf)  # search settings are not data: today's, whatever the file holds
        v = cls(dim)
        v.index = index
        return v

    def stored(self, ids: list[int]) -> np.ndarray | None:
        """The vectors held for `ids` (to compare with SQLite's), or None when one is missing."""
        ivf = faiss.try_extract_index_ivf(self.index) if not isinstance(self.index, faiss.IndexIDMap2) else None
        try:
            if ivf is not None:
                ivf.set_direct_map_type(faiss.DirectMap.Hashtable)  # ids are item ids, not 0..n-1
            return np.stack([self.index.reconstruct(int(i)) for i in ids]) if ids else np.zeros((0, self.dim))
        except RuntimeError:
            return None
        finally:
            if ivf is not None:
                ivf.set_direct_map_type(faiss.DirectMap.NoMap)  # kept only while sampling

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            self._subsets.clear()
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64))

    def remove(self, ids: list[int]) -> None:
        if ids:
            self._subsets.clear()
            self.index.remove_ids(np.asarray(ids, dtype=np.int64))

    def search(self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The `k` nearest items, only among the sorted ids `allowed` when given, filtered inside FAISS."""
        if self.index.ntotal == 0 or k <= 0 or (allowed is not None and len(allowed) == 0):
            return []
        params = None
        if allowed is not None and self.kind == "flat":
            params = faiss.SearchParameters(sel=self._selector(allowed))
        elif allowed is not None:  # as many allowed vectors as an unfiltered probe scans, times FILTERED_PROBES
            ivf = faiss.extract_index_ivf(self.index)
            share = len(allowed) / self.index.ntotal
            nprobe = min(ivf.nlist, math.ceil(config.FILTERED_PROBES * ivf.nprobe / share))
            subset = self._subset(allowed, ivf) if _SUBSET_FLOOR <= share <= config.SUBSET_SHARE else None
            if subset is not None:  # the same lists, holding only the filter's codes
                return _searched(subset, vector, k, faiss.SearchParametersIVF(nprobe=nprobe))
            params = faiss.SearchParametersIVF(sel=self._selector(allowed), nprobe=nprobe)
        return _searched(self.index, vector, k, params)

    def _subset(self, allowed: np.ndarray, ivf: faiss.IndexIVF) -> faiss.IndexIVF | None:
        """The filter's own inverted lists: the same coarse cells and codes, only its items. Probing
        them finds what probing the whole lists with the filter's bitmap finds (the same codes are
        scored), without testing and stepping over the other items' codes: at 1M under a region
        holding 16% of the items that is five codes in six. Built on a filter's second search (a one-off
        array keeps the bitmap), kept for the newest few filters while their codes together take no
        more room than the index's own; dropped at any change."""
        key = id(allowed)
        if key in self._subsets and self._subsets[key][0] is allowed:
            self._subsets.move_to_end(key)
            return self._subsets[key][1]
        if not isinstance(faiss.downcast_index(ivf), faiss.IndexIVFScalarQuantizer):
            return None  # an older base's float lists: the bitmap path
        if self._asked.get(key) is not allowed:  # a filter searched once (a one-off array) uses the bitmap
            self._asked[key] = allowed
            while len(self._asked) > self.SELECTORS:
                self._asked.popitem(last=False)
            return None
        while self._subsets and (
            len(self._subsets) >= self.SUBSETS
            or sum(s.ntotal for _, s in self._subsets.values()) + len(allowed) > ivf.ntotal
        ):
            self._subsets.popitem(last=False)
        mask = id_mask(allowed)
        sq = faiss.downcast_index(ivf)
        subset = faiss.IndexIVFScalarQuantizer(sq.quantizer, sq.d, sq.nlist, sq.sq.qtype, sq.metric_type)
        subset.sq = sq.sq  # the trained ranges of the 8-bit codes
        subset.by_residual, subset.is_trained = sq.by_residual, True
        subset.parallel_mode = ivf.parallel_mode
        lists, size = ivf.invlists, ivf.code_size
        for cell in range(ivf.nlist):
            n = lists.list_size(cell)
            if not n:
                continue
            ids = faiss.rev_swig_ptr(lists.get_ids(cell), n)
            keep = mask[np.minimum(ids, len(mask) - 1)] & (ids < len(mask))
            if keep.any():
                codes = faiss.rev_swig_ptr(lists.get_codes(cell), n * size).reshape(n, size)
                kept_ids, kept_codes = np.ascontiguousarray(ids[keep]), np.ascontiguousarray(codes[keep])
                subset.invlists.add_entries(cell, len(kept_ids), faiss.swig_ptr(kept_ids), faiss.swig_ptr(kept_codes))
                subset.ntotal += len(kept_ids)
        self._subsets[key] = (allowed, subset)  # `allowed` kept alive so that its id is not reused
        return subset

    def _selector(self, allowed: np.ndarray) -> faiss.IDSelector:
        """One selector per filter's id array (callers cache those arrays), the newest few kept: a
        bitmap over the ids (one bit an item id, 125 KB at a million), which FAISS tests per code
        faster than a hashed batch of half a million ids."""
        key = id(allowed)
        if key in self._selectors and self._selectors[key][0] is allowed:
            self._selectors.move_to_end(key)
        else:
            bitmap = np.packbits(id_mask(allowed), bitorder="little")
            selector = faiss.IDSelectorBitmap(len(bitmap), faiss.swig_ptr(bitmap))  # n: bytes
            self._selectors[key] = (allowed, selector, bitmap)  # the bitmap lives as long as its selector
            while len(self._selectors) > self.SELECTORS:
                self._selectors.popitem(last=False)
        return self._selectors[key][1]

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

    def save(self, path: Path) -> str:
        """Write to a temporary file and rename it over `path` (never a half-written index);
        return the SHA-256 of the bytes written, computed as they are written."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".vectors-", dir=path.parent)
        digest = hashlib.sha256()
        try:
            with os.fdopen(fd, "wb") as out:

                def write(chunk: bytes) -> int:
                    digest.update(chunk)
                    return out.write(chunk)

                writer = faiss.PyCallbackIOWriter(write)
                faiss.write_index(self.index, writer)
                del writer  # flushes
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return digest.hexdigest()


def id_mask(allowed: np.ndarray) -> np.ndarray:
    """A boolean per item id up to the largest allowed one: True for the allowed ids (empty for none)."""
    mask = np.zeros(int(allowed.max()) + 1 if len(allowed) else 0, dtype=bool)
    mask[np.asarray(allowed, dtype=np.int64)] = True
    return mask


# A filter under this share of the items scans few codes anyway: the bitmap path, no lists of its own.
_SUBSET_FLOOR = 0.01


def _searched(index: faiss.Index, vector: np.ndarray, k: int, params: faiss.SearchParameters | None):
    if index.ntotal == 0:  # a filter none of whose ids the index holds
        return []
    query = vector.reshape(1, -1).astype(np.float32)
    scores, ids = index.search(query, min(k, index.ntotal), params=params)
    return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i != -1]


def _tune(ivf: faiss.IndexIVF) -> None:
    """Search settings of an inverted-file index. Measured (bench/latency.py prints the curve): at
    1M items nlist/32 = 125 lists gave recall@10 between 0.937 and 0.973 against exact search over
    builds, nlist/20 = 200 0.970–0.983 in 3 ms; at 100k nlist/32 = 39 gave only 0.933, hence at
    least IVF_NPROBE = 64 lists (0.977)."""
    ivf.nprobe = max(config.IVF_NPROBE, ivf.nlist // 20)
    ivf.parallel_mode = 1  # one query's lists shared by the cores (by default FAISS shares queries)
