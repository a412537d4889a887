"""Parsing accuracy on the real-document set (tests/realdocs/), per split.

    .venv/bin/python bench/realdocs.py [--details] [--scanned] [--from NN] [--to NN] [--heads]

For each split (dev: tuned on; holdout: never looked at while tuning) it prints the share of
gold table rows whose activity is found in an item's activity, of those rows whose deadline,
responsible and result (no target) match, of order clauses found, of documents whose kind, date,
number and region match, and the files with a warning or with silent loss (gold text that is nowhere in
the output while the file has no warning). `--details` lists the misses of the dev split only;
`--from NN` / `--to NN` take the documents numbered from / up to NN (a newly added set, measured
before tuning). `--heads` scores the document heads of `tests/realdocs/heads/` (metadata only).

`--scanned` takes the set's PDFs only and reads each twice, from its text layer and as a scan
(every page rendered at 200 dpi, turned by up to a degree, grainy: `make_fixtures.scanned_page`),
so OCR is measured against the same gold on documents it was never tuned on.

Texts are compared after lower-casing, «ё» → «е» and dropping everything but letters and
digits (so spacing, dashes and quotes do not count), and match at a similarity of 0.9.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import places  # noqa: E402
from pipeline.parse import parse_bytes, parse_file  # noqa: E402
from pipeline.records import Document, Item  # noqa: E402
from pipeline.segment.coverage import placed_words, words  # noqa: E402

REALDOCS = ROOT / "tests" / "realdocs"
META_FIELDS = ("kind", "date", "number", "region")
# Reported for information (no target in issue #12): compared as similar texts.
EXTRA_FIELDS = ("municipality", "issuer", "title")


def norm(text: str | None) -> str:
    return re.sub(r"[^0-9a-zа-я]", "", (text or "").lower().replace("ё", "е"))


def similar(a: str | None, b: str | None) -> bool:
    a, b = norm(a), norm(b)
    if a == b:
        return True
    return bool(a and b) and SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9


@dataclass
class Score:
    """Counts for one split: hits and totals per measure, and what was missed."""

    hits: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    files: int = 0
    warned: list[str] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)

    def add(self, measure: str, ok: bool, miss: str = "") -> None:
        self.hits[measure] = self.hits.get(measure, 0) + int(ok)
        self.totals[measure] = self.totals.get(measure, 0) + 1
        if not ok and miss:
            self.misses.append(f"[{measure}] {miss}")

    def share(self, measure: str) -> float | None:
        total = self.totals.get(measure, 0)
        return self.hits.get(measure, 0) / total if total else None


def gold_files(folder: Path = REALDOCS) -> list[dict]:
    out = []
    for path in sorted((folder / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        gold["path"] = folder / "docs" / gold["file"]
        out.append(gold)
    return out


def _match_rows(gold_rows: list[dict], items: list[Item]) -> list[Item | None]:
    """The item whose activity matches each gold row (in order, each item used once)."""
    free = list(items)
    out: list[Item | None] = []
    for row in gold_rows:
        want = norm(row["activity"])
        best, best_ratio = None, 0.0
        for item in free:
            got = norm(item.activity)
            ratio = 1.0 if got == want else SequenceMatcher(None, got, want, autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = item, ratio
        if best is not None and best_ratio >= 0.9:
            free.remove(best)
            out.append(best)
        else:
            out.append(None)
    return out


def score_document(gold: dict, doc: Document, score: Score) -> None:
    name = gold["file"]
    score.files += 1
    want = gold["document"]
    for f in META_FIELDS:
        got, wanted = getattr(doc, f), want.get(f)
        if f == "region" and got and wanted:  # one subject, any of its names («Республика Татарстан (Татарстан)»)
            got, wanted = places.official_region(got), places.official_region(wanted)
        score.add(f, norm(got) == norm(wanted), f"{name}: {f} {got!r} ≠ {wanted!r}")
    for f in EXTRA_FIELDS:
        got, wanted = getattr(doc, f), want.get(f)
        if f == "municipality" and got and wanted:  # one municipality, either form («Таловский муниципальный район»)
            got, wanted = places.official_municipality(got), places.official_municipality(wanted)
        score.add(f, similar(got, wanted), f"{name}: {f} {got!r} ≠ {wanted!r}")
    rows = gold.get("rows") or []
    matched = _match_rows(rows, doc.items)
    for row, item in zip(rows, matched, strict=True):
        score.add("activity", item is not None, f"{name}: row {row.get('number')} «{row['activity'][:70]}»")
        for f in ("deadline", "responsible", "result"):  # result: no target, measured to be seen
            if row.get(f):
                got = getattr(item, f) if item else None
                score.add(
                    f,
                    item is not None and similar(got, row[f]),
                    f"{name}: row {row.get('number')} {f} {got!r} ≠ {row[f]!r}",
                )
    clauses = [i for i in doc.items if i.kind == "clause"]
    for clause in gold.get("clauses") or []:
        ok = any(similar(c.activity, clause["text"]) for c in clauses)
        score.add("clauses", ok, f"{name}: clause {clause.get('number')} «{clause['text'][:70]}»")
    warnings = doc.warnings()
    if warnings:
        score.warned.append(f"{name}: {'; '.join(warnings)}")
    placed = placed_words(doc)
    texts = [r["activity"] for r in rows] + [c["text"] for c in gold.get("clauses") or []]
    lost = [t for t in texts if sum(1 for w in words(t) if placed[w] == 0) > 0.5 * len(words(t))]
    if lost and not warnings:
        score.silent.append(f"{name}: «{lost[0][:70]}»")


def evaluate(
    pdfs_only: bool = False,
    scanned: bool = False,
    first: int = 0,
    last: int = 999,
    heads: bool = False,
    splits: tuple[str, ...] = ("dev", "holdout"),
) -> dict[str, Score]:
    scores = {split: Score() for split in splits}
    for gold in gold_files(REALDOCS / "heads" if heads else REALDOCS):
        path = gold["path"]
        number = int(re.match(r"\d+", path.name).group(0))
        if (pdfs_only and path.suffix != ".pdf") or not first <= number <= last or gold["split"] not in scores:
            continue
        doc = parse_bytes(scan_of(path), path.name) if scanned else parse_file(path)
        score_document(gold, doc, scores[gold["split"]])
    return scores


def scan_of(path: Path) -> bytes:
    """The PDF as a scanner gives it back: images only (tests/fixtures/make_fixtures.py)."""
    import io

    import pypdfium2

    from tests.fixtures.make_fixtures import SCAN_DPI, scanned_page

    pages = [scanned_page(path, i, seed=i) for i in range(len(pypdfium2.PdfDocument(str(path))))]
    buf = io.BytesIO()
    pages[0].save(buf, format="PDF", save_all=True, append_images=pages[1:], resolution=SCAN_DPI, quality=60)
    return buf.getvalue()


def report(scores: dict[str, Score]) -> str:
    measures = ("activity", "deadline", "responsible", "result", "clauses", *META_FIELDS, *EXTRA_FIELDS)
    lines = [f"{'measure':<12}" + "".join(f"{s:>22}" for s in scores)]
    for m in measures:
        cells = []
        for s in scores.values():
            share = s.share(m)
            cells.append(f"{share:>8.1%} ({s.hits.get(m, 0):>3}/{s.totals.get(m, 0):>3})" if share is not None else "—")
        lines.append(f"{m:<12}" + "".join(f"{c:>22}" for c in cells))
    for label, attr in (("files", "files"), ("warned", "warned"), ("silent loss", "silent")):
        values = [getattr(s, attr) for s in scores.values()]
        lines.append(f"{label:<12}" + "".join(f"{v if isinstance(v, int) else len(v):>22}" for v in values))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--details", action="store_true", help="list the dev split's misses and warnings")
    ap.add_argument("--scanned", action="store_true", help="the PDFs from their text layer, then as scans")
    ap.add_argument("--from", dest="first", type=int, default=0, help="only documents numbered from this on")
    ap.add_argument("--to", dest="last", type=int, default=999, help="only documents numbered up to this")
    ap.add_argument("--heads", action="store_true", help="the document heads of heads/ (metadata only)")
    ap.add_argument("--tuning", action="store_true", help="dev only: the held-out split is not even read")
    args = ap.parse_args()
    splits = ("dev",) if args.tuning else ("dev", "holdout")
    if args.scanned:
        print("PDFs read from their text layer:")
        print(report(evaluate(pdfs_only=True)))
        print("\nThe same PDFs as scans (OCR):")
        scores = evaluate(pdfs_only=True, scanned=True)
        print(report(scores))
        if args.details:
            print("\ndev misses (scans):", *scores["dev"].misses, sep="\n  ")
        return
    scores = evaluate(first=args.first, last=args.last, heads=args.heads, splits=splits)
    print(report(scores))
    if args.details:
        dev = scores["dev"]
        print("\ndev misses:", *dev.misses, sep="\n  ")
        print("\ndev warnings:", *dev.warned, sep="\n  ")
        print("\ndev silent loss:", *dev.silent, sep="\n  ")


if __name__ == "__main__":
    main()
