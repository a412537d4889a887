"""DOCX and PDF readers against fixtures made from the seeds (tests/fixtures/make_fixtures.py)."""

from __future__ import annotations

import pytest

from pipeline.parse import parse_file
from tests.conftest import FIXTURES


def _norm(text):
    """Spaces folded; a hyphen's space too: a PDF's line break after «психолого-» cannot tell the seed's
    «психолого- педагогической» from «психолого-педагогической»."""
    return " ".join((text or "").split()).rstrip(".").replace("- ", "-")


@pytest.fixture(scope="module")
def docx_doc():
    return parse_file(FIXTURES / "roadmap_001.docx")


@pytest.fixture(scope="module")
def pdf_doc():
    return parse_file(FIXTURES / "roadmap_004.pdf")


def test_docx_metadata_and_numbered_clauses(docx_doc):
    d = docx_doc
    assert (d.kind, d.date, d.number) == ("приказ", "2020-09-10", "01-10/142-2")
    assert d.issuer == "Отдел образования администрации Пономаревского района Оренбургской области"
    clauses = [i for i in d.items if i.kind == "clause"]
    assert [c.number for c in clauses] == ["1", "2", "3", "4"]  # Word's automatic numbering, printed
    assert d.signatory.name == "Бахмутов В.А."


def test_docx_table_rows_merged_cells_and_sections(docx_doc, seeds):
    rows = [i for i in docx_doc.items if i.kind == "row"]
    assert len(rows) == 12
    assert rows[0].section == ["Организационное направление"]  # horizontally merged row
    assert rows[6].section == ["Методическое сопровождение"]
    assert rows[1].responsible == rows[2].responsible == "Отдел образования, МКУ «ЦМТО»"  # vMerge
    assert "Доля школ — 100%" in rows[4].result  # nested table flattened into its cell
    txt_rows = [i for i in seeds["001"].items if i.kind == "row"][:12]
    for got, want in zip(rows, txt_rows, strict=True):
        assert _norm(got.activity) == _norm(want.activity)
        assert got.deadline == want.deadline
    assert all(r.pos.table == 0 and r.pos.row is not None for r in rows)


def test_pdf_rows_split_over_pages_are_merged(pdf_doc, seeds):
    rows = [i for i in pdf_doc.items if i.kind == "row"]
    txt_rows = [i for i in seeds["004"].items if i.kind == "row"]
    assert len(rows) == 38
    for got, want in zip(rows, txt_rows, strict=True):
        for name in ("number", "activity", "description", "deadline", "responsible", "result"):
            assert _norm(getattr(got, name)) == _norm(getattr(want, name)), (want.number, name)
        assert got.section == want.section
    pages = {r.pos.page for r in rows}
    assert len(pages) >= 5 and min(pages) == 1  # page numbers kept as positions


def test_pdf_metadata_and_no_artefacts(pdf_doc, seeds):
    d, t = pdf_doc, seeds["004"]
    assert (d.date, d.number, d.title, d.issuer) == (t.date, t.number, t.title, t.issuer)
    assert d.signatory == t.signatory
    assert [c.number for c in d.citations] == ["189-ОД"] and d.citations[0].amends
    assert not any(i.kind == "paragraph" for i in d.items)  # footers and page numbers are gone


def test_a_ruled_pdf_cell_merged_down_answers_for_each_numbered_row():
    """pdfplumber gives None where a merged cell covers a grid cell, "" where a cell is empty."""
    from pipeline.readers.pdf import _merged_down

    grid = [
        ["№", "Ответственный", "Мероприятие", None],
        [None, None, "", "срок"],
        ["1.", "Куратор Гуменюк Н.С.", "Формирование базы наставников", "до 01.02.2022"],
        ["2.", None, "Обучение наставников", ""],
        ["3.", "", "Мониторинг", None],
    ]
    out = _merged_down(grid)
    assert out[1] == [None, None, "", "срок"]  # a header row is left as drawn
    assert out[3] == ["2.", "Куратор Гуменюк Н.С.", "Обучение наставников", ""]
    assert out[4] == ["3.", "", "Мониторинг", None]  # an empty cell stays empty; nothing to take from ""


