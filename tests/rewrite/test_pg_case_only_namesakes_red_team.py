"""Case-only namesakes on real PostgreSQL: ``customers`` and ``"Customers"`` are two tables, and so are
``sales.customers`` and ``"Sales".customers``. Each keeps its own name, plan, lineage and policy entry.

Before, every name was folded to lower case (``maskline.rewrite.table_names``), so the two shared one identity:

* a schema mapping naming ``Customers`` (read as written unquoted: PostgreSQL's ``customers``) described both
  tables of a query reading ``customers`` and ``"Customers"``, and the policy's ``customers`` entry, whose ``note``
  passes, passed ``"Customers"``'s e-mails raw;
* ``maskline protect --tables Customers`` took the policy's ``customers`` entry (``note: pass``) for
  ``"Customers"``, and its reader role read the e-mails raw through the masked view; with entries for both, the
  first in file order won for both;
* a query through a connection reading ``"Customers"`` was refused whatever the policy said (sqlglot folded the
  catalog's name), so a mixed-case table could not be queried at all.

Now a policy entry names the relation the engine resolves its name to (``customers`` or ``Customers`` is
PostgreSQL's ``customers``; ``'"Customers"'`` names the quoted one), and an entry that would fit only were case
ignored is refused with the fix. The DuckDB controls: there case does not matter, and nothing that worked is refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb
import pytest

from maskline import rewrite, run_masked
from maskline.errors import PolicyError, RewriteRefused
from maskline.keys import resolve_key
from maskline.policy import load_policy

EMAIL = "zebulon.quartermaine@quillfeather-mail.example"
NOTE = "likes green tea"
KEY = {"env": "MASKLINE_KEY", "derivation": 2}
COLUMNS = {"id": {"pass": True}, "note": {"pass": True}}



@pytest.fixture()
def db(pg_dsn: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from tests.protect_database import scratch_database

    monkeypatch.setenv("MASKLINE_KEY", "k" * 64)
    with scratch_database(pg_dsn) as d:
        # the schemas sales and "Sales" of this test, beside the raw schema's namesakes
        d.sales = f"{d.raw}_sales"
        d.sql(f'CREATE SCHEMA "{d.raw}_Sales"; CREATE SCHEMA {d.sales}')
        for table, note in ((f"{d.raw}.customers", NOTE), (f'{d.raw}."Customers"', EMAIL),
                            (f'"{d.raw}_Sales".customers', EMAIL), (f"{d.sales}.customers", NOTE)):
            d.sql(f"CREATE TABLE {table} (id integer, note text)")
            d.sql(f"INSERT INTO {table} VALUES (1, %s)", (note,))
        d.sql(f"SET search_path = {d.raw}")
        try:
            yield d
        finally:
            d.sql(f'DROP SCHEMA "{d.raw}_Sales" CASCADE; DROP SCHEMA {d.sales} CASCADE')


def _both(d: Any) -> Any:
    """customers and sales.customers pass their notes; their quoted namesakes' notes are e-mails, masked."""
    email = {"columns": {"id": {"pass": True}, "note": {"info_type": "EMAIL"}}}
    return load_policy({"key": KEY, "unclassified": "mask", "datasets": {
        "customers": {"columns": COLUMNS}, f"{d.sales}.customers": {"columns": COLUMNS},
        '"Customers"': email, f'"{d.raw}_Sales".customers': email}})


def _only_lower(d: Any) -> Any:
    """Entries for customers and sales.customers only (their notes pass), under ``unclassified: pass``."""
    return load_policy({"key": KEY, "unclassified": "pass", "datasets": {
        "customers": {"columns": COLUMNS}, f"{d.sales}.customers": {"columns": COLUMNS}}})


def _run(d: Any, sql: str, policy: Any = None, **kw: Any) -> tuple[list[tuple[Any, ...]], Any]:
    """``sql`` (``{s}``: the schema sales, ``{S}``: "Sales") rewritten and run over the masked relations."""
    policy = policy or _both(d)
    sql = sql.format(s=d.sales, S=f'"{d.raw}_Sales"')
    masked = rewrite(sql, policy, "postgres", **({"connection": d.admin} | kw))
    return run_masked(d.admin, masked, resolve_key(policy.key), max_rows=5).rows, masked


