"""Printing every call by name as a call of one schema: the printers of DuckDB (``system.main.``), Trino
(``system.builtin.``) and PostgreSQL (``pg_catalog.``) share it.

Each engine resolves an unqualified function name along something the session controls (DuckDB's macros, Trino's SQL
path, PostgreSQL's ``search_path``); a name written ``<schema>.<name>`` is the built-in whatever the session holds
(:mod:`maskline.dialects.duckdb_builtins`, :mod:`maskline.dialects.trino_builtins`,
:mod:`maskline.dialects.postgres_catalog` say why, each for its engine). The three differ only in the schema, in
whether the name is quoted, and in which names are the engine's syntax rather than a call, and so stay unqualified
(:meth:`QualifiedCalls.called_by_name`).

>>> import sqlglot
>>> from sqlglot.dialects.postgres import Postgres
>>> class Pinned(Postgres):
...     class Generator(QualifiedCalls, Postgres.Generator):
...         QUALIFIER = "pg_catalog."
...         SPECIAL_FORMS = frozenset({"coalesce"})
>>> sqlglot.transpile("SELECT Lower(a), COALESCE(b, 1), s.f(c) FROM t", read="postgres", write=Pinned)[0]
'SELECT pg_catalog.lower(a), COALESCE(b, 1), s.f(c) FROM t'
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from sqlglot.generator import Generator

#: A name an engine reads as written, unquoted: only such a call is qualified (any other is printed as written).
PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class QualifiedCalls(Generator):
    """A mixin for a sqlglot dialect's ``Generator`` (listed before it): every call by a plain name is printed
    ``<QUALIFIER><name>(...)``, the name in lower case as the catalogs spell it (quoted when ``QUOTE_NAME``), except
    where :meth:`called_by_name` says the engine reads the name as syntax.

    >>> class Trino(QualifiedCalls):
    ...     QUALIFIER, QUOTE_NAME = "system.builtin.", True
    >>> Trino().func("TRIM", "x")
    'system.builtin."trim"(x)'
    """

    QUALIFIER: ClassVar[str] = ""
    QUOTE_NAME: ClassVar[bool] = False
    #: names (lower case) the engine's grammar turns into syntax, not a lookup by name: printed as written
    SPECIAL_FORMS: ClassVar[frozenset[str]] = frozenset()

    def called_by_name(self, name: str, args: tuple[Any, ...]) -> bool:
        """Whether the engine looks ``name`` (lower case) up by name, called with ``args``: unless a special form.

        >>> QualifiedCalls().called_by_name("lower", ("x",))
        True
        """
        return name not in self.SPECIAL_FORMS

    def func(self, name: str, *args: Any, prefix: str = "(", suffix: str = ")", normalize: bool = True) -> str:
        # normalize=False: a call the SQL qualified itself (sqlglot's anonymous_sql): maskline's own
        # maskline_private.<fn>, or a user's, which names its catalog (the rewrite's allow-list refuses it).
        if normalize and prefix == "(" and PLAIN_NAME.fullmatch(name) and self.called_by_name(name.lower(), args):
            called = f'"{name.lower()}"' if self.QUOTE_NAME else name.lower()
            return f"{self.QUALIFIER}{called}({self.format_args(*args)}{suffix}"
        return super().func(name, *args, prefix=prefix, suffix=suffix, normalize=normalize)


__all__ = ["PLAIN_NAME", "QualifiedCalls"]
