"""Questions answered from the corpus: what is asked, the place as a filter, cited values, «Не найдено»."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from index import answer_values, answers
from index.answers import asks
from index.kb import KnowledgeBase
from index.results import Hit, StoredDocument, StoredEntity, StoredItem


@pytest.fixture(scope="module")
def kb(corpus_kb_dir):
    return KnowledgeBase.open(corpus_kb_dir)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Кто отвечает за мониторинг?", "who"),
        ("Кем проводится анкетирование?", "who"),
        ("Когда проводится анкетирование школ?", "when"),
        ("В какие сроки утверждаются дорожные карты?", "when"),
        ("Как часто школа проводит для родителей всеобуч?", "when"),  # «1 раз в четверть»: the deadline cell
        ("Где создан образовательный центр?", "where"),
        ("Сколько семинаров проведено?", "count"),
        ("Какие семинары проводились?", "what"),
        ("Что делают для родителей?", "what"),
        ("В какой школе прошёл семинар?", "school"),
        ("Какая школа попала в список?", "school"),
        ("В каком районе создан центр?", "where"),
        ("В каком регионе школам помогает кабинет?", "where"),
        ("В каком институте проходят курсы?", "who"),
        ("Скольким школам оказали помощь?", "count"),
        ("Есть ли в плане олимпиады?", "whether"),
        ("Предусмотрено ли наставничество?", "whether"),
        # The question word that comes first decides; a school or a body later in the topic does not.
        ("До какого числа назначают ответственного за цифровую среду?", "when"),
        ("До какой даты утверждают перечень школ?", "when"),
        ("Кто проверяет данные, которые школы вносят в систему?", "who"),
        ("В какую систему школы вносят данные мониторинга?", "what"),
        ("Какой городской конкурс проводят для учителей?", "what"),
        ("В какой сельской школе открыт центр?", "school"),
        ("В каком селе открыт центр?", "where"),
        ("Какое предприятие обеспечивает подвоз детей?", "who"),
        ("Кого назначили координатором проекта?", "who"),
        # «когда» after a comma opens a clause when another question word asked first; alone it asks.
        ("Какую форму наставничества применяют, когда ученики помогают одноклассникам?", "what"),
        ("Скажите, когда проходил областной семинар?", "when"),
        ("Какие школьные соревнования проводят в Дни здоровья?", "what"),  # «школьные» is no school
        ("Какое министерство отвечает за строительство школ?", "who"),
        ("В каком населённом пункте строят детский сад?", "where"),
        ("Какой республиканский центр обучает педагогов?", "who"),  # a body with its adjective
        ("Какой отдел управления координирует кураторов?", "who"),
        ("Какой региональный центр проводит семинар?", "who"),  # «региональный» asks no region
        ("Какой районный конкурс проводят?", "what"),
        ("С какой даты в учебный план входят курсы?", "when"),
        ("В каких годах район собирался покупать автобусы?", "when"),
        # «ли» of a clause after a question word is no «есть ли» question
        ("Как в школах должны проверять, хорошо ли кормят детей?", "what"),
        ("Каким способом школа узнаёт, довольны ли родители?", "what"),
        ("В какие дни недели проходят групповые занятия?", "when"),
        # «как называется» asks for a name, whatever school the clause after it names
        ("Как называется курс, который Новоаганская школа включила в план?", "what"),
        ("В школах какого города стажируются педагоги поселковых школ?", "where"),
    ],
)
def test_what_is_asked(question, kind):
    assert asks(question) == kind


def test_who_monitors_in_dorogobuzh(kb):
    a = kb.ask("Кто отвечает за мониторинг в Дорогобужском районе?")
    assert a.found and a.asks == "who" and a.topic == ["мониторинг"]
    assert a.filters.municipality == "Дорогобужский район"
    assert "Сотрудники МОЦ" in a.text
    for hit in a.evidence:  # every cited item is about monitoring, in that district, and names who
        assert hit.document.municipality == "Дорогобужский район"
        said = f"{hit.item.activity} {hit.item.description or ''}".lower()
        assert "мониторинг" in said and hit.item.responsible  # «мониторинговых исследований» counts too
    for fact in a.facts:
        cited = {h.item_id: h for h in a.evidence}
        assert all(" ".join(cited[i].item.responsible.split()) == fact.value for i in fact.item_ids)
    assert "№ 61/01-04" in a.citation(1) and "000_" in a.citation(1)


def test_whom_they_made_responsible_is_the_responsible_cell(kb):
    """«Кого сделали ответственными за …?» asks who answers for the row (round 18's q1033), not whom
    the row's text names, nor a role: with no person in the rows, the responsible cell answers."""
    a = kb.ask("Кого сделали ответственными за мониторинг в Дорогобужском районе?")
    assert a.asks == "who" and "Сотрудники МОЦ" in [f.value for f in a.facts]
    cited = {h.item_id: h for h in a.evidence}
    assert all(" ".join(cited[i].item.responsible.split()) == f.value for f in a.facts for i in f.item_ids)


def test_when_is_the_risk_profile_survey(kb):
    a = kb.ask("Когда проводится анкетирование школ для рискового профиля?")
    assert a.found and a.asks == "when"
    top = a.evidence[0]
    assert "Анкетирование школ-участников" in top.item.activity
    assert a.text.startswith(top.item.deadline.strip())
    assert "422-ОД" in a.citation(1)


def test_which_seminars_in_smolensk(kb):
    a = kb.ask("Какие семинары проводились для школ с низкими результатами в Смоленской области?")
    assert a.found and a.asks == "what" and a.filters.region == "Смоленская область"
    assert len(a.evidence) >= 3
    for hit in a.evidence:
        assert hit.document.region == "Смоленская область"
        fields = (hit.item.activity, hit.item.description, hit.item.result)
        assert "семинар" in hit.matched_terms and any("семинар" in (f or "").lower() for f in fields)


def test_count(kb):
    a = kb.ask("Сколько семинаров проводилось в Смоленской области?")
    assert a.found and a.asks == "count"
    n = int(a.text.split(":")[1].split()[0])
    assert n == len(a.evidence) >= 3
    assert all("семинар" in h.matched_terms for h in a.evidence)


def test_nothing_found_shows_nearest(kb):
    a = kb.ask("Кто отвечает за полёт на Луну?")
    assert not a.found and a.text == "Не найдено." and a.facts == []
    assert a.evidence  # the nearest items are still shown


def _hit(activity: str, result: str | None = None, description: str | None = None) -> Hit:
    item = StoredItem(1, 1, 1, "row", activity, description=description, result=result)
    return Hit(1, 1.0, 1, 1, (), item, StoredDocument(1, "x.txt"))


@pytest.mark.parametrize(
    ("question", "row", "number"),
    [
        # the unit glued two columns away by a PDF, and «500+» is a project, not a count
        (
            "Сколько руководителей и бухгалтеров школ планировали обучить?",
            _hit("Обучение по проекту «500+»", description="Не менее 300 обученных науки области,\nруководителей"),
            "300",
        ),
        # «человек» counts people; the clause saying the question's topic wins over the others
        (
            "Сколько педагогов прошли курсы про управленческую команду школы?",
            _hit(
                "Курсы",
                result="- курсы по теме «Азбука управления» (14 человек);\n- коллектив (23 человека) прошел"
                " курсовую подготовку по теме «Управленческая команда школы»",
            ),
            "23",
        ),
        # a number of another thing is no answer
        ("Сколько семинаров проведено?", _hit("Встреча педагогов из 7 районов области; семинар для родителей"), None),
        # the unit right after the number beats one a few words on
        ("Сколько кураторов назначено для школ?", _hit("Кураторы", result="30 школ и 15 кураторов"), "15"),
        # units of the same meaning: «учителей» are «педагоги», «учеников» are «обучающиеся»
        ("Сколько учителей прошли курсы?", _hit("Курсы", result="Курсы прошли 23 педагога"), "23"),
        ("Сколько учеников участвовало в олимпиаде?", _hit("Олимпиада", result="участвовали 120 обучающихся"), "120"),
        # «сколько человек» counts any people
        ("Сколько человек прошли обучение?", _hit("Курсы", result="обучено 45 педагогов"), "45"),
        # a number in words; «одна из» counts nothing
        ("Сколько школ участвует в проекте?", _hit("Проект", result="Одна из школ района и ещё три школы"), "три"),
        # a decimal stays whole
        ("Сколько процентов выпускников сдали ЕГЭ?", _hit("ЕГЭ", result="доля сдавших ЕГЭ — 95,5 %"), "95,5"),
    ],
)
def test_how_many_reads_the_number_with_its_unit(question, row, number):
    values = answer_values.count(row, question)
    assert (values[0].split()[0] if values else None) == number


def test_what_reads_the_name_after_the_noun_asked():
    row = _hit("Регистрация школ-участников и кураторов в информационной системе ИС МЭДК")
    assert answer_values.what(row, "В какой информационной системе регистрируют школы и кураторов?") == ["ИС МЭДК"]
    row = _hit("Составление индивидуальных образовательных маршрутов для обучающихся с риском неуспешности")
    got = answer_values.what(row, "Что составляют для учеников с риском учебной неуспешности?")[0]
    assert got.startswith("индивидуальных образовательных маршрутов")


@pytest.mark.parametrize(
    ("question", "activity", "value"),
    [
        # «как называются … школы»: the compound that names the kind of school
        (
            "Как называются успешные школы, которые закрепляют за слабыми?",
            "Закрепление за школами с низкими результатами школ-наставников из числа успешных",
            "школ-наставников",
        ),
        # a site's name is a name, though not in quotes or Latin
        ("Что используют для олимпиад онлайн?", "Участие обучающихся в олимпиадах на платформе Учи.ру", "Учи.ру"),
        # a federal project is the frame of the row, not its method, unless a project is asked
        (
            "Какую форму работы выбрали для молодых учителей?",
            "В рамках проекта «Современная школа»: мастерская молодого учителя «Открытый урок»",
            "Открытый урок",
        ),
        # a proper name begun by a capitalised adjective before the noun asked
        (
            "В какую систему школы вносят данные?",
            "Внесение школами данных по показателям в Региональную систему электронного мониторинга",
            "Региональную систему электронного мониторинга",
        ),
        # a few words may stand between the noun asked and its quoted name
        (
            "Какой городской конкурс проводят для учителей?",
            "Проведение городского конкурса профессионального мастерства «Сердце отдаю детям»",
            "Сердце отдаю детям",
        ),
        ("В какой форме разбирают трудные задания?", "Разбор трудных заданий в форме мастер-класса", "мастер-класса"),
        # the adjective before «формате» says the form; a participle («выбранной форме») does not
        (
            "В каком формате консультируют выпускников?",
            "Проведение консультаций для выпускников 9 и 11 классов в дистанционном формате",
            "дистанционном формате",
        ),
        # the noun asked and its genitive words name the thing when nothing is quoted
        (
            "Какую систему финансирования внедряют для организаций дополнительного образования?",
            "Обеспечение деятельности организаций, внедрение системы персонифицированного финансирования",
            "системы персонифицированного финансирования",
        ),
        # an abbreviation in brackets after the noun's genitive words
        (
            "В какой информационной системе школы заполняют анкеты?",
            "Заполнение анкет «Школьный профиль» в информационной системе мониторинга дорожных карт (ИС МЭДК)",
            "ИС МЭДК",
        ),
        (
            "В рамках какого проекта открыта мастерская молодого учителя?",
            "Мастерская молодого учителя в рамках проекта «Современная школа»",
            "Современная школа",
        ),
    ],
)
def test_what_names_the_method(question, activity, value):
    assert answer_values.what(_hit(activity), question)[0] == value


def test_what_reads_the_noun_asked_in_another_field_only_when_the_activity_lacks_it():
    row = _hit("Курсы повышения квалификации", description="Дистанционно, на платформе ЦНППМ")
    assert answer_values.what(row, "На какой платформе учителя проходят курсы?") == ["ЦНППМ"]
    # the activity says «семинаров» and names none: a quoted name elsewhere in the row is not the seminar's
    row = _hit("Проведение семинаров для учителей", result="на сайте муниципального образования «Дорогобужский район»")
    assert answer_values.what(row, "Как называется муниципальный семинар для учителей?") != ["Дорогобужский район"]


@pytest.mark.parametrize(
    ("question", "row", "value"),
    [
        (
            "На сайте какой организации выложен районный план?",
            _hit("Актуализация районного плана", description="Выполнено. План размещен на сайте ИМЦ"),
            "ИМЦ",
        ),
        (
            "На базе каких учреждений проходят стажировки учителей?",
            _hit("Стажировки учителей математики", description="прошли 40 учителей на базе лицеев и гимназий города"),
            "лицеев и гимназий города",
        ),
        ("В рамках какого проекта внедряют модель?", _hit("Внедрение модели"), None),
    ],
)
def test_anchored_reads_what_the_row_names_after_the_questions_noun(question, row, value):
    assert (answer_values.anchored(row, question)[:1] or [None])[0] == value


def test_where_asked_for_towns_reads_the_towns_of_the_row():
    row = _hit("Введение профильного обучения в общеобразовательных учреждениях гг. Майкопа и Адыгейска")
    assert answer_values.where(row, "В каких городах вводили профильное обучение?") == ["Майкопа и Адыгейска"]
    assert answer_values.where(row, "В каком селе вводили профильное обучение?") == ["Майкопа и Адыгейска"]
    assert answer_values.where(_hit("Введение профильного обучения"), "В каких городах вводили его?") == []


def test_a_bare_where_about_a_named_place_reads_the_venue():
    row = _hit("Оборудовать места для ожидания родителей в холле первого этажа, в течение 2024 года")
    assert answer_values.where(row, "Где в школе № 7 г. Энска ждут родители?") == ["в холле первого этажа"]
    # the venue the question already says is no answer; nor is a time or a manner
    said = _hit("Разместить стенд в холле первого этажа в рамках проекта")
    assert answer_values.where(said, "Где в холле школы № 7 разместят стенд?") != ["в холле первого этажа"]
    year = _hit("Размещение информации на стенде в 2024 году")
    assert answer_values.where(year, "Где в школе № 15 размещают стенд?") != ["в 2024 году"]
    # unless it adds a name: «на курсах АКИПКРО»
    courses = _hit("Повышение квалификации педагогов на курсах АКИПКРО, 2014-2018")
    assert answer_values.where(courses, "Где учатся на курсах педагоги школ Егорьевского района?") == [
        "на курсах АКИПКРО"
    ]
    # a text put somewhere: the venue, whatever place the question names
    site = _hit("Размещение рейтинга школ на официальном сайте Департамента образования до 15 сентября")
    assert answer_values.where(site, "Где Самара выкладывает рейтинг школ?") == [
        "на официальном сайте Департамента образования"
    ]
    # «в каком районе» asks for the district, not the venue
    assert answer_values.where(row, "Где, в каком районе, ждут родители в школе № 7?") != ["в холле первого этажа"]


def test_from_among_whom_reads_whom_the_row_draws_from():
    from index.answers import asks

    question = "Из числа каких специалистов подбирают кураторов для школ?"
    assert asks(question) == "who"
    row = _hit("Закрепление за школами кураторов из числа руководителей районных методических объединений")
    assert answer_values.who(row, question) == ["руководителей районных методических объединений"]
    assert answer_values.who(row, "Кто подбирает кураторов?") != ["руководителей районных методических объединений"]


def test_a_town_named_alone_names_its_region():
    from index.answers import _with_town
    from index.results import Understood

    assert _with_town(Understood(""), "Когда в Череповце утверждают перечень школ?").region == "Вологодская область"
    assert _with_town(Understood(""), "Когда утверждают перечень школ?").region is None
    kept = Understood("", region="Тверская область")
    assert _with_town(kept, "Что делают в Череповце?") is kept  # a region the question names wins


def test_what_never_answers_with_an_acts_title():
    row = _hit("Признать утратившим силу распоряжение от 28.12.2020 № Р-1015 «Об оценке механизмов управления»")
    assert "Об оценке механизмов управления" not in answer_values.what(row, "Какой механизм оценивают?")


def test_who_skips_the_body_the_question_names():
    cell = "Департамент образования города Энска; ГУП «Автотранс»"
    bodies = (
        StoredEntity("ORG:департамент образования", "ORG", "", "responsible", 0, 36, cell[:36]),
        StoredEntity("ORG:гуп автотранс", "ORG", "", "responsible", 38, 53, cell[38:53]),
    )
    item = StoredItem(1, 1, 1, "row", "Организация подвоза обучающихся", responsible=cell, entities=bodies)
    hit = Hit(1, 1.0, 1, 1, (), item, StoredDocument(1, "x.txt"))
    got = answer_values.who(hit, "Какое предприятие вместе с департаментом образования обеспечивает подвоз?")
    assert got[0] == "ГУП «Автотранс»"


def test_who_skips_the_named_body_when_the_tagger_found_only_that_one():
    """Two bodies in one cell, its lines joined (q1475): the tagger found only the named one; the other
    is read off the cell."""
    cell = "Департамент образования города Севастополя Департамент капитального строительства города Севастополя"
    named = (StoredEntity("ORG:департамент образования", "ORG", "", "responsible", 0, 42, cell[:42]),)
    item = StoredItem(1, 1, 1, "row", "Создание детского технопарка", responsible=cell, entities=named)
    hit = Hit(1, 1.0, 1, 1, (), item, StoredDocument(1, "x.txt"))
    got = answer_values.who(hit, "Какой департамент вместе с департаментом образования создаёт технопарк?")
    assert got[0] == "Департамент капитального строительства города Севастополя"


def test_who_was_appointed_is_read_from_the_clause_that_appoints(kb):
    # «МОЦ» in many rows' responsible cells says who does them, not that they are about the
    # coordinator: the clause that appoints ranks above them
    a = kb.ask("Кого назначили координатором муниципального проекта МОЦ в Дорогобужском районе?")
    assert a.asks == "who" and a.facts[0].value == "Минаеву Е.Л."  # «кого»: whom the clause names


def test_whom_reads_the_row_not_its_responsible_cell():
    row = _hit("Закрепление за слабыми школами учителей-консультантов из базовых школ района")
    row = Hit(1, 1.0, 1, 1, (), replace(row.item, responsible="Отдел образования"), row.document)
    assert answer_values.whom(row, "Кого закрепляют за слабыми школами?") == []  # no person: read as «что»
    assert answer_values.what(row, "Кого закрепляют за слабыми школами?")[0].startswith("учителей-консультантов")
    assert answer_values.who(row, "Кто закрепляет консультантов за слабыми школами?") == ["Отдел образования"]


def test_count_and_place_from_the_corpus(kb):
    a = kb.ask("Сколько педагогов Дорогобужской СОШ № 1 прошли курсы про управленческую команду школы?")
    assert a.asks == "count" and a.text.startswith("23 ")
    a = kb.ask("В каком районе материально-техническую базу школ обновляют через соглашение о социальном партнёрстве?")
    # the row is in a Smolensk report that names no district in its metadata: the region is the answer then
    assert a.asks == "where" and a.facts[0].value in ("Дорогобужский район", "Смоленская область")
    assert a.evidence[0].document.region == "Смоленская область"


def test_whether_says_no_when_the_district_has_nothing(kb):
    a = kb.ask("Есть ли в дорожной карте Пономаревского района олимпиады или конкурсы для школьников?")
    assert a.asks == "whether" and not a.found
    a = kb.ask("Есть ли в Дорогобужском районе мониторинг программ повышения качества образования?")
    assert a.found and a.text.startswith("Да:")
    # the MOC's report names no district in its metadata, but it is of the district's region: its row says yes
    a = kb.ask("Есть ли в Дорогобужском районе олимпиады для школьников?")
    assert a.found and "олимпиад" in a.facts[0].value and a.evidence[0].document.region == "Смоленская область"


def test_a_row_done_by_every_school_names_no_one():
    assert answer_values.collective("ОО") and answer_values.collective("образовательные организации")
    assert not answer_values.collective("Ломакина Г.Н.") and not answer_values.collective("МБОУ СОШ № 2")


def test_schools_and_towns_read_as_a_methodologist_writes_them():
    spelled = "муниципального бюджетного общеобразовательного учреждения СОШ имени А.В. Суворова п. Новостройка"
    assert answer_values._short_school(spelled) == "СОШ имени А.В. Суворова п. Новостройка"
    assert answer_values._short_school("МБОУ СОШ № 2") == "МБОУ СОШ № 2"
    # a spelled-out form opening a sentence is as long-winded as one inside it
    spelled = "Муниципальное казенное общеобразовательное учреждение «Хвастовичская СОШ»"
    assert answer_values._short_school(spelled) == "Хвастовичская СОШ"
    assert [m.group(1) for m in answer_values._TOWNS.finditer("в с. Усть-Кулом и г. Сыктывкар")] == [
        "Усть-Кулом",
        "Сыктывкар",
    ]


def test_a_name_in_a_row_that_never_says_the_noun_asked_is_something_else():
    site = _hit("Создание сайта «Адресное сопровождение школ»")
    assert answer_values.what_named(site, "Какие семинары проводились для школ?") == []
    # a topic is a kind of thing: the meeting's row names its topic without the word «тема»
    meeting = _hit("Общешкольное родительское собрание «Как помочь ребенку учиться успешно»")
    assert answer_values.what_named(meeting, "Какой теме посвятили родительское собрание?") == [
        "Как помочь ребенку учиться успешно"
    ]


def test_a_campaign_is_named_by_its_hashtag_after_the_noun_asked():
    lesson = _hit("Всероссийский урок «Экология и энергосбережение» в рамках фестиваля #ВместеЯрче")
    asked = "В рамках какого фестиваля школа проводит урок об экологии?"
    assert answer_values.what_named(lesson, asked) == ["#ВместеЯрче"]


def test_who_heads_asks_for_a_person():
    assert answers._ASKS_HEAD.search("Кто возглавляет отдел образования района?")
    assert not answers._ASKS_HEAD.search("Кто отвечает за мониторинг?")
    assert answers._ASKS_MONTH.search("В какие месяцы проходит конкурс?")
    assert answers._MONTH.search("февраль - март 2010 года") and not answers._MONTH.search("2015 – 2017")


def test_the_document_a_question_points_to_is_not_its_topic_but_its_quoted_title_is():
    from index.results import Understood

    # the title stays: nothing filters by it, and a row of another document must not answer in its stead
    question = "Предусмотрен ли подвоз школьников в областной целевой программе «Развитие образования и науки»?"
    topic = ["подвоз", "школьник", "развитие", "образование", "наука"]
    assert answers._topic(question, Understood(expanded=question)) == topic


def test_the_body_named_beside_the_one_asked_answers_last():
    """«Кто вместе с министерством …?» (q752, q1382): the ministry the rows also name is not the
    answer; a cell listing it beside the other body is (q118)."""
    from index.results import Understood

    question = "Какая организация вместе с институтом развития образования Ярославской области разбирает данные?"
    partner = answers._partner(question, Understood(expanded=question, region="Ярославская область"))
    assert partner == {"институт", "развитие", "образование"}
    assert answers._is_partner("ГОАУ ЯО ИРО", partner)  # by the abbreviation's expansion
    assert not answers._is_partner("НИУ ВШЭ", partner)
    question = "Кто вместе с органами местного самоуправления проводит слёт?"
    partner = answers._partner(question, Understood(expanded=question))
    assert partner == {"орган", "местный", "самоуправление"}
    assert not answers._is_partner("РО ВВПОД «ЮНАРМИЯ», органы местного самоуправления", partner)
    question = "Какой департамент вместе с департаментом образования создаёт технопарк?"
    partner = answers._partner(question, Understood(expanded=question))
    assert not answers._is_partner("Департамент капитального строительства", partner)
    assert answers._partner("Кто отвечает за мониторинг?", Understood(expanded="")) == set()


def test_a_documents_kind_alone_names_no_method():
    """«дорожную карту» read from «в соответствии с дорожной картой» (q899, q1549) answers after a named event."""
    assert answers._only_a_kind("дорожную карту") and answers._only_a_kind("Протокол")
    assert not answers._only_a_kind("Наставничество: итоги года")
    assert not answers._only_a_kind("план ликвидации пробелов")


def test_a_quoted_title_naming_one_document_confines_whether_to_it():
    """q1577: «Предусматривает ли программа «Развитие образования в городе Курске» наставничество?» is
    not answered by a Tver school's row; a title many documents share («Развитие образования») confines nothing."""
    def hit(doc_id: int, title: str) -> Hit:
        return replace(_hit("Наставничество"), document=StoredDocument(doc_id, f"{doc_id}.txt", title=title))

    hits = [
        hit(1, "Программа развития школы"),
        hit(2, 'Об утверждении муниципальной программы "Развитие образования в городе Курске"'),
        hit(3, "Об утверждении программы «Развитие образования» на 2024-2030 годы"),
    ]
    kursk = answers._titles_named("Предусматривает ли программа «Развитие образования в городе Курске» наставничество?")
    assert answers._titled_documents(hits, kursk) == {2}
    generic = answers._titles_named("Предусматривает ли программа «Развитие образования» наставничество?")
    assert answers._titled_documents(hits, generic) == set()


def test_whether_a_named_school_or_town_does_something_is_asked_of_its_own_documents():
    """q779, q1072: the names a question capitalises bound a «да» to rows or documents that say them."""
    topic = ["новоселенгинский", "школа-интернат", "наставничество", "молодой", "учитель"]
    question = "Есть ли в плане Новоселенгинской школы-интерната на 2016 год наставничество для молодых учителей?"
    assert answers._names_asked(question, topic) == {"новоселенгинский"}
    question = "Закрепляет ли программа города Иванова наставников за молодыми учителями по ЕГЭ?"
    assert answers._names_asked(question, ["закреплять", "программа", "иванов", "наставник", "егэ"]) == {"иванов"}


def test_a_proper_name_before_the_nouns_other_adjectives_is_read_whole():
    """q1609: «В каком административном округе Омска …?» over «… в Кировском административном округе города Омска»."""
    row = _hit("Строительство здания школы на 1100 мест в Кировском административном округе города Омска")
    got = answer_values.what(row, "В каком административном округе Омска строят новое здание школы?")
    assert got[0].startswith("Кировском административном округе")


def test_a_body_cut_inside_its_name_is_read_whole():
    """The tagger may cut a body at its legal form or its quotes: «ДПО» of «КГАУ ДПО «Камчатский институт …»»;
    a cell whose lines a copy joined with «|» is not read across."""
    cell = "Министерство образования Камчатского края, КГАУ ДПО «Камчатский институт развития образования»"
    at = cell.index("ДПО")
    cut = StoredEntity("ORG:дпо", "ORG", "", "responsible", at, at + 3, "ДПО")
    row = StoredItem(1, 1, 1, "row", "x", responsible=cell, entities=(cut,))
    hit = Hit(1, 1.0, 1, 1, (), row, StoredDocument(1, "x"))
    assert answer_values._whole(hit, cut).text == "КГАУ ДПО «Камчатский институт развития образования»"
    piped = 'ГБУ НАО "Ненецкий региональный | ежегодно, | центр развития образования"'
    cut = StoredEntity("ORG:x", "ORG", "", "responsible", 0, 30, piped[:30])
    row = StoredItem(1, 1, 1, "row", "x", responsible=piped, entities=(cut,))
    hit = Hit(1, 1.0, 1, 1, (), row, StoredDocument(1, "x"))
    assert answer_values._whole(hit, cut) == cut


def test_a_rule_of_dashes_is_no_answer():
    assert not answers._SAYS_SOMETHING.search("--------------------")
    assert answers._SAYS_SOMETHING.search("РМО")


def test_a_school_asked_on_whose_premises_is_read_after_those_words():
    row = _hit("Консультационные пункты для обучающихся 9 и 11 классов на базе Мелеховской и Новосельской средних школ")
    got = answer_values.anchored(row, "На базе каких школ работают консультационные пункты?")
    assert got == ["Мелеховской и Новосельской средних школ"]


def test_a_run_of_new_words_is_quoted_as_printed():
    text = "Репетиционный ЕГЭ на базе ППЭ-531 МАОУ «Викуловская СОШ №1» и ППЭ-533"
    got = answer_values._novel_run(text, {"репетиционный", "егэ"})
    assert got == "базе ППЭ-531 МАОУ «Викуловская СОШ №1» и ППЭ-533"


def test_under_half_of_the_topic_a_row_must_say_three_of_its_words(kb):
    # «конкурсах и олимпиадах школьников» holds two of «конкурс школьных театров»: no «да»
    assert not kb.ask("Есть ли в дорожной карте конкурс школьных театров?").found
    assert not kb.ask("Проводится ли олимпиада по робототехнике для учеников начальной школы?").found


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Как называется орган, который отвечает за создание рабочей группы?", "who"),
        ("Как называется населённый пункт, где проводится семинар?", "where"),
    ],
)
def test_what_a_body_or_a_place_is_called_asks_for_the_body_or_the_place(question, kind):
    assert asks(question) == kind


