"""Red team (round redteam11): a PostgreSQL session with ``standard_conforming_strings`` off read the SQL maskline
printed otherwise than sqlglot had read it.

sqlglot reads and prints PostgreSQL strings as standard SQL, where a backslash is a character: ``'\\'`` is one
backslash. A session with ``standard_conforming_strings = off`` (legacy applications' setting: postgresql.conf,
``ALTER ROLE``/``ALTER DATABASE ... SET``, a DSN's ``options``) reads a backslash in a plain string as an escape, so
in ``SELECT '\\' AS a, ' , (SELECT ... FROM raw.customers) AS leak --' AS b FROM orders`` the engine's first string
ends where sqlglot's second began: the text sqlglot read as a literal ran as SQL, outside the allow-list and every
masked relation, and returned the raw e-mails (or ``current_setting`` of the key) through ``rewrite`` +
``run_masked`` and ``maskline mcp``. The masking expressions' own regular expressions lost their escapes too
(``\\.`` read as any character), so a text amount ``1x5`` passed the guard of its cast and failed its row, in the
query path and in a ``maskline protect`` view created from such a session.

Everything maskline prints for PostgreSQL is standard SQL, so the transaction that runs it (and protect's) now
reads strings as such (``SET LOCAL standard_conforming_strings = on``, beside the pinned ``search_path``:
``PostgresAdapter.pinned_settings``). The controls run the same text on such a session directly.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from maskline.errors import MasklineError
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.conftest import scratch, scratch_schema
from tests.rewrite.pii_data import POLICY, create_postgres, find_leaks, leak_needles

pytestmark = pytest.mark.postgres

OFF = "SET standard_conforming_strings = off"
# sqlglot: two constant strings over orders. A session reading backslashes as escapes: one string, then a subquery
# of the raw table, then a comment that eats the masked relation.
SMUGGLED = " , (SELECT string_agg(email, chr(44)) FROM {schema}.customers) AS leak --"
# The same, reading the key's setting (the query reads customers, whose username is keyed: the key is in the session)
SMUGGLED_KEY = (" , (SELECT current_setting(" + " || ".join(f"chr({ord(c)})" for c in "maskline.ipad")
                + ", true)) AS leak --")


def _smuggling(text: str, table: str) -> str:
    return f"SELECT '\\' AS a, '{text}' AS b FROM {table}"


@pytest.fixture()
def pg(pg_dsn: str) -> Iterator[tuple[Any, str]]:
    """The seeded PII tables on a session that reads backslashes in strings as escapes, the key in it."""
    from maskline.sql.session import apply_key_setup
    from tests.rewrite.conftest import key_material

    with scratch_schema(pg_dsn, "escapes") as (conn, schema), conn.cursor() as cur:
        create_postgres(cur, schema)
        apply_key_setup(cur, "postgres", key_material())
        cur.execute(OFF)
        yield conn, schema


def _rows(conn: Any, sql: str) -> list[tuple[Any, ...]]:
    return run_masked(conn, rewrite(sql, load_policy(POLICY), "postgres", connection=conn), key_loaded=True).rows


def test_control_such_a_session_runs_the_literal_as_sql(pg: tuple[Any, str]) -> None:
    conn, schema = pg
    with conn.cursor() as cur:
        cur.execute(_smuggling(SMUGGLED.format(schema=schema), f"{schema}.orders"))
        assert find_leaks(cur.fetchall(), leak_needles())


def test_a_string_ending_in_a_backslash_runs_as_the_literal_sqlglot_read(pg: tuple[Any, str]) -> None:
    conn, schema = pg
    text = SMUGGLED.format(schema=schema)
    rows = _rows(conn, _smuggling(text, "orders"))
    assert not find_leaks(rows, leak_needles())
    assert rows == [("\\", text)] * 6


def test_the_key_setting_is_not_read_through_a_string_ending_in_a_backslash(pg: tuple[Any, str]) -> None:
    conn, _ = pg
    with conn.cursor() as cur:  # the control: the setting holds the key's pad in this session
        cur.execute("SELECT current_setting('maskline.ipad', true)")
        pad = cur.fetchone()[0]
    assert pad
    rows = _rows(conn, _smuggling(SMUGGLED_KEY, "customers"))
    assert rows == [("\\", SMUGGLED_KEY)] * 5
    assert pad not in str(rows)


def test_the_masking_regular_expressions_keep_their_escapes(pg: tuple[Any, str]) -> None:
    conn, _ = pg
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE acct (id integer, amount text)")
        cur.execute("INSERT INTO acct VALUES (1, '37'), (2, '1x5')")
    policy = load_policy({"unclassified": "pass", "datasets": {"acct": {"columns": {
        "amount": {"method": {"method": "generalize", "bucket": 10}}}}}})
    answers = []
    for row in (1, 2):
        try:
            answers.append(run_masked(conn, rewrite(f"SELECT amount FROM acct WHERE id = {row}", policy, "postgres",
                                                    connection=conn)).rows)
        except MasklineError as e:  # the oracle: an error for one row's raw text
            answers.append(type(e).__name__)
    assert answers == [[("30",)], [(None,)]]  # a text column's bucket is text (maskline.methods.generalize)


def test_the_callers_transaction_keeps_its_own_setting(pg_dsn: str) -> None:
    import psycopg2

    from tests.rewrite.conftest import key_material

    conn = psycopg2.connect(pg_dsn)  # not autocommit: the query runs inside the caller's transaction
    try:
        with conn.cursor() as cur:
            schema = f"escapes_{uuid.uuid4().hex[:8]}"
            create_postgres(cur, schema)
            cur.execute(OFF)
        rows = run_masked(conn, rewrite("SELECT '\\' AS a FROM sessions", load_policy(POLICY), "postgres",
                                        connection=conn), key_material()).rows
        with conn.cursor() as cur:
            cur.execute("SHOW standard_conforming_strings")
            after = cur.fetchone()[0]
            cur.execute("SHOW search_path")
            path = cur.fetchone()[0]
        assert rows == [("\\",)] * 5
        assert (after, path) == ("off", schema)
    finally:
        conn.rollback()
        conn.close()


def test_a_protect_view_created_from_such_a_session_keeps_its_escapes(pg_dsn: str) -> None:
    from tests.protect_database import scratch_database

    with scratch_database(pg_dsn) as d:
        d.sql(f"CREATE TABLE {d.raw}.acct (id integer, amount text)")
        d.sql(f"INSERT INTO {d.raw}.acct VALUES (1, '37'), (2, '1x5'), (3, 'v37')")
        d.sql(OFF)
        d.protect_with(load_policy({"unclassified": "pass", "datasets": {"acct": {"columns": {
            "amount": {"method": {"method": "generalize", "bucket": 10}}}}}}), ("acct",))
        got = d.read_as_reader("SELECT id, amount FROM {masked}.acct ORDER BY id")
    assert got == [(1, "30"), (2, None), (3, None)]


def test_the_mcp_client_gets_the_literal_not_the_raw_rows(pg_dsn: str) -> None:
    import anyio
    import psycopg2
    from mcp import Client

    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools

    tag = uuid.uuid4().hex[:8]
    table, secret, login = f"orders_{tag}", f"secret_{tag}", f"legacy_{tag}"  # tables in the default schema
    policy = load_policy({"unclassified": "pass", "datasets": {
        table: {"columns": {"card": {"info_type": "CREDIT_CARD"}}},
        secret: {"columns": {"email": {"info_type": "EMAIL"}}}}})
    url = urlsplit(pg_dsn)
    dsn = url._replace(netloc=f"{login}:pw@{url.hostname}:{url.port or 5432}").geturl()
    server = build_server(MaskedTools(policy, Database.from_uri(dsn), allow=[table], lineage=False))
    text = f" , (SELECT string_agg(email, chr(44)) FROM public.{secret}) AS leak --"
    results: list[Any] = []

    async def main() -> None:
        async with Client(server) as client:
            results.append(await client.call_tool("query", {"sql": _smuggling(text, table)}))

    # the deployment's login reads backslashes as escapes, as a legacy application's role does
    with scratch(pg_dsn, f"""CREATE TABLE public.{table} (id integer, card text);
                 INSERT INTO public.{table} VALUES (1, '4111111111111111');
                 CREATE TABLE public.{secret} (email text);
                 INSERT INTO public.{secret} VALUES ('zebulon.quartermaine@quillfeather-mail.example');
                 CREATE ROLE {login} LOGIN PASSWORD 'pw';
                 ALTER ROLE {login} SET standard_conforming_strings = off;
                 GRANT SELECT ON public.{table}, public.{secret} TO {login}""",
                 f"DROP TABLE public.{table}; DROP TABLE public.{secret}; DROP ROLE {login}"):
        anyio.run(main)
        control = psycopg2.connect(dsn)  # the control: that login runs the text as SQL
        try:
            with control.cursor() as cur:
                cur.execute(_smuggling(text, f"public.{table}"))
                assert "quartermaine" in str(cur.fetchall())
        finally:
            control.close()
    assert not results[0].is_error, str(results[0].content)[:300]
    assert "quartermaine" not in str(results[0].structured_content)
    assert results[0].structured_content["rows"] == [["\\", text]]


def test_a_masking_job_on_such_a_session_keeps_the_email_guard(pg_dsn: str) -> None:
    """MaskTableOperator's warehouse: the email method's guard (``[^@\\s...]``) read ``\\s`` as the letter s, so an
    address followed by a phone number passed it and kept its tail. The warehouse's session reads strings as
    printed (``PostgresAdapter.prepare``)."""
    import psycopg2
    from sqlglot import exp

    from airflow_plugin.warehouse import Warehouse
    from maskline.adapters import engine
    from maskline.dialects import KeyMode
    from maskline.plan import build_plan
    from maskline.sql.compile import compile_select

    policy = load_policy({"unclassified": "pass", "datasets": {"contacts": {"columns": {"c": {"method": "email"}}}}})
    with scratch_schema(pg_dsn, "escapes") as (admin, schema), admin.cursor() as cur:
        cur.execute(f"CREATE TABLE {schema}.contacts (c text)")
        cur.execute(f"INSERT INTO {schema}.contacts VALUES ('ann@x.example tel 4155550134'), ('ann@x.example')")
        cur.execute(OFF)  # the control: PostgreSQL itself reads the guard's \s as s on such a session
        cur.execute("SELECT regexp_replace('a s', '[\\s]', '', 'g')")
        assert cur.fetchone()[0] == "a "
        conn = psycopg2.connect(pg_dsn)
        with conn.cursor() as c:
            c.execute(OFF)
        conn.commit()  # the setting is the session's, as a role's or a DSN's would be
        warehouse = Warehouse(conn, engine("postgres"))
        select = compile_select(build_plan(policy, "contacts", [("c", "text")]),
                                exp.table_("contacts", db=schema), warehouse.dialect, key_mode=KeyMode.SESSION)
        warehouse.replace_table(f"{schema}.masked", select)
        warehouse.close()
        cur.execute(f"SELECT c FROM {schema}.masked ORDER BY c")
        rows = cur.fetchall()
    assert rows == [("*" * 28,), ("*****@x.example",)]
