#!/usr/bin/env python3
"""Validate questions.tsv and queries.tsv against the raw documents (stdlib only).

- .txt documents (corpus/ or tests/realdocs/docs/): evidence must be a substring of the raw text.
- .docx/.pdf documents: evidence must be a substring of the concatenated text of the
  document's gold JSON (tests/realdocs/gold/<stem>.json): all string values, joined by newlines.
Also checks: unique ids, column counts, split rule, allowed types, evidence length, and that
round-7 questions (q464-q529) cite realdocs 157-204, round-9 questions (q596-q661) cite realdocs 205-228,
round-10 questions (q662-q706) cite realdocs 229-240, round-11 questions (q707-q751) cite realdocs 241-252
and round-12 questions (q752-q796) cite realdocs 253-264; round-13 questions (q797-q841) cite a corpus/ document or
realdocs 01-240; round-14 questions (q842-q886) cite realdocs 265-288 (their evidence is looked up in documents
265-288 like any other document); round-15 questions (q887-q931) cite a corpus/ document or realdocs 01-288;
round-16 questions (q932-q976) cite a corpus/ document or realdocs 01-300, at least 25 of them realdocs 157-300 and
at least 6 of them realdocs 289-300 (set U); round-17 questions (q977-q1021) cite a corpus/ document or realdocs
01-312, at least 25 of them realdocs 157-312, at least 10 of them realdocs 301-312 (set V), and at least 25 different
documents in all; round-18 questions (q1022-q1066) cite a corpus/ document or realdocs 01-312, at least 30 of them
realdocs 157-312, and at least 30 different documents in all; round-19 questions (q1067-q1111) cite a corpus/
document or realdocs 01-324, at least 15 of them realdocs 313-324 (set W), at least 30 of them realdocs 157-324, and
at least 30 different documents in all; round-20 questions (q1112-q1156) cite a corpus/ document or realdocs 01-324,
at least 15 of them realdocs 25-72 or 313-324 (the two ranges counted together), at least 30 of them realdocs
157-324, and at least 30 different documents in all; round-21 questions (q1157-q1201) cite a corpus/ document or
realdocs 01-336, at least 15 of them realdocs 325-336 (set X), at least 30 of them realdocs 157-336, and at least 30
different documents in all; round-22 questions (q1202-q1246) cite a corpus/ document or realdocs 01-348, at least 15 of
them realdocs 337-348 (set Y), at least 30 of them realdocs 157-348, and at least 30 different documents in all;
round-23 questions (q1247-q1291) cite a corpus/ document or realdocs 01-360, at least 15 of them realdocs 349-360
(set Z), at least 30 of them realdocs 157-360, and at least 30 different documents in all; round-24 questions
(q1292-q1336) cite a corpus/ document or realdocs 01-372, at least 15 of them realdocs 361-372 (set AA), at least 30
of them realdocs 157-372, and at least 30 different documents in all; round-25 questions (q1337-q1381) cite a
corpus/ document or realdocs 01-384, at least 15 of them realdocs 373-384 (set AB), at least 30 of them realdocs
157-384, and at least 30 different documents in all; round-26 questions (q1382-q1426) cite a corpus/ document or
realdocs 01-396, at least 15 of them realdocs 385-396 (set AC), at least 30 of them realdocs 157-396, and at least 30
different documents in all; round-27 questions (q1427-q1471) cite a corpus/ document or realdocs 01-408, at least 15 of
them realdocs 397-408 (set AD), at least 30 of them realdocs 157-408, and at least 30 different documents in all;
round-28 questions (q1472-q1516) cite a corpus/ document or realdocs 01-420, at least 15 of them realdocs 409-420
(set AE), at least 30 of them realdocs 157-420, and at least 30 different documents in all; round-29 questions
(q1517-q1561) cite a corpus/ document or realdocs 01-432, at least 15 of them realdocs 421-432 (set AF), at least 30
of them realdocs 157-432, and at least 30 different documents in all; round-30 questions (q1562-q1606) cite a corpus/
document or realdocs 01-444, at least 15 of them realdocs 433-444 (set AG), at least 30 of them realdocs 157-444, and
at least 30 different documents in all; round-31 questions (q1607-q1651) cite a corpus/ document or realdocs 01-456, at
least 15 of them realdocs 445-456 (set AH), at least 30 of them realdocs 157-456, and at least 30 different documents
in all; round-32 questions (q1652-q1696) cite a corpus/ document or realdocs 01-468, at least 15 of them realdocs
457-468 (set AI), at least 30 of them realdocs 157-468, and at least 30 different documents in all; round-33
questions (q1697-q1741) cite a corpus/ document or realdocs 01-480, at least 15 of them realdocs 469-480 (set AJ), at
least 30 of them realdocs 157-480, and at least 30 different documents in all; round-34 questions (q1742-q1786) cite a
corpus/ document or realdocs 01-492, at least 15 of them realdocs 481-492 (set AK), at least 30 of them realdocs
157-492, and at least 30 different documents in all; round-35 questions (q1787-q1831) cite a corpus/ document
or realdocs 01-504, at least 15 of them realdocs 493-504 (set AL), at least 30 of them realdocs 157-504, and at least
30 different documents in all.
"""

