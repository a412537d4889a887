"""Tables a plain-text copy lays out by character position, as legal databases print them
(«N    Наименование мероприятия        Срок            Ответственные»): the columns start where
the header's names start, two or more spaces part the cells of a line, and a cell's lines stack
at its column. Found from the geometry alone, before the reader strips the lines: a header line
of three or more parts, then rows whose every part starts at one of its columns and ends before
the next. Justified prose, its spaces at random places and its lines running across the
columns, never fits.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pipeline.text import ITEM_NUMBER, join_cell_lines

_PART = re.compile(r"\S+(?: \S+)*")  # words joined by single spaces
_SLACK = 2  # how far left of its column a part may start (a number «1.» under «N»)
_MAX_HEADER_LINES = 4
_MAX_COLUMNS = 12
# A header names columns: no dates, initials, blanks to sign on or item numbers.
_NOT_A_NAME = re.compile(r"\d{2}\.\d{2}|[А-ЯЁ]\.\s?[А-ЯЁ]\.|_{3,}")
# A signature after a table: «Мэр города        М.А. Чернышев» (a position, then a name with initials).
_SIGNED = re.compile(r"(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё-]+|[А-ЯЁ][а-яё-]+\s+(?:[А-ЯЁ]\.\s?){1,2}")

Rows = list[tuple[int, tuple[str, ...]]]  # (line index, cells): the header first


def parts(line: str) -> list[tuple[int, int]]:
    """(start, end) of each run of words joined by single spaces."""
    return [(m.start(), m.end()) for m in _PART.finditer(line)]


def find(lines: list[str], start: int) -> tuple[Rows, int] | None:
    """The header and rows of an aligned table whose header is `lines[start]`, and the index of
    the line after it; None when the lines there are no such table, or no rows and the end of a run
    of lines that fit the columns and hold no table (so that it is not tried line by line)."""
    head = parts(lines[start])
    if not 3 <= len(head) <= _MAX_COLUMNS or any(e - s > 60 for s, e in head):
        return None
    texts = [lines[start][s:e] for s, e in head]
    if ITEM_NUMBER.match(texts[0]) or any(_NOT_A_NAME.search(t) for t in texts):
        return None
    columns = [s for s, _ in head]

    def placed(line: str) -> list[tuple[int, str]] | None:
        """(column, text) of each part of a line, or None when a part is off the columns. An item
        number may stand anywhere left of the second column («10.» right-aligned under «N»)."""
        out: list[tuple[int, str]] = []
        found = parts(line)
        if len(found) > len(columns):
            return None
        for s, e in found:
            k = bisect_right(columns, s + _SLACK) - 1
            if not out and e <= columns[1] and ITEM_NUMBER.match(line[s:e]):
                k = 0
            if k < 0 or (k + 1 < len(columns) and e > columns[k + 1]) or (out and out[-1][0] >= k):
                return None
            out.append((k, line[s:e]))
        return out

    header: list[list[str]] = [[] for _ in columns]
    i = start
    while i < len(lines) and lines[i].strip() and i - start < _MAX_HEADER_LINES:
        cells = placed(lines[i])
        if cells is None or (i > start and cells[0][0] == 0 and ITEM_NUMBER.match(cells[0][1])):
            break
        for k, text in cells:
            header[k].append(text)
        i += 1
    rows: list[tuple[int, list[list[str]]]] = []
    numbered_rows = 0  # rows opened by an item number, counted as they come (not recounted per line)
    blank = 1
    end = i
    while i < len(lines):
        if not lines[i].strip():
            blank += 1
            if blank == 3:
                break
            i += 1
            continue
        cells = placed(lines[i])
        if cells is None:
            break
        numbered = cells[0][0] == 0 and bool(ITEM_NUMBER.match(cells[0][1]))
        if blank and not numbered and rows and numbered_rows * 2 > len(rows):
            break  # a numbered table ends at a line after a gap that has no number: a signature
        if blank and len(cells) == 2 and _SIGNED.fullmatch(cells[1][1]):
            break
        if blank or not rows or numbered:
            rows.append((i, [[] for _ in columns]))
            numbered_rows += numbered
        for k, text in cells:
            rows[-1][1][k].append(text)
        blank = 0
        i += 1
        end = i
    filled = [r for r in rows if sum(1 for cell in r[1] if cell) >= 2]
    if len(filled) < 2:
        return [], end  # lines that fit and are no table: not tried again line by line
    out: Rows = [(start, tuple(join_cell_lines(h) for h in header))]
    out += [(n, tuple(join_cell_lines(cell) if cell else "" for cell in cells)) for n, cells in rows]
    return out, end
