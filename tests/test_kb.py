"""The knowledge base: incremental ingest, hybrid search, filters, repair and crashes."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import numpy as np
import pytest

from index.errors import StoreError
from index.kb import KnowledgeBase
from index.results import Filters
from pipeline.parse import parse_file
from tests.conftest import CORPUS, ROOT, seed_path


@pytest.fixture(scope="module")
def kb(corpus_kb_dir, tmp_path_factory):
    return KnowledgeBase.open(shutil.copytree(corpus_kb_dir, tmp_path_factory.mktemp("kb") / "kb"))


def regions(hits) -> set[str]:
    return {h.document.region for h in hits}


def test_corpus_ingested_once(kb):
    s = kb.stats()
    assert (s.documents, s.items, s.vectors) == (5, 205, 205)
    assert s.problems == ()
    again = kb.ingest([CORPUS])
    assert [r.status for r in again] == ["unchanged"] * 5
    assert kb.stats().items == 205


def test_partnership_rows_from_all_three_regions(kb):
    hits = kb.search("сетевое партнёрство школ", k=10)
    assert regions(hits) == {"Смоленская область", "Оренбургская область", "Московская область"}
    top = hits[0]
    assert top.dense_rank and top.lexical_rank and "партнерство" in top.matched_terms
    assert top.score > hits[-1].score


def test_filters(kb):
    hits = kb.search("мониторинг", Filters(region="Оренбургская область"), k=20)
    assert hits and regions(hits) == {"Оренбургская область"}
    hits = kb.search("мониторинг", Filters(year_from=2021), k=20)
    assert hits and {h.document.year for h in hits} == {2021}
    hits = kb.search("методическая помощь", Filters(entity="ORG:МКУ «ЦМТО»"), k=50)
    assert hits and all("ЦМТО" in (h.item.responsible or "") + h.item.activity + (h.item.result or "") for h in hits)


def test_an_unknown_places_adjective_has_one_lemma_in_every_case():
    """pymorphy guesses a noun «переясловскай» for «Переясловская» (q1604): the school named in the
    nominative and in the genitive must share their lemmas."""
    from pipeline.text import lemma

    assert lemma("Переясловская") == lemma("Переясловской") == "переясловский"
    assert lemma("Асовская") == "асовский" and lemma("чай") == "чай" and lemma("край") == "край"


def test_lemmas_and_glossary_in_lexical_search(kb):
    from index import lemmas

    terms = lemmas.query_terms("школам с низкими результатами")
    assert terms == ["школа", "низкий", "результат"]
    found = [kb.store.item(i)[0] for i in kb.searcher.lexical(terms, 300)]
    texts = [" ".join(x or "" for x in (i.activity, i.description, i.result)) for i in found]
    # This row says only «ШНОР»: it is found through the glossary's expansion of the abbreviation.
    assert any(t.startswith("Принятие управленческих решений") and "низк" not in t for t in texts)


def test_similar_from_other_documents(kb):
    items = kb.items()
    row = items[items.activity.str.startswith("Организация сетевого партнерства")].iloc[0]
    hits = kb.similar(int(row.item_id), other_regions=True, k=5)
    assert hits and all(h.item.doc_id != row.doc_id for h in hits)
    assert "Смоленская область" not in regions(hits)


def test_change_replace_duplicate_remove_and_bad_file(tmp_path):
    kb = KnowledgeBase.open(tmp_path / "kb")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    text = seed_path("001").read_text("utf-8")
    (inbox / "order.txt").write_text(text, "utf-8")
    (inbox / "broken.docx").write_bytes(b"not a zip")
    results = {os.path.basename(r.path): r for r in kb.ingest([inbox])}
    assert results["order.txt"].status == "added" and results["broken.docx"].status == "failed"
    assert "повреждённый DOCX" in results["broken.docx"].message
    before = kb.stats().items

    shorter = "\n".join(line for line in text.splitlines() if not line.startswith("23\t"))
    (inbox / "order.txt").write_text(shorter, "utf-8")
    [changed] = [r for r in kb.ingest([inbox / "order.txt"])]
    assert changed.status == "replaced" and kb.stats().items == before - 1
    assert kb.check() == []

    (inbox / "copy.txt").write_text(shorter, "utf-8")
    assert kb.ingest([inbox / "copy.txt"])[0].status == "duplicate"

    assert kb.remove("order.txt") == before - 1
    assert kb.stats().items == 0 and len(kb.vectors) == 0 and kb.check() == []


def test_ingest_reports_and_logs_a_warning(tmp_path):
    from tests.test_cli import UNPLACED

    kb = KnowledgeBase.open(tmp_path / "kb")
    (tmp_path / "plan.txt").write_text(UNPLACED, "utf-8")
    [result] = kb.ingest([tmp_path / "plan.txt"])
    assert result.status == "added" and result.items == 1
    assert result.warning.startswith("размещено") and "лишняя колонка" in result.warning
    assert kb.store.ingest_log(result.path) == [("added", result.warning)]


def test_vectors_repaired_from_sqlite(tmp_path):
    kb = KnowledgeBase.open(tmp_path)
    kb.ingest([seed_path("004")])
    kb.close()
    (tmp_path / "vectors.faiss").write_bytes(b"garbage")
    reopened = KnowledgeBase.open(tmp_path)
    assert reopened.repaired and reopened.check() == [] and len(reopened.vectors) == 40


def test_model_mismatch_is_refused(tmp_path):
    kb = KnowledgeBase.open(tmp_path)
    kb.store.set_meta("model", "some-other-model")
    kb.close()
    with pytest.raises(StoreError, match="praktika reindex"):
        KnowledgeBase.open(tmp_path)
    assert KnowledgeBase.open(tmp_path, reindexing=True).reindex() == 0
    KnowledgeBase.open(tmp_path)  # opens again once reindexed


def test_kill_minus_nine_during_ingest(tmp_path):
    """Kill a real `praktika ingest` at several points; the KB opens clean and a rerun completes it."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(4):  # distinct contents: each seed with a marker line appended
        for p in sorted(CORPUS.glob("*.txt")):
            (inbox / f"{n}_{p.name}").write_text(p.read_text("utf-8") + f"\nКопия {n}\n", "utf-8")
    kb_dir = tmp_path / "kb"
    cmd = [sys.executable, "-m", "app.cli", "ingest", str(inbox), "--kb", str(kb_dir)]
    for stop_at in (2, 7, 13):  # kill while file N is being processed
        proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        seen = ""
        deadline = time.time() + 300
        while f"{stop_at}/20" not in seen and proc.poll() is None and time.time() < deadline:
            seen += proc.stderr.read(1)
        time.sleep(0.3 * stop_at % 1.0)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kb = KnowledgeBase.open(kb_dir)
        assert kb.check() == [], stop_at
        kb.close()
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    kb = KnowledgeBase.open(kb_dir)
    expected = sum(len(parse_file(p).items) for p in inbox.iterdir())  # every item exactly once
    db = sqlite3.connect(kb_dir / "praktika.sqlite")
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 20
    assert kb.stats().items == expected == len(kb.vectors)
    assert kb.check() == []
    shutil.rmtree(kb_dir)


