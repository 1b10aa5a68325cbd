"""Rows of scores (numbers stored as text, at most five digits), calendar dates with months' names and storage paths:
the columns the classifier passes as numbers, dates and paths; and the last row, past the sample, holding in each
column a secret that fits the form main held it to (round ``rowguard4``'s tests share them, core and dbt)."""

from __future__ import annotations

import datetime as dt

COLUMNS = ["score", "order_date", "output_path"]
# A Luhn-valid card's sixteen digits (main's numeric form had no width), a name where a month goes (main read a month
# by its first three letters), a person's name with a dot (main took any dotted end for a file's extension).
SECRETS = ["4111111111111111", "21 Janet 1990", "Ann.Smith"]
_TABLES = ["orders", "events", "clicks", "sessions", "payments"]


def bounded_row(i: int) -> list[str]:
    """Row ``i``: its id, a score, a date with its month's name (whole or abbreviated), a storage path.

    >>> bounded_row(1)
    ['1', '37.1', '02 January 2021', 'lake/events/1/part-1.parquet']
    """
    day = dt.date(2021, 1, 1) + dt.timedelta(days=i % 1400)
    return [str(i), f"{37 * i % 9000}.{i % 10}", day.strftime("%d %B %Y" if i % 2 else "%d %b %Y"),
            f"lake/{_TABLES[i % 5]}/{i % 300}/part-{i % 7}.parquet"]


def secret_row(rows: int) -> list[str]:
    """The row after ``rows``: its id, then each column's secret."""
    return [str(rows + 1), *SECRETS]
