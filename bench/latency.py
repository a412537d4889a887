"""Query latency end to end through `KnowledgeBase.search`, on collections grown from the corpus.

    .venv/bin/python bench/latency.py [--sizes 10000,100000] [--baseline]

The corpus is ingested for real; then its documents are copied (new paths and hashes,
same metadata, lemmas and vectors, each vector nudged by small noise and renormalised)
until the collection holds each size. For each size: p50 and p95 over the judged queries
asked twice after a first pass (whose p50, «cold», is what a server's first minutes see while
SQLite's pages come from disk), without filters and with a filter on each region, and the
process's peak memory. The vector index is exact up to
PRAKTIKA_EXACT_UP_TO items and IVF beyond; for IVF the recall@10 of the dense retriever against
exact search and its p50 are printed for several nprobe (the curve the default nprobe =
max(64, nlist/20) was chosen from), and under each filter, against exact search among the
filter's items, for several PRAKTIKA_FILTERED_PROBES. Latency and
memory against size are drawn to bench/results/latency.png. `--baseline` also times, after ours
at each size (so it does not count in our peak memory), the plain search a user would write:
sentence-transformers float32, an exact flat FAISS index and FTS5 over the raw texts, fused by RRF.
"""

from __future__ import annotations

import argparse
import csv
import resource
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.plain_baseline import PlainBaseline, lemmas_by_frequency, sqlite_bm25  # noqa: E402
from index.kb import KnowledgeBase  # noqa: E402
from index.results import Filters  # noqa: E402
from pipeline import config  # noqa: E402

QUERIES = ROOT / "tests/gold/queries.tsv"
# No filter, and a filter on each of the corpus's regions: they hold 56%, 28% and 16% of the items.
FILTERS = (
    ("none", None),
    ("region56", Filters(region="Смоленская область")),
    ("region28", Filters(region="Московская область")),
    ("region16", Filters(region="Оренбургская область")),
)


def grow(kb: KnowledgeBase, target: int, rng: np.random.Generator, originals: list[int]) -> None:
    """Copy the corpus documents with their items until the knowledge base holds `target` items."""

    def nudged(v: np.ndarray) -> np.ndarray:
        v = v + rng.normal(0, 0.02, kb.dim).astype(np.float32)
        return v / np.linalg.norm(v)

    have = kb.stats().items
    with kb.store.transaction():
        while have < target:
            for doc_id in originals:
                have += kb.store.clone_document(doc_id, f"synthetic:{uuid.uuid4()}", uuid.uuid4().hex, nudged)
                if have >= target:
                    break


