"""Segmentation: blocks → one `Document` with its items.

The blocks fall into three runs: the head (approval stamp, letterhead, title, preamble,
clauses, signature, annex heading), the table rows, and the tail (a report's signature,
notes). Rows become items through `tables.Table`; the head yields metadata and clause items;
any paragraph of substance left over becomes a paragraph item. Every block ends up in the
metadata (`Document.header`), in an item, or in `Document.skipped` with the reason, and
`coverage` checks that by words, so a layout we do not understand is reported, not lost.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.dates import DATE_PATTERN, parse_date
from pipeline.records import Block, Document, Item, Skipped, WebPage
from pipeline.segment import bodies, columns, header
from pipeline.segment.clauses import clause_like, find_trigger, read_clauses
from pipeline.segment.cleanup import EDITORIAL_NOTE, clean
from pipeline.segment.coverage import coverage
from pipeline.segment.flat_tables import uncollapse, unflatten
from pipeline.segment.labelled import unlabel
from pipeline.segment.layout import rebuild
from pipeline.segment.tables import (
    Table,
    actor_header,
    combine_header,
    is_column_numbers,
    is_header,
    is_key_value,
    is_subheader,
    spread_header,
)
from pipeline.text import ITEM_NUMBER, is_capitals

_ANNEX_MARK = re.compile(r"^(?:Приложение|\(в ред\.)", re.IGNORECASE)
_FIRST_CLAUSE = re.compile(r"^\s*1[.)]\s*[А-ЯЁ]")
_SUBSTANCE = re.compile(r"[А-ЯЁа-яёA-Za-z]{3}")
# Head paragraphs longer than this are content, whatever their place: metadata lines are short
# (a preamble is the longest, a letterhead line or a stamp far shorter).
_META_MAX = 1200
_CITES_ITSELF = re.compile(r"\s*(?:№|N)\s*[\w./-]*\d[\w./-]*\s+от\s+\d")  # «№ 99 от 31.03.2022 г. …»
_DATED_LINE_MAX = 60  # «09.10.2023 с. Анучино», «г. Тамбов 08.12.2004 № 983»: a date line, not a sentence
_LETTERHEAD_MAX = 300
# How many paragraphs away a row of the same width still makes a row part of a table (`_lone_rows`).
_NEAR = 4
# How far down a page the act's kind may stand under a site's card or a letterhead laid out as rows.
_HEAD_BLOCKS = 20
# Rows read ahead of a table to learn its columns from their content.
_SAMPLE = 30


def segment(blocks: list[Block], source: str, web: WebPage | None = None) -> Document:
    """The document in `blocks`; `web` is the saved page it came in, if any (its site names the
    issuer of a text published without a letterhead)."""
    cleaned, skipped = clean(uncollapse(blocks))
    blocks = _without_empty_columns(unlabel(rebuild(unflatten(cleaned))))
    blocks = _letterhead_rows(_lone_rows(_contact_rows(blocks)))
    rows = [i for i, b in enumerate(blocks) if b.is_row]
    first, last = (rows[0], rows[-1]) if rows else (len(blocks), len(blocks))
    head, body, tail = blocks[:first], blocks[first : last + 1], blocks[last + 1 :]

    doc = Document(source=source, skipped=list(skipped), web=web)
    items = _read_head(doc, head)
    # An order's clauses may go on around the tables they amend, until the signature.
    open_clauses = doc.signatory is None and any(i.kind == "clause" for i in items)
    items += _read_body(doc, body, len(items) + 1, open_clauses)
    items += _read_tail(doc, tail, len(items) + 1, open_clauses)
    doc.items = items
    if not (doc.kind and doc.date and doc.number):  # a registry's card may be all that names the act (446)
        texts = [b.text for b in blocks if not b.is_row]
        kind, date, number = header.card_of(texts)
        doc.kind = doc.kind or kind
        if not (doc.date or doc.number):
            doc.date, doc.number = date, number
        doc.issuer = doc.issuer or (header.issuer_on_card(texts) if kind or number else None)
    if doc.kind not in header.ACT_KINDS and not (doc.date or doc.number or doc.approved_by):
        doc.approved_by = header.closing_approval([b.text for b in tail or blocks], doc.kind)
        if doc.approved_by:
            doc.date, doc.number = doc.approved_by.date, doc.approved_by.number

    all_text = "\n".join(b.text for b in blocks)
    head_text = "\n".join(b.text for b in head)
    # failing the text, the legal database's notes on the act, which name its body with the region
    notes = "\n".join(s.text for s in skipped if s.reason == EDITORIAL_NOTE)
    doc.region = header.region_of(head_text, all_text) or header.region_of("", notes)
    # «к постановлению администрации области»: the document's own region or city
    titles = [header.sentence_case(t) if t and is_capitals(t) else t for t in (doc.title, doc.annex_title)]
    doc.issuer = doc.issuer or header.site_owner(web.title if web else None)
    doc.issuer = bodies.completed(doc.issuer, doc.region, doc.municipality, header.city_of(*titles))
    doc.municipality = doc.municipality or header.municipality_of(doc.issuer) or header.city_of(doc.issuer)
    amending = bool(doc.title and doc.title.lower().startswith("о внесении изменени"))
    clause_texts = [i.activity for i in items if i.kind == "clause"]
    doc.citations = header.citations(all_text, doc.number, amending, clause_texts)
    doc.coverage = coverage(blocks + [Block(s.text) for s in skipped], doc)
    return doc


def _without_empty_columns(blocks: list[Block]) -> list[Block]:
    """Columns empty in every row of a run of rows of one width: the edges of another table that a
    borderless page shares (a list of schools above the plan). Dropped, so that the plan's rows carried
    to the next page, read there without them, have its width."""
    out = list(blocks)
    i = 0
    while i < len(out):
        if not out[i].is_row:
            i += 1
            continue
        j = i + 1  # a run ends at a row of another width or at the next table's header
        while j < len(out) and out[j].is_row and len(out[j].cells) == len(out[i].cells) and not is_header(out[j].cells):
            j += 1
        run = out[i:j]
        empty = [c for c in range(len(run[0].cells)) if not any(b.cells[c] for b in run)]
        if len(run) >= 3 and empty and len(run[0].cells) - len(empty) >= 2:
            for k, b in enumerate(run):
                cells = tuple(x for c, x in enumerate(b.cells) if c not in empty)
                out[i + k] = Block("\t".join(cells), cells, b.pos)
        i = j
    return out


def _letterhead_rows(blocks: list[Block]) -> list[Block]:
    """A letterhead or stamps laid out as a table (a bilingual letterhead, «СОГЛАСОВАНО | УТВЕРЖДАЮ»
    side by side) are read as paragraphs: the rows above the kind word, when none is a table header."""
    texts = [b.text if not b.is_row else "" for b in blocks[:_HEAD_BLOCKS]]
    kinds = [i for i, b in enumerate(blocks[:_HEAD_BLOCKS]) if _states_kind(b, texts, i)]
    kind_at = kinds[0] if kinds else None
    in_row = next((i for i in kinds if blocks[i].is_row), None)
    if in_row is not None and not blocks[kind_at].is_row and not is_capitals(texts[kind_at].split("\n")[0]):
        kind_at = in_row  # a site's heading citing the act («Постановление № 312 от …») over its letterhead
    if kind_at is None:
        return _stamps_over_a_title(blocks)
    start = 0
    if not all(_letterhead_row(b) for b in blocks[:kind_at] if b.is_row):
        # a site's contacts as rows far above: only the rows right above the kind (the letterhead) count
        start = kind_at
        while start and blocks[start - 1].is_row:
            start -= 1
        if not all(_letterhead_row(b) for b in blocks[start:kind_at]):
            return blocks
    end = _layout_rows_end(blocks, kind_at)
    flat = [Block("\n".join(c for c in b.cells if c), (), b.pos) if b.is_row else b for b in blocks[start:end]]
    return blocks[:start] + rebuild(flat) + blocks[end:]


def _layout_rows_end(blocks: list[Block], kind_at: int) -> int:
    """Where the head's layout tables end: after the kind line, rows of at most two filled cells up to
    the «ПРИКАЗЫВАЮ:» a few paragraphs on (the place beside the date, the title in a cell of its own)
    are layout too, and so is the row of the act's date, place and number («от 29.08.2022 | г. Якутск |
    № 01-03/1412»); an act's activity table never stands between its kind and its clauses."""
    trigger = find_trigger(blocks[kind_at + 1 : kind_at + 8])
    if trigger is None:
        # a protocol's «г. Дубна | | | 17.05.2024» under its title (449): the place and date laid out in cells
        at = next((i for i in range(kind_at + 1, min(kind_at + 4, len(blocks))) if blocks[i].is_row), None)
        dated = at is not None and _place_and_date(blocks[at])
        return at + 1 if dated else kind_at + 1
    between = blocks[kind_at + 1 : kind_at + 1 + trigger]
    rows = [b for b in between if b.is_row]
    if not rows or any(is_header(b.cells) or (sum(bool(c) for c in b.cells) > 2 and not _dated_row(b)) for b in rows):
        return kind_at + 1
    return kind_at + 1 + trigger


