"""How the cost of masking grows with rows, on embedded DuckDB, local Spark and a real Trino server.

    python -m benchmarks.scale [--rows 1000000 10000000 100000000] [--engines duckdb spark trino]

The same rows are generated inside each engine from a row number (no file, no Python loop): an id, an email,
an SSN-shaped string, a DECIMAL(12,2) amount and a date of birth. DuckDB and Spark generate them from
``range(n)``; Trino from its ``tpch`` generator connector (``orders`` of scale factor 1, 10 or 100, which holds
1.5M, 15M or 150M rows), never from the memory connector. The same masking then runs three ways, in the same
session, each as ``SELECT count(*), max(...) FROM (<masking select>)`` so every masked value is computed and
only one row comes back:

- ``raw``: the generated columns unmasked (the cost of generating and aggregating, for scale);
- ``hand``: the masking written by hand in the engine's own SQL, by someone who knows the column types;
- ``maskline``: the SELECT maskline compiles from the policy below.

``hand`` and ``maskline`` must return the same row (checked), so they did the same work. Reported: seconds,
rows/s, peak memory (DuckDB: the process's peak RSS, each run in its own process; Spark: the peak RSS of its
JVM, polled; Trino: the query's peak memory from the server's statistics) and maskline / hand.

Trino is used when ``MASKLINE_TRINO_URL`` is set (``make bench`` starts it with ``scripts/trino.sh``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

KEY = "benchmark-key-not-a-secret-0123456789"
POLICY = {
    "unclassified": "pass",
    "datasets": {"people": {"columns": {
        "email": {"info_type": "EMAIL", "method": {"method": "hmac", "length": 16}},
        "ssn": {"info_type": "US_SSN", "method": {"method": "partial", "keep_last": 4}},
        "amount": {"method": {"method": "hash", "length": 16}},
        "born": {"info_type": "DATE_OF_BIRTH", "method": {"method": "generalize", "to": "year"}},
    }}},
}
TYPES = {"duckdb": [("id", "bigint"), ("email", "varchar"), ("ssn", "varchar"), ("amount", "decimal(12,2)"),
                    ("born", "date")]}
TYPES["spark"] = [("id", "bigint"), ("email", "string"), ("ssn", "string"), ("amount", "decimal(12,2)"), ("born", "date")]
TYPES["trino"] = TYPES["duckdb"]

SSN = ("lpad(CAST(i % 900 + 100 AS VARCHAR), 3, '0') || '-' || lpad(CAST(i % 100 AS VARCHAR), 2, '0') || '-' "
       "|| lpad(CAST(i % 10000 AS VARCHAR), 4, '0')")
COLUMNS = ("i AS id, 'user' || CAST(i AS VARCHAR) || '@example.com' AS email, " + SSN + " AS ssn, "
           "CAST(CAST(i % 1000000 AS DOUBLE) / 100 AS DECIMAL(12,2)) AS amount, {born} AS born")


def source(engine: str, rows: int) -> str:
    """The generated rows as a subquery, in the engine's SQL."""
    if engine == "duckdb":
        born = "DATE '1950-01-01' + CAST(i % 20000 AS INTEGER)"
        return f"(SELECT {COLUMNS.format(born=born)} FROM range({rows}) t(i))"
    if engine == "spark":
        born = "date_add(DATE '1950-01-01', CAST(i % 20000 AS INT))"
        return f"(SELECT {COLUMNS.format(born=born).replace('VARCHAR', 'STRING')} FROM (SELECT id AS i FROM range({rows})))"
    sf = next(s for s, n in ((1, 1_500_000), (10, 15_000_000), (100, 150_000_000), (1000, 1_500_000_000)) if rows <= n)
    born = "date_add('day', i % 20000, DATE '1950-01-01')"
    return f"(SELECT {COLUMNS.format(born=born)} FROM (SELECT orderkey AS i FROM tpch.sf{sf}.orders LIMIT {rows}))"


