"""Document metadata from the paragraphs around the table: kind, issuer, date, number, title…

Russian acts follow one letterhead pattern: issuing body, the kind in spaced capitals
(«П Р И К А З»), date, number, place, title («Об …»), preamble, «приказываю:», clauses,
the signatory's position and name, then annexes with their own headings. Every field
here is read from that pattern or left None; nothing is guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline import gazetteer, places
from pipeline.dates import DATE_PATTERN, find_date, parse_date
from pipeline.patterns import MONTH_WORD, NAME
from pipeline.records import Citation, Period, Person
from pipeline.segment.bodies import with_parent
from pipeline.text import is_capitals, quoted

# Kind as printed → canonical kind. Longer phrases first.
KINDS: tuple[tuple[str, str], ...] = (
    # A report is often headed by what it informs of: «Информация о выполнении плана …».
    *(
        (f"{head} о{about}", "отчёт")
        for head in ("информация", "сведения")
        for about in (" выполнении", " ходе", " реализации", "б исполнении", " результатах", " проделанной")
    ),
    ("дорожная карта", "дорожная карта"),
    ("план-график", "план-график"),
    ("план мероприятий", "план мероприятий"),
    ("приказ", "приказ"),
    ("постановление", "постановление"),
    ("распоряжение", "распоряжение"),
    ("решение", "решение"),
    ("указ", "указ"),
    ("письмо", "письмо"),  # «ПИСЬМО / от 12 мая 2020 года N 02/9060-2020-24» (heads 296)
    ("закон", "закон"),  # a subject's law adopting its programme («Закон Республики Алтай от … № 133-РЗ»)
    ("отчет", "отчёт"),
    ("отчёт", "отчёт"),
    ("доклад", "отчёт"),  # «Публичный доклад», «Аналитическая справка»: reports by another name
    ("справка", "отчёт"),
    ("положение", "положение"),
    ("протокол", "протокол"),
    ("выписка из протокола", "протокол"),  # «ВЫПИСКА ИЗ ПРОТОКОЛА № 10 / заседания педагогического совета»
    ("программа", "программа"),
    ("план", "план"),
)
ACT_KINDS = ("приказ", "постановление", "распоряжение", "решение", "указ")
_ACT_WORD = r"(?:приказ|постановлени|распоряжени|решени|письм)[а-яё]*"

_SPACED = re.compile(r"\b(?:[А-ЯЁа-яё] ){3,}[А-ЯЁа-яё]\b")
# «УТВЕРЖДЕН(А/О/Ы)», «Утверждаю», «ПРИНЯТА», «СОГЛАСОВАНО», «РАССМОТРЕНО», «Приложение»; not «Принятые меры…».
_STAMP = re.compile(
    r"^[«\"]?(?:утвержд[её]н[аоы]?|утверждаю|принят[аоы]?|согласован[аоы]?|рассмотрен[аоы]?|приложение)\b",
    re.IGNORECASE,
)
# «№ 45», «N 345-р» (legal databases print a Latin N), «№45/01-04».
NUMBER_MARK = r"(?:№|\bN(?=\s?(?:\d|[А-ЯЁ]{1,3}-?\d)))"  # also «N С-5/5»
# A number holds a digit: «Приказ № ____ от …» left blank has none.
# «№ 112/ 2.4.3»: a space after a slash still runs on in the number (a school's nomenclature index)
_NUMBER_BODY = r"[\w/.\-]*(?:(?<=/)\s(?=\d)[\w/.\-]*)*"
_NUMBER = re.compile(rf"{NUMBER_MARK}\s*(?=[\w/.\-]*\d)([0-9А-ЯЁа-яA-Za-z]{_NUMBER_BODY}[0-9А-ЯЁа-яA-Za-z]|\d)")
# «Об утверждении …», «О МЕРАХ ПО …», «"Об утверждении …"» as a legal database quotes it.
TITLE = re.compile(
    r"^[\"«]?О[бБ]?\s+(?!том\b|тех\b|чем\b|ком\b)(?:[а-яё]|[А-ЯЁ]{3,}"
    # «О Программе развития образования …», «О Концепции …»: a document's name in capitals
    r"|(?:Программ|Подпрограмм|Концепци|План|Порядк|Положени|Стратеги|Комплекс|Перечн|Дорожн|Государственн"
    r"|Муниципальн|Региональн|Республиканск|Областн|Краев|Ведомственн|Целев|Долгосрочн)[а-яё]*\b)"
)
# «школа № 4», «МБОУ СОШ № 617», «МОУ ОШ №5», «протокол № 1»: numbers in a letterhead that are not the act's.
_NOT_ACT_NUMBER = re.compile(
    r"(?:школ[аыуе]?|(?<![а-яё])(?:СОШ|ООШ|НОШ|ОШ|СШ|[А-ЯЁ]{0,3}ДОУ)|гимнази[яи]|лице[йя]|сад[аую]?|протокол[а]?|корпус|дом|д\.)\s*$"
    r"|(?<![\w-])(?-i:[А-ЯЁ]{1,3}(?:СОШ|ООШ|НОШ|СШ))\s*$",  # a school's own abbreviation: «МБОУ «ОСОШ № 2»» (485)
    re.IGNORECASE,
)
_PERIOD_YEARS = re.compile(r"(?:(?:на|в|за)\s+)?(\d{4})\s*[-–—/]\s*(\d{4})\s+(учебн\w+\s+)?год\w*", re.IGNORECASE)
_PERIOD_YEAR = re.compile(r"(?:на|в|за)\s+(\d{4})\s+(учебн\w+\s+)?год\w*", re.IGNORECASE)
_ACT_NUMBER = rf"(?P<number>{_NUMBER_BODY}\w)"
# «приказ … от 16.03.2021 № 189-ОД» and «приказ … № 123/20 от 18 августа 2020 г.».
_CITATION = re.compile(
    rf"(?P<kind>{_ACT_WORD})\s+(?P<issuer>[^№\n]{{0,160}}?)\s*(?:\bот\s+(?P<date>{DATE_PATTERN})"
    rf"\s*(?:г(?:ода|\.)?)?\s*{NUMBER_MARK}\s*{_ACT_NUMBER}"
    rf"|{NUMBER_MARK}\s*{_ACT_NUMBER.replace('number', 'number2')}\s+от\s+(?P<date2>{DATE_PATTERN}))",
    re.IGNORECASE,
)


def collapse_spaced(text: str) -> str:
    """«П Р И К А З» → «ПРИКАЗ», «п р и к а з ы в а ю» → «приказываю»."""
    return _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def sentence_case(text: str) -> str:
    """Letterhead capitals to normal case, keeping abbreviations (МОЦ, ОД) and proper names."""
    if is_capitals(re.sub(r"[^А-ЯЁа-яё]", "", text)):
        # all capitals: every word, short ones too, but a legal form's abbreviation («МКУ», «МБОУ»)
        result = re.sub(r"[А-ЯЁ]+", lambda m: m.group() if m.group() in _ABBREVIATIONS else m.group().lower(), text)
    else:
        words = re.split(r"(\s+|[«»\"()])", text)
        result = "".join(w.lower() if len(re.sub(r"[^А-ЯЁа-яё]", "", w)) >= 5 and w.isupper() else w for w in words)
    # Proper names that letterheads capitalise: the word before «области/района», quoted names.
    result = _PROPER_BEFORE_UNIT.sub(_proper_before_unit, result)
    result = re.sub(r"«([а-яё])", lambda m: "«" + m.group(1).upper(), result)
    # a town's name after «город», «г.», «городского округа» («городского округа город Октябрьский»)
    result = _TOWN_AFTER.sub(
        lambda m: m.group(1) + "-".join(w if w == "на" else w.capitalize() for w in m.group(2).split("-")), result
    )
    result = _TWO_WORD_TOWN.sub(_two_word_town, result)  # «города Нижнего Новгорода», «Набережные Челны»
    for start, end, _ in places.region_spans(result):  # «республики Северная Осетия – Алания», «города Москвы»
        result = result[:start] + _region_case(result[start:end]) + result[end:]
    # a patron: «имени Героя Советского Союза Е.И. Дёминой», every word of the name and title capitalised
    result = _PATRON_NAME.sub(lambda m: m.group(1) + _capitalised(m.group(2)), result)
    return result[:1].upper() + result[1:]


_PATRON_NAME = re.compile(
    r"(\b(?:им\.|имени)\s+)((?:[А-ЯЁа-яё]+\s+){0,4}?[А-ЯЁа-яё]\.\s?[А-ЯЁа-яё]\.\s?[А-ЯЁа-яё-]+|[А-ЯЁа-яё-]+)"
)


def _capitalised(words: str) -> str:
    """«героя советского союза е.и. дёминой» → «Героя Советского Союза Е.И. Дёминой»."""
    return re.sub(r"[А-ЯЁа-яё]+", lambda m: m.group()[:1].upper() + m.group()[1:].lower(), words)


# «кичменгско-городецкого муниципального района»: the name before the unit, not «муниципального» itself.
_PROPER_BEFORE_UNIT = re.compile(
    r"(?<![\w-])(?!(?:муниципальн|городск|сельск|автономн|национальн)[а-яё]*\s)"
    r"([а-яё]+(?:-[а-яё]+)*(?:ой|ого|ий|ая|ский))(\s+(?:(?:муниципальн|городск)[а-яё]+\s+)?(?:област|район|кра[йяею]|округ)[а-яё]*)"
)
_ABBREVIATIONS = frozenset(
    "МКУ МБУ МАУ ГКУ ГБУ ГАУ ОГАУ ОГБУ МОУ МБОУ МАОУ МКОУ ГОУ ГБОУ ГАОУ ГКОУ ФГБОУ ДПО СОШ ООШ НОШ ИРО РФ ЗАТО"
    " МБДОУ МАДОУ МКДОУ ДОУ МО МР ГО".split()
)


def _proper_before_unit(m: re.Match) -> str:
    """«вилегодского муниципального округа» → «Вилегодского …»; «образовательного округа» stays."""
    name, unit = m.group(1), m.group(2)
    if "округ" in unit and not re.search(r"[сц]к[а-яё]+$", name):
        return m.group()
    return "-".join(w.capitalize() for w in name.split("-")) + unit


_TWO_WORD_TOWN = re.compile(r"(\b(?:город[аеуом]{0,2}|г\.)\s*[А-ЯЁ][а-яё]+\s+)([а-яё]{3,})(?![\w-])")


def _two_word_town(m: re.Match) -> str:
    """The second word of a town's name that GeoNames knows in two words («Нижнего | новгорода»)."""
    town = f"{m.group(1).split()[-1]} {m.group(2)}"
    known = gazetteer.key(town) in gazetteer.settlement_keys()
    return m.group(1) + (m.group(2).capitalize() if known else m.group(2))


