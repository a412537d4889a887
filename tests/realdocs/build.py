"""Render the real-document models in `src/` into the files the parser reads, in `docs/`.

    .venv/bin/python tests/realdocs/build.py

A `src/NN_slug.txt` (a copy from a web page or a legal database) or `.html` (a page as saved
from the site) is copied as it is. A `src/NN_slug.json` describes a Word or PDF document as
paragraphs and tables (see README.md): "docx" becomes a real Word table with merged cells
(gridSpan, vMerge); "doc" the same saved by LibreOffice as Word 97-2003; "pdf-ruled" a table with
all borders drawn; "pdf-unruled" the same table without borders, as Word exports a borderless
table: only the positions of the words tell the columns apart; "scan-ruled" and "scan-unruled"
those PDFs printed and scanned (tests/fixtures/make_fixtures.py: grey, 200 dpi, grain, turned by
the model's "skew" degrees, page by page alternately), image only. PDFs are A4 in DejaVu Sans 10
pt, rows may split across pages. The output is deterministic, so the committed files only change
when a model does; a .doc is the exception (LibreOffice stamps it), so an existing one is kept
unless its model is newer.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC, DOCS = HERE / "src", HERE / "docs"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def build_docx(spec: dict, path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    align = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
    doc = Document()
    doc.core_properties.created = doc.core_properties.modified = datetime(2020, 1, 1)
    for block in spec["blocks"]:
        if "p" in block:
            para = doc.add_paragraph()
            lines = block["p"].split("\n")
            for n, line in enumerate(lines):
                run = para.add_run(line)
                run.bold = bool(block.get("bold"))
                if n < len(lines) - 1:
                    run.add_break()
            para.alignment = align.get(block.get("align", "left"))
        elif "table" in block:
            grid = block["table"]
            width = max(len(r) for r in grid)
            table = doc.add_table(rows=len(grid), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(grid):
                for c, text in enumerate(row):
                    if text is not None:
                        table.cell(r, c).text = text
            for r, c, rowspan, colspan in block.get("merge", []):
                table.cell(r, c).merge(table.cell(r + rowspan - 1, c + colspan - 1))
                table.cell(r, c).text = grid[r][c] or ""
            widths = block.get("widths")
            if widths:
                total = sum(widths)
                for row in table.rows:
                    for cell, w in zip(row.cells, widths, strict=False):
                        cell.width = Cm(17 * w / total)
        elif block.get("pagebreak"):
            doc.add_page_break()
    doc.save(path)
    _freeze_zip(path)


def _freeze_zip(path: Path) -> None:
    """python-docx stamps each zip member with the time of saving: fix it, so that a rebuild
    gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        members = [(info.filename, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def build_pdf(spec: dict, path: Path, ruled: bool) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_BOLD))
    aligns = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}

    def style(name: str, block: dict, size: float = 10) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName="DejaVu-Bold" if block.get("bold") else "DejaVu",
            fontSize=size,
            leading=size * 1.25,
            alignment=aligns[block.get("align", "left")],
        )

    def para(text: str, st: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), st)

    story = []
    frame_width = A4[0] - 3 * cm
    for n, block in enumerate(spec["blocks"]):
        if "p" in block:
            story += [para(block["p"], style(f"p{n}", block)), Spacer(1, 4)]
        elif "table" in block:
            grid = block["table"]
            width = max(len(r) for r in grid)
            cell_style = style(f"c{n}", {}, 9)
            data = [[para(t, cell_style) if t else "" for t in row + [None] * (width - len(row))] for row in grid]
            widths = block.get("widths") or [1] * width
            col_widths = [frame_width * w / sum(widths) for w in widths]
            commands = [("VALIGN", (0, 0), (-1, -1), "TOP")]
            if ruled:
                commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
            for r, c, rowspan, colspan in block.get("merge", []):
                commands.append(("SPAN", (c, r), (c + colspan - 1, r + rowspan - 1)))
            table = Table(data, colWidths=col_widths, repeatRows=block.get("repeat_header", 0), splitInRow=1)
            table.setStyle(TableStyle(commands))
            story += [table, Spacer(1, 6)]
        elif block.get("pagebreak"):
            story.append(PageBreak())
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=1 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
        invariant=1,
        title="",
        author="",
    )
    doc.build(story)


def build_doc(spec: dict, path: Path, src: Path) -> None:
    """Word 97-2003, as LibreOffice saves the model's DOCX."""
    if path.exists() and path.stat().st_mtime >= src.stat().st_mtime:
        return
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / f"{path.stem}.docx"
        build_docx(spec, docx)
        _fixtures().convert_office(docx, ("doc",), Path(tmp))
        shutil.copyfile(Path(tmp) / path.name, path)


def build_scan(spec: dict, path: Path, ruled: bool) -> None:
    """The printed PDF scanned: image pages only, each turned by ±"skew" degrees in turn."""
    import pypdfium2

    fixtures = _fixtures()
    skew = float(spec.get("skew", 0.4))
    with tempfile.TemporaryDirectory() as tmp:
        printed = Path(tmp) / "printed.pdf"
        build_pdf(spec, printed, ruled)
        count = len(pypdfium2.PdfDocument(str(printed)))
        pages = [fixtures.scanned_page(printed, i, seed=i, turn=skew if i % 2 == 0 else -skew) for i in range(count)]
    fixed = time.gmtime(1577836800)  # 2020-01-01, no time of saving, so a rebuild gives the same bytes
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=fixtures.SCAN_DPI, quality=60,
                  creationDate=fixed, modDate=fixed)  # fmt: skip


def _fixtures():
    sys.path.insert(0, str(HERE.parent.parent))
    from tests.fixtures import make_fixtures

    return make_fixtures


SUFFIX = {"docx": ".docx", "doc": ".doc"}  # the others are PDFs


def build(src: Path, docs: Path = DOCS) -> Path:
    if src.suffix in (".txt", ".html"):
        out = docs / src.name
        shutil.copyfile(src, out)
        return out
    spec = json.loads(src.read_text(encoding="utf-8"))
    fmt = spec["format"]
    out = docs / (src.stem + SUFFIX.get(fmt, ".pdf"))
    if fmt == "docx":
        build_docx(spec, out)
    elif fmt == "doc":
        build_doc(spec, out, src)
    elif fmt in ("pdf-ruled", "pdf-unruled"):
        build_pdf(spec, out, ruled=fmt == "pdf-ruled")
    elif fmt in ("scan-ruled", "scan-unruled"):
        build_scan(spec, out, ruled=fmt == "scan-ruled")
    else:
        raise ValueError(f"{src.name}: unknown format {fmt!r}")
    return out


def main() -> None:
    for folder in (HERE, HERE / "heads"):  # whole documents, and document heads (heads/README.md)
        if not (folder / "src").is_dir():
            continue
        (folder / "docs").mkdir(exist_ok=True)
        for src in sorted((folder / "src").glob("*")):
            if src.suffix in (".txt", ".html", ".json"):
                print(build(src, folder / "docs").relative_to(HERE))


if __name__ == "__main__":
    main()
