"""Readers: one per format, each turning a file's bytes into the same stream of `Block`s.

`read` checks size and sniffs the content before choosing a reader, so a file whose
content does not match its name gets a clear error instead of garbage.
"""

from __future__ import annotations

from pathlib import Path

from pipeline import config
from pipeline.records import Block


class ReadError(Exception):
    """A file that cannot be read; the message says why, in words an operator can act on."""


def sniff(data: bytes) -> str:
    """The format the bytes really are: 'pdf', 'docx', 'zip', 'text' or 'binary'."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536] else "zip"
    head = data[:65536]
    if b"\x00" in head:
        # UTF-16 text has NULs too, but our sources never are; treat as binary.
        return "binary"
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return "binary" if control > len(head) * 0.01 else "text"


def read_bytes(data: bytes, name: str) -> list[Block]:
    """Read `data` as the format its name says, after checking the content agrees."""
    suffix = Path(name).suffix.lower()
    if suffix not in config.SUPPORTED_SUFFIXES:
        raise ReadError(f"unsupported format: «{suffix or 'no extension'}» (expected TXT, DOCX or PDF)")
    if len(data) > config.MAX_FILE_BYTES:
        raise ReadError(_too_large(len(data)))
    if not data.strip():
        raise ReadError("empty file")
    kind = sniff(data)
    expected = {".txt": "text", ".docx": "docx", ".pdf": "pdf"}[suffix]
    if kind != expected:
        if suffix == ".docx" and kind in ("zip", "text", "binary"):
            raise ReadError("broken DOCX: not a Word document (not a valid zip archive)")
        if suffix == ".pdf" and kind != "pdf":
            raise ReadError("unsupported format: the content is not a PDF")
        raise ReadError(f"unsupported format: the content is {kind}, not {suffix[1:].upper()}")
    if kind == "text":
        from pipeline.readers import txt

        return txt.read(data)
    if kind == "docx":
        from pipeline.readers import docx

        return docx.read(data)
    from pipeline.readers import pdf

    return pdf.read(data)


def read(path: str | Path) -> list[Block]:
    """Read one file into blocks, raising `ReadError` with the reason on any failure."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ReadError(f"cannot open: {e.strerror}") from None
    if size > config.MAX_FILE_BYTES:
        raise ReadError(_too_large(size))
    return read_bytes(path.read_bytes(), path.name)


def _too_large(size: int) -> str:
    limit = config.MAX_FILE_BYTES // (1024 * 1024)
    return f"file too large: {size / 1024 / 1024:.0f} MB (limit {limit} MB, PRAKTIKA_MAX_FILE_MB)"
