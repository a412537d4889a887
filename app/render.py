"""displaCy-style HTML of one field with its entities marked, every piece of text escaped.

spaCy's displacy takes `manual=True` data, but we render ourselves so that escaping is ours
to guarantee: document text is untrusted and reaches the web page through here.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from index.results import StoredEntity
from pipeline.labels import DATE, EVENT, LOC, ORG, PER, RUSSIAN, SCHOOL
from pipeline.records import Entity

COLORS = {
    PER: "#aa9cfc",
    LOC: "#ff9561",
    ORG: "#7aecec",
    SCHOOL: "#bfe1d9",
    EVENT: "#ffeb80",
    DATE: "#bfeeb7",
}


def render(text: str, entities: Iterable[Entity | StoredEntity]) -> str:
    """`text` as HTML, each entity a <mark> with its label and canonical form as a tooltip."""
    out, at = [], 0
    for e in sorted(entities, key=lambda e: e.start):
        if e.start < at or e.end > len(text):
            continue  # overlapping or stale offsets: never emit broken markup
        out.append(escape(text[at : e.start]))
        color = COLORS.get(e.label, "#ddd")
        out.append(
            f'<mark class="entity" data-key="{escape(e.key)}" title="{escape(e.canonical)}" '
            f'style="background: {color}; padding: 0.1em 0.3em; border-radius: 0.3em">'
            f"{escape(text[e.start : e.end])}"
            f'<span class="entity-label" style="font-size: 0.7em; font-weight: bold; margin-left: 0.4em">'
            f"{escape(RUSSIAN.get(e.label, e.label))}</span></mark>"
        )
        at = e.end
    out.append(escape(text[at:]))
    return "".join(out).replace("\n", "<br>")
