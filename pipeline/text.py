"""Small text helpers shared by segmentation and tagging."""

from __future__ import annotations

import re
from functools import cache

# Latin letters that look Cyrillic, as typists and OCR mix them into Russian words.
_LOOKALIKES = str.maketrans("ABCEHKMOPTXaceopxy", "АВСЕНКМОРТХасеорху")
_MIXED_WORD = re.compile(r"\w*[А-Яа-яЁё]\w*")


def fold_lookalikes(text: str) -> str:
    """Replace Latin look-alikes inside Cyrillic words («CОШ» → «СОШ»); length is kept."""
    if text.isascii():
        return text
    return _MIXED_WORD.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)


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
    from pipeline.tag.normalize import morph

    w = word.lower().replace("ё", "е")
    if not re.search("[а-я]", w):
        return w
    return morph().parse(w)[0].normal_form.replace("ё", "е")
