"""A tokenized value written a second time in the query: refused, so the value never reaches the SQL that runs.

``filter_literals: tokenize`` turns ``WHERE passport = 'X98234571'`` into ``WHERE passport = '<token>'``, so the
value stays out of the SQL the engine runs and keeps (its logs, ``pg_stat_activity``, ``pg_stat_statements``,
Trino's query history) and out of lineage. The same value written anywhere else in the query was carried there
whole, beside its token: an output named after it (``SELECT count(*) AS "X98234571"``, an agent's habit of naming
results after what they count), a CTE or table alias, or a literal compared with a column nothing masks
(``AND city = 'X98234571'``). The comparison says the value is sensitive; the query is refused when the value
appears in any text it chose (a literal or a name it defined), by where it is, never by echoing it.

Names that resolve to the catalog's tables and columns are structure, not text the query chose, and are left out:
``WHERE username = 'city'`` does not make the column ``city`` an echo.

>>> import sqlglot
>>> tree = sqlglot.parse_one("SELECT id AS x98234571 FROM t WHERE passport = 'tok'")
>>> refuse_echoes(tree, [("X98234571", "t.passport")], known=("t", "id", "passport"))
Traceback (most recent call last):
...
maskline.errors.RewriteRefused: the value of a literal tokenized for sensitive column t.passport is written again in the query, in a name the query defines at line 1, column 14: that text would reach the SQL that runs whole, beside its token (at policy rewrite.filter_literals: tokenize). Fix: write the value only where it is compared with the column (it becomes its token there), and name outputs and aliases without it
>>> refuse_echoes(tree, [("tok2", "t.passport")], known=("t", "id", "passport"))  # nothing else holds it
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlglot import exp

from maskline.errors import RewriteRefused
from maskline.rewrite.mentions import at, position
from maskline.rewrite.provenance import OTHER_CONSTANTS
from maskline.rewrite.trace import MASKED_META

# Shorter values are looked for as a whole text only: a value of two or three characters ("NY", "Ana") is inside
# many names and words by chance, and a refusal for "county" after ``state = 'NY'`` would be noise.
MIN_CONTAINED = 4
# Parents whose identifier names a relation or a column the query reads: resolved against the catalog (or defined
# by the query, where the definition is checked itself), not text of its own.
_REFERENCES: tuple[type[exp.Expr], ...] = (exp.Column, exp.Table, exp.Dot)


def _holds(text: str, value: str) -> bool:
    """Whether ``text`` shows ``value`` (case-insensitive; contained, for a value of :data:`MIN_CONTAINED` or more)."""
    text, value = text.casefold(), value.casefold()
    return value == text if len(value) < MIN_CONTAINED else value in text


def _texts(tree: exp.Expr, known: Collection[str]) -> list[tuple[exp.Expr, str, str]]:
    """Every text the query chose: its literals (not the tokens the rewrite wrote) and the names it defines (aliases,
    CTE and window names), each with where it is and what it is; a name equal to a catalog name is structure."""
    structure = {k.casefold() for k in known}
    out: list[tuple[exp.Expr, str, str]] = []
    for node in tree.walk():
        if isinstance(node, (exp.Literal, *OTHER_CONSTANTS)):
            if not node.meta_get(MASKED_META) and isinstance(node.this, str):
                out.append((node, node.this, "a literal"))
        elif (isinstance(node, exp.Identifier) and not isinstance(node.parent, _REFERENCES)
              and node.name.casefold() not in structure):
            out.append((node, node.name, "a name the query defines"))
    return out


def refuse_echoes(tree: exp.Expr, tokenized: Sequence[tuple[str, str]], known: Collection[str] = ()) -> None:
    """Refuse ``tree`` when a value tokenized in it (``(text, column)`` pairs, the column as ``table.column``) is
    written again in a literal or a name it defines; ``known`` are the catalog's table and column names.

    >>> import sqlglot
    >>> tree = sqlglot.parse_one("SELECT id FROM t WHERE passport = 'tok' AND city = 'X98234571'")
    >>> refuse_echoes(tree, [("X98234571", "t.passport")], known=("t", "id", "city"))
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the value of a literal tokenized for sensitive column t.passport is written again in the query, in a literal at line 1, column 52: ...
    """
    values = [(v, column) for v, column in tokenized if v.strip()]
    if not values:
        return
    hits = [(node, kind, column) for node, text, kind in _texts(tree, known)
            for value, column in values if _holds(text, value)]
    if not hits:
        return
    # The first place the query wrote it: a name qualification added (a table's implied alias) has no place.
    node, kind, column = min(hits, key=lambda h: position(h[0]) or (1 << 30, 0))
    place = at(node)
    raise RewriteRefused(
        f"the value of a literal tokenized for sensitive column {column} is written again in the query, "
        f"in {kind}{' at ' + place if place else ''}: that text would reach the SQL that runs whole, "
        "beside its token", where="policy rewrite.filter_literals: tokenize",
        fix="write the value only where it is compared with the column (it becomes its token there), "
            "and name outputs and aliases without it")
