"""The operative clauses of an order: the numbered lines after «приказываю:».

Converters mangle the numbering («- 2.1», « 2.2», a clause broken by «Срок: …» lines), so
clauses are read line by line: a number opens a clause, a lower-case line continues the
last one, and a «Срок: …» («Ответственный: …», «Результат: …») line gives its value to the first
clause of the group still waiting for one (the order they were printed in).
"""

from __future__ import annotations

import re

from pipeline.records import Block, Item, Position
from pipeline.segment.header import NAME, collapse_spaced
from pipeline.segment.labelled import FIELDS, label_fields
from pipeline.text import is_capitals

# The words that open an act's operative part, in the first and the third person
# («приказываю:», «Правительство … постановляет:», «коллегия решила:»).
TRIGGER_WORDS = (
    r"(?:приказываю|постановляю|распоряжаюсь|предлагаю|обязываю|решил[аи]?|решает|рекомендовать"
    r"|постановляет|приказывает|распоряжается|постановила?)"
)
_TRIGGER = re.compile(rf"\b{TRIGGER_WORDS}\s*:\s*$|\b(?:приказываю|постановляю|постановляет)\s*$", re.IGNORECASE)
_CLAUSE = re.compile(r"^\s*[-–]?\s*(\d{1,2}(?:\.\d{1,2})*|[а-я](?=\)))(?:[.)]\s*|\s+)(\S.*)$")


_NUMBERED = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.)]\s")


def clause_like(text: str) -> bool:
    """A paragraph opening with a clause number («2. », «1.3) »)."""
    return bool(_NUMBERED.match(text))


def find_trigger(paragraphs: list[Block]) -> int | None:
    """Index of the «п р и к а з ы в а ю:» paragraph, if any."""
    for i, b in enumerate(paragraphs):
        if _TRIGGER.search(collapse_spaced(b.text)):
            return i
    return None


def read_clauses(paragraphs: list[Block], ordinal: int) -> tuple[list[Item], int]:
    """Clauses from `paragraphs` (those after the trigger) and how many paragraphs they used."""
    items: list[Item] = []
    used = 0
    for i, block in enumerate(paragraphs):
        for line in block.text.split("\n"):
            if not _take_line(line, block.pos, items, ordinal):
                return items, i
        used = i + 1
    return items, used


def _take_line(line: str, pos: Position, items: list[Item], ordinal: int) -> bool:
    """Add `line` to the clauses; False when it is not part of them (the signature begins)."""
    text = line.strip()
    if not text:
        return True
    m = _CLAUSE.match(text)
    if m:
        number = m.group(1)
        parent = number.rsplit(".", 1)[0] if "." in number else None
        section = [f"{p.number}. {p.activity}" for p in items if parent and p.number == parent][-1:]
        items.append(
            Item(
                kind="clause",
                ordinal=ordinal + len(items),
                number=number,
                section=section,
                activity=m.group(2),
                pos=pos,
            )
        )
        return True
    if not items:
        return False
    fields = label_fields(text)
    if fields and fields.keys() <= set(FIELDS):
        for name, value in fields.items():
            setattr(_waiting(items, name), name, value)
        return True
    last = items[-1]
    quoted = text[:1] in '«"„' and last.activity.rstrip().endswith(":")  # «изложить в редакции: "…"»
    if quoted or text[:1].islower() or not last.activity.rstrip().endswith((".", ";", ":")):
        last.activity = f"{last.activity} {text}"
        return True
    # «1. Утвердить:» followed by the unnumbered list of what: each line of the list is the clause's.
    listed = last.activity.rstrip().endswith((":", ";")) and len(text) < 600 and not NAME.search(text)
    if listed and not is_capitals(text):  # «ПОЛОЖЕНИЕ» in capitals opens an annex, not a list line
        last.activity = f"{last.activity}\n{text}"
        return True
    return False


def _waiting(items: list[Item], name: str = "deadline") -> Item:
    """The first clause among the last one's siblings that has no `name` (deadline, responsible, result) yet."""
    last = items[-1]
    parent = last.number.rsplit(".", 1)[0] if last.number and "." in last.number else None
    for item in items:
        same_group = parent and item.number and item.number.startswith(parent + ".")
        if (same_group or item is last) and getattr(item, name) is None:
            return item
    return last