HAND = {
    "duckdb": """SELECT id,
  substr(sha256(getvariable('maskline_opad') || unhex(sha256(getvariable('maskline_ipad') || encode(email)))), 1, 16)
    AS email,
  CASE WHEN length(ssn) <= 4 THEN repeat('*', length(ssn)) ELSE repeat('*', length(ssn) - 4) || right(ssn, 4) END AS ssn,
  substr(sha256(getvariable('maskline_salt') || encode(rtrim(rtrim(CAST(amount AS VARCHAR), '0'), '.'))), 1, 16)
    AS amount,
  CAST(date_trunc('year', born) AS DATE) AS born
FROM {src}""",
    "spark": """SELECT id,
  substr(sha2(unhex(maskline_opad) || unhex(sha2(unhex(maskline_ipad) || encode(email, 'UTF-8'), 256)), 256), 1, 16)
    AS email,
  CASE WHEN length(ssn) <= 4 THEN repeat('*', length(ssn)) ELSE repeat('*', length(ssn) - 4) || right(ssn, 4) END AS ssn,
  substr(sha2(unhex(maskline_salt) || encode(trim(TRAILING '.' FROM trim(TRAILING '0' FROM CAST(amount AS STRING))),
    'UTF-8'), 256), 1, 16) AS amount,
  trunc(born, 'YEAR') AS born
FROM {src}""",
    "trino": """SELECT id,
  substr(lower(to_hex(hmac_sha256(to_utf8(email), from_hex(?)))), 1, 16) AS email,
  CASE WHEN length(ssn) <= 4 THEN rpad('', length(ssn), '*') ELSE rpad('', length(ssn) - 4, '*') || substr(ssn, -4) END
    AS ssn,
  substr(lower(to_hex(sha256(from_hex(?) || to_utf8(trim(TRAILING '.' FROM trim(TRAILING '0' FROM
    CAST(amount AS VARCHAR))))))), 1, 16) AS amount,
  date_trunc('year', born) AS born
FROM {src}""",
}


def maskline_select(engine: str, src: str) -> Any:
    """maskline's masking SELECT over ``src`` (a sqlglot expression), compiled from POLICY."""
    import sqlglot

    from maskline.plan import build_plan
    from maskline.policy import load_policy
    from maskline.sql.compile import compile_select

    plan = build_plan(load_policy(POLICY), "people", TYPES[engine])
    subquery = sqlglot.parse_one(f"SELECT * FROM {src} AS src", read=engine).args["from_"].this
    return compile_select(plan, subquery, engine)


def aggregate(select_sql: str) -> str:
    return (f"SELECT count(*) AS n, max(email) AS email, max(ssn) AS ssn, max(amount) AS amount, max(born) AS born "
            f"FROM ({select_sql}) AS masked")


def queries(engine: str, rows: int) -> dict[str, str]:
    """``raw``, ``hand`` and ``maskline`` for one engine and row count; Trino's key references stay ``?``."""
    src = source(engine, rows)
    if engine == "trino":
        from maskline.adapters.trino import bind_key

        masked, _ = bind_key(maskline_select(engine, src), _key())
    else:
        masked = maskline_select(engine, src).sql(engine)
    return {"raw": aggregate(f"SELECT * FROM {src} AS s"), "hand": aggregate(HAND[engine].format(src=src)),
            "maskline": aggregate(masked)}


def _key() -> Any:
    from maskline.keys import KeyMaterial

    return KeyMaterial(KEY.encode())


# --- engines ----------------------------------------------------------------------------------------------

