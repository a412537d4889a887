"""Month names and people's names, as every stage matches them.

The date parser, the letterhead reader and the tagger each spelled these out on their own,
and copies drift. They live here, imported from nothing in the pipeline, so any module can
use them without an import cycle.
"""

from __future__ import annotations

import re

# Each month's stem and the endings of its case forms («март», «марта», «марте»), in order.
_MONTH_FORMS = (
    ("январ", "[ьяе]"),
    ("феврал", "[ьяе]"),
    ("март", "[ае]?"),
    ("апрел", "[ьяе]"),
    ("ма", "[йяе]"),
    ("июн", "[ьяе]"),
    ("июл", "[ьяе]"),
    ("август", "[ае]?"),
    ("сентябр", "[ьяе]"),
    ("октябр", "[ьяе]"),
    ("ноябр", "[ьяе]"),
    ("декабр", "[ьяе]"),
)
MONTH_STEMS = tuple(stem for stem, _ in _MONTH_FORMS)
# The months' names in the nominative, January first: how an answer or a plan-schedule names a month.
MONTH_NAMES = "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split()
# A month name in any case form, in lower case: for patterns compiled with re.IGNORECASE.
MONTH_WORD = "(?:" + "|".join(stem + ends for stem, ends in _MONTH_FORMS) + ")"
# The same for case-sensitive patterns: «март» or «Март», but not «МАРТ».
MONTH_WORD_CAPITALISED = "(?:" + "|".join(f"[{s[0].upper()}{s[0]}]{s[1:]}{e}" for s, e in _MONTH_FORMS) + ")"

INITIALS = r"[А-ЯЁ]\.\s?[А-ЯЁ]\."  # «И.И.», «И. И.»
SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"  # «Иванов», «Римский-Корсаков»
_SURNAME_CAPITALS = r"[А-ЯЁ]{4,}(?:-[А-ЯЁ]{4,})?"  # «НЕФЕДОВ» in signatures


def _name(surname: str, after_initials: str = "") -> re.Pattern[str]:
    """«И.И. Иванов» (groups 1, 2) or «Иванов И.И.» (groups 3, 4), not inside a longer word."""
    # Not inside a longer word; a signature line's underscores («_____И.Ф. Мартыненко») are no word.
    return re.compile(rf"(?<![^\W_]|\.)(?:({INITIALS})\s?({surname})|({surname})\s({INITIALS}){after_initials})(?!\w)")


# A person's name. «Москвы Л.Е. Кезина» is «Кезина Л.Е.»: initials followed by a surname belong to it.
NAME = _name(rf"(?:{SURNAME}|{_SURNAME_CAPITALS})", r"(?!\s?[А-ЯЁ][а-яё])")
# The tagger's narrower form (no capitals, no look-ahead): NAME there would change which spans are tagged.
PERSON = _name(SURNAME)
# A line that is only a person's name («Малышева О.С.», «О.С. Малышева»): an executor's cell run on.
NAME_ONLY = re.compile(rf"^(?:{SURNAME}\s+{INITIALS}|{INITIALS}\s?{SURNAME})[.,;]?$")

# A number column's header cell: «№», «N п/п», «№№», «NN п/п» (fullmatch).
NUMBER_HEADER = re.compile(r"(?:№№?|NN?)\s*(?:п/п)?|п/п")

# The words that open an act's operative part, in the first and the third person
# («приказываю:», «Правительство … постановляет:», «коллегия решила:»).
TRIGGER_WORDS = (
    r"(?:приказываю|постановляю|распоряжаюсь|предлагаю|обязываю|решил[аи]?|решает|рекомендовать"
    r"|постановляет|приказывает|распоряжается|постановила?)"
)
