"""Page-break artefacts and markup that must never reach the index."""

from __future__ import annotations

import html
import re
from collections import Counter

from pipeline.patterns import NUMBER_HEADER
from pipeline.records import Block, Skipped
from pipeline.segment.tables import is_header
from pipeline.text import counted, is_footer

# A line of a table of contents: dot leaders and a page number, or Word's broken-link text.
_CONTENTS = re.compile(r"(?:\.{5,}|…{3,})\s*\d{1,3}\s*$|Error! Bookmark not defined\.|Ошибка! Закладка не определена\.")
# A legal database's editorial notes between the act's own lines: its banner, «Информация об
# изменениях:», «Постановлением … от … N 553 пункт 2 изложен в новой редакции», «См. текст пункта
# в предыдущей редакции», «Раздел 1 изменен с 19 ноября 2019 г. - Постановление … N 1261», the act's
# status («Утратило силу – в редакции постановления … № 180»).
# They are the database's, not the act's: they would cut a clause list or lend the act a number.
_EDITORIAL = re.compile(
    r"^(?:Информация об изменениях:?"
    r"|(?:Документ\s+)?(?:Утратил[аои]? силу|УТРАТИЛ[АОИ]? СИЛУ)\b.{0,300}"
    r"|См\. текст .{1,100} в предыдущей редакции\.?"
    r"|См\. предыдущую редакцию\.?"
    r"|[А-ЯЁ][\w .]{0,40}? (?:изменен|дополнен)[аоы]? с \d{1,2} [а-я]+ \d{4} г\. [-–—] .{10,300}"  # «Пункт 2.2.3 …»
    r"|[А-ЯЁ][\w ]{0,40}? (?:изменен|дополнен)[аоы]?\.? [-–—] (?:Постановление|Распоряжение|Приказ|Решение|Закон|Указ)"
    r" .{10,300}"  # «Наименование изменено. - Постановление … от 29 октября 2018 г. N 873»
    r"|(?:Постановлением|Распоряжением|Приказом|Решением|Законом|Указом) .{10,300}?"
    r"(?:изложен[аоы]? в новой редакции|внесены изменения|признан[аоы]? утратившим[аи]? силу)\b.{0,200}"
    # Kodeks' notes in brackets: «(Подпункт в редакции, введенной в действие постановлением … N 998)»
    # and cntd's: «(позиция в ред. постановления Администрации г. Курска от 28.08.2023 N 480)»
    r"|\((?:[Пп]ункт|[Пп]одпункт|[Аа]бзац|[Рр]аздел|[Пп]риложение|[Тт]аблица|[Сс]трока|[Пп]реамбула|[Нн]аименование"
    r"|[Пп]озиция|[Пп]п?\.)[^()\n]{0,40}?(?:в редакции|в ред\.|дополнительно включен|введен[аоы]?|исключен|утратил)"
    r"[^\n]{10,300}\)\.?"
    r"|ГАРАНТ:.{0,300}"  # the database's own comment, its text here or on the next line («См. перечень …»)
    r"|Откройте актуальную версию документа.{0,60}"
    r"|Если вы являетесь пользователем интернет-версии системы ГАРАНТ.{0,300})$"
)
EDITORIAL_NOTE = "примечание правовой базы"
# A note that only follows another one: the act itself may say «Изменения распространяются на …»; a
# cross-reference «См. перечень …» is the text of a «ГАРАНТ:» comment.
_EDITORIAL_AFTER = re.compile(r"^(?:Изменения распространяются на|См\.) .{1,300}$")
# Formatting tags that converters leave inside cells; anything else is kept as text.
_BREAK_TAGS = re.compile(r"<\s*/?\s*(?:p|ul|ol|div|br)\b[^<>]*>", re.IGNORECASE)
_ITEM_TAG = re.compile(r"<\s*li\b[^<>]*>", re.IGNORECASE)
_INLINE_TAGS = re.compile(r"<\s*/?\s*(?:li|span|b|i|u|strong|em|sup|sub|font)\b[^<>]*>", re.IGNORECASE)
_MARKDOWN = re.compile(r"^\s*#{1,6}\s*|\*\*|__")


def plain(text: str) -> str:
    """Cell or paragraph text without markup: HTML lists become lines, markdown marks go."""
    if "<" in text:
        text = _ITEM_TAG.sub("\n", text)
        text = _BREAK_TAGS.sub("\n", text)
        text = _INLINE_TAGS.sub("", text)
        text = html.unescape(text)
    text = "\n".join(_MARKDOWN.sub("", line) for line in text.split("\n"))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _furniture(blocks: list[Block]) -> set[tuple[int, int]]:
    """(block, line) of page furniture a copy kept in the text: a page number and the short lines
    beside it that recur at page after page («watermark» / «НПА ДНР» / «4» of a registry's copy),
    however the table it cuts through goes on."""
    lines = [
        (n, k, line.strip()) for n, b in enumerate(blocks) if not b.is_row for k, line in enumerate(b.text.split("\n"))
    ]
    seen = Counter(text for _, _, text in lines)
    recurring = {  # not a table's marks («|» alone after each cell of a legal database's copy)
        t for t, c in seen.items() if c >= 3 and 0 < len(t) <= 40 and not t.rstrip(".").isdigit() and t.strip("| ")
    }
    found: set[tuple[int, int]] = set()
    for i, (_, _, text) in enumerate(lines):
        if not re.fullmatch(r"\d{1,3}", text):
            continue
        group = [i]
        j = i - 1
        while j >= 0 and lines[j][2] in recurring and i - j <= 3:
            group.append(j)
            j -= 1
        if len(group) > 1:
            found |= {(lines[g][0], lines[g][1]) for g in group}
    return found