def duckdb_phase(rows: int, contender: str) -> dict[str, Any]:
    """One DuckDB run in this (child) process: its peak RSS is the run's own."""
    from maskline.adapters.duckdb import connect

    con = connect(_key())
    sql = queries("duckdb", rows)[contender]
    t = time.perf_counter()
    result = con.execute(sql).fetchall()[0]
    seconds = time.perf_counter() - t
    return {"seconds": seconds, "result": [str(v) for v in result],
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_duckdb(rows: int, contender: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-m", "benchmarks.scale", "--phase", contender, "--rows", str(rows)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


class PeakRss:
    """Polls the RSS of a process (and its children) every 0.2 s; ``peak_mb`` is the highest seen."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.peak = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        while not self.done.is_set():
            try:
                rss = sum(p.memory_info().rss for p in [self.process, *self.process.children(recursive=True)])
                self.peak = max(self.peak, rss)
            except Exception:  # noqa: BLE001 - a process may end between listing and reading
                pass
            time.sleep(0.2)

    def __enter__(self) -> PeakRss:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()

    @property
    def peak_mb(self) -> float:
        return self.peak / 2**20


def spark_runner() -> Callable[[int, str], dict[str, Any]]:
    from pyspark.sql import SparkSession

    from maskline.sql.session import key_setup

    spark = (SparkSession.builder.master("local[2]").appName("maskline-scale").config("spark.ui.enabled", "false")
             .config("spark.driver.memory", "2g").config("spark.sql.shuffle.partitions", "2")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    for statement, params in key_setup("spark", _key()):
        spark.sql(statement, args=list(params))
    jvm_pid = int(spark.sparkContext._jvm.ProcessHandle.current().pid())  # type: ignore[union-attr]

    def run(rows: int, contender: str) -> dict[str, Any]:
        sql = queries("spark", rows)[contender]
        with PeakRss(jvm_pid) as rss:
            t = time.perf_counter()
            result = spark.sql(sql).collect()[0]
            seconds = time.perf_counter() - t
        return {"seconds": seconds, "result": [str(v) for v in result], "peak_mb": rss.peak_mb}

    return run


def trino_runner(url: str) -> Callable[[int, str], dict[str, Any]]:
    from maskline.adapters.trino import connect

    key_hex = _key().secret.hex()

    def run(rows: int, contender: str) -> dict[str, Any]:
        sql = queries("trino", rows)[contender]
        conn = connect(url, catalog="tpch", schema="tiny")
        cur = conn.cursor()
        params = [key_hex] * sql.count("?")  # only key references are parameters in these queries
        t = time.perf_counter()
        if params:
            cur.execute(sql, params)
        else:
            cur.execute(sql)
        result = cur.fetchall()[0]
        seconds = time.perf_counter() - t
        peak = (cur.stats or {}).get("peakMemoryBytes", 0)
        conn.close()
        return {"seconds": seconds, "result": [str(v) for v in result], "peak_mb": peak / 2**20}

    return run


# --- report -----------------------------------------------------------------------------------------------

WARM_UP_ROWS = 10_000  # each contender once, unreported: the JVM engines compile their code on first use


def measure(engine: str, run: Callable[[int, str], dict[str, Any]], rows_list: list[int],
            repeat: int) -> list[dict[str, Any]]:
    if engine != "duckdb":  # DuckDB runs each contender in a fresh process, so there is nothing to warm
        for c in ("raw", "hand", "maskline"):
            run(WARM_UP_ROWS, c)
    out = []
    for rows in rows_list:
        # Interleaved repeats, best kept: on a shared machine a neighbour's load lands on one run, not on a contender.
        results: dict[str, dict[str, Any]] = {}
        for _ in range(repeat):
            for c in ("raw", "hand", "maskline"):
                r = run(rows, c)
                if c not in results or r["seconds"] < results[c]["seconds"]:
                    results[c] = r
        if results["hand"]["result"] != results["maskline"]["result"]:
            raise SystemExit(f"{engine} {rows:,}: maskline and the hand-written SQL disagree: "
                             f"{results['hand']['result']} vs {results['maskline']['result']}")
        for c, r in results.items():
            row = {"engine": engine, "rows": rows, "contender": c, "seconds": r["seconds"],
                   "rows_per_s": rows / r["seconds"], "peak_mb": r["peak_mb"]}
            out.append(row)
            print(json.dumps(row), flush=True)
    return out


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| engine | rows | raw s | hand s | maskline s | maskline rows/s | peak MB (maskline) | maskline / hand "
             "| maskline s vs 10x fewer rows |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    by = {(r["engine"], r["rows"], r["contender"]): r for r in rows}
    for engine, n in dict.fromkeys((r["engine"], r["rows"]) for r in rows):
        raw, hand, ml = (by[(engine, n, c)] for c in ("raw", "hand", "maskline"))
        prev = by.get((engine, n // 10, "maskline"))
        growth = f"x{ml['seconds'] / prev['seconds']:.1f}" if prev else ""
        lines.append(f"| {engine} | {n:,} | {raw['seconds']:.2f} | {hand['seconds']:.2f} | {ml['seconds']:.2f} | "
                     f"{ml['rows_per_s']:,.0f} | {ml['peak_mb']:,.0f} | {ml['seconds'] / hand['seconds']:.2f} | {growth} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000, 100_000_000])
    parser.add_argument("--engines", nargs="+", default=["duckdb", "spark", "trino"],
                        choices=["duckdb", "spark", "trino"])
    parser.add_argument("--repeat", type=int, default=2, help="interleaved runs per contender; the best is kept")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        print(json.dumps(duckdb_phase(args.rows[0], args.phase)))
        return 0
    print(f"scale benchmark: rows {', '.join(f'{n:,}' for n in args.rows)}; {os.cpu_count()} cores", flush=True)
    results: list[dict[str, Any]] = []
    for engine in args.engines:
        if engine == "duckdb":
            results += measure(engine, run_duckdb, args.rows, args.repeat)
        elif engine == "spark":
            results += measure(engine, spark_runner(), args.rows, args.repeat)
        elif os.environ.get("MASKLINE_TRINO_URL"):
            results += measure(engine, trino_runner(os.environ["MASKLINE_TRINO_URL"]), args.rows, args.repeat)
        else:
            print("trino: skipped, MASKLINE_TRINO_URL is not set (make bench starts it)", flush=True)
    print()
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
