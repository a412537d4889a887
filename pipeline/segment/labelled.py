"""Plans and decisions printed as lists, not tables, rebuilt into table rows.

Schools, protocols and web copies often print a plan without a table: each numbered item is
followed by labelled lines («Срок: до 01.12.2017», «Ответственные: классные руководители»,
«Ожидаемый результат: …», also several on one line), ends with its labels in brackets
(«… (срок - январь 2023 г.; ответственный - ГАОУ ПО ИРО);»), comes as a website's blocks
(«№ п/п: 1» / «Мероприятие: …» / «Сроки: …»), or puts the deadline and the executor after a
dash («… – до 13 мая 2024 г., руководители ОУ»). A run of such items becomes rows of one table
(number, activity, deadline, responsible, result) with its section headings, so segmentation reads
it like any table. The labels go into the table's header row (skipped as its header), so every
word of the list is still accounted for; a list whose words would not all be is left as text.

A run is rebuilt only when at least two of its items carry fields and they are at least a third of
its items. A protocol's «СЛУШАЛИ: … / РЕШИЛИ:» and its agenda stay text between the decisions. The
numbered clauses of an act («приказываю:», «коллегия решает:») stay clauses (`clauses.py` reads
their labels).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.morph import morph
from pipeline.patterns import NAME_ONLY, TRIGGER_WORDS
from pipeline.records import Block
from pipeline.segment.flat_tables import line_at
from pipeline.segment.header import collapse_spaced, is_stamp, kind_of
from pipeline.segment.spaced_rows import DEADLINE_PHRASE

FIELDS = ("deadline", "responsible", "result")
# The columns the rebuilt rows are read under (the header row's text is the labels themselves).
_HEADER = ("№", "Мероприятие", "Срок", "Ответственный", "Результат")

_LABELS = {
    "deadline": r"(?:срок[иа]?|дата|период)(?:\s+(?:исполнения|выполнения|проведения|реализации|готовности"
    r"|представления|окончания)(?:\s+[а-яё]+){0,3})?",
    "responsible": r"(?:ответственн(?:ый|ые|ая|ое|ых)(?:\s+(?:лица|исполнител[ьи]|за\s+исполнение))?"
    r"|(?:со)?исполнител[ьи]|отв\.|кто\s+проводит)",
    "result": r"(?:(?:ожидаем|планируем|итогов)[а-яё]*\s+)?(?:результат[а-яё]*|продукт)|форма\s+отч[её]тности"
    r"|(?:ход\s+|информация\s+об?\s+)?(?:исполнени|выполнени)[еяи]",  # a report's «Исполнение: … Выполнено» (473)
    "number": r"№\s*п/п|№",
    "activity": r"мероприяти[ея]|наименование(?:\s+мероприятия)?|содержание(?:\s+работы|\s+деятельности)?",
}
# A label's separator: a colon or a dash, or nothing after the abbreviation «отв.» («(отв. Иванов И.И., срок – …)»).
_SEP = r"(?:\s*(?P<sep>[:\-–—])|(?<=отв\.)(?=\s))"
_LABEL = re.compile(
    r"^\s*(?:" + "|".join(f"(?P<{role}>{pattern})" for role, pattern in _LABELS.items()) + r")" + _SEP + r"\s*",
    re.IGNORECASE,
)
_FIELD_LABEL = "|".join(_LABELS[r] for r in FIELDS)
# Where a second label starts inside a labelled line or a bracket: «…; ответственный: …», «…, ответственный – …».
_NEXT_LABEL = re.compile(rf"[;,.]\s*(?=(?:{_FIELD_LABEL})(?:\s*[:\-–—]\s|(?<=отв\.)\s))", re.IGNORECASE)
# A closing bracket of labels: «(срок - январь 2023 г.; ответственный - ГАОУ ПО ИРО);», also
# «(установить срок готовности программы – 1 ноября 2014 г.)».
_BRACKET = re.compile(
    rf"\s*\(((?:[а-яё]+\s+)?(?:{_FIELD_LABEL})(?:\s*[:\-–—]|(?<=отв\.)\s)[^()]*)\)\s*[.;]?\s*$", re.IGNORECASE
)
# An item's number opening a line: «3.», «1.1.», «2.1», «4)»; a number alone on its line («5.»).
_ITEM = re.compile(r"^\s*(\d{1,2}[.)]|\d{1,2}(?:\.\d{1,2})+\.?)(?:\s+(\S.*))?$")
# A protocol's parts around its decisions: «СЛУШАЛИ: …», «ВЫСТУПИЛИ: …», «РЕШИЛИ:». Text, not items,
# and no end of the list: each question's decisions go on numbering under its own heading.
_INTERLUDE = re.compile(r"^\s*(?:СЛУШАЛИ|ВЫСТУПИЛИ|РЕШИЛИ|ПОСТАНОВИЛИ|Слушали|Выступили|Решили|Постановили)\s*[:\-–]?")
_AGENDA = re.compile(r"^\s*повестк\w*\s+дня\b", re.IGNORECASE)
_HEADING = re.compile(r"^\s*(?:[IVX]{1,5}\.\s+[А-ЯЁ]|(?:Раздел|Вопрос)\s+\S)")
# An act's operative words before a list: its numbered clauses are clauses. A protocol's bare
# «РЕШИЛИ:» is no act's; an annex, a stamp or a kind heading in between starts another part.
_ACT_TRIGGER = re.compile(rf"\b{TRIGGER_WORDS}\s*:?\s*$", re.IGNORECASE)
_ANNEX = re.compile(r"^\s*(?:Приложение|ПРИЛОЖЕНИЕ)\b")
_DASH = re.compile(r"\s[–—-]\s+")
# After a deadline phrase: more of them («…, март 2023 г.»), then «, the executor» or nothing.
# The executor after a comma, or after one more dash («… – сентябрь 2025 – Лебедева О.Н.», 463).
_MORE = re.compile(rf"^((?:\s*(?:,|и)\s*(?:{DEADLINE_PHRASE.pattern}))*)\s*(?:(?:,|[–—-]\s)\s*(.+))?$", re.IGNORECASE)
# A signature after the last item: a post, or a name alone.
_SIGNATURE = re.compile(
    r"^(?:Директор|Председател|Секретар|Заместител|Начальник|Глава|Руководител|Заведующ|Министр|И\.\s?о\.|Исполняющ"
    r"|Подпись|С уважением|Члены\s|Присутствовал|ДИРЕКТОР|ПРЕДСЕДАТЕЛЬ|СЕКРЕТАРЬ|НАЧАЛЬНИК|ГЛАВА)"
)
_ENDS_SENTENCE = re.compile(r"[.;:!?]\s*$")
_WORD = re.compile(r"[А-ЯЁа-яёA-Za-z0-9]+")
# Labelled sentences closing an item's own paragraph: «… классу. Срок: до 25.11.2017. Ответственные: …»,
# also after a dash: «… комиссии – срок: до 18.08.2017; ответственные: …».
_TRAILING_LABELS = re.compile(rf"(?:(?<=[.;])\s+|\s+[–—-]\s+)(?=(?:{_FIELD_LABEL})\s*:\s)", re.IGNORECASE)
_NEXT_SENTENCE = re.compile(r"[.!?]\s+[А-ЯЁ][а-яё]+\s+[а-яё]")  # «директор. Подготовить справку …»
_DASH_WINDOW = 400  # the dash form's fields close an item: only its last characters are searched


@dataclass
class _Item:
    at: int  # first line
    number: str
    text: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)  # the labels as printed, dropped from the fields
    last: str | None = None  # the field the last line went to, for its continuation lines
    end: int = 0  # the line after it

    @property
    def activity(self) -> str:
        return " ".join(" ".join(self.text).split())

    def add(self, fields: dict[str, str], labels: list[str]) -> None:
        """A repeated field («Ответственный: …» then «Исполнители: …») adds to the first."""
        for name, value in fields.items():
            self.fields[name] = f"{self.fields[name]}; {value}" if self.fields.get(name) else value
        self.labels += labels


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
    found = labelled_line(line)
    return found[0] if found else None


def labelled_line(line: str, dash: bool = False) -> tuple[dict[str, str], list[str]] | None:
    """(fields, labels as printed) of a labelled line; `dash`: any label may take a dash (inside a
    bracket or after «;»), not only «Срок» and «Ответственный» («Результаты – …» is a sentence)."""
    m = _LABEL.match(line)
    if not m:
        return None
    role = next(r for r in _LABELS if m.group(r))
    if m.group("sep") != ":" and role not in ("deadline", "responsible") and not dash:
        return None
    label, rest = m.group(role), line[m.end() :].strip()
    if role in ("number", "activity"):
        return {role: rest}, [label]
    parts = _NEXT_LABEL.split(rest)
    fields, labels = {role: _clean(parts[0])}, [label]
    for part in parts[1:]:
        inner = labelled_line(part, dash=True)
        if inner is None:  # not a label after all: the text stays with the value before it
            fields[role] = f"{fields[role]}; {_clean(part)}"
            continue
        for name, value in inner[0].items():
            fields[name] = f"{fields[name]}; {value}" if fields.get(name) else value
            role = name
        labels += inner[1]
    return fields, labels


def bracket_fields(text: str) -> tuple[str, dict[str, str]] | None:
    """The text before a closing bracket of labels and the bracket's fields, or None."""
    found = bracket_labels(text)
    return (found[0], found[1]) if found else None


