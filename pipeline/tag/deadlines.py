"""Deadlines as values: «сентябрь- октябрь 2020 года» → September to October 2020.

A deadline keeps its text and gains start/end month and year, a recurrence
(«ежеквартально», «постоянно»), or the whole period («в течение года»). A year the text
does not give comes from the document's period (a school year puts September-December in
its first year) or, failing that, from the document's date.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from pipeline.dates import month_number, parse_date
from pipeline.records import Period

_RECURRENCE = {
    "ежеквартально": "ежеквартально",
    "ежемесячно": "ежемесячно",
    "еженедельно": "еженедельно",
    "ежегодно": "ежегодно",
    "ежедневно": "ежедневно",
    "постоянно": "постоянно",
}
_BY_PLAN = re.compile(r"по\s+(?:отдельному\s+)?(?:плану|графику)|по\s+мере\s+необходимости")
_WHOLE = re.compile(r"в\s+течение\s+(?:всего\s+)?(?:периода|учебного\s+года|календарного\s+года|года|(\d{4})\s+года)")
_QUARTER = re.compile(r"\b(iv|i{1,3}|[1-4])\s*(?:-?[йг]о)?\s*квартал")
_YEARS = re.compile(r"(\d{4})(?:\s*[-–—/]\s*(\d{4}))?\s*(?:учебн[а-я]*\s+)?(?:год|гг?\.)")
_WORD = re.compile(r"[а-яё]+|\d{4}")


@dataclass
class When:
    text: str
    start_year: int | None = None
    start_month: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    recurrence: str | None = None  # «ежеквартально», «постоянно», «по плану»
    whole_period: bool = False
    date: str | None = None  # an exact day, ISO, when the text gives one

    def canonical(self) -> str:
        """«2020-09..2020-10», «03..05» (no year known), «ежеквартально 2018-01..2018-12»."""
        span = ""
        if self.date:
            span = self.date
        elif self.start_month:
            start = _ym(self.start_year, self.start_month)
            end = _ym(self.end_year, self.end_month)
            span = start if start == end else f"{start}..{end}"
        parts = [p for p in (self.recurrence, span) if p]
        if not parts and self.whole_period:
            parts = ["в течение периода"]
        return " ".join(parts) or " ".join(self.text.lower().split())

    def as_dict(self) -> dict:
        return asdict(self)


def parse(text: str, period: Period | None = None, year: int | None = None, dated: str | None = None) -> When:
    """The structured value of one deadline text; `dated` is the document's ISO date."""
    low = text.lower().replace("ё", "е")
    when = When(text=" ".join(text.split()))
    for word, name in _RECURRENCE.items():
        if word in low:
            when.recurrence, when.whole_period = name, True
    if _BY_PLAN.search(low):
        when.recurrence = "по плану" if "план" in low or "график" in low else "по мере необходимости"
    whole = _WHOLE.search(low)
    if whole:
        when.whole_period = True
        if whole.group(1):
            y = int(whole.group(1))
            when.start_year, when.start_month, when.end_year, when.end_month = y, 1, y, 12
            return when
    iso = parse_date(low)
    if iso:
        when.date = iso
        when.start_year = when.end_year = int(iso[:4])
        when.start_month = when.end_month = int(iso[5:7])
        return when
    years = _YEARS.search(low)
    if years and not _QUARTER.search(low) and not any(month_number(w) for w in _WORD.findall(low)):
        first, last = int(years.group(1)), int(years.group(2) or years.group(1))
        school = bool(re.search(r"учебн", low))
        when.start_year, when.start_month = first, 9 if school else 1
        when.end_year, when.end_month = (
            (last if last != first or not school else first + 1),
            8 if school else 12,
        )
        return when
    months = _months(low, period, year)
    if months:
        (when.start_year, when.start_month), (when.end_year, when.end_month) = months[0], months[-1]
        if when.start_year and when.end_year and (when.end_year, when.end_month) < (when.start_year, when.start_month):
            when.end_year = when.start_year + 1  # «ноябрь-февраль»: runs into the next year
    elif when.whole_period:
        if "учебн" in low and not (period and period.school_year) and dated:
            start = int(dated[:4]) - (1 if int(dated[5:7]) < 8 else 0)  # the school year under way
            period = Period(f"{start}-{start + 1} учебный год", start, start + 1, True)
        _whole_period(when, period, year)
    return when


def _months(low: str, period: Period | None, year: int | None) -> list[tuple[int | None, int]]:
    """Months named in order, each with the year printed after it or inferred."""
    q = _QUARTER.search(low)
    found: list[tuple[int, int | str]] = []  # (offset, month or «YYYY»)
    for m in _WORD.finditer(low):
        w = m.group(0)
        if w.isdigit():
            found.append((m.start(), w))
        else:
            n = month_number(w)
            if n:
                found.append((m.start(), n))
    if q:
        first = {"i": 1, "1": 1, "ii": 4, "2": 4, "iii": 7, "3": 7, "iv": 10, "4": 10}[q.group(1).lower()]
        found = [(q.start(), first), (q.start() + 1, first + 2)] + [f for f in found if isinstance(f[1], str)]
        found.sort()
    out: list[tuple[int | None, int]] = []
    later: int | None = None  # the first year printed after the month: read backwards, so linear
    for _, value in reversed(found):
        if isinstance(value, str):
            later = int(value)
        else:
            out.append((later or _year_for(value, period, year), value))
    return out[::-1]


def _year_for(month: int, period: Period | None, year: int | None) -> int | None:
    if period and period.school_year:
        return period.start_year if month >= 9 else period.end_year
    if period:
        return period.start_year
    return year


def _whole_period(when: When, period: Period | None, year: int | None) -> None:
    if period and period.school_year:
        when.start_year, when.start_month, when.end_year, when.end_month = (
            period.start_year,
            9,
            period.end_year,
            8,
        )
    elif period:
        when.start_year, when.start_month, when.end_year, when.end_month = (
            period.start_year,
            1,
            period.end_year,
            12,
        )
    elif year:
        when.start_year, when.start_month, when.end_year, when.end_month = year, 1, year, 12


def _ym(year: int | None, month: int | None) -> str:
    return f"{year}-{month:02d}" if year else f"{month:02d}"
