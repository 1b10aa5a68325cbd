"""Columns spelled with capitals in a case-sensitive catalog (a CSV loaded into PostgreSQL keeps ``"Phone"``).

sqlglot reads a bare schema key as a name written unquoted and folds it to lower case, so before the catalog's
names were handed to it quoted, every query of such a table failed: ``SELECT "Phone"`` was refused as resolving
to no table, and ``SELECT *`` or ``SELECT phone`` were rewritten to read ``phone``, which PostgreSQL rejected.
"""

from __future__ import annotations

from typing import Any

import pytest

from maskline import rewrite, run_masked
from maskline.errors import RewriteRefused
from maskline.keys import resolve_key
from maskline.policy import load_policy

pytestmark = pytest.mark.postgres

POLICY = load_policy({
    "key": {"env": "MASKLINE_KEY", "derivation": 2},
    "unclassified": "pass",
    "datasets": {"mixed_case.contacts": {"columns": {
        "E-Mail Address": {"info_type": "EMAIL"},
        "Phone": {"info_type": "PHONE", "method": {"method": "partial", "keep_last": 2}},
        "Customer ID": {"pass": True},
    }}},
})


@pytest.fixture()
def con(pg_conn: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("MASKLINE_KEY", "k" * 64)
    cur = pg_conn.cursor()
    cur.execute("DROP SCHEMA IF EXISTS mixed_case CASCADE; CREATE SCHEMA mixed_case")
    cur.execute('CREATE TABLE mixed_case.contacts ("Customer ID" integer, "E-Mail Address" text, "Phone" text, '
                "notes text)")
    cur.execute("INSERT INTO mixed_case.contacts VALUES (1, 'ann.lee@example.org', '+1 415 555 2671', 'hi')")
    yield pg_conn
    cur.execute("DROP SCHEMA IF EXISTS mixed_case CASCADE")


def run(con: Any, sql: str) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    result = run_masked(con, rewrite(sql, POLICY, "postgres", connection=con), resolve_key(POLICY.key), max_rows=5)
    return tuple(result.columns), list(result.rows)


def test_a_capitalised_column_is_read_masked_under_its_own_name(con: Any) -> None:
    assert run(con, 'SELECT "Phone", "E-Mail Address" FROM mixed_case.contacts') == (
        ("Phone", "E-Mail Address"), [("*************71", "*****@example.org")])


def test_star_expands_to_the_catalogs_own_spelling_and_masks_it(con: Any) -> None:
    assert run(con, "SELECT * FROM mixed_case.contacts") == (
        ("Customer ID", "E-Mail Address", "Phone", "notes"), [(1, "*****@example.org", "*************71", "hi")])


def test_a_filter_on_a_capitalised_column_runs(con: Any) -> None:
    assert run(con, 'SELECT count(*) AS n FROM mixed_case.contacts WHERE "Phone" IS NOT NULL') == (("n",), [(1,)])


def test_a_name_in_another_case_is_refused_with_the_catalogs_spelling_and_no_query_text(con: Any) -> None:
    with pytest.raises(RewriteRefused) as refused:
        rewrite("SELECT phone FROM mixed_case.contacts", POLICY, "postgres", connection=con)
    message = str(refused.value)
    assert "only in another case (the first at line 1, column 8)" in message
    assert 'quoted: "Phone"' in message
    assert "phone" not in message.replace('"Phone"', "")