def bracket_labels(text: str) -> tuple[str, dict[str, str], list[str]] | None:
    """The text before a closing bracket of labels, its fields and the labels as printed, or None."""
    m = _BRACKET.search(text)
    if not m:
        return None
    verb = re.match(r"(?:установить|указать)\s+", m.group(1), re.IGNORECASE)
    inside = m.group(1)[verb.end() :] if verb else m.group(1)
    found = labelled_line(inside, dash=True)
    if not found:
        return None
    labels = [verb.group(0).strip(), *found[1]] if verb else found[1]
    return text[: m.start()].rstrip(), found[0], labels


def dash_fields(text: str) -> tuple[str, dict[str, str]] | None:
    """«… – до 13 мая 2024 г., руководители ОУ»: the deadline after a dash that opens a date phrase,
    the executor (a body, a post or a name) after it. The first such dash from the item's end window
    is taken: an activity's own dashes seldom precede a date, and the fields close the item."""
    base = max(0, len(text) - _DASH_WINDOW)
    for dash in _DASH.finditer(text, base):
        tail = text[dash.end() :].strip()
        phrase = DEADLINE_PHRASE.match(tail)
        if not phrase:
            continue
        more = _MORE.match(tail[phrase.end() :].rstrip(";."))
        if not more or not more.group(2) or not _executor(more.group(2)):
            continue
        deadline = (tail[: phrase.end()] + (more.group(1) or "")).strip()
        return text[: dash.start()].rstrip(), {"deadline": deadline, "responsible": more.group(2).strip()}
    return None


