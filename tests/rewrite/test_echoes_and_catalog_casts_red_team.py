"""Red team (round redteam18): a tokenized value written again, casts and FROM items that read the catalog.

Found, and fixed here:

* **A tokenized value reached the SQL that runs through a second spelling.** ``filter_literals: tokenize`` turned
  ``WHERE passport = 'X98234571'`` into its token, but the same value written as an output's name
  (``count(*) AS orders_of_x98234571``, an agent's habit), a CTE or table alias, or a literal beside a column
  nothing masks (``AND city <> 'X98234571'``) was printed whole into ``Rewritten.sql``, which the engine keeps in
  its logs, ``pg_stat_activity``, ``pg_stat_statements`` and Trino's query history: the very text the token keeps
  out. Now refused (:mod:`maskline.rewrite.echoes`), placed by line and column, the value never echoed.
* **Casts to PostgreSQL's object identifier types read the system catalogs.** ``CAST(CAST(g AS oid) AS regclass)``
  over ``generate_series`` listed every relation of the database by name, whatever the role may read, and
  ``regproc``, ``regrole`` and ``regnamespace`` did the same for functions, roles and schemas: a catalog read the
  allow-list never meant to admit (the refusal of ``FROM pg_class`` was walked around by a cast). sqlglot parses
  these types as ``ObjectIdentifier``, a class of its own, which the check of user-defined types did not look at;
  a cast is now allowed only to sqlglot's own data types (:func:`maskline.rewrite.allowlist.is_data_type`).
* **SUMMARIZE called a macro of the database.** DuckDB fills ``(SUMMARIZE SELECT ...)`` by a query of its own that
  calls ``min``, ``max`` and quantiles by name through the connection's catalogs; a macro named ``min`` whose body
  reads the raw table returned the raw e-mail through the safe path. DuckDB's read-back of the printed SQL admits
  only FROM items whose calls are all written in the text
  (:data:`maskline.dialects.duckdb_builtins.WRITTEN_RELATIONS`).
* **A library's failure quoted the query.** The same construct aliased made sqlglot raise an ``AssertionError``
  whose text is the statement, literals included; it left ``rewrite`` raw and ``maskline sql`` printed it in a
  traceback. Any failure of the analysis that is not maskline's own is a refusal naming only its class.

Held (each with a control that it runs): the same value compared twice with tokenized columns, a tokenized value
equal to a column's name (structure, not an echo), a short value inside a longer name, casts to every built-in
data type the corpus uses.
"""

from __future__ import annotations

from typing import Any

import pytest

from maskline.errors import RewriteRefused
from maskline.rewrite import rewrite
from tests.rewrite.engines import run_masked

PASSPORT = "X98234571"  # customer 1's raw passport: the policy masks it with hash, so a filter on it is tokenized
OTHER = "P55120938"  # customer 2's
ECHOES = [
    f'SELECT count(*) AS "{PASSPORT}" FROM customers WHERE passport = \'{PASSPORT}\'',
    f"SELECT count(*) AS orders_of_{PASSPORT.lower()} FROM customers WHERE passport = '{PASSPORT}'",
    f"SELECT '{PASSPORT}' AS looked_up, id FROM customers WHERE passport = '{PASSPORT}'",
    f"SELECT id FROM customers WHERE passport = '{PASSPORT}' AND city <> '{PASSPORT}'",
    f"WITH p_{PASSPORT} AS (SELECT id, passport FROM customers) SELECT id FROM p_{PASSPORT} WHERE passport = "
    f"'{PASSPORT}'",
    f"SELECT c_{PASSPORT}.id FROM customers AS c_{PASSPORT} WHERE c_{PASSPORT}.passport = '{PASSPORT}'",
    f'SELECT id AS "{OTHER}" FROM customers WHERE passport IN (\'{PASSPORT}\', \'{OTHER}\')',
    f"SELECT id, upper('{PASSPORT}') AS q FROM customers WHERE passport = '{PASSPORT}'",
]
HELD = [  # (query, rows it returns): tokenized, and nothing else in them is the value
    (f"SELECT count(*) AS n FROM customers WHERE passport = '{PASSPORT}'", [(1,)]),
    (f"SELECT id FROM customers WHERE passport = '{PASSPORT}' OR passport = '{PASSPORT}'", [(1,)]),
    ("SELECT id AS city FROM customers WHERE passport = 'city'", []),  # a column's name: structure
    ("SELECT count(*) AS any_count FROM customers WHERE passport = 'NY'", [(0,)]),  # short: whole names only
]