def test_anchored_reads_no_relative_clause_and_no_function_words():
    seminars = _hit("Районное мероприятие «Методический день», в рамках которого проводятся семинары-практикумы")
    question = "Какие школы участвуют в мероприятии, в рамках которого проводятся семинары?"
    assert answer_values.anchored(seminars, question) == []
    site = _hit("Разместить на сайте и в социальных сетях информацию о семинарах")
    assert answer_values.anchored(site, "На сайте какой организации размещают информацию о семинарах?") == []
    meeting = _hit("Отчёт директора на заседании в августе")
    assert answer_values.anchored(meeting, "На заседании какого органа отчитывается директор?") == []


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Каким методом оценивается качество уроков?", "метод"),
        ("Каким приказом утверждён план?", "приказ"),
        ("Какую муниципальную форму поддержки организуют?", "форма"),
        ("Какими цифровыми сервисами пользуются педагоги?", "сервис"),
    ],
)
def test_the_noun_asked_is_the_first_word_that_is_no_adjective(question, noun):
    assert answer_values.asked_noun(question) == noun


def test_a_genitive_tail_ends_at_a_word_boundary():
    assert answer_values._genitive_tail(" управления страницу", 0) == " управления"


def test_a_run_of_capitals_in_brackets_is_read_in_linear_time():
    import time

    text = "Внедрение системы мониторинга качества (" + "А" * 400
    start = time.perf_counter()
    answer_values._NAME_AFTER.match(text, len("Внедрение системы"))
    assert time.perf_counter() - start < 0.5


