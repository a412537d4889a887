"""Dates as Russian documents print them: «02.03.2018», «10.09.2020г», «« 17 » август 20 21 г.»."""

from __future__ import annotations

import re
from datetime import date

from pipeline.patterns import MONTH_STEMS, MONTH_WORD

# «26.02. 2018», «10.09.2020г», «30.06.2017», «31. 03. 22 г.» (a year of two digits only before «г.»)
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s?\.\s?(\d{1,2})\s?\.\s?(\d{4}|\d{2}\s\d{2}|\d{2}(?=\s?г(?:\.|ода|\b)))(?!\d)")
# «04.09.13   № 01-08/112»: an act's date line with a two-digit year, day and month in two digits
# (not a section «3.1.12 N 273»).
_SHORT_YEAR = re.compile(r"(?<![\d.])(\d{2})\.(\d{2})\.(\d{2})(?=\s+(?:№|N\s?\d))")
# «« 17 » август 20 21 г.», ««16» 03 2021 г.», «17 мая 2021 года»
_WORDY = re.compile(r"«?\s*(\d{1,2})\s*»?\s+(" + MONTH_WORD + r"|\d{2})\s+(\d{4}|\d{2}\s\d{2})(?!\d)", re.IGNORECASE)
DATE_PATTERN = rf"(?:{_NUMERIC.pattern}|{_WORDY.pattern})"


def month_number(word: str) -> int | None:
    """1-12 for a month name in any case form, else None."""
    w = word.lower().strip(" .,;")
    if len(w) < 3 and w not in ("май", "мая", "мае"):
        return None
    for n, stem in enumerate(MONTH_STEMS, start=1):
        if stem == "ма":
            if w in ("май", "мая", "мае"):
                return n
        elif w.startswith(stem) and len(w) <= len(stem) + 2:
            return n
    return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first valid date in `text` as (ISO, start, end) offsets, or None."""
    hits = []
    for rx in (_NUMERIC, _WORDY, _SHORT_YEAR):
        for m in rx.finditer(text):
            iso = _iso(*m.groups())
            if iso:
                hits.append((m.start(), iso, m.end()))
                break
    if not hits:
        return None
    start, iso, end = min(hits)
    return iso, start, end


def parse_date(text: str) -> str | None:
    """The first valid date in `text` in ISO form."""
    hit = find_date(text)
    return hit[0] if hit else None


def _iso(day: str, month: str, year: str) -> str | None:
    m = int(month) if month.isdigit() else month_number(month)
    y = int(year.replace(" ", ""))
    if y < 100:  # «22 г.»
        y += 2000 if y < 50 else 1900
    if m is None:
        return None
    try:
        return date(y, m, int(day)).isoformat()
    except ValueError:
        return None
