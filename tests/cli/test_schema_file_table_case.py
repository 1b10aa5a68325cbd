"""A ``--schema-from`` file (or a ``rewrite(schema=)`` mapping) with two tables whose names differ only in case.

maskline matches table names case-insensitively, as the policy's ``datasets:`` do, so ``Orders`` and ``orders``
are one name to it. Before, ``SELECT * FROM orders`` was refused with "the table ... is not in the schema. Fix: did
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
    assert err.strip() == (f"error: tables 'Orders' and 'orders' differ only in case, and maskline matches table "
                           f"names case-insensitively (at --schema-from {schema}). Fix: keep the entry of the table "
                           "your queries read and remove the other (maskline cannot tell tables apart by case; "
                           "rename one in the engine to query both)")


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
                                   "FROM clause). Fix: table names match case-insensitively"), str(e.value)
    assert "did you mean" not in str(e.value)