def test_of_several_people_the_one_whose_own_words_the_question_repeats():
    cell = "Руководители ШМО: Тагирова Э.Р. (гуманитарный цикл), Маслова Н.П. (естест венно-математический цикл)"
    people = [
        StoredEntity("PER:тагирова", "PER", "", "responsible", cell.index("Тагирова"), cell.index("Тагирова") + 13,
                     "Тагирова Э.Р."),
        StoredEntity("PER:маслова", "PER", "", "responsible", cell.index("Маслова"), cell.index("Маслова") + 11,
                     "Маслова Н.П."),
    ]  # fmt: skip
    item = StoredItem(1, 1, 1, "row", "Заседания ШМО", responsible=cell, entities=tuple(people))
    hit = Hit(1, 1.0, 1, 1, (), item, StoredDocument(1, "x.txt"))
    got = answer_values.who(hit, "Кто руководит объединением учителей естественно-математического цикла?")
    assert len(got) == 1 and got[0].startswith("Маслова")
    # nothing singles one out: both
    assert len(answer_values.who(hit, "Кто руководит школьными методическими объединениями?")) == 2
    text = "Комитету по социальным вопросам (Качин Л.А.), городскому Управлению образования (Дугарова Д.Ц.):"
    named = [
        StoredEntity("PER:качин", "PER", "", "activity", text.index("Качин"), text.index("Качин") + 9, "Качин Л.А."),
        StoredEntity("PER:дугарова", "PER", "", "activity", text.index("Дугарова"), text.index("Дугарова") + 12,
                     "Дугарова Д.Ц."),
    ]  # fmt: skip
    item = StoredItem(1, 1, 1, "clause", text, entities=tuple(named))
    clause = Hit(1, 1.0, 1, 1, (), item, StoredDocument(1, "x.txt"))
    assert answer_values.who(clause, "Кто возглавлял городское управление образования?") == ["Дугарова Д.Ц."]


