"""A timestamp without a time zone, and a time, have one keyed token on DuckDB, PostgreSQL and Trino: the token of
``YYYY-MM-DD HH:MM:SS[.fraction]`` (``HH:MM:SS[.fraction]``), fraction without trailing zeros
(:mod:`maskline.dialects.canonical`).

On main each engine hashed its own cast to text: Trino's ``timestamp(6)`` and ``time(6)`` write ``.000000``
(``2024-01-02 03:04:05.000000``), so every such value had another token there than on DuckDB and PostgreSQL; and
PostgreSQL's cast follows the session's DateStyle (``SQL, DMY`` writes ``02/01/2024 03:04:05``), so one value had
a token per session. Found by the three-engine fuzz of this round (tests/core/engine_parity.py).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from maskline.keys import KeyMaterial, hmac_hex
from tests.core.engine_parity import KEY, masked

STAMPS = [dt.datetime(2024, 1, 2, 3, 4, 5), dt.datetime(2024, 1, 2, 3, 4, 5, 500000),
          dt.datetime(1999, 12, 31, 23, 59, 59, 123456), dt.datetime(1, 1, 1)]
TIMES = [dt.time(3, 4, 5), dt.time(0, 0, 0, 500000), dt.time(23, 59, 59, 999999)]
TYPES = {"timestamp": {"duckdb": "TIMESTAMP", "postgres": "timestamp", "trino": "timestamp(6)"},
         "time": {"duckdb": "TIME", "postgres": "time", "trino": "time(6)"}}


def _expected(values: list[Any]) -> list[str]:
    def text(v: Any) -> str:
        fraction = f"{v.microsecond:06d}".rstrip("0")
        whole = v.replace(microsecond=0)
        return (whole.isoformat(sep=" ") if isinstance(v, dt.datetime) else whole.isoformat()) + (
            f".{fraction}" if fraction else "")
    return [hmac_hex(KeyMaterial(KEY), text(v)) for v in values]


def _literals(values: list[Any]) -> list[str]:
    return [f"'{v.isoformat(sep=' ') if isinstance(v, dt.datetime) else v.isoformat()}'" for v in values]


@pytest.mark.postgres
@pytest.mark.trino
@pytest.mark.parametrize("kind", TYPES)
def test_one_token_per_wall_clock_value_on_every_engine(kind: str, pg_conn, trino_conn) -> None:
    import duckdb

    values = STAMPS if kind == "timestamp" else TIMES
    schema = "wc_" + uuid.uuid4().hex[:8]
    cur = pg_conn.cursor()
    cur.execute(f"CREATE SCHEMA {schema}")
    cur.execute("SET DateStyle = 'SQL, DMY'")  # a session's setting must not change a token
    try:
        got = {engine: masked(engine, con, sch, f"wc_{kind}", TYPES[kind][engine], _literals(values),
                              {"method": "hmac"})
               for engine, con, sch in (("duckdb", duckdb.connect(), None), ("postgres", pg_conn, schema),
                                        ("trino", trino_conn, None))}
    finally:
        cur.execute(f"DROP SCHEMA {schema} CASCADE")
        cur.execute("RESET DateStyle")
    assert got == dict.fromkeys(got, _expected(values))