_TOWN_AFTER = re.compile(
    r"(\b(?:(?:город[аеуом]{0,2}|городск[а-яё]+\s+округ[а-яё]*)(?![а-яё])\s+|г\.\s*))"
    r"(?!(?:город|и|в|на|с|по|для|о|федерального|значения|областного|районного)\b)([а-яё]{3,}(?:-[а-яё]+)*)"
)
_REGION_COMMON = frozenset("и область области край края округ округа район района автономный автономного автономная"
                           " автономной автономном".split())


def _region_case(name: str) -> str:
    """A region's name as printed in normal case: its proper words capitalised, «области», «края» not."""
    return re.sub(
        r"[А-ЯЁа-яё]+",
        lambda m: m.group(0) if m.group(0) in _REGION_COMMON else m.group(0)[:1].upper() + m.group(0)[1:],
        name,
    )


# Up to three adjectives may stand before the kind: «Муниципальная программа», «Годовой отчет»,
# «Долгосрочная краевая целевая программа» (heads 283).
_KIND_ADJECTIVES = re.compile(
    r"^(?:[а-яё-]+(?:ая|ый|ий|ой|ое|ые)\s+){1,3}(?=программ|план|отч[её]т|дорожн|доклад|справк)"
)


# A protocol's heading: in capitals, numbered, or «Протокол заседания / совещания / собрания …».
_PROTOCOL_HEADING = re.compile(rf"ПРОТОКОЛ\b|Протокол\s+(?:{NUMBER_MARK}|заседани|совещани|собрани)")
_AGENDA_OR_ITEM = re.compile(r"^\s*(?:повестк|присутствова|председател|секретар|\d{1,2}[.)]\s)", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^\s*Главная\s*(?:»|>|/|→)")
_REFERENCE = re.compile(rf"\s*(?:{NUMBER_MARK}|от\s)", re.IGNORECASE)


_QUOTED_KIND = re.compile(r"^[«\"„“]([^«»\"„“”]{4,40})[»\"“”](?=\s)")


def kind_of(line: str, first: bool = False) -> str | None:
    """The canonical kind if `line` opens with a kind word («ПРИКАЗ», «ОТЧЕТ МОЦ», «Муниципальная программа»).
    A `first` line of a document may cite itself: a portal heads the act «Распоряжение от 04.02.2012 г № 10-РА»."""
    printed_line = re.sub(r"(?i)(план)\s*[-–—]\s*(график)", r"\1-\2", collapse_spaced(line).strip(" #*"))
    printed_line = _QUOTED_KIND.sub(r"\1", printed_line)  # «"Дорожная карта" реализации …»
    text = _KIND_ADJECTIVES.sub("", printed_line.lower())
    for printed, kind in KINDS:
        if printed.startswith(("информация", "сведения")) and printed_line.rstrip().endswith("."):
            continue  # «Информация о ходе выполнения представляется ежеквартально.»: a sentence, no heading
        if printed == "письмо" and not (printed_line[:6].isupper() or printed_line.strip(" .").lower() == "письмо"):
            continue  # «Письмо Минпросвещения России от … № …» cites a letter; «ПИСЬМО» heads one
        if printed == "протокол" and not _PROTOCOL_HEADING.match(printed_line):
            continue  # «Протокол педагогического совета "О …"»: a page's or a topic's title, not a heading
        if text.startswith(printed) and not text[len(printed) : len(printed) + 1].isalpha():
            # «приказ № 60», «Приказ от 04.12.2024 № 664» in a stamp name another act, not this one
            if _REFERENCE.match(text[len(printed) :]) and not printed_line[: len(printed)].isupper() and not first:
                return None
            return kind
    return None


def find_kind(paragraphs: list[str], skip: set[int] = frozenset()) -> tuple[str | None, int | None]:
    """The document kind and the index of the paragraph that states it («ПЛАН» / «мероприятий …»
    on two lines is a «план мероприятий»); paragraphs in `skip` (stamps) state none."""
    found = _kind_from(paragraphs, 0, len(paragraphs), skip)
    if found[0] is None:
        return _kind_on_card(paragraphs)
    kind, i = found
    heading = i is not None and len(collapse_spaced(paragraphs[i]).split()) > 1
    # a page's list of acts («Приказ Министерства просвещения … от … № 233/552» / «Приказ министерства
    # образования … № 01-21/1398» / …) above the school's own act (422): no one of them is the heading
    listed = heading and _kind_from(paragraphs, i + 1, i + 3, skip)[0] is not None
    if heading and (_cites_unnamed(paragraphs[i]) or listed or not any(date_and_number([paragraphs[i]]))):
        # A web page's heading («Приказ по функциональной грамотности …», or citing the act in sentence
        # case: «Постановление № 312 от 23.09.2013 г. «Об …»») over the act's own head: the bare kind word
        # («П Р И К А З», «ПОСТАНОВЛЕНИЕ» over its Tatar «КАРАР») under a body's name a few paragraphs on.
        for j in range(i + 1, min(i + 9, len(paragraphs))):
            line = paragraphs[j].strip().split("\n")[0]
            bare = j not in skip and _BARE_KIND.fullmatch(line) and kind_of(line) == kind
            if bare and any(_BODY.search(p) for p in paragraphs[i + 1 : j]):
                return kind, j
    if i is not None and not is_capitals(paragraphs[i].split("\n")[0]) and not any(date_and_number([paragraphs[i]])):
        # a site's heading over an approval stamp («Региональная дорожная карта проекта «500+» на 2021 год»
        # / «УТВЕРЖДЕН приказом …»): the document the stamp approves states its own kind under it; an
        # act's clauses between them make the stamp its annex's
        for k in range(i + 2, min(i + 6, len(paragraphs))):
            if any(_CLAUSE_OR_TRIGGER.match(paragraphs[j]) for j in range(i + 1, k)):
                break
            if k not in skip and any(j in skip for j in range(i + 1, k)):
                own = _kind_from(paragraphs, k, k + 1, skip)
                if own[0]:
                    return own
                break
    if kind == "протокол":  # «Протокол № 1 от …» of the meeting that approved the plan or statute below
        later = _kind_from(paragraphs, i + 1, i + 9, skip, but="протокол")
        return later if later[0] else found
    return found


# A portal's card above the act: «Вид документа: Распоряжение Правительства Рязанской области».
_KIND_LABEL = re.compile(r"\s*(?:вид|тип)\s+(?:документа|акта)\s*:\s*(\S.*)", re.IGNORECASE)


def _kind_on_card(paragraphs: list[str]) -> tuple[str | None, int | None]:
    """The kind a portal's card gives the act when the act prints none of its own."""
    for i, p in enumerate(paragraphs[:12]):
        m = _KIND_LABEL.match(p.split("\n")[0])
        kind = kind_of(m.group(1), first=True) if m else None
        if kind in ACT_KINDS:
            return kind, i
    return None, None


_CLAUSE_OR_TRIGGER = re.compile(r"\s*(?:\d{1,2}\.\s|.*(?:приказываю|постановляю|распоряжаюсь)\s*:)", re.IGNORECASE)


def _cites_unnamed(text: str) -> bool:
    """A site's heading citing the act by the kind word in sentence case, its number and date, and not
    by its body («Постановление № 312 от 23.09.2013 г. «Об …»»): the act's own head follows. One naming
    the body («Постановление Коллегии Орловской области от …») is a legal database's and names the
    issuer; the kind in capitals («ПОСТАНОВЛЕНИЕ от «9» ноября …») is the act's own line."""
    line = text.split("\n")[0]
    before = re.split(r"\s*(?:№|N(?=\s?\d))\s*|\sот\s", line, maxsplit=1)[0]
    return bool(re.fullmatch(r"[А-ЯЁ][а-яё]+", before.strip())) and any(date_and_number([line]))


# A kind word standing alone, letter-spaced or not: «ПРИКАЗ», «П Р И К А З», «Приказ».
_BARE_KIND = re.compile(r"[А-ЯЁ](?:\s?[А-ЯЁа-яё]){4,15}")


def _kind_from(
    paragraphs: list[str], start: int, end: int, skip: set[int], but: str | None = None
) -> tuple[str | None, int | None]:
    """The first kind (other than `but`) stated by a paragraph in start..end, and its index."""
    for i in range(start, min(end, len(paragraphs))):
        if i in skip:
            continue
        kind = states_kind(paragraphs, i)
        if kind and kind != but and not _annex_under_act_title(paragraphs, i):
            return kind, i
    return None, None


def states_kind(paragraphs: list[str], i: int) -> str | None:
    """The kind paragraph `i` states. A line citing the act («Постановление № 574а от 25.12.2013 г.»)
    states it when it heads the document (under at most two lines of chrome) or stands under the
    body's name in capitals; inside or after a stamp such a line names the approving act instead."""
    above = paragraphs[i - 1] if i else ""
    heading = (
        (i <= 2 and not any(is_stamp(q) or kind_of(q) for q in paragraphs[:i]))
        or (is_capitals(re.sub(r"[^А-ЯЁа-яё]", "", above)) and not is_stamp(above))
        or bool(_BREADCRUMB.match(above))
    )  # a site's «Главная » О школе » …» ends its chrome
    opening = paragraphs[i].split("\n")[0].strip()
    pointer = opening.endswith((".", "!")) and len(opening.split()) <= 8 and not any(date_and_number([opening]))
    if pointer and _says(opening):
        return None  # «Протокол совещания размещен ниже.»: a news sentence pointing at the act (427), no heading
    return kind_of(" ".join(paragraphs[i].split("\n")[:2]), first=heading)


# «Мероприятия по реализации муниципальной программы …», «Перечень мероприятий подпрограммы …»,
# «Паспорт муниципальной программы …»: a programme's list of measures or passport published alone
# (or opening the programme) is a part of that programme.
_PROGRAMME_MEASURES = re.compile(
    r"^(?:(?:перечень\s+|система\s+)?(?:основных\s+|программных\s+)?мероприяти[йя]\b[^.]{0,80}?"
    r"|паспорт\s+(?:[а-яё-]+(?:ой|ей)\s+){0,3})\b(?:под)?программ",  # «муниципальной», not «объекта в рамках»
    re.I,
)


_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})\.\s*(?=паспорт)", re.IGNORECASE)


