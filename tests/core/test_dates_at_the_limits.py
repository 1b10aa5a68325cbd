"""Dates at the engines' limits and before year 1 mask alike on DuckDB and PostgreSQL, and a BC date never becomes
the AD one.

- ``generalize to: day/month`` of text gives ISO 8601 text of reduced precision, which has a four-digit year and no
  era: ``'2024-01-01 BC'`` is NULL (on lead1955 PostgreSQL read its digits and gave ``2024-01-01``; DuckDB's parse
  of ``'2024-01-01 (BC)'`` lost the era in its first ten characters). A DATE column keeps its era: the first day of
  2024 BC's year is a DATE of 2024 BC.
- hash of a DATE is the hash of its canonical text, which PostgreSQL wrote through a timestamp (``TO_CHAR``): a date
  past year 294276 failed, and a BC date had the AD date's token. Now both engines write one text per date, so the
  tokens agree across engines, and a BC date's differs from the AD one's.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from tests.core.totality_cases import masked_select

# date -> (DuckDB literal, PostgreSQL literal)
DATES = {"bc": ("'2024-05-06 (BC)'", "'2024-05-06 BC'"), "ad": ("'2024-05-06'", "'2024-05-06'"),
         "far": ("'5874897-12-31'", "'5874897-12-31'"), "small": ("'0099-01-02'", "'0099-01-02'"),
         "infinite": ("'infinity'", "'infinity'")}
TEXTS = ("2024-01-01 BC", "2024-01-01 (BC)", "2024-01-01", "1985-07-21 10:00:00")


def _mask(con: Any, dialect: str, sql_type: str, literals: list[str], method: dict[str, Any],
          schema: str | None = None) -> list[Any]:
    from maskline.adapters import engine

    adapter = engine(dialect)
    cur = con.cursor()
    table = f"{schema}.lim" if schema else "lim"
    cur.execute(f"DROP TABLE IF EXISTS {table}")
    cur.execute(f"CREATE TABLE {table} (id INTEGER, v {sql_type})")
    cur.execute(f"INSERT INTO {table} VALUES " + ", ".join(f"({i}, CAST({v} AS {sql_type}))"
                                                            for i, v in enumerate(literals)))
    sql = masked_select(adapter, cur, dialect, "lim", adapter.table(table), method)
    assert sql is not None
    if dialect == "postgres":
        cur.execute("SET DateStyle = 'ISO, YMD'")  # how the check reads a date back (the masking needs no style)
    cur.execute(f"SELECT CAST(q.v AS VARCHAR) FROM ({sql}) AS q ORDER BY q.id")
    return [r[0] for r in cur.fetchall()]


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def con(request: pytest.FixtureRequest) -> Any:
    if request.param == "duckdb":
        return "duckdb", duckdb.connect()
    return "postgres", request.getfixturevalue("pg_conn")


@pytest.mark.parametrize("unit", ["day", "month"])
def test_a_bc_text_date_is_null_never_the_ad_date(con: Any, unit: str) -> None:
    dialect, c = con
    got = _mask(c, dialect, "text", [f"'{t}'" for t in TEXTS], {"method": "generalize", "to": unit})
    cut = 10 if unit == "day" else 7
    assert got == [None, None, "2024-01-01"[:cut], "1985-07-21"[:cut]]


def test_a_bc_date_column_keeps_its_era(con: Any) -> None:
    dialect, c = con
    literals = [DATES["bc"][dialect == "postgres"], DATES["far"][dialect == "postgres"]]
    era = " (BC)" if dialect == "duckdb" else " BC"
    for unit, first in (("day", "2024-05-06"), ("month", "2024-05-01"), ("year", "2024-01-01")):
        far = {"day": "5874897-12-31", "month": "5874897-12-01", "year": "5874897-01-01"}[unit]
        assert _mask(c, dialect, "date", literals, {"method": "generalize", "to": unit}) == [first + era, far]


@pytest.mark.postgres
def test_date_tokens_agree_across_engines_and_keep_the_era(pg_conn: Any) -> None:
    method = {"method": "hmac"}
    names = list(DATES)
    on_duckdb = _mask(duckdb.connect(), "duckdb", "date", [DATES[n][0] for n in names], method)
    cur = pg_conn.cursor()
    from maskline.adapters import engine

    adapter = engine("postgres")
    cur.execute("DROP TABLE IF EXISTS lim")
    cur.execute("CREATE TABLE lim (id INTEGER, v date)")
    cur.execute("INSERT INTO lim VALUES " + ", ".join(f"({i}, {DATES[n][1]})" for i, n in enumerate(names)))
    sql = masked_select(adapter, cur, "postgres", "lim", adapter.table("lim"), method)
    cur.execute(f"SELECT q.v FROM ({sql}) AS q ORDER BY q.id")
    on_postgres = [r[0] for r in cur.fetchall()]
    assert on_duckdb == on_postgres  # on lead1955 PostgreSQL failed on the far date
    tokens = dict(zip(names, on_postgres, strict=True))
    assert tokens["bc"] != tokens["ad"] and None not in tokens.values()
