"""The safe query path on 1M rows: the rewritten query over raw tables, against two ways of doing without it.

    python -m benchmarks.query_path [--rows 1000000] [--repeat 3]

One analytics query (a join, a filter on a tokenized column, a GROUP BY over a masked column and aggregates
of masked values) runs on embedded DuckDB three ways, in the same process and on the same data:

- ``rewrite over raw tables``: maskline's path, R(Q): every table replaced by its masked relation inline;
- ``(a) query over pre-masked tables``: the same query over masked copies made beforehand (the copies'
  cost not counted): the floor, if masked copies were kept up to date;
- ``(b) mask the referenced tables, then query``: what a user without the rewrite does per query: write
  masked copies of both tables (all columns), then run the query over them.

Goal: never slower than (b). The result of all three is checked to be the same.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

POLICY = {"version": 1, "unclassified": "pass", "datasets": {
    "customers": {"columns": {"email": {"info_type": "EMAIL"}, "ssn": {"info_type": "US_SSN"},
                              "name": {"info_type": "PERSON_NAME"}, "username": {"info_type": "USERNAME"}}},
    "orders": {"columns": {"card": {"info_type": "CREDIT_CARD"}}},
}}
QUERY = """
SELECT split_part(c.email, '@', 2) AS domain, count(*) AS orders, count(DISTINCT o.card) AS cards,
       sum(o.amount) AS total
FROM customers c JOIN orders o ON o.customer_id = c.id
WHERE c.username <> 'user_42' AND o.amount > 10
GROUP BY 1
"""


def _median(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    os.environ.setdefault("MASKLINE_KEY", "benchmark-key-not-a-secret")

    import duckdb

    from maskline.keys import resolve_key
    from maskline.plan import build_plan
    from maskline.policy import load_policy
    from maskline.rewrite import rewrite
    from maskline.sql.compile import compile_select, to_sql
    from maskline.sql.session import apply_key_setup

    policy = load_policy(POLICY)
    key = resolve_key(policy.key)
    con = duckdb.connect()
    n = args.rows
    con.execute(f"""CREATE TABLE customers AS SELECT i AS id, 'Name ' || i AS name,
        'user' || i || '@' || (['a.example', 'b.example', 'c.example'])[i % 3 + 1] AS email,
        lpad((i % 900)::VARCHAR, 3, '0') || '-' || lpad((i % 90)::VARCHAR, 2, '0') || '-' || lpad((i % 9000)::VARCHAR, 4, '0') AS ssn,
        'user_' || i AS username, i % 5 AS tier FROM range({n}) t(i)""")
    con.execute(f"""CREATE TABLE orders AS SELECT i AS id, (i * 7) % {n} AS customer_id, (i % 500) AS amount,
        '4111' || lpad((i % 1000000000000)::VARCHAR, 12, '0') AS card FROM range({n}) t(i)""")
    apply_key_setup(con, "duckdb", key)
    columns = {t: [(c, ty.lower()) for c, ty in con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position", [t]).fetchall()] for t in ("customers", "orders")}
    masking = {t: to_sql(compile_select(build_plan(policy, t, cols), t, "duckdb"), "duckdb")
               for t, cols in columns.items()}

    t0 = time.perf_counter()
    r = rewrite(QUERY, policy, "duckdb", connection=con, key=key)
    rewrite_ms = (time.perf_counter() - t0) * 1000
    con.execute("CREATE SCHEMA pre")
    for t, sql in masking.items():
        con.execute(f"CREATE TABLE pre.{t} AS {sql}")
    over_pre = r.over_masked.replace("FROM customers", "FROM pre.customers").replace("JOIN orders", "JOIN pre.orders")

    def mask_then_query() -> list:
        con.execute("CREATE SCHEMA IF NOT EXISTS tmp")
        for t, sql in masking.items():
            con.execute(f"CREATE OR REPLACE TABLE tmp.{t} AS {sql}")
        q = r.over_masked.replace("FROM customers", "FROM tmp.customers").replace("JOIN orders", "JOIN tmp.orders")
        return sorted(con.execute(q).fetchall())

    results = {
        "rewrite over raw tables": lambda: sorted(con.execute(r.sql).fetchall()),
        "(a) query over pre-masked tables": lambda: sorted(con.execute(over_pre).fetchall()),
        "(b) mask the tables, then query": mask_then_query,
    }
    answers = {name: fn() for name, fn in results.items()}
    assert len({repr(a) for a in answers.values()}) == 1, "the three ways must give the same rows"
    print(f"{n:,} customers and {n:,} orders; rewrite itself: {rewrite_ms:.1f} ms; "
          f"{len(answers['rewrite over raw tables'])} result rows; median of {args.repeat} runs")
    base = None
    print(f"{'contender':36} {'seconds':>9} {'rows/s':>14} {'vs rewrite':>11}")
    for name, fn in results.items():
        seconds = _median(fn, args.repeat)
        base = base or seconds
        print(f"{name:36} {seconds:9.3f} {2 * n / seconds:14,.0f} {seconds / base:10.2f}x")


if __name__ == "__main__":
    main()
