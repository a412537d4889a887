"""Plain text made from DOCX/PDF: tab-separated lines are table rows.

Three table layouts occur: one row per line with cells joined by tabs (most seeds), one cell
per line, each cell opened by a tab and running on over untabbed lines (002), and columns
aligned by spaces (legal-database copies, `aligned`). The last two are rebuilt into rows here,
so segmentation sees one layout.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter

from charset_normalizer import from_bytes

from pipeline.patterns import NAME_ONLY
from pipeline.readers import aligned
from pipeline.readers.errors import ReadError
from pipeline.records import Block, Position
from pipeline.text import ITEM_NUMBER

# Cyrillic letters as UTF-8: lead byte D0/D1 and one continuation byte.
_UTF8_CYRILLIC = re.compile(rb"[\xd0\xd1][\x80-\xbf]")
_NUMBERED_HEADING = re.compile(r"^\d+(\.\d+)*\.?\s+\S")


def decode(data: bytes) -> str:
    """Decode with a BOM, strict UTF-8, or a detected 8-bit Cyrillic code page."""

    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf8_pairs = len(_UTF8_CYRILLIC.findall(data))
    high = sum(1 for b in data if b >= 0x80)
    if utf8_pairs * 2 > high * 0.2:
        raise ReadError("смешанные кодировки: часть файла в UTF-8, часть в другой кодировке")
    best = from_bytes(data, cp_isolation=["cp1251", "koi8_r", "cp866", "mac_cyrillic"]).best()
    if best is None:
        raise ReadError("неизвестная кодировка текста")
    return str(best)


def read(data: bytes) -> list[Block]:
    lines = decode(data).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if _one_cell_per_line(lines):
        return _regroup(lines)
    blocks: list[Block] = []
    para: list[str] = []
    start = 0
    table_end = tried = 0  # lines up to these: an aligned table's; tried as one
    for n, line in enumerate([*lines, ""], start=1):
        if n <= table_end:
            continue
        table = None
        if n > tried and "  " in line.strip() and "\t" not in line:
            table = aligned.find(lines, n - 1)
        if table and not table[0]:  # a run of lines that only looked like a table: text
            tried = table[1]
        elif table:
            if para:
                blocks.append(Block("\n".join(para), (), Position(line=start)))
                para = []
            rows, table_end = table
            blocks += [Block("\t".join(cells), cells, Position(line=at + 1)) for at, cells in rows]
            continue
        if line.strip() and "\t" not in line:
            if not para:
                start = n
            para.append(line.strip())
            continue
        if para:  # consecutive untabbed lines form one paragraph
            blocks.append(Block("\n".join(para), (), Position(line=start)))
            para = []
        if "\t" in line:
            blocks.append(Block(line, tuple(c.strip() for c in line.split("\t")), Position(line=n)))
    return _mend_broken_rows(blocks)


def _mend_broken_rows(blocks: list[Block]) -> list[Block]:
    """A table copied from a browser keeps the line breaks inside its cells: «1.1 <tab> Анкетирование
    … <tab> сентябрь» / «2022 <tab> Педагог-психолог <tab> Справка». A row shorter than the others
    runs on into the next line, which continues its last cell, while the cells add up to no more
    than the rows' width; a line opening with a number starts a row of its own. Lines above the
    table's header (a letterhead in two languages, a site's contacts) run on into nothing."""
    header = next((b for b in blocks if sum(bool(c) for c in b.cells) >= 3), None)
    if header is None:
        return blocks
    # The rows' width: the header's, or the numbered rows' when wider (a header whose merged cells
    # were dropped is narrower than its rows).
    numbered = Counter(len(b.cells) for b in blocks if b.is_row and ITEM_NUMBER.match(b.cells[0]))
    width = max(len(header.cells), max(numbered, key=lambda w: (numbered[w], w), default=0))
    out: list[Block] = []
    last_line = 0
    below_header = False
    for b in blocks:
        prev = out[-1] if out else None
        runs_on = (
            below_header
            and prev is not None
            and prev is not header
            and b.is_row
            and prev.is_row
            and b.pos.line == last_line + 1
            and len(prev.cells) < width
            and len(prev.cells) + len(b.cells) - 1 <= width
            and not ITEM_NUMBER.match(b.cells[0])
        )
        first, _, rest = b.text.partition("\n")
        # «4 <tab> Оформление стенда <tab> <tab> Пономарева Л.А.» / «Малышева О.С.»: a second executor
        # (or a cell's lower-case rest) on a line of its own, with no tab, under a full row (482)
        name_on = (
            below_header
            and prev is not None
            and prev is not header
            and prev.is_row
            and not b.is_row
            and b.pos.line == last_line + 1
            and len(prev.cells) == width
            and bool(prev.cells[-1])
            and (bool(NAME_ONLY.match(first.strip())) or first[:1].islower())
        )
        if runs_on:
            head, tail = prev.cells, b.cells
            cells = (*head[:-1], f"{head[-1]} {tail[0]}".strip(), *tail[1:])
            out[-1] = Block("\t".join(cells), cells, prev.pos)
        elif name_on:
            cells = (*prev.cells[:-1], f"{prev.cells[-1]}\n{first.strip()}")
            out[-1] = Block("\t".join(cells), cells, prev.pos)
            if rest.strip():
                out.append(Block(rest, (), Position(line=b.pos.line + 1)))
        else:
            out.append(b)
        below_header = below_header or b is header
        last_line = b.pos.line + b.text.count("\n")
    return out


def _one_cell_per_line(lines: list[str]) -> bool:
    tabbed = [ln for ln in lines if "\t" in ln]
    single = [ln for ln in tabbed if ln.lstrip(" ").startswith("\t") and ln.count("\t") == 1]
    return len(single) >= 6 and len(single) >= 0.8 * len(tabbed)


def _regroup(lines: list[str]) -> list[Block]:
    """Rebuild rows from cells: the first run of tabbed lines is the header and fixes the width.

    A cell holding a numbered heading («1.1. Создание …») stands alone as a row, and the
    empty cells that pad it out are swallowed.
    """
    blocks: list[Block] = []
    cells: list[tuple[int, list[str]]] = []  # (line, text lines) of the current row
    width = 0
    swallow = 0

    def flush() -> None:
        if cells:
            texts = tuple(_join_lines(t) for _, t in cells)
            texts += ("",) * (width - len(texts))
            blocks.append(Block("\t".join(texts), texts, Position(line=cells[0][0])))
            cells.clear()

    for n, line in enumerate(lines, start=1):
        is_cell = line.lstrip(" ").startswith("\t")
        if not width:
            if is_cell:
                cells.append((n, [line.strip()]))
                continue
            if cells:  # header run ended
                width = len(cells)
                flush()
            elif line.strip():
                last = blocks[-1] if blocks else None
                if last and not last.is_row and last.pos.line + last.text.count("\n") == n - 1:
                    blocks[-1] = Block(f"{last.text}\n{line.strip()}", (), last.pos)
                else:
                    blocks.append(Block(line.strip(), (), Position(line=n)))
                continue
            else:
                continue
        if not is_cell:
            if line.strip() and cells:
                cells[-1][1].append(line.strip())
            elif line.strip():
                blocks.append(Block(line.strip(), (), Position(line=n)))
            continue
        text = line.strip()
        if len(cells) == width:
            flush()
        if swallow and not text:
            swallow -= 1
            continue
        swallow = 0
        if not cells and _NUMBERED_HEADING.match(text):
            cells.append((n, [text]))
            flush()
            swallow = width - 1
            continue
        cells.append((n, [text]))
    if not width and cells:
        width = len(cells)
    flush()
    return blocks


def _join_lines(lines: list[str]) -> str:
    """A line that starts in lower case continues the sentence; others start a new line."""
    text = lines[0]
    for line in lines[1:]:
        text += (" " if line[:1].islower() else "\n") + line
    return text.strip()