@pytest.mark.parametrize("sql", [
    'SELECT a.note, b.note AS n2 FROM customers a JOIN "Customers" b USING (id)',
    "SELECT a.note, b.note AS n2 FROM {s}.customers a JOIN {S}.customers b USING (id)",
])
def test_two_namesakes_of_one_query_keep_two_plans(db: Any, sql: str) -> None:
    raw_sql = sql.format(s=db.sales, S=f'"{db.raw}_Sales"').replace("AS n2", "")
    assert db.sql(raw_sql) == [(NOTE, EMAIL)]  # control: the raw rows
    rows, masked = _run(db, sql)
    assert rows == [(NOTE, "*****@quillfeather-mail.example")]
    assert len(masked.tables) == len(set(masked.tables)) == 2  # two relations, two names, two plans
    raw, mail = masked.lineage
    assert raw.treatment == "raw" and mail.treatment == "masked" and raw.sources != mail.sources


@pytest.mark.parametrize(("sql", "expected"), [
    ('SELECT note FROM "Customers"', "*****@quillfeather-mail.example"),
    ("SELECT note FROM CUSTOMERS", NOTE),  # unquoted: PostgreSQL's customers, whose entry passes it
    ('SELECT note FROM {S}."customers"', "*****@quillfeather-mail.example"),
])
def test_each_namesake_alone_gets_its_own_entry(db: Any, sql: str, expected: str) -> None:
    assert _run(db, sql)[0] == [(expected,)]


@pytest.mark.parametrize(("sql", "fix"), [
    ('SELECT note FROM "Customers"', '"Customers"'),
    ("SELECT note FROM {S}.customers", "_Sales\".customers"),
])
def test_the_namesake_the_policy_does_not_name_is_refused_not_given_its_entry(db: Any, sql: str, fix: str) -> None:
    """Under ``unclassified: pass`` the e-mails would pass either way: by the ``customers`` entry's ``pass`` or as
    a table no entry describes. The entry fits only were case ignored: the query is refused, the fix quotes it."""
    with pytest.raises(PolicyError) as refused:
        _run(db, sql, _only_lower(db))
    assert "differs only in case" in refused.value.what and fix in refused.value.fix
    assert EMAIL not in str(refused.value)


def test_a_schema_naming_customers_does_not_describe_its_quoted_namesake(db: Any) -> None:
    """A schema mapping's key is read as a name written unquoted: ``Customers`` is PostgreSQL's ``customers``."""
    schema = {f"{db.raw}.Customers": {"id": "integer", "note": "text"}}
    sql = f'SELECT a.note, b.note AS n2 FROM {db.raw}.customers a JOIN {db.raw}."Customers" b USING (id)'
    policy = load_policy({"key": KEY, "unclassified": "pass", "datasets": {f"{db.raw}.customers": {"columns": COLUMNS}}})
    try:
        rows, _ = _run(db, sql, policy, connection=None, schema=schema)
    except RewriteRefused as refused:  # "Customers" is not in the schema
        assert "not in the schema" in refused.what
    else:
        assert EMAIL not in {v for row in rows for v in row}


def test_a_quoted_schema_key_names_the_quoted_table(db: Any) -> None:
    schema = {f'{db.raw}."Customers"': {"id": "integer", "note": "text"},
              f"{db.raw}.customers": {"id": "integer", "note": "text"}}
    sql = f'SELECT a.note, b.note AS n2 FROM {db.raw}.customers a JOIN {db.raw}."Customers" b USING (id)'
    policy = load_policy({"key": KEY, "unclassified": "mask", "datasets": {
        f"{db.raw}.customers": {"columns": COLUMNS},
        f'{db.raw}."Customers"': {"columns": {"id": {"pass": True}, "note": {"info_type": "EMAIL"}}}}})
    assert _run(db, sql, policy, connection=None, schema=schema)[0] == [(NOTE, "*****@quillfeather-mail.example")]