def _place_and_date(block: Block) -> bool:
    """A short row of two cells, one of them a date alone: where and when a meeting was held."""
    filled = [c for c in block.cells if c]
    return len(filled) == 2 and len(block.text) < 100 and any(parse_date(c) and len(c) <= 20 for c in filled)


def _dated_row(block: Block) -> bool:
    """A short row stating a date and a number: the act's own line laid out in cells."""
    date, number = header.date_and_number([" ".join(block.cells)])
    return bool(date and number) and len(block.text) < 100 and sum(bool(c) for c in block.cells) <= 3


def _stamps_over_a_title(blocks: list[Block]) -> list[Block]:
    """Stamps side by side opening a borderless page give it their columns, and the title lines under
    them come out as rows of one cell each («СОГЛАСОВАНО … | | УТВЕРЖДЕНА приказом … | СОГЛАСОВАНО …»,
    then «Программа развития»): while no row has two cells, they are paragraphs — the stamps a
    paragraph each, the title's lines one paragraph. The letterhead's paragraphs may stand above them."""
    at = next((i for i, b in enumerate(blocks[:8]) if b.is_row), None)
    if at is None or is_header(blocks[at].cells):  # «Утверждено, тыс. руб.» heads a report's column
        return blocks
    if not any(header.is_stamp(c) and ("\n" in c or len(c) > 40) for c in blocks[at].cells if c):
        return blocks  # a stamp names its act or its signer: «УТВЕРЖДАЮ / Директор … / Приказ от …»
    end = at + 1
    while end < len(blocks) and end < at + 12 and blocks[end].is_row and sum(bool(c) for c in blocks[end].cells) <= 1:
        end += 1
    stamps = [Block(c, (), blocks[at].pos) for c in blocks[at].cells if c]
    lines = [next(c for c in b.cells if c) for b in blocks[at + 1 : end] if any(b.cells)]
    title = [Block("\n".join(lines), (), blocks[at + 1].pos)] if lines else []
    return blocks[:at] + rebuild([*stamps, *title]) + blocks[end:]