def _executor(text: str) -> bool:
    """Who carries the item out («руководители ОУ», «Иевлев Г.В.»), not a report's account of it
    («присутствовали 45 родителей», «посетили 12 педагогов»): no verb or number opens it."""
    first = re.match(r"[А-ЯЁа-яё]+", text)
    if not first:
        return False
    parses = morph().parse(first.group(0).lower())
    return not any(p.tag.POS in ("VERB", "INFN", "PRTS") and p.score > 0.3 for p in parses)


def _clean(value: str) -> str:
    return value.strip().rstrip(";").strip()


def _unlabel_run(run: list[Block]) -> list[Block]:
    if not run:
        return []
    lines = [line for b in run for line in b.text.split("\n")]
    owner = [(b, k) for b in run for k in range(b.text.count("\n") + 1)]
    out: list[Block] = []
    done = 0  # lines before this went out
    for first, last, items, headings, texts in _groups(lines):
        rows = [(at, (h, "", "", "", "")) for at, h in headings]
        rows += [(i.at, (i.number, i.activity, *(i.fields.get(f, "") for f in FIELDS))) for i in items]
        labels = " ".join(label for i in items for label in i.labels)
        pieces = [(at, [Block("\t".join(c for c in cells if c), cells, line_at(*owner[at]))]) for at, cells in rows]
        pieces += [(a, _text_blocks(lines, owner, a, b)) for a, b in texts]
        rebuilt = [Block(labels, _HEADER, line_at(*owner[first]))]
        rebuilt += [block for _, blocks in sorted(pieces, key=lambda p: p[0]) for block in blocks]
        if _words("\n".join(lines[first:last])) != _words("\n".join(b.text for b in rebuilt)):
            continue  # some words would be lost or doubled: the lines stay text
        out += _text_blocks(lines, owner, done, first) + rebuilt
        done = last
    return out + _text_blocks(lines, owner, done, len(lines))


