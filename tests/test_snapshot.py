"""Snapshots for read-only serving replicas: a consistent copy taken while ingest goes on."""

from __future__ import annotations

import threading

import pytest

from app.cli import main
from app.web import READ_ONLY, Page
from index.errors import ReadOnlyError, StoreError
from index.kb import KnowledgeBase
from tests.conftest import CORPUS, seed_path


def test_a_snapshot_serves_what_the_base_holds(kb_copy, tmp_path):
    kb = KnowledgeBase.open(kb_copy)
    kb.snapshot(tmp_path / "copy")
    replica = KnowledgeBase.open(tmp_path / "copy", read_only=True)
    ours, theirs = kb.stats(), replica.stats()
    assert (theirs.documents, theirs.items, theirs.vectors) == (ours.documents, ours.items, ours.vectors) != (0, 0, 0)
    assert theirs.problems == () and not replica.repaired  # the FAISS file of the same generation came along
    query = "наставничество для учителей слабых школ"
    assert [h.item.id for h in replica.search(query)] == [h.item.id for h in kb.search(query)]


def test_a_replica_refuses_writes(kb_copy, tmp_path):
    KnowledgeBase.open(kb_copy).snapshot(tmp_path / "copy")
    replica = KnowledgeBase.open(tmp_path / "copy", read_only=True)
    with pytest.raises(ReadOnlyError, match="только для чтения"):
        replica.ingest([seed_path("001")])
    with pytest.raises(ReadOnlyError):
        replica.remove(1)
    table, message = Page(replica).ingest([str(seed_path("001"))])
    assert message == READ_ONLY and table.empty
    assert replica.stats().items == KnowledgeBase.open(kb_copy).stats().items


def test_a_replica_opens_only_an_existing_copy(tmp_path):
    with pytest.raises(StoreError, match="praktika snapshot"):
        KnowledgeBase.open(tmp_path / "nothing", read_only=True)


def test_snapshots_taken_while_ingest_goes_on_are_whole(tmp_path):
    """Each copy holds whole documents with their vectors, whatever moment it was taken at; a
    replica serving the folder moves to each new copy on its next request."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    texts = [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for n in range(12):
        (inbox / f"{n:02d}.txt").write_text(texts[n % len(texts)] + f"\nКопия {n}\n", "utf-8")
    kb = KnowledgeBase.open(tmp_path / "kb")
    kb.snapshot(tmp_path / "copy")
    replica = KnowledgeBase.open(tmp_path / "copy", read_only=True)
    writer = threading.Thread(target=kb.ingest, args=([inbox],))
    writer.start()
    seen = []
    while writer.is_alive() or len(seen) < 2:
        generation = kb.snapshot(tmp_path / "copy")
        replica.refresh()
        s = replica.stats()
        assert s.problems == () and s.items == s.vectors
        seen.append((generation, replica.items().groupby("source").size().to_dict()))
    writer.join()
    final = kb.items().groupby("source").size().to_dict()
    for _, held in seen:  # every document a copy holds, it holds whole
        assert all(final[source] == n for source, n in held.items())
    assert len({g for g, _ in seen}) >= 2  # copies of more than one moment were taken and served
    kb.snapshot(tmp_path / "copy")
    replica.refresh()
    assert replica.stats().items == kb.stats().items and replica.stats().documents == 12
    assert not replica.repaired  # each copy's FAISS file was of its own generation: never rebuilt


def test_cli_snapshot(kb_copy, tmp_path, capsys):
    assert main(["snapshot", str(tmp_path / "copy"), "--kb", str(kb_copy)]) == 0
    out = capsys.readouterr().out
    assert "Копия записана" in out and "5 документов" in out
