"""One reader of database URIs, by SQLAlchemy's URL rules.

``scheme://user:password@host:port/database?query``; for engines whose data is
a file (DuckDB, SQLite) the part after ``scheme:///`` is the path, so
``duckdb:///warehouse.db`` is *relative* to the working directory and
``duckdb:////data/warehouse.db`` is absolute, exactly as SQLAlchemy reads them.

Earlier releases read ``duckdb:///warehouse.db`` as ``/warehouse.db``. For one
release, :func:`parse_url` warns when that reading would name a different,
existing file.

A trailing ``::schema.table`` (maskline's way of naming one table of a
database in a CLI argument) is split off into :attr:`EngineURL.table`.

>>> u = parse_url("postgresql://app:hunter2@db:5432/sales::public.t")
>>> u.engine.name, u.host, u.port, u.database, u.table, u.shown
('postgres', 'db', 5432, 'sales', 'public.t', 'postgresql://app:***@db:5432/sales')
>>> parse_url("duckdb:///warehouse.db").path, parse_url("duckdb:////data/w.db").path, parse_url("duckdb://").path
('warehouse.db', '/data/w.db', ':memory:')
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from maskline.errors import InputError


@dataclass(frozen=True)
class EngineURL:
    """A parsed database URI; :attr:`raw` keeps the password, :attr:`shown` hides it."""

    raw: str = field(repr=False)
    engine: Any  # EngineAdapter
    host: str | None
    port: int | None
    database: str | None
    table: str | None
    shown: str

    @property
    def path(self) -> str:
        """The database file of a file-based engine (``:memory:`` when none is named).

        >>> parse_url("duckdb:////data/w.db").path, parse_url("duckdb://").path
        ('/data/w.db', ':memory:')
        """
        return self.database or ":memory:"

    @property
    def scheme(self) -> str:
        """The scheme the URI was written with (``redshift`` and ``postgresql`` are one engine's, not one scheme).

        >>> parse_url("postgresql://db/sales").scheme, parse_url("redshift://db/sales").scheme
        ('postgresql', 'redshift')
        """
        return self.raw.partition("://")[0].lower()

    def connect(self, *, read_only: bool = False) -> Any:
        """Open a connection through the engine's adapter; the caller closes it. A scheme its adapter does not
        open (``athena://``, ``redshift://``: dialects maskline speaks, not URIs it opens) is refused here, so
        the message names what maskline opens rather than the driver's error.

        >>> con = parse_url("duckdb://").connect()
        >>> con.sql("SELECT 42").fetchall()
        [(42,)]
        >>> parse_url("athena://host/db").connect()
        Traceback (most recent call last):
        ...
        maskline.errors.UnsupportedDialectError: maskline cannot open athena URIs itself (at athena://host/db)...
        """
        from maskline.errors import UnsupportedDialectError

        if self.scheme not in self.engine.url_schemes:
            raise UnsupportedDialectError(f"maskline cannot open {self.scheme} URIs itself", where=self.shown,
                                          fix=unreadable_uri_fix())
        return self.engine.connect(self, read_only=read_only)


def unreadable_uri_fix() -> str:
    """The fix for a URI of an engine maskline does not read itself: what it reads, with each extra, and the ways
    round it (a file export; from Python, a connection of one's own).

    >>> print(unreadable_uri_fix())  # doctest: +ELLIPSIS
    maskline reads duckdb:// (installed with maskline), postgresql:// or postgres:// (pip install 'maskline[postgres]'), ...; for another engine, export the table to CSV or Parquet and use the file, or from Python pass in a connection you opened
    """
    from maskline.adapters import readable_uris

    return ("maskline reads " + readable_uris() + "; for another engine, export the table to CSV or Parquet and "
            "use the file, or from Python pass in a connection you opened")


def _shown(scheme: str, netloc: str, rest: str) -> str:
    if "@" in netloc:
        creds, _, hostpart = netloc.rpartition("@")
        user = creds.split(":", 1)[0]
        netloc = f"{user}:***@{hostpart}" if ":" in creds else f"{user}@{hostpart}"
    return f"{scheme}://{netloc}{rest}"


def parse_url(uri: str, *, where: str = "the URI") -> EngineURL:
    """Parse ``uri`` (optionally ending in ``::schema.table``) into an :class:`EngineURL`.

    The password stays in :attr:`EngineURL.raw` only; what errors and logs print is :attr:`EngineURL.shown`.

    >>> u = parse_url("postgresql://ann:s3cret@db.example.com:5432/shop::public.customers")
    >>> u.engine.name, u.host, u.port, u.database, u.table
    ('postgres', 'db.example.com', 5432, 'shop', 'public.customers')
    >>> u.shown
    'postgresql://ann:***@db.example.com:5432/shop'
    >>> parse_url("duckdb:///warehouse.db::main.orders").path
    'warehouse.db'
    """
    from maskline.adapters import engine, url_schemes
    from maskline.errors import UnsupportedDialectError, closest

    base, sep, table = uri.partition("::")
    if "://" not in base:
        raise InputError("not a database URI", where=where,
                         fix="use scheme://..., e.g. duckdb:///warehouse.db or postgresql://user@host/db")
    scheme, _, after = base.partition("://")
    try:
        adapter = engine(scheme, where=where)
    except UnsupportedDialectError as e:  # the schemes a URI may have: those maskline opens, not every dialect name
        best = closest(scheme, url_schemes())  # a typo (postgress://) gets its one fix; another engine, the list
        raise UnsupportedDialectError(e.what, where=e.where,
                                      fix=f"did you mean {best!r}?" if best else unreadable_uri_fix()) from None
    netloc, slash, rest = after.partition("/")
    shown = _shown(scheme, netloc, slash + rest)
    if adapter.file_based:
        database = unquote(rest.split("?", 1)[0]) or None
        if database in (":memory:",):
            database = None
        _warn_if_old_reading_differs(scheme, database)
        return EngineURL(uri, adapter, None, None, database, table if sep else None, shown)
    parts = urlsplit(f"{scheme}://{after}")
    try:
        port = parts.port
    except ValueError:
        # Not ``shown``: what stands where the port goes is not a port, and may be anything (a password typed
        # one field too late).
        where = _shown(scheme, netloc.rpartition(":")[0] + ":<port>", slash + rest)
        raise InputError("the URI's port is not a number", where=where, fix="use host:5432") from None
    return EngineURL(uri, adapter, parts.hostname, port, unquote(parts.path.lstrip("/")) or None,
                     table if sep else None, shown)


def _warn_if_old_reading_differs(scheme: str, path: str | None) -> None:
    """Warn (one release) when the old reading of ``scheme:///path`` (as ``/path``) names another, existing file."""
    if not path or path.startswith("/"):
        return
    old = Path("/" + path)
    if old.exists() and old.resolve() != Path(path).resolve():
        warnings.warn(
            f"{scheme}:///{path} now means the relative path {path!r} (SQLAlchemy's rule); earlier releases "
            f"read it as {str(old)!r}. Write {scheme}:////{path} for the absolute path.",
            FutureWarning, stacklevel=3)