def _words(text: str) -> Counter:
    return Counter(w.lower() for w in _WORD.findall(text))


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
            out.append(Block("\n".join(lines[n:stop]), (), line_at(block, k)))
        n = stop
    return out


def _groups(lines: list[str]) -> list[tuple]:
    """(first line, line after, items, headings, text ranges) of each labelled list among `lines`."""
    found = []
    n = 0
    while n < len(lines):
        start = n
        items, headings, texts, n = _read_list(lines, n)
        items = _with_parent_sections(items, headings)
        if items and _AGENDA.match(_previous_text(lines, start)):
            agenda = [i for i in items if texts and i.at < texts[0][0]]  # the questions, before the first «СЛУШАЛИ»
            items = [i for i in items if i not in agenda]
            texts = [[i.at, i.end] for i in agenda] + texts
        fielded = [i for i in items if i.fields.keys() & set(FIELDS)]
        if items and len(fielded) >= 2 and 3 * len(fielded) >= len(items) and not _after_act(lines, start):
            first = min([items[0].at, *(at for at, _ in headings), *(a for a, _ in texts)])
            found.append((first, n, items, headings, texts))
        if n == start:
            n += 1
    return found


def _previous_text(lines: list[str], at: int) -> str:
    return next((lines[k] for k in range(at - 1, -1, -1) if lines[k].strip()), "")


def _after_act(lines: list[str], at: int) -> bool:
    """Does the list follow an act's operative words («п р и к а з ы в а ю:», «коллегия решает:»),
    with no annex, stamp or kind heading between them?"""
    for k in range(at - 1, -1, -1):
        line = collapse_spaced(lines[k].strip())
        if not line:
            continue
        if _ACT_TRIGGER.search(line):
            return not _INTERLUDE.match(line)  # a protocol's «РЕШИЛИ:» opens decisions, not clauses
        if _ANNEX.match(line) or is_stamp(line) or kind_of(line):
            return False
    return False


