"""A masked relation reads its own table and nothing else, whatever the user's table node carried.

``FROM (customers c JOIN orders o ON ...)`` parses as ``customers`` holding the join. When the masked relation was
built from a copy of that node, the join (and ``orders``, unmasked) ended up inside it, below the masking: its ON
condition then saw raw cards, a row-count oracle that read a whole card number digit by digit on DuckDB.
"""

from __future__ import annotations

from typing import Any

import pytest
import sqlglot
from sqlglot import exp

from maskline.errors import RewriteRefused
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from maskline.rewrite.substitute import check_reads
from tests.rewrite.pii_data import ORDERS, find_leaks

# One bit of order 10's card per query: the count is non-zero when character {k} is above chr({v}). Column aliases
# keep orders' column names from clashing with customers' inside a masked relation (what made the bug reachable).
ORACLE = ("SELECT count(*) AS n FROM (customers c JOIN orders AS o(a, b, d, k, e) "
          "ON o.a = 10 AND ascii(substr(o.k, {k}, 1)) > {v})")
NESTED = ("SELECT count(*) AS n FROM sessions s JOIN (customers c JOIN orders AS o(a, b, d, k, e) "
          "ON o.a = 10 AND ascii(substr(o.k, {k}, 1)) > {v}) ON s.id = 100")
RAW_CARD = ORDERS[0][3]
READ = 8  # characters read by the oracle (8 x 4 queries keep the test short; the bug gave all 16)


def _count(con: Any, sql: str, dialect: str) -> int:
    if dialect == "duckdb":
        return int(con.execute(sql).fetchone()[0])
    with con.cursor() as cur:
        cur.execute(sql)
        return int(cur.fetchone()[0])


def _extract(count: Any, template: str) -> str:
    """Read the first READ characters of order 10's card (digits) by bisection through ``count(sql) -> int``."""
    out = ""
    for k in range(1, READ + 1):
        low, high = 47, 57  # the character is in (low, high]
        while high - low > 1:
            mid = (low + high) // 2
            low, high = (mid, high) if count(template.format(k=k, v=mid)) > 0 else (low, mid)
        out += chr(high)
    return out


def _through_maskline(con: Any, policy: Any, dialect: str) -> Any:
    def count(sql: str) -> int:
        return int(run_masked(con, rewrite(sql, policy, dialect, connection=con), key_loaded=True,
                              harden=False).rows[0][0])
    return count


@pytest.mark.parametrize("template", [ORACLE, NESTED], ids=["parenthesized-join", "nested-parenthesized-join"])
def test_a_parenthesized_join_cannot_test_a_raw_value_on_duckdb(duck, pii_policy, needles, template) -> None:
    # the control: the same oracle over the raw tables reads the card, so the assertion below can fail
    assert _extract(lambda sql: _count(duck, sql, "duckdb"), template) == RAW_CARD[:READ]
    got = _extract(_through_maskline(duck, pii_policy, "duckdb"), template)
    assert got != RAW_CARD[:READ] and not find_leaks([(got,)], needles)


@pytest.mark.postgres
@pytest.mark.parametrize("template", [ORACLE, NESTED], ids=["parenthesized-join", "nested-parenthesized-join"])
def test_a_parenthesized_join_cannot_test_a_raw_value_on_postgres(pg, pii_policy, needles, template) -> None:
    assert _extract(lambda sql: _count(pg, sql, "postgres"), template) == RAW_CARD[:READ]
    got = _extract(_through_maskline(pg, pii_policy, "postgres"), template)
    assert got != RAW_CARD[:READ] and not find_leaks([(got,)], needles)


@pytest.mark.parametrize("dialect", ["duckdb", "postgres"])
def test_the_joins_of_a_parenthesized_join_stay_outside_the_masked_relations(pii_policy, dialect) -> None:
    from tests.rewrite.pii_data import COLUMNS

    schema = {t: {n: pg_type for n, _, pg_type in cols} for t, cols in COLUMNS.items()}
    r = rewrite(ORACLE.format(k=1, v=52), pii_policy, dialect, schema=schema)
    tree = sqlglot.parse_one(r.sql, read=dialect)
    for table in tree.find_all(exp.Table):  # each raw table is the only table of its own derived table
        derived = table.find_ancestor(exp.Subquery)
        assert derived is not None and derived.alias in ("c", "o")
        own = [t for t in derived.this.find_all(exp.Table)]
        assert own == [table]


