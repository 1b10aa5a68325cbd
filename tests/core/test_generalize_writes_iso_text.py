"""``generalize to: year|month|day`` writes ISO 8601 text of reduced precision (``1992``, ``1992-07``), whatever the
column's type: a DATE column, a text column of any date format, and a column of unknown type (dbt's templates) give
the same text, so one policy gives one output on every face. No made-up day is written, so a birth date of January
1st no longer comes out as itself.
"""

from __future__ import annotations

import duckdb
import pytest
from sqlglot import exp

from maskline.methods.registry import method_spec
from maskline.sql.compile import mask_expression


def masked(sql_type: str | None, values: list[str | None], to: str = "year", dialect: str = "duckdb") -> list[object]:
    e = mask_expression(exp.column("v"), method_spec("generalize", {"to": to}), dialect, source_type=sql_type)
    con = duckdb.connect()
    try:
        con.execute(f"CREATE TABLE t (i INTEGER, v {sql_type or 'VARCHAR'})")
        con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values)))
        return [r[0] for r in con.execute(f"SELECT {e.sql('duckdb')} FROM t ORDER BY i").fetchall()]
    finally:
        con.close()


def test_a_january_first_birth_date_is_not_written_back_as_itself() -> None:
    dates = ["1992-01-01", "1992-07-21", "1992-12-31"]
    assert len(set(dates)) == 3  # control: the inputs differ
    for sql_type in ("DATE", "VARCHAR", None):
        out = masked(sql_type, dates)
        assert out == ["1992"] * 3, sql_type
        assert "1992-01-01" not in out


def test_a_text_column_gives_the_year_whatever_the_format() -> None:
    texts = ["01.01.1992", "01/01/1992", "1 January 1992", "1992-01-01", "21.07.1992", "12/31/1992"]
    assert masked("VARCHAR", texts) == ["1992"] * len(texts)
    assert masked("VARCHAR", ["01.01.1993", "no date", None]) == ["1993", None, None]  # control: another year


@pytest.mark.parametrize(("to", "expected"), [("month", ["1992-07", "1992-01", None]),
                                              ("day", ["1992-07-21", "1992-01-09", None])])
def test_month_and_day_give_iso_text_of_the_unit(to: str, expected: list[object]) -> None:
    assert masked("VARCHAR", ["1992-07-21", "1992-01-09", "21.07.1992"], to=to) == expected
    assert masked("DATE", ["1992-07-21", "1992-01-09", None], to=to) == expected  # the same text from a DATE


def test_day_drops_a_timestamps_time() -> None:
    assert masked("TIMESTAMP", ["1992-07-21 13:45:00", None], to="day") == ["1992-07-21", None]


@pytest.mark.parametrize("dialect", ["postgres", "snowflake", "bigquery", "spark", "trino"])
def test_every_engine_extracts_the_year_of_text_without_a_date_cast(dialect: str) -> None:
    e = mask_expression(exp.column("v"), method_spec("generalize", {"to": "year"}), dialect, source_type="varchar")
    assert "DATE" not in e.sql(dialect).upper()  # any format: the year is read from the text
    control = mask_expression(exp.column("v"), method_spec("generalize", {"to": "month"}), dialect,
                              source_type="varchar")
    assert "DATE" in control.sql(dialect).upper()  # month reads ISO dates through a cast
