"""Retrieval quality on judged queries: lexical (plain BM25), dense (plain e5), hybrid.

    .venv/bin/python bench/retrieval.py [--kb DIR]            # tests/gold/queries.tsv over corpus/
    .venv/bin/python bench/retrieval.py --blind [--kb DIR]    # the blind paraphrased queries, per split

Builds a knowledge base in a temporary folder (unless --kb is given) and prints mean nDCG@10
and Recall@10 per retriever, side by side. `--blind` reads tests/gold/questions/queries.tsv
(written by an examiner who never saw the system) over corpus/ and tests/realdocs/docs/.
"""

from __future__ import annotations

import argparse
import csv
import math
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index import embedder, lemmas  # noqa: E402
from index.kb import KnowledgeBase  # noqa: E402
from pipeline import config  # noqa: E402

QUERIES = ROOT / "tests/gold/queries.tsv"


def judged() -> list[tuple[str, set[str]]]:
    with open(QUERIES, encoding="utf-8") as f:
        return [(r["query"], set(r["relevant"].split())) for r in csv.DictReader(f, delimiter="\t")]


def ndcg(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, x in enumerate(ranked[:k]) if x in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal if ideal else 0.0


def recall(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    return len(set(ranked[:k]) & relevant) / len(relevant)


def blind(path: str | None) -> None:
    import blind as judged_set

    kb = judged_set.knowledge_base(path, judged_set.QUERIES_JUDGED_UP_TO)
    n = config.CANDIDATES
    runs = {
        "lexical": lambda q: kb.searcher.lexical(lemmas.query_terms(q), n),
        "dense": lambda q: [i for i, _ in kb.searcher.dense(kb.encoder.query(q), n)],
        "hybrid": lambda q: [h.item_id for h in kb.search(q, k=10)],
    }
    scores = {(split, name): [] for split in ("dev", "holdout") for name in runs}
    lost = 0
    for query in judged_set.queries():
        relevant, missing = judged_set.relevant_ids(kb, query)
        lost += len(missing)
        relevant |= {f"lost:{file}:{part}" for file, part in missing}  # in the ideal ranking, never found
        for name, run in runs.items():
            ranked = run(query.text)
            scores[(query.split, name)].append((ndcg(ranked, relevant), recall(ranked, relevant) if relevant else 0.0))
    print(f"judged rows no stored item holds: {lost} (counted as missed)")
    print(f"{'split':<8} {'retriever':<10} {'nDCG@10':>8} {'Recall@10':>10}  queries")
    for (split, name), xs in scores.items():
        mean_ndcg, mean_recall = statistics.mean(x for x, _ in xs), statistics.mean(r for _, r in xs)
        print(f"{split:<8} {name:<10} {mean_ndcg:8.3f} {mean_recall:10.3f}  {len(xs)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb")
    ap.add_argument("--blind", action="store_true")
    args = ap.parse_args()
    if args.blind:
        blind(args.kb)
        return
    root = Path(args.kb) if args.kb else Path(tempfile.mkdtemp(prefix="praktika-bench-"))
    kb = KnowledgeBase.open(root)
    kb.ingest([ROOT / "corpus"])
    label = {item_id: f"{source[:3]}:{ordinal}" for (source, ordinal), item_id in kb.store.item_keys().items()}
    n = config.CANDIDATES
    runs = {
        "lexical": lambda q: kb.searcher.lexical(lemmas.query_terms(q), n),
        "dense": lambda q: [i for i, _ in kb.searcher.dense(kb.encoder.query(q), n)],
        "hybrid": lambda q: [h.item_id for h in kb.search(q, k=10)],
    }
    scores: dict[str, dict[str, list[float]]] = {name: {"ndcg": [], "recall": []} for name in runs}
    queries = judged()
    for query, relevant in queries:
        for name, run in runs.items():
            ranked = [label[i] for i in run(query)]
            scores[name]["ndcg"].append(ndcg(ranked, relevant))
            scores[name]["recall"].append(recall(ranked, relevant))
    print(f"{len(queries)} judged queries, {len(label)} items, model {embedder.model_name()} ({kb.encoder.engine})")
    print(f"{'retriever':<10} {'nDCG@10':>8} {'Recall@10':>10}")
    for name, s in scores.items():
        print(f"{name:<10} {statistics.mean(s['ndcg']):8.3f} {statistics.mean(s['recall']):10.3f}")
    wins = sum(
        h > max(d, x)
        for h, d, x in zip(scores["hybrid"]["ndcg"], scores["dense"]["ndcg"], scores["lexical"]["ndcg"], strict=True)
    )
    print(f"hybrid beats both on {wins} of {len(queries)} queries (nDCG@10)")


if __name__ == "__main__":
    main()