def test_query_understanding(kb):
    hint = kb.understand("кто отвечает за мониторинг ШНОР в Смоленской области в 2021 году")
    assert hint.region == "Смоленская область"
    assert (hint.year_from, hint.year_to) == (2021, 2021)
    assert "школы с низкими образовательными результатами" in hint.expanded
    assert kb.understand("сетевое партнёрство").region is None


def _clustered(n: int, clusters: int, seed: int):
    """A random generator and `n` unit vectors around `clusters` centres, as real items cluster by topic."""
    import numpy as np

    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(clusters, 384)).astype(np.float32)
    x = centres[rng.integers(0, clusters, n)] + rng.normal(0, 0.3, (n, 384)).astype(np.float32)
    return rng, x / np.linalg.norm(x, axis=1, keepdims=True)


def test_approximate_index_past_the_threshold(tmp_path, monkeypatch):
    """Past EXACT_UP_TO the vectors move to IVF; removal, filters and recall still hold."""
    import numpy as np

    from index.vectors import FaissVectors as Vectors
    from pipeline import config

    monkeypatch.setattr(config, "EXACT_UP_TO", 1000)
    rng, x = _clustered(8000, 200, seed=0)
    ids = np.arange(1, 8001)
    approx, exact = Vectors.build(ids, x, 384), Vectors.build(ids[:0], x[:0], 384)
    exact.add(ids, x)
    assert approx.kind.startswith("ivf-sq8") and exact.kind == "flat" and len(approx) == 8000
    # 8-bit codes: what the index holds is within its tolerance of the float vectors, a random
    # other vector is not (so a file holding the wrong vectors is still caught on opening)
    held = approx.stored([5, 6, 7])
    assert np.allclose(held, x[4:7], atol=approx.tolerance) and not np.allclose(held, x[5:8], atol=approx.tolerance)
    queries = x[:100] + rng.normal(0, 0.05, (100, 384)).astype(np.float32)
    recall = np.mean(
        [len({i for i, _ in approx.search(q, 10)} & {i for i, _ in exact.search(q, 10)}) / 10 for q in queries]
    )
    assert recall >= 0.95
    approx.remove([1, 2, 3])
    assert len(approx) == 7997 and not {1, 2, 3} & approx.ids()
    assert {i for i, _ in approx.search(queries[0], 10, allowed=np.array([10, 11, 12, 13]))} == {10, 11, 12, 13}
    approx.save(tmp_path / "v.faiss")
    assert Vectors.load(tmp_path / "v.faiss", 384).kind == approx.kind
    assert (tmp_path / "v.faiss").stat().st_size < 8000 * 384 * 2  # a byte a component (and centroids), not four


