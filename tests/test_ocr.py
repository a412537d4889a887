"""Scanned PDFs through OCR (pipeline/readers/ocr.py) against the text they were made from.

The scans are tests/fixtures/roadmap_004_scan.pdf and _mixed.pdf (made by make_fixtures.py from
the first three pages of roadmap_004.pdf: turned, grainy, a stamp on page 1). The truth for
each is the same pages read from the text layer, so every expected value comes from the source
document, not from the OCR output.
"""

from __future__ import annotations

import io
import re

import numpy as np
import pypdfium2
import pytest

from pipeline import config, guard
from pipeline.parse import parse_bytes
from pipeline.readers import ReadError, ocr
from tests.conftest import FIXTURES

SCAN = FIXTURES / "roadmap_004_scan.pdf"
MIXED = FIXTURES / "roadmap_004_mixed.pdf"


def cer(truth: str, read: str) -> float:
    """Character error rate: edits to turn `read` into `truth`, per character of `truth`."""
    prev = list(range(len(read) + 1))
    for i, a in enumerate(truth, 1):
        row = [i]
        for j, b in enumerate(read, 1):
            row.append(min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = row
    return prev[-1] / max(1, len(truth))


def same_dash(text: str | None) -> str:
    """OCR cannot tell «–» from «-» in this font: the comparison does not ask it to."""
    return re.sub(r"\s*[–—-]\s*", "-", " ".join((text or "").split()))


def rows(doc):
    return [i for i in doc.items if i.kind == "row"]


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ocr-cache")
    saved = config.OCR_CACHE
    config.OCR_CACHE = folder
    yield folder
    config.OCR_CACHE = saved


@pytest.fixture(scope="module")
def source():
    """The first three pages of the text PDF the scans were made from, read from their text."""
    pdf = pypdfium2.PdfDocument.new()
    pdf.import_pages(pypdfium2.PdfDocument(str(FIXTURES / "roadmap_004.pdf")), [0, 1, 2])
    buf = io.BytesIO()
    pdf.save(buf)
    return parse_bytes(buf.getvalue(), "source.pdf")


@pytest.fixture(scope="module")
def scan(cache):
    return parse_bytes(SCAN.read_bytes(), SCAN.name)


def test_scanned_roadmap_gives_the_rows_of_its_source(scan, source):
    want, got = rows(source), rows(scan)
    assert len(want) == 12
    assert [r.number for r in got] == [r.number for r in want]
    assert [same_dash(r.deadline) for r in got] == [same_dash(r.deadline) for r in want]
    assert [len(r.section) for r in got] == [len(r.section) for r in want]
    for w, g in zip(want, got, strict=True):  # headings read with at most a misplaced space
        assert cer(" › ".join(w.section), " › ".join(g.section)) <= 0.03, (w.section, g.section)
    activity = [cer(same_dash(w.activity), same_dash(g.activity)) for w, g in zip(want, got, strict=True)]
    truth = sum(len(w.activity) for w in want)
    assert sum(c * len(w.activity) for c, w in zip(activity, want, strict=True)) / truth <= 0.03, activity
    for field in ("responsible", "result", "description"):
        for w, g in zip(want, got, strict=True):
            assert cer(same_dash(getattr(w, field)), same_dash(getattr(g, field))) <= 0.05, (field, w.number)


def test_scanned_order_keeps_its_metadata_and_says_it_was_read_by_ocr(scan, source):
    assert (scan.kind, scan.date, scan.number) == (source.kind, source.date, source.number)
    assert scan.region == source.region == "Смоленская область"
    assert all(i.pos.ocr is not None and i.pos.ocr >= 80 for i in scan.items)
    assert all(i.pos.ocr is None for i in source.items)
    assert scan.coverage.complete


def test_mixed_pdf_is_read_page_by_page(cache, source):
    doc = parse_bytes(MIXED.read_bytes(), MIXED.name)
    assert [(r.number, same_dash(r.deadline)) for r in rows(doc)] == [
        (r.number, same_dash(r.deadline)) for r in rows(source)
    ]
    by_page = {i.pos.page: i.pos.ocr is not None for i in doc.items}
    assert by_page[1] is False and by_page[3] is True  # page 1 has its text layer, page 3 was scanned


def test_pages_are_read_once_then_come_from_the_cache(cache, monkeypatch):
    data = SCAN.read_bytes()
    first = ocr.scan_pages(data, {0: 200, 1: 200, 2: 200})  # read already by the fixtures above, or now
    assert len(list(cache.rglob("*.json"))) >= 3

    def no_ocr(*_):
        raise AssertionError("a cached page was read again")

    monkeypatch.setattr(ocr, "read_image", no_ocr)
    heard = []
    again = ocr.scan_pages(data, {0: 200, 1: 200, 2: 200}, lambda done, total: heard.append((done, total)))
    assert [t.rows for p in again.values() for t in p.tables] == [t.rows for p in first.values() for t in p.tables]
    assert heard == [(3, 3)]


def _image_pdf(pixels: np.ndarray) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, format="PDF", resolution=200)
    return buf.getvalue()


