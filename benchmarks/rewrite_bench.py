"""Cost of the query rewrite on a typical 5-table analytics query, in µs per query.

    python -m benchmarks.rewrite_bench [--repeat 200]

The query joins five tables (customers, orders, payments, sessions, products), with a CTE, a
window function, aggregates, a CASE and a filter with a tokenized literal. Contenders, each run
``--repeat`` times after a warm-up, single-threaded:

- ``parse + generate``: sqlglot only parses and prints the query (the floor of any SQL rewrite);
- ``qualify``: sqlglot parses and qualifies it against the schema (what the rewrite builds on);
- ``sqlglot.lineage per output``: the naive approach, one ``sqlglot.lineage.lineage`` call per
  output column (it only traces; it masks nothing);
- ``maskline rewrite``: ``maskline.rewrite.rewrite`` for duckdb, postgres and snowflake (allow-list
  check, qualify, lineage for ``--explain``, filter tokenization, substitution of every table by its
  masked relation, SQL out). Goal: under 20 ms.
- ``maskline rewrite (duckdb, connection)``: the same, its schema read from a real DuckDB connection
  (and PostgreSQL when ``MASKLINE_PG_DSN`` is set), with the statements each rewrite sends to the engine
  (``benchmarks.statements`` counts them on the real cursor).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

SCHEMA = {
    "customers": {"id": "integer", "name": "varchar", "email": "varchar", "ssn": "varchar", "phone": "varchar",
                  "username": "varchar", "city": "varchar", "segment": "varchar"},
    "orders": {"id": "integer", "customer_id": "integer", "product_id": "integer", "amount": "decimal(10,2)",
               "status": "varchar", "ordered_at": "timestamp"},
    "payments": {"id": "integer", "order_id": "integer", "card": "varchar", "iban": "varchar", "paid": "decimal(10,2)"},
    "sessions": {"id": "integer", "customer_id": "integer", "ip": "varchar", "device": "varchar"},
    "products": {"id": "integer", "title": "varchar", "category": "varchar", "price": "decimal(10,2)"},
}
POLICY = {"version": 1, "unclassified": "pass", "datasets": {
    "customers": {"columns": {"name": {"info_type": "PERSON_NAME"}, "email": {"info_type": "EMAIL"},
                              "ssn": {"info_type": "US_SSN"}, "phone": {"info_type": "PHONE"},
                              "username": {"info_type": "USERNAME"}}},
    "payments": {"columns": {"card": {"info_type": "CREDIT_CARD"}, "iban": {"info_type": "IBAN"}}},
    "sessions": {"columns": {"ip": {"info_type": "IP_ADDRESS"}}},
}}
QUERY = """
WITH spend AS (
    SELECT o.customer_id, sum(p.paid) AS total, count(DISTINCT o.id) AS n_orders, max(p.card) AS last_card
    FROM orders o JOIN payments p ON p.order_id = o.id
    WHERE o.status = 'shipped'
    GROUP BY o.customer_id
)
SELECT c.id, upper(c.name) AS customer, c.email, c.city,
       s.total, s.n_orders, s.last_card,
       pr.category,
       CASE WHEN c.segment = 'vip' THEN c.phone END AS contact,
       lag(ses.ip) OVER (PARTITION BY c.id ORDER BY ses.id) AS previous_ip,
       row_number() OVER (ORDER BY s.total DESC) AS rank
FROM customers c
JOIN spend s ON s.customer_id = c.id
JOIN orders o ON o.customer_id = c.id
JOIN products pr ON pr.id = o.product_id
LEFT JOIN sessions ses ON ses.customer_id = c.id
WHERE c.username = 'some_user' AND pr.price > 10
ORDER BY s.total DESC
"""


def _time(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    for _ in range(max(3, repeat // 20)):
        fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1e6)
    return statistics.median(samples), statistics.quantiles(samples, n=20)[-1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args(argv)
    os.environ.setdefault("MASKLINE_KEY", "benchmark-key-not-a-secret")

    import sqlglot
    from sqlglot.lineage import lineage
    from sqlglot.optimizer.qualify import qualify

    from maskline.policy import load_policy
    from maskline.rewrite import rewrite

    policy = load_policy(POLICY)
    outputs = [p.alias_or_name for p in sqlglot.parse_one(QUERY, read="duckdb").selects]
    contenders: list[tuple[str, Callable[[], object]]] = [
        ("parse + generate (sqlglot)", lambda: sqlglot.parse_one(QUERY, read="duckdb").sql("duckdb")),
        ("qualify (sqlglot)", lambda: qualify(sqlglot.parse_one(QUERY, read="duckdb"), schema=SCHEMA,
                                              dialect="duckdb")),
        (f"sqlglot.lineage x {len(outputs)} outputs",
         lambda: [lineage(o, QUERY, SCHEMA, dialect="duckdb") for o in outputs]),
    ]
    for dialect in ("duckdb", "postgres", "snowflake"):
        contenders.append((f"maskline rewrite ({dialect})",
                           lambda d=dialect: rewrite(QUERY, policy, d, schema=SCHEMA)))
    result = rewrite(QUERY, policy, "duckdb", schema=SCHEMA)
    print(f"query: 5 tables, {len(outputs)} outputs; masked: {', '.join(result.masked_columns)}; "
          f"tokenized filters: {result.tokenized_filters}")
    connections = _connections()
    for dialect, con in connections:
        contenders.append((f"maskline rewrite ({dialect}, connection)",
                           lambda d=dialect, c=con: rewrite(QUERY, policy, d, connection=c)))
    floor = None
    print(f"{'contender':38} {'median µs/query':>16} {'p95 µs':>10} {'vs parse':>9} {'statements':>10}")
    for name, fn in contenders:
        median, p95 = _time(fn, args.repeat)
        floor = floor or median
        print(f"{name:38} {median:16,.0f} {p95:10,.0f} {median / floor:8.1f}x {_statements(fn):10}")
    for dialect, con in connections:
        if dialect == "postgres":
            with con.cursor() as cur:  # type: ignore[attr-defined]
                cur.execute("SELECT current_schema()")
                cur.execute(f"DROP SCHEMA {cur.fetchone()[0]} CASCADE")
        con.close()  # type: ignore[attr-defined]


def _statements(fn: Callable[[], object]) -> int:
    """Statements one call sends to an engine (0 for a rewrite given its schema)."""
    from benchmarks.statements import counting

    with counting() as counter:
        fn()
    return counter[0]


def _connections() -> list[tuple[str, object]]:
    """A DuckDB connection holding SCHEMA's tables, and a PostgreSQL one (its own schema) when configured."""
    import duckdb

    ddl = [f"CREATE TABLE {t} ({', '.join(f'{c} {ty}' for c, ty in cols.items())})" for t, cols in SCHEMA.items()]
    duck = duckdb.connect()
    for statement in ddl:
        duck.execute(statement)
    out: list[tuple[str, object]] = [("duckdb", duck)]
    if os.environ.get("MASKLINE_PG_DSN"):
        import uuid

        import psycopg2

        pg = psycopg2.connect(os.environ["MASKLINE_PG_DSN"])
        pg.autocommit = True
        with pg.cursor() as cur:
            schema = f"bench_{uuid.uuid4().hex[:8]}"
            cur.execute(f"CREATE SCHEMA {schema}")
            cur.execute(f"SET search_path = {schema}")
            for statement in ddl:
                cur.execute(statement.replace("varchar", "text"))
        out.append(("postgres", pg))
    return out


if __name__ == "__main__":
    main()
