"""Paragraphs rebuilt from line structure, whatever the source did with line breaks.

Text copied from web pages and legal databases arrives with single line breaks (one line per
paragraph, or lines wrapped anywhere), hyphenated words split at line ends, and words glued
where a line break was lost («РАСПОРЯЖЕНИЕот 12.05.2020», «г.N 345»). Segmentation needs
paragraphs that each hold one thing: a letterhead line, a stamp, the kind, the title, the
preamble, the trigger «приказываю:», one clause. A line therefore opens a new paragraph when
it starts something (a clause number, a kind word, a stamp, a preamble opener, «Приложение»),
when it follows a finished sentence, or when it changes from capitals to normal case; any
other line carries on the paragraph above.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.patterns import INITIALS, TRIGGER_WORDS
from pipeline.records import Block
from pipeline.segment.header import NAME, collapse_spaced, kind_of
from pipeline.text import is_capitals

# Glued joins: a capitals word running into lower case («РАСПОРЯЖЕНИЕот»), a word into «№»/«N»,
# lower case running into a capitalised word («образованияПриказываю»), «приказываю:1.».
_GLUED = (
    (re.compile(r"(?<![А-ЯЁA-Z])([А-ЯЁ]{4,})(?=(?:от|о|об|на|по|в)\s)"), r"\1 "),
    (re.compile(r"([А-ЯЁа-яё.,])(?=(?:№|N)\s?\d)"), r"\1 "),
    (re.compile(r"([а-яё]{2})(?=[А-ЯЁ][а-яё]{2})"), r"\1 "),
    (re.compile(r"([а-яё]{3})(?=[А-ЯЁ]{3,}\b)"), r"\1 "),
    (re.compile(r"(\d)(?=[А-ЯЁ][а-яё]{3,})"), r"\1 "),  # «№ 263-ПП/9Приложение к …»
    (re.compile(r"(\d(?:-?[а-яё]{1,2})?)(?=[А-ЯЁ]{4,})"), r"\1 "),  # «№ 69-пПРАВИТЕЛЬСТВО», «№ 16КАБИНЕТ»
    (re.compile(r"(:)(?=\d{1,2}\.\s?[А-ЯЁ])"), r"\1 "),
    (re.compile(r"(?m)^(\d{1,2}\.)(?=[А-ЯЁ][а-яё]{3,})"), r"\1 "),  # «1.Утвердить …» opening a line
)
_CLAUSE_START = re.compile(r"^\s*(?:[-–—•]\s*)?(?:\d{1,2}(?:\.\d{1,2})*[.)]|[а-я]\))\s*\S")
_OPENERS = re.compile(
    r"^(?:В\s+соответствии|В\s+целях|В\s+рамках|На\s+основании|Во\s+исполнение|С\s+целью|Руководствуясь|Приложение"
    r"|УТВЕРЖД|СОГЛАСОВАН|ПРИНЯТ|РАССМОТРЕН|Утвержд[её]н|Утверждаю|Согласован|Принят[аоы]?\b|Об?\s+[а-яё]|Контроль\s+за)"
)
_TRIGGER = re.compile(rf"\b{TRIGGER_WORDS}\s*:", re.IGNORECASE)
# Clauses run together in one line: «… (приложение 1). 2. Назначить …», «…: 3.1. обеспечить …».
_INLINE_CLAUSE = re.compile(r"(?<=[.;:])\s+(?=\d{1,2}\.\s+[А-ЯЁ]|\d{1,2}(?:\.\d{1,2})+\.?\s+[А-ЯЁа-яё])")
# A web page's heading run together: «… ШКОЛЬНИКОВ ПРИКАЗ ДЕПАРТАМЕНТ … N 1083 На основании …».
_RUN_ON = re.compile(
    r"(?<=[А-ЯЁ]{3}) (?=(?:ПРИКАЗ|ПОСТАНОВЛЕНИЕ|РАСПОРЯЖЕНИЕ|РЕШЕНИЕ) )"
    # «… № 97 ПОЛОЖЕНИЕ о …», «№ 97о ПОЛОЖЕНИЕ»
    r"|(?<=\d) (?=(?:ПОЛОЖЕНИЕ|ПРИКАЗ|ПОСТАНОВЛЕНИЕ|РАСПОРЯЖЕНИЕ|РЕШЕНИЕ|ПРОГРАММА|ПЛАН) )"
    r"|(?<=\d[а-яё]) (?=(?:ПОЛОЖЕНИЕ|ПРИКАЗ|ПОСТАНОВЛЕНИЕ|РАСПОРЯЖЕНИЕ|РЕШЕНИЕ|ПРОГРАММА|ПЛАН) )"
    # «… 2023г. УТВЕРЖДЁН приказом …»
    r"|(?<=[.\d]) (?=(?:УТВЕРЖД[ЕЁ]Н[АОЫ]?|УТВЕРЖДАЮ|СОГЛАСОВАН[АОЫ]?|ПРИНЯТ[АОЫ]?|РАССМОТРЕН[АОЫ]?) )"
    r"|(?<=[а-яё»\"]) (?=\d{1,2}\.\s[А-ЯЁ][^.]{2,80}?\s\d{1,2}\.1\.?\s)"  # «… области 1. Общие положения 1.1. …»
    r"|(?<=[)\dА-ЯЁ»\"]) (?=(?:На основании|В соответствии|В целях|Во исполнение|Руководствуясь) )"
    r"|(?<=\d) (?=Об? [А-ЯЁ]{3,} )"  # «… № 804 ОБ ИННОВАЦИОННОЙ ДЕЯТЕЛЬНОСТИ …»: the title after the number
    r"|(?<=[\wА-ЯЁа-яё]) (?=Приложение (?:(?:№|N) ?\d+ )?к )"  # «… № 263-ПП/9 Приложение к постановлению …»
    r"|(?<=\d) (?=(?:План-график|План мероприятий|Дорожная карта|Программа|Комплекс мер)\b)"
)
# A signature left at the end of the last clause: «… возложить на … . Руководитель Департамента Л.Е. Кезина».
_TRAILING_SIGNATURE = re.compile(rf"(?<=\.) (?=[А-ЯЁ][^.]{{3,120}}\b{INITIALS}\s?[А-ЯЁ][а-яё]+$)")
# … also glued to it, in a line of any length: «… со дня его подписания.Губернатор   А.А.Чернышев» (a
# signing post after a word's end, not «г.Кызыла А.А. Иванова» or «т.е.»).
_GLUED_SIGNATURE = re.compile(
    r"(?<=[а-яё]{3}\.)(?=(?:Губернатор|Глава|Министр|Начальник|Директор|Председатель|Руководитель|Заведующ|Мэр|Ректор"
    rf"|Президент|Заместитель)[^.]{{0,120}}\b{INITIALS}\s?[А-ЯЁ][а-яё]+$)"
)
_HYPHENATED = re.compile(r"[а-яё]-$")
_STAMP_WORD = re.compile(r"^[«\"]?(?:утвержд|согласов|принят|рассмотрен)", re.IGNORECASE)
# A line ending in an act's date and number: «от 9 ноября 2020 г. N 5333», «№ 12 от 01.09.2023 г.».
_ACT_CITED = re.compile(r"(?:\d{4}\s*(?:г\.?|года)?\s*(?:№|N)\s*\S+|(?:№|N)\s*\S+\s+от\s+.*\d{4}\s*(?:г\.?|года)?)\s*$")
_SIGNING = re.compile(r"[_/]|директор|заведующ|руководител|начальник|министр|председател|утвержд|согласов|принят", re.I)


def unglue(text: str) -> str:
    """Put back the spaces lost at line joins; text that is not glued is returned unchanged."""
    for pattern, repl in _GLUED:
        text = pattern.sub(repl, text)
    return text


def rebuild(blocks: list[Block]) -> list[Block]:
    """Paragraph blocks split into one-thing paragraphs; table rows pass through.

    PDF text arrives line by line (one block a line), so a run of PDF lines is rebuilt as one
    stream; a DOCX or TXT paragraph block is rebuilt on its own.
    """
    out: list[Block] = []
    run: list[Block] = []

    def flush() -> None:
        lines = [(k, b, line) for k, b in enumerate(run) for line in b.text.split("\n")]
        first: dict[int, int] = {}
        for n, (k, _, _) in enumerate(lines):
            first.setdefault(k, n)
        for offset, text in _paragraphs([line for _, _, line in lines], [b.bold for _, b, _ in lines]):
            k, b, _ = lines[offset]
            pos = replace(b.pos, line=b.pos.line + offset - first[k]) if b.pos.line is not None else b.pos
            out.append(Block(text, (), pos))
        run.clear()

    for b in blocks:
        if b.is_row or b.pos.page is None or (run and run[-1].pos.page is None):
            flush()
        if b.is_row:
            out.append(b)
        else:
            run.append(b)
            if b.pos.page is None:
                flush()
    flush()
    return out


def _paragraphs(lines: list[str], bold: list[bool]) -> list[tuple[int, str]]:
    """(line offset, text) of each paragraph; lines inside one are kept apart by «\\n». A PDF line in
    bold after one that is not, or the other way round, opens a paragraph: the title printed in bold
    ends where the preamble under it begins, whatever the wording."""
    paras: list[tuple[int, list[str]]] = []
    face_of = 0  # the line the last piece came from
    for n, raw in enumerate(lines):
        for piece in _pieces(unglue(raw.strip())):
            if not piece:
                continue
            same_face, face_of = bold[n] == bold[face_of], n
            if paras and same_face and _continues(paras[-1][1][-1], piece) and not _stamp_ends(paras[-1][1], piece):
                last = paras[-1][1]
                if _HYPHENATED.search(last[-1]) and piece[:1].islower():
                    last[-1] = last[-1][:-1] + piece
                else:
                    last.append(piece)
            else:
                paras.append((n, [piece]))
    return [(n, "\n".join(p)) for n, p in paras]


def _stamp_ends(paragraph: list[str], line: str) -> bool:
    """A stamp («Утвержден постановлением … / от 9 ноября 2020 г. N 5333») ends with the line that
    dates and numbers its act; the capitalised line after it («Паспорт») is not the stamp's."""
    return bool(_STAMP_WORD.match(paragraph[0])) and bool(_ACT_CITED.search(paragraph[-1])) and line[:1].isupper()


