""".doc, .rtf, .odt (through LibreOffice) and saved web pages (tests/fixtures/html, modelled on
real pages: tests/fixtures/html/README.md) read into the same items as the formats we had."""

from __future__ import annotations

import pytest

from pipeline import config
from pipeline.parse import parse_bytes, parse_file
from pipeline.readers import ReadError, kind_of
from tests.conftest import FIXTURES

HTML = FIXTURES / "html"


def fields(doc):
    return [(i.kind, i.number, i.activity, i.deadline, i.responsible, i.result) for i in doc.items]


@pytest.fixture(scope="module")
def docx_doc():
    return parse_file(FIXTURES / "roadmap_001.docx")


@pytest.mark.parametrize("suffix", ["doc", "rtf", "odt"])
def test_office_formats_give_the_items_of_the_docx(suffix, docx_doc):
    doc = parse_file(FIXTURES / f"roadmap_001.{suffix}")
    assert fields(doc) == fields(docx_doc)  # table rows, merged cells and Word's numbering survive
    assert [i.section for i in doc.items] == [i.section for i in docx_doc.items]
    meta = ("kind", "date", "number", "issuer", "region", "municipality")
    assert [getattr(doc, m) for m in meta] == [getattr(docx_doc, m) for m in meta]
    assert doc.coverage.complete and not doc.warnings()


def test_content_decides_the_format_not_the_name():
    docx = (FIXTURES / "roadmap_001.docx").read_bytes()
    pdf = (FIXTURES / "roadmap_004.pdf").read_bytes()
    page = (HTML / "buturlino_decision.html").read_bytes()
    assert kind_of(docx, "old.doc") == "docx"  # a .doc that is really DOCX
    assert kind_of(pdf, "page.html") == "pdf"  # an .html that is really a PDF
    assert kind_of(page, "order.doc") == "html"  # Word's «save as web page» under a .doc name
    assert kind_of(b"{\\rtf1\\ansi hello}", "order.doc") == "rtf"
    assert fields(parse_bytes(docx, "old.doc")) == fields(parse_bytes(docx, "old.docx"))


def test_a_damaged_old_word_file_is_a_clear_error_not_garbage(monkeypatch):
    ole = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00garbage " * 200
    with pytest.raises(ReadError, match="повреждённый документ Word 97–2003"):
        parse_bytes(ole, "order.doc")
    with pytest.raises(ReadError, match="повреждённый документ RTF"):
        parse_bytes(b"{\\rtf1 broken", "order.rtf")
    # A binary run announced as 999,999,999 bytes keeps LibreOffice busy: the clock stops it.
    monkeypatch.setattr(config, "OFFICE_SECONDS", 3)
    with pytest.raises(ReadError, match="LibreOffice не успел преобразовать файл за 3 с"):
        parse_bytes(b"{\\rtf1 \\bin999999999 " + b"\xff" * 100, "order.rtf")
    with pytest.raises(ReadError, match="содержимое файла — двоичные данные"):
        parse_bytes(bytes(range(256)) * 4, "order.odt")


def test_roadmap_page_gives_its_table_rows_and_drops_the_site():
    doc = parse_file(HTML / "medvezhyegorsk_plan.html")
    rows = [i for i in doc.items if i.kind == "row"]
    assert [(r.number, r.deadline) for r in rows] == [
        ("1.1", "январь 2023"),
        ("1.2", "февраль – март 2023"),
        ("2.1", "в течение года"),
        ("2.2", "апрель 2023"),
    ]
    # a rowspan repeats the cell for the row below; a colspan row is the section heading
    imc = "Управление образования, МКУ «Информационно-методический центр»"
    assert rows[1].responsible == rows[0].responsible == imc
    assert rows[1].result == "Рисковые профили школ"
    assert rows[0].section == ["1. Аналитическое направление"]
    assert rows[3].activity == "Муниципальный семинар «Формирующее оценивание на уроках математики»"
    assert doc.kind == "план-график" and doc.municipality == "Медвежьегорский район"
    text = " ".join([*doc.header, *(i.passage() for i in doc.items), *(s.text for s in doc.skipped)])
    for chrome in ("Версия для слабовидящих", "Контакты", "Карта сайта", "Все права защищены", "counter"):
        assert chrome not in text
    assert doc.web.url == "https://obrazovanie-medgora.edusite.ru/p403aa1.html"
    assert doc.web.title.startswith("Система работы со школами с низкими результатами обучения")


