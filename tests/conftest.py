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