def test_a_filters_own_lists_find_what_its_bitmap_finds(monkeypatch):
    """Under a filter the IVF index probes lists holding only the filter's codes (index/vectors.py):
    the same hits and scores as probing the whole lists with the filter's bitmap; any change drops them."""
    import numpy as np

    from index.vectors import FaissVectors as Vectors
    from pipeline import config

    monkeypatch.setattr(config, "EXACT_UP_TO", 1000)
    rng, x = _clustered(6000, 100, seed=3)
    ids = np.arange(10, 6010)
    vectors = Vectors.build(ids, x, 384)
    allowed = np.sort(rng.choice(ids, 1200, replace=False))  # a fifth of the items
    queries = x[:40] + rng.normal(0, 0.05, (40, 384)).astype(np.float32)

    def hits(share: float) -> list:
        monkeypatch.setattr(config, "SUBSET_SHARE", share)
        return [vectors.search(q, 20, allowed=allowed) for q in queries]

    bitmap, own = hits(0.0), hits(0.6)
    assert len(vectors._subsets) == 1 and next(iter(vectors._subsets.values()))[1].ntotal == 1200
    assert [[i for i, _ in h] for h in own] == [[i for i, _ in h] for h in bitmap]
    assert np.allclose([s for h in own for _, s in h], [s for h in bitmap for _, s in h], atol=1e-5)
    assert all(set(i for i, _ in h) <= set(allowed.tolist()) for h in own)
    assert vectors.search(queries[0], 10, allowed=np.array([100_000, 100_001])) == []  # ids it does not hold
    once = np.sort(rng.choice(ids, 1500, replace=False))
    vectors.search(queries[0], 10, allowed=once)
    assert len(vectors._subsets) == 1  # a filter searched once keeps the bitmap
    gone = int(own[0][0][0])
    vectors.remove([gone])
    assert not vectors._subsets and gone not in {i for i, _ in vectors.search(queries[0], 20, allowed=allowed)}


