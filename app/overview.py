"""Figures of the overview tab: what the knowledge base holds, by region, year, kind and month.

Each figure is one aggregate query, so the tab stays quick on large collections (it never
loads the items themselves).
"""

from __future__ import annotations

import sqlite3

import pandas as pd

from pipeline.labels import EVENT, ORG, PER, RUSSIAN, SCHOOL

NO_REGION = "регион не указан"
_JOIN = "FROM items i JOIN documents d ON d.id = i.doc_id"
_REGION = f"coalesce(d.region, '{NO_REGION}') AS region"


def by_region_kind(db: sqlite3.Connection) -> pd.DataFrame:
    """Items per region and document kind."""
    sql = f"SELECT {_REGION}, coalesce(d.kind, '—') AS kind, count(*) AS items {_JOIN} GROUP BY 1, 2 ORDER BY 1, 2"
    return pd.read_sql_query(sql, db)


def by_year(db: sqlite3.Connection) -> pd.DataFrame:
    """Items per document year and region (years as text, so the plot shows them as categories)."""
    sql = (
        f"SELECT CAST(d.year AS TEXT) AS year, {_REGION}, count(*) AS items {_JOIN}"
        " WHERE d.year IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
    )
    return pd.read_sql_query(sql, db)


def timeline(db: sqlite3.Connection) -> pd.DataFrame:
    """Activities by the month their deadline starts, per region."""
    start = "json_extract(i.deadline_value, '$.start_year'), json_extract(i.deadline_value, '$.start_month')"
    sql = (
        f"SELECT printf('%04d-%02d', {start}) AS month, {_REGION}, count(*) AS items {_JOIN}"
        " WHERE json_extract(i.deadline_value, '$.start_month') IS NOT NULL"
        " AND json_extract(i.deadline_value, '$.start_year') IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
    )
    return pd.read_sql_query(sql, db)


def top_entities(db: sqlite3.Connection, per_label: int = 10) -> pd.DataFrame:
    """The most mentioned people, schools, organisations and events, with their reach."""
    labels = ", ".join(f"'{label}'" for label in (PER, SCHOOL, ORG, EVENT))
    sql = (
        "SELECT e.label, e.canonical AS название, count(*) AS упоминаний, count(DISTINCT i.doc_id) AS документов,"
        " count(DISTINCT d.region) AS регионов FROM item_entities ie JOIN entities e ON e.id = ie.entity_id"
        f" JOIN items i ON i.id = ie.item_id JOIN documents d ON d.id = i.doc_id WHERE e.label IN ({labels})"
        " GROUP BY e.id ORDER BY e.label, упоминаний DESC"
    )
    grouped = pd.read_sql_query(sql, db)
    top = grouped.groupby("label").head(per_label).copy()
    top.insert(0, "тип", top.pop("label").map(RUSSIAN))
    return top.reset_index(drop=True)
