"""Per-file bounds: the worker's time budget and memory ceiling, the readers' limits, the walk of folders."""

from __future__ import annotations

import io
import os
import time
import zipfile

import pytest

from pipeline import config, guard
from pipeline.parse import files_in, parse_file, parse_many, printable
from pipeline.readers import ReadError, read_bytes
from tests import fuzz
from tests.conftest import FIXTURES, seed_path

DOCX = (FIXTURES / "roadmap_001.docx").read_bytes()


@pytest.fixture()
def fresh_worker():
    """A worker started under the test's environment, and stopped after it (the next test gets the default)."""
    guard.stop()
    yield
    guard.stop()


def _with(part: str, old: bytes, new: bytes, data: bytes = DOCX, count: int = -1) -> bytes:
    members = fuzz._members(data)
    assert old in members[part]
    members[part] = members[part].replace(old, new, count)
    return fuzz._zip(members)


def test_a_file_past_its_time_budget_is_stopped_and_the_next_one_is_read(fresh_worker, monkeypatch):
    monkeypatch.setenv("PRAKTIKA_MAX_PAGES", "100000")  # let the page bomb through to the clock
    good = seed_path("004").read_bytes()
    assert guard.parse(good, "warm.txt").document.items  # the first file pays for loading the models
    monkeypatch.setattr(config, "FILE_SECONDS", 2)
    clock = time.perf_counter()
    with pytest.raises(ReadError) as e:
        guard.parse(fuzz.page_bomb(), "bomb.pdf")
    assert time.perf_counter() - clock < 8
    assert str(e.value).startswith("разбор остановлен: файл не прочитан за 2 с") and e.value.kind == "разбор остановлен"
    monkeypatch.setattr(config, "FILE_SECONDS", 60)
    assert len(guard.parse(good, "after.txt").document.items) == len(parse_file(seed_path("004")).items)


def test_a_file_past_the_memory_ceiling_fails_alone(fresh_worker, monkeypatch):
    monkeypatch.setenv("PRAKTIKA_MAX_UNZIPPED_MB", "5000")  # let the bomb through to the memory ceiling
    monkeypatch.setattr(config, "WORKER_MEMORY_MB", 700)
    paragraphs = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 6_000_000  # a legal body of 18 million elements
    bomb = _with("word/document.xml", b"<w:body>", b"<w:body>" + paragraphs, count=1)
    with pytest.raises(ReadError) as e:
        guard.parse(bomb, "bomb.docx")
    assert str(e.value).startswith("файлу не хватило памяти разбора (700 МБ")
    assert guard.parse(DOCX, "good.docx").document.items


def test_docx_attribute_junk_is_read_not_crashed():
    """Values that broke int(): the document still reads, with the junk taken as Word's default."""
    data = DOCX
    for old, new in ((b'w:ilvl="0"', b'w:ilvl="1e3"'), (b'w:start w:val="1"', b'w:start w:val="abc"')):
        data = _with("word/numbering.xml", old, new, data)
    data = _with("word/document.xml", b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="2000000000"/>', data)
    want = [b.text for b in read_bytes(DOCX, "a.docx")]
    got = [b.text for b in read_bytes(data, "a.docx")]
    assert len(got) == len(want)
    assert set(" ".join(want).split()) <= set(" ".join(got).split())  # no word lost


def test_docx_zip_bombs_are_refused_before_extraction():
    spaces = _with("word/document.xml", b"<w:t>", b"<w:t>" + b" " * 200_000_000, count=1)
    assert len(spaces) < 2_000_000
    clock = time.perf_counter()
    with pytest.raises(ReadError, match="распаковывается больше чем в 100 МБ"):
        read_bytes(spaces, "bomb.docx")
    assert time.perf_counter() - clock < 5
    members = fuzz._members(DOCX) | {f"customXml/x{n}.xml": b"<a/>" for n in range(3000)}
    with pytest.raises(ReadError, match=r"3,0\d\d частей"):
        read_bytes(fuzz._zip(members), "many.docx")


def test_docx_without_body_or_parts():
    no_body = fuzz._zip({k: v.replace(b"w:body>", b"w:bodx>") for k, v in fuzz._members(DOCX).items()})
    with pytest.raises(ReadError, match="повреждённый DOCX"):
        read_bytes(no_body, "x.docx")
    members = fuzz._members(DOCX)
    del members["word/document.xml"]
    with pytest.raises(ReadError, match="повреждённый DOCX"):
        read_bytes(fuzz._zip(members), "x.docx")


def test_pdf_bombs_fail_fast():
    clock = time.perf_counter()
    with pytest.raises(ReadError, match="страница 1 рисуется командами"):
        read_bytes(fuzz.glyph_bomb(), "glyphs.pdf")
    with pytest.raises(ReadError, match="20,000 страниц"):
        read_bytes(fuzz.page_bomb(), "pages.pdf")
    assert time.perf_counter() - clock < 10


def test_text_past_the_character_limit(monkeypatch):
    monkeypatch.setattr(config, "MAX_CHARS", 10_000)
    with pytest.raises(ReadError, match=r"превышен предел: [\d,]+ знаков"):
        read_bytes(seed_path("004").read_bytes(), "plan.txt")


def test_folders_are_walked_without_leaving_them(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "sub" / "plan.txt").write_bytes(seed_path("001").read_bytes())
    outside = tmp_path / "secret.txt"
    outside.write_text("пароль", encoding="utf-8")
    (inbox / "passwd.txt").symlink_to("/etc/passwd")
    (inbox / "secret.txt").symlink_to(outside)
    (inbox / "inner.txt").symlink_to(inbox / "sub" / "plan.txt")  # inside: followed
    (inbox / "loop").symlink_to(inbox)  # a loop: walked once
    (inbox / "up").symlink_to(tmp_path)  # a folder outside: not entered
    found = [p.relative_to(inbox).as_posix() for p in files_in(inbox)]
    assert found == ["inner.txt", "sub/plan.txt"]


def test_names_that_are_not_utf8_are_shown_escaped(tmp_path):
    raw = os.fsencode(str(tmp_path)) + b"/\xff\xfe\xd0\xbf\xd0\xbb\xd0\xb0\xd0\xbd\n.txt"
    path = os.fsdecode(raw)
    with open(path, "wb") as f:
        f.write(seed_path("001").read_bytes())
    assert printable(os.path.basename(path)) == "\\xff\\xfeплан\\n.txt"
    [outcome] = parse_many(files_in(tmp_path))
    assert outcome.source == "\\xff\\xfeплан\\n.txt" and outcome.document.items


def test_zip_helpers_round_trip():
    """The fuzz generator's own zip helpers must keep a package readable (else the fuzz test proves nothing)."""
    again = fuzz._zip(fuzz._members(DOCX))
    assert [b.text for b in read_bytes(again, "a.docx")] == [b.text for b in read_bytes(DOCX, "a.docx")]
    assert zipfile.ZipFile(io.BytesIO(again)).testzip() is None
