"""Tables that a copy from a web page or a legal database flattened into lines of text.

Three layouts are rebuilt into table rows, so segmentation sees a table as from a DOCX:

- pseudographics, as legal databases print tables in plain text: cells between «|», rows
  between rule lines of «-», «—», «─», «+» (a row without rules is one line);
- one cell per line with pipe marks left by the page's markup: «Сроки проведения |» (the mark
  closes a cell), or «| Исполнители» with a lone «|» closing the row (the mark opens a cell), or
  a lone «|» on the line after every cell (Garant's copies: no row ends at all);
- one cell per line with no marks at all: the header's cells, each a short line naming a column
  («№ п/п» / «Содержание работы» / «Сроки проведения» …), fix the width, and every row opens
  with its number.

Only a header that names at least two columns (see `columns`) starts a flattened table, so
ordinary text with short lines is left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise

from pipeline.patterns import NUMBER_HEADER
from pipeline.records import Block
from pipeline.segment import columns
from pipeline.segment.spaced_rows import unspaced
from pipeline.segment.tables import MONEY_HEADER, MONEY_PART, YEAR_CELL, is_column_numbers, is_header, spread_header
from pipeline.text import ITEM_NUMBER, counted, join_cell_lines

# Box-drawing pseudographics (Kodeks/cntd copies: «│ N │Наименование │», «├═══┼═══┤») read as ASCII.
_BOX = str.maketrans(
    {
        **dict.fromkeys("│┃║╎╏┆┇┊┋¦", "|"),  # «¦»: a DOS code page's bar as a web copy shows it
        **dict.fromkeys("─━═╌╍┄┅┈┉", "-"),
        **dict.fromkeys("┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫", "+"),
    }
)
# ConsultantPlus draws corners and crossings of its text tables with letters: «T-----T-----¬», «L-----+»;
# Garant with slashes: «/-----\» over the table, «\-----/» under it.
_LETTER_RULE = re.compile(r"[\s|+\-=TТL¬/\\]*")


def _boxed(line: str) -> str:
    """A line with box-drawing characters as ASCII («|», «+», «-»), a lettered rule's corners too."""
    line = line.translate(_BOX)
    return re.sub(r"[TТL¬/\\]", "+", line) if "---" in line and _LETTER_RULE.fullmatch(line) else line


_RULE = re.compile(r"^\s*[|+]?[\s\-—–─═=+|]{3,}$")
_ASCII_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MAX_HEADER_CELL = 80
# «I. Нормативное обеспечение», «А. Мероприятия»; not a person's initials «Е. В. Смирнова».
_SECTION_NUMBER = re.compile(r"^(?:[IVX]+|[А-ЯЁ](?!\.\s?[А-ЯЁ]\.))\.\s")
_ROMAN_SECTION = re.compile(r"^[IVX]+\.\s")
_CARRIED_LINES = 4  # how many lines one cell of a cell-per-line copy may run over


def unflatten(blocks: list[Block]) -> list[Block]:
    """Paragraph blocks holding a flattened table become table rows; all else passes through.

    A copy may put every cell or row in a paragraph of its own (blank lines between), so the
    lines of each run of consecutive paragraphs are searched together."""
    out: list[Block] = []
    run: list[Block] = []
    for b in blocks:
        if b.is_row:
            out.extend(_unflatten_run(run))
            run = []
            out.append(b)
        else:
            run.append(b)
    out.extend(_unflatten_run(run))
    return out


def uncollapse(blocks: list[Block]) -> list[Block]:
    """Paragraphs holding pseudographics run into one line get its lines back. Done on the text as
    read, before spaces are normalised: the padding of an empty cell tells it from a line join."""
    out = []
    for b in blocks:
        lines = [piece for line in b.text.split("\n") for piece in _uncollapse(line)] if not b.is_row else []
        out.append(Block("\n".join(lines), (), b.pos) if len(lines) > b.text.count("\n") + 1 else b)
    return out


# Pseudographics whose line breaks a copy lost: «…|——|——|| 1. | Изучение |…» or «…| | 1. |…».
_COLLAPSED_RULE = re.compile(r"\|[-—–─═=]{3,}(?:\|[-—–─═=]{3,})+\|")
_LINE_JOIN = re.compile(r"\| \|")


def _uncollapse(line: str) -> list[str]:
    """A pseudographic table run into one line, cut back into its lines; the text around it stays on
    lines of its own."""
    if len(line) < 300 or len(_COLLAPSED_RULE.findall(line)) < 2:
        return [line]
    first, last = line.index("|"), line.rindex("|")
    span = line[first : last + 1]
    # A copy joins lines either with «||» (then «| |» is an empty cell) or with «| |».
    table = span.replace("||", "|\n|") if "||" in span else _LINE_JOIN.sub("|\n|", span)
    table = table.split("\n")
    return [p for p in (line[:first].strip(), *table, line[last + 1 :].strip()) if p]


