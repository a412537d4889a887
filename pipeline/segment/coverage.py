"""The no-silent-loss check: did every word of the file end up somewhere?

Counted by words, not characters, so the way segmentation rejoins, trims or labels text
(«Целевая группа: …», «начало – окончание») does not count as loss, and a word placed twice
does not hide another that went nowhere (the counts are compared as multisets). The places:
the document's metadata lines, its items' fields and section headings, and the skipped list.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.records import COMPLETE_COVERAGE, Block, Coverage, Document

_WORD = re.compile(r"[А-ЯЁа-яёA-Za-z0-9]+")
# A line is named as lost when fewer than this share of its words were placed.
_LOST_LINE = 0.5
# «Целевая группа: учителя» — the label a table column's text carries in the description.
_LABEL = re.compile(r"^[^:\n]{1,80}: ")


def words(text: str) -> list[str]:
    return [w.lower().replace("ё", "е") for w in _WORD.findall(text)]


def placed_words(doc: Document) -> Counter:
    """Every word the document keeps: metadata lines, item fields, headings, skipped text.

    Words the parser repeats are counted once: the header label of a labelled column («Примечание:
    …» in every row) and the parent clause copied into its sub-clauses' section path.
    """
    found: Counter = Counter()
    for text in doc.header:
        found.update(words(text))
    sections: set[str] = set()
    for item in doc.items:
        for text in (item.number, item.activity, item.deadline, item.responsible, item.result):
            if text:
                found.update(words(text))
        for line in (item.description or "").split("\n"):
            found.update(words(_LABEL.sub("", line)))
        if item.kind != "clause":
            sections.update(item.section)
    for heading in sections:
        found.update(words(heading))
    for s in doc.skipped:
        found.update(words(s.text))
    return found


def coverage(blocks: list[Block], doc: Document) -> Coverage:
    """The share of the blocks' words the document placed, and the lines that were not."""
    left = placed_words(doc)
    total = placed = 0
    lost: list[str] = []
    partly: list[tuple[int, str]] = []  # (words not placed, line) of lines placed in part
    for b in blocks:
        for line in b.text.split("\n") if not b.is_row else [b.text]:  # a rebuilt list's header: its labels
            ws = words(line)
            hit = 0
            for w in ws:
                if left[w] > 0:
                    left[w] -= 1
                    hit += 1
            total += len(ws)
            placed += hit
            if ws and hit < _LOST_LINE * len(ws):
                lost.append(line.strip())
            elif hit < len(ws):
                partly.append((len(ws) - hit, line.strip()))
    share = placed / total if total else 1.0
    if not lost and share < COMPLETE_COVERAGE:  # the loss is spread over lines: name the worst of them
        lost = [line for _, line in sorted(partly, key=lambda p: -p[0])[:5]]
    return Coverage(share, lost)