def measures_kind(paragraphs: list[str]) -> str | None:
    """«программа» when a heading near the top names the document a programme's list of measures
    or passport; a fallback for documents that state no kind of their own."""
    lines = [collapse_spaced(line).strip().lstrip("\"«„“ ") for p in paragraphs[:8] for line in p.split("\n")[:8]]
    lines = [_SECTION_NUMBER.sub("", line) for line in lines]  # «1. Паспорт», «I. Паспорт» of the programme
    pairs = [" ".join(lines[i : i + 2]) for i in range(len(lines))]  # «Паспорт» / «муниципальной программы …»
    return next(("программа" for line in pairs if _PROGRAMME_MEASURES.match(line)), None)


def _annex_under_act_title(paragraphs: list[str], i: int) -> bool:
    """A legal database heads an annex published alone with the act's citation («Постановление
    Правительства … от 31.05.2007 № 263-ПП/9»), then «Приложение к постановлению …»: the document
    is the annex, and its kind is the one stated after that mark."""
    cites = bool(_NUMBER.search(paragraphs[i]) and find_date(paragraphs[i]))
    after = " ".join(paragraphs[i].split("\n")[1:2] + paragraphs[i + 1 : i + 2]).lstrip()
    return cites and len(paragraphs[i]) < 300 and after.lower().startswith("приложение")


# A word that makes a letterhead line a body's name.
_BODY = re.compile(
    r"министерств|департамент|управлени|комитет|администраци|правительств|отдел\b|отдела?\s|учреждени|школ"
    r"|гимнази|лице[йя]|институт|академи|центр|собрани|коллеги|губернатор|мэри[яи]|дум[аы]\b|совет\b|агентств|служб"
    r"|инспекци|детский сад|колледж|техникум|университет|\b(?:[МГ][БАК]?[ОУ]|ГАУ|ГБУ|МКУ|МБУ|ДПО|СОШ|ООШ|ИРО)\b",
    re.IGNORECASE,
)
# A line opening a body's name, even in lower case: «муниципальное автономное … учреждение» under
# its department's line starts a body of its own; «администрации города …» continues the line above.
_BODY_START = re.compile(
    r"(?:муниципальн|государственн|частн|федеральн|областн|краев|районн)\w*\s+(?:\w+\s+){0,3}(?:учреждени|организаци)"
    r"|(?:министерство|департамент|управление|комитет|администрация|правительство|отдел|муниципальное\s+образование)\b"
    r"|(?:[МГ][БАК]?ОУ|[ОФ]?Г[АБК]У|М[АБК]У|Г[АБ]П?ОУ)\b",
    re.IGNORECASE,
)
# Site chrome, requisites and other languages above a letterhead: never the issuer.
_NOT_BODY = re.compile(
    r"поиск|главная\s*[»/>]|(?-i:Главная)(?:\s+[А-ЯЁ]|\s*$)|версия для слабовидящих|визитная карточка|перейти к"
    r"|\bинн\b|огрн|тел\.|e-mail|\bул\.|\b\d{6}\b",
    re.IGNORECASE,
)


# Letters of the republics' other Cyrillic alphabets (Tatar, Bashkir, Chuvash, Mari, Komi, Udmurt, Yakut,
# Altai, Khakas, the Caucasus' palochka) and of Ukrainian, never in a Russian body's name.
_OTHER_LETTERS = "әөүһңҗҡғҙҫӑӗӳӓӧӱӹҥӝӟӥӵҕјіїєґӏӈӊӄæ"
_OTHER_LANGUAGE = re.compile(f"[{_OTHER_LETTERS}{_OTHER_LETTERS.upper()}]")
_LISTED = re.compile(r"[-–—•*·]\s")  # an item of a list, never a letterhead's line


def _says(text: str) -> bool:
    """A finite verb or a short participle («школа включена»): the line is a sentence, which a
    letterhead's body name never is."""
    from pipeline.morph import morph

    words = re.findall(r"(?<![А-ЯЁа-яё])[А-ЯЁа-яё]{3,}", text)  # whole words: «Отдел», not «тдел»
    if any(w[:1].islower() and morph().parse(w)[0].tag.POS in ("VERB", "PRTS") for w in words):
        return True
    # a sentence opened by its verb: «Публикуем приказ школы об …» (a school's news above the act, 419)
    first = morph().parse(words[0].lower())[0].tag if words and words[0][1:].islower() else None
    return bool(first) and first.POS == "VERB" and first.person is not None


