"""Do the no-PII checks pass maskline's own output? Counts of masked values each check flags, per method and engine.

    python -m benchmarks.masked_output_checks [--rows 2000] [--seed 20261206] [--pg postgresql://...] [--dbt]

Fresh values are drawn with Faker (a seeded draw; locales en_US, en_GB, de_DE, fr_FR, es_ES, it_IT, nl_NL) for
five types (e-mails, phones, IBANs, cards, SSNs) and masked by maskline itself (:func:`maskline.sql.compile.
mask_expression` on DuckDB, a literal key) with each method. Then ``ExpectColumnValuesToNotContainPii`` (no
``info_types``, as the README's example writes it) validates every masked column through GX's pandas path
(``duckdb_batch``) and GX's SQL data source on PostgreSQL (``--pg`` or ``MASKLINE_PG_DSN``), and, with ``--dbt``,
the dbt test ``maskline_no_pii`` runs on dbt-duckdb and dbt-postgres over the same raw seed masked by the package's
``maskline.mask``. The raw columns are checked too: the control (every raw value should be flagged).

Prints one row per (type, method): the values flagged on each engine, out of ``--rows``. dbt's count is the test's
``failures``: the sum of its per-type counts, so one value matched by two types counts twice.
"""

from __future__ import annotations

import argparse
import os
import uuid
from typing import Any

LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL")
TYPES = {"email": "EMAIL", "phone": "PHONE", "iban": "IBAN", "card": "CREDIT_CARD", "ssn": "US_SSN"}
# (name, method, params); email only over e-mails.
METHODS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("raw", "", {}),
    ("hash", "hash", {}), ("hash16", "hash", {"length": 16}), ("hash32", "hash", {"length": 32}),
    ("hmac", "hmac", {}), ("hmac16", "hmac", {"length": 16}), ("hmac8", "hmac", {"length": 8}),
    ("partial4", "partial", {"keep_last": 4}), ("char_mask", "char_mask", {}), ("redact", "redact", {}),
    ("fake", "fake", {}), ("scrub", "scrub", {}), ("email", "email", {}),
)
KEY = b"benchmark-key-masked-output-checks"


def raw_values(rows: int, seed: int) -> dict[str, list[str]]:
    """``rows`` fresh values per type, drawn round-robin over :data:`LOCALES` from one seed."""
    from faker import Faker

    fakers = [Faker(loc) for loc in LOCALES]
    for i, f in enumerate(fakers):
        f.seed_instance(seed + i)
    draw = {"email": lambda f: f.email(), "phone": lambda f: f.phone_number(), "iban": lambda f: f.iban(),
            "card": lambda f: f.credit_card_number()}
    us = Faker("en_US")
    us.seed_instance(seed + 99)
    out: dict[str, list[str]] = {}
    for col, fn in draw.items():
        out[col] = [fn(fakers[i % len(fakers)]) for i in range(rows)]
    out["ssn"] = [us.ssn() for _ in range(rows)]  # a US SSN, whatever the locale
    return out


def masked_table(raw: dict[str, list[str]]) -> Any:
    """A DuckDB connection holding ``t_<type>`` tables: one column per method, masked by maskline's core SQL."""
    import duckdb
    from sqlglot import exp

    from maskline.dialects.base import KeyMode
    from maskline.keys import KeyMaterial
    from maskline.methods.registry import method_spec
    from maskline.sql.compile import mask_expression

    con = duckdb.connect()
    for col, values in raw.items():
        con.execute("CREATE TABLE raw_t AS SELECT unnest(?::VARCHAR[]) AS v", [values])
        selects = []
        for name, method, params in METHODS:
            if name == "raw":
                selects.append("v AS raw")
                continue
            if method == "email" and col != "email":
                continue
            e = mask_expression(exp.column("v"), method_spec(method, params), "duckdb", info_type=TYPES[col],
                                source_type="text", key_mode=KeyMode.LITERAL, key=KeyMaterial(KEY))
            selects.append(f"{e.sql('duckdb')} AS {name}")
        con.execute(f"CREATE TABLE t_{col} AS SELECT {', '.join(selects)} FROM raw_t")
        con.execute("DROP TABLE raw_t")
    return con


def gx_counts(con: Any, pg: str | None) -> dict[tuple[str, str, str], int]:
    """(type, method, engine) -> unexpected_count of ExpectColumnValuesToNotContainPii (no info_types)."""
    import great_expectations as gx

    from maskline.expectations import ExpectColumnValuesToNotContainPii, load_all
    from maskline.expectations.batches import duckdb_batch, ephemeral_context, sql_batch

    load_all()
    context = ephemeral_context()
    out: dict[tuple[str, str, str], int] = {}
    schema = f"mlbench_{uuid.uuid4().hex[:8]}"
    engine = None
    if pg:
        import sqlalchemy as sa

        engine = sa.create_engine(pg)
        with engine.begin() as c:
            c.execute(sa.text(f"CREATE SCHEMA {schema}"))
    try:
        for col in TYPES:
            columns = [d[0] for d in con.execute(f"SELECT * FROM t_{col} LIMIT 0").description]
            suite = context.suites.add(gx.ExpectationSuite(name=f"s_{col}_{uuid.uuid4().hex[:6]}"))
            for c in columns:
                suite.add_expectation(ExpectColumnValuesToNotContainPii(column=c))
            batches = {"pandas": duckdb_batch(context, con, f"t_{col}")}
            if engine is not None:
                frame = con.execute(f"SELECT * FROM t_{col}").df()
                frame.to_sql(f"t_{col}", engine, schema=schema, index=False)
                batches["postgres"] = sql_batch(context, pg, f"{schema}.t_{col}")
            for name, batch in batches.items():
                for r in batch.validate(suite).results:
                    if r.exception_info.get("raised_exception"):
                        raise RuntimeError(f"{col}.{r.expectation_config.kwargs['column']} on {name}: raised")
                    out[(col, r.expectation_config.kwargs["column"], name)] = r.result["unexpected_count"]
    finally:
        if engine is not None:
            with engine.begin() as c:
                c.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
    return out


