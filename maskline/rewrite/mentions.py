"""How a refusal refers to a name the query wrote: by the name only when it is proven structure.

A query's identifiers are text a person or an agent typed. A value typed where a name goes (``FROM x98234571``,
``"219-09-9999"(ssn)``) parses as a table or function name, and refusals reach logs, the CLI, MCP results and
lineage. So the echo is an allow-list, by construction: a refusal names a table, column or function only when
the caller proves it is structure (the catalog or policy the query path read, or the function allow-list) by
passing it in ``known``. Anything else is described by its kind and where it is (line and column), and the fix
names the closest *known* name, never the one written.

>>> import sqlglot
>>> tree = sqlglot.parse_one("SELECT x98234571(ssn) FROM customers")
>>> mention("function", tree.selects[0], "x98234571", known=("upper", "lower"))
'the function at line 1, column 8'
>>> mention("table", tree.find(sqlglot.exp.Table), "customers", known=("customers",))
'table customers'
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from sqlglot import exp

from maskline.errors import closest, shown_name

_POSITION_KEYS = ("line", "col", "start", "end")


def position(node: exp.Expr | None) -> tuple[int, int] | None:
    """Where ``node`` starts in the query, as (line, column), both from 1; None when the parse kept no place.

    sqlglot records where a token *ends* (``col``) and its character span (``start``, ``end``), on identifiers and
    functions but not on every node; the node's first such token (in the order it was written) stands for it.

    >>> import sqlglot
    >>> position(sqlglot.parse_one("SELECT a,\\n  foo(b) FROM t").selects[1])
    (2, 3)
    >>> position(sqlglot.parse_one("SELECT a FROM s.t").find(sqlglot.exp.Table))
    (1, 15)
    >>> position(None) is None
    True
    """
    if node is None:
        return None
    best: tuple[int, int, int] | None = None  # (start offset, line, column)
    for part in node.walk():
        meta = part._meta  # read without creating a meta dict on every node
        if not meta:
            continue
        line, col, start, end = (meta.get(k) for k in _POSITION_KEYS)
        if not (isinstance(line, int) and isinstance(col, int) and isinstance(start, int) and isinstance(end, int)):
            continue
        here = (start, line, col - (end - start))
        if best is None or here < best:
            best = here
    return (best[1], best[2]) if best is not None else None


def at(node: exp.Expr | None) -> str:
    """``line L, column C`` for ``node``, or ``""`` when its place is unknown.

    >>> import sqlglot
    >>> at(sqlglot.parse_one("SELECT bar(1)").selects[0]), at(None)
    ('line 1, column 8', '')
    """
    place = position(node)
    return f"line {place[0]}, column {place[1]}" if place else ""


def is_known(name: str, known: Collection[str]) -> bool:
    """Whether ``name`` is one of the proven names (case-insensitive, a dotted name by its whole or its last part).

    >>> is_known("Customers", ("main.customers",)), is_known("hr.customers", ("customers",)), is_known("x", ())
    (True, False, False)
    """
    lowered = {k.lower() for k in known}
    target = name.lower()
    return target in lowered or ("." not in target and target in {k.rsplit(".", 1)[-1] for k in lowered})


def mention(kind: str, node: exp.Expr | None, name: str | None = None, *, known: Collection[str] = ()) -> str:
    """How a refusal refers to the ``kind`` (table, function, column...) ``node`` the query wrote as ``name``.

    Named (as :func:`maskline.errors.shown_name` shows a name) only when ``name`` is in ``known``, the names the
    caller proves are structure; otherwise by kind and position, which say where to look without repeating
    what was typed there.

    >>> import sqlglot
    >>> table = sqlglot.parse_one('SELECT * FROM "219-09-9999"').find(sqlglot.exp.Table)
    >>> mention("table", table, table.name, known=("customers",)), mention("table", None, "zq", known=())
    ('the table at line 1, column 15', 'a table')
    """
    if name is not None and known and is_known(name, known):
        return f"{kind} {shown_name(*name.split('.'))}"
    where = at(node)
    return f"the {kind} at {where}" if where else f"a {kind}"


def counted(kind: str, nodes: Iterable[exp.Expr], verb: str) -> str:
    """``nodes`` (names the query wrote that are not proven structure) by kind, count and the first's position.

    ``verb`` is the rest of the sentence for one name (``is not in the schema``); ``is`` becomes ``are`` for more.

    >>> import sqlglot
    >>> tables = list(sqlglot.parse_one("SELECT * FROM zq1 JOIN zq2 ON true").find_all(sqlglot.exp.Table))
    >>> counted("table", tables, "is not in the schema")
    '2 tables are not in the schema (the first at line 1, column 15)'
    >>> counted("table", tables[:1], "is not in the schema")
    'the table at line 1, column 15 is not in the schema'
    """
    listed = list(nodes)
    places = sorted((p, i) for i, n in enumerate(listed) if (p := position(n)) is not None)
    first = listed[places[0][1]] if places else (listed[0] if listed else None)
    if len(listed) <= 1:
        return f"{mention(kind, first)} {verb}"
    where = at(first)
    plural_verb = verb[3:] if verb.startswith("is ") else verb
    return f"{len(listed)} {kind}s are {plural_verb}" + (f" (the first at {where})" if where else "")


def closest_known(names: Iterable[str], known: Iterable[str]) -> list[str]:
    """The known names closest to any of ``names`` (each a known name, never one of ``names``), sorted.

    >>> closest_known(["custmers", "x98234571"], ["customers", "orders"])
    ['customers']
    """
    choices = list(known)
    return sorted({best for n in names if (best := closest(n, choices)) is not None})


def suggestion(names: Iterable[str], known: Iterable[str]) -> str | None:
    """A ``did you mean`` naming the closest known names, or None when none is close.

    >>> suggestion(["upperr"], ["upper", "lower"]), suggestion(["x98234571"], ["upper"])
    ("did you mean 'upper'?", None)
    """
    hints = closest_known(names, known)
    return ("did you mean " + " or ".join(repr(h) for h in hints) + "?") if hints else None