def _protect(d: Any, policy: Any, tables: tuple[str, ...]) -> None:
    from maskline.adapters.postgres import protect
    from tests.protect_database import KEY as PROTECT_KEY

    protect(d.admin, policy, d.raw, tables, PROTECT_KEY, masked_schema=d.masked, reader=d.reader,
            private_schema=d.private)


def test_protect_does_not_give_customers_entry_to_its_namesake(db: Any) -> None:
    with pytest.raises(PolicyError) as refused:
        _protect(db, _only_lower(db), ("Customers",))
    assert '"Customers"' in refused.value.fix
    assert not db.exists()["masked schema"]  # nothing created


def test_protect_gives_each_namesake_its_own_entry(db: Any) -> None:
    _protect(db, _both(db), ("Customers", "customers"))
    assert db.read_as_reader('SELECT note FROM {masked}."Customers"') == [("*****@quillfeather-mail.example",)]
    assert db.read_as_reader("SELECT note FROM {masked}.customers") == [(NOTE,)]


# DuckDB controls: one table whatever the case; nothing refused that worked before.
@pytest.mark.parametrize("entry", ["Customers", "customers", '"customers"'])
@pytest.mark.parametrize("sql", ['SELECT note FROM "Customers"', "SELECT note FROM CUSTOMERS",
                                 'SELECT note FROM main."CUSTOMERS"'])
def test_duckdb_control_case_names_one_table(entry: str, sql: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MASKLINE_KEY", "k" * 64)
    con = duckdb.connect()
    con.execute('CREATE TABLE "Customers" (id INTEGER, note VARCHAR)')
    con.execute("INSERT INTO customers VALUES (1, ?)", [EMAIL])
    policy = load_policy({"key": KEY, "unclassified": "pass",
                          "datasets": {entry: {"columns": {"note": {"info_type": "EMAIL"}}}}})
    masked = rewrite(sql, policy, "duckdb", connection=con)
    assert run_masked(con, masked, resolve_key(policy.key), max_rows=5).rows == [("*****@quillfeather-mail.example",)]
    assert masked.tables == ("memory.main.customers",)


def test_lineage_names_each_namesake_as_the_catalog_stores_it(db: Any) -> None:
    """Lineage (the query's sources, the catalog's spelling of a table) keeps the case PostgreSQL stores."""
    import sqlglot

    from maskline.lineage_names import catalog_table
    from maskline.rewrite.refusals import base_tables
    from maskline.rewrite.schema_source import read_schema
    from openlineage_ext.query_lineage import query_lineage

    sql = 'SELECT a.note, b.note AS n2 FROM customers a JOIN "Customers" b USING (id)'
    schema = read_schema(db.admin, base_tables(sqlglot.parse_one(sql, read="postgres")))
    masked = rewrite(sql, _both(db), "postgres", connection=db.admin, schema=schema)
    lineage = query_lineage(sql, schema, "postgres", masked.relations)
    (note,), (n2,) = lineage.direct["note"], lineage.direct["n2"]
    assert (note.table.split(".")[-1], n2.table.split(".")[-1]) == ("customers", "Customers")
    assert {catalog_table(db.admin, t, db.raw) for t in masked.tables} == {f"{db.raw}.customers", f"{db.raw}.Customers"}
    db.sql(f"DROP TABLE {db.raw}.customers")  # only "Customers" is left: customers names no table now
    assert catalog_table(db.admin, "customers", db.raw) is None


@pytest.mark.parametrize("sql", ['SELECT note FROM "CUSTOMERS"', "SELECT note FROM Customers"])
def test_snowflake_control_an_unquoted_name_is_its_upper_case_one(sql: str) -> None:
    """Snowflake folds an unquoted name to upper case: ``"CUSTOMERS"`` is its ``customers``, still one relation."""
    policy = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {"note": {"info_type": "EMAIL"}}}}})
    assert rewrite(sql, policy, "snowflake", schema={"customers": {"note": "text"}}).masked_columns == ("NOTE",)
