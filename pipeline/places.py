"""Regions and municipalities, found in any case form and given in the nominative.

All 89 subjects of the Russian Federation are known by their official names (Constitution,
art. 65), each with the short forms real letterheads use («Республики Северная Осетия-Алания»,
«РСО-Алания», «ХМАО – Югры», «Кузбасса», «г. Москвы»). Municipalities are read from their
pattern: «Пономаревского района» → «Пономаревский район», «городского округа Дубна» →
«городской округ Дубна», «Ардонского муниципального округа» → «Ардонский муниципальный округ».
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.text import is_capitals

# Official name → other names it is printed under (each also matched in any case form).
REGIONS: dict[str, tuple[str, ...]] = {
    "Республика Адыгея": ("Адыгея",),
    "Республика Алтай": (),
    "Республика Башкортостан": ("Башкортостан", "Башкирия"),
    "Республика Бурятия": ("Бурятия",),
    "Республика Дагестан": ("Дагестан",),
    "Донецкая Народная Республика": ("ДНР",),
    "Республика Ингушетия": ("Ингушетия",),
    "Кабардино-Балкарская Республика": ("КБР", "Кабардино-Балкария"),
    "Республика Калмыкия": ("Калмыкия",),
    "Карачаево-Черкесская Республика": ("КЧР", "Карачаево-Черкесия"),
    "Республика Карелия": ("Карелия",),
    "Республика Коми": ("Коми",),
    "Республика Крым": (),
    "Луганская Народная Республика": ("ЛНР",),
    "Республика Марий Эл": ("Марий Эл",),
    "Республика Мордовия": ("Мордовия",),
    "Республика Саха (Якутия)": ("Республика Саха", "Якутия", "РС(Я)"),
    "Республика Северная Осетия – Алания": ("Северная Осетия", "РСО – Алания", "РСО-А"),
    "Республика Татарстан (Татарстан)": ("Республика Татарстан", "Татарстан"),
    "Республика Тыва": ("Тыва",),
    "Удмуртская Республика": ("Удмуртия",),
    "Республика Хакасия": ("Хакасия",),
    "Чеченская Республика": ("Чечня",),
    "Чувашская Республика – Чувашия": ("Чувашская Республика", "Чувашия"),
    "Алтайский край": (),
    "Забайкальский край": (),
    "Камчатский край": (),
    "Краснодарский край": (),
    "Красноярский край": (),
    "Пермский край": (),
    "Приморский край": (),
    "Ставропольский край": (),
    "Хабаровский край": (),
    **{
        f"{name} область": ()
        for name in (
            "Амурская Архангельская Астраханская Белгородская Брянская Владимирская Волгоградская Вологодская"
            " Воронежская Запорожская Ивановская Иркутская Калининградская Калужская Кировская Костромская"
            " Курганская Курская Ленинградская Липецкая Магаданская Московская Мурманская Нижегородская"
            " Новгородская Новосибирская Омская Оренбургская Орловская Пензенская Псковская Ростовская Рязанская"
            " Самарская Саратовская Сахалинская Свердловская Смоленская Тамбовская Тверская Томская Тульская"
            " Тюменская Ульяновская Херсонская Челябинская Ярославская"
        ).split()
    },
    "Кемеровская область – Кузбасс": ("Кемеровская область", "Кузбасс"),
    "Москва": (),
    "Санкт-Петербург": (),
    "Севастополь": (),
    "Еврейская автономная область": ("ЕАО",),
    "Ненецкий автономный округ": ("НАО", "Ненецкий АО"),
    "Ханты-Мансийский автономный округ – Югра": (
        "Ханты-Мансийский автономный округ",
        "ХМАО – Югра",
        "Югра",
        "Ханты-Мансийский АО",
        "Ханты-Мансийский округ",
    ),
    "Чукотский автономный округ": ("Чукотка", "Чукотский АО", "Чукотский округ"),
    "Ямало-Ненецкий автономный округ": ("ЯНАО", "Ямал", "Ямало-Ненецкий АО", "Ямало-Ненецкий округ"),
}
# Moscow is named only with «г.»/«город» (or its government), not bare: «Москва» alone is as often
# a street or a river. Saint Petersburg and Sevastopol are unambiguous in any form.
_CITIES = {"Москва": "Москв"}

# Regional capitals: a school's or a city's document often names only its city («города Якутска»).
CAPITALS: dict[str, str] = {
    "Майкоп": "Республика Адыгея", "Горно-Алтайск": "Республика Алтай", "Уфа": "Республика Башкортостан",
    "Улан-Удэ": "Республика Бурятия", "Махачкала": "Республика Дагестан", "Донецк": "Донецкая Народная Республика",
    "Магас": "Республика Ингушетия", "Нальчик": "Кабардино-Балкарская Республика", "Элиста": "Республика Калмыкия",
    "Черкесск": "Карачаево-Черкесская Республика", "Петрозаводск": "Республика Карелия",
    "Сыктывкар": "Республика Коми", "Симферополь": "Республика Крым", "Луганск": "Луганская Народная Республика",
    "Йошкар-Ола": "Республика Марий Эл", "Саранск": "Республика Мордовия", "Якутск": "Республика Саха (Якутия)",
    "Владикавказ": "Республика Северная Осетия – Алания", "Казань": "Республика Татарстан (Татарстан)",
    "Кызыл": "Республика Тыва", "Ижевск": "Удмуртская Республика", "Абакан": "Республика Хакасия",
    "Грозный": "Чеченская Республика", "Чебоксары": "Чувашская Республика – Чувашия", "Барнаул": "Алтайский край",
    "Чита": "Забайкальский край", "Петропавловск-Камчатский": "Камчатский край", "Краснодар": "Краснодарский край",
    "Красноярск": "Красноярский край", "Пермь": "Пермский край", "Владивосток": "Приморский край",
    "Ставрополь": "Ставропольский край", "Хабаровск": "Хабаровский край", "Благовещенск": "Амурская область",
    "Архангельск": "Архангельская область", "Астрахань": "Астраханская область", "Белгород": "Белгородская область",
    "Брянск": "Брянская область", "Владимир": "Владимирская область", "Волгоград": "Волгоградская область",
    "Вологда": "Вологодская область", "Воронеж": "Воронежская область", "Иваново": "Ивановская область",
    "Иркутск": "Иркутская область", "Калининград": "Калининградская область", "Калуга": "Калужская область",
    "Кемерово": "Кемеровская область – Кузбасс", "Киров": "Кировская область", "Кострома": "Костромская область",
    "Курган": "Курганская область", "Курск": "Курская область", "Липецк": "Липецкая область",
    "Магадан": "Магаданская область", "Мурманск": "Мурманская область", "Нижний Новгород": "Нижегородская область",
    "Великий Новгород": "Новгородская область", "Новосибирск": "Новосибирская область", "Омск": "Омская область",
    "Оренбург": "Оренбургская область", "Орёл": "Орловская область", "Орел": "Орловская область",
    "Пенза": "Пензенская область", "Псков": "Псковская область", "Ростов-на-Дону": "Ростовская область",
    "Рязань": "Рязанская область", "Самара": "Самарская область", "Саратов": "Саратовская область",
    "Южно-Сахалинск": "Сахалинская область", "Екатеринбург": "Свердловская область", "Смоленск": "Смоленская область",
    "Тамбов": "Тамбовская область", "Тверь": "Тверская область", "Томск": "Томская область", "Тула": "Тульская область",
    "Тюмень": "Тюменская область", "Ульяновск": "Ульяновская область", "Челябинск": "Челябинская область",
    "Ярославль": "Ярославская область", "Биробиджан": "Еврейская автономная область",
    "Нарьян-Мар": "Ненецкий автономный округ", "Ханты-Мансийск": "Ханты-Мансийский автономный округ – Югра",
    "Анадырь": "Чукотский автономный округ", "Салехард": "Ямало-Ненецкий автономный округ",
}  # fmt: skip
_CITY_NAMED = r"(?:г\.\s*|(?<=[«\"])Город\s+|город[а-я]*\s+)"  # also «"Город Калининград"»


@cache
def _capital_patterns() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(rf"{_CITY_NAMED}{_name_pattern(c)}(?![\w-])"), r) for c, r in CAPITALS.items()]


def capital_regions(text: str) -> list[str]:
    """The regions whose capital `text` names as a city («администрации города Якутска»), in order."""
    found = sorted((m.start(), r) for p, r in _capital_patterns() for m in p.finditer(text))
    return _unique(r for _, r in found)


_CITY_PREFIX = r"(?:г\.\s*|город[а-я]*\s+|Правительств[а-я]*\s+|Департамент[а-я]*\s+образования[а-яё ]{0,30}?\s)"

_ADJECTIVE = re.compile(r"(?:ая|ий|ый|ой|ое|ская|ский)$")


def _word(word: str) -> str:
    """A pattern for one word of a name in any case form (stem + ending)."""
    if word.isupper() or "(" in word or len(word) <= 3 or word == "Коми":  # «КБР», «Эл», «(Якутия)», «Коми»
        return re.escape(word).replace(r"\(", r"\(?").replace(r"\)", r"\)?")
    if "-" in word:
        parts = word.split("-")
        return "-".join([re.escape(p[:-2]) + r"[а-яё]{2,3}" if _ADJECTIVE.search(p) else _word(p) for p in parts])
    if _ADJECTIVE.search(word):
        return re.escape(word[:-2]) + r"[а-яё]{1,3}"
    if word[-1] in "аяйьо":
        return re.escape(word[:-1]) + r"[а-яё]{0,3}"
    return re.escape(word) + r"[а-яё]{0,3}"


def _name_pattern(name: str) -> str:
    words = re.split(r"\s*[–-]\s+|\s+[–-]\s*|\s+", name)
    separators = re.findall(r"\s*[–-]\s+|\s+[–-]\s*|\s+", name)
    out = _word(words[0])
    for sep, word in zip(separators, words[1:], strict=True):
        out += (r"\s*[-–—]\s*" if sep.strip() else r"\s+") + _word(word)
    return out


@cache
def _region_pattern() -> tuple[re.Pattern, list[str]]:
    """One alternation over every name (longest first, so a full name wins over its part),
    and the official name of each group."""
    named = [
        (name, official)
        for official, aliases in REGIONS.items()
        if official not in _CITIES
        for name in (official, *aliases)
    ]
    named.sort(key=lambda p: -len(p[0]))
    branches = [f"(?P<r{n}>{_name_pattern(name)})" for n, (name, _) in enumerate(named)]
    officials = [official for _, official in named]
    for official, stem in _CITIES.items():
        branches.append(f"{_CITY_PREFIX}(?P<r{len(officials)}>{re.escape(stem)}[а-яё]{{0,2}})")
        officials.append(official)
    # Case-blind: letterheads print names in capitals («ХАНТЫ-МАНСИЙСКОГО АВТОНОМНОГО ОКРУГА – ЮГРЫ»).
    return re.compile(rf"(?<![\w-])(?:{'|'.join(branches)})(?![\w-])", re.IGNORECASE), officials


@cache
def _anchor() -> re.Pattern:
    """Any word starting like a name's first word: text without one cannot name a region."""
    names = [n for official, aliases in REGIONS.items() for n in (official, *aliases)]
    # «Тыва» starts «Тыве»: a short name's last letter is its ending.
    firsts = [n.split()[0].lower() for n in names]
    starts = sorted({re.escape(w[: min(4, len(w) - 1)]) for w in firsts} | {r"г\.", "город", "правит", "департ"})
    return re.compile(rf"(?<![\w-])(?:{'|'.join(starts)})", re.IGNORECASE)


