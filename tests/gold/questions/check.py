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
at least 30 different documents in all.
"""

import json
import os
import re
import sys
from collections import Counter

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


def main():
    errs = []
    # ---- questions
    qpath = os.path.join(HERE, "questions.tsv")
    qrows, e = read_tsv(qpath, 7)
    errs += e
    r16_late = r16_u = 0
    r17_late = r17_v = 0
    r17_files = set()
    r18_late = 0
    r18_files = set()
    r19_late = r19_w = 0
    r19_files = set()
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
        # round 7 (q464-q529) is over realdocs 157-204 only
        m = re.match(r"(\d+)_", r["file"])
        if 464 <= int(re.sub(r"\D", "", rid) or 0) <= 529 and not (m and 157 <= int(m.group(1)) <= 204):
            errs.append(f"{rid}: round-7 question on {r['file']}, expected realdocs 157-204")
        # round 9 (q596-q661) is over realdocs 205-228 only
        if 596 <= int(re.sub(r"\D", "", rid) or 0) <= 661 and not (m and 205 <= int(m.group(1)) <= 228):
            errs.append(f"{rid}: round-9 question on {r['file']}, expected realdocs 205-228")
        # round 10 (q662-q706) is over realdocs 229-240 only
        if 662 <= int(re.sub(r"\D", "", rid) or 0) <= 706 and not (m and 229 <= int(m.group(1)) <= 240):
            errs.append(f"{rid}: round-10 question on {r['file']}, expected realdocs 229-240")
        # round 11 (q707-q751) is over realdocs 241-252 only
        if 707 <= int(re.sub(r"\D", "", rid) or 0) <= 751 and not (m and 241 <= int(m.group(1)) <= 252):
            errs.append(f"{rid}: round-11 question on {r['file']}, expected realdocs 241-252")
        # round 12 (q752-q796) is over realdocs 253-264 only
        if 752 <= int(re.sub(r"\D", "", rid) or 0) <= 796 and not (m and 253 <= int(m.group(1)) <= 264):
            errs.append(f"{rid}: round-12 question on {r['file']}, expected realdocs 253-264")
        # round 13 (q797-q841) is over the documents already in the set: corpus/ and realdocs 01-240
        in_corpus = os.path.exists(os.path.join(CORPUS, r["file"]))
        if 797 <= int(re.sub(r"\D", "", rid) or 0) <= 841 and not (in_corpus or (m and 1 <= int(m.group(1)) <= 240)):
            errs.append(f"{rid}: round-13 question on {r['file']}, expected corpus/ or realdocs 01-240")
        # round 14 (q842-q886) is over realdocs 265-288 only
        if 842 <= int(re.sub(r"\D", "", rid) or 0) <= 886 and not (m and 265 <= int(m.group(1)) <= 288):
            errs.append(f"{rid}: round-14 question on {r['file']}, expected realdocs 265-288")
        # round 15 (q887-q931) is over the documents already in the set: corpus/ and realdocs 01-288
        if 887 <= int(re.sub(r"\D", "", rid) or 0) <= 931 and not (in_corpus or (m and 1 <= int(m.group(1)) <= 288)):
            errs.append(f"{rid}: round-15 question on {r['file']}, expected corpus/ or realdocs 01-288")
        # round 16 (q932-q976) is over the documents already in the set: corpus/ and realdocs 01-300
        if 932 <= int(re.sub(r"\D", "", rid) or 0) <= 976:
            if not (in_corpus or (m and 1 <= int(m.group(1)) <= 300)):
                errs.append(f"{rid}: round-16 question on {r['file']}, expected corpus/ or realdocs 01-300")
            if m and 157 <= int(m.group(1)) <= 300:
                r16_late += 1
            if m and 289 <= int(m.group(1)) <= 300:
                r16_u += 1
        # round 17 (q977-q1021) is over the documents already in the set: corpus/ and realdocs 01-312
        if 977 <= int(re.sub(r"\D", "", rid) or 0) <= 1021:
            if not (in_corpus or (m and 1 <= int(m.group(1)) <= 312)):
                errs.append(f"{rid}: round-17 question on {r['file']}, expected corpus/ or realdocs 01-312")
            if m and 157 <= int(m.group(1)) <= 312:
                r17_late += 1
            if m and 301 <= int(m.group(1)) <= 312:
                r17_v += 1
            r17_files.add(r["file"])
        # round 18 (q1022-q1066) is over the documents already in the set: corpus/ and realdocs 01-312
        if 1022 <= int(re.sub(r"\D", "", rid) or 0) <= 1066:
            if not (in_corpus or (m and 1 <= int(m.group(1)) <= 312)):
                errs.append(f"{rid}: round-18 question on {r['file']}, expected corpus/ or realdocs 01-312")
            if m and 157 <= int(m.group(1)) <= 312:
                r18_late += 1
            r18_files.add(r["file"])
        # round 19 (q1067-q1111) is over the documents already in the set: corpus/ and realdocs 01-324
        if 1067 <= int(re.sub(r"\D", "", rid) or 0) <= 1111:
            if not (in_corpus or (m and 1 <= int(m.group(1)) <= 324)):
                errs.append(f"{rid}: round-19 question on {r['file']}, expected corpus/ or realdocs 01-324")
            if m and 157 <= int(m.group(1)) <= 324:
                r19_late += 1
            if m and 313 <= int(m.group(1)) <= 324:
                r19_w += 1
            r19_files.add(r["file"])
    if any(932 <= int(re.sub(r"\D", "", r["id"]) or 0) <= 976 for r in qrows):
        if r16_late < 25:
            errs.append(f"round 16: {r16_late} questions cite realdocs 157-300, expected at least 25")
        if r16_u < 6:
            errs.append(f"round 16: {r16_u} questions cite realdocs 289-300, expected at least 6")
    if any(977 <= int(re.sub(r"\D", "", r["id"]) or 0) <= 1021 for r in qrows):
        if r17_late < 25:
            errs.append(f"round 17: {r17_late} questions cite realdocs 157-312, expected at least 25")
        if r17_v < 10:
            errs.append(f"round 17: {r17_v} questions cite realdocs 301-312, expected at least 10")
        if len(r17_files) < 25:
            errs.append(f"round 17: questions cite {len(r17_files)} documents, expected at least 25")
    if any(1022 <= int(re.sub(r"\D", "", r["id"]) or 0) <= 1066 for r in qrows):
        if r18_late < 30:
            errs.append(f"round 18: {r18_late} questions cite realdocs 157-312, expected at least 30")
        if len(r18_files) < 30:
            errs.append(f"round 18: questions cite {len(r18_files)} documents, expected at least 30")
    if any(1067 <= int(re.sub(r"\D", "", r["id"]) or 0) <= 1111 for r in qrows):
        if r19_w < 15:
            errs.append(f"round 19: {r19_w} questions cite realdocs 313-324, expected at least 15")
        if r19_late < 30:
            errs.append(f"round 19: {r19_late} questions cite realdocs 157-324, expected at least 30")
        if len(r19_files) < 30:
            errs.append(f"round 19: questions cite {len(r19_files)} documents, expected at least 30")
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