def _row_numbers(blocks: list[Block], widest: int = 8) -> set[int]:
    """Bare numbers of a page-less copy that number a list's rows: «N п/п» / … / «1» / «Курский район»
    / «МКОУ …» / «2» / … : 1, 2, 3 … at one even step (the row's cells) under a header that reads as
    one (see `tables.is_header`). Page numbers come at uneven steps and under no such header; a
    column-number row «1» «2» «3» has no cells between."""
    at = {
        n: int(b.text.strip())
        for n, b in enumerate(blocks)
        if not b.is_row and b.pos.page is None and re.fullmatch(r"\d{1,3}", b.text.strip())
    }
    found: set[int] = set()
    for first, number in at.items():
        if number != 1:
            continue
        chain = [first]
        step = next((n - first for n in sorted(at) if n > first), 0)
        while 2 <= step <= widest and at.get(chain[-1] + step) == len(chain) + 1:
            chain.append(chain[-1] + step)
        header = tuple(b.text.strip() for b in blocks[max(0, first - step) : first])
        if len(chain) >= 3 and NUMBER_HEADER.fullmatch(header[0]) and is_header(header):
            found |= set(chain)
    return found


def _column_numbers(blocks: list[Block]) -> set[int]:
    """Bare numbers «1» «2» «3» … in consecutive paragraphs of a page-less copy: a header's row of column
    numbers, a cell per paragraph (440), not page numbers."""
    bare = [b.text if not b.is_row and b.pos.page is None else "" for b in blocks]
    found: set[int] = set()
    for first in range(len(bare)):
        run = 0 if first in found else counted(bare, first)
        if run >= 3:
            found |= set(range(first, first + run))
    return found


def clean(blocks: list[Block]) -> tuple[list[Block], list[Skipped]]:
    """Drop footers and page numbers (returned as skipped); strip markup from paragraphs and cells."""
    out = []
    skipped = []
    furniture = _furniture(blocks)
    numbered = _row_numbers(blocks) | _column_numbers(blocks)
    noted = False  # the last line read was a note: a blank line may stand between it and its follower
    for n, b in enumerate(blocks):
        if b.is_row:
            noted = False
            cells = tuple(plain(c) for c in b.cells)
            if any(cells):
                out.append(Block("\t".join(cells), cells, b.pos))
            continue
        # A bare number inside a run of lines is a table's row or column number, not a page number;
        # so is «5.» alone where there are no pages (a site's table copied a cell per line): a page
        # number copied into a text file has no point.
        raw = b.text.split("\n")
        row_number = b.pos.page is None and (re.fullmatch(r"\d{1,3}\.", b.text.strip()) or n in numbered)
        footer = [
            is_footer(line) and (len(raw) == 1 or not line.strip().rstrip(".").isdigit()) and not row_number
            for line in raw
        ]
        reasons = [
            "колонтитул"
            if f or (n, k) in furniture
            else "оглавление"
            if _CONTENTS.search(line)
            else EDITORIAL_NOTE
            if _EDITORIAL.match(line.strip())
            else None
            for k, (line, f) in enumerate(zip(raw, footer, strict=True))
        ]
        for k in range(len(raw)):  # a bracketed note wrapped over lines: «(Пункт в редакции … / от … N 70)»
            if reasons[k] is None and raw[k].lstrip().startswith("(") and ")" not in raw[k]:
                end = next((j for j in range(k + 1, min(k + 3, len(raw))) if ")" in raw[j]), None)
                joined = end is not None and " ".join(" ".join(raw[k : end + 1]).split())
                if joined and _EDITORIAL.match(joined) and all(r is None for r in reasons[k : end + 1]):
                    reasons[k : end + 1] = [EDITORIAL_NOTE] * (end + 1 - k)
        for k in range(len(raw)):  # «… изменен с … - Постановление …» / «Изменения распространяются на …»
            after_note = reasons[k - 1] == EDITORIAL_NOTE if k else noted
            if reasons[k] is None and after_note and _EDITORIAL_AFTER.match(raw[k].strip()):
                reasons[k] = EDITORIAL_NOTE
        noted = reasons[-1] == EDITORIAL_NOTE
        lines = [line for line, r in zip(raw, reasons, strict=True) if r is None]
        skipped += [Skipped(line, r, b.pos) for line, r in zip(raw, reasons, strict=True) if r and line.strip()]
        text = plain("\n".join(lines))
        if text:
            out.append(Block(text, (), b.pos, b.bold))
    return out, skipped
