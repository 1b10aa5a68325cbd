"""``generalize to: year`` writes January 1st of the year, so a birth date of January 1st comes out unchanged.

That is documented as by design: the output is a function of the year alone. These tests pin that property for a
DATE column and for text dates in any format, with a control showing that the input itself does differ.
"""

from __future__ import annotations

import datetime as dt

import duckdb
from sqlglot import exp

from maskline.methods.registry import method_spec
from maskline.sql.compile import mask_expression

YEAR = method_spec("generalize", {"to": "year"})


def masked(sql_type: str, values: list[str]) -> list[object]:
    e = mask_expression(exp.column("v"), YEAR, "duckdb", source_type=sql_type)
    con = duckdb.connect()
    try:
        con.execute(f"CREATE TABLE t (i INTEGER, v {sql_type})")
        con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values)))
        return [r[0] for r in con.execute(f"SELECT {e.sql('duckdb')} FROM t ORDER BY i").fetchall()]
    finally:
        con.close()


def test_a_january_first_birth_date_gives_the_output_of_every_date_of_its_year() -> None:
    dates = ["1992-01-01", "1992-07-21", "1992-12-31"]
    assert len(set(dates)) == 3  # control: the inputs differ
    assert masked("DATE", dates) == [dt.date(1992, 1, 1)] * 3  # the January 1st one is its own truncation


def test_text_dates_of_any_format_give_the_same_output_within_a_year() -> None:
    texts = ["01.01.1992", "01/01/1992", "1 January 1992", "1992-01-01", "21.07.1992", "12/31/1992"]
    assert masked("VARCHAR", texts) == [dt.date(1992, 1, 1)] * len(texts)
    assert masked("VARCHAR", ["01.01.1993"]) == [dt.date(1993, 1, 1)]  # control: another year, another output