# A phone number or an e-mail address: a site's contacts, not a table's cell.
_CONTACT = re.compile(r"(?:(?:\+7|8)\s?\(\d{3,5}\)\s?)?\d{1,3}-\d{2}-\d{2}|[\w.-]+@[\w-]+\.[\w.]+")


def _contact_rows(blocks: list[Block]) -> list[Block]:
    """A site's contacts laid out with tabs («Горячая линия / ЕГЭ <tab> 8(4112) 42-10-46») are
    paragraphs: rows whose filled cells are phone numbers, e-mails and a short label beside them, so
    the act's head below them is not taken for a table's body."""
    out = []
    for b in blocks:
        filled = [c for c in b.cells if c] if b.is_row else []
        contacts = [c for c in filled if _CONTACT.fullmatch(c.strip())]
        labels = [c for c in filled if c not in contacts and len(c.split()) <= 2 and len(c) <= 20]
        if contacts and len(contacts) + len(labels) == len(filled):
            out.append(Block(" ".join(filled), (), b.pos))
        else:
            out.append(b)
    return out


def _lone_rows(blocks: list[Block]) -> list[Block]:
    """A table of one short row is a layout device — the date beside the number, the position beside
    the name of a signature — not an activity table: it is read as a paragraph."""
    out = list(blocks)
    for i, b in enumerate(blocks):
        if not b.is_row or is_header(b.cells):
            continue
        near = [x for x in blocks[max(0, i - 1) : i + 2] if x is not b and x.is_row]
        # a row of its table's width a few paragraphs away: a protocol's text between its decisions
        kin = [x for x in blocks[max(0, i - _NEAR) : i + 1 + _NEAR] if x is not b and x.is_row]
        filled = [c for c in b.cells if c]
        signature = len(filled) == 2 and any(header.canonical_name(c) and len(c) < 60 for c in filled)
        if any(len(x.cells) == len(b.cells) for x in kin) or (near and not signature):
            continue  # a row of a table (a heading row, a row cut by a page break)
        if len(filled) <= 3 and sum(len(c) for c in filled) < 160:
            out[i] = Block(" ".join(filled), (), b.pos)
    return out


