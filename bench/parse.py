"""Parsing throughput per format on the corpus repeated to at least 5 MB of text.

    .venv/bin/python bench/parse.py [--mb 5] [--runs 5]

Reads and segments in one process on one core; prints the median of several runs
(MB of extracted text per second, and pages or documents per second), side by side.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.readers import read_bytes  # noqa: E402
from pipeline.segment import segment  # noqa: E402


def inputs(target_mb: float) -> dict[str, list[tuple[str, bytes]]]:
    """Per format, (name, bytes) repeated until the extracted text reaches `target_mb`."""
    sources = {
        "txt": sorted((ROOT / "corpus").glob("*.txt")),
        "docx": [ROOT / "tests/fixtures/roadmap_001.docx"],
        "pdf": [ROOT / "tests/fixtures/roadmap_004.pdf"],
    }
    out = {}
    for fmt, paths in sources.items():
        files = [(p.name, p.read_bytes()) for p in paths]
        text_bytes = sum(_text_size(read_bytes(data, name)) for name, data in files)
        copies = max(1, int(target_mb * 1e6 / text_bytes) + 1)
        out[fmt] = files * copies
    return out


def _text_size(blocks) -> int:
    return sum(len(b.text.encode("utf-8")) for b in blocks)


def run(files: list[tuple[str, bytes]]) -> tuple[float, int, int]:
    start = time.perf_counter()
    size = pages = 0
    for name, data in files:
        blocks = read_bytes(data, name)
        segment(blocks, name)
        size += _text_size(blocks)
        pages += max((b.pos.page or 0 for b in blocks), default=0)
    return time.perf_counter() - start, size, pages


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print(f"{'format':<6} {'files':>6} {'text MB':>8} {'median s':>9} {'MB/s':>7} {'files/s':>8} {'pages/s':>8}")
    for fmt, files in inputs(args.mb).items():
        runs = [run(files) for _ in range(args.runs)]
        secs = statistics.median(r[0] for r in runs)
        _, size, pages = runs[0]
        pages_rate = f"{pages / secs:8.1f}" if pages else f"{'-':>8}"
        print(
            f"{fmt:<6} {len(files):>6} {size / 1e6:8.2f} {secs:9.2f} {size / 1e6 / secs:7.2f} "
            f"{len(files) / secs:8.1f} {pages_rate}"
        )


if __name__ == "__main__":
    main()
