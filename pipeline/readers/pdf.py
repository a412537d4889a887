"""PDF via pdfplumber (on pdfminer.six): tables as rows of cells, other text as lines.

Ruled tables come from pdfplumber's line detection; tables without rules from the positions
of the words (`pdf_columns`). Each page yields its text lines and table rows merged top to
bottom, so a table that runs over several pages arrives as rows separated by the next page's
header and footer lines, exactly like the TXT exports; segmentation repairs both the same way.

A page without a text layer that is mostly image is a scan: it is read by OCR (`ocr`), which
hands back words and ruled tables in the same terms, page by page, so a PDF whose first page
was typed and whose annex was scanned reads as one document. Blocks from scans carry the
page's OCR confidence in their position.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field

from pipeline import config
from pipeline.readers import ocr, pdf_columns
from pipeline.readers.errors import ReadError
from pipeline.readers.pdf_columns import RuledTable
from pipeline.records import Block, Position
from pipeline.text import ITEM_NUMBER, is_footer, join_cell_lines

logging.getLogger("pdfminer").setLevel(logging.ERROR)


def read(data: bytes, on_page: ocr.PageProgress | None = None) -> list[Block]:
    """The PDF's blocks; `on_page` hears how OCR of its scanned pages goes (pages read, pages to read)."""
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = _page_count(pdf)
            if pages > config.MAX_PAGES:
                raise ReadError(
                    f"превышен предел: {pages:,} страниц (не больше {config.MAX_PAGES:,}, PRAKTIKA_MAX_PAGES)"
                )
            for page_no, page in enumerate(pdf.pages, start=1):  # before pdfium or pdfminer lay anything out
                if page_no > config.MAX_PAGES:
                    raise ReadError(f"превышен предел: больше {config.MAX_PAGES:,} страниц (PRAKTIKA_MAX_PAGES)")
                _check_drawing(page, page_no)
            scans = _scans(data, scanned_pages(data), on_page)
            blocks: list[Block] = []
            chars = 0
            flow = Flow()
            for page_no, page in enumerate(pdf.pages, start=1):
                scan = scans.get(page_no - 1)
                chars += len(page.chars) + (sum(len(w["text"]) for w in scan.words) if scan else 0)
                page_blocks = _page_blocks(page, page_no, flow, scan)
                blocks.extend(page_blocks)
                page.close()  # pdfplumber caches each page's objects: a long PDF must not keep them all
    except ReadError:
        raise
    except Exception as e:
        raise ReadError(_reason(e)) from None
    if scans and not chars:
        raise ReadError("скан без текста: ни текстового слоя, ни распознаваемых слов (пустые страницы или фото?)")
    if not chars:
        raise ReadError("нет текста: ни текстового слоя, ни сканированных страниц")
    confident = [s.confidence for s in scans.values() if s.words]
    if confident and not any(b.pos.ocr is None for b in blocks):
        mean = sum(confident) / len(confident)
        if mean < config.OCR_MIN_PAGE_CONFIDENCE:
            raise ReadError(
                f"скан не распознан: средняя уверенность OCR {mean:.0f}% (нужно от "
                f"{config.OCR_MIN_PAGE_CONFIDENCE:.0f}%: фотография, другой язык или плохое качество)",
                "скан не распознан",
            )
    return blocks


def _scans(data: bytes, pages: dict[int, int], on_page: ocr.PageProgress | None) -> dict[int, ocr.ScannedPage]:
    """OCR's pages; its failure is the scan's, not a damaged PDF's."""
    try:
        return ocr.scan_pages(data, pages, on_page)
    except ReadError:
        raise
    except Exception as e:
        raise ReadError(f"скан не распознан: ошибка OCR ({type(e).__name__}: {e})"[:300], "ошибка OCR") from None