def test_a_table_clause_a_masked_relation_cannot_keep_is_refused(pii_policy) -> None:
    from tests.rewrite.pii_data import COLUMNS

    with pytest.raises(RewriteRefused, match=r"carries a clause .*\(when\)"):
        rewrite("SELECT email FROM customers AT (VERSION => 1)", pii_policy, "duckdb",
                schema={t: {n: d for n, d, _ in cols} for t, cols in COLUMNS.items()})


def test_a_masked_relation_reading_two_tables_is_refused_after_substitution() -> None:
    from maskline.rewrite.substitute import RELATION

    q = sqlglot.parse_one("SELECT * FROM (SELECT id FROM customers JOIN orders ON true) AS c")
    q.find(exp.Subquery).meta[RELATION] = True
    with pytest.raises(RewriteRefused, match="would read 2 tables"):
        check_reads(q, set())


# --- catalogs: a masked query reads the connection's own catalog only --------------------------------------------
def test_a_table_of_another_duckdb_catalog_is_not_in_the_schema(pii_policy) -> None:
    import duckdb

    from tests.rewrite.pii_data import create_duckdb

    con = duckdb.connect()
    create_duckdb(con)
    con.execute("ATTACH ':memory:' AS other")
    con.execute("CREATE TABLE other.main.vault AS SELECT 1 AS id, 'raw' AS note")
    # the control: DuckDB itself reads the other catalog's table, so the refusals below mean something
    assert con.execute("SELECT note FROM other.main.vault").fetchall() == [("raw",)]
    for sql in ("SELECT note FROM other.main.vault", "SELECT v.note FROM customers c, other.main.vault v",
                "SELECT c.city FROM customers c, other.main.customers c2"):
        with pytest.raises(RewriteRefused, match="is not in the schema"):
            rewrite(sql, pii_policy, "duckdb", connection=con)
    r = rewrite("SELECT email FROM memory.main.customers", pii_policy, "duckdb", connection=con)  # its own catalog
    assert r.masked_columns == ("email",)
    con.close()


def test_a_same_named_table_of_another_duckdb_catalog_adds_no_column_to_the_plan(pii_policy) -> None:
    import duckdb

    from tests.rewrite.pii_data import create_duckdb

    con = duckdb.connect()
    create_duckdb(con)
    con.execute("ATTACH ':memory:' AS other")
    con.execute("CREATE TABLE other.main.customers AS SELECT 1 AS id, 'raw' AS vault")
    r = rewrite("SELECT * FROM customers", pii_policy, "duckdb", connection=con)
    assert "vault" not in {c.name for c in r.lineage}  # the other catalog's column is not taken for ours
    with pytest.raises(RewriteRefused, match="cannot resolve the query's columns"):
        rewrite("SELECT c.vault FROM customers c", pii_policy, "duckdb", connection=con)
    con.close()


@pytest.mark.trino
def test_trino_query_history_in_the_system_catalog_is_not_readable(trino_url, trino_conn, needles) -> None:
    from maskline.policy import load_policy
    from tests.rewrite.conftest import key_material

    key = key_material()
    cur = trino_conn.cursor()
    cur.execute("CREATE TABLE accounts (id integer, username varchar)")
    cur.fetchall()
    cur.execute("INSERT INTO accounts VALUES (1, 'zquartermaine77')")
    cur.fetchall()
    policy = load_policy({"unclassified": "pass",
                          "datasets": {"accounts": {"columns": {"username": {"info_type": "USERNAME"}}}}})
    keyed = rewrite("SELECT username FROM accounts", policy, "trino", connection=trino_conn)
    assert keyed.keyed
    run_masked(trino_conn, keyed, key)  # the key travels with this statement, into the query history
    history = "SELECT query FROM system.runtime.queries"
    # the control: read directly, the history holds the raw value and the key material
    cur.execute(history)
    text = " ".join(r[0] for r in cur.fetchall()).lower()
    assert "zquartermaine77" in text and key.secret.hex() in text
    for sql in (history, "SELECT q.query FROM accounts a, system.runtime.queries q",
                "SELECT count(*) AS n FROM system.runtime.nodes"):
        with pytest.raises(RewriteRefused, match="is not in the schema"):
            rewrite(sql, policy, "trino", connection=trino_conn)


