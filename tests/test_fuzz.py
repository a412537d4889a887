"""Fuzzing: hundreds of malformed and hostile files (tests/fuzz.py, fixed seeds) mixed with good ones.

Whatever the mix, every file gets an outcome, no file hits an internal error or the clock,
every good file is stored with the items it has alone, the store stays whole, and the batch's
memory (the ingesting process and its reader worker together) stays under 2 GB.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

from index.kb import KnowledgeBase
from index.results import IngestResult
from pipeline.parse import files_in, parse_file, parse_many
from tests import fuzz
from tests.fuzz import PeakMemory

PEAK_LIMIT = 2 * 1024**3
ROOT = Path(__file__).resolve().parent.parent


def test_parse_never_crashes_and_each_file_is_quick(tmp_path):
    rng = random.Random(20261202)
    written = fuzz.write(list(fuzz.generate(rng, per_kind=100)), tmp_path, rng)
    paths = files_in(tmp_path)
    assert len(paths) == len(written) >= 700
    outcomes, seconds = [], []
    clock = time.perf_counter()
    for outcome in parse_many(paths):
        now = time.perf_counter()
        outcomes.append(outcome)
        seconds.append(now - clock)
        clock = now
    assert len(outcomes) == len(paths)
    errors = [o.error for o in outcomes if o.error]
    assert all(o.document or o.error for o in outcomes)
    assert not [e for e in errors if "внутренняя ошибка" in e or "аварийно" in e]
    assert not [e for e in errors if e.startswith("разбор остановлен")]  # limits stop them, not the clock
    assert all(any("а" <= c <= "я" for c in e) for e in errors)  # reasons in Russian
    assert max(seconds[1:]) < 15, max(seconds)
    by_kind: dict[str, list] = {}
    for path, outcome in zip(paths, outcomes, strict=True):
        by_kind.setdefault(written[path].kind, []).append(outcome)
    # Junk in attribute values is taken as Word's default: most such documents still read.
    readable = [o for o in by_kind["docx-attribute"] if o.document and o.document.items]
    assert len(readable) >= 0.6 * len(by_kind["docx-attribute"])
    assert all(o.error for o in by_kind["junk"] if o.source.endswith((".docx", ".pdf")))


def test_batches_of_bad_files_ingest_every_good_one(tmp_path):
    """The batch runs as an operator runs it, `praktika ingest` in a process of its own, so its
    memory is the batch's alone (not the test session's models and pages gathered before it)."""
    rng = random.Random(1)
    bad = list(fuzz.generate(rng, per_kind=12))
    good = [
        fuzz.Sample(f"good-{n:02}-{p.name}", p.read_bytes(), "good", good=True) for n, p in enumerate(fuzz.good_files())
    ]
    mixed = bad + good
    rng.shuffle(mixed)
    inbox = tmp_path / "inbox"
    written = fuzz.write(mixed, inbox, rng)
    expected = {path: len(parse_file(path).items) for path, s in written.items() if s.good}
    report = tmp_path / "report.json"
    command = [sys.executable, "-m", "app.cli", "ingest", str(inbox), "--kb", str(tmp_path / "kb")]
    command += ["--report", str(report)]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with PeakMemory(proc.pid) as memory:
        _, err = proc.communicate(timeout=600)
    assert proc.returncode == 1, err[-2000:]  # some files failed, and the batch went on
    assert "Traceback" not in err, err[-2000:]
    assert memory.peak < PEAK_LIMIT, f"{memory.peak / 2**20:.0f} MB"
    results = [IngestResult(**r) for r in json.loads(report.read_text(encoding="utf-8"))["files"]]
    assert len(results) == len(written)
    by_path = {r.path: r for r in results}
    for path, items in expected.items():
        r = by_path[str(path.resolve())]
        assert (r.status, r.items) == ("added", items), (path.name, r)
    failed = [r for r in results if r.status == "failed"]
    assert failed and all(r.message and r.reason for r in failed)
    assert not [r for r in failed if "внутренняя" in r.message or "аварийно" in r.message]
    assert [r for r in results if r.status == "added" and not r.items] == [
        r for r in results if r.status == "added" and "не найдено ни одного пункта" in r.warning
    ]
    kb = KnowledgeBase.open(tmp_path / "kb")
    try:
        assert kb.check() == []
        stored = kb.stats().documents
        assert stored == sum(r.status == "added" for r in results)
        again = kb.ingest([inbox])  # the same batch again: nothing new, nothing lost or doubled
        assert {r.status for r in again} <= {"unchanged", "failed", "duplicate"}
        assert kb.stats().documents == stored and kb.check() == []
    finally:
        kb.close()
