"""The attack classes that got raw values or key material out of the old query path, on DuckDB and PostgreSQL.

Each query runs through the safe path with ``filter_literals: allow`` (the most permissive policy, so the probing
literals reach the engine). Whatever the outcome (rows, a value-free failure or a refusal), the contract holds:
the rows equal the same query over masked copies of the tables (``compare``), nothing holds a raw value, and
nothing holds key material.
"""

from __future__ import annotations

import pytest

from maskline.errors import QueryFailed, RewriteRefused
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.conftest import key_material
from tests.rewrite.contract import Engine, compare
from tests.rewrite.pii_data import POLICY, find_leaks

ALLOW = load_policy({**POLICY, "rewrite": {"filter_literals": "allow"}})
BOTH = ("duckdb", "postgres")
ATTACKS: list[tuple[str, str, tuple[str, ...]]] = [
    # sensitive columns used outside the select list
    ("where probe", "SELECT id FROM customers WHERE substr(ssn, 1, 3) = '219'", BOTH),
    ("join on an extracted code", "SELECT c.id, d.i FROM customers c JOIN (SELECT 50 AS i UNION SELECT 49) d "
                                  "ON ascii(substr(c.ssn, 1, 1)) = d.i", BOTH),
    ("limit driven by a value", "SELECT id FROM orders ORDER BY id LIMIT (SELECT ascii(substr(ssn, 1, 1)) - 40 "
                                "FROM customers WHERE id = 1)", BOTH),
    ("window order by", "SELECT id, rank() OVER (ORDER BY ssn) AS r FROM customers", BOTH),
    ("range counter", "SELECT c.id, count(*) AS n FROM customers c, range(ascii(substr(c.ssn, 1, 1))) r "
                      "GROUP BY c.id", ("duckdb",)),
    ("series counter", "SELECT c.id, count(*) AS n FROM customers c, generate_series(1, ascii(substr(c.ssn, 1, 1))) g "
                       "GROUP BY c.id", BOTH),
    ("unnest counter", "SELECT c.id, u.x FROM customers c, unnest(string_to_array(c.email, '@')) AS u(x)",
     ("postgres",)),
    ("recursive counter", "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < (SELECT "
                          "ascii(substr(ssn, 9, 1)) FROM customers WHERE id = 1)) SELECT max(n) AS m FROM r", BOTH),
    ("ranked against probe rows", "SELECT p.v, (SELECT count(*) FROM customers c WHERE c.ssn < p.v) AS below "
                                  "FROM (VALUES ('1'), ('3'), ('5')) AS p(v)", BOTH),
    # a parenthesized join parses as its first table holding the join: the join must stay outside the masked
    # relation (it was copied inside it, where its ON condition read the raw joined table)
    ("parenthesized join oracle", "SELECT count(*) AS n FROM (customers c JOIN orders AS o(a, b, d, k, e) "
                                  "ON o.a = 10 AND ascii(substr(o.k, 1, 1)) = 52)", BOTH),
    ("nested parenthesized join oracle", "SELECT count(*) AS n FROM (sessions s JOIN (customers c JOIN orders AS "
                                         "o(a, b, d, k, e) ON o.a = 10 AND substr(o.k, 1, 6) = '411111') ON true)",
     BOTH),
    ("parenthesized join then join", "SELECT count(*) AS n FROM (orders AS o(a, b, d, k, e) JOIN sessions AS "
                                     "s(f, g, h, i) ON o.a = 10 AND length(o.k) = 16) JOIN customers c ON c.id = 1",
     BOTH),
    # references the old tracer did not resolve
    ("table alias column list", "SELECT a, b, c FROM customers AS x(a, b, c)", BOTH),
    ("positional column", "SELECT #4 FROM customers", ("duckdb",)),
    ("whole row in a function", "SELECT concat(c.*) AS r FROM customers c", ("postgres",)),
    ("whole row to json", "SELECT row_to_json(c) AS r FROM customers c", ("postgres",)),
    ("whole row struct", "SELECT c AS r FROM customers c", ("duckdb",)),
    # functions that run SQL text or read settings and variables
    ("query_to_xml", "SELECT query_to_xml('select current_setting(''maskline.salt'')', true, true, '')",
     ("postgres",)),
    ("table_to_xml", "SELECT table_to_xml('customers', true, true, '')", ("postgres",)),
    ("current_setting", "SELECT current_setting('maskline.salt')", ("postgres",)),
    ("getvariable", "SELECT getvariable('maskline_salt')", ("duckdb",)),
    ("query table function", "SELECT * FROM query('SELECT * FROM customers')", ("duckdb",)),
    ("duckdb settings", "SELECT * FROM duckdb_settings()", ("duckdb",)),
    # literal-filter checks bypassed
    ("pattern from an expression", "SELECT id FROM customers WHERE email LIKE concat('%', 'quill', '%')", BOTH),
    ("unicode-escaped literal", "SELECT id FROM customers WHERE username = U&'zquartermaine77'", ("postgres",)),
    ("pattern inside a lambda", "SELECT id, list_filter([email], x -> x LIKE '%quill%') AS l FROM customers",
     ("duckdb",)),
    # engine errors that quote the value
    ("cast of an expression", "SELECT CAST(ssn || '' AS INTEGER) FROM customers", BOTH),
    ("regexp error", "SELECT regexp_matches(email, '(' || email) FROM customers", BOTH),
    ("date conversion", "SELECT CAST(phone AS DATE) FROM customers", BOTH),
    ("out of range", "SELECT CAST(length(email) * 100000000000 AS INTEGER) FROM customers", BOTH),
]


