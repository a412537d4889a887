"""Embedding engines: the fast path agrees with sentence-transformers float32, and a knowledge
base keeps the engine that built it (index/embedder.py, index/openvino_encoder.py)."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from index import embedder
from index.kb import KnowledgeBase
from pipeline import config
from tests.conftest import CORPUS

GOLD = Path(__file__).resolve().parent / "gold"


def judged_queries() -> list[str]:
    out = []
    for tsv in (GOLD / "queries.tsv", GOLD / "questions" / "queries.tsv", GOLD / "questions" / "questions.tsv"):
        if tsv.exists():
            with open(tsv, encoding="utf-8") as f:
                out += [r.get("query") or r.get("question") for r in csv.DictReader(f, delimiter="\t")]
    return [q for q in out if q]


def corpus_items() -> list[str]:
    from pipeline.parse import parse_file

    return [i.passage() for p in sorted(CORPUS.glob("*.txt")) for i in parse_file(p).items]


def test_this_machine_runs_openvino():
    """The default here (Zen 4, AVX512-BF16) is OpenVINO in bfloat16; without BF16 it is float32."""
    assert embedder.default_engine().startswith("openvino")


@pytest.fixture(scope="module")
def float32():
    """(items, queries, their sentence-transformers float32 vectors)."""
    reference = embedder.encoder("torch-fp32")
    items, queries = corpus_items(), judged_queries()
    return items, queries, reference.passages(items), np.array([reference.query(q) for q in queries])


@pytest.mark.parametrize("engine", ["openvino-bf16", "openvino-fp32"])
def test_engine_agrees_with_float32(engine, float32):
    """The gate of issue #18: cosine to float32 median ≥ 0.995 and minimum ≥ 0.98, on corpus items
    and on every judged query."""
    items, queries, item_vectors, query_vectors = float32
    fast = embedder.encoder(engine)
    cos = (fast.passages(items) * item_vectors).sum(axis=1)
    assert len(items) > 200
    assert np.median(cos) >= 0.995 and cos.min() >= 0.98, items[int(cos.argmin())]
    q = np.array([float(fast.query(t) @ v) for t, v in zip(queries, query_vectors, strict=True)])
    assert len(queries) >= 100
    assert np.median(q) >= 0.995 and q.min() >= 0.98, queries[int(q.argmin())]


def test_a_knowledge_base_records_its_engine(tmp_path):
    with KnowledgeBase.open(tmp_path / "kb") as kb:
        assert kb.stats().engine == embedder.default_engine() == kb.encoder.engine


def test_a_base_built_before_engines_keeps_float32(tmp_path):
    """Vectors made by sentence-transformers stay with it: queries are embedded the same way."""
    root = tmp_path / "kb"
    KnowledgeBase.open(root).close()
    db = sqlite3.connect(root / "praktika.sqlite")
    with db:
        db.execute("DELETE FROM meta WHERE key = 'engine'")
    db.close()
    with KnowledgeBase.open(root) as kb:
        assert kb.encoder.engine == "torch-fp32"
        assert kb.stats().engine == "torch-fp32"


def test_an_unknown_engine_is_refused(monkeypatch):
    monkeypatch.setattr(config, "EMBED_ENGINE", "gpu-fp8")
    embedder.default_engine.cache_clear()
    try:
        with pytest.raises(ValueError, match="PRAKTIKA_EMBED_ENGINE"):
            embedder.default_engine()
    finally:
        embedder.default_engine.cache_clear()


@pytest.mark.parametrize("engine", ["openvino-fp32", "torch-fp32"])
def test_a_long_text_is_cut_only_where_the_model_stops_reading(engine):
    """Texts are cut at SEEN_CHARS before tokenizing (memory): the vector is the uncut text's."""
    items = corpus_items()
    long = " ".join(items)
    assert len(long) > 3 * embedder.SEEN_CHARS
    engine_ = embedder.encoder(engine)
    cut = engine_.passages([long])[0]
    whole = engine_._encode([long], "passage")[0]
    assert float(cut @ whole) > 0.99999