def _states_kind(block: Block, texts: list[str], i: int) -> bool:
    """A paragraph opening with the kind, or a row with the kind in capitals in a cell («ПРИКАЗ
    БОЕРЫК»); «Отчёт» heading a table's column is not one."""
    if not block.is_row:
        return bool(header.states_kind(texts, i))
    return not is_header(block.cells) and any(header.kind_of(c) and is_capitals(c) for c in block.cells if c)


def _letterhead_row(block: Block) -> bool:
    """A row of a letterhead or of stamps: capitals (the body's name) or a stamp in a cell; or a
    row of a legal site's card above the act («Дата опубликования: | 25 декабря 2013г. | …»); or a
    letter's sender block in its first cell, with its date or number («от 16.01.2023 № 45»)."""
    filled = [c for c in block.cells if c]
    card = sum(c.endswith(":") for c in filled) * 2 >= len(filled)
    sender = bool(filled) and bool(_SENDER.match(filled[0])) and bool(re.search(r"\bот\s+\d|№\s*\d", filled[0]))
    return card or sender or (not is_header(block.cells) and any(_letterhead_cell(c) for c in filled))


def _letterhead_cell(text: str) -> bool:
    """A body's name in capitals, a stamp, or a block opening in capitals («ДОКУМЕНТ ПОДПИСАН
    ЭЛЕКТРОННОЙ ПОДПИСЬЮ Сертификат: …»), or the same in lower case («Подписано цифровой подписью:
    Директор …», a PDF's signature block beside the stamps, heads 277)."""
    return (
        is_capitals(text)
        or header.is_stamp(text)
        or bool(re.match(r"[А-ЯЁ]{3,}(?:\s+[А-ЯЁ]{3,}){1,}\b", text))
        or bool(_SIGNED_DIGITALLY.match(text))
    )


_SIGNED_DIGITALLY = re.compile(r"\s*(?:подписано|документ\s+подписан)\s+(?:цифровой|электронной)\s+подпись", re.I)


# A letter's sender or addressee block: «Отдел образования / администрации … / от 16.01.2023 № 45».
_SENDER = re.compile(r"(?:Министерство|Департамент|Управление|Отдел|Комитет|Администрация)\s+[а-яё]")


