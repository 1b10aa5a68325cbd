"""Attacks on the safe query path through a real Trino Hive catalog, each with a control showing it is real.

A Hive table keeps its partition values as directory names, so the raw value of a column the table is partitioned
by is in the metastore, not only in the data files: ``"customers$partitions"`` lists it, the hidden columns
``"$path"`` and ``"$partition"`` name it, and an error on a partition value of the wrong type quotes it, even for a
query that reads no partition column. Table properties (``"t$properties"``) keep a partition projection's
enumerated values and whatever ``extra_properties`` holds, ``ANALYZE`` stores each column's raw minimum and maximum (``SHOW STATS``), procedures
(``CALL system.sync_partition_metadata``...) change the metastore, and an external table reads another table's
files under a name the policy does not list. Trino's ``information_schema.tables`` calls every one of these
relations a ``BASE TABLE``, so the Hive connector is not one of
:data:`maskline.adapters.trino.VOUCHING_CONNECTORS`: its relations are decided like views (columns the policy does
not name are masked, whatever ``unclassified`` says). These tests hold that line, and
:func:`test_vouching_for_hive_would_leak_its_metadata_tables` shows they would fail if ``hive`` joined the set.

The ``hive`` catalog is the one scripts/trino.sh configures (a file metastore and data files on the local disk,
partition procedures and external-table writes allowed); a server started by an older script has none, and the
tests skip saying so. External tables are written under ``local:///external/<schema>``, outside the metastore's
directory, as Trino requires; dropping them keeps their files, which scripts/trino.sh removes when a server starts.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlglot import exp

from maskline.errors import RewriteRefused
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.conftest import key_material
from tests.rewrite.connector_red_team import leaks, masked_failure, masked_rows, require_catalog, run_raw
from tests.rewrite.pii_data import COLUMNS, CUSTOMERS

pytestmark = [pytest.mark.trino]
RAW_IP = "203.0.113.195"
RAW_CARD = "4111111111111111"  # the bucketing column of orders
SENSITIVE = [c for c, *_ in COLUMNS["customers"] if c in ("name", "email", "ssn", "phone", "username", "passport")]
NEEDLES = [str(row[i])[:12] for row in CUSTOMERS
           for i, (c, *_) in enumerate(COLUMNS["customers"]) if c in SENSITIVE] + ["1962-08-08", RAW_IP, RAW_CARD[:8]]
EMAILS = [str(row[2]) for row in CUSTOMERS]
# Hive wants the partition columns last: customers is partitioned by (city, email), each e-mail a directory.
CUSTOMER_COLUMNS = [c for c in COLUMNS["customers"] if c[0] not in ("city", "email")] + [
    c for c in COLUMNS["customers"] if c[0] == "city"] + [c for c in COLUMNS["customers"] if c[0] == "email"]
SESSION_COLUMNS = [c for c in COLUMNS["sessions"] if c[0] != "ip"] + [c for c in COLUMNS["sessions"] if c[0] == "ip"]
HIDDEN_COLUMNS = ["$path", "$file_size", "$file_modified_time", "$partition", "$bucket"]


_run = run_raw


def _leaks(rows: Any) -> list[str]:
    return leaks(rows, NEEDLES)


def _ddl(columns: list[tuple[str, str, str]]) -> str:
    return ", ".join(f"{n} {t}" for n, t, _ in columns)


@pytest.fixture(scope="module")
def hive(trino_url: str) -> Iterator[Any]:
    """A connection on a schema of its own in the ``hive`` catalog holding: the policy's ``customers`` partitioned
    by (city, email), ``sessions`` partitioned by ip, ``orders`` bucketed by card (with a raw e-mail among its
    ``extra_properties``, as a loading tool might record who owns it), a view over customers, and
    three tables the policy does not list: ``leads`` (an external table partitioned by e-mail), ``leads_typed``
    (the same files, its e-mail partition typed bigint, registered by ``sync_partition_metadata``) and
    ``projected`` (a partition projection enumerating raw e-mails in its properties)."""
    from maskline.adapters.trino import connect

    require_catalog(trino_url, "hive")
    schema = f"rt_hive_{uuid.uuid4().hex[:8]}"
    conn = connect(trino_url, catalog="hive")
    _run(conn.cursor(), f"CREATE SCHEMA {schema}")
    conn.close()
    conn = connect(trino_url, catalog="hive", schema=schema)
    cur = conn.cursor()
    external = f"local:///external/{schema}/leads"
    try:
        _run(cur, f"CREATE TABLE customers ({_ddl(CUSTOMER_COLUMNS)}) WITH (partitioned_by = ARRAY['city', 'email'])")
        order = [n for n, *_ in COLUMNS["customers"]]
        rows = [exp.tuple_(*[exp.convert(row[order.index(n)]) for n, *_ in CUSTOMER_COLUMNS]) for row in CUSTOMERS]
        _run(cur, exp.insert(exp.values(rows), "customers").sql("trino"))
        _run(cur, "ANALYZE customers")
        _run(cur, f"CREATE TABLE sessions ({_ddl(SESSION_COLUMNS)}) WITH (partitioned_by = ARRAY['ip'])")
        _run(cur, f"INSERT INTO sessions VALUES (100, 1, 'laptop', '{RAW_IP}')")
        _run(cur, f"CREATE TABLE orders ({_ddl(COLUMNS['orders'])}) "
                  "WITH (bucketed_by = ARRAY['card'], bucket_count = 4, sorted_by = ARRAY['card'], "
                  f"extra_properties = MAP(ARRAY['owner_contact'], ARRAY['{EMAILS[3]}']))")
        _run(cur, f"INSERT INTO orders VALUES (10, 1, 120, '{RAW_CARD}', 'shipped')")
        _run(cur, "CREATE VIEW contacts AS SELECT id, email AS contact, ssn AS ref FROM customers")
        _run(cur, "CREATE TABLE leads (id integer, name varchar, email varchar) "
                  f"WITH (partitioned_by = ARRAY['email'], external_location = '{external}')")
        _run(cur, f"INSERT INTO leads SELECT id, name, email FROM customers WHERE email = '{EMAILS[0]}'")
        _run(cur, "CREATE TABLE leads_typed (id integer, name varchar, email bigint) "
                  f"WITH (partitioned_by = ARRAY['email'], external_location = '{external}')")
        _run(cur, f"CALL system.sync_partition_metadata('{schema}', 'leads_typed', 'ADD')")
        values = ", ".join(f"'{e}'" for e in EMAILS)
        _run(cur, "CREATE TABLE projected (id integer, email varchar WITH (partition_projection_type = 'enum', "
                  f"partition_projection_values = ARRAY[{values}])) "
                  "WITH (partitioned_by = ARRAY['email'], partition_projection_enabled = true)")
        yield conn
    finally:
        for statement in ("DROP VIEW IF EXISTS contacts", "DROP TABLE IF EXISTS leads",
                          "DROP TABLE IF EXISTS leads_typed", "DROP TABLE IF EXISTS projected",
                          "DROP TABLE IF EXISTS sessions", "DROP TABLE IF EXISTS orders",
                          "DROP TABLE IF EXISTS customers", f"DROP SCHEMA IF EXISTS hive.{schema}"):
            # best effort: a failed step must not keep the schema's other tables
            with contextlib.suppress(Exception):
                _run(cur, statement)
        conn.close()


def _columns(hive: Any, relation: str) -> list[str]:
    return [c[0] for c in _run(hive.cursor(), "SELECT column_name FROM information_schema.columns "
                                              f"WHERE table_schema = current_schema AND table_name = '{relation}'")]


@pytest.mark.parametrize("relation", ["customers$partitions", "sessions$partitions", "projected$partitions",
                                      "customers$properties", "sessions$properties", "orders$properties",
                                      "projected$properties"])
def test_hive_metadata_tables_read_fully_masked(hive, pii_policy, relation: str) -> None:
    """``$partitions`` lists each partition's raw values, ``$properties`` a projection's enumerated values; the
    catalog lists each as a BASE TABLE, so only deciding Hive relations like views keeps them masked."""
    cur = hive.cursor()
    assert _run(cur, "SELECT table_type FROM information_schema.tables "
                     f"WHERE table_schema = current_schema AND table_name = '{relation}'") == [("BASE TABLE",)]
    r, rows = masked_rows(hive, f'SELECT * FROM "{relation}"', pii_policy)
    assert rows and not _leaks(rows) and set(r.masked_columns) == set(_columns(hive, relation))


@pytest.mark.parametrize(("query", "raw"), [
    ('SELECT email FROM "customers$partitions"', EMAILS[4]),
    ('SELECT city, email FROM "customers$partitions" WHERE email IS NOT NULL', EMAILS[4]),
    ('SELECT * FROM hive.{schema}."customers$partitions"', EMAILS[0]),
    ('SELECT * FROM "CUSTOMERS$PARTITIONS"', EMAILS[1]),
    ('SELECT ip FROM "sessions$partitions"', RAW_IP),
    ('SELECT * FROM "projected$partitions"', EMAILS[2]),
    ('SELECT * FROM "projected$properties"', EMAILS[3]),
    ('SELECT owner_contact FROM "orders$properties"', EMAILS[3]),  # a table's extra_properties, one column each
    ("SELECT email, name FROM leads", EMAILS[0]),  # another table's files under a name the policy does not list
    ("SELECT l.email FROM leads l JOIN customers c ON c.id = l.id", EMAILS[0]),
    ('WITH p AS (SELECT email FROM "customers$partitions") SELECT email FROM p', EMAILS[4]),
    ('SELECT (SELECT max(email) FROM "customers$partitions") AS m', EMAILS[0]),
    ('SELECT email FROM "customers$partitions" UNION ALL SELECT email FROM customers', EMAILS[4]),
])
def test_raw_values_in_hive_metadata_are_masked(hive, pii_policy, query: str, raw: str) -> None:
    sql = query.format(schema=_run(hive.cursor(), "SELECT current_schema")[0][0])
    assert raw in str(_run(hive.cursor(), sql))  # without maskline the raw value is there: the attack is real
    r, rows = masked_rows(hive, sql, pii_policy)
    assert rows and raw not in str(rows) and not _leaks(rows) and r.masked_columns


@pytest.mark.parametrize("query", [
    'SELECT email FROM "customers$partitions" WHERE city = \'Ogdenville\'',
    'SELECT email FROM "customers$partitions" WHERE email = \'{email}\'',
    "SELECT count(*) FROM leads WHERE email IN ('{email}', 'x@y.example')",
])
def test_a_filter_on_a_partition_value_of_a_relation_the_policy_does_not_list_is_refused(hive, pii_policy,
                                                                                          query: str) -> None:
    """Every column of a relation the policy does not list is masked by redaction, which has no token to compare
    a literal with: the filter would test raw values, so it is refused (a count by a raw value is an oracle)."""
    sql = query.format(email=EMAILS[4])
    assert _run(hive.cursor(), sql)  # the engine answers it: the attack is real
    with pytest.raises(RewriteRefused, match="cannot tokenize") as refused:
        rewrite(sql, pii_policy, "trino", connection=hive)
    assert not _leaks(refused.value)


@pytest.mark.parametrize("query", [
    'SELECT "$path" FROM customers',
    'SELECT c."$partition", c.id FROM customers c',
    'SELECT "$partition" FROM sessions',
    'SELECT "$file_size", "$file_modified_time" FROM customers',
    'SELECT "$bucket" FROM orders',
    'SELECT id FROM sessions WHERE "$path" LIKE \'%203.0.113%\'',
    'SELECT count(*) FROM customers GROUP BY "$partition"',
    'SELECT id FROM customers ORDER BY "$partition"',
    'SELECT id FROM orders WHERE "$bucket" = 1',
    'SELECT * FROM (SELECT "$partition" AS p FROM customers) t',
    'SELECT id FROM customers WHERE id IN (SELECT 1 FROM sessions WHERE "$partition" = \'ip=203.0.113.195\')',
])
def test_hive_hidden_columns_are_refused(hive, pii_policy, query: str) -> None:
    # A partition by e-mail or ip puts the raw value in every file's path and in "$partition".
    raw = str(_run(hive.cursor(), 'SELECT "$path", "$partition" FROM customers UNION ALL '
                                  'SELECT "$path", "$partition" FROM sessions'))
    assert EMAILS[0] in raw and RAW_IP in raw
    with pytest.raises(RewriteRefused, match="cannot resolve the query's columns") as refused:
        rewrite(query, pii_policy, "trino", connection=hive)
    assert not _leaks(refused.value)


def test_every_hidden_column_the_hive_connector_offers_is_tried(hive) -> None:
    """The refusal above covers each hidden column Hive has; a new one in a later Trino fails this test."""
    cur = hive.cursor()
    for column in HIDDEN_COLUMNS:  # each exists ($bucket on a bucketed table only): the attack is real
        _run(cur, f'SELECT "{column}" FROM {"orders" if column == "$bucket" else "customers"}')
    # and none is listed as a column, so the rewrite cannot resolve one
    assert set(_columns(hive, "customers") + _columns(hive, "orders")).isdisjoint(HIDDEN_COLUMNS)


@pytest.mark.parametrize("statement", [
    "SHOW STATS FOR customers",
    "SHOW STATS FOR (SELECT dob FROM customers)",
    "SHOW STATS FOR (SELECT email FROM customers WHERE city = 'Springfield')",
    "EXPLAIN ANALYZE SELECT email FROM customers",
    "EXPLAIN SELECT email FROM customers WHERE email = 'x'",
    "EXPLAIN (TYPE IO, FORMAT JSON) SELECT * FROM customers WHERE email > 'a'",
    "ANALYZE customers",
    "ANALYZE customers WITH (partitions = ARRAY[ARRAY['Springfield', 'x@y.example']])",
    "INSERT INTO customers SELECT * FROM customers",
    "CREATE TABLE leaked AS SELECT email FROM customers",
    "CREATE TABLE leaked WITH (external_location = 'local:///external/leaked') AS SELECT * FROM customers",
    "DELETE FROM customers WHERE email = 'x'",
    "UPDATE customers SET name = email",
    "MERGE INTO customers c USING customers d ON c.id = d.id WHEN MATCHED THEN DELETE",
    "TRUNCATE TABLE leads",
    "ALTER TABLE customers EXECUTE optimize(file_size_threshold => '10MB')",
    "ALTER TABLE customers ADD COLUMN leaked varchar",
    "CALL system.sync_partition_metadata(current_schema, 'leads', 'FULL')",
    "CALL hive.system.register_partition('s', 'customers', ARRAY['city', 'email'], ARRAY['a', 'b'])",
    "CALL system.unregister_partition('s', 'customers', ARRAY['city', 'email'], ARRAY['a', 'b'])",
    "CALL system.create_empty_partition('s', 'customers', ARRAY['city', 'email'], ARRAY['a', 'b'])",
    "CALL system.drop_stats('s', 'customers')",
    "CALL system.flush_metadata_cache()",
    "SET SESSION hive.ignore_absent_partitions = true",
    "DESCRIBE customers",
    "SHOW CREATE TABLE projected",
    "SHOW COLUMNS FROM customers",
    "SHOW PARTITIONS FROM customers",
    "COMMENT ON TABLE customers IS 'x'",
    "CREATE VIEW leaked AS SELECT email FROM customers",
])
def test_hive_statements_other_than_select_are_refused_before_anything_runs(hive, pii_policy,
                                                                              statement: str) -> None:
    cur = hive.cursor()
    before = (_run(cur, 'SELECT count(*) FROM "customers$partitions"'), _run(cur, "SELECT count(*) FROM customers"),
              _run(cur, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema"))
    with pytest.raises(RewriteRefused, match="only SELECT|expected one statement|could not parse") as refused:
        rewrite(statement, pii_policy, "trino", connection=hive)
    assert not _leaks(refused.value)
    after = (_run(cur, 'SELECT count(*) FROM "customers$partitions"'), _run(cur, "SELECT count(*) FROM customers"),
             _run(cur, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema"))
    assert after == before  # nothing was written, registered or created


@pytest.mark.parametrize(("statement", "raw"), [
    ("SHOW STATS FOR customers", "1962-08-08"),  # ANALYZE keeps a date column's raw minimum
    ("SHOW STATS FOR (SELECT dob FROM customers WHERE city = 'Capital City')", "1962-08-08"),
    ("SHOW CREATE TABLE projected", EMAILS[0]),  # a partition projection's enumerated values
    ("EXPLAIN SELECT id FROM customers WHERE email = '{email}'", EMAILS[0]),  # the plan quotes its constants
])
def test_what_the_refused_statements_would_give_away(hive, statement: str, raw: str) -> None:
    """Why these statements stay refused: each hands a raw value to anyone who runs it on the engine."""
    assert raw in str(_run(hive.cursor(), statement.format(email=EMAILS[0])))


def test_procedures_change_the_metastore_when_run_raw(hive) -> None:
    """Why CALL stays refused: a procedure registers partitions (here, the raw e-mail directories of ``leads``
    under a table of another type) and drops statistics; the fixture's ``leads_typed`` came from one."""
    cur = hive.cursor()
    assert _run(cur, 'SELECT count(*) FROM "leads_typed$partitions" WHERE false') == [(0,)]
    _run(cur, "CALL system.drop_stats(current_schema, 'orders')")
    assert _run(cur, "SHOW STATS FOR orders")[-1][4] is None  # the row count is gone


