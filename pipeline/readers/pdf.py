"""PDF via pdfplumber (on pdfminer.six): tables as rows of cells, other text as lines.

Ruled tables come from pdfplumber's line detection; tables without rules from the positions
of the words (`pdf_columns`). Each page yields its text lines and table rows merged top to
bottom, so a table that runs over several pages arrives as rows separated by the next page's
header and footer lines, exactly like the TXT exports; segmentation repairs both the same way.
"""

from __future__ import annotations

import io
import logging
import re

from pipeline import config
from pipeline.readers import pdf_columns
from pipeline.readers.errors import ReadError
from pipeline.records import Block, Position

logging.getLogger("pdfminer").setLevel(logging.ERROR)


def read(data: bytes) -> list[Block]:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = _page_count(pdf)
            if pages > config.MAX_PAGES:
                raise ReadError(
                    f"превышен предел: {pages:,} страниц (не больше {config.MAX_PAGES:,}, PRAKTIKA_MAX_PAGES)"
                )
            blocks: list[Block] = []
            chars = 0
            table_no = 0
            for page_no, page in enumerate(pdf.pages, start=1):
                if page_no > config.MAX_PAGES:
                    raise ReadError(f"превышен предел: больше {config.MAX_PAGES:,} страниц (PRAKTIKA_MAX_PAGES)")
                _check_drawing(page, page_no)
                chars += len(page.chars)
                page_blocks, table_no = _page_blocks(page, page_no, table_no)
                blocks.extend(page_blocks)
                page.close()  # pdfplumber caches each page's objects: a long PDF must not keep them all
    except ReadError:
        raise
    except Exception as e:
        raise ReadError(_reason(e)) from None
    if not chars:
        raise ReadError("нет текстового слоя (скан?)")
    return blocks


def _page_count(pdf) -> int:
    """The page count the catalog declares (instant), or the pages counted when it declares none."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
        if isinstance(count, int) and count >= 0:
            return count  # a lying count is caught page by page in `read`
    except (KeyError, TypeError, AttributeError):
        pass
    return len(pdf.pages)


def _check_drawing(page, page_no: int) -> None:
    """Refuse a page whose drawing instructions unpack to more than config allows, before
    pdfminer spends minutes laying out millions of glyphs packed into a few kilobytes."""
    from pdfminer.pdftypes import resolve1

    size = 0
    for stream in page.page_obj.contents or ():
        data = resolve1(stream).get_data()
        size += len(data or b"")
    if size > config.MAX_PAGE_STREAM:
        raise ReadError(
            f"превышен предел: страница {page_no} рисуется командами в {size / 2**20:.0f} МБ "
            f"(не больше {config.MAX_PAGE_STREAM // 2**20} МБ, PRAKTIKA_MAX_PAGE_STREAM_MB)"
        )


def _page_blocks(page, page_no: int, table_no: int) -> tuple[list[Block], int]:
    placed: list[tuple[float, Block]] = []
    boxes = []
    edges: list[tuple[tuple[float, float, float, float], list[float]]] = []  # ruled tables' column edges
    for table in page.find_tables():
        boxes.append(table.bbox)
        edges.append((table.bbox, sorted({round(c[0], 1) for c in table.cells})))
        for r, (row, cells) in enumerate(zip(table.rows, table.extract(), strict=False)):
            texts = tuple(_clean(c) for c in cells)
            if any(texts):
                pos = Position(page=page_no, table=table_no, row=r)
                placed.append((row.bbox[1], Block("\t".join(texts), texts, pos)))
        table_no += 1
    words = [
        w
        for w in page.extract_words(x_tolerance=1.5, y_tolerance=2)
        if not any(
            x0 <= w["x0"] <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom for x0, top, x1, bottom in boxes
        )
    ]
    lines = pdf_columns.lines_of(words) if words else []
    in_table: set[int] = set()
    # A row cut by a page break loses its rules: its halves hang below the last table of one page
    # and above the first table of the next.
    for (bbox, columns), below in ((edges[-1], True), (edges[0], False)) if edges else ():
        hanging = pdf_columns.hanging_row(lines, bbox, columns, below)
        if hanging and not in_table & {id(ln) for ln in hanging[0]}:
            rows_lines, cells = hanging
            in_table.update(id(ln) for ln in rows_lines)
            placed.append((rows_lines[0].top, Block("\t".join(cells), cells, Position(page=page_no))))
    for region in pdf_columns.find_tables([ln for ln in lines if id(ln) not in in_table]):
        in_table.update(id(ln) for ln in region.lines)
        for r, (top, cells) in enumerate(region.rows):
            if any(cells):
                pos = Position(page=page_no, table=table_no, row=r)
                placed.append((top, Block("\t".join(cells), cells, pos)))
        table_no += 1
    for n, line in enumerate(lines, start=1):
        text = line.text.strip()
        if text and id(line) not in in_table:
            placed.append((line.top, Block(text, (), Position(page=page_no, line=n))))
    placed.sort(key=lambda p: p[0])
    return _join_wrapped([b for _, b in placed]), table_no


def _join_wrapped(blocks: list[Block]) -> list[Block]:
    """A text line starting in lower case continues the line above (a wrapped sentence)."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        spaced = re.match(r"^(?:[а-яё] ){3,}", b.text)  # «п р и к а з ы в а ю» stands alone
        if prev and not prev.is_row and not b.is_row and b.text[:1].islower() and not spaced:
            out[-1] = Block(f"{prev.text} {b.text}", (), prev.pos)
        else:
            out.append(b)
    return out


def _clean(cell: str | None) -> str:
    return " ".join((cell or "").split())


def _reason(e: Exception) -> str:
    causes = [e, e.__cause__, e.__context__, *getattr(e, "args", ())]
    text = " ".join(f"{type(c).__name__} {c}" for c in causes if c is not None).lower()
    if "password" in text or "encrypt" in text:
        return "зашифрованный PDF (защищён паролем)"
    return f"повреждённый или обрезанный PDF ({type(e).__name__})"