def _pieces(line: str) -> list[str]:
    """A line cut after an inline trigger («… приказываю: 1. Утвердить …»), between run-on clauses,
    before a run-on heading's parts and before a signature left at its end."""
    glued = _GLUED_SIGNATURE.split(line)
    if len(glued) > 1:
        return [q for p in glued for q in _pieces(p)]
    if len(line) > 200:
        parts = [p for piece in _RUN_ON.split(line) for p in _TRAILING_SIGNATURE.split(piece)]
        if len(parts) > 1:
            return [q for p in parts for q in _pieces(p)]
    m = _TRIGGER.search(line)
    if m is None and _TRIGGER.search(collapse_spaced(line)):
        return [line]  # «п р и к а з ы в а ю:» stands on its own line
    if m and line[m.end() :].strip():
        head, rest = line[: m.end()], line[m.end() :]
        return [head.strip(), *_INLINE_CLAUSE.split(rest.strip())]
    if _CLAUSE_START.match(line):
        return [p.strip() for p in _INLINE_CLAUSE.split(line)]
    return [line]


def _continues(prev: str, line: str) -> bool:
    """Does `line` carry on the paragraph whose last line is `prev`?"""
    if _HYPHENATED.search(prev) and line[:1].islower():
        return True
    # A kind word opens a paragraph, also a portal's heading citing the act («Постановление от … № 2-П»)
    # under a line of chrome; in a stamp, under its signing lines, such a line names the approving act.
    heading = line[:1].isupper() and not _SIGNING.search(prev) and kind_of(line, first=True)
    if (
        _CLAUSE_START.match(line)
        or _OPENERS.match(line)
        or kind_of(line)
        or heading
        or _TRIGGER.search(collapse_spaced(prev))
    ):
        return False
    if line[:1].islower():
        return not _TRIGGER.match(collapse_spaced(line))  # «п р и к а з ы в а ю:» stands alone
    if prev.rstrip().endswith((".", ";", ":", "!", "?")):
        return False
    name = NAME.search(prev)
    if name and name.end() == len(prev.rstrip()):  # a signature ends its paragraph
        return False
    return is_capitals(prev) == is_capitals(line)
