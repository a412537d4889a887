"""What the knowledge base hands out: small frozen records, never rows or dicts.

Every reader of the index (the page, the CLI, answers, notebooks) gets these, so a field is
named in one place and a citation is formatted in one place. Server paths never enter them.

    hit.document.act      # «приказ № 61/01-04 от 2018-03-02»
    cite(hit)             # «приказ № 61/01-04 от 2018-03-02 (Смоленская область), пункт 3 — 000_….txt»
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from pipeline.records import Position

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Filters:
    region: str | None = None
    municipality: str | None = None
    kind: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    section: str | None = None  # a word of the section path
    entity: str | None = None  # an entity key, e.g. «ORG:МОЦ»
    exclude_doc: int | None = None

    def __post_init__(self) -> None:
        # A region typed by another of its names («Республика Татарстан», «Якутия») means its official
        # one; a municipality typed in full («Таловский муниципальный район») the form stored.
        from pipeline import places

        if self.region:
            object.__setattr__(self, "region", places.official_region(self.region))
        if self.municipality:
            object.__setattr__(self, "municipality", places.official_municipality(self.municipality))


@dataclass(frozen=True)
class StoredEntity:
    """A mention as stored: what it stands for and where it is in its item's field."""

    key: str  # «ORG:МОЦ»
    label: str
    canonical: str
    field: str
    start: int
    end: int
    text: str  # as printed


@dataclass(frozen=True)
class StoredDocument:
    id: int
    source: str  # the file name as uploaded
    kind: str | None = None
    title: str | None = None
    issuer: str | None = None
    region: str | None = None
    municipality: str | None = None
    date: str | None = None  # ISO
    number: str | None = None
    year: int | None = None
    ingested_at: str | None = None
    url: str | None = None  # the address a saved web page came from

    @property
    def act(self) -> str:
        """«приказ № 61/01-04 от 2018-03-02»: the act as a methodologist names it."""
        named = " ".join(x for x in (self.kind or "документ", f"№ {self.number}" if self.number else "") if x)
        return named + (f" от {self.date}" if self.date else "")

    @property
    def place(self) -> str:
        """«Смоленская область, Дорогобужский район», or empty."""
        return ", ".join(x for x in (self.region, self.municipality) if x)


@dataclass(frozen=True)
class StoredItem:
    id: int
    doc_id: int
    ordinal: int  # 1-based order within its document
    kind: str  # row | clause | paragraph
    activity: str
    number: str | None = None  # as printed
    section: str | None = None  # the section path, joined with « › »
    description: str | None = None
    deadline: str | None = None
    responsible: str | None = None
    result: str | None = None
    pos: Position = field(default_factory=Position)
    deadline_value: dict[str, Any] | None = None  # the deadline as a value (see pipeline.tag.deadlines)
    entities: tuple[StoredEntity, ...] = ()

    @property
    def where(self) -> str:
        """«пункт 3» when the document numbers it, else «строка 3»."""
        return f"пункт {self.number.rstrip('.')}" if self.number else f"строка {self.ordinal}"


@dataclass(frozen=True)
class Hit:
    item_id: int
    score: float  # the order of results (index.rerank)
    dense_rank: int | None
    lexical_rank: int | None
    matched_terms: tuple[str, ...]
    item: StoredItem
    document: StoredDocument
    similarity: float | None = None  # cosine of query and item

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Hit:
        """Back from `dataclasses.asdict` (the page keeps hits as JSON between clicks)."""
        item = dict(data["item"])
        item["pos"] = Position(**(item.get("pos") or {}))
        item["entities"] = tuple(StoredEntity(**e) for e in item.get("entities") or ())
        known = {f.name for f in fields(StoredDocument)}
        document = StoredDocument(**{k: v for k, v in data["document"].items() if k in known})
        return cls(
            int(data["item_id"]),
            float(data["score"]),
            data.get("dense_rank"),
            data.get("lexical_rank"),
            tuple(data.get("matched_terms") or ()),
            StoredItem(**item),
            document,
            data.get("similarity"),
        )


def cite(hit: Hit, n: int | None = None) -> str:
    """The one citation of an item: «[n] приказ № … от … (регион, район), пункт 3 — файл»."""
    d = hit.document
    place = f" ({d.place})" if d.place else ""
    mark = f"[{n}] " if n is not None else ""
    return f"{mark}{d.act}{place}, {hit.item.where} — {d.source}"


@dataclass(frozen=True)
class IngestResult:
    path: str
    status: str  # "added" | "replaced" | "unchanged" | "duplicate" | "failed"
    message: str = ""
    items: int = 0
    warning: str = ""  # text the parser could not place, or no items at all (see Document.warnings)
    reason: str = ""  # the class of a failure («повреждённый PDF», «превышен предел»), for grouping


@dataclass(frozen=True)
class Understood:
    """What a query names besides its topic: abbreviations expanded, region, place and years as filters."""

    expanded: str
    region: str | None = None
    municipality: str | None = None
    year_from: int | None = None
    year_to: int | None = None


@dataclass(frozen=True)
class Stats:
    documents: int
    items: int
    vectors: int
    entities: int
    regions: tuple[tuple[str | None, int], ...]  # (region, items), most items first
    empty_documents: tuple[str, ...]  # sources of documents stored without a single item
    model: str | None
    engine: str  # what computed the vectors: «openvino-bf16», «openvino-fp32» or «torch-fp32»
    vector_index: str
    dim: int
    problems: tuple[str, ...]  # integrity problems; empty when all is well


@dataclass(frozen=True)
class FilterChoices:
    """The values the page's filters offer, from what is stored."""

    regions: tuple[str, ...]
    municipalities: tuple[str, ...]
    kinds: tuple[str, ...]
    years: tuple[int, ...]
    entities: tuple[tuple[str, str, str], ...]  # (key, label, canonical), most mentioned first


@dataclass(frozen=True, eq=False)  # DataFrames do not compare to a bool
class Overview:
    """The overview tab's figures, each one aggregate over the whole knowledge base."""

    by_region_kind: pd.DataFrame  # region, kind, items
    by_year: pd.DataFrame  # year (text), region, items
    timeline: pd.DataFrame  # month «2020-09», region, items: by the month a deadline starts
    entity_reach: pd.DataFrame  # label, canonical, mentions, documents, regions
    documents: int
    items: int
    entities: int