@pytest.mark.parametrize("dialect", ["duckdb", "postgres"])
@pytest.mark.parametrize("sql", ECHOES)
def test_a_tokenized_value_written_again_is_refused(request: Any, pii_policy: Any, dialect: str, sql: str) -> None:
    if dialect == "postgres":
        request.applymarker(pytest.mark.postgres)
    connection = request.getfixturevalue("duck" if dialect == "duckdb" else "pg")
    with pytest.raises(RewriteRefused, match="tokenized for sensitive column customers.passport is written again") \
            as refused:
        rewrite(sql, pii_policy, dialect, connection=connection)
    text = str(refused.value)
    assert PASSPORT.lower() not in text.lower() and OTHER.lower() not in text.lower()
    assert "line 1, column" in text  # placed, so the writer can find it


@pytest.mark.parametrize("dialect", ["duckdb", "postgres"])
@pytest.mark.parametrize(("sql", "rows"), HELD)
def test_a_tokenized_value_written_once_runs_and_stays_out_of_the_sql(request: Any, pii_policy: Any, dialect: str,
                                                                      sql: str, rows: list[tuple[Any, ...]]) -> None:
    if dialect == "postgres":
        request.applymarker(pytest.mark.postgres)
    connection = request.getfixturevalue("duck" if dialect == "duckdb" else "pg")
    r = rewrite(sql, pii_policy, dialect, connection=connection)
    assert r.tokenized_filters and PASSPORT not in r.sql
    outcome = run_masked(sql, pii_policy, dialect, connection)
    assert outcome.refused is None and outcome.error is None and outcome.rows[1:] == rows


def test_control_without_the_refusal_the_echo_reaches_the_sql(duck: Any, pii_policy: Any) -> None:
    """What the refusal stops: tokenizing alone leaves the alias whole in the SQL the engine runs."""
    from maskline.policy import load_policy
    from tests.rewrite.pii_data import POLICY

    allowed = load_policy({**POLICY, "rewrite": {"filter_literals": "allow"}})  # no tokenizing: no echo check
    r = rewrite(ECHOES[1], allowed, "duckdb", connection=duck)
    assert f"orders_of_{PASSPORT.lower()}" in r.sql.lower()


CATALOG_CASTS = [
    "SELECT CAST(CAST(g AS oid) AS regclass) AS relation FROM generate_series({oid}, {oid}) AS g",
    "SELECT CAST(id AS regproc) AS f FROM customers",
    "SELECT CAST(CAST(id AS oid) AS regrole) AS r FROM customers",
    "SELECT CAST(CAST(id AS oid) AS regnamespace) AS s FROM customers",
    "SELECT regclass 'customers' AS r",
    "SELECT CAST(city AS regtype) AS t FROM customers",
    "SELECT id::oid AS o FROM customers",
]


def _table_oid(pg: Any) -> int:
    with pg.cursor() as cur:
        cur.execute("SELECT CAST(CAST('customers' AS regclass) AS oid)")  # the harness's own session, not the path
        return int(cur.fetchone()[0])


@pytest.mark.postgres
def test_control_a_regclass_cast_names_a_relation_from_its_number(pg: Any) -> None:
    oid = _table_oid(pg)
    with pg.cursor() as cur:
        cur.execute(f"SELECT CAST(CAST({oid} AS oid) AS regclass)::text")
        assert cur.fetchone()[0].endswith("customers")


@pytest.mark.postgres
@pytest.mark.parametrize("sql", CATALOG_CASTS)
def test_a_cast_to_an_object_identifier_type_is_refused(pg: Any, pii_policy: Any, sql: str) -> None:
    query = sql.format(oid=_table_oid(pg))
    outcome = run_masked(query, pii_policy, "postgres", pg)
    assert outcome.refused is not None and outcome.rows == [], outcome
    assert "is not allowed in a masked query" in outcome.refused
    assert "regclass" not in outcome.refused and "customers" not in outcome.refused


@pytest.mark.parametrize("dialect", ["duckdb", "postgres"])
@pytest.mark.parametrize("cast", ["integer", "bigint", "numeric(10, 2)", "text", "varchar(3)", "date", "timestamp",
                                  "boolean", "double precision"])
