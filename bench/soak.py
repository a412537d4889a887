"""Soak: thousands of malformed and hostile files (tests/fuzz.py) mixed with the good ones, ingested
in one batch into a fresh knowledge base; prints outcomes, speed, peak memory and the slowest files.

    .venv/bin/python bench/soak.py [--per-kind 300] [--seed 7]

The test suite runs a smaller version of the same (tests/test_fuzz.py); this one is too long for it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.kb import KnowledgeBase
from pipeline.parse import parse_file
from tests import fuzz


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--per-kind", type=int, default=300)
    args.add_argument("--seed", type=int, default=7)
    opts = args.parse_args()
    rng = random.Random(opts.seed)
    samples = list(fuzz.generate(rng, per_kind=opts.per_kind))
    good = fuzz.good_files()
    samples += [fuzz.Sample(f"good-{n:02}-{p.name}", p.read_bytes(), "good", True) for n, p in enumerate(good)]
    rng.shuffle(samples)
    with tempfile.TemporaryDirectory() as tmp:
        written = fuzz.write(samples, Path(tmp) / "inbox", rng)
        expected = {str(p.resolve()): len(parse_file(p).items) for p, s in written.items() if s.good}
        kb = KnowledgeBase.open(Path(tmp) / "kb")
        ticks: list[float] = []
        last = [time.perf_counter()]

        def progress(n: int, total: int, name: str) -> None:
            now = time.perf_counter()
            ticks.append(now - last[0])
            last[0] = now

        clock = time.perf_counter()
        with fuzz.PeakMemory() as memory:
            results = kb.ingest([Path(tmp) / "inbox"], progress=progress)
        seconds = time.perf_counter() - clock
        good_ok = sum(1 for r in results if r.path in expected and r.status == "added" and r.items == expected[r.path])
        print(f"files: {len(results)} ({len(expected)} good) in {seconds:.0f} s, {len(results) / seconds:.1f} files/s")
        print(f"good files stored with their items: {good_ok}/{len(expected)}")
        print("outcomes:", dict(Counter(r.status for r in results)))
        print("failures by reason:", dict(Counter(r.reason for r in results if r.status == "failed").most_common()))
        internal = [r for r in results if "внутренняя" in r.message or "аварийно" in r.message]
        print(f"internal errors: {len(internal)}; integrity: {kb.check() or 'clean'}")
        print(f"peak memory (this process and its reader worker): {memory.peak / 2**20:.0f} MB")
        print(f"seconds between files: median {statistics.median(ticks):.3f}, max {max(ticks):.1f}")
        kb.close()


if __name__ == "__main__":
    main()
