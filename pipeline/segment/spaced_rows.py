"""A table whose cells a copy joined with single spaces: one line per row, no delimiter at all.

Regional portals print an annex table so: «N п/п Наименование мероприятия Срок исполнения
Ответственные исполнители Ожидаемый результат», then «1.1. Поставка оборудования … март - август
2012 года департамент образования и науки Костромской области оснащены 72 учреждения». Nothing
marks the cells, so they are found from what each holds: the header line's words fall into column
names (`columns.header_role`); in a row the deadline is the date phrase, the activity the text
before it, and after it the responsible bodies (a head noun and its genitive chain: «департамент
образования и науки … области», «органы местного самоуправления (по согласованию)») up to the
first word that cannot continue a body's name, where the result begins.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.morph import is_adjective
from pipeline.patterns import MONTH_WORD
from pipeline.segment import columns
from pipeline.text import ITEM_NUMBER

# Per-cell penalty when cutting a header line into column names: fewer, fuller names win ties.
_CELL_COST = 1.5
_YEAR = r"\d{4}\s*(?:года|год|г\.?)?"
DEADLINE_PHRASE = re.compile(
    rf"(?:(?:до|не\s+позднее|с|по)\s+)?\d{{1,2}}\s+{MONTH_WORD}\s+{_YEAR}"
    rf"|(?:(?:до|не\s+позднее)\s+)?\d{{1,2}}\.\d{{1,2}}\.\d{{4}}(?:\s*г\.?)?"
    rf"|{MONTH_WORD}(?:\s*[-–—]\s*{MONTH_WORD})?\s+{_YEAR}"
    rf"|(?:IV|I{{1,3}}|[1-4])\s*(?:-?[йго]{{1,2}}\s+)?квартал[а-я]*\s+{_YEAR}"
    rf"|в\s+течение\s+(?:\d{{4}}\s+)?(?:учебного\s+|календарного\s+)?года"
    rf"|\d{{4}}\s*[-–—]\s*\d{{4}}\s*(?:годы|годов|гг\.?)|\d{{4}}\s*(?:год|г\.)"
    rf"|(?:ежегодно|ежеквартально)(?:,?\s+(?:до\s+\d{{1,2}}\s+)?{MONTH_WORD}(?:\s*[-–—]\s*{MONTH_WORD})?\b)?"
    r"|ежемесячно|постоянно|по\s+мере\s+необходимости"
    r"|по\s+(?:графику|плану)\s+(?-i:[А-ЯЁ]{2,}[А-ЯЁа-яё]*(?:\s+[А-ЯЁ]{2,})?)",  # «по графику ВИРО» (463)
    re.IGNORECASE,
)
# A row's line: its item number («1.1.»), then its text.
_NUMBERED = re.compile(rf"({ITEM_NUMBER.pattern.strip('^$')})\s+(\S.*)")
# Words that head a responsible body or person: «департамент», «органы», «руководители», «ОГБОУ».
_HEAD = re.compile(
    r"^(?:министерств|департамент|управлени|комитет|администраци|правительств|отдел|орган|руководител"
    r"|директор|заместител|учител|педагог|специалист|методист|методическ|образовательн|общеобразовательн|муниципальн"
    r"|институт|центр|учреждени|организаци|школ|[А-ЯЁ]{2,}(?:\s|$))",
    re.IGNORECASE,
)


def header_cells(line: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The column names and their roles in a header line of names joined by spaces, when it starts
    with the number column and names at least three columns; None otherwise."""
    words = line.split()
    if not words or len(words) > 30 or "|" in line or "\t" in line:
        return None
    if not any(columns.header_role(" ".join(words[:j]))[0] == "number" for j in range(1, min(len(words), 6) + 1)):
        return None  # the first column is the number's: checked first, as most lines are prose

    @cache
    def best(i: int, prev: str | None) -> tuple[float, tuple[tuple[str, str], ...]] | None:
        if i == len(words):
            return 0.0, ()
        out = None
        for j in range(i + 1, min(len(words), i + 6) + 1):
            cell = " ".join(words[i:j])
            role, weight = columns.header_role(cell)
            if role is None or role == prev:
                continue
            rest = best(j, role)
            if rest is None:
                continue
            score = rest[0] + weight - _CELL_COST - (0 if words[i][:1].isupper() else 2)
            if out is None or score > out[0]:
                out = (score, ((cell, role), *rest[1]))
        return out

    found = best(0, None)
    roles = tuple(r for _, r in found[1]) if found else ()
    if len(roles) < 3 or roles[0] != "number" or "activity" not in roles:
        return None
    return tuple(c for c, _ in found[1]), roles


def split_row(line: str, roles: tuple[str, ...]) -> tuple[str, ...] | None:
    """One row's cells in the header's order, or None when the line cannot be read so (a heading
    row, or roles this reading does not know)."""
    m = _NUMBERED.match(line.strip())
    if not m:
        return None
    number, text = m.groups()
    if roles[:3] != ("number", "activity", "deadline") or not set(roles[3:]) <= {"responsible", "result"}:
        return None
    deadline = next((d for d in DEADLINE_PHRASE.finditer(text) if len(text[: d.start()].split()) >= 3), None)
    if deadline is None:
        return None
    activity, rest = text[: deadline.start()].strip(), text[deadline.end() :].strip()
    cells: dict[str, str] = {"number": number, "activity": activity, "deadline": deadline.group(0)}
    if roles[3:] == ("responsible", "result"):
        cut = _bodies_end(rest)
        cells["responsible"], cells["result"] = rest[:cut].strip(" ,;"), rest[cut:].strip()
    elif roles[3:]:
        cells[roles[3]] = rest
    return tuple(cells.get(r, "") for r in roles)


def _bodies_end(text: str) -> int:
    """Where the responsible bodies at the start of `text` end: after a head word («департамент»,
    «руководители», «ОГБОУ ДПО "…"») the name runs on through genitive words, «и», quoted names,
    «(по согласованию)» and, after a comma, the next body; the first other word starts the result."""
    from pipeline.morph import morph

    pos, expect_head, noun_due = 0, True, False
    for m in re.finditer(r"\([^)]*\)|[«\"][^»\"]*[»\"]|[,;]|[\w-]+", text):
        token = m.group(0)
        if expect_head:
            if not _HEAD.match(token + " "):
                return pos
            expect_head = False
            noun_due = is_adjective(token)  # «Методический | кабинет», «районный | методический кабинет»
        elif noun_due:
            noun_due = is_adjective(token)
        elif token in (",", ";"):
            expect_head = True
            continue
        elif token[0] in '(«"' or token == "и" or token.isupper():
            pass
        elif sum(p.score for p in morph().parse(token.lower()) if p.tag.case == "gent") < 0.1:
            return m.start()  # not a genitive («база» is one only as a rare «баз»)
        pos = m.end()
    return pos


def unspaced(lines: list[str], start: int) -> tuple[list[tuple[int, tuple[str, ...]]], int] | None:
    """Rows from a header line at `start` and the numbered lines after it; a numbered line that
    does not read as a row (no deadline in it) is a heading row of one cell."""
    header = header_cells(lines[start])
    if header is None:
        return None
    names, roles = header
    rows = [(start, names)]
    n = start + 1
    read = 0
    while n < len(lines) and _NUMBERED.match(lines[n].strip()):
        cells = split_row(lines[n], roles)
        rows.append((n, cells if cells else (lines[n].strip(),)))
        read += cells is not None
        n += 1
    return (rows, n) if read >= 2 else None