def issuer_of(paragraphs: list[str]) -> str | None:
    """The body named by the letterhead above the kind word: the most specific one (the school
    under its department, the department under its ministry), its lines joined."""
    bodies: list[str] = []
    texts = [" ".join(part.split()) for p in paragraphs for part in _body_parts(p)]
    label = [re.fullmatch(r"[^:«»]{2,60}:", t) is not None for t in texts] + [False]
    for n, text in enumerate(texts):
        # a site's card, labels and values alternating («Министерство:» / «Министерство образования …» /
        # «Короткое название:» / «МАОУ …»): its values name the school's superiors and short names
        if n and label[n - 1] and (label[n + 1] or (n > 2 and label[n - 3])):
            continue
        if _OTHER_LANGUAGE.search(text):  # the Tatar or Bashkir half of a bilingual letterhead
            continue
        if _STAMP.match(text) or _signed(text) or find_date(text) or not re.search(r"[А-ЯЁа-яё]{3}", text):
            continue
        if TITLE.match(text) or re.search(r"::|\|| / ", text):  # the title, or a web page's menus
            continue
        if re.match(r"[^:«»]{2,60}:(?:\s*\S|$)", text):  # «Цель: …», «Год основания учреждения:» label a value
            continue
        if _LISTED.match(text):
            continue  # «- взаимодействие с муниципальными органами управления образованием.»: a list's item
        junk = _NOT_BODY.search(text)
        if junk:  # «… города Якутска Главная » Новости», «… академия» 400012, г.Волгоград, ул …»: keep the name
            text = text[: junk.start()].rstrip(" ,;>/")
            text = text if _BODY.search(text) and text.count("«") <= text.count("»") + 1 else ""
        if not text or len(text) > 300 or re.fullmatch(r"\(.*\)", text):  # «(МАОУ СОШ № 26)»
            continue
        if re.search(r"[.;:!?]$", text) and _says(text):
            continue  # a sentence of the page («Результаты ГИА … узнают в школе … после их утверждения.»)
        # «администрации …» or a bare «Оренбургской области» goes on the line above (DOCX lines).
        place_only = len(text.split()) <= 4 and (places.regions(text) or places.municipalities(text))
        # «Муниципальное общеобразовательное учреждение» / «"Ботовский центр образования"» (463): the name
        # under its legal form
        named_under = bool(bodies) and text[:1] in "«\"" and bool(_LEGAL_FORM_END.search(bodies[-1]))
        if bodies and (text[:1].islower() or place_only or named_under) and not _BODY_START.match(text):
            bodies[-1] += " " + text
        else:
            bodies.append(text)
    named = [n for n, b in enumerate(bodies) if _BODY.search(b)]
    if not named:
        return None
    # «АДМИНИСТРАЦИЯ … РАЙОНА / ОТДЕЛ ОБРАЗОВАНИЯ»: the department of the administration above it
    last = sentence_case(bodies[named[-1]])
    return with_parent(last, sentence_case(bodies[named[-1] - 1])) if named[-1] else last


# A legal form ending a letterhead line, its quoted name on the next («учреждение» / «"Ботовский …"»).
_LEGAL_FORM_END = re.compile(r"(?i)(?:учреждени[ея]|организаци[яи])\s*$")


# A legal registry's card above the act: «Принявший орган: / Правительство Чеченской Республики».
_ISSUER_LABEL = re.compile(
    r"\s*(?:принявший\s+орган|издавший\s+орган|орган,?\s+принявший\s+(?:документ|акт))\s*:\s*(?P<value>.*)", re.I
)


# A page's title ends with its site's name: «Информация о … | Отдел образования администрации …».
_SITE_SEPARATOR = re.compile(r"\s+[|—–]\s+|\s+-\s+(?=\S+$|[А-ЯЁ])")


def site_owner(page_title: str | None) -> str | None:
    """The body whose site a page was saved from, named after its title («… | МБОУ СОШ № 15 | Сургут»:
    the last part naming a body): a report or plan published without a letterhead is the site's own."""
    parts = _SITE_SEPARATOR.split(page_title or "")[1:]
    owners = [p.strip() for p in parts if _BODY.search(p) and len(p) <= 200 and not TITLE.match(p)]
    return owners[-1] if owners else None


# A legal registry's card, above the act or under it (docs.cntd.ru 446, gisnpa 149, a site's fields 397):
# «Вид документа: Постановление Правительства …», «Номер документа: 250-п», «Дата принятия: 15 октября 2013».
_CARD_FIELD = re.compile(r"\s*(вид|номер|дата\s+принятия)(?:\s+документа)?\s*:\s*\|?\s*(?P<value>.*?)\s*\|?\s*$", re.I)
_ACT_NUMBER = re.compile(r"(?!RU\d)[\w/.-]{1,20}")  # «RU54032804202000071» numbers the registry's entry, not the act
_ISO_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")


def _card_values(paragraphs: list[str], label: re.Pattern) -> Iterator[tuple[re.Match, str]]:
    """Each line a card's `label` opens, with its value: after the label on the same line, or the next line."""
    lines = [line.strip() for p in paragraphs for line in p.split("\n") if line.strip()]
    for n, line in enumerate(lines):
        m = label.match(line)
        value = m and (m.group("value") or (lines[n + 1] if n + 1 < len(lines) else ""))
        if value:
            yield m, value


def card_of(paragraphs: list[str]) -> tuple[str | None, str | None, str | None]:
    """The kind, date and number a registry's card gives the act, where it gives them."""
    kind = date = number = None
    for m, value in _card_values(paragraphs, _CARD_FIELD):
        label = m.group(1).lower()
        if label == "вид":
            kind = kind or kind_of(value)
        elif label == "номер" and _ACT_NUMBER.fullmatch(value):
            number = number or value
        elif label.startswith("дата"):
            iso = _ISO_DATE.fullmatch(value)
            date = date or ("-".join(iso.groups()) if iso else parse_date(value))
    return kind, date, number


def issuer_on_card(paragraphs: list[str]) -> str | None:
    """The body a registry's card names as the one that adopted the act."""
    for _, value in _card_values(paragraphs, _ISSUER_LABEL):
        if _BODY.search(value) or _OFFICIAL.match(value):
            return value if len(value) <= 200 and not value.endswith(":") else None
    return None


def _signed(text: str) -> bool:
    """A person's name that is not the school's patron («школа № 26 им. И.А. Пулина»): a signature;
    a line opening with a post («Директор МБОУ СОШ им. Пушкина И.И. Иванов») is one whatever follows."""
    names = list(NAME.finditer(text))
    return bool(names) and (bool(_POST.match(text)) or any(not _PATRON.search(text, 0, m.start()) for m in names))


# «имени», «им.», «имени дважды Героя Советского Союза» right before a name.
_PATRON = re.compile(r"\b(?:им\.|имени)(?:\s+[А-ЯЁа-яё]+){0,4}\s*$", re.I)  # «ИМЕНИ» in capitals too
_POST = re.compile(r"\s*(?:директор|начальник|заведующ|руководител|председател|глава|и\.\s?о\.|исполняющ)", re.I)


def _body_parts(paragraph: str) -> list[str]:
    """A letterhead paragraph cut where a line opens a body of its own (the school under its
    department); the other lines continue the name above; a line in another language goes."""
    parts: list[str] = []
    for line in paragraph.split("\n"):
        if _OTHER_LANGUAGE.search(line):  # «… школа №50 …»/Яр Чаллы шәһәре …»: both names on one line
            line = line.split("/", 1)[0] if "/" in line else ""
        if _OTHER_LANGUAGE.search(line) or not line.strip() or re.fullmatch(r"\s*\(.*\)\s*", line):
            continue  # «(МАОУ СОШ № 26)» abbreviates
        if parts and not _BODY_START.match(line.strip()):
            parts[-1] += " " + line
        else:
            parts.append(line)
    return parts


def issuer_in_heading(line: str) -> str | None:
    """«Постановление Правительства Республики Коми от 28 сентября 2012 г. N 411» (a portal's heading
    of the act) → «Правительство Республики Коми»; «Указ Губернатора …», «Постановление Главы города …»:
    an official issues it."""
    m = re.match(rf"\s*(?:{_ACT_WORD}|указ)\s+(?P<body>.{{3,160}}?)\s+(?:от\b|{NUMBER_MARK})", line, re.IGNORECASE)
    if not m or not (_BODY.search(m.group("body")) or _OFFICIAL.match(m.group("body"))):
        return None
    return nominative(m.group("body"))


