"""The interface's Russian words: statuses, question kinds, and nouns agreed with their numbers.

    counted(32, "пункт")   # «32 пункта»  (pymorphy's agreement, so any noun works)
"""

from __future__ import annotations

from functools import cache

STATUS = {
    "added": "добавлен",
    "replaced": "обновлён",
    "unchanged": "без изменений",
    "duplicate": "дубликат",
    "failed": "ОШИБКА",
}
ASKED = {
    "who": "кто",
    "when": "когда",
    "where": "где",
    "school": "какая школа",
    "count": "сколько",
    "whether": "есть ли",
    "what": "что",
}


@cache
def agreed(n: int, noun: str) -> str:
    """The form of `noun` that goes with the number `n`: пункт, пункта, пунктов."""
    from pipeline.morph import inflect, morph

    parse = morph().parse(noun)[0]
    form = inflect(parse, parse.tag.numeral_agreement_grammemes(n))
    return form.word if form else noun


def counted(n: int, noun: str) -> str:
    return f"{n} {agreed(n, noun)}"


def items(n: int) -> str:
    return counted(n, "пункт")


def files(n: int) -> str:
    return counted(n, "файл")


def documents(n: int) -> str:
    return counted(n, "документ")
