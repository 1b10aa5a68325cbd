"""``maskline sql --table T`` matches the policy's entries and the stored scan with the schema spelled out.

It looked both up by the table's last name: ``--table people`` on PostgreSQL (``public.people``) took the entry
``hr.people``, whose ``email`` passes, and ``--table hr.t`` on DuckDB took the verdicts of ``maskline scan
duckdb:///w.duckdb --table t --save`` (``main.t``: counts and furniture), so the printed SQL passed ``hr.t``'s
SSN-like numbers and names raw under a fail-closed policy. Now an unqualified ``--table`` is in the engine's default
schema (:func:`maskline.rewrite.table_names.best_entry`, the rule the query path, ``describe_table``, ``protect``
and ``MaskTableOperator`` use): the first is refused as a table the policy does not name, the second as a table
nobody scanned. Where the engine has no default schema (SQLite), entries of two schemas that fit an unqualified
name equally are refused, not picked in file order. Real DuckDB and PostgreSQL run the printed SQL of the controls.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.cli.test_first_use import run_cli
from tests.conftest import scratch_schema

NAMES = ["Quillon Vexmarra", "Orla Pemberwick"]
SSNS = ["219099999", "219100000"]


def test_a_scan_of_main_t_does_not_vouch_for_hr_t(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE t AS SELECT i AS id, i * 7 AS qty, ['chair', 'lamp'][i % 2 + 1] AS product "
                "FROM range(200) r(i)")
    con.execute("CREATE SCHEMA hr")
    con.execute(f"CREATE TABLE hr.t AS SELECT i AS id, 219099999 + i AS qty, {NAMES!r}[i % 2 + 1] AS product "
                "FROM range(2) r(i)")
    con.close()
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\ndatasets:\n  hr.t: {columns: {}}\n  t: {columns: {}}\n")
    assert run_cli("scan", f"duckdb:///{db}", "--table", "t", "--policy", str(policy), "--save").returncode == 0
    r = run_cli("sql", "--dialect", "duckdb", "--policy", str(policy), "--table", "hr.t", "--columns", "id,qty,product")
    assert r.returncode != 0 and "judged the table of the default schema main" in r.stderr, (r.stdout, r.stderr)
    # control: the scanned table's own SQL passes what its scan proved safe, on real DuckDB
    ok = run_cli("sql", "--dialect", "duckdb", "--policy", str(policy), "--table", "t", "--columns", "id,qty,product")
    assert ok.returncode == 0, ok.stderr
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(ok.stdout.strip().splitlines()[-1]).fetchall()
    con.close()
    assert sorted(rows)[:2] == [("0", "0", "chair"), ("1", "7", "lamp")]  # --columns has no types: text casts


@pytest.mark.postgres
def test_another_schemas_entry_does_not_pass_the_default_schemas_table(tmp_path: Path, pg_dsn: str) -> None:
    with scratch_schema(pg_dsn, "om") as (con, schema), con.cursor() as cur:
        policy = tmp_path / "policy.yml"
        policy.write_text(f"version: 1\nunclassified: mask\ndatasets:\n  {schema}.people:\n    columns:\n"
                          "      id: {pass: true}\n      email: {pass: true}\n")
        r = run_cli("sql", "--dialect", "postgres", "--policy", str(policy), "--table", "people",
                    "--columns", "id,email")
        assert r.returncode != 0 and "table 'people' is not in the policy" in r.stderr, (r.stdout, r.stderr)
        # control: the entry still decides its own table, and the printed SQL runs on real PostgreSQL
        ok = run_cli("sql", "--dialect", "postgres", "--policy", str(policy), "--table", f"{schema}.people",
                     "--columns", "id,email")
        assert ok.returncode == 0, ok.stderr
        cur.execute(f"CREATE TABLE {schema}.people AS SELECT 1 AS id, 'ana@correo.es'::text AS email")
        cur.execute(ok.stdout.strip().splitlines()[-1])
        assert cur.fetchall() == [(1, "ana@correo.es")]


def test_entries_of_two_schemas_are_refused_for_an_unqualified_table_without_a_default_schema(
        tmp_path: Path) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\ndatasets:\n  hr.t:\n    columns:\n      email: {pass: true}\n"
                      "  sales.t:\n    columns:\n      email: {info_type: EMAIL}\n")
    r = run_cli("sql", "--dialect", "sqlite", "--policy", str(policy), "--table", "t", "--columns", "email")
    assert r.returncode != 0, r.stdout
    assert "entries 'hr.t' and 'sales.t' of different schemas describe it" in r.stderr
    assert "SCHEMA.t" in r.stderr