def _read_list(lines: list[str], n: int) -> tuple[list[_Item], list[tuple[int, str]], list[list[int]], int]:
    """The items (and headings and protocol text between them) of the list starting at line `n`,
    and the line after it. A list starts at a numbered line or a «№ п/п:» label and ends at a line
    that neither continues an item nor heads the next ones."""
    items: list[_Item] = []
    headings: list[tuple[int, str]] = []
    texts: list[list[int]] = []  # [first line, line after] of a protocol's text between decisions
    item: _Item | None = None  # the item the next lines may continue (none right after a heading)
    within = False  # in a protocol's text
    while n < len(lines):
        line = lines[n].strip()
        if not line:
            n += 1
            continue
        labelled = labelled_line(line)
        m = _ITEM.match(line)
        structured = bool(labelled or m or _HEADING.match(line))
        interlude = _INTERLUDE.match(line) or (m and _INTERLUDE.match(m.group(2) or ""))
        if interlude and not items:
            break  # «1. СЛУШАЛИ: …» opens no list: the decisions come after it
        if interlude:
            texts.append([n, n + 1])
            item, within = None, True
        elif within and not structured and not _SIGNATURE.match(line):
            texts[-1][1] = n + 1
        elif labelled and "number" in labelled[0]:
            item = _Item(n, labelled[0]["number"], labels=labelled[1])
            items.append(item)
        elif m and not labelled:
            item = _Item(n, m.group(1), [m.group(2)] if m.group(2) else [])
            items.append(item)
        elif labelled and item is not None:
            fields, labels = labelled
            if "activity" in fields:
                item.text.append(fields["activity"])
                item.labels += labels
                item.last = "activity"
            else:
                item.add(fields, labels)
                item.last = list(fields)[-1]
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
        if item is not None:
            item.end = n + 1
        n += 1
    while headings and (not items or headings[-1][0] > items[-1].at):  # a heading with nothing under it
        n = headings.pop()[0]
    while texts and texts[-1][0] >= n:
        texts.pop()
    for item in items:
        _inline_fields(item)
    return items, headings, texts, n


def _continues(item: _Item, line: str, previous: str) -> bool:
    """Does `line` carry on the item above: its activity until a label came, then the last label's
    value? Never a signature («Директор школы», «Председатель … Е.А. Кузнецова»)."""
    if _SIGNATURE.match(line) or _HEADING.match(line):
        return False
    if item.last and item.last != "activity":
        return line[:1].islower() or previous.rstrip().endswith((",", "-", "–")) or bool(NAME_ONLY.match(line))
    return not item.text or line[:1].islower() or not _ENDS_SENTENCE.search(previous)


def _inline_fields(item: _Item) -> None:
    """Labels inside the item's own text: a closing bracket, else a dash before a date phrase."""
    if item.fields.keys() & set(FIELDS):
        return
    bracket = bracket_labels(item.activity)
    if bracket:
        text, fields, labels = bracket
        item.text, item.labels = [text], item.labels + labels
        item.add(fields, [])
        return
    found = trailing_labels(item.activity)  # «… по каждому классу. Срок: до 25.11.2017. Ответственные: …»
    if found:
        item.text, item.labels = [found[0]], item.labels + found[2]
        item.add(found[1], [])
        return
    dash = dash_fields(item.activity)
    if dash:
        item.text = [dash[0]]
        item.add(dash[1], [])


def trailing_labels(text: str) -> tuple[str, dict[str, str], list[str]] | None:
    """A decision's deadline and executor, both, closing its text: (the text before them, the
    fields, the labels as printed). One label alone is a regulation's sentence («Сроки проведения:
    март»), and nothing may follow the labels' values (no next sentence)."""
    trailing = _TRAILING_LABELS.search(text)
    found = labelled_line(text[trailing.end() :]) if trailing else None
    if found and {"deadline", "responsible"} <= found[0].keys() <= set(FIELDS) and not any(
        _NEXT_SENTENCE.search(v) for v in found[0].values()
    ):
        values = {name: _SENTENCE_END.sub("", value) for name, value in found[0].items()}
        return text[: trailing.start()], values, found[1]
    return None


# A labelled sentence's closing full stop, not an initial's or an abbreviation's («Наумова О.А.», «2022 г.»).
_SENTENCE_END = re.compile(r"(?:(?<=[а-яё]{5})|(?<=[А-ЯЁ]{2}))\.$")  # «кл. рук.», «до 1 сент.» keep theirs


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
