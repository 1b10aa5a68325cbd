"""A digest token (``hash``, ``hmac``) has one form on DuckDB, PostgreSQL and Trino: lower-case hex ``[0-9a-f]``, 64
characters or the policy's ``length`` (8 to 64), and the same characters as Python's reference for the same value.

A control of this round's three-engine fuzz (held on main): text hashed as stored, NFC and NFD, a Kelvin sign,
trailing spaces, an emoji, 70,000 characters; and the shape the no-PII checks read a token by
(:func:`maskline.methods.digest_token.is_digest_token`) holds every one of them.
"""

from __future__ import annotations

import re

import pytest

from maskline.keys import KeyMaterial, method_digest_hex
from maskline.methods.digest_token import is_digest_token
from tests.core.engine_parity import KEY, masked

TEXTS = ["Zo\u00eb", "Zoe\u0308", "ann@x.com ", "\u212aim", "\U0001f600x", "x" * 70_000, "4111111111111111"]
TYPES = {"duckdb": "VARCHAR", "postgres": "text", "trino": "varchar"}


@pytest.mark.postgres
@pytest.mark.trino
@pytest.mark.parametrize(("method", "length"), [("hmac", 16), ("hash", 16), ("hmac", None), ("hash", 8)])
def test_a_digest_token_has_one_form_on_every_engine(method: str, length: int | None, pg_conn, trino_conn) -> None:
    import duckdb

    params = {"method": method, **({"length": length} if length else {})}
    literals = ["'" + t.replace("'", "''") + "'" for t in TEXTS]
    got = {engine: masked(engine, con, None, "dt_form", TYPES[engine], literals, params)
           for engine, con in (("duckdb", duckdb.connect()), ("postgres", pg_conn), ("trino", trino_conn))}
    pg_conn.cursor().execute("DROP TABLE dt_form")
    expected = [method_digest_hex(KeyMaterial(KEY), method, t, 1, length) for t in TEXTS]
    assert got == dict.fromkeys(got, expected)
    assert all(re.fullmatch(f"[0-9a-f]{{{length or 64}}}", token) for token in expected)
    assert sum(is_digest_token(token) for token in expected) >= len(expected) - 1  # 8-digit runs may be all digits
