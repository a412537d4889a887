"""The layouts of real documents, one rule at a time: line structure, tables, stamps, places.

Each case is a small piece written the way real pages print it (see tests/realdocs/ for the
whole documents); the rule it checks is named in the test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import places
from pipeline.records import Block, Position
from pipeline.segment import bodies, columns, flat_tables, header, segment
from pipeline.segment.flat_tables import unflatten
from pipeline.segment.layout import rebuild, unglue
from pipeline.segment.tables import combine_header, is_column_numbers, is_header, is_key_value


def _txt(text: str):
    from pipeline.readers import read_bytes

    return segment(read_bytes(text.encode("utf-8"), "doc.txt"), "doc.txt")


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        ("РАСПОРЯЖЕНИЕот 30.10.09 N 1021-р", "РАСПОРЯЖЕНИЕ от 30.10.09 N 1021-р"),
        ("администрация города КурганаПОСТАНОВЛЯЕТ:", "администрация города Кургана ПОСТАНОВЛЯЕТ:"),
        ("от 12.05.2020 г.N 345", "от 12.05.2020 г. N 345"),
        ("приказываю:1. Утвердить", "приказываю: 1. Утвердить"),
        ("Школа № 5 и МБОУ СОШ", "Школа № 5 и МБОУ СОШ"),  # nothing glued: unchanged
    ],
)
def test_unglue(glued, fixed):
    assert unglue(glued) == fixed


def test_web_copy_with_single_line_breaks_gives_metadata_and_clauses():
    doc = _txt(
        "Главная / Документы\n"
        "МИНИСТЕРСТВО ОБРАЗОВАНИЯ КРАСНОЯРСКОГО КРАЯ\n"
        "ПРИКАЗот 12 мая 2020 г. N 345-од\n"
        "Об организации работы со школами с низкими результатами\n"
        "В целях повышения качества образования приказываю: 1. Утвердить план мероприятий (приложение). "
        "2. Назначить координатором Иванову Н.П.: 2.1. обеспечить мониторинг; 2.2. представить отчёт.\n"
        "3. Контроль за исполнением приказа оставляю за собой.\n"
        "Министр С.И. Маковская\n"
    )
    assert (doc.kind, doc.date, doc.number, doc.region) == ("приказ", "2020-05-12", "345-од", "Красноярский край")
    assert doc.title == "Об организации работы со школами с низкими результатами"
    clauses = [(i.number, i.activity) for i in doc.items if i.kind == "clause"]
    assert [n for n, _ in clauses] == ["1", "2", "2.1", "2.2", "3"]
    assert clauses[0][1] == "Утвердить план мероприятий (приложение)."
    assert doc.signatory.name == "Маковская С.И."
    assert doc.coverage.complete


def test_hyphenated_lines_are_joined():
    [block] = rebuild([Block("Реализация программы предусматривает выпол-\nнение мероприятий.", (), Position(line=1))])
    assert block.text == "Реализация программы предусматривает выполнение мероприятий."


def test_approval_stamp_is_metadata_not_items():
    doc = _txt(
        "УТВЕРЖДЕН\nраспоряжением Правительства\nРеспублики Северная Осетия-Алания\nот 25 июня 2019 г. N 203-р\n\n"
        "ПЛАН\nмероприятий по поддержке школ с низкими результатами\n\n"
        "№\tСодержание работы\tСроки проведения\tОтветственные лица\n"
        "1\tСеминар для директоров\tмарт 2020\tМинистерство образования\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("план мероприятий", "2019-06-25", "203-р")
    assert doc.approved_by.kind == "распоряжение"
    assert doc.issuer == "Правительство Республики Северная Осетия-Алания"
    assert doc.region == "Республика Северная Осетия – Алания"
    assert [i.kind for i in doc.items] == ["row"]


def test_number_before_date_is_a_citation():
    doc = _txt(
        "ПРИКАЗ\n\n№ 5 от 10.01.2021\n\nО мерах\n\n"
        "На основании приказа министерства образования № 123/20 от 18 августа 2020 г. приказываю:\n"
        "1. Утвердить план.\n"
    )
    assert [(c.kind, c.number, c.date) for c in doc.citations] == [("приказ", "123/20", "2020-08-18")]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Содержание работы", "activity"),
        ("Содержание деятельности", "activity"),
        ("Наименование мероприятия (действия)", "activity"),
        ("Планируемые мероприятия", "activity"),
        ("Вид работы", "activity"),
        ("Форма проведения", "description"),
        ("Исполнители", "responsible"),
        ("Ответственные лица", "responsible"),
        ("Сроки проведения", "deadline"),
        ("Ожидаемый результат", "result"),
        ("Контрольные показатели", "result"),
        ("Форма отчётности", "result"),
        ("Целевая группа", "target"),
        ("Примечание", "note"),
        ("№ п/п", "number"),
        ("Отметка о выполнении", "result"),  # a report's mark: what came of the row
        ("Информация о выполнении", "result"),
        ("Сведения об исполнении", "result"),
        ("Наименование мероприятия", "activity"),
        ("Наименование показателя", "result"),  # «наименование» names what the other word says
        ("Исполнение", "result"),  # a report's column alone (409)
        ("Ход выполнения", "result"),
        ("Сроки исполнения", "deadline"),
        ("исполнения", "note"),  # a word of «Сроки исполнения» read alone is no report's column
        # a state programme's list of main measures (410): the name carries, the consequences are a note
        ("Номер и наименование основного мероприятия", "activity"),
        ("Последствия нереализации основного мероприятия", "note"),
        ("Связь с показателями Программы (подпрограммы)", "note"),
    ],
)
def test_header_wordings(text, role):
    assert columns.header_role(text)[0] == role


def test_the_acts_own_line_under_its_kind_wins_over_news_citing_another_act():
    """A school's news above its order (realdocs 419) cites a federal order «от 11.11.2024 № 789/2091»
    and opens «Публикуем приказ школы …»: the order is dated and numbered by its own line under
    «ПРИКАЗ», and the news sentence is no issuer."""
    doc = _txt(
        "Расписание экзаменов утверждено приказом Минпросвещения России от 11.11.2024 № 789/2091.\n\n"
        "Публикуем приказ школы об обеспечении объективности оценочных процедур.\n\n"
        "ПРИКАЗ\n\n18.11.2024 № 01-10-247\n\n"
        "Об обеспечении объективности проведения оценочных процедур\n\n"
        "ПРИКАЗЫВАЮ:\n\n1. Утвердить план мероприятий (приложение).\n\n"
        "2. Контроль за исполнением приказа оставляю за собой.\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("приказ", "2024-11-18", "01-10-247")
    assert doc.issuer is None or not doc.issuer.startswith("Публикуем")


def test_a_stage_merged_over_its_rows_yields_the_activity_a_stage_in_every_row_keeps_it():
    """178: a stage's name merged down beside «Мероприятия» is no activity; 194: a stage named in
    every row beside «Содержание деятельности и примерный план мероприятий» is the activity."""
    headers = ["№", "Наименование этапа", "Мероприятия", "Сроки", "Ответственные"]
    data = [
        ["1.", "Подготовка условий", "Изучение материалов", "сентябрь", "Директор"],
        ["", "", "Подготовка нормативной базы", "сентябрь", "Директор"],
        ["2.", "Сбор запросов", "Анкетирование педагогов", "октябрь", "Куратор"],
    ]
    assert columns.assign(headers, data)[1:3] == ["description", "activity"]
    headers = ["№", "Наименование этапа", "Содержание деятельности и примерный план мероприятий", "Сроки"]
    data = [["1.", "Формирование банка наставников", "1) Анкетирование. 2) Перечень наставников.", "сентябрь"]]
    assert columns.assign(headers, data)[1:3] == ["activity", "description"]


def test_columns_by_content_when_the_header_says_nothing():
    data = [
        ("1", "Семинар для учителей математики по подготовке к ОГЭ", "сентябрь 2021", "Иванова Н.П., методист"),
        ("2", "Посещение уроков в школах с низкими результатами", "в течение года", "руководители ОО"),
        ("3", "Анализ результатов ВПР и подготовка адресных рекомендаций", "до 25.12.2021", "МКУ «ИМЦ»"),
    ]
    assert columns.assign(("", "", "", ""), data) == ["number", "activity", "deadline", "responsible"]


def test_two_row_header_and_column_numbers():
    top = ("№ п/п", "Содержание работы", "Срок", "", "Ответственные")
    sub = ("", "", "начала", "окончания", "")
    assert is_header(top) and not is_header(sub)
    assert combine_header([top, sub])[2:4] == ("Срок начала", "Срок окончания")
    # an unruled PDF's header read as one row (413): a money column's budgets in lower case beside it
    money = ("№ п/п", "Наименование мероприятия", "Срок реализации", "Объем финансирования, тыс. рублей")
    assert is_header((*money, "областной бюджет", "Ответственные исполнители", "Ожидаемый результат"))
    assert not is_header((*money[:3], "областной бюджет", "Ответственные исполнители"))  # no money column over it
    assert is_column_numbers(("1", "2", "3", "4", "5")) and not is_column_numbers(("1", "Семинар", "март"))
    assert is_column_numbers(("1", "2", "", ""))  # half filled (331)
    doc = _txt(
        "ДОРОЖНАЯ КАРТА\n\n"
        + "\n".join("\t".join(r) for r in (top, sub, ("1", "2", "3", "4", "5")))
        + "\n1\tСеминар\tсентябрь 2021\tмай 2022\tИМЦ\n"
    )
    [row] = [i for i in doc.items if i.kind == "row"]
    assert (row.activity, row.deadline, row.responsible) == ("Семинар", "сентябрь 2021 – май 2022", "ИМЦ")
    assert [s.reason for s in doc.skipped] == ["шапка таблицы", "шапка таблицы", "номера столбцов"]


def test_passport_table_is_not_an_activity_table():
    rows = [
        ("Наименование программы", "Программа поддержки школ с низкими результатами на 2021-2024 годы"),
        ("Цель программы", "Повышение качества образования в школах, функционирующих в сложных условиях"),
    ]
    assert is_key_value(rows)
    doc = _txt("ПРОГРАММА\n\n" + "\n".join("\t".join(r) for r in rows) + "\n")
    assert [i.kind for i in doc.items] == ["paragraph", "paragraph"]
    assert doc.items[0].activity.startswith("Наименование программы: Программа поддержки")


def test_flattened_tables():
    ascii_table = "\n".join(
        [
            "|----|------------------|-----------|",
            "| N  | Мероприятие      | Срок      |",
            "|----|------------------|-----------|",
            "| 1. | Семинар для      | март 2021 |",
            "|    | директоров       |           |",
            "|----|------------------|-----------|",
            "| 2. | Вебинар          | май 2021  |",
            "|----|------------------|-----------|",
        ]
    )
    closing = "\n".join(
        [
            "Сроки проведения |",
            "Наименование мероприятия |",
            "Ответственные |",
            "04 сентября |",
            "Конкурс чтецов |",
            "Руководители ОУ |",
        ]
    )
    opening = (
        "N\n| Наименование мероприятий\n| Исполнители\n| Сроки\n|\n1.1.\n| Мониторинг\n| Отдел образования\n| 2006\n|"
    )
    unmarked = "\n".join(
        [
            "№ п/п",
            "Содержание работы",
            "Сроки проведения",
            "Ответственные",
            "1",
            "Семинар",
            "август 2020",
            "Директор",
            "2",
            "Анализ ВПР",
            "сентябрь 2020",
            "Заместитель директора",
        ]
    )
    expected = {
        ascii_table: ("2.", "Вебинар", "май 2021"),
        closing: ("04 сентября", "Конкурс чтецов", "Руководители ОУ"),
        opening: ("1.1.", "Мониторинг", "Отдел образования", "2006"),
        unmarked: ("2", "Анализ ВПР", "сентябрь 2020", "Заместитель директора"),
    }
    for text, last in expected.items():
        rows = [b.cells for b in unflatten([Block(text, (), Position(line=1))]) if b.is_row]
        assert rows[-1] == last
    rows = [b.cells for b in unflatten([Block(ascii_table, (), Position(line=1))])]
    assert rows[1] == ("1.", "Семинар для директоров", "март 2021")  # a cell over two lines


def test_short_lines_of_prose_are_not_a_table():
    text = "Срок действия договора\nОтветственность сторон\nПорядок расчётов\nПрочие условия"
    assert [b.is_row for b in unflatten([Block(text, (), Position(line=1))])] == [False]


@pytest.mark.parametrize("official", list(places.REGIONS))
def test_every_region_by_its_official_name(official):
    text = f"г. {official}" if official == "Москва" else official
    assert places.regions(text) == [official]


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Министерство образования и науки Республики Северная Осетия-Алания", "Республика Северная Осетия – Алания"),
        (
            "ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ ХАНТЫ-МАНСИЙСКОГО АВТОНОМНОГО ОКРУГА – ЮГРЫ",
            "Ханты-Мансийский автономный округ – Югра",
        ),
        ("Министерство образования Кузбасса", "Кемеровская область – Кузбасс"),
        ("Министерство образования Чувашской Республики", "Чувашская Республика – Чувашия"),
        ("Правительства Республики Саха (Якутия)", "Республика Саха (Якутия)"),
        ("Департамент образования и науки города Москвы", "Москва"),
        ("Приморского района Санкт-Петербурга", "Санкт-Петербург"),
        ("Ямало-Ненецкого автономного округа", "Ямало-Ненецкий автономный округ"),
        ("Кабардино-Балкарской Республики", "Кабардино-Балкарская Республика"),
        ("Республикой Марий Эл", "Республика Марий Эл"),
    ],
)
def test_regions_in_case_forms(text, region):
    assert places.regions(text) == [region]


def test_bare_moscow_is_not_a_region():
    assert places.regions("ул. Москва-река, Московский проспект") == []


@pytest.mark.parametrize(
    ("text", "municipality"),
    [
        ("АДМИНИСТРАЦИЯ ПОНОМАРЕВСКОГО РАЙОНА", "Пономаревский район"),
        ("Ардонского муниципального района", "Ардонский район"),
        ("Администрация Кировского муниципального округа", "Кировский муниципальный округ"),
        ("городского округа город Вологда", "городской округ Вологда"),
    ],
)
def test_municipalities(text, municipality):
    assert places.municipalities(text) == [municipality]


def test_nominative_of_the_approving_body():
    assert (
        header.nominative("управления образования администрации города")
        == "Управление образования администрации города"
    )
    assert header.nominative("Главного управления образования") == "Главное управление образования"


@pytest.mark.parametrize(
    "stamp",
    [
        "УТВЕРЖДЕН приказом по школе от 01.09.2020 № 12",
        "УТВЕРЖДЕН приказом и.о. начальника управления от 01.09.2020 № 3",
    ],
)
def test_stamps_naming_no_body_do_not_crash(stamp):
    doc = _txt(f"{stamp}\n\nПЛАН РАБОТЫ\n\n№\tМероприятие\tСрок\n1\tСовещание\tмай\n")
    assert (doc.date, doc.number) == ("2020-09-01", stamp.rsplit(" ", 1)[1])


def test_markdown_table_is_read_row_by_row():
    text = (
        "| № | Мероприятие | Срок |\n|---|---|---|\n| 1 | Провести совещание | май |\n| 2 | Подготовить отчёт | июнь |"
    )
    rows = [b.cells for b in unflatten([Block(text, (), Position(line=1))]) if b.is_row]
    assert rows == [
        ("№", "Мероприятие", "Срок"),
        ("1", "Провести совещание", "май"),
        ("2", "Подготовить отчёт", "июнь"),
    ]


def test_a_column_headed_with_a_kind_word_is_still_a_table():
    doc = _txt("Мероприятие\tСрок\tОтчёт\nПровести совещание\tмай\tпротокол\nСобрать данные\tиюнь\tсправка\n")
    rows = [i for i in doc.items if i.kind == "row"]
    assert [(r.activity, r.deadline, r.result) for r in rows] == [
        ("Провести совещание", "май", "протокол"),
        ("Собрать данные", "июнь", "справка"),
    ]


def test_a_lost_line_warns_even_when_the_share_is_high():
    rows = "\n".join(f"{n}\tМероприятие номер {n} по плану\tмай\tметодист" for n in range(1, 41))
    text = f"№\tМероприятие\tСрок\tОтветственный\n{rows}\nИ.И. Петров\nВажная строка после подписи\n"
    doc = _txt(text)
    assert doc.coverage.share > 0.98
    assert any("Важная строка" in i.activity for i in doc.items) or doc.warnings()


def test_cells_beyond_the_header_go_to_the_description():
    doc = _txt("№\tМероприятие\tСрок\n1\tСеминар для директоров\tмарт 2022\tпротокол семинара\n")
    [row] = [i for i in doc.items if i.kind == "row"]
    assert (row.activity, row.deadline, row.description) == ("Семинар для директоров", "март 2022", "протокол семинара")
    assert doc.coverage.share == 1.0


def test_table_of_contents_is_skipped_with_its_reason():
    doc = _txt(
        "ПРОГРАММА РАЗВИТИЯ\n\nОглавление\n1. Паспорт Программы развития ........................ 3\n"
        "2. Информационная справка ................. Error! Bookmark not defined.\n\n"
        "Программа направлена на повышение качества образования.\n"
    )
    assert [s.reason for s in doc.skipped] == ["оглавление", "оглавление"]
    assert [i.activity for i in doc.items] == ["Оглавление", "Программа направлена на повышение качества образования."]


def test_an_annex_published_under_the_acts_citation_is_the_annex():
    doc = _txt(
        "Постановление Правительства Мурманской области от 31.05.2007 № 263-ПП/9 Приложение к постановлению"
        " Правительства Мурманской области от 31.05.2007 № 263-ПП/9 План-график мероприятий по формированию"
        " региональной системы оценки качества образования\n\n"
        "№\tМероприятие\tСроки реализации\n1\tСоздание рабочей группы\t2007 г.\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("план-график", "2007-05-31", "263-ПП/9")


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["31.12.2", "022"], "31.12.2022"),  # a narrow deadline column breaks the year
        (["01.09.", "2022 г."], "01.09.2022 г."),
        (["1.2.", "4"], "1.2.4"),  # and the item number
        (["до 1.2.", "4 раз"], "до 1.2. 4 раз"),  # not a number alone: a space
        (["12.05.2021", "2022"], "12.05.2021 2022"),  # a whole date: a space
        (["Закрепление н", "аставнических пар"], "Закрепление наставнических пар"),  # a word, no hyphen
        (["Участие в муни", "ципальном семинаре"], "Участие в муниципальном семинаре"),
        (["по наставничеств", "у"], "по наставничеству"),  # a preposition cannot end a cell
        (["работа школ", "ы"], "работа школ ы"),  # two words that join into a third: left as printed
        (["раз", "работка плана"], "раз работка плана"),
        (["Консультации", "педагогам", "и", "организациям"], "Консультации педагогам и организациям"),  # mid-cell
        (["Работа", "в", "сообществах"], "Работа в сообществах"),
    ],
)
def test_a_number_broken_by_a_narrow_column_is_joined(lines, joined):
    from pipeline.text import join_cell_lines

    assert join_cell_lines(lines) == joined


def test_a_programmes_list_of_measures_published_alone_is_the_programme():
    doc = _txt(
        "Приложение к решению от 10.11.2005 г № 16\n"
        "Мероприятия по реализации муниципальной целевой программы развития образования на 2006-2010 годы\n\n"
        "№ | Наименование мероприятий | Исполнители | Сроки\n"
        "1 | Создание районной системы мониторинга | Отдел образования | 2006-2010\n"
    )
    assert doc.kind == "программа"
    plain = _txt("Мероприятия по профилактике гриппа\n\n№ | Мероприятие | Срок\n1 | Проветривание | ежедневно\n")
    assert plain.kind is None


def test_a_portal_copy_with_a_row_per_line_and_pipes_between_cells():
    """kirovsk-gov.ru style: rows as «1.3 | … | … |», blank lines between, a cell broken by a line break."""
    text = (
        "№ п/п | Наименование мероприятия | Ответственный исполнитель | Срок | Ожидаемый результат |\n\n"
        "1 | 2 | 3 | 4 | 5 |\n\n"
        "1.1 | Формирование перечня школ | министерство образования | 2020 год | перечень утвержден |\n\n"
        "1.2 | Закрепление школ-партнеров | министерство образования,\n"
        "институт развития образования | 2021 год | соглашения заключены |\n"
    )
    blocks = rebuild([Block(p, (), Position(line=1)) for p in text.split("\n\n")])
    rows = [b.cells for b in unflatten(blocks) if b.is_row]
    assert rows[2] == ("1.1", "Формирование перечня школ", "министерство образования", "2020 год", "перечень утвержден")
    assert rows[3][2] == "министерство образования, институт развития образования"
    assert len(rows) == 4


def test_a_portal_copy_with_a_cell_per_line_joined_by_pipes():
    """astr-gov.ru style: «4.1. |» / «| Проведение … |» / «| результат» and a heading row «… |»."""
    text = (
        "№ п/п |\n| Наименование мероприятия |\n| Исполнитель |\n| Срок исполнения |\n| Ожидаемый результат\n"
        "Диагностика и выявление причин |\n"
        "4.1. |\n| Формирование перечня школ |\n| министерство образования |\n| ежегодно |\n| перечень утвержден\n"
        "4.2. |\n| Проведение самодиагностики |\n| руководители школ |\n| ноябрь 2019 г. |\n| профили сформированы\n"
    )
    rows = [b.cells for b in unflatten([Block(text, (), Position(line=1))]) if b.is_row]
    assert rows[0] == ("№ п/п", "Наименование мероприятия", "Исполнитель", "Срок исполнения", "Ожидаемый результат")
    assert rows[1] == ("Диагностика и выявление причин",)
    assert rows[3] == (
        "4.2.",
        "Проведение самодиагностики",
        "руководители школ",
        "ноябрь 2019 г.",
        "профили сформированы",
    )


def test_a_table_with_every_cell_in_a_paragraph_of_its_own():
    """A portal copy with blank lines between all lines: the header's cells and each row's cells are
    paragraphs, and are read as one table, not as a paragraph per cell."""
    cells = ["№ п/п", "Наименование мероприятия", "Срок реализации", "Ответственный исполнитель"]
    cells += ["1.1.", "Разработка региональной модели", "до 01.10.2019", "Комитет по образованию"]
    cells += ["1.2.", "Формирование перечней организаций", "ежегодно", "Комитет по образованию"]
    blocks = [Block(c, (), Position(line=2 * n + 1)) for n, c in enumerate(cells)]
    rows = [b for b in unflatten(blocks) if b.is_row]
    assert rows[1].cells == ("1.1.", "Разработка региональной модели", "до 01.10.2019", "Комитет по образованию")
    assert rows[1].pos.line == 9  # the row keeps the line it stands on


def test_a_browser_copy_keeps_line_breaks_inside_cells():
    """A school page's table copied from the browser: tabs between cells, a cell's line break
    splits its row over two lines («сентябрь» / «2022»); the row is mended to the header's width."""
    from pipeline.readers import read_bytes

    text = (
        "№ п/п\tМероприятие\tСроки\tОтветственные\tПланируемый результат\n"
        "1.1\tАнкетирование обучающихся\tсентябрь\n"
        "2022\tПедагог-психолог\tАналитическая справка\n"
        "1.2\tВведение курсов\tв течение года\tКлассные руководители\tКурсы введены\n"
    )
    rows = [b.cells for b in read_bytes(text.encode(), "page.txt") if b.is_row]
    assert rows[1] == ("1.1", "Анкетирование обучающихся", "сентябрь 2022", "Педагог-психолог", "Аналитическая справка")
    assert rows[2][0] == "1.2" and len(rows) == 3


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Распоряжение от 04.02.2012 г № 10-РА", "распоряжение"),  # a portal heads the act with its citation
        ("Решение от 25.12.2009 г № 223", "решение"),
    ],
)
def test_a_portal_heading_citing_the_act_states_its_kind(line, kind):
    doc = _txt(
        f"{line}\n\nОб утверждении комплекса мер\n\n1.Утвердить комплекс мер.\n\n2.Контроль оставляю за собой.\n"
    )
    assert doc.kind == kind
    assert [i.activity for i in doc.items if i.kind == "clause"] == [
        "Утвердить комплекс мер.",
        "Контроль оставляю за собой.",
    ]


