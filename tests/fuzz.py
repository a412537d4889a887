"""Malformed and hostile files made from the good fixtures, reproducibly (a fixed seed).

Used by `tests/test_fuzz.py` (a few hundred files, part of `make test`) and by
`bench/soak.py` (thousands). Each kind imitates a failure class seen on real batches:
DOCX with damaged attribute values, parts, XML or zip structure; truncated, bit-flipped,
encrypted and oversized PDFs; text in other encodings, with NULs, very long lines or
runs of punctuation; junk under every extension; and odd file names.

    files = list(generate(random.Random(7), per_kind=20))
    write(files, folder)
"""

from __future__ import annotations

import io
import random
import re
import threading
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
REALDOCS = HERE / "realdocs" / "docs"
CORPUS = HERE.parent / "corpus"

# Attribute values that broke int() and list indexing in the DOCX reader.
BAD_VALUES = [
    "1e3",
    "3.5",
    "abc",
    "",
    "-1",
    "-2147483648",
    "99999999999999999999",
    "2000000000",
    "0",
    "１",
    " 2",
    "NaN",
]
_W_ATTR = re.compile(rb'(w:(?:val|ilvl|numId|abstractNumId|styleId|w|type))="([^"]*)"')


@dataclass(frozen=True)
class Sample:
    """One generated file: its name, content, the generator that made it, and whether it is a good file."""

    name: str
    data: bytes
    kind: str
    good: bool = False


def good_files() -> list[Path]:
    """The good files mixed into batches: the corpus and a spread of the real-document models."""
    real = sorted(REALDOCS.glob("*"))
    return [*sorted(CORPUS.glob("*.txt")), FIXTURES / "roadmap_001.docx", FIXTURES / "roadmap_004.pdf", *real[::6]]


def generate(rng: random.Random, per_kind: int) -> Iterator[Sample]:
    docx_seeds = [FIXTURES / "roadmap_001.docx", *sorted(REALDOCS.glob("*.docx"))[:4]]
    pdf_seeds = [FIXTURES / "roadmap_004.pdf", *sorted(REALDOCS.glob("*.pdf"))[:3]]
    text_seeds = sorted(CORPUS.glob("*.txt"))
    makers = {
        "docx-attribute": lambda: _docx_attribute(rng, rng.choice(docx_seeds).read_bytes()),
        "docx-part": lambda: _docx_part(rng, rng.choice(docx_seeds).read_bytes()),
        "docx-xml": lambda: _docx_xml(rng, rng.choice(docx_seeds).read_bytes()),
        "docx-zip": lambda: _docx_zip(rng, rng.choice(docx_seeds).read_bytes()),
        "pdf": lambda: _pdf(rng, rng.choice(pdf_seeds).read_bytes()),
        "text": lambda: _text(rng, rng.choice(text_seeds).read_text(encoding="utf-8")),
        "junk": lambda: _junk(rng),
    }
    for kind, make in makers.items():
        for n in range(per_kind):
            suffix, data = make()
            yield Sample(f"{kind}-{n:03}{suffix}", data, kind)
    for n, (suffix, data) in enumerate(_hostile()):
        yield Sample(f"hostile-{n:03}{suffix}", data, "hostile")


