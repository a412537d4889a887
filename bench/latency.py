"""Query latency end to end through `KnowledgeBase.search`, on collections grown from the corpus.

    .venv/bin/python bench/latency.py [--sizes 10000,100000]

The corpus is ingested for real; then its documents are copied (new paths and hashes,
same metadata, lemmas and vectors, each vector nudged by small noise and renormalised)
until the collection holds each size. For each size: p50 and p95 over the judged queries,
without filters and with a region filter, and the process's peak memory. The vector index
is exact up to PRAKTIKA_EXACT_UP_TO items and IVF beyond; for IVF the recall@10 of the
dense retriever against exact search is printed too.
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.kb import KnowledgeBase  # noqa: E402
from index.results import Filters  # noqa: E402
from index.vectors import FaissVectors  # noqa: E402

QUERIES = ROOT / "tests/gold/queries.tsv"


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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000")
    args = ap.parse_args()
    with open(QUERIES, encoding="utf-8") as f:
        queries = [r["query"] for r in csv.DictReader(f, delimiter="\t")]
    root = Path(tempfile.mkdtemp(prefix="praktika-latency-"))
    kb = KnowledgeBase.open(root)
    kb.ingest([ROOT / "corpus"])
    kb.encoder.query("прогрев")  # load the model outside the timing
    rng = np.random.default_rng(0)
    originals = kb.store.document_ids()
    print(f"{'items':>8} {'filter':<8} {'p50 ms':>7} {'p95 ms':>7}  {'peak RSS':>9}  vector index")
    for size in (int(s) for s in args.sizes.split(",")):
        grow(kb, size, rng, originals)
        kb.close()
        kb = KnowledgeBase.open(root)  # rebuilds the vector index from SQLite
        for name, filters in (("none", None), ("region", Filters(region="Смоленская область"))):
            times = []
            for q in queries * 2:
                start = time.perf_counter()
                kb.search(q, filters, k=10)
                times.append((time.perf_counter() - start) * 1000)
            p50 = statistics.median(times)
            p95 = statistics.quantiles(times, n=20)[18]
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{len(kb.vectors):>8} {name:<8} {p50:7.1f} {p95:7.1f}  {rss:6.0f} MB  {kb.vectors.kind}")
        if kb.vectors.kind != "flat":
            exact = FaissVectors.build(*kb.store.all_vectors(kb.dim), kb.dim)
            recall = statistics.mean(
                len({i for i, _ in kb.vectors.search(q, 10)} & {i for i, _ in exact.search(q, 10)}) / 10
                for q in (kb.encoder.query(text) for text in queries)
            )
            print(f"{'':>8} ANN recall@10 against exact search: {recall:.3f}")


if __name__ == "__main__":
    main()
