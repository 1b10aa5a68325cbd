"""Checks read the digits of every script as ASCII digits: dbt's ``maskline_no_pii`` and the GX expectation.

A phone, card, SSN or IBAN written in Arabic-Indic, Persian, Devanagari, Thai or another script's digits is what
the Python scrubber finds (``maskline.script_digits``); each check must flag it too, on real dbt (DuckDB), real GX
(pandas and PostgreSQL's SQL datasource) and the SQL itself on real DuckDB and PostgreSQL. The property is the ASCII
twin: every text gets the verdict its ASCII-digit twin gets, on every engine, so a look-alike that fails a validator
stays unflagged where it is validated (pandas) and is flagged by shape where it is not (SQL, limit ``no_checksum``),
exactly as in ASCII. Controls: numbers of no sensitive shape stay unflagged in every script, and an ASCII value is
matched as it is written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from maskline.script_digits import ascii_digits

# (text, flagged everywhere, flagged by pandas, which validates candidates; SQL flags shapes)
CASES: list[tuple[str, bool, bool]] = [
    ("ssn ٥٣٦-٩٠-٤٣٩٩ on file", True, True),  # Arabic-Indic
    ("card ۴۱۱۱ ۱۱۱۱ ۱۱۱۱ ۱۱۱۱ declined", True, True),  # Persian
    ("call +४४ २० ७९४६ ०९५८ after five", True, True),  # Devanagari
    ("iban DE๘๙ ๓๗๐๔ ๐๐๔๔ ๐๕๓๒ ๐๑๓๐ ๐๐ ok", True, True),  # Thai
    ("ssn 𝟓𝟑𝟔-𝟗𝟎-𝟒𝟑𝟗𝟗", True, True),  # mathematical bold digits, outside the BMP
    ("تلفن ۰۹۱۲۳۴۵۶۷۸۹ mobile ٠٥٠١٢٣٤٥٦٧", True, True),  # two scripts in one value
    # look-alikes that fail their validator (Luhn, mod-97): flagged by shape in SQL, as their ASCII twins are
    ("card ۴۱۱۱ ۱۱۱۱ ۱۱۱۱ ۱۱۱۲ declined", False, False),
    ("iban DE๐๐๓๗๐๔๐๐๔๔๐๕๓๒๐๑๓๐๐๐ bad", False, False),
    ("ssn ٦٦٦-٩٠-٤٣٩٩ on file", False, False),  # area 666 is never issued
    # no sensitive shape in any script
    ("السعر ٢٠٢٤ ريال", False, False),
    ("order ١٢٣٤٥ shipped", False, False),
    ("page ४२ of १००", False, False),
    ("no digits at all", False, False),
]
SQL_FLAGS_BY_SHAPE = {6, 7, 8}  # the look-alikes' indexes
TEXTS = [text for text, _, _ in CASES]
TWINS = [ascii_digits(text) for text in TEXTS]


def _columns() -> list[str]:
    return [f"c{i}" for i in range(len(CASES))]


def _sql_expected(i: int) -> bool:
    return CASES[i][1] or i in SQL_FLAGS_BY_SHAPE


def test_the_cases_and_their_twins_are_what_they_claim() -> None:
    from maskline.text import scrub

    assert all(t != twin for t, twin in zip(TEXTS, TWINS, strict=True) if t != "no digits at all")
    assert [scrub(t)[0] != t for t in TEXTS] == [pandas for _, _, pandas in CASES]
    assert [scrub(t)[0] != t for t in TWINS] == [pandas for _, _, pandas in CASES]


def _write_duckdb(con: Any) -> None:
    columns = ", ".join(f"{c} VARCHAR" for c in _columns())
    for table, values in (("script_digit_texts", TEXTS), ("ascii_twins", TWINS)):
        con.execute(f"CREATE TABLE {table} ({columns})")
        con.execute(f"INSERT INTO {table} VALUES ({', '.join('?' for _ in values)})", values)


# --- GX: the expectation on pandas and on PostgreSQL's SQL datasource ---------------------------------------------

def _gx_verdicts(batch: Any) -> list[bool]:
    """Per column, whether the check fails it: no PII, and the scrub method's shape (the same verdict)."""
    from maskline.expectations import ExpectColumnValuesToBeMasked, ExpectColumnValuesToNotContainPii

    no_pii = [not batch.validate(ExpectColumnValuesToNotContainPii(column=c)).success for c in _columns()]
    scrubbed = [not batch.validate(ExpectColumnValuesToBeMasked(column=c, method="scrub")).success for c in _columns()]
    assert no_pii == scrubbed
    return no_pii