def test_a_stage_merged_over_its_activities_numbers_each_but_keeps_its_name_to_itself():
    """178: «1. | Подготовка условий» merged down beside three activities of their own: three rows «1.»,
    the stage's name in the first only (it is not their activity)."""
    from pipeline.readers.pdf import _clean, _merged_down

    grid = [
        ["№", "Наименование этапа", "Мероприятия", "Сроки"],
        ["1.", "Подготовка условий", "Изучение материалов", "сентябрь 2021 г."],
        [None, None, "Подготовка нормативной базы", "сентябрь 2021 г."],
        [None, None, "Выбор форм", None],
        ["2.", "Формирование базы", "Сбор запросов", "октябрь"],
    ]
    out = _merged_down(grid)
    assert out[2] == ["1.", None, "Подготовка нормативной базы", "сентябрь 2021 г."]
    assert out[3] == ["1.", None, "Выбор форм", "сентябрь 2021 г."]  # a deadline merged down answers too
    assert out[0] == grid[0] and out[4] == grid[4]
    # a word too long for its column, broken without a hyphen, is made whole; a hyphen-space stays
    assert _clean("Изучение и сис\nтематизация материалов по наставничеств\nу") == (
        "Изучение и систематизация материалов по наставничеству"
    )
    # a compound broken at its hyphen keeps it; a word hyphenated at the line's end is whole again (496)
    assert _clean("психолого-\nпедагогической помощи по\nставить") == "психолого-педагогической помощи по ставить"
    assert _clean("двух региональ-\nных процедур") == "двух региональных процедур"


def test_a_huge_ruled_cell_is_joined_in_linear_time():
    """Review: the broken-word rule once looked at the whole text so far for every line (28 s for 8,000 lines)."""
    import time

    from pipeline.readers.pdf import _clean

    start = time.perf_counter()
    joined = _clean("\n".join(["слово другое"] * 8000))
    assert time.perf_counter() - start < 2.0 and len(joined) == 8000 * 13 - 1


def test_a_pdf_line_in_a_bold_face_is_marked_and_closes_the_title(tmp_path):
    """Word exports print the title in bold and the preamble in the regular face; pdfplumber's font
    names («…DejaVuSans-Bold», «TimesNewRomanPS-BoldMT») tell them apart where the words do not."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from pipeline.readers import read

    pdfmetrics.registerFont(TTFont("Sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("Sans-Bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
    path = tmp_path / "order.pdf"
    page = canvas.Canvas(str(path))
    lines = [
        ("Sans-Bold", "ПРИКАЗ"),
        ("Sans", "03.06.2025 № 86"),
        ("Sans-Bold", "Об итогах промежуточной аттестации"),
        ("Sans-Bold", "и мерах по повышению качества образования"),
        ("Sans", "В 2025 году качество знаний снизилось"),
        ("Sans", "ПРИКАЗЫВАЮ:"),
        ("Sans", "1. Утвердить план мероприятий."),
    ]
    for n, (font, text) in enumerate(lines):
        page.setFont(font, 11)
        page.drawString(70, 780 - 16 * n, text)
    page.save()
    read_lines = [(b.text, b.bold) for b in read(path)]
    assert read_lines[2] == ("Об итогах промежуточной аттестации и мерах по повышению качества образования", True)
    assert [bold for _, bold in read_lines] == [True, False, True, False, False, False]
    doc = parse_file(path)
    assert doc.title == "Об итогах промежуточной аттестации и мерах по повышению качества образования"
    assert doc.preamble == "В 2025 году качество знаний снизилось"


def test_a_borderless_tables_last_row_alone_under_its_repeated_header_keeps_its_columns(tmp_path):
    """385 (set AC, dev): the plan's last row went alone onto the next page under the repeated header;
    two lines are too few to show the columns «Срок» and «Ответственный», so the row came out in
    three columns. The repeated header fills every column of the table that ended the page before."""
    from tests.realdocs.build import build_pdf

    rows = [["№ п/п", "Мероприятие", "Срок", "Ответственный", "Ожидаемый результат"]]
    row = ["Семинар для учителей школ номер {}", "март 2014 г.", "ГОАУ ЯО ИРО", "участники обучены"]
    rows += [[f"{k}", row[0].format(k), *row[1:]] for k in range(1, 26)]
    table = {"table": rows, "widths": [0.7, 3.9, 2.5, 2.6, 2.5], "repeat_header": 1}
    path = tmp_path / "plan.pdf"
    build_pdf({"blocks": [{"p": "План мероприятий", "bold": True, "align": "center"}, table]}, path, ruled=False)
    doc = parse_file(path)
    last = [i for i in doc.items if i.kind == "row"][-1]
    assert last.pos.page == 2  # the layout this test is about: the 25th row alone on page 2
    assert (last.number, last.activity, last.deadline, last.responsible, last.result) == (
        "25",
        "Семинар для учителей школ номер 25",
        "март 2014 г.",
        "ГОАУ ЯО ИРО",
        "участники обучены",
    )
