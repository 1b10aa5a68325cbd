"""What the rewrite does to outputs, filters and policies, checked on real DuckDB and PostgreSQL results."""

from __future__ import annotations

import pytest

from maskline.errors import RewriteRefused
from maskline.keys import hmac_hex, salted_sha256_hex
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from tests.rewrite.pii_data import COLUMNS, POLICY

SCHEMA = {t: {n: dt.lower() for n, dt, _ in cols} for t, cols in COLUMNS.items()}


def _rows(con, sql: str, policy, dialect: str = "duckdb"):
    r = rewrite(sql, policy, dialect, connection=con)
    if dialect == "duckdb":
        return con.execute(r.sql).fetchall()
    with con.cursor() as cur:
        cur.execute(r.sql)
        return cur.fetchall()


def _policy(**rewrite_settings):
    return load_policy({**POLICY, "rewrite": rewrite_settings})


def test_reshaped_email_keeps_the_email_method_and_the_output_name(duck, pii_policy) -> None:
    r = rewrite("SELECT upper(c.email) AS contact FROM customers c JOIN (SELECT customer_id AS id FROM orders) o USING (id)", pii_policy, "duckdb",
                schema=SCHEMA)
    assert r.masked_columns == ("contact",)
    rows = duck.execute(r.sql).fetchall()
    assert duck.execute(r.sql).description[0][0] == "contact"
    assert ("*****@QUILLFEATHER-MAIL.EXAMPLE",) in rows


def test_transformation_that_defeats_keep_last_is_redacted(duck, pii_policy) -> None:
    assert _rows(duck, "SELECT reverse(ssn) AS r FROM customers ORDER BY id", pii_policy)[0] == ("[US_SSN]",)


def test_opaque_method_is_applied_to_the_transformed_value(duck, pii_policy, key) -> None:
    rows = _rows(duck, "SELECT lower(passport) AS p FROM customers WHERE id = 1", pii_policy)
    assert rows == [(salted_sha256_hex(key, "x98234571"),)]


def test_masking_safe_aggregates_stay_raw_and_identity_preserving_ones_are_masked(duck, pii_policy) -> None:
    r = rewrite("SELECT count(DISTINCT ssn) AS n, count(email) AS m, max(ssn) AS top FROM customers", pii_policy,
                "duckdb", schema=SCHEMA)
    assert r.masked_columns == ("top",)
    n, m, top = duck.execute(r.sql).fetchone()
    assert (n, m) == (5, 5)
    assert top == "*******8134"  # the max is 536-22-8134; partial keeps its last four
    assert [c.treatment for c in r.lineage] == ["safe aggregate", "safe aggregate", "masked"]


def test_order_by_a_sensitive_column_sorts_by_the_raw_value(duck, pii_policy) -> None:
    assert _rows(duck, "SELECT id FROM customers ORDER BY ssn", pii_policy) == [(2,), (1,), (5,), (4,), (3,)]


def test_json_object_masks_the_sensitive_argument_inside(duck, pii_policy) -> None:
    r = rewrite("SELECT json_object('e', email, 'id', id) AS j FROM customers WHERE id = 2", pii_policy, "duckdb",
                schema=SCHEMA)
    assert r.lineage[0].treatment == "masked parts"
    assert duck.execute(r.sql).fetchone()[0] == '{"e":"*****@harbourpost.example","id":2}'


def test_concatenation_masks_each_part_with_its_own_method(duck, pii_policy) -> None:
    (value,) = _rows(duck, "SELECT email || ' / ' || ssn AS both FROM customers WHERE id = 1", pii_policy)[0]
    assert value == "*****@quillfeather-mail.example / *******9999"


@pytest.mark.parametrize("sql, expected", [
    ("SELECT id FROM customers WHERE username = 'zquartermaine77'", [(1,)]),
    ("SELECT id FROM customers WHERE upper(username) = 'ZQUARTERMAINE77'", [(1,)]),
    ("SELECT id FROM customers WHERE passport IN ('X98234571', 'P55120938') ORDER BY id", [(1,), (2,)]),
    ("SELECT customer_id FROM sessions WHERE ip = '192.0.2.146'", [(3,)]),
    ("SELECT count(*) FROM customers WHERE username <> 'philo_bright_22'", [(4,)]),
])
def test_tokenized_filter_finds_the_same_rows_without_the_literal_in_the_sql(duck, pii_policy, sql, expected) -> None:
    r = rewrite(sql, pii_policy, "duckdb", schema=SCHEMA)
    assert r.tokenized_filters == 1
    for literal in ("zquartermaine77", "ZQUARTERMAINE77", "X98234571", "192.0.2.146", "philo_bright_22"):
        assert literal not in r.sql
    assert duck.execute(r.sql).fetchall() == expected


