"""``--allow`` names tables, not table names: another schema's table of an allowed name is not allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from maskline.mcp.database import Database
from maskline.mcp.tools import Caller, MaskedTools, ToolRefused
from maskline.policy import load_policy

SECRET = "zquartermaine-salary-99000"
POLICY = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})


@pytest.fixture()
def database(tmp_path: Path) -> Database:
    import duckdb

    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers AS SELECT 1 AS id, 'ana@correo.es' AS email")
    con.execute("CREATE SCHEMA hr")
    con.execute(f"CREATE TABLE hr.customers AS SELECT 1 AS id, 'ana@correo.es' AS email, '{SECRET}' AS note")
    con.close()
    return Database.from_uri(str(path))


def test_another_schemas_table_of_an_allowed_name_is_refused(database: Database) -> None:
    # the control: allowed, hr.customers is readable and its unlisted column passes (unclassified: pass).
    # It needs an entry of its own: the default schema's "customers" is not taken for it (tests/rewrite).
    policy = load_policy({"unclassified": "pass", "datasets": {**POLICY.raw["datasets"], "hr.customers": {}}})
    open_tools = MaskedTools(policy, database, allow=["customers", "hr.customers"], lineage=False)
    assert SECRET in str(open_tools.query("SELECT * FROM hr.customers", Caller("agent"))["rows"])
    tools = MaskedTools(policy, database, allow=["customers"], lineage=False)
    for sql in ("SELECT * FROM hr.customers", "SELECT h.note FROM hr.customers h WHERE h.id = 1"):
        with pytest.raises(ToolRefused, match="not in --allow"):
            tools.query(sql, Caller("agent"))
    with pytest.raises(ToolRefused, match="not in --allow"):
        tools.describe_table("hr.customers", Caller("agent"))


def test_the_allowed_table_reads_however_it_is_named(database: Database) -> None:
    tools = MaskedTools(POLICY, database, allow=["customers"], lineage=False)
    for sql in ("SELECT * FROM customers", "SELECT * FROM main.customers"):
        assert tools.query(sql, Caller("agent"))["rows"] == [[1, "*****@correo.es"]]
    qualified = MaskedTools(POLICY, database, allow=["main.customers"], lineage=False)
    assert qualified.query("SELECT email FROM customers", Caller("agent"))["rows"] == [["*****@correo.es"]]
    assert tools.describe_table("customers", Caller("agent"))["table"] == "customers"


def test_list_tables_lists_only_allowed_tables_compared_qualified(database: Database) -> None:
    """``--allow hr.customers`` does not list the default schema's ``customers``: it lists ``hr.customers``,
    qualified as it must be queried (it listed nothing, so an agent saw no table it could read)."""
    assert MaskedTools(POLICY, database, allow=["customers"], lineage=False).list_tables(
        Caller("agent"))["tables"] == ["customers"]  # the control
    assert MaskedTools(POLICY, database, allow=["hr.customers"], lineage=False).list_tables(
        Caller("agent"))["tables"] == ["hr.customers"]
    assert MaskedTools(POLICY, database, allow=["customers", "HR.Customers", "hr.nothing"], lineage=False).list_tables(
        Caller("agent"))["tables"] == ["customers", "hr.customers"]  # as the catalog spells it; missing ones not


def test_every_listed_table_can_be_described_and_queried(database: Database) -> None:
    policy = load_policy({"unclassified": "pass", "datasets": {**POLICY.raw["datasets"], "hr.customers": {}}})
    tools = MaskedTools(policy, database, allow=["customers", "hr.customers"], lineage=False)
    for table in tools.list_tables(Caller("agent"))["tables"]:
        assert tools.describe_table(table, Caller("agent"))["columns"]
        assert tools.query(f"SELECT count(*) AS n FROM {table}", Caller("agent"))["rows"] == [[1]]


def test_describe_table_uses_the_policy_entry_of_the_table_it_reads(database: Database) -> None:
    """With ``hr.customers`` listed first, the default schema's ``customers`` still gets its own entry."""
    policy = load_policy({"unclassified": "pass", "datasets": {
        "hr.customers": {"columns": {"note": {"info_type": "FREE_TEXT_WITH_PII"}}},
        "customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    tools = MaskedTools(policy, database, allow=["customers", "hr.customers"], lineage=False)
    columns = {c["name"]: c for c in tools.describe_table("customers", Caller("agent"))["columns"]}
    assert columns["email"]["info_type"] == "EMAIL" and columns["email"]["masked"]
    hr = {c["name"]: c for c in tools.describe_table("hr.customers", Caller("agent"))["columns"]}
    assert hr["note"]["info_type"] == "FREE_TEXT_WITH_PII" and not hr["email"]["masked"]  # the control


def test_without_allow_only_the_default_schemas_tables_are_read(database: Database) -> None:
    """No ``--allow`` means the default schema's tables (what ``list_tables`` shows), not every schema's: the
    query path read ``hr.customers`` too, whose unlisted note passed raw under ``unclassified: pass``."""
    policy = load_policy({"unclassified": "pass", "datasets": {**POLICY.raw["datasets"], "hr.customers": {}}})
    tools = MaskedTools(policy, database, lineage=False)
    for sql in ("SELECT * FROM hr.customers", "SELECT c.id FROM customers c JOIN hr.customers h ON h.id = c.id",
                "SELECT * FROM w.hr.customers"):
        with pytest.raises(ToolRefused, match="is not one of the tables the tools may read"):
            tools.query(sql, Caller("agent"))
    with pytest.raises(ToolRefused, match="not one of the tables"):
        tools.describe_table("hr.customers", Caller("agent"))
    # the control: the default schema's table, however it is named
    for sql in ("SELECT * FROM customers", "SELECT * FROM main.customers", "SELECT * FROM w.main.customers"):
        assert tools.query(sql, Caller("agent"))["rows"] == [[1, "*****@correo.es"]]
    assert tools.list_tables(Caller("agent"))["tables"] == ["customers"]


def test_a_view_is_described_and_read_with_its_unnamed_columns_masked(tmp_path: Path) -> None:
    """A view reads its tables raw: under ``unclassified: pass`` its unnamed columns are masked all the same, and
    describe_table says so, as the query path applies it."""
    import duckdb

    path = tmp_path / "v.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers AS SELECT 1 AS id, 'ana@correo.es' AS email, 'Lyon' AS city")
    con.execute("CREATE VIEW contacts AS SELECT id, email AS contact FROM customers")
    con.close()
    tools = MaskedTools(POLICY, Database.from_uri(str(path)), lineage=False)
    assert tools.query("SELECT contact FROM contacts", Caller("agent"))["rows"] == [["[REDACTED]"]]
    described = {c["name"]: c["method"] for c in tools.describe_table("contacts", Caller("agent"))["columns"]}
    assert described == {"id": "redact", "contact": "redact"}
    # the control: the table's unnamed column still passes, in the result and in the description
    assert tools.query("SELECT email, city FROM customers", Caller("agent"))["rows"] == [["*****@correo.es", "Lyon"]]
    table = {c["name"]: c["method"] for c in tools.describe_table("customers", Caller("agent"))["columns"]}
    assert table == {"id": None, "email": "email", "city": None}


def test_describe_table_of_a_table_not_allowed_is_refused_as_describe_tables_argument(database: Database) -> None:
    """A new user's agent called ``describe_table {"table": "orders"}`` and was told "1 table the query reads ...
    (at FROM clause). Fix: query only ...": it wrote no query and no FROM clause. The refusal names the argument."""
    tools = MaskedTools(POLICY, database, allow=["customers"], lineage=False)
    for table in ("hr.customers", "custmers"):
        with pytest.raises(ToolRefused) as refused:
            tools.describe_table(table, Caller("agent"))
        text = str(refused.value)
        assert text.startswith("maskline refused this describe_table: the table named is not one of the tables")
        assert "(at describe_table(table=...))" in text and "describe only the tables list_tables shows" in text.lower()
        assert "query" not in text and "FROM" not in text and SECRET not in text
    assert "did you mean 'customers'? Describe only" in str(refused.value)