def _read_head(doc: Document, head: list[Block]) -> list[Item]:
    texts = [b.text for b in head]
    stamp, stamp_at = header.stamps_of(texts)
    if stamp:
        doc.approved_by = stamp.act
    doc.kind, kind_at = header.find_kind(texts, skip=stamp_at)
    if kind_at is not None and any(len(t) > _META_MAX for t in texts[:kind_at]):
        kind_at = None  # a «kind» after long text is a word in the content, not the letterhead
        doc.kind = None
    title_at = next((i for i, t in enumerate(texts) if header.TITLE.match(t) and len(t) < _META_MAX), None)
    if title_at is not None and kind_at is not None and title_at < kind_at:
        title_at = next((i for i in range(kind_at, len(texts)) if header.TITLE.match(texts[i])), None)
    letterhead = [t for i, t in enumerate(texts[: kind_at if kind_at is not None else 0]) if i not in stamp_at]
    doc.issuer = header.issuer_on_card(letterhead) or header.issuer_of(letterhead) or (stamp.issuer if stamp else None)
    if not doc.issuer and kind_at is not None:
        doc.issuer = header.issuer_in_heading(" ".join(texts[kind_at].split("\n")[:2]))
        doc.issuer = doc.issuer or header.issuer_after_kind(texts, kind_at)
    stamp_end = title_at if title_at is not None else (kind_at + 1 if kind_at is not None else 0)
    # (prose above the kind word, a web page's news citing other letters, is content, not the act's own)
    own = [
        t
        for i, t in enumerate(texts[:stamp_end])
        if i not in stamp_at and (len(t) <= _LETTERHEAD_MAX or kind_at is None or i >= kind_at)
    ]
    doc.date, doc.number = header.date_and_number(own)
    if kind_at is not None:
        # The act's own line under its kind word wins over prose above it that cites another act
        # («… утверждено приказом Минпросвещения … от 11.11.2024 № 789/2091», a school's news, 419).
        under = [t for i, t in enumerate(texts[kind_at:stamp_end], kind_at) if i not in stamp_at]
        below = header.date_and_number(under)
        if all(below):
            doc.date, doc.number = below
    if kind_at is not None and doc.kind in header.ACT_KINDS:
        # «Постановление № 574а от 25.12.2013 г.»: the kind line's own date and number win over
        # those of a note above it («Признано утратившим силу … № 413а»).
        date, number = header.date_and_number([texts[kind_at].split("\n")[0]])
        if date and number:
            doc.date, doc.number = date, number
    if kind_at is None and not (doc.date or doc.number) and texts and _CITES_ITSELF.match(texts[0]):
        # «№ 99 от 31.03.2022 г. "О создании Центра …"»: a page copying an act without its kind opens
        # with the act's own number and date (heads 251)
        doc.date, doc.number = header.date_and_number([texts[0].split("\n")[0]])
    protocol_end = None
    if doc.kind == "протокол" and kind_at is not None:  # its own number, which letterheads ignore
        date, number, used = header.protocol_date_and_number(texts[kind_at : kind_at + 4])
        doc.date, doc.number = doc.date or date, number or doc.number
        protocol_end = kind_at + used
    # A plan, programme or report is dated and numbered by the act that approves it.
    approved = stamp and stamp.act and (stamp.act.date or stamp.act.number)
    if approved and (doc.kind not in header.ACT_KINDS or not (doc.date or doc.number)):
        doc.date, doc.number = stamp.act.date, stamp.act.number
    doc.title = header.title_of(texts, doc.kind, kind_at)
    doc.kind = doc.kind or header.measures_kind(texts)

    meta = set(stamp_at) | set(range(stamp_end))
    title_end = header.title_end(texts, title_at) if title_at is not None else None
    if title_at is not None:
        meta.update(range(title_at, title_end))
    trigger = find_trigger(head)
    items: list[Item] = []
    rest_at = title_end if title_end is not None else (kind_at + 1 if kind_at is not None else 0)
    dated, _, rest = texts[rest_at].partition("\n") if rest_at < len(texts) and kind_at is not None else ("", "", "")
    if not doc.date and len(dated) <= _DATED_LINE_MAX and header.date_and_number([dated])[0]:
        # «АНАЛИТИЧЕСКАЯ СПРАВКА / по результатам … / 09.10.2023 с. Анучино»: a note's date under its title
        # (430), maybe the first line of the paragraph after it
        doc.date, number = header.date_and_number([dated])
        doc.number = doc.number or number
        if rest.strip():
            doc.header.append(dated)
            texts[rest_at] = rest
            head[rest_at] = replace(head[rest_at], text=rest)
        else:
            meta.add(rest_at)
            rest_at += 1
    if kind_at is not None and doc.kind not in header.ACT_KINDS and texts[kind_at + 1 : kind_at + 2]:
        if texts[kind_at + 1][:1].islower():  # «ПЛАН» / «мероприятий по …»: the title's second line
            meta.add(kind_at + 1)
            rest_at = max(rest_at, kind_at + 2)
    if trigger is None and doc.kind in header.ACT_KINDS:
        # Many acts go straight from the title or preamble to «1. Утвердить …», with no «приказываю:».
        first = next((i for i in range(rest_at, len(texts)) if _FIRST_CLAUSE.match(texts[i])), None)
        trigger = first - 1 if first else None
    if trigger is not None:
        preamble = texts[rest_at:trigger]
        doc.preamble = " ".join(" ".join(preamble).split()) or None
        meta.update(range(rest_at, trigger + 1))
        items, used, labels = read_clauses(head[trigger + 1 :], ordinal=1)
        doc.skipped += labels
        rest_at = trigger + 1 + used
        after = texts[rest_at:]
        doc.signatory = header.signatory_of(after)
        annex_at = rest_at
        if doc.signatory:
            # The annex heading follows the signature: skip up to the name line, then «Приложение…».
            name_at = next(i for i, t in enumerate(after) if header.canonical_name(t) and len(t) < 80)
            meta.update(range(rest_at, rest_at + name_at + 1))
            annex_at = rest_at + name_at + 1
            if doc.kind in header.ACT_KINDS and not (doc.date and doc.number):
                # Laws and decrees print their place, date and number under the signature.
                dated = _dated_lines(texts, annex_at)
                date, number = header.date_and_number(texts[annex_at:dated])
                doc.date, doc.number = doc.date or date, doc.number or number
                meta.update(range(annex_at, dated))
                annex_at = dated
        annex_end = _annex_heading_end(texts, annex_at)
        annex = [t for t in texts[annex_at:annex_end] if not _ANNEX_MARK.match(t) and not header.is_stamp(t)]
        doc.annex_title = " ".join(" ".join(annex).split()) or None
        meta.update(range(annex_at, annex_end))
    elif kind_at is not None:
        # A roadmap or report without clauses: paragraphs after its title are content (a protocol's
        # lines of date and number are its metadata).
        meta.update(range(protocol_end or kind_at + 1))
    doc.period = header.period_of(doc.title, doc.annex_title, texts[kind_at] if kind_at is not None else None)
    doc.municipality = header.municipality_of("\n".join(letterhead), "\n".join(own), doc.title, doc.annex_title)
    if stamp and not doc.municipality:
        doc.municipality = header.municipality_of(stamp.issuer)
    if not doc.municipality:
        doc.municipality = header.city_of(doc.issuer, stamp.issuer if stamp else None)
    used_by_clauses = set(range(trigger + 1, rest_at)) if trigger is not None else set()
    # Metadata lines are short: prose before the kind word (a web page's news text) is content.
    meta = {i for i in meta if len(texts[i]) <= (_LETTERHEAD_MAX if i < (kind_at or 0) else _META_MAX) or i == title_at}
    doc.header += [texts[i] for i in sorted(meta)]
    rest = [b for i, b in enumerate(head) if i not in meta and i not in used_by_clauses]
    items += [_paragraph(b, len(items) + n) for n, b in enumerate(_substantial(rest), start=1)]
    return items