import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
CORPUS = os.path.join(ROOT, "corpus")
DOCS = os.path.join(ROOT, "tests", "realdocs", "docs")
GOLD = os.path.join(ROOT, "tests", "realdocs", "gold")

TYPES = {"who", "when", "where", "school", "how_many", "method", "is_there"}
_cache = {}


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def doc_text(name):
    if name in _cache:
        return _cache[name]
    text = None
    if name.endswith(".txt"):
        for d in (CORPUS, DOCS):
            p = os.path.join(d, name)
            if os.path.exists(p):
                with open(p, encoding="utf-8") as fh:
                    text = fh.read()
                break
    else:
        stem = os.path.splitext(name)[0]
        p = os.path.join(GOLD, stem + ".json")
        if os.path.exists(os.path.join(DOCS, name)) and os.path.exists(p):
            with open(p, encoding="utf-8") as fh:
                text = "\n".join(_strings(json.load(fh)))
    _cache[name] = text
    return text


def read_tsv(path, ncols):
    errs, rows = [], []
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().rstrip("\n").split("\n")
    header = lines[0].split("\t")
    if len(header) != ncols:
        errs.append(f"{path}: header has {len(header)} columns, expected {ncols}")
    for n, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) != ncols:
            errs.append(f"{os.path.basename(path)}:{n}: {len(cols)} columns, expected {ncols}")
            continue
        rows.append(dict(zip(header, cols, strict=False)))
    return rows, errs


def check_split(rid, split, errs):
    num = int(re.sub(r"\D", "", rid))
    want = "holdout" if num % 3 == 0 else "dev"
    if split != want:
        errs.append(f"{rid}: split {split!r}, expected {want!r}")


def numbered(rows, prefix, errs):
    """The rows, after checking their ids are unique, in order and split by their number."""
    ids = Counter(r["id"] for r in rows)
    errs += [f"duplicate id {i}" for i, c in ids.items() if c > 1]
    for i, r in enumerate(rows, 1):
        if r["id"] != f"{prefix}{i:03d}":
            errs.append(f"{r['id']}: out of order, expected {prefix}{i:03d}")
        check_split(r["id"], r["split"], errs)
    return rows


@dataclass(frozen=True)
class Round:
    """The documents a round's brief allowed its questions, and the minimums it set."""

    number: int
    first: int  # question numbers
    last: int
    documents: tuple[int, int]  # realdocs numbers
    corpus: bool = False  # corpus/ documents allowed too
    # (realdocs range, or several ranges counted together, least questions), in order
    least_cited: tuple[tuple[tuple[int, int] | tuple[tuple[int, int], ...], int], ...] = ()
    least_documents: int = 0