def test_the_reader_roles_views_keep_the_joins_of_a_parenthesized_join(pii_policy) -> None:
    from tests.rewrite.pii_data import COLUMNS

    schema = {t: {n: pg_type for n, _, pg_type in cols} for t, cols in COLUMNS.items()}
    r = rewrite("SELECT c.id, o.card FROM (customers c JOIN orders o ON o.customer_id = c.id)", pii_policy,
                "postgres", schema=schema, masked_schema="m")
    tree = sqlglot.parse_one(r.sql, read="postgres")
    assert sorted((t.db, t.name, t.alias) for t in tree.find_all(exp.Table)) == [("m", "customers", "c"),
                                                                                ("m", "orders", "o")]
    assert tree.find(exp.Join).this.name == "orders"  # the join is kept (it was dropped with the node's copy)


# --- views: a view reads its tables raw, so it is no floor for a masked relation -----------------------------------
# Under unclassified: pass, a view's columns were decided by the view's own name: the policy names customers.email
# and customers.ssn, not contacts.contact, so a view renaming them passed them raw.
VIEW = "CREATE VIEW contacts AS SELECT id, email AS contact, ssn AS ref, city FROM customers"


def _rows(con: Any, policy: Any, sql: str, dialect: str) -> list[tuple[Any, ...]]:
    return run_masked(con, rewrite(sql, policy, dialect, connection=con), key_loaded=True, harden=False).rows


def test_a_view_over_named_columns_passes_nothing_raw_under_unclassified_pass(pii_policy, needles) -> None:
    import duckdb

    from tests.rewrite.pii_data import create_duckdb

    con = duckdb.connect()
    create_duckdb(con)
    con.execute(VIEW)
    assert find_leaks(con.execute("SELECT * FROM contacts").fetchall(), needles)  # control: the view holds them
    assert pii_policy.unclassified == "pass"
    for sql in ("SELECT * FROM contacts", "SELECT v.contact, v.ref, o.card FROM contacts v JOIN orders o ON o.status <> v.city",
                "WITH c AS (SELECT * FROM main.contacts) SELECT contact FROM c"):
        rows = _rows(con, pii_policy, sql, "duckdb")
        assert rows and not find_leaks(rows, needles), sql
    assert _rows(con, pii_policy, "SELECT DISTINCT city FROM contacts ORDER BY city", "duckdb")[0] == ("[REDACTED]",)
    con.close()


def test_tables_still_pass_unnamed_columns_and_a_view_named_in_the_policy_gets_its_rules(pii_policy) -> None:
    import duckdb

    from maskline.policy import load_policy
    from tests.rewrite.pii_data import POLICY, create_duckdb

    con = duckdb.connect()
    create_duckdb(con)
    con.execute(VIEW)
    # the control: a table's unnamed column passes raw under unclassified: pass, as before
    assert _rows(con, pii_policy, "SELECT city FROM customers WHERE id = 1", "duckdb") == [("Springfield",)]
    named = load_policy({**POLICY, "datasets": {**POLICY["datasets"], "contacts": {"columns": {
        "id": {"pass": True}, "contact": {"info_type": "EMAIL"}, "ref": {"info_type": "US_SSN"}}}}})
    rows = _rows(con, named, "SELECT id, contact, ref, city FROM contacts WHERE id = 1", "duckdb")
    assert rows == [(1, "*****@quillfeather-mail.example", "*******9999", "[REDACTED]")]
    con.close()