def _dated_lines(texts: list[str], start: int) -> int:
    """Where the short lines under a signature that give the act's date or number end («г. Курск /
    10 декабря 2020 г. / № 100-ЗКО»); `start` when there are none."""
    end = start
    for i in range(start, min(start + 4, len(texts))):
        if len(texts[i]) > 60 or texts[i].startswith("Приложение") or header.is_stamp(texts[i]):
            break
        if any(header.date_and_number([texts[i]])):
            end = i + 1
    return end


def _annex_heading_end(texts: list[str], start: int) -> int:
    """Where the annex heading after an order's signature ends: its marks and stamps («Приложение
    к приказу …», «УТВЕРЖДЕН …»), then heading lines, up to the first sentence or numbered line."""
    end = start
    while end < len(texts):
        t = texts[end]
        if _ANNEX_MARK.match(t) or header.is_stamp(t):
            end += 1
            continue
        heading = len(t) < 400 and not t.rstrip().endswith(".") and not clause_like(t)
        if not heading or (end > start and not (header.kind_of(texts[start]) or _ANNEX_MARK.match(texts[start]))):
            break
        end += 1
    return end


def _read_body(doc: Document, body: list[Block], ordinal: int, open_clauses: bool) -> list[Item]:
    items: list[Item] = []
    table: Table | None = None
    tables: list[Table] = []
    i = 0
    while i < len(body):
        block = body[i]
        if not block.is_row:
            if table:
                table.broken = True
                table.after_text = table.after_text or _substantial([block])
            if open_clauses and clause_like(block.text):  # «дополнить пунктом 18: |…|», then «2. …»
                items += _clauses(doc, block, ordinal + len(items))
            elif _substantial([block]):
                items.append(_paragraph(block, ordinal + len(items), table))
            i += 1
            continue
        if table and table.same_header(block.cells):
            table.add_row(block, ordinal + len(items))  # recorded as a repeated header
            i += 1
            continue
        header_rows = _header_rows(body, i)
        if header_rows:
            combined = _fitted(combine_header([body[j].cells for j in header_rows]), body, header_rows[-1] + 1)
            spread = _spread_header(body, header_rows[-1] + 1, combined)
            if spread:
                combined = spread
                header_rows.append(header_rows[-1] + 1)
            sample = _sample(body, header_rows[-1] + 1, len(combined))
            roles = columns.assign(combined, sample, report=doc.kind == "отчёт")
            table = Table(combined, roles, tuple(body[j].cells for j in header_rows))
            tables.append(table)
            doc.skipped.extend(Skipped(body[j].text, "шапка таблицы", body[j].pos) for j in header_rows if body[j].text)
            i = header_rows[-1] + 1
            continue
        width = len(block.cells)
        if table and table.after_text and width != len(table.header) and _starts_table(table, body, i):
            table = None
        spanned = table is None and width == 1
        if spanned:
            # a table opening with a section row across it («Задача N 3 подпрограммы …», 514): its columns
            # are those of the rows under it
            width = max((len(b.cells) for b in body[i + 1 : i + 4] if b.is_row), default=1)
        if table is None:
            sample = _sample(body, i + 1 if spanned else i, width)
            if actor_header(block.cells) and not is_key_value(sample):
                table = Table(block.cells, None)
                doc.skipped.append(Skipped(block.text, "шапка таблицы", block.pos))
                tables.append(table)
                i += 1
                continue
            if is_key_value(sample):
                pairs = 0
                while i < len(body) and pairs < len(sample):  # paragraphs between its rows stay paragraphs
                    row = body[i]
                    items.append(
                        _pair(row, ordinal + len(items)) if row.is_row else _paragraph(row, ordinal + len(items))
                    )
                    pairs += row.is_row
                    i += 1
                table = None
                continue
            table = Table(("",) * width, columns.assign(("",) * width, sample, report=doc.kind == "отчёт"))
            tables.append(table)
        if is_column_numbers(block.cells) and not table.items:
            doc.skipped.append(Skipped(block.text, "номера столбцов", block.pos))
            i += 1
            continue
        items += table.add_row(block, ordinal + len(items))
        i += 1
    for t in tables:
        doc.skipped.extend(t.skipped)
    return items