@pytest.mark.parametrize("query", ["SELECT id FROM leads_typed", "SELECT * FROM leads_typed",
                                   'SELECT * FROM "leads_typed$partitions"', "SELECT count(*) FROM leads_typed"])
def test_a_partition_value_error_on_hive_reports_no_value(hive, pii_policy, query: str) -> None:
    """Hive parses a partition's value from its directory name: a value of the wrong type fails the scan with a
    message quoting the raw e-mail, even for a query that reads no partition column. The error is rebuilt from its
    structure, so the value is not reported."""
    with pytest.raises(Exception) as raw_error:
        _run(hive.cursor(), query)
    assert EMAILS[0] in str(raw_error.value)  # the engine's message quotes a raw e-mail: the side channel is real
    failure = masked_failure(hive, query, pii_policy)
    assert not _leaks(failure) and "@" not in str(failure)
    assert failure.__cause__ is None and failure.__context__ is None


@pytest.mark.parametrize("query", ["SELECT CAST(email AS integer) FROM customers",
                                   "SELECT CAST(ssn AS bigint) + id FROM customers",
                                   "SELECT CAST(contact AS date) FROM contacts"])
def test_a_cast_failure_on_hive_reports_no_value(hive, pii_policy, query: str) -> None:
    """Trino's cast error quotes the value it could not cast (here a partition column's); the masked query casts
    the masked value, and the error is rebuilt from its structure, so neither value is reported."""
    with pytest.raises(Exception) as raw_error:
        _run(hive.cursor(), query)
    assert _leaks(raw_error.value)  # the engine's message quotes a raw value: the side channel is real
    failure = masked_failure(hive, query, pii_policy)
    assert not _leaks(failure) and "@" not in str(failure)


