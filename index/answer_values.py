"""The value a question asks for, read from the one row that supports it.

Each reader gets the supporting hit and the question and returns the values as printed in the
row, most specific first: «кто» the person or the body in the responsible cell, «когда» its
deadline, «где» the place of its document, «какая школа» its schools, «сколько» a number with
its unit, «что» the method or programme the row names. An empty list means the row does not
hold the value, and the next row is asked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from index.lemmas import STOP, lemmas, same_stem
from index.results import Hit, StoredEntity
from pipeline import places
from pipeline.glossary import FEDERAL_PROJECTS, SYNONYMS
from pipeline.labels import DATE, EVENT, ORG, PER, SCHOOL
from pipeline.morph import is_adjective
from pipeline.patterns import MONTH_NAMES, MONTH_WORD
from pipeline.text import lemma

# The question asks for a body, not a person: «какая организация», «в каком институте», «на базе
# какого …» (a body named in the topic, «на сайте органа местного самоуправления», asks nothing).
BODY_NOUNS = (
    r"организаци\w*|орган\w*|учреждени\w*|институт\w*|центр\w*|кафедр\w*|ведомств\w*|оператор\w*"
    r"|предприяти\w*|университет\w*|вуз\w*|колледж\w*|отдел\w*"
)
# «Какое министерство …?», not «…, которые министерство проводит»: a ministry is asked right after «как…».
_ASKS_BODY = re.compile(
    rf"\b(?:(?:как|котор)\w+\s+(?:\w+\s+)?({BODY_NOUNS})|как\w+\s+(министерств\w*|департамент\w*|комитет\w*)"
    r"|(на базе))\b",
    re.I,
)
_FROM_AMONG = re.compile(r"\bиз\s+числа\s+как\w+", re.IGNORECASE)
_VILLAGE = r"сел(?:о|а|е|ах)\b|посел\w+"
_ASKS_TOWN = re.compile(rf"\b(?:как\w+|котор\w+)\s+(?:город\w*|{_VILLAGE}|населе?ё?нн\w+)", re.I)
_ASKS_VILLAGE = re.compile(rf"\b(?:как\w+|котор\w+)\s+(?:{_VILLAGE})", re.I)
# A settlement's abbreviation before its name: «г. Элисты», «с. Бай-Тал», «пгт Советский» (its dot optional).
_SETTLEMENT_MARKS = "гг г с п д х ст пос пгт".split()
_MARKED = "|".join(rf"{m}\.{'?' if m == 'пгт' else ''}" for m in _SETTLEMENT_MARKS)
# A settlement's name: «Бай-Тал», «Троицкий Посад» (a second word, but not its district's «Шалинского»).
_TOWN_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*(?:\s+(?![А-ЯЁ][а-яё]+(?:ого|его|ой|ей|ых|их)\b)[А-ЯЁ][а-яё]+)?"
# Towns and villages as rows name them: «в общеобразовательных учреждениях гг. Майкопа и Адыгейска».
_TOWNS = re.compile(
    rf"(?<![\w-])(?:{_MARKED}|город(?:а|е|ах|ов)?|сел(?:о|а|е|ах)|станиц[аеыу]|хутор[аеу]?)\s*"
    rf"({_TOWN_NAME}(?:(?:\s*,\s*|\s+и\s+){_TOWN_NAME})*)"
)
# «Где …?», «Куда …?» with no «в каком районе / регионе / городе» in it: a venue, when the question
# names the place around it.
_ASKS_VENUE = re.compile(r"^\s*(?:где|куда)\b(?!.*\bкак\w+\s+(?:район|регион|город|област|сел|посел))", re.IGNORECASE)
_SCHOOL_OR_TOWN = re.compile(
    r"\b(?:школ\w*|гимнази\w*|лице\w*|СОШ|ООШ)\s*(?:№|N)\s*\d|\b(?:г\.|город\w*|с\.|пос\.)\s*[А-ЯЁ]"
)
# A place phrase opens with «в», «на», «на базе», «на сайте»: not a time or a manner («в течение года»,
# «в рамках проекта», «в формате ОГЭ», «на 2024 год»); it runs to punctuation or a word that starts
# something else («для», «с целью», «по»).
_VENUE = re.compile(
    r"(?<![\w-])(?:на\s+базе|на\s+сайте|во?|на)\s+(?!(?:течение|рамках|разрезе|срок\w*|период\w*|год\w*|случае|соответствии"
    r"|целях|том|т\.|форм\w*|ходе|дни|конце|начале|основе|уровне|качестве|связи|части|количестве|течении|редакции"
    r"|пределах|приложени\w*|порядке|случаях|составе|размере|объ[её]ме|интересах|(?:[а-яё]+\s+){0,2}услови\w*"
    r"|полугоди\w*|квартал\w*|время|времени|режим\w*|виде|онлайн\w*|постоянной|каникул\w*|перв\w+|втор\w+"
    r"|сравнени\w*|(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)[ьяюе]|ма[ейя]|(?:март|август)[ауе]?"
    r"|согласовани\w*|утверждени\w*|рассмотрени\w*|подпис\w*)\b"  # «на согласование»: what for, not where
    r"|\d)",
    re.IGNORECASE,
)
# Lower case only: «ГАОУ ПО ИРО» is a name (ПО: профессионального образования), «по» a preposition.
# A place's abbreviation («г. Элисты», «гг. Майкопа», «им. Пушкина») is no end of its phrase; a year's is.
_ABBREVIATED = "".join(rf"(?<!\b{a})" for a in [*_SETTLEMENT_MARKS, *"им ул мкр рп".split()])
# «с» ends it before what goes with the event («с участием», «с целью»), not before what the place is
# («на базе учреждений с высокими образовательными результатами»).
_WITH_EVENT = r"со?\s(?:цел|участи|привлечени|использовани|уч[её]т|помощ|применени|приглашени)"
_VENUE_END = re.compile(
    rf"[,;:()«»\"]|{_ABBREVIATED}\.|(?<=\d\sг)\.|(?<=\dг)\.|\s(?:для|по|к|чтобы|где|которы\w*|согласно|от|до)\s"
    rf"|\s{_WITH_EVENT}|\sсо?\s+(?=\d)"  # «в 2023 г.» ends it; «с 10 по 15 марта», «с 9.00» too
)
_ASKS_REGION = re.compile(r"\b(?:как\w+|котор\w+)\s+(?:регион\w*|област\w*|кра[еяю]\w*|республик\w*|субъект\w*)", re.I)
# A number with what it counts: «23 педагога», «80 %», «не менее 200 молодых учителей».
_NUMBER = re.compile(
    r"(?<![\d.,/№-])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?)(?![\d+])(\s*%|(?:\s+[А-Яа-яЁё-]+){1,3})?"
)
_NOT_COUNTED = re.compile(
    r"^\s*(год\w*|г\.?|гг|класс\w*|час\w*|мин\w*|числ\w*|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)",
    re.I,
)
# What «сколько» counts: the words right after it («сколько индивидуальных консультаций»).
_COUNTED = re.compile(r"\bскольк\w*\s+((?:[А-Яа-яЁё-]+\s*){1,3})", re.I)
# Nouns for people: «23 человека» answers «сколько педагогов» («обучающихся» is lemmatised as its verb).
_PEOPLE = frozenset(
    "педагог учитель руководитель специалист ученик обучающийся обучаться школьник родитель директор участник"
    " выпускник ребёнок ребенок студент человек бухгалтер заместитель сотрудник работник куратор наставник"
    " эксперт".split()
)
PLACE_WORDS = frozenset("область край республика район округ город".split())
_QUOTED = re.compile(r"[«\"“„]([^«»\"“”„]{3,120})[»\"”]")
_QUOTED_NEXT = re.compile(r"\s*" + _QUOTED.pattern)
_ACT_BEFORE = re.compile(r"(?:№\s*[\w./-]+|\d{4}\s*г(?:ода|\.)?)\s*$")
_SITE = re.compile(r"\b[А-ЯЁA-Z][А-Яа-яЁёA-Za-z-]+\.(?:ру|рф|ru|su|online|онлайн)\b")  # «Учи.ру», «Дневник.ру»
_LATIN = re.compile(r"\b[A-Za-z][A-Za-z-]+(?:\s+[A-Za-z][A-Za-z-]+)*")
_WORD = re.compile(r"[А-ЯЁа-яёA-Za-z0-9]+(?:-[А-ЯЁа-яёA-Za-z0-9]+)*")


def _in_address(text: str, start: int, end: int) -> bool:
    """A word of a web address («agv.siteuo.ru», «https://…/docs»): joined to the next or the last
    word by «.», «/», «:» or «@» — not a sentence's full stop («через Zoom.»)."""
    return bool(re.match(r"[./:@]\w", text[end : end + 2]) or re.search(r"\w[./:@]$", text[max(0, start - 2) : start]))


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _entities(hit: Hit, *labels: str, fields: tuple[str, ...] = ()) -> list[StoredEntity]:
    found = [_whole(hit, e) for e in hit.item.entities if e.label in labels and (not fields or e.field in fields)]
    return sorted(found, key=lambda e: (fields.index(e.field) if e.field in fields else 9, e.start))


def _whole(hit: Hit, entity: StoredEntity) -> StoredEntity:
    """A body's name the tagger cut inside it — «ДПО» of «КГАУ ДПО «Камчатский институт развития
    образования»», «ГБУ НАО "Ненецкий региональный» — read on from its legal form to its closing quote."""
    text = getattr(hit.item, entity.field) or ""
    if entity.label not in (ORG, SCHOOL) or text[entity.start : entity.end] != entity.text:
        return entity
    start, end = entity.start, entity.end
    before = re.search(r"(?:[А-ЯЁ]{2,}\s+)+$", text[max(0, start - 40) : start])
    if before and re.fullmatch(r"[А-ЯЁ]{2,}(?:\s+[А-ЯЁ]{2,})*", entity.text):  # «ДПО» after «КГАУ »
        start -= len(before.group())
    closed = _quotes_closed(text[start:end])
    after = re.match(r"\s*[«\"]", text[end:]) if closed else None
    if not closed or after:
        past = end + (after.end() if after else 0)  # past the quote that opens the name after it
        close = next((k for k in range(past + 1, min(len(text), end + 150) + 1) if _quotes_closed(text[start:k])), None)
        if close is None or re.search(r"[|\n;]", text[end:close]):  # not across a copy's cell marks or lines
            return entity
        end = close
    if (start, end) == (entity.start, entity.end):
        return entity
    return replace(entity, start=start, end=end, text=text[start:end])


def _quotes_closed(text: str) -> bool:
    return text.count("«") == text.count("»") and text.count('"') % 2 == 0


def _printed(entities: list[StoredEntity]) -> list[str]:
    return list(dict.fromkeys(_squash(e.text) for e in entities))


def _joined(hit: Hit, dates: list[StoredEntity]) -> str:
    """The first date with the ones printed right after it: «ежегодно, до 1 марта»."""
    first, end = dates[0], dates[0].end
    text = getattr(hit.item, first.field) or ""
    for e in dates[1:]:
        if e.field != first.field or text[end : e.start].strip(" ,–-") or e.start < end:
            break
        end = e.end
    return _squash(text[first.start : end])


def _parts(cell: str) -> list[str]:
    """A responsible cell cut into its bodies and people: «Сотрудники МОЦ; руководители ОО», and two
    bodies one after the other («Департамент образования города Севастополя Департамент капитального
    строительства …», a cell's lines joined)."""
    return [p.strip(" .") for p in re.split(rf"\s*[;\n]\s*|,\s+(?=[А-ЯЁ])|\s+(?={_BODY_HEAD})", cell) if p.strip(" .")]


# A body's name in the nominative opening a new name inside a cell.
_BODY_HEAD = r"(?:Департамент|Министерство|Управление|Комитет|Отдел|Администрация|Правительство)\s"


_COLLECTIVE = re.compile(
    r"(?:(?:директор|руководител|администраци)\w*\s+)?"  # «директора ОУ», «руководители ОО»: every school's
    r"(?:ОО|ОУ|ОМСУ|ОМС|ДОО|образовательн\w+\s+(?:организаци|учреждени)\w*|общеобразовательн\w+\s+"
    r"(?:организаци|учреждени)\w*|школ\w*)"
    # every class's or subject's teachers: «классные руководители 5-9 классов», «учителя-предметники»
    r"|классн\w+\s+руководител\w*(?:\s+\d+(?:\s*[-–]\s*\d+)?(?:-х)?\s+класс\w*)?|учител\w*-предметник\w*",
    re.IGNORECASE,
)


def collective(value: str) -> bool:
    """«ОО», «образовательные организации», «директора ОУ»: every school, no one in particular."""
    return bool(_COLLECTIVE.fullmatch(value.strip(" .")))


def who(hit: Hit, question: str) -> list[str]:
    """A person with their position, the most specific body, or the cell when it lists several;
    «из числа каких специалистов …» is answered by whom the row draws them from. A woman's surname
    the row prints in an oblique case is named in the nominative («Мамонтовой А.А.» → «Мамонтова А.А.»)."""
    return list(dict.fromkeys(_OBLIQUE_SURNAME.sub(_nominative_surname, v) for v in _who(hit, question)))


# «Мамонтовой А.А.», «А.А. Мамонтовой»: a woman's surname in -ова/-ева/-ина/-ына in an oblique case, which
# no man's surname shares (unlike «-ову», accusative of «Мамонтова» and dative of «Мамонтов»).
_STEM = r"([А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын))ой"  # the surname's stem, then the oblique ending
_OBLIQUE_SURNAME = re.compile(
    rf"(?<![\w-]){_STEM}(?=\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)|(?<=[А-ЯЁ]\.\s){_STEM}(?![\w-])|(?<=[А-ЯЁ]\.){_STEM}(?![\w-])"
)


def _nominative_surname(m: re.Match) -> str:
    return next(stem for stem in m.groups() if stem) + "а"


def _who(hit: Hit, question: str) -> list[str]:
    if _FROM_AMONG.search(question):
        for text in (hit.item.activity, hit.item.description):
            among = re.search(r"\bиз\s+числа\s+([^,.;:()]{3,120})", text or "", re.IGNORECASE)
            if among:
                return [among.group(1).strip()]
    cell = _squash(hit.item.responsible)
    whose = bool(re.search(r"\bчь[яеиюй]", question, re.I))  # «по чьей методике»: the body named in the row
    if _ASKS_BODY.search(question) or whose:
        asked = set(lemmas(question))
        order = ("activity", "description", "result", "responsible")
        bodies = [
            e
            for e in _entities(hit, ORG, fields=order if whose else ("responsible", *order[:3]))
            if not set(lemmas(e.text)) <= asked
        ]
        nouns = [(m.group(1) or m.group(2)).lower() for m in _ASKS_BODY.finditer(question) if m.group(1) or m.group(2)]
        noun = nouns[0] if nouns else ""  # «на базе какого института»: an institute
        # A body the question names by its head («вместе с Департаментом образования») is not the one asked.
        named = [e for e in bodies if set(lemmas(e.text)[:2]) <= asked]
        ranked = sorted(bodies, key=lambda e: (e in named, not _is_a(e.text, noun), -len(e.text)))
        others = [p for p in _parts(cell) if not set(lemmas(p)[:2]) <= asked] if len(named) == len(bodies) else []
        return others[:1] + _printed(ranked) if others and named else _printed(ranked) or ([cell] if cell else [])
    if cell:
        people = _entities(hit, PER, fields=("responsible",))
        if people:
            parts = _parts(cell)
            named = [p for p in parts if any(e.text in p for e in people)]
            topic = f"{hit.item.activity} {hit.item.description or ''}"  # what the row is about singles out no one
            return _singled_out(named, question, topic) or _printed(people)
        return [cell] if len(cell) <= 90 else _parts(cell)[:1]
    bodies = [e for e in _entities(hit, ORG, fields=("activity", "description")) if not _an_acts_author(hit, e)]
    return _people_in_text(hit, question) or _printed(bodies)


# «на основании письма Рособрнадзора», «приказом Минпросвещения России»: the body wrote a document, it does not act.
_ACT_BEFORE_BODY = re.compile(
    r"(?:письм|приказ|распоряжени|постановлени|рекомендаци|решени)\w*\s+$", re.IGNORECASE
)


def _an_acts_author(hit: Hit, entity: StoredEntity) -> bool:
    text = getattr(hit.item, entity.field) or ""
    return bool(_ACT_BEFORE_BODY.search(text[max(0, entity.start - 40) : entity.start]))


def _people_in_text(hit: Hit, question: str) -> list[str]:
    """People an order's clause names, each with the body before it: «Комитету по социальным вопросам
    (Качин Л.А.), городскому Управлению образования (Дугарова Д.Ц.)»."""
    people = _entities(hit, PER, fields=("activity", "description"))
    if len(people) < 2:
        return _printed(people)
    owner: dict[str, str] = {}
    for e in people:
        text = getattr(hit.item, e.field) or ""
        start = max(text.rfind(sep, 0, e.start) for sep in ("),", ";", "\n", ":")) + 1
        ends = [i + 1 for sep in ("),", ";", "\n") if (i := text.find(sep, e.end)) >= 0]
        owner.setdefault(_squash(e.text), text[start : min(ends, default=len(text))])
    kept = set(_singled_out(list(owner.values()), question))
    return [name for name, part in owner.items() if part in kept]


# The asked role itself («руководит», «возглавлял»): every person in the cell has it.
_ROLE_VERB = re.compile(r"\b(?:руковод|возглав|отвеча|ответствен|курир|председательств|координир)\w*", re.IGNORECASE)


def _singled_out(parts: list[str], question: str, topic: str = "") -> list[str]:
    """Of several people in one cell, those whose own words the question repeats and the others' do
    not: «… естественно-математического цикла?» over «Тагирова Э.Р. (гуманитарный цикл), Маслова Н.П.
    (естест венно-математический цикл)» (words compared without spaces: a PDF's line breaks split them)."""
    if len(parts) < 2:
        return parts
    words = _WORD.findall(_ROLE_VERB.sub(" ", question.lower()))
    asked = {w[:-3] if len(w) >= 8 else w[:-2] for w in words if len(w) >= 5}  # the stem, roughly
    asked -= {w for w in asked if w in topic.lower()}
    said = [{w for w in asked if w in re.sub(r"\s+", "", p.lower())} for p in parts]
    common = set.intersection(*said)
    scores = [len(s - common) for s in said]
    best = max(scores)
    return [p for p, score in zip(parts, scores, strict=True) if score == best] if best else parts


def whom(hit: Hit, question: str) -> list[str]:
    """«Кого назначили координатором?»: the people the row's own text names (an order's clause
    «Назначить … Минаеву Е.Л.»), not whoever answers for it. Asked of every row first, like
    `what_named`; when no row names a person, «кого закрепляют …» is read as «что» (a role)."""
    return _printed(_entities(hit, PER, fields=("activity", "description")))


def _is_a(body: str, noun: str) -> bool:
    """Whether a body is of the kind asked («на базе какого института»: «АКИПКРО», «Институт …»):
    the noun's stem in its name, or its initial inside an abbreviation («И» in «АКИПКРО»)."""
    stem = noun[:5]
    if not stem or stem.startswith("орган"):
        return False
    if stem in body.lower() or (stem.startswith("вуз") and re.search(r"(?i)университет|институт|академи", body)):
        return True  # «в каком вузе»: a university, an institute, an academy
    if bool(re.fullmatch(r"[А-ЯЁа-яё]{3,10}", body)) and body.isupper() and stem[0].upper() in body[1:]:
        return True
    # «ГАУ ДПО ИРО РБ»: past the legal form and «ДПО», an abbreviation opening with the noun's initial.
    tokens = re.findall(r"(?<![\w-])[А-ЯЁ]{3,10}(?![\w-])", body)
    return any(t[0] == stem[0].upper() and t not in _FORM_WORDS for t in tokens[1:])


_FORM_WORDS = frozenset("ГАУ ГБУ ГКУ МАУ МБУ МКУ ДПО ГАОУ ГБОУ ГКОУ МАОУ МБОУ МКОУ ОГАУ ОГБУ".split())


_ASKS_HOUR = re.compile(
    r"\b(?:до\s+(?:какого|которого)\s+часа|в\s+котором\s+часу|к\s+(?:какому|которому)\s+часу)", re.I
)
_CLOCK = re.compile(r"(?<![\w.])(?:(?:до|с|в|к)\s+)?(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d.])(?:\s*ч(?:ас\w*|\.)?)?")


def when(hit: Hit, question: str) -> list[str]:
    """The row's deadline as printed, with the month and year it means when the print omits them."""
    item = hit.item
    if _ASKS_HOUR.search(question):  # «до которого часа …?»: the clock time the row names
        said = " ".join(x or "" for x in (item.activity, item.deadline, item.description))
        hours = [" ".join(m.group().split()) for m in _CLOCK.finditer(said)]
        if hours:
            return hours[:1]
    if _ASKS_MOVED.search(question):  # «на какой месяц перенесли …?»: a report's «перенесен на январь»
        said = " ".join(x or "" for x in (item.result, item.description, item.activity, item.deadline))
        moved = _MOVED_TO.search(said)
        if moved:
            return [" ".join(moved.group(1).split())]
    if _ASKS_DAY.search(question) and not _DAY.search(item.deadline or ""):
        # «до какого числа …?» of a row whose deadline cell gives only years: the day its text sets
        said = " ".join(x or "" for x in (item.activity, item.description, item.result))
        day = _BY_DAY.search(said)
        if day:
            return [" ".join(day.group().split())]
    if item.deadline and re.search(r"\w", item.deadline):  # not a rule line «--------» left in the cell
        printed = _squash(item.deadline)
        value = item.deadline_value or {}
        year, month = value.get("start_year"), value.get("start_month")
        if month and year and str(year) not in printed and value.get("end_month") in (None, month):
            return [f"{printed} ({MONTH_NAMES[month - 1]} {year})"]
        return [printed]
    dates = _entities(hit, DATE, fields=("activity", "description", "result"))
    return _printed(dates[:1]) and [_joined(hit, dates)]


def asks_day(question: str) -> bool:
    """«До какого числа …?», «с какого числа …?»: a day is asked, not a quarter or a year («к какому
    сроку» may be a month)."""
    return bool(_ASKS_DATE.search(question))


_ASKS_DATE = re.compile(r"\b(?:как|котор)(?:ого|ому)\s+числ", re.IGNORECASE)


def names_day(value: str) -> bool:
    """«с 1 января 2009 г.», «до 30.09.2022»: the value names a day."""
    return bool(_DAY.search(value))


# «До какого числа …?», «к какому сроку …?», «какого числа …?»: a day is asked, not a year.
_ASKS_DAY = re.compile(r"\b(?:до|к)\s+(?:какого|какому|которого)\s+(?:числа|числу|срока|сроку)|\bкакого\s+числа", re.I)
_DAY = re.compile(rf"\b\d{{1,2}}(?:\.\d{{1,2}}\.\d{{2,4}}|\s+{MONTH_WORD})", re.IGNORECASE)
# «до 1 октября 2018 г.», «в срок до 01.06.2020»: the day a row's text sets
_BY_DAY = re.compile(
    rf"\b(?:[Дд]о|не\s+позднее|[Кк])\s+\d{{1,2}}(?:\.\d{{1,2}}\.\d{{2,4}}|\s+{MONTH_WORD}(?![а-яё])(?:\s+\d{{4}}(?:\s*(?:года|г\.?))?)?)"
)  # case-blind months would read «к 9 Мая», «к 8 Марта» (holidays) as deadlines
_ASKS_MOVED = re.compile(r"\bперен[её]с|\bперенос|\bотлож", re.IGNORECASE)
# «перенесен на январь», «перенесено на 15.03.2024», «отложено до апреля 2024 г.»
_MOVED_TO = re.compile(
    rf"\b(?:перенес[её]?н\w*|отложен\w*)\s+(?:на|до)\s+((?:\d{{1,2}}\s+)?{MONTH_WORD}(?:\s+\d{{4}}(?:\s*г(?:ода|\.)?)?)?"
    r"|\d{1,2}\.\d{1,2}\.\d{2,4}|(?:I{1,3}|IV)\s+квартал\w*(?:\s+\d{4}(?:\s*г(?:ода|\.)?)?)?)",
    re.IGNORECASE,
)


def where(hit: Hit, question: str, document_places: Callable[[], list[str]] = list) -> list[str]:
    """The municipality (or the region, when a region is asked) the row belongs to: the document's,
    else one its row or title names that the question does not, else the one its document names most.
    A bare «где» about a place the question names asks for the venue inside it («в холле первого этажа»)."""
    doc = hit.document
    named_place = _names_place(question)
    if _ASKS_VENUE.match(question) and (named_place or _PUBLISHES.search(question) or _WHERE_TO.match(question)):
        # «Где в школе № 15 … вывешивают стенд?», «Где Самара выкладывает рейтинг?», «Куда направляют отчёт?»
        venue = _venue(hit, question)
        put = _PUBLISHES.search(question) and not named_place
        if venue and not (put and not _MEDIUM.search(venue)):  # a text is put on a site, not «в установленном порядке»
            return [venue]
    if _ASKS_TOWN.search(question):  # «в каких городах …»: the towns the row names
        said = " ".join(x or "" for x in (hit.item.activity, hit.item.description, hit.item.result))
        towns = [m.group(1) for m in _TOWNS.finditer(said)]
        if towns:
            return towns
        if _ASKS_VILLAGE.search(question):
            return []  # «в каком селе …?»: a row naming no village answers nothing, not by its district (q1546)
    if _ASKS_REGION.search(question):
        found = [doc.region] if doc.region else places.regions(f"{doc.title or ''} {hit.item.activity}")[:1]
    elif doc.municipality:
        found = [doc.municipality]
    else:
        said = places.municipalities(f"{hit.item.activity} {hit.item.description or ''} {doc.title or ''}")
        said = said or document_places()
        found = [p for p in said if p.split()[0][:5] not in question][:1] or ([doc.region] if doc.region else [])
    return [p for p in found if not _asked_of(p, question)]  # the place the question names answers nothing


# «Где учителя повышают квалификацию …?», «Куда отправляют учителей на курсы?», «Какой институт …?»:
# the institution that teaches, not the district or the school whose teachers go there.
_ASKS_TRAINER = re.compile(
    r"\bкак\w+\s+(?:[а-яё]+(?:ой|ий|ый|ом|ем|ого|его|ую|ая|ие|ые|их|ых)\s+)?(?:институт\w*|вуз\w*|университет\w*"
    r"|академи\w*|колледж\w*)\b"
    r"|^\s*(?:где|куда)\b(?=.*\b(?:учител|педагог|кадр|директор|руководител|специалист|воспитател))"
    r".*\b(?:курс\w*|уч(?:ат|ит|атся|ится|иться)\b|обуча\w*|обучени\w*|квалификаци\w*|стажир\w*|переподготов\w*)",
    re.IGNORECASE,
)
# An institution that teaches teachers: by its name, or by its abbreviation («КОИРО», «ВОИПКиПРО», «АГУ»).
_TRAINER = re.compile(
    r"(?i:институт|университет|академи|колледж|центр\w*\s+непрерывного)|ЦНППМ"
    r"|(?<![\w-])[А-ЯЁ]{0,6}(?:ИРО|ИПК|ИПП|ЦПК|ПКиПРО|ИОП|РИПО)[А-ЯЁ]{0,4}(?![\w-])|(?<![\w-])[А-ЯЁ]{1,3}Г(?:П)?[УА](?![\w-])"
)
_TRAINER_ABBREVIATION = re.compile(r"(?<![\w-])[А-ЯЁ][А-ЯЁи]{2,10}(?![\w-])")


def asks_trainer(question: str) -> bool:
    return bool(_ASKS_TRAINER.search(question))


def trainer(hit: Hit, question: str) -> list[str]:
    """The institutes or universities the row names (as the tagger found them, else by abbreviation)
    that the question does not name itself. «Где стажируются …?» of a row «стажировки на базе школ с
    высокими результатами» is answered by those premises, not by the institute that runs them (q1186);
    premises naming an institute («на базе КОИРО») are answered by its name. Courses are asked by who
    teaches them: «где повышают квалификацию?» wants the institute (q560)."""
    interns = _ASKS_VENUE.match(question) and re.search(r"стажир", question, re.IGNORECASE)
    premises = interns and _venue(hit, question, premises=True)
    if premises and not _TRAINER.search(premises):
        return [premises]
    asked = set(lemmas(question))
    names = [e for e in _printed(_entities(hit, ORG)) if _TRAINER.search(e)]
    for text in (hit.item.activity, hit.item.description, hit.item.responsible, hit.item.result):
        for m in _TRAINER_ABBREVIATION.finditer(text or ""):
            if _TRAINER.fullmatch(m.group()) and not any(m.group() in n for n in names):
                names.append(_with_legal_form(text, m) or m.group())
    names = [next((w for w in names if n != w and n in w), n) for n in names]  # «ИРО» inside «ГАУДПО ЛО «ИРО»»
    return [n for n in dict.fromkeys(names) if set(lemmas(n)) - asked]


# An abbreviation quoted after its legal form: «ГАУДПО ЛО «ИРО»», «ГБУ ДПО «КОИРО»».
_LEGAL_FORM_BEFORE = re.compile(r"((?<![\w-])[А-ЯЁ]{2,}(?:\s+[А-ЯЁ]{2,}){0,3})\s*[«\"]$")


def _with_legal_form(text: str, m: re.Match) -> str | None:
    """The body's name with its legal form, when the abbreviation is quoted right after one."""
    form = _LEGAL_FORM_BEFORE.search(text, 0, m.start())
    closed = text[m.end() : m.end() + 1] in ("»", '"')
    return f"{text[form.start() : m.end()]}{text[m.end()]}" if form and closed else None


def _asked_of(place: str, question: str) -> bool:
    """The question names this place itself, at its own level («в Коченевском районе»): it is where to
    look, not the answer. «Курской области» does not name «Курский район». A city may be named
    without its marker, in any case: «где в Улан-Удэ …», «в Тюмени», «в Великом Новгороде»; not a
    person of that name («чтения имени Гагарина», «Пушкин А.С.»)."""
    if place in places.municipalities(question) or place in places.regions(question):
        return True
    town = _CITY.fullmatch(place)
    if not town:
        return False
    name = [lemma(w) for w in town.group(1).split()]
    found = list(_CITY_WORD.finditer(question))
    said = [lemma(m.group()) for m in found]
    for k in range(len(said) - len(name) + 1):
        if said[k : k + len(name)] != name:
            continue
        before = said[k - 1] if k else ""
        after = question[found[k + len(name) - 1].end() :]
        if before != "имя" and not re.match(rf"\s*(?:[А-ЯЁ]\.|{_UNIT})", after):
            return True
    return False


# A city as municipalities are stored: «город Улан-Удэ», «г. Курск», «городской округ Дубна», «город Великий Новгород».
_CITY = re.compile(r"(?:город|г\.|городской\s+округ)\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*(?:\s+[А-ЯЁ][а-яё]+)?)")
_CITY_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
_UNIT = r"(?:район|област|округ|кра[йяюе]|муниципальн)"


def _names_place(question: str) -> bool:
    return bool(
        places.municipalities(question)
        or places.regions(question)
        or _SCHOOL_OR_TOWN.search(question)
        or _WHERE_IN_TOWN.match(question)
    )


_WHERE_TO = re.compile(r"\s*куда\b", re.IGNORECASE)
_MEDIUM = re.compile(r"сайт|портал|стенд|газет|издани|систем|платформ|сет[ия]|страниц|журнал|информационн|группе", re.I)
_PUBLISHES = re.compile(r"\b(?:размещ|выклад|публику|опубликов|вывеш)\w*", re.IGNORECASE)  # where a text is put
# «Где в Якутске …?», «Где в Калининской школе …?», not «где в районе»
_WHERE_IN_TOWN = re.compile(r"\s*(?i:где)\s+в\s+[А-ЯЁ][а-яё-]+\b")
# A plan's own label for the venue: «Место проведения: стадион "Туймаада", в 11 ч».
_VENUE_LABEL = re.compile(r"\b[Мм]есто\s+проведения\s*:\s*([^,.;\n]{3,80})")


_TIME_ADJECTIVES = frozenset(
    "январский февральский мартовский апрельский майский июньский июльский августовский сентябрьский"
    " октябрьский ноябрьский декабрьский зимний весенний летний осенний".split()
)
_MANNER = frozenset("формат форма режим порядок соответствие рамка течение срок виде".split())


# Every school of a place or year, named by its class: «в общеобразовательных организациях республики на
# 2022/2023 учебный год» (a venue is a school qualified: «на базе школ с высокими результатами»).
_EVERY_SCHOOL = re.compile(
    r"в\s+(?:обще)?образовательн\w+\s+(?:организаци|учреждени)\w*"
    r"(?:\s+(?:[А-ЯЁ(][\w()-]*|республики|области|края|района|округа|города|на|\d[\d/-]*|учебн\w+|год\w*))*"
)


_IN_A_YEAR = re.compile(r"в\s+(?:[а-яё]+\s+){0,2}(?:учебн\w+\s+)?год(?:у|ах)\b", re.IGNORECASE)


# «Куда возят детей школьные автобусы?»: where someone is carried is said with «к» («подвоз учащихся к базовым
# школам»), which elsewhere opens no place («подготовка к ГИА»).
_CARRIES = re.compile(r"^\s*куда\b.*\b(?:в[оеё]з|подв[оеё]з|достав|привоз|перев[оеё]з)", re.IGNORECASE)
_TOWARDS = re.compile(r"(?<![\w-])ко?\s+(?=[а-яё])(?!(?:постановлени|приказ|распоряжени|приложени|решени)\w*)", re.I)


def _venue(hit: Hit, question: str, premises: bool = False) -> str | None:
    """The first place phrase of the row («в рекреации второго этажа и в учебных кабинетах», «на базе
    школы-партнёра») whose words the question does not have; with `premises`, only one «на базе …»."""
    asked = set(lemmas(question))
    for text in (hit.item.activity, hit.item.description, hit.item.result):
        labelled = _VENUE_LABEL.search(text or "")
        if labelled and not premises:
            return _squash(labelled.group(1))
    carried = bool(_CARRIES.search(question))
    for text in (hit.item.activity, hit.item.description, hit.item.result):
        found = [*_VENUE.finditer(text or ""), *(_TOWARDS.finditer(text or "") if carried else ())]
        for m in sorted(found, key=lambda m: m.start()):
            if premises and not re.match(r"на\s+базе", m.group()):
                continue
            end = _VENUE_END.search(text, m.end())
            stop = end.start() if end else len(text)
            if re.match(r"на\s+сайте", m.group()):  # a site is named by its owner: «на сайте школы | отчёта …»
                stop = min(stop, m.end() + len(_owner(text, m.end())))
            phrase = _phrase(text, m.start(), stop)
            if phrase == " ".join(text[m.start() : stop].split()):  # not cut short: its list runs on
                phrase += " ".join(_listed_on(text, stop).split())
            # «в Республике Хакасия» asked of «в Хакасии»: the place's own name, not «республика», says it
            words = [w for w in lemmas(phrase[m.end() - m.start() :]) if len(w) > 2 and w not in PLACE_WORDS]
            # «на сайте | школы», «на базе | …»: the opener names the place itself, whatever follows
            words = [w for w in lemmas(m.group()) if w in ("сайт", "база")] + words
            if _MANNER.intersection(words[:3]):
                continue  # «в смешанном формате», «в дистанционном режиме»: how, not where
            if _EVERY_SCHOOL.fullmatch(phrase) or _IN_A_YEAR.match(phrase):
                continue  # «в общеобразовательных организациях Республики Саха»: every school, no venue (q1469);
                # «в прошедшем учебном году …»: when, not where
            # a phrase the question already says is no answer, unless it adds a name («на курсах АКИПКРО»)
            named = re.search(r"(?<![\w-])[А-ЯЁ]{3,}", phrase[m.end() - m.start() :])
            # «на августовских совещаниях» asked «в августе»: the month is when, the meeting is where
            first = next((w for w in words if w not in _TIME_ADJECTIVES), None)
            if first and (not _said(first, asked) or (named and not _said(named.group().lower(), asked))):
                return phrase
    return None


# «…, физики и биологии»: nouns listed after the comma that ends a place phrase, the last after «и».
_LISTED_NOUNS = re.compile(r",\s*((?:[а-яё]+,\s*){0,3}[а-яё]+\s+и\s+[а-яё]+)\b")


def _listed_on(text: str, at: int) -> str:
    """The rest of an enumeration a place phrase ends in («в кабинетах химии | , физики и биологии»):
    nouns in the genitive, as the word before the comma is (in its number); else nothing («на базе
    школы, учителя и родители» lists who, not where)."""
    from pipeline.morph import morph

    m = _LISTED_NOUNS.match(text, at)
    before = re.search(r"([а-яё]+)\s*$", text[:at])
    if not m or not before:
        return ""

    def numbers(word: str) -> set[str]:
        return {p.tag.number for p in morph().parse(word) if p.tag.POS == "NOUN" and p.tag.case == "gent"}

    wanted = numbers(before.group(1))
    words = [w for w in re.findall(r"[а-яё]+", m.group(1)) if w != "и"]
    return m.group() if wanted and all(wanted & numbers(w) for w in words) else ""


def _owner(text: str, at: int) -> str:
    """The owner named in the genitive from `at`: its adjectives and first noun («общеобразовательной
    организации», «школы»), or a name in capitals («МБОУ СОШ № 1»); what follows is another thing
    («отчёта о ходе …»)."""
    from pipeline.morph import morph

    end, more = at, None  # `more`: the genitive words a body's noun may still take («центра | наставничества»)
    for m in re.finditer(r"\s*(\S+)", text[at:]):
        word = m.group(1).strip(".,;:")
        if word.isupper() or word == "№" or word.isdigit():
            end = at + m.end()
            continue
        alpha = word.isalpha() and len(word) > 2
        parses = [p for p in morph().parse(word.lower()) if "gent" in p.tag] if alpha else []
        if not parses or (end > at and text[at:end].strip()[:1].isupper()) or more == 0:
            break
        end = at + m.end()
        if more is not None:
            more -= 1
        elif parses[0].tag.POS == "NOUN":
            more = 2 if parses[0].normal_form in _OWNING_BODIES else 0
    return text[at:end]


# Bodies whose names run on in the genitive («центра наставничества», «управления образования администрации»).
_OWNING_BODIES = frozenset(
    "центр управление отдел комитет департамент министерство институт администрация учреждение организация".split()
)


# «В каких объединениях …?», «в какой газете …?»: the place is named by the noun the question asks of.
_ASKS_IN_WHICH = re.compile(
    r"\b(?:в|во|на)\s+как\w+\s+(?:[а-яё]+(?:ых|их|ом|ем|ой|ей)\s+)?([а-яё]{4,})", re.IGNORECASE
)
# Nouns asked «в каком …» of which other readers know (a place's unit, a time, a form, a body).
_NOT_A_VENUE = frozenset(
    "район регион город область край округ республика субъект посёлок поселок село пункт муниципалитет год месяц"
    " срок день неделя четверть квартал полугодие период форма формат рамка класс этап документ программа план"
    " порядок объём объем размер количество вид".split()
)
_ADJECTIVE_WORD = re.compile(r"[а-яё-]+(?:ых|их|ом|ем|ой|ей|ую|юю|ые|ие|ая|яя|ый|ий)$")


def in_which(hit: Hit, question: str) -> list[str]:
    """«В каких объединениях обмениваются опытом …?» → the row's «в муниципальных методических
    объединениях города Березники»: the same noun with its adjectives, its preposition, the words after
    it up to the clause's end, and a quoted name right after it («в районной газете «Край …»»)."""
    asked = _ASKS_IN_WHICH.search(question)
    if not asked or re.search(rf"(?:{BODY_NOUNS})", asked.group(1), re.I):
        return []
    noun = lemmas(asked.group(1))[:1]
    if not noun or noun[0] in _NOT_A_VENUE:
        return []
    for text in (_squash(hit.item.activity), _squash(hit.item.description), _squash(hit.item.result)):
        found = list(_WORD.finditer(text))
        for n, m in enumerate(found):
            if lemmas(m.group())[:1] != noun:
                continue
            start = n
            while start > 0 and n - start < 3 and _ADJECTIVE_WORD.fullmatch(found[start - 1].group().lower()):
                start -= 1
            if start > 0 and found[start - 1].group().lower() in ("в", "во", "на"):
                start -= 1
            end = _VENUE_END.search(text, m.end())
            phrase = _phrase(text, found[start].start(), end.start() if end else len(text))
            if set(lemmas(phrase)) - set(lemmas(question)):
                return [phrase]
    return []


def _phrase(text: str, start: int, stop: int) -> str:
    """Up to ten words from `start` to the clause's `stop`, and the quoted name printed right after
    them («в районной газете «Край Дорогобужский»», «на базе МОУ «Дарьинская ООШ»») unless the phrase
    itself stands inside a quoted name («акции "Помоги в школе" и "…"»)."""
    phrase = " ".join(text[start:stop].split()[:10])
    named = None if _inside_quotes(text, start) else _QUOTED_NEXT.match(text, stop)
    return f"{phrase} {named.group().strip()}" if named else phrase


def _inside_quotes(text: str, at: int) -> bool:
    """`at` falls inside a quoted name («акции "Помоги в школе"»): what follows its quote is no name of it."""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("«") > before.count("»")


def most_named_places(texts: list[str]) -> list[str]:
    """The municipalities named in `texts`, the most named first."""
    counted = Counter(p for text in texts for p in places.municipalities(text))
    return [p for p, _ in counted.most_common()]


def school(hit: Hit, question: str, document_schools: Callable[[int], list[str]]) -> list[str]:
    """The schools the row names, the one in the part of the row the question is about first
    («февраль 2020 – семинар … в МБОУ Усвятская СОШ»), else the school whose document it is."""
    asked = set(lemmas(question))
    ranked = sorted(_entities(hit, SCHOOL), key=lambda e: -_said_near(hit, e, asked))

    def names_one(s: str) -> bool:  # not a school the question already names, nor «ОУ»
        return not set(lemmas(s)) <= asked and not collective(s)

    named = [s for s in _printed(ranked) if names_one(s)]
    found = named or [s for s in document_schools(hit.item_id) if names_one(s)][:1]
    # «лицей № 17» in «ЧОУ «РЖД лицей № 17»»'s own plan: the whole name its title prints
    fuller = schools_in(f"{hit.document.title or ''}\n{hit.document.issuer or ''}")
    found = [next((f for f in fuller if _within(s, f)), s) for s in found]
    return list(dict.fromkeys(_short_school(s) for s in found))


def _within(short: str, full: str) -> bool:
    """«лицей № 17» within «ЧОУ «РЖД лицей № 17»», not «Лицей № 1» within «Лицей № 17»."""
    found = re.search(rf"(?<![\w-]){re.escape(short.lower())}(?![\w-])", full.lower())
    return len(full) > len(short) and found is not None


def _said_near(hit: Hit, entity: StoredEntity, asked: set[str]) -> int:
    """How many of the question's words the part of the row around an entity holds (the row's
    parts are its lines, list items and clauses)."""
    text = getattr(hit.item, entity.field) or ""
    cuts = [0] + [m.end() for m in re.finditer(r"[;\n]|\s[-–—•]\s|\.\s", text)] + [len(text) + 1]
    start = max(c for c in cuts if c <= entity.start)
    end = min(c for c in cuts if c > entity.start)
    return len(set(lemmas(text[start:end])) & asked)


_SPELLED_FORM = re.compile(r"(?:[а-яё]+\s+){2,4}(?=(?:СОШ|ООШ|НОШ|[А-ЯЁ][а-яё]+ск)[\w\s])")


def _short_school(name: str) -> str:
    """«муниципального общеобразовательного учреждения «Коробицынская СОШ»» → «Коробицынская СОШ»:
    a spelled-out legal form in an oblique case reads badly as an answer; the quoted name is the school."""
    quoted = _QUOTED.search(name)
    spelled = name[: quoted.start()] if quoted else ""
    words = spelled.strip()[1:]  # «Муниципальное казенное … учреждение «Хвастовичская СОШ»» opens a sentence
    if quoted and len(spelled.split()) >= 2 and words == words.lower():
        return quoted.group(1).strip()
    form = _SPELLED_FORM.match(name)  # «… учреждения СОШ имени А.В. Суворова п. Новостройка»
    return name[form.end() :] if form else name


def count(hit: Hit, question: str) -> list[str]:
    """«23 педагога»: a number in the row whose unit is what the question counts («человек» counts
    people), in the clause of the row that says most of the question's topic. A unit right after
    the number beats one a few words on (a unit split by glued PDF columns is still near)."""
    counted = _COUNTED.search(question)
    topic = set(lemmas(question)) - PLACE_WORDS
    asked = set(lemmas(counted.group(1))) if counted else topic
    people = bool(asked & _PEOPLE)
    anyone = "человек" in asked  # «сколько человек»: any people count
    percent = bool(re.search(r"процент|доля|%", question, re.I))
    best: list[tuple[int, int, int, str]] = []
    # the deadline last: «в течение 10 дней после экзамена» counts days
    fields = (hit.item.activity, hit.item.description, hit.item.result, hit.item.deadline)
    years = "год" in asked  # «сколько лет подряд …?»: «два года подряд» counts years
    for order, text in enumerate(x for x in fields if x):
        for start, end, number, unit in _numbers(text):
            if _not_counted(unit, number) and not (years and re.match(r"\s*(?:год|лет)", unit)):
                continue
            after = re.split(r"[;)(]|\n\s*[-–•]|[.!?]\s", text[end:], maxsplit=1)[0].split()
            own = lemmas(" ".join(after[:1]))
            near = lemmas(" ".join(after[:6]))
            unit_people = bool(set(own) & _PEOPLE)  # «человек» among them
            if own and _counts(own[0], asked):
                fit = 2
            elif (people and "человек" in own) or (anyone and unit_people) or (percent and "%" in unit):
                fit = 2
            elif "тысяча" in asked and unit.startswith("тыс"):  # «сколько тысяч …»: «25 тыс. участников»
                fit = 2
            elif any(_counts(w, asked) for w in near):
                fit = 1
            else:
                continue
            unit = re.split(r"\s+(?:для|и|в|на|по|с|из|от|за|нет)\b", unit, maxsplit=1)[0]  # «4 семинара для»
            best.append((fit, _clause_topic(text, start, end, topic), -order, f"{number} {unit}".strip()))
        for m in _UNIT_FIRST.finditer(text):  # «Максимальное количество баллов - 35»
            word = (lemmas(m.group(1)) or [""])[0]
            unit, number = m.group(1).lower(), m.group(2)
            if _counts(word, asked) and not _not_counted(unit, number):
                best.append((2, _clause_topic(text, m.start(), m.end(), topic), -order, f"{number} {unit}"))
    best.sort(key=lambda x: (-x[0], -x[1], -x[2]))
    return [b[3] for b in best[:1]]


def count_any(hit: Hit, question: str) -> list[str]:
    """The one number of the row that counts people when the question counts people by another name
    («Скольких победителей … награждает?» of «поощрение не менее 40 обучающихся»), or counts anything
    when «сколько раз» is asked («не менее 4 заседаний»). A row with two such numbers says nothing
    sure; «сколько семинаров …?» of a row counting «площадок» is left to the count of rows."""
    counted = _COUNTED.search(question)
    asked = set(lemmas(counted.group(1))) if counted else set()
    times = bool(re.search(r"\bскольк\w*\s+раз\b", question, re.IGNORECASE))
    people = bool(asked & (_PEOPLE | _AWARDED))
    if not (times or people):
        return []
    found = []
    for text in (hit.item.activity, hit.item.description, hit.item.result):
        for _, _, number, unit in _numbers(text or ""):
            noun = _COUNT_NOUN.match(unit)
            if not noun or _not_counted(unit, number) or (_MEASURE.match(unit) and not times):
                continue
            if times or set(lemmas(noun.group())) & _PEOPLE:
                found.append(f"{number} {noun.group().strip()}")
    return found if len(found) == 1 else []


_AWARDED = frozenset("победитель призёр призер лауреат стипендиат медалист".split())


_COUNT_NOUN = re.compile(r"\s*(?:[а-яё]+(?:ых|их|ого|его|ой|ей)\s+)?[а-яё]{3,}", re.IGNORECASE)
# Units that measure time, money or share rather than count people.
_MEASURE = re.compile(r"\s*(?:год|лет|%|руб|тыс|млн|млрд|недел|месяц|дн|ден|час|мин|процент|этап|кв)", re.IGNORECASE)


def _not_counted(unit: str, number: str) -> bool:
    """«2020 год», «9 класс», a year alone: a number that counts nothing."""
    return bool(_NOT_COUNTED.match(unit) or re.fullmatch(r"(19|20)\d\d", number))


def _clause_topic(text: str, start: int, end: int, topic: set[str]) -> int:
    """How many of the topic's lemmas the clause around text[start:end] says (the clause only, found
    from its two ends: a long cell of many numbers is read once per number, not once per pair)."""
    ends = [(i + len(sep)) for sep in ("\n", ";", ". ", "! ", "? ") if (i := text.rfind(sep, 0, start)) >= 0]
    left = max(ends, default=0)
    stop = _CLAUSE_END.search(text, end)
    return len(set(lemmas(text[left : stop.start() if stop else len(text)])) & topic)


_CLAUSE_END = re.compile(r"\n|;|[.!?]\s")


# What is counted printed before its number: «количество баллов - 35», «Охват: 120».
_UNIT_FIRST = re.compile(r"(?<![\w-])([А-Яа-яЁё]{3,})\s*[-–—:]\s*(\d+(?:[.,]\d+)?)(?![\d.,]*\d)(?!\s*[А-Яа-яЁё%])")


# Numbers written as words in orders and reports: «в количестве двух человек», «три школы».
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "ноль один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать".split()
    )
} | {"одна": 1, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "сто": 100}


