"""The safe query path's contract, checked on generated queries against real DuckDB and PostgreSQL.

For every accepted query Q: R(Q), the rewrite run over the raw tables, returns the same multiset of rows as
tau(Q) (Q with its tokenizable filter literals replaced by their tokens) run over materialized masked copies of
the tables, M(D). Where tau(Q) fails over M(D), R(Q) must fail too (with a value-free QueryFailed) or be refused.

The generator uses sensitive columns everywhere a query can: select lists, predicates, joins, GROUP BY, windows,
ORDER BY/LIMIT, set operations, lateral joins, recursive CTEs, generate_series counters, scalar subqueries and
functions. At most 10% of the generated queries may be refused, so a rewrite that refuses everything fails, and
a deliberately broken substitution must be caught (so the property is not trivially true).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.rewrite.contract import Engine, compare

EXAMPLES = 300  # per engine
TEXT = {"customers": ["name", "email", "ssn", "phone", "username", "passport", "city"],
        "orders": ["card", "status"], "sessions": ["ip", "device"]}
NUMBERS = {"customers": ["id", "tier"], "orders": ["id", "customer_id", "amount"], "sessions": ["id", "customer_id"]}
ALIAS = {"customers": "c", "orders": "o", "sessions": "s"}
TOKEN_FILTERS = ["c.username = 'zquartermaine77'", "c.username <> 'philo_bright_22'",
                 "c.passport IN ('X98234571', 'N31876025')", "c.username IS DISTINCT FROM 'wil_achterberg'"]


# --- the generator -----------------------------------------------------------------------------------------------
def _col(draw: Any, table: str, kind: str | None = None) -> str:
    pool = (TEXT[table] if kind == "text" else NUMBERS[table] if kind == "number"
            else TEXT[table] + NUMBERS[table])
    return f"{ALIAS[table]}.{draw(st.sampled_from(pool))}"


def _text_expr(draw: Any, table: str) -> str:
    col = _col(draw, table, "text")
    shape = draw(st.sampled_from(["{c}", "upper({c})", "lower({c})", "substr({c}, 1, 3)", "reverse({c})",
                                  "coalesce({c}, '')", "{c} || '#'", "lpad({c}, 20, '.')",
                                  "CASE WHEN length({c}) > 12 THEN '...' ELSE {c} END", "trim({c})",
                                  "concat({c}, '-', {c})", "split_part({c}, '@', 1)"]))
    return shape.format(c=col)


def _number_expr(draw: Any, table: str) -> str:
    shape = draw(st.sampled_from(["{n}", "length({t})", "{n} + 1", "strpos({t}, '*')", "{n} * 2",
                                  "CASE WHEN {t} IS NULL THEN 0 ELSE length({t}) END", "abs({n} - 3)"]))
    return shape.format(n=_col(draw, table, "number"), t=_col(draw, table, "text"))


def _predicate(draw: Any, tables: list[str]) -> str:
    t = draw(st.sampled_from(tables))
    options = [f"{_col(draw, t, 'text')} IS NOT NULL", f"length({_col(draw, t, 'text')}) > 10",
               f"{_col(draw, t, 'number')} >= 2", f"{_text_expr(draw, t)} < {_text_expr(draw, t)}",
               f"strpos({_col(draw, t, 'text')}, '*') > 0", f"{_col(draw, t, 'text')} LIKE {_col(draw, t, 'text')}"]
    if "customers" in tables:
        options.append(draw(st.sampled_from(TOKEN_FILTERS)))
    return draw(st.sampled_from(options))


def _from(draw: Any) -> tuple[str, list[str]]:
    shape = draw(st.sampled_from(["one", "join_id", "join_sensitive", "left_join", "three"]))
    if shape == "one":
        t = draw(st.sampled_from(list(ALIAS)))
        return f"{t} {ALIAS[t]}", [t]
    if shape == "join_id":
        return "customers c JOIN orders o ON o.customer_id = c.id", ["customers", "orders"]
    if shape == "join_sensitive":  # a join condition on masked values
        return ("customers c JOIN sessions s ON substr(c.ssn, 1, 3) = substr(s.ip, 1, 3) OR c.id = s.customer_id",
                ["customers", "sessions"])
    if shape == "left_join":
        return "customers c LEFT JOIN orders o ON o.customer_id = c.id AND length(o.card) > 15", ["customers", "orders"]
    return ("customers c JOIN orders o ON o.customer_id = c.id JOIN sessions s ON s.customer_id = c.id",
            ["customers", "orders", "sessions"])


@st.composite
def plain_select(draw: Any) -> str:
    source, tables = _from(draw)
    exprs = [draw(st.one_of(st.just(None), st.just(None))) or
             (_text_expr(draw, t) if draw(st.booleans()) else _number_expr(draw, t))
             for t in draw(st.lists(st.sampled_from(tables), min_size=1, max_size=4))]
    where = f" WHERE {_predicate(draw, tables)}" if draw(st.booleans()) else ""
    cols = ", ".join(f"{e} AS x{i}" for i, e in enumerate(exprs))
    order = ", ".join(str(i + 1) for i in range(len(exprs)))
    limit = f" ORDER BY {order} LIMIT {draw(st.integers(1, 6))}" if draw(st.booleans()) else ""
    return f"SELECT {cols} FROM {source}{where}{limit}"


@st.composite
def grouped(draw: Any) -> str:
    source, tables = _from(draw)
    t = draw(st.sampled_from(tables))
    key = _text_expr(draw, t)
    agg = draw(st.sampled_from(["count(*)", f"count(DISTINCT {_col(draw, t, 'text')})",
                                f"max({_col(draw, t, 'text')})", f"min({_text_expr(draw, t)})",
                                f"sum(length({_col(draw, t, 'text')}))"]))
    having = f" HAVING count(*) >= {draw(st.integers(1, 2))}" if draw(st.booleans()) else ""
    return f"SELECT {key} AS k, {agg} AS v FROM {source} GROUP BY 1{having}"


@st.composite
def windowed(draw: Any) -> str:
    source, tables = _from(draw)
    t = draw(st.sampled_from(tables))
    part, order = _col(draw, t, "text"), _text_expr(draw, t)
    fn = draw(st.sampled_from(["rank()", "dense_rank()", "count(*)"]))
    return f"SELECT {_col(draw, t)} AS a, {fn} OVER (PARTITION BY {part} ORDER BY {order}) AS w FROM {source}"


@st.composite
def set_operation(draw: Any) -> str:
    op = draw(st.sampled_from(["UNION", "UNION ALL", "INTERSECT", "EXCEPT"]))
    left = draw(st.sampled_from(list(ALIAS)))
    right = draw(st.sampled_from(list(ALIAS)))
    return (f"SELECT {_text_expr(draw, left)} AS v FROM {left} {ALIAS[left]} {op} "
            f"SELECT {_text_expr(draw, right)} AS v FROM {right} {ALIAS[right]}")


@st.composite
def nested(draw: Any) -> str:
    kind = draw(st.sampled_from(["cte", "subquery", "scalar", "in", "exists", "lateral", "recursive", "series"]))
    inner = _text_expr(draw, "customers")
    if kind == "cte":
        return f"WITH x AS (SELECT c.id, {inner} AS v FROM customers c) SELECT v, count(*) AS n FROM x GROUP BY v"
    if kind == "subquery":
        return f"SELECT q.v FROM (SELECT {inner} AS v FROM customers c WHERE {_predicate(draw, ['customers'])}) q"
    if kind == "scalar":
        return (f"SELECT c.id, (SELECT max(o.card) FROM orders o WHERE o.customer_id = c.id) AS top, {inner} AS v "
                "FROM customers c")
    if kind == "in":
        return (f"SELECT o.id FROM orders o WHERE o.customer_id IN (SELECT c.id FROM customers c WHERE "
                f"{_predicate(draw, ['customers'])})")
    if kind == "exists":
        return ("SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id "
                f"AND {_text_expr(draw, 'orders')} > {_text_expr(draw, 'customers')})")
    if kind == "lateral":
        return ("SELECT c.id, l.n FROM customers c, LATERAL (SELECT count(*) AS n FROM orders o "
                f"WHERE o.customer_id = c.id AND length(o.card) > length(c.{draw(st.sampled_from(TEXT['customers']))})) l")
    if kind == "recursive":
        return (f"WITH RECURSIVE r(n, v) AS (SELECT 1, {inner} FROM customers c UNION ALL "
                "SELECT n + 1, v || '.' FROM r WHERE n < 3) SELECT n, v FROM r")
    # a counter driven by a sensitive value: it counts masked characters only
    col = draw(st.sampled_from(TEXT["customers"]))
    return (f"SELECT c.id, g.i FROM customers c, generate_series(1, length(c.{col})) AS g(i) "
            f"WHERE substr(c.{col}, g.i, 1) = '*'")


QUERIES = st.one_of(plain_select(), grouped(), windowed(), set_operation(), nested())


def _check_many(engine: Engine, policy: Any, examples: int) -> Counter[str]:
    stats: Counter[str] = Counter()

    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(QUERIES)
    def check(query: str) -> None:
        stats[compare(query, policy, engine)] += 1

    check()
    return stats


def _assert_coverage(stats: Counter[str]) -> None:
    total = sum(stats.values())
    assert total >= EXAMPLES * 0.9
    assert stats["refused"] <= 0.10 * total, f"too many refusals: {stats}"
    assert stats["equal"] >= 0.8 * total, stats


# --- the tests ------------------------------------------------------------------------------------------------
def test_rewrite_over_raw_tables_equals_the_query_over_masked_copies_on_duckdb(duck_engine, pii_policy) -> None:
    _assert_coverage(_check_many(duck_engine, pii_policy, EXAMPLES))


@pytest.mark.postgres
def test_rewrite_over_raw_tables_equals_the_query_over_masked_copies_on_postgres(pg_engine, pii_policy) -> None:
    _assert_coverage(_check_many(pg_engine, pii_policy, EXAMPLES))


def test_a_broken_substitution_is_caught_by_the_property(duck_engine, pii_policy, monkeypatch) -> None:
    from maskline.rewrite import substitute

    def leave_raw(self, table, plan):  # the bug: the raw table stays in the query
        return table.copy()

    monkeypatch.setattr(substitute.InlineRelations, "relation", leave_raw)
    with pytest.raises(AssertionError, match=r"R\(Q\) != tau\(Q\)"):
        _check_many(duck_engine, pii_policy, 60)


def test_the_generator_reaches_every_construct_the_contract_names() -> None:
    seen = Counter()

    @settings(max_examples=300, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(QUERIES)
    def sample(q: str) -> None:
        for word in ("JOIN", "WHERE", "GROUP BY", "OVER", "LIMIT", "UNION", "INTERSECT", "EXCEPT", "LATERAL",
                     "RECURSIVE", "generate_series", "EXISTS", " IN (", "'zquartermaine77'"):
            if word in q:
                seen[word] += 1

    sample()
    assert all(seen[w] > 0 for w in ("JOIN", "WHERE", "GROUP BY", "OVER", "LIMIT", "UNION", "INTERSECT", "EXCEPT",
                                     "LATERAL", "RECURSIVE", "generate_series", "EXISTS")), seen