def region_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, official name) of every region mention."""
    pattern, officials = _region_pattern()
    found: list[tuple[int, int, str]] = []
    end = 0
    for a in _anchor().finditer(text):  # the full pattern is tried only where a name can start: 10× faster
        if a.start() < end:
            continue
        m = pattern.match(text, a.start())
        if m:
            found.append((*m.span(m.lastgroup), officials[int(m.lastgroup[1:])]))
            end = m.end()
    return found


@cache
def official_region(name: str) -> str:
    """A region's official name when `name` is wholly one of its names («Татарстан», «Республика
    Татарстан», «Республика Адыгея (Адыгея)»: spans of one region that leave only brackets and
    spaces); `name` itself otherwise."""
    spans = region_spans(name[:200])
    if not spans or len({official for _, _, official in spans}) > 1:
        return name
    rest = "".join(name[end : nxt[0]] for (_, end, _), nxt in zip(spans, [*spans[1:], (len(name),)], strict=True))
    return spans[0][2] if not name[: spans[0][0]].strip() and not rest.strip(" ()–—-") else name


@cache
def region_names(name: str) -> tuple[str, ...]:
    """Every name a region may be stored under: its official one first, then its other names (a
    knowledge base built before an official name changed keeps the name it had)."""
    official = official_region(name)
    return tuple(dict.fromkeys((official, *REGIONS.get(official, ()), name)))


# How people call a region in speech («в Крыму», «на Кубани»): read in questions only, in these case
# forms only, never after a settlement's mark («п. Приморье»): in documents «Крыма» is as often a
# holiday («День воссоединения Крыма с Россией») and «Крымск» a town of another region.
EVERYDAY_REGIONS = {
    "Республика Крым": "Крым Крыма Крыму Крымом Крыме",
    "Краснодарский край": "Кубань Кубани Кубанью",
    "Приморский край": "Приморье Приморья Приморью Приморьем",
    "Забайкальский край": "Забайкалье Забайкалья Забайкалью Забайкальем",
    "Камчатский край": "Камчатка Камчатки Камчатке Камчатку Камчаткой",
    "Ставропольский край": "Ставрополье Ставрополья Ставрополью Ставропольем",
}
_EVERYDAY = re.compile(
    r"(?<![\w-])(?<!п\. )(?<!с\. )(?<!д\. )(?<!пос\. )(?<!посёлок )(?<!поселок )(?<!село )(?<!река )(?<!реки )("
    + "|".join(form for forms in EVERYDAY_REGIONS.values() for form in forms.split())
    + r")(?![\w-])"
)
_EVERYDAY_OF = {form: region for region, forms in EVERYDAY_REGIONS.items() for form in forms.split()}


def everyday_region_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, official name) of a region named as people call it: for questions, not documents."""
    return [(m.start(1), m.end(1), _EVERYDAY_OF[m.group(1)]) for m in _EVERYDAY.finditer(text)]