def test_thousands_a_labelled_venue_and_a_topic_question():
    from index.answers import asks

    row = _hit("Проведение областных олимпиад школьников", result="ежегодно не менее 25 тыс. участников")
    assert answer_values.count(row, "Сколько тысяч школьников собирают на олимпиады?") == ["25 тыс"]
    feast = _hit('Спортивный праздник для воспитанников детских садов. Место проведения: стадион "Туймаада", в 11 ч')
    assert answer_values.where(feast, "Где в Якутске проходит спортивный праздник?") == ['стадион "Туймаада"']
    assert asks("О чём школьный семинар, который школа № 2 запланировала на конец года?") == "what"
    assert asks("Как называется школьный фестиваль, который Октябрьская школа проводит в марте?") == "what"


def test_a_school_named_short_in_its_own_plan_is_answered_with_the_name_its_title_prints():
    item = StoredItem(1, 1, 1, "row", "Пригласить председателя родительского совета наблюдать за ВПР")
    title = "План мероприятий по подготовке к ВПР в частном общеобразовательном учреждении «РЖД лицей № 17»"
    hit = Hit(1, 1.0, 1, 1, (), item, StoredDocument(1, "x.txt", title=title))
    got = answer_values.school(hit, "Какая школа приглашает родителей на ВПР?", lambda _: ["лицей № 17"])
    assert got == ["РЖД лицей № 17"]


def test_a_review_of_singling_out_and_towns():
    cell = "Смирнова О.П., заместитель директора по учебной работе; Кузнецова Т.И., учитель русского языка"
    people = tuple(
        StoredEntity(
            f"PER:{n}", "PER", "", "responsible", cell.index(n), cell.index(n) + 13, cell[cell.index(n) :][:13]
        )
        for n in ("Смирнова", "Кузнецова")
    )
    item = StoredItem(1, 1, 1, "row", "Школьный этап олимпиады по русскому языку", responsible=cell, entities=people)
    hit = Hit(1, 1.0, 1, 1, (), item, StoredDocument(1, "x.txt"))
    # the row's own topic («русскому языку») and the asked role («ответственный») single out no one
    assert len(answer_values.who(hit, "Кто организует школьный этап олимпиады по русскому языку?")) == 2
    assert len(answer_values.who(hit, "Кто ответственный за олимпиаду?")) == 2
    assert not answer_values._names_place("Где в области проходил региональный этап конкурса?")
    assert answer_values._names_place("Где в Якутске проходит праздник?")


def test_round_nine_forms_where_to_a_where_clause_and_a_count_printed_after_its_unit():
    from index.answers import asks

    assert asks("Куда школы отправляют учителей учиться?") == "where"
    assert asks("Как в районе собирались помочь учителям из школ, где ВПР написали плохо?") == "what"
    assert asks("Где, в каком районе, ждут родители?") == "where"
    row = _hit("Максимальное количество баллов - 35.")
    assert answer_values.count(row, "Сколько баллов максимум может набрать школа?") == ["35 баллов"]
    assert answer_values.count(_hit("Приказ от 12.03.2021 № 5"), "Сколько баллов?") == []


def test_an_abbreviation_keeps_its_quoted_name_and_a_collective_is_no_school():
    row = _hit("Организация дистанционных консультаций для выпускников с использованием ресурсов ФГИС «Моя школа»")
    assert answer_values.what(row, "Через какой цифровой ресурс консультируют выпускников?") == ["ФГИС «Моя школа»"]
    cell = "ОУ"
    item = StoredItem(1, 1, 1, "row", "Совещание завучей", entities=(
        StoredEntity("SCHOOL:ОУ", "SCHOOL", "", "activity", 0, 2, cell),
    ))  # fmt: skip
    hit = Hit(1, 1.0, 1, 1, (), item, StoredDocument(1, "x.txt"))
    assert answer_values.school(hit, "На базе какой школы собирают завучей?", lambda _: ["ОУ"]) == []
    assert answer_values._names_place("Где в Калининской школе разбирали итоги ВПР?")


def test_round_eleven_forms_a_share_in_the_accusative_a_count_in_the_deadline_and_on_whom():
    from index.answers import _WHOM, asks

    assert asks("Какую долю учителей (в процентах) отправляют на курсы?") == "count"
    row = _hit("Проверка работ территориальными предметными комиссиями")
    row = Hit(1, 1.0, 1, 1, (), replace(row.item, deadline="в течение 10 дней после экзамена"), row.document)
    assert answer_values.count(row, "За сколько дней комиссии проверяют работы?")[0].startswith("10 дней")
    assert _WHOM.match("На кого возложен контроль за постановлением?")


def test_a_second_review_of_counts_venues_and_question_kinds():
    # the clause around each number decides, the year and «класс» are never counts, units print in lower case
    row = _hit("В ИРО организованы курсы. Их прошли 12 учителей. Из них молодых учителей - 2.")
    assert answer_values.count(row, "Сколько учителей прошли курсы в ИРО?") == ["12 учителей"]
    assert answer_values.count(_hit("Итоги: класс - 9"), "Сколько классов?") == []
    assert answer_values.count(_hit("Участники - 120"), "Сколько участников?") == ["120 участники"]
    many = _hit("Результаты: " + "; ".join(f"баллов - {i % 90 + 10}" for i in range(3000)))
    started = time.perf_counter()
    assert answer_values.count(many, "Сколько баллов набрали?")
    assert time.perf_counter() - started < 2  # was quadratic: every pair lemmatised the whole cell
    # a publishing verb asks for a medium, not a manner; «куда» asks the destination
    manner = _hit("Размещение отчёта о самообследовании в установленном порядке")
    assert answer_values.where(manner, "Где размещают отчёт о самообследовании?") != ["в установленном порядке"]
    alarm = _hit("Оснащение школ кнопками экстренного вызова милиции с выводом сигнала на пульт дежурной части")
    assert answer_values.where(alarm, "Куда поступает сигнал тревожных кнопок?") == ["на пульт дежурной части"]
    assert asks("Как называется учреждение, где проходят курсы?") == "where"
    assert asks("Какие мероприятия проводят в Самаре, куда приезжают эксперты?") == "what"
    # a short school name is not taken for a longer number's («Лицей № 1» in «Лицей № 17»)
    item = StoredItem(1, 1, 1, "row", "Семинар", entities=(StoredEntity("SCHOOL:л1", "SCHOOL", "", "activity", 0, 9,
                                                                          "Лицей № 1"),))  # fmt: skip
    hit = Hit(1, 1.0, 1, 1, (), item, StoredDocument(1, "x.txt", title="План работы МАОУ «Лицей № 17»"))
    assert answer_values.school(hit, "Какая школа проводит семинар?", lambda _: []) == ["Лицей № 1"]


class _Counts:
    """Just what `_supported` asks of a search: lemma frequencies and the size of the base."""

    def lemma_counts(self, terms):
        return {}

    def item_count(self):
        return 1000

    def about_document(self, document_id, item_id, read):
        return []


