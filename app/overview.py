"""The overview tab: what the knowledge base holds, by region, year, kind and month, and who is named most.

Each figure is one aggregate query of the store (`KnowledgeBase.overview`), so the tab stays
quick on large collections; here they get the page's Russian column names.
"""

from __future__ import annotations

import pandas as pd

from index.results import Overview
from pipeline.labels import RUSSIAN


def top_entities(o: Overview, per_label: int = 10) -> pd.DataFrame:
    """The most mentioned people, schools, organisations and events, with their reach."""
    top = o.entity_reach.groupby("label").head(per_label).copy()
    top = top.rename(
        columns={"canonical": "название", "mentions": "упоминаний", "documents": "документов", "regions": "регионов"}
    )
    top.insert(0, "тип", top.pop("label").map(RUSSIAN))
    return top.reset_index(drop=True)


def figures(o: Overview) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, str]:
    """The tab's three plots, its table and its totals line, in the order the page shows them."""
    totals = f"Документов: {o.documents}, пунктов: {o.items}, сущностей: {o.entities}."
    return o.by_region_kind, o.by_year, o.timeline, top_entities(o), totals
