"""Borderless PDF tables: our word-position columns against pdfplumber's «text» strategy.

    .venv/bin/python bench/pdf_tables.py

On the dev split's PDFs without ruled lines (tests/realdocs/), both ways of finding the table
feed the same segmentation; the figures are the share of gold rows whose activity, deadline and
responsible are found, and the time per file (median of 3 runs), side by side in one run.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.realdocs import Score, gold_files, score_document  # noqa: E402
from pipeline.parse import parse_file  # noqa: E402


def text_strategy(page) -> list:
    """Rows of pdfplumber's «text» strategy tables on `page`, as (top, cells)."""
    rows = []
    for table in page.find_tables({"vertical_strategy": "text", "horizontal_strategy": "text"}):
        for row, cells in zip(table.rows, table.extract(), strict=False):
            texts = tuple(" ".join((c or "").split()) for c in cells)
            if any(texts):
                rows.append((row.bbox[1], texts))
    return rows


def run(variant: str, golds: list[dict]) -> tuple[Score, float]:
    from pipeline.readers import pdf

    original = pdf._page_blocks
    if variant == "pdfplumber text":

        def page_blocks(page, page_no, flow, scan):
            from pipeline.records import Block, Position

            rows = text_strategy(page)
            if not rows:
                return original(page, page_no, flow, scan)
            top = min(t for t, _ in rows)
            lines = [ln for ln in page.extract_text_lines() if ln["top"] < top - 1]
            placed = [(ln["top"], Block(ln["text"], (), Position(page=page_no))) for ln in lines]
            placed += [(t, Block("\t".join(c), c, Position(page=page_no, table=flow.table_no))) for t, c in rows]
            placed.sort(key=lambda p: p[0])
            flow.table_no += 1
            return [b for _, b in placed]

        pdf._page_blocks = page_blocks
    score, times = Score(), []
    try:
        for gold in golds:
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                doc = parse_file(gold["path"])
                runs.append(time.perf_counter() - start)
            times.append(statistics.median(runs))
            score_document(gold, doc, score)
    finally:
        pdf._page_blocks = original
    return score, statistics.median(times)


def main() -> None:
    golds = [g for g in gold_files() if g["split"] == "dev" and _format(g) == "pdf-unruled"]
    print(f"{len(golds)} dev PDFs without rules: {', '.join(g['file'] for g in golds)}")
    print(f"{'variant':<18} {'activity':>9} {'deadline':>9} {'responsible':>12} {'s/file':>8}")
    for variant in ("word positions", "pdfplumber text"):
        score, median = run(variant, golds)
        cells = [f"{score.share(m) or 0:>9.1%}" for m in ("activity", "deadline")]
        print(f"{variant:<18} {cells[0]} {cells[1]} {score.share('responsible') or 0:>12.1%} {median:>8.2f}")


def _format(gold: dict) -> str:
    src = next((ROOT / "tests/realdocs/src").glob(gold["file"].rsplit(".", 1)[0] + ".json"), None)
    if not src:
        return ""
    import json

    return json.loads(src.read_text(encoding="utf-8")).get("format", "")


if __name__ == "__main__":
    main()