def test_a_time_word_of_the_question_is_said_by_the_deadline_or_left_out():
    from index.answers import _supported

    topic = ["обсудить", "итог", "впр", "ноябрь"]
    row = _hit("Рассмотреть результаты ВПР на педагогических советах")
    said = replace(row, item=replace(row.item, deadline="ноябрь 2019 г."))
    other = Hit(2, 1.0, 2, 2, (), replace(row.item, id=2, deadline="март 2020 г."), row.document)
    unknown = Hit(3, 1.0, 3, 3, (), replace(row.item, id=3), row.document)
    found = _supported(_Counts(), topic, [other, unknown, said])
    # «итоги» and «обсудить» are the row's «результаты» and «рассмотреть»; November is the first row's deadline
    assert found[0] is said
    assert unknown in found  # a row that names no month is not held against it
    autumn = _supported(_Counts(), ["обсудить", "итог", "впр", "осень"], [other, said])
    assert autumn[0] is said


def test_what_day_or_hour_asks_when():
    assert asks("В какой день недели школы сообщают в управление о посещаемости?") == "when"
    assert asks("До которого часа классные руководители сообщают об отсутствующих?") == "when"
    assert asks("Во сколько раз выросло число участников?") == "count"
    assert asks("На какой месяц перенесли выезд куратора в школу?") == "when"
    row = _hit("ежедневно до 9.00 сообщать заместителю директора сведения об отсутствующих обучающихся")
    assert answer_values.when(row, "До которого часа классные руководители сообщают об отсутствующих?") == ["до 9.00"]


def test_a_venue_is_a_place_not_a_manner():
    row = _hit("Педсовет прошёл в смешанном формате, итоги заслушать на заседании методического совета")
    assert answer_values.where(row, "Где в школе № 8 отчитаются об итогах?") == ["на заседании методического совета"]


def test_a_whether_row_in_other_words_is_supported_only_when_very_close():
    """«Будут ли … следить не только за экзаменами?» asked of «общественное наблюдение при проведении
    ВПР»: two of the topic's words and a very close meaning support «да»; the words alone do not."""
    from index.answers import WHETHER_CLOSE, _supported

    row = _hit("Организация общественного наблюдения при проведении всероссийских проверочных работ")
    topic = ["представитель", "общественность", "следить", "экзамен", "выпускной", "класс", "девятый", "наблюдение"]
    near = replace(row, similarity=WHETHER_CLOSE + 0.01)
    far = replace(row, similarity=WHETHER_CLOSE - 0.05)
    assert _supported(_Counts(), topic, [near], whether=True) == [near]
    assert _supported(_Counts(), topic, [far], whether=True) == []


def test_a_day_asked_is_answered_by_a_value_naming_a_day():
    """«С какого числа …?» (round 19's q1069) puts «с 1 января 2009 г.» before «IV квартал 2007 г.»;
    «к какому сроку …?» may be answered by a month."""
    assert answer_values.asks_day("С какого числа школы должны были начать получать деньги по нормативу?")
    assert not answer_values.asks_day("К какому сроку школы должны перейти на электронный журнал?")
    assert answer_values.names_day("с 1 января 2009 г.") and answer_values.names_day("до 30.09.2022")
    assert not answer_values.names_day("IV квартал 2007 г.")


def test_a_rows_own_name_in_brackets_answers_how_it_is_called():
    """«Как … называют связки сильной и слабой школы …?» (round 19's q1102): the row names its practice
    in brackets after it; a question that does not ask a name is not answered by the brackets."""
    row = _hit("Организация сетевого взаимодействия школ с высокими и низкими результатами обучения (школьные пары)")
    asked = "Как в программе Петушинского района называют связки сильной и слабой школы?"
    assert answer_values.what(row, asked)[0] == "школьные пары"
    assert answer_values.what(row, "Что организуют для школ с низкими результатами?")[0] != "школьные пары"


def test_a_womans_surname_in_an_oblique_case_is_named_in_the_nominative():
    """«Ответственный: старший менеджер Мамонтовой А.А.» answers «кто» as «Мамонтова А.А.» (round 10's
    q676); «Минаеву Е.Л.» (a man's dative or a woman's accusative) and «Толстой Л.Н.» stay as printed."""
    row = _hit("Мониторинг выполнения дорожной карты")
    for cell, named in [
        ("старший менеджер Мамонтовой А.А.", "старший менеджер Мамонтова А.А."),
        ("Минаеву Е.Л.", "Минаеву Е.Л."),
        ("Толстой Л.Н.", "Толстой Л.Н."),
    ]:
        hit = replace(row, item=replace(row.item, responsible=cell))
        assert answer_values.who(hit, "Кто отслеживает выполнение дорожной карты?") == [named]


def test_what_a_text_is_sent_for_is_no_venue():
    row = _hit("Направление антирисковых программ на согласование кураторам")
    assert answer_values._venue(row, "Где кураторы отслеживают программы?") is None


def test_a_month_adjective_opens_a_venue_a_month_does_not():
    """«на августовской конференции» is a place (round 17's q979), «в августе» a time, «в сравнении» neither."""
    row = _hit("Мониторинг ВПР в сравнении с 2024 годом; итоги в августе на августовской конференции педагогов")
    question = "Где Жигаловский район подведёт итоги?"
    assert answer_values.where(row, question) == ["на августовской конференции педагогов"]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Как называется итоговая региональная конференция ЧИРО?", True),
        ("Какую тему педсовет школы № 21 выбрал для единого методического дня?", True),
        ("О чём пойдёт речь на сентябрьских родительских собраниях?", True),
        ("К какой государственной цифровой платформе подключают школу?", True),  # a «какой X» noun
        # a bare «как»: a quoted name in a lesser row («Шаг в будущее») must not outrank the best row (q740)
        ("Как Камчатская область летом 2003 года поддерживает способных детей?", False),
    ],
)
def test_which_what_questions_take_a_quoted_name_from_any_row(question, named):
    assert answer_values.names_asked(question) == named


def test_the_asked_noun_keeps_a_plural_genitive_after_it():
    """«рейтинга вклада школ» (round 22's q1211) was cut to «рейтинга вклада»: «школ» ends in a
    consonant; «министерством» does too, and is no genitive."""
    row = _hit("Публикация открытых данных о результатах, в том числе рейтинга вклада школ в качественное образование")
    assert answer_values.what(row, "Какой рейтинг публикует Москва каждый сентябрь?")[0] == "рейтинга вклада школ"
    assert answer_values._genitive_tail("конкурс проведён министерством образования", 15) == ""


def test_a_place_abbreviation_does_not_end_the_venue():
    """«в ППЭ … и г. Элисты» (round 22's q1235) was cut at «г.»; a sentence's full stop still ends it."""
    row = _hit("Экзамен по русскому языку в новой форме в ППЭ муниципальных районов и г. Элисты. Итоги в мае")
    question = "Где в 2012 году девятиклассники Калмыкии сдавали экзамен по русскому языку?"
    assert answer_values.where(row, question) == ["в ППЭ муниципальных районов и г. Элисты"]
    row = _hit("Конкурс в учреждениях гг. Майкопа и Адыгейска; итоги в мае")
    assert answer_values._venue(row, "Где в Адыгее проходит конкурс?") == "в учреждениях гг. Майкопа и Адыгейска"
    row = _hit("Совещание в управлении образования в 2023 г. Итоги подвести в мае")  # a year's «г.» ends it
    assert answer_values._venue(row, "Где в Адыгее проходит совещание?") == "в управлении образования в 2023 г"


def test_a_when_answer_of_only_the_years_asked_ranks_last():
    """«Когда в 2012 году … сдавали экзамен?»: «2011-2012 учебном году» says nothing new (q1090)."""
    from index.answers import _years_asked

    assert _years_asked("2011-2012 учебном году", "Когда в 2012 году сдавали экзамен?")
    assert not _years_asked("5 июня 2012 г.", "Когда в 2012 году сдавали экзамен?")
    assert not _years_asked("2014 год", "Когда в 2012 году сдавали экзамен?")


def test_a_rows_only_number_answers_when_none_counts_the_noun_asked():
    """«Скольких победителей и призёров … награждает?» of «поощрение не менее 40 обучающихся» (q739)."""
    row = _hit("Выплата премий победителям и призерам олимпиад", result="поощрение не менее 40 обучающихся")
    question = "Скольких победителей и призёров олимпиад Калмыкия награждает премиями каждый год?"
    assert answer_values.count(row, question) == []
    assert answer_values.count_any(row, question) == ["40 обучающихся"]
    two = _hit("Обучение 25 учителей и 10 директоров", result="2024 год")
    assert answer_values.count_any(two, "Скольких наставников обучат?") == []  # two numbers: neither is sure
    weeks = _hit("Курсы для учителей в течение 2 недель")  # a measure of time counts no one
    assert answer_values.count_any(weeks, "Сколько учителей пройдут обучение?") == []
    places = _hit("Деятельность десяти (10) районных инновационных площадок")  # seminars are not places
    assert answer_values.count_any(places, "Сколько семинаров проводилось в области?") == []
    meetings = _hit("Заседания методических объединений", result="не менее 4 заседаний каждого ММО")
    assert answer_values.count_any(meetings, "Сколько раз должно собраться объединение?") == ["4 заседаний"]


def test_what_is_done_is_the_object_of_the_questions_verb():
    """«Что … составит для учителей …?» (q746): «… и составление | планов профессионального развития»."""
    row = _hit("Диагностика профессиональных дефицитов педагогов и составление планов профессионального развития")
    question = "Что школа № 2 в 2025 году составит для учителей по итогам диагностики их профессиональных дефицитов?"
    assert answer_values.what(row, question) == ["планов профессионального развития"]


