"""Plans and decisions printed as lists, not tables, rebuilt into table rows.

Schools, protocols and web copies often print a plan without a table: each numbered item is
followed by labelled lines («Срок: до 01.12.2017», «Ответственные: классные руководители»,
«Ожидаемый результат: …», also several on one line), ends with its labels in brackets
(«… (срок - январь 2023 г.; ответственный - ГАОУ ПО ИРО);»), comes as a website's blocks
(«№ п/п: 1» / «Мероприятие: …» / «Сроки: …»), or puts the deadline and the executor after a
dash («… – до 13 мая 2024 г., руководители ОУ»). A run of such items becomes rows of one table
(number, activity, deadline, responsible, result) with its section headings, so segmentation reads
it like any table. The labels themselves are dropped: they name the columns.

A run is rebuilt only when at least two of its items carry fields and they are at least a third of
its items; the numbered clauses straight after an act's «приказываю:» stay clauses (`clauses.py`
reads their «Срок:» lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pipeline.patterns import INITIALS, SURNAME
from pipeline.records import Block
from pipeline.segment.spaced_rows import DEADLINE_PHRASE

FIELDS = ("deadline", "responsible", "result")
# The header the rebuilt rows are read under; it is not text of the document (its block is empty).
_HEADER = ("№", "Мероприятие", "Срок", "Ответственный", "Результат")

_LABELS = {
    "deadline": r"(?:срок[иа]?|дата|период)(?:\s+(?:исполнения|выполнения|проведения|реализации|готовности"
    r"|представления|окончания)(?:\s+[а-яё]+){0,3})?",
    "responsible": r"(?:ответственн(?:ый|ые|ая|ое|ых)(?:\s+(?:лица|исполнител[ьи]|за\s+исполнение))?"
    r"|(?:со)?исполнител[ьи]|отв\.|кто\s+проводит)",
    "result": r"(?:(?:ожидаем|планируем|итогов)[а-яё]*\s+)?(?:результат[а-яё]*|продукт)|форма\s+отч[её]тности",
    "number": r"№\s*п/п|№",
    "activity": r"мероприяти[ея]|наименование(?:\s+мероприятия)?|содержание(?:\s+работы|\s+деятельности)?",
}
_LABEL = re.compile(
    r"^\s*(?:" + "|".join(f"(?P<{role}>{pattern})" for role, pattern in _LABELS.items()) + r")\s*(?P<sep>[:\-–—])\s*",
    re.IGNORECASE,
)
_FIELD_LABEL = "|".join(_LABELS[r] for r in FIELDS)
# Where a second label starts inside a labelled line or a bracket: «…; ответственный: …», «…, ответственный – …».
_NEXT_LABEL = re.compile(rf"[;,.]\s*(?=(?:{_FIELD_LABEL})\s*[:\-–—]\s)", re.IGNORECASE)
# A closing bracket of labels: «(срок - январь 2023 г.; ответственный - ГАОУ ПО ИРО);», also
# «(установить срок готовности программы – 1 ноября 2014 г.)».
_BRACKET = re.compile(rf"\s*\(((?:[а-яё]+\s+)?(?:{_FIELD_LABEL})\s*[:\-–—][^()]*)\)\s*[.;]?\s*$", re.IGNORECASE)
# An item's number opening a line: «3.», «1.1.», «2.1», «4)»; a number alone on its line («5.»).
_ITEM = re.compile(r"^\s*(\d{1,2}[.)]|\d{1,2}(?:\.\d{1,2})+\.?)(?:\s+(\S.*))?$")
# A protocol's parts around its decisions: «СЛУШАЛИ: …», «ВЫСТУПИЛИ: …», «РЕШИЛИ:». Text, not items,
# and no end of the list: each question's decisions go on numbering under its own heading.
_INTERLUDE = re.compile(
    r"^\s*(?:СЛУШАЛИ|ВЫСТУПИЛИ|РЕШИЛИ|ПОСТАНОВИЛИ|РЕШЕНИЕ|Слушали|Выступили|Решили|Постановили)\b\s*[:\-–]?"
)
_HEADING = re.compile(r"^\s*(?:[IVX]{1,5}\.?\s+\S|(?:Раздел|Вопрос)\s+\S)")
# An act's own trigger: its numbered clauses are clauses, even with «Срок:» lines.
_ACT_TRIGGER = re.compile(
    r"\b(?:приказываю|постановляю|распоряжаюсь|обязываю|приказывает|постановляет|распоряжается)\s*:?\s*$", re.I
)
_DASH_FIELDS = re.compile(r"\s[–—-]\s+(?=" + DEADLINE_PHRASE.pattern + r")", re.IGNORECASE)
# After a deadline phrase: more of them («…, март 2023 г.»), then «, the executor» or nothing.
_MORE = re.compile(r"^((?:\s*(?:,|и)\s*" + DEADLINE_PHRASE.pattern + r")*)\s*(?:,\s*(.+))?$", re.IGNORECASE)
_NAME_ONLY = re.compile(rf"^(?:{SURNAME}\s+{INITIALS}|{INITIALS}\s?{SURNAME})[.,;]?$")
_ENDS_SENTENCE = re.compile(r"[.;:!?]\s*$")


@dataclass
class _Item:
    at: int  # first line
    number: str
    text: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    last: str | None = None  # the field the last line went to, for its continuation lines

    @property
    def activity(self) -> str:
        return " ".join(" ".join(self.text).split())


def unlabel(blocks: list[Block]) -> list[Block]:
    """Each run of consecutive paragraphs is searched for labelled lists; all else passes through."""
    out: list[Block] = []
    run: list[Block] = []
    for b in blocks:
        if b.is_row:
            out += _unlabel_run(run)
            run = []
            out.append(b)
        else:
            run.append(b)
    return out + _unlabel_run(run)


def label_fields(line: str) -> dict[str, str] | None:
    """The fields of a labelled line («Срок: до 20.11.2017; ответственный: …»), or None."""
    m = _LABEL.match(line)
    if not m:
        return None
    role = next(r for r in _LABELS if m.group(r))
    if m.group("sep") != ":" and role not in ("deadline", "responsible"):
        return None  # «Результаты – …» is a sentence; a dash follows only «Срок» and «Ответственный»
    rest = line[m.end() :].strip()
    if role in ("number", "activity"):
        return {role: rest}
    return {role: rest, **_more_fields(rest, role)}


def _more_fields(value: str, role: str) -> dict[str, str]:
    """Split «до 20.11.2017; ответственный: …» into its labelled parts (the first keeps `role`)."""
    parts = _NEXT_LABEL.split(value)
    found = {role: _clean(parts[0])}
    for part in parts[1:]:
        inner = label_fields(part)
        if inner:
            found.update({k: v for k, v in inner.items() if k not in found})
    return found


def bracket_fields(text: str) -> tuple[str, dict[str, str]] | None:
    """The text before a closing bracket of labels and the bracket's fields, or None."""
    m = _BRACKET.search(text)
    if not m:
        return None
    inside = re.sub(r"^(?:установить|указать)\s+", "", m.group(1), flags=re.I)
    fields = label_fields(inside)
    return (text[: m.start()].rstrip(), fields) if fields else None


