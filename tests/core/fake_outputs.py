"""Recorded outputs of ``fake``'s SQL: a few hundred values of each type, each kind, both key derivations.

The fixture ``golden/fake_outputs.json`` was written from the SQL ``fake`` compiled to before its digest was bound
once per column; the test (``test_fake_outputs_unchanged.py``) runs today's SQL on DuckDB and PostgreSQL and wants
every output unchanged. Rewrite it only on purpose: ``python -m tests.core.fake_outputs --write`` (with
``MASKLINE_PG_DSN`` set; the recording asserts both engines agree).
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

from sqlglot import exp

from maskline.keys import KeyMaterial
from maskline.methods.registry import method_spec
from maskline.sql.compile import mask_expression
from maskline.sql.session import apply_key_setup

FIXTURE = Path(__file__).parent / "golden" / "fake_outputs.json"
KEY = KeyMaterial(bytes(range(32)))
KINDS = ("name", "first_name", "last_name", "email", "username", "word")
DERIVATIONS = (1, 2)
# column type per engine
TYPES = {"text": {"duckdb": "VARCHAR", "postgres": "text"}, "integer": {"duckdb": "BIGINT", "postgres": "bigint"},
         "double": {"duckdb": "DOUBLE", "postgres": "double precision"}, "date": {"duckdb": "DATE", "postgres": "date"}}


def inputs() -> dict[str, list[Any]]:
    """The values masked, per type: edge cases first, then seeded random ones (a few hundred of each)."""
    rng = random.Random(20261207)
    text: list[Any] = [None, "", " ", "  a  ", "a", "A", "Lora", "lora", "Ada Lovelace", "ada@example.com", "x_y",
                       "élan", "Łódź", "東京", "O'Brien", "tab\there", "line\nbreak", "0", "-1", "1e3", "NaN",
                       "Flora", "Zeller", "ann", "Ann", "lee", "Lee", "an", "e", "o", " Lora ", "🙂"]
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ éü-_.@0123456789"
    text += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 14))) for _ in range(300)]
    integer: list[Any] = [None, 0, 1, -1, 7, 42, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, 2 ** 63 - 1, -(2 ** 63)]
    integer += [rng.randint(-10 ** 12, 10 ** 12) for _ in range(150)] + [rng.randint(-1000, 1000) for _ in range(150)]
    double: list[Any] = [None, 0.0, -0.0, 0.1, -0.1, 1.0, -1.0, 0.5, 1 / 3, 1e300, -1e300, 1e-300, 5e-324, -5e-324,
                         2.2250738585072014e-308, 1.7976931348623157e308, float("nan"), float("inf"), float("-inf"),
                         2.0 ** 81, 2.0 ** 976, 2e23, 9.4e9, 123456789.125, 1e15, 1e16, 1e17, 1e21, 1e22, 1e-5,
                         1e-7, 3.14159, 100.0, 12345.678]
    double += [rng.uniform(-1e6, 1e6) for _ in range(100)]
    double += [math.ldexp(rng.random(), rng.randint(-1074, 1023)) * rng.choice((1, -1)) for _ in range(100)]
    double += [round(rng.uniform(-1000, 1000), rng.randint(0, 4)) for _ in range(100)]
    start = datetime.date(1970, 1, 1)
    date: list[Any] = [None, datetime.date(1, 1, 1), datetime.date(9999, 12, 31), datetime.date(2000, 2, 29), start]
    date += [start + datetime.timedelta(days=rng.randint(-700000, 2900000)) for _ in range(300)]
    return {"text": text, "integer": integer, "double": double, "date": date}


def _as_json(t: str, v: Any) -> Any:
    if v is None:
        return None
    if t == "double":
        return v.hex() if math.isfinite(v) else repr(v)  # exact, and JSON has no NaN or infinity
    if t == "date":
        return v.isoformat()
    return v


def _from_json(t: str, v: Any) -> Any:
    if v is None:
        return None
    if t == "double":
        return float.fromhex(v) if v not in ("nan", "inf", "-inf") else float(v)
    if t == "date":
        return datetime.date.fromisoformat(v)
    return v


def sql_of(engine: str, t: str, kind: str, derivation: int) -> str:
    """Today's SQL of ``fake`` (session key) over column ``v`` of type ``t``."""
    spec = dataclasses.replace(method_spec("fake", {"kind": kind}), derivation=derivation)
    return mask_expression(exp.column("v"), spec, engine, source_type=TYPES[t][engine]).sql(engine)


def run(engine: str, con: Any, t: str, values: list[Any]) -> dict[str, list[str | None]]:
    """Every kind's and derivation's outputs of ``values`` (type ``t``) on ``engine``, in input order."""
    cur = con.cursor() if engine == "postgres" else con
    apply_key_setup(cur, engine, KEY)
    cur.execute(f"CREATE TEMPORARY TABLE fake_in (i INTEGER, v {TYPES[t][engine]})")
    try:
        params = [(i, v) for i, v in enumerate(values)]
        if engine == "postgres":
            cur.executemany("INSERT INTO fake_in VALUES (%s, %s)", params)
        else:
            cur.executemany("INSERT INTO fake_in VALUES (?, ?)", params)
        out = {}
        for kind in KINDS:
            for der in DERIVATIONS:
                cur.execute(f"SELECT {sql_of(engine, t, kind, der)} FROM fake_in ORDER BY i")
                out[f"{kind}/{der}"] = [r[0] for r in cur.fetchall()]
        return out
    finally:
        cur.execute("DROP TABLE fake_in")


def load() -> dict[str, Any]:
    """The recorded fixture: per type, its inputs (decoded) and the outputs per ``kind/derivation``."""
    raw = json.loads(FIXTURE.read_text())
    return {t: {"inputs": [_from_json(t, v) for v in d["inputs"]], "outputs": d["outputs"]} for t, d in raw.items()}


def write(dsn: str) -> None:
    """Record the fixture from today's SQL on DuckDB and PostgreSQL, which must agree."""
    import duckdb
    import psycopg2

    pg = psycopg2.connect(dsn)
    pg.autocommit = True
    duck = duckdb.connect()
    try:
        fixture = {}
        for t, values in inputs().items():
            got = run("duckdb", duck, t, values)
            assert got == run("postgres", pg, t, values), t
            fixture[t] = {"inputs": [_as_json(t, v) for v in values], "outputs": got}
    finally:
        pg.close()
        duck.close()
    FIXTURE.write_text(json.dumps(fixture, indent=0, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    import os

    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m tests.core.fake_outputs --write   (with MASKLINE_PG_DSN set)")
    write(os.environ["MASKLINE_PG_DSN"])
