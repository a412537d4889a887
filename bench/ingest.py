"""Ingest throughput: the corpus repeated (each copy made distinct) into a fresh knowledge base.

    .venv/bin/python bench/ingest.py [--items 5000]

Prints items per second overall and the time per stage (parse, entities, embed, index)
with each stage's share, and the process's peak memory. Models are loaded before timing (the
parse workers load theirs on their first file, inside the timing). Parse and entities are
summed over the `PRAKTIKA_PARSE_WORKERS` worker processes that read files side by side, so
they are core seconds, not wall seconds; the peak memory is this process's, without them.
`--baseline`: then the same files into a second knowledge base with the plain
sentence-transformers float32 engine, in the same run (peak memory then covers both).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index import embedder  # noqa: E402
from index.kb import KnowledgeBase  # noqa: E402
from pipeline import config  # noqa: E402
from pipeline.parse import parse_file  # noqa: E402
from pipeline.tag.nlp import get_nlp, natasha_tagger  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=5000)
    ap.add_argument("--baseline", action="store_true", help="also the plain sentence-transformers float32 path, after")
    args = ap.parse_args()
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    per_round = sum(len(parse_file(p).items) for p in seeds)
    rounds = max(1, -(-args.items // per_round))
    work = Path(tempfile.mkdtemp(prefix="praktika-ingest-"))
    inbox = work / "inbox"
    inbox.mkdir()
    for n in range(rounds):
        for p in seeds:
            (inbox / f"{n:04d}_{p.name}").write_text(p.read_text("utf-8") + f"\nКопия {n}\n", "utf-8")
    engines = [embedder.default_engine()] + (["torch-fp32"] if args.baseline else [])
    for engine in engines:  # load models outside the timing
        embedder.encoder(engine)
    get_nlp(), natasha_tagger()
    try:
        for engine in engines:
            config.EMBED_ENGINE = engine  # a fresh knowledge base records and uses this engine
            embedder.default_engine.cache_clear()
            kb = KnowledgeBase.open(work / f"kb-{engine}")
            start = time.perf_counter()
            kb.ingest([inbox])
            total = time.perf_counter() - start
            items = kb.stats().items
            print(
                f"{rounds * len(seeds)} files, {items} items in {total:.1f} s: {items / total:.1f} items/s "
                f"(model {embedder.model_name()}, engine {kb.encoder.engine})"
            )
            stages = sum(kb.timings.values())
            for stage in ("parse", "entities", "embed", "index"):
                secs = kb.timings[stage]
                rate = items / secs if secs else 0
                print(f"  {stage:<9} {secs:7.1f} s  {100 * secs / stages:5.1f} %  {rate:8.1f} items/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
