"""Plans and decisions printed as lists, not tables (pipeline/segment/labelled.py).

Each case is written the way schools, protocols and legal-database copies print such lists (the
whole documents modelled on real ones are tests/realdocs/ 157–174).
"""

from __future__ import annotations

import pytest

from pipeline.readers import read_bytes
from pipeline.segment import segment
from pipeline.segment.labelled import bracket_fields, dash_fields, label_fields


def _txt(text: str):
    return segment(read_bytes(text.encode("utf-8"), "doc.txt"), "doc.txt")


def _rows(doc):
    return [i for i in doc.items if i.kind == "row"]


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Срок: до 15.10.2024", {"deadline": "до 15.10.2024"}),
        ("Сроки исполнения – ежеквартально", {"deadline": "ежеквартально"}),
        ("Ответственные: учителя начальных классов", {"responsible": "учителя начальных классов"}),
        ("Исполнитель: методист ИМЦ Петрова А.А.", {"responsible": "методист ИМЦ Петрова А.А."}),
        ("Ожидаемый результат: справка", {"result": "справка"}),
        ("Исполнение: проведено 42 консультации. Выполнено.", {"result": "проведено 42 консультации. Выполнено."}),
        (
            "Срок: май 2025 г.; ответственный: зам. директора по УВР",
            {"deadline": "май 2025 г.", "responsible": "зам. директора по УВР"},
        ),
        ("Результаты – выше прошлогодних", None),  # a sentence: only «Срок» and «Ответственный» take a dash
        ("Сроки сдачи отчётов переносятся.", None),
        ("Провести педсовет.", None),
    ],
)
def test_label_fields(line, fields):
    assert label_fields(line) == fields


def test_bracket_and_dash_fields():
    text, fields = bracket_fields("Семинар для учителей химии (срок - март 2024 г.; ответственный - ИМЦ);")
    assert text == "Семинар для учителей химии"
    assert fields == {"deadline": "март 2024 г.", "responsible": "ИМЦ"}
    text, fields = bracket_fields("Подготовить план (установить срок готовности плана – 1 июня 2024 г.).")
    assert (text, fields) == ("Подготовить план", {"deadline": "1 июня 2024 г."})
    assert bracket_fields("Собрание (по отдельному графику).") is None
    # a school council's protocol (set T, 284): «отв.» takes no colon or dash
    text, fields = bracket_fields("Провести субботник (отв. Комков А.А., Бибиков К.М., срок – апрель 2009 г.).")
    assert text == "Провести субботник"
    assert fields == {"responsible": "Комков А.А., Бибиков К.М.", "deadline": "апрель 2009 г."}
    assert bracket_fields("Заслушать отчёт (отвечает за него совет).") is None

    text, fields = dash_fields("Провести консультации – октябрь – ноябрь 2023 г., учителя-предметники")
    assert text == "Провести консультации"
    assert fields == {"deadline": "октябрь – ноябрь 2023 г.", "responsible": "учителя-предметники"}
    text, fields = dash_fields("Сдать отчёты – до 10 июня 2024 г., руководители ОУ, лица, ответственные за сайт;")
    assert fields["responsible"] == "руководители ОУ, лица, ответственные за сайт"
    assert dash_fields("Школа – центр притяжения для детей") is None
    # a school site's plan (463): the executor after one more dash; two deadlines; a course's «по графику ВИРО»
    text, fields = dash_fields("Анализ работ 5 – 9 классов – май – июнь 2026 – Лебедева О.Н., заместитель директора")
    assert text == "Анализ работ 5 – 9 классов"
    assert fields == {"deadline": "май – июнь 2026", "responsible": "Лебедева О.Н., заместитель директора"}
    text, fields = dash_fields("Диагностика – октябрь 2025, апрель 2026 – Лебедева О.Н., классные руководители")
    assert fields == {"deadline": "октябрь 2025, апрель 2026", "responsible": "Лебедева О.Н., классные руководители"}
    assert dash_fields("Курсы в ДПО «ВИРО» – по графику ВИРО – Лебедева О.Н.")[1]["deadline"] == "по графику ВИРО"
    assert dash_fields("Курсы – по плану работы – Лебедева О.Н.") is None  # «по плану работы» is no deadline


PLAN = """ПЛАН
мероприятий по подготовке к ВПР в 2024/2025 учебном году

I. Аналитическая работа
1. Разобрать итоги ВПР по классам и выделить
типичные ошибки.
Срок: до 1 октября 2024 г.
Ответственный: заместитель директора по УВР
Иванова М.П.
Ожидаемый результат: аналитическая справка
2. Обсудить итоги на заседаниях методических объединений.
Срок: октябрь 2024 г.; ответственные: руководители ШМО
II. Работа с учащимися
3. Провести тренировочные работы в 5–8 классах.
Срок исполнения – ноябрь 2024 г., март 2025 г.
Ответственные: учителя-предметники

Директор школы                     С.В. Орлова
"""


