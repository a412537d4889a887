"""Files → documents: read, segment, and report per-file failures without stopping a batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline import config
from pipeline.readers import ReadError, read, read_bytes
from pipeline.records import Document
from pipeline.segment import segment


@dataclass
class Outcome:
    """One file's result: a document, or the reason it could not be parsed."""

    source: str
    document: Document | None = None
    error: str | None = None


def parse_bytes(data: bytes, name: str) -> Document:
    """Parse an uploaded file; only the base name of `name` is kept, never a path."""
    source = Path(name).name
    return segment(read_bytes(data, source), source)


def parse_file(path: str | Path) -> Document:
    path = Path(path)
    return segment(read(path), path.name)


def files_in(target: str | Path) -> list[Path]:
    """The file itself, or every file under a directory (sorted; READMEs and hidden files skipped)."""
    target = Path(target)
    if not target.is_dir():
        return [target]
    return sorted(
        p for p in target.rglob("*") if p.is_file() and not p.name.startswith(".") and p.name.lower() != "readme.md"
    )


def parse_many(paths: Iterable[str | Path]) -> Iterator[Outcome]:
    """Parse each file in turn; a failure is reported and the batch goes on."""
    for path in paths:
        path = Path(path)
        try:
            yield Outcome(path.name, parse_file(path))
        except ReadError as e:
            yield Outcome(path.name, error=str(e))
        except Exception as e:  # a bug must not sink the batch; say which file hit it
            yield Outcome(path.name, error=f"internal error: {type(e).__name__}: {e}")


__all__ = ["Outcome", "ReadError", "config", "files_in", "parse_bytes", "parse_file", "parse_many"]
