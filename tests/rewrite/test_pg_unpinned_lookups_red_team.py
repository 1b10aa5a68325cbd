"""Red team (round pgcatalog2): a query whose printed SQL would look up a function, operator or type by name.

The safe query path pins its transaction's ``search_path`` (``pg_catalog, pg_temp``), but the rewritten SQL is also
SQL that others run (``Rewritten.sql``), and a name the query writes with a schema (``CAST(x AS data.text)``,
``OPERATOR(data.||)``) is looked up there whatever the path. Since round pgcatalog2 the PostgreSQL printer pins every
lookup it can (``IS DISTINCT FROM``, ``CASE x WHEN``, ``->``, casts to ``pg_catalog.<type>``), and the rewrite reads
the printed query back (:func:`maskline.dialects.postgres_readback.unpinned_calls`) and refuses what is still looked
up by name: a structural refusal (what, where, how to spell it pinned), never the engine's text. The data schema
holds a domain named ``text`` and an operator ``||`` that record every value they are handed: none is.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from maskline.dialects.postgres_readback import unpinned_calls
from maskline.errors import RewriteRefused
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.conftest import key_material

pytestmark = pytest.mark.postgres

POLICY = {"unclassified": "pass", "datasets": {"people": {"columns": {
    "email": {"method": "hmac"}, "note": {"method": {"method": "partial", "keep_last": 2}}}}}}
RAW = "ann@x.example"


@pytest.fixture()
def schema(pg_dsn: str) -> Iterator[tuple[Any, str]]:
    """A data schema whose ``text`` domain, ``||`` operator and ``mytype`` type record what they are handed."""
    from tests.conftest import scratch

    name = f"lookup_{uuid.uuid4().hex[:8]}"
    record = f"BEGIN INSERT INTO {name}.seen VALUES (x); RETURN %s; END"
    create = "; ".join([
        f"CREATE SCHEMA {name}",
        f"CREATE TABLE {name}.people (id integer, email text, note text, doc jsonb, city text)",
        f"INSERT INTO {name}.people VALUES (1, '{RAW}', 'Quillon Vexmarra', '{{\"k\": 1}}', 'Quito'), (2, NULL, 'zz', NULL, NULL)",
        f"CREATE TABLE {name}.seen (v pg_catalog.text)",
        f"GRANT ALL ON SCHEMA {name} TO PUBLIC", f"GRANT INSERT ON {name}.seen TO PUBLIC",
        f"CREATE FUNCTION {name}.seen(x pg_catalog.text) RETURNS boolean LANGUAGE plpgsql AS $$ {record % 'true'} $$",
        f"CREATE FUNCTION {name}.cat(x pg_catalog.text, y pg_catalog.text) RETURNS pg_catalog.text LANGUAGE plpgsql "
        f"AS $$ {record % 'x'} $$",
        f"CREATE OPERATOR {name}.|| (LEFTARG = pg_catalog.text, RIGHTARG = pg_catalog.text, FUNCTION = {name}.cat)",
        f"CREATE DOMAIN {name}.text AS pg_catalog.text CHECK ({name}.seen(VALUE))",
        f"CREATE DOMAIN {name}.mytype AS pg_catalog.text CHECK ({name}.seen(VALUE))",
    ])
    with scratch(pg_dsn, create, f"DROP SCHEMA {name} CASCADE") as admin:
        yield admin, name


def _session(pg_dsn: str, name: str) -> Any:
    import psycopg2

    conn = psycopg2.connect(pg_dsn, options=f"-c search_path={name},pg_catalog")  # the data's schema first
    conn.autocommit = True
    return conn


def _seen(admin: Any, name: str) -> list[tuple[str]]:
    with admin.cursor() as cur:
        cur.execute(f"SELECT v FROM {name}.seen")
        return cur.fetchall()


PINNED = ("SELECT p.id, p.city IS DISTINCT FROM 'x' AS d, p.city IS NOT DISTINCT FROM NULL AS n, "
          "CASE p.id WHEN 1 THEN 'one' ELSE 'other' END AS c, CAST(p.id AS TEXT) AS t, p.doc ->> 'k' AS k, "
          "p.city LIKE 'Q!%' ESCAPE '!' AS l, p.id BETWEEN SYMMETRIC 2 AND 0 AS b, @ (p.id - 5) AS a, ~p.id AS bn, "
          "p.city || 'x' AS cat FROM people p JOIN people q USING (id) ORDER BY p.id")


def test_constructs_that_looked_up_operators_and_types_by_name_are_printed_pinned_and_run(
        pg_dsn: str, schema: tuple[Any, str]) -> None:
    admin, name = schema
    conn = _session(pg_dsn, name)
    try:
        r = rewrite(PINNED, load_policy(POLICY), "postgres", connection=conn)
        rows = run_masked(conn, r, key_material()).rows
    finally:
        conn.close()
    assert unpinned_calls(r.sql) == ()
    assert [row[:8] for row in rows] == [(1, True, False, "one", "1", "1", False, True),
                                         (2, True, True, "other", "2", None, None, True)]
    assert [tuple(row[8:10]) for row in rows] == [(4, -2), (3, -3)] and "Vexmarra" not in str(rows)
    assert _seen(admin, name) == []


@pytest.mark.parametrize("query", [
    "SELECT CAST(city AS {s}.text) FROM people",  # refused before this round too: casts allow built-in types only
    "SELECT CAST(city AS mytype) FROM people",
    "SELECT city OPERATOR({s}.||) 'x' FROM people",
    "SELECT city SIMILAR TO 'Q%' FROM people",  # a ~ found by name
    "SELECT (id, city) IS DISTINCT FROM (1, 'x') FROM people",  # a row's = found by name, field by field
    "SELECT city COLLATE public.\"C\" FROM people",  # a collation of a schema not pg_catalog
])
def test_a_lookup_the_printer_cannot_pin_is_refused_with_a_structural_error(
        pg_dsn: str, schema: tuple[Any, str], query: str) -> None:
    admin, name = schema
    conn = _session(pg_dsn, name)
    try:
        with pytest.raises(RewriteRefused) as refused:
            run_masked(conn, rewrite(query.format(s=name), load_policy(POLICY), "postgres", connection=conn),
                       key_material())
    finally:
        conn.close()
    message = str(refused.value)
    assert refused.value.where in ("query", "CAST"), message
    assert RAW not in message and "Vexmarra" not in message
    assert _seen(admin, name) == []


def test_a_collation_is_pg_catalogs(pg_dsn: str, schema: tuple[Any, str]) -> None:
    admin, name = schema
    conn = _session(pg_dsn, name)
    try:
        r = rewrite("SELECT city COLLATE \"C\" AS c FROM people ORDER BY c", load_policy(POLICY), "postgres",
                    connection=conn)
        rows = run_masked(conn, r, key_material()).rows
    finally:
        conn.close()
    assert 'COLLATE pg_catalog."C"' in r.sql and unpinned_calls(r.sql) == ()
    assert rows == [("Quito",), (None,)]
