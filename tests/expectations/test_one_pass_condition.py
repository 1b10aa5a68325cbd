"""The no-PII condition reads each value once: the same verdicts as one match per pattern, on real engines.

``sql_contains_pii`` folds a value's digits once (``~ ANY (ARRAY[...])`` on PostgreSQL) where the per-pattern ``OR``
folded them once per pattern. The property is equivalence: on the SQL scrub parity corpus, the script-digit cases and
a NULL, every row gets the verdict of the per-pattern form, for every info type alone and for all of them, on real
PostgreSQL (and the construct on real DuckDB), and GX on PostgreSQL counts the rows the per-pattern form counts.
Control: the corpus is no trivial one, the forms flag some rows and pass others.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from maskline.expectations.pii_conditions import (
    sql_contains_pii,
    sql_contains_pii_per_pattern,
    sql_pattern_types,
)
from tests.core.test_sql_scrub_parity import CORPUS
from tests.expectations.test_script_digit_checks import TEXTS as SCRIPT_DIGIT_TEXTS

TEXTS: list[str | None] = [text for text, *_ in CORPUS] + SCRIPT_DIGIT_TEXTS + [None, ""]
SUBSETS: list[list[str] | None] = [None, *[[name] for name in sql_pattern_types()], ["EMAIL", "US_SSN"]]
TABLE = "maskline_one_pass_corpus"


def _verdicts_query(subset: list[str] | None) -> Any:
    import sqlalchemy as sa

    table = sa.table(TABLE, sa.column("id"), sa.column("notes"))
    return sa.select(table.c.id, sql_contains_pii(table.c.notes, subset),
                     sql_contains_pii_per_pattern(table.c.notes, subset)).order_by(table.c.id)


def _load(conn: Any) -> None:
    import sqlalchemy as sa

    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")
    conn.exec_driver_sql(f"CREATE TABLE {TABLE} (id INTEGER, notes TEXT)")
    conn.execute(sa.text(f"INSERT INTO {TABLE} VALUES (:id, :notes)"),
                 [{"id": i, "notes": t} for i, t in enumerate(TEXTS)])


def _assert_same(rows: list[tuple[Any, ...]]) -> None:
    assert len(rows) == len(TEXTS)
    different = [TEXTS[i] for i, one_pass, per_pattern in rows if one_pass != per_pattern]
    assert different == []


def test_postgres_sql_folds_the_digits_once_not_once_per_pattern() -> None:
    import sqlalchemy as sa
    from sqlalchemy.dialects import postgresql

    sql = str(sql_contains_pii(sa.column("c"), None).compile(dialect=postgresql.dialect()))
    per_pattern = str(sql_contains_pii_per_pattern(sa.column("c"), None).compile(dialect=postgresql.dialect()))
    # PostgreSQL's calls are printed pg_catalog.regexp_replace( (maskline.dialects.postgres_catalog)
    assert sql.lower().count("regexp_replace(") == 11  # one reading: ten digit values and the format characters
    assert per_pattern.lower().count("regexp_replace(") == 11 * len(sql_pattern_types())  # the peer: one per pattern


@pytest.mark.postgres
def test_one_pass_and_per_pattern_agree_on_every_row_on_postgres(pg_dsn: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(pg_dsn.replace("postgresql://", "postgresql+psycopg2://"))
    try:
        with engine.begin() as conn:
            _load(conn)
            flagged = set()
            for subset in SUBSETS:
                rows = [tuple(r) for r in conn.execute(_verdicts_query(subset))]
                _assert_same(rows)
                flagged |= {i for i, one_pass, _ in rows if one_pass}
    finally:
        engine.dispose()
    assert 0 < len(flagged) < len(TEXTS) - 2  # control: some rows flagged, some clean (and NULL, '' never)
    assert TEXTS.index(None) not in flagged and TEXTS.index("") not in flagged


def test_the_postgres_construct_agrees_with_per_pattern_on_duckdb() -> None:
    import duckdb
    from sqlalchemy.dialects import postgresql

    con = duckdb.connect()
    con.execute(f"CREATE TABLE {TABLE} (id INTEGER, notes VARCHAR)")
    con.executemany(f"INSERT INTO {TABLE} VALUES (?, ?)", list(enumerate(TEXTS)))
    # DuckDB reads PostgreSQL's ~ ANY (ARRAY[...]); named parameters keep '%' (in %40) as it is written
    dialect = postgresql.dialect(paramstyle="named")
    flagged = set()
    for subset in (None, ["EMAIL"], ["PHONE"], ["US_SSN"]):
        sql = str(_verdicts_query(subset).compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
        assert " ~ ANY (ARRAY[" in sql
        # The PostgreSQL SQL names pg_catalog for each call and operator, which DuckDB has no functions in: the
        # same construct, unqualified, is what DuckDB is asked here
        sql = re.sub(r"OPERATOR\(pg_catalog\.([^)]+)\)", r"\1", sql).replace("pg_catalog.", "")
        rows = con.execute(sql).fetchall()
        _assert_same(rows)
        flagged |= {i for i, one_pass, _ in rows if one_pass}
    assert 0 < len(flagged) < len(TEXTS) - 2


@pytest.mark.postgres
def test_gx_on_postgres_counts_the_rows_the_per_pattern_form_counts(gx_context: Any, pg_dsn: str) -> None:
    import sqlalchemy as sa

    from maskline.expectations import ExpectColumnValuesToNotContainPii
    from maskline.expectations.batches import sql_batch

    engine = sa.create_engine(pg_dsn.replace("postgresql://", "postgresql+psycopg2://"))
    table = sa.table(TABLE, sa.column("notes"))
    try:
        with engine.begin() as conn:
            _load(conn)
            expected = conn.execute(sa.select(sa.func.count()).select_from(table).where(
                sql_contains_pii_per_pattern(table.c.notes, None))).scalar_one()
    finally:
        engine.dispose()
    result = sql_batch(gx_context, pg_dsn, TABLE).validate(ExpectColumnValuesToNotContainPii(column="notes"),
                                                          result_format="COMPLETE")
    assert not result.exception_info.get("raised_exception"), result.exception_info.get("exception_message")
    assert result.result["unexpected_count"] == expected > 0
    listed = result.result["unexpected_list"]
    assert len(listed) == expected
    assert not {t for t in TEXTS if t} & set(listed)  # pseudonyms, never the values