@pytest.mark.postgres
def test_tokenized_filter_finds_the_same_rows_on_postgres(pg, pii_policy) -> None:
    assert _rows(pg, "SELECT id FROM customers WHERE username = 'ignatius_f_1990'", pii_policy, "postgres") == [(3,)]
    assert _rows(pg, "SELECT id FROM customers WHERE passport = 'N31876025'", pii_policy, "postgres") == [(4,)]


def test_token_in_the_sql_is_the_python_reference_token(pii_policy, key) -> None:
    r = rewrite("SELECT id FROM customers WHERE username = 'zquartermaine77'", pii_policy, "duckdb",
                schema=SCHEMA, key=key)
    assert f"'{hmac_hex(key, 'zquartermaine77', 16)}'" in r.sql


def test_refuse_mode_refuses_even_a_tokenizable_literal() -> None:
    with pytest.raises(RewriteRefused, match=r"literal is compared with sensitive column customers.username in WHERE"):
        rewrite("SELECT id FROM customers WHERE username = 'zquartermaine77'", _policy(filter_literals="refuse"),
                "duckdb", schema=SCHEMA)


def test_refuse_mode_refuses_literals_in_join_conditions() -> None:
    with pytest.raises(RewriteRefused, match=r"JOIN \.\.\. ON"):
        rewrite("SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id AND o.card = '4111111111111111'",
                _policy(filter_literals="refuse"), "duckdb", schema=SCHEMA)


def test_allow_mode_keeps_the_literal_but_still_masks_outputs(duck) -> None:
    r = rewrite("SELECT ssn FROM customers WHERE ssn = '219-09-9999'", _policy(filter_literals="allow"), "duckdb",
                schema=SCHEMA)
    assert "'219-09-9999'" in r.sql
    assert duck.execute(r.sql).fetchall() == [("*******9999",)]


def test_tokenize_mode_refuses_a_method_that_is_not_a_keyed_pseudonym(pii_policy) -> None:
    with pytest.raises(RewriteRefused, match=r"method 'partial' is not a keyed deterministic pseudonym"):
        rewrite("SELECT id FROM customers WHERE ssn = '219-09-9999'", pii_policy, "duckdb", schema=SCHEMA)


def test_refusal_never_quotes_the_literal(pii_policy) -> None:
    with pytest.raises(RewriteRefused) as info:
        rewrite("SELECT id FROM customers WHERE ssn LIKE '219-09-9999'", pii_policy, "duckdb", schema=SCHEMA)
    assert "219-09-9999" not in str(info.value)


def test_function_declared_safe_is_accepted_and_its_result_stays_raw() -> None:
    with pytest.raises(RewriteRefused, match="unknown function MY_SCORE takes sensitive column customers.email"):
        rewrite("SELECT my_score(email) AS s FROM customers", _policy(), "duckdb", schema=SCHEMA)
    r = rewrite("SELECT my_score(email) AS s FROM customers", _policy(safe_functions=["my_score"]), "duckdb",
                schema=SCHEMA)
    assert r.masked_columns == ()
    assert r.lineage[0].treatment == "safe aggregate"


@pytest.mark.parametrize("sql, construct", [
    ("DELETE FROM customers", "not DELETE"),
    ("INSERT INTO orders SELECT * FROM orders", "not INSERT"),
    ("SELECT * INTO leak FROM customers", r"SELECT \.\.\. INTO"),
    ("SELECT 1; SELECT 2", "expected one statement, got 2"),
    ("SELECT * FROM custmers", "table custmers is not in the schema.*did you mean 'customers'"),
    ("SELECT exfiltrate(ssn) FROM customers", "unknown function EXFILTRATE takes sensitive column customers.ssn"),
    ("SELECT getvariable('maskline_ipad')", "function GETVARIABLE is not allowed"),
    ("SELECT CAST(ssn AS INTEGER) FROM customers", "CAST to INT.* customers.ssn can print its value"),
    ("SELECT (email FROM customers", r"cannot parse the query as duckdb.*line 1"),
    ("WITH d AS (SELECT 1) SELECT * FROM d FOR UPDATE", "FOR UPDATE"),
])
def test_refusals_name_the_construct(pii_policy, sql, construct) -> None:
    with pytest.raises(RewriteRefused, match=construct):
        rewrite(sql, pii_policy, "duckdb", schema=SCHEMA)


def test_missing_schema_is_refused(pii_policy) -> None:
    with pytest.raises(RewriteRefused, match="no schema"):
        rewrite("SELECT 1 AS x", pii_policy, "duckdb")


def test_schema_from_a_connection_gives_the_same_rewrite_as_a_mapping(duck, pii_policy) -> None:
    sql = "SELECT c.*, o.card FROM customers c JOIN orders o ON o.customer_id = c.id"
    assert rewrite(sql, pii_policy, "duckdb", connection=duck).sql == rewrite(sql, pii_policy, "duckdb",
                                                                              schema=SCHEMA).sql


