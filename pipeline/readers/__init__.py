"""Readers: one per format, each turning a file's bytes into the same stream of `Block`s.

`read` checks size and sniffs the content before choosing a reader, so a file whose
content does not match its name gets a clear error instead of garbage.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from pipeline import config
from pipeline.readers.errors import ReadError
from pipeline.records import Block, WebPage

__all__ = ["ReadError", "kind_of", "load", "read", "read_bytes", "web_page"]


def sniff(data: bytes) -> str:
    """The format the bytes really are: 'pdf', 'docx', 'odt', 'doc', 'rtf', 'html', 'zip', 'text' or 'binary'."""
    if data.startswith(b"%PDF"):
        return "pdf"
    head = data[:65536]
    if data.startswith(b"PK\x03\x04"):
        if head[30:38] == b"mimetype" and b"application/vnd.oasis.opendocument.text" in head[:200]:
            return "odt"
        return "docx" if b"word/" in head or b"[Content_Types].xml" in head else "zip"
    if data.startswith(_OLE2):
        return "doc"
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if b"\x00" in head:
        # UTF-16 text has NULs too, but our sources never are; treat as binary.
        return "binary"
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if control > len(head) * 0.01:
        return "binary"
    return "html" if _HTML.match(head.lstrip(b"\xef\xbb\xbf \t\r\n")) else "text"


_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")  # Word 97–2003 and other OLE compound files
_HTML = re.compile(rb"(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL)
_KIND_RU = {
    "text": "текст", "docx": "документ Word", "zip": "zip-архив", "pdf": "PDF", "binary": "двоичные данные",
    "doc": "документ Word 97–2003", "rtf": "документ RTF", "odt": "документ OpenDocument", "html": "HTML-страница",
}  # fmt: skip
# What each name promises; content of another readable kind is read as what it is («.doc» that is DOCX).
_EXPECTED = {
    ".txt": "text", ".docx": "docx", ".pdf": "pdf", ".doc": "doc", ".rtf": "rtf", ".odt": "odt",
    ".html": "html", ".htm": "html",
}  # fmt: skip
_READABLE = {"pdf", "docx", "doc", "rtf", "odt", "html"}


def read_bytes(data: bytes, name: str, on_page: Callable[[int, int], None] | None = None) -> list[Block]:
    """Read `data` by what its content is, when its name is of a format we read (`on_page`: see
    `pdf.read`)."""
    blocks = _reader(kind_of(data, name), on_page)(data)
    chars = sum(len(b.text) for b in blocks)
    if chars > config.MAX_CHARS:
        raise ReadError(
            f"превышен предел: {chars:,} знаков текста (не больше {config.MAX_CHARS:,}, PRAKTIKA_MAX_CHARS)"
        )
    return blocks


def kind_of(data: bytes, name: str) -> str:
    """The kind `data` is read as: its content decides, when its name is of a format we read."""
    suffix = Path(name).suffix.lower()
    if suffix not in config.SUPPORTED_SUFFIXES:
        shown = f"«{suffix}»" if suffix else "без расширения"
        raise ReadError(f"неподдерживаемый формат: {shown} (нужен TXT, DOCX, DOC, RTF, ODT, PDF или HTML)")
    if len(data) > config.MAX_FILE_BYTES:
        raise ReadError(_too_large(len(data)), "слишком большой файл")
    if not data.strip():
        raise ReadError("пустой файл")
    kind, expected = sniff(data), _EXPECTED[suffix]
    if kind == "text" and expected == "html":
        kind = "html"  # a page saved without its <html> head
    if kind != expected and kind not in _READABLE:
        if suffix == ".docx" and kind in ("zip", "text", "binary"):
            raise ReadError("повреждённый DOCX: это не документ Word (не zip-архив с его частями)")
        if suffix == ".pdf":
            raise ReadError("неподдерживаемый формат: содержимое файла — не PDF")
        raise ReadError(f"неподдерживаемый формат: содержимое файла — {_KIND_RU[kind]}, а не {suffix[1:].upper()}")
    return kind


def web_page(data: bytes, name: str) -> WebPage | None:
    """The saved page's own title and address, when `data` is read as an HTML page."""
    if kind_of(data, name) != "html":
        return None
    from pipeline.readers import html

    return html.page_info(data)


def _reader(kind: str, on_page: Callable[[int, int], None] | None = None) -> Callable[[bytes], list[Block]]:
    """The reader of one kind, imported only when a file of that kind comes."""
    if kind == "pdf":
        from pipeline.readers import pdf

        return lambda data: pdf.read(data, on_page)
    if kind == "text":
        from pipeline.readers import txt

        return txt.read
    if kind == "html":
        from pipeline.readers import html

        return html.read
    from pipeline.readers import docx

    if kind == "docx":
        return docx.read
    from pipeline.readers import office

    return lambda data: docx.read(office.to_docx(data, kind))


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
