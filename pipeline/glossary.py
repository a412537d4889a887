"""Abbreviations of the field and what they stand for: one glossary for tagging and search.

`kind` says whether an abbreviation names an organisation or body (tagged ORG) or a term
(ШНОР, ГИА…, used for query expansion only).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    short: str
    expansion: str
    kind: str  # "org" | "term"


_ENTRIES = (
    # bodies and organisations
    ("МОЦ", "муниципальный образовательный центр поддержки и развития системы образования", "org"),
    ("ОМСУ", "органы местного самоуправления", "org"),
    ("ОМС", "органы местного самоуправления", "org"),
    ("ОО", "образовательная организация", "org"),
    ("ОУ", "образовательное учреждение", "org"),
    (
        "МКУ «ЦМТО»",
        "муниципальное казённое учреждение «Центр методического и технического обеспечения»",
        "org",
    ),
    ("ГБУ «РЦРО»", "государственное бюджетное учреждение «Региональный центр развития образования»", "org"),
    ("РЦРО", "региональный центр развития образования", "org"),
    ("СОИРО", "Смоленский областной институт развития образования", "org"),
    ("ГАУ ДПО СОИРО", "Смоленский областной институт развития образования", "org"),
    ("ФИОКО", "Федеральный институт оценки качества образования", "org"),
    ("НИУ ВШЭ", "Национальный исследовательский университет «Высшая школа экономики»", "org"),
    ("ЦРО", "центр развития образования", "org"),
    ("МСОКО", "муниципальная система оценки качества образования", "org"),
    ("ГУНО", "Городское управление народного образования", "org"),
    ("ИРО", "институт развития образования", "org"),
    ("РМО", "районное методическое объединение", "org"),
    ("ММО", "муниципальное методическое объединение", "org"),
    ("ШМО", "школьное методическое объединение", "org"),
    ("УМО", "учебно-методическое объединение", "org"),
    ("ПМПК", "психолого-медико-педагогическая комиссия", "org"),
    ("ЦНППМ", "центр непрерывного повышения профессионального мастерства", "org"),
    # terms
    ("ШНОР", "школы с низкими образовательными результатами", "term"),
    ("ШНРО", "школы с низкими результатами обучения", "term"),
    ("ШПРО", "школы, показывающие низкие результаты обучения", "term"),
    ("ШССУ", "школы, функционирующие в сложных социальных условиях", "term"),
    ("ГИА", "государственная итоговая аттестация", "term"),
    ("ВПР", "всероссийские проверочные работы", "term"),
    ("ЕГЭ", "единый государственный экзамен", "term"),
    ("ОГЭ", "основной государственный экзамен", "term"),
    ("НИКО", "национальные исследования качества образования", "term"),
    ("РПШ", "рисковый профиль школы", "term"),
    ("ДПП ПК", "дополнительная профессиональная программа повышения квалификации", "term"),
    ("ДПП", "дополнительная профессиональная программа", "term"),
    ("ФГОС", "федеральный государственный образовательный стандарт", "term"),
    ("ВСОКО", "внутренняя система оценки качества образования", "term"),
    ("МЭДК", "мониторинг электронных дорожных карт", "term"),
    ("ИС МЭДК", "информационная система мониторинга электронных дорожных карт", "term"),
    ("ИОМ", "индивидуальный образовательный маршрут", "term"),
    ("ИППР", "индивидуальный план профессионального развития", "term"),
    ("УВР", "учебно-воспитательная работа", "term"),
    ("СМИ", "средства массовой информации", "term"),
)

GLOSSARY: dict[str, Entry] = {short: Entry(short, expansion, kind) for short, expansion, kind in _ENTRIES}


def expand(short: str) -> str | None:
    """What an abbreviation stands for, or None if it is not in the glossary."""
    entry = GLOSSARY.get(short)
    return entry.expansion if entry else None


def org_abbreviations() -> list[str]:
    """Abbreviations that name bodies, longest first (so «МКУ «ЦМТО»» wins over «ЦМТО»)."""
    return sorted((e.short for e in GLOSSARY.values() if e.kind == "org"), key=len, reverse=True)


def term_abbreviations() -> list[str]:
    return sorted((e.short for e in GLOSSARY.values() if e.kind == "term"), key=len, reverse=True)


def expand_query(text: str) -> str:
    """The query with each known abbreviation followed by its expansion, for search."""
    words = text.split()
    out = []
    for w in words:
        out.append(w)
        e = GLOSSARY.get(w.strip(".,;:!?()").upper())
        if e:
            out.append(f"({e.expansion})")
    return " ".join(out)
