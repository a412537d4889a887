"""Lemmatised text for the lexical index, so case endings never matter.

«школам с низкими результатами» and «школы с низким результатом» give the same lemmas; an
abbreviation from the glossary brings its expansion along («ШНОР» also indexes «школа с
низкий образовательный результат»), on both the item side and the query side.
"""

from __future__ import annotations

import re

from pipeline import glossary
from pipeline.text import lemma

_WORD = re.compile(r"[А-ЯЁа-яёA-Za-z0-9]+(?:-[А-ЯЁа-яёA-Za-z0-9]+)*")
# Words too common in these documents to help ranking.
STOP = frozenset("и в во на с со по к о об от для из за до не а или что как при под над у же ли бы то это".split())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def abbreviations(text: str) -> list[str]:
    """The glossary abbreviations a text contains («ВПР», «МОЦ», «МОиН», «Минобрнауки»)."""
    return [w for w in words(text) if glossary.expand(w)]


def expansion_lemmas(short: str) -> list[str]:
    """The lemmas of what an abbreviation or a stump compound stands for: «ВПР» → всероссийский,
    проверочный, работа; «педсовет» → педагогический, совет."""
    spelled = glossary.expand(short) or glossary.COMPOUNDS.get(short.lower(), "")
    return [lemma(x) for x in _WORD.findall(spelled) if x.lower() not in STOP]


def compounds(text: str) -> list[str]:
    """The stump compounds a text contains, by lemma («педсовета» → педсовет)."""
    return [w for w in (lemma(x) for x in words(text)) if w in glossary.COMPOUNDS]


def lemmas(text: str) -> list[str]:
    """Lemmas of every word, then of the expansions of the glossary abbreviations and stump
    compounds it contains."""
    found = words(text)
    out = [lemma(w) for w in found if w.lower() not in STOP]
    for w in abbreviations(text) + [w for w in out if w in glossary.COMPOUNDS]:
        out += expansion_lemmas(w)
    return out


def query_terms(text: str) -> list[str]:
    """The distinct lemmas of a query, in order: what BM25 ranks items by (any of them may match)."""
    return list(dict.fromkeys(lemmas(text)))


def same_stem(a: str, b: str) -> bool:
    """Two lemmas of one stem: «составлять» and «составление», «подключать» and «подключение»
    (their common beginning is all but the last three letters of the shorter one, and 5 or more)."""
    if a == b:
        return True
    n = min(len(a), len(b))
    if n < 6:
        return False
    need = max(5, n - 3)
    return a[:need] == b[:need]