def _unflatten_run(run: list[Block]) -> list[Block]:
    lines = [_boxed(line) for b in run for line in b.text.split("\n")]
    owner = [(b, offset) for b in run for offset in range(b.text.count("\n") + 1)]  # line → (block, offset)
    out: list[Block] = []
    text: list[int] = []  # lines not in a table, waiting to go out as (parts of) their paragraphs
    unpiped: set[int] = set()  # lines whose «|» marks were cell edges of a layout table

    def flush_text() -> None:
        """Each run of consecutive waiting lines of one paragraph goes out as one block."""
        start = 0
        for k in range(1, len(text) + 1):
            if k < len(text) and text[k] == text[k - 1] + 1 and owner[text[k]][0] is owner[text[k - 1]][0]:
                continue
            first, last = text[start], text[k - 1]
            block, offset = owner[first]
            if offset == 0 and last - first == block.text.count("\n") and not unpiped & set(range(first, last + 1)):
                out.append(block)  # a paragraph left whole passes through as it was
            else:
                out.append(Block("\n".join(lines[first : last + 1]), (), line_at(block, offset)))
            start = k
        text.clear()

    i = 0
    while i < len(lines):
        found = _ascii(lines, i) or _piped(lines, i) or _marked(lines, i) or _unmarked(lines, i) or unspaced(lines, i)
        if found:
            rows, end = found
            if rows:
                flush_text()
                out.extend(Block("\t".join(cells), cells, line_at(*owner[n])) for n, cells in rows)
            else:  # a run that looked like a table and is not: its lines are text, not tried again
                text.extend(range(i, end))
                unpiped.update(_unpipe(lines, i, end))
            i = end
            continue
        text.append(i)
        i += 1
    flush_text()
    return out


_LAYOUT_LINES = 4  # a letterhead laid out as a table: its body's names, the kind, the date | place | number


def _unpipe(lines: list[str], start: int, end: int) -> list[int]:
    """A piped run that is no activity table is a layout table of the page (a bilingual letterhead
    «ПРИКАЗ | БОЕРЫК |», the date, place and number side by side): each cell goes on a line of its
    own, as a letterhead prints it, so the kind, the date and the number are read as lines. A longer
    run (a programme's passport, «Ответственный исполнитель | Управление …») keeps its marks."""
    changed: list[int] = []
    if sum("|" in line for line in lines[start:end]) > _LAYOUT_LINES:
        return changed
    for n in range(start, end):
        cells = [c.strip() for c in lines[n].split("|")]
        if len([c for c in cells if c]) >= 2 or lines[n].rstrip().endswith("|"):
            lines[n] = "\n".join(c for c in cells if c)
            changed.append(n)
    return changed


def line_at(block: Block, offset: int = 0):
    """The position of the `offset`-th line of `block` (its page alone when it has no line number)."""
    return replace(block.pos, line=block.pos.line + offset) if block.pos.line is not None else block.pos


# (line offset, cells) of each row; a detector returns the rows and the line after them, or no
# rows and the end of a run that looked like a table and is not (so it is not tried line by line).
Rows = list[tuple[int, tuple[str, ...]]]


def _ascii(lines: list[str], start: int) -> tuple[Rows, int] | None:
    """Pseudographics: «| 1.1. | Оснащение … | 2013 г. |» between rule lines."""
    if not (_ASCII_ROW.match(lines[start]) or (_RULE.match(lines[start]) and re.search(r"[|+]", lines[start]))):
        return None
    end = start
    while end < len(lines) and (_ASCII_ROW.match(lines[end]) or (_RULE.match(lines[end]) and lines[end].strip())):
        end += 1
    block = lines[start:end]
    if sum(1 for ln in block if _ASCII_ROW.match(ln) and not _RULE.match(ln)) < 3:
        return [], end
    # Rules between rows (pseudographics) group a row's lines; a single rule under the header
    # (a markdown table) does not, and then every line is a row.
    groups = "".join("r" if _RULE.match(ln) else "d" for ln in block).strip("r")
    ruled = len([g for g in groups.split("r") if g]) >= 3
    rows: Rows = []
    current: list[list[str]] | None = None
    first = start
    for n, line in enumerate(block, start=start):
        if _RULE.match(line):
            if current:
                rows.append((first, tuple(join_cell_lines(c) for c in current)))
            current = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if is_column_numbers(tuple(cells)):  # «1 | 2 | … | 6» under a header is a row of its own
            if current:
                rows.append((first, tuple(join_cell_lines(c) for c in current)))
            rows.append((n, tuple(cells)))
            current = None
            continue
        if current is None or len(cells) != len(current) or not ruled:
            if current:
                rows.append((first, tuple(join_cell_lines(c) for c in current)))
            current, first = [[] for _ in cells], n
        for col, c in enumerate(cells):
            if c:
                current[col].append(c)
    if current:
        rows.append((first, tuple(join_cell_lines(c) for c in current)))
    return _spanned(lines, rows) if ruled else rows, end


