"""Shared fixtures: the seed corpus parsed once per session."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

warnings.filterwarnings("ignore", message=".*pkg_resources.*")


def seed_path(prefix: str) -> Path:
    return next(CORPUS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def seeds():
    from pipeline.parse import parse_file

    return {p.name[:3]: parse_file(p) for p in sorted(CORPUS.glob("*.txt"))}


@pytest.fixture(scope="session")
def corpus_kb_dir(tmp_path_factory) -> Path:
    """The knowledge base built from corpus/ once per session; tests that write copy it first."""
    from index.kb import KnowledgeBase

    root = tmp_path_factory.mktemp("corpus-kb")
    kb = KnowledgeBase.open(root)
    assert all(r.status == "added" for r in kb.ingest([CORPUS]))
    kb.close()
    return root


@pytest.fixture()
def kb_copy(corpus_kb_dir, tmp_path) -> Path:
    """A private, writable copy of the corpus knowledge base."""
    import shutil

    return Path(shutil.copytree(corpus_kb_dir, tmp_path / "kb"))