def _as_version_3(path):
    """Turn a current knowledge base back into schema 3 (before the last year of a document's period)."""
    db = sqlite3.connect(path / "praktika.sqlite")
    db.execute("ALTER TABLE documents DROP COLUMN year_end")
    db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    db.commit()
    return db


def _as_version_2(path):
    """Turn a current knowledge base back into schema 2 (before the activity's own lemmas)."""
    db = _as_version_3(path)
    db.execute("ALTER TABLE items DROP COLUMN activity_lemmas")
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.commit()
    return db


def _as_version_1(path):
    """Turn a current knowledge base back into schema 1 (before the unique item index)."""
    db = _as_version_2(path)
    db.execute("DROP INDEX items_doc_ordinal")
    db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    db.commit()
    return db


def test_schema_1_is_migrated(kb_copy):
    _as_version_1(kb_copy).close()
    kb = KnowledgeBase.open(kb_copy)
    kb.close()
    db = sqlite3.connect(kb_copy / "praktika.sqlite")
    assert "items_doc_ordinal" in {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "4"
    kb = KnowledgeBase.open(kb_copy)
    assert kb.stats().items == 205 and kb.check() == []


def test_schema_2_is_migrated_and_ranks_as_before(kb_copy):
    """Rows stored before the activity's lemmas were kept are re-ranked from their text, in the same order."""
    kb = KnowledgeBase.open(kb_copy)
    before = [h.item_id for h in kb.search("мониторинг результатов ВПР", k=10)]
    kb.close()
    _as_version_2(kb_copy).close()
    kb = KnowledgeBase.open(kb_copy)
    assert [h.item_id for h in kb.search("мониторинг результатов ВПР", k=10)] == before
    kb.close()
    db = sqlite3.connect(kb_copy / "praktika.sqlite")
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "4"
    assert db.execute("SELECT count(*) FROM items WHERE activity_lemmas IS NULL").fetchone()[0] == 205


def test_a_year_filter_finds_the_later_years_of_a_documents_period(kb_copy):
    """003 is a plan for the 2019/20 school year (its year is 2019): asked of 2020, it answers, in a
    base of schema 3 too once migrated (the period's end is read from the stored metadata)."""
    in_2020 = Filters(year_from=2020, year_to=2020)
    for make_old in (None, _as_version_3):
        if make_old:
            make_old(kb_copy).close()
        with KnowledgeBase.open(kb_copy) as kb:
            sources = {h.document.source[:4] for h in kb.search("мероприятия плана", in_2020, k=50)}
            assert "003_" in sources and "000_" not in sources


def test_a_municipality_filter_ignores_yo(kb_copy):
    """«Озёрский городской округ» asked, «Озерский городской округ» printed (questions q610, q611, q644)."""
    db = sqlite3.connect(kb_copy / "praktika.sqlite")
    db.execute("UPDATE documents SET municipality = 'Озерский городской округ' WHERE source LIKE '000_%'")
    db.commit()
    db.close()
    with KnowledgeBase.open(kb_copy) as kb:
        hits = kb.search("мониторинг", Filters(municipality="Озёрский городской округ"), k=10)
        assert hits and all(h.document.source.startswith("000_") for h in hits)


def test_failed_migration_leaves_the_knowledge_base_as_it_was(kb_copy):
    db = _as_version_1(kb_copy)
    db.execute(  # a schema-1 database could hold an item twice; the new unique index cannot be built
        "INSERT INTO items(doc_id, ordinal, kind, activity, vector) SELECT doc_id, ordinal, kind, activity, vector"
        " FROM items WHERE id = (SELECT min(id) FROM items)"
    )
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="не удалось перевести со схемы 1 на 4"):
        KnowledgeBase.open(kb_copy)
    db = sqlite3.connect(kb_copy / "praktika.sqlite")
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "1"
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 206