def _spanned(lines: list[str], rows: Rows) -> Rows:
    """A header whose cell spans sub-columns («Срок исполнения» over «по программе | фактически»):
    its first rows are narrower than the table. The rule lines keep their widths (a copy may
    collapse the spaces of text lines, never the dashes of rules), so the border above the header
    and the rule under it tell which columns each upper cell spans; the header rows become one."""
    width = Counter(len(cells) for _, cells in rows).most_common(1)[0][0] if rows else 0
    sub = next((k for k, (_, cells) in enumerate(rows) if len(cells) == width), 0)
    if sub == 0 or sub > 3 or ITEM_NUMBER.match(rows[sub][1][0] or "-") or rows[0][0] == 0:
        return rows  # no narrower header above, or the first full row is a data row
    until = rows[sub + 1][0] if sub + 1 < len(rows) else len(lines)
    below_at = next((k for k in range(rows[sub][0], len(lines)) if _RULE.match(lines[k])), len(lines) - 1)
    top, bottom = lines[rows[0][0] - 1], lines[below_at]
    above, below = _bounds(top), _bounds(bottom)
    if not (_RULE.match(top) and _RULE.match(bottom)) or len(below) != width + 1 or not 2 < len(above) < len(below):
        return _under_last(rows, sub)  # the border above does not show the spanning cells
    spans = [[k for k in range(width) if left <= below[k] and below[k + 1] <= right] for left, right in pairwise(above)]
    texts: list[list[str]] = [[] for _ in range(width)]
    for line in lines[rows[0][0] : until]:
        cells = [c.strip() for c in re.split(r"[|+]", line.strip())[1:-1]]
        if _RULE.match(line):
            continue
        if len(cells) not in (width, len(spans)):
            return rows  # a third level, or a «+» in a header's text: no mapping that loses no line
        for n, cell in enumerate(cells):
            if cell.strip("-="):  # a cell is stripped already: a rule's dashes are no header text
                for k in [n] if len(cells) == width else spans[n]:
                    texts[k].append(cell)
    return [(rows[0][0], tuple(join_cell_lines(t) for t in texts)), *rows[sub + 1 :]]


def _under_last(rows: Rows, sub: int) -> Rows:
    """A header whose last cell spans the sub-columns of the row below, with a border that shows no
    crossings (Garant's «/-----\\»): the sub-header's leading cells are empty under each upper cell
    but the last («NN п/п | Мероприятия | Сроки | Сведения об объемах …» over «| | | Объем | Источники
    | Исполнители»), so the last upper cell heads each of the others."""
    upper, lower = rows[0][1], rows[sub][1]
    lead = next((k for k, cell in enumerate(lower) if cell), len(lower))
    if sub != 1 or lead != len(upper) - 1 or lead == 0:
        return rows
    spanning = _DASHES.sub(" ", upper[-1]).strip()  # the rule under it, inside the cell's lines
    below = list(lower[lead:])
    if len(spanning) <= 40:
        below = [f"{spanning} {cell}".strip() for cell in below]
    else:  # a caption over a group («Сведения об объемах … ресурсов»): the columns are below; it is kept once
        below[-1] = f"{spanning} {below[-1]}".strip()
        if len(below[-1]) > _MAX_CAPTIONED:
            return rows  # no header cell could keep it: the rows as read lose nothing
    return [(rows[0][0], (*upper[:-1], *below)), *rows[sub + 1 :]]


_MAX_CAPTIONED = 120  # the longest header cell (`tables._not_header_cell`)


_DASHES = re.compile(r"-{3,}")


def _bounds(rule: str) -> list[int]:
    """The positions of a rule line's crossings («+-----+---+»): the column boundaries."""
    return [i for i, ch in enumerate(rule.strip()) if ch in "+|"]


def _marked(lines: list[str], start: int) -> tuple[Rows, int] | None:
    """One cell per line with pipe marks: closing («текст |») or opening («| текст», «|» ends a row)."""
    closing = [ln.rstrip().endswith("|") for ln in lines[start : start + 12]]
    opening = [ln.lstrip().startswith("|") for ln in lines[start : start + 12]]
    split = lines[start].strip() in _NUMBER_MARKS and start + 1 < len(lines)  # «N» / «п/п |»
    opens = lines[start + 1 if split else start].rstrip().endswith("|")
    if sum(closing) >= 3 and opens and not lines[start].lstrip().startswith("|"):
        return _closing(lines, start)
    if _separated(lines, start):
        return _between_bars(lines, start)
    if sum(opening) >= 3 and any(ln.strip() == "|" for ln in lines[start : start + 30]):
        return _opening(lines, start)
    return None