def _numbers(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end of the number, the number in digits, its unit as printed) for every number in
    `text`, in digits («23 педагога», «95,5 %») or in words («трёх школ»)."""
    found = [(m.start(), m.end(1), m.group(1), _squash(m.group(2))) for m in _NUMBER.finditer(text)]
    for m in _WORD.finditer(text):
        value = _NUMBER_WORDS.get(m.group().lower()) or _NUMBER_WORDS.get((lemmas(m.group()) or [""])[0])
        if value and m.group().lower() not in ("один", "одна", "одно"):  # «одна из школ» counts nothing
            unit = re.match(r"(?:\s+[А-Яа-яЁё-]+){1,3}", text[m.end() :])
            found.append((m.start(), m.end(), f"{m.group()} ({value})", _squash(unit.group()) if unit else ""))
    return found


def _counts(word: str, asked: set[str]) -> bool:
    """The unit names what is counted: the word, its stem or a word of the same meaning."""
    return _said(word, asked) or bool(SYNONYMS.get(word, frozenset()) & asked)


_ASKS_NAME = re.compile(r"\bкак\s+(?:\w+\s+){0,12}?называ\w*", re.IGNORECASE)
# A question asking for a name: «как называется …», «какая тема …», «под каким названием …», «о чём …».
_ASKS_TITLE = re.compile(
    r"\bкак\w*\s+(?:[а-яё]+\s+){0,2}?(?:тем[аеуы]|назван\w*|девиз\w*|лозунг\w*)\b|\bо\s+ч[её]м\b", re.IGNORECASE
)


def names_asked(question: str) -> bool:
    """Whether a quoted name in any supporting row may answer a «что» question: a name is asked
    («как называется», «какая тема», «о чём») or a noun («какой курс», «к какой платформе»); a bare
    «как …?» must be answered from the best row (a lesser row's «Шаг в будущее» is no answer, q740)."""
    return bool(_ASKS_NAME.search(question) or _ASKS_TITLE.search(question)) or asked_noun(question) is not None


# A row's own name for what it does, in brackets after it: «(школьные пары)», «(методический десант)».
_BRACKETED_NAME = re.compile(r"\(([а-яё][а-яё-]+(?:\s+[а-яё-]+){0,4})\)")


def what(hit: Hit, question: str, named_only: bool = False) -> list[str]:
    """The method, programme or event the row names and the question does not: what follows the
    noun the question asks about («в какой системе» → «в информационной системе | ИС МЭДК»), a
    quoted title or Latin name that is not a school or body, else the longest run of the
    activity's words the question lacks."""
    asked = set(lemmas(question))
    text = _squash(hit.item.activity)
    quoted_there = [lemmas(q.group(1)) for q in _QUOTED.finditer(question)]

    def new(s: str) -> bool:
        return bool(set(lemmas(s)) - asked)

    def unquoted(s: str) -> bool:  # «ученик – ученик» answers «…, когда ученики помогают», unless quoted there
        return new(s) or lemmas(s) not in quoted_there

    for said in (text, _squash(hit.item.description), _squash(hit.item.result)):
        named = _after_asked_noun(said, question)  # «курсы … | на платформе ЦНППМ» in the description
        if named and new(named):
            return [named]
        if _says_noun(said, question):  # the activity says «семинаров» and names none: no other field does
            break
    bodies = {_squash(e.text).strip('«»"') for e in hit.item.entities if e.label in (SCHOOL, ORG)}
    frame = not re.search(r"проект", question, re.I)  # a federal project is the frame, unless asked
    # The programme the row belongs to (its document's title) is the frame too, unless a programme is asked.
    title = "" if re.search(r"программ", question, re.I) else (hit.document.title or "").lower()
    quoted = [
        name
        for q in _QUOTED.finditer(text)
        if unquoted(name := q.group(1).strip())
        and not any(name in b for b in bodies)
        and not (frame and name.lower() in FEDERAL_PROJECTS)
        and not re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", title)
        and not _ACT_BEFORE.search(text, 0, q.start())  # «распоряжение … от 28.12.2020 № Р-1015 «Об …»»: an act's title
    ]
    if _ASKS_NAME.search(question):  # «как называют связки школ?»: «… школ с высокими и низкими (школьные пары)»
        quoted += [m.group(1) for m in _BRACKETED_NAME.finditer(text) if new(m.group(1))]
    latin = [
        m.group()
        for m in [*_LATIN.finditer(text), *_SITE.finditer(text)]
        if len(m.group()) > 3 and new(m.group()) and not _in_address(text, m.start(), m.end())
    ]
    events = [e for e in _printed(_entities(hit, EVENT, fields=("activity",))) if new(e)]
    if quoted or latin:  # a name that adds something to the question first, the closest to it first
        names = list(dict.fromkeys(quoted + latin))
        return sorted(names, key=lambda x: (not new(x), -len(set(lemmas(x)) & asked)))
    if named_only:
        return []
    done = _object_of_asked_verb(text, question)
    if done:  # «Что школа составит для учителей …?» → «… и составление | планов профессионального развития»
        return [done]
    form = asked_noun(question) in ("форма", "формат")
    way = form or asked_noun(question) in _WAY_NOUNS or bool(_ASKS_MANNER.match(question))
    described = _squash(hit.item.description)
    if way and re.search(r"[а-яё]{4}", described) and len(described.split()) <= 5 and new(described):
        return [described]  # «В какой форме / каким способом …?»: a table's column of forms («тестирование»)
    # «Как …?», «В какой форме …?» of a row that names no form: the form is the event it opens with
    head = _head_phrase(text) if _ASKS_MANNER.match(question) or form else ""
    if head and set(lemmas(head)) - asked - _ACTIVITY_HEADS:  # «Как … выяснить …?» → «анкетирование родителей»
        return [head]
    run = _novel_run(text, asked | _ACTIVITY_HEADS)
    return [run] if run else events[:1]


# «Как школа узнаёт …?», «Каким способом …?»: the way, which a row names first («Анкетирование родителей …»).
# Nouns asking for a way (a short description column of real plans names one: «тестирование», «практикум»).
_WAY_NOUNS = frozenset(("способ", "метод", "методика", "технология"))
_ASKS_MANNER = re.compile(r"\s*(?:как(?!\s+называ)|каким\s+(?:способом|образом))\b", re.IGNORECASE)
_HEAD_STOP = frozenset("по для с со об о на в во к из за при через между под над от до и или а также".split())


# «Что … составит / разработают / проводят …?»: the question's own verb asks for its object.
_ASKS_WHAT_DONE = re.compile(r"^\s*что\b", re.IGNORECASE)


def _object_of_asked_verb(text: str, question: str) -> str:
    """The object of the row's action noun or verb of the question's verb's stem («составит» →
    «составление | планов профессионального развития»): its first noun and the genitive words after it."""
    from pipeline.morph import morph

    if not _ASKS_WHAT_DONE.match(question):
        return ""
    verbs = _asked_verbs(question)
    asked = set(lemmas(question))
    for m in _WORD.finditer(text):
        if not any(same_stem(lemma(m.group()), v) for v in verbs):
            continue
        noun = _NEXT_NOUN.match(text, m.end())
        if noun and morph().parse(noun.group(1).lower())[0].tag.POS == "NOUN":
            phrase = (noun.group(1) + _genitive_tail(text, noun.end())).strip()
            if set(lemmas(phrase)) - asked:
                return phrase
    return ""


@cache  # asked of every candidate row
def _asked_verbs(question: str) -> tuple[str, ...]:
    """The lemmas of the question's verbs long enough to share a stem with an action noun."""
    from pipeline.morph import morph

    found = (lemma(w) for w in _WORD.findall(question) if morph().parse(w.lower())[0].tag.POS in ("VERB", "INFN"))
    return tuple(v for v in found if len(v) > 4)


_NEXT_NOUN = re.compile(r"\s+([а-яё][а-яё-]+)(?![а-яё-])")


def _head_phrase(text: str) -> str:
    """The noun phrase a row opens with, after its verb or action noun («Провести анкетирование
    родителей (законных …) об …» → «анкетирование родителей»): adjectives, the noun, and up to two
    words in the genitive after it; it ends at a preposition, a comma or a bracket."""
    from pipeline.morph import morph

    clause = re.split(r"[,;:(«\"]|\s[-–—]\s", text, maxsplit=1)[0]
    words = _WORD.findall(clause)
    parse = cache(lambda k: morph().parse(words[k].lower())[0])  # each word read once, only as far as needed
    # «Классным руководителям 1-11 классов провести анкетирование …»: the way follows the verb
    verb = next((k for k in range(min(8, len(words))) if parse(k).tag.POS == "INFN"), None)
    n = verb + 1 if verb else 0
    while n < len(words) and (
        words[n].lower() in _ACTIVITY_HEADS
        or parse(n).normal_form in ("работа", "деятельность")  # «Организация работы …»
        or parse(n).tag.POS in ("INFN", "VERB")
    ):
        n += 1
    out: list[str] = []
    noun = False
    for k in range(n, min(n + 6, len(words))):
        word = words[k]
        if word.lower() in _HEAD_STOP:
            break
        tag = parse(k).tag
        if not noun and (tag.POS in ("ADJF", "PRTF", "NOUN") or word.isupper()):
            out.append(word)
            noun = tag.POS == "NOUN" or word.isupper()
        elif noun and tag.case == "gent" and len(out) < 4:
            out.append(word)
        else:
            break
    return " ".join(out) if noun else ""


def anchored(hit: Hit, question: str) -> list[str]:
    """«На сайте какой организации …?», «на базе каких учреждений», «в рамках какого проекта»: what
    the row names right after the same noun («на сайте ИМЦ», «на базе лицеев и гимназий города»):
    a body or school, a name in quotes, capitals or brackets right there, else the words up to the
    next clause when they open with a word of substance («на сайте и в социальных сетях» names none)."""
    anchor = _ANCHOR.search(question)
    if not anchor:
        return []
    noun = lemmas(anchor.group(1))[:1]
    asked = set(lemmas(question))
    body = bool(_BODY_WORD.match(question, anchor.end()) or _BODY_WORD.search(anchor.group(0).split()[-1]))
    for field in (hit.item.activity, hit.item.description, hit.item.result):
        text = _squash(field)
        for m in _WORD.finditer(text):
            if lemmas(m.group()) != noun:
                continue
            rest = text[m.end() :].lstrip()
            bodies = [b for b in _printed(_entities(hit, ORG, SCHOOL)) if rest.startswith(_squash(b))]
            if bodies:  # «на базе ГБУ ДПО «Институт развития образования …»»: the whole body
                return [max(bodies, key=len)]
            named = _NAMED_RIGHT_AFTER.match(text, m.end())
            if named:
                return [next(g for g in named.groups() if g).strip()]
            end = _VENUE_END.search(text, m.end())
            words = text[m.end() : end.start() if end else len(text)].split()[:6]
            while words and words[-1].lower() in _FUNCTION_WORDS:
                words.pop()
            phrase = " ".join(words)
            if words and words[0].lower() not in _FUNCTION_WORDS and set(lemmas(phrase)) - asked:
                if not body or _BODY_WORD.search(phrase):  # «на базе каких учреждений»: «лицеев и гимназий»
                    return [phrase]
    return []


# A noun the question puts before its «какой» (not a relative clause's «в рамках которого»).
_ANCHOR = re.compile(
    r"\b(?:на|в|во|через)\s+(сайт\w*|баз[еы]|рамках|портал\w*|платформ\w*|заседани\w*|совещани\w*)\s+как\w+", re.I
)
# A body or a school asked for or named: «какой организации», «лицеев и гимназий».
_BODY_WORD = re.compile(rf"\s*(?:[а-яё]+\s+)?(?:{BODY_NOUNS}|школ\w*|гимнази\w*|лице[йяеюв]\w*)", re.I)
# A name printed right after the noun: «на сайте ИМЦ», «на платформе «Сферум»», «(ИС МЭДК)».
_NAMED_RIGHT_AFTER = re.compile(
    r"\s*(?:[«\"“]([^»\"”]{2,120})[»\"”]|\(([^()]{3,160})\)|([A-ZА-ЯЁ]{2,}(?:[\s-][A-ZА-ЯЁ]{2,}){0,3})(?![\w-]))"
)
# Words that open or close no name: the lexical index's stop words, and pronouns («того же учреждения»).
_FUNCTION_WORDS = STOP | frozenset("того той тех этого этой его ее её их свой своего своей всех весь".split())


def what_named(hit: Hit, question: str) -> list[str]:
    """Only what the row names (after the asked noun, in quotes, in Latin): asked first of every row,
    so a named method in the second row beats a run of words in the first. «Какие семинары …?»: a
    name in a row that never says «семинар» is something else («Создание сайта «…»»)."""
    noun = asked_noun(question)
    if noun and noun not in CATEGORY_NOUNS:
        said = lemmas(" ".join(x or "" for x in (hit.item.activity, hit.item.description, hit.item.result)))
        if not any(same_stem(noun, w) for w in said):
            return []
    return what(hit, question, named_only=True)


# «какой инструмент», «по каким направлениям», «в какой форме», «чьей методике»: the noun asked about.
_ASKED_NOUN = re.compile(r"\b(?:как\w+|чь\w+|как\s+называ\w+)\s+((?:[а-яё-]+\s+){0,2}[а-яё-]+)", re.I)
# What a row names right after that noun: a quoted title, capitals («ИС МЭДК»), a parenthesised list.
# (Up to three lowercase words may come between: «конкурс профессионального мастерства «Сердце отдаю детям»».)
# Or a name's abbreviation in brackets after its genitive words: «системе мониторинга … карт (ИС МЭДК)».
# Or a campaign's hashtag: «в рамках фестиваля #ВместеЯрче».
_NAME_AFTER = re.compile(
    r"\s*(?:(?:[а-яё-]+\s+){0,3}?[«\"“]([^»\"”]{2,120})[»\"”]|\(([^()]{3,160})\)|([A-ZА-ЯЁ]{2,}(?:[\s-][A-ZА-ЯЁ]{2,}){0,3})"
    r"|(?:[а-яё-]+\s+){1,4}?\(([A-ZА-ЯЁ]{2,}(?:[\s-][A-ZА-ЯЁ]{2,}){0,3})\)|(#\w{3,}))"
)
# «в форме мастер-класса», «в формате веб-квеста»: a form is named by the word in the genitive after it.
_FORM_OF = re.compile(r"\s+([а-яё]+-[а-яё]+|[а-яё]{4,}(?:а|я|ов|ий|ей|и|ы))\b")
# Nouns that head an activity and never name its method («Проведение мастер-классов …»).
_ACTIVITY_HEADS = frozenset(
    "проведение организация реализация разработка создание участие обеспечение осуществление внедрение"
    " использование применение подготовка продолжение развитие совершенствование формирование введение".split()
)


# Nouns of a kind of thing, not a thing: rows name an instance («час успеха»), not the noun («формат»).
CATEGORY_NOUNS = frozenset(
    "форма формат инструмент способ метод методика направление механизм мера технология подход вид средство тема"
    " название".split()
)


@cache  # asked of every field of every candidate row
def asked_noun(question: str) -> str | None:
    """The lemma of the noun a «что» question asks about: «какой курс» → «курс», «какую муниципальную
    форму» → «форма», «каким методом» → «метод» (the first word after the question word that is no
    adjective or participle)."""
    found = _ASKED_NOUN.search(question)
    for word in found.group(1).split() if found else []:
        if not is_adjective(word):
            return next(iter(lemmas(word)), None) if len(word) >= 4 else None
    return None


def _says_noun(text: str, question: str) -> bool:
    noun = asked_noun(question)
    return bool(noun) and noun in lemmas(text)


def _after_asked_noun(text: str, question: str) -> str:
    noun = asked_noun(question)
    if not noun:
        return ""
    want = [noun]
    for m in _WORD.finditer(text):
        if "-" in m.group() and lemmas(m.group().split("-")[0])[:1] == want:
            return m.group()  # «школ-консультантов» names the kind of school asked
        if lemmas(m.group())[:1] == want:
            named = _NAME_AFTER.match(text, m.end())
            if named:
                quoted = _QUOTED_NEXT.match(text, named.end(3)) if named.group(3) else None  # «ФГИС «Моя школа»»
                return text[named.start(3) : quoted.end()] if quoted else next(g for g in named.groups() if g).strip()
            form = _FORM_OF.match(text, m.end()) if want[0] in ("форма", "формат") else None
            if form:
                return form.group(1)
            proper = _PROPER_BEFORE.search(text, 0, m.start())
            tail = _genitive_tail(text, m.end())
            if proper and m.start() > 0:  # «в Региональную систему электронного мониторинга»
                return f"{text[proper.start() : m.end()]}{tail}".strip()
            manner = _ADJECTIVE_BEFORE.search(text, 0, m.start()) if want[0] in ("форма", "формат") else None
            if manner and _is_adjective(manner.group().strip()):  # «в дистанционном формате», not «выбранной форме»
                return text[manner.start() : m.end()]
            asked = set(lemmas(question)) | _ACTIVITY_HEADS
            if tail and any(not _said(w, asked) for w in lemmas(tail)):
                return text[m.start() : m.end() + len(tail)]  # «внедрение системы персонифицированного финансирования»
    return ""


def _is_adjective(word: str) -> bool:
    from pipeline.morph import morph

    return morph().parse(word)[0].tag.POS == "ADJF"


# The adjective that says how, right before «форме», «формате»: «в дистанционном формате», «в очной форме».
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])[а-яё-]+(?:ом|ой|ем|ей)\s+$")