@pytest.mark.parametrize(
    "filters",
    [Filters(region="Смоленская область"), Filters(municipality="городской округ Дубна"), Filters(year_from=2020)],
    ids=["region", "municipality", "year"],
)
def test_a_filtered_ranking_is_the_whole_ranking_cut_to_the_filter(kb, filters):
    """SQLite filters the lexical matches, FAISS the dense ones: neither changes the order of what passes."""
    from index import lemmas

    passing = set(kb.store.filter_ids(filters).tolist())
    assert 0 < len(passing) < kb.stats().items
    for query in ("сетевое партнёрство школ", "мониторинг качества образования", "работа с родителями"):
        terms = lemmas.query_terms(query)
        whole = kb.searcher.lexical(terms, 1000)
        assert kb.searcher.lexical(terms, 20, filters) == [i for i in whole if i in passing][:20]
        vector = kb.encoder.query(query)
        whole_dense = [i for i, _ in kb.searcher.dense(vector, 1000)]
        allowed = kb.store.filter_ids(filters)
        assert [i for i, _ in kb.searcher.dense(vector, 20, allowed)] == [i for i in whole_dense if i in passing][:20]


def test_a_filter_sees_what_was_added_after_it_was_first_used(corpus_kb_dir, tmp_path):
    """Filter ids are cached until the contents change: a new document's items pass at once."""
    where = Filters(region="Оренбургская область")
    query = "наставничество молодых педагогов"
    with KnowledgeBase.open(shutil.copytree(corpus_kb_dir, tmp_path / "kb")) as kb:
        before = {h.item_id for h in kb.search(query, where, k=50)}
        doc = tmp_path / "orenburg.txt"
        doc.write_text(
            "Министерство образования Оренбургской области\nПРИКАЗ\nот 01.02.2024 № 77\n"
            "О наставничестве\nприказываю:\n1. Организовать наставничество молодых педагогов "
            "в школах Оренбургской области с низкими образовательными результатами.\n",
            encoding="utf-8",
        )
        [result] = kb.ingest([doc])
        assert result.status == "added" and result.items
        after = kb.search(query, where, k=50)
        assert all(h.document.region == "Оренбургская область" for h in after)
        added = [h for h in after if h.item_id not in before]
        assert added and all(h.document.source.endswith("orenburg.txt") for h in added)
        assert any(h.lexical_rank for h in added)
        kb.remove(str(doc))
        assert {h.item_id for h in kb.search(query, where, k=50)} == before


def test_lexical_budget_keeps_the_rarest_lemmas(kb, monkeypatch):
    from pipeline import config

    terms = ["школа", "мониторинг", "анкетирование"]
    df = kb.lemma_counts(terms)
    assert df["анкетирование"] < df["мониторинг"] < df["школа"]
    monkeypatch.setattr(config, "LEXICAL_BUDGET", df["анкетирование"] + df["мониторинг"])
    assert kb.searcher.selective(terms) == ["анкетирование", "мониторинг"]
    monkeypatch.setattr(config, "LEXICAL_BUDGET", df["анкетирование"] - 1)
    assert kb.searcher.selective(terms) == []  # only lemmas too common to rank: the dense side answers


@pytest.mark.parametrize(
    "query",
    [
        "сетевое партнёрство школ",
        "мониторинг качества образования",
        "учебно-методическое сопровождение молодых педагогов",  # a hyphenated lemma: a phrase of two tokens
        "ВПР 2024 года в 5 классах",
        "кураторы школ с низкими результатами",
    ],
)
def test_bm25_ranks_as_sqlite_does(kb, query):
    """Our BM25 over the lemma lists gives SQLite FTS5's own bm25() ranking: the same items, and the
    same order wherever the scores differ."""
    from index import lemmas

    terms = lemmas.query_terms(query)
    ours = kb.searcher.lexical(terms, -1)
    match = " OR ".join(f'"{t}"' for t in terms)
    sql = "SELECT rowid, bm25(items_fts) FROM items_fts WHERE items_fts MATCH ? ORDER BY bm25(items_fts)"
    theirs = kb.store.db.execute(sql, (match,)).fetchall()
    assert len(ours) == len(theirs) > 20
    assert set(ours) == {r[0] for r in theirs}
    score = {r[0]: r[1] for r in theirs}
    assert all(score[a] <= score[b] + 1e-9 for a, b in itertools.pairwise(ours))