_NUMBER_MARKS = ("N", "№", "NN", "№№")


def _separated(lines: list[str], start: int) -> bool:
    """Header cells each followed by a line holding one mark alone: «N п/п» / «|» / «Сроки» / «|» …;
    every cell up to the first row's number or heading names a column (a header of unknown columns
    «ГРБС» / «Сумма» is not rebuilt by a guess at its width)."""
    opening = lines[start].strip()  # the header's first cell, not a title above it («План мероприятий»)
    closed = start + 1 < len(lines) and lines[start + 1].strip() == "|"
    # «N» / «п/п» / «|»: a number column's header over two lines
    split = opening in _NUMBER_MARKS and start + 2 < len(lines) and lines[start + 2].strip() == "|"
    if not ((closed and (_names_column(opening) or _number_cell(opening))) or split):
        return False
    texts = [t for _, t, _ in _bar_cells(lines, start, limit=12)[0]]
    width = _header_width(texts)
    after = texts[width] if width < len(texts) else ""
    return width >= 3 and bool(re.search(r"\d", after) or re.match(r"[IVX]+\.?(?:\s|$)", after))


# A Garant cell is one long line, or a few where its text wraps: more lines is the text after the table.
_CELL_LINES = 3


def _bar_cells(lines: list[str], start: int, limit: int = 0) -> tuple[list[tuple[int, str, bool]], int]:
    """(line, text, closed by a run of marks) of each cell between lone marks, and the line after them;
    «|» with nothing before it is an empty cell, «| |||||» after a cell closes a heading row."""
    cells: list[tuple[int, str, bool]] = []
    parts: list[str] = []
    first = end = start
    for n in range(start, len(lines)):
        line = lines[n].strip()
        marks = bool(line) and not line.strip("| ")
        if marks and parts:
            cells.append((first, join_cell_lines(parts), line != "|"))
            parts, end = [], n + 1
            if limit and len(cells) >= limit:
                break
        elif marks:
            if line == "|":
                cells.append((n, "", False))
            end = n + 1
        elif not line or "|" in line or len(parts) == _CELL_LINES:
            break
        else:
            first = n if not parts else first
            parts.append(line)
    return cells, end


def _between_bars(lines: list[str], start: int) -> tuple[Rows, int] | None:
    """Cells between lone marks; the header's width makes the rows."""
    cells, end = _bar_cells(lines, start)
    headings = {k for k, (_, _, run) in enumerate(cells) if run}
    return _by_header([(n, t) for n, t, _ in cells], start, end, headings, bare=True)


_BAR = "|"  # a line holding one mark alone, until _bars says what it is


def _bars(cells: list[tuple[int, str] | None]) -> list[tuple[int, str] | None]:
    """One mark alone on a line ends a row where the copy ends rows so (right after the header's
    cells, or in a key–value passport with no header); where the header runs on into the rows
    without one, it closes an empty cell (193: «Корректировка плана |» left blank in every row)."""
    texts = [c[1] if c else None for c in cells]
    width = 0
    while width < len(texts) and texts[width] not in (None, _BAR) and _names_column(texts[width]):
        width += 1
    header = width >= 2 and columns.known_roles(tuple(texts[:width])) >= 2
    empty_cells = header and width < len(texts) and texts[width] != _BAR
    # «Срок |» / «|» / «Ожидаемый результат |»: a mark between the header's names is the empty cell a
    # merged header cell leaves, so this copy marks an empty cell of a row the same way (434)
    after = texts[width : width + 2]
    inner = header and after[:1] == [_BAR] and len(after) == 2 and _names_column(after[1] or "")
    rows_from = next((k for k, t in enumerate(texts) if t not in (None, _BAR) and ITEM_NUMBER.match(t)), len(texts))

    def read(k: int, c: tuple[int, str] | None) -> tuple[int, str] | None:
        if c is None or c[1] != _BAR:
            return c
        return (c[0], "") if empty_cells or (inner and k > rows_from) else None

    return [read(k, c) for k, c in enumerate(cells)]


