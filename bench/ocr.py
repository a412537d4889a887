"""Scans and old formats: OCR speed and accuracy, the OCR engine and resolution choices, and
LibreOffice's conversion time. Everything is measured side by side in one run (medians).

    .venv/bin/python bench/ocr.py [--runs 3]

1. Resolution: the scanned fixture (3 pages, scanned at 200 dpi) read at 200, 300 and 400 dpi;
   rows found, character error rate (CER) of the activity texts against the source pages'
   text layer, and seconds per page.
2. Threads: pages per second with 1 and 2 OCR threads (cache off).
3. Engine: the same straightened page images read whole by tesserocr (in-process, model loaded
   once) and by the `tesseract` program (a process per page, PNG in, TSV out): seconds per page
   and the share of the source page's words each finds (order-free: the engines lay out a table
   differently, and the reading order is ours to rebuild anyway).
4. LibreOffice: seconds to convert the .doc, .rtf and .odt fixtures to DOCX.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pypdfium2  # noqa: E402

from pipeline import config  # noqa: E402
from pipeline.parse import parse_bytes  # noqa: E402
from pipeline.readers import ocr, office, scan_layout  # noqa: E402
from tests.test_ocr import cer, same_dash  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SCAN = (FIXTURES / "roadmap_004_scan.pdf").read_bytes()


def source_rows():
    pdf = pypdfium2.PdfDocument.new()
    pdf.import_pages(pypdfium2.PdfDocument(str(FIXTURES / "roadmap_004.pdf")), [0, 1, 2])
    buf = io.BytesIO()
    pdf.save(buf)
    return [i for i in parse_bytes(buf.getvalue(), "source.pdf").items if i.kind == "row"]


def activity_cer(want, got) -> float:
    if [r.number for r in want] != [r.number for r in got]:
        return float("nan")
    edits = sum(
        cer(same_dash(w.activity), same_dash(g.activity)) * len(w.activity) for w, g in zip(want, got, strict=True)
    )
    return edits / sum(len(w.activity) for w in want)


def timed_parse(runs: int) -> tuple[float, object]:
    """Median seconds to parse the scan with the cache empty, and the last document."""
    seconds, doc = [], None
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            config.OCR_CACHE = Path(cache)
            clock = time.perf_counter()
            doc = parse_bytes(SCAN, "scan.pdf")
            seconds.append(time.perf_counter() - clock)
    return statistics.median(seconds), doc


def resolution(runs: int, want) -> None:
    print("1. Resolution (scan made at 200 dpi; 2 threads)")
    print(f"   {'dpi':>5} {'rows':>6} {'activity CER':>13} {'s/page':>8}")
    chosen = ocr.resolution
    for dpi in (200, 300, 400):
        ocr.resolution = lambda _, dpi=dpi: dpi  # forced, whatever the scan's own resolution
        seconds, doc = timed_parse(runs)
        got = [i for i in doc.items if i.kind == "row"]
        print(f"   {dpi:>5} {len(got):>3}/{len(want):<2} {activity_cer(want, got):>13.2%} {seconds / 3:>8.2f}")
    ocr.resolution = chosen
    print(f"   chosen for this scan: {chosen(200)} dpi (its own resolution; see pipeline/readers/ocr.resolution)")


def threads(runs: int) -> None:
    print("2. Threads (the scan's own 200 dpi, cache off)")
    base = None
    for n in (1, 2):
        config.OCR_THREADS = n
        seconds, _ = timed_parse(runs)
        base = base or seconds
        print(f"   {n} thread(s): {3 / seconds:.2f} pages/s ({base / seconds:.2f}× one thread)")
    config.OCR_THREADS = 2


def straightened_pages(dpi: int) -> list[np.ndarray]:
    from PIL import Image

    pdf = pypdfium2.PdfDocument(SCAN)
    out = []
    for index in range(len(pdf)):
        gray = np.asarray(pdf[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
        turned = Image.fromarray(gray).rotate(scan_layout.skew(gray), resample=Image.BICUBIC, fillcolor=255)
        out.append(np.asarray(turned))
    return out


def truth_words() -> list[Counter]:
    pdf = pypdfium2.PdfDocument(str(FIXTURES / "roadmap_004.pdf"))
    return [Counter(pdf[i].get_textpage().get_text_range().split()) for i in range(3)]


def found(truth: Counter, text: str) -> float:
    return sum((truth & Counter(text.split())).values()) / sum(truth.values())


def engines(runs: int) -> None:
    import tesserocr
    from PIL import Image

    print("3. Engine (whole straightened pages, 300 dpi, one thread)")
    pages, truth = straightened_pages(300), truth_words()
    api = tesserocr.PyTessBaseAPI(path=str(config.TESSDATA), lang="rus")
    rows = []
    for name in ("tesserocr", "tesseract program"):
        seconds, share = [], []
        for _ in range(runs):
            texts = []
            clock = time.perf_counter()
            for page in pages:
                if name == "tesserocr":
                    api.SetImage(Image.fromarray(page))
                    api.SetSourceResolution(300)
                    texts.append(api.GetUTF8Text())
                else:
                    with tempfile.TemporaryDirectory() as tmp:
                        Image.fromarray(page).save(f"{tmp}/p.png")
                        run = subprocess.run(
                            ["tesseract", f"{tmp}/p.png", "-", "-l", "rus", "--dpi", "300", "tsv"],
                            capture_output=True, text=True, check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"},
                        )  # fmt: skip
                        words = [ln.split("\t")[-1] for ln in run.stdout.splitlines()[1:] if ln.count("\t") >= 11]
                        texts.append(" ".join(words))
            seconds.append((time.perf_counter() - clock) / len(pages))
            share = [found(t, x) for t, x in zip(truth, texts, strict=True)]
        rows.append((name, statistics.median(seconds), statistics.mean(share)))
    api.End()
    for name, s, share in rows:
        print(f"   {name:<18} {s:.2f} s/page ({s / rows[0][1]:.2f}× tesserocr), source words found {share:.1%}")


def libreoffice(runs: int) -> None:
    print("4. LibreOffice conversion to DOCX")
    for kind in ("doc", "rtf", "odt"):
        data = (FIXTURES / f"roadmap_001.{kind}").read_bytes()
        seconds = []
        for _ in range(runs):
            clock = time.perf_counter()
            office.to_docx(data, kind)
            seconds.append(time.perf_counter() - clock)
        print(f"   .{kind}: {statistics.median(seconds):.2f} s per file ({len(data) / 1024:.0f} KB)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"Tesseract models: {config.TESSDATA}; cores: {os.cpu_count()}; medians of {args.runs} runs")
    want = source_rows()
    resolution(args.runs, want)
    threads(args.runs)
    engines(args.runs)
    libreoffice(args.runs)


if __name__ == "__main__":
    main()
