"""The operative clauses of an order: the numbered lines after «приказываю:».

Converters mangle the numbering («- 2.1», « 2.2», a clause broken by «Срок: …» lines), so
clauses are read line by line: a number opens a clause, a lower-case line continues the
last one, and a «Срок: …» («Ответственный: …», «Результат: …») line gives its value to the first
clause of the group still waiting for one (the order they were printed in).
"""

from __future__ import annotations

import re

from pipeline.patterns import TRIGGER_WORDS
from pipeline.records import Block, Item, Position, Skipped
from pipeline.segment.header import NAME, collapse_spaced
from pipeline.segment.labelled import FIELDS, bracket_labels, labelled_line, trailing_labels
from pipeline.text import is_capitals

_TRIGGER = re.compile(rf"\b{TRIGGER_WORDS}\s*:\s*$|\b(?:приказываю|постановляю|постановляет)\s*$", re.IGNORECASE)
# «". 2. Настоящее постановление …»: an amendment's closing quote may open the next clause's line.
_QUOTE_CLOSED = r"(?:[\"»”]\s*\.\s*)?"
_CLAUSE = re.compile(rf"^\s*{_QUOTE_CLOSED}[-–]?\s*(\d{{1,2}}(?:\.\d{{1,2}})*|[а-я](?=\)))(?:[.)]\s*|\s+)(\S.*)$")


_NUMBERED = re.compile(rf"^\s*{_QUOTE_CLOSED}\d{{1,2}}(?:\.\d{{1,2}})*[.)]\s")
_BULLET = re.compile(r"^[•·▪●◦‣]\s*(\S.*)$")


_HANGING_SIGN = re.compile(r"(?:№|\bN)\s*$")
_REPEALS = re.compile(r"(?i)утратившим\w*\s+силу[^:]{0,200}:\s*$")
_DATE_OPENS = re.compile(r"\s*\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?!\d)")
_OCR_THREE = re.compile(r"З(?=[.)]\s*[А-ЯЁ])")


def clause_like(text: str) -> bool:
    """A paragraph opening with a clause number («2. », «1.3) »)."""
    return bool(_NUMBERED.match(text))


def find_trigger(paragraphs: list[Block]) -> int | None:
    """Index of the «п р и к а з ы в а ю:» paragraph, if any."""
    for i, b in enumerate(paragraphs):
        if _TRIGGER.search(collapse_spaced(b.text)):
            return i
    return None


def read_clauses(paragraphs: list[Block], ordinal: int) -> tuple[list[Item], int, list[Skipped]]:
    """Clauses from `paragraphs` (those after the trigger), how many paragraphs they used, and the
    field labels they dropped («Срок:», «(ответственный – …)»), for the skipped list."""
    items: list[Item] = []
    labels: list[Skipped] = []
    used = i = 0
    while i < len(paragraphs):
        block = paragraphs[i]
        if items and _reopens(paragraphs, i):
            # «II. Заслушав информацию …, коллегия решила:» — the next question's decisions, numbered afresh
            heading = " ".join(block.text.split())
            items.append(Item("paragraph", ordinal + len(items), activity=heading, pos=block.pos))
            used = i = i + 1
            continue
        lines = block.text.split("\n")
        resume = 0 if _take_line(lines[0], block.pos, items, ordinal, labels) else _next_decisions(paragraphs, i)
        if not items or resume is None:
            return _headed(_bracketed(items, labels)), i, labels
        if resume:
            # a protocol's next question: «СЛУШАЛИ: …» / «РЕШИЛИ:» / «2.1. …» — its hearing is text between
            # the decisions, which go on (499)
            for heard in paragraphs[i:resume]:
                text = " ".join(heard.text.split())
                items.append(Item("paragraph", ordinal + len(items), activity=text, pos=heard.pos))
            labels.append(Skipped(paragraphs[resume].text.strip(), "подпись поля", paragraphs[resume].pos))
            used = i = resume + 1
            continue
        for line in lines[1:]:
            if not _take_line(line, block.pos, items, ordinal, labels):
                return _headed(_bracketed(items, labels)), i, labels
        used = i = i + 1
    return _headed(_bracketed(items, labels)), used, labels


_HEARD = 12  # a question's hearing between two groups of decisions runs a few paragraphs, not a page


def _next_decisions(paragraphs: list[Block], i: int) -> int | None:
    """The «РЕШИЛИ:» paragraph of the next question, with numbered decisions right under it, when only
    text (no signature) stands between `i` and it."""
    for j in range(i, min(i + _HEARD, len(paragraphs) - 1)):
        text = collapse_spaced(paragraphs[j].text).strip()
        if NAME.search(text) and len(text) < 120 and not text.endswith((".", ";", ":")):
            return None  # «Председатель совета Ю.В. Горбенко»: the signature, the decisions are over
        if _TRIGGER.search(text) and len(text) < 40 and _NUMBERED.match(paragraphs[j + 1].text):
            return j
    return None


def _reopens(paragraphs: list[Block], i: int) -> bool:
    """Does paragraph `i` open another group of decisions: it ends in «решила:» and clause 1 follows?"""
    text, nxt = paragraphs[i].text.lstrip(), paragraphs[i + 1].text.lstrip() if i + 1 < len(paragraphs) else ""
    if re.match(r"\d", text):  # «2. Руководителям рекомендовать:» is a clause with its list, not a heading
        return False
    return bool(_TRIGGER.search(collapse_spaced(text)) and re.match(r"1[.)]\s", nxt))


