"""The overview figures (SQL aggregates) agree with the item and entity tables (pandas)."""

from __future__ import annotations

import pytest

from app import overview
from index.kb import KnowledgeBase


@pytest.fixture(scope="module")
def kb(corpus_kb_dir):
    return KnowledgeBase.open(corpus_kb_dir)


def test_counts_match_the_item_table(kb):
    items = kb.items()
    by_kind = kb.overview().by_region_kind.set_index(["region", "kind"])["items"]
    assert by_kind.to_dict() == items.groupby(["region", "kind"]).size().to_dict()
    by_year = kb.overview().by_year
    assert by_year["items"].sum() == items.year.notna().sum() == 205
    assert set(by_year.year) == {"2017", "2018", "2019", "2020", "2021"}


def test_timeline_matches_deadline_months(kb):
    items = kb.items().dropna(subset=["deadline_start"])
    expected = items.groupby([items.deadline_start.astype(str), "region"]).size()
    got = kb.overview().timeline.set_index(["month", "region"])["items"]
    assert got.to_dict() == expected.to_dict() and len(got) > 10


def test_top_entities(kb):
    top = overview.top_entities(kb.overview(), per_label=3)
    assert set(top["тип"]) <= {"Человек", "Школа", "Организация", "Событие"} and len(top) <= 12
    mentions = kb.entities().query("canonical == 'МОЦ' and label == 'ORG'").shape[0]
    assert top.set_index("название").loc["МОЦ", "упоминаний"] == mentions
