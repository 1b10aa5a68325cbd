"""``maskline sql --table T --columns ...`` under ``unclassified: mask`` reads the stored scan, and its SQL runs.

Before, the stored scan was read under ``unclassified: pass`` only: under ``mask`` every column the policy does not
name was redacted, even one the scan proved safe (as ``maskline mask`` does not), because reading it would put the
text-shape check on columns whose type ``--columns`` does not say, and DuckDB refuses ``regexp_matches(BIGINT,
...)``. The check now runs on the column's text cast when its type is unknown. The printed SQL runs on real DuckDB
and PostgreSQL over a BIGINT and a text column: the values the scan proved safe pass, a value of another shape
that arrived after the scan is redacted, and the e-mail and a column the scan never saw are masked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_first_use import run_cli

COLUMNS = "id,amount,email,added_later"
# Written after the scan: an amount holding a name, which no shape check the scan relied on lets through.
ROWS: list[tuple[Any, ...]] = [(1, "12.25", "ana@correo.es", "x"), (2, "Jo Bloggs", "bob@example.org", None),
                               (3, None, None, "y")]
EXPECTED = [("1", "12.25", "[EMAIL]", "[REDACTED]"), ("2", "[REDACTED]", "[EMAIL]", None), ("3", None, None,
                                                                                          "[REDACTED]")]


def _printed_sql(tmp_path: Path, dialect: str) -> str:
    src = tmp_path / "customers.csv"
    src.write_text("id,amount,email\n" + "".join(f"{i},{i}.25,person{i}@example.com\n" for i in range(40)))
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\nunclassified: mask\ndatasets:\n  customers:\n    columns:\n"
                      "      email: {info_type: EMAIL, method: redact}\n")
    assert run_cli("scan", str(src), "--policy", str(policy), "--save").returncode == 0
    r = run_cli("sql", "--dialect", dialect, "--policy", str(policy), "--table", "customers", "--columns", COLUMNS)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip().splitlines()[-1]


def _text_rows(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [tuple(None if v is None else str(v) for v in row) for row in sorted(rows, key=lambda r: str(r[0]))]


def test_duckdb_runs_the_sql_and_passes_what_the_scan_proved_safe(tmp_path: Path) -> None:
    import duckdb

    select = _printed_sql(tmp_path, "duckdb")
    con = duckdb.connect()
    con.execute("CREATE TABLE customers (id BIGINT, amount VARCHAR, email VARCHAR, added_later VARCHAR)")
    con.executemany("INSERT INTO customers VALUES (?, ?, ?, ?)", ROWS)
    assert _text_rows(con.execute(select).fetchall()) == EXPECTED


@pytest.mark.postgres
def test_postgres_runs_the_sql_and_passes_what_the_scan_proved_safe(tmp_path: Path, pg_module_dsn: str) -> None:
    import psycopg2

    select = _printed_sql(tmp_path, "postgres")
    # this module's own database: the printed SQL reads ``customers`` by that name
    pg_conn = psycopg2.connect(pg_module_dsn)
    pg_conn.autocommit = True
    try:
        with pg_conn.cursor() as cur:
            cur.execute("CREATE TABLE customers (id BIGINT, amount TEXT, email TEXT, added_later TEXT)")
            cur.executemany("INSERT INTO customers VALUES (%s, %s, %s, %s)", ROWS)
            cur.execute(select)
            assert _text_rows(cur.fetchall()) == EXPECTED
    finally:
        pg_conn.close()


def test_a_typed_text_column_keeps_its_sql(tmp_path: Path) -> None:
    """Control: where the type is known to be text, the check reads the column itself (no cast)."""
    from sqlglot import exp

    from maskline.sql.shape_guard import shape_redacted

    sql = shape_redacted(exp.column("amount"), "numeric", "varchar", "duckdb").sql("duckdb")
    assert "CAST" not in sql and "REGEXP_MATCHES(amount || '#'," in sql  # the value itself, with the end sentinel
