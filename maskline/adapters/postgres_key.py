"""Load the masking key into a PostgreSQL session without the key ever being in a statement's text.

psycopg2 interpolates bound parameters on the client, so ``set_config('maskline.ipad', %s, ...)`` sends the
key's hex inside the statement: ``pg_stat_activity.query`` shows it while it runs, and ``log_statement``,
``log_min_duration_statement`` and ``auto_explain`` keep it (``pg_stat_statements`` stores its constants
normalised). Server-side binding would keep it out of ``pg_stat_activity``, but ``log_statement=all`` logs
every bound parameter.

Here the key travels as ``COPY ... FROM STDIN`` data, which is no statement's text and which no statement
log records, into a temporary table of a random name created ``ON COMMIT DROP`` in the same transaction;
``set_config(..., true)`` then copies it into transaction-local settings, and the table is dropped. Inside a
transaction the settings end with it: on an autocommit connection, open the transaction first (as
:func:`maskline.rewrite.run.run_masked` does), or the settings are made session-wide for lack of one.

A read-only transaction cannot create the temporary table: at the start of such a transaction (before its
first query) it is made read-write for the key's four statements and read-only again before anything else
runs; later than that, loading fails closed.
"""

from __future__ import annotations

import io
import secrets
from typing import Any

from maskline.dialects.base import KEY_VALUES
from maskline.errors import KeyMissingError
from maskline.keys import KeyMaterial

# psycopg2's and psycopg 3's connection.info.transaction_status for "no transaction open".
_IDLE = 0


def key_copy_data(key: KeyMaterial) -> tuple[tuple[str, ...], str]:
    """The temporary table's column names and its one row of ``COPY`` text data (the key's values, in hex).

    >>> columns, data = key_copy_data(KeyMaterial(b"k" * 16))
    >>> columns, data.count("\\t"), data.endswith("\\n")
    (('ipad', 'opad', 'salt'), 2, True)
    """
    from maskline.adapters.base import key_values

    values = key_values(key)
    return tuple(values), "\t".join(v.hex() for v in values.values()) + "\n"


def in_transaction(connection: Any) -> bool:
    """Whether statements sent now run inside a transaction that ends later (not each on its own).

    >>> from types import SimpleNamespace
    >>> in_transaction(SimpleNamespace(autocommit=False))
    True
    >>> in_transaction(SimpleNamespace(autocommit=True, info=SimpleNamespace(transaction_status=0)))
    False
    """
    if not getattr(connection, "autocommit", False):
        return True  # the driver opens one before the first statement, and the caller ends it
    return int(connection.info.transaction_status) != _IDLE


def _copy_in(cursor: Any, sql: str, data: str) -> None:
    """``COPY ... FROM STDIN`` with ``data``, through psycopg2 (``copy_expert``) or psycopg 3 (``copy``)."""
    if hasattr(cursor, "copy_expert"):
        cursor.copy_expert(sql, io.StringIO(data))
        return
    with cursor.copy(sql) as copy:
        copy.write(data)


def key_temp_table(cursor: Any, key: KeyMaterial) -> str:
    """Create, in the open transaction, a temporary table (``ON COMMIT DROP``) holding ``key``'s values as hex text,
    sent as ``COPY`` data; return its qualified name. The statements name the table and its columns only.

    A recording double of a psycopg2 cursor (tests/rewrite/test_postgres_key_not_in_text.py runs the real one):

    >>> from types import SimpleNamespace
    >>> sent, copied = [], []
    >>> cursor = SimpleNamespace(execute=lambda sql, *a: sent.append(sql), copy_expert=lambda sql, f: copied.append(f.read()))
    >>> table = key_temp_table(cursor, KeyMaterial(b"k" * 16))
    >>> table.startswith("pg_temp.maskline_key_"), any("6b6b" in s for s in sent), all("6b6b" in c for c in copied)
    (True, False, True)
    """
    # A random name: nothing in the session can have prepared a table (a trigger, a rule) under it.
    table = f"pg_temp.maskline_key_{secrets.token_hex(16)}"
    columns, data = key_copy_data(key)
    cursor.execute(f"CREATE TEMPORARY TABLE {table} ("
                   + ", ".join(f"{c} pg_catalog.text NOT NULL" for c in columns) + ") ON COMMIT DROP")
    _copy_in(cursor, f"COPY {table} ({', '.join(columns)}) FROM STDIN", data)
    return table