# An official who issues acts in his own name («Глава города Подольска», «Мэр города Аргун»), or his office.
_OFFICIAL = re.compile(r"(?:глав[аы]|мэр(?:и[яи]|[аы])?|губернатор[аы]?)\s+\w", re.IGNORECASE)


def issuer_after_kind(paragraphs: list[str], at: int) -> str | None:
    """«П О С Т А Н О В Л Е Н И Е / Администрация Ковровского района / 01.11.2011 № 971»,
    «ПОСТАНОВЛЕНИЕ / АДМИНИСТРАЦИИ ГОРОДА …», «ПРИКАЗ / по МБОУ СОШ № 5»: the body printed under
    the kind word when none stands above it, up to the act's date or number."""
    rest = paragraphs[at].split("\n")[1:]
    text = " ".join(rest) if rest else (paragraphs[at + 1] if at + 1 < len(paragraphs) else "")
    text = re.sub(r"^\s*по\s+", "", " ".join(text.split()), flags=re.IGNORECASE)
    cut = re.search(rf"\s(?:от\b|{NUMBER_MARK})|{DATE_PATTERN}", text, re.IGNORECASE)
    text = text[: cut.start()].strip(" ,") if cut else text
    if not text or len(text) > 200 or TITLE.match(text) or _says(text) or find_date(text):
        return None
    body = nominative(sentence_case(text) if is_capitals(text) else text)
    return body if body and (_BODY_START.match(body) or _OFFICIAL.match(body)) else None


# A web page's card above a document: «Дата публикации17.10.2016», «Опубликовано: 05.09.2013».
_PUBLISHED = re.compile(
    rf"(?:дата\s*(?:публикации|размещения|создания|изменения)|опубликовано|размещено|обновлено)\s*:?\s*{DATE_PATTERN}",
    re.IGNORECASE,
)
_REPLY = re.compile(r"\s*(?:на|на\s+ваш|вх\.?|входящ\w*)\s*(?:№|N\s?\d)", re.IGNORECASE)


def date_and_number(paragraphs: list[str]) -> tuple[str | None, str | None]:
    """The letterhead's date and «№» («от _30.06.2017___№ __9__» included): of the first line that
    prints both, else the first of each (a site's «Четверг, 05.09.2013» above the act's own line
    «04.09.13   № 01-08/112» does not date it)."""
    for line in (x for p in paragraphs for x in p.replace("_", " ").split("\n")):
        line = _PUBLISHED.sub(" ", line)  # a site's card «Опубликовано 14.03.2021» dates its page, not the act
        if _REPLY.match(line):
            continue  # a letter's «На № 123 от 01.02.2020» answers another letter
        date, number = parse_date(line), _act_number(line)
        if date and number:
            return date, number
    text = _PUBLISHED.sub(" ", " ".join(p.replace("_", " ") for p in paragraphs))
    return parse_date(text), _act_number(text)


def protocol_date_and_number(paragraphs: list[str]) -> tuple[str | None, str | None, int]:
    """A protocol's own date and number: «ПРОТОКОЛ № 4», «Протокол №3 от 29.11.2013», or «ПРОТОКОЛ /
    заседания …» over a line «18 марта 2025 г. | № 3»; and how many of `paragraphs` (from the kind
    line on) state them. Only heading lines count (short ones, or the heading's run-on «заседания …» in
    lower case), and the first line of the paragraph under them when it is a short dated one («18 марта
    2025 г. № 3 г. Мелитополь» over «Председательствовал: …»): an agenda cites other protocols."""
    used = 1
    parts = paragraphs[:1]
    while used < min(len(paragraphs), 3) and not _AGENDA_OR_ITEM.match(paragraphs[used]):
        paragraph = paragraphs[used]
        if not (_heading_lines(paragraph) or (paragraph[:1].islower() and len(paragraph) < 400)):
            first = paragraph.split("\n")[0]
            if len(first) < 100 and parse_date(first):
                parts.append(first)
            break
        parts.append(paragraph)
        used += 1
    text = " ".join(p.replace("_", " ") for p in parts)
    protocol = _PROTOCOL.search(text)
    return parse_date(text), protocol.group(1) if protocol else _act_number(text), used


def _heading_lines(paragraph: str) -> bool:
    """A few short lines, as a heading prints («заседания … группы / по подготовке … / в 2017 году»)."""
    lines = paragraph.split("\n")
    return len(lines) <= 4 and all(len(line) < 100 for line in lines)


def _act_number(text: str) -> str | None:
    """The first «№ …» that numbers an act, not a school or a protocol."""
    for m in _NUMBER.finditer(text):
        if not _NOT_ACT_NUMBER.search(text[max(0, m.start() - 14) : m.start()]):
            if not m.group(1).strip("0"):  # a draft's «от 00.00.2020 № 00»: no number yet
                return None
            suffix = _NUMBER_SUFFIX.match(text, m.end())
            return m.group(1) + (suffix.group(0) if suffix else "")
    return None


# A register's suffix printed after a space: «№ 83 о-д», «№ 45 ОД», «№ 1083 (Д)», «№ 17 – ОД» (508).
_NUMBER_SUFFIX = re.compile(
    r" (?:[а-яё]{1,2}-[а-яё]{1,2}|(?!ОТ\b)[А-ЯЁ]{2,3}(?:-[А-ЯЁ]{1,2})?|\([А-ЯЁа-яё0-9]{1,3}\)"
    r"|[–-] (?!ОТ\b)[А-ЯЁ]{2,3}\b)"
    r"(?=[,;.]|\s(?![А-ЯЁ][а-яё])|$)"  # not before a place: «№ 533 ст-ца Переясловская»
)


# A legal database's note ending the title: «… "Развитие образования" (с изменениями на 6 декабря 2024
# года)», its page's menu after it («• Текст документа • Статус», 446).
_EDITION = re.compile(r"\s*\(с\s+изменениями(?:\s+и\s+дополнениями)?\s+на\s+\d{1,2}\s+[а-яё]+\s+\d{4}\s+г\w*\).*", re.I)


def title_of(paragraphs: list[str], kind: str | None, kind_index: int | None) -> str | None:
    """«Об организации деятельности…» for acts; the kind paragraph itself for roadmaps and reports."""
    start = kind_index or 0
    # a web page puts the title above the act; a report or plan is titled by its own heading («Информация
    # о выполнении …») rather than by a menu's «Об институте» above it
    above = range(start) if kind in ACT_KINDS or kind_index is None else range(0)
    order = [*range(start, len(paragraphs)), *above]
    if kind_index is not None and kind in ACT_KINDS:
        # a legal database's heading «Постановление … от … N 411» with the title on its next line
        lines = paragraphs[kind_index].split("\n")
        at = next((n for n, line in enumerate(lines[1:5], start=1) if TITLE.match(line.strip())), None)
        if at is not None:
            end = next((n for n in range(at + 1, len(lines)) if _AMENDMENTS.match(lines[n].strip())), len(lines))
            rest = paragraphs[kind_index + 1 : title_end(paragraphs, kind_index)] if end == len(lines) else []
            text = " ".join(" ".join(lines[at:end] + rest).split())  # «… на» / «2021-2025 годы»
            text = _unquoted(_EDITION.sub("", text))
            return text[1:] if text[:1] == '"' and text.count('"') % 2 else text  # its closing quote lost
    for i in order:
        if TITLE.match(paragraphs[i]) and len(paragraphs[i]) < 1200:
            text = " ".join(_title_lines("\n".join(paragraphs[i : title_end(paragraphs, i)])).split())
            return _unquoted(_EDITION.sub("", text))
    if kind and kind not in ACT_KINDS and kind_index is not None:
        text = collapse_spaced(_title_lines(paragraphs[kind_index])).strip(" #*")
        nxt = paragraphs[kind_index + 1] if kind_index + 1 < len(paragraphs) else ""
        if nxt[:1].islower() or (re.fullmatch(r"[^«»]*(?:программа|план)", text.lower()) and nxt[:1] in '«"'):
            text += " " + nxt  # «ПЛАН» / «мероприятий по …», «Муниципальная программа» / «"Развитие …"»
        text = " ".join(text.split())
        if kind == "протокол":  # its number, date, place and the chair's line are its requisites, not its title
            text = _MEETING_LINES.split(text, maxsplit=1)[0]
            text = " ".join(_PROTOCOL_REQUISITES.sub(" ", text).split()).strip(" ,.")
            if text.lower() == "протокол" and len(nxt) < 300:  # «Протокол № 3 от …» / «заседания директоров …»
                text += " " + " ".join(_PROTOCOL_REQUISITES.sub(" ", nxt).split()).strip(" ,.")
        return sentence_case(_PLACE_AND_YEAR.sub("", text))
    return None