def test_a_blank_number_is_no_number():
    assert header.date_and_number(["Приказ № ____ от «___» ____________ 2022 г."]) == (None, None)


def test_a_two_row_header_flattened_one_cell_per_line():
    """GARANT prints the lower header row after the upper one: «Срок |» … «начала реализации |»
    «окончания реализации |», then the column numbers 1–6."""
    cells = ["N п/п", "Наименование мероприятия", "Ответственный исполнитель", "Срок", "Ожидаемый результат"]
    cells += ["начала реализации", "окончания реализации", "1", "2", "3", "4", "5", "6"]
    cells += ["1", "Выявление школ", "Министерство образования", "2014", "2020", "перечень утвержден"]
    rows = [b.cells for b in unflatten([Block("\n".join(f"{c} |" for c in cells), (), Position(line=1))])]
    assert rows[0][3:5] == ("Срок начала реализации", "Срок окончания реализации")
    assert rows[-1] == ("1", "Выявление школ", "Министерство образования", "2014", "2020", "перечень утвержден")


def test_legal_database_notes_do_not_cut_a_clause_list():
    doc = _txt(
        "ПОСТАНОВЛЕНИЕ\n\nот 28 сентября 2012 г. N 411\n\nОб утверждении программы\n\n"
        "Правительство Республики Коми постановляет:\n\n1. Утвердить программу.\n\n"
        "Постановлением Правительства Республики Коми от 23 декабря 2015 г. N 553 пункт 2 изложен в новой редакции\n\n"
        "См. текст пункта в предыдущей редакции\n\n2. Возложить контроль на заместителя.\n\n"
        "3. Настоящее постановление вступает в силу с 1 января 2013 года.\n"
    )
    assert [i.number for i in doc.items if i.kind == "clause"] == ["1", "2", "3"]
    assert {s.reason for s in doc.skipped} == {"примечание правовой базы"}
    assert doc.coverage.complete


@pytest.mark.parametrize(
    "note",
    [
        "(п. 2.3 введен постановлением администрации Липецкой области от 15.05.2015 № 251)",  # 433, 346
        "(позиция в ред. постановления Администрации г. Курска от 28.08.2023 N 480)",  # cntd, 440
    ],
)
def test_abbreviated_editorial_notes_do_not_cut_a_clause_list(note):
    doc = _txt(
        "ПОСТАНОВЛЕНИЕ\n\nот 28 сентября 2012 г. N 411\n\nОб утверждении программы\n\n"
        f"Администрация постановляет:\n\n1. Утвердить программу.\n\n{note}\n\n2. Возложить контроль на заместителя.\n\n"
        "3. Настоящее постановление вступает в силу с 1 января 2013 года.\n"
    )
    assert [i.number for i in doc.items if i.kind == "clause"] == ["1", "2", "3"]
    assert {s.reason for s in doc.skipped} == {"примечание правовой базы"}


def test_a_legal_database_status_line_lends_the_act_no_number():
    """92 (za-nas-zakon): «Утратило силу – в редакции постановления … от 17.08.2020 г. № 180» above the
    act's own head is the database's note, skipped with its reason."""
    doc = _txt(
        "Утратило силу – в редакции постановления Правительства Чеченской Республики от 17.08.2020 г. № 180\n"
        "ПОСТАНОВЛЕНИЕ\nПРАВИТЕЛЬСТВА ЧЕЧЕНСКОЙ РЕСПУБЛИКИ\nот 29.12.2016г. г. Грозный №225\n"
        "О внесении изменений в постановление\nПравительство Чеченской Республики постановляет:\n"
        "1. Внести изменения в государственную программу.\n2. Контроль возложить на заместителя.\n"
    )
    assert (doc.number, doc.date) == ("225", "2016-12-29")
    assert [s.reason for s in doc.skipped] == ["примечание правовой базы"]


@pytest.mark.parametrize("school", ["МОУ ОШ №5 г. Снежное", "МБОУ НОШ № 3", "МКОУ СШ №12"])
def test_a_school_number_in_the_letterhead_is_not_the_act_number(school):
    """97 (a school site's report): «МОУ ОШ №5» names the school, not an act number."""
    doc = _txt(f"{school}\n\nОтчет\n\nо реализации плана мероприятий за 2021-2022 учебный год\n\n1. Проведены уроки.\n")
    assert doc.number is None


def test_a_flattened_table_with_merged_cells_keeps_its_rows():
    """Row ends «|||» that a copy leaves for merged header cells do not group the data rows."""
    lines = ["N п/п |", "Наименование мероприятия |", "Ответственный исполнитель |", "Срок |", "Результат |"]
    lines += ["|||", "начала реализации |", "окончания реализации |", "||"] + [f"{n} |" for n in range(1, 7)]
    lines += ["1. Обеспечение качества |", "|||||"]
    for n in (1, 2):
        lines += [f"1.{n}. |", f"Мероприятие {n} |", "Управление образования |", "2015 |", "2017 |", f"итог {n} |"]
    rows = [b.cells for b in unflatten([Block("\n".join(lines), (), Position(line=1))])]
    assert rows[0][3:5] == ("Срок начала реализации", "Срок окончания реализации")
    assert ("1. Обеспечение качества",) in rows
    assert rows[-1] == ("1.2.", "Мероприятие 2", "Управление образования", "2015", "2017", "итог 2")


def test_a_flattened_header_with_the_merged_cells_empty_half_and_a_dated_money_column():
    """434 (garant): «Срок |» then «|», the empty half of the merged cell, before more names; the money
    column names its year; a row's empty result is «|» as well."""
    lines = ["N п/п |", "Наименование мероприятия |", "Ответственный исполнитель |", "Срок |", "|"]
    lines += ["Ожидаемый результат |", "Объем финансового обеспечения на 2019 год, тыс. рублей |", "|||"]
    lines += ["начала реализации |", "окончания реализации |", "||"] + [f"{n} |" for n in range(1, 8)]
    lines += ["1.1. |", "Диагностика |", "КИРО |", "01.09.2019 |", "20.12.2019 |", "справка |", "312,0 |"]
    lines += ["1.2. |", "Мониторинг |", "ЦОКО |", "01.03.2019 |", "30.11.2019 |", "|", "553,8 |"]
    rows = [b.cells for b in unflatten([Block("\n".join(lines), (), Position(line=1))])]
    assert rows[0][3:5] == ("Срок начала реализации", "Срок окончания реализации")
    assert rows[-2] == ("1.1.", "Диагностика", "КИРО", "01.09.2019", "20.12.2019", "справка", "312,0")
    assert rows[-1] == ("1.2.", "Мониторинг", "ЦОКО", "01.03.2019", "30.11.2019", "", "553,8")


def test_a_copy_ending_in_a_flattened_header_reads_without_a_crash():
    """A cell-per-line header with nothing after it (a copy cut short) was an IndexError in `_bars`."""
    doc = _txt("План\n\nN п/п |\nНаименование мероприятия |\nСрок исполнения |\nОтветственный |\n")
    assert doc.coverage is not None


def test_a_flattened_money_column_over_its_total_and_budgets():
    """127 (garant): «Объем финансирования на 2019 год» over «всего | в том числе» over two budgets."""
    lines = ["N п/п |", "Наименование мероприятия |", "Исполнители |", "Срок исполнения |"]
    lines += ["Объем финансирования на 2019 год, тыс. рублей |", "Ожидаемый результат |", "||||"]
    lines += ["всего |", "в том числе |", "|", "||||||", "бюджет Республики Башкортостан |"]
    lines += ["бюджет муниципального района |", "|"] + [f"{n} |" for n in range(1, 9)]
    lines += ["1.1. |", "Диагностика |", "ИМК |", "октябрь |", "|", "|", "|", "справки |"]
    lines += ["1.2. |", "Поддержка |", "ИМК |", "в течение года |", "85,0 |", "|", "85,0 |", "план |"]
    rows = [b.cells for b in unflatten([Block("\n".join(lines), (), Position(line=1))])]
    assert len(rows[0]) == 8 and rows[0][4].endswith("всего") and rows[0][-1] == "Ожидаемый результат"
    assert rows[-2] == ("1.1.", "Диагностика", "ИМК", "октябрь", "", "", "", "справки")
    assert rows[-1] == ("1.2.", "Поддержка", "ИМК", "в течение года", "85,0", "", "85,0", "план")


def test_an_annex_alone_is_named_by_the_registry_card_under_it():
    """446 (docs.cntd.ru): only annex 3 of the act, its kind, number and date on the card at the end;
    a registry's own entry number («RU5403…», 312) is not the act's."""
    doc = _txt(
        "Приложение N 3\nк государственной программе\n\nПЕРЕЧЕНЬ МЕРОПРИЯТИЙ\n\n"
        "№ | Наименование мероприятия | Срок реализации | Участник\n"
        "1 | Создание центров «Точка роста» | 2024 | Министерство образования Омской области\n\n"
        "Номер документа: 250-п\nВид документа: Постановление Правительства Омской области\n"
        "Принявший орган: Правительство Омской области\nДата принятия: 15 октября 2013\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("постановление", "2013-10-15", "250-п")
    assert header.title_of(
        ['Об утверждении программы "Развитие образования" (с изменениями на 6 декабря 2024 года)\n• Текст документа'],
        None,
        None,
    ) == 'Об утверждении программы "Развитие образования"'  # the database's edition note and its page's menu
    assert doc.issuer == "Правительство Омской области"
    assert header.card_of(["Номер документа: RU54032804202000071", "Дата принятия документа: 2026-03-02"]) == (
        None,
        "2026-03-02",
        None,
    )


def test_a_protocols_place_and_date_laid_out_in_cells_date_it():
    """449 (a borderless PDF): «г. Дубна | | | 17.05.2024» under the protocol's title is its date."""
    from pipeline.segment import segment as run

    blocks = [Block("УПРАВЛЕНИЕ НАРОДНОГО ОБРАЗОВАНИЯ"), Block("ПРОТОКОЛ № 3\nмежведомственного совещания")]
    blocks.append(Block("г. Дубна\t\t\t17.05.2024", ("г. Дубна", "", "", "17.05.2024")))
    lines = ("Место проведения: Администрация", "Председатель: Жаленкова С.А.")
    blocks += [Block(f"{t}\t\t\t", (t, "", "", "")) for t in lines]
    doc = run(blocks, "x.pdf")
    assert (doc.kind, doc.date, doc.number) == ("протокол", "2024-05-17", "3")


@pytest.mark.parametrize(
    ("paragraph", "kind", "title"),
    [
        (  # 455 (a scan): the preamble under the title with no blank line
            "Об итогах окружного совещания\nруководителей организаций\nПо итогам окружного совещания, состоявшегося"
            " 26 февраля 2025 года,\nПРИКАЗЫВАЮ:",
            "приказ",
            "Об итогах окружного совещания руководителей организаций",
        ),
        (  # 452 (a scan): a roadmap's goal under its heading
            "Дорожная карта по повышению качества образования\nна 2023-2024 учебный год\nЦель: повышение качества.",
            "дорожная карта",
            "Дорожная карта по повышению качества образования на 2023-2024 учебный год",
        ),
    ],
)
def test_a_title_ends_where_the_preamble_or_the_goal_begins(paragraph, kind, title):
    at = 0 if kind != "приказ" else None
    assert header.title_of([paragraph], kind, at) == title


def test_a_schools_quoted_name_under_its_legal_form_is_one_issuer():
    """463: «Муниципальное общеобразовательное учреждение» / «"Ботовский центр образования"» / «ПРИКАЗ»."""
    texts = ["Муниципальное общеобразовательное учреждение", "«Ботовский центр образования»"]
    assert header.issuer_of(texts) == "Муниципальное общеобразовательное учреждение «Ботовский центр образования»"


def test_a_measure_numbered_inside_its_name_cell_takes_that_number():
    """460: «Мероприятие 1.2. Организация …» in the name column of a table with no number column."""
    doc = _txt(
        "Наименование мероприятия | Ответственный исполнитель | Показатель результата\n"
        "Мероприятие 1.1. Обеспечение деятельности школ | Управление образования | Численность обучающихся: 23 640\n"
        "Мероприятие 1.2. Организация горячего питания | Управление образования, ОО | Доля обучающихся, %: 100\n"
    )
    rows = [(i.number, i.activity, i.responsible) for i in doc.items if i.kind == "row"]
    assert rows[1] == ("1.2.", "Организация горячего питания", "Управление образования, ОО")


def test_each_act_a_repeal_lists_is_a_clause_of_its_own():
    """458, 448, 209: «2. Признать утратившими силу …:» then one act a line («от … N 494 …;», «- от …;»)."""
    doc = _txt(
        "ПОСТАНОВЛЕНИЕ\n\nот 28.12.2023 N 539\n\nОб утверждении программы\n\nПравительство края постановляет:\n"
        "1. Утвердить программу.\n2. Признать утратившими силу следующие постановления Правительства края:\n"
        'от 13.12.2019 N 494 "Об утверждении программы";\n- от 13.07.2020 N 301 "О внесении изменений";\n'
        "3. Настоящее постановление вступает в силу с 1 января 2024 года.\n"
    )
    clauses = [(i.number, i.activity) for i in doc.items if i.kind == "clause"]
    assert clauses[1:4] == [
        ("2", "Признать утратившими силу следующие постановления Правительства края:"),
        (None, 'от 13.12.2019 N 494 "Об утверждении программы";'),
        (None, 'от 13.07.2020 N 301 "О внесении изменений";'),
    ]
    assert clauses[4][0] == "3"


def test_a_date_wrapped_to_the_next_line_is_no_clause():
    """451 (a scan): «… – руководители ОУ – получатели субсидии, до» / «01.09.2024.» is not clause «01.09»."""
    doc = _txt(
        "ПРИКАЗ\n\nот 10.06.2024 № 4\n\nО мерах\n\nПРИКАЗЫВАЮ:\n1. Представить копии актов выполненных работ, до\n"
        "01.09.2024.\n2. Контроль оставляю за собой.\n"
    )
    assert [i.number for i in doc.items if i.kind == "clause"] == ["1", "2"]


def test_a_programme_takes_the_date_and_number_of_its_approving_stamp():
    doc = _txt(
        "Приложение\nк постановлению администрации\nгорода Оренбурга\nот 31 марта 2015 г. N 747-п\n\n"
        "Паспорт муниципальной программы\n\n"
        "1. Бюджетный кодекс Российской Федерации от 31.07.1998 N 145-ФЗ.\n\n"
        "Программа направлена на выравнивание образовательных возможностей обучающихся.\n"
    )
    assert (doc.date, doc.number) == ("2015-03-31", "747-п")


def test_the_last_clause_is_not_the_signatorys_position():
    doc = _txt(
        "ПОСТАНОВЛЕНИЕ\n04.07.2019 № 239-П\nО внесении изменений\nПравительство области ПОСТАНОВЛЯЕТ:\n"
        "1. Внести изменения, дополнив разделом:\n\n"
        "№ | Мероприятие | Срок | Исполнитель\n1 | Выявление школ | ежегодно | министерство\n"
        "2 | Самодиагностика школ | ноябрь | руководители\n\n"
        "2. Постановление вступает в силу со дня его официального опубликования.\n"
        "Временно исполняющий обязанности Губернатора Астраханской области С.П. Моргунов\n"
    )
    assert doc.items[-1].activity.startswith("Постановление вступает в силу")
    assert "вступает" not in (doc.signatory.position or "")


def test_box_drawing_pseudographics():
    """Kodeks (docs.cntd.ru) copies draw tables with box-drawing characters, as on
    https://docs.cntd.ru/document/801403650/titles/2H306KR: «┌───┬───┐», «│1. │…│», «├───┼───┤»."""
    text = (
        "ПЛАН\nмероприятий по повышению качества образования\n"
        "┌───┬─────────────────┬───────────┐\n"
        "│ N │  Наименование   │   Срок    │\n"
        "│п/п│   мероприятия   │исполнения │\n"
        "├───┼─────────────────┼───────────┤\n"
        "│1. │Выявление школ с │ежегодно   │\n"
        "│   │низкими          │           │\n"
        "├───┼─────────────────┼───────────┤\n"
        "│2. │Закрепление      │2021 год   │\n"
        "│   │кураторов        │           │\n"
        "└───┴─────────────────┴───────────┘\n"
    )
    doc = _txt(text)
    assert [(i.number, i.activity, i.deadline) for i in doc.items] == [
        ("1.", "Выявление школ с низкими", "ежегодно"),
        ("2.", "Закрепление кураторов", "2021 год"),
    ]
    assert doc.title == "ПЛАН мероприятий по повышению качества образования"


def test_box_drawing_header_cell_over_sub_columns():
    """A report's «Срок исполнения» spans «по программе | фактически» (a legal-database mirror of a
    municipal report, tests/realdocs 271): the sub-columns keep their own headers even when the copy
    collapsed the text lines' spaces, and the actual term is not the deadline."""
    text = (
        "Таблица 1\n"
        "┌────┬──────────────────┬──────────────┬───────────────────┬──────────────┐\n"
        "│ N │ Наименование мероприятия │ Исполнитель │ Срок исполнения │ Отметка о выполнении │\n"
        "│ п/п │ │ ├─────────┬─────────┤ │\n"
        "│ │ │ │ по программе │ фактически │ │\n"
        "├────┼──────────────────┼──────────────┼─────────┼─────────┼──────────────┤\n"
        "│ 1.1. │ Проведение городских диагностических работ │ МБУ ИМЦ │ декабрь │ январь │ выполнено │\n"
        "├────┼──────────────────┼──────────────┼─────────┼─────────┼──────────────┤\n"
        "│ 1.2. │ Создание банка данных │ отдел образования │ 2011 г. │ - │ не выполнено │\n"
        "└────┴──────────────────┴──────────────┴─────────┴─────────┴──────────────┘\n"
    )
    rows = [(i.number, i.activity, i.responsible, i.deadline, i.result) for i in _txt(text).items if i.kind == "row"]
    assert rows == [
        ("1.1.", "Проведение городских диагностических работ", "МБУ ИМЦ", "декабрь", "выполнено"),
        ("1.2.", "Создание банка данных", "отдел образования", "2011 г.", "не выполнено"),
    ]


def test_consultant_text_table_with_lettered_corners_and_a_spanning_header():
    """ConsultantPlus copies (lawmix, set T 286) draw corners with letters («T---T---¬», «L---+»), split
    «Объем финансирования» over «2009 год | 2010 год», and run the column numbers on under the header."""
    text = (
        "4. Система программных мероприятий\n"
        "T-----T------------------------T-----------T-------------T-----------------¬\n"
        "¦  N  ¦  Наименование          ¦   Срок    ¦ Исполнители ¦Объем финансиро- ¦\n"
        "¦ п/п ¦  мероприятия           ¦исполнения ¦             ¦вания, тыс. руб. ¦\n"
        "¦     ¦                        ¦           ¦             +--------T--------+\n"
        "¦     ¦                        ¦           ¦             ¦2009 год¦2010 год¦\n"
        "¦  1  ¦           2            ¦     3     ¦      4      ¦   5    ¦   6    ¦\n"
        "+-----+------------------------+-----------+-------------+--------+--------+\n"
        "¦1.1. ¦Разработка пособия по   ¦2009 год   ¦МОНиМП РА    ¦ 150,0  ¦   -    ¦\n"
        "¦     ¦русскому языку          ¦           ¦             ¦        ¦        ¦\n"
        "+-----+------------------------+-----------+-------------+--------+--------+\n"
        "¦1.2. ¦Диагностика уровня      ¦2009 - 2010¦ИПКиППРО РА  ¦  60,0  ¦  60,0  ¦\n"
        "¦     ¦владения русским языком ¦годы       ¦             ¦        ¦        ¦\n"
        "L-----+------------------------+-----------+-------------+--------+---------\n"
    )
    rows = [(i.number, i.activity, i.deadline, i.responsible) for i in _txt(text).items if i.kind == "row"]
    assert rows == [
        ("1.1.", "Разработка пособия по русскому языку", "2009 год", "МОНиМП РА"),
        ("1.2.", "Диагностика уровня владения русским языком", "2009 - 2010 годы", "ИПКиППРО РА"),
    ]


def test_a_subprogramme_passport_published_alone_is_a_programme():
    # an annex published alone (set T, 281): a stray quote and spaced letters before «подпрограммы»
    assert header.measures_kind(['"П А С П О Р Т\nподпрограммы "Реализация концепции модернизации"']) == "программа"
    assert header.measures_kind(["Паспорт муниципальной программы"]) == "программа"
    assert header.measures_kind(["Паспорт объекта"]) is None
    assert header.measures_kind(["Паспорт объекта в рамках подпрограммы «Доступная среда»"]) is None


def test_a_long_line_of_dashes_is_read_in_linear_time():
    import time

    start = time.perf_counter()
    _txt("Приказ\n\n" + "-" * 20000 + "x\n\nТекст.\n")
    assert time.perf_counter() - start < 3


def test_an_actual_term_is_a_note_an_actual_result_a_result():
    assert columns.header_role("Срок исполнения фактически")[0] == "note"
    assert columns.header_role("Фактический срок")[0] == "note"
    assert columns.header_role("Информация о фактическом исполнении")[0] == "result"
    assert columns.header_role("Фактический результат")[0] == "result"
    # «Срок исполнения» over «план | факт» (469): the actual term is a report's, not the deadline
    assert columns.header_role("Срок исполнения план")[0] == "deadline"
    assert columns.header_role("Срок исполнения факт")[0] == "note"
    assert columns.header_role("Форма завершения")[0] == "result"  # what the row ends in (479)


def test_a_reports_mark_beside_its_result_is_a_note():
    headers = ("№", "Мероприятие", "Срок", "Достигнутый результат", "Отметка о выполнении")
    data = [("1.1", "Анализ результатов ВПР", "сентябрь", "Перечень утверждён приказом", "выполнено")]
    assert columns.assign(headers, data)[3:] == ["result", "note"]
    # alone, the mark is what came of the row (340)
    alone = [d[:3] + d[4:] for d in data]
    assert columns.assign(("№", "Мероприятие", "Срок", "Отметка о выполнении"), alone)[3] == "result"


def test_a_three_level_pseudographic_header_loses_no_line():
    text = (
        "Таблица\n"
        "┌────┬──────────────┬────────────────────────────┐\n"
        "│ N │ Мероприятие │ Объем финансирования │\n"
        "│ │ ├─────────┬──────────────────┤\n"
        "│ │ │ всего │ в том числе по годам │\n"
        "│ │ │ ├────────┬─────────┤\n"
        "│ │ │ │ 2021 │ 2022 │\n"
        "├────┼──────────────┼─────────┼────────┼─────────┤\n"
        "│ 1. │ Семинар │ 10 │ 5 │ 5 │\n"
        "├────┼──────────────┼─────────┼────────┼─────────┤\n"
        "│ 2. │ Конкурс │ 20 │ 10 │ 10 │\n"
        "└────┴──────────────┴─────────┴────────┴─────────┘\n"
    )
    doc = _txt(text)  # not yet read as a header of three levels, but every line is kept somewhere
    items = [" ".join(filter(None, (i.activity, i.description, i.result, *i.section))) for i in doc.items]
    kept = " ".join([doc.title or "", *items, *(s.text for s in doc.skipped)])
    assert all(word in kept for word in ("Объем финансирования", "в том числе по годам", "2022", "Семинар"))


@pytest.mark.parametrize(
    ("letterhead", "issuer"),
    [
        # the school under its department: the most specific body
        (
            [
                "ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДА ТЮМЕНИ\nмуниципальное автономное общеобразовательное "
                "учреждение\nсредняя общеобразовательная школа № 26 города Тюмени\n(МАОУ СОШ № 26 города Тюмени)"
            ],
            "Муниципальное автономное общеобразовательное учреждение средняя общеобразовательная школа № 26 "
            "города Тюмени",
        ),
        (["Расширенный поиск", "ПРАВИТЕЛЬСТВО МУРМАНСКОЙ ОБЛАСТИ"], "Правительство Мурманской области"),
        (
            ["Министерство образования и науки Республики Татарстан\nТатарстан Республикасы Мәгариф һәм фән"],
            "Министерство образования и науки Республики Татарстан",
        ),
        (
            ["ГАУ ДПО «Волгоградская академия» 400012, г.Волгоград, ул Новодвинская, 19а"],
            "ГАУ ДПО «Волгоградская академия»",
        ),
        (["Перейти к содержимому", "Главная » Новости"], None),
        # a web page's news text between the letterhead and the act: a list's item, a sentence
        (
            [
                "ИНСТИТУТ ОЦЕНКИ КАЧЕСТВА ОБРАЗОВАНИЯ\nРеспублики Тыва",
                "- взаимодействие с муниципальными органами управления образованием.",
                "Итоги обсудят на совещании с руководителями муниципальных органов управления образованием.",
            ],
            "Институт оценки качества образования Республики Тыва",
        ),
        # a department printed under its administration is named with it, in the genitive
        (
            ["ДОНЕЦКАЯ НАРОДНАЯ РЕСПУБЛИКА\nАДМИНИСТРАЦИЯ НОВОАЗОВСКОГО РАЙОНА\nОТДЕЛ ОБРАЗОВАНИЯ"],
            "Отдел образования администрации Новоазовского района",
        ),
        (
            ["АДМИНИСТРАЦИЯ\nКИЧМЕНГСКО-ГОРОДЕЦКОГО МУНИЦИПАЛЬНОГО РАЙОНА\nУПРАВЛЕНИЕ ОБРАЗОВАНИЯ"],
            "Управление образования администрации Кичменгско-Городецкого муниципального района",
        ),
        (  # an institution is a body of its own under its ministry; a unit naming its own region too
            ["МИНИСТЕРСТВО ОБРАЗОВАНИЯ ИРКУТСКОЙ ОБЛАСТИ\nГАУ ДПО «Институт развития образования Иркутской области»"],
            "ГАУ ДПО «Институт развития образования Иркутской области»",
        ),
        (
            ["АДМИНИСТРАЦИЯ ЛИПЕЦКОЙ ОБЛАСТИ\nУПРАВЛЕНИЕ ОБРАЗОВАНИЯ И НАУКИ ЛИПЕЦКОЙ ОБЛАСТИ"],
            "Управление образования и науки Липецкой области",
        ),
        (  # under a municipal formation; a legal form's abbreviation stays in capitals
            ["Муниципальное образование «Жигаловский район»", "МКУ «УПРАВЛЕНИЕ ОБРАЗОВАНИЯ»"],
            "МКУ «Управление образования» муниципального образования «Жигаловский район»",
        ),
        (  # the school's patron is no signature
            ["Муниципальное бюджетное общеобразовательное учреждение основная общеобразовательная школа №26 "
             "им. И.А. Пулина ст. Должанской"],
            "Муниципальное бюджетное общеобразовательное учреждение основная общеобразовательная школа №26 "
            "им. И.А. Пулина ст. Должанской",
        ),
        (["Начальник отдела образования И.А. Пулина"], None),
        (  # a body's name closed by a full stop is still the body
            ["Муниципальное общеобразовательное учреждение\n«Средняя общеобразовательная школа №19»\n"
             "г.о. Электросталь Московской области."],
            "Муниципальное общеобразовательное учреждение «Средняя общеобразовательная школа №19» г.о. Электросталь "
            "Московской области.",
        ),
    ],
)
def test_the_issuer_is_a_body_of_the_letterhead(letterhead, issuer):
    assert header.issuer_of(letterhead) == issuer


def test_a_web_pages_heading_gives_way_to_the_acts_own_kind_line():
    """The page's title «Приказ по …» (no date, no number) stands above the letterhead; the act's own
    «П Р И К А З» under the body's name is the kind line, so the letterhead is read."""
    doc = _txt(
        "Главная » Материалы » Приказы\n\nПриказ по функциональной грамотности на 2021-2022 учебный год\n\n"
        "Муниципальное образование «Цумадинский район»\n\nМКУ «УПРАВЛЕНИЕ ОБРАЗОВАНИЯ»\n\nП Р И К А З\n\n"
        "«02» ноября 2021 г.          № 01-02/21-41\n\nОб утверждении плана мероприятий\n\nПРИКАЗЫВАЮ:\n\n"
        "1. Утвердить план мероприятий.\n\n2. Контроль оставляю за собой.\n"
    )
    assert (doc.kind, doc.number) == ("приказ", "01-02/21-41")
    assert doc.issuer == "МКУ «Управление образования» муниципального образования «Цумадинский район»"


def test_a_portal_heading_names_the_issuer():
    assert header.issuer_in_heading("Постановление Правительства Республики Коми от 28 сентября 2012 г. N 411") == (
        "Правительство Республики Коми"
    )
    assert header.issuer_in_heading("Распоряжение от 04.02.2012 г № 10-РА") is None
    assert header.issuer_in_heading("Указ Губернатора Оренбургской области от 19.11.2009 № 226-ук") == (
        "Губернатор Оренбургской области"
    )
    assert header.issuer_in_heading("Постановление Главы города Подольска от 19 ноября 2012 г. N 2104-П") == (
        "Глава города Подольска"
    )


def test_the_body_printed_under_the_kind_word_is_the_issuer():
    """Some acts print the kind first and the body under it: «П О С Т А Н О В Л Е Н И Е / Администрация
    Ковровского района / 01.11.2011 № 971» (52), «ПРИКАЗ / по МБОУ …»."""
    doc = _txt(
        "П О С Т А Н О В Л Е Н И Е\n\nАдминистрация Ковровского района\n\n01.11.2011 № 971\n\n"
        "Об утверждении программы\n\nпостановляю:\n\n1. Утвердить программу.\n"
    )
    assert (doc.kind, doc.number, doc.issuer) == ("постановление", "971", "Администрация Ковровского района")
    doc = _txt(
        "ПОСТАНОВЛЕНИЕ\nАДМИНИСТРАЦИИ ГОРОДА КУРСКА\n\nот 12.03.2020 № 45\n\nОб утверждении плана\n\n"
        "1. Утвердить план.\n"
    )
    assert doc.issuer == "Администрация города Курска"
    doc = _txt("ПРИКАЗ\n\n12.03.2020 № 45\n\nОб утверждении плана\n\n1. Утвердить план.\n")
    assert doc.issuer is None


def test_an_act_under_a_sites_tabbed_contacts_and_a_bilingual_letterhead_in_tabs():
    """A centre's news page (406): its contacts laid out with tabs, a news paragraph, then the act with
    its letterhead in two languages side by side in tabs, «ПРИКАЗ <tab> БИРИКЭЭС» and «от … <tab> г. Якутск
    <tab> № …». The contacts are no table, the letterhead lines do not run into each other, and the date
    row is the act's."""
    doc = _txt(
        "Телефон доверия\n\t\t8(4112) 42-10-46\nГорячая линия\n\t\tЕГЭ  \t8(4112) 42-10-46\n"
        "\t\tОГЭ  \t8(4112) 42-10-48\n\t\t\nЭлектронная почта\n\t\tcmko-minobr@gov14.ru\t\n\n"
        "Опубликовано: 05.09.2022\n\nМинистерство утвердило план. " + "Публикуем текст приказа. " * 40 + "\n\n"
        "МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ РЕСПУБЛИКИ САХА (ЯКУТИЯ)\tСАХА ӨРӨСПҮҮБҮЛҮКЭТИН МИНИСТЕРСТВОТА\n"
        "ПРИКАЗ\tБИРИКЭЭС\nот 29.08.2022\t\tг. Якутск\t\t№ 01-03/1412\n\n"
        "Об утверждении плана мероприятий\n\nВ целях обеспечения объективности\nп р и к а з ы в а ю:\n"
        "1. Утвердить план мероприятий.\n2. Центру мониторинга:\n2.1. организовать наблюдение;\n"
        "3. Контроль оставляю за собой.\n\nМинистр\t\t\t\tИ.Е. Любимова\n\n"
        "№ п/п\tНаименование мероприятия\tСроки\tОтветственные\n1.1\tУтверждение графиков\tдо 20.09.2022\tМОУО\n"
        "1.2\tВыборочная перепроверка работ\tмай 2023\tЦМКО\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("приказ", "2022-08-29", "01-03/1412")
    assert doc.issuer == "Министерство образования и науки Республики Саха (Якутия)"
    clauses = [i.number for i in doc.items if i.kind == "clause"]
    assert clauses[:4] == ["1", "2", "2.1", "3"]
    rows = [i.activity for i in doc.items if i.kind == "row"]
    assert rows == ["Утверждение графиков", "Выборочная перепроверка работ"]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("О Программе развития образования", True),  # 401, 265
        ("О Концепции областной целевой программы", True),  # 224
        ("О Государственной программе «Развитие образования»", True),  # 241
        ("О Ивановой И.И., учителе математики", False),  # a person named is no document's name
        ("О Т Ч Е Т", False),
    ],
)
def test_a_title_may_name_a_document_in_capitals(line, title):
    assert bool(header.TITLE.match(line)) is title


