"""Tables without ruled lines, found from where the words stand on the page.

Word exports a borderless table as plain text: only the positions tell the columns apart,
and pdfminer reads such a table line by line across all columns («Проведение совещания
сентябрь Иванова Н.П., школ по вопросам…»). Here a page's words are grouped into lines and
each line into segments at wide gaps; lines of two or more segments whose starts line up with
the starts of other lines form a table. Its columns are the left edges shared by at least
three lines; a new row begins where the first column (the number) has text, or after a
vertical gap wider than the lines' own spacing. pdfplumber's «text» strategy was tried first on
the real-document set: it cuts words at column edges («начальника упр») and splits every wrapped
cell into rows of its own, so it is not used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

from pipeline.text import ITEM_NUMBER, is_footer, join_cell_lines

# A gap between words wider than this (points) separates two cells; a space is ~3 pt at 10 pt.
CELL_GAP = 8.0
# Column edges closer than this (points) are the same edge.
EDGE = 4.0


@dataclass
class Segment:
    x0: float
    x1: float
    text: str


@dataclass
class Line:
    top: float
    bottom: float
    segments: list[Segment] = field(default_factory=list)
    bold: bool = True  # every word of the line in a bold font (false for a scan's words)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def x0(self) -> float:
        return self.segments[0].x0


@dataclass
class Region:
    """A table found on one page: its lines' rows as cell texts, and where it stands."""

    top: float
    rows: list[tuple[float, tuple[str, ...]]]  # (top of the row, cells)
    lines: list[Line]
    edges: list[float]  # its columns' left edges


@dataclass
class RuledTable:
    """A table drawn with rules (pdfplumber's, or found in a scan's image): where it stands, the
    left edges of its columns, and its rows as cell texts with the top of each row."""

    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    columns: list[float]
    rows: list[tuple[float, tuple[str, ...]]]


def lines_of(words: list[dict]) -> list[Line]:
    """pdfplumber words → lines (top to bottom), each cut into segments at wide gaps."""
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        line = next((ln for ln in reversed(lines[-3:]) if abs(ln.top - w["top"]) <= 2.0), None)
        if line is None:
            line = Line(w["top"], w["bottom"])
            lines.append(line)
        line.segments.append(Segment(w["x0"], w["x1"], w["text"]))
        line.bold = line.bold and "bold" in w.get("fontname", "").lower()
    for line in lines:
        words_in = sorted(line.segments, key=lambda s: s.x0)
        merged = [words_in[0]]
        for s in words_in[1:]:
            if s.x0 - merged[-1].x1 > CELL_GAP:
                merged.append(s)
            else:
                merged[-1] = Segment(merged[-1].x0, s.x1, f"{merged[-1].text} {s.text}")
        line.segments = merged
    lines.sort(key=lambda ln: ln.top)
    return lines


def _edges(lines: list[Line]) -> list[float]:
    """Left edges that at least three multi-segment lines share."""
    starts = sorted(s.x0 for ln in lines if len(ln.segments) >= 2 for s in ln.segments)
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][-1] <= EDGE:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    edges: list[float] = []
    for edge in (min(c) for c in clusters if len(c) >= 3):
        if not edges or edge - edges[-1] > 2 * EDGE:  # 6 pt right of a column's edge: its indented lines
            edges.append(edge)
    return edges


def _column(x: float, edges: list[float]) -> int:
    return max((i for i, e in enumerate(edges) if e <= x + EDGE), default=0)


def _aligned(line: Line, edges: list[float]) -> int:
    return sum(1 for s in line.segments if any(abs(s.x0 - e) <= EDGE for e in edges))


def find_tables(lines: list[Line], carried: Sequence[float] = ()) -> list[Region]:
    """The borderless tables among a page's lines. `carried` are the columns of the table that ended
    the page before: the page's first lines that stand in them are its last rows even when they are
    too few to show their columns themselves."""
    edges = _edges(lines)
    carry = len(edges) < 2 and _continues(lines, carried)
    # The table of the page before, its header repeated at the top of this page over too few rows to
    # show all its columns (one row): the header's line fills every column the table had.
    repeated = bool(lines) and 2 <= len(edges) < len(carried) and _aligned(lines[0], list(carried)) == len(carried)
    if carry or repeated:
        edges = list(carried)
    if len(edges) < 2:
        return []
    pitch = median([b.top - a.top for a, b in pairwise(lines)] or [12.0])
    regions: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        multi = len(line.segments) >= 2 and _aligned(line, edges) >= 2
        # A row's lines follow each other closely; a signature or paragraph stands further below.
        inside = bool(current) and line.top - current[-1].bottom < 2 * pitch
        if multi and (inside or not current):
            current.append(line)
            continue
        if inside and _fits_one_column(line, edges, _edges_used(current, edges)) and not _ANNEX_MARK.match(line.text):
            current.append(line)
            continue
        if current:
            regions.append(current)
        current = [line] if multi else []
    if current:
        regions.append(current)
    tables = []
    for region in regions:
        while region and len(region[-1].segments) < 2 and _column(region[-1].x0, edges) == 0:
            if _wraps_on(region, edges):
                break  # «трудности в обучении»: the last row's first cell wrapped on, not a sentence below
            region.pop()  # a single line at the left margin after the table is the text below it
        carried_on = carry and bool(region) and region[0] is lines[0]
        if sum(1 for ln in region if len(ln.segments) >= 2) >= (1 if carried_on else 3):
            rows = _rows(region, edges)  # a carried row keeps every column, empty ones too
            tables.append(Region(region[0].top, rows if carried_on else _without_empty_columns(rows), region, edges))
    return tables


