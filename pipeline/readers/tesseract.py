"""Tesseract in this process, through tesserocr: the words of a page region with their boxes,
or the text of one table cell, and the confidence of each word read.

No image files, the Russian model loaded once per thread, one engine per thread (tesserocr
releases the GIL while it reads); bench/ocr.py measures it against the `tesseract` program.
A word's top and bottom are taken from its line's baseline, so the words of one printed line
stand on one line whatever their letters' heights; words Tesseract is unsure of
(config.OCR_MIN_WORD_CONFIDENCE) are dropped as noise.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path
from statistics import median

import numpy as np

from pipeline import config
from pipeline.readers.errors import ReadError
from pipeline.readers.scan_layout import INK
from pipeline.text import join_cell_lines

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
_ENLARGE = 3  # a short word read again is also read this many times larger
# A mark alone that reads as a row's number («7.»: 78% three times larger) is one at a lower confidence.
_ROW_NUMBER = re.compile(r"\d{1,2}[.)]")
_ROW_NUMBER_SURE = 60.0


class Reader:
    """Tesseract over one page: whole regions as words with boxes, cells as text; it keeps the
    confidence of every word it read."""

    def __init__(self, dpi: int) -> None:
        self.api = _engine(config.OCR_LANGUAGE)
        self.dpi = dpi
        self.confidences: list[float] = []

    def confidence(self) -> float:
        return _mean(self.confidences)

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
        second = _second_engine()
        if one_line and second is not None and _mean(confidences) < SURE:
            other, other_confidences = self._lines(image, mode, second)
            if other_confidences and _mean(other_confidences) > _mean(confidences) and _digits(other, text):
                text, confidences = other, other_confidences
        self.confidences += confidences
        return zeros_to_letters(text)

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
        """A short word read again with English beside Russian, as scanned and enlarged; the surer
        reading wins. A lone «2.» or «7.» of a number column, 20 pixels tall at 200 dpi, is read as
        «Qi» or «Bs:» as it is and as «2.» (95%) or «7.» (78%) three times larger in black and white."""
        import tesserocr
        from PIL import Image

        api = _second_engine()
        if api is None or image.size == 0:
            return text, confidence
        height, width = image.shape
        large = np.asarray(Image.fromarray(image).resize((width * _ENLARGE, height * _ENLARGE), Image.LANCZOS))
        for view in (
            np.pad(image, 12, constant_values=255),
            np.pad(np.where(large < 128, 0, 255).astype(np.uint8), 36, constant_values=255),
        ):
            self._set(view, tesserocr.PSM.SINGLE_WORD, api)
            other = (api.GetUTF8Text() or "").strip()
            sure = float(api.MeanTextConf())
            if other and sure > confidence and _digits(other, text):
                text, confidence = other, sure
        return text, confidence

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
        texts = [w["text"] for w in words]  # a word's zeros are read with its neighbours («00 мин.»)
        for k, word in enumerate(words):
            before, after = texts[k - 1] if k else "", texts[k + 1] if k + 1 < len(texts) else ""
            if " " not in texts[k]:
                word["text"] = zeros_to_letters(f"{before} {texts[k]} {after}").split(" ")[1]
        body = median(w["box"][3] - w["box"][1] for w in words)
        words += [w for w in self._unread(image, [w["box"] for w in words], body) if not _echoes(w, words, body)]
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
            numbered = _ROW_NUMBER.fullmatch(text) and confidence >= _ROW_NUMBER_SURE
            if text and (confidence >= SURE or numbered) and not _rule_noise(text):
                box = (cols.start, rows.start, cols.stop, rows.stop)
                found.append({"text": text, "x0": box[0], "x1": box[2], "top": box[1], "bottom": box[3], "box": box})
                self.confidences.append(confidence)
        return found


def _echoes(found: dict, words: list[dict], body: float) -> bool:
    """Ink re-read beside a word that already says it: a glyph wider than its word's box («№ 1» read
    «№ 1 1» in 455), not a mark Tesseract passed over."""
    x0, top, x1, bottom = found["box"]
    return any(
        w["text"] == found["text"] and w["box"][0] - body <= x1 and x0 <= w["box"][2] + body
        and w["box"][1] < bottom and top < w["box"][3]
        for w in words
    )


def _second_engine():
    """This thread's Tesseract with English beside the document language, or None without the
    English model."""
    return _engine(f"{config.OCR_LANGUAGE}+eng") if _installed(config.TESSDATA / "eng.traineddata") else None


@cache
def _installed(model: Path) -> bool:
    return model.is_file()  # asked for every short word: looked up once


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")


def _digits(other: str, first: str) -> bool:
    """Whether the Russian-and-English reading may replace the Russian one: English helps with
    digits («3.» for «Е.», «11» for «тт»), but must bring no Latin letters into Russian text
    («ОУ», «ОМС» must not come back as «Oy», «omc»)."""
    return bool(_DIGIT.search(other)) and (not _LATIN.search(other) or bool(_LATIN.search(first)))


def _text(iterator, level) -> str:
    """The iterator's text here; tesserocr raises where Tesseract found a box but no text."""
    try:
        return (iterator.GetUTF8Text(level) or "").strip()
    except RuntimeError:
        return ""


# «ОО» (educational organisations) read as «00», «МБОУ» as «МБ0У»: a zero is a letter О when the word
# is two of them alone, or when capitals stand on both sides of it; not in a time («10-00», «00 мин.»),
# an amount («00 коп.») or a number («№ 00»).
_ZEROS = re.compile(
    r"(?<![\w.,:№-])(?<!№\s)(?=[0OО]{2}(?![\w.,:-])(?!\s*(?:мин|коп|ч\b|час)))([0OО])([0OО])|(?<=[А-ЯЁ])0(?=[А-ЯЁ])"
)


def zeros_to_letters(text: str) -> str:
    """OCR's zeros that are the letter О (see _ZEROS)."""
    return _ZEROS.sub(lambda m: "ОО" if m.group(1) else "О", text)


def _rule_noise(text: str) -> bool:
    """What is left of a ruled line or a speck: «|», «_», «!», «[]» alone."""
    return all(c in "|!_[]" for c in text)


def check_installed() -> None:
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
