"""``generalize to: year|month|day`` keeps the input's kind.

- A text column gives ISO 8601 text of reduced precision (``1992``, ``1992-07``): no made-up day is written, so a
  birth date of January 1st no longer comes out as itself.
- A DATE column gives a DATE, the first day of the unit (date functions keep working): a function of the year alone,
  so a January 1st birth date comes out equal to its input there, and tells no more than any date of its year.
- A column of unknown type (dbt's templates) gives a DATE, as a DATE column does.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from sqlglot import exp

from maskline.methods.registry import method_spec
from maskline.sql.compile import mask_expression


def masked(sql_type: str | None, values: list[str | None], to: str = "year") -> list[object]:
    e = mask_expression(exp.column("v"), method_spec("generalize", {"to": to}), "duckdb", source_type=sql_type)
    con = duckdb.connect()
    try:
        con.execute(f"CREATE TABLE t (i INTEGER, v {sql_type or 'VARCHAR'})")
        con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values)))
        return [r[0] for r in con.execute(f"SELECT {e.sql('duckdb')} FROM t ORDER BY i").fetchall()]
    finally:
        con.close()


def test_a_text_column_gives_the_year_alone_whatever_the_format() -> None:
    texts = ["01.01.1992", "01/01/1992", "1 January 1992", "1992-01-01", "21.07.1992", "12/31/1992"]
    out = masked("VARCHAR", texts)
    assert out == ["1992"] * len(texts)
    assert "1992-01-01" not in out  # the January 1st birth date is not written back as itself
    assert masked("VARCHAR", ["01.01.1993", "no date", None]) == ["1993", None, None]  # control: another year


@pytest.mark.parametrize(("to", "expected"), [("month", ["1992-07", "1992-01", None]),
                                              ("day", ["1992-07-21", "1992-01-09", None])])
def test_month_and_day_of_a_text_column_give_iso_text_of_the_unit(to: str, expected: list[object]) -> None:
    assert masked("VARCHAR", ["1992-07-21", "1992-01-09", "21.07.1992"], to=to) == expected


def test_a_date_column_keeps_its_type_the_first_day_of_the_year() -> None:
    dates = ["1992-01-01", "1992-07-21", "1992-12-31"]
    assert len(set(dates)) == 3  # control: the inputs differ
    assert masked("DATE", dates) == [dt.date(1992, 1, 1)] * 3  # the January 1st one is its own truncation


def test_a_column_of_unknown_type_gives_a_date() -> None:
    # dbt's templates are built without types: a model's DATE column must stay a DATE.
    assert masked(None, ["21.07.1992", "1992-01-01"]) == [dt.date(1992, 1, 1)] * 2


@pytest.mark.parametrize("dialect", ["postgres", "snowflake", "bigquery", "spark", "trino"])
def test_every_engine_reads_the_year_of_a_text_column_without_a_date(dialect: str) -> None:
    e = mask_expression(exp.column("v"), method_spec("generalize", {"to": "year"}), dialect, source_type="varchar")
    assert "DATE" not in e.sql(dialect).upper()  # the year is extracted as text
    control = mask_expression(exp.column("v"), method_spec("generalize", {"to": "year"}), dialect, source_type="date")
    assert "DATE" in control.sql(dialect).upper()