@pytest.mark.parametrize("query", ["SELECT * FROM contacts", "SELECT contact, ref FROM contacts WHERE id IS NOT NULL"])
def test_a_view_over_a_hive_table_reads_masked(hive, pii_policy, query: str) -> None:
    assert _leaks(_run(hive.cursor(), query))  # the view reads customers raw: the attack is real
    r, rows = masked_rows(hive, query, pii_policy)
    assert len(rows) == len(CUSTOMERS) and not _leaks(rows) and "contact" in r.masked_columns


def test_table_functions_over_hive_tables_are_refused(hive, pii_policy) -> None:
    """The Hive connector of Trino 476 has no table function of its own; the global ones read its tables raw."""
    query = "SELECT * FROM TABLE(exclude_columns(input => TABLE(customers), columns => DESCRIPTOR(id)))"
    assert _leaks(_run(hive.cursor(), query))
    with pytest.raises(RewriteRefused, match="table function"):
        rewrite(query, pii_policy, "trino", connection=hive)


@pytest.mark.parametrize("query", [
    "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema",
    "SELECT * FROM information_schema.tables WHERE table_schema = current_schema",
    "SELECT view_definition FROM hive.information_schema.views",
    "SELECT * FROM system.metadata.table_properties WHERE catalog_name = 'hive'",
    "SELECT * FROM system.metadata.table_comments WHERE catalog_name = 'hive'",
    "SELECT * FROM system.metadata.column_properties WHERE catalog_name = 'hive'",
    "SELECT query FROM system.runtime.queries",
    "SELECT q.query FROM customers c JOIN system.runtime.queries q ON q.query LIKE '%' || c.city || '%'",
])
def test_catalog_and_system_tables_are_refused_from_a_hive_session(hive, pii_policy, query: str) -> None:
    # The query history keeps every statement's text, the fixture's raw INSERT among them: the attack is real.
    assert _leaks(_run(hive.cursor(), "SELECT query FROM system.runtime.queries"))
    with pytest.raises(RewriteRefused, match="system catalog|key store|not in the schema") as refused:
        rewrite(query, pii_policy, "trino", connection=hive)
    assert not _leaks(refused.value)