def test_a_plan_printed_as_a_list_becomes_rows_with_sections():
    doc = _txt(PLAN)
    rows = _rows(doc)
    assert [r.number for r in rows] == ["1.", "2.", "3."]
    first = rows[0]
    assert first.activity == "Разобрать итоги ВПР по классам и выделить типичные ошибки."
    assert first.deadline == "до 1 октября 2024 г."
    assert first.responsible == "заместитель директора по УВР Иванова М.П."  # a name wrapped to its own line
    assert first.result == "аналитическая справка"
    assert first.section == ["I. Аналитическая работа"]
    assert (rows[1].deadline, rows[1].responsible) == ("октябрь 2024 г.", "руководители ШМО")
    assert rows[2].section == ["II. Работа с учащимися"]
    assert rows[2].deadline == "ноябрь 2024 г., март 2025 г."
    assert "Орлова" not in " ".join(r.responsible or "" for r in rows)  # the signature is not a value
    assert doc.coverage.share >= 0.98 and not doc.warnings()


PROTOCOL = """ПРОТОКОЛ № 2
заседания методического совета
15.11.2023 с. Ивановка

ПОВЕСТКА ДНЯ:
1. Об итогах стартовой диагностики.
2. О наставничестве.

1. Об итогах стартовой диагностики
СЛУШАЛИ: Кузнецову Е.А., которая представила результаты диагностики.
РЕШИЛИ:
1.1. Информацию принять к сведению.
1.2. Составить планы коррекционной работы по классам – до 1 декабря 2023 г., классные руководители.
2. О наставничестве
СЛУШАЛИ: Смирнова П.Р.
ВЫСТУПИЛИ: Белова О.Н. о парах «учитель – учитель».
РЕШИЛИ:
2.1. Закрепить наставников за молодыми учителями (срок – до 20 ноября 2023 г.; ответственный – директор).

Председатель                     Е.А. Кузнецова
"""


def test_protocol_decisions_become_rows_under_their_questions():
    doc = _txt(PROTOCOL)
    assert (doc.kind, doc.number, doc.date) == ("протокол", "2", "2023-11-15")
    rows = {r.number: r for r in _rows(doc)}
    assert rows["1.2."].activity == "Составить планы коррекционной работы по классам"
    assert (rows["1.2."].deadline, rows["1.2."].responsible) == ("до 1 декабря 2023 г.", "классные руководители")
    assert rows["1.2."].section == ["1. Об итогах стартовой диагностики"]
    assert rows["2.1."].deadline == "до 20 ноября 2023 г." and rows["2.1."].responsible == "директор"
    assert rows["2.1."].section == ["2. О наставничестве"]
    assert "1.1." in rows and rows["1.1."].deadline is None
    # what was heard and said stays as text of the document, not as decisions
    texts = [i.activity for i in doc.items if i.kind == "paragraph"]
    assert any(t.startswith("СЛУШАЛИ: Кузнецову") for t in texts)
    assert not any(r.activity.startswith(("СЛУШАЛИ", "ВЫСТУПИЛИ", "РЕШИЛИ")) for r in rows.values())
    assert doc.coverage.share >= 0.98


WEB_BLOCKS = """План подготовки к ГИА

№ п/п: 1
Мероприятие: Собрание родителей выпускников
Сроки: октябрь 2023 г.
Ответственные: классные руководители

№ п/п: 2
Мероприятие: Пробный экзамен по математике
Сроки: декабрь 2023 г.
Ответственные:
"""


def test_website_blocks_of_labelled_fields():
    rows = _rows(_txt(WEB_BLOCKS))
    assert [(r.number, r.activity, r.deadline) for r in rows] == [
        ("1", "Собрание родителей выпускников", "октябрь 2023 г."),
        ("2", "Пробный экзамен по математике", "декабрь 2023 г."),
    ]
    assert rows[0].responsible == "классные руководители" and rows[1].responsible is None


def test_an_orders_clauses_stay_clauses_and_plain_lists_stay_text():
    order = _txt(
        "ПРИКАЗ\n12.01.2024 № 5\nО проведении диагностики\nПРИКАЗЫВАЮ:\n"
        "1. Провести диагностику в 5 классах.\nСрок: до 1 февраля 2024 г.\nОтветственный: Петров П.П.\n"
        "2. Итоги рассмотреть на педсовете.\nСрок: февраль 2024 г.\n"
    )
    clauses = [i for i in order.items if i.kind == "clause"]
    assert [c.number for c in clauses] == ["1", "2"] and clauses[0].deadline == "до 1 февраля 2024 г."
    assert not _rows(order)
    plain = _txt("Задачи программы:\n1. Повысить качество обучения.\n2. Развить сеть кружков.\n3. Обновить сайт.\n")
    assert not _rows(plain)


