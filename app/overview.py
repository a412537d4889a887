"""Figures of the overview tab: what the knowledge base holds, by region, year, kind and month."""

from __future__ import annotations

import pandas as pd

from pipeline.labels import EVENT, ORG, PER, RUSSIAN, SCHOOL

NO_REGION = "регион не указан"


def by_region_kind(items: pd.DataFrame) -> pd.DataFrame:
    """Items per region and document kind."""
    frame = items.assign(region=items.region.fillna(NO_REGION), kind=items.kind.fillna("—"))
    return frame.groupby(["region", "kind"]).size().reset_index(name="items")


def by_year(items: pd.DataFrame) -> pd.DataFrame:
    """Items per document year and region (years as text, so the plot shows them as categories)."""
    frame = items.dropna(subset=["year"]).assign(region=items.region.fillna(NO_REGION))
    counts = frame.groupby(["year", "region"]).size().reset_index(name="items")
    counts["year"] = counts.year.astype(int).astype(str)
    return counts


def timeline(items: pd.DataFrame) -> pd.DataFrame:
    """Activities by the month their deadline starts, per region."""
    frame = items.dropna(subset=["deadline_start"]).assign(region=items.region.fillna(NO_REGION))
    counts = frame.groupby(["deadline_start", "region"]).size().reset_index(name="items")
    counts["month"] = counts.deadline_start.astype(str)
    return counts[["month", "region", "items"]].sort_values("month", ignore_index=True)


def top_entities(entities: pd.DataFrame, per_label: int = 10) -> pd.DataFrame:
    """The most mentioned people, schools, organisations and events, with their reach."""
    wanted = entities[entities.label.isin([PER, SCHOOL, ORG, EVENT])]
    grouped = (
        wanted.groupby(["label", "canonical"])
        .agg(упоминаний=("item_id", "size"), документов=("doc_id", "nunique"), регионов=("region", "nunique"))
        .reset_index()
        .sort_values(["label", "упоминаний"], ascending=[True, False])
    )
    top = grouped.groupby("label").head(per_label).copy()
    top.insert(0, "тип", top.pop("label").map(RUSSIAN))
    return top.rename(columns={"canonical": "название"}).reset_index(drop=True)