def scanned_pages(data: bytes) -> dict[int, int]:
    """0-based pages that are scans — (almost) no text layer, and images over a third of the
    page — each with the resolution its largest image was scanned at (pixels per inch)."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    pdf = pypdfium2.PdfDocument(data)
    try:
        found = {}
        for index in range(min(len(pdf), config.MAX_PAGES)):
            page = pdf[index]
            if page.get_textpage().count_chars() >= 20:
                continue
            width, height = page.get_size()
            covered, dpi = 0.0, 0
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
                left, bottom, right, top = obj.get_bounds()
                covered += max(0.0, min(right, width) - max(left, 0)) * max(0.0, min(top, height) - max(bottom, 0))
                if right - left > 72:  # an inch wide at least: a scan, not a logo
                    dpi = max(dpi, round(obj.get_px_size()[0] / ((right - left) / 72)))
            if covered >= width * height / 3:
                found[index] = dpi
        return found
    finally:
        pdf.close()


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


def _ruled_tables(page) -> list[RuledTable]:
    tables = []
    for table in page.find_tables():
        grid = _merged_down(table.extract())
        rows = [(row.bbox[1], tuple(_clean(c) for c in cells)) for row, cells in zip(table.rows, grid, strict=False)]
        tables.append(RuledTable(table.bbox, sorted({round(c[0], 1) for c in table.cells}), rows))
    return tables


def _merged_down(grid: list[list[str | None]]) -> list[list[str | None]]:
    """Cells a merged cell above covers (pdfplumber gives None, not "", for them) hold its text, as
    Word's vertical merge does: «Куратор наставничества Гуменюк Н.С.» merged over rows 3–6 answers
    for each of them, and a stage's number merged over its three activities («1. | Подготовка условий»
    beside three rows of their own) numbers each. Only under a numbered row: header rows are left as
    drawn."""
    out: list[list[str | None]] = []
    for cells in grid:
        numbered = bool(cells and cells[0] and ITEM_NUMBER.match(cells[0].strip()))
        covered = bool(cells) and cells[0] is None and any(cells)  # its number cell is merged from above
        above = out[-1] if out else None
        if above and (numbered or covered) and above[0] and ITEM_NUMBER.match(above[0].strip()):
            # a covered row takes the number, not the stage's name beside it (the activity is its own)
            lead = next((k for k, c in enumerate(cells) if c is not None), len(cells)) if covered else 0
            cells = [
                above[k] if c is None and k < len(above) and above[k] and (k == 0 or k >= lead) else c
                for k, c in enumerate(cells)
            ]
        out.append(cells)
    return out


@dataclass
class Flow:
    """What one page hands the next: the tables' count, and the columns of its last borderless table
    (a table's last row alone on the next page has too few lines to show its columns)."""

    table_no: int = 0
    edges: list[float] = field(default_factory=list)
    ruled: tuple[tuple[float, float, float, float], list[float]] | None = None  # a ruled table ending its page


def _page_blocks(page, page_no: int, flow: Flow, scan: ocr.ScannedPage | None) -> list[Block]:
    """A page's blocks top to bottom, from its text layer or, for a scan, from what OCR read."""
    confidence = round(scan.confidence, 1) if scan else None
    tables = scan.tables if scan else _ruled_tables(page)
    placed: list[tuple[float, Block]] = []
    boxes = [t.bbox for t in tables]
    edges = [(t.bbox, t.columns) for t in tables]  # ruled tables' column edges
    for table in tables:
        for r, (top, texts) in enumerate(table.rows):
            if any(texts):
                pos = Position(page=page_no, table=flow.table_no, row=r, ocr=confidence)
                placed.append((top, Block("\t".join(texts), texts, pos)))
        flow.table_no += 1
    words = [
        w
        for w in (scan.words if scan else page.extract_words(x_tolerance=1.5, y_tolerance=2, extra_attrs=["fontname"]))
        if not any(
            x0 <= w["x0"] <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom for x0, top, x1, bottom in boxes
        )
    ]
    lines = pdf_columns.lines_of(words) if words else []
    in_table: set[int] = set()

    def hang(rows_lines: list, cells: tuple[str, ...]) -> None:
        """A row read from lines outside any table: its lines are taken, the row placed at its top."""
        in_table.update(id(ln) for ln in rows_lines)
        placed.append((rows_lines[0].top, Block("\t".join(cells), cells, Position(page=page_no, ocr=confidence))))

    # A row cut by a page break loses its rules: its halves hang below the last table of one page
    # and above the first table of the next, or open the next page when no table follows there.
    for (bbox, columns), below in ((edges[-1], True), (edges[0], False)) if edges else ():
        hanging = pdf_columns.hanging_row(lines, bbox, columns, below)
        if hanging and not in_table & {id(ln) for ln in hanging[0]}:
            hang(*hanging)
    # the previous page's last table, if it ended that page (read before this page's replaces it)
    above = flow.ruled or (((flow.edges[0], 0.0, float("inf"), 0.0), flow.edges) if flow.edges else None)
    regions = pdf_columns.find_tables([ln for ln in lines if id(ln) not in in_table], flow.edges)
    last = regions[-1] if regions else None
    text_below = last and any(
        ln.top > last.lines[-1].bottom and not re.fullmatch(r"[-–—\s\d]*", ln.text) for ln in lines
    )
    flow.edges = last.edges if last and not text_below else []  # only a table that ends its page runs on
    for region in regions:
        in_table.update(id(ln) for ln in region.lines)
        for r, (top, cells) in enumerate(region.rows):
            if any(cells):
                pos = Position(page=page_no, table=flow.table_no, row=r, ocr=confidence)
                placed.append((top, Block("\t".join(cells), cells, pos)))
        flow.table_no += 1
    # Lines no table took at the head of the page may end the previous page's last row.
    carried = pdf_columns.continued_row([ln for ln in lines if id(ln) not in in_table], *above) if above else None
    tops = [b[1] for b in boxes] + [r.top for r in regions]
    if carried and (not tops or carried[0][-1].bottom <= min(tops)):
        hang(*carried)
    for n, line in enumerate(lines, start=1):
        text = line.text.strip()
        if text and id(line) not in in_table:
            placed.append((line.top, Block(text, (), Position(page=page_no, line=n, ocr=confidence), line.bold)))
    free = [ln for ln in lines if id(ln) not in in_table and not is_footer(ln.text)]
    ends_page = edges and not regions and not any(ln.top > edges[-1][0][3] for ln in free)
    flow.ruled = edges[-1] if ends_page else None
    placed.sort(key=lambda p: p[0])
    return _join_wrapped([b for _, b in placed])


def _join_wrapped(blocks: list[Block]) -> list[Block]:
    """A text line starting in lower case continues the line above (a wrapped sentence) printed in
    the same face: «п. Новостройка, 2023» under a title in bold is a line of its own."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        spaced = re.match(r"^(?:[а-яё] ){3,}", b.text)  # «п р и к а з ы в а ю» stands alone
        alone = re.match(r"^[а-яё]+\s*:$", b.text)  # and so does «приказываю:» (as OCR reads it)
        lettered = re.match(r"^[а-я]\)\s", b.text)  # «а) план мероприятий …»: a sub-clause of its own (478)
        wrapped = prev and not prev.is_row and not b.is_row and prev.bold == b.bold and b.text[:1].islower()
        if wrapped and not spaced and not alone and not lettered:
            out[-1] = Block(f"{prev.text} {b.text}", (), prev.pos, prev.bold)
        else:
            out.append(b)
    return out


def _clean(cell: str | None) -> str:
    """A cell's lines joined by spaces, except a word the column was too narrow for («сис» + «тематизация»,
    «региональ-» + «ных», 496)."""
    return join_cell_lines([line for line in (" ".join(x.split()) for x in (cell or "").split("\n")) if line])


def _reason(e: Exception) -> str:
    causes = [e, e.__cause__, e.__context__, *getattr(e, "args", ())]
    text = " ".join(f"{type(c).__name__} {c}" for c in causes if c is not None).lower()
    if "password" in text or "encrypt" in text:
        return "зашифрованный PDF (защищён паролем)"
    return f"повреждённый или обрезанный PDF ({type(e).__name__})"