def test_a_subjects_law_is_a_kind_of_its_own():
    """«Закон Республики Алтай от 30.12.2008 № 133-РЗ / О республиканской целевой программе …» (286, a
    legal database's heading): a law adopting a programme is dated and numbered by its heading."""
    doc = _txt(
        "Закон Республики Алтай от 30.12.2008 № 133-РЗ\n\n"
        "О республиканской целевой программе «Русский язык (2009 - 2010 годы)»\n\n"
        "Статья 1\n\nУтвердить республиканскую целевую программу.\n\nГлава Республики Алтай А.В. Бердников\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("закон", "2008-12-30", "133-РЗ")
    assert header.kind_of("Федеральный закон от 29.12.2012 № 273-ФЗ") is None  # a law cited, not this act


def test_a_portals_card_gives_the_kind_of_an_act_that_prints_none():
    """A newspaper's page of a government's order (397): «Вид документа: Распоряжение …» in the card,
    then the preamble and «1. Утвердить …» with no kind line and no «приказываю:»."""
    doc = _txt(
        "Вид документа: Распоряжение Правительства Рязанской области\n\nНомер документа: 106-р\n\n"
        "В целях развития олимпиадного движения:\n\n1. Утвердить прилагаемую концепцию.\n\n"
        "2. Контроль за исполнением настоящего распоряжения оставляю за собой.\n\n"
        "Губернатор Рязанской области П.В. Малков\n"
    )
    assert doc.kind == "распоряжение"
    assert [i.number for i in doc.items if i.kind == "clause"] == ["1", "2"]
    assert header.find_kind(["Вид документа: Письмо", "Текст"]) == (None, None)  # a letter has no clauses


def test_a_registry_card_names_the_body_that_adopted_the_act():
    """pravo.minjust's card above the act: «Субъект РФ: / Чеченская Республика / Принявший орган: /
    Правительство Чеченской Республики» (92, 209); the act's text below may cite other bodies."""
    doc = _txt(
        "Основная информация\n\nДата опубликования:\n\n29 декабря 2016г.\n\nСубъект РФ:\n\n"
        "Чеченская Республика\nПринявший орган:\n\nПравительство Чеченской Республики\n\n"
        "Постановления губернатора Камчатского края\n\nПОСТАНОВЛЕНИЕ\n\nот 27.12.2016 № 225\n\n"
        "Об утверждении программы\n\n1. Утвердить программу.\n"
    )
    assert (doc.kind, doc.number, doc.issuer) == ("постановление", "225", "Правительство Чеченской Республики")
    card = ["Принявший орган: Глава Республики Саха (Якутия)"]
    assert header.issuer_on_card(card) == "Глава Республики Саха (Якутия)"
    assert header.issuer_on_card(["Принявший орган:", "Статус:"]) is None


@pytest.mark.parametrize(
    "line",
    [
        "Главная О Комитете Образование Качество образования Документы Контакты",  # a site's menu (274)
        "Наша школа включена в число участников Программы.",  # a sentence with a short participle (53)
    ],
)
def test_a_menu_or_a_sentence_above_the_kind_is_no_issuer(line):
    assert header.issuer_of([line]) is None
    assert header.issuer_of([line, "Комитет образования администрации Березовского округа"]) == (
        "Комитет образования администрации Березовского округа"
    )


@pytest.mark.parametrize(
    "stamp",
    [
        "УТВЕРЖДАЮ\nНачальник Управления образования\nИсполнительного комитета г.Казани\n_ И.Г. Ризванов\n«_» 2021 г.",
        "УТВЕРЖДАЮ Начальник Управления образования Исполнительного комитета г.Казани _ «_» 2021 г.",
        "УТВЕРЖДАЮ\nначальник Управления образования\nИсполнительного комитета г.Казани\n……..И.Г.Ризванов",
    ],
)
def test_an_undated_approval_stamp_still_names_the_body_whose_plan_it_is(stamp):
    """«УТВЕРЖДАЮ / Начальник Управления … / _ И.Г. Ризванов / «_» 2021 г.» (94, 130, 193): left blank
    or naming no act, the stamp still says whose plan it is."""
    doc = _txt(
        f"{stamp}\n\nПлан мероприятий по сопровождению школ\n\n№\tМероприятие\tСрок\n"
        "1\tСеминар для директоров\tмарт\n2\tКонсультации учителей\tапрель\n"
    )
    assert doc.kind == "план мероприятий"
    assert doc.issuer == "Управление образования Исполнительного комитета г.Казани"
    assert doc.date is None and doc.approved_by is None


def test_a_money_cell_split_by_a_short_row_of_years():
    """A browser copy drops merged cells: «Объем финансирования» over «2024 | 2025 | 2026» comes as a
    6-cell header and a 3-cell row above 8-cell rows."""
    from pipeline.readers import read_bytes

    text = (
        "№ п/п\tНаименование мероприятия\tСрок исполнения\tОбъем финансирования (тыс. руб.)\t"
        "Ответственный исполнитель\tОжидаемый результат\n"
        "2024\t2025\t2026\n"
        "1.1\tОснащение групп\t2024-2026\t150,0\t150,0\t150,0\tруководители ДОО\tобновлена среда\n"
        "1.2\tРазработка программ антирисковых\n"
        "мер\t2024-2026\t–\t–\t–\tУправление образования\tпрограммы утверждены\n"
    )
    doc = segment(read_bytes(text.encode(), "p.txt"), "p.txt")
    rows = [(i.number, i.activity, i.deadline, i.responsible, i.result) for i in doc.items]
    assert rows == [
        ("1.1", "Оснащение групп", "2024-2026", "руководители ДОО", "обновлена среда"),
        ("1.2", "Разработка программ антирисковых мер", "2024-2026", "Управление образования", "программы утверждены"),
    ]


def test_a_flattened_money_cell_split_by_years_keeps_its_source_and_deadline():
    """GARANT flattens «Объем финансирования» over «2019 год | 2020 год | 2021 год» one cell per line
    after the upper row, beside «Срок реализации» and «Источник финансирования» (85, Калмыкия)."""
    cells = ["N п/п", "Наименование основного мероприятия", "Ответственный исполнитель", "Срок реализации"]
    cells += ["Источник финансирования", "Объем финансирования, тыс. рублей", "Ожидаемый результат"]
    lines = [f"{c} |" for c in cells] + ["|||||", "2019 год |", "2020 год |", "2021 год |", "||"]
    lines += [f"{n} |" for n in range(1, 10)]
    row = ["1.1", "Поддержка школ с низкими результатами", "Министерство образования", "2019 - 2024"]
    row += ["республиканский бюджет", "1 250,0", "1 250,0", "1 300,0", "доля таких школ снижена"]
    doc = _txt("Перечень мероприятий\n" + "\n".join(lines + [f"{c} |" for c in row]) + "\n")
    [item] = [i for i in doc.items if i.kind == "row"]
    assert (item.number, item.activity, item.deadline) == ("1.1", row[1], "2019 - 2024")
    assert (item.responsible, item.result) == ("Министерство образования", "доля таких школ снижена")
    assert "1 300,0" in item.description and "республиканский бюджет" in item.description


def test_a_borderless_cell_merged_down_rows_does_not_split_every_line():
    """88 (a school programme, Word exported without rules): the first column («Задачи») is merged
    down several rows, so its last line stands between two rows' lines, 6 pt above the next row.
    Rows are still told apart by the gap above each line in its own columns."""
    from pipeline.readers.pdf_columns import find_tables, lines_of

    def line(top, *cells):
        return [{"x0": x, "x1": x + 8 * len(t), "top": top, "bottom": top + 9, "text": t} for x, t in cells]

    words = line(100, (60, "Задачи"), (160, "Мероприятия"), (320, "Сроки"))
    words += line(118, (60, "Выявить"), (160, "Диагностика"), (320, "сентябрь"))
    words += line(129, (60, "дефициты"), (160, "затруднений"), (320, "2021"))
    words += line(140, (60, "педагогов"), (160, "учителей"))
    words += line(151, (60, "учителей"))
    words += line(157, (160, "Составление"), (320, "октябрь"))
    words += line(168, (160, "планов"), (320, "2021"))
    [table] = find_tables(lines_of(words))
    assert [cells for _, cells in table.rows] == [
        ("Задачи", "Мероприятия", "Сроки"),
        ("Выявить дефициты педагогов учителей", "Диагностика затруднений учителей", "сентябрь 2021"),
        ("", "Составление планов", "октябрь 2021"),
    ]


def test_the_last_rows_wrapped_first_cell_stays_in_a_borderless_table():
    """328 (Word without rules): the table's last line holds only the end of the first cell, in lower
    case where that cell's lines start; a sentence below the table, or a wrapped one, is not its."""
    from pipeline.readers.pdf_columns import find_tables, lines_of

    def line(top, *cells):
        return [{"x0": x, "x1": x + 7 * len(t), "top": top, "bottom": top + 9, "text": t} for x, t in cells]

    words = line(100, (60, "Дела"), (200, "Классы"), (260, "Сроки"), (390, "Ответственные"))
    words += line(118, (60, "Собрание"), (200, "9"), (260, "январь"), (390, "Директор"))
    words += line(136, (60, "Консультации"), (200, "5-9"), (260, "в течение года"), (390, "Классные"))
    words += line(147, (60, "родителей"), (390, "руководители"))
    words += line(158, (60, "в обучении"))
    [table] = find_tables(lines_of(words))
    assert table.rows[-1][1] == ("Консультации родителей в обучении", "5-9", "в течение года", "Классные руководители")
    below = line(175, (60, "Корректировка плана проводится ежегодно в июне по решению педагогического"))
    below += line(186, (60, "совета."))
    [table] = find_tables(lines_of(words[:-2] + below))  # «в обучении» left out: the row ends at «родителей»
    assert table.rows[-1][1][0] == "Консультации родителей"


def test_the_next_annexs_mark_under_a_borderless_table_is_not_its_last_cell():
    """407, 125: «Приложение № 2» printed at the right right under the table stands in its last column;
    it opens the next annex and is no line of the last row's result."""
    from pipeline.readers.pdf_columns import find_tables, lines_of

    def line(top, *cells):
        return [{"x0": x, "x1": x + 7 * len(t), "top": top, "bottom": top + 9, "text": t} for x, t in cells]

    words = line(100, (60, "Мероприятие"), (250, "Сроки"), (350, "Результат"))
    words += line(118, (60, "Семинар"), (250, "март"), (350, "справка"))
    words += line(136, (60, "Методический десант"), (250, "май"), (350, "план методической"))
    words += line(147, (350, "работы"))
    words += line(160, (350, "Приложение № 2"))
    [table] = find_tables(lines_of(words))
    assert table.rows[-1][1] == ("Методический десант", "май", "план методической работы")


def test_indented_lines_of_a_borderless_column_are_not_a_column_of_their_own():
    """101 (a ministry's programme, Word without rules): some lines of the responsible column start
    6 pt right of the others; as an edge of its own that indent cut the cell's last lines off."""
    from pipeline.readers.pdf_columns import _edges, lines_of

    words = []
    for n, indent in enumerate([0, 0, 6, 6, 6, 0]):
        top = 100 + 11 * n
        words += [{"x0": 60, "x1": 90, "top": top, "bottom": top + 9, "text": f"{n + 1}.1"}]
        words += [{"x0": 200 + indent, "x1": 260, "top": top, "bottom": top + 9, "text": "министерство"}]
    assert _edges(lines_of(words)) == [60, 200]


def test_an_empty_column_of_a_borderless_table_is_dropped():
    from pipeline.readers.pdf_columns import _without_empty_columns

    rows = [(0.0, ("№", "Наименование", "", "Срок")), (10.0, ("1.", "Конкурс", "", "май"))]
    assert _without_empty_columns(rows) == [(0.0, ("№", "Наименование", "Срок")), (10.0, ("1.", "Конкурс", "май"))]


def test_a_totals_row_is_skipped_not_merged_into_the_last_activity():
    doc = _txt(
        "№ | Мероприятие | Срок | Сумма\n1.1 | Издание сборника | IV квартал 2002 г. | 100\n"
        "Итого по подпрограмме: | | | 2200\n"
    )
    assert [i.activity for i in doc.items] == ["Издание сборника"]
    assert ("итоговая строка", "Итого по подпрограмме:") in [(s.reason, s.text.split("\t")[0]) for s in doc.skipped]


@pytest.mark.parametrize(
    ("body", "city"),
    [
        ("Администрация города Кургана Курганской области", "город Курган"),
        ("МАОУ СОШ № 26 города Тюмени", "город Тюмень"),
        ("МАОУ «СОШ № 14» г. Великий Новгород", "город Великий Новгород"),
        ("Управление образования Окружной администрации города Якутска", "город Якутск"),
        ("Администрация Псковской области", None),
        ("Администрация города Ростова-на-Дону", "город Ростов-на-Дону"),
    ],
)
def test_a_city_issuer_gives_the_municipality(body, city):
    assert header.city_of(body) == city


@pytest.mark.parametrize(
    ("issuer", "region", "municipality", "city", "full"),
    [
        ("Администрация области", "Новгородская область", None, None, "Администрация Новгородской области"),
        ("Администрация автономного округа", "Ямало-Ненецкий автономный округ", None, None,
         "Администрация Ямало-Ненецкого автономного округа"),
        ("Администрация города", "Ростовская область", None, "город Ростов-на-Дону",
         "Администрация города Ростова-на-Дону"),
        ("Администрация муниципального района", "Красноярский край", "Таймырский Долгано-Ненецкий муниципальный район",
         None, "Администрация Таймырского Долгано-Ненецкого муниципального района"),
        ("Правительство республики", "Республика Саха (Якутия)", None, None, "Правительство Республики Саха (Якутия)"),
        # a level the document's place is not of, or a body named in full: as printed
        ("Администрация края", "Новгородская область", None, None, "Администрация края"),
        ("Администрация города", "Новгородская область", None, None, "Администрация города"),
        ("Администрация Псковской области", "Псковская область", None, None, "Администрация Псковской области"),
    ],
)
def test_a_body_named_by_level_only_is_completed_with_the_documents_place(issuer, region, municipality, city, full):
    assert bodies.completed(issuer, region, municipality, city) == full


def test_an_annex_stamp_naming_the_body_by_level_gives_the_full_issuer():
    """«к постановлению администрации области»: the region the document names."""
    doc = _txt(
        "Приложение\nк постановлению администрации области\nот 30.09.2010 № 462\n\n"
        "ПЛАН МЕРОПРИЯТИЙ\nпо повышению качества образования в Новгородской области\n\n"
        "№ п/п\tМероприятие\tСрок\tОтветственный\n1.\tСеминар для директоров\tмарт 2011\tкомитет образования\n"
    )
    assert doc.issuer == "Администрация Новгородской области"


def test_a_title_cut_over_lines_is_read_whole():
    doc = _txt(
        "ПОСТАНОВЛЕНИЕ\n\n04.07.2019 № 239-П\n\nО внесении изменений в\n\nпостановление Правительства Астраханской\n\n"
        "области от\n\n25.09.2014 № 402-П\n\nПравительство Астраханской области ПОСТАНОВЛЯЕТ:\n\n"
        "1. Внести изменения.\n"
    )
    assert doc.title == "О внесении изменений в постановление Правительства Астраханской области от 25.09.2014 № 402-П"
    assert [i.kind for i in doc.items] == ["clause"]


@pytest.mark.parametrize(
    ("kind_line", "title"),
    [
        (
            "Программа развития МБОУ СОШ № 4 на 2022–2025 годы\nг. Миллерово 2022 год",
            "Программа развития МБОУ СОШ № 4 на 2022–2025 годы",
        ),
        (
            "Муниципальная программа\n\n«Развитие системы общего образования»",
            "Муниципальная программа «Развитие системы общего образования»",
        ),
    ],
)
def test_a_programmes_title_without_its_cover_lines(kind_line, title):
    assert _txt(f"{kind_line}\n\nЦель: повышение качества образования.\n").title == title


def test_a_table_whose_cells_were_joined_by_spaces():
    """kostrom-gov.ru style: no delimiter at all; cells found from what each holds."""
    doc = _txt(
        "Комплекс мер\n\n"
        "N п/п Наименование мероприятия Срок исполнения Ответственные исполнители Ожидаемый результат\n"
        "1. Модернизация школьной инфраструктуры\n"
        "1.1. Поставка учебно-лабораторного оборудования в общеобразовательные учреждения март - август "
        "2012 года департамент образования и науки Костромской области оснащены 72 общеобразовательных учреждения\n"
        "1.2. Проведение капитального ремонта спортивных залов сельских школ июнь - октябрь 2012 года органы "
        "местного самоуправления (по согласованию) отремонтировано не менее 9 спортивных залов\n"
    )
    rows = [(i.number, i.deadline, i.responsible, i.result, i.section) for i in doc.items if i.kind == "row"]
    assert rows == [
        (
            "1.1.",
            "март - август 2012 года",
            "департамент образования и науки Костромской области",
            "оснащены 72 общеобразовательных учреждения",
            ["1. Модернизация школьной инфраструктуры"],
        ),
        (
            "1.2.",
            "июнь - октябрь 2012 года",
            "органы местного самоуправления (по согласованию)",
            "отремонтировано не менее 9 спортивных залов",
            ["1. Модернизация школьной инфраструктуры"],
        ),
    ]


def test_plain_numbered_text_is_not_a_spaced_table():
    doc = _txt("Положение\n\n1. Общие положения\n\n1.1. Настоящее положение определяет порядок работы.\n")
    assert not any(i.kind == "row" for i in doc.items)


def test_quoted_stamps_and_a_spaced_plan_grafik():
    doc = _txt(
        "«Принято»\nПедагогический совет\nПротокол №1 от 29.08.2023 г.\n\n«Утверждаю»\nДиректор МКОУ СОШ №2\n"
        "_______ /И.Х.Шибзухова/\nПриказ № 112 от «30» августа 2023 г.\n\nПоложение\nо наставничестве\n\n"
        "1. Общие положения\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("положение", "2023-08-30", "112")
    assert header.kind_of("План – график") == "план-график"


def test_a_number_glued_to_the_letterhead_in_capitals():
    assert unglue("от 09.10.1997 № 69-пПРАВИТЕЛЬСТВО ЧЕЛЯБИНСКОЙ ОБЛАСТИ") == (
        "от 09.10.1997 № 69-п ПРАВИТЕЛЬСТВО ЧЕЛЯБИНСКОЙ ОБЛАСТИ"
    )


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Приказ от 29.03.2024 № 83 о-д", "83 о-д"),
        ("Приказ № 1083 (Д) от 12.03.2021", "1083 (Д)"),
        ("Приказ № 45 ОД от 01.09.2023", "45 ОД"),
        ("Приказ № 45 от 01.09.2023", "45"),
        ("№ 12 ОТ 01.09.2023", "12"),
    ],
)
def test_a_number_keeps_its_register_suffix(line, number):
    assert header.date_and_number([line])[1] == number


