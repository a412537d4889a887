"""The research tables' finishing: stored values turned into what pandas users group by.

The store reads each table in one query (index/store.py); here the item table's deadline
value becomes start and end months and its entity keys a list.
"""

from __future__ import annotations

import json

import pandas as pd


def items(frame: pd.DataFrame) -> pd.DataFrame:
    """Deadline months as `Period`s, the recurrence, and entity keys as a sorted list per item."""
    when = [json.loads(v) if isinstance(v, str) else {} for v in frame.pop("deadline_value")]
    frame["deadline_start"] = [_month(w.get("start_year"), w.get("start_month")) for w in when]
    frame["deadline_end"] = [_month(w.get("end_year"), w.get("end_month")) for w in when]
    frame["recurrence"] = [w.get("recurrence") for w in when]
    frame["entities"] = [sorted(set(e.split("; "))) if isinstance(e, str) else [] for e in frame["entities"]]
    return frame


def _month(year: int | None, month: int | None) -> pd.Period | None:
    return pd.Period(year=year, month=month, freq="M") if year and month else None
