"""A table whose sensitive columns the classifier leaves uncertain, shared by the mt_pii DAG and its tests.

``who`` holds lower-case full names (the person-name detectors need capitals) and ``c3`` plain-digit bank
account numbers under an opaque name: before the fail-closed decision reached XComs, both were stored raw.
``id``, ``day``, ``status`` and ``amount`` are confidently safe and must pass exactly unchanged.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

FIRST = ("john", "mary", "ahmed", "li", "anna")
LAST = ("smith", "jones", "khan", "wei")
ROWS = len(FIRST) * len(LAST)
UNCERTAIN = ("who", "c3")
SAFE = ("id", "day", "status", "amount")


def uncertain_columns() -> dict[str, list[Any]]:
    """The table as a dict of column lists (``df.to_dict("list")``), the same on every call."""
    rng = random.Random(2026)
    return {
        "id": list(range(1, ROWS + 1)),
        "who": [f"{first} {last}" for first in FIRST for last in LAST],
        "c3": [int("".join(rng.choice("123456789") for _ in range(rng.choice((8, 10, 12))))) for _ in range(ROWS)],
        "day": [dt.datetime(2024, 1, 1) + dt.timedelta(days=i) for i in range(ROWS)],
        "status": [("open", "closed", "pending")[i % 3] for i in range(ROWS)],
        "amount": [round(rng.uniform(1, 500), 2) for _ in range(ROWS)],
    }


def uncertain_frame() -> Any:
    import pandas as pd

    return pd.DataFrame(uncertain_columns())


def uncertain_rows() -> list[dict[str, Any]]:
    """The table as a DB-API dict cursor gives it: one dict of plain Python values per row."""
    table = uncertain_columns()
    return [dict(zip(table, values, strict=True)) for values in zip(*table.values(), strict=True)]


def raw_uncertain_values() -> set[str]:
    """The sensitive cells as text, to look for in whatever was stored."""
    table = uncertain_columns()
    return {str(v) for column in UNCERTAIN for v in table[column]}


def uncertain_labelled(orient: str, dates: bool = True) -> dict[str, Any]:
    """The table with text row labels (``customer-1``...) as ``df.to_dict(orient)`` gives it (``"dict"``:
    ``{column: {label: value}}``, ``"index"``: ``{label: {column: value}}``); without ``day`` unless ``dates``
    (pandas gives its dates as ``Timestamp``, which only the table path turns into what serde stores)."""
    frame = uncertain_frame()
    if not dates:
        frame = frame.drop(columns=["day"])
    frame.index = [f"customer-{i}" for i in range(1, ROWS + 1)]
    return frame.to_dict(orient)
