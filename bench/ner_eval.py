"""Entity tagging against the gold: ours beside natasha alone.

    .venv/bin/python bench/ner_eval.py [--details]

Prints precision / recall / F1 per label (exact span and label match) for the development
seeds (000, 001, 003, 004; the rules were tuned on them) and the held-out seed (002)
(tests/gold/entities.tsv), then for the real-text excerpts written blind (tests/gold/real/:
dev, and the held-out third never looked at while tuning), the confusions (same span, other
label; same label, other boundaries) on the development sets, and tagging speed.
`--details` lists the real dev split's errors one by one; `--tuning` hides every held-out
figure, for use while rules change.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.labels import LABELS  # noqa: E402
from pipeline.parse import parse_file  # noqa: E402
from pipeline.tag import DOC_FIELDS, ITEM_FIELDS, _doc_field, tag_documents  # noqa: E402
from pipeline.text import fold_lookalikes  # noqa: E402

GOLD = ROOT / "tests/gold/entities.tsv"
DEV, HELD_OUT = ("000", "001", "003", "004"), ("002",)
SETS = {
    "first (001-061)": range(1, 62),
    "second (062-121)": range(62, 122),
    "third (122-181)": range(122, 182),
    "fourth (182-211)": range(182, 212),
    "fifth (212-241)": range(212, 242),
    "sixth (242-271)": range(242, 272),
    "seventh (272-301)": range(272, 302),
    "eighth (302-331)": range(302, 332),
    "ninth (332-361)": range(332, 362),
    "tenth (362-391)": range(362, 392),
    "eleventh (392-421)": range(392, 422),
    "twelfth (422-451)": range(422, 452),
    "thirteenth (452-481)": range(452, 482),
    "fourteenth (482-511)": range(482, 512),
    "fifteenth (512-541)": range(512, 542),
    "sixteenth (542-571)": range(542, 572),
    "seventeenth (572-601)": range(572, 602),
    "eighteenth (602-631)": range(602, 632),
    "nineteenth (632-661)": range(632, 662),
    "twentieth (662-691)": range(662, 692),
    "twenty-first (692-721)": range(692, 722),
    "twenty-second (722-751)": range(722, 752),
    "twenty-third (752-781)": range(752, 782),
    "twenty-fourth (782-811)": range(782, 812),
    "twenty-fifth (812-841)": range(812, 842),
    "twenty-sixth (842-871)": range(842, 872),
    "twenty-seventh (872-901)": range(872, 902),
    "twenty-eighth (902-931)": range(902, 932),
    "twenty-ninth (932-961)": range(932, 962),
}
REAL = ROOT / "tests/gold/real"

Span = tuple[str, int, str, int, int, str]  # doc, item, field, start, end, label


def load_gold() -> set[Span]:
    with open(GOLD, encoding="utf-8") as f:
        return {
            (r["doc"], int(r["item"]), r["field"], int(r["start"]), int(r["end"]), r["label"])
            for r in csv.DictReader(f, delimiter="\t")
        }


def documents() -> dict:
    return {p.name[:3]: parse_file(p) for p in sorted((ROOT / "corpus").glob("*.txt"))}


def fields(docs: dict):
    """(doc, item, field, text) for every tagged field, as the tagger sees them."""
    for key, doc in docs.items():
        for name in DOC_FIELDS:
            text = _doc_field(doc, name)
            if text:
                yield key, 0, name, text
        for item in doc.items:
            for name in ITEM_FIELDS:
                text = getattr(item, name)
                if text:
                    yield key, item.ordinal, name, text


def ours(docs: dict) -> set[Span]:
    tag_documents(docs.values())
    found = set()
    for key, doc in docs.items():
        for e in doc.entities:
            found.add((key, 0, e.field, e.start, e.end, e.label))
        for item in doc.items:
            for e in item.entities:
                found.add((key, item.ordinal, e.field, e.start, e.end, e.label))
    return found


def natasha_alone(docs: dict) -> set[Span]:
    from pipeline.tag.nlp import natasha_tagger

    units = list(fields(docs))
    markups = natasha_tagger().map([fold_lookalikes(t) for *_, t in units])
    return {
        (key, item, name, s.start, s.stop, s.type)
        for (key, item, name, _), m in zip(units, markups, strict=True)
        for s in m.spans
    }


def score(gold: set[Span], found: set[Span], docs: tuple[str, ...]) -> dict[str, tuple[float, float, float, int]]:
    """label → (precision, recall, F1, gold count) on the given documents."""
    g = {s for s in gold if s[0] in docs}
    f = {s for s in found if s[0] in docs}
    out = {}
    for label in LABELS:
        gl, fl = {s for s in g if s[5] == label}, {s for s in f if s[5] == label}
        tp = len(gl & fl)
        p = tp / len(fl) if fl else (1.0 if not gl else 0.0)
        r = tp / len(gl) if gl else (1.0 if not fl else 0.0)
        out[label] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, len(gl))
    return out


def confusions(gold: set[Span], found: set[Span]) -> Counter:
    by_place = {s[:5]: s[5] for s in gold}
    c: Counter = Counter()
    for s in found - gold:
        if s[:5] in by_place:
            c[f"{by_place[s[:5]]} tagged {s[5]}"] += 1
        elif any(g[:3] == s[:3] and g[5] == s[5] and g[3] < s[4] and s[3] < g[4] for g in gold):
            c[f"{s[5]} wrong boundaries"] += 1
        else:
            c[f"{s[5]} spurious"] += 1
    for s in gold - found:
        if not any(f[:3] == s[:3] and f[3] < s[4] and s[3] < f[4] for f in found):
            c[f"{s[5]} missed"] += 1
    return c


def table(title: str, rows: dict[str, dict]) -> None:
    print(f"\n{title}")
    names = list(rows)
    print(f"{'label':<8} {'gold':>5}  " + "  ".join(f"{n + ' P/R/F1':>22}" for n in names))
    for label in LABELS:
        n = next(iter(rows.values()))[label][3]
        cells = "  ".join(f"{p:6.2f} {r:6.2f} {f:6.2f}  " for p, r, f, _ in (rows[x][label] for x in names))
        print(f"{label:<8} {n:>5}  {cells}")


def real_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(REAL.glob("[0-9][0-9][0-9]_*.txt"))}


def real_split(name: str) -> str:
    return "holdout" if int(name[:3]) % 3 == 0 else "dev"


def real_gold() -> set[Span]:
    with open(REAL / "entities.tsv", encoding="utf-8") as f:
        return {
            (r["file"], 1, "activity", int(r["start"]), int(r["end"]), r["label"])
            for r in csv.DictReader(f, delimiter="\t")
        }


def real_docs(texts: dict[str, str]) -> dict:
    """Each excerpt as a document of one paragraph: the tagger sees the whole text as one field."""
    from pipeline.records import Document, Item

    return {name: Document(name, items=[Item("paragraph", 1, activity=text)]) for name, text in texts.items()}


def real_natasha(texts: dict[str, str]) -> set[Span]:
    from pipeline.tag.nlp import natasha_tagger

    markups = natasha_tagger().map([fold_lookalikes(t) for t in texts.values()])
    return {
        (name, 1, "activity", s.start, s.stop, s.type) for name, m in zip(texts, markups, strict=True) for s in m.spans
    }


def real_text(details: bool, tuning: bool = False) -> None:
    texts = real_texts()
    gold = real_gold()
    start = time.perf_counter()
    found = ours(real_docs(texts))
    secs = time.perf_counter() - start
    baseline = real_natasha(texts)
    for split in ("dev",) if tuning else ("dev", "holdout"):
        names = tuple(n for n in texts if real_split(n) == split)
        table(
            f"Real-text excerpts, {split} ({len(names)} excerpts)",
            {"ours": score(gold, found, names), "natasha": score(gold, baseline, names)},
        )
    print("\nF1 per set of excerpts (each set was written after the rules tuned on the ones before)")
    print(f"{'set':<22}{'split':<9}" + "".join(f"{lab:>8}" for lab in LABELS))
    for set_name, numbers in SETS.items():
        for split in ("dev",) if tuning else ("dev", "holdout"):
            names = tuple(n for n in texts if real_split(n) == split and int(n[:3]) in numbers)
            if names:
                f1 = score(gold, found, names)
                print(f"{set_name:<22}{split:<9}" + "".join(f"{f1[lab][2]:>8.2f}" for lab in LABELS))
    dev = {n for n in texts if real_split(n) == "dev"}
    dev_gold, dev_found = {s for s in gold if s[0] in dev}, {s for s in found if s[0] in dev}
    print("\nConfusions (ours, real dev):")
    for what, n in confusions(dev_gold, dev_found).most_common():
        print(f"  {n:>3}  {what}")
    print(f"Tagging the excerpts: {secs / len(texts):.3f} s per excerpt")
    if details:
        for s in sorted(dev_gold - dev_found):
            print("  missed  ", s[0][:24], s[5], repr(texts[s[0]][s[3] : s[4]]))
        for s in sorted(dev_found - dev_gold):
            print("  spurious", s[0][:24], s[5], repr(texts[s[0]][s[3] : s[4]]))


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--details", action="store_true", help="the real dev split's errors one by one")
    parser.add_argument("--tuning", action="store_true", help="hide the held-out split (while changing rules)")
    args = parser.parse_args()
    gold = load_gold()
    docs = documents()
    start = time.perf_counter()
    found = ours(docs)
    secs = time.perf_counter() - start
    baseline = natasha_alone(documents())
    table(
        "Development seeds 000, 001, 003, 004 (rules tuned here)",
        {"ours": score(gold, found, DEV), "natasha": score(gold, baseline, DEV)},
    )
    table(
        "Held-out seed 002",
        {"ours": score(gold, found, HELD_OUT), "natasha": score(gold, baseline, HELD_OUT)},
    )
    print("\nConfusions (ours, all seeds):")
    for what, n in confusions(gold, found).most_common():
        print(f"  {n:>3}  {what}")
    n_fields = sum(1 for _ in fields(docs))
    print(
        f"\nTagging: {len(docs)} documents, {n_fields} fields in {secs:.2f} s "
        f"({secs / len(docs):.2f} s per document, models already loaded: see the first call)"
    )
    real_text(args.details, args.tuning)


if __name__ == "__main__":
    main()
