"""``maskline sql --query``: prints the rewritten SQL, explains lineage, and refuses with exit code 3."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from maskline.cli.main import main
from tests.rewrite.pii_data import COLUMNS, POLICY, create_duckdb


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, str]:
    policy = tmp_path / "policy.yml"
    policy.write_text(yaml.safe_dump(POLICY))
    schema = tmp_path / "schema.yml"
    schema.write_text(yaml.safe_dump({t: {n: d for n, d, _ in cols} for t, cols in COLUMNS.items()}))
    return {"policy": str(policy), "schema": str(schema), "dir": str(tmp_path)}


def test_query_is_printed_masked_with_explain(files, capsys) -> None:
    code = main(["sql", "--dialect", "postgres", "--policy", files["policy"], "--schema-from", files["schema"],
                 "--query", "SELECT c.id, upper(c.email) AS contact FROM customers c", "--explain"])
    out = capsys.readouterr().out
    assert code == 0
    assert "pg_catalog.upper(c.email) AS contact FROM (SELECT " in out
    assert "FROM customers) AS c;" in out
    assert "contact" in out and "customers.email" in out and "masked" in out


def test_schema_is_read_from_a_duckdb_file(files, capsys) -> None:
    import duckdb

    db = Path(files["dir"]) / "pii.duckdb"
    con = duckdb.connect(str(db))
    create_duckdb(con)
    con.close()
    code = main(["sql", "--dialect", "duckdb", "--policy", files["policy"], "--schema-from", f"duckdb:///{db}",
                 "--query", "SELECT * FROM orders"])
    out = capsys.readouterr().out
    assert code == 0
    assert "system.main.right(card, 4)" in out and "orders.status AS status" in out


@pytest.mark.parametrize("uri", ["duckdb:/pii.duckdb", "duckdb:pii.duckdb"])
def test_a_duckdb_uri_missing_its_slashes_is_named_as_such_not_looked_up_as_a_file(files, capsys, uri) -> None:
    """Before, it was read as a file path: "DuckDB database not found: duckdb:/pii.duckdb (at
    duckdb:///duckdb:/pii.duckdb)"."""
    code = main(["sql", "--dialect", "duckdb", "--policy", files["policy"], "--schema-from", uri,
                 "--query", "SELECT * FROM orders"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: not a database URI (at --schema-from). Fix: use scheme://..., e.g. "
                          "duckdb:///warehouse.db"), err
    assert "duckdb:///duckdb" not in err


def test_a_schema_uri_maskline_cannot_open_gets_the_clis_fix_not_the_librarys(files, capsys) -> None:
    """Before: "maskline cannot open snowflake URIs itself (at snowflake://acct/db). Fix: open the connection
    yourself and pass it in", which a shell user cannot do."""
    code = main(["sql", "--dialect", "snowflake", "--policy", files["policy"], "--schema-from",
                 "snowflake://ann:s3cret@acct/db", "--query", "SELECT * FROM orders"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: maskline cannot open snowflake URIs itself (at --schema-from snowflake://ann:***@"
                          "acct/db). Fix: pass --schema-from a YAML/JSON file {table: {column: type}}"), err
    assert "s3cret" not in err and "pass it in" not in err


@pytest.mark.postgres
def test_schema_is_read_from_postgres(files, capsys, pg_dsn) -> None:
    import psycopg2

    conn = psycopg2.connect(pg_dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE IF NOT EXISTS cli_people (id integer, ssn text)")
    conn.close()
    policy = Path(files["dir"]) / "p2.yml"
    policy.write_text(yaml.safe_dump({"unclassified": "pass",
                                      "datasets": {"cli_people": {"columns": {"ssn": {"info_type": "US_SSN"}}}}}))
    code = main(["sql", "--dialect", "postgres", "--policy", str(policy), "--schema-from", pg_dsn,
                 "--query", "SELECT * FROM cli_people"])
    assert code == 0
    assert "pg_catalog.right(ssn, 4)" in capsys.readouterr().out


def test_refused_query_exits_3_without_quoting_the_literal(files, capsys) -> None:
    code = main(["sql", "--dialect", "duckdb", "--policy", files["policy"], "--schema-from", files["schema"],
                 "--query", "SELECT id FROM customers WHERE ssn = '219-09-9999'"])
    captured = capsys.readouterr()
    assert code == 3
    assert "cannot tokenize" in captured.err and "219-09-9999" not in captured.err + captured.out


def test_query_without_a_schema_is_refused(files, capsys) -> None:
    code = main(["sql", "--dialect", "duckdb", "--policy", files["policy"], "--query", "SELECT 1"])
    assert code == 3
    assert "no schema" in capsys.readouterr().err


def test_query_without_a_schema_names_the_cli_option_not_the_library_argument(files, capsys) -> None:
    code = main(["sql", "--dialect", "duckdb", "--policy", files["policy"], "--query", "SELECT 1"])
    err = capsys.readouterr().err
    assert code == 3 and "--schema-from" in err and "rewrite(schema=" not in err
    from maskline.errors import RewriteRefused
    from maskline.policy import load_policy
    from maskline.rewrite.api import rewrite

    with pytest.raises(RewriteRefused, match="schema="):  # the control: the library still names its own argument
        rewrite("SELECT 1", load_policy(files["policy"]), "duckdb")


def test_a_schema_database_that_cannot_be_read_names_the_option_not_the_library_argument(files, capsys,
                                                                                         monkeypatch) -> None:
    """Before: "(at rewrite(connection=...)). Fix: pass schema={table: {column: type}} instead"."""
    from maskline.errors import RewriteRefused

    def unreadable(*args, **kwargs):
        raise RewriteRefused("cannot read the tables' columns from the connection (OperationalError)",
                             where="rewrite(connection=...)", fix="pass schema={table: {column: type}} instead")

    monkeypatch.setattr("maskline.rewrite.api._catalog_facts", unreadable)
    db = Path(files["dir"]) / "w.duckdb"
    import duckdb

    duckdb.connect(str(db)).close()
    code = main(["sql", "--dialect", "duckdb", "--policy", files["policy"], "--schema-from", f"duckdb:///{db}",
                 "--query", "SELECT * FROM orders"])
    err = capsys.readouterr().err
    assert code == 3
    assert f"(at --schema-from duckdb:///{db}). Fix: check that the server is up" in err, err
    assert "rewrite(connection" not in err and "schema={" not in err


def test_an_unknown_schema_uri_lists_only_the_schemes_maskline_opens(files, capsys, tmp_path) -> None:
    """Before: "valid values: athena, bigquery, databricks, ..., presto, ..., redshift, ...", names of dialects whose
    URIs --schema-from then could not open. The list is now what each adapter's connect() opens."""
    from maskline.adapters import adapters
    from maskline.adapters.url import parse_url
    from maskline.errors import UnsupportedDialectError

    code = main(["sql", "--dialect", "postgres", "--policy", files["policy"], "--schema-from", "mysql://u@h/db",
                 "--query", "SELECT * FROM orders"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: unsupported engine 'mysql' (at --schema-from). Fix: pass --schema-from a YAML/JSON "
                          "file"), err
    listed = sorted(re.findall(r"(\w+)://", err.split("maskline reads: ", 1)[1]))
    assert listed == ["duckdb", "postgres", "postgresql", "sqlite", "sqlite3", "trino"], err
    # every other name of an engine is refused by maskline itself, not left to a driver's error
    for name in sorted({n for a in adapters().values() for n in (a.name, *a.names)} - set(listed)):
        with pytest.raises(UnsupportedDialectError, match=f"maskline cannot open {name} URIs itself"):
            parse_url(f"{name}://u@h/db").connect(read_only=True)
    # and the file engines' listed schemes open (PostgreSQL's and Trino's need a server: their own tests)
    import sqlite3

    import duckdb

    duckdb.connect(str(tmp_path / "w.duckdb")).close()
    sqlite3.connect(tmp_path / "w.sqlite").close()
    for uri in (f"duckdb:///{tmp_path / 'w.duckdb'}", f"sqlite:///{tmp_path / 'w.sqlite'}",
                f"sqlite3:///{tmp_path / 'w.sqlite'}"):
        parse_url(uri).connect(read_only=True).close()


PHONE_POLICY = {"unclassified": "pass",
                "datasets": {"t": {"columns": {"phone": {"info_type": "PHONE", "method": "redact"}}}}}


@pytest.mark.parametrize(("dialect", "key", "query", "column"), [
    # an unquoted key is folded as the engine folds an unquoted name; the masked relation reads that column
    ("postgres", "Phone", "SELECT phone FROM t", "phone"),
    ("snowflake", "phone", "SELECT phone FROM t", '"PHONE"'),
    # a key quoted inside its string is that exact name, which the query quotes too
    ("postgres", '\'"Phone"\'', 'SELECT "Phone" FROM t', '"Phone"'),
    ("snowflake", '\'"Phone"\'', 'SELECT "Phone" FROM t', '"Phone"'),
])
def test_a_schema_files_names_are_identifiers_of_the_dialect(tmp_path, capsys, dialect, key, query, column) -> None:
    """Before, ``Phone: text`` on PostgreSQL resolved ``phone`` but the masked relation read ``"Phone"``, a column
    the table does not have; ``'"Phone"'`` was not read as a name at all, so ``SELECT "Phone"`` had no way to work."""
    policy, schema = tmp_path / "policy.yml", tmp_path / "schema.yml"
    policy.write_text(yaml.safe_dump(PHONE_POLICY))
    schema.write_text(f"t:\n  id: integer\n  {key}: text\n")
    code = main(["sql", "--dialect", dialect, "--policy", str(policy), "--schema-from", str(schema), "--query", query])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert f"CASE WHEN {column} IS NULL THEN NULL ELSE '[PHONE]'" in out, out


def test_a_schema_files_two_spellings_of_one_column_are_refused(tmp_path, capsys) -> None:
    policy, schema = tmp_path / "policy.yml", tmp_path / "schema.yml"
    policy.write_text(yaml.safe_dump(PHONE_POLICY))
    schema.write_text("t:\n  Phone: text\n  phone: text\n")
    code = main(["sql", "--dialect", "postgres", "--policy", str(policy), "--schema-from", str(schema),
                 "--query", "SELECT phone FROM t"])
    err = capsys.readouterr().err
    assert code == 2 and "columns 'Phone' and 'phone' of table 't' name one column of postgres, 'phone'" in err, err


@pytest.mark.postgres
def test_a_schema_files_quoted_and_unquoted_keys_run_on_postgresql(tmp_path, capsys, pg_dsn) -> None:
    """The printed SQL runs on PostgreSQL against the columns the file's keys name: ``Email`` unquoted is the
    column ``email``, ``'"Phone"'`` the quoted column ``"Phone"``."""
    from tests.conftest import scratch_schema

    policy, schema = tmp_path / "policy.yml", tmp_path / "schema.yml"
    policy.write_text(yaml.safe_dump({"unclassified": "pass", "datasets": {"t": {"columns": {
        "phone": {"info_type": "PHONE", "method": "redact"}, "email": {"info_type": "EMAIL", "method": "redact"}}}}}))
    schema.write_text("t:\n  Email: text\n  '\"Phone\"': text\n")
    with scratch_schema(pg_dsn, "schema_file_names") as (conn, _):
        with conn.cursor() as cur:
            cur.execute('CREATE TABLE t (email text, "Phone" text)')
            cur.execute("INSERT INTO t VALUES ('ann@example.com', '+1 415 555 0100')")
        code = main(["sql", "--dialect", "postgres", "--policy", str(policy), "--schema-from", str(schema),
                     "--query", 'SELECT email, "Phone" FROM t'])
        out, err = capsys.readouterr()
        assert code == 0, err
        with conn.cursor() as cur:
            cur.execute(out.strip().rstrip(";"))
            assert cur.fetchall() == [("[EMAIL]", "[PHONE]")]