_PROTOCOL_REQUISITES = re.compile(
    rf"(?:№|N)\s*[\w./-]+|\bот\s+{DATE_PATTERN}(?:\s*(?:года|г\.?))?|{DATE_PATTERN}(?:\s*(?:года|г\.?))?"
    r"|(?<!\w)(?:г\.|р\.\s?п\.|с\.|п\.|пос\.)\s*[А-ЯЁ][\w-]+\s*$",
    re.IGNORECASE,
)
_MEETING_LINES = re.compile(r"\s(?:Председател\w*|Присутствовал\w*|Повестка(?:\s+дня)?|Секретар\w*)\s*[:–—-]")


# A title cut over paragraphs ends in a word that cannot end it: «О внесении изменений в» / «…».
_OPEN_END = re.compile(r"(?:\b(?:в|во|и|о|об|на|по|с|со|к|от|за|для|при|из|№|N)|[,–-])$", re.IGNORECASE)
_ENACTING = re.compile(r"(?:приказыва|постановля|распоряжа|реша|решил|предлага|рекоменд)[а-яё]*\s*:?", re.IGNORECASE)
# A cover page's place and year after a programme's title: «… г. Миллерово 2022 год», «с. Сукромлено, 2023».
_PLACE_AND_YEAR = re.compile(r"\s+(?:г\.|с\.|п\.|пос\.|д\.|ст\.)\s*[А-ЯЁ][\w-]*,?\s+\d{4}(?:\s*(?:год|г\.?))?$")


# A legal database's list of amendments under the title: «С изменениями и дополнениями от:», «5 февраля, …».
_AMENDMENTS = re.compile(
    r"(?:\d{1,2}(?:\s*,\s*\d{1,2})*\s+[а-я]{3,}\s*(?:,|\d{4})|С\s+изменениями|В\s+редакции|\(в\s+редакции|\(с\s+изменениями)",
    re.IGNORECASE,
)


# A line that opens the preamble or a plan's goal: a scan's title runs into it with no blank line (452, 455).
_AFTER_TITLE = re.compile(
    r"(?:В\s+целях|В\s+соответствии|На\s+основании|По\s+итогам|Во\s+исполнение|Руководствуясь|С\s+целью"
    r"|Цел[ьи]\s*:|Задачи\s*:"
    # a legal database's list of the act's editions under its title: «20 апреля, 11 октября 2010 г., …» (heads 283)
    rf"|\d{{1,2}}\s+{MONTH_WORD}(?:\s+\d{{4}}\s*г\.)?,\s+\d{{1,2}}\s+{MONTH_WORD})"
)


def _title_lines(paragraph: str) -> str:
    """The lines of a title's paragraph up to the one opening the preamble or the goal."""
    lines = paragraph.split("\n")
    end = next((n for n in range(1, len(lines)) if _AFTER_TITLE.match(lines[n].strip())), len(lines))
    return "\n".join(lines[:end])


def title_end(paragraphs: list[str], at: int) -> int:
    """Where the title that starts at paragraph `at` ends: it runs on while a paragraph ends open
    or the next one starts in lower case."""
    end = at + 1
    while end < len(paragraphs) and len(paragraphs[end]) < 300:
        nxt = collapse_spaced(paragraphs[end]).strip()
        lower = nxt[:1].islower() and not _ENACTING.match(nxt)  # «п р и к а з ы в а ю:» is not the title's
        if not (_OPEN_END.search(paragraphs[end - 1].rstrip()) or lower):
            break
        end += 1
    return end


def _unquoted(text: str) -> str:
    """«"Об утверждении … "Развитие образования""» as a legal database quotes the title: without the outer quotes."""
    if text[:1] in '"«' and text[-1:] in '"»':
        inner = text[1:-1]
        if inner.count('"') % 2 == 0 and inner.count("«") == inner.count("»"):
            return inner
    return text


def period_of(*texts: str | None) -> Period | None:
    """«на 2018 год», «в 2019-2020 учебном году» in the title or the annex heading."""
    for text in texts:
        if not text:
            continue
        m = _PERIOD_YEARS.search(text)
        if m:
            school = bool(m.group(3))
            label = f"{m.group(1)}-{m.group(2)} {'учебный год' if school else 'годы'}"
            return Period(label, int(m.group(1)), int(m.group(2)), school)
        m = _PERIOD_YEAR.search(text)
        if m:
            year = int(m.group(1))
            school = bool(m.group(2))
            if school:
                return Period(f"{year}-{year + 1} учебный год", year, year + 1, True)
            return Period(f"{year} год", year, year)
    return None


def canonical_name(text: str) -> str | None:
    """«С.В. Белова» / «В.А.Бахмутов» / «Белова С.В.» → «Белова С.В.»."""
    m = NAME.search(text)
    if not m:
        return None
    initials, surname = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    if surname.isupper():
        surname = "-".join(part.capitalize() for part in surname.split("-"))
    return f"{surname} {initials.replace(' ', '')}"


_FIELD_LABEL = re.compile(r"\s*(?:[Оо]тветственн|[Ии]сполнител|[Сс]рок|[Рр]езультат)[а-яё]*\s*[:–-]")
_A_CLAUSE = re.compile(r"\s*\d{1,2}(?:\.\d{1,2})*[.)]\s+[А-ЯЁ]")


def signatory_of(paragraphs: list[str]) -> Person | None:
    """The first name after the clauses, with the position lines printed above it."""
    position: list[str] = []
    for p in paragraphs:
        if _FIELD_LABEL.match(p):  # «Ответственный: … Петрова П.П.,» is a clause's; a signature may follow it
            p = "\n".join(line for line in p.split("\n") if not _FIELD_LABEL.match(line))
        name = canonical_name(p)
        if name and len(p) < 80:
            before = p[: NAME.search(p).start()].strip()
            lines = [*position, before] if before else position
            return Person(name, " ".join(" ".join(lines).split()) or None)
        if len(p) > 200 or kind_of(p) or p.startswith("Приложение") or _A_CLAUSE.match(p):
            return None  # a numbered clause is no position: the clauses have not ended
        position.append(p)
    return None


@dataclass(frozen=True)
class Stamp:
    """An approval stamp or annex mark: «УТВЕРЖДЕН / приказом управления образования / от … № …»."""

    act: Citation | None  # the approving act, if the stamp names one
    issuer: str | None  # its issuing body, nominative
    lines: tuple[int, ...]  # which head paragraphs it occupies


_APPROVING = re.compile(
    rf"(?P<kind>приказ|распоряжени|постановлени|решени|письм)[а-яё]*\s+(?P<issuer>[^№\n]{{0,200}}?)\s*"
    rf"(?:(?:от|от\s+«)\s*(?P<date>{DATE_PATTERN})|{NUMBER_MARK})",
    re.IGNORECASE,
)


# «Программа … утверждена приказом директора от 30.08.2024 № 196.»: a plan's own closing sentence.
_CLOSING_APPROVAL = re.compile(r"\bутвержден[аоы]?\s+(?=приказ|распоряжени|постановлени|решени)", re.IGNORECASE)


def closing_approval(paragraphs: list[str], kind: str | None) -> Citation | None:
    """The act that a plan or programme of this `kind` says at its end approved it («Программа …
    рассмотрена на заседании педагогического совета (протокол от 29.08.2024 № 1) и утверждена приказом
    директора от 30.08.2024 № 196», 415), from its last paragraphs: a school's programme may carry no
    stamp at its head. A report saying its plan was approved is not approved by that act (274)."""
    if not kind:
        return None
    for text in reversed(paragraphs[-6:]):
        text = " ".join(text.split())
        m = _CLOSING_APPROVAL.search(text)
        sentence = re.split(r"[.!?]\s+(?=[А-ЯЁ])", text[: m.start()])[-1] if m else ""
        if not sentence.lower().startswith(kind.split()[0]):  # the sentence's subject is the document itself
            continue
        rest = re.split(r"\.\s+(?=[А-ЯЁ])", text[m.end() :], maxsplit=1)[0]  # that sentence only
        date, number = parse_date(rest), _act_number(rest)
        if date and number:
            return Citation(_act_kind(rest.split()[0]), date, number)
    return None


