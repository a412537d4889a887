"""Search and question latency through the served page's HTTP API, on the sample knowledge base.

    .venv/bin/python bench/web.py [--rounds 3]

Builds the corpus knowledge base in a temporary folder, starts `praktika serve` on a free
loopback port and calls `/search` and `/ask` with gradio_client (HTTP + server-sent events,
as the page does), beside direct `KnowledgeBase.search` calls in the same run. Target:
answers in under 300 ms end to end.
"""

from __future__ import annotations

import argparse
import csv
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gradio_client import Client  # noqa: E402

from index.kb import KnowledgeBase  # noqa: E402


def queries() -> list[str]:
    with open(ROOT / "tests" / "gold" / "queries.tsv", encoding="utf-8") as f:
        return [row["query"] for row in csv.DictReader(f, delimiter="\t")]


def timed(fn, items, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        for x in items:
            t = time.perf_counter()
            fn(x)
            out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    kb_dir = Path(tempfile.mkdtemp(prefix="praktika-web-"))
    kb = KnowledgeBase.open(kb_dir)
    kb.ingest([ROOT / "corpus"])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--kb", str(kb_dir), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        for _ in range(240):
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        client = Client(url, verbose=False)
        qs = queries()
        questions = [
            "Кто отвечает за мониторинг в Дорогобужском районе?",
            "Когда проводится анкетирование школ для рискового профиля?",
            "Какие семинары проводились для школ с низкими результатами в Смоленской области?",
        ]
        client.predict(qs[0], "", "", "", "", "", "", "", 10, api_name="/search")  # warm up
        rows = {
            "KnowledgeBase.search": timed(lambda q: kb.search(q, k=10), qs, args.rounds),
            "HTTP /search": timed(
                lambda q: client.predict(q, "", "", "", "", "", "", "", 10, api_name="/search"), qs, args.rounds
            ),
            "HTTP /search + region": timed(
                lambda q: client.predict(q, "Смоленская область", "", "", "", "", "", "", 10, api_name="/search"),
                qs,
                args.rounds,
            ),
            "HTTP /ask": timed(lambda q: client.predict(q, "", api_name="/ask"), questions, args.rounds * 3),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"{kb.stats().items} items, {len(qs)} queries × {args.rounds} rounds")
    print(f"{'path':<24} {'p50 ms':>8} {'p95 ms':>8}")
    base = statistics.median(rows["KnowledgeBase.search"])
    for name, times in rows.items():
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{name:<24} {p50:>8.1f} {p95:>8.1f}   ×{p50 / base:.1f} of direct")


if __name__ == "__main__":
    main()