def test_blank_and_unreadable_scans_are_clear_errors(cache):
    with pytest.raises(ReadError, match="скан без текста"):
        parse_bytes(_image_pdf(np.full((1654, 1169), 250, np.uint8)), "blank.pdf")
    rng = np.random.default_rng(7)
    photo = (rng.random((400, 300)) * 255).astype(np.uint8).repeat(4, axis=0).repeat(4, axis=1)
    with pytest.raises(ReadError, match=r"скан (без текста|не распознан)"):
        parse_bytes(_image_pdf(photo), "photo.pdf")


def test_the_worker_gives_a_scan_time_per_page_and_tells_the_pages(tmp_path, monkeypatch):
    """A cold cache, a file budget of two seconds: only the time added per page lets it finish."""
    guard.stop()
    monkeypatch.setenv("PRAKTIKA_OCR_CACHE", str(tmp_path / "cold"))
    try:
        assert guard.parse((FIXTURES / "roadmap_004.pdf").read_bytes(), "warm.pdf", entities=False)
        monkeypatch.setattr(config, "FILE_SECONDS", 2.0)
        heard = []
        parsed = guard.parse(SCAN.read_bytes(), SCAN.name, entities=False, on_page=lambda d, t: heard.append((d, t)))
        assert len(rows(parsed.document)) == 12
        assert heard[0] == (0, 3) and heard[-1] == (3, 3)
        assert len(list((tmp_path / "cold").rglob("*.json"))) == 3
    finally:
        guard.stop()


def test_ingest_tells_the_pages_and_the_page_says_an_item_was_scanned(tmp_path):
    from app import views
    from index.kb import KnowledgeBase

    kb = KnowledgeBase.open(tmp_path / "kb")
    try:
        heard = []
        (result,) = kb.ingest([SCAN], progress=lambda n, total, name: heard.append(name))
        assert (result.status, result.items) == ("added", 14)
        assert "roadmap_004_scan.pdf: распознано страниц 3 из 3" in heard
        hits = kb.search("анкетирование школ для рискового профиля", k=3)
        assert hits and hits[0].item.pos.ocr >= 80
        assert "Распознано со скана (OCR, уверенность" in views.card(hits[0], 1)
        assert kb.ingest([SCAN])[0].status == "unchanged"
    finally:
        kb.close()


def test_a_borderless_scanned_table_keeps_every_lone_row_number(cache, tmp_path):
    """The numbers of a borderless table's first column stand alone, 20 pixels tall at 200 dpi:
    Tesseract's layout passes them over and reads «2.», «3.» or «7.» as «Qi», «2» or «Bs:» (realdocs
    352), so rows ran together. Read again three times larger, each keeps its row."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent / "realdocs"))
    from build import build_scan

    activities = [
        "Анализ результатов экзаменов в разрезе школ и предметов",
        "Формирование перечня школ с низкими результатами",
        "Разработка программ повышения качества образования",
        "Обеспечение обучающихся учебниками истории",
        "Курсы повышения квалификации учителей математики",
        "Региональные тренировочные работы в форме экзамена",
        "Родительские собрания по вопросам подготовки к экзаменам",
        "Мониторинг выполнения программ повышения качества",
    ]
    table = [["№", "Мероприятия", "Сроки", "Исполнители"]]
    table += [[f"{n}.", text, "октябрь 2023 г.", "отдел общего образования"] for n, text in enumerate(activities, 1)]
    spec = {"blocks": [{"p": "План мероприятий по повышению качества образования", "align": "center"},
                       {"table": table, "widths": [1, 6, 2.5, 3.5]}]}  # fmt: skip
    path = tmp_path / "plan.pdf"
    build_scan(spec, path, ruled=False)
    doc = parse_bytes(path.read_bytes(), path.name)
    assert [r.number for r in rows(doc)] == [f"{n}." for n in range(1, 9)]
    assert [same_dash(r.activity) for r in rows(doc)] == activities


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("руководители 00", "руководители ОО"),  # realdocs 365: «ОО», educational organisations
        ("МБ0У СОШ", "МБОУ СОШ"),
        ("в 10.00", "в 10.00"),  # a time stays
        ("2000 год", "2000 год"),
        ("00:", "00:"),
    ],
)
def test_zeros_among_capitals_are_the_letter_o(read, meant):
    from pipeline.readers.tesseract import zeros_to_letters

    assert zeros_to_letters(read) == meant


def test_ink_beside_a_word_that_already_says_it_is_not_read_twice():
    """455: the «1» of «№ 1» is wider than its word's box; re-reading the ink left over gave «№ 1 1»."""
    from pipeline.readers.tesseract import _echoes

    words = [{"text": "№", "box": (530, 560, 552, 581)}, {"text": "1", "box": (558, 560, 566, 581)}]
    assert _echoes({"text": "1", "box": (568, 560, 585, 581)}, words, body=21)
    assert not _echoes({"text": "2.", "box": (170, 669, 200, 691)}, words, body=21)  # a row's lone number
    assert not _echoes({"text": "4", "box": (571, 622, 586, 642)}, words, body=21)  # another line
