"""Every masking method is total on DuckDB and PostgreSQL: for any value a column's type holds, it gives a value or
NULL, never an error.

A failure that only some raw values cause is an oracle (a row filter ``WHERE id = k`` asks one row at a time), and it
fails a whole table's masking. Each type of :mod:`tests.core.totality_cases` is a one-column table of its extreme
values (least and greatest integers and decimals, dates at the engine's limits and at infinity, NaN and infinite
doubles, empty and 100 000-character strings, bytes that are no UTF-8, NULL), masked through the core
(:func:`maskline.sql.compile.compile_select` from the engine's own reading of the table's types) by every method
form. A method the core refuses for the type (a ``PolicyError``) or the engine refuses to plan for it (the same
query fails on an empty table of that type) is a refusal, the same for every value; anything else must read.

On lead1955 this found, and the fixes answer: DuckDB's ``generalize to: year/month`` of a DATE or TIMESTAMP past the
TIMESTAMP range (``DATE_TRUNC`` of a DATE is a TIMESTAMP there); PostgreSQL's hash, hmac, fake and ``to:
year/month`` of a DATE past year 294276 (``TO_CHAR`` and ``DATE_TRUNC`` read it as a timestamp); ``null`` of a
PostgreSQL array (``CAST(NULL AS ARRAY)``); and ``bucket`` of a PostgreSQL ``char(n)`` of blanks (the type was not
known as text, so its values reached a cast to a number).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.core.totality_cases import DUCKDB, METHODS, POSTGRES, masked_select


def _fuzz(con: Any, dialect: str, cases: dict[str, tuple[str, ...]], error: type[Exception],
          schema: str | None = None) -> tuple[list[tuple[str, str]], int]:
    """(type, method) pairs whose masking failed on the values but planned on an empty table; and how many pairs
    read every value (the control that the fuzz ran)."""
    from maskline.adapters import engine

    adapter = engine(dialect)
    cur = con.cursor()
    failed: list[tuple[str, str]] = []
    read = 0
    for i, (sql_type, values) in enumerate(cases.items()):
        table, empty = f"fz{i}", f"fz{i}_empty"
        full, full_empty = (f"{schema}.{t}" if schema else t for t in (table, empty))
        cur.execute(f"CREATE TABLE {full} (v {sql_type})")
        cur.execute(f"CREATE TABLE {full_empty} (v {sql_type})")
        rows = ", ".join(f"(CAST({v} AS {sql_type}))" for v in (*values, "NULL"))
        cur.execute(f"INSERT INTO {full} VALUES {rows}")
        source, source_empty = adapter.table(full), adapter.table(full_empty)
        for name, method in METHODS.items():
            sql = masked_select(adapter, cur, dialect, table, source, method)
            if sql is None:
                continue
            try:
                # read as text: a driver cannot represent every value (Python has no BC dates); the engine can
                cur.execute(f"SELECT CAST(q.v AS VARCHAR) FROM ({sql}) AS q")
                cur.fetchall()
                read += 1
            except error:
                empty_sql = sql.replace(str(source.sql(dialect=adapter.dialect().sqlglot_name)),
                                        str(source_empty.sql(dialect=adapter.dialect().sqlglot_name)))
                try:
                    cur.execute(f"SELECT CAST(q.v AS VARCHAR) FROM ({empty_sql}) AS q")
                    cur.fetchall()
                except error:
                    continue  # the engine refuses the method for this type, whatever the values
                failed.append((sql_type, name))
    return failed, read


def test_every_method_is_total_over_duckdbs_extreme_values() -> None:
    import duckdb

    con = duckdb.connect()
    failed, read = _fuzz(con, "duckdb", DUCKDB, duckdb.Error)
    assert failed == []
    assert read > 300  # control: most pairs ran over every value


@pytest.mark.postgres
def test_every_method_is_total_over_postgresqls_extreme_values(pg_conn: Any) -> None:
    import psycopg2

    failed, read = _fuzz(pg_conn, "postgres", POSTGRES, psycopg2.Error)
    assert failed == []
    assert read > 300
