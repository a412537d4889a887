"""A scanned page's geometry: the angle it lies at, and its ruled lines and tables.

The page is straightened first: a sheet lies turned by a degree or so on the scanner glass,
which over a landscape table's width is a line's height of drift; the angle that makes the rows
of ink sharpest (the squared differences of the row sums) is taken. Ruled lines are long runs of
ink, horizontal across the page and vertical between two horizontal ones; they are whitened
before Tesseract reads, so it does not take them for «|» or «l».
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

INK = 160  # grey levels below this are ink


# --- straightening ----------------------------------------------------------------------------


def skew(gray: np.ndarray) -> float:
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


def rules(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the horizontal and vertical ruled lines. A horizontal rule is a run of ink longer
    than any word (1/25 of the width); a vertical one, longer than a line of text is tall (1/60
    of the height) — a stamp's ring or a letter's stem is not, and `grids` keeps only the
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


def grids(horizontal: np.ndarray, vertical: np.ndarray) -> list[Grid]:
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


def widen(mask: np.ndarray, by: int) -> np.ndarray:
    """The mask grown by `by` pixels each way (the grey fringe a scanner leaves along a rule)."""
    out = mask.copy()
    for shift in range(1, by + 1):
        out[shift:, :] |= mask[:-shift, :]
        out[:-shift, :] |= mask[shift:, :]
        out[:, shift:] |= mask[:, :-shift]
        out[:, :-shift] |= mask[:, shift:]
    return out
