"""Attacks on the safe query path that only Trino makes possible, run on the real Trino server, each with a control.

Trino's ``postgres`` catalog (scripts/trino.sh) federates the local PostgreSQL database ``maskline_trino`` with
credentials that can read every schema of it, as a deployment whose Trino and maskline share a database would.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from maskline.errors import RewriteRefused
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.conftest import key_material

pytestmark = [pytest.mark.trino]
FEDERATED_DATABASE = "maskline_trino"  # the database scripts/trino.sh points its postgres catalog at
RAW_IP = "203.0.113.195"


@pytest.fixture(scope="module")
def federated_key_store(trino_url: str, pg_admin_dsn: str, pii_policy) -> Iterator[tuple[Any, str]]:
    """A table protected by ``maskline protect`` in the federated database, under a private schema of its own
    name, and a Trino connection on the table's schema through the ``postgres`` catalog."""
    import psycopg2

    from maskline.adapters.postgres import protect, unprotect
    from maskline.adapters.trino import connect

    sfx = uuid.uuid4().hex[:8]
    source, masked, private, reader = f"rt_src_{sfx}", f"rt_masked_{sfx}", f"rt_keys_{sfx}", f"rt_reader_{sfx}"
    pg = psycopg2.connect(pg_admin_dsn.rsplit("/", 1)[0] + "/" + FEDERATED_DATABASE)
    pg.autocommit = True
    with pg.cursor() as cur:
        cur.execute(f"CREATE SCHEMA {source}")
        cur.execute(f"CREATE TABLE {source}.sessions (id integer, customer_id integer, ip text, device text)")
        cur.execute(f"INSERT INTO {source}.sessions VALUES (100, 1, '{RAW_IP}', 'laptop')")
    protect(pg, pii_policy, source, ["sessions"], key_material(), masked_schema=masked, reader=reader,
            private_schema=private)
    trino = connect(trino_url, catalog="postgres", schema=source)
    try:
        yield trino, private
    finally:
        trino.close()
        unprotect(pg, masked_schema=masked, private_schema=private)
        with pg.cursor() as cur:
            cur.execute(f"DROP SCHEMA {source} CASCADE")
            cur.execute(f"DROP ROLE IF EXISTS {reader}")
        pg.close()


@pytest.mark.parametrize("query", [
    "SELECT * FROM {private}.key",
    "SELECT to_hex(salt) FROM {private}.key",
    "SELECT length(salt) FROM postgres.{private}.key",
    "SELECT s.ip FROM sessions s JOIN {private}.key k ON k.id = 1",
])
def test_the_key_store_of_a_federated_postgresql_database_is_refused(federated_key_store, pii_policy,
                                                                     query: str) -> None:
    trino, private = federated_key_store
    key = key_material()
    # Without maskline, the catalog reads the key: the attack is real.
    cur = trino.cursor()
    cur.execute(f"SELECT salt FROM {private}.key")
    assert bytes(cur.fetchall()[0][0]) == key.secret
    with pytest.raises(RewriteRefused, match="key store"):
        rewrite(query.format(private=private), pii_policy, "trino", connection=trino)


def test_control_a_data_table_of_the_same_federated_database_reads_masked(federated_key_store, pii_policy) -> None:
    trino, _ = federated_key_store
    r = rewrite("SELECT id, ip, device FROM sessions", pii_policy, "trino", connection=trino)
    rows = run_masked(trino, r, key_material()).rows
    assert len(rows) == 1 and rows[0][1] and RAW_IP not in str(rows[0][1]) and "ip" in r.masked_columns


@pytest.fixture(scope="module")
def federated_relations(trino_url: str, pg_admin_dsn: str) -> Iterator[Any]:
    """Relations of the federated database that read another table's raw rows under a name of their own."""
    import psycopg2

    from maskline.adapters.trino import connect

    schema = f"rt_rel_{uuid.uuid4().hex[:8]}"
    pg = psycopg2.connect(pg_admin_dsn.rsplit("/", 1)[0] + "/" + FEDERATED_DATABASE)
    pg.autocommit = True
    with pg.cursor() as cur:
        cur.execute(f"CREATE SCHEMA {schema}")
        cur.execute(f"CREATE TABLE {schema}.sessions (id integer, customer_id integer, ip text, device text) "
                    "PARTITION BY RANGE (id)")
        cur.execute(f"CREATE TABLE {schema}.sessions_p1 PARTITION OF {schema}.sessions FOR VALUES FROM (0) TO (1000)")
        cur.execute(f"INSERT INTO {schema}.sessions VALUES (100, 1, '{RAW_IP}', 'laptop')")
        cur.execute(f"CREATE VIEW {schema}.session_ips AS SELECT id, ip FROM {schema}.sessions")
        cur.execute(f"CREATE MATERIALIZED VIEW {schema}.session_copy AS SELECT id, ip FROM {schema}.sessions")
        cur.execute(f"CREATE TABLE {schema}.orders (id integer, customer_id integer, amount integer, card text, "
                    "status text)")
        cur.execute(f"CREATE TABLE {schema}.orders_archive (archived boolean) INHERITS ({schema}.orders)")
        cur.execute(f"INSERT INTO {schema}.orders_archive VALUES (10, 1, 120, '4111111111111111', 'open', true)")
    trino = connect(trino_url, catalog="postgres", schema=schema)
    try:
        yield trino
    finally:
        trino.close()
        with pg.cursor() as cur:
            cur.execute(f"DROP SCHEMA {schema} CASCADE")
        pg.close()


