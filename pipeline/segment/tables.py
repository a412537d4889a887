"""Roadmap and report tables: find the header, give each column a role, turn rows into items.

Columns take their role from what the header says (see `columns`), not where they stand, so
«Сроки исполнения» in the third column and «Месяц» in the first both become `deadline`. A
header of two rows (a cell merged over «начала | окончания») is read as one; the row of column
numbers under it is skipped. A table whose header names actors instead of fields (002:
«Муниципальная методическая служба», «МСОКО») yields one item per filled cell with that actor
as `responsible`. A two-column key–value table (a programme passport) is not an activity table.

Rows split by a page break are merged back cell by cell; repeated header rows are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from pipeline.patterns import MONTH_NAMES
from pipeline.records import ITEM_FIELDS, Block, Item, Skipped
from pipeline.segment import columns
from pipeline.text import ITEM_NUMBER

_NUMBER = re.compile(r"^\d+(\.\d+)*\.?$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")
# A heading named by its level and number: «Подпрограмма 1 …», «Цель 2. …», «Задача 1.1. …», «Раздел II».
_LEVEL_HEADING = re.compile(r"^([А-ЯЁ][а-яё]+)\s+(?:\d+(?:\.\d+)*|[IVXLC]+)\.?(?:\s|$)")
# Roles whose text has no field of its own: kept in the description, labelled with the header.
_LABELLED = ("target", "note")
# A labelled cell: «Ответственный за реализацию: Департамент …», «Срок реализации: 2024 - 2030».
_LABEL = re.compile(r"\s*([^:\n]{3,60}):\s*(\S.*)", re.S)


def _not_header_cell(cell: str) -> bool:
    """Header cells are short, start in capitals and hold no item number and no year (but a money
    column's: «Объем финансирования 2019 год»)."""
    dated = bool(_YEAR.search(cell)) and not MONEY_HEADER.search(cell) and not _dated_deadline(cell)
    return len(cell) > 120 or bool(_NUMBER.match(cell)) or dated or (cell[:1].islower() and cell != "п/п")


_ROMAN = {r: n for n, r in enumerate("I II III IV V VI VII VIII IX X XI XII".split(), start=1)}
# What a plan-schedule prints in the months or quarters an activity runs: «+», «х», «V», «✓», «●».
_MARK = re.compile(r"[+xхXХvVЧ✓✔●■*]")


# A cell that is only a year: «2019 год», «2020 г.» (a money column's years under its header).
YEAR_CELL = re.compile(r"^(?:19|20)\d\d(?:\s*(?:год|г\.?))?$")
# What a money column's lower header row names: its years, its budgets («областной бюджет», «бюджет
# Республики Башкортостан»), its total.
MONEY_PART = re.compile(
    rf"{YEAR_CELL.pattern}|^[а-яё-]+\s+бюджет\w*$|^бюджет\w*\s.{{3,60}}$|^(?:всего|внебюджетные\s+средства)$", re.I
)


def _dated_deadline(cell: str) -> bool:
    """A plan-schedule's deadline header names its year in parentheses: «Сроки проведения (месяцы
    2022-2023 учебного года)», «Срок выполнения (2022 год)»; its months or quarters sit below."""
    return bool(re.search(r"\([^()]*\d{4}[^()]*\)", cell)) and columns.header_role(cell)[0] == "deadline"


def is_header(cells: tuple[str, ...]) -> bool:
    """Do `cells` read as a header row: short cells, no numbers, at least two naming a role?"""
    filled = [c for c in cells if c]
    money = any(MONEY_HEADER.search(c) for c in filled)  # «Объем финансирования … 2018 г. | 2019 г. | …»
    # under «Объем финансирования» its years or budgets, in lower case as Word prints them («областной бюджет», 413)
    if not filled or any(_not_header_cell(c) and not (money and MONEY_PART.match(c)) for c in filled):
        return False
    roles = {columns.header_role(c)[0] for c in filled} - {None}
    known = columns.known_roles(cells)
    return known >= 2 and known >= 0.5 * len(filled) and bool(roles & {"activity", "deadline", "responsible", "result"})


def _level_word(heading: str) -> str | None:
    """«Задача 1.2. …» → «задача»: the level a numbered heading names."""
    m = _LEVEL_HEADING.match(heading)
    return m.group(1).lower() if m else None


def is_subheader(cells: tuple[str, ...], above: tuple[str, ...]) -> bool:
    """A second header row: text under a cell merged across columns («Срок» over «начала | окончания»),
    or cells that repeat the row above (Word repeats a vertically merged cell)."""
    if len(cells) != len(above) or _NUMBER.match(cells[0]) or is_column_numbers(cells):
        return False
    filled = [i for i, c in enumerate(cells) if c]
    if not filled or any(len(cells[i]) > 60 for i in filled):
        return False
    new = [i for i in filled if cells[i] != above[i]]
    if not new:
        return False
    under_span = any(not above[i] and any(above[:i]) for i in new)
    return under_span or (len(new) >= 2 and len(new) < len(filled))


def is_column_numbers(cells: tuple[str, ...]) -> bool:
    """The row of column numbers under a header: «1 | 2 | 3 | … | 8», also half filled («1 | 2 | | »)."""
    filled = [c.rstrip(".") for c in cells if c]
    if len(cells) >= 3 and [c.rstrip(".") for c in cells[:2]] == ["1", "2"] and len(filled) == 2:
        return True
    if len(filled) < 3 or not all(c.isdigit() for c in filled):
        return False
    numbers = [int(c) for c in filled]
    return numbers[0] == 1 and all(b > a for a, b in pairwise(numbers))


def without_column_numbers(cells: tuple[str, ...]) -> tuple[str, ...] | None:
    """A row cut by a page break whose cells a PDF merged with the repeated column numbers above
    them («1 | 2 малокомплектных школ | 3 Республики Мордовия | 4 | 5 дистанционные технологии»):
    its cells without the numbers, else None."""
    if len(cells) < 3 or not all(c.split(" ", 1)[0] == str(n) for n, c in enumerate(cells, 1)):
        return None
    rest = tuple(c.split(" ", 1)[1] if " " in c else "" for c in cells)
    return rest if any(rest) else None


def combine_header(rows: list[tuple[str, ...]]) -> tuple[str, ...]:
    """One header from several rows: a cell merged across columns heads each of them
    («Срок» + «начала» → «Срок начала»), repeated text is kept once."""
    width = max(len(r) for r in rows)
    out = []
    for col in range(width):
        parts: list[str] = []
        for r, row in enumerate(rows):
            text = row[col] if col < len(row) else ""
            if not text and any(later[col : col + 1] != ("",) for later in rows[r + 1 :]):
                left = [c for c in row[:col] if c]  # a horizontal merge leaves the spanned cells empty
                text = left[-1] if left else ""
            if text and text not in parts:
                parts.append(text)
        out.append(" ".join(parts))
    return tuple(out)


# A measure numbered inside its name cell: «Мероприятие 1.2. …», «Основное мероприятие 2.1.1 …».
_NUMBER_IN_NAME = re.compile(r"(?:Основное\s+)?[Мм]ероприятие\s+(\d{1,2}(?:\.\d{1,2})+\.?)\s+(?=\S)")
# A totals row: sums, not an activity, and not the rest of the row above.
_TOTALS = re.compile(r"^(?:итого|всего)(?:\s+по\b|\s*:|\s*$)", re.IGNORECASE)
# A header cell that a second header row splits into years or budgets: «Объем финансирования».
MONEY_HEADER = re.compile(r"финансир|объ[её]м|сумм|источник|тыс\.|руб", re.IGNORECASE)
_AMOUNT = re.compile(r"объ[её]м|сумм|тыс\.|руб|расход", re.IGNORECASE)


def spread_header(header: tuple[str, ...], sub: tuple[str, ...], width: int) -> tuple[str, ...] | None:
    """A copy that drops merged cells prints the lower header row with only its own cells:
    «Объем финансирования» over «2024 | 2025 | 2026» comes as a 6-cell header and a 3-cell row
    above 8-cell rows. The cell they split is the money cell; None if the widths do not add up."""
    filled = [c for c in sub if c]
    if len(filled) < 2 or len(header) + len(filled) - 1 != width or any(len(c) > 40 for c in filled):
        return None
    if ITEM_NUMBER.match(filled[0]):  # a data row's number, not a year
        return None
    at = next((i for i, c in enumerate(header) if _AMOUNT.search(c)), None)  # before «Источник финансирования»
    if at is None:
        at = next((i for i, c in enumerate(header) if MONEY_HEADER.search(c)), None)
    if at is None:
        return None
    return (*header[:at], *(f"{header[at]} {c}" for c in filled), *header[at + 1 :])


def actor_header(cells: tuple[str, ...]) -> bool:
    """A header naming who acts in each column: short, all filled, none a field name."""
    filled = [c for c in cells if c]
    return (
        len(filled) >= 2
        and len(filled) == len(cells)
        and all(len(c) <= 120 and not c.endswith(".") and columns.header_role(c)[0] is None for c in filled)
        and not any(re.search(r"\d", c) for c in filled)  # actors are named, not numbered or dated
    )


def is_key_value(rows: list[tuple[str, ...]]) -> bool:
    """A passport or key–value table («Наименование программы | …»): two columns, short keys."""
    if len(rows) < 2 or any(len(r) != 2 for r in rows):
        return False
    keys = [k for k, _ in rows if k]
    short = sum(1 for k in keys if len(k) <= 80 and not _NUMBER.match(k) and not k.endswith("."))
    longer = sum(len(v) for _, v in rows) > sum(len(k) for k, _ in rows)
    return short >= 0.8 * len(rows) and longer


@dataclass
class Table:
    """One table being read: its columns and the section path above the current row."""

    header: tuple[str, ...]
    fields: list[str | None] | None  # a role per column (see columns.ROLES); None for an actor table
    header_rows: tuple[tuple[str, ...], ...] = ()
    items: list[Item] = field(default_factory=list)
    section: list[tuple[str, str]] = field(default_factory=list)  # (level key, heading)
    broken: bool = False  # a page break or artefact came since the last row
    after_text: bool = False  # a paragraph of text came since the last row
    skipped: list[Skipped] = field(default_factory=list)  # rows read as no item, with the reason

    @property
    def has_number(self) -> bool:
        return bool(self.fields) and "number" in self.fields

    def __post_init__(self) -> None:
        self._header_forms = {_norm(h) for h in (self.header, *self.header_rows)}
        self._header_words = tuple(" ".join(h.split()).lower() for h in self.header)  # for `_after_header`
        self._section_rows = 0  # how many items there were when the last heading came
        self._terms: dict[str, str] = {}  # who and when a section's own row names for the rows under it

    def same_header(self, cells: tuple[str, ...]) -> bool:
        """Is `cells` this table's header (or one of its rows) printed again after a page break?"""
        return bool(cells) and _norm(cells) in self._header_forms

    def _after_header(self, cells: tuple[str, ...]) -> tuple[str, ...] | None:
        """What follows the header's own words in each cell, when the row opens with the header
        (every header cell the start of its cell, two at least filled): else None."""
        if len(cells) != len(self._header_words) or sum(bool(h) for h in self._header_words) < 2:
            return None
        rest = []
        for head, cell in zip(self._header_words, cells, strict=True):
            cell = " ".join(cell.split())
            if not cell.lower().startswith(head):
                return None
            rest.append(cell[len(head) :].strip())
        return tuple(rest) if any(rest) else None

    def add_row(self, block: Block, ordinal: int) -> list[Item]:
        """Turn one row into new items (or merge it into the last one); return the new items."""
        cells = block.cells
        self.after_text = False
        unnumbered = without_column_numbers(cells)
        if unnumbered:
            numbers = " ".join(str(n) for n in range(1, len(cells) + 1))
            self.skipped.append(Skipped(numbers, "номера столбцов", block.pos))
            cells, self.broken = unnumbered, True
        if self.same_header(cells) or is_column_numbers(cells):
            reason = "номера столбцов" if is_column_numbers(cells) else "повтор шапки таблицы"
            self.skipped.append(Skipped(block.text, reason, block.pos))
            self.broken = True
            return []
        rest = self._after_header(cells)
        if rest is not None and self.items:
            # a borderless PDF's repeated header with the rest of the row a page break cut printed under it
            # in the same columns (497): the header is skipped, its rest carries on the last item
            self.skipped.append(Skipped(" ".join(c for c in self.header if c), "повтор шапки таблицы", block.pos))
            _merge(self.items[-1], self._values(rest))
            return []
        if _TOTALS.match(next((c for c in cells if c), "")):  # «Итого по подпрограмме: | … | 2200»
            self.skipped.append(Skipped(block.text, "итоговая строка", block.pos))
            self.broken = True
            return []
        heading = self._heading(cells)
        if heading:
            self._enter_section(heading)
            self.broken = False
            return []
        if self.fields is None:
            return self._actor_items(block, ordinal)
        terms = _terms(cells)
        if terms:  # read into the rows under it; its labels are no item's text
            self._terms = terms
            self.skipped.append(Skipped(block.text, "ответственный и срок раздела", block.pos))
            self.broken = False
            return []
        values = self._values(cells)
        values.update({f: v for f, v in self._terms.items() if not values.get(f)})
        named = _NUMBER_IN_NAME.match(values.get("activity") or "")
        if named and not values.get("number"):  # «Мероприятие 1.2. Организация …» with no number column (460)
            values["number"], values["activity"] = named.group(1), values["activity"][named.end() :]
        if self.items and self._continues(values):
            _merge(self.items[-1], values)
            self.broken = False
            return []
        self.broken = False
        if not any(values.get(f) for f in ITEM_FIELDS):
            if any(cells):
                self.skipped.append(Skipped(block.text, "строка без содержания", block.pos))
            return []
        item = Item(
            kind="row",
            ordinal=ordinal,
            number=values.get("number") or None,
            section=[h for _, h in self.section],
            pos=block.pos,
            activity=values.get("activity") or values.get("description") or "",
            **{f: values.get(f) or None for f in ("description", "deadline", "responsible", "result")},
        )
        if not values.get("activity") and values.get("description"):
            item.description = None
        self.items.append(item)
        return [item]

    def _values(self, cells: tuple[str, ...]) -> dict[str, str]:
        """Cell texts by field; two deadline columns (start, end) read «start – end». A column with
        no role, or a cell beyond the header's width, goes to the description rather than nowhere."""
        values: dict[str, str] = {}
        names = [*(self.fields or []), *[None] * (len(cells) - len(self.fields or []))]
        for col, (name, text) in enumerate(zip(names, cells, strict=False)):
            if not text:
                continue
            name = name or "description"
            if name in _LABELLED:
                label = self.header[col] if col < len(self.header) else ""
                name, text = "description", f"{label}: {text}" if label else text
            glue = " – " if name == "deadline" else "\n"
            if name == "deadline" and _MARK.fullmatch(text) and self._period(col):
                text, glue = self._period(col), ", "  # a plan-schedule's «+» under «IX»: September
            values[name] = f"{values[name]}{glue}{text}" if name in values else text
        return values

    def _period(self, col: int) -> str:
        """The month or quarter a plan-schedule's column stands for: its lowest header cell, when the
        header has more than one row; a Roman numeral is read by what the header counts («IX» under
        «месяцы» is September, «II» under «кварталы» the second quarter)."""
        if len(self.header_rows) < 2 or col >= len(self.header_rows[-1]):
            return ""
        label = self.header_rows[-1][col]
        roman = _ROMAN.get(label.strip().upper())
        over = " ".join(self.header).lower()
        if roman and "месяц" in over and roman <= 12:
            return MONTH_NAMES[roman - 1]
        if roman and "квартал" in over and roman <= 4 and "квартал" not in label.lower():
            return f"{label.strip()} квартал"
        return label

    def _heading(self, cells: tuple[str, ...]) -> str | None:
        """A section row: only the first cell is filled and it is not an item number."""
        filled = [i for i, c in enumerate(cells) if c]
        if filled != [0] or _NUMBER.match(cells[0]):
            return None
        text = cells[0]
        if self.fields is None:
            return text if _NUMBERED_HEADING.match(text) else None
        first = self.fields[0]
        return text if first in ("number", None) or len(cells) == 1 else None

    def _enter_section(self, heading: str) -> None:
        m = _NUMBERED_HEADING.match(heading)
        key = m.group(1) if m else ""
        level = _level_word(heading)
        if key:  # «1.2.» sits under «1.» and replaces «1.1.»
            self.section = [(k, h) for k, h in self.section if k and key.startswith(k + ".")]
        elif level and any(_level_word(h) == level for _, h in self.section):
            # «Задача 1.2.» replaces «Задача 1.1.» under the same «Подпрограмма 1» / «Цель 1»
            self.section = self.section[: next(n for n, (_, h) in enumerate(self.section) if _level_word(h) == level)]
        elif not (self.section and self._section_rows == len(self.items)):
            self.section = []  # a heading that follows rows starts afresh; one right under a heading nests in it
        self.section.append((key, heading))
        self._section_rows = len(self.items)
        self._terms = {}

    def _continues(self, values: dict[str, str]) -> bool:
        """Does this row carry on the previous item across a page break?"""
        if not values.get("activity"):
            return any(values.get(f) for f in ITEM_FIELDS)
        if self.has_number and not values.get("number"):
            return True
        number = values.get("number") or ""
        if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})+\.?", number) and self.items and number != self.items[-1].number:
            return False  # «2.1. разместить …» under «2. Рекомендовать …:» is a row (a lone «0» may be «10» cut)
        first = values["activity"]
        return first[:1].islower() or (self.broken and first[:1] in "-–—")

    def _actor_items(self, block: Block, ordinal: int) -> list[Item]:
        new = []
        for col, text in enumerate(block.cells):
            if not re.search(r"[А-Яа-яЁёA-Za-z]{2}", text):
                continue
            actor = self.header[col] if col < len(self.header) else None
            item = Item(
                kind="row",
                ordinal=ordinal + len(new),
                section=[h for _, h in self.section],
                activity=text,
                responsible=actor or None,
                pos=block.pos,
            )
            new.append(item)
        self.items.extend(new)
        return new


def _terms(cells: tuple[str, ...]) -> dict[str, str]:
    """Who and when a row of labelled cells names («Ответственный за реализацию: Департамент … |
    Срок реализации: 2024»): a state programme's element states them once for the tasks under it
    (the federal form since 2022, 412)."""
    found: dict[str, str] = {}
    for cell in filter(None, cells):
        m = _LABEL.match(cell)
        role = columns.header_role(m.group(1))[0] if m else None
        if role not in ("responsible", "deadline") or role in found:
            return {}
        found[role] = " ".join(m.group(2).split())
    return found


def _merge(item: Item, values: dict[str, str]) -> None:
    """Append a continuation row to `item`, field by field."""
    for name in ITEM_FIELDS:
        extra = values.get(name)
        if not extra:
            continue
        current = item.activity if name == "activity" else getattr(item, name)
        if current and " ".join(extra.split()) == " ".join(current.split()):
            continue  # a cell merged down over the row's year lines, printed again in each (496)
        glue = "\n" if extra[:1] in "-–—•·" else " "
        joined = f"{current}{glue}{extra}" if current else extra
        if name == "activity":
            item.activity = joined
        else:
            setattr(item, name, joined)


def _norm(cells: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(" ".join(c.lower().split()) for c in cells if c)