def test_one_batch_across_files_keeps_order_and_duplicates(tmp_path):
    """Files embedded together are still committed one by one, in order, each content once."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    text = seed_path("004").read_bytes()
    (inbox / "a_order.txt").write_bytes(text)
    (inbox / "b_broken.pdf").write_bytes(b"%PDF-1.7 broken")
    (inbox / "c_same.txt").write_bytes(text)
    (inbox / "d_other.txt").write_bytes(seed_path("001").read_bytes())
    kb = KnowledgeBase.open(tmp_path / "kb")
    results = kb.ingest([inbox])
    assert [(os.path.basename(r.path), r.status) for r in results] == [
        ("a_order.txt", "added"),
        ("b_broken.pdf", "failed"),
        ("c_same.txt", "duplicate"),
        ("d_other.txt", "added"),
    ]
    s = kb.stats()
    assert s.items == s.vectors == results[0].items + results[3].items and s.problems == ()
    alone = KnowledgeBase.open(tmp_path / "alone")
    alone.ingest_bytes(text, "x", "a_order.txt")
    first = kb.items().query("source == 'a_order.txt'").item_id
    together, apart = kb.embeddings(first), alone.embeddings(alone.items().item_id)
    # bfloat16 rounds a little differently with the batch's padding: measured max 5e-4, cosine ≥ 0.999995
    atol = 1e-5 if kb.encoder.engine.endswith("fp32") else 2e-3
    assert np.allclose(together, apart, atol=atol)
    assert (together * apart).sum(axis=1).min() >= 0.9999


def test_a_failed_transaction_leaves_the_store_as_it_was(kb_copy):
    """Any error inside `Store.transaction` rolls back everything written in it."""
    kb = KnowledgeBase.open(kb_copy)
    doc_id = kb.store.find_document(kb.documents().source[0])
    with pytest.raises(RuntimeError, match="interrupted"), kb.store.transaction():
        assert kb.store.delete_document(doc_id)
        kb.store.set_meta("model", "half-written")
        raise RuntimeError("interrupted")
    assert kb.store.find_document(doc_id) == doc_id and kb.store.meta("model") != "half-written"
    assert kb.stats().items == 205 and kb.check() == []


def test_hits_survive_the_page_round_trip(kb):
    """The page keeps hits as JSON between clicks; they come back as the same records."""
    from dataclasses import asdict

    from index.results import Hit, cite

    hits = kb.search("сетевое партнёрство школ", k=5)
    again = [Hit.from_data(json.loads(json.dumps(asdict(h), ensure_ascii=False))) for h in hits]
    assert again == hits and any(h.item.entities for h in hits)
    assert cite(hits[0], 1).startswith("[1] ") and hits[0].document.source in cite(hits[0])
    assert "path" not in asdict(hits[0].document)  # server paths never leave the store


def test_a_filter_keeps_exactly_the_allowed_items():
    """The id bitmap a filter becomes: the top hits among the allowed ids, and only those."""
    import numpy as np

    from index.vectors import FaissVectors as Vectors

    rng = np.random.default_rng(1)
    x = rng.normal(size=(3000, 384)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    ids = np.arange(5, 3005)  # ids need not start at 0
    vectors = Vectors.build(ids, x, 384)
    allowed = np.sort(rng.choice(ids, 700, replace=False))
    q = x[17]
    want = sorted(allowed, key=lambda i: -float(x[i - 5] @ q))[:10]
    assert [i for i, _ in vectors.search(q, 10, allowed=allowed)] == want


def test_review_a_filter_that_matches_nothing_gives_nothing(kb):
    """An empty filter once crashed the lexical side (the mask of no ids)."""
    assert kb.search("мониторинг качества", Filters(region="Нет такой области")) == []
    assert kb.searcher.lexical(["мониторинг"], 10, Filters(year_from=1900, year_to=1901)) == []


def test_review_a_hyphenated_lemma_pays_for_its_tokens(kb, monkeypatch):
    """«учебно-методический» reads every occurrence of each token: the budget counts them."""
    from pipeline import config

    df = kb.lemma_counts(["учебно", "методический", "мониторинг"])
    assert df["учебно"] and df["методический"]
    monkeypatch.setattr(config, "LEXICAL_BUDGET", df["мониторинг"] + df["учебно"] + df["методический"] - 1)
    assert kb.searcher.selective(["учебно-методический", "мониторинг"]) == ["мониторинг"]


def test_review_items_added_since_the_lengths_were_read_are_skipped():
    from index import bm25

    lengths = bm25.Lengths.of(np.array([1, 2]), np.array([5, 7], dtype=np.int32))
    assert bm25.rank([np.array([1, 2, 2, 9])], lengths, 10) == [2, 1]


def test_a_region_stored_under_its_former_official_name_is_still_found(corpus_kb_dir, tmp_path):
    """Tatarstan's official name became «Республика Татарстан (Татарстан)»: a base built before keeps
    «Республика Татарстан», and a filter by either name (the page offers the stored one) finds it."""
    query = "наставничество молодых педагогов"
    root = shutil.copytree(corpus_kb_dir, tmp_path / "kb")
    with KnowledgeBase.open(root) as kb:
        doc = tmp_path / "kazan.txt"
        doc.write_text(
            "Министерство образования и науки Республики Татарстан\nПРИКАЗ\nот 01.02.2024 № 77\n"
            "О наставничестве\nприказываю:\n1. Организовать наставничество молодых педагогов в школах.\n",
            encoding="utf-8",
        )
        [result] = kb.ingest([doc])
        assert result.status == "added"
    db = sqlite3.connect(root / "praktika.sqlite")
    db.execute("UPDATE documents SET region = 'Республика Татарстан' WHERE source LIKE '%kazan.txt'")
    db.commit()
    db.close()
    with KnowledgeBase.open(root) as kb:
        for name in ("Республика Татарстан", "Республика Татарстан (Татарстан)", "Татарстан"):
            hits = kb.search(query, Filters(region=name), k=10)
            assert hits and all(h.document.source.endswith("kazan.txt") for h in hits), name


def test_a_municipality_typed_in_its_official_form_filters_as_stored(kb):
    """«Дорогобужский муниципальный район Смоленской области» is the «Дорогобужский район» stored."""
    from pipeline import places

    assert places.official_municipality("Дорогобужский муниципальный район Смоленской области") == "Дорогобужский район"
    assert places.official_municipality("муниципальный район имени Лазо") == "район имени Лазо"
    assert places.official_municipality("школы Дорогобужского района") == "школы Дорогобужского района"
    assert places.official_municipality("Аликовский муниципальный округ") == "Аликовский муниципальный округ"
    # a charter's form names the same place (realdocs 301, 380)
    assert places.official_municipality("муниципальное образование «Город Киров»") == "город Киров"
    assert places.official_municipality("муниципальный район «Сысольский»") == "Сысольский район"
    assert places.official_municipality("муниципальное образование «Майминский район»") == "Майминский район"
    assert places.official_municipality("муниципальный район имени Лазо") == "район имени Лазо"
    stored = kb.search("мониторинг", Filters(municipality="Дорогобужский район"), k=20)
    typed = kb.search("мониторинг", Filters(municipality="Дорогобужский муниципальный район"), k=20)
    assert stored and [h.item_id for h in typed] == [h.item_id for h in stored]
