"""Fit the weights of `index.rerank` on the dev split of the blind practice queries (never the held-out).

    .venv/bin/python bench/rerank_fit.py [--kb DIR] [--c 0.1]

For each dev query the search's own candidates (`HybridSearch.candidates`) are labelled judged
relevant or not, and a logistic regression with an L2 penalty (C as in scikit-learn) is fitted on
their standardised facts. Prints the cross-validated nDCG@10 on dev (five folds by query, three
shuffles) beside reciprocal rank fusion of the same candidates and the weights now in
`index/rerank.py`, then the line of weights to put there. bench/retrieval.py --blind measures
the result on both splits.
"""

from __future__ import annotations

import argparse
import statistics

import numpy as np
from blind import QUERIES_JUDGED_UP_TO, knowledge_base, queries, relevant_ids
from retrieval import ndcg

from index import rerank
from pipeline import config


def fit(x: np.ndarray, y: np.ndarray, c: float) -> np.ndarray:
    """Weights (intercept last) of a logistic regression, by Newton's method; the intercept is not penalised."""
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) / c
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def raw_weights(data: list, c: float) -> np.ndarray:
    """Weights in each fact's own units: fitted on standardised facts, then scaled back."""
    x = np.array([c.facts() for _, cands, _ in data for c in cands])
    y = np.array([float(c.item_id in rel) for _, cands, rel in data for c in cands])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    return fit((x - mean) / scale, y, c)[:-1] / scale


def ndcg_with(weights: np.ndarray, cands: list[rerank.Candidate], relevant: set) -> float:
    order = sorted(cands, key=lambda c: (-float(np.dot(weights, c.facts())), c.dense_rank or rerank.ABSENT, c.item_id))
    return ndcg([c.item_id for c in order], relevant)


def rrf(cands: list[rerank.Candidate], relevant: set) -> float:
    weights = np.array([1.0, 1.0, 0, 0, 0, 0, 0])
    return ndcg_with(weights, cands, relevant)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb")
    ap.add_argument("--c", type=float, default=0.1)
    args = ap.parse_args()
    kb = knowledge_base(args.kb, QUERIES_JUDGED_UP_TO)
    data = []
    for query in queries():
        if query.split != "dev":
            continue
        relevant, missing = relevant_ids(kb, query)
        relevant |= {f"lost:{file}:{part}" for file, part in missing}
        data.append((query, kb.searcher.candidates(query.text), relevant))
    print(f"{len(data)} dev queries, {sum(len(c) for _, c, _ in data)} candidates (pool {rerank.POOL} a side)")
    folds = []
    for seed in range(3):
        order = np.random.default_rng(seed).permutation(len(data))
        for test in np.array_split(order, 5):
            held = set(test.tolist())
            weights = raw_weights([d for j, d in enumerate(data) if j not in held], args.c)
            folds += [ndcg_with(weights, data[j][1], data[j][2]) for j in held]
    now = np.array(rerank.WEIGHTS)
    print(f"nDCG@10 on dev: RRF (K {config.RRF_K}) {statistics.mean(rrf(c, r) for _, c, r in data):.3f},"
          f" the weights in index/rerank.py {statistics.mean(ndcg_with(now, c, r) for _, c, r in data):.3f},"
          f" fitted weights cross-validated {statistics.mean(folds):.3f}")
    weights = raw_weights(data, args.c)
    print("facts:   ", ", ".join(rerank.FACTS))
    print(f"WEIGHTS = ({', '.join(f'{w:.3g}' for w in weights)})")


if __name__ == "__main__":
    main()
