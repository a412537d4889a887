#!/usr/bin/env python3
"""Build the real-text gold set from marked.txt (stdlib only).

marked*.txt (read in name order): blocks headed by
    === NNN slug | URL | Region
followed by text with inline markup [[LABEL|surface]] (never nested).
Writes NNN_slug.txt (plain text, UTF-8, one trailing newline), entities.tsv,
SOURCES.md and counts.tsv, and checks offsets, overlaps and leftover brackets.
`build.py marked_2.txt` only checks that one file and writes nothing (for an annotator
working beside another one).
"""

import collections
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {"PER", "LOC", "ORG", "SCHOOL", "EVENT", "DATE"}
MARK = re.compile(r"\[\[([A-Z]+)\|(.*?)\]\]", re.S)
HEAD = re.compile(r"^=== (\d{3}) (\S+) \| (\S+) \| ([^|]+?)(?: \| (.*?))?\s*$")


def parse(path):
    blocks, cur = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = HEAD.match(line)
            if m:
                cur = {
                    "num": m.group(1),
                    "slug": m.group(2),
                    "url": m.group(3),
                    "region": m.group(4),
                    "note": m.group(5) or "kept facts; sentences rephrased",
                    "lines": [],
                }
                blocks.append(cur)
            elif line.startswith("#") and cur is None:
                continue
            elif cur is not None:
                cur["lines"].append(line)
    return blocks


def render(marked):
    out, ents, pos = [], [], 0
    for m in MARK.finditer(marked):
        out.append(marked[pos : m.start()])
        plain_so_far = "".join(out)
        label, surface = m.group(1), m.group(2)
        if label not in LABELS:
            raise ValueError(f"bad label {label!r}")
        if "[[" in surface or ("|" in surface and surface.count("|") and "[[" in surface):
            raise ValueError(f"nested markup in {surface!r}")
        start = len(plain_so_far)
        out.append(surface)
        ents.append((start, start + len(surface), label, surface))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), ents


def main():
    only = sys.argv[1:]
    paths = [os.path.join(HERE, p) for p in only] or sorted(
        glob.glob(os.path.join(HERE, "marked*.txt"))
    )
    blocks = [b for p in paths for b in parse(p)]
    write = not only
    errors, rows, seen = [], [], set()
    counts = collections.Counter()
    split_counts = collections.Counter()
    regions = collections.Counter()
    src_rows = []
    for b in blocks:
        if b["num"] in seen:
            errors.append("duplicate number {}".format(b["num"]))
        seen.add(b["num"])
        marked = "\n".join(b["lines"]).strip("\n")
        try:
            text, ents = render(marked)
        except ValueError as e:
            errors.append("{}: {}".format(b["num"], e))
            continue
        text = text.rstrip() + "\n"
        fname = "{}_{}.txt".format(b["num"], b["slug"])
        for bad in ("[[", "]]"):
            if bad in text:
                errors.append(f"{fname}: leftover {bad!r}")
        ents.sort()
        for i, (s, e, lab, t) in enumerate(ents):
            if text[s:e] != t:
                errors.append(f"{fname}: offset mismatch {t!r}")
            if t != t.strip() or not t:
                errors.append(f"{fname}: span with outer whitespace {t!r}")
            if "\t" in t or "\n" in t:
                errors.append(f"{fname}: tab/newline inside span {t!r}")
            if i and s < ents[i - 1][1]:
                errors.append(f"{fname}: overlap {ents[i - 1][3]!r} / {t!r}")
            rows.append((fname, s, e, lab, t))
            counts[lab] += 1
            split = "heldout" if int(b["num"]) % 3 == 0 else "dev"
            split_counts[(split, lab)] += 1
        if write:
            with open(os.path.join(HERE, fname), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        regions[b["region"]] += 1
        src_rows.append((fname, b["url"], b["region"], len(text), len(ents), b["note"]))
    if write:
        write_tables(rows, split_counts, src_rows)
    report(rows, counts, split_counts, regions, src_rows, errors)


def write_tables(rows, split_counts, src_rows):
    with open(os.path.join(HERE, "entities.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("file\tstart\tend\tlabel\ttext\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")
    with open(os.path.join(HERE, "counts.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("split\tlabel\tcount\n")
        for split in ("dev", "heldout"):
            for lab in sorted(LABELS):
                f.write(f"{split}\t{lab}\t{split_counts[(split, lab)]}\n")
    with open(os.path.join(HERE, "SOURCES.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Sources of the real-text excerpts\n\n")
        f.write(
            "Each excerpt is modelled on one real page found with the stored-pages search. "
            "Kept from the page: the names of bodies, schools, people in public roles, "
            "places, event titles, dates and the page's typography (site chrome, "
            "quotes, № / N, dashes, date forms). Written by the annotator: every sentence "
            "(paraphrased, never copied) and, in tables/plans, the row layout; where a "
            "page gave too few date forms, extra deadline phrases of the same kind "
            "were written in.\n\n"
        )
        f.write(
            "| file | split | region | chars | entities | modelled on | kept / written |\n"
            "|---|---|---|---|---|---|---|\n"
        )
        for fname, url, region, n, k, note in src_rows:
            split = "heldout" if int(fname[:3]) % 3 == 0 else "dev"
            f.write(f"| {fname} | {split} | {region} | {n} | {k} | {url} | {note} |\n")


def report(rows, counts, split_counts, regions, src_rows, errors):
    print(f"excerpts: {len(src_rows)}, entities: {len(rows)}, regions: {len(regions)}")
    print("per label:", dict(sorted(counts.items())))
    for split in ("dev", "heldout"):
        print(
            split,
            {lab: split_counts[(split, lab)] for lab in sorted(LABELS)},
            "docs:",
            sum(1 for r in src_rows if (int(r[0][:3]) % 3 == 0) == (split == "heldout")),
        )
    short = [r[0] for r in src_rows if r[3] < 400]
    long_ = [r[0] for r in src_rows if r[3] > 1100]
    if short:
        print("short (<400):", short)
    if long_:
        print("long (>1100):", long_)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
