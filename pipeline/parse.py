"""Files → documents: read, segment, and report per-file failures without stopping a batch."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline import config, guard
from pipeline.readers import ReadError, load, read_bytes, web_page
from pipeline.readers.ocr import PageProgress
from pipeline.records import Document
from pipeline.segment import segment


@dataclass
class Outcome:
    """One file's result: a document, or the reason it could not be parsed (and its class)."""

    source: str
    document: Document | None = None
    error: str | None = None
    error_kind: str | None = None


def parse_bytes(data: bytes, name: str, on_page: PageProgress | None = None) -> Document:
    """Parse an uploaded file; only the base name of `name` is kept, never a path. `on_page` hears
    how OCR of a scan goes (pages read, pages to read)."""
    source = Path(name).name
    return segment(read_bytes(data, source, on_page), source, web_page(data, source))


def parse_file(path: str | Path) -> Document:
    """Parse one file in this process (no time or memory bound: for trusted files and tests)."""
    path = Path(path)
    return parse_bytes(load(path), path.name)


def printable(path: str | Path) -> str:
    """A file name as it can be shown and stored: bytes that are not UTF-8 become \\xNN, and
    control characters (a tab, a newline in a name) become escapes too."""
    raw = os.fsencode(str(path))
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def files_in(target: str | Path) -> list[Path]:
    """The file itself, or every file under a directory (sorted; READMEs and hidden files skipped).

    Symbolic links are followed only when they resolve inside the directory given: a link named
    «plan.txt» pointing at a system file is not read, and a link to a parent folder is no loop.
    """
    target = Path(target)
    if not target.is_dir():
        return [target]
    root = target.resolve()
    found: list[Path] = []
    seen: set[Path] = set()

    def walk(folder: Path) -> None:
        real = folder.resolve()
        if real in seen:
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(".") or entry.name.lower() == "readme.md":
                continue
            path = Path(entry.path)
            if entry.is_symlink() and not _inside(path, root):
                continue
            if entry.is_dir():
                walk(path)
            elif entry.is_file():
                found.append(path)

    walk(target)
    return sorted(found)


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a broken link, a loop
        return False


def parse_many(paths: Iterable[str | Path], entities: bool = False) -> Iterator[Outcome]:
    """Parse each file in turn, each in the bounded worker (pipeline/guard.py); a failure is
    reported and the batch goes on."""
    for path in paths:
        path = Path(path)
        name = printable(path.name)
        try:
            parsed = guard.parse(load(path), name, entities=entities)
            yield Outcome(name, parsed.document)
        except ReadError as e:
            yield Outcome(name, error=str(e), error_kind=e.kind)


__all__ = ["Outcome", "ReadError", "config", "files_in", "parse_bytes", "parse_file", "parse_many", "printable"]