def test_a_form_asked_is_the_rows_short_form_column():
    """«В какой форме … разбирают задания ВПР?» (q049): the row's column of forms says «мастер-класс»;
    a number there («574», q527) is no form."""
    row = _hit("Подготовка к ВПР: разбор заданий, вызывающих наибольшие затруднения", description="мастер-класс")
    assert answer_values.what(row, "В какой форме разбирают с молодыми учителями задания ВПР?") == ["мастер-класс"]
    row = _hit("Организация дистанционного обучения в центрах при базовых школах", description="574")
    assert answer_values.what(row, "Какую форму обучения организовали для учеников?") == ["дистанционного обучения"]


def test_a_way_asked_is_the_rows_short_form_column_too():
    """«Каким способом … выявляет дефициты?» (q1103): the short column of forms («тестирование») names the
    way; the activity only repeats the question. A manner asked by «Как …?» reads the same column."""
    row = _hit("Диагностика профессиональных дефицитов педагогов", description="тестирование")
    question = "Каким способом школа выявляет профессиональные дефициты своих учителей?"
    assert answer_values.what(row, question) == ["тестирование"]
    assert answer_values.what(row, "Как школа выявляет профессиональные дефициты учителей?") == ["тестирование"]
    assert answer_values.what(row, "Что школа делает с дефицитами учителей?") != ["тестирование"]


def test_a_site_or_base_is_a_venue_though_the_question_names_its_owner():
    """«на сайте школы» for «Где школа № 2 … отчитывается?» (q1055): the site is the place, not the school."""
    row = _hit("Размещение на сайте школы отчёта о ходе реализации Программы развития")
    question = "Где палласовская школа № 2 каждый июнь публично отчитывается о ходе программы развития?"
    assert answer_values._venue(row, question) == "на сайте школы"  # its owner, not the report after it
    row = _hit("Размещение материалов на сайте регионального центра наставничества ежемесячно")
    question = "Где педагоги Челябинской области находят материалы о наставничестве?"
    assert answer_values._venue(row, question) == "на сайте регионального центра наставничества"


def test_with_ends_a_venue_before_what_goes_with_the_event_only():
    """«на базе учреждений с высокими образовательными результатами» (round 23's q1249) was cut at «с»."""
    row = _hit("Стажировки учителей на базе учреждений с высокими образовательными результатами")
    assert answer_values._venue(row, "Где учителя Севастополя проходят стажировки?") == (
        "на базе учреждений с высокими образовательными результатами"
    )
    row = _hit("Семинар в школе с участием родителей")
    assert answer_values._venue(row, "Где в Кургане проходит семинар?") == "в школе"
    row = _hit("Семинар в МБОУ СОШ № 1 с 10 по 15 марта")  # a date after «с» ends it too
    assert answer_values._venue(row, "Где в Кургане проходит семинар?") == "в МБОУ СОШ № 1"


def test_a_row_naming_another_month_counts_against_it():
    from index.answers import _supported

    row = _hit("Составление и утверждение расписания консультаций")
    may = replace(row, item=replace(row.item, deadline="май 2024 г."))
    other = replace(row.item, id=2, activity="Составить и утвердить расписание консультаций", deadline="сентябрь 2024")
    september = Hit(2, 1.0, 2, 2, (), other, row.document)
    found = _supported(_Counts(), ["составление", "сентябрь"], [may, september])
    assert found[0] is september


def test_where_names_a_district_the_question_only_shares_an_adjective_with():
    row = _hit("Конкурс чтецов")
    row = replace(row, document=StoredDocument(1, "x.txt", municipality="Курский район", region="Курская область"))
    assert answer_values.where(row, "В каком районе Курской области проводят конкурс чтецов?") == ["Курский район"]


def test_where_never_answers_with_a_city_the_question_names_without_its_marker():
    row = _hit("Информацию о ходе выполнения постановления рассмотреть на коллегии Администрации города")
    row = replace(row, document=StoredDocument(1, "x.txt", municipality="город Улан-Удэ", region="Республика Бурятия"))
    assert "город Улан-Удэ" not in answer_values.where(row, "Где в Улан-Удэ обсуждают ход программы?")
    assert answer_values._asked_of("город Курск", "Где в Курске обсуждают ход программы?")
    assert answer_values._asked_of("город Тюмень", "Где в Тюмени обсуждают ход программы?")  # found in review
    assert answer_values._asked_of("город Великий Новгород", "Где в Великом Новгороде проходят курсы?")
    assert answer_values._asked_of("город Улан-Удэ", "где в улан-удэ обсуждают ход программы?")
    assert not answer_values._asked_of("город Гагарин", "Где проводят чтения имени Гагарина?")
    assert not answer_values._asked_of("город Пушкин", "Где изучают наследие Пушкина А.С.?")
    assert not answer_values._asked_of("город Курск", "Где в Курской области обсуждают ход программы?")
    assert not answer_values._asked_of("город Улан-Удэ", "Где в Бурятии обсуждают ход программы?")


def test_where_never_answers_with_the_place_the_question_names():
    row = _hit("Работа районных методических объединений учителей математики")
    row = replace(row, document=StoredDocument(1, "x.txt", municipality="Коченевский район"))
    assert answer_values.where(row, "Где учителя Коченевского района разбирают трудные задания?") == []
    assert answer_values.where(row, "В каком районе разбирают трудные задания?") == ["Коченевский район"]


def test_a_word_of_two_senses_has_the_synonyms_of_both():
    """«Кто следит за выполнением приказа?» is the clause «контроль за исполнением … возложить на …»;
    «следить за ГИА» is what observers do."""
    from pipeline.glossary import SYNONYMS

    assert {"контроль", "наблюдатель"} <= SYNONYMS["следить"]
    assert "следить" in SYNONYMS["контроль"] and "контроль" not in SYNONYMS["наблюдатель"]
    assert {"исполнение"} <= SYNONYMS["выполнение"] and {"возложить"} <= SYNONYMS["поручить"]


def test_when_something_was_moved_the_answer_is_where_it_was_moved_to():
    row = _hit("Выездные консультации муниципальных кураторов в школы перечня")
    row = replace(row, item=replace(row.item, deadline="ежеквартально",
                                    result="Выполнено частично: 11 выездов из 12. Выезд в МБОУ «Асовская СОШ» в IV квартале перенесен на январь."))  # noqa: E501
    assert answer_values.when(row, "На какой месяц перенесли выезд куратора в Асовскую школу?") == ["январь"]
    assert answer_values.when(row, "Как часто кураторы выезжают в школы?") == ["ежеквартально"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("С какого и по какое число выпускники могли звонить на горячую линию?", "when"),
        ("С какого времени выпускников группы риска готовят отдельно?", "when"),
        ("Какое число педагогов прошло курсы?", "count"),
    ],
)
def test_a_span_of_dates_is_asked_by_when_not_by_how_many(question, kind):
    assert answers.asks(question) == kind


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Куда школы округа отправляют учителей учиться готовить детей к экзаменам?", True),
        ("В каком институте учителя школы в 2024 году учатся оценивать функциональную грамотность?", True),
        ("Какой институт консультирует учителей школ с низкими результатами?", True),
        ("Где учителя математики разбирают трудные задания?", False),
    ],
)
def test_a_question_about_where_teachers_learn_asks_for_the_institute(question, asks):
    assert answer_values.asks_trainer(question) is asks


def test_the_institute_is_read_by_its_name_or_its_abbreviation():
    row = _hit("Курсы повышения квалификации учителей на базе КОИРО и ГБУ «Центр оценки качества»")
    assert answer_values.trainer(row, "Куда отправляют учителей на курсы?") == ["КОИРО"]
    row = _hit("Направление учителей на курсы в ВОИПКиПРО; участие в ГУО")
    assert answer_values.trainer(row, "Где учителя проходят курсы?") == ["ВОИПКиПРО"]
    assert answer_values.trainer(_hit("Курсы для учителей в районе"), "Где учителя проходят курсы?") == []
    # quoted after its legal form, the abbreviation is the body's short name: the form goes with it (q1444)
    row = _hit("Повышение квалификации учителей на курсах ГАУДПО ЛО «ИРО»")
    assert answer_values.trainer(row, "В каком институте повышали квалификацию учителя?") == ["ГАУДПО ЛО «ИРО»"]


def test_a_venue_of_nine_words_is_read_whole():
    row = _hit("Стажировки учителей на базе общеобразовательных организаций со стабильно высокими результатами ЕГЭ")
    venue = answer_values._venue(row, "Где в Рязани проходят стажировки учителей?")
    assert venue == "на базе общеобразовательных организаций со стабильно высокими результатами ЕГЭ"


def test_where_children_are_carried_is_said_with_k():
    row = _hit("Приобретение школьных автобусов для подвоза обучающихся к базовым школам")
    assert answer_values._venue(row, "Куда будут возить школьников на новых автобусах?") == "к базовым школам"
    # elsewhere «к» opens no place: «подготовка к ГИА» answers no «куда»
    row = _hit("Подготовка выпускников к ГИА в пунктах проведения экзаменов")
    assert answer_values._venue(row, "Куда направляют выпускников?") == "в пунктах проведения экзаменов"


def test_where_teachers_train_is_the_premises_a_row_names_before_the_institute_that_runs_it():
    row = _hit("Проведение стажировок руководителей сельских школ на базе школ с высокими результатами")
    row = replace(row, item=replace(row.item, responsible="ГАОУ ДПО «Липецкий институт развития образования»"))
    premises = answer_values.trainer(row, "Где стажировались директора сельских школ?")
    assert premises == ["на базе школ с высокими результатами"]
    # courses are asked by the institute that teaches them, and premises that are one are named by it
    courses = _hit("Курсы для учителей на базе школ с высокими результатами")
    courses = replace(courses, item=replace(courses.item, responsible="ВОИПКиПРО"))
    assert answer_values.trainer(courses, "Где повышают квалификацию учителя?") == ["ВОИПКиПРО"]
    row = _hit("Стажировка учителей на базе ИПКРО")
    assert answer_values.trainer(row, "Где стажировались учителя?") == ["ИПКРО"]