def regions(text: str) -> list[str]:
    """Every region named in `text`, official names, in order of first mention."""
    return _unique(name for _, _, name in region_spans(text))


# The adjectives a question names a republic by («карельская модель», «по башкирской программе»);
# a region named «… область» or «… край» is named by its first word.
_REPUBLIC_ADJECTIVES = {
    "адыгейск": "Республика Адыгея", "башкирск": "Республика Башкортостан", "бурятск": "Республика Бурятия",
    "дагестанск": "Республика Дагестан", "ингушск": "Республика Ингушетия", "калмыцк": "Республика Калмыкия",
    "карельск": "Республика Карелия", "марийск": "Республика Марий Эл", "мордовск": "Республика Мордовия",
    "якутск": "Республика Саха (Якутия)", "североосетинск": "Республика Северная Осетия – Алания",
    "татарстанск": "Республика Татарстан (Татарстан)", "тувинск": "Республика Тыва", "хакасск": "Республика Хакасия",
    "чеченск": "Чеченская Республика", "крымск": "Республика Крым", "кузбасск": "Кемеровская область – Кузбасс",
    "югорск": "Ханты-Мансийский автономный округ – Югра",
}  # fmt: skip
_NAMED_BY_ADJECTIVE = re.compile(
    r"(?<![\w-])((?:[А-ЯЁа-яё]+-)?[А-ЯЁа-яё]+?[сц]к)(?:ая|ой|ую|ое|ого|ом|ому|ий|ие|их|им|ими)(?![\w-])"
    # a district, not the region; a language, a literature or a people, not a place
    r"(?!\s+(?:район|округ|улус|кожуун|муниципальн|городск|сельск|поселени|язык|литератур|народ|культур|время|времени))",
    re.IGNORECASE,
)
# Adjectives that say something else as often: Moscow city («московских школ»), «приморский» (by the
# sea), the Nenets people, two Altais.
_NOT_A_REGION_ADJECTIVE = frozenset(("московск", "приморск", "ненецк", "алтайск"))


