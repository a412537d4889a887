"""The knowledge base as pandas tables, for notebooks, the overview tab and exports.

One row per document, item or entity mention, with the document's metadata repeated on
every row so that a researcher can group by region, year or kind without joins.
"""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import pandas as pd

_DOC_COLUMNS = "d.source, d.kind, d.region, d.municipality, d.date, d.year"


def documents(db: sqlite3.Connection) -> pd.DataFrame:
    return pd.read_sql_query(
        "SELECT d.id AS doc_id, d.source, d.kind, d.title, d.issuer, d.region, d.municipality, d.date, d.number,"
        " d.year, count(i.id) AS items FROM documents d LEFT JOIN items i ON i.doc_id = d.id"
        " GROUP BY d.id ORDER BY d.id",
        db,
    )


def items(db: sqlite3.Connection) -> pd.DataFrame:
    frame = pd.read_sql_query(
        f"SELECT i.id AS item_id, i.doc_id, {_DOC_COLUMNS}, i.ordinal, i.kind AS item_kind, i.number, i.section,"
        " i.activity, i.description, i.deadline, i.responsible, i.result, i.deadline_value,"
        " (SELECT group_concat(e.key, '; ') FROM item_entities ie JOIN entities e ON e.id = ie.entity_id"
        "  WHERE ie.item_id = i.id) AS entities"
        " FROM items i JOIN documents d ON d.id = i.doc_id ORDER BY i.id",
        db,
    )
    when = [json.loads(v) if isinstance(v, str) else {} for v in frame.pop("deadline_value")]
    frame["deadline_start"] = [_month(w.get("start_year"), w.get("start_month")) for w in when]
    frame["deadline_end"] = [_month(w.get("end_year"), w.get("end_month")) for w in when]
    frame["recurrence"] = [w.get("recurrence") for w in when]
    frame["entities"] = [sorted(set(e.split("; "))) if isinstance(e, str) else [] for e in frame["entities"]]
    return frame


def entities(db: sqlite3.Connection) -> pd.DataFrame:
    return pd.read_sql_query(
        f"SELECT ie.item_id, i.doc_id, {_DOC_COLUMNS}, e.key, e.label, e.canonical, ie.field, ie.text"
        " FROM item_entities ie JOIN entities e ON e.id = ie.entity_id JOIN items i ON i.id = ie.item_id"
        " JOIN documents d ON d.id = i.doc_id ORDER BY ie.item_id, ie.field, ie.start",
        db,
    )


def citations(db: sqlite3.Connection) -> pd.DataFrame:
    """Acts each document refers to; `cited_doc_id` when the cited act is itself in the knowledge base."""
    return pd.read_sql_query(
        "SELECT c.doc_id, d.source, d.kind, d.region, d.municipality, d.date, d.number,"
        " c.kind AS cited_kind, c.date AS cited_date, c.number AS cited_number, c.title AS cited_title,"
        " c.amends, (SELECT t.id FROM documents t WHERE t.number = c.number AND t.date = c.date) AS cited_doc_id"
        " FROM citations c JOIN documents d ON d.id = c.doc_id ORDER BY c.doc_id",
        db,
    )


def embeddings(db: sqlite3.Connection, ids: list[int], dim: int) -> np.ndarray:
    """The stored vectors of `ids`, in that order (a KeyError names the first unknown id)."""
    ids = [int(i) for i in ids]
    found: dict[int, bytes] = {}
    for start in range(0, len(ids), 900):  # SQLite's bound-variable limit
        chunk = ids[start : start + 900]
        marks = ",".join("?" * len(chunk))
        found.update(db.execute(f"SELECT id, vector FROM items WHERE id IN ({marks})", chunk).fetchall())
    missing = [i for i in ids if i not in found]
    if missing:
        raise KeyError(f"no such item: {missing[0]}")
    if not ids:
        return np.zeros((0, dim), dtype=np.float32)
    return np.frombuffer(b"".join(found[i] for i in ids), dtype=np.float32).reshape(len(ids), dim).copy()


def _month(year: int | None, month: int | None) -> pd.Period | None:
    return pd.Period(year=year, month=month, freq="M") if year and month else None