def _edges_used(region: list[Line], edges: list[float]) -> list[float]:
    """The page's edges that the region's own cells start at: another table on the page (a list of
    mentor pairs under the plan, 485) brings edges of its own, which a wrapped line of this table's
    activity may well cross."""
    starts = [s.x0 for ln in region if len(ln.segments) >= 2 for s in ln.segments]
    return [e for e in edges if any(abs(x - e) <= EDGE for x in starts)] or edges


# The next annex's mark, printed at the right under the table: «Приложение № 2», «Приложение 3 к приказу».
_ANNEX_MARK = re.compile(r"\s*(?:Приложение|ПРИЛОЖЕНИЕ)\s*(?:№|N|\d|к\s)")


def _wraps_on(region: list[Line], edges: list[float]) -> bool:
    """Is the region's last line (one segment at the left) the next line of the first cell above it:
    in lower case, inside the column and starting where that cell's text starts?"""
    if len(region) < 2:
        return False
    last, above = region[-1].segments[0], region[-2].segments[0]
    in_cell = not _crosses(last, edges) and not _crosses(above, edges) and _column(above.x0, edges) == 0
    return last.text[:1].islower() and in_cell and abs(last.x0 - above.x0) <= EDGE


def _continues(lines: list[Line], carried: Sequence[float]) -> bool:
    """Does the page open with a numbered row standing in the carried columns (under the header
    printed again, or straight away)?"""
    if len(carried) < 2 or not lines or _aligned(lines[0], carried) < 2:
        return False
    return any(ITEM_NUMBER.match(ln.segments[0].text) and _aligned(ln, carried) >= 2 for ln in lines[:4])


def _without_empty_columns(rows: list[tuple[float, tuple[str, ...]]]) -> list[tuple[float, tuple[str, ...]]]:
    """Columns no row has text in: an edge that other text on the page lined up with. Dropped,
    so that the table's continuation on the next page, found without it, has the same columns."""
    used = [any(cells[c] for _, cells in rows) for c in range(len(rows[0][1]))] if rows else []
    return [(top, tuple(c for c, u in zip(cells, used, strict=True) if u)) for top, cells in rows]


def _fits_one_column(line: Line, edges: list[float], used: list[float]) -> bool:
    """A single segment that stays inside one column (of those the region's cells `used`): a wrapped
    cell's next line, or a heading row starting at the first column."""
    if len(line.segments) != 1:
        return False
    s = line.segments[0]
    return not _crosses(s, used) or _column(s.x0, edges) == 0


def _rows(region: list[Line], edges: list[float]) -> list[tuple[float, tuple[str, ...]]]:
    """Lines grouped into rows, cells joined per column."""
    first_is_number = sum(1 for ln in region if ITEM_NUMBER.match(_cell(ln, 0, edges))) >= 2
    line_pitch = _line_pitch(region, edges, by_column=not first_is_number)
    # «№ | Этап | Мероприятие …»: a stage's number and name are cells merged down over its rows
    staged = first_is_number and len(edges) > 2 and any(_STAGE.match(_cell(ln, 1, edges)) for ln in region[:3])
    rows: list[tuple[float, list[list[str]]]] = []
    prev: Line | None = None
    last_in: dict[int, float] = {}  # column → top of its last line
    own = _edges_used(region, edges)  # a heading spans the table's own columns, not another table's (485)
    for line in region:
        spans = _spans_columns(line, own)
        starts = prev is None or spans or _spans_columns(prev, own)
        used = {_column(s.x0, edges) for s in line.segments}
        if not starts:
            # Without a number column, the gap is to the line above in the same columns: a cell merged
            # down several rows prints its lines between the rows' lines («педагогов» 6 pt above
            # «Составление»).
            mine = [last_in[c] for c in used if c in last_in]
            above = max(mine) if mine and not first_is_number else prev.top
            gap = line.top - above > 1.3 * line_pitch
            first = _cell(line, 0, edges)
            if rows[-1][0] == prev.top and _runs_on(rows[-1][1][0], first):
                starts = False  # the row's first line ended in «1.2.», this one holds the «4» of it
            else:
                # With a number column, only a number (or a new header line after a gap) opens a row:
                # a row carried over a page break has none and is merged back by segmentation.
                starts = bool(ITEM_NUMBER.match(first)) or (gap and bool(first)) if first_is_number else gap
                # A number cell merged down over a stage's rows prints once: the rows under it open after a
                # gap with text in three columns at once, and take the stage's number (as a DOCX repeats it).
                merged = staged and not starts and gap and len(used - {0}) >= 3
                if merged:
                    rows.append((line.top, [[] for _ in edges]))
                    rows[-1][1][0].extend(n for n in rows[-2][1][0][:1] if ITEM_NUMBER.match(n))  # not «№»
        if starts:
            rows.append((line.top, [[] for _ in edges]))
        cells = rows[-1][1]
        for s in line.segments:
            cells[_column(s.x0, edges)].append(s.text)
        last_in.update(dict.fromkeys(used, line.top))
        prev = line
    return [(top, tuple(join_cell_lines(parts) for parts in cells)) for top, cells in rows]


