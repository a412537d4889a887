"""Embedding engines side by side: items/s, query latency and agreement with float32.

    .venv/bin/python bench/embed.py [--items 5000] [--runs 3]

Each engine of `index.embedder.ENGINES` embeds the same item texts (the corpus's and
tests/realdocs' items, repeated with a copy number until `--items`) and the judged queries one
at a time, in one process, in rounds so that the machine's noise falls on all alike. Printed:
median items/s and its ratio to sentence-transformers float32, median query milliseconds, and the
cosine of each engine's vectors to float32's (median and minimum) on passages and queries. The
gate for an engine other than float32: median ≥ 0.995, minimum ≥ 0.98; nDCG@10 of
`bench/retrieval.py` run with PRAKTIKA_EMBED_ENGINE set is the other half.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index import embedder  # noqa: E402
from pipeline.parse import files_in, parse_file  # noqa: E402


def item_texts() -> list[str]:
    texts = []
    for path in files_in(ROOT / "corpus") + files_in(ROOT / "tests" / "realdocs" / "docs"):
        doc = parse_file(path)
        texts += [i.passage() for i in doc.items]
    return [t for t in texts if t.strip()]


def queries() -> list[str]:
    out = []
    for tsv in (ROOT / "tests/gold/queries.tsv", ROOT / "tests/gold/questions/queries.tsv"):
        with open(tsv, encoding="utf-8") as f:
            out += [r["query"] for r in csv.DictReader(f, delimiter="\t")]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    base = item_texts()
    copies = base * (args.items // len(base) + 1)
    texts = [f"{t} {n // len(base)}" if n >= len(base) else t for n, t in enumerate(copies[: args.items])]
    asked = queries()
    engines = {name: embedder.encoder(name) for name in embedder.ENGINES}
    for enc in engines.values():  # load and warm up outside the timing
        enc.passages(texts[:64])
        enc.query("прогрев")
    speed: dict[str, list[float]] = {n: [] for n in engines}
    latency: dict[str, list[float]] = {n: [] for n in engines}
    vectors: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for _ in range(args.runs):
        for name, enc in engines.items():
            start = time.perf_counter()
            passages = enc.passages(texts)
            speed[name].append(len(texts) / (time.perf_counter() - start))
            rows = []
            for q in asked:
                start = time.perf_counter()
                rows.append(enc.query(q))
                latency[name].append((time.perf_counter() - start) * 1000)
            vectors[name] = (passages, np.array(rows))
    length = statistics.median(len(t) for t in texts)
    print(f"{len(texts)} items (median {length:.0f} characters), {len(asked)} queries")
    print(f"{'engine':<14} {'items/s':>8} {'× fp32':>7} {'query ms':>9} {'cos items med/min':>18} {'queries':>20}")
    ref = vectors["torch-fp32"]
    for name in engines:
        items_cos = (vectors[name][0] * ref[0]).sum(axis=1)
        query_cos = (vectors[name][1] * ref[1]).sum(axis=1)
        rate = statistics.median(speed[name])
        print(
            f"{name:<14} {rate:8.1f} {rate / statistics.median(speed['torch-fp32']):7.2f} "
            f"{statistics.median(latency[name]):9.1f} {np.median(items_cos):9.5f}/{items_cos.min():.5f} "
            f"{np.median(query_cos):10.5f}/{query_cos.min():.5f}"
        )


if __name__ == "__main__":
    main()