def _fitted(header: tuple[str, ...], body: list[Block], at: int) -> tuple[str, ...]:
    """A borderless header found with a wider page's columns has empty cells between its names; when
    its names alone are as many as the cells of the rows below, those are its columns."""
    below = next((b for b in body[at : at + 3] if b.is_row and sum(bool(c) for c in b.cells) > 1), None)
    names = tuple(c for c in header if c)
    if below and len(header) != len(below.cells) and len(names) == len(below.cells):
        return names
    return header


def _starts_table(table: Table, body: list[Block], at: int) -> bool:
    """Rows of another width after text open a table of their own when they are pairs (a committee's
    list after the plan), or when they open with a number where the table has none (a plan after a
    results table)."""
    cells = body[at].cells
    if is_key_value(_sample(body, at, len(cells))):
        return True
    number_at = table.fields.index("number") if table.has_number else None
    return bool(ITEM_NUMBER.match(cells[0])) and number_at != 0


def _header_rows(body: list[Block], at: int) -> list[int]:
    """Indices of the header rows starting at `at` (one or more), or [] if no header starts there."""
    if not is_header(body[at].cells):
        return []
    rows = [at]
    while len(rows) < 3 and at + len(rows) < len(body):
        nxt = body[at + len(rows)]
        if not nxt.is_row or not is_subheader(nxt.cells, body[rows[-1]].cells):
            break
        rows.append(at + len(rows))
    return rows


def _spread_header(body: list[Block], at: int, header: tuple[str, ...]) -> tuple[str, ...] | None:
    """The header with its money cell split by the short row under it, when the rows below are
    as much wider as that row has cells."""
    if at + 1 >= len(body) or not body[at].is_row:
        return None
    data = next((b for b in body[at + 1 : at + 4] if b.is_row and len(b.cells) > len(header)), None)
    return spread_header(header, body[at].cells, len(data.cells)) if data else None


