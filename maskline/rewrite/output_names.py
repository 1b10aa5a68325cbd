"""The output columns' names as the engine itself would give them, on engines that keep the case written.

sqlglot's qualification folds every name to the dialect's case. DuckDB and SQLite compare names without regard to
case but keep the spelling the query wrote for an expression or alias (the catalog's for ``*`` and a bare column), so the rewritten query returned
``e-mail address`` and ``postcode`` where the same query over masked copies returns ``E-Mail Address`` and
``PostCode``: a caller's ``df["PostCode"]`` failed. PostgreSQL, Snowflake and Trino fold names themselves, so
their folded names are already the engine's. Only the outermost SELECT's aliases are restored, and only to a
spelling equal to the folded name but for case, so no name the query did not write or the catalog does not hold
appears.

>>> import sqlglot
>>> from sqlglot.optimizer.qualify import qualify
>>> tree = sqlglot.parse_one('SELECT "E-Mail Address", zip AS PostCode FROM t', read="duckdb")
>>> names = written_names(tree, "duckdb")
>>> q = qualify(tree, dialect="duckdb", schema={"t": {"E-Mail Address": "text", "zip": "text"}})
>>> restore_names(q, names, {"t": {"E-Mail Address": "text", "zip": "text"}})
['E-Mail Address', 'PostCode']
>>> q.sql("duckdb")
'SELECT "t"."e-mail address" AS "E-Mail Address", "t"."zip" AS "PostCode" FROM "t" AS "t"'
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlglot import exp

# the engines maskline runs whose result names keep the case the query (or the catalog) spelled them in
CASE_KEEPING = frozenset({"duckdb", "sqlite"})


def written_names(tree: exp.Expr, dialect: str) -> list[tuple[str, bool]] | None:
    """The outermost SELECT's output names as the engine would take them from the query, read before
    qualification folds them; None where the engine folds names itself, or the outputs are no SELECT list's.

    Each is ``(name as written, whether the catalog's spelling comes first)``: ``*`` and a bare column are named
    as the catalog spells them, however the query wrote it (a CTE's column, which no catalog holds, as written).

    >>> import sqlglot
    >>> written_names(sqlglot.parse_one("SELECT phone, count(*) AS N, * FROM t"), "duckdb")
    [('phone', True), ('N', False), ('', True)]
    >>> written_names(sqlglot.parse_one("SELECT Phone FROM t"), "postgres") is None
    True
    >>> written_names(sqlglot.parse_one("SELECT Phone AS Contact FROM t UNION ALL SELECT email FROM t"), "duckdb")
    [('Contact', False)]
    """
    if dialect not in CASE_KEEPING:
        return None
    tree = _first_select(tree)
    if not isinstance(tree, exp.Select):
        return None
    return [("", True) if e.is_star else (e.alias_or_name, isinstance(e, exp.Column)) for e in tree.expressions]


def _first_select(tree: exp.Expr) -> exp.Expr:
    """The SELECT whose list names a query's outputs: a set operation's (UNION...) leftmost arm's."""
    while isinstance(tree, exp.SetOperation):
        tree = tree.this
    return tree


def restore_names(qualified: exp.Expr, written: list[tuple[str, bool]] | None,
                  schema: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Give the outermost SELECT of ``qualified`` back the names ``written`` where the list still lines up with
    its outputs (no ``*``), else the catalog's spelling of a column name ``schema`` holds once; returns every
    output's name, in order (empty when nothing was to be restored).

    >>> import sqlglot
    >>> from sqlglot.optimizer.qualify import qualify
    >>> tree = sqlglot.parse_one("SELECT * FROM t", read="duckdb")
    >>> names = written_names(tree, "duckdb")
    >>> restore_names(qualify(tree, dialect="duckdb", schema={"t": {"Phone": "text"}}), names, {"t": {"Phone": "text"}})
    ['Phone']
    """
    qualified = _first_select(qualified)
    if written is None or not isinstance(qualified, exp.Select):
        return []
    outputs = qualified.expressions
    aligned = len(written) == len(outputs)
    spelled: dict[str, set[str]] = {}
    for columns in schema.values():
        for column in columns:
            spelled.setdefault(column.lower(), set()).add(column)
    names: list[str] = []
    for i, output in enumerate(outputs):
        folded = output.alias_or_name
        as_written, catalog_first = written[i] if aligned else ("", True)
        candidates = spelled.get(folded.lower(), set())  # the catalog's one spelling of it, if it holds one
        catalog_spelling = next(iter(candidates)) if len(candidates) == 1 else ""
        preferred = (catalog_spelling or as_written) if catalog_first else (as_written or catalog_spelling)
        name = preferred or folded
        if name != folded and name.lower() == folded.lower() and isinstance(output, exp.Alias):
            output.set("alias", exp.to_identifier(name, quoted=True))
            folded = name
        names.append(folded)
    return names
