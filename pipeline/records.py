"""The small records that flow from reading to segmentation and on to the index.

A reader turns a file into `Block`s (a paragraph, or a table row as cells).
Segmentation turns blocks into one `Document` holding its `Item`s.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Position:
    """Where a block came from, so the page can show an item in context."""

    page: int | None = None  # 1-based PDF page
    line: int | None = None  # 1-based line (TXT), paragraph index (DOCX) or line on the page (PDF)
    table: int | None = None  # 0-based table index (DOCX, PDF)
    row: int | None = None  # 0-based row within that table
    ocr: float | None = None  # read from a scan: the page's mean OCR confidence (0-100)


@dataclass(frozen=True)
class Block:
    """One paragraph (`cells` empty) or one table row (`cells` filled)."""

    text: str
    cells: tuple[str, ...] = ()
    pos: Position = Position()
    bold: bool = False  # a PDF line printed in bold: a title or heading, apart from the text under it

    @property
    def is_row(self) -> bool:
        return bool(self.cells)


@dataclass
class Citation:
    """Another act the document refers to («приказ … от 16.03.2021 № 189-ОД «Об …»»)."""

    kind: str | None
    date: str | None
    number: str | None
    title: str | None = None
    issuer: str | None = None
    amends: bool = False


@dataclass
class Period:
    """The time a document covers: «на 2018 год», «2019-2020 учебный год»."""

    text: str
    start_year: int
    end_year: int
    school_year: bool = False


@dataclass
class Person:
    name: str  # «Белова С.В.»
    position: str | None = None


@dataclass
class Entity:
    """A tagged mention: where it is, what it is, and the one thing it stands for."""

    label: str  # see pipeline.labels
    text: str  # as printed
    field: str  # the item or document field it was found in: activity, responsible, title…
    start: int  # character offsets within that field
    end: int
    canonical: str  # «Белова С.В.», «МБОУ Дорогобужская СОШ № 1», «2020-09..2020-10»
    key: str  # label + canonical form: the same thing has the same key in every document
    source: str = "rules"  # "rules" | "natasha"
    extra: dict[str, Any] = field(default_factory=dict)  # role, expansion, structured date…


@dataclass
class Item:
    """One activity: a roadmap or report row, an order's clause, or a free paragraph."""

    kind: str  # "row" | "clause" | "paragraph"
    ordinal: int  # 1-based order within the document
    number: str | None = None  # as printed: «1.», «2.3»
    section: list[str] = field(default_factory=list)
    activity: str = ""
    description: str | None = None
    deadline: str | None = None
    responsible: str | None = None
    result: str | None = None  # expected result / indicator / report content
    pos: Position = Position()
    entities: list[Entity] = field(default_factory=list)
    when: dict[str, Any] | None = None  # the deadline as a value (see pipeline.tag.deadlines)

    def passage(self) -> str:
        """What is embedded and indexed for this item (see `passage`)."""
        return passage(" › ".join(self.section), self.activity, self.description, self.result)


def passage(section: str | None, activity: str, description: str | None, result: str | None) -> str:
    """The one text of an item that search sees: its section path (joined by « › ») and its own words.

    Deadlines and responsible people are left out: they are filters and answers, not the practice."""
    return "\n".join(x for x in (section, activity, description, result) if x)


# Item's text fields, in reading order: what a table row fills and what gets tagged.
ITEM_FIELDS = ("activity", "description", "deadline", "responsible", "result")


@dataclass(frozen=True)
class Skipped:
    """Text deliberately left out of items and metadata, with the reason (page footers, column numbers)."""

    text: str
    reason: str  # «колонтитул», «номера столбцов», «повтор шапки таблицы», «подпись поля»
    pos: Position = Position()


@dataclass
class Coverage:
    """How much of a file's text ended up in metadata, items or the skipped list (see segment.coverage)."""

    share: float  # 0..1, by words
    lost: list[str] = field(default_factory=list)  # the lines whose words went nowhere, as printed

    @property
    def complete(self) -> bool:
        return self.share >= COMPLETE_COVERAGE


# Below this share of its words placed, a file gets a warning naming what was left out.
COMPLETE_COVERAGE = 0.98


@dataclass(frozen=True)
class WebPage:
    """A document saved from a site: the page's own title and its address (canonical link or og:url)."""

    title: str | None = None
    url: str | None = None


@dataclass
class Document:
    source: str  # file name, never a path
    kind: str | None = None
    title: str | None = None
    issuer: str | None = None
    region: str | None = None
    municipality: str | None = None
    date: str | None = None  # ISO
    number: str | None = None
    signatory: Person | None = None
    period: Period | None = None
    annex_title: str | None = None  # the roadmap's own heading, when it is an annex
    preamble: str | None = None  # «На основании приказа …»: why the act was issued
    approved_by: Citation | None = None  # the act in an approval stamp («УТВЕРЖДЕН приказом … от … № …»)
    citations: list[Citation] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # the printed lines read as metadata, as printed
    skipped: list[Skipped] = field(default_factory=list)
    coverage: Coverage | None = None
    web: WebPage | None = None  # set for HTML pages

    def warnings(self) -> list[str]:
        """What an operator must know about this file: no items, or text that went nowhere."""
        out = []
        if not self.items:
            out.append("не найдено ни одного пункта")
        if self.coverage and (not self.coverage.complete or self.coverage.lost):
            lost = "; ".join(f"«{_clip(t)}»" for t in self.coverage.lost[:3])
            more = f" и ещё {len(self.coverage.lost) - 3}" if len(self.coverage.lost) > 3 else ""
            out.append(f"размещено {self.coverage.share:.0%} текста, не размещено: {lost}{more}")
        return out

    @property
    def year(self) -> int | None:
        if self.period:
            return self.period.start_year
        return int(self.date[:4]) if self.date else None

    @property
    def year_end(self) -> int | None:
        """The last year the document's period covers, when it states one («на 2021–2025 годы»: 2025)."""
        return self.period.end_year if self.period else None

    def meta(self) -> dict[str, Any]:
        """Document fields without its items (or the printed header lines), as plain data."""
        data = asdict(self)
        data.pop("items")
        data.pop("header")
        return data


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
