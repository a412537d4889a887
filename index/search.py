"""Hybrid search: dense (e5 + the vector index) and lexical (BM25 over lemmas) candidates, ordered by
`index.rerank`.

    search = HybridSearch(store, vectors, embedder.query, lock)
    search.search("сетевое партнёрство школ", Filters(region="Смоленская область"))

No SQL and no FAISS here: the store ranks lemmas and resolves filters, the vector index finds
neighbours. Filter id sets, item counts and lemma frequencies are cached until `forget()`,
which the knowledge base calls after every change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from typing import TypeVar

import numpy as np

from index import bm25, lemmas, rerank
from index.results import Filters, Hit, StoredDocument, StoredItem, Understood
from index.store import Store
from index.vectors import VectorIndex, id_mask
from pipeline import config, glossary, places

T = TypeVar("T")
MASKS = 16  # filters whose lexical masks are kept until the next change


class HybridSearch:
    def __init__(
        self,
        store: Store,
        vectors: VectorIndex,
        embed_query: Callable[[str], np.ndarray],
        lock: AbstractContextManager,
    ) -> None:
        self.store = store
        self.vectors = vectors
        self.embed_query = embed_query
        self.lock = lock  # the knowledge base's: one connection and one index shared by the server's threads
        self._cache: dict = {}
        self._embedding = ThreadPoolExecutor(1, "praktika-embed")

    def forget(self) -> None:
        """The contents changed: cached filters, counts and frequencies are stale."""
        self._cache.clear()

    def close(self) -> None:
        self._embedding.shutdown(wait=False)

    def search(self, query: str, filters: Filters | None = None, k: int = 10) -> list[Hit]:
        """The best `k` items passing `filters`: candidates of both sides, ordered by `rerank`."""
        terms = lemmas.query_terms(query)
        with self.lock:
            best = rerank.ordered(self._candidates(query, terms, filters or Filters(), k))[:k]
            hits = [(c.item_id, s, c.dense_rank, c.lexical_rank, c.cosine) for c, s in best]
            return self._hits(hits, terms)

    def candidates(self, query: str, filters: Filters | None = None, k: int = 10) -> list[rerank.Candidate]:
        """What `search` orders (bench/rerank_fit.py fits the order's weights on them)."""
        with self.lock:
            return self._candidates(query, lemmas.query_terms(query), filters or Filters(), k)

    def _candidates(self, query: str, terms: list[str], filters: Filters, k: int) -> list[rerank.Candidate]:
        """The top of each side, with the facts `rerank` scores (its cosine computed when only BM25 found it)."""
        vector = self._embedding.submit(self.embed_query, query)  # the model works while SQLite does
        n = config.CANDIDATES
        allowed = self._allowed(filters)
        # FAISS and SQLite both release the GIL: the dense side runs (after the embedding, on its
        # thread) while SQLite ranks lemmas, both under the lock, so no writer changes either
        dense_side = self._embedding.submit(lambda: self.dense(vector.result(), n, allowed))
        lexical = self.lexical_scored(self.selective(terms), n, filters)
        dense = dense_side.result()
        depth = max(rerank.POOL, k)
        pool = list(dict.fromkeys([i for i, _ in dense[:depth]] + [i for i, _ in lexical[:depth]]))
        facts = self.store.ranking_facts(pool)
        pool = [i for i in pool if i in facts]  # not removed by another process since the index was read
        cosine = dict(dense)
        unseen = [i for i in pool if i not in cosine]  # found by the lexical side only
        if unseen:
            query_vector = np.asarray(vector.result(), dtype=np.float32).ravel()
            cosine.update((i, float(facts[i][3] @ query_vector)) for i in unseen)
        d_rank = {i: r for r, (i, _) in enumerate(dense, start=1)}
        l_rank = {i: r for r, (i, _) in enumerate(lexical, start=1)}
        bm25_of, top = dict(lexical), (lexical[0][1] if lexical else 0.0)
        weights = self._weights(terms)
        return [
            rerank.Candidate(
                i,
                d_rank.get(i),
                l_rank.get(i),
                float(cosine[i]),
                bm25_of.get(i, 0.0) / top if top else 0.0,
                rerank.share(weights, self._activity_lemmas(facts[i][1], facts[i][2])),
                facts[i][0],
            )
            for i in pool
        ]

    def similar(
        self, item_id: int, other_documents_only: bool = True, other_regions: bool = False, k: int = 10
    ) -> list[Hit]:
        """The nearest items to a stored one, by its stored vector."""
        with self.lock:
            origin = self.store.item_origin(item_id)
            if origin is None:
                raise KeyError(f"no such item: {item_id}")
            vector, doc_id, region = origin
            allowed = self._allowed(Filters(exclude_doc=doc_id if other_documents_only else None))
            if other_regions and region:
                pool = set(allowed.tolist()) if allowed is not None else self.store.item_ids()
                allowed = np.array(sorted(pool - self.store.region_item_ids(region)), dtype=np.int64)
            dense = [(i, s) for i, s in self.dense(vector, k + 1, allowed) if i != item_id][:k]
            return self._hits([(i, s, rank, None, s) for rank, (i, s) in enumerate(dense, start=1)], [])

    def understand(self, query: str) -> Understood:
        """What the query names besides its topic: abbreviations expanded, region and year as filters."""
        found = places.regions(query) or [
            r for _, _, r in places.adjective_region_spans(query) + places.everyday_region_spans(query)
        ]
        years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d|19\d\d)(?!\d)", query)]
        with self.lock:
            known = self.store.regions()
        return Understood(
            expanded=glossary.expand_query(query),
            region=next((r for r in found if r in known), found[0] if found else None),
            municipality=next(iter(places.municipalities(query)), None),
            year_from=min(years) if years else None,
            year_to=max(years) if years else None,
        )

    def item_count(self) -> int:
        with self.lock:
            return self._count()

    def about_document(
        self, doc_id: int, item_id: int, read: Callable[[StoredDocument, list[StoredItem]], T]
    ) -> T | None:
        """`read(document, its items)` for the document holding `item_id`, remembered until the next
        change: answers ask it of every candidate row, and a document may hold hundreds of items."""
        key = ("document", doc_id, read.__qualname__)
        with self.lock:
            if key not in self._cache:
                found = self.store.document_of(item_id)
                self._cache[key] = read(*found) if found else None
            return self._cache[key]

    def region_of(self, municipality: str) -> str | None:
        with self.lock:
            return self.store.region_of(municipality)

    def lemma_counts(self, terms: list[str]) -> dict[str, int]:
        """In how many items each lemma occurs, cached until the next change."""
        with self.lock:
            known = self._cache.setdefault("df", {})
            missing = [t for t in terms if t not in known]
            if missing:
                known.update(self.store.lemma_counts(missing))
            return {t: known[t] for t in terms}

    # --- the two retrievers, each usable alone (bench/retrieval.py compares them) -----------------------

    def dense(self, vector: np.ndarray, n: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The `n` nearest allowed items with their cosines."""
        return self.vectors.search(vector, n, allowed)

    def lexical(self, terms: list[str], n: int, filters: Filters | None = None) -> list[int]:
        """The best `n` item ids by BM25 over the lemmas `terms` (all matches when n < 0), passing `filters`."""
        return [i for i, _ in self.lexical_scored(terms, n, filters)]

    def lexical_scored(self, terms: list[str], n: int, filters: Filters | None = None) -> list[tuple[int, float]]:
        """`lexical` with each item's BM25."""
        if not terms:
            return []
        with self.lock:
            hits = [self._occurrences(t) for t in terms]
            allowed = self._allowed_mask(filters or Filters())
            if "lengths" not in self._cache:
                self._cache["lengths"] = bm25.Lengths.of(*self.store.lemma_lengths())
            return bm25.scored(hits, self._cache["lengths"], n, allowed)

    # --- helpers ---------------------------------------------------------------------------------

    def _allowed(self, f: Filters) -> np.ndarray | None:
        """Ids of the items that pass the filters (None: no filters), cached until the next change."""
        key = ("allowed", f)
        if key not in self._cache:
            self._cache[key] = self.store.filter_ids(f)
        return self._cache[key]

    def _allowed_mask(self, f: Filters) -> np.ndarray | None:
        """A boolean per item id for the lexical side, kept for the newest MASKS filters (1 MB each at 1M)."""
        masks = self._cache.setdefault("masks", {})
        if f not in masks:
            allowed = self._allowed(f)
            masks[f] = None if allowed is None else id_mask(allowed)
            while len(masks) > MASKS:
                masks.pop(next(iter(masks)))
        return masks[f]

    def _occurrences(self, term: str) -> np.ndarray:
        """Where a lemma occurs; a hyphenated one is a phrase of the tokens FTS5 made of it."""
        tokens = term.split("-")
        if len(tokens) == 1:
            return self.store.occurrences(term)
        return bm25.phrase_hits([self.store.token_places(t) for t in tokens])

    def _count(self) -> int:
        if "count" not in self._cache:
            self._cache["count"] = self.store.item_count()
        return self._cache["count"]

    def _weights(self, terms: list[str]) -> dict[str, float]:
        """Each query lemma's rarity; a hyphenated one counts as rare as its rarest token."""
        parts = {t: t.split("-") for t in sorted(set(terms))}  # one order: the same sums in every process
        df = self.lemma_counts(sorted({x for p in parts.values() for x in p}))
        return {t: rerank.rarity(min(df[x] for x in p), self._count()) for t, p in parts.items()}

    def _activity_lemmas(self, activity: str, stored: str | None) -> set[str]:
        """Stored at ingestion; an item stored before schema 3 is lemmatised here."""
        return set(stored.split()) if stored is not None else set(lemmas.lemmas(activity))

    def selective(self, terms: list[str]) -> list[str]:
        """The query's rarer lemmas: very common ones («школа») rank little and cost much.

        Lemmas are taken from the rarest up while what they cost (the item counts of their tokens:
        a hyphenated lemma reads every occurrence of each of its tokens) fits `config.LEXICAL_BUDGET`,
        and on larger collections none found in over a tenth of the items. None left: only common
        lemmas, so the dense side answers alone.
        """
        tokens = {t: t.split("-") for t in terms}
        total, df = self._count(), self.lemma_counts(sorted({x for parts in tokens.values() for x in parts}))
        cost = {t: sum(df[x] for x in parts) for t, parts in tokens.items()}
        kept, spent = [], 0
        for term in sorted(terms, key=lambda t: cost[t]):
            too_common = total >= 5000 and min(df[x] for x in tokens[term]) > 0.1 * total
            if too_common or spent + cost[term] > config.LEXICAL_BUDGET:
                break
            kept.append(term)
            spent += cost[term]
        return kept

    def _hits(self, order: list[tuple[int, float, int | None, int | None, float]], terms: list[str]) -> list[Hit]:
        """Hits for (id, score, dense rank, lexical rank, cosine) in that order, items removed meanwhile left out."""
        hits = []
        for item_id, score, dense_rank, lexical_rank, cosine in order:
            stored = self.store.item(item_id)
            if stored is None:  # removed by another process since the vectors were read
                continue
            item, document, item_lemmas = stored
            matched = tuple(t for t in terms if t in item_lemmas)
            hits.append(Hit(item_id, score, dense_rank, lexical_rank, matched, item, document, cosine))
        return hits
