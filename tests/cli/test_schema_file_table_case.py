"""A ``--schema-from`` file (or a ``rewrite(schema=)`` mapping) with two keys that name one table.

A key is a table name written in ``--dialect``, read as the policy's ``datasets:`` are: unquoted, it is folded as
the engine folds a name, so ``Orders`` and ``orders`` are PostgreSQL's one ``orders`` (and on DuckDB, which ignores
case, so is ``'"Orders"'``), while a quoted ``'"Orders"'`` is PostgreSQL's other table. Before, ``SELECT * FROM orders`` was refused with "the table ... is not in the schema. Fix: did
you mean 'orders'?", naming the very table the query read; now the file is refused where it is read, naming the
two keys and what to do, and the library's refusal says the query's table matches more than one entry."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from maskline.cli.main import main
from maskline.errors import RewriteRefused
from maskline.policy import load_policy
from maskline.rewrite.api import rewrite

POLICY = {"version": 1, "unclassified": "pass", "datasets": {"orders": {"columns": {"email": {"info_type": "EMAIL"}}}}}


@pytest.fixture()
def policy(tmp_path: Path) -> str:
    path = tmp_path / "policy.yml"
    path.write_text(yaml.safe_dump(POLICY))
    return str(path)


@pytest.mark.parametrize("query", ["SELECT * FROM orders", 'SELECT * FROM "Orders"'])
def test_a_schema_file_with_tables_differing_only_in_case_is_refused_naming_both(tmp_path, policy, capsys,
                                                                                   query) -> None:
    schema = tmp_path / "schema.yml"
    schema.write_text("Orders: {id: integer, note: text}\norders: {id: integer, email: text}\n")
    code = main(["sql", "--dialect", "postgres", "--policy", policy, "--schema-from", str(schema), "--query", query])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.strip() == (f"error: tables 'Orders' and 'orders' name one table of postgres (at --schema-from "
                           f"{schema}). Fix: keep the entry of the table your queries read and remove the other, or "
                           """quote the one whose case the engine keeps inside its string ('"Orders"': {...})""")


@pytest.mark.parametrize(("dialect", "refused"), [("postgres", False), ("duckdb", True)])
def test_a_quoted_key_is_another_table_only_where_the_engine_keeps_case(tmp_path, policy, capsys, dialect,
                                                                        refused) -> None:
    schema = tmp_path / "schema.yml"
    schema.write_text("'\"Orders\"': {id: integer, note: text}\norders: {id: integer, email: text}\n")
    code = main(["sql", "--dialect", dialect, "--policy", policy, "--schema-from", str(schema), "--query",
                 "SELECT email FROM orders"])
    captured = capsys.readouterr()
    if refused:  # DuckDB's "Orders" is its orders: which key describes the table cannot be told
        assert code == 2 and "name one table of duckdb" in captured.err, captured.err
    else:  # PostgreSQL's "Orders" is another table: orders' own key describes it, and its email is masked
        assert code == 0, captured.err
        assert "'*****'" in captured.out


def test_one_entry_of_any_case_is_the_table_the_query_reads(tmp_path, policy, capsys) -> None:
    schema = tmp_path / "schema.yml"
    schema.write_text("Orders: {id: integer, email: text}\n")
    code = main(["sql", "--dialect", "postgres", "--policy", policy, "--schema-from", str(schema), "--query",
                 "SELECT email FROM orders"])
    out = capsys.readouterr().out
    assert code == 0
    assert "'*****'" in out  # masked by the policy's orders entry


def test_the_librarys_refusal_says_the_table_matches_more_than_one_entry() -> None:
    schema = {"Orders": {"id": "integer", "note": "text"}, "orders": {"id": "integer", "email": "text"}}
    with pytest.raises(RewriteRefused) as e:
        rewrite("SELECT * FROM orders", load_policy(POLICY), "postgres", schema=schema)
    assert str(e.value).startswith("the table at line 1, column 15 matches more than one table of the schema (at "
                                   "FROM clause). Fix: keep one schema entry per table"), str(e.value)
    assert "did you mean" not in str(e.value)