def is_stamp(text: str) -> bool:
    return bool(_STAMP.match(text.strip()))


def stamps_of(paragraphs: list[str]) -> tuple[Stamp | None, set[int]]:
    """The approving stamp among the first paragraphs (the first «УТВЕРЖДЕН…» that names an act,
    else the first «СОГЛАСОВАНО» / «ПРИНЯТ» / «Приложение к …» that does), and the paragraphs that
    all the stamps occupy: none of them is the document's own letterhead."""
    found: list[tuple[Stamp, str]] = []  # each stamp with the text it opens with
    for i, p in enumerate(paragraphs[:40]):
        text = p if is_stamp(p) else _approval_inside(p)  # side-by-side stamps may come out as one paragraph
        if text and len(p) <= 600:
            read = paragraphs if text is p else [*paragraphs[:i], text, *paragraphs[i + 1 :]]
            found.append((_stamp_at(read, i), text))
    acts = [(s, text) for s, text in found if s.act and (s.act.date or s.act.kind)]  # «Приложение N 1» cites no act
    approving = [s for s, text in acts if text.lower().lstrip(' «"').startswith("утвержд")]
    occupied = {i for s, _ in found for i in s.lines}
    signed = [Stamp(None, s.issuer, s.lines) for s, text in found if s.issuer and _APPROVED.match(text.strip())]
    if not approving and any(_blank_approval(paragraphs, s) for s, _ in found):
        # «УТВЕРЖДЕН … от «___» ____ 20___ г. № ____»: undated, whenever it was considered; the head who
        # signs «УТВЕРЖДАЮ» still names the body whose plan it is
        return (signed or [None])[0], occupied
    # An amended annex: the amending act's label, then the annex's own label quoted as its new wording
    # («Приложение к постановлению от 07.11.2022 N 1040» / «"Приложение 2 к постановлению от 16.10.2017 N 362а»).
    quoted = [s for s, text in acts[1:] if text.lstrip()[:1] in "\"«„“"]
    if not approving and quoted:
        return quoted[0], occupied
    return (approving or [s for s, _ in acts] or signed or [None])[0], occupied


_APPROVED = re.compile(r"[«\"]?утвержд(?:[её]н[аоы]?|аю)\b", re.IGNORECASE)


def _approval_inside(paragraph: str) -> str | None:
    """«Согласно на заседании … / «Утверждаю» Директор … Приказ №121/1 от 01.06.2021»: stamps printed
    side by side may come out as one paragraph, the approving one on a later line; from that line on."""
    lines = paragraph.split("\n")
    at = next((k for k, line in enumerate(lines[1:], 1) if _APPROVED.match(line.strip())), None)
    return "\n".join(lines[at:]) if at else None


# A form's blanks, as printed («от «___» ______ 20___ г. № _____») or as converters shorten them (««_» 20_ г. №»).
_BLANK = re.compile(r"20_+(?!\d)|«\s*_+\s*»|№\s*_+")


def _blank_approval(paragraphs: list[str], stamp: Stamp) -> bool:
    """An approving stamp (alone, or side by side with another) printed as a form left blank: its
    date and number are underscores."""
    text = "\n".join(paragraphs[i] for i in stamp.lines)
    approving = re.search(r"(?im)^\s*[«\"]?утвержд", text)
    return bool(approving) and bool(_BLANK.search(text[approving.start() :]))


# An act's number printed without «№», right before its date.
_BARE_NUMBER = re.compile(rf"(?<![\w№/.-])(\d{{1,5}}(?:[-/][\wА-ЯЁа-яё]{{1,6}})?)\s+от\s+(?:{DATE_PATTERN})")
_A_POST = re.compile(r"(?:директор|заведующ|руководител|начальник|ректор|председател)", re.IGNORECASE)
_PROTOCOL = re.compile(rf"протокол\w*\s*{NUMBER_MARK}\s*(\d[\w/.\-]*)", re.IGNORECASE)


def _approver_body(stamp: str) -> str | None:
    """The body whose head signs «УТВЕРЖДАЮ»: «Исполняющая обязанности директора / МКОУ «Талицкая …
    школа №8» / ____ О.В. Лыткина» is the school's plan, whatever the act's line names. The body's
    lines run from the post to the signature's line (a name not the patron's, or underscores) or the
    act's line; a common noun alone («Директор школы») names no body."""
    if not stamp.lower().lstrip(' «"').startswith("утверждаю"):
        return None
    post = re.search(r"\b(?:директор|заведующ|начальник|ректор)[а-яё]*[ \t]*", stamp, re.IGNORECASE)
    if not post:
        return None
    lines = []
    for line in stamp[post.end() :].split("\n"):
        line = line.strip()
        blank = re.search(r"_|…|\.\.", line)  # the signature's blank, maybe on the post's own line
        if blank:
            lines.append(line[: blank.start()])
        if blank or _signed(line) or re.match(r"(?:приказ|от\b|№)", line, re.IGNORECASE):
            break
        lines.append(line)
    body = nominative(" ".join(" ".join(lines).split()).strip(" ,")) or ""  # «Начальник Управления …»
    return body if _BODY_START.match(body) and len(body) <= 150 else None


def _another_stamp(line: str) -> bool:
    """A stamp word with more after it opens the next stamp (a stamp word alone is the other column
    of two side by side)."""
    return is_stamp(line) and len(line.split()) > 2


# A kind with its body («Приказ МКОУ СОШ п. Тимофеевка»), not a heading in capitals.
_ACT_LINE = re.compile(r"(?:Приказ|Распоряжение|Постановление)\s+(?![А-ЯЁ\s]+$)\S")


def _dated_next(paragraphs: list[str], k: int) -> bool:
    """Does the act line's date and number follow within two lines, before any title («О …»)? Else
    «Приказ по МБОУ СОШ № 5 / от … / О назначении …» under «УТВЕРЖДАЮ» is the document's own heading."""
    def title(p: str) -> bool:
        return bool(TITLE.match(p) or re.match(r"Об?\s", p))

    for p in paragraphs[k : k + 2]:
        if title(p):
            return False
        if re.search(r"\bот\s*«?\d|№\s*\d", p):
            return not any(title(q) for q in paragraphs[k + 1 : k + 3])
    return False


def _stamp_at(paragraphs: list[str], i: int) -> Stamp:
    lines = [i]
    # Up to the act's number (a school's «СОШ № 2» is not one): two stamps side by side come out
    # line by line interleaved («УТВЕРЖДАЮ / ПРИНЯТО / Директор … / на заседании … / Приказ № 86 …»).
    while len(lines) < 8 and i + len(lines) < len(paragraphs):
        if _act_number(" ".join(paragraphs[j] for j in lines)):
            break
        nxt = paragraphs[i + len(lines)]
        # «УТВЕРЖДАЮ / Приказ МКОУ СОШ п. Тимофеевка / от 08.12.2024г №123А»: the approving act's own line
        act_line = len(lines) == 1 and len(paragraphs[i].split()) <= 2 and _ACT_LINE.match(nxt) is not None
        act_line = act_line and _dated_next(paragraphs, i + 2)
        kind_line = kind_of(nxt) not in (None, "протокол") and not act_line
        if len(nxt) > 200 or kind_line or TITLE.match(nxt) or _another_stamp(nxt):
            break  # the document's kind line (a stamp's «Протокол заседания …» is the stamp's), or the next stamp
        lines.append(i + len(lines))
    text = " ".join(" ".join(paragraphs[j] for j in lines).replace("_", " ").split())
    m = _APPROVING.search(text)
    if not m:  # «УТВЕРЖДЕН / Председатель Комитета … / С.В. Белова / 14.05.2020»: approved by a person
        # or by a meeting, whose protocol is then the approving act («УТВЕРЖДЕН: Общим собранием … /
        # Протокол № 1 от 10.04.2023 г»)
        protocol = _PROTOCOL.search(text) if text.lower().lstrip(' «"').startswith("утвержд") else None
        number = _act_number(text) or (protocol.group(1) if protocol else None)
        date = parse_date(text)
        act = Citation(None, date, number) if date or number else None
        return Stamp(act, _approver_body("\n".join(paragraphs[j] for j in lines)), tuple(lines))
    rest = text[m.start("issuer") :]
    bare = _BARE_NUMBER.search(rest)  # «Утверждено приказом / МБОУ СОШ № 3 / 319 от 03.08.2015 г»
    if bare and re.search(r"протокол", rest[max(0, bare.start() - 40) : bare.start()], re.IGNORECASE):
        bare = None  # «(протокол педсовета 1 от 30.08.2021)»: the meeting's number, not the act's
    number = _act_number(rest) or (bare.group(1) if bare else None)
    date = parse_date(rest) or parse_date(text)  # «Утверждаю / «23» августа 2021 г. / приказ № 60»
    issuer = nominative(" ".join(m.group("issuer").split()))
    if issuer and _A_POST.match(issuer):
        issuer = None  # «приказом директора МБОУ СОШ № 1»: a post, and the body's number is cut off at «№»
    issuer = issuer or _approver_body("\n".join(paragraphs[j] for j in lines))
    if not (date or number):  # «УТВЕРЖДЕНА / постановлением Правительства / Республики Бурятия»
        return Stamp(None, issuer if issuer and _BODY.search(issuer) else None, tuple(lines))
    act = Citation(_act_kind(m.group("kind")), date, number, issuer=issuer)
    return Stamp(act, issuer, tuple(lines))


