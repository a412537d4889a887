"""DOCX via python-docx: paragraphs and tables in body order.

Merged cells keep the grid: a horizontal merge leaves the spanned columns empty, a
vertical merge repeats the text of the cell above (each row shares it). Nested tables are
flattened into their cell as lines. Automatic numbering is rendered as printed («1.», «2.1.»).
"""

from __future__ import annotations

import io
import zipfile
import zlib

from pipeline import config
from pipeline.readers.errors import ReadError
from pipeline.records import Block, Position

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_SPAN = 64  # Word's own limit of columns in a table is 63
_MAX_NESTING = 8  # tables inside tables deeper than this are read as plain lines


def read(data: bytes) -> list[Block]:
    from docx import Document as open_docx

    check_package(data)
    try:
        doc = open_docx(io.BytesIO(data))
        body = doc.element.body
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ReadError(f"повреждённый DOCX: {e}") from None
    except Exception as e:  # lxml errors and the like: the package is damaged inside
        raise ReadError(f"повреждённый DOCX: {type(e).__name__}: {e}") from None
    if body is None:
        raise ReadError("повреждённый DOCX: в документе нет тела (word/document.xml без w:body)")
    numbering = _Numbering(doc)
    blocks: list[Block] = []
    table_no = 0
    for n, el in enumerate(body.iterchildren(), start=1):
        if el.tag == _W + "p":
            text = _paragraph_text(el, numbering)
            if text.strip():
                blocks.append(Block(text.strip(), (), Position(line=n)))
        elif el.tag == _W + "tbl":
            for r, cells in enumerate(_table_rows(el, numbering)):
                if any(cells):
                    blocks.append(Block("\t".join(cells), tuple(cells), Position(line=n, table=table_no, row=r)))
            table_no += 1
    return blocks


def check_package(data: bytes) -> None:
    """Refuse a zip bomb before anything is extracted: count the members, then inflate each
    (without keeping it) only as far as the package's budget, since declared sizes can lie."""

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = z.infolist()
            if len(members) > config.MAX_ZIP_MEMBERS:
                raise ReadError(
                    f"превышен предел: в пакете DOCX {len(members):,} частей "
                    f"(не больше {config.MAX_ZIP_MEMBERS:,}, PRAKTIKA_MAX_ZIP_MEMBERS)"
                )
            budget = config.MAX_UNZIPPED_BYTES
            for member in members:
                with z.open(member) as f:
                    while chunk := f.read(1 << 20):
                        budget -= len(chunk)
                        if budget < 0:
                            raise ReadError(
                                f"превышен предел: DOCX распаковывается больше чем в "
                                f"{config.MAX_UNZIPPED_BYTES // 2**20} МБ (PRAKTIKA_MAX_UNZIPPED_MB)"
                            )
    except ReadError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
    ) as e:
        raise ReadError(f"повреждённый DOCX: {e}") from None


def _int(value: str | None, default: int, low: int, high: int) -> int:
    """An integer attribute as Word writes it, or `default` when it is junk («1e3», «abc», «»);
    clamped to the range the format allows, so no value can index past a list or allocate."""
    try:
        number = int(value) if value is not None else default
    except ValueError:
        return default
    return min(max(number, low), high)


def _paragraph_text(p, numbering: _Numbering) -> str:
    text = "".join(
        (node.text or "") if node.tag == _W + "t" else (" " if node.tag == _W + "tab" else "\n")
        for node in p.iter(_W + "t", _W + "tab", _W + "br")
    )
    label = numbering.label(p)
    return f"{label} {text}" if label and text.strip() else text


def _cell_text(tc, numbering: _Numbering, depth: int) -> str:
    lines = []
    for child in tc.iterchildren():
        if child.tag == _W + "p":
            lines.append(_paragraph_text(child, numbering))
        elif child.tag == _W + "tbl" and depth < _MAX_NESTING:
            for cells in _table_rows(child, numbering, depth + 1):
                lines.append(" — ".join(c for c in cells if c))
        elif child.tag == _W + "tbl":
            lines.append(" ".join(t.text or "" for t in child.iter(_W + "t")))
    return "\n".join(line.strip() for line in lines if line.strip())


