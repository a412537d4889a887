"""Answers to questions in Russian, read from the knowledge base and cited, never invented.

«Кто отвечает за мониторинг в Дорогобужском районе?» gives: what is asked (who), the topic
(«мониторинг») and the place («Дорогобужский район», a filter). The items on that topic
within that place are retrieved, the answer is read from the field that holds it
(responsible, deadline, place, activity), and every value keeps the items that support it.
When no item carries the topic, the answer is «Не найдено» with the nearest items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from index import lemmas
from index.results import Filters, Hit, Understood, cite
from index.search import HybridSearch
from pipeline.labels import DATE, ORG, PER, SCHOOL

# What a question asks, tried in this order; anything else asks for activities («какие», «что»).
ASKS = (
    ("count", re.compile(r"\bсколько\b", re.I)),
    ("who", re.compile(r"\b(кто|кем|кому|ответствен\w*|отвечает|отвечают|исполнител\w*)\b", re.I)),
    ("when", re.compile(r"\b(когда|в какие сроки|в какой срок|срок\w*|в каком месяце)\b", re.I)),
    ("where", re.compile(r"\b(где|в каких школах|какие школы|каких школ|в каких (?:районах|муниципалитетах))\b", re.I)),
)

# Lemmas that say what is asked, not what about: never part of the topic.
QUESTION_WORDS = frozenset(
    "кто кем кому когда где сколько какой каков что чем который отвечать ответственный исполнитель срок "
    "проводиться проводить провести проходить быть есть делать сделать назначить назначен месяц год "
    "ли мочь каждый весь".split()
)
# A purely semantic match must be at least this close (e5 cosines of unrelated Russian texts sit near 0.80).
DENSE_ALONE = 0.87
POOL = 50  # items examined before the best ones are cited


@dataclass
class Fact:
    """One value of the answer («Отдел образования», «сентябрь 2020») and the items saying so."""

    value: str
    item_ids: list[int] = field(default_factory=list)


@dataclass
class Answer:
    question: str
    asks: str  # who | when | where | what | count
    topic: list[str]  # lemmas the answer must be about
    filters: Filters
    found: bool
    text: str  # the answer in one Russian sentence, with [n] marks to `evidence`
    facts: list[Fact]
    evidence: list[Hit]  # the cited items; the nearest items when nothing was found

    def citation(self, n: int) -> str:
        """«[1] приказ № 61/01-04 от 2018-03-02 (Смоленская область), строка 3 — 000_….txt»."""
        return cite(self.evidence[n - 1], n)


def asks(question: str) -> str:
    for kind, pattern in ASKS:
        if pattern.search(question):
            return kind
    return "what"


def answer(search: HybridSearch, question: str, filters: Filters | None = None, k: int = 5) -> Answer:
    kind = asks(question)
    understood = search.understand(question)
    filters = replace(
        filters or Filters(),
        **{
            key: value
            for key in ("region", "municipality", "year_from", "year_to")
            if (value := getattr(understood, key)) and not getattr(filters, key, None)
        },
    )
    topic = _topic(question, understood)
    hits = search.search(question, filters, k=POOL)
    if not hits and (filters.municipality or filters.year_from):  # the place or year named may be too narrow
        filters = replace(filters, municipality=None, year_from=None, year_to=None)
        hits = search.search(question, filters, k=POOL)
    key_term = _rarest(search, topic)
    supported = [h for h in hits if _supports(h, key_term)]
    if not supported:
        return Answer(question, kind, topic, filters, False, "Не найдено.", [], hits[:k])
    if kind == "count":
        docs = {h.document.id for h in supported}
        text = f"Найдено пунктов: {len(supported)} в документах: {len(docs)}."
        facts = [Fact(h.item.activity, [h.item_id]) for h in supported]
        return Answer(question, kind, topic, filters, True, text, facts, supported)
    evidence = [h for h in supported if _values(kind, h)][:k]  # only items that hold the asked field
    facts = _facts(kind, evidence)
    if not facts:
        return Answer(question, kind, topic, filters, False, "Не найдено.", [], supported[:k])
    number = {h.item_id: n for n, h in enumerate(evidence, start=1)}
    parts = [f"{f.value} [{', '.join(str(number[i]) for i in f.item_ids)}]" for f in facts]
    return Answer(question, kind, topic, filters, True, "; ".join(parts) + ".", facts, evidence)


def _topic(question: str, understood: Understood) -> list[str]:
    """The question's lemmas without question words, the place named and years."""
    place = " ".join(x for x in (understood.region, understood.municipality) if x)
    drop = QUESTION_WORDS | set(lemmas.lemmas(place)) | {"область", "район", "округ", "городской"}
    _, terms = lemmas.fts_query(question)
    return [t for t in terms if t not in drop and not t.isdigit()]


def _rarest(search: HybridSearch, topic: list[str]) -> str | None:
    """The topic lemma found in the fewest items: the one an answer cannot do without."""
    if not topic:
        return None
    df = search.lemma_counts(topic)
    present = [t for t in topic if df.get(t)]
    return min(present, key=lambda t: df[t]) if present else topic[0]


def _supports(hit: Hit, key_term: str | None) -> bool:
    if key_term and key_term in hit.matched_terms:
        return True
    return (hit.similarity or 0.0) >= DENSE_ALONE


def _facts(kind: str, hits: list[Hit]) -> list[Fact]:
    """Values read from the field that answers `kind`, identical values merged."""
    facts: dict[str, Fact] = {}
    for h in hits:
        for value in _values(kind, h):
            key = " ".join(value.lower().split())
            facts.setdefault(key, Fact(value)).item_ids.append(h.item_id)
    return list(facts.values())


def _values(kind: str, hit: Hit) -> list[str]:
    item, doc = hit.item, hit.document

    def labelled(*labels: str) -> list[str]:
        return list(dict.fromkeys(e.canonical for e in item.entities if e.label in labels))

    if kind == "who":
        if item.responsible:
            return [" ".join(item.responsible.split())]
        return labelled(PER, ORG)
    if kind == "when":
        if item.deadline:
            return [" ".join(item.deadline.split())]
        return labelled(DATE)
    if kind == "where":
        return labelled(SCHOOL) or ([doc.place] if doc.place else [])
    return [" ".join(item.activity.split())]
