"""Small text helpers shared by segmentation and tagging."""

from __future__ import annotations

import re
from functools import cache

# An item's printed number alone in a cell or on a line: «1», «2.», «1.1.3».
ITEM_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")

# Latin letters that look Cyrillic, as typists and OCR mix them into Russian words.
_LOOKALIKES = str.maketrans("ABCEHKMOPTXaceopxy", "АВСЕНКМОРТХасеорху")
_MIXED_WORD = re.compile(r"\w*[А-Яа-яЁё]\w*")


def fold_lookalikes(text: str) -> str:
    """Replace Latin look-alikes inside Cyrillic words («CОШ» → «СОШ»); length is kept."""
    if text.isascii():
        return text
    return _MIXED_WORD.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)


# spaCy's tokenizer is quadratic in the length of a run without spaces and holds the GIL meanwhile
# (measured: 5,000 chars of «»()* in one run 3.8 s, 20,000 chars 45 s); real words are far shorter.
LONGEST_RUN = 64
_LONG_RUN = re.compile(rf"\S{{{LONGEST_RUN + 1},}}")


def bounded_runs(text: str) -> str:
    """Every run without spaces cut into pieces of under `LONGEST_RUN` characters, a space replacing
    one character at each cut, so that the length, and with it every offset, is kept."""

    def cut(m: re.Match) -> str:
        run = list(m.group(0))
        run[LONGEST_RUN - 1 :: LONGEST_RUN] = " " * len(run[LONGEST_RUN - 1 :: LONGEST_RUN])
        return "".join(run)

    return _LONG_RUN.sub(cut, text)


def quoted(text: str, start: int, limit: int = 600) -> tuple[int, int] | None:
    """Offsets of a «…» that opens at `start` (after spaces), nested quotes balanced.

    Returns (open, close+1) including the quotes. An outer quote left unclosed (a typo in
    the source) ends at its first inner closing quote.
    """
    m = re.compile(r"[ \t]*«").match(text, start)
    if not m:
        return None
    open_at = m.end() - 1
    depth, inner_close = 0, None
    for i in range(open_at, min(len(text), open_at + limit)):
        ch = text[i]
        if ch == "\n":
            break
        if ch == "«":
            depth += 1
        elif ch == "»":
            depth -= 1
            if depth == 0:
                return open_at, i + 1
            if depth == 1 and inner_close is None:
                inner_close = i
    return (open_at, inner_close + 1) if inner_close else None


@cache
def lemma(word: str) -> str:
    """The dictionary form of one word, lower case, «ё» as «е» («школам» → «школа»)."""
    from pipeline.morph import morph

    w = word.lower().replace("ё", "е")
    if not re.search("[а-я]", w):
        return w
    parses = morph().parse(w)
    best = parses[0]
    if best.normal_form.endswith(("ай", "яй")) and not w.endswith(("ай", "яй")):
        # an unknown place's adjective («Переясловская», «Асовская») guessed a noun «переясловскай»
        best = next((p for p in parses if p.tag.POS == "ADJF"), best)
    return best.normal_form.replace("ё", "е")


def is_capitals(text: str) -> bool:
    """Mostly capital letters, as letterheads, kinds and headings print them."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) > 0.8 * len(letters)


def join_cell_lines(parts: list[str]) -> str:
    """A table cell's lines as one text. A line ending in a hyphen runs on without a space; the
    hyphen goes when the joined word is a known word («выпол-» + «нение»), and stays in a compound
    broken at its hyphen («школ-» + «участников», or «информационно» + «-образовательной»)."""
    out: list[str] = []
    for n, part in enumerate(parts):
        tail = "".join(out[-3:])[-64:]  # what the rules look at: never the whole text (a cell may be huge)
        if tail.endswith("-") and len(tail) > 1 and tail[-2].isalpha():
            if _hyphenated(tail, part):
                out[-1] = out[-1][:-1]
            out.append(part)
        elif _broken_number(tail, part) or (tail[-1:].isalpha() and re.match(r"-[а-яё]", part)):
            out.append(part)  # «информационно» + «-образовательной»: a compound broken before its hyphen
        elif broken_word(tail, part, last=n == len(parts) - 1):
            out.append(part)  # a narrow column broke a word without a hyphen: «сис» + «тематизация»
        else:
            out.append(f" {part}" if out else part)
    return "".join(out)


# A narrow column breaks a date or an item number inside it: «31.12.2» + «022», «1.2.» + «4».
_DATE_HEAD = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(\d{0,3})$")


def _broken_number(text: str, part: str) -> bool:
    head = _DATE_HEAD.search(text)
    if head and re.fullmatch(rf"\d{{{4 - len(head.group(1))}}}\b.*", part, re.DOTALL):
        return True
    return text.endswith(".") and bool(ITEM_NUMBER.match(text) and re.fullmatch(r"\d{1,3}\.?", part))


def broken_word(text: str, part: str, last: bool = True) -> bool:
    """«сис» + «тематизация», «муни» + «ципальном», «н» + «аставнических»: Word breaks a word too long
    for its column anywhere. Joined only when the whole is a word and a piece is none by itself (or
    is a preposition ending the cell)."""
    from pipeline.morph import morph

    head = re.search(r"(?<![А-ЯЁа-яё])[А-ЯЁа-яё]+$", text[-64:])
    tail = re.match(r"[а-яё]+(?![А-ЯЁа-яё-])", part)
    if not (head and tail):
        return False
    known = morph().word_is_known
    whole = (head.group(0) + tail.group(0)).lower()
    if not known(whole):
        return False
    if not (known(head.group(0).lower()) and known(tail.group(0))):
        return True
    # «наставничеств» + «у»: both words, but a preposition cannot end a cell (its `last` line)
    return last and part == tail.group(0) and morph().parse(part)[0].tag.POS in ("PREP", "CONJ")


def _hyphenated(text: str, part: str) -> bool:
    from pipeline.morph import morph

    head = re.search(r"[А-ЯЁа-яё]+-$", text)
    tail = re.match(r"[а-яё]+", part)
    return bool(head and tail) and morph().word_is_known((head.group(0)[:-1] + tail.group(0)).lower())


# Page furniture: a page number («- 3 -», «стр. 2 из 5», «2/7»), a scan's certification line.
_FOOTER = re.compile(
    r"^(?:электронная копия (?:соответствует|верна) оригиналу(?:\s*[-–—]?\s*\d{1,3})?"
    r"|[-–—]?\s*\d{1,3}\s*[-–—]?"
    r"|стр(?:аница|\.)?\s*\d+(?:\s*из\s*\d+)?"
    r"|\d+\s*/\s*\d+)\.?$",
    re.IGNORECASE,
)


def counted(texts: list[str], start: int) -> int:
    """How many of `texts` from `start` read «1», «2», «3» … (a dot after each allowed): a header's
    column numbers, one per line or paragraph."""
    count = 0
    while start + count < len(texts) and texts[start + count].strip().rstrip(".") == str(count + 1):
        count += 1
    return count


def is_footer(text: str) -> bool:
    return bool(_FOOTER.match(text.strip()))
