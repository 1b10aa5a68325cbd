"""Put key material into an engine's session, so masking SQL never contains the key.

Where each dialect keeps the key (the same table the README documents):

============  ==========================================  ===================================
dialect       how the session holds it                    where the key can still appear
============  ==========================================  ===================================
duckdb        ``SET VARIABLE maskline_* = ?`` (bound)     process memory only
postgres      ``set_config('maskline.*', %s, false)``     server log if log_statement=all
snowflake     ``SET maskline_* = ?`` (bound)              query history of the SET statement
bigquery      query parameters ``@maskline_*``            job configuration (parameters)
spark         ``DECLARE VARIABLE maskline_*`` (Spark 4)   driver memory; SQL text if inlined
trino         bound parameters (``EXECUTE ... USING``)    query history (parameters)
============  ==========================================  ===================================

>>> from maskline.keys import KeyMaterial
>>> [s for s, _ in key_setup("duckdb", KeyMaterial(b"k" * 16))][0]
'SET VARIABLE maskline_ipad = ?'
"""

from __future__ import annotations

from typing import Any

from maskline.dialects import get_dialect
from maskline.dialects.base import KEY_VALUES
from maskline.errors import UnsupportedDialectError
from maskline.keys import KeyMaterial


def _values(key: KeyMaterial) -> dict[str, bytes]:
    return {"ipad": key.inner_pad(), "opad": key.outer_pad(), "salt": key.secret}


def key_setup(dialect: str, key: KeyMaterial) -> list[tuple[str, tuple[Any, ...]]]:
    """Statements, with bound parameters, that load ``key`` into a session of ``dialect``."""
    d = get_dialect(dialect).name
    values = _values(key)
    if d == "duckdb":
        return [(f"SET VARIABLE maskline_{n} = ?", (values[n],)) for n in KEY_VALUES]
    if d == "postgres":
        return [(f"SELECT set_config('maskline.{n}', %s, false)", (values[n].hex(),)) for n in KEY_VALUES]
    if d == "snowflake":
        return [(f"SET maskline_{n} = %s", (values[n].hex(),)) for n in KEY_VALUES]
    if d == "spark":
        return [(f"DECLARE OR REPLACE VARIABLE maskline_{n} STRING DEFAULT ?", (values[n].hex(),)) for n in KEY_VALUES]
    raise UnsupportedDialectError(
        f"{d} has no session variables; pass the key values as query parameters",
        where=f"dialect {d}", fix="bind maskline_ipad/opad/salt (hex) as parameters of the query",
    )


def apply_key_setup(cursor: Any, dialect: str, key: KeyMaterial) -> None:
    """Run :func:`key_setup` on a DB-API cursor (or DuckDB connection)."""
    for statement, params in key_setup(dialect, key):
        cursor.execute(statement, params)