def test_stamps_side_by_side_over_an_e_signature_block_are_the_head():
    from pipeline.records import Block as B

    blocks = [
        B(
            "ПРИНЯТО\tУТВЕРЖДАЮ",
            ("ПРИНЯТО Общим собранием протокол от 25.03.2024 №1", "УТВЕРЖДАЮ Приказ от 29.03.2024 № 83 о-д"),
            Position(page=1),
        ),
        B("\tДОКУМЕНТ", ("", "ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ Сертификат: 00C8"), Position(page=1)),
        B("Отчет о результатах самообследования", (), Position(page=1)),
    ]
    doc = segment(blocks, "report.pdf")
    assert (doc.kind, doc.date, doc.number) == ("отчёт", "2024-03-29", "83 о-д")


def test_more_printed_dates_and_numbers():
    from pipeline.dates import parse_date

    assert parse_date("ПРИКАЗ 31. 03. 22 г. № 14-а") == "2022-03-31"
    assert parse_date("пункты 1.2.3 и 12.05.21") is None  # two-digit years only before «г.»
    assert header.date_and_number(["от 13 марта 2006 г. N С-5/5"]) == ("2006-03-13", "С-5/5")
    assert header.date_and_number(["от 01.09.2023 № 533 ст-ца Переясловская"]) == ("2023-09-01", "533")
    assert unglue("от 05.02.2007 N 16КАБИНЕТ МИНИСТРОВ") == "от 05.02.2007 N 16 КАБИНЕТ МИНИСТРОВ"


def test_a_city_district_named_in_quotes():
    assert places.municipalities('администрации городского округа "Город Калининград"') == [
        "городской округ Калининград"
    ]
    assert places.capital_regions('городского округа "Город Калининград"') == ["Калининградская область"]


