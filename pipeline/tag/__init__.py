"""Tagging: every item field and document header field gets its entities, normalised.

Fields are tagged one by one (never a raw tab-joined line), all of a batch's fields in
one `nlp.pipe` call. People are then linked across the batch: «Минаеву Е.Л.» (accusative,
gender unknown) takes the canonical form of a nominative mention «Минаева Е.Л.».
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from pipeline.labels import DATE, PER
from pipeline.records import ITEM_FIELDS, Document, Entity, Item
from pipeline.tag import deadlines, normalize
from pipeline.tag.nlp import NATASHA, get_nlp
from pipeline.text import bounded_runs, fold_lookalikes

DOC_FIELDS = ("title", "issuer", "preamble", "annex_title", "signatory")


def tag_documents(docs: Iterable[Document]) -> list[Document]:
    """Tag every document in place (and return them)."""
    docs = list(docs)
    jobs: list[tuple[str, tuple[Document, Item | None, str]]] = []
    for doc in docs:
        for name in DOC_FIELDS:
            text = _doc_field(doc, name)
            if text:
                jobs.append((text, (doc, None, name)))
        for item in doc.items:
            item.entities = []
            for name in ITEM_FIELDS:
                text = getattr(item, name)
                if text:
                    jobs.append((text, (doc, item, name)))
        doc.entities = []
    nlp = get_nlp()
    folded = ((bounded_runs(fold_lookalikes(text)), ctx) for text, ctx in jobs)  # offsets kept by both
    pairs = zip(nlp.pipe(folded, as_tuples=True, batch_size=512), jobs, strict=True)
    for (spacy_doc, (doc, item, name)), (text, _) in pairs:
        by_natasha = {(s.start_char, s.end_char) for s in spacy_doc.spans.get(NATASHA, [])}
        found = [_entity(span, text, name, doc, by_natasha) for span in spacy_doc.ents]
        (item.entities if item else doc.entities).extend(found)
    for doc in docs:
        _signatory_role(doc)
        for item in doc.items:
            if item.deadline:
                item.when = deadlines.parse(item.deadline, doc.period, _doc_year(doc), doc.date).as_dict()
    link_people(docs)
    return docs


def _doc_field(doc: Document, name: str) -> str | None:
    if name == "signatory":
        s = doc.signatory
        return f"{s.position} {s.name}".strip() if s and s.position else (s.name if s else None)
    return getattr(doc, name)


def _doc_year(doc: Document) -> int | None:
    return int(doc.date[:4]) if doc.date else None


def _entity(span, original: str, field: str, doc: Document, by_natasha: set[tuple[int, int]]) -> Entity:
    text = original[span.start_char : span.end_char]
    folded = span.text
    source = NATASHA if (span.start_char, span.end_char) in by_natasha else "rules"
    if span.label_ == DATE:
        when = deadlines.parse(folded, doc.period, _doc_year(doc), doc.date)
        canonical = when.canonical()
        return Entity(
            DATE,
            text,
            field,
            span.start_char,
            span.end_char,
            canonical,
            f"{DATE}:{canonical}",
            source,
            {"when": when.as_dict()},
        )
    canonical, key, extra = normalize.canonical(span.label_, folded)
    label, name = key.split(":", 1)
    key = f"{label}:{normalize.located(label, name, doc.region, doc.municipality)}"
    return Entity(span.label_, text, field, span.start_char, span.end_char, canonical, key, source, extra)


def _signatory_role(doc: Document) -> None:
    """The signatory's position is the role of that person wherever they are named."""
    if not doc.signatory or not doc.signatory.position:
        return
    for e in doc.entities:
        if e.label == PER and e.field == "signatory":
            e.extra["role"] = doc.signatory.position


def link_people(docs: list[Document]) -> None:
    """One canonical form per person: a nominative spelling wins over an inflected guess."""
    groups: dict[str, list[Entity]] = defaultdict(list)
    for doc in docs:
        for e in [*doc.entities, *(x for item in doc.items for x in item.entities)]:
            if e.label == PER:
                groups[e.extra.get("lemma", e.canonical)].append(e)
    for mentions in groups.values():
        nominative = Counter(e.canonical for e in mentions if e.extra.get("nominative"))
        best = (
            nominative.most_common(1)[0][0]
            if nominative
            else Counter(e.canonical for e in mentions).most_common(1)[0][0]
        )
        for e in mentions:
            e.canonical, e.key = best, f"{PER}:{best}"