@pytest.mark.parametrize(("query", "raw"), [
    ("SELECT ip FROM sessions_p1", RAW_IP),  # a partition of the policy's sessions
    ("SELECT ip FROM session_ips", RAW_IP),  # a view
    ("SELECT ip FROM session_copy", RAW_IP),  # a materialized view
    ("SELECT card FROM orders_archive", "4111111111111111"),  # an inheritance child of the policy's orders
])
def test_federated_views_and_partitions_are_not_vouched_for_as_stored_tables(federated_relations, pii_policy,
                                                                             query: str, raw: str) -> None:
    # Trino's postgresql connector lists each of them as a BASE TABLE: under `unclassified: pass` it passed raw.
    cur = federated_relations.cursor()
    cur.execute(query)
    assert [tuple(row) for row in cur.fetchall()] == [(raw,)]  # without maskline the raw value is there: the attack is real
    r = rewrite(query, pii_policy, "trino", connection=federated_relations)
    rows = run_masked(federated_relations, r, key_material()).rows
    assert len(rows) == 1 and raw not in str(rows) and r.masked_columns


def test_control_the_policy_tables_beside_them_read_masked(federated_relations, pii_policy) -> None:
    r = rewrite("SELECT ip FROM sessions", pii_policy, "trino", connection=federated_relations)
    rows = run_masked(federated_relations, r, key_material()).rows
    assert len(rows) == 1 and rows[0][0] and RAW_IP not in str(rows)


def test_control_a_memory_table_the_policy_does_not_name_still_passes_under_unclassified_pass(trino_conn,
                                                                                            pii_policy) -> None:
    cur = trino_conn.cursor()
    cur.execute("CREATE TABLE devices (id integer, device varchar)")
    cur.fetchall()
    cur.execute("INSERT INTO devices VALUES (1, 'laptop')")
    cur.fetchall()
    r = rewrite("SELECT id, device FROM devices", pii_policy, "trino", connection=trino_conn)
    assert run_masked(trino_conn, r).rows == [(1, "laptop")] and r.masked_columns == ()


def test_a_connection_on_the_system_catalog_reads_no_query_history_raw(trino_url, trino_conn, pii_policy) -> None:
    """``system.runtime.queries`` holds every query's text, with the literals users typed and the key bound to
    maskline's own statements; a connection whose catalog is ``system`` reads it as its own catalog."""
    from maskline.adapters.trino import connect

    key = key_material()
    from sqlglot import exp

    from tests.rewrite.pii_data import COLUMNS, CUSTOMERS

    cur = trino_conn.cursor()
    cur.execute(f"CREATE TABLE customers ({', '.join(f'{n} {t}' for n, t, _ in COLUMNS['customers'])})")
    cur.fetchall()
    cur.execute(exp.insert(exp.values([exp.tuple_(*[exp.convert(v) for v in CUSTOMERS[0]])]), "customers").sql("trino"))
    cur.fetchall()
    typed = rewrite("SELECT id FROM customers WHERE username = 'zquartermaine77'", pii_policy, "trino",
                    connection=trino_conn, key=key)
    assert run_masked(trino_conn, typed, key).rows == [(1,)]  # maskline bound the key to this statement
    system = connect(trino_url, catalog="system", schema="runtime")
    try:
        history = system.cursor()
        history.execute("SELECT query FROM queries")
        assert key.secret.hex() in str(history.fetchall()).lower()  # without maskline the key is there
        for query in ("SELECT query FROM queries", "SELECT query FROM system.runtime.queries",
                      "SELECT count(*) FROM metadata.catalogs"):
            with pytest.raises(RewriteRefused, match="key store"):
                rewrite(query, pii_policy, "trino", connection=system)
    finally:
        system.close()