def dash_fields(text: str) -> tuple[str, dict[str, str]] | None:
    """«… – до 13 мая 2024 г., руководители ОУ»: the deadline after the item's last dash that opens a
    date phrase, the executor after it."""
    for dash in _DASH_FIELDS.finditer(text):  # the first dash whose tail reads as fields: an
        tail = text[dash.end() :].strip().rstrip(";.")  # activity's own dashes seldom precede a date
        phrase = DEADLINE_PHRASE.match(tail)
        more = _MORE.match(tail[phrase.end() :])
        if not more:
            continue
        fields = {"deadline": (tail[: phrase.end()] + (more.group(1) or "")).strip()}
        if more.group(2):
            fields["responsible"] = more.group(2).strip()
        return text[: dash.start()].rstrip(), fields
    return None


def _clean(value: str) -> str:
    return value.strip().rstrip(";").strip()


def _unlabel_run(run: list[Block]) -> list[Block]:
    if not run:
        return []
    lines = [line for b in run for line in b.text.split("\n")]
    owner = [(b, k) for b in run for k in range(b.text.count("\n") + 1)]
    groups = _groups(lines)
    if not groups:
        return run
    out: list[Block] = []
    done = 0  # lines before this went out
    for first, last, items, headings, interludes in groups:
        out += _text_blocks(lines, owner, done, first)
        rows = [(at, (h, "", "", "", "")) for at, h in headings]
        rows += [(i.at, (i.number, i.activity, *(i.fields.get(f, "") for f in FIELDS))) for i in items]
        pieces = [(at, [Block("\t".join(c for c in cells if c), cells, _at(*owner[at]))]) for at, cells in rows]
        pieces += [(a, _text_blocks(lines, owner, a, b)) for a, b in interludes]
        b, k = owner[first]
        out.append(Block("", _HEADER, _at(b, k)))
        out += [block for _, blocks in sorted(pieces, key=lambda p: p[0]) for block in blocks]
        done = last
    return out + _text_blocks(lines, owner, done, len(lines))


def _text_blocks(lines: list[str], owner: list[tuple[Block, int]], start: int, end: int) -> list[Block]:
    """Lines start..end as they came: whole blocks pass through, parts of blocks as new ones."""
    out: list[Block] = []
    n = start
    while n < end:
        block, k = owner[n]
        stop = n
        while stop < end and owner[stop][0] is block:
            stop += 1
        if k == 0 and stop - n == block.text.count("\n") + 1:
            out.append(block)
        else:
            out.append(Block("\n".join(lines[n:stop]), (), _at(block, k)))
        n = stop
    return out


