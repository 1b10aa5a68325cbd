"""Every PostgreSQL function and operator maskline prints names ``pg_catalog`` (:mod:`maskline.dialects.postgres_catalog`).

Read back from the SQL itself, not from a list of expected names: each dbt template (which is the core's SQL, byte
for byte) and each golden statement is parsed, and any call or operator PostgreSQL would look up along the session's
``search_path`` is reported. The red-team tests (``tests/dbt/test_postgres_exact_match_shadowing.py``,
``tests/cli/test_sql_postgres_catalog_names.py``) show what such a lookup let a schema on the path do.
"""

from __future__ import annotations

import re
from pathlib import Path

import sqlglot

from maskline.dbt.generate import templates_for
from maskline.dialects.postgres_catalog import DIALECT, unpinned_calls

GOLDEN = Path(__file__).parent / "golden" / "postgres.sql"


def test_every_postgres_dbt_template_names_pg_catalog() -> None:
    templates = templates_for("postgres")
    unpinned = {name: unpinned_calls("SELECT " + re.sub(r"__ml_[a-z_0-9]+__", "x", sql))
                for name, sql in templates.items()}
    assert len(templates) > 20
    assert {name: calls for name, calls in unpinned.items() if calls} == {}


def test_every_postgres_golden_statement_names_pg_catalog() -> None:
    statements = [s for s in GOLDEN.read_text().split(";\n") if s.strip() and "SELECT" in s]
    assert len(statements) > 10
    assert [s[:80] for s in statements if unpinned_calls(s)] == []


def test_the_read_back_finds_what_the_printer_would_leave_unpinned() -> None:
    # control: the plain PostgreSQL spelling of the same SQL is all lookups by name
    assert unpinned_calls("SELECT lower(a) || 'x' FROM t WHERE b IN (1, 2) AND c LIKE 'a%'") == \
        ("||", "lower", "in", "like")
    printed = sqlglot.transpile("SELECT lower(a) || 'x', NULLIF(a, 'y') FROM t WHERE b IN (1, 2) AND c LIKE 'a%' "
                                "AND d BETWEEN 1 AND 2 AND e % 2 = 0", read="postgres", write=DIALECT)[0]
    assert unpinned_calls(printed) == ()
