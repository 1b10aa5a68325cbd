"""A REAL (and a double) has one keyed token on DuckDB, PostgreSQL and Trino: the token of its shortest decimal text,
written out in full (:mod:`maskline.dialects.canonical`).

On main Trino hashed its own cast of a REAL, which writes at most seven digits: ``16777216`` as ``1.677722E7``,
canonically ``16777220``, another real's text, so its token was not DuckDB's or PostgreSQL's (nor ``3.4028235e38``'s,
nor ``123456.79``'s). Trino's text of a REAL is now Java's shortest (``FORMAT('%s', v)``). Found by the three-engine
fuzz of this round (tests/core/engine_parity.py). Left as a known limit (maskline/dialects/canonical.py): PostgreSQL
and Trino write the double ``2e23`` as ``1.9999999999999998e+23`` where DuckDB and Python write ``2e+23``.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from maskline.dialects.canonical import canonical_text
from maskline.keys import KeyMaterial, hmac_hex
from tests.core.engine_parity import KEY, masked

# Not the least subnormal, 1e-45: Java writes it 1.4E-45 (as 4.9E-324 for a double; a known limit of Java engines).
REALS = ["0.1", "16777216", "3.4028235e38", "123456.79", "1.17549435e-38", "-2.5", "0.3"]


def _real_tokens() -> list[str]:
    # numpy's str of a float32 is its shortest text, as DuckDB and PostgreSQL write a REAL
    return [hmac_hex(KeyMaterial(KEY), canonical_text(Decimal(str(np.float32(v))))) for v in REALS]


@pytest.mark.postgres
@pytest.mark.trino
def test_one_token_per_real_on_every_engine(pg_conn, trino_conn) -> None:
    import duckdb

    got = {engine: masked(engine, con, None, "fl_real", sql_type, REALS, {"method": "hmac"})
           for engine, con, sql_type in (("duckdb", duckdb.connect(), "REAL"), ("postgres", pg_conn, "real"),
                                         ("trino", trino_conn, "real"))}
    pg_conn.cursor().execute("DROP TABLE fl_real")
    assert got == dict.fromkeys(got, _real_tokens())
