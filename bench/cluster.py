"""Ingestion on one machine and on a Ray cluster on loopback, side by side.

    .venv/bin/python bench/cluster.py [--files 40]

The corpus is copied (each copy made distinct) into an inbox of `--files` files; it is ingested
into a fresh knowledge base locally, then through a Ray cluster of one node (the head, one CPU)
and of two (head and a worker node, one CPU each) started here on 127.0.0.1. Printed: items/s
for each, Ray's overhead per file against the local run on the same CPUs, and the local run's
time per stage, from which the throughput of N cores can be estimated (the stages of different
files are independent; only the commit runs in one process).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.kb import KnowledgeBase  # noqa: E402

RAY = str(Path(sys.executable).parent / "ray")
ENV = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
NODE = ["--node-ip-address=127.0.0.1", "--num-cpus=1", "--object-store-memory=200000000", "--disable-usage-stats"]


def inbox(work: Path, files: int) -> Path:
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    folder = work / "inbox"
    folder.mkdir()
    for n in range(files):
        seed = seeds[n % len(seeds)]
        (folder / f"{n:04d}_{seed.name}").write_text(seed.read_text("utf-8") + f"\nКопия {n}\n", "utf-8")
    return folder


def start(nodes: int) -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    subprocess.run([RAY, "start", "--head", f"--port={port}", "--include-dashboard=false", *NODE], env=ENV,
                   check=True, capture_output=True)  # fmt: skip
    for _ in range(nodes - 1):
        subprocess.run([RAY, "start", f"--address=127.0.0.1:{port}", *NODE], env=ENV, check=True, capture_output=True)
    return f"127.0.0.1:{port}"


def stop() -> None:
    import ray

    ray.shutdown()
    subprocess.run([RAY, "stop", "--force"], env=ENV, capture_output=True)


def timed(root: Path, folder: Path, cluster: str | None) -> tuple[float, int, KnowledgeBase]:
    kb = KnowledgeBase.open(root)
    clock = time.perf_counter()
    kb.ingest([folder], cluster=cluster)
    return time.perf_counter() - clock, kb.stats().items, kb


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=40)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="praktika-cluster-"))
    folder = inbox(work, args.files)
    KnowledgeBase.open(work / "warm").ingest([ROOT / "corpus"])  # models loaded and converted once
    rows = []
    seconds, items, kb = timed(work / "local", folder, None)
    rows.append(("local (2 cores)", seconds, items))
    stages = dict(kb.timings)
    for nodes in (1, 2):
        address = start(nodes)
        try:
            seconds, items, _ = timed(work / f"ray{nodes}", folder, address)
        finally:
            stop()
        rows.append((f"Ray, {nodes} node{'s' if nodes > 1 else ''} × 1 CPU", seconds, items))
    print(f"{args.files} files, {rows[0][2]} items")
    print(f"{'run':<24} {'seconds':>8} {'items/s':>8} {'s per file':>11}")
    for name, seconds, n in rows:
        print(f"{name:<24} {seconds:8.1f} {n / seconds:8.1f} {seconds / args.files:11.3f}")
    overhead = (rows[2][1] - rows[0][1]) / args.files
    print(f"Ray's overhead per file against local on the same two CPUs: {overhead:.3f} s")
    print("local time per stage (one process; parse and tagging on one core, embedding on two):")
    for stage in ("parse", "entities", "embed", "index"):
        secs = stages.get(stage, 0.0)
        print(f"  {stage:<9} {secs:7.1f} s  {rows[0][2] / secs if secs else 0:8.1f} items/s")


if __name__ == "__main__":
    main()