def _closing(lines: list[str], start: int) -> tuple[Rows, int] | None:
    """Cells closed by «|»; a line of pipes alone («|||||||») ends a row when the copy keeps them,
    otherwise the header's width does, and a cell where a row's number should be is a heading row."""
    cells: list[tuple[int, str] | None] = []  # None: an explicit end of row
    parts: list[str] = []
    first = start
    end = start
    for n in range(start, len(lines)):
        line = lines[n].strip()
        if not parts:
            first = n
        if line and not line.strip("| "):  # a line of marks ends a row (one mark alone: see below)
            cells.append(None if line != "|" else (n, _BAR))
            end = n + 1
        elif line.endswith("|"):
            parts.append(line[:-1].strip())
            cells.append((first, join_cell_lines(parts)))
            parts = []
            end = n + 1
        elif line and (
            _reaches_bar(lines, n + 1, 1)
            or (len(line) <= _WRAPPED and _reaches_bar(lines, n + 1, _CELL_RUN) and _under_header(cells))
        ):
            parts.append(line)  # a cell running over two lines, or over more in short ones under a header
        else:
            break
    cells = _bars(cells)
    while cells and cells[-1] is None:  # a closing line of pipes under the table
        cells.pop()
    first_row = [c for _, c in cells[: cells.index(None)]] if None in cells else []
    if None in cells and columns.known_roles(tuple(first_row)) < 2:
        # Row ends kept by the copy («|||||») group a key–value passport's rows. A table with a
        # header is read from its header below: merged cells leave row ends of their own.
        rows: Rows = []
        row: list[tuple[int, str]] = []
        for cell in [*cells, None]:
            if cell is None:
                if row:
                    rows.append((row[0][0], tuple(c for _, c in row)))
                row = []
            else:
                row.append(cell)
        for k in range(2, len(rows)):
            # A run of many cells after rows of few: the next table, whose header has no row end
            # of its own («Раздел 4 …» / «N п/п |» / «Наименование |» … under a key–value passport).
            if len(rows[k][1]) >= 4 and len(rows[k][1]) > 2 * max(len(r) for _, r in rows[:k]):
                rows, end = rows[:k], rows[k][0]
                break
        return (rows, end) if sum(len(r) >= 2 for _, r in rows) >= 2 else ([], end)
    return _by_header([c for c in cells if c], start, end)


# A closed cell of a mirror's copy runs over as many lines as its column is narrow («Центр
# экономических и / социальных исследований / … |»: 15 lines in 313).
_CELL_RUN = 20
_WRAPPED = 60


def _under_header(cells: list[tuple[int, str] | None]) -> bool:
    """The cells read so far open with a header naming two columns or more (not a passport's keys)."""
    opening = tuple(c[1] for c in cells[:6] if c)
    return columns.known_roles(opening) >= 2 and columns.header_role(opening[0])[0] == "number"


def _reaches_bar(lines: list[str], start: int, limit: int) -> bool:
    """A line closing a cell with «|» follows within `limit` lines, with no blank line, no line of
    marks, no other mark and no long line before it (a narrow column wraps its text in short lines;
    a line of a page's width is a cell or a paragraph of its own)."""
    for line in lines[start : start + limit]:
        line = line.strip()
        if not line or "|" in line[:-1] or not line.strip("| ") or (limit > 1 and len(line) > _WRAPPED):
            return False
        if line.endswith("|"):  # a row's number or a header's («N п/п |») opens what follows a title
            return limit == 1 or (len(line) <= _WRAPPED and not _number_cell(line[:-1].strip()))
    return False


def _by_header(
    texts: list[tuple[int, str]], start: int, end: int, headings: set[int] = frozenset(), bare: bool = False
) -> tuple[Rows, int] | None:
    """Rows of cells given in reading order: the header fixes the width; where a row's number should
    stand and another cell does, that cell is a heading row, and so is a cell the copy closed as one
    (`headings`); with `bare`, an empty cell there is a row without a number."""
    width = _header_width([c for _, c in texts])
    if width < 2:
        return ([], end) if end > start else None
    numbered = _number_cell(texts[0][1])
    header, k = _spanned_header([c for _, c in texts], width)
    rows = [(texts[0][0], header)]
    width = len(header)
    while k < len(texts):
        if k in headings or (numbered and (texts[k][1] or not bare) and not _number_cell(texts[k][1])):
            rows.append((texts[k][0], (texts[k][1],)))  # «1. Основное мероприятие …»: a heading row
            k += 1
            continue
        rows.append((texts[k][0], tuple(c for _, c in texts[k : k + width])))
        k += width
    return rows, end