def ranges(spec):
    """A least_cited range as a tuple of (first, last) realdocs ranges: one range, or several counted together."""
    return (spec,) if isinstance(spec[0], int) else spec


ROUNDS = (
    Round(7, 464, 529, (157, 204)),
    Round(9, 596, 661, (205, 228)),
    Round(10, 662, 706, (229, 240)),
    Round(11, 707, 751, (241, 252)),
    Round(12, 752, 796, (253, 264)),
    Round(13, 797, 841, (1, 240), corpus=True),
    Round(14, 842, 886, (265, 288)),
    Round(15, 887, 931, (1, 288), corpus=True),
    Round(16, 932, 976, (1, 300), True, (((157, 300), 25), ((289, 300), 6))),
    Round(17, 977, 1021, (1, 312), True, (((157, 312), 25), ((301, 312), 10)), 25),
    Round(18, 1022, 1066, (1, 312), True, (((157, 312), 30),), 30),
    Round(19, 1067, 1111, (1, 324), True, (((313, 324), 15), ((157, 324), 30)), 30),
    Round(20, 1112, 1156, (1, 324), True, ((((25, 72), (313, 324)), 15), ((157, 324), 30)), 30),
    Round(21, 1157, 1201, (1, 336), True, (((325, 336), 15), ((157, 336), 30)), 30),
    Round(22, 1202, 1246, (1, 348), True, (((337, 348), 15), ((157, 348), 30)), 30),
    Round(23, 1247, 1291, (1, 360), True, (((349, 360), 15), ((157, 360), 30)), 30),
    Round(24, 1292, 1336, (1, 372), True, (((361, 372), 15), ((157, 372), 30)), 30),
    Round(25, 1337, 1381, (1, 384), True, (((373, 384), 15), ((157, 384), 30)), 30),
    Round(26, 1382, 1426, (1, 396), True, (((385, 396), 15), ((157, 396), 30)), 30),
    Round(27, 1427, 1471, (1, 408), True, (((397, 408), 15), ((157, 408), 30)), 30),
    Round(28, 1472, 1516, (1, 420), True, (((409, 420), 15), ((157, 420), 30)), 30),
    Round(29, 1517, 1561, (1, 432), True, (((421, 432), 15), ((157, 432), 30)), 30),
    Round(30, 1562, 1606, (1, 444), True, (((433, 444), 15), ((157, 444), 30)), 30),
    Round(31, 1607, 1651, (1, 456), True, (((445, 456), 15), ((157, 456), 30)), 30),
    Round(32, 1652, 1696, (1, 468), True, (((457, 468), 15), ((157, 468), 30)), 30),
    Round(33, 1697, 1741, (1, 480), True, (((469, 480), 15), ((157, 480), 30)), 30),
    Round(34, 1742, 1786, (1, 492), True, (((481, 492), 15), ((157, 492), 30)), 30),
    Round(35, 1787, 1831, (1, 504), True, (((493, 504), 15), ((157, 504), 30)), 30),
)


