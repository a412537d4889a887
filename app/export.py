"""Hits as a spreadsheet (CSV or XLSX), with every cell inert.

Document text is untrusted and a spreadsheet evaluates cells that look like formulas
(`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`, `@SUM(…)`). Following the OWASP rule for CSV
injection, a text cell that starts with = + - @, a tab or a carriage return gets a leading
apostrophe, and XLSX cells are written as strings, never as formulas.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from index.results import Hit

COLUMNS = {
    "activity": "Мероприятие",
    "description": "Описание",
    "deadline": "Срок",
    "responsible": "Ответственные",
    "result": "Результат",
}
_ACTIVE = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> object:
    """`value` as a spreadsheet shows it but never runs it."""
    if isinstance(value, str) and value.startswith(_ACTIVE):
        return "'" + value
    return value


def table(hits: list[Hit]) -> pd.DataFrame:
    """One row per hit, in order, with the item's fields and where it comes from; every cell inert."""
    rows = []
    for n, hit in enumerate(hits, start=1):
        item, doc = hit.item, hit.document
        row = {"№": n, **{ru: getattr(item, name) for name, ru in COLUMNS.items()}}
        row.update(
            Раздел=item.section,
            Документ=doc.act,
            Дата=doc.date,
            Регион=doc.region,
            Муниципалитет=doc.municipality,
            Файл=doc.source,
            Пункт=item.number or item.ordinal,
        )
        rows.append({k: inert(v) for k, v in row.items()})
    return pd.DataFrame(rows)


def write(frame: pd.DataFrame, path: Path) -> Path:
    """CSV (with a BOM, so that Excel reads Cyrillic) or XLSX by the suffix; text cells stay text."""
    frame = frame.map(inert)
    if path.suffix == ".xlsx":
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False)
            for row in writer.sheets["Sheet1"].iter_rows():
                for cell in row:
                    if cell.data_type == "f":  # openpyxl reads any «=…» string as a formula
                        cell.data_type = "s"
    else:
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    return path