# A capitalised adjective right before the noun asked, inside a sentence, or before its other adjectives
# («в Кировском административном округе», q1609): a proper name begins there.
_ENDING = r"(?:ую|ая|ой|ый|ий|ое|ые|ых|ого|ому|ым|ом|ем)"
_PROPER_BEFORE = re.compile(rf"(?<=[а-яё,] )[А-ЯЁ][а-яё]+{_ENDING}\s+(?:[а-яё]+{_ENDING}\s+){{0,2}}$")
# The words in the genitive that end such a name: «… системы | электронного мониторинга»; a plural
# genitive may end in a consonant («рейтинга | вклада школ»).
_GENITIVE_WORD = re.compile(r"\s+([а-яё]+)(?![а-яё-])")
_GENITIVE_END = re.compile(r"(?:ого|его|ой|ей|ых|их|ия|ии|а|я|ов|ев|ей)$")


def _genitive_tail(text: str, at: int) -> str:
    """Up to three words right after `at` in the genitive; one ending in a consonant only when it is
    a plural genitive («вклада школ», «программ»), not an instrumental («министерством»)."""
    end = at
    for _ in range(3):
        word = _GENITIVE_WORD.match(text, end)
        if not word or not (_GENITIVE_END.search(word.group(1)) or _plural_genitive(word.group(1))):
            break
        end = word.end()
    return text[at:end]