def _table_rows(tbl, numbering: _Numbering, depth: int = 0) -> list[list[str]]:

    rows: list[list[str]] = []
    above: dict[int, str] = {}
    cells_seen = 0
    for tr in tbl.iterchildren(_W + "tr"):
        cells: list[str] = []
        for tc in tr.iterchildren(_W + "tc"):
            pr = tc.find(_W + "tcPr")
            span, vmerge = 1, None
            if pr is not None:
                gs = pr.find(_W + "gridSpan")
                if gs is not None:
                    span = _int(gs.get(_W + "val"), 1, 1, _MAX_SPAN)
                vm = pr.find(_W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(_W + "val", "continue")
            col = len(cells)
            text = above.get(col, "") if vmerge == "continue" else _cell_text(tc, numbering, depth)
            above[col] = text
            cells.append(text)
            cells.extend([""] * (span - 1))
        cells_seen += len(cells)
        if cells_seen > config.MAX_TABLE_CELLS:
            raise ReadError(
                f"превышен предел: в таблице больше {config.MAX_TABLE_CELLS:,} ячеек (PRAKTIKA_MAX_TABLE_CELLS)"
            )
        rows.append(cells)
    return rows


class _Numbering:
    """Counts list numbers per (numId, level) the way Word prints them."""

    def __init__(self, doc) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.styles: dict[str, object] = {}  # style id → its numPr («List Number» numbers by style)
        try:
            for st in doc.styles.element.iterchildren(_W + "style"):
                ppr = st.find(_W + "pPr")
                numpr = ppr.find(_W + "numPr") if ppr is not None else None
                if numpr is not None:
                    self.styles[st.get(_W + "styleId")] = numpr
        except (KeyError, NotImplementedError, AttributeError, ValueError, TypeError):
            pass  # no styles part, or a damaged one: paragraphs simply carry no style numbering
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for an in root.iterchildren(_W + "abstractNum"):
            levels = {}
            for lvl in an.iterchildren(_W + "lvl"):
                fmt = lvl.find(_W + "numFmt")
                txt = lvl.find(_W + "lvlText")
                start = lvl.find(_W + "start")
                levels[_int(lvl.get(_W + "ilvl"), 0, 0, 8)] = (
                    (fmt.get(_W + "val") if fmt is not None else None) or "decimal",
                    (txt.get(_W + "val") if txt is not None else None) or "",
                    _int(start.get(_W + "val") if start is not None else None, 1, 0, 10**6),
                )
            abstract[an.get(_W + "abstractNumId")] = levels
        for num in root.iterchildren(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            for ilvl, spec in abstract.get(ref.get(_W + "val") if ref is not None else None, {}).items():
                self.formats[(num.get(_W + "numId"), ilvl)] = spec

    def label(self, p) -> str | None:
        pr = p.find(_W + "pPr")
        numpr = pr.find(_W + "numPr") if pr is not None else None
        if numpr is None and pr is not None and pr.find(_W + "pStyle") is not None:
            numpr = self.styles.get(pr.find(_W + "pStyle").get(_W + "val"))
        if numpr is None:
            return None
        num_id = numpr.find(_W + "numId")
        ilvl = numpr.find(_W + "ilvl")
        num = num_id.get(_W + "val") if num_id is not None else None
        level = _int(ilvl.get(_W + "val") if ilvl is not None else None, 0, 0, 8)
        spec = self.formats.get((num, level))
        if not spec:
            return None
        fmt, text, start = spec
        counts = self.counters.setdefault(num, [0] * 9)
        counts[level] = counts[level] + 1 if counts[level] else start
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        if fmt == "bullet":
            return "-"
        if fmt != "decimal":
            return None
        label = text
        for k in range(level + 1):
            label = label.replace(f"%{k + 1}", str(counts[k] or 1))
        return label