def test_gx_on_pandas_flags_values_in_any_script_as_their_ascii_twins(gx_context: Any) -> None:
    import pandas as pd

    from maskline.expectations.batches import pandas_batch

    got = _gx_verdicts(pandas_batch(gx_context, pd.DataFrame([TEXTS], columns=_columns()), asset="texts"))
    twins = _gx_verdicts(pandas_batch(gx_context, pd.DataFrame([TWINS], columns=_columns()), asset="twins"))
    assert got == [pandas for _, _, pandas in CASES]
    assert got == twins


@pytest.mark.postgres
def test_gx_on_postgres_flags_values_in_any_script_as_their_ascii_twins(gx_context: Any, pg_module_dsn: str) -> None:
    import psycopg2

    from maskline.expectations.batches import sql_batch

    pg_dsn = pg_module_dsn  # this module's own database: the tables have fixed names

    conn = psycopg2.connect(pg_dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        columns = ", ".join(f"{c} TEXT" for c in _columns())
        for table, values in (("script_digit_texts", TEXTS), ("ascii_twins", TWINS)):
            cur.execute(f"CREATE TABLE {table} ({columns})")
            cur.execute(f"INSERT INTO {table} VALUES ({', '.join('%s' for _ in values)})", values)
    conn.close()
    got = _gx_verdicts(sql_batch(gx_context, pg_dsn, "script_digit_texts"))
    twins = _gx_verdicts(sql_batch(gx_context, pg_dsn, "ascii_twins"))
    assert got == [_sql_expected(i) for i in range(len(CASES))]
    assert got == twins


# --- the SQL itself: the fold on real DuckDB and PostgreSQL ---------------------------------------------------------

def _fold_sql(dialect: str) -> str:
    from sqlglot import exp

    from maskline.dialects import get_dialect
    from maskline.sql.ascii_digits import ascii_digits_sql

    d = get_dialect(dialect)
    return ascii_digits_sql(exp.column("v"), d).sql(d.sqlglot_name)


def test_duckdb_reads_every_script_digit_as_ascii_and_ascii_as_it_is() -> None:
    import duckdb

    from maskline.script_digits import other_digits_by_value

    every = "".join(other_digits_by_value())
    values = [*TEXTS, *TWINS, every]
    con = duckdb.connect()
    con.execute("CREATE TABLE t (i INTEGER, v VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values)))
    got = [r[0] for r in con.execute(f"SELECT {_fold_sql('duckdb')} FROM t ORDER BY i").fetchall()]
    assert got == [*TWINS, *TWINS, ascii_digits(every)]
    assert got[-1] == "".join(str(v) * len(d) for v, d in enumerate(other_digits_by_value()))


@pytest.mark.postgres
def test_postgres_reads_every_script_digit_as_ascii_and_ascii_as_it_is(pg_conn: Any) -> None:
    from maskline.script_digits import other_digits_by_value

    every = "".join(other_digits_by_value())
    values = [*TEXTS, *TWINS, every]
    with pg_conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE folds (i INTEGER, v TEXT)")
        cur.executemany("INSERT INTO folds VALUES (%s, %s)", list(enumerate(values)))
        cur.execute(f"SELECT {_fold_sql('postgres')} FROM folds ORDER BY i")
        got = [r[0] for r in cur.fetchall()]
    assert got == [*TWINS, *TWINS, ascii_digits(every)]


@pytest.mark.parametrize("dialect", ["bigquery", "duckdb", "postgres", "snowflake", "spark", "trino"])
def test_the_fold_parses_back_in_each_dialect_with_its_digit_table_intact(dialect: str) -> None:
    import sqlglot
    from sqlglot import exp

    from maskline.dialects import get_dialect
    from maskline.script_digits import other_digits_by_value
    from maskline.sql.ascii_digits import other_digit_class

    tree = sqlglot.parse_one(f"SELECT {_fold_sql(dialect)} AS v FROM t", read=get_dialect(dialect).sqlglot_name)
    strings = [lit.this for lit in tree.find_all(exp.Literal) if lit.is_string and lit.this != "g"]  # the flag
    expected = [other_digit_class(), *(s for v, d in enumerate(other_digits_by_value()) for s in (f"[{d}]", str(v)))]
    assert sorted(strings) == sorted(expected)


# --- dbt: maskline_no_pii on real dbt and DuckDB --------------------------------------------------------------------

@pytest.mark.dbt
@pytest.mark.xdist_group("dbt_parity")
def test_dbt_no_pii_flags_values_in_any_script_as_their_ascii_twins(tmp_path: Path) -> None:
    import duckdb

    from tests.conftest import TEST_KEY
    from tests.dbt.dbt_harness import PACKAGE, DbtProject

    database = tmp_path / "digits.duckdb"
    con = duckdb.connect(str(database))
    _write_duckdb(con)
    con.close()
    root = tmp_path / "project"
    (root / "models").mkdir(parents=True)
    (root / "dbt_project.yml").write_text(yaml.safe_dump({
        "name": "maskline_script_digits", "version": "1.0", "config-version": 2, "profile": "digits"}))
    (root / "packages.yml").write_text(yaml.safe_dump({"packages": [{"local": str(PACKAGE)}]}))
    tables = [{"name": table, "columns": [
        {"name": c, "data_tests": [{"maskline.maskline_no_pii": {"name": f"{table}_{c}"}},
                                    {"maskline.maskline_is_masked": {"name": f"scrubbed_{table}_{c}",
                                                                     "arguments": {"method": "scrub"}}}]}
        for c in _columns()]}
        for table in ("script_digit_texts", "ascii_twins")]
    (root / "models" / "sources.yml").write_text(yaml.safe_dump(
        {"version": 2, "sources": [{"name": "checks", "schema": "main", "tables": tables}]}, sort_keys=False))
    (root / "_profiles").mkdir()
    (root / "_profiles" / "profiles.yml").write_text(yaml.safe_dump({"digits": {"target": "duckdb", "outputs": {
        "duckdb": {"type": "duckdb", "path": str(database), "threads": 1}}}}))
    env = {k: v for k, v in os.environ.items() if not k.startswith("DBT_")}
    env.update({"MASKLINE_KEY": TEST_KEY, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"})
    project = DbtProject(root, root / "_profiles", "duckdb", env)
    project.run("deps")
    project.run("test", check=False)
    status = {r["unique_id"].split(".")[2]: r["status"] for r in project.run_results().values()}
    assert set(status.values()) <= {"pass", "fail"}, status  # an error is no verdict
    got = [status[f"script_digit_texts_{c}"] == "fail" for c in _columns()]
    twins = [status[f"ascii_twins_{c}"] == "fail" for c in _columns()]
    assert got == [_sql_expected(i) for i in range(len(CASES))]
    assert got == twins
    # maskline_is_masked(method: scrub): scrubbed text holds no span, read as maskline_no_pii reads it
    assert [status[f"scrubbed_script_digit_texts_{c}"] == "fail" for c in _columns()] == got
    assert [status[f"scrubbed_ascii_twins_{c}"] == "fail" for c in _columns()] == twins