def load_key_by_copy(connection: Any, cursor: Any, key: KeyMaterial) -> bool:
    """Put ``key`` into ``maskline.ipad``/``opad``/``salt`` of the session; returns whether transaction-local.

    Every statement sent names tables and settings only; the key is ``COPY`` data. Transaction-local when
    ``connection`` is in (or, not autocommit, about to open) a transaction, so the key ends with it.

    A recording double of a psycopg2 cursor (the doctest has no server; tests/rewrite/test_postgres_key_not_in_text.py
    runs the real one) shows what is sent as statements and what as ``COPY`` data:

    >>> from types import SimpleNamespace
    >>> sent, copied = [], []
    >>> cursor = SimpleNamespace(execute=lambda sql, *a: sent.append(sql), fetchone=lambda: ("off",),
    ...                          fetchall=lambda: [], copy_expert=lambda sql, f: copied.append(f.read()))
    >>> load_key_by_copy(SimpleNamespace(autocommit=False), cursor, KeyMaterial(b"k" * 16))
    True
    >>> any("6b6b6b6b" in s for s in sent), all("6b6b6b6b" in c for c in copied)
    (False, True)
    >>> [" ".join(s.split()[:2]) for s in sent]
    ['SHOW transaction_read_only', 'CREATE TEMPORARY', "SELECT pg_catalog.set_config('maskline.ipad',", 'DROP TABLE']
    """
    local = in_transaction(connection)
    if not local:
        cursor.execute("BEGIN")  # the temporary table lives for this block only; the settings outlive it
    try:
        _load(cursor, key, local)
    except BaseException:
        if not local:
            cursor.execute("ROLLBACK")
        raise
    if not local:
        cursor.execute("COMMIT")
    return local


def _load(cursor: Any, key: KeyMaterial, local: bool) -> None:
    # SHOW takes no snapshot, so a read-only transaction can still be made read-write after it.
    cursor.execute("SHOW transaction_read_only")
    row = cursor.fetchone()
    read_only = bool(row) and str(row[0]).lower() == "on"
    if read_only:
        try:
            cursor.execute("SET TRANSACTION READ WRITE")
        except Exception:  # noqa: BLE001 - the engine's text is not forwarded; the cause is known from structure
            raise KeyMissingError(
                "the masking key cannot be loaded into this read-only PostgreSQL transaction: it already ran a "
                "query, and the key's temporary table needs a transaction that has not", where="load_key",
                fix="load the key at the start of the transaction (run_masked does so on an autocommit "
                    "connection)") from None
    table = key_temp_table(cursor, key)
    columns = KEY_VALUES  # key_temp_table's columns
    scope = "true" if local else "false"
    # Qualified set_config and no operator: nothing on the session's search path is handed the key.
    cursor.execute("SELECT " + ", ".join(f"pg_catalog.set_config('maskline.{c}', k.{c}, {scope})" for c in columns)
                   + f" FROM {table} AS k")
    cursor.fetchall()
    cursor.execute(f"DROP TABLE {table}")
    if read_only:
        cursor.execute("SET TRANSACTION READ ONLY")  # the masked query runs read-only, as the caller asked


def forget_key(cursor: Any) -> None:
    """Empty ``maskline.ipad``/``opad``/``salt`` for the rest of the open transaction: a masked query that ran in the
    caller's own transaction (psycopg2's default, a pooled connection) leaves no key to its later statements.

    >>> from types import SimpleNamespace
    >>> sent = []
    >>> forget_key(SimpleNamespace(execute=lambda sql, *a: sent.append(sql), fetchall=lambda: []))
    >>> sent[0].count("set_config"), "''" in sent[0]
    (3, True)
    """
    cursor.execute("SELECT " + ", ".join(f"pg_catalog.set_config('maskline.{c}', '', true)" for c in KEY_VALUES))
    cursor.fetchall()
