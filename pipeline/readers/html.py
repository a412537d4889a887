"""HTML pages saved from education departments' and schools' sites: the content, not the site.

The page's main content is taken when it is marked (`<main>`, `<article>`, or an element whose
id or class says content, article, entry, post or text; the one with the most text wins),
else the whole body. Site chrome goes: navigation, headers, footers, sidebars, forms, scripts,
elements whose id or class says menu, breadcrumbs, banner, share, search, and the accessibility
switch («Версия для слабовидящих»). Tables become table rows (a colspan leaves the spanned
columns empty, a rowspan repeats the text below, as the DOCX reader does); headings,
paragraphs and list items become paragraphs. lxml's HTML parser reads no network and expands
no external entities.
"""

from __future__ import annotations

import re

from lxml import etree, html

from pipeline import config
from pipeline.readers.errors import ReadError
from pipeline.readers.txt import decode
from pipeline.records import Block, Position, WebPage

_DROP_TAGS = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "button", "select", "template", "head", "object", "embed", "map",
}  # fmt: skip
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:menu|nav|navbar|breadcrumbs?|footer|header|sidebar|banner|share|social|search|cookie|"
    r"widget|pagination|pager|bvi|special|visually|slabovid\w*|eye)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"(?:^|[\s_-])(?:content|article|entry|post|text|news|main)(?:$|[\s_-])", re.IGNORECASE)
_CHROME_LINES = re.compile(
    r"^(?:версия для слабовидящих|обычная версия сайта|поиск|меню|главная|вернуться назад|назад|распечатать|"
    r"поделиться|подписаться|карта сайта)$",
    re.IGNORECASE,
)
_BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "caption",
    "figcaption", "address", "div", "section", "article", "main", "ul", "ol", "dl", "table", "body", "tr", "td",
    "th", "tbody", "thead", "tfoot", "center", "font",
}  # fmt: skip
_MAX_SPAN = 64


def read(data: bytes) -> list[Block]:
    root = _parse(data)
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    _strip_chrome(root)
    blocks: list[Block] = []
    _walk(_content(root), blocks, [0])
    if not blocks:
        raise ReadError("на HTML-странице нет текста (после меню и оформления сайта ничего не осталось)")
    return blocks


def page_info(data: bytes) -> WebPage:
    """The page's `<title>` and the address it was saved from (`<link rel=canonical>`, else `og:url`)."""
    root = _parse(data)
    title = " ".join(root.findtext(".//title", default="").split()) or None
    urls = root.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content")
    url = next((u.strip() for u in urls if _WEB_ADDRESS.match(u.strip())), None)
    return WebPage(title[:500] if title else None, url[:2000] if url else None)


_WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)  # nothing else is shown as a link


def _parse(data: bytes):
    try:
        return html.document_fromstring(decode(data), parser=html.HTMLParser(no_network=True, remove_comments=True))
    except (etree.ParserError, ValueError) as e:
        raise ReadError(f"повреждённая HTML-страница: {e}") from None


def _strip_chrome(root) -> None:
    doomed = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and el.tag not in ("body", "html")
        and (el.tag in _DROP_TAGS or _CHROME.search(f"{el.get('id', '')} {el.get('class', '')}") or _links_only(el))
    ]
    doomed += [a for a in root.iter("a") if _CHROME_LINES.match(" ".join(a.text_content().split()))]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _links_only(el) -> bool:
    """A menu without a class: a list or cell of three or more links and hardly any other text."""
    if el.tag not in ("ul", "ol", "td", "div", "p", "dl"):
        return False
    links = el.findall(".//a")
    if len(links) < 3:
        return False
    text = len("".join(el.text_content().split()))
    linked = sum(len("".join(a.text_content().split())) for a in links)
    return text > 0 and linked >= 0.8 * text


def _content(root):
    """The marked main content if there is one, else the body."""
    marked = [
        el
        for el in root.iter("main", "article", "div", "section")
        if el.tag in ("main", "article") or _CONTENT.search(f"{el.get('id', '')} {el.get('class', '')}")
    ]
    body = root.find("body")
    body = body if body is not None else root
    best = max(marked, key=lambda el: len(el.text_content()), default=None)
    # A marked element holding under a third of the page's text is a teaser, not the content.
    if best is not None and len(best.text_content()) >= len(body.text_content()) / 3:
        return best
    return body


def _walk(el, blocks: list[Block], tables: list[int]) -> None:
    if el.tag == "table" and el.find(".//table") is None:
        _table(el, blocks, tables)
        return  # a table holding tables lays out the page: its cells are read as containers
    if not any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el.iterdescendants()):
        _paragraph(el.text_content(), blocks)
        return
    _paragraph(el.text or "", blocks)
    for child in el:
        if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
            _walk(child, blocks, tables)
        elif isinstance(child.tag, str):
            _paragraph(child.text_content(), blocks)
        _paragraph(child.tail or "", blocks)


def _paragraph(text: str, blocks: list[Block]) -> None:
    lines = [" ".join(line.split()).strip(" |") for line in text.replace("\xa0", " ").split("\n")]
    text = "\n".join(line for line in lines if line and not _CHROME_LINES.match(line))
    if text:
        blocks.append(Block(text, (), Position(line=len(blocks) + 1)))


def _table(table, blocks: list[Block], tables: list[int]) -> None:
    """Rows of cells with the grid kept; a table of one column is read as paragraphs."""
    below: dict[int, tuple[str, int]] = {}  # column → (text, rows it still covers)
    rows: list[list[str]] = []
    cells_seen = 0
    for tr in table.iter("tr"):
        if _owner(tr) is not table:
            continue  # a row of a nested table: its text stays in its cell
        cells: list[str] = []
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while len(cells) in below:
                cells.append(_carry(below, len(cells)))
            text = " ".join(td.text_content().replace("\xa0", " ").split())
            span = _span(td.get("colspan"))
            down = _span(td.get("rowspan")) - 1
            if down:
                below[len(cells)] = (text, down)
            cells.append(text)
            cells.extend([""] * (span - 1))
        while below and len(cells) <= max(below):
            cells.append(_carry(below, len(cells)) if len(cells) in below else "")
        cells_seen += len(cells)
        if cells_seen > config.MAX_TABLE_CELLS:
            raise ReadError(f"превышен предел: в таблице больше {config.MAX_TABLE_CELLS:,} ячеек")
        if any(cells):
            rows.append(cells)
    number = tables[0]
    tables[0] += 1
    if rows and max(len(r) for r in rows) == 1:
        for r in rows:
            _paragraph(r[0], blocks)
        return
    for n, cells in enumerate(rows):
        blocks.append(Block("\t".join(cells), tuple(cells), Position(line=len(blocks) + 1, table=number, row=n)))


def _owner(tr):
    el = tr.getparent()
    while el is not None and el.tag != "table":
        el = el.getparent()
    return el


def _carry(below: dict[int, tuple[str, int]], col: int) -> str:
    text, left = below[col]
    if left > 1:
        below[col] = (text, left - 1)
    else:
        del below[col]
    return text


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), _MAX_SPAN))
    except ValueError:
        return 1