def _headed(items: list[Item]) -> list[Item]:
    """The clauses after a group's heading paragraph («II. Заслушав …, решила:») fall under it."""
    heading: list[str] = []
    for item in items:
        if item.kind == "paragraph":
            heading = [item.activity.rstrip(":").rstrip()]
        elif heading and not item.section:
            item.section = heading
    return items


def _take_line(line: str, pos: Position, items: list[Item], ordinal: int, labels: list[Skipped]) -> bool:
    """Add `line` to the clauses; False when it is not part of them (the signature begins)."""
    text = line.strip()
    if not text:
        return True
    before = next((it.number for it in reversed(items) if it.number), "")
    if before.split(".")[0] == "2" and _OCR_THREE.match(text):
        text = "3" + text[1:]  # a scan's «З.Финансовому управлению …» after clause 2: OCR read «3» as «З» (425)
    m = _CLAUSE.match(text)
    if m and items and (_HANGING_SIGN.search(items[-1].activity) or _DATE_OPENS.match(text)):
        m = None  # «… школы №» / «15 ст. Переясловской»: the number of the line above, wrapped; «… до» /
        # «01.09.2024.»: the date of the line above (451), not clause «01.09»
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
    bullet = _BULLET.match(text)
    top_level = not items or (items[-1].number is None and not _listing(items[-1].activity))
    closed = not items or items[-1].activity.rstrip().endswith(".")
    if (bullet and top_level) or (top_level and closed and _infinitive(text)):
        # clauses printed without numbers: «Ввести с 1 сентября …» and «• Утвердить …» after «ПРИКАЗЫВАЮ:»
        activity = bullet.group(1) if bullet else text
        items.append(Item(kind="clause", ordinal=ordinal + len(items), number=None, activity=activity, pos=pos))
        return True
    if not items:
        return False
    found = labelled_line(text)
    if found and found[0].keys() <= set(FIELDS):
        for name, value in found[0].items():
            # deadlines printed after a group go to its clauses in order; other fields to the clause above
            item = _waiting(items) if name == "deadline" else items[-1]
            current = getattr(item, name)
            setattr(item, name, f"{current}; {value}" if current else value)
        labels.append(Skipped(" ".join(found[1]), "подпись поля", pos))
        return True
    last = items[-1]
    for name in ("responsible", "result", "deadline"):  # «Ответственные: …,» / «Псковский институт …»
        value = getattr(last, name)
        if value and value.rstrip().endswith(",") and not NAME.search(text):  # a signer's line is no part of it
            setattr(last, name, f"{value} {text}")
            return True
    if _repealed(items, text):
        activity = re.sub(r"^[-–—]\s*", "", text)
        opener = next(it for it in reversed(items) if it.number)
        section = [f"{opener.number}. {opener.activity}"]
        items.append(Item(kind="clause", ordinal=ordinal + len(items), section=section, activity=activity, pos=pos))
        return True
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


def _repealed(items: list[Item], text: str) -> bool:
    """«2. Признать утратившими силу:» / «от 13.12.2019 N 494 …;»: each act a repeal lists is a clause of its
    own (458, 448, 209), unnumbered, while the list goes on (each entry closed by «;» or «:»)."""
    opener = next((it for it in reversed(items) if it.number), None)
    listing = items[-1].activity.rstrip().endswith((":", ";"))
    return (
        opener is not None
        and listing
        and bool(_REPEALS.search(opener.activity))
        and len(text) < 600
        and not NAME.search(text)  # a signature after an entry left open
    )


def _listing(activity: str) -> bool:
    """A clause «Утвердить:» whose list («• положение …;») is still going on."""
    return activity.split("\n")[0].rstrip().endswith(":") and activity.rstrip().endswith((":", ";"))


def _infinitive(text: str) -> bool:
    """Does the line open with a verb's infinitive («Ввести …», «Утвердить …»), as an order's clause does?"""
    from pipeline.morph import morph

    first = re.match(r"[А-ЯЁ][а-яё]+\b", text)
    return bool(first) and any(p.tag.POS == "INFN" and p.score > 0.3 for p in morph().parse(first.group(0).lower()))


def _bracketed(items: list[Item], labels: list[Skipped]) -> list[Item]:
    """A clause ending in a bracket of labels («… (срок – до 1 марта 2014 г.; ответственный – …).»)
    or in labelled sentences (a run-on copy's «… классах. Срок: с 01.09.2014. Ответственные: …»)
    gives them as its fields."""
    for item in items:
        if item.deadline or item.responsible or item.result:
            continue
        found = bracket_labels(item.activity) or trailing_labels(item.activity)  # «… . Срок: …. Ответственные: …»
        if found:
            item.activity, fields, printed = found
            for name, value in fields.items():
                setattr(item, name, value)
            labels.append(Skipped(" ".join(printed), "подпись поля", item.pos))
    return items


def _waiting(items: list[Item]) -> Item:
    """The first clause among the last one's siblings that has no deadline yet."""
    last = items[-1]
    parent = last.number.rsplit(".", 1)[0] if last.number and "." in last.number else None
    for item in items:
        same_group = parent and item.number and item.number.startswith(parent + ".")
        if (same_group or item is last) and item.deadline is None:
            return item
    return last
