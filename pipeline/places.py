"""Regions and municipalities, found in any case form and given in the nominative.

«Смоленской области» → «Смоленская область», «Пономаревского района» → «Пономаревский район»,
«городского округа Дубна» → «городской округ Дубна».
"""

from __future__ import annotations

import re

_CAP = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?"

OBLAST = re.compile(rf"\b({_CAP}(?:ск|цк)(?:ой|ая|ую|ою))\s+област(?:и|ь|ью)\b")
KRAI = re.compile(rf"\b({_CAP}(?:ск|цк)(?:ого|ий|ому|им|ом))\s+кра(?:я|й|ю|ем|е)\b")
REPUBLIC = re.compile(rf"\bРеспублик(?:а|и|у|ой|е)\s+({_CAP})\b")
_CITY_REGIONS = {"москв": "Москва", "санкт-петербург": "Санкт-Петербург", "севастопол": "Севастополь"}

QUOTED_DISTRICT = re.compile(
    r"«\s*([А-ЯЁа-яё-]+(?:ий|ый|ой))\s+(район|муниципальный округ|городской округ)\s*»", re.IGNORECASE
)
DISTRICT = re.compile(rf"\b({_CAP}(?:ского|цкого|ский|цкий|скому|ском))\s+(район[а-я]*)\b")
CITY_DISTRICT = re.compile(rf"\bгородско(?:го|й|му|м)\s+округ[а-я]*\s+({_CAP})")


def _adjective(word: str, nominative: str) -> str:
    """Put a «-ский» adjective into the nominative of the given gender ending."""
    stem = re.sub(r"(ой|ая|ую|ою|ого|ий|ый|ому|им|ом)$", "", word)
    return stem + nominative


def regions(text: str) -> list[str]:
    """Every region named in `text`, nominative, in order of first mention."""
    found: list[tuple[int, str]] = []
    for m in OBLAST.finditer(text):
        found.append((m.start(), _adjective(m.group(1), "ая") + " область"))
    for m in KRAI.finditer(text):
        found.append((m.start(), _adjective(m.group(1), "ий") + " край"))
    for m in REPUBLIC.finditer(text):
        found.append((m.start(), "Республика " + m.group(1)))
    lowered = text.lower()
    for stem, name in _CITY_REGIONS.items():
        m = re.search(rf"\bг(?:ород[а-я]*|\.)\s*{stem}", lowered)
        if m:
            found.append((m.start(), name))
    return _unique(name for _, name in sorted(found))


def municipalities(text: str) -> list[str]:
    """Every municipal district or city district named in `text`, nominative."""
    found: list[tuple[int, str]] = []
    for m in QUOTED_DISTRICT.finditer(text):
        adj, kind = m.group(1), m.group(2).lower()
        found.append((m.start(), f"{adj[:1].upper()}{adj[1:].lower()} {kind}"))
    for m in DISTRICT.finditer(text):
        found.append((m.start(), _adjective(m.group(1), "ий") + " район"))
    for m in CITY_DISTRICT.finditer(text):
        found.append((m.start(), "городской округ " + m.group(1)))
    return _unique(name for _, name in sorted(found))


def normalize(name: str) -> str | None:
    """The canonical form of one place name, if it is a region or municipality."""
    hits = regions(name) or municipalities(name)
    return hits[0] if hits else None


def _unique(names) -> list[str]:
    seen: dict[str, None] = {}
    for n in names:
        seen.setdefault(n, None)
    return list(seen)