@cache
def _region_adjectives() -> dict[str, str]:
    found = dict(_REPUBLIC_ADJECTIVES)
    for official in REGIONS:
        first = official.split()[0]
        if first != "Еврейская" and re.search(r"[сц]к(?:ая|ий)$", first):  # «еврейская культура» names no region
            found.setdefault(first[:-2].lower(), official)
    return {stem: region for stem, region in found.items() if stem not in _NOT_A_REGION_ADJECTIVE}


def adjective_region_spans(text: str) -> list[tuple[int, int, str]]:
    """A region a question names by its adjective alone: «по ярославской программе», «в карельской
    модели», «кабардино-балкарской дорожной карте». Only for questions: documents print the noun."""
    known = _region_adjectives()
    return [
        (*m.span(), known[m.group(1).lower().replace("ё", "е")])
        for m in _NAMED_BY_ADJECTIVE.finditer(text)
        if m.group(1).lower().replace("ё", "е") in known
    ]


_CAP = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?"
# The abbreviated kind before a settlement's name: «г. Тюмень», «с. Шамары», «пгт Кочёнево», «ЗАТО Северск».
SETTLEMENT_MARK = r"(?:(?:г\.\s?п|г\.\s?о|г|гор|с|п|пос|ст|д|пгт|р\.\s?п|с\.\s?п|х|аул)\.\s?|(?:ЗАТО|пгт|аул)\s)"
QUOTED_DISTRICT = re.compile(
    r"«\s*([А-ЯЁа-яё-]+(?:ий|ый|ой))\s+(район|муниципальный район|муниципальный округ|городской округ)\s*»",
    re.IGNORECASE,
)
DISTRICT = re.compile(
    rf"\b({_CAP}(?:ского|цкого|ский|цкий|скому|ском|ским))\s+(?:муниципальн[а-я]+\s+)?(район[а-я]*|улус[а-я]*|кожуун[а-я]*)\b"
)
# The official form of Bashkortostan and others: «муниципального района Кармаскалинский район»,
# Samara's without the last word («муниципального района Ставропольский», «м.р. Приволжский»).
OFFICIAL_DISTRICT = re.compile(
    rf"(?:\bмуниципальн(?:ого|ый|ом|ому)\s+район(?:а|е|у|ом)?\s+[«\"„“]?|(?<![\w.])м\.\s?р\.\s?)({_CAP}(?:ский|цкий))"
    r"(?:\s+район\b)?"  # a charter's quotes too: «муниципального района «Прилузский»» (437)
)
MUNICIPAL_OKRUG = re.compile(
    rf"\b({_CAP}(?:ского|цкого|ский|цкий|скому|ском|ским))\s+(муниципальн|городск)[а-я]*\s+округ[а-я]*\b"
)
# Districts named after a person: «района имени Лазо», «муниципального района имени Полины Осипенко».
# A second word is a surname after a first name («Полины Осипенко»), never a region's adjective
# («… Лазо Хабаровского края») or a person with initials after the district («… Лазо Иванова И.И.»).
NAMED_DISTRICT = re.compile(
    r"\bрайон(?:а|е|у|ом)?[ \t]+имени[ \t]+((?:[А-ЯЁ]\.[ \t]?){0,2}[А-ЯЁ][а-яё]+"
    r"(?:[ \t]+(?![А-ЯЁ][а-яё]+(?:ого|его|ой|ей|ский|ской|ского|цкого)\b)[А-ЯЁ][а-яё]+(?![ \t]*[А-ЯЁ]\.))?)"
)
# «городского округа город Тула», «городского округа "Город Калининград"».
CITY_DISTRICT = re.compile(rf"\bгородско(?:го|й|му|м)\s+округ[а-я]*\s+[«\"]?(?:(?:[Гг]ород|г\.)\s*)?[«\"]?({_CAP})")