def _at(block: Block, offset: int):
    return replace(block.pos, line=block.pos.line + offset) if block.pos.line is not None else block.pos


def _groups(lines: list[str]) -> list[tuple]:
    """(first line, line after, items, headings, interludes) of each labelled list among `lines`."""
    found = []
    n = 0
    while n < len(lines):
        start = n
        items, headings, interludes, n = _read_list(lines, n)
        items = _with_parent_sections(items, headings)
        fielded = [i for i in items if i.fields.keys() & set(FIELDS)]
        after_act = _ACT_TRIGGER.search(_previous_text(lines, start))
        if items and len(fielded) >= 2 and 3 * len(fielded) >= len(items) and not after_act:
            first = min([items[0].at, *(at for at, _ in headings), *(a for a, _ in interludes)])
            found.append((first, n, items, headings, interludes))
        if n == start:
            n += 1
    return found


def _previous_text(lines: list[str], at: int) -> str:
    return next((lines[k] for k in range(at - 1, -1, -1) if lines[k].strip()), "")


def _read_list(lines: list[str], n: int) -> tuple[list[_Item], list[tuple[int, str]], list[list[int]], int]:
    """The items (and headings between them) of the list starting at line `n`, and the line after it.
    A list starts at a numbered line or a «№ п/п:» label and ends at a line that neither continues an
    item nor heads the next ones."""
    items: list[_Item] = []
    headings: list[tuple[int, str]] = []
    interludes: list[list[int]] = []  # [first line, line after] of a protocol's text between decisions
    item: _Item | None = None  # the item the next lines may continue (none right after a heading)
    within = False  # in an interlude
    while n < len(lines):
        line = lines[n].strip()
        if not line:
            n += 1
            continue
        labelled = label_fields(line)
        m = _ITEM.match(line)
        structured = bool(labelled or m or _HEADING.match(line))
        if _INTERLUDE.match(line) or (m and _INTERLUDE.match(m.group(2) or "")):
            interludes.append([n, n + 1])
            item, within = None, True
        elif within and not structured:
            interludes[-1][1] = n + 1
        elif labelled and "number" in labelled:
            item = _Item(n, labelled["number"])
            items.append(item)
        elif m and not labelled:
            item = _Item(n, m.group(1), [m.group(2)] if m.group(2) else [])
            items.append(item)
        elif labelled and item is not None:
            if "activity" in labelled:
                item.text.append(labelled["activity"])
                item.last = "activity"
            else:
                for role, value in labelled.items():
                    item.fields.setdefault(role, value)
                item.last = next(iter(labelled))
        elif item is not None and _continues(item, line, lines[n - 1]):
            if item.last and item.last != "activity":
                item.fields[item.last] = f"{item.fields[item.last]} {line}"
            else:
                item.text.append(line)
        elif _HEADING.match(line) and len(line) < 200:
            headings.append((n, line))
            item = None
        else:
            break
        within = within and not structured
        n += 1
    for item in items:
        _inline_fields(item)
    return items, headings, interludes, n


def _continues(item: _Item, line: str, previous: str) -> bool:
    """Does `line` carry on the item above: its activity until a label came, then the last label's value?"""
    if item.last and item.last != "activity":
        name_line = _NAME_ONLY.match(line)  # «Сидоренко Л.П.» wrapped to a line of its own
        return line[:1].islower() or previous.rstrip().endswith((",", "-", "–")) or bool(name_line)
    if _HEADING.match(line):
        return False
    return not item.text or line[:1].islower() or not _ENDS_SENTENCE.search(previous)


def _inline_fields(item: _Item) -> None:
    """Labels inside the item's own text: a closing bracket, else a dash before a date phrase."""
    if item.fields.keys() & set(FIELDS):
        return
    text = item.activity
    found = bracket_fields(text) or dash_fields(text)
    if found:
        text, fields = found
        item.text = [text]
        item.fields.update(fields)


def _with_parent_sections(items: list[_Item], headings: list[tuple[int, str]]) -> list[_Item]:
    """A numbered item with no fields whose number heads the next ones («1. О подготовке …» above
    «1.1.», «1.2.») is their section heading, not an item."""
    kept = []
    for k, item in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        parent = item.number.rstrip(".)")
        deeper = nxt and len(re.findall(r"\d+", nxt.number)) > len(re.findall(r"\d+", item.number))
        if nxt and deeper and not item.fields and nxt.number.startswith(parent + "."):
            headings.append((item.at, f"{item.number} {item.activity}".strip()))
        else:
            kept.append(item)
    return kept
