"""The order of search results (index/rerank.py): the facts each candidate is scored on, and the search using them."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from index import lemmas, rerank
from index.kb import KnowledgeBase


def _candidate(item_id=1, dense=5, lexical=5, cosine=0.85, bm25=0.5, share=0.5, kind="row"):
    return rerank.Candidate(item_id, dense, lexical, cosine, bm25, share, kind)


def test_one_weight_per_fact_and_every_weight_raises_the_score():
    assert len(rerank.WEIGHTS) == len(rerank.FACTS) == len(_candidate().facts())
    base = rerank.score(_candidate(kind="paragraph"))
    better = [
        _candidate(dense=1, kind="paragraph"),
        _candidate(lexical=1, kind="paragraph"),
        _candidate(cosine=0.9, kind="paragraph"),
        _candidate(bm25=1.0, kind="paragraph"),
        _candidate(share=1.0, kind="paragraph"),
        _candidate(kind="row"),
        _candidate(kind="clause"),
    ]
    assert all(rerank.score(c) > base for c in better)


def test_a_side_that_did_not_return_a_candidate_counts_it_far_down():
    found_by_both = _candidate(dense=40, lexical=40)
    assert rerank.score(_candidate(dense=None, lexical=40)) < rerank.score(found_by_both)
    assert rerank.score(_candidate(dense=40, lexical=None)) < rerank.score(found_by_both)


def test_ties_are_broken_by_dense_rank_then_id():
    same = [_candidate(item_id=9, dense=3), _candidate(item_id=4, dense=3), _candidate(item_id=7, dense=2)]
    same = [rerank.Candidate(c.item_id, c.dense_rank, 1, 0.8, 0.5, 0.5, "row") for c in same]
    # equal facts apart from the dense rank, whose weight favours rank 2 anyway; then ids
    assert [c.item_id for c, _ in rerank.ordered(same)] == [7, 4, 9]


def test_activity_share_weighs_rare_lemmas_more():
    weights = {"школа": rerank.rarity(900, 1000), "наставничество": rerank.rarity(5, 1000)}
    assert rerank.share(weights, {"наставничество"}) > 0.8 > rerank.share(weights, {"школа"})
    assert rerank.share(weights, set()) == 0.0 and rerank.share({}, {"школа"}) == 0.0


@pytest.fixture(scope="module")
def kb(corpus_kb_dir):
    kb = KnowledgeBase.open(corpus_kb_dir)
    yield kb
    kb.close()


def test_search_returns_the_best_candidates_in_score_order(kb):
    query = "наставничество для молодых учителей"
    candidates = kb.searcher.candidates(query)
    hits = kb.search(query, k=10)
    best = [c.item_id for c, _ in rerank.ordered(candidates)[:10]]
    assert [h.item_id for h in hits] == best
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_every_candidate_has_its_exact_cosine(kb):
    """Items only the lexical side found get their cosine from their stored vector, not a guess."""
    query = "сетевое партнёрство школ"
    candidates = kb.searcher.candidates(query)
    assert any(c.dense_rank is None for c in candidates) or len(candidates) == 0
    q = kb.encoder.query(query)
    vectors = kb.store.vectors_of([c.item_id for c in candidates], len(q))
    assert np.allclose([c.cosine for c in candidates], vectors @ q, atol=1e-4)


def test_activity_share_is_read_from_the_stored_lemmas(kb, corpus_kb_dir):
    """What ingestion stored for each activity is what lemmatising it at query time gives."""
    db = sqlite3.connect(corpus_kb_dir / "praktika.sqlite")
    rows = db.execute("SELECT activity, activity_lemmas FROM items ORDER BY id LIMIT 50").fetchall()
    assert rows and all(stored == " ".join(lemmas.lemmas(activity)) for activity, stored in rows)


def test_a_row_about_the_practice_ranks_above_a_paragraph_both_sides_put_first(tmp_path):
    """A news line that repeats the query's words is first on both sides (reciprocal rank fusion kept it
    first); the plan's row about the practice, second on both, now comes before it."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.txt").write_text(
        "План мероприятий\n\n"
        "| № | Мероприятие | Срок | Ответственный |\n|---|---|---|---|\n"
        "| 1 | Организация наставничества для молодых педагогов школ района в форме «учитель – учитель», "
        "«руководитель – учитель» с участием методистов районного методического кабинета | сентябрь 2024 "
        "| Иванова И.И. |\n"
        "| 2 | Проведение родительских собраний | октябрь 2024 | Петров П.П. |\n",
        encoding="utf-8",
    )
    (tmp_path / "docs" / "news.txt").write_text(
        "Новости района\n\nОбсуждали наставничество молодых педагогов: наставничество молодых педагогов.\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.open(tmp_path / "kb")
    try:
        assert all(r.status == "added" for r in kb.ingest([tmp_path / "docs"]))
        row, paragraph = kb.search("наставничество молодых педагогов", k=2)
        assert (paragraph.item.kind, paragraph.dense_rank, paragraph.lexical_rank) == ("paragraph", 1, 1)
        assert row.item.kind == "row" and "наставничества" in row.item.activity
    finally:
        kb.close()


def test_an_item_removed_after_the_index_was_read_is_left_out(kb, monkeypatch):
    """Another process may remove a document between the two sides' ranking and the facts' reading:
    its items are left out, never a KeyError (found in review: the vectors were read apart)."""
    query = "ВПР"
    lexical_only = [c.item_id for c in kb.searcher.candidates(query) if c.dense_rank is None]
    assert len(lexical_only) >= 2  # one removed, the others' cosines still to be read
    gone = lexical_only[0]
    real = kb.store.ranking_facts
    monkeypatch.setattr(kb.store, "ranking_facts", lambda ids: {i: f for i, f in real(ids).items() if i != gone})

    def removed_since(ids, dim):  # what a second read would meet once the document is gone
        raise KeyError(f"no such item: {gone}")

    monkeypatch.setattr(kb.store, "vectors_of", removed_since)
    hits = kb.search(query, k=30)
    assert hits and gone not in {h.item_id for h in hits}
