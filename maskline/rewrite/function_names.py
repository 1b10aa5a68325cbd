"""How a refusal names a function the query called: as written, in lower case, when the name is proven structure.

A refusal that says ``table function READCSV`` names sqlglot's class, not what the user typed (``read_csv``), and
one that says only ``the function at line 1, column 8`` leaves the user to count characters. The function is named
as written, lower case, with its line and column, when the text at the place the parser recorded for its name is a
name from a catalogue, never from the query:

* sqlglot's own names for the class it parsed the call into (``read_csv`` and ``read_csv_auto`` are ``ReadCSV``);
* the dialect's engine's built-in functions (``data/builtin_functions_<dialect>.txt``, read from the engines' own
  catalogues: DuckDB's ``duckdb_functions()``, PostgreSQL's ``pg_catalog.pg_proc``, Trino's ``SHOW FUNCTIONS``).

Anything else (a name nobody ships, which may be a value typed where a name goes: ``"219-09-9999"(ssn)``,
``x98234571(b)``) is placed by line and column only (:func:`maskline.rewrite.mentions.mention`).

>>> import sqlglot
>>> q = "SELECT * FROM read_csv('/etc/passwd')"
>>> named("table function", sqlglot.parse_one(q, read="duckdb").find(sqlglot.exp.ReadCSV), q, "duckdb")
'table function read_csv at line 1, column 15'
>>> q = "SELECT x98234571(b) FROM t"
>>> named("function", sqlglot.parse_one(q).selects[0], q, "duckdb")
'the function at line 1, column 8'
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from sqlglot import exp

from maskline.rewrite.functions import sql_names
from maskline.rewrite.mentions import at, mention

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@functools.cache
def builtin_functions(dialect: str) -> frozenset[str]:
    """The engine's built-in function names for ``dialect``, lower case; empty for a dialect without a list.

    >>> "read_csv" in builtin_functions("duckdb"), "pg_read_file" in builtin_functions("postgres")
    (True, True)
    >>> builtin_functions("sqlite")
    frozenset()
    """
    try:
        text = resources.files("maskline.rewrite").joinpath(f"data/builtin_functions_{dialect}.txt").read_text()
    except (FileNotFoundError, OSError):
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def written_name(node: exp.Expr, text: str | None, dialect: str) -> str | None:
    """The name ``node`` (a function call) was written with, lower case, when it is a catalogued name; else None.

    >>> import sqlglot
    >>> q = "SELECT RANDOM() FROM t"
    >>> written_name(sqlglot.parse_one(q, read="postgres").selects[0], q, "postgres")
    'random'
    >>> written_name(sqlglot.parse_one(q, read="postgres").selects[0], None, "postgres") is None
    True
    """
    meta = node._meta if isinstance(node, exp.Func) else None
    if not text or not meta:
        return None
    start, end = meta.get("start"), meta.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end < len(text)):
        return None
    written = text[start:end + 1]
    if not _NAME.fullmatch(written):  # a quoted name, or a place that is not the name
        return None
    lowered = written.lower()
    known = not isinstance(node, (exp.Anonymous, exp.AnonymousAggFunc)) and lowered in sql_names(node)
    return lowered if known or lowered in builtin_functions(dialect) else None


def named(kind: str, node: exp.Expr, text: str | None, dialect: str) -> str:
    """``kind name at line L, column C`` for a catalogued name (:func:`written_name`), else ``node`` by its place.

    >>> import sqlglot
    >>> q = "SELECT pg_read_file('x')"
    >>> named("function", sqlglot.parse_one(q, read="postgres").selects[0], q, "postgres")
    'function pg_read_file at line 1, column 8'
    """
    name = written_name(node, text, dialect)
    if name is None:
        return mention(kind, node)
    place = at(node)
    return f"{kind} {name} at {place}" if place else f"{kind} {name}"
