"""A body's full name as an act names it, from a letterhead or stamp that prints only part of it.

Two conventions of Russian official writing: a department that is no legal person of its own is
named with its administration in the genitive («ОТДЕЛ ОБРАЗОВАНИЯ» printed under «АДМИНИСТРАЦИЯ
НЕВСКОГО РАЙОНА» is «Отдел образования администрации Невского района»); and an annex's stamp names
its act's body by level only («к постановлению администрации области»), the level being the
document's own region or city.
"""

from __future__ import annotations

import re

# A unit of an administration, named by its remit only: «Отдел образования», «Комитет по образованию».
_UNIT = re.compile(r"(?:М[КБА]У\s+[«\"]?)?(?:отдел|управление|комитет|сектор|департамент)\b", re.IGNORECASE)
# A unit whose name already says whose it is: «Управление образования и науки Липецкой области».
_OWNED = re.compile(
    r"(?i:администраци|исполнительн|област|кра[йяе]\b|район|округ|город|республик|\bг\.|муниципальн\w+\s+образовани"
    r"|поселени)|\b(?:ЗАТО|ГО|МР|МО)\b"
)
# The administrations a unit belongs to, in the genitive.
_PARENTS = {
    "администрация": "администрации",
    "местная администрация": "местной администрации",
    "окружная администрация": "Окружной администрации",
    "исполнительный комитет": "Исполнительного комитета",
    "муниципальное образование": "муниципального образования",
}
_PARENT = re.compile(rf"({'|'.join(_PARENTS)})\s+(\S.*)", re.IGNORECASE)


def with_parent(unit: str, parent: str) -> str:
    """«Отдел образования» under «Администрация Невского района Санкт-Петербурга» → «Отдел
    образования администрации Невского района Санкт-Петербурга»; `unit` itself when it is no
    unit of that administration."""
    m = _PARENT.fullmatch(parent.strip())
    if not m or not _UNIT.match(unit) or _OWNED.search(unit):
        return unit
    return f"{unit} {_PARENTS[m.group(1).lower()]} {m.group(2)}"


# A body named by its level only: «Администрация области», «Правительство края», «Администрация города».
_BY_LEVEL = re.compile(
    r"(?P<body>Администрация|Правительство|Губернатор|Глава|Дума)\s+"
    r"(?P<level>области|края|автономного\s+округа|республики|города|(?:муниципального\s+)?района)",
    re.IGNORECASE,
)
_REGION_HEADS = {
    "области": "область",
    "края": "край",
    "автономного округа": "автономный округ",
    "республики": "республика",
}


def completed(issuer: str | None, region: str | None, municipality: str | None, city: str | None) -> str | None:
    """The issuer named by level only, completed with the document's own place of that level:
    «Администрация области» of a document in «Новгородская область» → «Администрация Новгородской
    области»; any other issuer as it is."""
    m = _BY_LEVEL.fullmatch((issuer or "").strip())
    if not m:
        return issuer
    level = " ".join(m.group("level").lower().split())
    place = None
    if level in _REGION_HEADS and region and _REGION_HEADS[level] in region.lower():
        place = genitive(region)
    elif level == "города" and city:
        place = "города " + genitive(city.removeprefix("город "), every_word=True)
    elif level.endswith("района") and municipality and re.search(r"\bрайон$", municipality):
        place = genitive(municipality)
    return f"{m.group('body')} {place}" if place else issuer


def genitive(name: str, every_word: bool = False) -> str:
    """«Новгородская область» → «Новгородской области», «Республика Саха (Якутия)» → «Республики Саха
    (Якутия)», «Ростов-на-Дону» → «Ростова-на-Дону»: the words up to the first noun inflected, the
    rest (a name in apposition) as printed; a town's name (`every_word`) changes whole («Сергиев
    Посад» → «Сергиева Посада», «Петропавловск-Камчатский» → «Петропавловска-Камчатского»)."""
    out = []
    words = name.split()
    for n, word in enumerate(words):
        first, dash, rest = word.partition("-на-") if "-на-" in word else (word, "", "")
        parts = first.split("-")
        forms = [_genitive_word(part) for part in parts]
        if forms[-1] is None:
            return " ".join(out + words[n:])
        noun = forms[-1][1]
        # «Ямало-Ненецкий»: a first part that is no word of its own stays; «Петропавловск-…» changes too
        last = len(parts) - 1
        parts = [f[0] if f and (k == last or f[1]) else p for k, (p, f) in enumerate(zip(parts, forms, strict=True))]
        out.append("-".join(parts) + dash + rest)
        if noun and not every_word:
            rest_words = words[n + 1 :]
            if len(rest_words) == 2 and rest_words[0] in "–—-":  # «… автономного округа – Югры»
                rest_words[1] = genitive(rest_words[1])
            return " ".join(out + rest_words)
    return " ".join(out)


_ADJECTIVE_ENDING = re.compile(r"(?:ий|ый|ой|ая|яя|ое|ее|ие|ые)$")


def _genitive_word(word: str) -> tuple[str, bool] | None:
    """The word in the genitive, and whether it is a noun: an adjective's ending decides between
    parses («Павловский» is the district's adjective, not a surname)."""
    from pipeline.morph import inflect, morph

    parses = [p for p in morph().parse(word.lower()) if p.tag.case == "nomn"]
    if _ADJECTIVE_ENDING.search(word.lower()):
        parses = [p for p in parses if "ADJF" in p.tag] or parses
    else:
        parses = [p for p in parses if "Geox" in p.tag] or parses
    for parse in parses:
        form = inflect(parse, {"gent"})
        if form:
            return _as_printed(form.word, word), "NOUN" in parse.tag
    if re.search(r"[сц]кой$", word):  # «Даровской», which the dictionary has only as a feminine form
        return word[:-2] + "ого", False
    return None


def _as_printed(word: str, printed: str) -> str:
    return word.capitalize() if printed[:1].isupper() else word