def test_a_view_over_named_columns_passes_nothing_raw_on_postgres(pg, pii_policy, needles) -> None:
    with pg.cursor() as cur:
        cur.execute("DROP VIEW IF EXISTS contacts")
        cur.execute(VIEW)
    try:
        rows = _rows(pg, pii_policy, "SELECT * FROM contacts", "postgres")
        assert rows and not find_leaks(rows, needles)
        assert _rows(pg, pii_policy, "SELECT city FROM customers WHERE id = 1", "postgres") == [("Springfield",)]
    finally:
        with pg.cursor() as cur:
            cur.execute("DROP VIEW contacts")


# --- partitions and inheritance children: their rows are a named table's rows (red team 5) --------------------------
# The policy names pcust.email; PostgreSQL keeps pcust's rows in its partitions, and customers' child kid's rows are
# customers' rows too. Under unclassified: pass, a partition or child queried by its own name passed them raw.
PARTITIONED = ("CREATE TABLE pcust (id integer, email text, tier integer) PARTITION BY LIST (tier)",
               "CREATE TABLE pcust_1 PARTITION OF pcust FOR VALUES IN (1)",
               "CREATE TABLE pcust_2 PARTITION OF pcust FOR VALUES IN (2, 3)",
               "INSERT INTO pcust SELECT id, email, tier FROM customers",
               "CREATE TABLE kid () INHERITS (customers)",
               "INSERT INTO kid SELECT * FROM customers WHERE id = 1")


@pytest.mark.postgres
def test_a_partition_or_child_of_a_named_table_passes_nothing_raw_on_postgres(pg, pii_policy, needles) -> None:
    from maskline.policy import load_policy
    from tests.rewrite.pii_data import POLICY

    policy = load_policy({**POLICY, "datasets": {**POLICY["datasets"],
                                                 "pcust": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    with pg.cursor() as cur:
        for statement in PARTITIONED:
            cur.execute(statement)
    try:
        with pg.cursor() as cur:  # control: the partitions and the child hold the raw values
            cur.execute("SELECT p.email, k.ssn FROM pcust_2 p, kid k")
            assert find_leaks(cur.fetchall(), needles)
        for sql in ("SELECT * FROM pcust_1", "SELECT email FROM pcust_2", "SELECT * FROM kid",
                    "SELECT k.ssn, p.email FROM kid k CROSS JOIN pcust_2 p"):
            rows = _rows(pg, policy, sql, "postgres")
            assert rows and not find_leaks(rows, needles), sql
        # the controls: the parents keep their rules, and a table that is nobody's child passes unnamed columns
        assert _rows(pg, policy, "SELECT email, tier FROM pcust WHERE id = 1", "postgres") == [
            ("*****@quillfeather-mail.example", 1)]
        assert _rows(pg, policy, "SELECT city FROM customers WHERE id = 1", "postgres") == [("Springfield",)] * 2
    finally:
        with pg.cursor() as cur:
            cur.execute("DROP TABLE kid")
            cur.execute("DROP TABLE pcust")


# --- table functions: the allow-listed generators in FROM read no table ---------------------------------------------
def test_an_allow_listed_table_function_in_from_runs_and_counts_only_masked_values(duck, pii_policy) -> None:
    """``range``/``generate_series`` in FROM were taken for base tables and refused ("table  has no masking plan")."""
    assert _rows(duck, pii_policy, "SELECT * FROM range(3)", "duckdb") == [(0,), (1,), (2,)]
    assert _rows(duck, pii_policy, "SELECT x FROM generate_series(1, 2) AS g(x)", "duckdb") == [(1,), (2,)]
    rows = _rows(duck, pii_policy, "SELECT c.id, count(*) AS n FROM customers c, range(ascii(substr(c.ssn, 1, 1))) r "
                 "GROUP BY c.id ORDER BY c.id", "duckdb")
    assert rows == [(i, ord("*")) for i in range(1, 6)]  # the counter saw the masked '*', never the raw digit
    with pytest.raises(RewriteRefused, match="table function read_csv"):  # the control: other table functions
        rewrite("SELECT * FROM read_csv('customers.csv')", pii_policy, "duckdb", connection=duck)