def _plural_genitive(word: str) -> bool:
    from pipeline.morph import morph

    if len(word) < 3 or word[-1] not in "бвгджзклмнпрстфхцчшщ":
        return False
    return any({"gent", "plur"} <= p.tag.grammemes for p in morph().parse(word))


def _novel_run(text: str, asked: set[str]) -> str:
    """The run of words (within one clause) with the most lemmas the question does not contain.
    Short function words may sit inside a run, and one word the question has between two new
    ones («работа районной школы | молодого | педагога»), but never at its ends."""
    best = ""
    best_n = 0
    for clause in re.split(r"[,;:()]|\s[-–—]\s", text):
        found = list(_WORD.finditer(clause))
        words = [m.group() for m in found]
        first = last = -1  # the run's first and last new word
        new = gap = 0  # new words in the run; said words since its last new one
        for n, w in enumerate([*words, None]):
            lemma = lemmas(w) if w else None
            if w and lemma and not _said(lemma[0], asked):
                first, last, new, gap = (n if first < 0 else first), n, new + 1, 0
                continue
            if w and (not lemma or (first >= 0 and gap == 0)):
                gap += bool(lemma)  # a function word, or the one said word a run may hold
                continue
            if new > best_n:  # as printed between its words: «ППЭ-531 МАОУ «Викуловская СОШ №1»»
                start, end = found[first].start(), found[last].end()
                end += clause[end : end + 1] == "»" and clause.count("«", start, end) > clause.count("»", start, end)
                best, best_n = clause[start:end], new
            first = last = -1
            new = gap = 0
        # a said word closes the run above; it may not open the next
    return " ".join(best.split())


def _said(word: str, asked: set[str]) -> bool:
    """The question has this lemma, or one of its stem («составление» after «составляют»)."""
    return word in asked or any(same_stem(word, a) for a in asked)


def schools_in(text: str) -> list[str]:
    """Schools a plain text names (a document's title), by the tagger's own patterns."""
    from pipeline.tag import rules

    return [text[h.start : h.end] for h in rules.find(text) if h.label == SCHOOL]


def most_named_school(entities: list[list[StoredEntity]]) -> list[str]:
    """The school a document names most often (a school's own programme names itself)."""
    seen = Counter(e.canonical for row in entities for e in row if e.label == SCHOOL)
    return [name for name, _ in seen.most_common(1)]


READERS = {"who": who, "when": when, "where": where, "count": count, "what": what}
