"""Russian morphology (pymorphy2 through natasha), loaded once and shared by every stage that needs it.

It lives below the text helpers and the taggers so that both can use it without importing each other.
"""

from __future__ import annotations

import warnings
from functools import cache


@cache
def morph():
    """natasha's MorphVocab (it still imports pkg_resources; silence that warning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from natasha import MorphVocab

        return MorphVocab()


def is_adjective(word: str) -> bool:
    """The word's likeliest reading is an adjective or a participle in its full form."""
    return morph().parse(word.lower())[0].tag.POS in ("ADJF", "PRTF")


def inflect(parse, grams: set[str]):
    """pymorphy2's own inflection with OpenCorpora grammemes (natasha's override expects UD features)."""
    from pymorphy2.analyzer import Parse

    return Parse.inflect(parse, grams)
