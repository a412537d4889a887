"""Ingestion on a real Ray cluster on loopback (head plus one worker node), against a local ingest.

The knowledge bases are made with the float32 OpenVINO engine: its vectors do not depend on how
items are batched (1e-7), so a cluster's batches must give the local vectors to 1e-5.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from index import embedder
from index.kb import KnowledgeBase
from pipeline import config
from tests.conftest import CORPUS, FIXTURES

RAY = str(Path(sys.executable).parent / "ray")
TARGETS = [CORPUS, FIXTURES / "roadmap_001.docx", FIXTURES / "roadmap_004.pdf"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cluster():
    """`ray start --head` and one worker node joining it, on 127.0.0.1; stopped at the end."""
    port = _free_port()
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    common = ["--node-ip-address=127.0.0.1", "--num-cpus=1", "--object-store-memory=100000000", "--disable-usage-stats"]
    subprocess.run([RAY, "start", "--head", f"--port={port}", "--include-dashboard=false", *common], env=env,
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    address = f"127.0.0.1:{port}"
    try:
        subprocess.run([RAY, "start", f"--address={address}", *common], env=env, check=True, capture_output=True,
                       timeout=120)  # fmt: skip
        yield address
    finally:
        import ray

        ray.shutdown()
        subprocess.run([RAY, "stop", "--force"], env=env, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def float32_engine():
    saved = config.EMBED_ENGINE
    config.EMBED_ENGINE = "openvino-fp32"
    embedder.default_engine.cache_clear()
    yield
    config.EMBED_ENGINE = saved
    embedder.default_engine.cache_clear()


@pytest.fixture(scope="module")
def local(tmp_path_factory, float32_engine) -> KnowledgeBase:
    kb = KnowledgeBase.open(tmp_path_factory.mktemp("local"))
    kb.ingest(TARGETS)
    return kb


def _killer(name: str, after: float) -> tuple[threading.Thread, list[int]]:
    """Kill -9 the first Ray worker process running `name` once it has worked `after` seconds."""
    killed: list[int] = []

    def watch() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            out = subprocess.run(["pgrep", "-f", name], capture_output=True, text=True).stdout.split()
            if out:
                time.sleep(after)
                os.kill(int(out[0]), signal.SIGKILL)
                killed.append(int(out[0]))
            time.sleep(0.1)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread, killed


def test_a_cluster_ingest_equals_a_local_one_with_a_worker_killed(cluster, local, tmp_path):
    kb = KnowledgeBase.open(tmp_path / "kb")
    assert kb.encoder.engine == "openvino-fp32"
    seen = []
    watcher, killed = _killer("MapBatches\\(ReadAndTag\\)", after=1.5)
    results = kb.ingest(TARGETS, progress=lambda n, total, name: seen.append((n, total, name)), cluster=cluster)
    watcher.join()
    assert killed, "no worker was running to be killed"
    assert [r.status for r in results] == ["added"] * 7 and kb.check() == []
    assert seen[-1][:2] == (7, 7) and "пунктов: 261" in seen[-1][2]  # files and items across the cluster
    ours, theirs = kb.items(), local.items()
    assert ours.drop(columns=["doc_id"]).equals(theirs.drop(columns=["doc_id"]))  # same items and fields, in order
    assert np.allclose(kb.embeddings(ours.item_id), local.embeddings(theirs.item_id), atol=1e-5)
    columns = ["item_id", "label", "text", "key"]
    assert kb.entities()[columns].equals(local.entities()[columns])
    again = kb.ingest(TARGETS, cluster=cluster)  # unchanged files are skipped before anything is sent
    assert [r.status for r in again] == ["unchanged"] * 7


def test_errors_come_back_per_file(cluster, tmp_path, float32_engine):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(next(iter(sorted(CORPUS.glob("*.txt")))).read_text("utf-8"))
    (inbox / "b.pdf").write_bytes(b"%PDF-1.7 broken")
    (inbox / "c.txt").write_bytes(b"")
    results = KnowledgeBase.open(tmp_path / "kb").ingest([inbox], cluster=cluster)
    assert [r.status for r in results] == ["added", "failed", "failed"]
    assert all(r.message for r in results[1:])


def test_a_driver_killed_mid_ingest_loses_nothing_and_stores_nothing_twice(cluster, float32_engine, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    texts = [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for n in range(10):
        (inbox / f"{n:02d}.txt").write_text(texts[n % len(texts)] + f"\nКопия {n}\n", "utf-8")
    root = tmp_path / "kb"
    KnowledgeBase.open(root).close()  # made with the float32 engine, which the driver then keeps
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    praktika = str(Path(sys.executable).parent / "praktika")
    command = [praktika, "ingest", str(inbox), "--kb", str(root), "--cluster", cluster]
    driver = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = sqlite3.connect(root / "praktika.sqlite")
    deadline = time.monotonic() + 300  # the first file stores within seconds; a loaded machine needs more
    while time.monotonic() < deadline and db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0:
        time.sleep(0.1)
    driver.send_signal(signal.SIGKILL)
    driver.wait()
    db.close()
    kb = KnowledgeBase.open(root)
    stored = kb.stats().documents
    assert kb.check() == [] and 1 <= stored < 10
    results = kb.ingest([inbox], cluster=cluster)
    assert sorted(r.status for r in results) == sorted(["unchanged"] * stored + ["added"] * (10 - stored))
    items = kb.items()
    assert items.source.nunique() == 10 and kb.check() == []
    for _, rows in items.groupby("source"):  # each file's items once: ordinals 1..n, none twice
        assert sorted(rows.ordinal) == list(range(1, len(rows) + 1))
