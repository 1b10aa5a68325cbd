"""PII check throughput: maskline's GX expectation vs GX core's regex-list expectation (the peer).

    python -m benchmarks.gx_checks [--rows 200000] [--pg postgresql://...]

A ``notes`` column of ``--rows`` rows (one in ten quotes an e-mail, a card, a
phone or an SSN, in prose) is generated with a fixed seed in DuckDB. Each
contender validates it on pandas, and on PostgreSQL when a DSN is given (or
``MASKLINE_PG_DSN`` is set):

- maskline: ``ExpectColumnValuesToNotContainPii`` (pandas validates candidates
  with the core's checksums; SQL matches the portable patterns);
- GX core: ``ExpectColumnValuesToNotMatchRegexList`` with the same patterns, no
  validation, and raw values in its result.

Prints rows/s, the ratio to the peer, the unexpected counts, and whether the
result holds raw values. On PostgreSQL it also times the condition the metric sends (``SELECT count(*) ... WHERE``)
in its one-pass form (``sql_contains_pii``: the digits folded once) against the per-pattern ``OR`` it replaced
(``sql_contains_pii_per_pattern``), in the same run, with the rows each flags.
"""

from __future__ import annotations

import argparse
import json
import os
import time
import uuid
from typing import Any

GENERATE = """
SELECT i AS id,
  CASE i % 40
    WHEN 0 THEN 'please write to user' || i || '@example.org today'
    WHEN 10 THEN 'card 4111 1111 1111 1111 was declined'
    WHEN 20 THEN 'call me on +44 20 7946 0958 after five'
    WHEN 30 THEN 'ssn on file 536-90-4399, verified'
    ELSE 'customer asked about order ' || i || ' and the delivery window'
  END AS notes
FROM range(?) t(i)
"""
TABLE = "maskline_bench_notes"  # a per-run suffix is added: runs sharing one database must not swap tables
RAW = ("536-90-4399", "4111 1111 1111 1111", "+44 20 7946 0958", "@example.org")


def _frame(rows: int) -> Any:
    import duckdb

    return duckdb.connect().execute(GENERATE, [rows]).df()


def _time(batch: Any, expectation: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = batch.validate(expectation, result_format="SUMMARY")
    return time.perf_counter() - start, result


def _contenders() -> dict[str, Any]:
    import great_expectations as gx

    from maskline.expectations import ExpectColumnValuesToNotContainPii
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS

    return {
        "maskline": ExpectColumnValuesToNotContainPii(column="notes"),
        "gx-regex-list": gx.expectations.ExpectColumnValuesToNotMatchRegexList(
            column="notes", regex_list=[p for _, p in SQL_SCRUB_PATTERNS]),
    }


def run(rows: int, pg_dsn: str | None) -> list[dict[str, Any]]:
    from maskline.expectations.batches import ephemeral_context, pandas_batch, sql_batch

    os.environ.setdefault("MASKLINE_KEY", "benchmark-key-not-a-secret")
    frame = _frame(rows)
    context = ephemeral_context()
    batches = {"pandas": pandas_batch(context, frame)}
    engine = None
    table = f"{TABLE}_{uuid.uuid4().hex[:8]}"
    if pg_dsn:
        import sqlalchemy as sa

        engine = sa.create_engine(pg_dsn.replace("postgresql://", "postgresql+psycopg2://"))
        frame.to_sql(table, engine, if_exists="replace", index=False, chunksize=50_000)
        batches["postgres"] = sql_batch(context, pg_dsn, table)
    try:
        out = [row for engine_name, batch in batches.items() for row in _measure(engine_name, batch, rows)]
        if engine is not None:
            out += _measure_condition(engine, table, rows)
        return out
    finally:
        if engine is not None:  # the benchmark borrows the caller's database: leave it as it was
            with engine.begin() as conn:
                conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
            engine.dispose()


def _measure(engine_name: str, batch: Any, rows: int) -> list[dict[str, Any]]:
    out = []
    timings = {}
    for name, expectation in _contenders().items():
        _time(batch, expectation)  # warm-up: metric registration, first connection
        seconds, result = _time(batch, expectation)
        text = json.dumps(result.to_json_dict(), default=str)
        timings[name] = seconds
        out.append({"engine": engine_name, "contender": name, "rows": rows, "seconds": round(seconds, 3),
                    "rows_per_s": round(rows / seconds), "unexpected": result.result.get("unexpected_count"),
                    "raw_values_in_result": any(v in text for v in RAW)})
    for row in out:
        row["time_vs_peer"] = round(timings[row["contender"]] / timings["gx-regex-list"], 2)
    return out


def _measure_condition(engine: Any, table_name: str, rows: int, rounds: int = 2) -> list[dict[str, Any]]:
    """The no-PII condition alone on PostgreSQL, one-pass and per-pattern, interleaved for ``rounds`` rounds (the
    machine's load changes during a run): the best time of each."""
    import sqlalchemy as sa

    from maskline.expectations.pii_conditions import sql_contains_pii, sql_contains_pii_per_pattern

    table = sa.table(table_name, sa.column("notes"))
    forms = {"one-pass": sql_contains_pii, "per-pattern": sql_contains_pii_per_pattern}
    timings: dict[str, float] = {}
    flagged: dict[str, int] = {}
    with engine.connect() as conn:
        for _ in range(rounds):
            for name, condition in forms.items():
                query = sa.select(sa.func.count()).select_from(table).where(condition(table.c.notes, None))
                start = time.perf_counter()
                flagged[name] = conn.execute(query).scalar_one()
                timings[name] = min(timings.get(name, float("inf")), time.perf_counter() - start)
    return [{"engine": "postgres", "contender": f"condition {name}", "rows": rows, "seconds": round(timings[name], 3),
             "rows_per_s": round(rows / timings[name]), "unexpected": flagged[name], "raw_values_in_result": False,
             "time_vs_peer": round(timings[name] / timings["per-pattern"], 2)} for name in forms]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--pg", default=os.environ.get("MASKLINE_PG_DSN"))
    args = parser.parse_args()
    for row in run(args.rows, args.pg):
        print(f"{row['engine']:9} {row['contender']:21} {row['rows_per_s']:>10,} rows/s  "
              f"time x{row['time_vs_peer']:<5} unexpected={row['unexpected']}  "
              f"raw values in result: {row['raw_values_in_result']}")


if __name__ == "__main__":
    main()
