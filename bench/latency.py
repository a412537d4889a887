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

from index import embedder, store  # noqa: E402
from index.kb import Filters, KnowledgeBase  # noqa: E402
from index.vectors import Vectors  # noqa: E402

QUERIES = ROOT / "tests/gold/queries.tsv"


def grow(kb: KnowledgeBase, target: int, rng: np.random.Generator) -> None:
    """Copy documents with their items until the knowledge base holds `target` items."""
    db = kb.db
    docs = db.execute("SELECT * FROM documents WHERE path NOT LIKE 'synthetic:%'").fetchall()
    have = db.execute("SELECT count(*) FROM items").fetchone()[0]
    db.execute("BEGIN")
    while have < target:
        for d in docs:
            cur = db.execute(
                "INSERT INTO documents(source, path, sha256, kind, title, issuer, region, municipality, date, number,"
                " year, meta) SELECT source, ?, ?, kind, title, issuer, region, municipality, date, number, year, meta"
                " FROM documents WHERE id = ?",
                (f"synthetic:{uuid.uuid4()}", uuid.uuid4().hex, d["id"]),
            )
            new_doc = cur.lastrowid
            rows = db.execute(
                "SELECT i.*, f.lemmas FROM items i JOIN items_fts f ON f.rowid = i.id WHERE i.doc_id = ?", (d["id"],)
            ).fetchall()
            for r in rows:
                v = np.frombuffer(r["vector"], dtype=np.float32) + rng.normal(0, 0.02, kb.dim).astype(np.float32)
                v /= np.linalg.norm(v)
                cur = db.execute(
                    "INSERT INTO items(doc_id, ordinal, kind, number, section, activity, description, deadline,"
                    " responsible, result, pos, deadline_value, vector) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        new_doc,
                        r["ordinal"],
                        r["kind"],
                        r["number"],
                        r["section"],
                        r["activity"],
                        r["description"],
                        r["deadline"],
                        r["responsible"],
                        r["result"],
                        r["pos"],
                        r["deadline_value"],
                        v.tobytes(),
                    ),
                )
                db.execute("INSERT INTO items_fts(rowid, lemmas) VALUES (?, ?)", (cur.lastrowid, r["lemmas"]))
            have += len(rows)
            if have >= target:
                break
    db.execute("COMMIT")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000")
    args = ap.parse_args()
    with open(QUERIES, encoding="utf-8") as f:
        queries = [r["query"] for r in csv.DictReader(f, delimiter="\t")]
    root = Path(tempfile.mkdtemp(prefix="praktika-latency-"))
    kb = KnowledgeBase.open(root)
    kb.ingest([ROOT / "corpus"])
    embedder.query("прогрев")  # load the model outside the timing
    rng = np.random.default_rng(0)
    print(f"{'items':>8} {'filter':<8} {'p50 ms':>7} {'p95 ms':>7}  {'peak RSS':>9}  vector index")
    for size in (int(s) for s in args.sizes.split(",")):
        grow(kb, size, rng)
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
            ids, vecs = store.all_vectors(kb.db, kb.dim)
            exact = Vectors(kb.dim)
            exact.add(ids, vecs)
            recall = statistics.mean(
                len({i for i, _ in kb.vectors.search(q, 10)} & {i for i, _ in exact.search(q, 10)}) / 10
                for q in (embedder.query(text) for text in queries)
            )
            print(f"{'':>8} ANN recall@10 against exact search: {recall:.3f}")


if __name__ == "__main__":
    main()