def write(samples: list[Sample], folder: Path, rng: random.Random) -> dict[Path, Sample]:
    """Write the samples under odd but legal names; the map gives each path its sample."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for n, s in enumerate(samples):
        name = s.name
        if rng.random() < 0.15 and not s.good:
            name = (
                rng.choice(
                    ["приказ №5 (копия) ", "  ", "план\tграфик ", "а" * 110, "$(rm -rf) ", "<b>x<i onload=alert(1)> "]
                )
                + name
            )
        path = folder / name
        if rng.random() < 0.05 and not s.good:  # a name that is not valid UTF-8
            raw = b"\xff\xfe-" + str(n).encode() + Path(s.name).suffix.encode()
            path = folder / raw.decode("utf-8", "surrogateescape")
        path.write_bytes(s.data)
        out[path] = s
    return out


class PeakMemory:
    """Samples the resident memory of a process (this one by default) and its children every 50 ms."""

    def __init__(self, pid: int | None = None) -> None:
        self.peak = 0
        self._pid = pid
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        try:
            me = psutil.Process(self._pid)
        except psutil.Error:  # it ended before the first sample
            return
        while not self._stop.is_set():
            total = 0
            try:
                tree = [me, *me.children(recursive=True)]
            except psutil.Error:  # the process ended
                return
            for p in tree:
                try:
                    total += p.memory_info().rss
                except psutil.Error:  # a worker that ended meanwhile
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(0.05)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()


# --- DOCX -------------------------------------------------------------------------------------


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return buf.getvalue()


def _docx_attribute(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """A few w:val / w:ilvl / w:numId … values set to what int() cannot take or lists cannot index."""
    members = _members(data)
    part = rng.choice([p for p in ("word/document.xml", "word/numbering.xml", "word/styles.xml") if p in members])
    xml = members[part]
    spots = list(_W_ATTR.finditer(xml))
    for m in rng.sample(spots, min(len(spots), rng.randint(1, 6))):
        bad = rng.choice(BAD_VALUES).encode()
        xml = (
            xml[: m.start(2)] + bad + b" " * (len(m.group(2)) - len(bad)) + xml[m.end(2) :]
            if len(bad) <= len(m.group(2))
            else xml[: m.start(2)] + bad[: len(m.group(2))] + xml[m.end(2) :]
        )
    members[part] = xml
    if rng.random() < 0.4:
        members["word/document.xml"] = re.sub(
            rb"<w:tcPr>",
            b'<w:tcPr><w:gridSpan w:val="' + rng.choice(BAD_VALUES).encode() + b'"/>',
            members["word/document.xml"],
            count=rng.randint(1, 5),
        )
    return ".docx", _zip(members)


def _docx_part(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """A part removed (numbering, styles, the body, the content types, the relationships)."""
    members = _members(data)
    for name in rng.sample(sorted(members), rng.randint(1, 3)):
        del members[name]
    return ".docx", _zip(members)


def _docx_xml(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """An XML part cut short, or with junk, a DOCTYPE, or elements where they cannot be."""
    members = _members(data)
    part = rng.choice([p for p in members if p.endswith(".xml") or p.endswith(".rels")])
    xml = members[part]
    how = rng.randrange(5)
    if how == 0:
        xml = xml[: rng.randrange(len(xml))]
    elif how == 1:
        at = rng.randrange(len(xml))
        xml = xml[:at] + bytes(rng.randrange(256) for _ in range(20)) + xml[at:]
    elif how == 2:
        xml = (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY e SYSTEM "file:///etc/passwd">]>'
            + re.sub(rb"^<\?xml[^>]*>", b"", xml).replace(b"<w:t>", b"<w:t>&c;&e;", 3)
        )
    elif how == 3:  # a table row without cells, a cell without paragraphs, a table in a table in a table …
        xml = xml.replace(b"<w:tr>", b"<w:tr></w:tr><w:tr>", 2).replace(b"<w:tc>", b"<w:tc></w:tc><w:tc>", 2)
        deep = b"<w:tbl><w:tr><w:tc>" * 300 + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" + b"</w:tc></w:tr></w:tbl>" * 300
        xml = xml.replace(b"<w:body>", b"<w:body>" + deep, 1)
    else:
        xml = xml.replace(b"<w:t>", b"<w:t>\x00\x01", 5)
    members[part] = xml
    return ".docx", _zip(members)


def _docx_zip(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """The archive itself damaged: truncated, bytes flipped, or a member that inflates enormously."""
    how = rng.randrange(4)
    if how == 0:
        return ".docx", data[: rng.randrange(30, len(data))]
    if how == 1:
        return ".docx", _flipped(rng, data, 30)
    members = _members(data)
    if how == 2:  # ~200 MB of spaces inside the body, a few hundred KB on disk
        members["word/document.xml"] = members["word/document.xml"].replace(b"<w:t>", b"<w:t>" + b" " * 200_000_000, 1)
    else:  # tens of thousands of members
        members.update({f"customXml/x{n}.xml": b"<a/>" for n in range(30_000)})
    return ".docx", _zip(members)


def _flipped(rng: random.Random, data: bytes, most: int) -> bytes:
    """Up to `most` bytes set to random values."""
    out = bytearray(data)
    for _ in range(rng.randint(1, most)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


# --- PDF --------------------------------------------------------------------------------------


def _pdf(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    how = rng.randrange(4)
    if how == 0:
        return ".pdf", data[: rng.randrange(10, len(data))]
    if how == 1:
        return ".pdf", _flipped(rng, data, 50)
    if how == 2:
        return ".pdf", data.replace(b"xref", b"xre ", 1).replace(b"startxref", b"startxre ", 1)
    return ".pdf", b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(rng.randint(0, 5000)))


def _pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the catalog first) with a correct cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def glyph_bomb(glyphs: int = 2_000_000) -> bytes:
    """A tiny PDF whose one page draws millions of glyphs (a compressed content stream)."""
    stream = zlib.compress(b"BT /F1 1 Tf " + b"(a) Tj " * glyphs + b"ET", 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>stream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return _pdf_file(objects)


def page_bomb(pages: int = 20_000) -> bytes:
    """A small PDF with tens of thousands of (empty-ish) pages sharing one content stream."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    stream = b"BT /F1 12 Tf 50 700 Td (plan) Tj ET"
    objects.append(b"<< /Length %d >>stream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 3 0 R "
            b"/Resources << /Font << /F1 4 0 R >> >> >>"
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    return _pdf_file(objects)


# --- text and junk ----------------------------------------------------------------------------


def _text(rng: random.Random, text: str) -> tuple[str, bytes]:
    how = rng.randrange(7)
    if how == 0:
        return ".txt", text.encode(rng.choice(["cp1251", "koi8_r", "cp866", "utf-16", "utf-16-le"]), "replace")
    if how == 1:
        data = bytearray(text.encode())
        for _ in range(rng.randint(1, 40)):
            data.insert(rng.randrange(len(data)), 0)
        return ".txt", bytes(data)
    if how == 2:
        return ".txt", (text[:2000] + "мероприятие " * 90_000 + text[2000:]).encode()  # a one-megabyte line
    if how == 3:
        half = len(text) // 2
        return ".txt", text[:half].encode() + text[half:].encode("cp1251", "replace")
    if how == 4:
        return ".txt", "\n".join(f"{n}\tМероприятие {n}\t2020\tшкола" for n in range(rng.randint(1, 30_000))).encode()
    if how == 5:
        return ".txt", (text + "\n" + rng.choice("«»()*-—.") * rng.randint(1000, 20_000)).encode()
    return ".txt", bytes(rng.randrange(1, 32) for _ in range(rng.randint(1, 3000)))


def _junk(rng: random.Random) -> tuple[str, bytes]:
    suffix = rng.choice([".txt", ".docx", ".pdf", ".TXT", ".Docx", ""])
    head = rng.choice([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe"])
    return suffix, head + bytes(rng.randrange(256) for _ in range(rng.randint(0, 20_000)))


def _hostile() -> list[tuple[str, bytes]]:
    """One of each named attack: bombs of every kind, an empty file, a file of only NULs."""
    return [
        (".pdf", glyph_bomb()),
        (".pdf", page_bomb()),
        (".txt", b""),
        (".txt", b"\x00" * 100_000),
        (".txt", ("«»" * 40_000).encode()),
        (".docx", _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * 300_000_000})),
    ]