def test_a_programme_opening_with_its_passport_is_a_programme():
    doc = _txt(
        "Приложение N 1\nУтвержден постановлением\nадминистрации муниципального\nобразования город Новороссийск\n"
        "от 9 ноября 2020 г. N 5333\nПаспорт\nмуниципальной программы «Развитие образования»\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("программа", "2020-11-09", "5333")


def test_a_document_approved_by_a_meeting_takes_its_protocol():
    doc = _txt(
        "УТВЕРЖДЕН:\nОбщим собранием работников\nМКОУ НОШ с.Ямск\nПротокол№ 1 от 10.04.2023 г\n\n"
        "Отчет о результатах самообследования\nза 2022 год\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("отчёт", "2023-04-10", "1")
    accepted = _txt("ПРИНЯТО\nпедагогическим советом\nпротокол № 3 от 28.12.2023\n\nОтчет о работе\n")
    assert accepted.number is None  # a meeting that accepted, not approved, numbers nothing


def test_headings_one_under_another_make_a_section_path():
    """331 (a programme's table in a mirror): «Подпрограмма 1» / «Цель 1.» / «Задача 1.1.» rows with no
    row between them nest; «Задача 1.2.» replaces «Задача 1.1.», «Подпрограмма 2» starts afresh (the
    upper headings were dropped unseen: the last one replaced them)."""
    doc = _txt(
        "ПЛАН МЕРОПРИЯТИЙ\n\n| № | Мероприятие | Срок | Исполнители |\n"
        "| Подпрограмма 1 «Дошкольное образование» | | | |\n| Цель 1. Доступность | | | |\n| Задача 1.1. Сеть | | | |\n"
        "| 1. | Мониторинг сети | 2008 - 2010 | Управление образования |\n| Задача 1.2. Готовность к школе | | | |\n"
        "| 2. | Диагностика готовности | 2009 | Управление образования |\n"
        "| Подпрограмма 2 «Общее образование» | | | |\n| Задача 2.1. Качество | | | |\n"
        "| 3. | Контрольные работы | 2010 | ИМЦ |\n"
    )
    sections = [i.section for i in doc.items if i.kind == "row"]
    assert sections == [
        ["Подпрограмма 1 «Дошкольное образование»", "Цель 1. Доступность", "Задача 1.1. Сеть"],
        ["Подпрограмма 1 «Дошкольное образование»", "Цель 1. Доступность", "Задача 1.2. Готовность к школе"],
        ["Подпрограмма 2 «Общее образование»", "Задача 2.1. Качество"],
    ]


def test_cell_per_line_table_with_row_numbers_an_empty_cell_and_a_section_line():
    """A site's table copied a cell per line (set H, 103 and 109): «1.» alone is a row number, not a
    page number; «I. …» is a section, not a column name; a row with an empty last cell ends at the
    next row's number; responsible people written «Е. В. Смирнова» are not sections."""
    doc = _txt(
        "ПЛАН МЕРОПРИЯТИЙ\n\nN п/п\n\nНаименование мероприятия\n\nСрок исполнения\n\nОтветственный\n\n"
        "Ожидаемый результат\n\nI. Нормативное и организационное обеспечение\n\n1.\n\nРазработка порядка мониторинга"
        "\n\nдо 1 апреля 2022 года\n\nЕ. В. Смирнова\n\nутвержден порядок\n\n2.\n\nПринятие локальных актов\n\n"
        "до 1 мая 2022 года\n\nобразовательные организации\n\n3.\n\nСеминар для наставников\n\nсентябрь 2022 года\n\n"
        "КИРО\n\nпроведен семинар\n"
    )
    rows = [(i.number, i.activity, i.deadline, i.responsible, i.section) for i in doc.items if i.kind == "row"]
    assert rows == [
        (
            "1.",
            "Разработка порядка мониторинга",
            "до 1 апреля 2022 года",
            "Е. В. Смирнова",
            ["I. Нормативное и организационное обеспечение"],
        ),
        (
            "2.",
            "Принятие локальных актов",
            "до 1 мая 2022 года",
            "образовательные организации",
            ["I. Нормативное и организационное обеспечение"],
        ),
        (
            "3.",
            "Семинар для наставников",
            "сентябрь 2022 года",
            "КИРО",
            ["I. Нормативное и организационное обеспечение"],
        ),
    ]


def test_a_page_number_alone_in_a_text_order_does_not_cut_its_clauses():
    doc = _txt(
        "ПРИКАЗ\nот 12.01.2023 № 5\nО мониторинге\nприказываю:\n1. Провести мониторинг.\n"
        "2. Назначить ответственных.\n\n5\n\n3. Подготовить справку.\n4. Контроль оставляю за собой.\n"
        "Директор И.И. Иванов\n"
    )
    assert [i.number for i in doc.items if i.kind == "clause"] == ["1", "2", "3", "4"]


def test_a_number_sign_at_a_lines_end_keeps_its_number_in_the_clause():
    """«… школы №» / «15 ст. Переясловской …» (realdocs 329): not clause 15."""
    doc = _txt(
        "ПРИКАЗ\nот 02.09.2024 № 533\nО самоуправлении\nприказываю:\n1. Утвердить Положение о самоуправлении школы №\n"
        "15 ст. Переясловской (приложение № 1).\n2. Утвердить план работы.\nДиректор Е.А. Голубь\n"
    )
    clauses = [i for i in doc.items if i.kind == "clause"]
    assert [i.number for i in clauses] == ["1", "2"]
    assert clauses[0].activity.endswith("школы № 15 ст. Переясловской (приложение № 1).")


@pytest.mark.parametrize(
    ("stamp", "date", "number"),
    [
        # two stamps side by side, interleaved line by line (heads 248)
        (
            [
                "УТВЕРЖДАЮ",
                "ПРИНЯТО",
                "Директор МАОУ СОШ № 2",
                "на заседании педсовета",
                "Приказ № 86 от 31 августа 2022 г.",
                "Протокол № 40 от 30 августа 2022г.",
            ],
            "2022-08-31",
            "86",
        ),
        (["Утверждено приказом", "МБОУ СОШ № 3", "319 от 03.08.2015 г"], "2015-08-03", "319"),  # no «№» (heads 220)
        # three stamps side by side, the second and third read as one paragraph (realdocs 328)
        (
            [
                "Принято на педагогическом совете Протокол № 6 от 01.06.2021г..",
                "Согласно на заседании родительского комитета от 02.06.2021г. протокол № 4\n"
                "«Утверждаю» Директор МБОУ СОШ №2 им. А. Асеева и Ю.Голикова Порецкая О.Н. "
                "Приказ №121/1 от 01.06.2021\n"
                "Подписано цифровой подписью: Порецкая Ольга Николаевна\nДата: 2021.09.03 09:01:34 +03'00'",
            ],
            "2021-06-01",
            "121/1",
        ),
        # the meeting's protocol number is not the act's
        (
            ["УТВЕРЖДЕНО", "приказом директора от 31.08.2021 г.", "(протокол педсовета 1 от 30.08.2021)"],
            "2021-08-31",
            None,
        ),
    ],
)
def test_stamps_as_printed(stamp, date, number):
    found, _ = header.stamps_of([*stamp, "Положение о наставничестве"])
    assert (found.act.date, found.act.number) == (date, number)


def test_a_site_heading_over_a_stamp_yields_to_the_document_the_stamp_approves():
    """A centre's page (realdocs 371): its heading names the plan in other words; the stamp's plan
    states its own kind and title under it."""
    doc = _txt(
        "Региональная дорожная карта проекта «500+» на 2021 год\n\nОпубликовано: 19.03.2021\n\n"
        "УТВЕРЖДЕН\nприказом департамента образования\nадминистрации Владимирской области\nот 15.03.2021 № 289\n\n"
        "Региональный план-график реализации проекта адресной методической помощи школам\n\n"
        "1. Назначение кураторов школ.\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("план-график", "2021-03-15", "289")
    assert doc.title == "Региональный план-график реализации проекта адресной методической помощи школам"
    # an act's heading, its clauses, then its annex's stamp: the act stays an order
    paragraphs = ["Приказ об утверждении плана мероприятий", "В целях … приказываю:", "1. Утвердить план.",
                  "УТВЕРЖДЕН\nприказом от 12.03.2021 № 45", "План мероприятий по повышению качества"]  # fmt: skip
    assert header.find_kind(paragraphs, skip={3}) == ("приказ", 0)
    # a site's heading citing the act by number and date only, printed with or without a space after «№»
    assert header._cites_unnamed("Постановление №312 от 23.09.2013")
    assert header._cites_unnamed("Приказ N 45 от 01.02.2020")
    assert not header._cites_unnamed("Постановление Главы города Абакана от 14.10.2013 № 2060")


def test_consideration_stamp_does_not_date_the_document():
    """«РАССМОТРЕНО … протокол № 1 от 30.08.2021» beside «УТВЕРЖДАЮ … приказ от 31.08.2021 № 187»."""
    doc = _txt(
        "РАССМОТРЕНО\nна заседании педагогического совета\nпротокол № 1 от 30.08.2021\nУТВЕРЖДАЮ\n"
        "Директор МБОУ СОШ № 4\nприказ от 31.08.2021 № 187\n\nПрограмма повышения качества образования\n\n"
        "1. Общие положения программы.\n"
    )
    assert (doc.date, doc.number) == ("2021-08-31", "187")


@pytest.mark.parametrize(
    ("stamp", "issuer"),
    [
        # realdocs 358: the order's line names no body, the signer's post does
        (
            ["«Утверждаю»", "Приказ №_____ от 31.08.2023 г.", "Исполняющая обязанности директора",
             "МКОУ «Талицкая основная", "общеобразовательная школа №8»", "__________________ Сидорова М. П."],
            "МКОУ «Талицкая основная общеобразовательная школа №8»",
        ),
        # the patron's name is the school's, the signer's ends it
        (
            ["УТВЕРЖДАЮ", "Директор МБОУ «Калининская школа имени М.К.Чупилко»", "Н.И. Петренко",
             "Приказ от 30.08.2022 № 214"],
            "МБОУ «Калининская школа имени М.К.Чупилко»",
        ),
        # «УТВЕРЖДЕНО приказом директора …» is approved by an order, not signed by a head
        (["УТВЕРЖДЕНО", "приказом директора МБОУ СОШ № 1", "от 31.08.2021 № 187"], None),
        # the signer's line ends the body, whatever the name's form; a common noun names no body
        (["УТВЕРЖДАЮ", "Директор МБОУ СОШ № 3", "Иванов И.И.", "Приказ № 5 от 01.09.2020"], "МБОУ СОШ № 3"),
        (["УТВЕРЖДАЮ", "Директор школы", "___ Петров П.П.", "приказ от 01.09.2020 № 5"], None),
    ],
)  # fmt: skip
def test_the_head_signing_the_stamp_names_its_body(stamp, issuer):
    found, _ = header.stamps_of([*stamp, "ПЛАН подготовки к государственной итоговой аттестации"])
    assert found.issuer == issuer


ALIGNED = """     3.   Главам  администраций  районов  города  оказать  содействие  в
благоустройстве территорий муниципальных образовательных учреждений.

   N    Наименование мероприятия            Срок            Ответственные
  п/п                                       исполнения      исполнители

 1.     Обследование технического           март - апрель   руководители МОУ,
        состояния зданий                    2012 г.         отделы образования
                                                            районов

 2.     Составление графиков ремонт-        до 20.04.2012   руководители МОУ
        ных работ

     Мэр города                                         М.А. Чернышев
"""


def test_a_table_aligned_by_spaces_is_read_by_its_columns():
    """A legal-database copy lays a table out by character position; justified prose above it, its
    spaces at random places, stays text."""
    from pipeline.parse import parse_bytes

    doc = parse_bytes(ALIGNED.encode("utf-8"), "plan.txt")
    rows = [i for i in doc.items if i.kind == "row"]
    assert [(r.number, r.activity, r.deadline, r.responsible) for r in rows] == [
        ("1.", "Обследование технического состояния зданий", "март - апрель 2012 г.",
         "руководители МОУ, отделы образования районов"),
        ("2.", "Составление графиков ремонтных работ", "до 20.04.2012", "руководители МОУ"),
    ]  # fmt: skip
    assert any("благоустройстве территорий" in i.activity for i in doc.items if i.kind != "row")


def test_page_furniture_inside_a_flattened_table_is_skipped():
    """A registry's copy keeps its page marks («watermark» / «НПА ДНР» / «3») between a table's
    cells: recurring short lines beside a page number are skipped, and the table runs on."""
    from pipeline.parse import parse_bytes

    mark = "watermark\nНПА ДНР\n{}\n"
    rows = [
        ("1.1.", "Разработка муниципальных планов", "органы управления образованием", "до 15.10.2022"),
        ("1.2.", "Назначение ответственных в школах", "руководители организаций", "октябрь 2022 г."),
        ("1.3.", "Формирование списков обучающихся", "органы управления образованием", "ноябрь 2022 г."),
        ("1.4.", "Проведение вебинара для учителей", "институт", "декабрь 2022 г."),
    ]
    text = "ПЛАН мероприятий\n" + mark.format(2) + "№ п/п\nСодержание мероприятия\nОтветственные исполнители\nСроки\n"
    for n, row in enumerate(rows):
        text += "\n".join(row) + "\n" + (mark.format(n + 3) if n % 2 else "")
    doc = parse_bytes(text.encode("utf-8"), "plan.txt")
    found = [(i.number, i.responsible, i.deadline) for i in doc.items if i.kind == "row"]
    assert found == [(r[0].rstrip("."), r[2], r[3]) for r in rows] or found == [(r[0], r[2], r[3]) for r in rows]
    assert {s.text for s in doc.skipped if s.reason == "колонтитул"} >= {"watermark", "НПА ДНР", "2", "4", "6"}


def test_aligned_tables_keep_right_aligned_numbers_and_leave_signatures_and_sign_off_lists():
    """Review cases: «10.» right-aligned under «N» stays in the number column; names signed under an
    order and the signature after a numbered table stay text; a line of many parts reads in linear time."""
    import time

    from pipeline.parse import parse_bytes
    from pipeline.readers import txt

    head = "   N    Мероприятие                         Срок            Ответственные\n\n"
    rows = "".join(f"{n:>3}.    Совещание по теме {n:<21}сентябрь        отдел образования\n\n" for n in range(1, 13))
    sign = "\n     Мэр города                                         М.А. Чернышев\n"
    doc = parse_bytes((head + rows + sign).encode("utf-8"), "plan.txt")
    found = [(i.number, i.deadline) for i in doc.items if i.kind == "row"]
    assert found == [(f"{n}.", "сентябрь") for n in range(1, 13)]
    assert doc.signatory and "Чернышев" in doc.signatory.name
    names = ("Петрова А.А.", "Сидорова Б.Б.", "Козлова В.В.")
    signed = "С приказом ознакомлены:\n\n" + "".join(f"{n}        ____________        01.09.2023\n\n" for n in names)
    assert not [i for i in parse_bytes(signed.encode("utf-8"), "order.txt").items if i.kind == "row"]
    clock = time.perf_counter()
    txt.read(("аб  " * 16000).encode("utf-8"))
    assert time.perf_counter() - clock < 2.0
    many = "Мероприятие        Срок        Ответственные\n\n" + "Работа по плану    май         отдел\n\n" * 8000
    clock = time.perf_counter()  # 8,000 unnumbered rows: each row no longer recounts the ones before
    assert len(txt.read(many.encode("utf-8"))) == 8001
    assert time.perf_counter() - clock < 2.0


def test_a_sentence_opening_with_information_is_no_report_heading():
    assert header.kind_of("Информация о ходе выполнения мероприятий представляется ежеквартально.") is None
    assert header.kind_of("Информация о выполнении плана мероприятий за I полугодие") == "отчёт"


def test_a_drafts_placeholder_number_is_no_number():
    from pipeline.parse import parse_bytes

    text = "ПРОЕКТ\nАДМИНИСТРАЦИЯ КИКВИДЗЕНСКОГО МУНИЦИПАЛЬНОГО РАЙОНА\nПОСТАНОВЛЕНИЕ\nот 00.00.2020 № 00\n"
    text += "Об утверждении муниципальной программы\n\nПОСТАНОВЛЯЮ:\n1. Утвердить программу.\n"
    doc = parse_bytes(text.encode("utf-8"), "draft.txt")
    assert doc.kind == "постановление" and doc.number is None and doc.date is None


def test_a_signature_glued_to_the_last_clause_ends_the_clauses():
    doc = _txt(
        "УКАЗ\nГУБЕРНАТОРА ОБЛАСТИ\n19.11.2009 N 226-ук\nО проведении Года учителя\nПОСТАНОВЛЯЮ:\n"
        "1. Объявить 2010 год Годом учителя.\n"
        "2. Указ вступает в силу со дня его подписания.Губернатор               А.А.Чернышев\n"
        "Приложение N 1\nк указу Губернатора области\nСОСТАВ\nорганизационного комитета\n"
    )
    clauses = [i for i in doc.items if i.kind == "clause"]
    assert clauses[-1].activity == "Указ вступает в силу со дня его подписания."
    assert doc.kind == "указ" and doc.signatory and doc.signatory.name == "Чернышев А.А."


def test_a_cell_per_line_table_whose_cell_runs_over_two_lines():
    """A cell a copy broke after a comma («отдел образования,» / «руководители РМО») is one cell: the row
    keeps its result, and the line after is no section heading (set K, 161)."""
    doc = _txt(
        "Перечень мероприятий\nN п/п\nНаименование мероприятия\nСрок исполнения\nИсполнитель\nОжидаемый результат\n"
        "1.1.\nДиагностические работы в 5 - 8 классах\nежегодно, октябрь\nотдел образования\nсправки\n"
        "1.2.\nРабота районных методических объединений\n2024 - 2026 гг.\nотдел образования,\nруководители РМО\n"
        "доля выпускников без аттестата - 0%\n"
        "1.3.\nСеминары для учителей\nпо графику\nИМЦ\nпроведено 4 семинара\n"
    )
    rows = [(i.number, i.responsible, i.result, i.section) for i in doc.items if i.kind == "row"]
    assert rows[1] == ("1.2.", "отдел образования, руководители РМО", "доля выпускников без аттестата - 0%", [])
    assert [r[0] for r in rows] == ["1.1.", "1.2.", "1.3."] and rows[2][3] == []


def test_a_cell_per_line_report_whose_last_cell_runs_on_before_a_section():
    """A report page flattened one cell per line, rows apart (set S, 274): a result cell broken over two
    lines just before «2. Работа с педагогическими кадрами» keeps both lines, the section heads the
    rows after it, and a row short of a cell stops at the next section instead of taking it as a cell."""
    doc = _txt(
        "№ п/п\nМероприятие\nСрок\nОтветственный\nИнформация об исполнении\n\n"
        "1. Организационные меры\n\n"
        "1.1\nУтверждение перечня школ\nфевраль 2023\nКомитет образования\nВыполнено\n\n"
        "1.2\nВыездные консультации кураторов\nежеквартально\nмуниципальные кураторы\n"
        "Выполнено частично: 11 выездов из 12.\nВыезд в МБОУ «Асовская СОШ» перенесен на январь.\n\n"
        "2. Работа с педагогическими кадрами\n\n"
        "2.1\nПовышение квалификации учителей\nв течение года\nруководители ОО\nОбучено 14 педагогов\n\n"
        "2.2\nПосещение уроков методистами\nоктябрь 2023\nПосещено 26 уроков\n\n"
        "3. Работа с обучающимися\n\n"
        "3.1\nВходная диагностика\nсентябрь 2023\nруководители ОО\nВыполнено\n"
    )
    rows = {i.number: i for i in doc.items if i.kind == "row"}
    assert list(rows) == ["1.1", "1.2", "2.1", "2.2", "3.1"]
    assert rows["1.2"].result == (
        "Выполнено частично: 11 выездов из 12. Выезд в МБОУ «Асовская СОШ» перенесен на январь."
    )
    assert rows["2.1"].section == ["2. Работа с педагогическими кадрами"]
    assert "Работа с обучающимися" not in (rows["2.2"].result or "") + (rows["2.2"].responsible or "")


def test_stamps_side_by_side_over_a_title_on_a_borderless_page():
    """A borderless PDF whose three stamps side by side gave the page their columns: the title lines
    under them come out as one-cell rows (set J, 143). They are the stamps and the title."""
    row = lambda *cells: Block("\t".join(cells), cells, Position(page=1))  # noqa: E731
    blocks = [
        row(
            "СОГЛАСОВАНО Директор департамента образования",
            "",
            "УТВЕРЖДЕНА приказом МАОУ СОШ № 23 от 14.06.2024 № 302-ОД",
            "СОГЛАСОВАНО Управляющим советом",
        ),
        row("", "", "Программа развития", ""),
        row("«Школа Минпросвещения»", "", "", ""),
        row("", "", "на 2024-2029 годы", ""),
        row("№", "Мероприятие", "Срок", "Ответственный"),
        row("1.", "Обновить сайт", "2024", "Ким Е.С."),
        row("2.", "Провести педсовет", "2025", "Пак О.Н."),
    ]
    doc = segment(blocks, "x.pdf")
    assert (doc.kind, doc.date, doc.number) == ("программа", "2024-06-14", "302-ОД")
    assert doc.title.startswith("Программа развития «Школа Минпросвещения»")
    assert [i.activity for i in doc.items if i.kind == "row"] == ["Обновить сайт", "Провести педсовет"]


def test_stamps_side_by_side_under_the_letterhead_over_a_title():
    """The same under the school's letterhead paragraphs (set U, 293): the stamps need not open the page."""
    row = lambda *cells: Block("\t".join(cells), cells, Position(page=1))  # noqa: E731
    blocks = [
        Block("МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ", (), Position(page=1)),
        Block("«ВЕСЕЛОВСКАЯ СРЕДНЯЯ ШКОЛА»", (), Position(page=1)),
        row("СОГЛАСОВАНО Управляющим советом", "УТВЕРЖДАЮ Директор школы Приказ от 10.01.2024 № 7-од"),
        row("Программа развития на 2024-2028 годы", ""),
        row("№", "Мероприятие", "Срок", "Ответственный"),
        row("1.", "Обновить сайт", "2024", "Ким Е.С."),
        row("2.", "Провести педсовет", "2025", "Пак О.Н."),
    ]
    doc = segment(blocks, "x.pdf")
    assert (doc.kind, doc.date, doc.number) == ("программа", "2024-01-10", "7-од")
    assert doc.title == "Программа развития на 2024-2028 годы"
    assert [i.activity for i in doc.items if i.kind == "row"] == ["Обновить сайт", "Провести педсовет"]


def test_what_the_glued_signature_and_carried_cells_must_not_do():
    """Found in review: «г.Кызыла А.А. Иванова» is no signature; a cell ending in «и» does not take the
    next row's number when the numbering skips; a long chain of carried lines reads in linear time."""
    import time

    from pipeline.segment.layout import _pieces

    clause = "3. Контроль возложить на начальника отдела образования администрации г.Кызыла А.А. Иванова"
    assert _pieces(clause) == [clause]
    doc = _txt(
        "План\nN п/п\nМероприятие\nСрок\nОтветственный\n1.\nСеминар\nмарт\nИванов И.И.\n"
        "2.\nУрок\nапрель\nПетров П.П.\n3.\nВебинар\nмай\nметодисты ИМЦ и\n5.\nКонференция\nиюнь\nСидоров С.С.\n"
    )
    rows = [(i.number, i.responsible) for i in doc.items if i.kind == "row"]
    assert rows[2] == ("3.", "методисты ИМЦ и") and rows[3] == ("5.", "Сидоров С.С.")
    start = time.perf_counter()
    _txt("План\nN п/п\nМероприятие\nСрок\nОтветственный\n1.\nСеминар\nмарт\n" + "учителя,\n" * 10_000)
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize(
    ("head", "date", "number"),
    [
        # 191: a site's own date above the act's line with a two-digit year
        (
            "Четверг, 05.09.2013, 14:22\nПРИКАЗ\n04.09.13                    № 01-08/112\nр.п. Земетчино",
            "2013-09-04",
            "01-08/112",
        ),
        # 182: a kindergarten's number in its name is not the act's
        ("МБДОУ детский сад №18 «Алёнушка»\nПРИКАЗ\n01.09.2022 г. Пролетарск №26/1", "2022-09-01", "26/1"),
    ],
)
def test_the_line_with_both_date_and_number_dates_the_act(head, date, number):
    assert header.date_and_number(head.split("\n")) == (date, number)
    assert header.date_and_number(["МАДОУ № 3 «Ромашка»", "ПРИКАЗ", "от 12 мая 2021 года"]) == ("2021-05-12", None)


def test_a_legal_databases_notes_on_amendments_do_not_date_the_act_but_tell_its_region():
    """188: garant's «Приложение изменено с … - Постановление … Ивановской области от … N 1372» above the
    annex's own stamp «от 3 декабря 2013 г. N 1565»."""
    doc = _txt(
        "Приложение изменено с 1 января 2019 г. - Постановление Администрации муниципального образования "
        '"Родниковский муниципальный район" Ивановской области от 27 ноября 2018 г. N 1372\n'
        "Изменения распространяются на правоотношения, возникшие с 1 января 2019 г.\n"
        "См. предыдущую редакцию\n"
        'Приложение\nк постановлению\nадминистрации муниципального\nобразования "Родниковский\n'
        'муниципальный район"\nот 3 декабря 2013 г. N 1565\n'
        "Муниципальная программа\n"
        '"Развитие образования Родниковского муниципального района"\n'
    )
    assert (doc.date, doc.number, doc.region) == ("2013-12-03", "1565", "Ивановская область")
    notes = [s.text for s in doc.skipped if s.reason == "примечание правовой базы"]
    assert len(notes) == 3 and notes[0].startswith("Приложение изменено с 1 января 2019 г.")


def test_a_protocols_number_under_a_heading_of_several_lines():
    """184: «ПРОТОКОЛ / заседания … группы / по подготовке … / в 2017 году» over «11 мая 2017 года   № 2»."""
    doc = _txt(
        "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ\nадминистрации Тайшетского района\n\nПРОТОКОЛ\n\n"
        "заседания межведомственной координационной группы\nпо подготовке и проведению государственной "
        "итоговой аттестации\nв 2017 году\n\n11 мая 2017 года                    № 2\n\nг. Тайшет\n\n"
        "Председатель – Семчишина Л.В., начальник Управления образования.\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("протокол", "2017-05-11", "2")


def test_clauses_printed_without_numbers():
    """182: the first clause plain, the others behind «•»; a «•» list inside a numbered clause stays in it."""
    doc = _txt(
        "ПРИКАЗ\n01.09.2022 № 26/1\nО внедрении наставничества\nПРИКАЗЫВАЮ:\n"
        "Ввести с 1 сентября 2022 года целевую модель наставничества.\n"
        "• Куратором назначить заведующего Пономарёву Е.А.\n"
        "• Утвердить дорожную карту (приложение №2).\n"
        "• Контроль за исполнением приказа оставляю за собой.\n"
        "Заведующий МБДОУ №18                 Е.А. Пономарёва\n"
    )
    clauses = [i for i in doc.items if i.kind == "clause"]
    assert [c.activity[:20] for c in clauses] == [
        "Ввести с 1 сентября ",
        "Куратором назначить ",
        "Утвердить дорожную к",
        "Контроль за исполнен",
    ]
    assert all(c.number is None for c in clauses)
    listed = _txt(
        "ПРИКАЗ\nот 01.02.2020 № 5\nО плане\nПРИКАЗЫВАЮ:\n1. Утвердить:\n• положение о конкурсе;\n"
        "• состав жюри.\n2. Контроль оставляю за собой.\n"
    )
    assert [(c.number, c.activity) for c in listed.items if c.kind == "clause"] == [
        ("1", "Утвердить:\n• положение о конкурсе;\n• состав жюри."),
        ("2", "Контроль оставляю за собой."),
    ]


def test_a_kind_in_quotes_opens_the_title():
    """178: «"Дорожная карта" реализации целевой модели наставничества …» is a roadmap; a quoted act
    title is no kind."""
    assert header.kind_of("«Дорожная карта» реализации целевой модели наставничества") == "дорожная карта"
    assert header.kind_of("«Об утверждении плана» и его исполнение") is None


@pytest.mark.parametrize("blank", ["от «___» ____________ 20___ г. № ______", "от «_» 20_ г. №"])
def test_an_approving_stamp_left_blank_leaves_the_plan_undated(blank):
    """181: «РАССМОТРЕН … протокол № 1 от 30.08.2021» beside «УТВЕРЖДЕН приказом … от «___» … 20___ г.»:
    the meeting's date is not the plan's."""
    head = [
        "МКОУ «Кожильская СОШ с/х направления»",
        "РАССМОТРЕН\nна заседании педагогического совета\nпротокол № 1 от 30.08.2021 г.",
        f"УТВЕРЖДЕН\nприказом директора\nМКОУ «Кожильская СОШ»\n{blank}\nС.В. Поздеева",
        "ПЛАН МЕРОПРИЯТИЙ",
    ]
    assert header.stamps_of(head) == (None, {1, 2})
    filled = [*head[:2], "УТВЕРЖДЕН\nприказом директора\nот 31.08.2021 № 45", head[3]]
    stamp, _ = header.stamps_of(filled)
    assert (stamp.act.date, stamp.act.number) == ("2021-08-31", "45")


def test_review_a_letters_reply_line_a_wrapped_stamp_and_a_section_number_are_not_the_acts():
    # «На № 123 от 01.02.2020» answers another letter
    assert header.date_and_number(["от 05.03.2020", "№ 456-01", "На № 123 от 01.02.2020"]) == ("2020-03-05", "456-01")
    # a filled-in stamp whose line wraps after «№» is not a blank form
    head = [
        "РАССМОТРЕНО\nна заседании педагогического совета\nпротокол № 1 от 30.08.2021",
        "УТВЕРЖДАЮ\nДиректор МБОУ СОШ №\n5 г. Смоленска\nИ.И. Иванов",
        "ПЛАН работы",
    ]
    stamp, _ = header.stamps_of(head)
    assert stamp is not None and stamp.act.date == "2021-08-30"
    from pipeline.dates import parse_date

    assert parse_date("пунктом 3.1.12 N 273") is None and parse_date("04.09.13   № 5") == "2013-09-04"


def test_review_unnumbered_clauses_keep_their_lists_and_follow_one_another():
    listed = _txt(
        "ПРИКАЗ\nот 01.02.2021 № 5\nО плане\nПРИКАЗЫВАЮ:\nУтвердить:\n• положение о конкурсе;\n"
        "• план мероприятий;\n• состав рабочей группы.\n• Контроль за исполнением оставляю за собой.\n"
    )
    assert [c.activity for c in listed.items if c.kind == "clause"] == [
        "Утвердить:\n• положение о конкурсе;\n• план мероприятий;\n• состав рабочей группы.",
        "Контроль за исполнением оставляю за собой.",
    ]
    plain = _txt(
        "ПРИКАЗ\nот 01.02.2021 № 5\nО плане\nПРИКАЗЫВАЮ:\nУтвердить план мероприятий на 2021 год.\n"
        "Назначить ответственным Иванову И.И., методиста.\nПровести мониторинг до 1 декабря 2021 года.\n"
    )
    assert [c.activity[:9] for c in plain.items if c.kind == "clause"] == ["Утвердить", "Назначить", "Провести "]


def test_review_an_acts_own_sentence_about_amendments_is_no_database_note():
    doc = _txt(
        "ПОСТАНОВЛЕНИЕ\nот 10.02.2021 № 12\nО внесении изменений в постановление\nПОСТАНОВЛЯЮ:\n"
        "1. Внести изменения в программу.\n2. Настоящее постановление вступает в силу со дня подписания.\n"
        "Изменения распространяются на правоотношения, возникшие с 1 января 2021 года.\n"
    )
    assert not [s for s in doc.skipped if s.reason == "примечание правовой базы"]


def test_an_empty_cell_closed_by_its_mark_keeps_the_columns_in_place():
    """193: a site's table copied a cell per line, «|» alone closing the empty «Корректировка плана»."""
    cells = ["№", "Мероприятия", "Срок исполнения", "Корректировка плана", "Ответственные"]
    rows = [
        ["1.", "Подготовка приказа о назначении школьного администратора ЕГЭ.", "Август", "", "Т.И.Иванова"],
        ["2.", "Контроль за подготовкой учащихся 11 класса к ЕГЭ.", "Сентябрь-май", "", "Т.В.Петрова"],
        ["3.", "Индивидуальные консультации выпускников.", "Сентябрь-июнь", "", "Т.В.Петрова"],
    ]
    text = "План-график\n" + "\n".join(f"{c} |" if c else "|" for row in [cells, *rows] for c in row) + "\n"
    items = [i for i in _txt(text).items if i.kind == "row"]
    assert [(i.deadline, i.responsible) for i in items] == [(r[2], r[4]) for r in rows]


def test_a_labelled_cell_running_on_and_a_signature_after_the_clauses():
    """203: «Ответственные: …,» wraps to the next line; the clauses after it are no signer's position."""
    doc = _txt(
        "РЕШЕНИЕ\nот 22.09.2004 № 5/2\nКоллегия решила:\n"
        "1. Обеспечить прохождение курсов учителями математики.\n"
        "Срок: в течение учебного года\nОтветственные: руководители органов управления образованием,\n"
        "Псковский областной институт повышения квалификации\n"
        "2. Провести пробное тестирование выпускников.\nСрок: март 2005 г.\n"
        "3. Контроль за исполнением решения возложить на заместителя начальника.\n"
        "Председатель коллегии В.Н. Пашков\n"
    )
    clauses = [i for i in doc.items if i.kind == "clause"]
    assert [c.number for c in clauses] == ["1", "2", "3"]
    assert clauses[0].responsible.endswith("образованием, Псковский областной институт повышения квалификации")
    assert doc.signatory.name == "Пашков В.Н." and "Провести" not in (doc.signatory.position or "")


def test_an_acts_date_and_number_under_its_signature():
    """Decrees and some orders print «12.09.2023 № 512» under the signer's name, not in the letterhead."""
    doc = _txt(
        "ПРИКАЗ\nОб утверждении плана\nПРИКАЗЫВАЮ:\n1. Утвердить план.\nНачальник управления И.И. Иванов\n"
        "г. Иваново\n12.09.2023 № 512\nПриложение к приказу\nПлан мероприятий\n"
    )
    assert (doc.date, doc.number) == ("2023-09-12", "512")
    assert "12.09.2023 № 512" in doc.header and doc.coverage.share >= 0.98


def test_reports_by_other_names():
    assert header.kind_of("Публичный доклад") == "отчёт"
    assert header.kind_of("Аналитическая справка по итогам ВПР") == "отчёт"
    assert header.kind_of("Справочник педагога") is None


def test_a_capitals_letterhead_keeps_the_regions_proper_names_and_a_federal_city_no_municipality():
    doc = _txt("ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ И НАУКИ ГОРОДА МОСКВЫ\nПРИКАЗ\nот 05.03.2021 № 123\nОб утверждении плана\n")
    assert doc.issuer == "Департамент образования и науки города Москвы" and doc.municipality is None
    doc = _txt("МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ РЕСПУБЛИКИ САХА (ЯКУТИЯ)\nПРИКАЗ\nот 05.03.2021 № 123\n")
    assert doc.issuer == "Министерство образования и науки Республики Саха (Якутия)"


def test_a_copy_that_ends_rows_with_one_mark_keeps_them_as_row_ends():
    """A review's inputs: «|» alone after the header's cells ends each row; in a passport too."""
    rows = ["Совещание с педагогами |", "сентябрь |", "Иванов И.И. |", "|", "Родительское собрание |", "октябрь |"]
    doc = _txt(
        "План мероприятий\nМероприятие |\nСрок |\nОтветственный |\n|\n" + "\n".join(rows) + "\nПетрова А.А. |\n|\n"
    )
    assert [(i.activity, i.deadline) for i in doc.items if i.kind == "row"] == [
        ("Совещание с педагогами", "сентябрь"),
        ("Родительское собрание", "октябрь"),
    ]
    doc = _txt(
        "Паспорт программы\nНаименование программы |\nПрограмма развития школы |\n|\nСроки реализации |\n"
        "2024-2026 годы |\n|\nИсполнители |\nАдминистрация школы |\n|\n"
    )
    assert "Сроки реализации: 2024-2026 годы" in [i.activity for i in doc.items]


def test_a_direction_repeated_in_every_row_is_no_activity():
    headers = ["№", "Направление работы", "Мероприятие", "Срок", "Ответственный"]
    data = [
        ["1", "Работа с педагогами", "", "", ""],
        ["1.1", "Работа с педагогами", "Педагогический совет", "август", "Директор"],
        ["1.2", "Работа с педагогами", "Методический семинар", "октябрь", "Заместитель директора"],
    ]
    assert columns.assign(headers, data)[1:3] == ["description", "activity"]


def test_a_labelled_field_never_runs_on_into_the_signature():
    doc = _txt(
        "ПРИКАЗ\n01.09.2024 № 120\nО проведении олимпиады\nПРИКАЗЫВАЮ:\n1. Провести олимпиаду.\n"
        "2. Контроль оставляю за собой.\nОтветственный: заместитель директора Петрова П.П.,\n"
        "Директор школы С.С. Сидоров\n"
    )
    clauses = [i for i in doc.items if i.kind == "clause"]
    assert "Сидоров" not in (clauses[-1].responsible or "") and doc.signatory.name == "Сидоров С.С."


def test_a_list_of_schools_flattened_one_cell_per_line_keeps_each_row_whole():
    # a legal database's copy: every line a paragraph, the list's row numbers bare on their lines
    lines = ["ПЕРЕЧЕНЬ школ", "N п/п", "Муниципальное образование", "Наименование общеобразовательной организации"]
    listed = [
        ("Курский район", "МКОУ «Полевская СОШ»"),
        ("Обоянский район", "МКОУ «Обоянская СОШ № 2»"),
        ("город Щигры", "МКОУ «СОШ № 1»"),
    ]
    for n, (place, school) in enumerate(listed, start=1):
        lines += [str(n), place, school]
    rows = [i for i in _txt("\n\n".join(lines)).items if i.kind == "row"]
    assert [(r.number, r.activity, r.description) for r in rows] == [
        (str(n), school, place) for n, (place, school) in enumerate(listed, start=1)
    ]
    # page numbers pages apart stay page furniture
    text = "\n\n".join(["Текст первой страницы."] * 12 + ["1"] + ["Текст второй страницы."] * 12 + ["2", "Конец."])
    assert "1" not in [i.activity for i in _txt(text).items]


def test_page_numbers_of_a_page_less_copy_stay_out_of_its_clauses():
    parts = ["ПРИКАЗ", "1. Утвердить план работы.", "Текст.", "Ещё текст.", "2. Назначить ответственным за план",
             "2", "заведующего методическим кабинетом.", "Абзац.", "Ещё абзац.", "3. Провести мониторинг", "3",
             "результатов участия педагогов в конкурсах."]  # fmt: skip
    items = _txt("\n\n".join(parts)).items
    assert not any(re.search(r"\s[23]\s", i.activity) for i in items)


def test_a_list_short_of_a_cell_does_not_take_the_prose_after_it():
    lines = ["N п/п", "Муниципальное образование", "Наименование общеобразовательной организации"]
    lines += ["1", "Курский район", "МКОУ «Полевская СОШ»", "2", "Обоянский район", "МКОУ «Обоянская СОШ № 2»"]
    lines += ["3", "город Щигры", "Руководителям школ обеспечить участие в семинаре."]
    items = _txt("\n\n".join(lines)).items
    assert not any(i.kind == "row" and "семинаре" in i.activity for i in items)


def test_a_copy_with_one_mark_alone_after_every_cell_keeps_rows_whose_numbers_restart():
    """Garant's copies put «|» on the line after each cell and end no row; numbers restart per section."""
    cells = ["N п/п", "Направления деятельности", "Сроки", "Ответственные лица", "I. Нормативное сопровождение"]
    cells += ["1", "Актуализация нормативных актов", "в течение всего периода", "Б.С. Муртазов"]
    cells += ["II. Организационное сопровождение", "1", "Подготовка плана на месяц", "до 25 числа", "Ф.Л. Балкизова"]
    cells += ["2", "Издание приказов", "январь-май 2014", "Б.С. Муртазов"]
    rows = [i for i in _txt("Дорожная карта\n" + "".join(f"{c}\n|\n" for c in cells)).items if i.kind == "row"]
    assert [(r.number, r.activity, r.deadline, r.section[-1]) for r in rows] == [
        ("1", "Актуализация нормативных актов", "в течение всего периода", "I. Нормативное сопровождение"),
        ("1", "Подготовка плана на месяц", "до 25 числа", "II. Организационное сопровождение"),
        ("2", "Издание приказов", "январь-май 2014", "II. Организационное сопровождение"),
    ]


def test_a_help_desk_phone_line_and_a_repeal_note_in_capitals_are_not_the_acts():
    doc = _txt(
        "Москва и Московская область: 8 (499) 350-55-06 доб. 192\n\n"
        "УТРАТИЛ СИЛУ – УКАЗ ГЛАВЫ РЕСПУБЛИКИ ОТ 13.12.2019 № 896\n\nАДМИНИСТРАЦИЯ ОЗЁРСКОГО ГОРОДСКОГО ОКРУГА\n"
        "КАЛИНИНГРАДСКОЙ ОБЛАСТИ\n\nПОСТАНОВЛЕНИЕ\n\n«21» октября 2020 года № 1072\n\nОб утверждении плана\n\n"
        "ПОСТАНОВЛЯЕТ:\n\n1. Утвердить план.\n"
    )
    assert (doc.region, doc.date, doc.number) == ("Калининградская область", "2020-10-21", "1072")


def test_a_report_dated_under_its_signature_takes_that_date():
    doc = _txt(
        "ОТЧЁТ о выполнении плана мероприятий\n\n№\tМероприятие\tСрок\tОтметка о выполнении\n"
        "1\tПедагогический совет\tсентябрь\tВыполнено\n2\tСеминар для учителей\tноябрь\tВыполнено\n\n"
        "Директор школы ____________ С.В. Рыбакова\n\n31.01.2022\n"
    )
    assert doc.date == "2022-01-31" and doc.signatory.name == "Рыбакова С.В."
    assert "31.01.2022" not in [i.activity for i in doc.items]


_STAGED_EDGES = [60.0, 90.0, 180.0, 300.0, 400.0]


def _staged_line(top: float, *cells: tuple[int, str]):
    """A borderless PDF's line of a five-column staged table: (column, text) per cell."""
    from pipeline.readers.pdf_columns import Line, Segment

    return Line(top, top + 9, [Segment(_STAGED_EDGES[c], _STAGED_EDGES[c] + 40, t) for c, t in cells])


def test_a_stages_number_merged_down_over_its_rows_of_a_borderless_pdf_is_each_rows():
    from pipeline.readers.pdf_columns import _rows

    line, edges = _staged_line, _STAGED_EDGES
    region = [
        line(100, (0, "№"), (1, "Этап"), (2, "Мероприятие"), (3, "Срок"), (4, "Ответственный")),
        line(120, (0, "1."), (1, "Диагностика"), (2, "Анализ оценки"), (3, "до 25.10"), (4, "методический отдел")),
        line(131, (2, "результатов"), (4, "комитета")),
        line(148, (2, "Самодиагностика"), (3, "до 01.11"), (4, "руководители ОО")),  # a gap: the stage's next row
        line(159, (2, "школ")),
        line(176, (0, "2."), (1, "Планы"), (2, "Разработка планов"), (3, "до 15.11"), (4, "руководители ОО")),
    ]
    rows = [cells for _, cells in _rows(region, edges)]
    assert [(r[0], r[2], r[3]) for r in rows[1:]] == [
        ("1.", "Анализ оценки результатов", "до 25.10"),
        ("1.", "Самодиагностика школ", "до 01.11"),
        ("2.", "Разработка планов", "до 15.11"),
    ]
    # without a stage column the same gap is a paragraph break inside the numbered row
    region[0] = line(100, (0, "№"), (1, "Задача"), (2, "Мероприятие"), (3, "Срок"), (4, "Ответственный"))
    assert len(_rows(region, edges)) == 3


def test_legal_database_notes_between_cells_and_clauses_are_not_the_acts():
    cells = ["N п/п", "Наименование мероприятия", "Срок", "Ответственный"]
    head = "".join(f"{c} |\n" for c in cells)
    text = (
        "Наименование изменено. - Постановление Администрации района от 29 октября 2018 г. N 873\n"
        "Постановление Администрации района\nот 12 сентября 2014 г. N 1212\nПлан\n" + head
        + "Задача 1. Доступность образования | |||\n1.1. |\nДиагностика |\n2016 - 2020 гг. |\nОтдел образования |\n"
        "Информация об изменениях:\nПункт 1.2 изменен с 10 февраля 2022 г. - Постановление Администрации района"
        " от 10 февраля 2022 г. N 98\nСм. предыдущую редакцию\n1.2. |\nНаставничество |\n2021 - 2024 годы |\n"
        "Методический кабинет |\n"
    )
    doc = _txt(text)
    assert (doc.date, doc.number) == ("2014-09-12", "1212")
    assert [(i.number, i.deadline) for i in doc.items if i.kind == "row"] == [
        ("1.1.", "2016 - 2020 гг."),
        ("1.2.", "2021 - 2024 годы"),
    ]
    clauses = _txt(
        "ПОСТАНОВЛЕНИЕ\n\nПОСТАНОВЛЯЮ:\n\n1. Утвердить критерии.\n\n2. Департаменту образования:\n\n"
        "2.1. ежегодно проводить оценку.\n(Подпункт дополнительно включен постановлением Администрации от 26"
        " сентября 2014 года N 1457)\n\n3. Официально опубликовать настоящее постановление.\n"
    ).items
    assert [i.number for i in clauses if i.kind == "clause"] == ["1", "2", "2.1", "3"]
    # the database's comment «ГАРАНТ:» and its cross-reference between two clauses (realdocs 368)
    garant = _txt(
        "ПРИКАЗ\n\nприказываю:\n1. Утвердить план сопровождения школ.\nГАРАНТ:\nСм. перечень организаций,"
        " работающих в режиме ресурсного центра\n2. Отделу общего образования обеспечить координацию.\n"
        "3. Контроль за исполнением приказа оставляю за собой.\n"
    )
    assert [i.number for i in garant.items if i.kind == "clause"] == ["1", "2", "3"]
    assert "См. перечень организаций, работающих в режиме ресурсного центра" in [s.text for s in garant.skipped]
    for comment in ("ГАРАНТ:\n\nСм. перечень организаций\n\n", "ГАРАНТ: См. перечень организаций\n"):
        text = f"ПРИКАЗ\n\nприказываю:\n1. Утвердить план.\n{comment}2. Обеспечить координацию.\n3. Контроль.\n"
        assert [i.number for i in _txt(text).items if i.kind == "clause"] == ["1", "2", "3"], comment


def test_a_review_of_the_lone_mark_tables_and_the_page_furniture():
    """A review's inputs: a lone-mark header of unknown columns is left as text (no rows of a guessed
    width), the next annex's heading is not swallowed into a cell, a heading closed by «| ||» heads a
    table without numbers, and a print footer without letters is still page furniture."""
    unknown = "Перечень\nN п/п\n|\nНаименование мероприятия\n|\nГРБС\n|\nСумма, тыс. руб.\n|\n"
    unknown += "1.\n|\nКонкурс\n|\n078\n|\n"
    doc = _txt(unknown + "240,0\n|\n")
    assert not [i for i in doc.items if i.kind == "row"] and "ГРБС" not in doc.coverage.lost
    table = "N п/п\n|\nНаименование мероприятия\n|\nСрок исполнения\n|\nОтветственный исполнитель\n|\n"
    first = table + "1.1.\n|\nДиагностика\n|\n2016 г.\n|\nУправление образования\n|\n"
    second = "Приложение 4\nк муниципальной программе\nПеречень мероприятий\n" + table
    second += "1.\n|\nКонкурс «Учитель года»\n|\n2017 г.\n|\nМБУ ИМЦ\n|\n"
    doc = _txt(first + second)
    assert [(i.number, i.activity) for i in doc.items if i.kind == "row"] == [
        ("1.1.", "Диагностика"),
        ("1.", "Конкурс «Учитель года»"),
    ]
    assert doc.coverage.share == 1.0
    plain = "Наименование мероприятия\n|\nСрок исполнения\n|\nОтветственный исполнитель\n|\n"
    plain += "Раздел 1. Организация\n| ||\n"
    plain += "Совещание\n|\nсентябрь\n|\nУправление образования\n|\nКонкурс\n|\nфевраль\n|\nИМЦ\n|\n"
    rows = [i for i in _txt(plain).items if i.kind == "row"]
    assert [(r.activity, r.responsible, r.section) for r in rows] == [
        ("Совещание", "Управление образования", ["Раздел 1. Организация"]),
        ("Конкурс", "ИМЦ", ["Раздел 1. Организация"]),
    ]
    parts = ["ПРИКАЗ"]
    for n in range(1, 5):
        parts += [f"{n}. Провести мероприятие номер {n} для учащихся школ района.", "12.03.2020 10:15", str(n + 1)]
    doc = _txt("\n".join(parts))
    assert [i.number for i in doc.items if i.kind == "clause"] == ["1", "2", "3", "4"]


def test_an_address_line_with_a_phone_keeps_the_letterheads_region():
    doc = _txt(
        "МБОУ «СОШ № 5»\n456300, Челябинская область, г. Миасс, ул. Ленина, д. 5, тел.: 8 (3513) 55-12-34\nПРИКАЗ\n"
        "от 12.09.2023 № 145\nО проведении олимпиады\nПРИКАЗЫВАЮ:\n1. Провести олимпиаду.\n"
    )
    assert doc.region == "Челябинская область"


def test_a_staged_tables_rows_never_take_the_headers_number_sign():
    from pipeline.readers.pdf_columns import _rows

    line, edges = _staged_line, _STAGED_EDGES
    region = [
        line(100, (0, "№"), (1, "Этап"), (2, "Мероприятие"), (3, "Срок"), (4, "Ответственный")),
        line(125, (2, "Совещание директоров"), (3, "сентябрь"), (4, "Иванова А.А.")),
        line(150, (0, "1."), (1, "Подготовительный"), (2, "Семинар"), (3, "октябрь"), (4, "Петрова Б.Б.")),
        line(175, (0, "2."), (1, "Основной"), (2, "Уроки"), (3, "февраль"), (4, "Руководители ШМО")),
    ]
    assert "№" not in [cells[0] for _, cells in _rows(region, edges)[1:]]


def test_set_p_forms_decisions_with_labelled_sentences_a_stamps_act_line_and_a_senders_table():
    rows = [
        i
        for i in _txt(
            "Решение педагогического совета:\n\n1. Информацию принять к сведению.\n\n2. Руководителям ШМО провести"
            " анализ диагностики. Срок: до 25.11.2017. Ответственные: руководители ШМО.\n\n3. Учителям включать"
            " задания ВПР в уроки. Срок: постоянно. Ответственные: учителя-предметники.\n"
        ).items
        if i.kind == "row"
    ]
    assert [(r.activity, r.deadline) for r in rows[1:]] == [
        ("Руководителям ШМО провести анализ диагностики.", "до 25.11.2017"),
        ("Учителям включать задания ВПР в уроки.", "постоянно"),
    ]
    doc = _txt(
        "УТВЕРЖДАЮ\nПриказ МКОУ СОШ п. Тимофеевка\nот 08.12.2024г №123А\nПРИНЯТО\nРешением педагогического совета\n"
        "(Протокол №4 от 06.12.2024г)\nПРОГРАММА РАЗВИТИЯ\nМКОУ «СОШ п. Тимофеевка» на 2024-2027 годы\n\n"
        "1. Цель программы: повышение качества образования.\n"
    )
    assert (doc.kind, doc.date, doc.number, doc.issuer) == ("программа", "2024-12-08", "123А", "МКОУ СОШ п. Тимофеевка")
    letter = segment(
        [
            Block("Отдел образования\tМинистерство образования", ("Отдел образования\nот 16.01.2023 № 45",
                  "Министерство образования\nИркутской области"), Position(line=1)),
            Block("ОТЧЁТ\nо реализации дорожной карты за 2022 год", (), Position(line=2)),
            Block("№\tМероприятие\tСрок\tОтветственный", ("№", "Мероприятие", "Срок", "Ответственный"),
                  Position(line=3)),
            Block("1\tСовещание\tфевраль\tОтдел", ("1", "Совещание", "февраль", "Отдел"), Position(line=4)),
        ],
        "x.pdf",
    )  # fmt: skip
    assert (letter.kind, letter.date, letter.number) == ("отчёт", "2023-01-16", "45")


def test_a_decisions_labels_after_a_dash_in_its_own_paragraph():
    rows = [
        i
        for i in _txt(
            "РЕШИЛИ:\n\n1.1. Информацию принять к сведению.\n\n1.2. Подготовить документы для комиссии – срок: до"
            " 18.08.2017; ответственные: руководители образовательных организаций.\n\n1.3. Обеспечить присутствие"
            " руководителя – срок: с 27.07.2017 по 18.08.2017; ответственные: Пучкова О.А.\n"
        ).items
        if i.kind == "row"
    ]
    assert [(r.activity, r.deadline) for r in rows[1:]] == [
        ("Подготовить документы для комиссии", "до 18.08.2017"),
        ("Обеспечить присутствие руководителя", "с 27.07.2017 по 18.08.2017"),
    ]


def test_a_second_review_of_labels_stamps_and_letterheads():
    # one label closing a regulation's sentence is no plan; labels with a next sentence are not values
    doc = _txt(
        "ПОЛОЖЕНИЕ о конкурсе\n\n1.1. Конкурс проводится отделом образования. Сроки проведения: март-апрель 2024"
        " года.\n\n1.2. Заявки принимаются в электронном виде. Срок: до 1 марта 2024 года.\n"
    )
    assert not [i for i in doc.items if i.kind == "row"]
    # the document's own order heading under «УТВЕРЖДАЮ» is not the stamp's act
    doc = _txt(
        "УТВЕРЖДАЮ\nПриказ по МБОУ СОШ № 5 г. Томска\nот 01.09.2024 № 120\nО назначении ответственных\n"
        "ПРИКАЗЫВАЮ:\n1. Назначить ответственных.\n"
    )
    assert doc.kind == "приказ"
    # a plan's rows naming a body first stay rows
    rows = segment(
        [
            Block("a", ("Отдел образования", "Совещание руководителей ОО", "январь 2024"), Position(line=1)),
            Block("b", ("Управление образования", "Семинар для заместителей", "февраль 2024"), Position(line=2)),
            Block("ПЛАН мероприятий на 2024 год", (), Position(line=3)),
        ],
        "x.docx",
    ).items
    assert sum(i.kind == "row" for i in rows) == 2


def test_a_title_above_a_lone_mark_table_stays_the_documents_heading():
    cells = ["№№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный исполнитель"]
    cells += ["1.", "Совещание директоров", "январь 2024", "Отдел образования"]
    doc = _txt("План мероприятий\n\n" + "".join(f"{c}\n|\n" for c in cells))
    assert doc.kind == "план мероприятий" and [i.activity for i in doc.items if i.kind == "row"] == [
        "Совещание директоров"
    ]
    split = "N\nп/п\n|\n" + "".join(f"{c}\n|\n" for c in cells[1:])
    assert [i.number for i in _txt("План\n\n" + split).items if i.kind == "row"] == ["1."]


def test_a_budget_holder_column_is_not_who_does_the_row():
    """A programme's «ГРБС» (главный распорядитель бюджетных средств) pays; «Исполнитель» does the row."""
    from pipeline.parse import parse_bytes

    assert columns.header_role("ГРБС")[0] == "note"
    assert columns.header_role("Главный распорядитель бюджетных средств")[0] == "note"
    assert columns.header_role("Ответственный исполнитель, ГРБС")[0] == "responsible"
    text = (
        "Перечень мероприятий программы\n\n"
        "| № | Наименование мероприятия | ГРБС | Исполнитель | Результат |\n|---|---|---|---|---|\n"
        "| 1.1. | Курсы для учителей математики | Управление образования | общеобразовательные организации "
        "| 40 учителей |\n"
        "| 1.2. | Методический десант в школы | Управление образования | районный методический кабинет "
        "| 6 школ |\n"
    )
    rows = [i for i in parse_bytes(text.encode("utf-8"), "programme.txt").items if i.kind == "row"]
    assert [r.responsible for r in rows] == ["общеобразовательные организации", "районный методический кабинет"]


def test_a_money_column_split_into_its_total_and_years_in_a_cell_per_line_copy():
    """A legal database's cell-per-line copy (set L, 121) prints «Объем финансирования» over «всего |
    2008 год | 2009 год»: the total and the years split the money column, not the deadline's."""
    cells = [
        "N п/п", "Наименование мероприятия", "Срок исполнения", "Исполнитель", "Объем финансирования, тыс. рублей",
        "Ожидаемый результат", "всего", "2008 год", "2009 год", "1", "2", "3", "4", "5", "6", "7", "8", "1.1.",
    ]  # fmt: skip
    header, start = flat_tables._spanned_header(cells, 6)
    assert header == (
        "N п/п", "Наименование мероприятия", "Срок исполнения", "Исполнитель",
        "Объем финансирования, тыс. рублей всего", "Объем финансирования, тыс. рублей 2008 год",
        "Объем финансирования, тыс. рублей 2009 год", "Ожидаемый результат",
    )  # fmt: skip
    assert cells[start] == "1"


def test_review_what_todays_head_and_column_rules_must_not_do():
    """Found in review: «Отдел» read as a verb once its capital was cut off; a numbered line of news
    taken for a programme's passport heading; a header naming the executor beside «ГРБС»; a report's
    column «Утверждено, тыс. руб.» taken for a stamp."""
    from pipeline.parse import parse_bytes

    letterhead = "Отдел образования Администрации муниципального образования «Дорогобужский район» Смоленской обл."
    assert header.issuer_of([letterhead]) == letterhead
    assert header.measures_kind(["Новости", "1. Мероприятия в рамках программы «Точка роста» прошли в школах."]) is None
    assert header.measures_kind(["1. Паспорт\nмуниципальной программы «Развитие образования»"]) == "программа"
    both = "Главный распорядитель бюджетных средств (ответственный исполнитель)"
    assert columns.header_role(both)[0] == "responsible"
    text = (
        "Управление образования администрации города Кургана\n"
        "Исполнение мероприятий муниципальной программы «Развитие образования» за 2023 год\n"
        "| № | Мероприятие | Утверждено, тыс. руб. | Исполнено, тыс. руб. | Ответственный |\n|---|---|---|---|---|\n"
        "| 1 | Проведение муниципального конкурса «Учитель года» | 150,0 | 148,5 | Управление образования |\n"
        "| 2 | Семинар для заместителей директоров | 20,0 | 20,0 | ИМЦ |\n"
    )
    rows = [i for i in parse_bytes(text.encode("utf-8"), "x.txt").items if i.kind == "row"]
    assert [(r.activity, r.responsible) for r in rows] == [
        ("Проведение муниципального конкурса «Учитель года»", "Управление образования"),
        ("Семинар для заместителей директоров", "ИМЦ"),
    ]


def test_an_amended_annex_is_dated_by_its_own_act_not_the_amending_one():
    """A programme amended in place prints the amending act's annex label, then its own label quoted as
    the new wording (set U, 298): the document is the programme its own act approved."""
    stamp, at = header.stamps_of(
        [
            "Приложение\nк постановлению\nот 07.11.2022 N 1040\nадминистрации МО -\nМилославский район",
            '"Приложение 2\nк постановлению\nот 16.10.2017 N 362а\nадминистрации МО -\nМилославский район',
            "Муниципальная программа «Развитие образования»",
        ]
    )
    assert (stamp.act.date, stamp.act.number) == ("2017-10-16", "362а") and at == {0, 1}
    stamp, _ = header.stamps_of(["Приложение\nк постановлению\nот 07.11.2022 N 1040", "Муниципальная программа"])
    assert stamp.act.number == "1040"


def test_a_sites_menu_of_districts_names_no_municipality():
    """A legal portal's copy opens with its menu of the region's districts (set U, 290): a regional act."""
    menu = "Астраханская область\nАхтубинский район\nВолодарский район\nЕнотаевский район"
    assert header.municipality_of(menu) is None
    assert header.municipality_of("Отдел образования администрации Таловского района") == "Таловский район"


def test_a_report_is_titled_by_its_heading_not_by_a_site_menu_above_it():
    """A web page's menu («Об институте», «Новости») above a report's «ИНФОРМАЦИЯ / о выполнении …»
    (set U, 296): the report's own heading is its title; an act still takes a title printed above it."""
    paragraphs = ["Главная", "Об институте\nНовости", "ИНФОРМАЦИЯ\nо выполнении комплекса мер в 2021 году"]
    assert header.title_of(paragraphs, "отчёт", 2) == "Информация о выполнении комплекса мер в 2021 году"
    act = ["Об утверждении плана мероприятий", "ПРИКАЗ", "от 01.02.2024 № 5"]
    assert header.title_of(act, "приказ", 1) == "Об утверждении плана мероприятий"


def test_a_town_keeps_its_capital_when_a_letterhead_is_put_in_sentence_case():
    """«ГОРОДСКОГО ОКРУГА ГОРОД ОКТЯБРЬСКИЙ» (set U, 295) lost the town's capital, and with it the municipality."""
    assert header.sentence_case("ОТДЕЛ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДСКОГО ОКРУГА ГОРОД ОКТЯБРЬСКИЙ") == (
        "Отдел образования администрации городского округа город Октябрьский"
    )
    assert header.sentence_case("АДМИНИСТРАЦИЯ ГОРОДА УЛАН-УДЭ") == "Администрация города Улан-Удэ"
    assert header.sentence_case("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ ГОРОДСКОГО ОКРУГА ДУБНА") == (
        "Управление образования городского округа Дубна"
    )
    assert header.sentence_case("АДМИНИСТРАЦИЯ ГОРОДА И РАЙОНА") == "Администрация города и района"



def test_a_row_cut_by_a_page_break_ends_at_the_head_of_the_next_page(tmp_path):
    """The last row of a borderless table runs onto the next page, where no table follows (Word's
    export of a plan): its rest, the page's first lines in lower case, is read into the row's
    columns, not left as a paragraph."""
    import sys

    import pdfplumber

    from pipeline.parse import parse_file

    sys.path.insert(0, str(Path(__file__).parent / "realdocs"))
    from build import build_pdf

    tail = " ".join(["наставническим парам школы"] * 12)
    activity = "Проведение торжественного мероприятия, посвященного лучшим " + tail
    spec = {
        "blocks": [
            {"p": "ПЛАН МЕРОПРИЯТИЙ\nпо реализации программы наставничества", "align": "center", "bold": True},
            *[{"p": f"{n}. Пояснение к плану, строка {n}."} for n in range(1, 37)],
            {
                "table": [
                    ["№", "Мероприятие", "Срок", "Ответственный"],
                    ["1.", "Формирование наставнических пар", "сентябрь 2021 г.", "директор"],
                    ["2.", activity, "май 2022 г.", "заместитель директора по учебно-воспитательной работе"],
                ],
                "widths": [1, 6, 2, 3],
            },
        ]
    }
    path = tmp_path / "plan.pdf"
    build_pdf(spec, path, ruled=False)
    with pdfplumber.open(path) as pdf:  # the row really runs onto the second page
        assert len(pdf.pages) == 2 and pdf.pages[1].extract_text().split()[0].islower()
    doc = parse_file(path)
    rows = [i for i in doc.items if i.kind == "row"]
    assert [" ".join(r.activity.split()) for r in rows] == ["Формирование наставнических пар", activity]
    assert " ".join(rows[-1].responsible.split()) == "заместитель директора по учебно-воспитательной работе"
    assert not any(i.kind == "paragraph" and "наставническим" in i.activity for i in doc.items)


def test_a_legal_databases_heading_gives_the_title_on_its_next_line():
    doc = _txt(
        "Постановление Администрации Томского района от 9 ноября 2015 г. N 342\n"
        '"Об утверждении муниципальной программы "Развитие образования в Томском районе на 2016-2020 годы"\n'
        "С изменениями и дополнениями от:\n2 февраля, 15 марта 2016 г.\n\n"
        "В соответствии со статьей 179 Бюджетного кодекса Российской Федерации постановляю:\n\n"
        "1. Утвердить муниципальную программу.\n\n2. Контроль оставляю за собой.\n"
    )
    assert (doc.kind, doc.number) == ("постановление", "342")
    title = 'Об утверждении муниципальной программы "Развитие образования в Томском районе на 2016-2020 годы"'
    assert doc.title == title


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("ПРОТОКОЛ № 4\nзаседания педагогического совета от 29.03.2021\n\n",
         "Протокол заседания педагогического совета"),
        ("Протокол №6 управляющего совета от 10.03.2009г.\n\n", "Протокол управляющего совета"),
        ("Протокол №3 от 29.11.2013\n\nзаседания директоров образовательного округа\n\n",
         "Протокол заседания директоров образовательного округа"),
    ],
)
def test_a_protocols_title_drops_its_number_date_and_place(head, title):
    doc = _txt(head + "Присутствовали: 12 человек.\n\nРЕШИЛИ:\n\n1. Принять план работы.\n\n2. Провести семинар.\n")
    assert doc.kind == "протокол"
    assert doc.title == title


def test_a_continued_row_skips_the_pages_running_header_and_keeps_a_long_tail():
    from pipeline.readers.pdf_columns import Line, Segment, continued_row

    edges = [50.0, 100.0, 300.0, 400.0]
    lines = [Line(20, 30, [Segment(500, 540, "стр. 2")])]
    lines += [Line(40 + 12 * n, 50 + 12 * n, [Segment(105, 290, f"продолжение текста строка {n}")]) for n in range(9)]
    lines += [Line(148, 158, [Segment(105, 290, "продолжение"), Segment(405, 480, "учитель")])]
    found = continued_row(lines, (50.0, 0.0, 560.0, 0.0), edges)
    assert found is not None
    taken, cells = found
    assert len(taken) == 10 and "стр. 2" not in " ".join(cells)
    assert cells[1].count("продолжение") == 10 and cells[3] == "учитель"


@pytest.mark.parametrize(
    ("letterhead", "issuer"),
    [
        (["АДМИНИСТРАЦИЯ МО «ЛЕНСКИЙ МУНИЦИПАЛЬНЫЙ РАЙОН»\nУПРАВЛЕНИЕ ОБРАЗОВАНИЯ"],
         "Управление образования администрации МО «Ленский муниципальный район»"),
        (["АДМИНИСТРАЦИЯ ВИЛЕГОДСКОГО МУНИЦИПАЛЬНОГО ОКРУГА\nУПРАВЛЕНИЕ ОБРАЗОВАНИЯ"],
         "Управление образования администрации Вилегодского муниципального округа"),
        (["АДМИНИСТРАЦИЯ ЗАТО СЕВЕРСК\nУПРАВЛЕНИЕ ОБРАЗОВАНИЯ ЗАТО СЕВЕРСК"], "Управление образования ЗАТО северск"),
        (["Директор МБОУ СОШ им. Пушкина И.И. Иванов"], None),
    ],
)
def test_a_review_of_issuers_named_with_their_administration(letterhead, issuer):
    assert header.issuer_of(letterhead) == issuer


@pytest.mark.parametrize(
    ("issuer", "municipality", "city", "full"),
    [
        ("Администрация района", "Павловский район", None, "Администрация Павловского района"),
        ("Администрация района", "Даровской район", None, "Администрация Даровского района"),
        ("Администрация города", None, "город Сергиев Посад", "Администрация города Сергиева Посада"),
        ("Администрация города", None, "город Петропавловск-Камчатский",
         "Администрация города Петропавловска-Камчатского"),
    ],
)
def test_a_review_of_names_put_in_the_genitive(issuer, municipality, city, full):
    assert bodies.completed(issuer, "Московская область", municipality, city) == full


def test_a_town_is_not_joined_with_its_region_or_district():
    assert header.city_of("МБОУ СОШ № 1 города Мирного Республики Саха (Якутия)") == "город Мирный"
    assert header.city_of("МБОУ СОШ № 1 города Мирного Мирнинского района") == "город Мирный"


def test_a_letter_spaced_kind_line_is_the_acts_own():
    kind, at = header.find_kind(["П Р И К А З", "01.09.2023 № 101", "Об утверждении плана", "ПРИКАЗЫВАЮ:",
                                 "1. Утвердить план.", "ПРИКАЗ", "02.09.2023 № 102"])
    assert (kind, at) == ("приказ", 0)


def test_a_sites_publication_date_does_not_date_the_document():
    assert header.date_and_number(["Дата публикации17.10.2016", "Размер9.76 Kb."]) == (None, None)
    assert header.date_and_number(["Опубликовано: 05.09.2013", "от 04.09.2013 № 112"]) == ("2013-09-04", "112")


def test_the_issuers_district_is_the_documents_when_the_head_names_several():
    doc = _txt(
        "Алтайский район | Бейский район | Таштыпский район\n\n"
        "ОТДЕЛ ОБРАЗОВАНИЯ\nадминистрации Таловского муниципального района\n\nПРИКАЗ\n\n01.09.2023 № 101\n\n"
        "Об утверждении плана мероприятий\n\nПРИКАЗЫВАЮ:\n\n1. Утвердить план.\n\n2. Контроль оставляю за собой.\n"
    )
    assert doc.issuer == "Отдел образования администрации Таловского муниципального района"
    assert doc.municipality == "Таловский район"


def test_a_second_review_of_the_days_head_rules():
    doc = _txt(
        "Постановление администрации Павловского муниципального района от 12.03.2021 N 342\n"
        '"Об утверждении муниципальной программы на\n2021-2025 годы"\n\n'
        "В соответствии с Бюджетным кодексом постановляю:\n\n1. Утвердить программу.\n\n"
        "2. Контроль оставляю за собой.\n"
    )
    assert doc.title == "Об утверждении муниципальной программы на 2021-2025 годы"
    doc = _txt("ПРОТОКОЛ\n\nзаседания Секретариата Совета директоров школ\n\nПрисутствовали: 12 человек.\n\n"
               "РЕШИЛИ:\n\n1. Принять план работы.\n\n2. Провести семинар.\n")
    assert doc.title == "Протокол заседания Секретариата Совета директоров школ"
    assert header.date_and_number(["Опубликовано 14.03.2021. Постановление от 12.03.2021 № 342"]) == (
        "2021-03-12",
        "342",
    )


def test_garant_slash_box_with_a_caption_over_sub_columns():
    """Garant draws «/-----\\» over a box whose top border shows no crossings, and a caption over the
    money and executor columns («Сведения об объемах …» over «Объем | Источники | Исполнители»,
    realdocs 314); the copy collapses the text lines' spaces, so the sub-header's empty leading cells
    tell which upper cells do not span."""
    text = (
        "Раздел V. Мероприятия Программы\n"
        "/--------------------------------------------------------------\\\n"
        "| NN | Мероприятия программы | Сроки | Сведения об объемах, источниках |\n"
        "| п/п | | | финансовых и трудовых ресурсов |\n"
        "| | | |-------------------------------|\n"
        "| | | | Объем | Источ- | Исполнители |\n"
        "| | | | | ники | |\n"
        "|------+----------------+---------+------+-------+-------------|\n"
        "| 1.1. | Обеспечить участие учителей | ежегодно | | | управление |\n"
        "| | в конкурсе | | | | образования |\n"
        "|------+----------------+---------+------+-------+-------------|\n"
        "| 1.2. | Оснастить кабинеты | 2008 | 450,0 | город- | руководители ОУ |\n"
        "| | физики | | | ской | |\n"
        "\\--------------------------------------------------------------/\n"
    )
    doc = _txt(text)
    rows = [(i.number, i.activity, i.deadline, i.responsible) for i in doc.items if i.kind == "row"]
    assert rows == [
        ("1.1.", "Обеспечить участие учителей в конкурсе", "ежегодно", "управление образования"),
        ("1.2.", "Оснастить кабинеты физики", "2008", "руководители ОУ"),
    ]
    assert not any("----" in i.activity for i in doc.items)  # the borders are rules, not text
    assert "Сведения" not in doc.items[-1].description  # the caption groups columns, it names none
    assert any("Сведения об объемах" in s.text for s in doc.skipped)  # kept with the header, not lost


def test_a_mirrors_cells_run_over_many_short_lines_under_a_header():
    """A government site's mirror writes each cell out in its column's short lines, the last closed
    by « |» (realdocs 313): «N» / «п/п |» opens the header; a passport's values or a signature
    before a table's title are not cells run on into it (realdocs 121, 254)."""
    responsible = "Центр экономических и\nсоциальных исследований\nРеспублики Татарстан при\nКабинете Министров |"
    text = (
        "N\nп/п |\nНаименование мероприятия |\nСрок\nисполнения |\nОтветственный исполнитель |\n"
        "1.1. |\nПодготовка проекта\nпостановления Кабинета\nМинистров |\nIV квартал\n2007 г. |\n"
        f"{responsible}\n"
        "1.2. |\nПодготовка методики\nрасчета нормативов |\nIV квартал\n2007 г. |\nМФ РТ |\n"
    )
    doc = _txt(text)
    rows = [(i.number, i.activity, i.deadline, i.responsible) for i in doc.items if i.kind == "row"]
    assert rows == [
        ("1.1.", "Подготовка проекта постановления Кабинета Министров", "IV квартал 2007 г.",
         "Центр экономических и социальных исследований Республики Татарстан при Кабинете Министров"),
        ("1.2.", "Подготовка методики расчета нормативов", "IV квартал 2007 г.", "МФ РТ"),
    ]
    passport = (
        "Губернатор области |\nА.И. Лисицын |\nОбластная целевая программа\nПаспорт Программы\n"
        "Наименование Программы |\nобластная целевая программа |\n"
    )
    lines = passport.split("\n")
    found = flat_tables._marked(lines, 0)
    assert found is None or all("Паспорт Программы" not in c for _, cells in found[0] for c in cells)


def test_a_procedure_column_is_the_activity_beside_its_content():
    """«Этап (процедура) | Содержание работ» (realdocs 323): the procedure names the row, the
    content describes it, as «Мероприятие | Содержание» does."""
    headers = ["№ п/п", "Этап (процедура)", "Содержание работ", "Сроки", "Ответственные"]
    data = [["1", "Формирование базы данных", "Сбор сведений об обучающихся и сверка списков", "до 25 мая", "РЦОИ"]]
    assert columns.assign(headers, data)[1:3] == ["activity", "description"]


def test_a_patron_in_capitals_is_no_signature():
    """«… «ШКОЛА-ГИМНАЗИЯ №1 ИМЕНИ ГЕРОЯ СОВЕТСКОГО СОЮЗА Е.И. ДЁМИНОЙ»» (realdocs 316): the initials
    after «ИМЕНИ» are the patron's, so the letterhead names the school, its patron capitalised."""
    letterhead = (
        "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ\nГОРОДА КЕРЧИ РЕСПУБЛИКИ КРЫМ\n"
        "«ШКОЛА-ГИМНАЗИЯ №1 ИМЕНИ ГЕРОЯ СОВЕТСКОГО СОЮЗА Е.И. ДЁМИНОЙ»"
    )
    assert header.issuer_of([letterhead]) == (
        "Муниципальное бюджетное общеобразовательное учреждение города Керчи Республики Крым "
        "«Школа-гимназия №1 имени Героя Советского Союза Е.И. Дёминой»"
    )
    assert header.sentence_case("МБОУ «СОШ ИМЕНИ ПУШКИНА» ГОРОДА КИРОВА") == "МБОУ «СОШ имени Пушкина» города Кирова"


def test_a_space_after_a_slash_runs_on_in_the_number():
    """«№ 112/ 2.4.3» (realdocs 317, a school's nomenclature index after the slash)."""
    doc = _txt(
        "УТВЕРЖДЕНО\nприказом директора\nМБОУ-СОШ №14\nот 02.02.2023 г. № 112/ 2.4.3\n\n"
        "ПЛАН\nработы с неуспевающими\n\n"
        "№\tМероприятие\tСрок\tОтветственный\n1\tСеминар\tмарт\tЗавуч\n2\tКонсультации\tапрель\tУчителя\n"
    )
    assert (doc.date, doc.number) == ("2023-02-02", "112/ 2.4.3")
    assert header._NUMBER.search("Приказ № 15/ от 01.02.2023").group(1) == "15"  # a slash and nothing after it


def test_a_run_on_copy_closes_the_amended_table_and_signs_on_one_line():
    """A run-on legal copy (realdocs 320): «…". 2. Настоящее постановление вступает в силу … Губернатор
    области А.А. Винников» is the last clause, after the amendment's closing quote, and the signature."""
    doc = _txt(
        "ПРАВИТЕЛЬСТВО ОБЛАСТИ\n\nПОСТАНОВЛЕНИЕ\n\n30.09.2014 № 483-пп\n\nО внесении изменений в программу\n\n"
        "ПОСТАНОВЛЯЕТ:\n\n1. Внести в программу следующие изменения:\n\n"
        "1.1. Таблицу 2 изложить в следующей редакции:\n\n"
        "№\tМероприятие\tСрок\tИсполнитель\n1.1.\tМониторинг\t2015 год\tкомитет\n"
        "1.2.\tОлимпиады\tежегодно\tинститут\n\n"
        '". 2. Настоящее постановление вступает в силу со дня его официального опубликования. '
        "Губернатор области А.А. Винников\n"
    )
    clauses = [(i.number, i.activity) for i in doc.items if i.kind == "clause"]
    assert clauses[-1] == ("2", "Настоящее постановление вступает в силу со дня его официального опубликования.")
    assert (doc.signatory.name, doc.signatory.position) == ("Винников А.А.", "Губернатор области")


def test_a_bilingual_letterhead_line_and_a_sites_card_give_the_schools_own_name():
    """326 (a school page of edu.tatar.ru): the Russian and Tatar names on one line split by «/»; the
    card below («Министерство:» / «…», «Короткое название:» / «…») names the ministry and a short
    name, and a label alone («Год основания учреждения:») is no body; a lone label over a letterhead
    («Текст документа:», 145) does not hide it."""
    school = "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа №50»"
    letterhead = [
        f"{school}/Яр Чаллы шәһәре «50 нче урта гомуми белем бирү мәктәбе»",
        "Визитная карточка",
        "Министерство:",
        "Министерство образования и науки Республики Татарстан",
        "Короткое название:",
        'МАОУ "Средняя школа №50"',
        "Год основания учреждения:",
        "1989",
    ]
    assert header.issuer_of(letterhead) == school
    assert header.issuer_of(["Текст документа:", "АДМИНИСТРАЦИЯ КИКВИДЗЕНСКОГО МУНИЦИПАЛЬНОГО РАЙОНА"]) == (
        "Администрация Киквидзенского муниципального района"
    )


def test_a_numbered_sub_decision_in_lower_case_is_a_row_of_its_own():
    """337 (a council's protocol): «2.1. разместить …» under «2. Рекомендовать …:», each with «Срок:»
    and «Ответственный:»; they were read as the first decision's continuation (all deadlines in one)."""
    doc = _txt(
        "ПРОТОКОЛ\nзаседания общественного совета\nРЕШИЛИ:\n1. Информацию принять к сведению.\n"
        "2. Рекомендовать Министерству образования:\n2.1. разместить на сайте сведения об индикаторах;\n"
        "Срок: до 01.03.2016\nОтветственный: Касимова О.М.\n2.2. представить предложения по охвату;\n"
        "Срок: II квартал 2016 года\nОтветственный: Солнцева О.В.\n"
    )
    rows = [(i.number, i.deadline, i.responsible) for i in doc.items if i.kind == "row"]
    assert ("2.1.", "до 01.03.2016", "Касимова О.М.") in rows
    assert ("2.2.", "II квартал 2016 года", "Солнцева О.В.") in rows


def test_a_piped_letterhead_under_a_sites_card_and_news_is_the_acts_head():
    """373 (a school's news page copied as text): the site's card as «Label: | value |» lines, a news
    paragraph, then the letterhead as a layout table copied with pipes — «ПРИКАЗ | БОЕРЫК |» and the
    date, place and number on one piped line. The pipes are cell edges, not an activity table, and the
    kind stands more than twelve blocks down the page."""
    card = "".join(f"Поле {n}: | значение {n} |\n" for n in range(1, 10))
    doc = _txt(
        "МБОУ «Верхнекамская СОШ» Камского района\nВизитная карточка\n"
        + card
        + "Новости школы\nОпубликовано: 01.09.2022Школа вошла в проект.\n"
        "МБОУ «ВЕРХНЕКАМСКАЯ СОШ» КАМСКОГО МУНИЦИПАЛЬНОГО РАЙОНА | «ЮГАРЫ КАМА УРТА МӘКТӘБЕ» |\n"
        "ПРИКАЗ | БОЕРЫК |\n"
        "05.09.2022 | с. Верхняя Кама | № 41-о |\n"
        "Об участии в проекте «500+»\n"
        "В целях повышения качества образования\nПРИКАЗЫВАЮ:\n"
        "1. Принять участие в проекте.\n2. Контроль оставляю за собой.\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("приказ", "2022-09-05", "41-о")
    assert doc.title == "Об участии в проекте «500+»"
    assert [i.activity for i in doc.items if i.kind == "clause"] == [
        "Принять участие в проекте.",
        "Контроль оставляю за собой.",
    ]


def test_a_title_in_bold_ends_where_the_text_under_it_begins():
    """377, 376 (PDF exports): the bold title «Об итогах …» over a preamble opening «В 2025 году …» and
    over «Основание: …» ran on into them (no full stop ends a title); the face of the line tells."""
    lines = [
        ("Об итогах промежуточной аттестации 2024/2025 учебного года", True),
        ("и мерах по повышению качества образования", True),
        ("В 2025 году в школе снизилось качество знаний по русскому языку", False),
        ("и математике в 5–8 классах", False),
    ]
    blocks = [Block(t, (), Position(page=1, line=n), bold) for n, (t, bold) in enumerate(lines, start=1)]
    assert [b.text for b in rebuild(blocks)] == [
        "Об итогах промежуточной аттестации 2024/2025 учебного года\nи мерах по повышению качества образования",
        "В 2025 году в школе снизилось качество знаний по русскому языку\nи математике в 5–8 классах",
    ]
    plain = [Block(t, (), Position(page=1, line=n)) for n, (t, _) in enumerate(lines, start=1)]
    assert len(rebuild(plain)) == 1  # without the face, nothing in the words ends the title


@pytest.mark.parametrize(
    ("paragraphs", "date", "number"),
    [
        (  # the heading's lines run on into one long line in lower case
            [
                "П Р О Т О К О Л № 2",
                "заседания рабочей группы по подготовке к государственной итоговой аттестации "
                "на территории Еткульского муниципального района с. Еткуль 15 мая 2019 г.",
                "Председатель – Ямгурова Г.А.",
            ],
            "2019-05-15",
            "2",
        ),
        (  # the date and number open the paragraph of the meeting's text
            [
                "ПРОТОКОЛ заседания Совета директоров\nЗапорожской области",
                "18 марта 2025 г. № 3 г. Мелитополь\nПредседательствовал: заместитель Председателя Правительства "
                "Запорожской области, временно исполняющий обязанности министра образования – А. Зинченко",
            ],
            "2025-03-18",
            "3",
        ),
    ],
)
def test_a_protocols_date_under_a_run_on_heading(paragraphs, date, number):
    assert header.protocol_date_and_number(paragraphs)[:2] == (date, number)


@pytest.mark.parametrize(
    ("letterhead", "issuer"),
    [
        (  # Hill Mari under Russian (379)
            [
                "АДМИНИСТРАЦИЯ\nГОРНОМАРИЙСКОГО МУНИЦИПАЛЬНОГО РАЙОНА",
                "КЫРЫК МАРЫ МУНИЦИПАЛЬНЫЙ РАЙОНЫН\nАДМИНИСТРАЦИЖӸ",
            ],
            "Администрация Горномарийского муниципального района",
        ),
        (  # Komi under Russian (380)
            [
                "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ\nАДМИНИСТРАЦИИ МУНИЦИПАЛЬНОГО РАЙОНА «СЫСОЛЬСКИЙ»",
                "«СЫКТЫВ» МУНИЦИПАЛЬНӦЙ РАЙОНСА",
            ],
            "Управление образования администрации муниципального района «Сысольский»",
        ),
    ],
)
def test_the_other_language_of_a_bilingual_letterhead_names_no_issuer(letterhead, issuer):
    assert header.issuer_of(letterhead) == issuer


def test_a_bracketed_amendment_note_wrapped_over_lines_or_in_lower_case_is_a_note():
    """388, 389 (Kodeks copies): «(Пункт в редакции … / от 08.02.2012 г. N 70)» over two lines and
    «(пункт 3 в редакции распоряжения … N 176-р)» stood between clauses 2 and 3, and every clause
    after them came out as a paragraph."""
    for note in (
        "    (Пункт  в редакции Постановления правительства Воронежской области\nот 08.02.2012 г. N 70)",
        "(пункт 2 в редакции распоряжения Администрации области от 18.06.2008 N 176-р)",
    ):
        doc = _txt(
            "ПОСТАНОВЛЕНИЕ\nот 07.07.2011 N 569\nО комплексе мер\nпостановляет:\n"
            f"1. Утвердить комплекс мер.\n2. Утвердить показатели.\n{note}\n"
            "3. Департаменту образования обеспечить выполнение.\n4. Контроль оставляю за собой.\n"
        )
        assert [i.number for i in doc.items if i.kind == "clause"] == ["1", "2", "3", "4"], note
        assert any("в редакции" in s.text for s in doc.skipped)


def test_a_programme_elements_row_names_who_and_when_for_the_tasks_under_it():
    """The federal form of a state programme's structure (since 2022; realdocs 412): an element's row
    «Ответственный за реализацию: … | Срок реализации: …» is printed once under its heading and holds
    for its tasks, until the next element's heading, whose row may name others."""
    row = lambda *cells: Block("\t".join(cells), cells, Position(page=1))  # noqa: E731
    blocks = [
        Block("Структура государственной программы", (), Position(page=1)),
        row("№ п/п", "Задачи структурного элемента", "Описание ожидаемых эффектов", "Связь с показателями"),
        row("1. Региональный проект «Современная школа»", "", "", ""),
        row("Ответственный за реализацию: Департамент образования", "", "Срок реализации: 2024", ""),
        row("1.1", "Обновлена база сельских школ", "Созданы центры «Точка роста»", "Доля обучающихся"),
        row("1.2", "Отремонтированы здания школ", "Отремонтированы 2 здания", "Доля зданий"),
        row("2. Комплекс процессных мероприятий «Качество образования»", "", "", ""),
        row("2.1", "Оказана помощь школам с низкими результатами", "Закреплены кураторы", "Доля школ"),
    ]
    doc = segment(blocks, "x.docx")
    rows = [(i.number, i.deadline, i.responsible) for i in doc.items if i.kind == "row"]
    department = "Департамент образования"
    assert rows == [("1.1", "2024", department), ("1.2", "2024", department), ("2.1", None, None)]
    assert any(s.reason == "ответственный и срок раздела" for s in doc.skipped)


def test_a_programme_approved_in_its_closing_sentence():
    """A school's programme with no stamp at its head says at its end which order approved it (415);
    a report saying that its plan was approved is not dated by the plan's order (274)."""
    closing = (
        "Программа рассмотрена на заседании педагогического совета (протокол от 29.08.2024 № 1) "
        "и утверждена приказом директора от 30.08.2024 № 196."
    )
    table = "№\tМероприятие\tСрок\tОтветственный\n1.\tМалый педсовет\tоктябрь 2024 г.\tзаместитель директора\n\n"
    doc = _txt(f"ПРОГРАММА\nпрофилактики учебной неуспешности\n\n{table}{closing}\n")
    assert (doc.kind, doc.date, doc.number) == ("программа", "2024-08-30", "196")
    assert doc.approved_by and doc.approved_by.kind == "приказ"
    report = _txt(f"ОТЧЁТ\nоб исполнении плана\n\n{table}План мероприятий утвержден приказом от 13.02.2023 № 28-од.\n")
    assert (report.date, report.number) == (None, None)


def test_a_news_sentence_pointing_at_the_protocol_is_not_its_heading():
    """A department's news above its protocol (427) ends «Протокол совещания размещен ниже.»: the
    protocol's own heading «ПРОТОКОЛ № 3» below gives its kind and number, and the news' list of schools
    is not its letterhead."""
    doc = _txt(
        "Директора школ были приглашены на совещание.\n\n"
        "▪МБОУ \"СОШ № 20\" г. Грозного - 3 человека\n▪МБОУ \"СОШ № 24\" г. Грозного - 4 человека\n\n"
        "Протокол совещания размещен ниже.\n\n"
        "ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ МЭРИИ г. ГРОЗНОГО\n\nПРОТОКОЛ № 3\n"
        "совещания с руководителями общеобразовательных организаций\n\n"
        "г. Грозный\t24 января 2019 г.\n\n"
        "1. СЛУШАЛИ: Хатуева Р.Х. о результатах диагностических работ.\n\n"
        "РЕШИЛИ: провести дополнительные занятия.\n"
    )
    assert (doc.kind, doc.number) == ("протокол", "3")
    assert doc.issuer is None or "СОШ" not in doc.issuer


def test_a_pages_list_of_acts_above_the_schools_own_order():
    """A school's exam page (422) lists acts by level, each «Приказ … от … № …», then prints its own
    order under its letterhead: the order is dated and numbered by its own head, not by the list."""
    doc = _txt(
        "Нормативно-правовые документы\n\n"
        "Приказ Министерства просвещения Российской Федерации от 04.04.2023 № 233/552 «Об утверждении Порядка»\n\n"
        "Приказ министерства образования Оренбургской области от 16.09.2024 № 01-21/1398 «Об организации»\n\n"
        "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ\n«НОВОПАВЛОВСКАЯ СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА»\n\n"
        "ПРИКАЗ\n\n02.10.2024\t\t№ 118-од\n\n"
        "Об утверждении плана мероприятий по подготовке к ГИА\n\n"
        "ПРИКАЗЫВАЮ:\n\n1. Утвердить план мероприятий (приложение).\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("приказ", "2024-10-02", "118-од")
    assert doc.issuer and "Новопавловская" in doc.issuer


def test_a_report_dated_on_its_last_line_under_its_signature():
    """A ministry's report to its collegium (431): a note over the head names the meeting's date, the
    report's own date stands alone on its last line; an order's own dated line is not overruled."""
    body = (
        "ИНФОРМАЦИЯ\nоб исполнении комплекса мер\n\n"
        "№\tМероприятие\tСрок\tИсполнители\n1.\tКраевая олимпиада\tежегодно\tМинобрнауки края\n\n"
        "Начальник отдела воспитательной работы\nи дополнительного образования      О.В. Великанова\n\n20.06.2017\n"
    )
    doc = _txt("К заседанию коллегии\nМинистерства образования\n27.06.2017\n\n" + body)
    assert (doc.kind, doc.date) == ("отчёт", "2017-06-20")
    assert doc.coverage and not doc.coverage.lost
    order = _txt("ПРИКАЗ\n\n01.06.2017 № 45\n\nО мерах\n\n1. Утвердить план.\n\nМинистр А.А. Иванов\n\n20.06.2017\n")
    assert (order.date, order.number) == ("2017-06-01", "45")


def test_a_scans_clause_three_read_as_the_letter_ze():
    """OCR of a scanned order (425) reads «3.» as «З.»: after clause 2 it is clause 3, and the clauses
    after it stay clauses; an initial «З.» elsewhere is left alone."""
    doc = _txt(
        "ПОСТАНОВЛЕНИЕ\n\n08.12.2004 № 983\n\nО проведении экзамена\n\nпостановляю:\n\n"
        "1. Управлению образования провести экзамен.\n\n2. Рекомендовать главам администраций обеспечить участие.\n\n"
        "З.Финансовому управлению предусмотреть средства.\n\n4. Опубликовать постановление.\n\n"
        "Глава администрации области О.И. Бетин\n"
    )
    clauses = [(i.number, i.activity[:12]) for i in doc.items if i.kind == "clause"]
    assert clauses == [("1", "Управлению о"), ("2", "Рекомендоват"), ("3", "Финансовому "), ("4", "Опубликовать")]


def test_an_analytical_notes_date_under_its_title():
    """An analytical note (430) prints its date and place on the line under its title, run into the
    next paragraph by the PDF: the note is dated, and the paragraph's text stays an item."""
    doc = _txt(
        "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ\n\nАНАЛИТИЧЕСКАЯ СПРАВКА по результатам мониторинга качества обученности\n\n"
        "09.10.2023 с. Анучино\nЦель мониторинга: получение достоверной информации об уровне обученности.\n"
    )
    assert doc.date == "2023-10-09"
    assert any(i.activity.startswith("Цель мониторинга") for i in doc.items)
    assert doc.coverage and not doc.coverage.lost


def test_a_header_word_hyphenated_by_hand():
    """A ruled PDF's narrow columns (443): «Исполни- тель», «Срок реали- зации» are the executor and the
    deadline."""
    assert columns.header_role("Исполни- тель")[0] == "responsible"
    assert columns.header_role("Срок реали- зации")[0] == "deadline"


def test_a_date_under_the_signature_is_placed_when_the_head_is_dated_too():
    """A report dated «(по состоянию на 30.08.2024)» under its title prints the date again under its
    signature, with the executor's line after it (340): the line is the signature's, not lost text."""
    doc = _txt(
        "ИНФОРМАЦИЯ\nо выполнении плана мероприятий\n\n(по состоянию на 30.08.2024)\n\n"
        "№\tМероприятие\tСрок\tОтветственные\n1.\tРемонт школы\tдо 1 сентября 2024 г.\tадминистрация округа\n\n"
        "Начальник отдела образования      О.В. Кравченко\n\n30.08.2024\n\nИсп. Левченко Т.Н., координатор ГИА\n"
    )
    assert doc.date == "2024-08-30"
    assert doc.coverage and not doc.coverage.lost


def test_a_programme_table_copied_a_cell_per_paragraph_with_a_two_row_header():
    """A legal database's copy of a programme's main measures (440): every cell a paragraph, «Срок» over
    «начала реализации» / «окончания реализации» printed after the upper row, the column numbers «1» …
    «6» (no page numbers), a column of links to indicators holding numbers («1.6», «2.1»), and an
    editorial note inside the table."""
    cells = [
        "N п/п", "Номер и наименование основного мероприятия", "Ответственный исполнитель", "Срок",
        "Связь с показателями Программы", "начала реализации", "окончания реализации",
        "1", "2", "3", "4", "5", "6",
        "Подпрограмма 1 \"Развитие общего образования\"",
        "1.1.", "Основное мероприятие 1.1 \"Реализация программ\"", "Комитет образования", "2019", "2026", "1.1, 1.2",
        "1.2.", "Основное мероприятие 1.2 \"Повышение качества\"", "Комитет образования", "2021", "2026", "1.6",
        "(позиция в ред. постановления Администрации г. Курска от 28.08.2023 N 480)",
        "1.3.", "Основное мероприятие 1.3 \"Олимпиады\"", "Комитет образования", "2019", "2024", "2.1",
    ]
    doc = _txt("\n\n".join(cells) + "\n")
    rows = [(i.number, i.deadline, i.responsible, i.description) for i in doc.items if i.kind == "row"]
    assert [r[:3] for r in rows] == [
        ("1.1.", "2019 – 2026", "Комитет образования"),
        ("1.2.", "2021 – 2026", "Комитет образования"),
        ("1.3.", "2019 – 2024", "Комитет образования"),
    ]
    assert rows[2][3].endswith("2.1")  # the link cell is the row's, not the next row's number
    assert not any(s.reason == "колонтитул" for s in doc.skipped)
    assert doc.coverage and not doc.coverage.lost


def test_a_two_word_towns_name_in_a_capitals_letterhead():
    """«АДМИНИСТРАЦИЯ ГОРОДА НИЖНЕГО НОВГОРОДА» (442): both words of the town's name stay capitalised,
    and the town is the document's place; a word after a one-word town is left alone."""
    assert header.sentence_case("АДМИНИСТРАЦИЯ ГОРОДА НИЖНЕГО НОВГОРОДА") == "Администрация города Нижнего Новгорода"
    assert header.sentence_case("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ ГОРОДА СТАРЫЙ ОСКОЛ").endswith("города Старый Оскол")
    assert header.sentence_case("ОТДЕЛ ОБРАЗОВАНИЯ ГОРОДА ТОМСКА АДМИНИСТРАЦИИ").endswith("Томска администрации")
    assert header.city_of("Администрация города Нижнего Новгорода") == "город Нижний Новгород"


def test_a_district_named_in_its_charters_quotes_in_any_case():
    """437: «администрации муниципального района «Прилузский»» names the Прилузский district, as the
    charter's nominative form already did."""
    assert places.municipalities("Приложение к постановлению администрации муниципального района «Прилузский»") == [
        "Прилузский район"
    ]
    assert places.municipalities("муниципального района «Прилузская» школа") == []


def test_a_pdf_line_opening_with_a_letter_is_a_sub_clause_not_a_wrapped_line():
    from pipeline.readers import pdf

    pos = Position(page=1, line=1)
    lines = ["1. Утвердить:", "а) план мероприятий", "по повышению качества;", "б) перечень школ."]
    joined = pdf._join_wrapped([Block(t, (), pos) for t in lines])
    assert [b.text for b in joined] == [lines[0], "а) план мероприятий по повышению качества;", lines[3]]


def test_a_wrapped_cell_may_cross_the_edge_of_another_table_on_the_page():
    """485: a list of mentor pairs under the plan brings a column edge of its own; a wrapped line of
    the plan's activity crossing it is still the plan's, and the rows after it stay in the table."""
    from pipeline.readers.pdf_columns import find_tables, lines_of

    def line(top, *cells):
        return [{"x0": x, "x1": x + 5 * len(t), "top": top, "bottom": top + 9, "text": t} for x, t in cells]

    words = line(100, (60, "№"), (90, "Что делаем"), (280, "Когда"), (370, "Кто отвечает"))
    words += line(118, (60, "4.1"), (90, "Мониторинг"), (280, "апрель"), (370, "психолог"))
    words += line(129, (90, "(анкетирование наставников и"))  # 90–230: crosses the pairs' edge at 210
    words += line(140, (90, "наставляемых)"))
    words += line(158, (60, "4.2"), (90, "Отчеты наставников"), (280, "май"), (370, "наставники"))
    words += line(169, (90, "о выполнении"))
    words += line(187, (60, "4.3"), (90, "Размещение"), (280, "в течение года"), (370, "Темежникова Е.В."))
    words += line(198, (90, "на сайте"))
    pairs = line(300, (60, "Наставник"), (210, "Наставляемый"), (430, "Форма"))
    pairs += line(318, (60, "Бызова Т.Н."), (210, "Ожегов Д.А."), (430, "«педагог – педагог»"))
    pairs += line(336, (60, "Попова Е.М."), (210, "Кузнецова В.П."), (430, "«педагог – педагог»"))
    plan, _ = find_tables(lines_of(words + pairs))
    assert [cells[0] for _, cells in plan.rows] == ["№", "4.1", "4.2", "4.3"]
    assert "(анкетирование наставников и" in plan.rows[1][1][1]


def test_a_second_executor_on_a_line_of_its_own_in_a_tab_copy_is_the_rows():
    """482: a school site's table copied with tabs; the executor cell's second line has no tab."""
    text = (
        "№\tСодержание работы\tСроки\tОтветственные\n"
        "1\tАнализ результатов ОГЭ\tсентябрь\tПономарева Л.А.\n"
        "2\tОформление стенда «ГИА-9»\tоктябрь\tПономарева Л.А.\n"
        "Малышева О.С.\n"
        "Работа с обучающимися\n"
        "3\tПробные экзамены\tдекабрь, март\tПономарева Л.А.\n"
        "учителя-предметники\n"
    )
    from pipeline.readers import read_bytes

    doc = segment(read_bytes(text.encode("utf-8"), "plan.txt"), "plan.txt")
    rows = [i for i in doc.items if i.kind == "row"]
    assert [" ".join(r.responsible.split()) for r in rows] == [
        "Пономарева Л.А.",
        "Пономарева Л.А. Малышева О.С.",
        "Пономарева Л.А. учителя-предметники",
    ]
    assert "Работа с обучающимися" in [i.activity for i in doc.items]  # the heading under the name stays


def test_a_schools_plan_asks_its_columns():
    assert [columns.header_role(h)[0] for h in ("Что делаем", "Когда", "Кто отвечает", "Что получаем")] == [
        "activity",
        "deadline",
        "responsible",
        "result",
    ]
    assert columns.header_role("Что сделано")[0] != "activity"  # a report's column: what came of it


def test_a_schools_own_abbreviation_before_the_sign_is_no_act_number():
    assert header.date_and_number(["УТВЕРЖДЕНА приказом директора МБОУ «ОСОШ № 2» от 29.08.2025 № 188"]) == (
        "2025-08-29",
        "188",
    )


def _head(text: str):
    from pipeline.readers import read_bytes

    return segment(read_bytes(text.encode("utf-8"), "head.txt"), "head.txt")


def test_a_letter_and_an_extract_of_a_protocol_are_kinds_of_their_own():
    letter = _head("ФЕДЕРАЛЬНАЯ СЛУЖБА\n\nПИСЬМО\n\nот 12 мая 2020 года N 02/9060-2020-24\n\nО направлении\n")
    assert (letter.kind, letter.date, letter.number) == ("письмо", "2020-05-12", "02/9060-2020-24")
    extract = _head("МАОУ СОШ № 1\n\nВЫПИСКА ИЗ ПРОТОКОЛА № 10\nзаседания педсовета\nот 31.08.2022 г.\n\nЗаслушали.\n")
    assert (extract.kind, extract.date, extract.number) == ("протокол", "2022-08-31", "10")
    # a letter cited in a text is no kind
    assert header.kind_of("Письмо Минпросвещения России от 12.05.2020 № ВБ-1007/03") is None


def test_a_page_opening_with_the_acts_number_and_date_dates_it():
    doc = _head('№ 99 от 31.03.2022 г. "О создании Центра «Точка роста» в 2022 году "\n\nВо исполнение проекта.\n')
    assert (doc.date, doc.number) == ("2022-03-31", "99")


def test_a_digital_signature_beside_the_stamps_is_part_of_the_head():
    """Heads 277: a PDF's «Подписано цифровой подписью: …» block stands in a cell beside the stamps."""
    from pipeline.segment import _letterhead_cell

    assert _letterhead_cell("Подписано цифровой подписью: Директор МБОУ СОШ №38 Куракова И.А. Дата: 2024.03.27")
    assert not _letterhead_cell("Подписание договоров с родителями")


def test_a_programme_under_three_adjectives_and_its_list_of_editions():
    """Heads 283 (a legal database's copy): «Долгосрочная краевая целевая программа» is the kind, and the
    line of the programme's editions under its title («20 апреля, 11 октября … 2010 г., …») ends it."""
    assert header.kind_of("Долгосрочная краевая целевая программа") == "программа"
    doc = _head(
        "Приложение\nк постановлению Правительства\nКамчатского края\nот 10 ноября 2009 г. N 425-П\n"
        'Долгосрочная краевая целевая программа\n"Развитие образования Камчатского края на 2010 - 2012 годы"\n'
        "20 апреля, 11 октября, 30 ноября 2010 г., 12 апреля 2011 г.\n\nПаспорт программы\n"
    )
    assert (doc.kind, doc.date, doc.number) == ("программа", "2009-11-10", "425-П")
    assert doc.title.endswith('программа "Развитие образования Камчатского края на 2010 - 2012 годы"')


def test_a_ruled_pdf_cell_hyphenated_at_a_line_end_is_one_word():
    from pipeline.readers import pdf

    assert pdf._clean("ежегодно не менее двух региональ-\nных оценочных процедур") == (
        "ежегодно не менее двух региональных оценочных процедур"
    )
    assert pdf._clean("школ-\nучастников проекта") == "школ-участников проекта"  # a compound keeps its hyphen


def _table_rows(header: tuple[str, ...], rows: list[tuple[str, ...]]):
    from pipeline.segment.tables import Table

    table = Table(header, columns.assign(header, rows))
    items = []
    for n, cells in enumerate(rows, start=1):
        items += table.add_row(Block("\t".join(cells), cells, Position(page=1, row=n)), n)
    return items, table


def test_a_cell_merged_down_over_a_rows_year_lines_is_read_once():
    """496: a measure's result is merged down over its rows by year; each year line prints it again."""
    header = ("№", "Мероприятие", "Год", "Результат")
    rows = [
        ("1.", "Региональные оценочные процедуры", "2022", "не менее двух процедур"),
        ("", "", "2023", "не менее двух процедур"),
        ("", "", "2024", "не менее двух процедур"),
    ]
    [item], _ = _table_rows(header, rows)
    assert item.result == "не менее двух процедур"


def test_a_repeated_header_with_the_cut_rows_rest_under_it_carries_the_row_on():
    """497: a borderless PDF repeats the header on the next page, and the rest of the row the break cut
    stands under it in the same columns, so both come as one row."""
    header = ("№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственные")
    rows = [
        ("11.", "Проведение выборочной перепроверки работ обучающихся по итогам всероссийских", "май", "ЦОКО"),
        ("№ п/п", "Наименование мероприятия проверочных работ в школах", "Срок исполнения", "Ответственные"),
        ("12.", "Контроль за объективностью отметок", "июнь", "Министерство"),
    ]
    items, table = _table_rows(header, rows)
    assert [i.number for i in items] == ["11.", "12."]
    assert items[0].activity.endswith("всероссийских проверочных работ в школах")
    assert any(s.reason == "повтор шапки таблицы" for s in table.skipped)


def test_a_table_opening_with_a_section_row_takes_the_columns_of_the_rows_under_it():
    """514 (a legal database's box-drawn table, no header): «Задача N 3 …» spans the table above its rows;
    an activity naming bodies further on («Участие общеобразовательных организаций …») is no executor."""
    text = (
        "+------+------------------------------+------------------------+-----------+\n"
        "| Задача N 3 - повышение качества общего образования                      |\n"
        "+------+------------------------------+------------------------+-----------+\n"
        "| 1.10.| Реализация мероприятий по    | министерство           | 2022 -    |\n"
        "|      | повышению качества           | образования, АО ИОО    | 2024 годы |\n"
        "+------+------------------------------+------------------------+-----------+\n"
        "| 1.11.| Участие общеобразовательных  | АО ИОО, органы         | 2021 -    |\n"
        "|      | организаций в проекте «500+» | местного самоуправления| 2022 годы |\n"
        "+------+------------------------------+------------------------+-----------+\n"
        "| 1.12.| Мониторинг функциональной    | АО ИОО                 | ежегодно  |\n"
        "|      | грамотности                  |                        |           |\n"
        "+------+------------------------------+------------------------+-----------+\n"
    )
    rows = [i for i in _head(text).items if i.kind == "row"]
    assert [(r.number, r.activity.split()[0], r.deadline) for r in rows] == [
        ("1.10.", "Реализация", "2022 - 2024 годы"),
        ("1.11.", "Участие", "2021 - 2022 годы"),
        ("1.12.", "Мониторинг", "ежегодно"),
    ]
    assert rows[1].responsible.startswith("АО ИОО")
    assert rows[0].section == ["Задача N 3 - повышение качества общего образования"]


def test_a_register_after_a_spaced_dash_is_the_numbers():
    assert header.date_and_number(["08.04.2024г. № 17 – ОД"]) == ("2024-04-08", "17 – ОД")
    assert header.date_and_number(["от 08.04.2024 № 12 - Петрова И.И."])[1] == "12"