def test_a_chair_printed_with_one_initial_answers_who_heads_before_another_person():
    assert answers._SHORT_NAME.search("Козырев А., председатель Совета")
    assert not answers._SHORT_NAME.search("председатель Совета")


def test_a_day_asked_is_read_from_the_rows_text_when_its_deadline_gives_years():
    row = _hit("Составить план мер по подготовке выпускников в срок до 1 мая 2010 года")
    row = replace(row, item=replace(row.item, deadline="2009 - 2010 годы"))
    assert answer_values.when(row, "К какому сроку район должен был составить план мер?") == ["до 1 мая 2010 года"]
    assert answer_values.when(row, "Когда район составляет план мер?") == ["2009 - 2010 годы"]


@pytest.mark.parametrize(
    ("question", "activity", "value"),
    [
        ("Как совет хочет выяснить, довольны ли родители обучением?",
         "Провести анкетирование родителей (законных представителей) об удовлетворённости качеством",
         "анкетирование родителей"),
        ("Как округ помогает педагогам делиться опытом работы с немотивированными детьми?",
         "Окружной семинар по обмену опытом работы с обучающимися с низкой учебной мотивацией", "Окружной семинар"),
    ],
)
def test_how_is_answered_with_the_way_the_row_opens_with(question, activity, value):
    assert answer_values.what(_hit(activity), question) == [value]


def test_in_which_reads_the_rows_phrase_of_the_noun_asked():
    row = _hit("Участие педагогов в муниципальных методических объединениях города Березники")
    question = "В каких объединениях за пределами своей школы педагоги обмениваются опытом?"
    assert answer_values.in_which(row, question) == ["в муниципальных методических объединениях города Березники"]
    row = _hit("Освещение лучших практик наставничества в районной газете «Ольхонская правда»")
    assert answer_values.in_which(row, "В какой газете рассказывают о наставничестве?") == [
        "в районной газете «Ольхонская правда»"
    ]
    assert answer_values.in_which(_hit("Семинар в районе"), "В каком районе проходит семинар?") == []


def test_a_venue_keeps_the_quoted_name_after_it():
    row = _hit("Провести окружной семинар по деятельностному подходу на уроке на базе МОУ «Дарьинская ООШ».")
    found = answer_values.where(row, "Где в Старицком районе школы соберутся на окружной семинар о подходе на уроке?")
    assert found and found[0].endswith("«Дарьинская ООШ»")


def test_a_body_that_wrote_the_cited_letter_does_not_answer_who():
    text = "ВПР пройдут в нашей школе на основании письма Рособрнадзора от 05.08.2020 № 13-404"
    start = text.index("Рособрнадзора")
    row = _hit(text)
    end = start + len("Рособрнадзора")
    entity = StoredEntity("ORG:Рособрнадзор", "ORG", "Рособрнадзор", "activity", start, end, text[start:end])
    row = replace(row, item=replace(row.item, entities=(entity,)))
    assert answer_values.who(row, "Кто проводит ВПР в школе?") == []


def test_a_word_of_a_web_address_names_no_method_and_a_centre_of_training_is_an_institute():
    row = _hit("Тренировочные работы на сайте agv.siteuo.ru по материалам курса Python")
    assert answer_values.what(row, "Какой язык программирования изучают?") == ["Python"]
    assert answer_values.trainer(_hit("Курсы для учителей в КБРЦПК и ПРО"), "Где учатся учителя?") == ["КБРЦПК"]


def test_a_second_review_of_the_days_readers():
    row = _hit("На основании письма Рособрнадзора Управлению образования провести мониторинг.")
    text = row.item.activity
    entities = tuple(
        StoredEntity(f"ORG:{w}", "ORG", w, "activity", text.index(w), text.index(w) + len(w), w)
        for w in ("Рособрнадзора", "Управлению образования")
    )
    row = replace(row, item=replace(row.item, entities=entities))
    assert answer_values.who(row, "Кто проводит мониторинг?") == ["Управлению образования"]
    assert answer_values.what(_hit("Проведение вебинаров через Zoom и Skype."), "Какие сервисы используют?") == [
        "Zoom",
        "Skype",
    ]
    assert answer_values.in_which(_hit("Школы района участвуют в проекте «Точка роста»"),
                                  "Как называется проект, в котором участвуют школы района?") == []
    row = _hit("Классным руководителям 1-11 классов провести анкетирование родителей о качестве питания")
    assert answer_values.what(row, "Как школа выясняет мнение родителей о питании?") == ["анкетирование родителей"]
    row = _hit('Проведение акции "Помоги в школе" и "Бессмертный полк" для учащихся')
    assert '" и "' not in " ".join(answer_values.where(row, "Где в Лицее № 2 проходит акция?"))


@pytest.mark.parametrize(
    "value",
    [
        "директора ОУ",
        "руководители ОО",
        "директора школ",
        "ОО",
        "классные руководители 5-9 классов",
        "учителя-предметники",
    ],
)
def test_every_schools_director_is_a_collective(value):
    assert answer_values.collective(value)


@pytest.mark.parametrize("value", ["Инкина Е.И.", "заместитель директора по УВР", "Управление образования"])
def test_a_named_person_or_body_is_no_collective(value):
    assert not answer_values.collective(value)


@pytest.mark.parametrize(
    "activity",
    [
        "В редакции Закона Государственного Собрания от 25.10.2007",
        "Финансирование в пределах средств, предусмотренных бюджетом",
        "Перечень мероприятий в приложении 1",
        "Повышение качества образования школы, находящейся в сложных социальных условиях",
    ],
)
def test_legal_phrases_in_the_form_of_a_place_are_no_venue(activity):
    assert answer_values._venue(_hit(activity), "Куда отчитываются исполнители программы?") is None


def test_a_value_that_only_repeats_the_question_is_no_answer():
    """q1043, q194: a programme's or a contest's name the question already names."""
    asked = answers._own_words("Как Астраханская область по программе развития образования проверяла знания?")
    assert answers._echoes("Развитие образования в Астраханской области", asked)
    assert not answers._echoes("независимой оценки учебных достижений", asked)
    contest = answers._own_words("Какой конкурс на Чукотке проводят наряду с «Учителем года»?")
    assert answers._echoes("Учитель года Чукотки", contest)
    assert not answers._echoes("Формула педагогического успеха", contest)
    # one word may be what is asked («в разделе «Наставничество»» of a question on mentoring)
    assert not answers._echoes("Наставничество", answers._own_words("Где публикуют приказ о наставничестве?"))


def test_a_venue_keeps_an_abbreviated_name_that_holds_po():
    """q1148: «ПО» in capitals (профессионального образования) is part of the name, not «по»."""
    row = _hit("Разместить методические рекомендации на официальном сайте ГАОУ ПО ИРО до 30 мая")
    assert answer_values.where(row, "Где размещают методические рекомендации?") == ["на официальном сайте ГАОУ ПО ИРО"]


def test_a_stump_compound_stands_for_its_words_on_both_sides():
    """q1018: «собираются на педсовет» asked, «на заседании педагогического совета» written."""
    from index import lemmas

    assert {"педагогический", "совет"} <= set(lemmas.lemmas("Итоги ВПР обсудят на педсовете"))
    row = set(lemmas.lemmas("Обсуждение итогов ВПР на заседании педагогического совета"))
    assert answers._holds("педсовет", row, set()) == 1.0
    topic = answers._topic("Когда собираются на педсовет?", answers.Understood(expanded=""))
    assert "педсовет" in topic and "совет" not in topic  # the compound counts once


def test_a_school_asked_by_its_district_is_read_from_the_documents_list():
    """q283, q290: the list's title answers «какая школа … района», its rows name the schools with
    their districts; the one row that alone says the district asked is the school."""
    rows = [
        ("МКОУ «Полевская средняя общеобразовательная школа»", "Курский район"),
        ("МКОУ «Обоянская средняя общеобразовательная школа № 2»", "Обоянский район"),
        ("МКОУ «Средняя общеобразовательная школа № 1»", "город Щигры"),
    ]
    items = [StoredItem(n, 1, n, "row", school, description=place) for n, (school, place) in enumerate(rows, 1)]
    items.append(StoredItem(9, 1, 9, "paragraph", "ПЕРЕЧЕНЬ ОБЩЕОБРАЗОВАТЕЛЬНЫХ ОРГАНИЗАЦИЙ"))
    listed = answers._schools_listed(StoredDocument(1, "x.txt"), items)
    assert len(listed) == 3
    obojan = answers._place_asked(answers.Understood("", municipality="Обоянский район"), "Какая школа?")
    assert answers._listed_in_place(listed, obojan) == ["МКОУ «Обоянская средняя общеобразовательная школа № 2»"]
    question = "Какая школа города Щигры Курской области участвует?"
    shchigry = answers._place_asked(answers.Understood("", region="Курская область"), question)
    assert answers._listed_in_place(listed, shchigry) == ["МКОУ «Средняя общеобразовательная школа № 1»"]
    assert answers._listed_in_place(listed, {"курский", "обоянский"}) == []  # two rows: no one school


class _RareTown(_Counts):
    """A base where the town's name is rare and every other word common."""

    def lemma_counts(self, terms):
        return {t: 2 if t in ("набережный", "челны") else 100 for t in terms}  # a town's name is rare


def test_a_letterhead_naming_the_school_asked_of_says_no_yes():
    """q1160: «Закрепляет ли школа № 50 Набережных Челнов наставников за молодыми учителями?» was
    answered «да» by the school's own letterhead line: for «есть ли», the words of the document's
    issuer and district count no more than those of its title."""
    school = "Муниципальное автономное общеобразовательное учреждение города Набережные Челны «Средняя школа №50»"
    doc = StoredDocument(1, "x.txt", issuer=school, municipality="город Набережные Челны")
    letterhead = Hit(1, 1.0, 1, 1, (), StoredItem(1, 1, 1, "paragraph", school), doc)
    mentors = Hit(2, 1.0, 2, 2, (), StoredItem(2, 1, 2, "row", "Закрепление наставников за молодыми учителями"), doc)
    topic = ["закреплять", "школа", "набережный", "челны", "опытный", "наставник", "молодой", "учитель"]
    found = answers._supported(_RareTown(), topic, [letterhead, mentors], whether=True)
    assert found == [mentors]