def exact_top(kb: KnowledgeBase, queries: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[set[int]]:
    """The true top `k` item ids of each query (among the sorted ids `allowed` when given),
    scanning every stored vector chunk by chunk."""
    best = [np.empty((0, 2)) for _ in queries]
    for ids, vectors in kb.store.vector_chunks(kb.dim):
        if allowed is not None:
            at = np.minimum(np.searchsorted(allowed, ids), len(allowed) - 1)
            keep = allowed[at] == ids
            ids, vectors = ids[keep], vectors[keep]
        scores = vectors @ queries.T
        for n in range(len(queries)):
            top = np.argpartition(-scores[:, n], k)[:k] if len(ids) > k else np.arange(len(ids))
            both = np.vstack([best[n], np.column_stack([ids[top], scores[top, n]])])
            best[n] = both[np.argsort(-both[:, 1])[:k]]
    return [{int(i) for i in b[:, 0]} for b in best]


def print_curve(kb: KnowledgeBase, queries: list[str]) -> None:
    """Recall@10 of the dense retriever against exact search over SQLite's float vectors, and its
    p50, for several nprobe."""
    import faiss

    vectors = [kb.encoder.query(text) for text in queries]
    ivf = faiss.extract_index_ivf(kb.vectors.index)
    chosen = ivf.nprobe
    exact = exact_top(kb, np.stack(vectors), 10)  # from SQLite's float vectors, not the index's codes
    for nprobe in sorted({ivf.nlist // 64, ivf.nlist // 32, ivf.nlist // 16, chosen} - {0}):
        ivf.nprobe = nprobe
        times, recall = [], []
        for q, truth in zip(vectors * 3, exact * 3, strict=True):
            start = time.perf_counter()
            found = kb.vectors.search(q, config.CANDIDATES)
            times.append((time.perf_counter() - start) * 1000)
            recall.append(len({i for i, _ in found[:10]} & truth) / 10)
        mark = " (chosen)" if nprobe == chosen else ""
        figures = f"recall@10 {statistics.mean(recall):.3f}, dense p50 {statistics.median(times):.1f} ms"
        print(f"{'':>8} nprobe {nprobe:>4}{mark}: {figures}")
    ivf.nprobe = chosen
    for name, filters in FILTERS[1:]:
        allowed = kb.searcher._allowed(filters)
        exact = exact_top(kb, np.stack(vectors), 10, allowed)
        for probes in (1.0, 2.0, 2.5, 3.0):
            times, recall = [], []
            with patched(config, "FILTERED_PROBES", probes):
                for q, truth in zip(vectors * 3, exact * 3, strict=True):
                    start = time.perf_counter()
                    found = kb.vectors.search(q, config.CANDIDATES, allowed)
                    times.append((time.perf_counter() - start) * 1000)
                    recall.append(len({i for i, _ in found[:10]} & truth) / 10)
            mark = " (chosen)" if probes == config.FILTERED_PROBES else ""
            figures = f"recall@10 {statistics.mean(recall):.3f}, dense p50 {statistics.median(times):.1f} ms"
            print(f"{'':>8} {name:<8} filtered probes ×{probes:g}{mark}: {figures}")


def print_lexical(kb: KnowledgeBase, root: Path, rng: np.random.Generator) -> None:
    """The lexical side alone on 30 lemma sets that fill the postings budget, beside SQLite's own
    bm25() on the same sets. On the copies most judged queries' lemmas pass the budget, so the rows
    above seldom include it; in a real collection of this size most queries would rank a full budget."""
    budget = config.LEXICAL_BUDGET
    pool = lemmas_by_frequency(root, budget // 10, budget // 2)
    if len(pool) < 20:
        return
    sets = []
    for _ in range(30):
        terms, spent = [], 0
        for i in rng.permutation(len(pool))[:20]:
            if spent + pool[i][1] <= budget:
                terms.append(pool[i][0])
                spent += pool[i][1]
        sets.append((terms, spent))
    kb.searcher.lexical(sets[0][0], config.CANDIDATES)  # item lengths are read once per change
    sqlite_bm25(root, sets[0][0], config.CANDIDATES)
    ours, theirs, same = [], [], 0
    for terms, _ in sets:
        start = time.perf_counter()
        mine = kb.searcher.lexical(terms, config.CANDIDATES)
        ours.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        same += mine == sqlite_bm25(root, terms, config.CANDIDATES)
        theirs.append((time.perf_counter() - start) * 1000)
    postings = statistics.median(s for _, s in sets)
    print(
        f"{'':>8} lexical side at the budget ({postings:.0f} postings): p50 {statistics.median(ours):.1f} ms,"
        f" SQLite's bm25() {statistics.median(theirs):.1f} ms; the same top {config.CANDIDATES} in {same}/{len(sets)}",
        flush=True,
    )


@contextmanager
def patched(module: object, name: str, value: object) -> Iterator[None]:
    old = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, old)


def time_baseline(kb: KnowledgeBase, path: Path, queries: list[str]) -> str:
    """p50 and p95 of the plain baseline on the same queries, measured like ours."""
    baseline = PlainBaseline(kb, path)
    for q in queries:
        baseline.search(q)
    times = []
    for q in queries * 2:
        start = time.perf_counter()
        baseline.search(q)
        times.append((time.perf_counter() - start) * 1000)
    del baseline
    return f"{statistics.median(times):7.1f} {statistics.quantiles(times, n=20)[18]:7.1f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--baseline", action="store_true", help="also the plain baseline, after ours at each size")
    args = ap.parse_args()
    with open(QUERIES, encoding="utf-8") as f:
        queries = [r["query"] for r in csv.DictReader(f, delimiter="\t")]
    root = Path(tempfile.mkdtemp(prefix="praktika-latency-"))
    try:
        kb = KnowledgeBase.open(root)
        kb.ingest([ROOT / "corpus"])
        kb.encoder.query("прогрев")  # load the model outside the timing
        rng = np.random.default_rng(0)
        originals = kb.store.document_ids()
        print(f"{'items':>8} {'filter':<8} {'p50 ms':>7} {'p95 ms':>7} {'cold p50':>8}  {'peak RSS':>9}  vector index")
        measured: list[tuple[int, str, float, float, float]] = []
        for size in (int(s) for s in args.sizes.split(",")):
            grow(kb, size, rng, originals)
            kb.close()
            kb = KnowledgeBase.open(root)  # rebuilds the vector index from SQLite
            for name, filters in FILTERS:
                cold = []
                for q in queries:  # the first pass reads SQLite's pages from disk: a server's first minutes
                    start = time.perf_counter()
                    kb.search(q, filters, k=10)
                    cold.append((time.perf_counter() - start) * 1000)
                times = []
                for q in queries * 2:
                    start = time.perf_counter()
                    kb.search(q, filters, k=10)
                    times.append((time.perf_counter() - start) * 1000)
                p50 = statistics.median(times)
                p95 = statistics.quantiles(times, n=20)[18]
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                first = statistics.median(cold)
                row = f"{len(kb.vectors):>8} {name:<8} {p50:7.1f} {p95:7.1f} {first:8.1f}"
                print(f"{row}  {rss:6.0f} MB  {kb.vectors.kind}", flush=True)
                measured.append((len(kb.vectors), name, p50, p95, rss))
            print_lexical(kb, root, np.random.default_rng(size))  # its own draws: the copies stay as before
            if kb.vectors.kind != "flat":
                print_curve(kb, queries)
            if args.baseline:
                plain = time_baseline(kb, root, queries)
                print(f"{len(kb.vectors):>8} {'plain':<8} {plain}  (plain baseline, no filter)")
        print(f"plot: {plot(measured)}")
    finally:  # a million items take about 5 GB of disk
        shutil.rmtree(root, ignore_errors=True)


def plot(measured: list[tuple[int, str, float, float, float]]) -> Path:
    """Latency and peak memory against the collection's size, as a PNG in bench/results/."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for name, _ in FILTERS:
        rows = [m for m in measured if m[1] == name]
        left.plot([m[0] for m in rows], [m[2] for m in rows], marker="o", label=f"p50, filter: {name}")
        left.plot([m[0] for m in rows], [m[3] for m in rows], marker="x", linestyle="--", label=f"p95, filter: {name}")
    rows = [m for m in measured if m[1] == "none"]
    right.plot([m[0] for m in rows], [m[4] for m in rows], marker="o")
    for ax, title in ((left, "search latency, ms"), (right, "peak memory (RSS), MB")):
        ax.set_xscale("log")
        ax.set_xlabel("items")
        ax.set_title(title)
        ax.grid(True, alpha=0.3)
    left.legend(fontsize=8)
    out = ROOT / "bench" / "results" / "latency.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(out, dpi=100)
    return out


if __name__ == "__main__":
    main()