def nominative(body: str) -> str | None:
    """«управления образования администрации …» → «Управление образования администрации …»:
    the words up to the first noun go into the nominative, the rest stays as printed."""
    from pipeline.morph import inflect, morph

    words = body.split()
    if not words:
        return None
    out: list[str] = []
    # A word that can be an adjective is one here («главного» is also the noun «главное»).
    parses = [morph().parse(w.lower()) for w in words[:4]]
    adjective = [next((p for p in ps if "ADJF" in p.tag), None) for ps in parses]
    noun_at = next((n for n, ps in enumerate(parses) if adjective[n] is None and "NOUN" in ps[0].tag), None)
    if noun_at is None:
        return body[:1].upper() + body[1:]
    noun = parses[noun_at][0]
    gender = noun.tag.gender
    for n, word in enumerate(words[:noun_at]):
        if adjective[n] is None:  # «приказом по школе», «и.о. начальника»: not a body's name to inflect
            return body[:1].upper() + body[1:]
        form = inflect(adjective[n], {"nomn", "sing", gender} if gender else {"nomn", "sing"})
        out.append(form.word if form else word)
    word = words[noun_at]  # «МКОУ», «ГУО», «МВД» stay as printed
    abbreviation = word.isupper() and (not noun.is_known or "Abbr" in noun.tag or len(word) <= 4)
    out.append(word if abbreviation else noun.normal_form)
    name = " ".join([*out, *words[len(out) :]])
    return name[:1].upper() + name[1:]


def region_of(head: str, body: str) -> str | None:
    """The region the letterhead names, else the one the text names most often, else the one its
    capital, districts or settlements lie in."""
    head, body = _CONTACT_LINE.sub("", head), _CONTACT_LINE.sub("", body)
    found = places.regions(head)
    if found:
        return found[0]
    counts = Counter(_all_regions(body))
    if counts:
        return counts.most_common(1)[0][0]
    capitals = places.capital_regions(head) or places.capital_regions(body)
    if capitals:
        return capitals[0]
    # Only its own district and villages: the region they lie in.
    implied = gazetteer.regions_of_places(head) or gazetteer.regions_of_places(body)
    return implied.most_common(1)[0][0] if implied else None


# A phone line of a site's help desk: «Москва и Московская область: 8 (499) 350-55-06» names where
# the desk answers, not where the act was issued.
_CONTACT_LINE = re.compile(  # not an address line «456300, … область, г. Миасс, тел.: 8 (3513) …»
    r"(?m)^(?![^:\n]*(?:\d|тел|факс|Тел|Факс|ТЕЛ))[^:\n]{2,80}:\s*(?:\+7|8)\s?\(\d{3,5}\)\s?[\d-]{5,}.*$"
)


def _all_regions(text: str) -> list[str]:
    return [name for _, _, name in places.region_spans(text)]


def municipality_of(*texts: str | None) -> str | None:
    """The first municipality the texts name, in order; a text naming three or more is a site's
    menu of districts above the act, not the body's place."""
    for text in texts:
        found = places.municipalities(text or "")
        if 0 < len(found) < 3:
            return found[0]
    return None


# «Администрация города Кургана», «МАОУ СОШ № 26 города Тюмени», «… г. Великий Новгород».
_CITY = re.compile(
    r"(?:\bгород(?:а|у|ом|е)?|\bг\.)\s*([А-ЯЁ][а-яё]+(?:-на-[А-ЯЁ][а-яё]+|-[А-ЯЁ]?[а-яё]+)?)(?:\s+([А-ЯЁ][а-яё]+))?"
)


_REGION_UNIT = re.compile(r"\s+(?:област|кра[яюей]|республик|автономн|район|округ|муниципальн)", re.IGNORECASE)
_FEDERAL_CITIES = frozenset(("Москва", "Санкт-Петербург", "Севастополь"))


def city_of(*bodies: str | None) -> str | None:
    """«город Курган»: the city whose body issued the document (a city's administration, a school
    «города Тюмени»), in the nominative; read from body names only, not from a place line under the
    title, which names where a regional act was signed."""
    from pipeline.morph import morph

    for body in bodies:
        m = _CITY.search(body or "")
        if not m:
            continue
        first = morph().parse(m.group(1).lower())[0]
        words = [m.group(1)]
        # «города Мирного Архангельской области», «… Республики Саха», «… Мирнинского района»: not the town's
        region_word = _REGION_UNIT.match(body or "", m.end()) or _REGION_UNIT.match(" " + (m.group(2) or ""))
        if m.group(2) and "ADJF" in first.tag and not region_word:  # «Великого Новгорода», «Нижнего Тагила»
            words.append(m.group(2))
        name = " ".join(_nominative_word(w) for w in words)
        if name in _FEDERAL_CITIES:  # a city that is a region has no municipality above its districts
            return None
        return f"город {name}"
    return None


def _nominative_word(word: str) -> str:
    from pipeline.morph import inflect, morph

    parts = []
    first, on, river = word.partition("-на-")  # «Ростова-на-Дону»: only the city's own word changes
    if on:
        return _nominative_word(first) + on + river
    for part in word.split("-"):
        parse = next((p for p in morph().parse(part.lower()) if "Geox" in p.tag), morph().parse(part.lower())[0])
        form = inflect(parse, {"nomn"}) if parse.tag.case != "nomn" else parse
        parts.append((form.word if form else part.lower()).capitalize())
    return "-".join(parts)


def citations(text: str, own_number: str | None, amending: bool, clauses: list[str]) -> list[Citation]:
    """Every other act cited («приказ … от 16.03.2021 № 189-ОД «Об …»»), once each."""
    found: dict[tuple[str | None, str], Citation] = {}
    for m in _CITATION.finditer(text):
        number = m.group("number") or m.group("number2")
        if number == own_number or re.search(r"^Приложени|к\s+приказу", text[max(0, m.start() - 40) : m.start() + 12]):
            continue
        date = parse_date(m.group("date") or m.group("date2"))
        key = (date, number)
        if key in found:
            continue
        kind = _act_kind(m.group("kind"))
        issuer = " ".join(m.group("issuer").split()) or None
        title = _quoted(text, m.end())
        amends = amending and any(c.lstrip("0123456789. ").startswith("Внести") and number in c for c in clauses)
        found[key] = Citation(kind, date, number, title, issuer, amends)
    return list(found.values())


def _act_kind(word: str) -> str:
    w = word.lower()
    for stem, kind in (
        ("приказ", "приказ"),
        ("постановлени", "постановление"),
        ("распоряжени", "распоряжение"),
        ("решени", "решение"),
        ("письм", "письмо"),
    ):
        if w.startswith(stem):
            return kind
    return w


def _quoted(text: str, start: int) -> str | None:
    """A «…» title right after `start`, without its outer quotes."""
    span = quoted(text, start)
    if not span:
        return None
    inner = (
        text[span[0] + 1 : span[1] - 1]
        if text[span[1] - 1] == "»" and _closes_outer(text, span)
        else text[span[0] + 1 : span[1]]
    )
    return " ".join(inner.split())


def _closes_outer(text: str, span: tuple[int, int]) -> bool:
    """Whether the span's last quote closes its first (balanced), not an inner one."""
    chunk = text[span[0] : span[1]]
    return chunk.count("«") == chunk.count("»")
