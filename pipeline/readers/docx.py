"""DOCX via python-docx: paragraphs and tables in body order.

Merged cells keep the grid: a horizontal merge leaves the spanned columns empty, a
vertical merge repeats the text of the cell above (each row shares it). Nested tables are
flattened into their cell as lines. Automatic numbering is rendered as printed («1.», «2.1.»).
"""

from __future__ import annotations

import io
import zipfile

from pipeline.records import Block, Position

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read(data: bytes) -> list[Block]:
    from docx import Document as open_docx

    from pipeline.readers import ReadError

    try:
        doc = open_docx(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ReadError(f"broken DOCX: {e}") from None
    except Exception as e:  # lxml errors and the like: the package is damaged inside
        raise ReadError(f"broken DOCX: {type(e).__name__}: {e}") from None
    numbering = _Numbering(doc)
    blocks: list[Block] = []
    table_no = 0
    for n, el in enumerate(doc.element.body.iterchildren(), start=1):
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


def _paragraph_text(p, numbering: _Numbering) -> str:
    text = "".join(
        (node.text or "") if node.tag == _W + "t" else (" " if node.tag == _W + "tab" else "\n")
        for node in p.iter(_W + "t", _W + "tab", _W + "br")
    )
    label = numbering.label(p)
    return f"{label} {text}" if label and text.strip() else text


def _cell_text(tc, numbering: _Numbering) -> str:
    lines = []
    for child in tc.iterchildren():
        if child.tag == _W + "p":
            lines.append(_paragraph_text(child, numbering))
        elif child.tag == _W + "tbl":
            for cells in _table_rows(child, numbering):
                lines.append(" — ".join(c for c in cells if c))
    return "\n".join(line.strip() for line in lines if line.strip())


def _table_rows(tbl, numbering: _Numbering) -> list[list[str]]:
    rows: list[list[str]] = []
    above: dict[int, str] = {}
    for tr in tbl.iterchildren(_W + "tr"):
        cells: list[str] = []
        for tc in tr.iterchildren(_W + "tc"):
            pr = tc.find(_W + "tcPr")
            span, vmerge = 1, None
            if pr is not None:
                gs = pr.find(_W + "gridSpan")
                if gs is not None:
                    span = int(gs.get(_W + "val", "1"))
                vm = pr.find(_W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(_W + "val", "continue")
            col = len(cells)
            text = above.get(col, "") if vmerge == "continue" else _cell_text(tc, numbering)
            above[col] = text
            cells.append(text)
            cells.extend([""] * (span - 1))
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
        except (KeyError, NotImplementedError, AttributeError):
            pass
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
                levels[int(lvl.get(_W + "ilvl"))] = (
                    fmt.get(_W + "val") if fmt is not None else "decimal",
                    txt.get(_W + "val") if txt is not None else "",
                    int(start.get(_W + "val")) if start is not None else 1,
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
        level = int(ilvl.get(_W + "val")) if ilvl is not None else 0
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
