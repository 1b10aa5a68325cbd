"""Rows of calendar dates (day first), ISO timestamps with milliseconds and storage paths with street words: the
columns the classifier passes as dates, times and paths (the dates row-guard tests share them, core and dbt)."""

from __future__ import annotations

import datetime as dt

COLUMNS = ["order_date", "shipped_at", "output_path"]
STREETS = ["mill", "park", "oak", "station", "river", "hill"]
TABLES = ["orders", "events", "clicks", "sessions", "payments"]


def dated_row(i: int) -> list[str]:
    """Row ``i``: its id, then a date over four years, a timestamp, a storage path.

    >>> dated_row(1)
    ['1', '02.01.2021', '2024-01-01 00:00:37.001', '/data/park/events/1/export.parquet']
    """
    day = dt.date(2021, 1, 1) + dt.timedelta(days=i % 1400)
    time = dt.datetime(2024, 1, 1) + dt.timedelta(seconds=37 * i, milliseconds=i % 1000)
    return [str(i), day.strftime("%d.%m.%Y"), time.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3],
            f"/data/{STREETS[i % 6]}/{TABLES[i % 5]}/{i % 300}/export.parquet"]
