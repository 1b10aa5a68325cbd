"""A masked relation is compiled once per plan, dialect and table name, and only where no key enters the SQL.

Compiling a table's masked SELECT (a ``fake`` name alone is two thousand sqlglot nodes) was three quarters of a
rewrite's time, paid again for every query and for every read of the same table in one query. These tests count
compilations (calls of ``mask_expression``, one per masked column compiled) and run the SQL on a real DuckDB; they
assert no wall-clock time.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlglot import exp

from maskline.dialects import DIALECTS
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.pii_data import COLUMNS, find_leaks

SCHEMA = {t: {n: dt.lower() for n, dt, _ in cols} for t, cols in COLUMNS.items()}
# orders is read twice (a self join), customers once: three masked relations, two plans.
QUERY = ("SELECT c.name, c.email, a.card, b.card AS other FROM customers c JOIN orders a ON a.customer_id = c.id "
         "JOIN orders b ON b.id = a.id ORDER BY c.id")


@pytest.fixture
def compilations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The masking expressions compiled while the test runs (one per masked column of a relation built)."""
    import maskline.sql.compile as compile_module

    seen: list[str] = []
    real = compile_module.mask_expression

    def counting(column: Any, spec: Any, dialect: Any, **kw: Any) -> Any:
        seen.append(spec.name)
        return real(column, spec, dialect, **kw)

    monkeypatch.setattr(compile_module, "mask_expression", counting)
    return seen


def _policy_of_its_own(name: str) -> Any:
    """The test policy with one more (unread) dataset: the same masking, another policy hash, so other plans."""
    from maskline.policy import load_policy
    from tests.rewrite.pii_data import POLICY

    datasets = {**POLICY["datasets"], name: {"columns": {"x": {"info_type": "EMAIL"}}}}  # type: ignore[dict-item]
    return load_policy({**POLICY, "datasets": datasets})


def test_a_masked_relation_is_compiled_once_per_plan_dialect_and_table(pii_policy, compilations, duck,
                                                                        needles) -> None:
    # a policy of its own (its hash differs from pii_policy's), so no earlier test has compiled its relations
    policy = _policy_of_its_own("compiled_once")
    first = rewrite(QUERY, policy, "duckdb", schema=SCHEMA)
    # the control: the counter sees compilation, of customers' masked columns and orders' card (once: both reads
    # of orders are the same relation)
    masked_columns = sum(1 for c in first.plans["customers"].columns if c.masked)
    assert len(compilations) == masked_columns + sum(1 for c in first.plans["orders"].columns if c.masked)
    compilations.clear()
    again = [rewrite(QUERY, policy, "duckdb", schema=SCHEMA),
             rewrite("SELECT email FROM customers WHERE id = 1", policy, "duckdb", schema=SCHEMA)]
    assert compilations == []  # the same plans, dialect and tables: nothing compiled again
    assert again[0].sql == first.sql and again[0].over_masked == first.over_masked
    # and what the cached relations return on a real engine is what the first rewrite's returned, masked
    rows = [run_masked(duck, r, key_loaded=True, harden=False).rows for r in (first, again[0])]
    assert rows[0] == rows[1] and rows[0] and not find_leaks(rows[0], needles)

    # another table name under the same plan: the columns are reused, the SELECT reads the table named
    compilations.clear()
    qualified = rewrite("SELECT email FROM main.customers", policy, "duckdb", schema=SCHEMA)
    assert compilations == [] and ' tier FROM main.customers) AS customers' in qualified.sql
    # another dialect, another plan: each compiles its own columns
    for dialect, pol in (("postgres", policy), ("duckdb", _policy_of_its_own("another_plan"))):
        compilations.clear()
        rewrite(QUERY, pol, dialect, schema=SCHEMA)
        assert compilations, dialect


def test_a_key_written_into_the_sql_is_compiled_each_time_and_never_cached(pii_policy, compilations) -> None:
    from maskline.dialects import KeyMode
    from maskline.keys import KeyMaterial

    query = "SELECT username, card FROM customers c JOIN orders o ON o.customer_id = c.id"
    rewrite(query, pii_policy, "duckdb", schema=SCHEMA)
    compilations.clear()
    rewrite(query, pii_policy, "duckdb", schema=SCHEMA)
    assert compilations == []  # the control: in session mode (the key is not in the SQL) the relation is cached
    keys = [KeyMaterial(b"a" * 32, source="test"), KeyMaterial(b"b" * 32, source="test")]
    outs = []
    for key in keys:
        compilations.clear()
        outs.append(rewrite(query, pii_policy, "duckdb", schema=SCHEMA, key=key, key_mode=KeyMode.LITERAL).sql)
        assert compilations  # with the key in the SQL, compiled for this call only
    assert outs[0] != outs[1]  # each key's own SQL: no relation of one key served to the other
    from maskline.rewrite import printed

    assert not any(k.secret.hex() in text for k in keys for text in printed._CACHE.values())


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_printed_columns_rebuild_the_compiled_select_in_every_dialect(dialect: str) -> None:
    from maskline.methods.registry import METHODS
    from maskline.plan import build_plan
    from maskline.policy import load_policy
    from maskline.rewrite.printed import printed_columns, relation_select
    from maskline.sql.compile import compile_select

    d = DIALECTS[dialect]
    # one column per method that takes no parameter, the info types' own methods (a fake name, a date
    # generalized, a partial), a quoted name and a passed column
    methods = sorted(m for m in METHODS if m not in ("scrub", "generalize"))
    columns: dict[str, Any] = {f"c_{m}": {"info_type": "EMAIL", "method": m} for m in methods}
    columns.update({"person": {"info_type": "PERSON_NAME"}, "born": {"info_type": "DATE_OF_BIRTH"},
                    "ssn": {"info_type": "US_SSN"}})
    pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": columns}}})
    plan = build_plan(pol, "t", [("id", "int"), ("Mixed Name", "text"), *((f"c_{m}", "text") for m in methods),
                                 ("person", "text"), ("born", "date"), ("ssn", "text")])
    assert {c.method.name for c in plan.columns if c.method} >= {*methods, "fake", "generalize", "partial"}
    table = exp.to_table("raw.t")
    text = printed_columns(plan, table, d)
    assert text is not None and text.startswith("id, " + exp.to_identifier("Mixed Name").sql(d.sqlglot_name))
    assert relation_select(text, table.copy()).sql(d.sqlglot_name) == compile_select(plan, table, d).sql(d.sqlglot_name)
    assert relation_select(text, exp.to_table("u")).sql(d.sqlglot_name).endswith(" FROM u")
