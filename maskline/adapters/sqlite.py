"""SQLite, through deterministic Python functions registered per connection.

SQLite has no SHA-256, hex decoding, REGEXP_REPLACE, REPEAT or arrays. Rather
than refuse keyed methods on SQLite, :func:`register_functions` adds those
primitives to one ``sqlite3`` connection as deterministic Python functions,
and the key as ``MASKLINE_KEY(name)``, a function closed over the key
material: the key never appears in the SQL text, as with the session variables
of DuckDB and PostgreSQL. Tokens are byte-identical to :func:`maskline.keys.hmac_hex`.

Only SQLite connections opened by this process can be masked this way (the
functions live in the connection, not the database file), which is always the
case for Airflow's ``SqliteHook``.

>>> import sqlite3
>>> con = sqlite3.connect(":memory:"); _ = con.execute("CREATE TABLE t (id INTEGER, email TEXT)")
>>> SQLiteAdapter().columns(con.cursor(), SQLiteAdapter().table("t"))
[('id', 'integer'), ('email', 'text')]
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any

from sqlglot import exp

from maskline.adapters.base import EngineAdapter

if TYPE_CHECKING:
    from maskline.adapters.url import EngineURL
    from maskline.keys import KeyMaterial


class SQLiteAdapter(EngineAdapter):
    """SQLite through the standard library's ``sqlite3``."""

    name = "sqlite"
    names = ("sqlite", "sqlite3")
    url_schemes = names  # connect() opens url.path under either name
    driver_modules = ("sqlite3",)
    placeholder = "?"
    folds_case = False
    file_based = True
    key_exposure = "process memory only (a function registered on the connection)"

    def load_key(self, connection: Any, cursor: Any, key: KeyMaterial | None) -> KeyMaterial | None:
        register_functions(connection, key)
        return None

    def unkeyed_functions(self, connection: Any) -> None:
        """``REPEAT``, ``RIGHT_CHARS``... without a key (``MASKLINE_KEY`` then raises): a mask such as ``partial``
        calls them whether or not the query reads a key.

        >>> import sqlite3
        >>> con = sqlite3.connect(":memory:")
        >>> SQLiteAdapter().unkeyed_functions(con)
        >>> con.execute("SELECT REPEAT('*', 3)").fetchone()[0]
        '***'
        """
        register_functions(connection, None)

    def prepare(self, connection: Any) -> None:
        connection.isolation_level = None  # explicit BEGIN/COMMIT

    def current_schema(self, cursor: Any) -> str | None:
        return "main"  # SQLite's own database; attached ones are named explicitly

    def columns(self, cursor: Any, table: exp.Table) -> list[tuple[str, str]]:
        cursor.execute("SELECT name, type FROM pragma_table_info(?)", (table.name,))
        return [(str(r[0]), str(r[1] or "text").lower()) for r in cursor.fetchall()]

    def is_stored_table(self, cursor: Any, table: exp.Table) -> bool:
        cursor.execute("SELECT type FROM sqlite_master WHERE name = ?", (table.name,))
        rows = cursor.fetchall()
        return bool(rows) and all(str(r[0]) == "table" for r in rows)

    def truncate(self, table: exp.Table) -> exp.Expression:
        return exp.Delete(this=table.copy())  # SQLite has no TRUNCATE

    def namespace(self, host: str | None, port: int | None, database: str | None) -> str:
        return f"sqlite://{database or host or ':memory:'}"

    def connect(self, url: EngineURL, *, read_only: bool = False) -> Any:
        import sqlite3
        from pathlib import Path

        from maskline.errors import InputError

        path = url.path
        if path != ":memory:" and not Path(path).is_file():
            raise InputError(f"SQLite database not found: {path}", where=url.shown,
                             fix="check the path: sqlite:///relative.db or sqlite:////absolute.db")
        if read_only and path != ":memory:":
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        return sqlite3.connect(path)


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


def _utc_timestamp_text(value: Any) -> str:
    """A stored timestamp as ``YYYY-MM-DDTHH:MM:SS.ffffff`` in UTC; text without an offset is UTC, as SQLite's
    date functions read it."""
    import datetime as dt

    parsed = dt.datetime.fromisoformat(str(_text(value)).strip())
    utc = parsed.astimezone(dt.UTC) if parsed.tzinfo else parsed
    return utc.strftime("%Y-%m-%dT%H:%M:%S.%f")


def _scrub_reading(value: Any) -> str:
    """``value``'s text without format characters and with every script's digits as ASCII: the reading the
    portable SQL builds (:func:`maskline.sql.scrub_reading.reading_sql`), from the same two sources.

    >>> _scrub_reading("ssn \u0661\u0662\u0663-45-6789 ann\u200b@ex.org")
    'ssn 123-45-6789 ann@ex.org'
    """
    from maskline.format_chars import without_format_chars
    from maskline.script_digits import ascii_digits

    return ascii_digits(without_format_chars(str(_text(value))))


def register_functions(connection: Any, key: KeyMaterial | None) -> None:
    """Add the masking primitives (and ``MASKLINE_KEY``, which raises without a key) to a ``sqlite3`` connection.

    >>> import sqlite3
    >>> from maskline.keys import KeyMaterial
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
        "REGEXP": (2, lambda p, s: re.search(str(p), str(_text(s))) is not None),  # `s REGEXP p` (a shape check)
        "SCRUB_READING": (1, _scrub_reading),  # the text scrub's patterns read (SQLite.scrub_reading)
        "DATE_TRUNC_TEXT": (2, _date_trunc),
        "FLOOR_DIV": (2, _floor_div),
        "PICK": (-1, lambda i, *words: words[int(i)]),
        "MASKLINE_KEY": (1, key_value),
        "FLOAT_TEXT": (1, lambda v: repr(float(v))),  # the shortest round-trip text (SQLite's CAST keeps 15 digits)
        "UTC_TIMESTAMP_TEXT": (1, _utc_timestamp_text),
    }
    for name, (nargs, f) in functions.items():
        connection.create_function(name, nargs, _none_safe(f), deterministic=True)
