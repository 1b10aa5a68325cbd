"""A model that reads its own relation (``{{ this }}``), as an incremental model does to filter new rows.

What ``{{ this }}`` holds is what the model wrote: its own output columns. So a column read from it is traced
to the model's output column of the same name, and carries whatever that column carries: nothing when the
model masks it (or it was never sensitive), the raw upstream value when the model leaks it. A read that only
feeds a filter (``where updated_at > (select max(updated_at) from {{ this }})``) never reaches the output at
all. A column of ``{{ this }}`` the model does not output cannot be traced to anything, and is reported.

>>> from sqlglot import parse_one
>>> tree = parse_one("select * from main.inc union all select id, email from main.raw")
>>> own_columns(tree, {})
{'id': 'text', 'email': 'text'}
>>> reads_relation(tree, ("main", "inc")), reads_relation(tree, ("main", "other"))
(True, False)
>>> settle({"email": ["raw.email"], "copy": []}, {"copy": {"email"}})
{'email': ['raw.email'], 'copy': ['raw.email']}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T")


def own_columns(tree: Any, documented: Mapping[str, str]) -> dict[str, str]:
    """The model's own columns: those schema.yml or catalog.json document, then each set-operation branch's names.

    A branch's ``*`` names nothing; the other branches of a ``union`` name the same columns by position.

    >>> from sqlglot import parse_one
    >>> own_columns(parse_one("select a, b as c from t"), {"a": "integer"})
    {'a': 'integer', 'c': 'text'}
    >>> own_columns(parse_one("select * from t"), {})
    {}
    """
    from sqlglot import exp

    out = dict(documented)
    branches = [tree]
    while branches:
        node = branches.pop()
        if isinstance(node, exp.SetOperation):
            branches.extend((node.left, node.right))
        elif isinstance(node, exp.Query):
            for name in node.named_selects:
                if name and name != "*":
                    out.setdefault(name.lower(), "text")
    return out


def reads_relation(tree: Any, key: tuple[str, str]) -> bool:
    """Whether the query reads the relation ``(schema, name)`` anywhere (a subquery, a join, a CTE).

    >>> from sqlglot import parse_one
    >>> reads_relation(parse_one('select 1 from t where x > (select max(x) from "Main"."inc")'), ("main", "inc"))
    True
    """
    from sqlglot import exp

    return any((t.db.lower(), t.name.lower()) == key for t in tree.find_all(exp.Table))


def settle(hits: Mapping[str, list[T]], reads: Mapping[str, set[str]]) -> dict[str, list[T]]:
    """Each output's hits with those of the own columns it reads added, until nothing changes.

    ``reads`` maps an output to the own columns it reads on a path no maskline macro covers; a column reading
    itself (``coalesce(new.x, this.x)``) carries what its other inputs carry.

    >>> settle({"a": [], "b": ["raw.ssn"]}, {"a": {"b"}, "b": {"a", "b"}})
    {'a': ['raw.ssn'], 'b': ['raw.ssn']}
    >>> settle({"a": []}, {"a": {"a"}})
    {'a': []}
    """
    out = {k: list(v) for k, v in hits.items()}
    changed = True
    while changed:
        changed = False
        for col, own in reads.items():
            for read in sorted(own):
                for hit in out.get(read, []):
                    if hit not in out.setdefault(col, []):
                        out[col].append(hit)
                        changed = True
    return out
