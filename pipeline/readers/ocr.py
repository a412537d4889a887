"""Scanned pages: rendered, straightened, ruled lines found, words read by Tesseract with their places.

A scan reaches the PDF reader as the words of a text page would (text and box in points, top
to bottom), plus the ruled tables found in the image, so the same layout code rebuilds lines,
tables with and without rules, and rows cut by page breaks. What differs:

- the page is straightened first: a sheet lies turned by a degree or so on the scanner glass,
  which over a landscape table's width is a line's height of drift; the angle that makes the
  rows of ink sharpest (the variance of the row sums) is taken;
- ruled lines are found as long runs of ink, horizontal across the page and vertical between
  two horizontal ones, and then whitened so Tesseract does not read them as «|» or «l»;
- a word's top and bottom are taken from its line's baseline, so the words of one printed line
  stand on one line whatever their letters' heights;
- words Tesseract is unsure of (config.OCR_MIN_WORD_CONFIDENCE) are dropped as noise.

Tesseract runs in this process through tesserocr (no image files, the Russian model loaded once
per thread; bench/ocr.py measures it against the `tesseract` program), one engine per thread,
config.OCR_THREADS pages at a time: it releases the GIL while it reads. Pages are cached by the
file's content hash (config.OCR_CACHE).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from statistics import median

import numpy as np

from pipeline import config
from pipeline.readers.errors import ReadError
from pipeline.readers.pdf_columns import RuledTable
from pipeline.text import join_cell_lines

PageProgress = Callable[[int, int], None]  # (pages read, pages to read)

INK = 160  # grey levels below this are ink
# Bump when the reading of a page changes, so cached pages read the old way are read again.
VERSION = 4


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
    _check_tesseract()
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
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

    angle = _skew(gray)
    if abs(angle) >= 0.05:
        gray = np.asarray(Image.fromarray(gray).rotate(angle, resample=Image.BICUBIC, fillcolor=255))
    horizontal, vertical = _rules(gray < INK)
    clean = gray.copy()
    clean[_widen(horizontal | vertical, 2)] = 255
    read = _Reader(dpi)
    grids = _grids(horizontal, vertical)
    tables = [_table(read, clean, grid, 72 / dpi) for grid in grids]
    rest = clean.copy()
    for grid in grids:  # the tables are read: the words around them are read from the rest
        rest[grid[0][0] : grid[-1][1] + 1, grid[0][2][0] : grid[0][2][-1] + 1] = 255
    words = read.words(rest)
    return ScannedPage(words, tables, read.confidence(), angle)


# --- straightening ----------------------------------------------------------------------------


def _skew(gray: np.ndarray) -> float:
    """The angle (degrees, counter-clockwise) that makes the page's rows of ink sharpest."""
    from PIL import Image

    step = max(1, gray.shape[1] // 1000)
    small = Image.fromarray(((gray[::step, ::step] < INK) * 255).astype(np.uint8))

    def sharpness(angle: float) -> float:
        rows = np.asarray(small.rotate(angle, resample=Image.BILINEAR), dtype=np.float32).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    best = max(np.arange(-3, 3.01, 0.25), key=sharpness)
    return float(max(np.arange(best - 0.25, best + 0.26, 0.05), key=sharpness))


# --- ruled lines ------------------------------------------------------------------------------


def _runs(ink: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Pixels that lie on a straight run of ink at least `length` long along `axis`."""
    a = ink if axis == 1 else ink.T
    c = np.concatenate([np.zeros((a.shape[0], 1), np.int32), np.cumsum(a, axis=1, dtype=np.int32)], axis=1)
    starts = (c[:, length:] - c[:, :-length]) == length  # a full run begins at each True
    # spread each run start over the `length` pixels it covers (a difference array)
    marks = np.zeros((a.shape[0], a.shape[1] + 1), dtype=np.int32)
    marks[:, : starts.shape[1]] += starts
    marks[:, length : length + starts.shape[1]] -= starts
    covered = np.cumsum(marks[:, :-1], axis=1) > 0
    return covered if axis == 1 else covered.T


def _rules(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the horizontal and vertical ruled lines. A horizontal rule is a run of ink longer
    than any word (1/25 of the width); a vertical one, longer than a line of text is tall (1/60
    of the height) — a stamp's ring or a letter's stem is not, and `_tables` keeps only the
    vertical ones that join two horizontal rules anyway."""
    height, width = ink.shape
    return _runs(ink, max(20, width // 25), axis=1), _runs(ink, max(12, height // 60), axis=0)


def _lines_at(mask_rows: np.ndarray) -> list[tuple[int, int]]:
    """Runs of consecutive True indices: (first, last)."""
    idx = np.flatnonzero(mask_rows)
    if not len(idx):
        return []
    breaks = np.flatnonzero(np.diff(idx) > 1)
    firsts = np.concatenate([[idx[0]], idx[breaks + 1]])
    lasts = np.concatenate([idx[breaks], [idx[-1]]])
    return list(zip(firsts.tolist(), lasts.tolist(), strict=True))


Grid = list[tuple[int, int, list[int]]]  # a ruled table's bands: (top, bottom, the x of each border)


def _grids(horizontal: np.ndarray, vertical: np.ndarray) -> list[Grid]:
    """Ruled tables: bands between consecutive horizontal rules, cut into cells by the vertical
    rules that cross the whole band; consecutive bands of two or more cells make a table."""
    width = horizontal.shape[1]
    ys = [(a + b) // 2 for a, b in _lines_at(horizontal.sum(axis=1) >= width // 8)]
    grids: list[Grid] = [[]]
    for top, bottom in pairwise(ys):
        full = vertical[top + 3 : bottom - 2].mean(axis=0) >= 0.85 if bottom - top >= 8 else np.zeros(0)
        borders = [(a + b) // 2 for a, b in _lines_at(full)]
        if len(borders) >= 2:
            grids[-1].append((top, bottom, borders))
        elif grids[-1]:
            grids.append([])
    return [g for g in grids if len(g) >= 2]


def _table(read: _Reader, image: np.ndarray, grid: Grid, to_points: float) -> RuledTable:
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


def _widen(mask: np.ndarray, by: int) -> np.ndarray:
    """The mask grown by `by` pixels each way (the grey fringe a scanner leaves along a rule)."""
    out = mask.copy()
    for shift in range(1, by + 1):
        out[shift:, :] |= mask[:-shift, :]
        out[:-shift, :] |= mask[shift:, :]
        out[:, shift:] |= mask[:, :-shift]
        out[:, :-shift] |= mask[:, shift:]
    return out


# --- Tesseract --------------------------------------------------------------------------------

_local = threading.local()


def _engine(language: str):
    """This thread's Tesseract for `language`, its model loaded once."""
    engines = _local.__dict__.setdefault("engines", {})
    if language not in engines:
        import tesserocr

        engines[language] = tesserocr.PyTessBaseAPI(path=str(config.TESSDATA), lang=language)
    return engines[language]


# The Russian model alone reads a lone «3» as «Е» or «З» (measured on the scanned fixture): a short
# cell it is unsure of is read again with English beside it, and the surer reading is kept.
SURE = 80.0


class _Reader:
    """Tesseract over one page: whole regions as words with boxes, cells as text; it keeps the
    confidence of every word it read."""

    def __init__(self, dpi: int) -> None:
        self.api = _engine(config.OCR_LANGUAGE)
        self.dpi = dpi
        self.confidences: list[float] = []

    def confidence(self) -> float:
        return sum(self.confidences) / len(self.confidences) if self.confidences else 0.0

    def _set(self, image: np.ndarray, mode, api=None) -> None:
        from PIL import Image

        api = api or self.api
        api.SetPageSegMode(mode)
        api.SetImage(Image.fromarray(image))
        api.SetSourceResolution(self.dpi)

    def cell(self, image: np.ndarray) -> str:
        """A table cell's text, its lines joined as a cell's lines are."""
        import tesserocr

        ink = image < INK
        if image.size == 0 or ink.sum() < 20:
            return ""  # an empty cell: nothing to read
        # Only the inked part, with a margin: a lone «5» atop a tall empty cell is misread otherwise.
        rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
        image = np.pad(image[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1], 12, constant_values=255)
        one_line = rows[-1] - rows[0] < self.dpi / 5  # under 1/5 inch of ink: «3», «Май»
        mode = tesserocr.PSM.SINGLE_LINE if one_line else tesserocr.PSM.SINGLE_BLOCK
        text, confidences = self._lines(image, mode, self.api)
        mean = sum(confidences) / len(confidences) if confidences else 0.0
        second = f"{config.OCR_LANGUAGE}+eng"
        if one_line and mean < SURE and (config.TESSDATA / "eng.traineddata").is_file():
            other, other_confidences = self._lines(image, mode, _engine(second))
            if other_confidences and sum(other_confidences) / len(other_confidences) > mean and _digits(other, text):
                text, confidences = other, other_confidences
        self.confidences += confidences
        return text

    def _lines(self, image: np.ndarray, mode, api) -> tuple[str, list[float]]:
        """What `api` reads in a cell: its lines joined as a cell's lines are, and word confidences."""
        import tesserocr

        self._set(image, mode, api)
        api.Recognize()
        lines: list[list[str]] = []
        confidences: list[float] = []
        iterator = api.GetIterator()
        level = tesserocr.RIL.WORD
        while iterator is not None:
            text = _text(iterator, level)
            confidence = iterator.Confidence(level)
            if text and confidence >= config.OCR_MIN_WORD_CONFIDENCE and not _rule_noise(text):
                confidences.append(confidence)
                if not lines or iterator.IsAtBeginningOf(tesserocr.RIL.TEXTLINE):
                    lines.append([])
                lines[-1].append(text)
            if not iterator.Next(level):
                break
        return join_cell_lines([" ".join(line) for line in lines if line]), confidences

    def _again(self, image: np.ndarray, text: str, confidence: float) -> tuple[str, float]:
        """A short word read again with English beside Russian; the surer reading wins."""
        import tesserocr

        if not (config.TESSDATA / "eng.traineddata").is_file() or image.size == 0:
            return text, confidence
        api = _engine(f"{config.OCR_LANGUAGE}+eng")
        self._set(np.pad(image, 12, constant_values=255), tesserocr.PSM.SINGLE_WORD, api)
        other = (api.GetUTF8Text() or "").strip()
        sure = api.MeanTextConf()
        return (other, float(sure)) if other and sure > confidence and _digits(other, text) else (text, confidence)

    def words(self, image: np.ndarray) -> list[dict]:
        """The words of the page outside its ruled tables, in points, each standing on its line's
        baseline one body height tall."""
        import tesserocr

        if (image < INK).sum() < 20:
            return []
        self._set(image, tesserocr.PSM.AUTO)
        self.api.Recognize()
        words: list[dict] = []  # in pixels until the end
        iterator = self.api.GetIterator()
        level = tesserocr.RIL.WORD
        while iterator is not None:
            text = _text(iterator, level)
            box = iterator.BoundingBox(level)
            confidence = iterator.Confidence(level)
            if text and box and confidence >= config.OCR_MIN_WORD_CONFIDENCE and not _rule_noise(text):
                x0, top, x1, bottom = box
                if len(text) <= 4 and confidence < SURE:  # a page number, a lone «3.»: see SURE
                    text, confidence = self._again(image[max(0, top - 2) : bottom + 2, max(0, x0 - 2) : x1 + 2],
                                                   text, confidence)  # fmt: skip
                baseline = iterator.Baseline(level)
                if baseline:
                    (_, y0), (_, y1) = baseline
                    bottom = (y0 + y1) / 2
                words.append({"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "box": box})
                self.confidences.append(confidence)
            if not iterator.Next(level):
                break
        if not words:
            return []
        body = median(w["box"][3] - w["box"][1] for w in words)
        words += self._unread(image, [w["box"] for w in words], body)
        to_points = 72 / self.dpi
        for w in words:
            del w["box"]
            w["top"] = w["bottom"] - body
            for k in ("x0", "x1", "top", "bottom"):
                w[k] *= to_points
        return words

    def _unread(self, image: np.ndarray, boxes: list[tuple[int, int, int, int]], body: float) -> list[dict]:
        """Ink that Tesseract's page layout passed over, read word by word. Its layout drops small
        marks standing alone: the «1.» … «9.» of a borderless table's number column (measured on
        the real-document scans: rows 1–9 lost, 10–14 read), so their rows ran together."""
        from scipy import ndimage

        left = image < INK
        for x0, top, x1, bottom in boxes:
            left[max(0, top - 3) : bottom + 3, max(0, x0 - 3) : x1 + 3] = False
        labels, _ = ndimage.label(ndimage.binary_dilation(left, structure=np.ones((3, max(3, int(body * 0.6))))))
        found = []
        for rows, cols in ndimage.find_objects(labels):
            height, width = rows.stop - rows.start, cols.stop - cols.start
            if not (0.5 * body <= height <= 2 * body and width <= 12 * body) or left[rows, cols].sum() < 15:
                continue  # a speck, a rule's remnant, a stamp or a signature
            text, confidence = self._again(image[rows, cols], "", 0.0)
            if text and confidence >= SURE and not _rule_noise(text):
                box = (cols.start, rows.start, cols.stop, rows.stop)
                found.append({"text": text, "x0": box[0], "x1": box[2], "top": box[1], "bottom": box[3], "box": box})
                self.confidences.append(confidence)
        return found


def _digits(other: str, first: str) -> bool:
    """Whether the Russian-and-English reading may replace the Russian one: English helps with
    digits («3.» for «Е.», «11» for «тт»), but must bring no Latin letters into Russian text
    («ОУ», «ОМС» must not come back as «Oy», «omc»)."""
    latin = re.compile(r"[A-Za-z]")
    return bool(re.search(r"\d", other)) and (not latin.search(other) or bool(latin.search(first)))


def _text(iterator, level) -> str:
    """The iterator's text here; tesserocr raises where Tesseract found a box but no text."""
    try:
        return (iterator.GetUTF8Text(level) or "").strip()
    except RuntimeError:
        return ""


def _rule_noise(text: str) -> bool:
    """What is left of a ruled line or a speck: «|», «_», «—» alone."""
    return all(c in "|!_[]" for c in text)


def _check_tesseract() -> None:
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        raise ReadError("скан не распознать: не установлен tesserocr (make setup)", "нет OCR") from None
    if not (config.TESSDATA / f"{config.OCR_LANGUAGE}.traineddata").is_file():
        raise ReadError(
            f"скан не распознать: нет модели Tesseract «{config.OCR_LANGUAGE}» в {config.TESSDATA} "
            "(make system ставит tesseract-ocr-rus)",
            "нет OCR",
        )


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
