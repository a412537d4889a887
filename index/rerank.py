"""The order of search results: the candidates of both sides scored by what makes an item answer.

Reciprocal rank fusion alone put the judged rows of the blind practice queries at nDCG@10 0.734
on their dev split and 0.706 on the held-out one, below BM25 alone there (0.730), although the
top 30 of either side held 89% of the judged rows: the candidates were found, their order was
not right. Each candidate now gets a linear score over seven facts: both ranks as reciprocal
rank fusion reads them, its cosine, its BM25 against the query's best, how much of the query
(weighted by rarity) its activity itself says rather than its section or result, and whether it
is a table row or a clause rather than a free paragraph (a practice is mostly a row). The
weights are a logistic regression of "judged relevant" on these facts over the dev queries only:
`bench/rerank_fit.py` fits them and prints the line below.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pipeline import config

POOL = 30  # candidates taken from the top of each side (more when more results are asked for)
ABSENT = 300  # the rank a side gives a candidate it did not return

FACTS = ("dense rank", "lexical rank", "cosine", "BM25 / best", "activity share", "row", "clause")
# One weight per fact, in the fact's own units (ranking needs no intercept).
WEIGHTS = (82.8, 147, 25.6, 1.07, 3.09, 2.12, 1.35)


@dataclass(frozen=True)
class Candidate:
    """One item found by either side, with what the score reads of it."""

    item_id: int
    dense_rank: int | None
    lexical_rank: int | None
    cosine: float  # exact, also for an item only the lexical side found
    lexical: float  # its BM25 over the best BM25 of the query (0: not among the lexical candidates)
    activity_share: float  # the query's lemmas its activity holds, weighted by rarity (0 to 1)
    kind: str  # row | clause | paragraph

    def facts(self) -> tuple[float, ...]:
        return (
            1 / (config.RRF_K + (self.dense_rank or ABSENT)),
            1 / (config.RRF_K + (self.lexical_rank or ABSENT)),
            self.cosine,
            self.lexical,
            self.activity_share,
            float(self.kind == "row"),
            float(self.kind == "clause"),
        )


def score(candidate: Candidate) -> float:
    return sum(w * f for w, f in zip(WEIGHTS, candidate.facts(), strict=True))


def ordered(candidates: list[Candidate]) -> list[tuple[Candidate, float]]:
    """Best first; ties by the dense rank, then the id, so the order never depends on set order."""
    scored = [(c, score(c)) for c in candidates]
    return sorted(scored, key=lambda cs: (-cs[1], cs[0].dense_rank or ABSENT, cs[0].item_id))


def rarity(items_with_it: int, items: int) -> float:
    """How much a query lemma weighs: the rarer in the collection, the more (BM25's idf, never negative)."""
    return math.log((items + 1) / (items_with_it + 0.5))


def share(weights: dict[str, float], lemmas: set[str]) -> float:
    """The part of the query's weight that `lemmas` hold."""
    total = sum(weights.values())
    return sum(w for term, w in weights.items() if term in lemmas) / total if total else 0.0