def dbt_counts(raw: dict[str, list[str]], pg: str | None, workdir: str) -> dict[tuple[str, str, str], int]:
    """(type, method, engine) -> failures of ``maskline_no_pii`` over the package's ``maskline.mask`` models."""
    import csv
    import io
    from pathlib import Path
    from urllib.parse import urlparse

    import yaml

    from tests.dbt.dbt_harness import copy_project

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", *TYPES])
    for i, row in enumerate(zip(*raw.values(), strict=True)):
        w.writerow([i, *row])
    files = {"seeds/raw_values.csv": buf.getvalue(),
             "seeds/schema.yml": yaml.safe_dump({"version": 2, "seeds": [{"name": "raw_values", "config": {
                 "column_types": dict.fromkeys(["id", *TYPES], "varchar")}}]})}
    models = []
    for name, method, params in METHODS:
        cols = []
        for col, info_type in TYPES.items():
            if method == "email" and col != "email":
                continue
            if name == "raw":
                cols.append(f"{col}")
            else:
                args = "".join(f", {k}={v!r}" for k, v in params.items())
                cols.append(f"{{{{ maskline.mask('{col}', '{method}', info_type='{info_type}'{args}) }}}} as {col}")
        files[f"models/m_{name}.sql"] = f"select {', '.join(cols)} from {{{{ ref('raw_values') }}}}\n"
        models.append({"name": f"m_{name}", "columns": [
            {"name": c.split(" as ")[-1], "data_tests": [{"maskline.maskline_no_pii": {
                "name": f"nopii__{name}__{c.split(' as ')[-1]}"}}]} for c in cols]})
    files["models/schema.yml"] = yaml.safe_dump({"version": 2, "models": models}, sort_keys=False)
    config = {"name": "bench", "version": "1.0", "config-version": 2, "profile": "bench",
              "models": {"bench": {"+materialized": "table", "+pre-hook": "{{ maskline.set_key() }}"}}}
    root = Path(workdir)
    src = root / "src"
    for path, text in {"dbt_project.yml": yaml.safe_dump(config, sort_keys=False), **files}.items():
        (src / path).parent.mkdir(parents=True, exist_ok=True)
        (src / path).write_text(text)
    targets = {"duckdb": {"type": "duckdb", "path": str(root / "bench.duckdb"), "threads": 2,
                          "plugins": [{"module": "maskline.dbt.duckdb_plugin"}]}}
    if pg:
        u = urlparse(pg)
        targets["postgres"] = {"type": "postgres", "host": u.hostname, "port": u.port or 5432, "user": u.username,
                               "password": u.password or "", "dbname": u.path.lstrip("/"),
                               "schema": f"mlbench_{uuid.uuid4().hex[:8]}", "threads": 2}
    out: dict[tuple[str, str, str], int] = {}
    for target, output in targets.items():
        project = copy_project(src, root / target, "bench", {target: output}, target)
        project.run("deps")
        project.run("build", check=False)
        for uid, r in project.run_results().items():
            if uid.startswith("test.") and "nopii__" in uid:
                _, name, col = uid.split(".")[2].split("__")
                out[(col, name, f"dbt-{target}")] = int(r.get("failures") or 0) if r["status"] != "error" else -1
        if target == "postgres":
            import psycopg2

            conn = psycopg2.connect(pg)
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(f"DROP SCHEMA IF EXISTS {output['schema']} CASCADE")
            conn.close()
    return out


def main(argv: list[str] | None = None) -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--pg", default=os.environ.get("MASKLINE_PG_DSN"))
    parser.add_argument("--dbt", action="store_true", help="also run dbt-duckdb and dbt-postgres (slower)")
    args = parser.parse_args(argv)
    raw = raw_values(args.rows, args.seed)
    con = masked_table(raw)
    counts = gx_counts(con, args.pg)
    if args.dbt:
        with tempfile.TemporaryDirectory() as tmp:
            counts.update(dbt_counts(raw, args.pg, tmp))
    order = ["pandas", "postgres", "dbt-duckdb", "dbt-postgres"]
    engines = sorted({e for _, _, e in counts}, key=order.index)
    names = {"pandas": "GX pandas", "postgres": "GX PG", "dbt-duckdb": "dbt duckdb", "dbt-postgres": "dbt PG"}
    print(f"values flagged of {args.rows} per column (seed {args.seed})")
    print(f"{'type':6} {'method':10} " + " ".join(f"{names[e]:>11}" for e in engines))
    for col in TYPES:
        for name, method, _ in METHODS:
            if method == "email" and col != "email":
                continue
            cells = [counts.get((col, name, e), "") for e in engines]
            line = f"{col:6} {name:10} " + " ".join(f"{c!s:>11}" for c in cells)
            print(line)


if __name__ == "__main__":
    main()
