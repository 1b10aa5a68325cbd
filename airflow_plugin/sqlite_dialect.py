"""SQLite as a masking target, through deterministic Python functions registered per connection.

SQLite has no SHA-256, hex decoding, REGEXP_REPLACE, REPEAT or arrays. Rather
than refuse keyed methods on SQLite, :func:`register_functions` adds those
primitives to one ``sqlite3`` connection as deterministic Python functions,
and the key as ``MASKLINE_KEY(name)``, a function closed over the key
material: the key never appears in the SQL text, as with the session variables
of DuckDB and PostgreSQL. Tokens are byte-identical to :func:`maskline.keys.hmac_hex`.

Only SQLite connections opened by this process can be masked this way (the
functions live in the connection, not the database file), which is always the
case for Airflow's ``SqliteHook``.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from sqlglot import exp

from maskline.dialects.base import Dialect, fn, lit
from maskline.keys import KeyMaterial


class SQLite(Dialect):
    """SQLite, with the missing primitives supplied by :func:`register_functions`.

    >>> SQLite().sha256_hex(exp.column("b")).sql("sqlite")
    'LOWER(TO_HEX(SHA256(b)))'
    """

    name = "sqlite"
    sqlglot_name = "sqlite"
    array_base = 0

    def utf8(self, e: exp.Expression) -> exp.Expression:
        return fn("TO_UTF8", e)

    def bin_concat(self, a: exp.Expression, b: exp.Expression) -> exp.Expression:
        return fn("BIN_CONCAT", a, b)  # SQLite's || turns blobs into text

    def text(self, e: exp.Expression) -> exp.Expression:
        return exp.cast(e, exp.DataType.build("text"))

    def strpos_of(self, e: exp.Expression, needle: exp.Expression) -> exp.Expression:
        return fn("INSTR", e, needle)

    def right(self, e: exp.Expression, n: exp.Expression) -> exp.Expression:
        return fn("RIGHT_CHARS", e, n)

    def date_trunc(self, unit: str, e: exp.Expression) -> exp.Expression:
        return fn("DATE_TRUNC_TEXT", lit(unit.lower()), e)

    def bucket(self, e: exp.Expression, width: int) -> exp.Expression:
        return exp.Mul(this=fn("FLOOR_DIV", e, lit(width)), expression=lit(width))

    def pick(self, words: Any, index0: exp.Expression) -> exp.Expression:
        return fn("PICK", index0, *[lit(w) for w in words])

    def key_session_ref(self, name: str) -> exp.Expression:
        return fn("MASKLINE_KEY", lit(name))


def _text(v: Any) -> Any:
    return v.decode("utf-8") if isinstance(v, bytes) else v


def _none_safe(f: Any) -> Any:
    def wrapped(*args: Any) -> Any:
        return None if any(a is None for a in args) else f(*args)

    return wrapped


def _date_trunc(unit: str, value: Any) -> str:
    text = str(value)[:10]
    return {"year": text[:4] + "-01-01", "month": text[:7] + "-01", "day": text}[unit]


def _floor_div(value: Any, width: Any) -> int:
    return int(float(value) // width)


def register_functions(connection: Any, key: KeyMaterial | None) -> None:
    """Add the masking primitives (and ``MASKLINE_KEY``, when a key is given) to a ``sqlite3`` connection.

    >>> import sqlite3
    >>> con = sqlite3.connect(":memory:")
    >>> register_functions(con, KeyMaterial(b"k" * 16))
    >>> con.execute("SELECT TO_HEX(SHA256(TO_UTF8('x')))").fetchone()[0][:8]
    '2d711642'
    """
    values = {"ipad": key.inner_pad(), "opad": key.outer_pad(), "salt": key.secret} if key else {}

    def key_value(name: str) -> bytes:
        if name not in values:
            from maskline.errors import KeyMissingError

            raise KeyMissingError("a keyed method ran without a key", where="SQLite connection",
                                  fix="resolve the key before masking")
        return values[name]

    functions: dict[str, tuple[int, Any]] = {
        "TO_UTF8": (1, lambda v: str(_text(v)).encode("utf-8")),
        "BIN_CONCAT": (2, lambda a, b: bytes(a) + bytes(b)),
        "SHA256": (1, lambda b: hashlib.sha256(bytes(b)).digest()),
        "TO_HEX": (1, lambda b: bytes(b).hex()),
        "FROM_HEX": (1, lambda h: bytes.fromhex(str(h))),
        "REPEAT": (2, lambda s, n: str(s) * max(int(n), 0)),
        "GREATEST": (-1, lambda *a: max(a)),
        "RIGHT_CHARS": (2, lambda s, n: str(s)[-int(n):] if int(n) > 0 else ""),
        "REGEXP_REPLACE": (3, lambda s, p, r: re.sub(str(p), str(r), str(_text(s)))),
        "DATE_TRUNC_TEXT": (2, _date_trunc),
        "FLOOR_DIV": (2, _floor_div),
        "PICK": (-1, lambda i, *words: words[int(i)]),
        "MASKLINE_KEY": (1, key_value),
    }
    for name, (nargs, f) in functions.items():
        connection.create_function(name, nargs, _none_safe(f), deterministic=True)