def test_vouching_for_hive_would_leak_its_metadata_tables(hive, pii_policy, monkeypatch) -> None:
    """The guard: were ``hive`` trusted to say what a relation is, ``"customers$partitions"`` would be a stored
    table the policy does not list, its unclassified columns would pass, and the raw e-mails would come back, so
    :func:`test_hive_metadata_tables_read_fully_masked` and its neighbours would fail."""
    from maskline.adapters import trino

    assert "hive" not in trino.VOUCHING_CONNECTORS
    monkeypatch.setattr(trino, "VOUCHING_CONNECTORS", trino.VOUCHING_CONNECTORS | {"hive"})
    r = rewrite('SELECT email FROM "customers$partitions"', pii_policy, "trino", connection=hive)
    assert EMAILS[4] in str(run_masked(hive, r, key_material()).rows) and not r.masked_columns


def test_control_hive_policy_tables_read_masked_and_keep_working(hive, pii_policy) -> None:
    key = key_material()
    r = rewrite("SELECT name, email, ssn, phone, username, passport FROM customers", pii_policy, "trino",
                connection=hive, key=key)
    rows = run_masked(hive, r, key).rows
    assert len(rows) == len(CUSTOMERS) and all(all(v for v in row) for row in rows)
    assert not _leaks(rows) and set(r.masked_columns) == set(SENSITIVE)
    # the masked e-mail keeps its domain, as the email method says, though e-mail is a partition column
    assert sorted(e.split("@")[1] for _, e, *_ in rows) == sorted(e.split("@")[1] for e in EMAILS)
    # a filter on a partition column is tokenized, and finds the row by its token
    typed = rewrite(f"SELECT count(*) FROM sessions WHERE ip = '{RAW_IP}'", pii_policy, "trino",
                    connection=hive, key=key)
    assert run_masked(hive, typed, key).rows == [(1,)] and typed.tokenized_filters
    qualified = rewrite("SELECT ip FROM hive.{}.sessions".format(_run(hive.cursor(), "SELECT current_schema")[0][0]),
                        pii_policy, "trino", connection=hive, key=key)
    rows = run_masked(hive, qualified, key).rows
    assert len(rows) == 1 and rows[0][0] and RAW_IP not in str(rows)
    # the bucketing column reads masked
    card = rewrite("SELECT id, card FROM orders", pii_policy, "trino", connection=hive, key=key)
    rows = run_masked(hive, card, key).rows
    assert len(rows) == 1 and rows[0][1] and not _leaks(rows) and "card" in card.masked_columns
    counted = rewrite('SELECT count(*) FROM "customers$partitions"', pii_policy, "trino", connection=hive)
    assert run_masked(hive, counted).rows == [(len(CUSTOMERS),)]  # counting partitions still works