def test_keyed_sql_references_the_session_not_the_key(pii_policy, key) -> None:
    r = rewrite("SELECT username, passport FROM customers", pii_policy, "duckdb", schema=SCHEMA)
    assert r.keyed
    assert "getvariable('maskline_ipad')" in r.sql.lower()
    assert key.secret.decode() not in r.sql and key.inner_pad().hex() not in r.sql


def test_identities_allowed_raw_values_get_an_unmasked_query() -> None:
    pol = load_policy({**POLICY, "unmask_for": ["role:pii_reader"]})
    r = rewrite("SELECT email FROM customers", pol, "duckdb", schema=SCHEMA, identities=["role:pii_reader"])
    assert r.masked_columns == ()


def test_a_classified_column_absent_from_the_policy_is_masked(duck) -> None:
    from maskline.classify.result import Classification, ColumnClassification

    cls = Classification(columns=(ColumnClassification("city", "STREET_ADDRESS", 0.9, "identifier", (), 1.0,
                                                       "varchar"),))
    r = rewrite("SELECT city FROM customers", _policy(), "duckdb", schema=SCHEMA, classification={"customers": cls})
    assert r.masked_columns == ("city",)
    assert {v for (v,) in duck.execute(r.sql).fetchall()} == {"[STREET_ADDRESS]"}


def test_unclassified_mask_policy_masks_every_unlisted_output() -> None:
    pol = load_policy({**POLICY, "unclassified": "mask"})
    r = rewrite("SELECT city, count(*) AS n FROM customers GROUP BY city", pol, "duckdb", schema=SCHEMA)
    assert r.masked_columns == ("city",)


def test_explain_gives_each_output_its_sources_and_treatment(pii_policy) -> None:
    r = rewrite("WITH x AS (SELECT id, email AS e FROM customers) SELECT id, upper(e) AS u, count(*) OVER () AS n "
                "FROM x", pii_policy, "duckdb", schema=SCHEMA)
    assert r.explain().splitlines() == [
        "id <- customers.id: raw",
        "u <- customers.email: masked with email (sensitive: customers.email)",
        "n <- (no column): raw",
    ]


def test_schema_is_read_from_a_sqlite_connection(pii_policy) -> None:
    import sqlite3

    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE customers (id INTEGER, email TEXT, city TEXT)")
    pol = load_policy({"datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    r = rewrite("SELECT * FROM customers", pol, "duckdb", connection=con)
    assert [c.name for c in r.lineage] == ["id", "email", "city"] and r.masked_columns == ("email",)


def test_a_connection_that_cannot_describe_tables_is_a_refusal(pii_policy) -> None:
    class Broken:
        def cursor(self):
            raise RuntimeError("connection closed")

    with pytest.raises(RewriteRefused, match=r"cannot read the tables' columns from the connection \(RuntimeError\)"):
        rewrite("SELECT * FROM customers", pii_policy, "postgres", connection=Broken())


@pytest.mark.postgres
def test_value_cut_by_a_shorter_varchar_is_redacted_not_partially_shown(pg, pii_policy) -> None:
    # partial(keep_last=4) over '219-09-9' would show '09-9', characters the policy hides
    rows = _rows(pg, "SELECT CAST(ssn AS VARCHAR(8)) AS s FROM customers ORDER BY id", pii_policy, "postgres")
    assert rows[0] == ("[US_SSN]",)


@pytest.mark.parametrize("dialect, sql", [
    ("snowflake", "SELECT $maskline_salt AS k"),
    ("bigquery", "SELECT @maskline_opad AS k"),
    ("trino", "SELECT :maskline_salt AS k"),
    ("spark", "SELECT maskline_opad AS k"),
    ("postgres", "SELECT pg_catalog.current_setting('maskline.ipad') AS k"),
    ("duckdb", "SELECT * FROM duckdb_variables()"),
])
def test_reading_the_key_from_the_session_is_refused_in_every_dialect(pii_policy, dialect, sql) -> None:
    with pytest.raises(RewriteRefused):
        rewrite(sql, pii_policy, dialect, schema=SCHEMA)


@pytest.mark.postgres
def test_schema_qualified_and_unqualified_tables_mix(pg, pii_policy) -> None:
    with pg.cursor() as cur:
        cur.execute("SELECT current_schema()")
        (schema,) = cur.fetchone()
    sql = f"SELECT c.ssn, o.card FROM {schema}.customers c JOIN orders o ON o.customer_id = c.id ORDER BY o.id"
    r = rewrite(sql, pii_policy, "postgres", connection=pg)
    assert r.masked_columns == ("ssn", "card")
    assert _rows(pg, sql, pii_policy, "postgres")[0] == ("*******9999", "************1111")