def test_casts_to_built_in_data_types_still_run(request: Any, pii_policy: Any, dialect: str, cast: str) -> None:
    if dialect == "postgres":
        request.applymarker(pytest.mark.postgres)
    connection = request.getfixturevalue("duck" if dialect == "duckdb" else "pg")
    source = {"integer": "tier", "bigint": "tier", "numeric(10, 2)": "tier", "boolean": "tier > 1",
              "double precision": "tier", "date": "dob", "timestamp": "dob"}.get(cast, "city")
    outcome = run_masked(f"SELECT CAST({source} AS {cast}) AS v FROM customers", pii_policy, dialect, connection)
    assert outcome.refused is None and outcome.error is None and len(outcome.rows) == 6


# --- SUMMARIZE: a FROM item DuckDB fills by a query of its own, calling min, max and quantiles by name -------------
RAW_EMAIL = "zebulon.quartermaine@quillfeather-mail.example"  # customer 1's raw e-mail
SUMMARIES = ["SELECT * FROM (SUMMARIZE SELECT id, city FROM customers)",
             "SELECT column_name, min FROM (SUMMARIZE SELECT tier FROM customers) AS s",
             "WITH s AS (SELECT * FROM (DESCRIBE SELECT id FROM customers)) SELECT * FROM s"]


@pytest.fixture()
def macro_duck() -> Any:
    """A DuckDB database whose owner (or anyone who could write to it) left a macro named like a built-in
    aggregate, whose body reads a raw table."""
    import duckdb

    from maskline.sql.session import apply_key_setup
    from tests.rewrite.conftest import key_material
    from tests.rewrite.pii_data import create_duckdb

    con = duckdb.connect()
    create_duckdb(con)
    con.execute("CREATE MACRO min(x) AS (SELECT max(email) FROM customers)")
    apply_key_setup(con, "duckdb", key_material())
    yield con
    con.close()


def test_control_summarize_calls_a_macro_of_the_database(macro_duck: Any) -> None:
    """What the refusal stops: DuckDB's own query behind SUMMARIZE binds min through the catalogs."""
    rows = macro_duck.execute("SELECT * FROM (SUMMARIZE SELECT id FROM customers)").fetchall()
    assert RAW_EMAIL in str(rows)


@pytest.mark.parametrize("sql", SUMMARIES)
def test_summarize_and_describe_in_a_query_are_refused(macro_duck: Any, pii_policy: Any, sql: str) -> None:
    outcome = run_masked(sql, pii_policy, "duckdb", macro_duck)
    assert outcome.refused is not None and outcome.rows == [], outcome
    assert RAW_EMAIL not in outcome.refused


def test_an_aggregate_the_query_writes_is_the_built_in(macro_duck: Any, pii_policy: Any) -> None:
    outcome = run_masked("SELECT min(city) AS m FROM customers", pii_policy, "duckdb", macro_duck)
    assert outcome.refused is None and outcome.rows[1:] == [("Capital City",)]


# --- a library's failure quoted the query -------------------------------------------------------------------------
QUOTED = "SELECT column_name, min FROM (SUMMARIZE SELECT tier FROM customers WHERE ssn = '219-09-9999') AS s"


def test_a_library_failure_is_refused_without_the_query_text(duck: Any, pii_policy: Any) -> None:
    """sqlglot asserted with the statement's text (``SUMMARIZE ... '219-09-9999' is not Selectable``): it left
    ``rewrite`` raw, and the CLI printed it in a traceback."""
    with pytest.raises(RewriteRefused, match=r"cannot analyse the query \(AssertionError\)") as refused:
        rewrite(QUOTED, pii_policy, "duckdb", connection=duck)
    assert "219-09-9999" not in str(refused.value)
    assert refused.value.__context__ is None and refused.value.__cause__ is None


def test_the_cli_refuses_a_library_failure_without_a_traceback(tmp_path: Any) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    import duckdb
    import yaml

    from tests.conftest import TEST_KEY
    from tests.rewrite.pii_data import POLICY, create_duckdb

    repo = Path(__file__).resolve().parents[2]
    database = tmp_path / "pii.duckdb"
    con = duckdb.connect(str(database))
    create_duckdb(con)
    con.close()
    policy = tmp_path / "policy.yaml"
    policy.write_text(yaml.safe_dump(POLICY))
    done = subprocess.run([sys.executable, "-m", "maskline", "sql", "--dialect", "duckdb", "--policy", str(policy),
                           "--schema-from", f"duckdb:///{database}", "--query", QUOTED], capture_output=True,
                          text=True, env={**os.environ, "MASKLINE_KEY": TEST_KEY, "PYTHONPATH": str(repo)}, cwd=repo,
                          timeout=120)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "219-09-9999" not in done.stderr + done.stdout
    assert "cannot analyse the query" in done.stderr + done.stdout
