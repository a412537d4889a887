"""The store stays whole: several processes on one knowledge base, damaged files, interrupted batches.

Real processes (the `praktika` CLI in subprocesses), real SQLite and FAISS files, damage done
by the test itself.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import faiss
import numpy as np
import pytest

from index.kb import KnowledgeBase
from pipeline.parse import parse_file
from tests.conftest import ROOT, seed_path

ORDER = """АДМИНИСТРАЦИЯ МУНИЦИПАЛЬНОГО ОБРАЗОВАНИЯ ВЕНЁВСКИЙ РАЙОН ТУЛЬСКОЙ ОБЛАСТИ
КОМИТЕТ ПО ОБРАЗОВАНИЮ

ПРИКАЗ

от 12.09.2022 № 155-од

Об утверждении плана мероприятий по поддержке школ с низкими результатами обучения

План мероприятий

№\tМероприятие\tСрок\tОтветственный
1\tАудит рисковых профилей школ {tag} с выездом кураторов\tсентябрь 2022\tКомитет по образованию
2\tСеминар для заместителей директоров {tag} по работе с неуспевающими\tоктябрь 2022\tМетодический кабинет
3\tВзаимопосещение уроков учителями математики {tag}\tноябрь 2022\tРуководители школ
"""


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def order(folder: Path, name: str, tag: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(ORDER.format(tag=tag), encoding="utf-8")
    return path


def trusted(root: Path) -> KnowledgeBase:
    """Open `root` and assert its vector file was whole: nothing had to be rebuilt."""
    kb = KnowledgeBase.open(root)
    assert not kb.repaired and kb.check() == [] and len(kb.vectors) == kb.stats().items
    return kb


# --- several processes ---------------------------------------------------------------------------


def test_a_reader_sees_what_another_process_wrote(kb_copy, tmp_path):
    reader = KnowledgeBase.open(kb_copy)  # the server's view, opened before the CLI writes
    before = reader.search("аудит рисковых профилей школ с выездом кураторов", k=5)
    path = order(tmp_path / "inbox", "веневский.txt", "Венёвского района")
    done = cli("ingest", str(path), "--kb", str(kb_copy))
    assert done.returncode == 0, done.stderr
    hits = reader.search("аудит рисковых профилей школ Венёвского района с выездом кураторов", k=5)
    assert hits[0].document.source == "веневский.txt" and hits != before
    assert "Тульская область" in reader.filter_choices().regions  # a region added after start
    found = [h for h in reader.search("Венёвского района", k=20) if h.document.source == "веневский.txt"]
    assert len(found) >= 3 and all(h.dense_rank for h in found)  # found by the vectors, not only by words
    found = [h.item_id for h in found]

    anchor = int(reader.items().item_id.iloc[0])
    gone = cli("remove", "веневский.txt", "--kb", str(kb_copy))
    assert gone.returncode == 0, gone.stderr
    for _ in range(20):  # the «похожие» button after a CLI remove: every hit is a stored item
        assert all(h.document.source != "веневский.txt" for h in reader.similar(anchor, k=5))
    with pytest.raises(KeyError):
        reader.similar(found[0])  # removed: a clear KeyError, never an AttributeError
    assert not [h for h in reader.search("Венёвского района", k=20) if h.document.source == "веневский.txt"]
    reader.ingest_bytes(path.read_bytes().replace("Венёвского".encode(), "Ясногорского".encode()), "x", "ясн.txt")
    reader.close()
    trusted(kb_copy).close()  # the reader wrote the file from SQLite's truth, not from its stale copy


def test_two_writing_processes_leave_every_vector_on_disk(kb_copy, tmp_path):
    inboxes = [tmp_path / "a", tmp_path / "b"]
    for n in range(4):
        order(inboxes[0], f"a{n}.txt", f"школы А{n}")
        order(inboxes[1], f"b{n}.txt", f"школы Б{n}")
    procs = [
        subprocess.Popen([sys.executable, "-m", "app.cli", "ingest", str(i), "--kb", str(kb_copy)], cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in inboxes
    ]  # fmt: skip
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    kb = trusted(kb_copy)
    each = len(parse_file(inboxes[0] / "a0.txt").items)
    assert each >= 3 and kb.stats().items == 205 + 8 * each and kb.stats().documents == 5 + 8


# --- damaged files ------------------------------------------------------------------------------


def _digests(root: Path) -> dict[str, str]:
    """Each file's checksum; SQLite's own -wal/-shm files come and go with its connections."""
    files = [p for p in root.iterdir() if p.is_file() and not p.name.endswith(("-wal", "-shm"))]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _truncate(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])


def _sql(statement: str):
    def run(db: Path) -> None:
        con = sqlite3.connect(db)
        con.executescript(statement)
        con.close()

    return run


def _foreign(db: Path) -> None:
    db.unlink()
    _sql("CREATE TABLE pupils (name TEXT); INSERT INTO pupils VALUES ('Иванов');")(db)


NOT_OURS = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "INSERT INTO meta VALUES ('schema_version', '1'); CREATE TABLE items (id INTEGER PRIMARY KEY);"
)
DAMAGE = {
    "deleted": lambda db: db.unlink(),
    "empty": lambda db: db.write_bytes(b""),
    "junk": lambda db: db.write_bytes(b"\x00\xffnot a database at all" * 500),
    "truncated": _truncate,
    "newer schema": _sql("UPDATE meta SET value = '99' WHERE key = 'schema_version'"),
    "odd schema": _sql("UPDATE meta SET value = 'abc' WHERE key = 'schema_version'"),
    "table missing": _sql("DROP TABLE item_entities"),
    "another database": _foreign,
    "our version, not our tables": lambda db: (db.unlink(), _sql(NOT_OURS)(db)),
    "a folder in its place": lambda db: (db.unlink(), db.mkdir()),
    "vectors a folder": lambda db: ((db.parent / "vectors.faiss").unlink(), (db.parent / "vectors.faiss").mkdir()),
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_a_damaged_store_is_reported_and_left_alone(kb_copy, damage):
    db = kb_copy / "praktika.sqlite"
    _sql("PRAGMA wal_checkpoint(TRUNCATE);")(db)  # everything in the main file, so damage is real
    DAMAGE[damage](db)
    before = _digests(kb_copy)
    for command in (("stats",), ("search", "наставничество"), ("ingest", str(seed_path("004")))):
        done = cli(*command, "--kb", str(kb_copy))
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        assert done.stderr.startswith("Ошибка: ") and "Traceback" not in done.stderr, done.stderr
    after = _digests(kb_copy)
    assert {k: v for k, v in after.items() if k in before} == before  # nothing destroyed or rewritten
    assert not (set(after) - set(before)) - {"vectors.lock"}  # and no empty database created beside it


def test_wrong_vectors_and_foreign_index_files_are_rebuilt_from_sqlite(kb_copy):
    faiss_path = kb_copy / "vectors.faiss"
    index = faiss.read_index(str(faiss_path))
    ids = faiss.vector_to_array(index.id_map)
    wrong = faiss.IndexIDMap2(faiss.IndexFlatIP(index.d))
    noise = np.random.default_rng(0).normal(size=(len(ids), index.d)).astype(np.float32)
    wrong.add_with_ids(noise / np.linalg.norm(noise, axis=1, keepdims=True), ids)
    faiss.write_index(wrong, str(faiss_path))  # right ids, wrong vectors
    (kb_copy / ".vectors-left-by-a-kill").write_bytes(b"half a file")
    kb = KnowledgeBase.open(kb_copy)
    assert kb.repaired and kb.check() == [] and not list(kb_copy.glob(".vectors-*"))
    assert kb.search("сетевое партнёрство школ", k=3)[0].similarity > 0.8  # random vectors give ~0
    kb.close()
    faiss.write_index(faiss.IndexFlatL2(index.d), str(faiss_path))  # another kind of index, no ids
    kb = KnowledgeBase.open(kb_copy)
    assert kb.repaired and kb.check() == [] and len(kb.vectors) == 205
    kb.close()
    trusted(kb_copy).close()  # and once rebuilt, the file is trusted again


# --- interrupted batches ------------------------------------------------------------------------


def test_an_interrupted_batch_keeps_the_files_read_before(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    for n in range(4):
        order(inbox, f"{n}.txt", f"школы № {n}")
    kb = KnowledgeBase.open(tmp_path / "kb")
    parse = kb.ingestion.parse

    def crashing(data: bytes, name: str, **options):
        if name == "2.txt":
            raise KeyboardInterrupt  # an operator's Ctrl-C, or a crash, in the middle of the batch
        return parse(data, name, **options)

    monkeypatch.setattr(kb.ingestion, "parse", crashing)
    with pytest.raises(KeyboardInterrupt):
        kb.ingest([inbox])
    assert sorted(kb.documents().source) == ["0.txt", "1.txt"] and kb.check() == []
    monkeypatch.setattr(kb.ingestion, "parse", parse)
    assert [r.status for r in kb.ingest([inbox])] == ["unchanged", "unchanged", "added", "added"]