def _spanned_header(cells: list[str], width: int) -> tuple[tuple[str, ...], int]:
    """The header's cells and where the rows start. A two-row header flattened one cell per line
    prints the lower row's cells after the upper row: «Срок» / … / «начала реализации» / «окончания
    реализации». Those lower-case cells split the upper «Срок» (or the last cell, if none is a
    deadline) into «Срок начала реализации» | «Срок окончания реализации», and a lower row of
    years splits the money cell («Объем финансирования 2019 год» …), when the column-number row
    below («1» … «9»), if there is one, counts as many columns."""
    top = list(cells[:width])
    printed: list[str] = []
    while width + len(printed) < len(cells) and (
        cells[width + len(printed)][:1].islower() or YEAR_CELL.match(cells[width + len(printed)])
        or (printed and not cells[width + len(printed)])  # the empty cell beside «в том числе» (127)
    ):
        printed.append(cells[width + len(printed)])
    after = width + len(printed)
    sub = [c for c in printed if c and not _IN_THAT.fullmatch(c)]  # «в том числе» heads the budgets after «всего»
    numbers = 0
    while after + numbers < len(cells) and cells[after + numbers] == str(numbers + 1):
        numbers += 1
    if len(sub) < 2 or (numbers >= 3 and numbers != width - 1 + len(sub)):
        return tuple(top), width
    years = [c for c in sub if not _TOTAL_CELL.fullmatch(c)]
    if years and all(MONEY_PART.match(c) for c in years):  # «Объем финансирования» over «всего | 2019 год | …»
        spread = spread_header(tuple(top), tuple(sub), width - 1 + len(sub))
        return (spread, after) if spread else (tuple(top), width)
    span = next((i for i, c in enumerate(top) if columns.header_role(c)[0] == "deadline"), len(top) - 1)
    header = top[:span] + [f"{top[span]} {s}" for s in sub] + top[span + 1 :]
    return tuple(header), after


_TOTAL_CELL = re.compile(r"(?i)всего|итого|в\s+т(?:ом)?\.?\s*ч(?:исле)?\.?")  # the money column's total
_IN_THAT = re.compile(r"(?i)в\s+т(?:ом)?\.?\s*ч(?:исле)?\.?:?")


def _opening(lines: list[str], start: int) -> tuple[Rows, int] | None:
    rows: Rows = []
    row: list[list[str]] = []
    first = start
    end = start
    n = start
    while n < len(lines):
        line = lines[n].strip()
        if line == "|":
            if row:
                rows.append((first, tuple(join_cell_lines(c) for c in row)))
            row = []
            end = n + 1
            n += 1
            continue
        if line.startswith("|"):
            if not row:
                row, first = [[]], n
            row.append([line[1:].strip()] if line[1:].strip() else [])
        elif row and len(row) > 1:
            row[-1].append(line)
        else:
            # Text before a row's first mark: its number cell (the last short line) and, above it,
            # heading rows of their own («1. Повышение качества …»).
            nxt = next((m for m in range(n, min(n + 4, len(lines))) if lines[m].lstrip().startswith("|")), None)
            if nxt is None:
                break
            head = [ln.strip() for ln in lines[n:nxt] if ln.strip()]
            if not rows and not all(_number_cell(h) for h in head):
                return None  # text above the table is not its first cell: the table starts further down
            split = len(head) - 1 if head and _number_cell(head[-1]) else len(head)
            for k, heading in enumerate(head[:split]):
                rows.append((n + k, (heading,)))
            row, first = [head[split:]], n
            n = nxt
            continue
        n += 1
    if not rows or not any(len(r) >= 2 for _, r in rows) or columns.known_roles(rows[0][1]) < 2:
        return None
    return rows, end


def _unmarked(lines: list[str], start: int) -> tuple[Rows, int] | None:
    """A header of short lines naming columns, then rows that each open with a number."""
    width = 0
    while start + width < len(lines) and width < 9:
        cell = lines[start + width].strip()
        if not _names_column(cell):
            break
        width += 1
    if columns.header_role(lines[start].strip())[0] != "number":
        return None
    if width < 3:
        return _listed(lines, start)
    header = tuple(ln.strip() for ln in lines[start : start + width])
    n = start + width
    # «Срок» over «начала реализации» / «окончания реализации»: the lower row's cells printed after the
    # upper row's, then the column numbers «1» … «8», which give the width (440)
    lower = 0
    while lower < 4 and n + lower < len(lines) and not counted(lines, n + lower):
        if len(lines[n + lower].strip()) > _MAX_HEADER_CELL:
            break
        lower += 1
    numbered = counted(lines, n + lower)
    if lower >= 2 and numbered == width + lower - 1:
        spread = _over(header, tuple(ln.strip() for ln in lines[n : n + lower]), numbered)
        if spread:
            header, width, n = spread, numbered, n + lower + numbered
    rows: Rows = [(start, header)]
    # a column linking rows to indicators holds numbers too («1.3, 1.4, 1.5», «1.6»): no row's number there
    links = {k for k, cell in enumerate(header) if columns.header_role(cell)[0] == "note"}
    while n < len(lines):
        line = lines[n].strip()
        if ITEM_NUMBER.match(line) and n + width <= len(lines):
            cells, end = _row_cells(lines, n, width, links)
            numbered = [k for k, c in enumerate(cells) if k and k not in links and ITEM_NUMBER.match(c)]
            if numbered and not all(ITEM_NUMBER.match(c) for c in cells):
                break
            rows.append((n, cells))
            n = end
        elif line and len(line) <= 150 and n + 1 < len(lines) and ITEM_NUMBER.match(lines[n + 1].strip()):
            rows.append((n, (line,)))  # a heading row: «Этап II. Основной (2021 – 2024 гг.)»
            n += 1
        elif line and len(rows) > 1 and len(rows[-1][1]) == width and _before_section(lines, n + 1):
            # the last cell's next line («… 11 выездов из 12.» / «Выезд … перенесен …») before a section
            at, cells = rows[-1]
            rows[-1] = (at, (*cells[:-1], f"{cells[-1]} {line}"))
            n += 1
        else:
            break
    if len(rows) < 3:
        return None
    return rows, n


