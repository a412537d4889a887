"""PDF via pdfplumber (on pdfminer.six): ruled tables as rows of cells, other text as lines.

Each page yields its text lines and table rows merged top to bottom, so a table that runs
over several pages arrives as rows separated by the next page's header and footer lines,
exactly like the TXT exports; segmentation repairs both the same way.
"""

from __future__ import annotations

import io
import logging
import re

from pipeline.records import Block, Position

logging.getLogger("pdfminer").setLevel(logging.ERROR)


def read(data: bytes) -> list[Block]:
    import pdfplumber

    from pipeline.readers import ReadError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            blocks: list[Block] = []
            chars = 0
            table_no = 0
            for page_no, page in enumerate(pdf.pages, start=1):
                chars += len(page.chars)
                page_blocks, table_no = _page_blocks(page, page_no, table_no)
                blocks.extend(page_blocks)
    except ReadError:
        raise
    except Exception as e:
        raise ReadError(_reason(e)) from None
    if not chars:
        raise ReadError("no text layer (scanned PDF?)")
    return blocks


def _page_blocks(page, page_no: int, table_no: int) -> tuple[list[Block], int]:
    placed: list[tuple[float, Block]] = []
    boxes = []
    for table in page.find_tables():
        boxes.append(table.bbox)
        for r, (row, cells) in enumerate(zip(table.rows, table.extract(), strict=False)):
            texts = tuple(_clean(c) for c in cells)
            if any(texts):
                pos = Position(page=page_no, table=table_no, row=r)
                placed.append((row.bbox[1], Block("\t".join(texts), texts, pos)))
        table_no += 1
    for n, line in enumerate(page.extract_text_lines(), start=1):
        middle = (line["top"] + line["bottom"]) / 2
        if any(x0 <= line["x0"] <= x1 and top <= middle <= bottom for x0, top, x1, bottom in boxes):
            continue
        text = line["text"].strip()
        if text:
            placed.append((line["top"], Block(text, (), Position(page=page_no, line=n))))
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
        return "encrypted PDF (password protected)"
    return f"corrupt or truncated PDF ({type(e).__name__})"
