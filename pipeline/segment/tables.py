"""Roadmap and report tables: map columns from the header row, then turn rows into items.

Columns are mapped by what their header says, not where they stand, so «Сроки исполнения»
in the third column and «Месяц» in the first both become `deadline`. A table whose header
names actors instead of fields (002: «Муниципальная методическая служба», «МСОКО») yields
one item per filled cell with that actor as `responsible`.

Rows split by a page break are merged back cell by cell; repeated header rows are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.records import Block, Item

# Header words per field, checked in this order (the first field that matches wins).
FIELD_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("number", ("№", "п/п", "n п/п", "номер")),
    ("deadline", ("срок", "дата", "месяц", "период", "когда")),
    ("responsible", ("ответствен", "исполнител", "кто ")),
    ("activity", ("мероприят", "наименован", "событ", "действи", "задач")),
    ("description", ("описан", "механизм", "форма")),
    ("result", ("результат", "показател", "содержан", "отчет", "отчёт", "итог", "продукт", "индикатор")),
)
ITEM_FIELDS = ("activity", "description", "deadline", "responsible", "result")
_NUMBER = re.compile(r"^\d+(\.\d+)*\.?$")
_NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")


def field_of(header: str) -> str | None:
    h = " ".join(header.lower().split()) + " "
    if h.strip() in ("№", "n", "#") or h.startswith("№"):
        return "number"
    for name, words in FIELD_WORDS:
        if any(w in h for w in words):
            return name
    return None


def header_fields(cells: tuple[str, ...]) -> list[str | None] | None:
    """Field per column if `cells` read as a header row, else None."""
    filled = [c for c in cells if c]
    if any(len(c) > 80 or _NUMBER.match(c) for c in filled):
        return None
    fields = [field_of(c) if c else None for c in cells]
    known = [f for f in fields if f]
    if len(known) < 2 or len(known) < 0.6 * len(filled):
        return None
    return fields if {"activity", "deadline", "responsible"} & set(known) else None


def actor_header(cells: tuple[str, ...]) -> bool:
    """A header naming who acts in each column: short, all filled, none a field name."""
    filled = [c for c in cells if c]
    return (
        len(filled) >= 2
        and len(filled) == len(cells)
        and all(len(c) <= 120 and not c.endswith(".") and field_of(c) is None for c in filled)
    )


@dataclass
class Table:
    """One table being read: its columns and the section path above the current row."""

    header: tuple[str, ...]
    fields: list[str | None] | None  # None for an actor table
    items: list[Item] = field(default_factory=list)
    section: list[tuple[str, str]] = field(default_factory=list)  # (level key, heading)
    broken: bool = False  # a page break or artefact came since the last row

    @property
    def has_number(self) -> bool:
        return bool(self.fields) and "number" in self.fields

    def same_header(self, cells: tuple[str, ...]) -> bool:
        return _norm(cells) == _norm(self.header)

    def add_row(self, block: Block, ordinal: int) -> list[Item]:
        """Turn one row into new items (or merge it into the last one); return the new items."""
        cells = block.cells
        if self.same_header(cells):
            self.broken = True
            return []
        heading = self._heading(cells)
        if heading:
            self._enter_section(heading)
            self.broken = False
            return []
        if self.fields is None:
            return self._actor_items(block, ordinal)
        values = self._values(cells)
        if self.items and self._continues(values):
            _merge(self.items[-1], values)
            self.broken = False
            return []
        self.broken = False
        if not any(values.get(f) for f in ITEM_FIELDS):
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
        values: dict[str, str] = {}
        for name, text in zip(self.fields or [], cells, strict=False):
            if name and text:
                values[name] = f"{values[name]}\n{text}" if name in values else text
        return values

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
        if key:  # «1.2.» sits under «1.» and replaces «1.1.»
            self.section = [(k, h) for k, h in self.section if k and key.startswith(k + ".")]
        else:
            self.section = []
        self.section.append((key, heading))

    def _continues(self, values: dict[str, str]) -> bool:
        """Does this row carry on the previous item across a page break?"""
        if not values.get("activity"):
            return any(values.get(f) for f in ITEM_FIELDS)
        if self.has_number and not values.get("number"):
            return True
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


def _merge(item: Item, values: dict[str, str]) -> None:
    """Append a continuation row to `item`, field by field."""
    for name in ITEM_FIELDS:
        extra = values.get(name)
        if not extra:
            continue
        current = item.activity if name == "activity" else getattr(item, name)
        glue = "\n" if extra[:1] in "-–—•·" else " "
        joined = f"{current}{glue}{extra}" if current else extra
        if name == "activity":
            item.activity = joined
        else:
            setattr(item, name, joined)


def _norm(cells: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(" ".join(c.lower().split()) for c in cells if c)
