"""Bad input: one clear error per file, and a batch that goes on."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import pytest

from pipeline import config
from pipeline.parse import parse_file, parse_many
from pipeline.readers import ReadError
from tests.conftest import FIXTURES, ROOT, seed_path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def error_of(path) -> str:
    with pytest.raises(ReadError) as e:
        parse_file(path)
    return str(e.value)


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    assert error_of(tmp_path / "empty.txt") == "пустой файл"
    assert error_of(tmp_path / "blank.txt") == "пустой файл"


def test_binary_junk(tmp_path):
    junk = bytes(range(256)) * 64
    (tmp_path / "junk.txt").write_bytes(junk)
    (tmp_path / "junk.pdf").write_bytes(junk)
    (tmp_path / "junk.docx").write_bytes(junk)
    assert error_of(tmp_path / "junk.txt").startswith("неподдерживаемый формат")
    assert error_of(tmp_path / "junk.pdf") == "неподдерживаемый формат: содержимое файла — не PDF"
    assert error_of(tmp_path / "junk.docx").startswith("повреждённый DOCX")


def test_unknown_extension_and_mismatch(tmp_path):
    (tmp_path / "plan.xls").write_text("План", encoding="utf-8")
    assert error_of(tmp_path / "plan.xls").startswith("неподдерживаемый формат: «.xls»")
    (tmp_path / "zipped.txt").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert "содержимое файла — zip-архив, а не TXT" in error_of(tmp_path / "zipped.txt")
    # content of a kind we read is read as what it is, whatever its name says
    (tmp_path / "really_pdf.txt").write_bytes((FIXTURES / "roadmap_004.pdf").read_bytes())
    assert parse_file(tmp_path / "really_pdf.txt").items


def test_truncated_pdf(tmp_path):
    data = (FIXTURES / "roadmap_004.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 3])
    assert error_of(tmp_path / "cut.pdf").startswith("повреждённый или обрезанный PDF")


def test_encrypted_pdf(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "secret.pdf"
    c = canvas.Canvas(str(path), encrypt="пароль-не-знаем")
    c.drawString(100, 700, "Plan")
    c.save()
    assert error_of(path) == "зашифрованный PDF (защищён паролем)"


def test_pdf_of_drawings_without_text(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 400, 600, fill=1)  # a page of vector drawing only: no text, no scanned image
    c.showPage()
    c.save()
    assert error_of(path) == "нет текста: ни текстового слоя, ни сканированных страниц"


def test_docx_that_is_not_a_zip_or_not_word(tmp_path):
    (tmp_path / "text.docx").write_text("Приказ № 1", encoding="utf-8")
    assert error_of(tmp_path / "text.docx").startswith("повреждённый DOCX")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "не документ Word")
    (tmp_path / "zip.docx").write_bytes(buf.getvalue())
    assert error_of(tmp_path / "zip.docx").startswith("повреждённый DOCX")
    good = (FIXTURES / "roadmap_001.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(good[: len(good) // 2])
    assert error_of(tmp_path / "cut.docx").startswith("повреждённый DOCX")


def test_huge_file_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # sparse: 200 MB on paper, nothing on disk
        f.truncate(200 * 1024 * 1024)
    assert config.MAX_FILE_BYTES == 50 * 1024 * 1024
    assert error_of(path) == "файл слишком большой: 200 МБ (предел 50 МБ, PRAKTIKA_MAX_FILE_MB)"


def test_size_limit_is_configurable(tmp_path):
    path = tmp_path / "two_mb.txt"
    path.write_bytes(seed_path("004").read_bytes() * 80)  # about 2 MB
    env = {**os.environ, "PRAKTIKA_MAX_FILE_MB": "1"}
    code = f"from pipeline.parse import parse_file; parse_file({str(path)!r})"
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode != 0 and "предел 1 МБ" in run.stderr


def test_mixed_encodings(tmp_path):
    text = seed_path("004").read_text(encoding="utf-8")
    half = len(text) // 2
    (tmp_path / "mixed.txt").write_bytes(text[:half].encode("utf-8") + text[half:].encode("cp1251"))
    assert error_of(tmp_path / "mixed.txt").startswith("смешанные кодировки")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-8-sig"])
def test_cyrillic_code_pages_read_like_utf8(tmp_path, encoding):
    # koi8-r has no «», – or №: use a text every code page can hold, then compare.
    text = seed_path("004").read_text(encoding="utf-8").translate(str.maketrans("«»–—№", '""--N'))
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    (tmp_path / "coded.txt").write_bytes(text.encode(encoding))
    doc, want = parse_file(tmp_path / "coded.txt"), parse_file(tmp_path / "utf8.txt")
    assert len([i for i in doc.items if i.kind == "row"]) == 38
    assert [i.activity for i in doc.items] == [i.activity for i in want.items]
    assert (doc.title, doc.date, doc.signatory) == (want.title, want.date, want.signatory)


def test_unknown_structure_yields_paragraphs(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(
        "Методические рекомендации по работе с родителями\n\n"
        "Школам рекомендуется проводить родительские собрания ежемесячно.\n\n"
        "Классным руководителям вести учёт посещаемости и обсуждать её с семьями.\n",
        encoding="utf-8",
    )
    doc = parse_file(path)
    assert [i.kind for i in doc.items] == ["paragraph"] * 3
    assert doc.items[2].activity.startswith("Классным руководителям")
    assert doc.kind is None and doc.date is None and doc.number is None


def test_batch_goes_on_and_reports(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_bytes(seed_path("001").read_bytes())
    (tmp_path / "c_junk.pdf").write_bytes(b"%PDF-1.4\n garbage")
    outcomes = list(parse_many(sorted(tmp_path.iterdir())))
    assert [(o.source, bool(o.document), bool(o.error)) for o in outcomes] == [
        ("a_empty.txt", False, True),
        ("b_good.txt", True, False),
        ("c_junk.pdf", False, True),
    ]
