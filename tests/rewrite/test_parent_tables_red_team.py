"""Red team (round redteam6): a PostgreSQL parent table returns its descendants' rows, decided by nobody.

Round 5 stopped a partition or inheritance child read by its own name. The other direction stayed open: the
policy names ``customers`` and ``orders``; ``customers`` is made a child of a table the policy does not name
(``ALTER TABLE customers INHERIT everyone``), and ``orders``' rows sit in a partition of ``all_orders``. A read of
``everyone`` or ``all_orders`` returns those rows, and under ``unclassified: pass`` every column of the unnamed
parent passed raw: names, e-mails, SSNs and card numbers. Now a parent that returns rows the policy decides
elsewhere (it names a descendant, or does not name the parent) is decided as a view is: its columns the policy
does not name for it are masked. The controls: the engine returns the raw rows through the parents, ``ONLY``
reads the parent's own (empty) rows, a parent the policy names alone keeps its rules (its partitions are its own
rows), and a table without descendants still passes its unnamed columns.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from maskline.errors import MasklineError
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.pii_data import POLICY, create_postgres, find_leaks, leak_needles

pytestmark = pytest.mark.postgres

PARENTS = (
    "CREATE TABLE everyone (LIKE customers)",
    "ALTER TABLE customers INHERIT everyone",
    "CREATE TABLE all_orders (LIKE orders) PARTITION BY LIST (status)",
    "CREATE TABLE orders_rest PARTITION OF all_orders DEFAULT",
    "INSERT INTO orders_rest SELECT * FROM orders",
    "CREATE TABLE grand (LIKE customers)",  # two levels up: grand <- middle <- customers' sibling rows
    "CREATE TABLE middle () INHERITS (grand)",
    "CREATE TABLE people_copy () INHERITS (middle)",
    "INSERT INTO people_copy SELECT * FROM customers",
)
ATTACKS = [
    "SELECT * FROM everyone",
    "SELECT name, email, ssn FROM everyone",
    "SELECT e.email FROM everyone e JOIN orders o ON o.customer_id = e.id",
    "SELECT * FROM all_orders",
    "SELECT card FROM all_orders WHERE amount > 0",
    "WITH x AS (SELECT * FROM everyone) SELECT * FROM x",
]


@pytest.fixture(scope="module")
def parents(pg_dsn: str) -> Iterator[tuple[Any, str]]:
    import psycopg2

    from maskline.keys import KeyMaterial
    from maskline.sql.session import apply_key_setup
    from tests.conftest import TEST_KEY

    schema = f"parents_{uuid.uuid4().hex[:8]}"
    conn = psycopg2.connect(pg_dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        create_postgres(cur, schema)
        for statement in PARENTS:
            cur.execute(statement)
        apply_key_setup(cur, "postgres", KeyMaterial(TEST_KEY.encode(), source="test"))
    yield conn, schema
    with conn.cursor() as cur:
        cur.execute(f"DROP SCHEMA {schema} CASCADE")
    conn.close()


@pytest.fixture()
def pg(parents: tuple[Any, str]) -> Any:
    return parents[0]


def _answer(conn: Any, sql: str, policy: Any) -> tuple[list[tuple[Any, ...]], str]:
    try:
        rewritten = rewrite(sql, policy, "postgres", connection=conn)
        return run_masked(conn, rewritten, key_loaded=True, harden=False).rows, ""
    except MasklineError as e:
        return [], str(e)


@pytest.mark.parametrize("sql", ATTACKS)
def test_a_parent_returns_its_named_descendants_rows_masked(pg: Any, sql: str) -> None:
    rows, refusal = _answer(pg, sql, load_policy(POLICY))
    assert find_leaks([*rows, (refusal,)], leak_needles()) == []
    if "*" in sql:  # a plain read runs: the parent's rows come back, masked (a filter on one may be refused)
        assert rows, refusal


def test_a_grandparent_of_a_table_the_policy_names_is_masked_too(pg: Any) -> None:
    policy = load_policy({**POLICY, "datasets": {**POLICY["datasets"], "people_copy": POLICY["datasets"]["customers"]}})
    rows, refusal = _answer(pg, "SELECT * FROM grand", policy)
    assert rows and find_leaks(rows, leak_needles()) == [], refusal


def test_control_the_engine_returns_the_raw_rows_through_the_parents(pg: Any) -> None:
    with pg.cursor() as cur:
        cur.execute("SELECT e.name, e.email, a.card FROM everyone e, all_orders a")
        raw = cur.fetchall()
        cur.execute("SELECT count(*) FROM ONLY everyone")
        own = cur.fetchone()
    assert find_leaks(raw, leak_needles()) and own == (0,)


def test_control_a_parent_named_alone_keeps_its_rules_and_other_tables_pass_unnamed_columns(pg: Any) -> None:
    # all_orders named by itself, its partition not: the partition's rows are its own, decided by its entry
    named = load_policy({**POLICY, "datasets": {"all_orders": {"columns": {"card": {"info_type": "CREDIT_CARD"}}},
                                                "customers": POLICY["datasets"]["customers"]}})
    rows, refusal = _answer(pg, "SELECT id, status FROM all_orders WHERE id = 10", named)
    assert rows == [(10, "shipped")], refusal  # status, unnamed, still passes under unclassified: pass
    rows, refusal = _answer(pg, "SELECT device FROM sessions WHERE id = 100", load_policy(POLICY))
    assert rows == [("laptop",)], refusal
    rows, refusal = _answer(pg, "SELECT status FROM orders WHERE id = 10", load_policy(POLICY))
    assert rows == [("shipped",)], refusal


def test_the_mcp_client_reads_no_descendants_row_through_a_parent(parents: tuple[Any, str], pg_dsn: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools
    from tests.conftest import TEST_KEY
    from tests.mcp.agent import ScriptedAgent

    _, schema = parents
    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)
    tools = MaskedTools(load_policy({**POLICY, "key": {"env": "MASKLINE_KEY"}}), Database.from_uri(pg_dsn),
                        allow=[f"{schema}.everyone", f"{schema}.all_orders"], lineage=False)
    script = [("describe_table", {"table": f"{schema}.everyone"}),
              ("query", {"sql": f"SELECT * FROM {schema}.everyone"}),
              ("query", {"sql": f"SELECT * FROM {schema}.all_orders"})]
    agent = ScriptedAgent().in_process(build_server(tools), script)
    assert not any(a.is_error for a in agent.answers), agent.transcript()
    assert find_leaks([(agent.transcript(),)], leak_needles()) == []
    described = {c["name"]: c.get("method") for c in json.loads(agent.answers[0].text)["columns"]}
    assert described["city"] == "redact"  # describe_table says what the query path does


def test_the_reader_roles_view_of_a_parent_masks_its_named_descendants_rows(pg_dsn: str) -> None:
    from maskline.adapters.postgres import protect
    from tests.protect_database import KEY, scratch_database

    with scratch_database(pg_dsn) as d:
        d.sql(f"CREATE TABLE {d.raw}.everyone (id integer, email text, city text)")
        d.sql(f"CREATE TABLE {d.raw}.customers () INHERITS ({d.raw}.everyone)")
        d.sql(f"INSERT INTO {d.raw}.customers VALUES (1, 'zebulon.quartermaine@quillfeather-mail.example', 'Springfield')")
        policy = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {
            "email": {"info_type": "EMAIL"}}}}})
        assert find_leaks(d.sql(f"SELECT * FROM {d.raw}.everyone"), leak_needles())  # control: the raw row
        protect(d.admin, policy, d.raw, ("everyone", "customers"), KEY, masked_schema=d.masked, reader=d.reader,
                private_schema=d.private)
        rows = d.read_as_reader("SELECT id, email, city FROM {masked}.everyone")
        assert rows == [("[REDACTED]", "[REDACTED]", "[REDACTED]")]  # nothing the policy names for it
        # control: the named child's own view keeps its rules, its unnamed column passing under unclassified: pass
        assert d.read_as_reader("SELECT email, city FROM {masked}.customers") == [
            ("*****@quillfeather-mail.example", "Springfield")]
