"""Trino: connecting, and the key as bound parameters (Trino has no session variables).

Masking SQL for Trino reads the key as ``FROM_HEX(:maskline_salt)`` (its native ``hmac_sha256`` takes the key
itself, and ``hash``/``fake`` salt with it, so the pads are never needed). :func:`bind_key` turns every such
reference into a positional ``?`` and returns the matching parameters, which the client sends with the query
(``EXECUTE IMMEDIATE ... USING``): the key is never in the SQL text, only in the server's query history,
among the statement's parameters.

>>> from sqlglot import exp
>>> from maskline.keys import KeyMaterial
>>> e = exp.select(exp.Anonymous(this="FROM_HEX", expressions=[exp.Placeholder(this="maskline_salt")]))
>>> sql, params = bind_key(e, KeyMaterial(b"k" * 16))
>>> sql, len(params), params[0] == (b"k" * 16).hex()
('SELECT FROM_HEX(?)', 1, True)
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlparse

from sqlglot import exp

from maskline.errors import InputError, KeyMissingError
from maskline.keys import KeyMaterial

KEY_PARAMETER = "maskline_salt"  # the one key value Trino's masking SQL reads (see maskline.dialects.trino)


def bind_key(expression: exp.Expression, key: KeyMaterial | None) -> tuple[str, list[str]]:
    """Trino SQL for ``expression`` with each key reference as ``?``, and the parameters to send with it.

    Any other placeholder is refused: parameters are positional, so a placeholder nobody binds would
    receive the key.
    """
    tree = expression.copy()
    params: list[str] = []
    for node in list(tree.find_all(exp.Placeholder)):
        if node.name != KEY_PARAMETER:
            raise InputError("the query holds a parameter maskline does not bind", where=f"placeholder {node.sql()}",
                             fix="write values into the query, or bind them yourself on a query without keyed methods")
        if key is None:
            raise KeyMissingError("the query reads keyed masked columns but no key was given",
                                  where="Trino parameters", fix="pass key=resolve_key(policy.key)")
        node.replace(exp.Placeholder())
        params.append(key.secret.hex())
    return tree.sql(dialect="trino"), params


def bind_key_in_sql(sql: str, key: KeyMaterial | None) -> tuple[str, list[str]]:
    """:func:`bind_key` for Trino SQL text that maskline compiled (``rewrite()``'s ``Rewritten.sql``).

    >>> bind_key_in_sql("SELECT 1", None)
    ('SELECT 1', [])
    """
    import sqlglot

    return bind_key(sqlglot.parse_one(sql, read="trino"), key)


def connect(url: str, *, catalog: str | None = None, schema: str | None = None, user: str | None = None,
            **options: Any) -> Any:
    """A DB-API connection to the Trino server at ``url`` (``http://host:port`` or ``trino://user@host:port/cat/sch``).

    ``options`` go to ``trino.dbapi.connect`` (``timezone=``, ``auth=``...).

    >>> connect("ftp://x")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: not a Trino URL: scheme 'ftp' (at Trino URL). Fix: use http://host:port or trino://user@host:port/catalog/schema
    """
    u = urlparse(url)
    if u.scheme not in ("http", "https", "trino"):
        raise InputError(f"not a Trino URL: scheme {u.scheme!r}", where="Trino URL",
                         fix="use http://host:port or trino://user@host:port/catalog/schema")
    parts = [unquote(p) for p in u.path.split("/") if p]
    import trino  # local: the client is the `trino` extra

    return trino.dbapi.connect(
        host=u.hostname or "localhost", port=u.port or (443 if u.scheme == "https" else 8080),
        http_scheme="https" if u.scheme == "https" else "http", user=user or unquote(u.username or "") or "maskline",
        catalog=catalog or (parts[0] if parts else None), schema=schema or (parts[1] if len(parts) > 1 else None),
        **options,
    )
