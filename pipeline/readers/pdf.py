"""PDF via pdfplumber (on pdfminer.six): ruled tables as rows of cells, other text as lines.

Each page yields its text lines and table rows merged top to bottom, so a table that runs
over several pages arrives as rows separated by the next page's header and footer lines,
exactly like the TXT exports; segmentation repairs both the same way.
"""

from __future__ import annotations

import io
import logging

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
    return [b for _, b in placed], table_no


def _clean(cell: str | None) -> str:
    return " ".join((cell or "").split())


def _reason(e: Exception) -> str:
    text = f"{type(e).__name__} {e} {e.__cause__ or ''}".lower()
    if "password" in text or "encrypt" in text:
        return "encrypted PDF (password protected)"
    return f"corrupt or truncated PDF ({type(e).__name__})"