def test_act_page_from_a_legal_site_gives_its_clauses_without_the_menus():
    doc = parse_file(HTML / "buturlino_decision.html")
    assert (doc.kind, doc.date, doc.number) == ("решение", "2007-02-27", "6")
    assert doc.issuer == "Земское собрание Бутурлинского района"  # not the site's «Официальная публикация: …»
    assert [c.number for c in doc.items if c.kind == "clause"] == ["1", "2", "3"]
    text = " ".join([*doc.header, *(i.passage() for i in doc.items)])
    for menu in ("Ардатов", "Кстово", "Распоряжения", "Законодательство"):
        assert menu not in text
    assert doc.web.url == "http://www.electrocit.ru/index.php?ds=1009"


def test_html_tables_spans_scripts_and_addresses():
    page = """<html><head><title>План</title><link rel="canonical" href="javascript:alert(1)">
    <script>document.write('ПЛОХО')</script></head><body><main>
    <p>ПЛАН мероприятий по поддержке школ</p>
    <table><tr><th>№</th><th>Мероприятие</th><th>Срок</th><th>Ответственный</th></tr>
    <tr><td>1</td><td colspan="2">Семинар для директоров школ</td><td rowspan="2">Иванова И.И.</td></tr>
    <tr><td>2</td><td>Выездная проверка школ</td><td>май 2024</td></tr>
    <tr><td>3</td><td>Методический<br>день</td><td>июнь</td><td>Петров</td></tr>
    </table><ul><li>Первый пункт списка</li><li>Второй пункт списка</li></ul></main></body></html>"""
    doc = parse_bytes(page.encode("utf-8"), "plan.htm")
    rows = [i for i in doc.items if i.kind == "row"]
    assert [(r.number, r.activity, r.deadline, r.responsible) for r in rows] == [
        ("1", "Семинар для директоров школ", None, "Иванова И.И."),
        ("2", "Выездная проверка школ", "май 2024", "Иванова И.И."),
        ("3", "Методический день", "июнь", "Петров"),
    ]
    everything = " ".join(i.passage() for i in doc.items) + " ".join(doc.header)
    assert "ПЛОХО" not in everything and "Первый пункт списка" in everything
    assert doc.web.title == "План" and doc.web.url is None  # only http(s) addresses are kept


def test_a_report_without_a_letterhead_is_its_sites_own():
    """A department's report published on its site (realdocs 383) has no letterhead: the site, named
    after the page's title, issued it, and its district is the report's place. A page whose title
    names no body leaves the issuer unknown."""
    page = """<html><head><title>Информация о выполнении плана | Отдел образования администрации
    Добринского муниципального района</title></head><body><main>
    <p>ИНФОРМАЦИЯ о выполнении плана мероприятий по повышению качества образования в 2019-2020 учебном году</p>
    <table><tr><th>№</th><th>Наименование мероприятия</th><th>Сроки</th><th>Ответственные</th></tr>
    <tr><td>1.</td><td>Совещание с руководителями школ</td><td>ноябрь 2019 г.</td><td>отдел образования</td></tr>
    <tr><td>2.</td><td>Семинар для учителей математики</td><td>март 2020 г.</td><td>методический кабинет</td></tr>
    </table></main></body></html>"""
    doc = parse_bytes(page.encode("utf-8"), "report.html")
    assert doc.issuer == "Отдел образования администрации Добринского муниципального района"
    assert doc.municipality is not None and doc.municipality.startswith("Добринский")
    untitled = parse_bytes(page.replace("| Отдел образования администрации", "| Новости").encode("utf-8"), "r.html")
    assert untitled.issuer is None


