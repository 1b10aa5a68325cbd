"""Which row limits a masked query may write, per dialect: ``FETCH ... WITH TIES`` and ``PERCENT`` as data.

A row limit the engine does not have is either an engine error after the key was loaded (PostgreSQL: ``WITH TIES``
without ``ORDER BY``, ``LIMIT 50 PERCENT``) or, worse, a different query: sqlglot prints DuckDB's ``FETCH FIRST 1
ROWS WITH TIES`` as ``LIMIT 1`` and ``FETCH FIRST 50 PERCENT ROWS ONLY`` as ``LIMIT 50``, so the rows that came back
were not the rows asked for. Each is refused before anything runs, placed by line and column, with the form the
engine has. What each engine has (measured on DuckDB 1.x, PostgreSQL 15 and Trino 476):

* ``WITH TIES``: PostgreSQL and Trino, and only after an ``ORDER BY`` in the same SELECT (the ties are of that order);
  DuckDB has none.
* ``PERCENT``: DuckDB's ``LIMIT n%`` only; no engine here has ``FETCH ... PERCENT``.

>>> import sqlglot
>>> check_row_limits(sqlglot.parse_one("SELECT a FROM t ORDER BY a FETCH FIRST 1 ROWS WITH TIES", read="postgres"),
...                  "postgres")
>>> check_row_limits(sqlglot.parse_one("SELECT a FROM t FETCH FIRST 1 ROWS WITH TIES", read="postgres"), "postgres")
Traceback (most recent call last):
...
maskline.errors.RewriteRefused: FETCH ... WITH TIES without ORDER BY is not allowed: the ties are those of the SELECT's ORDER BY (at FETCH, its count at line 1, column 29). Fix: add ORDER BY to the SELECT whose FETCH keeps ties, or write FETCH FIRST n ROWS ONLY
"""

from __future__ import annotations

from sqlglot import exp

from maskline.errors import RewriteRefused
from maskline.rewrite.mentions import at

#: Dialects whose engine has ``FETCH FIRST n ROWS WITH TIES`` (after an ORDER BY).
WITH_TIES = frozenset({"postgres", "trino"})
#: Dialects whose engine has ``LIMIT n PERCENT`` (DuckDB's ``LIMIT n%``).
LIMIT_PERCENT = frozenset({"duckdb"})


def _where(node: exp.Expr) -> str:
    """``FETCH``/``LIMIT`` and, when the parse kept one, the place of its count (the clause keeps none)."""
    place = at(node)
    keyword = "FETCH" if isinstance(node, exp.Fetch) else "LIMIT"
    return f"{keyword}, its count at {place}" if place else keyword


def check_row_limits(query: exp.Expr, dialect: str) -> None:
    """Refuse a ``FETCH``/``LIMIT`` whose options ``dialect``'s engine does not have (see the module's table).

    >>> import sqlglot
    >>> check_row_limits(sqlglot.parse_one("SELECT a FROM t LIMIT 10%", read="duckdb"), "duckdb")
    >>> check_row_limits(sqlglot.parse_one("SELECT a FROM t ORDER BY a FETCH FIRST 1 ROWS WITH TIES",
    ...                                    read="duckdb"), "duckdb")
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: FETCH ... WITH TIES is not allowed on duckdb, which has no WITH TIES (at FETCH, its count at line 1, column 40). Fix: keep the ties with a window: QUALIFY rank() OVER (ORDER BY ...) <= n
    """
    for node in query.find_all(exp.Fetch, exp.Limit):
        options = node.args.get("limit_options")
        if not isinstance(options, exp.LimitOptions):
            continue
        if options.args.get("percent") and (isinstance(node, exp.Fetch) or dialect not in LIMIT_PERCENT):
            raise RewriteRefused(f"{'FETCH' if isinstance(node, exp.Fetch) else 'LIMIT'} ... PERCENT is not "
                                 f"allowed on {dialect or 'this dialect'}, which would not limit the rows to that "
                                 "share", where=_where(node),
                                 fix="limit by a count of rows (LIMIT n)" + ("; on DuckDB LIMIT n% keeps a share"
                                                                              if dialect in LIMIT_PERCENT else ""))
        if options.args.get("with_ties"):
            if dialect not in WITH_TIES:
                raise RewriteRefused(f"FETCH ... WITH TIES is not allowed on {dialect or 'this dialect'}, which has "
                                     "no WITH TIES", where=_where(node),
                                     fix="keep the ties with a window: QUALIFY rank() OVER (ORDER BY ...) <= n")
            select = node.parent
            if not isinstance(select, exp.Query) or not select.args.get("order"):
                raise RewriteRefused("FETCH ... WITH TIES without ORDER BY is not allowed: the ties are those of "
                                     "the SELECT's ORDER BY", where=_where(node),
                                     fix="add ORDER BY to the SELECT whose FETCH keeps ties, or write FETCH FIRST "
                                         "n ROWS ONLY")