def _over(upper: tuple[str, ...], sub: tuple[str, ...], width: int) -> tuple[str, ...] | None:
    """A two-row header printed row after row, whose upper row has one cell over the lower row's
    cells: the amount's (see `spread_header`) or the deadline's."""
    spread = spread_header(upper, sub, width)
    if spread is None:
        at = next((i for i, c in enumerate(upper) if columns.header_role(c)[0] == "deadline"), None)
        spread = None if at is None else (*upper[:at], *(f"{upper[at]} {c}" for c in sub), *upper[at + 1 :])
    return spread if spread and len(spread) == width else None


def _before_section(lines: list[str], n: int) -> bool:
    """Does line `n` head a section of numbered rows: «2. Работа с кадрами» over a row numbered «2.1»?"""
    if n + 1 >= len(lines):
        return False
    head, row = lines[n].strip(), lines[n + 1].strip()
    number = re.match(r"(\d{1,2})\.\s+\S", head)
    return bool(number) and len(head) <= 150 and ITEM_NUMBER.match(row) is not None and row.startswith(number[1] + ".")


def _listed(lines: list[str], start: int) -> tuple[Rows, int] | None:
    """A list that is no plan, one cell per line: «N п/п» / «Муниципальное образование» /
    «Наименование общеобразовательной организации», then «1» / «Курский район» / «МКОУ …». Its
    header names no known column, so it is taken only when every row has all its cells and the
    rows are numbered 1, 2, 3 …: each row then stays one item instead of a paragraph per cell."""
    width = 1
    while width < 6 and start + width < len(lines):
        cell = lines[start + width].strip()
        if not cell or len(cell) > _MAX_HEADER_CELL or re.search(r"\d", cell) or cell.endswith((".", ":", ";")):
            break
        width += 1
    rows: Rows = [(start, tuple(ln.strip() for ln in lines[start : start + width]))]
    n = start + width
    while n < len(lines) and lines[n].strip().rstrip(".") == str(len(rows)):
        cells = tuple(ln.strip() for ln in lines[n : n + width])
        if len(cells) < width or any(not c or ITEM_NUMBER.match(c) or _SENTENCE.search(c) for c in cells[1:]):
            break  # a row short of a cell, or prose after the list, ends it
        rows.append((n, cells))
        n += width
    # A header no column word names («N п/п | ФИО | Должность») is left as text, its list too.
    if width < 2 or len(rows) < 4 or not is_header(rows[0][1]):  # the header and three rows at least
        return None
    return rows, n


# A sentence, not a list's cell: «Руководителям школ обеспечить участие в семинаре.»
_SENTENCE = re.compile(r"\s\S+\s\S+.*[.!?]$")


def _row_cells(
    lines: list[str], start: int, width: int, links: set[int] | frozenset[int] = frozenset()
) -> tuple[tuple[str, ...], int]:
    """The cells of a row that opens with a number, and the line after it: `width` cells, or fewer
    when the next row's number or a section heading comes first (a row with an empty last cell has
    fewer lines). A line after one ending in «,» or «и» carries on its cell («отдел образования,» /
    «руководители РМО»), at most a few lines, never a numbered line."""
    number = lines[start].strip()
    cells: list[list[str]] = [[number]]
    k = start + 1
    while k < len(lines):
        nxt = lines[k].strip()
        carries = len(cells) > 1 and _carries_on(cells[-1][-1]) and len(cells[-1]) <= _CARRIED_LINES
        if len(cells) >= width and not carries:
            break
        # a number where a column of links to indicators stands is its cell («2.4»), not the next row's
        next_row = ITEM_NUMBER.match(nxt) and (carries or _follows(number, nxt)) and len(cells) not in links
        if len(cells) >= 2 and (next_row or _ROMAN_SECTION.match(nxt) or _before_section(lines, k)):
            break
        if carries and nxt:
            cells[-1].append(nxt)
        else:
            cells.append([nxt])
        k += 1
    joined = tuple(" ".join(parts) for parts in cells)
    return joined + ("",) * (width - len(joined)), k


