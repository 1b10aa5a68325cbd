"""The ``--database`` of ``maskline mcp``: opened read-only, one connection per tool call, with a timeout.

The URIs are the ones ``maskline scan`` and ``maskline sql --schema-from`` accept:

* ``duckdb:///relative.duckdb``, ``duckdb:////absolute.duckdb`` (or a path ending in ``.duckdb``): opened with
  ``read_only=True``; :func:`maskline.rewrite.run.run_masked` then turns off external
  access and locks the configuration;
* ``postgresql://user@host/db``: a read-only session with ``statement_timeout``.
  Use the reader role of ``maskline protect`` (and ``--masked-schema``) so the
  login itself cannot read raw tables.

SQLite URIs are refused: the query rewrite has no SQLite function allow-list yet.

>>> Database.from_uri("duckdb:///x.duckdb").dialect
'duckdb'
>>> Database.from_uri("postgresql://reader@db/prod").dialect
'postgres'
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from maskline.errors import InputError


@dataclass(frozen=True)
class Database:
    """Where the tools read: a DuckDB file or a PostgreSQL DSN, and its rewrite dialect.

    >>> import duckdb, os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "w.duckdb")
    >>> duckdb.connect(path).execute("CREATE TABLE t (id INTEGER)").close()
    >>> db = Database.from_uri(path)
    >>> db.check()  # the file exists
    >>> with db.connect() as con, db.deadline(con, timeout=5):  # read-only, interrupted after 5 s
    ...     db.table_names(con), con.execute("SELECT 42").fetchall()
    (['t'], [(42,)])
    >>> Database.from_uri("/nowhere/missing.duckdb").check()
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: DuckDB file /nowhere/missing.duckdb does not exist (at --database). Fix: check the path
    """

    uri: str
    dialect: str
    path: str = ""

    @classmethod
    def from_uri(cls, uri: str) -> Database:
        """Parse ``uri`` (SQLAlchemy's rules, :mod:`maskline.adapters.url`); an unsupported engine is an
        :class:`~maskline.errors.InputError` that says which work.

        >>> Database.from_uri("sqlite:///x.db")
        Traceback (most recent call last):
        ...
        maskline.errors.InputError: maskline mcp cannot query sqlite databases (at --database). Fix: use duckdb:///file.duckdb or postgresql://...
        """
        from maskline.adapters.url import parse_url

        if "://" not in uri and Path(uri).suffix.lower() in (".duckdb", ".ddb"):
            uri = "duckdb:///" + uri  # a bare DuckDB file path, relative or absolute
        url = parse_url(uri, where="--database")
        if url.engine.name not in ("duckdb", "postgres"):
            raise InputError(f"maskline mcp cannot query {url.engine.name} databases", where="--database",
                             fix="use duckdb:///file.duckdb or postgresql://...")
        return cls(uri, url.engine.name, url.path if url.engine.file_based else "")

    @property
    def namespace(self) -> str:
        """The OpenLineage namespace of the database (no user, no password), by the rule maskline's operators
        use (:func:`maskline.lineage_names.table_namespace`).

        >>> Database.from_uri("postgresql://u:secret@db.local:5432/prod").namespace
        'postgres://db.local:5432'
        >>> Database.from_uri("duckdb:////data/w.duckdb").namespace
        'duckdb:///data/w.duckdb'

        A relative DuckDB path names the file by its absolute path, as the operators' connections do, so the
        same file is one dataset node whatever directory ``maskline mcp`` was started in:

        >>> import os
        >>> Database.from_uri("w.duckdb").namespace == "duckdb://" + os.path.abspath("w.duckdb")
        True
        """
        from maskline.adapters.url import parse_url
        from maskline.lineage_names import table_namespace

        url = parse_url(self.uri, where="--database")
        return table_namespace(url.engine.name, url.host, url.port, url.database)

    def check(self) -> None:
        """Fail at start-up, not at the first call, when a DuckDB file is missing or PostgreSQL does not let
        the server in (no server there, a wrong database, user or password): otherwise every tool call fails
        and the agent, who cannot fix it, is told to check its query.

        >>> Database.from_uri("postgresql://nobody:pw@127.0.0.1:9/x").check()  # no server on port 9
        Traceback (most recent call last):
        ...
        maskline.errors.InputError: cannot connect to PostgreSQL (at --database postgresql://nobody:***@127.0.0.1:9/x). Fix: check host, port, database and user in --database, and the password (in the URI or PGPASSWORD)
        """
        if self.dialect == "duckdb" and not Path(self.path).is_file():
            if Path(self.path).is_absolute():
                raise InputError(f"DuckDB file {self.path} does not exist", where="--database", fix="check the path")
            # A desktop client starts the server in a directory of its own choosing, so a relative path (three
            # slashes, SQLAlchemy's rule) names a file there: say where it was looked for, and how to name it whole.
            raise InputError(f"DuckDB file {self.path} does not exist in the working directory "
                             f"({Path(self.path).resolve()})", where="--database",
                             fix=f"check the path, or give it whole: duckdb:///{Path(self.path).resolve()} (four "
                                 "slashes in all: an MCP client starts the server in a directory of its own)")
        if self.dialect == "postgres":
            with self.connect():
                pass

    @contextmanager
    def connect(self, timeout: float | None = None) -> Iterator[Any]:
        """A read-only connection, closed on exit. On PostgreSQL every statement gets ``timeout`` seconds
        (``statement_timeout``); on DuckDB wrap the query in :meth:`deadline`."""
        if self.dialect == "postgres":
            import psycopg2

            options = f"-c statement_timeout={int(timeout * 1000)}" if timeout else None
            try:
                conn = psycopg2.connect(self.uri, options=options) if options else psycopg2.connect(self.uri)
            except psycopg2.Error:
                # The driver's message can quote the DSN (its password included): say what and where only.
                raise self._unreachable() from None
            try:
                # Autocommit: run_masked opens a transaction of its own per query, so the key is loaded at its
                # start and ends with it (maskline.adapters.postgres_key); every transaction is read-only.
                conn.set_session(readonly=True, autocommit=True)
                yield conn
            finally:
                conn.close()
            return
        from maskline.adapters.url import parse_url

        con = parse_url(self.uri, where="--database").connect(read_only=True)
        try:
            yield con
        finally:
            con.close()

    def _unreachable(self) -> InputError:
        from maskline.adapters.url import parse_url

        shown = parse_url(self.uri, where="--database").shown
        return InputError("cannot connect to PostgreSQL", where=f"--database {shown}",
                          fix="check host, port, database and user in --database, and the password (in the URI or "
                              "PGPASSWORD)")

    @contextmanager
    def deadline(self, connection: Any, timeout: float | None) -> Iterator[None]:
        """Interrupt what ``connection`` runs inside the block after ``timeout`` seconds (DuckDB; PostgreSQL's
        ``statement_timeout`` is set at connect). The engine then fails with a cancellation, reported value-free."""
        if not timeout or self.dialect != "duckdb":
            yield
            return
        # DuckDB's interrupt only stops a statement that is running: one sent between two statements (the
        # key setup and the query, on a loaded machine) is lost. So keep interrupting until the block ends.
        done = threading.Event()

        def interrupt_until_done() -> None:
            if done.wait(timeout):
                return
            while not done.is_set():
                connection.interrupt()
                done.wait(0.05)

        watcher = threading.Thread(target=interrupt_until_done, daemon=True)
        watcher.start()
        try:
            yield
        finally:
            done.set()
            watcher.join()

    def table_names(self, connection: Any, masked_schema: str | None = None) -> list[str]:
        """The base tables of the default schema (DuckDB ``main``, PostgreSQL ``current_schema()``), or the
        views of ``masked_schema`` (the only relations a PostgreSQL reader role can see)."""
        if masked_schema:
            sql = ("SELECT table_name FROM information_schema.tables WHERE table_type = 'VIEW' "
                   "AND table_schema = %s ORDER BY table_name")
            params: tuple[str, ...] = (masked_schema,)
        else:
            sql = ("SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                   "AND table_schema = current_schema() ORDER BY table_name")
            params = ()
        if self.dialect == "duckdb":
            return [r[0] for r in connection.execute(sql.replace("%s", "?"), params).fetchall()]
        with connection.cursor() as cur:
            cur.execute(sql, params)
            return [r[0] for r in cur.fetchall()]