def test_a_venue_is_no_month_the_question_names_nor_its_region_nor_a_breakdown():
    """q1172, q1099: «где … в августе обсуждают …?» is answered «на августовских совещаниях» (the
    question's month is when, not the meeting); «в Республике Хакасия» for a question «в Хакасии» and
    «в разрезе муниципальных образований» are no venues."""
    row = _hit("Обсуждение результатов оценочных процедур на августовских совещаниях педагогических работников")
    question = "Где в Хакасии в августе обсуждают, как прошли оценочные процедуры?"
    assert answer_values.where(row, question) == ["на августовских совещаниях педагогических работников"]
    row = _hit("Анализ ВПР в Республике Хакасия в разрезе муниципальных образований на коллегии Министерства")
    assert answer_values.where(row, "Где в Хакасии анализируют ВПР?") == ["на коллегии Министерства"]


def test_every_school_of_a_place_or_a_school_year_is_no_venue():
    """q1469: «в общеобразовательных организациях Республики Саха (Якутия)» names every school, and «в
    прошедшем учебном году» a time; the meeting is the venue. A qualified class of schools is one."""
    row = _hit(
        "В прошедшем учебном году план выполнен в общеобразовательных организациях Республики Саха (Якутия); "
        "рассмотрение итогов на коллегии Министерства"
    )
    assert answer_values.where(row, "Где в Якутии обсуждают, как выполнен план?") == ["на коллегии Министерства"]
    row = _hit("Стажировки учителей в общеобразовательных организациях с высокими результатами")
    got = answer_values.where(row, "Где в Якутии стажируются учителя?")
    assert got == ["в общеобразовательных организациях с высокими результатами"]


def test_how_many_years_counts_years():
    """q1163: «сколько лет подряд …?» is answered by «два года подряд»; a year («в 2014 году») and a
    span of years asked of something else count nothing."""
    row = _hit("Формирование перечня школ, выпускники которых два года подряд показывают низкие результаты ЕГЭ")
    assert answer_values.count(row, "Сколько лет подряд выпускники показывают низкие результаты?") == [
        "два (2) года подряд показывают"  # the unit is read up to three words, as printed
    ]
    row = _hit("В 2014 году в перечень вошли 3 школы")
    assert answer_values.count(row, "Сколько школ вошли в перечень?") == ["3 школы"]


def test_a_programme_adopted_the_year_before_its_period_answers_for_that_period(kb_copy):
    """q556, q806 (dev): «по программе 2014–2016 годов» filtered the documents by the year they bear,
    and a programme adopted in November 2013 has 2013; an act of 2015 on a nearby topic answered
    instead. Rows found without the year filter now compete, those of the year a little ahead."""
    kb = KnowledgeBase.open(kb_copy)
    programme = (
        "ПОСТАНОВЛЕНИЕ\nАдминистрации Ненецкого автономного округа\nот 13.11.2013 № 411-п\n"
        "Об утверждении государственной программы Ненецкого автономного округа «Развитие образования»\n\n"
        "№ | Мероприятие | Срок | Исполнитель |\n"
        "1 | Методическое сопровождение школ, работающих в сложных социальных условиях | 2014–2016 | "
        "ГБУ НАО «Ненецкий региональный центр развития образования» |\n"
        "2 | Строительство школы в п. Искателей | 2015 | Управление строительства |\n"
    )
    other = (
        "ПРИКАЗ\nДепартамента образования Ненецкого автономного округа\nот 10.02.2015 № 12\n"
        "О проведении семинара\n\n"
        "№ | Мероприятие | Срок | Ответственный |\n"
        "1 | Семинар по методическому сопровождению школ в сложных социальных условиях | март 2015 | "
        "Отдел общего образования |\n"
        "2 | Конкурс «Учитель года» | апрель 2015 | Отдел общего образования |\n"
    )
    for name, text in (("nao_program.txt", programme), ("nao_seminar.txt", other)):
        assert kb.ingest_bytes(text.encode(), name, name).status == "added"
    a = kb.ask(
        "Кто в Ненецком автономном округе по программе 2014–2016 годов методически сопровождает школы "
        "в сложных социальных условиях?"
    )
    assert a.found and a.facts[0].value == "ГБУ НАО «Ненецкий региональный центр развития образования»"
    kb.close()


def test_a_paraphrased_row_very_close_in_meaning_answers_only_when_no_row_says_the_words():
    """«В какой школе … поменяли старые окна?» (q1028) shares no word with «Замена оконных блоков»:
    a row that close in meaning answers when no row holds the topic, never beside ones that do."""
    from index.answers import DENSE_ALONE, DENSE_FAILING_WORDS, _supported

    topic = ["поменять", "старый", "окно"]
    windows = replace(_hit("Замена оконных блоков в здании школы"), similarity=DENSE_FAILING_WORDS + 0.01)
    farther = replace(windows, similarity=DENSE_FAILING_WORDS - 0.02)
    assert DENSE_FAILING_WORDS < DENSE_ALONE
    assert _supported(_Counts(), topic, [farther, windows]) == [windows]
    said = _hit("Поменять старые окна в спортзале")
    said = replace(said, item=replace(said.item, id=2), item_id=2)
    assert _supported(_Counts(), topic, [windows, said]) == [said]


def test_a_venue_listing_its_rooms_keeps_the_whole_list():
    """q1340 (round 25, dev): «в кабинетах химии, физики и биологии» was cut at the first comma; a list
    of who («на базе школы, учителя и родители») is not a venue's."""
    row = _hit("Вовлечение обучающихся в проектную деятельность в обновленных кабинетах химии, физики и биологии")
    assert answer_values.where(row, "Где в школе № 1 ведут с учениками проекты?") == [
        "в обновленных кабинетах химии, физики и биологии"
    ]
    row = _hit("Совместные занятия на базе школы, учителя и родители участвуют")
    assert answer_values.where(row, "Где в школе № 1 проходят совместные занятия?") == ["на базе школы"]


def test_a_tables_row_is_cited_before_a_clause_on_the_same_words():
    """A row records the activity with its deadline and who does it; an order's clause on the same
    words comes after it (dev method 149 -> 152 of 204 when rows go 0.05 ahead, nothing else moved)."""
    from index.answers import _supported

    clause = _hit("Провести семинар для учителей математики")
    clause = replace(clause, item=replace(clause.item, kind="clause"), similarity=0.9)
    row = _hit("Провести семинар для учителей математики")
    row = replace(row, item=replace(row.item, id=2), item_id=2, similarity=0.9)
    assert _supported(_Counts(), ["семинар", "учитель", "математика"], [clause, row]) == [row, clause]


def test_a_village_of_two_words_in_the_prepositional_is_named_whole():
    """«В каком селе …?» of «… капитальный ремонт здания школы в селе Троицкий Посад» (q1351); a district
    after the name is not part of it."""
    row = _hit("Обеспечить экспертизу документации на капитальный ремонт здания школы в селе Троицкий Посад.")
    assert answer_values.where(row, "В каком селе Горномарийского района ремонтируют школу?") == ["Троицкий Посад"]
    row = _hit("Семинар для учителей в с. Шамары Шалинского района")
    assert answer_values.where(row, "В каком селе проходит семинар для учителей?") == ["Шамары"]


def test_a_clause_approving_the_plan_is_cited_after_the_plans_row():
    """q1493: «Каким способом … по плану обеспечения объективности … проверяют работы ВПР?» — the order's
    clause «Утвердить план мероприятий по обеспечению объективности …» repeats the plan's title, which the
    question names; the plan's row on cross-checking answers it. For «есть ли» the clause is not moved."""
    doc = StoredDocument(1, "x.txt")
    clause = "Утвердить план мероприятий по обеспечению объективности оценочных процедур в школе на учебный год"
    approving = Hit(1, 1.0, 1, 1, (), StoredItem(1, 1, 1, "clause", clause), doc)
    row = Hit(2, 1.0, 2, 2, (), StoredItem(2, 1, 2, "row", "Перекрестная проверка ВПР для объективности процедур"), doc)
    topic = ["план", "обеспечение", "объективность", "оценочный", "процедура", "проверка", "впр"]
    ranked = [h for _, h in answers._ranked(_Counts(), topic, [approving, row])]
    assert ranked == [row, approving]
    whether = [h for _, h in answers._ranked(_Counts(), topic, [approving, row], whether=True)]
    assert whether[0] is approving


def test_how_often_asks_for_a_period_and_a_village_for_a_village():
    """q1532: «Как часто и в какой день … отчитываются?» — a period («еженедельно, по пятницам») answers
    before a deadline; q1546: «В каком селе …?» — a row naming no village does not answer with its district."""
    question = "Как часто и в какой день директора отчитываются о занятиях?"
    assert answers._ASKS_OFTEN.search(question) and not answers._ASKS_OFTEN.search("Когда директора отчитываются?")
    assert answers._PERIODIC.search("еженедельно, по пятницам") and not answers._PERIODIC.search("до 31.01.2019 г.")
    village = "В каком селе Хакасии появится новая школа на 250 мест?"
    doc = StoredDocument(1, "x.txt", municipality="Алтайский район")
    plain = Hit(1, 1.0, 1, 1, (), StoredItem(1, 1, 1, "row", "Строительство школы на 250 мест"), doc)
    named = Hit(2, 1.0, 2, 2, (), StoredItem(2, 1, 2, "row", "Строительство школы на 250 мест в с. Аскиз"), doc)
    assert answer_values.where(plain, village) == []
    assert answer_values.where(named, village) == ["Аскиз"]
    assert answer_values.where(plain, "В каком районе Хакасии появится новая школа?") == ["Алтайский район"]
