"""The real-document set (tests/realdocs/): gold made blind, both splits, no silent loss.

The dev split is what the rules were tuned on; its figures are held to the targets of issue
#12. The holdout split was never looked at while tuning: here it is only held to the
invariant that matters whatever the figures — nothing lost without a warning — and its
figures are reported by `bench/realdocs.py`.
"""

from __future__ import annotations

import json

import pytest

from bench.realdocs import REALDOCS, evaluate, gold_files
from pipeline.parse import parse_file
from pipeline.records import COMPLETE_COVERAGE
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def scores():
    return evaluate()


def test_the_set_is_what_the_readme_says():
    golds = gold_files()
    assert len(golds) >= 25
    assert len({g["document"]["region"] for g in golds}) >= 12
    assert all(g["model_url"].startswith("http") for g in golds)
    assert {g["split"] for g in golds} == {"dev", "holdout"}
    holdout = [g for g in golds if g["split"] == "holdout"]
    assert len(holdout) >= len(golds) // 3 - 1
    formats = {g["file"].rsplit(".", 1)[1] for g in golds}
    assert formats == {"txt", "html", "docx", "doc", "pdf"}
    for g in golds:  # every gold names a file that the builder made from its model
        assert g["path"].exists(), g["file"]
        assert any((REALDOCS / "src").glob(g["file"].rsplit(".", 1)[0] + ".*"))


@pytest.mark.parametrize("split", ["dev", "holdout"])
def test_no_silent_loss(scores, split):
    """Gold text that is nowhere in the output always comes with a warning."""
    assert scores[split].silent == []


def test_every_file_is_placed_or_warned():
    for gold in gold_files():
        doc = parse_file(gold["path"])
        assert doc.items, gold["file"]
        assert doc.coverage.complete or doc.warnings(), gold["file"]


@pytest.mark.parametrize(
    ("measure", "target"),
    [
        ("activity", 0.95),
        ("deadline", 0.95),
        ("responsible", 0.95),
        ("clauses", 0.95),
        ("kind", 0.95),
        ("date", 0.95),
        ("number", 0.95),
        ("region", 0.95),
    ],
)
def test_dev_split_meets_its_targets(scores, measure, target):
    assert scores["dev"].share(measure) >= target, scores["dev"].misses


@pytest.fixture(scope="module")
def head_scores():
    return evaluate(heads=True)


def test_the_heads_are_what_their_readme_says():
    heads = gold_files(REALDOCS / "heads")
    assert len(heads) >= 210 and len({g["document"]["region"] for g in heads}) >= 60
    assert sum(g["split"] == "holdout" for g in heads) == len(heads) // 3
    assert all(g["path"].exists() and g["model_url"].startswith("http") for g in heads)


@pytest.mark.parametrize(("measure", "target"), [("kind", 0.9), ("date", 0.93), ("number", 0.9), ("region", 0.9)])
def test_dev_heads_hold_their_figures(head_scores, measure, target):
    """The metadata on the dev heads, held where it stands (see bench/realdocs.py --heads) so no
    rule can lose it unnoticed."""
    assert head_scores["dev"].share(measure) >= target, head_scores["dev"].misses


@pytest.mark.parametrize("name", ["roadmap_001.docx", "roadmap_004.pdf", "hostile_roadmap.txt"])
def test_fixtures_are_fully_placed(name):
    doc = parse_file(FIXTURES / name)
    assert doc.coverage.share >= COMPLETE_COVERAGE and not doc.warnings()


def test_seeds_are_fully_placed(seeds):
    for name, doc in seeds.items():
        assert doc.coverage.share >= COMPLETE_COVERAGE, (name, doc.coverage.lost)
        assert not doc.warnings(), name


def test_gold_files_are_valid_json():
    for path in (REALDOCS / "gold").glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert {"file", "split", "model_url", "document"} <= gold.keys(), path.name