def test_what_a_list_must_not_swallow():
    """Found in review: each input once went wrong."""
    # a year after a dash is no deadline phrase when its «г.» is cut: no crash, the items stay text
    assert not _rows(_txt("Задачи на год:\n1. Обновить сайт школы – 2024 г.\n2. Провести ремонт спортзала.\n"))
    # a report's account after a date is no executor
    report = _txt(
        "ОТЧЁТ\nо мероприятиях\n1. Родительское собрание – 15 сентября 2023 г., присутствовали 45 родителей.\n"
        "2. Олимпиада – 20 октября 2023 г., участвовали 120 обучающихся.\n"
    )
    assert not _rows(report)
    # the signature after the last item is not its executor
    plan = _txt(
        "ПЛАН\nработы\n1. Провести педсовет – ноябрь 2023 г., директор\n"
        "2. Провести пробный экзамен – декабрь 2023 г., учителя-предметники\nДиректор школы\nС.В. Орлова\n"
    )
    assert [r.responsible for r in _rows(plan)] == ["директор", "учителя-предметники"]
    assert plan.signatory and plan.signatory.name == "Орлова С.В."
    # a spaced «п р и к а з ы в а ю:» still makes an act's clauses
    order = _txt(
        "ПРИКАЗ\n12.01.2024 № 5\nО диагностике\nВ целях контроля п р и к а з ы в а ю:\n"
        "1. Провести диагностику.\nСрок: до 1 февраля 2024 г.\n2. Итоги обсудить.\nСрок: февраль 2024 г.\n"
    )
    assert [i.kind for i in order.items] == ["clause", "clause"]
    # a repeated label adds to its field, a continuation line goes to the last label's field
    both = _txt(
        "План\n1. Провести семинар.\nСрок: май 2024 г.; ответственный: заместитель директора\nИванова М.П.\n"
        "Исполнители: учителя математики\n2. Провести урок.\nСрок: апрель 2024 г.\nСрок: май 2024 г.\n"
    )
    first, second = _rows(both)
    assert first.deadline == "май 2024 г."
    assert first.responsible == "заместитель директора Иванова М.П.; учителя математики"
    assert second.deadline == "апрель 2024 г.; май 2024 г."
    assert both.coverage.share == 1.0
    # a heading with nothing under it after the list stays text
    tail = _txt(
        "План\nI. Анализ\n1. Разобрать ВПР.\nСрок: октябрь 2024 г.\n2. Обсудить ВПР.\nСрок: ноябрь 2024 г.\n"
        "III. Заключительные положения\nПлан может корректироваться.\n"
    )
    assert [r.section for r in _rows(tail)] == [["I. Анализ"], ["I. Анализ"]]
    assert any(i.activity.startswith("III. Заключительные") for i in tail.items)


def test_protocols_heading_and_stamps():
    # the agenda's questions are no decisions, and a protocol cited there is not this one
    doc = _txt(PROTOCOL.replace("2. О наставничестве.\n", "2. О наставничестве (протокол № 7 от 01.02.2023).\n", 1))
    assert (doc.number, doc.date) == ("2", "2023-11-15")
    assert {r.number for r in _rows(doc)} == {"1.1.", "1.2.", "2.1."}
    assert "15.11.2023 с. Ивановка" in doc.header  # the line of its date is the protocol's metadata
    # «Протокол …» of the meeting that approved what follows is a stamp, not the kind
    statute = _txt("ПРИНЯТО\nна заседании педсовета\nПРОТОКОЛ № 1 от 30.08.2024\n\nПОЛОЖЕНИЕ\nо рабочей программе\n")
    assert statute.kind == "положение"
    plan = _txt(
        "СОГЛАСОВАНО                                УТВЕРЖДАЮ\n"
        "Протокол заседания                         Директор МБОУ СОШ № 5\n"
        "методического совета                       ________ С.В. Орлова\n"
        "от 28.08.2024 № 1                          Приказ от 30.08.2024 № 120\n\n"
        "ПЛАН\nработы методического совета на 2024/2025 учебный год\n"
    )
    assert (plan.kind, plan.number, plan.date) == ("план", "120", "2024-08-30")


def test_a_long_item_is_read_in_linear_time():
    import time

    start = time.perf_counter()
    dash_fields("слово – " * 250_000)
    assert time.perf_counter() - start < 1.0


