"""A query's text without its literals, for everywhere a query is shown or stored rather than run.

Rendered template fields, logs and lineage events keep the *shape* of a query, never the values a user
typed into it: every literal (strings in any spelling, numbers, dates) becomes a placeholder. This is built
from the parse tree, not by matching patterns in text; a query that does not parse is withheld whole.

>>> without_literals("SELECT id FROM customers WHERE ssn = '219-09-9999' AND tier > 2")
'SELECT id FROM customers WHERE ssn = ? AND tier > ?'
>>> without_literals("SELECT (((")
'<query withheld: it does not parse>'
"""

from __future__ import annotations

WITHHELD = "<query withheld: it does not parse>"


def without_literals(sql: str, dialect: str | None = None) -> str:
    """``sql`` with every literal replaced by ``?`` (or a fixed notice when it does not parse)."""
    import sqlglot
    from sqlglot import exp
    from sqlglot.errors import SqlglotError

    from maskline.rewrite.provenance import OTHER_CONSTANTS

    try:
        statements = [s for s in sqlglot.parse(sql, read=dialect or None) if s is not None]
    except SqlglotError:
        return WITHHELD
    out = []
    for statement in statements:
        for node in list(statement.find_all(exp.Literal, *OTHER_CONSTANTS)):
            node.replace(exp.Placeholder())
        out.append(statement.sql(dialect=dialect or None))
    return "; ".join(out)