def test_a_page_of_menus_only_is_a_clear_error():
    page = "<html><body><nav><a href='/'>Главная</a></nav><footer>© школа</footer></body></html>"
    with pytest.raises(ReadError, match="на HTML-странице нет текста"):
        parse_bytes(page.encode("utf-8"), "empty.html")


def test_a_site_heading_citing_the_act_over_its_bilingual_letterhead_table():
    """A district's page (realdocs 350): its heading cites the act in sentence case by number and date
    («Постановление № 312 от …»), then the act's own head, a table of Russian | Tatar cells with
    «ПОСТАНОВЛЕНИЕ | КАРАР». The act's head is the letterhead: it names the issuer, and its clauses
    are clauses, not paragraphs."""
    page = """<html><head><title>Постановление № 41 от 02.03.2015 г.</title></head><body><main>
    <h1>Постановление № 41 от 02.03.2015 г. «Об утверждении плана мероприятий по повышению качества»</h1>
    <div class="date">5 марта 2015</div>
    <table><tr><td>ИСПОЛНИТЕЛЬНЫЙ КОМИТЕТ МЕНЗЕЛИНСКОГО МУНИЦИПАЛЬНОГО РАЙОНА</td><td></td>
    <td>МИНЗӘЛӘ МУНИЦИПАЛЬ РАЙОНЫ БАШКАРМА КОМИТЕТЫ</td></tr>
    <tr><td>ПОСТАНОВЛЕНИЕ</td><td></td><td>КАРАР</td></tr></table>
    <p>от 2 марта 2015 г. № 41</p>
    <p>ОБ УТВЕРЖДЕНИИ ПЛАНА МЕРОПРИЯТИЙ ПО ПОВЫШЕНИЮ КАЧЕСТВА ОБРАЗОВАНИЯ</p>
    <p>В целях повышения результатов государственной итоговой аттестации постановляю:</p>
    <p>1. Утвердить план мероприятий по повышению качества образования (приложение).</p>
    <p>2. Контроль за исполнением настоящего постановления оставляю за собой.</p>
    <p>Руководитель Исполнительного комитета И.И. Сабиров</p></main></body></html>"""
    doc = parse_bytes(page.encode("utf-8"), "post41.html")
    assert (doc.kind, doc.date, doc.number) == ("постановление", "2015-03-02", "41")
    assert doc.issuer == "Исполнительный комитет Мензелинского муниципального района"
    assert doc.title == "ОБ УТВЕРЖДЕНИИ ПЛАНА МЕРОПРИЯТИЙ ПО ПОВЫШЕНИЮ КАЧЕСТВА ОБРАЗОВАНИЯ"  # as printed
    assert [c.number for c in doc.items if c.kind == "clause"] == ["1", "2"]
    assert not [i for i in doc.items if i.kind == "row"]


def test_layout_tables_between_the_kind_and_the_clauses_are_the_head():
    """A ministry's page (realdocs 367): under «ПРИКАЗ № 287» the place beside the date and the title
    are each a one-row layout table; they are the act's head, and the clauses under «ПРИКАЗЫВАЮ:» are
    clauses."""
    page = """<html><body><main>
    <p>МИНИСТЕРСТВО ОБРАЗОВАНИЯ<br>КАМЧАТСКОГО КРАЯ</p><p>ПРИКАЗ № 301</p>
    <table><tr><td>г. Петропавловск-Камчатский</td><td>«22» марта 2022 г.</td></tr></table>
    <table><tr><td>Об утверждении плана поддержки школ с низкими результатами</td><td></td></tr></table>
    <p>В целях повышения качества общего образования</p><p>ПРИКАЗЫВАЮ:</p>
    <p>1. Утвердить план поддержки школ с низкими результатами.</p>
    <p>2. Контроль за исполнением настоящего приказа оставляю за собой.</p></main></body></html>"""
    doc = parse_bytes(page.encode("utf-8"), "prikaz301.html")
    assert (doc.kind, doc.date, doc.number) == ("приказ", "2022-03-22", "301")
    assert doc.title == "Об утверждении плана поддержки школ с низкими результатами"
    assert [c.number for c in doc.items if c.kind == "clause"] == ["1", "2"]
    assert not [i for i in doc.items if i.kind == "row"]