def test_a_run_on_copys_decisions_keep_their_deadline_and_executor():
    # a web copy that put the whole protocol on one line: the decisions are cut at their numbers,
    # and each one's closing «Срок: …. Ответственные: …» are its fields, not its text
    doc = _txt(
        "Протокол заседания рабочей группы. Слушали: Иванову А.А. о ходе работы. Решили: "
        "1. Работу группы признать удовлетворительной. 2. Продолжить реализацию программы в 6-х классах. "
        "Срок: с 01.09.2014. Ответственные: руководители ШМО. 3. Провести анализ итоговых работ "
        "обучающихся 5-х классов. Срок: до 30.05.2014. Ответственный: Мусенова Н.Г.\n"
    )
    items = {i.number: i for i in doc.items}
    assert items["2"].activity.rstrip(".") == "Продолжить реализацию программы в 6-х классах"
    assert (items["2"].deadline, items["2"].responsible.rstrip(".")) == ("с 01.09.2014", "руководители ШМО")
    assert (items["3"].deadline, items["3"].responsible) == ("до 30.05.2014", "Мусенова Н.Г.")
    assert items["1"].deadline is None  # a decision without labels keeps none


def test_decisions_numbered_afresh_under_each_question():
    # a collegium's decision on a news page (set T, 277, dev): «I. Заслушав …, решила:» then 1.–5., «II. …
    # решила:» then 1.–3., «III. …» then 1.–3.; each group's heading stays text and heads its decisions
    from pathlib import Path

    from pipeline.parse import parse_file

    doc = parse_file(next(Path(__file__).parent.joinpath("realdocs/docs").glob("277_*")))
    camps = [i for i in doc.items if i.activity.startswith("Подготовить предложения по открытию в 2022 году лагерей")]
    assert len(camps) == 1 and (camps[0].deadline, camps[0].responsible) == (
        "до 01.03.2022",
        "руководители общеобразовательных организаций",
    )
    assert camps[0].section[0].startswith("II. Заслушав и обсудив информацию Кирилловой Т.В.")
    assert any(i.kind == "paragraph" and i.activity.startswith("III. Заслушав") for i in doc.items)


def test_labels_after_a_first_label_and_abbreviations_kept():
    # «отв.» as the second label (second review of set T's rules) and abbreviations keep their full stop
    _, fields = bracket_fields("Провести субботник (срок – апрель 2009 г., отв. Комков А.А.).")
    assert fields == {"deadline": "апрель 2009 г.", "responsible": "Комков А.А."}
    from pipeline.segment.labelled import trailing_labels

    found = trailing_labels("Провести классные часы. Срок: до 1 сент. Ответственные: кл. рук.")
    assert found and found[1]["responsible"] == "кл. рук."  # the deadline's «.» is also its sentence's end
    found = trailing_labels("Провести анализ. Срок: май. Ответственные: руководители организаций.")
    assert found and found[1]["responsible"] == "руководители организаций"


def test_a_numbered_clause_that_recommends_is_no_group_heading():
    doc = _txt(
        "ПРИКАЗ\n\nО мерах\n\nПРИКАЗЫВАЮ:\n\n1. Утвердить план мероприятий.\n\n"
        "2. Руководителям муниципальных органов управления образованием рекомендовать:\n\n"
        "1) обеспечить участие школ;\n2) назначить ответственных.\n\n"
        "3. Контроль за исполнением приказа возложить на заместителя министра.\n"
    )
    clauses = {i.number: i for i in doc.items if i.kind == "clause"}
    assert "2" in clauses and clauses["3"].section == []


COUNCIL = """ПРОТОКОЛ № 2
заседания координационного совета
от 20 июня 2024 года

Повестка дня:
1. О промежуточных итогах проекта.
2. О плане адресной поддержки школ.

По первому вопросу СЛУШАЛИ:
Литвинову Н.В. – о промежуточных итогах проекта.

РЕШИЛИ:
1.1. Информацию принять к сведению.
1.2. Институту обеспечить ежемесячный мониторинг.

По второму вопросу СЛУШАЛИ:
Резникову М.А. – о плане адресной поддержки школ.

РЕШИЛИ:
2.1. Утвердить план мероприятий.
2.2. Следующее заседание провести в декабре 2024 года.

Председатель совета Ю.В. Горбенко
"""


def test_a_protocols_decisions_go_on_after_the_next_question_is_heard():
    """499: «РЕШИЛИ: 1.1 … 1.2 …», then «По второму вопросу СЛУШАЛИ: …» and «РЕШИЛИ: 2.1 …»: the
    hearing is text between two groups of decisions, and the second group is read too."""
    doc = _txt(COUNCIL)
    clauses = [(c.number, c.activity) for c in doc.items if c.kind == "clause"]
    assert [n for n, _ in clauses] == ["1.1", "1.2", "2.1", "2.2"]
    texts = [i.activity for i in doc.items if i.kind == "paragraph"]
    assert any(t.startswith("Резникову М.А.") for t in texts)
    assert doc.signatory is not None and doc.coverage.share >= 0.98