def _carries_on(line: str) -> bool:
    return line.endswith(",") or line.endswith(" и")


def _follows(number: str, nxt: str) -> bool:
    """Is `nxt` a number the row after row `number` may carry: «5.» → «6.», «1.3» → «1.4» or «2.»."""
    a = [int(x) for x in number.strip(".").split(".")]
    b = [int(x) for x in nxt.strip(".").split(".")]
    return any(b[:level] == [*a[: level - 1], a[level - 1] + 1] for level in range(1, len(a) + 1)) or b == [*a, 1]


def _number_cell(text: str) -> bool:
    """What a row's first cell holds before its first mark: its number, or the number column's header."""
    return bool(ITEM_NUMBER.match(text) or NUMBER_HEADER.fullmatch(text))


def _names_column(cell: str) -> bool:
    """A short line naming a column: «Сроки проведения», «№ п/п»; no digits (a heading has years)
    but a money column's year («Объем финансового обеспечения на 2019 год, тыс. рублей», 434), no
    section numbering («I. Нормативное и организационное обеспечение» heads the first rows)."""
    if not cell or len(cell) > _MAX_HEADER_CELL or _SECTION_NUMBER.match(cell):
        return False
    if re.search(r"\d", cell) and not MONEY_HEADER.search(cell):
        return False
    return bool(columns.header_role(cell)[0]) or cell in ("№", "N")


def _header_width(cells: list[str]) -> int:
    """How many leading cells name a column."""
    width = 0
    for c in cells:
        if not _names_column(c):
            break
        width += 1
    return width if columns.known_roles(tuple(cells[:width])) >= 2 else 0


def _piped(lines: list[str], start: int) -> tuple[Rows, int] | None:
    """Cells joined by «|» in running text, as regional portals copy a table: a row per line
    («1.3 | Закрепление … | министерство …, |» with the cell's next line below it), or a cell per
    line joined by « |» / «| » («4.1. |», «| Проведение … |», «| ноябрь 2019 г.»). A line opening
    with a number starts a row; text where a cell is still open runs on in it; text after a full
    row is a heading row."""
    nxt = next((ln.strip() for ln in lines[start + 1 : start + 3] if ln.strip()), "")
    joined = lines[start].rstrip().endswith("|") and nxt.startswith("|") and nxt.strip("| ")
    if not (_INNER_PIPE.search(lines[start]) or joined):
        return None
    end = start
    while end < len(lines):
        if "|" in lines[end] or (not lines[end].strip() and end + 1 < len(lines) and "|" in lines[end + 1]):
            end += 1
        elif lines[end].strip() and end + 1 < len(lines) and "|" in lines[end + 1]:
            end += 1  # a wrapped cell's line, or a heading row between rows
        else:
            break
    if sum(1 for ln in lines[start:end] if "|" in ln) < 3:
        return None
    rows: list[tuple[int, list[str]]] = []
    open_cell = False  # the last cell of the last row has not been closed by «|»
    width = 0
    for n in range(start, end):
        line = lines[n].strip()
        if not line:
            continue
        pieces = [p.strip() for p in line.split("|")]
        lead = pieces[0]
        new_row = not rows or bool(lead and ITEM_NUMBER.match(lead))
        if rows and not new_row and not line.startswith("|"):
            if width:  # a row is full with the header's cells; its open last cell runs on into a
                # lone fragment, not into a line of cells
                new_row = len(rows[-1][1]) >= width and (not open_cell or line.count("|") >= 2)
            else:  # the header ends where a line no longer names a column
                new_row = not _names_column(lead)
        if new_row:
            if rows and not width:
                width = len(rows[0][1])
            rows.append((n, []))
            open_cell = False
        cells = rows[-1][1]
        for k, piece in enumerate(pieces):
            if k == 0 and line.startswith("|"):
                open_cell = False
                continue
            if k == 0 and open_cell and cells:
                cells[-1] = join_cell_lines([cells[-1], piece])
            elif k < len(pieces) - 1 or piece:
                cells.append(piece)
        open_cell = not line.endswith("|")
    header = tuple(rows[0][1])
    if columns.known_roles(header) < 2 and not all(len(c) == 2 for _, c in rows):
        return [], end
    return [(n, tuple(c)) for n, c in rows], end


_INNER_PIPE = re.compile(r"[^\s|]\s*\|\s*[^\s|]")
