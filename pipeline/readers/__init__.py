"""Readers: one per format, each turning a file's bytes into the same stream of `Block`s.

`read` checks size and sniffs the content before choosing a reader, so a file whose
content does not match its name gets a clear error instead of garbage.
"""

from __future__ import annotations

from pathlib import Path

from pipeline import config
from pipeline.readers.errors import ReadError
from pipeline.records import Block

__all__ = ["ReadError", "load", "read", "read_bytes"]


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


_KIND_RU = {"text": "текст", "docx": "документ Word", "zip": "zip-архив", "pdf": "PDF", "binary": "двоичные данные"}


def read_bytes(data: bytes, name: str) -> list[Block]:
    """Read `data` as the format its name says, after checking the content agrees."""
    suffix = Path(name).suffix.lower()
    if suffix not in config.SUPPORTED_SUFFIXES:
        shown = f"«{suffix}»" if suffix else "без расширения"
        raise ReadError(f"неподдерживаемый формат: {shown} (нужен TXT, DOCX или PDF)")
    if len(data) > config.MAX_FILE_BYTES:
        raise ReadError(_too_large(len(data)), "слишком большой файл")
    if not data.strip():
        raise ReadError("пустой файл")
    kind = sniff(data)
    expected = {".txt": "text", ".docx": "docx", ".pdf": "pdf"}[suffix]
    if kind != expected:
        if suffix == ".docx" and kind in ("zip", "text", "binary"):
            raise ReadError("повреждённый DOCX: это не документ Word (не zip-архив с его частями)")
        if suffix == ".pdf" and kind != "pdf":
            raise ReadError("неподдерживаемый формат: содержимое файла — не PDF")
        raise ReadError(f"неподдерживаемый формат: содержимое файла — {_KIND_RU[kind]}, а не {suffix[1:].upper()}")
    if kind == "text":
        from pipeline.readers import txt

        blocks = txt.read(data)
    elif kind == "docx":
        from pipeline.readers import docx

        blocks = docx.read(data)
    else:
        from pipeline.readers import pdf

        blocks = pdf.read(data)
    chars = sum(len(b.text) for b in blocks)
    if chars > config.MAX_CHARS:
        raise ReadError(
            f"превышен предел: {chars:,} знаков текста (не больше {config.MAX_CHARS:,}, PRAKTIKA_MAX_CHARS)"
        )
    return blocks


def read(path: str | Path) -> list[Block]:
    """Read one file into blocks, raising `ReadError` with the reason on any failure."""
    return read_bytes(load(path), Path(path).name)


def load(path: str | Path) -> bytes:
    """A file's bytes, its size checked before it is read (a 2 GB file must not reach memory)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > config.MAX_FILE_BYTES:
            raise ReadError(_too_large(size), "слишком большой файл")
        with open(path, "rb") as f:
            data = f.read(config.MAX_FILE_BYTES + 1)  # it may have grown since stat
    except OSError as e:
        raise ReadError(f"файл не открывается: {e.strerror or type(e).__name__}") from None
    if len(data) > config.MAX_FILE_BYTES:
        raise ReadError(_too_large(len(data)), "слишком большой файл")
    return data


def _too_large(size: int) -> str:
    limit = config.MAX_FILE_BYTES // (1024 * 1024)
    return f"файл слишком большой: {size / 1024 / 1024:.0f} МБ (предел {limit} МБ, PRAKTIKA_MAX_FILE_MB)"