def main():
    errs = []
    # ---- questions
    qpath = os.path.join(HERE, "questions.tsv")
    qrows, e = read_tsv(qpath, 7)
    errs += e
    cited: dict[int, list[tuple[int | None, str]]] = {}  # round → (realdocs number, file) per question
    for r in numbered(qrows, "q", errs):
        rid = r["id"]
        if r["type"] not in TYPES:
            errs.append(f"{rid}: bad type {r['type']!r}")
        if not r["question"].strip() or not r["answers"].strip():
            errs.append(f"{rid}: empty question/answers")
        if r["type"] == "is_there" and r["answers"] not in ("да", "нет"):
            errs.append(f"{rid}: is_there answer must be да/нет")
        if r["type"] == "how_many" and not all(re.fullmatch(r"\d+", a.strip()) for a in r["answers"].split(" | ")):
            errs.append(f"{rid}: how_many answers must be digits")
        ev = r["evidence"]
        if not (20 <= len(ev) <= 120):
            errs.append(f"{rid}: evidence length {len(ev)} not in 20..120")
        t = doc_text(r["file"])
        if t is None:
            errs.append(f"{rid}: unknown file {r['file']}")
        elif ev not in t:
            errs.append(f"{rid}: evidence not found in {r['file']}: {ev!r}")
        num = int(re.sub(r"\D", "", rid) or 0)
        m = re.match(r"(\d+)_", r["file"])
        doc = int(m.group(1)) if m else None
        in_corpus = os.path.exists(os.path.join(CORPUS, r["file"]))
        for rnd in ROUNDS:
            if not rnd.first <= num <= rnd.last:
                continue
            lo, hi = rnd.documents
            if not ((rnd.corpus and in_corpus) or (doc is not None and lo <= doc <= hi)):
                where = f"corpus/ or realdocs {lo:02d}-{hi}" if rnd.corpus else f"realdocs {lo}-{hi}"
                errs.append(f"{rid}: round-{rnd.number} question on {r['file']}, expected {where}")
            cited.setdefault(rnd.number, []).append((doc, r["file"]))
    for rnd in ROUNDS:
        rows = cited.get(rnd.number)
        if not rows:
            continue
        for spec, least in rnd.least_cited:
            spans = ranges(spec)
            n = sum(1 for doc, _ in rows if doc is not None and any(lo <= doc <= hi for lo, hi in spans))
            if n < least:
                where = " or ".join(f"{lo}-{hi}" for lo, hi in spans)
                errs.append(f"round {rnd.number}: {n} questions cite realdocs {where}, expected at least {least}")
        files, least = len({f for _, f in rows}), rnd.least_documents
        if least and files < least:
            errs.append(f"round {rnd.number}: questions cite {files} documents, expected at least {least}")
    # ---- queries
    ppath = os.path.join(HERE, "queries.tsv")
    prow = []
    if os.path.exists(ppath):
        prow, e = read_tsv(ppath, 4)
        errs += e
        for r in numbered(prow, "p", errs):
            rid = r["id"]
            nw = len(r["query"].split())
            if not (3 <= nw <= 10):
                errs.append(f"{rid}: query has {nw} words")
            rels = [x.strip() for x in r["relevant"].split(" || ")]
            if not rels or rels == [""]:
                errs.append(f"{rid}: no relevant rows")
            seen = set()
            for rel in rels:
                if " :: " not in rel:
                    errs.append(f"{rid}: bad relevant item {rel!r}")
                    continue
                f, sub = rel.split(" :: ", 1)
                if (f, sub) in seen:
                    errs.append(f"{rid}: duplicate relevant {rel!r}")
                seen.add((f, sub))
                if not (20 <= len(sub) <= 100):
                    errs.append(f"{rid}: relevant substring length {len(sub)}: {sub!r}")
                t = doc_text(f)
                if t is None:
                    errs.append(f"{rid}: unknown file {f}")
                elif sub not in t:
                    errs.append(f"{rid}: not found in {f}: {sub!r}")
    else:
        errs.append("queries.tsv missing")

    for x in errs:
        print("ERROR", x)
    qt = Counter((r["type"], r["split"]) for r in qrows)
    print(f"questions: {len(qrows)}  queries: {len(prow)}")
    for t in sorted(TYPES):
        print(f"  {t:9s} dev={qt[(t, 'dev')]:3d} holdout={qt[(t, 'holdout')]:3d}")
    files = {r["file"] for r in qrows}
    for r in prow:
        for rel in r["relevant"].split(" || "):
            files.add(rel.split(" :: ")[0].strip())
    qfiles = {r["file"] for r in qrows}
    print(
        f"documents in questions: {len(qfiles)} "
        f"(corpus {sum(1 for f in qfiles if os.path.exists(os.path.join(CORPUS, f)))}, "
        f"realdocs {sum(1 for f in qfiles if not os.path.exists(os.path.join(CORPUS, f)))}); "
        f"documents overall: {len(files)}"
    )
    print("OK" if not errs else f"{len(errs)} error(s)")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