_STAGE = re.compile(r"(?:Наименование\s+)?(?:этап|Этап|ЭТАП)")


def _line_pitch(region: list[Line], edges: list[float], by_column: bool) -> float:
    """The spacing of a cell's wrapped lines: the least gap between consecutive lines, or, `by_column`,
    between consecutive lines with text in one column (lines of a merged cell fall between rows)."""
    gaps, last_in = [], {}
    for line in region:
        for c in {_column(s.x0, edges) for s in line.segments} if by_column else {0}:
            if c in last_in:
                gaps.append(line.top - last_in[c])
            last_in[c] = line.top
    return min(gaps) if gaps else 12.0


def _runs_on(number_lines: list[str], first: str) -> bool:
    """«1.2.» over «4» with no gap between is one number a narrow column broke: «1.2.4»."""
    above = " ".join(number_lines)
    return bool(re.fullmatch(r"\d{1,3}(?:\.\d{1,3})+\.", above) and re.fullmatch(r"\d{1,3}\.?", first))


def _spans_columns(line: Line, edges: list[float]) -> bool:
    """One segment running over several columns: a section heading row."""
    return len(line.segments) == 1 and _crosses(line.segments[0], edges)


def _cell(line: Line, col: int, edges: list[float]) -> str:
    return " ".join(s.text for s in line.segments if _column(s.x0, edges) == col)


def _crosses(s: Segment, edges: list[float]) -> bool:
    col = _column(s.x0, edges)
    return col + 1 < len(edges) and s.x1 > edges[col + 1] + EDGE


def hanging_row(lines: list[Line], bbox: tuple[float, float, float, float], edges: list[float], below: bool = True):
    """The lines of a ruled table's row that a page break cut off its rules: at the foot of a page
    they start right under the table and run to the page's last lines; at the head of the next page
    they are the page's first lines and end right over the table. They lie inside the table's width,
    and are read into its columns. Returns (lines, cells) or None."""
    x0, top, x1, bottom = bbox
    if len(edges) < 2:
        return None
    near = (
        [ln for ln in lines if ln.top >= bottom - 1]
        if below
        else [ln for ln in reversed(lines) if ln.bottom <= top + 1]
    )
    if not near or (near[0].top - bottom if below else top - near[0].bottom) > 8:
        return None
    taken: list[Line] = []
    for line in near:
        gap = (line.top - taken[-1].bottom if below else taken[-1].top - line.bottom) if taken else 0
        if not _in_columns(line, x0, x1, edges) or gap > 8:
            break
        taken.append(line)
    if not taken or len(near) - len(taken) > 2 or (below and len(taken[0].segments) < 2):
        return None
    taken.sort(key=lambda ln: ln.top)
    return taken, _cells(taken, edges)


def _in_columns(line: Line, x0: float, x1: float, edges: list[float]) -> bool:
    """The line lies inside the table's width, and the text of each cell stays in its column."""
    inside = line.x0 >= x0 - EDGE and all(s.x1 <= x1 + EDGE for s in line.segments)
    return inside and not any(_crosses(s, edges) for s in line.segments)


def _cells(lines: list[Line], edges: list[float]) -> tuple[str, ...]:
    """The lines' segments read into the columns that `edges` start."""
    cells: list[list[str]] = [[] for _ in edges]
    for line in lines:
        for s in line.segments:
            cells[_column(s.x0, edges)].append(s.text)
    return tuple(join_cell_lines(c) for c in cells)


_CONTINUED_LINES = 30  # a cell's rest seldom runs longer; a page of prose under a table is not a cell


def continued_row(lines: list[Line], bbox: tuple[float, float, float, float], edges: list[float]):
    """The rest of the last row of the previous page's ruled table, printed without rules at the head
    of this page: the page's first lines (after a bare page number), starting in lower case, inside
    that table's width and columns. Returns (lines, cells) or None."""
    x0, _, x1, _ = bbox
    lines = [ln for ln in lines if not is_footer(ln.text)][:_CONTINUED_LINES]  # «- 2 -», «стр. 2»
    if len(edges) < 2 or not lines or not lines[0].text.strip()[:1].islower():
        return None
    taken: list[Line] = []
    for line in lines:
        gap = line.top - taken[-1].bottom if taken else 0
        if not _in_columns(line, x0, x1, edges) or gap > 8:
            break
        taken.append(line)
    return (taken, _cells(taken, edges)) if taken else None
