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

from pipeline.text import ITEM_NUMBER, join_cell_lines

_PART = re.compile(r"\S+(?: \S+)*")  # words joined by single spaces
_SLACK = 2  # how far left of its column a part may start (a number «1.» under «N»)
_MAX_HEADER_LINES = 4

Rows = list[tuple[int, tuple[str, ...]]]  # (line index, cells): the header first


def parts(line: str) -> list[tuple[int, int]]:
    """(start, end) of each run of words joined by single spaces."""
    return [(m.start(), m.end()) for m in _PART.finditer(line)]


def find(lines: list[str], start: int) -> tuple[Rows, int] | None:
    """The header and rows of an aligned table whose header is `lines[start]`, and the index of
    the line after it; None when the lines there are no such table, or no rows and the end of a run
    of lines that fit the columns and hold no table (so that it is not tried line by line)."""
    head = parts(lines[start])
    if len(head) < 3 or any(e - s > 60 for s, e in head):
        return None
    columns = [s for s, _ in head]

    def placed(line: str) -> list[tuple[int, str]] | None:
        """(column, text) of each part of a line, or None when a part is off the columns."""
        out: list[tuple[int, str]] = []
        for s, e in parts(line):
            k = max((n for n, c in enumerate(columns) if c <= s + _SLACK), default=None)
            if k is None or (k + 1 < len(columns) and e > columns[k + 1]) or (out and out[-1][0] >= k):
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
    if i == start + 1 and placed(lines[start]) is None:
        return None
    rows: list[tuple[int, list[list[str]]]] = []
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
        if blank or not rows or (cells[0][0] == 0 and ITEM_NUMBER.match(cells[0][1])):
            rows.append((i, [[] for _ in columns]))
        for k, text in cells:
            rows[-1][1][k].append(text)
        blank = 0
        i += 1
        end = i
    filled = [r for r in rows if sum(1 for cell in r[1] if cell) >= 2]
    if len(filled) < 2:
        return [], end  # lines that fit and are no table: not tried again line by line
    out: Rows = [(start, tuple(" ".join(h) for h in header))]
    out += [(n, tuple(join_cell_lines(cell) if cell else "" for cell in cells)) for n, cells in rows]
    return out, end
