"""Questions answered from the corpus: what is asked, the place as a filter, cited values, «Не найдено»."""

from __future__ import annotations

import pytest

from index.answers import asks
from index.kb import KnowledgeBase


@pytest.fixture(scope="module")
def kb(corpus_kb_dir):
    return KnowledgeBase.open(corpus_kb_dir)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Кто отвечает за мониторинг?", "who"),
        ("Кем проводится анкетирование?", "who"),
        ("Когда проводится анкетирование школ?", "when"),
        ("В какие сроки утверждаются дорожные карты?", "when"),
        ("Где создан образовательный центр?", "where"),
        ("Сколько семинаров проведено?", "count"),
        ("Какие семинары проводились?", "what"),
        ("Что делают для родителей?", "what"),
    ],
)
def test_what_is_asked(question, kind):
    assert asks(question) == kind


def test_who_monitors_in_dorogobuzh(kb):
    a = kb.ask("Кто отвечает за мониторинг в Дорогобужском районе?")
    assert a.found and a.asks == "who" and a.topic == ["мониторинг"]
    assert a.filters.municipality == "Дорогобужский район"
    assert "Сотрудники МОЦ" in a.text
    for hit in a.evidence:  # every cited item is about monitoring, in that district, and names who
        assert hit.document.municipality == "Дорогобужский район"
        said = f"{hit.item.activity} {hit.item.description or ''}".lower()
        assert "мониторинг" in said and hit.item.responsible  # «мониторинговых исследований» counts too
    for fact in a.facts:
        cited = {h.item_id: h for h in a.evidence}
        assert all(" ".join(cited[i].item.responsible.split()) == fact.value for i in fact.item_ids)
    assert "№ 61/01-04" in a.citation(1) and "000_" in a.citation(1)


def test_when_is_the_risk_profile_survey(kb):
    a = kb.ask("Когда проводится анкетирование школ для рискового профиля?")
    assert a.found and a.asks == "when"
    top = a.evidence[0]
    assert "Анкетирование школ-участников" in top.item.activity
    assert a.text.startswith(top.item.deadline.strip())
    assert "422-ОД" in a.citation(1)


def test_which_seminars_in_smolensk(kb):
    a = kb.ask("Какие семинары проводились для школ с низкими результатами в Смоленской области?")
    assert a.found and a.asks == "what" and a.filters.region == "Смоленская область"
    assert len(a.evidence) >= 3
    for hit in a.evidence:
        assert hit.document.region == "Смоленская область"
        fields = (hit.item.activity, hit.item.description, hit.item.result)
        assert "семинар" in hit.matched_terms and any("семинар" in (f or "").lower() for f in fields)


def test_count(kb):
    a = kb.ask("Сколько семинаров проводилось в Смоленской области?")
    assert a.found and a.asks == "count"
    n = int(a.text.split(":")[1].split()[0])
    assert n == len(a.evidence) >= 3
    assert all("семинар" in h.matched_terms for h in a.evidence)


def test_nothing_found_shows_nearest(kb):
    a = kb.ask("Кто отвечает за полёт на Луну?")
    assert not a.found and a.text == "Не найдено." and a.facts == []
    assert a.evidence  # the nearest items are still shown