def _adjective(word: str, nominative: str) -> str:
    """Put a «-ский» adjective into the nominative of the given gender ending."""
    stem = re.sub(r"(ой|ая|ую|ою|ого|ий|ый|ому|им|ом)$", "", word)
    return stem + nominative


def _uncapitalised(text: str) -> str:
    """Capitals lines in normal case, the district's own name capitalised; offsets are kept. Line
    by line: a letterhead in capitals («ОТДЕЛ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ШОЛОХОВСКОГО РАЙОНА») heads
    text in normal case."""
    if not is_capitals(text):
        return "\n".join(_uncapitalised(line) for line in text.split("\n")) if "\n" in text else text
    return re.sub(
        r"\b(?!муниципальн|городск)([а-яё]+(?:-[а-яё]+)?)(?=\s+(?:муниципальн[а-я]+\s+|городск[а-я]+\s+)?(?:район|округ))",
        lambda m: "-".join(p.capitalize() for p in m.group(1).split("-")),
        text.lower(),
    )


def municipality_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, nominative name) of every municipal district or okrug named in `text`."""
    text = _uncapitalised(text)
    found: list[tuple[int, int, str]] = []
    for m in QUOTED_DISTRICT.finditer(text):
        adj, kind = m.group(1), m.group(2).lower()
        found.append((m.start() + 1, m.end() - 1, f"{adj[:1].upper()}{adj[1:].lower()} {kind}"))
    for m in OFFICIAL_DISTRICT.finditer(text):
        found.append((m.start(), m.end(), f"{m.group(1)} район"))
    for m in DISTRICT.finditer(text):
        kind = next((k for k in ("улус", "кожуун") if m.group(2).startswith(k)), "район")  # Yakutia's, Tuva's
        found.append((m.start(), m.end(), f"{_adjective(m.group(1), 'ий')} {kind}"))
    for m in MUNICIPAL_OKRUG.finditer(text):
        kind = "муниципальный округ" if m.group(2) == "муниципальн" else "городской округ"
        found.append((m.start(), m.end(), f"{_adjective(m.group(1), 'ий')} {kind}"))
    for m in CITY_DISTRICT.finditer(text):
        found.append((m.start(), m.end(), "городской округ " + m.group(1)))
    for m in NAMED_DISTRICT.finditer(text):
        found.append((m.start(), m.end(), "район имени " + m.group(1)))
    out: list[tuple[int, int, str]] = []
    for span in sorted(found, key=lambda s: (s[0], -s[1])):
        if not any(s < span[1] and span[0] < e for s, e, _ in out):
            out.append(span)
    return out


def municipalities(text: str) -> list[str]:
    """Every municipal district or city district named in `text`, nominative."""
    return _unique(name for _, _, name in municipality_spans(text))


def official_municipality(name: str) -> str:
    """The stored form of a municipality typed in another form («Таловский муниципальный район»,
    «Омский муниципальный район Омской области» → «Таловский район», «Омский район»): when `name` is
    one municipality, perhaps followed by its region; `name` itself otherwise. A charter's form
    names the same place: «муниципальное образование «Город Киров»» → «город Киров», «муниципальный
    район «Сысольский»» → «Сысольский район»."""
    charter = _CHARTER_FORM.fullmatch(name.strip())
    if charter:
        inner = charter.group("name")
        if re.fullmatch(r"(?i)город\s+[А-ЯЁ][\w-]*(?:[\s-][А-ЯЁ][\w-]*)?", inner):
            return "город " + inner.split(None, 1)[1]
        level = (charter.group("level") or "").split()[-1:] or [""]
        if level[0].startswith("район") and not inner.lower().endswith(("район", "округ")):
            inner += " район"  # «муниципальный район «Сысольский»»
        return official_municipality(inner)
    spans = municipality_spans(name[:200])
    if len({m for _, _, m in spans}) != 1:
        return name
    start, end = min(s for s, _, _ in spans), max(e for _, e, _ in spans)
    if name[:start].strip().lower() not in ("", "муниципальный") or _without_regions(name[end:]).strip(" ,()–—-"):
        return name
    return spans[0][2]


# «муниципальное образование «Малопургинский район»», «МО город Салехард», «муниципальный район «Шилкинский район»».
_CHARTER_FORM = re.compile(
    r"(?i)(?:(?:муниципальное\s+образование|МО)\s*[«\"„“]?|(?P<level>муниципальный\s+(?:район|округ))\s*[«\"„“])"
    r"(?P<name>[^«»\"„“]+?)[»\"“]?"
)


def _without_regions(text: str) -> str:
    for start, end, _ in sorted(region_spans(text), reverse=True):
        text = text[:start] + text[end:]
    return text


def normalize(name: str) -> str | None:
    """The canonical form of one place name, if it is a region or municipality."""
    hits = regions(name) or municipalities(name)
    return hits[0] if hits else None


def _unique(names) -> list[str]:
    seen: dict[str, None] = {}
    for n in names:
        seen.setdefault(n, None)
    return list(seen)