def _key_material() -> list[str]:
    k = key_material()
    return [k.secret.decode(), k.secret.hex(), k.inner_pad().hex(), k.outer_pad().hex()]


def _cases(dialect: str) -> list:
    return [pytest.param(sql, id=name.replace(" ", "-")) for name, sql, dialects in ATTACKS if dialect in dialects]


def _attack(engine: Engine, sql: str, needles: list[str]) -> str:
    outcome = compare(sql, ALLOW, engine)  # the rows are exactly what the masked relations give
    texts: list[tuple[object, ...]] = []
    try:
        r = rewrite(sql, ALLOW, engine.dialect, connection=engine.raw)  # its SQL holds the user's literals: allow
        texts += run_masked(engine.raw, r, key_loaded=True, harden=False).rows
    except (RewriteRefused, QueryFailed) as e:
        texts.append((str(e),))
    assert not find_leaks(texts, needles), f"a raw value came back from: {sql}"
    assert not find_leaks(texts, _key_material()), f"key material came back from: {sql}"
    return outcome


@pytest.mark.parametrize("sql", _cases("duckdb"))
def test_attack_gets_nothing_beyond_the_masked_relations_on_duckdb(duck_engine, needles, sql) -> None:
    _attack(duck_engine, sql, needles)


@pytest.mark.postgres
@pytest.mark.parametrize("sql", _cases("postgres"))
def test_attack_gets_nothing_beyond_the_masked_relations_on_postgres(pg_engine, needles, sql) -> None:
    _attack(pg_engine, sql, needles)


HYGIENE = [
    ("pattern from an expression", "SELECT id FROM customers WHERE email LIKE concat('%', 'quill', '%')", "quill"),
    ("unicode-escaped literal", "SELECT id FROM customers WHERE username = U&'zquartermaine77'", "zquartermaine77"),
    ("literal in a CASE condition", "SELECT CASE WHEN ssn = '219-09-9999' THEN 1 END AS x FROM customers", "219-09"),
    ("literal routed through a CTE", "WITH p AS (SELECT '219-09-9999' AS v) SELECT c.id FROM customers c, p "
                                     "WHERE c.ssn = p.v", "219-09"),
]


@pytest.mark.parametrize("sql, literal", [pytest.param(s, lit, id=n.replace(" ", "-")) for n, s, lit in HYGIENE])
def test_with_the_default_policy_a_literal_compared_with_a_sensitive_column_never_reaches_the_sql(
        pii_policy, sql, literal) -> None:
    try:
        r = rewrite(sql, pii_policy, "postgres", schema={t: {n: pg for n, _, pg in cols}
                                                         for t, cols in __import__("tests.rewrite.pii_data",
                                                                                   fromlist=["COLUMNS"]).COLUMNS.items()})
    except RewriteRefused as e:
        assert literal not in str(e)
        return
    assert literal not in r.sql


def test_the_leak_checks_can_fail(duck_engine, needles) -> None:
    raw = duck_engine.raw.execute("SELECT ssn, getvariable('maskline_salt') FROM customers").fetchall()
    assert find_leaks(raw, needles)
    assert find_leaks([(bytes(raw[0][1]).decode(),)], _key_material())