def test_maskqueryoperator_refuses_trinos_query_history_from_any_catalog(trino_conn, pii_policy) -> None:
    """Airflow's masked query reads the columns itself (``Warehouse.columns`` follows a catalog-qualified name),
    so ``system.runtime.queries`` reached the rewrite with its schema, from an ordinary memory connection. Two rules
    refuse it now: ``mask_query`` reads columns only in the connection's own catalog (so another catalog's table is
    not in its schema), and every table of a ``system`` catalog is a key store."""
    from airflow_plugin.query_masking import mask_query
    from airflow_plugin.warehouse import Warehouse, engine_named

    warehouse = Warehouse(trino_conn, engine_named("trino"))
    assert warehouse.columns("system.runtime.queries")  # the columns are there to be read: the attack is real
    for query in ("SELECT query FROM system.runtime.queries", "SELECT count(*) FROM system.metadata.catalogs"):
        with pytest.raises(RewriteRefused, match="key store|is not in the schema"):
            mask_query(query, pii_policy, warehouse, key=key_material())


def test_control_maskqueryoperator_masks_a_catalog_qualified_memory_table(trino_conn, trino_schema,
                                                                          pii_policy) -> None:
    from airflow_plugin.query_masking import mask_query
    from airflow_plugin.warehouse import Warehouse, engine_named

    cur = trino_conn.cursor()
    cur.execute("CREATE TABLE IF NOT EXISTS sessions (id integer, customer_id integer, ip varchar, device varchar)")
    cur.fetchall()
    masked = mask_query(f"SELECT ip FROM memory.{trino_schema}.sessions", pii_policy,
                        Warehouse(trino_conn, engine_named("trino")), key=key_material())
    assert [c.name for c in masked.plan.masked] == ["ip"]


@pytest.fixture()
def customers_table(trino_conn) -> Iterator[Any]:
    """The policy's ``customers`` in this worker's memory schema, with one row of the test data (dropped after:
    the memory connector deletes no rows, and another test here creates its own ``customers``)."""
    from sqlglot import exp

    from tests.rewrite.pii_data import COLUMNS, CUSTOMERS

    cur = trino_conn.cursor()
    cur.execute("DROP TABLE IF EXISTS customers")
    cur.fetchall()
    cur.execute(f"CREATE TABLE customers ({', '.join(f'{n} {t}' for n, t, _ in COLUMNS['customers'])})")
    cur.fetchall()
    cur.execute(exp.insert(exp.values([exp.tuple_(*[exp.convert(v) for v in CUSTOMERS[0]])]), "customers").sql("trino"))
    cur.fetchall()
    yield trino_conn
    cur.execute("DROP TABLE IF EXISTS customers")
    cur.fetchall()


@pytest.mark.parametrize("query", [
    'SELECT email FROM "CUSTOMERS"',
    'SELECT email FROM "Customers"',
    'SELECT email FROM {schema_upper}."CUSTOMERS"',
    'SELECT email FROM memory."{schema_upper}".customers',
    'SELECT email FROM "MEMORY"."{schema_upper}"."Customers"',
    'SELECT "EMAIL" FROM customers',
    'SELECT c."Email" FROM "CUSTOMERS" c',
])
def test_quoted_upper_case_names_read_the_policy_table_masked(customers_table, trino_schema, pii_policy,
                                                              query: str) -> None:
    """Trino folds every identifier, quoted or not, to lower case: ``"CUSTOMERS"`` is the policy's ``customers``.
    The safe query path refused these (the quoted name was looked up as written); they now read masked."""
    from tests.rewrite.pii_data import COLUMNS, CUSTOMERS

    sql = query.format(schema_upper=trino_schema.upper())
    raw = CUSTOMERS[0][[n for n, _, _ in COLUMNS["customers"]].index("email")]
    cur = customers_table.cursor()
    cur.execute(sql)
    assert [tuple(row) for row in cur.fetchall()] == [(raw,)]  # Trino reads the policy table under this name
    r = rewrite(sql, pii_policy, "trino", connection=customers_table)
    rows = run_masked(customers_table, r, key_material()).rows
    assert len(rows) == 1 and rows[0][0] and raw not in str(rows) and r.masked_columns


def test_control_an_unknown_quoted_name_is_still_refused_and_the_plain_name_reads_masked(customers_table,
                                                                                         pii_policy) -> None:
    from tests.rewrite.pii_data import COLUMNS, CUSTOMERS

    with pytest.raises(RewriteRefused):
        rewrite('SELECT email FROM "CUSTOMERS_ELSEWHERE"', pii_policy, "trino", connection=customers_table)
    with pytest.raises(RewriteRefused):
        rewrite('SELECT "EMAILS" FROM customers', pii_policy, "trino", connection=customers_table)
    raw = CUSTOMERS[0][[n for n, _, _ in COLUMNS["customers"]].index("email")]
    r = rewrite("SELECT email FROM customers", pii_policy, "trino", connection=customers_table)
    rows = run_masked(customers_table, r, key_material()).rows
    assert len(rows) == 1 and rows[0][0] and raw not in str(rows) and r.masked_columns == ("email",)