def _sample(body: list[Block], start: int, width: int) -> list[tuple[str, ...]]:
    """The rows of one table's width that follow `start` (up to _SAMPLE), for its columns' content."""
    out = []
    for block in body[start:]:
        if not block.is_row:
            continue
        if len(block.cells) != width or is_header(block.cells) or len(out) >= _SAMPLE:
            break
        if not is_column_numbers(block.cells):
            out.append(block.cells)
    return out


def _read_tail(doc: Document, tail: list[Block], ordinal: int, open_clauses: bool) -> list[Item]:
    if doc.signatory is None and tail:
        tail = [*tail[:-1], *_unglued_signature(tail[-1])]
    last = tail[-1].text.strip() if tail else ""
    if _DATE_ALONE.fullmatch(last) and (doc.date is None or (doc.kind not in header.ACT_KINDS and not doc.number)):
        # A report dated on its last line, under its signature: its own date, not a meeting's in a
        # note over its head («К заседанию коллегии … 27.06.2017», 431); an act's own line stands.
        doc.date = parse_date(last) or doc.date
        doc.header.append(last)
        tail = tail[:-1]
    texts = [b.text for b in tail]
    name_at = None
    if doc.signatory is None:
        for i, t in enumerate(texts):
            if header.canonical_name(t) and len(t) < 80:
                # The position is the short line just above the name, when there is one.
                name_at = i - 1 if i and len(texts[i - 1]) < 100 and not clause_like(texts[i - 1]) else i
                end = i + 1
                if end < len(texts) and _DATE_ALONE.fullmatch(texts[end].strip()):
                    # a report dated under its signature: the signature's line, whether or not its head was dated
                    doc.date = doc.date or parse_date(texts[end])
                    end += 1
                doc.signatory = header.signatory_of(texts[name_at : i + 1])
                doc.header += texts[name_at:end]
                signature = range(name_at, end)
                break
    items: list[Item] = []
    for i, b in enumerate(tail):
        if name_at is not None and i in signature:
            continue
        if open_clauses and (name_at is None or i < name_at) and clause_like(b.text):
            items += _clauses(doc, b, ordinal + len(items))
        elif _substantial([b]):
            items.append(_paragraph(b, ordinal + len(items)))
    return items


def _unglued_signature(block: Block) -> list[Block]:
    """A run-on copy's last line ends with the signature: «… со дня его официального опубликования.
    Губернатор области А.А. Винников» is the last clause and, apart, the signature."""
    m = _GLUED_SIGNATURE.search(block.text)
    if not m or block.cells:
        return [block]
    return [replace(block, text=block.text[: m.start(1)].rstrip()), replace(block, text=m.group(1))]


_GLUED_SIGNATURE = re.compile(
    r"[.;]\s+((?:Губернатор|Глава|Мэр|Министр|Председатель|Начальник|Директор|Руководитель|Заместитель|И\.\s?о\.)"
    r"[^.\n]{0,80}?\s[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s*$"
)
_DATE_ALONE = re.compile(rf"(?:от\s+)?{DATE_PATTERN}\s*(?:г\.?|года)?", re.IGNORECASE)


def _clauses(doc: Document, block: Block, ordinal: int) -> list[Item]:
    """The clauses one paragraph carries on with; the field labels they drop go to the skipped list."""
    clauses, _, labels = read_clauses([block], ordinal)
    doc.skipped += labels
    return clauses


def _substantial(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if _SUBSTANCE.search(b.text)]


def _paragraph(block: Block, ordinal: int, table: Table | None = None) -> Item:
    section = [h for _, h in table.section] if table else []
    return Item(kind="paragraph", ordinal=ordinal, activity=block.text, section=section, pos=block.pos)


def _pair(block: Block, ordinal: int) -> Item:
    """A key–value row («Цель программы | …») as one paragraph «key: value»."""
    key, value = block.cells
    text = f"{key}: {value}" if key and value else key or value
    return Item(kind="paragraph", ordinal=ordinal, activity=text, pos=block.pos)
