"""Scanned pages: rendered, straightened, ruled tables read cell by cell, other words with their places.

A scan reaches the PDF reader as the words of a text page would (text and box in points, top
to bottom), plus the ruled tables found in the image, so the same layout code rebuilds lines,
tables without rules, and rows cut by page breaks. The page's geometry is `scan_layout`'s,
the reading `tesseract`'s; here pages are rendered (pdfium), read config.OCR_THREADS at a time,
and cached by the file's content hash (config.OCR_CACHE).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from itertools import pairwise

import numpy as np

from pipeline import config
from pipeline.readers import scan_layout, tesseract
from pipeline.readers.errors import ReadError
from pipeline.readers.pdf_columns import RuledTable

PageProgress = Callable[[int, int], None]  # (pages read, pages to read)

# Bump when the reading of a page changes, so cached pages read the old way are read again.
VERSION = 8


@dataclass
class ScannedPage:
    """What OCR found on one page, in PDF points (1/72 inch) from the page's top left."""

    words: list[dict] = field(default_factory=list)  # text, x0, x1, top, bottom (as pdfplumber's)
    tables: list[RuledTable] = field(default_factory=list)
    confidence: float = 0.0  # Tesseract's mean word confidence, 0-100
    angle: float = 0.0  # degrees the page was turned back


def scan_pages(data: bytes, pages: dict[int, int], on_page: PageProgress | None = None) -> dict[int, ScannedPage]:
    """OCR the given 0-based pages of a PDF (each with the resolution it was scanned at, 0 when
    unknown), from the cache where they were read before."""
    if len(pages) > config.OCR_MAX_PAGES:
        raise ReadError(
            f"превышен предел: {len(pages)} страниц без текстового слоя для распознавания "
            f"(не больше {config.OCR_MAX_PAGES}, PRAKTIKA_OCR_MAX_PAGES)"
        )
    if not pages:
        return {}
    key = hashlib.sha256(data).hexdigest()
    done: dict[int, ScannedPage] = {}
    todo = []
    for index in pages:
        cached = _cached(key, index, resolution(pages[index]))
        if cached is not None:
            done[index] = cached
        else:
            todo.append(index)
    if on_page:  # announced first: the guard gives the file time for the pages still to read
        on_page(len(done), len(pages))
    if not todo:
        return done
    tesseract.check_installed()
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(config.OCR_THREADS, len(todo)))) as pool:
            futures = {}
            for index in todo:  # pdfium is not thread-safe: pages are rendered here, one by one
                dpi = resolution(pages[index])
                image = pdf[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
                futures[pool.submit(read_image, np.asarray(image), dpi)] = (index, dpi)
            for future in futures:
                page = future.result()
                index, dpi = futures[future]
                done[index] = page
                _store(key, index, dpi, page)
                if on_page:
                    on_page(len(done), len(pages))
    finally:
        pdf.close()
    return done


def resolution(scanned_at: int) -> int:
    """The resolution a page is read at: the scan's own, within 200 dpi and config.OCR_DPI.

    bench/ocr.py and `bench/realdocs.py --scanned` (scans made at 200 dpi): reading at the scan's
    own 200 dpi was as exact as at 300 on the fixture, better on the real-document scans (dev
    split: 95 rows against 93), and 1.7× faster; 400 dpi broke a row number. Resampling above
    the pixels scanned adds nothing to read; below 200 dpi Tesseract's letters get too small."""
    return min(config.OCR_DPI, max(200, scanned_at)) if scanned_at else config.OCR_DPI


def read_image(gray: np.ndarray, dpi: int) -> ScannedPage:
    """One page image (grey, 0-255) read into words and ruled tables."""
    from PIL import Image

    angle = scan_layout.skew(gray)
    if abs(angle) >= 0.05:
        gray = np.asarray(Image.fromarray(gray).rotate(angle, resample=Image.BICUBIC, fillcolor=255))
    horizontal, vertical = scan_layout.rules(gray < scan_layout.INK)
    clean = gray.copy()
    clean[scan_layout.widen(horizontal | vertical, 2)] = 255
    read = tesseract.Reader(dpi)
    grids = scan_layout.grids(horizontal, vertical)
    tables = [_table(read, clean, grid, 72 / dpi) for grid in grids]
    rest = clean.copy()
    for grid in grids:  # the tables are read: the words around them are read from the rest
        rest[grid[0][0] : grid[-1][1] + 1, grid[0][2][0] : grid[0][2][-1] + 1] = 255
    words = read.words(rest)
    return ScannedPage(words, tables, read.confidence(), angle)


def _table(read: tesseract.Reader, image: np.ndarray, grid: scan_layout.Grid, to_points: float) -> RuledTable:
    """One ruled table read cell by cell. Its columns are the borders seen in any band (close ones
    are one); a cell spanning several columns keeps its text in the first, as a merged DOCX cell."""
    edges: list[int] = []
    for x in sorted(x for _, _, borders in grid for x in borders):
        if not edges or x - edges[-1] > 12:
            edges.append(x)
    columns = edges[:-1]
    rows = []
    for top, bottom, borders in grid:
        cells = [""] * len(columns)
        for left, right in pairwise(borders):
            column = min(range(len(columns)), key=lambda c: abs(columns[c] - left))
            cells[column] = read.cell(image[top + 4 : bottom - 3, left + 4 : right - 3])
        rows.append((top * to_points, tuple(cells)))
    bbox = (edges[0] * to_points, grid[0][0] * to_points, edges[-1] * to_points, grid[-1][1] * to_points)
    return RuledTable(bbox, [c * to_points for c in columns], rows)


# --- cache ------------------------------------------------------------------------------------


def _path(key: str, index: int, dpi: int):
    return config.OCR_CACHE / key[:2] / f"{key}-{index}-{dpi}-{config.OCR_LANGUAGE}-v{VERSION}.json"


def _cached(key: str, index: int, dpi: int) -> ScannedPage | None:
    try:
        raw = json.loads(_path(key, index, dpi).read_text(encoding="utf-8"))
        tables = [
            RuledTable(tuple(t["bbox"]), t["columns"], [(r[0], tuple(r[1])) for r in t["rows"]]) for t in raw["tables"]
        ]
        return ScannedPage(raw["words"], tables, raw["confidence"], raw["angle"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # not read before, or a damaged entry: read the page again


def _store(key: str, index: int, dpi: int, page: ScannedPage) -> None:
    path = _path(key, index, dpi)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps(asdict(page), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache only costs time
