"""Segmentation: blocks → one `Document` with its items.

The blocks fall into three runs: the head (letterhead, title, preamble, clauses,
signature, annex heading), the table rows, and the tail (a report's signature, notes).
Rows become items through `tables.Table`; the head yields metadata and clause items;
any paragraph of substance left over becomes a paragraph item, so nothing is dropped.
"""

from __future__ import annotations

import re

from pipeline.records import Block, Document, Item
from pipeline.segment import header
from pipeline.segment.clauses import find_trigger, read_clauses
from pipeline.segment.cleanup import clean
from pipeline.segment.tables import Table, actor_header, header_fields

_ANNEX_MARK = re.compile(r"^(?:Приложение|\(в ред\.)", re.IGNORECASE)
_SUBSTANCE = re.compile(r"[А-ЯЁа-яёA-Za-z]{3}")
# Positional guess for a table that has no header row.
_DEFAULT_FIELDS = ("number", "activity", "deadline", "responsible", "result")


def segment(blocks: list[Block], source: str) -> Document:
    blocks = clean(blocks)
    rows = [i for i, b in enumerate(blocks) if b.is_row]
    first, last = (rows[0], rows[-1]) if rows else (len(blocks), len(blocks))
    head, body, tail = blocks[:first], blocks[first : last + 1], blocks[last + 1 :]

    doc = Document(source=source)
    items = _read_head(doc, head)
    items += _read_body(body, len(items) + 1)
    items += _read_tail(doc, tail, len(items) + 1)
    doc.items = items

    all_text = "\n".join(b.text for b in blocks)
    head_text = "\n".join(b.text for b in head)
    doc.region = header.region_of(head_text, all_text)
    amending = bool(doc.title and doc.title.lower().startswith("о внесении изменени"))
    clause_texts = [i.activity for i in items if i.kind == "clause"]
    doc.citations = header.citations(all_text, doc.number, amending, clause_texts)
    return doc


def _read_head(doc: Document, head: list[Block]) -> list[Item]:
    texts = [b.text for b in head]
    doc.kind, kind_at = header.find_kind(texts)
    title_at = next((i for i, t in enumerate(texts) if header._TITLE.match(t)), None)
    letterhead = texts[: kind_at if kind_at is not None else 0]
    doc.issuer = header.issuer_of(letterhead)
    stamp_end = title_at if title_at is not None else (kind_at + 1 if kind_at is not None else 0)
    doc.date, doc.number = header.date_and_number(texts[:stamp_end])
    doc.title = header.title_of(texts, doc.kind, kind_at)

    trigger = find_trigger(head)
    items: list[Item] = []
    rest_at = (title_at + 1) if title_at is not None else (kind_at + 1 if kind_at is not None else 0)
    if trigger is not None:
        preamble = texts[rest_at:trigger]
        doc.preamble = " ".join(" ".join(preamble).split()) or None
        items, used = read_clauses(head[trigger + 1 :], ordinal=1)
        rest_at = trigger + 1 + used
    after = texts[rest_at:]
    doc.signatory = header.signatory_of(after) if trigger is not None else None
    if doc.signatory:
        # The annex heading follows the signature: skip up to the name line, then «Приложение…».
        name_at = next(i for i, t in enumerate(after) if header.canonical_name(t) and len(t) < 80)
        annex = [t for t in after[name_at + 1 :] if not _ANNEX_MARK.match(t)]
        doc.annex_title = " ".join(" ".join(annex).split()) or None
    elif trigger is None and kind_at is not None:
        # A roadmap or report without clauses: paragraphs after its title are content.
        start = kind_at + 1 + (1 if texts[kind_at + 1 : kind_at + 2] and texts[kind_at + 1][:1].islower() else 0)
        start = max(start, rest_at)
        items = [_paragraph(b, n) for n, b in enumerate(_substantial(head[start:]), start=1)]
    elif trigger is None:
        items = [_paragraph(b, n) for n, b in enumerate(_substantial(head), start=1)]
    doc.period = header.period_of(doc.title, doc.annex_title, texts[kind_at] if kind_at is not None else None)
    doc.municipality = header.municipality_of(
        "\n".join(letterhead), "\n".join(texts[:stamp_end]), doc.title, doc.annex_title
    )
    return items


def _read_body(body: list[Block], ordinal: int) -> list[Item]:
    items: list[Item] = []
    table: Table | None = None
    for block in body:
        if not block.is_row:
            if table:
                table.broken = True
            if _substantial([block]) and len(block.text) > 40:
                items.append(_paragraph(block, ordinal + len(items), table))
            continue
        fields = header_fields(block.cells)
        if fields and not (table and table.same_header(block.cells)):
            table = Table(block.cells, fields)
            continue
        if table is None:
            if actor_header(block.cells):
                table = Table(block.cells, None)
                continue
            width = len(block.cells)
            guess = list(_DEFAULT_FIELDS[:width]) + [None] * (width - len(_DEFAULT_FIELDS))
            if not re.match(r"^\d", block.cells[0]):
                guess = [*guess[1:], None]
            table = Table((), guess)
        items += table.add_row(block, ordinal + len(items))
    return items


def _read_tail(doc: Document, tail: list[Block], ordinal: int) -> list[Item]:
    texts = [b.text for b in tail]
    name_at = None
    if doc.signatory is None:
        for i, t in enumerate(texts):
            if header.canonical_name(t) and len(t) < 80:
                # The position is the short line just above the name, when there is one.
                name_at = i - 1 if i and len(texts[i - 1]) < 100 else i
                doc.signatory = header.signatory_of(texts[name_at : i + 1])
                break
    keep = [b for i, b in enumerate(tail) if name_at is None or i < name_at]
    return [_paragraph(b, ordinal + n) for n, b in enumerate(_substantial(keep))]


def _substantial(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if _SUBSTANCE.search(b.text)]


def _paragraph(block: Block, ordinal: int, table: Table | None = None) -> Item:
    section = [h for _, h in table.section] if table else []
    return Item(kind="paragraph", ordinal=ordinal, activity=block.text, section=section, pos=block.pos)
