"""A masked relation's column list, compiled and printed once per plan and dialect.

A masked relation is ``SELECT <masked columns> FROM table``, and its column list is the same SQL every time a
table is read under the same plan. It is also most of a rewritten query: a ``fake`` name is three draws over word
lists, two thousand sqlglot nodes, and building, walking and printing them again for every query (and for every
read of the same table within one query) was three quarters of a rewrite's time. So the columns are built as
sqlglot expressions (:func:`maskline.sql.compile.compile_select`) and printed by sqlglot once; each masked
relation is then a real ``exp.Select`` over a real ``exp.Table``, whose one projection is that printed text
(an ``exp.Var``, which sqlglot's generator emits as it is).

The printed columns are used only where they are provably the same SQL: the SELECT rebuilt around them must
print exactly as the compiled SELECT does, and the compiled SELECT must read its table and nothing else. When
either fails (no dialect does today), the relation is compiled in full for every read, as before.

What the cache is keyed on is what the columns are a function of, and nothing else: the
:class:`~maskline.plan.Plan` (column names, types, info types and methods: policy and schema metadata, never a
value) and the dialect. Only session-key compilation is cached: there the key is read from the session and never
enters the SQL, so the cache holds no key material (literal and key-table modes compile for each call).

>>> from maskline.dialects import get_dialect
>>> from maskline.plan import build_plan
>>> from maskline.policy import load_policy
>>> pol = load_policy({"unclassified": "pass",
...                    "datasets": {"t": {"columns": {"email": {"info_type": "EMAIL", "method": "redact"}}}}})
>>> plan = build_plan(pol, "t", [("id", "int"), ("email", "text")])
>>> duck = get_dialect("duckdb")
>>> print(printed_columns(plan, exp.to_table("raw.t"), duck))
id, CASE WHEN email IS NULL THEN NULL ELSE '[EMAIL]' END AS "email"
>>> printed_columns(plan, exp.to_table("t"), duck) is printed_columns(plan, exp.to_table("u"), duck)
True
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from sqlglot import exp

from maskline.dialects import Dialect
from maskline.errors import RewriteRefused
from maskline.plan import Plan

# Distinct (plan, dialect) pairs a process keeps; each entry is one table's column list (tens of kB with fakes).
# Beyond it, the least recently used is dropped.
CACHE_SIZE = 256
_UNPRINTABLE = ""  # cached for a plan whose columns do not print the same on their own: compile it each time
_CACHE: OrderedDict[tuple[Plan, Dialect], str] = OrderedDict()
_COUNTS = {"hits": 0, "misses": 0}
_LOCK = threading.Lock()  # rewrites may run on several threads (an Airflow worker, an MCP server)


def printed_columns(plan: Plan, table: exp.Table, dialect: Dialect) -> str | None:
    """The masked column list of ``plan`` in ``dialect`` as sqlglot prints it (session-key mode), or None when
    it cannot stand for the compiled columns (then compile the relation).

    ``table`` is the table the first relation of this plan reads: the SELECT built around the printed columns is
    checked against the compiled one over it.

    >>> from maskline.dialects import get_dialect
    >>> from maskline.plan import build_plan
    >>> from maskline.policy import load_policy
    >>> plan = build_plan(load_policy({"unclassified": "pass"}), "t", [("n", "int")])
    >>> printed_columns(plan, exp.to_table("t"), get_dialect("trino"))
    'n'
    """
    key = (plan, dialect)
    try:
        hash(key)
    except TypeError:  # a plan holding an unhashable parameter: compiled for each read, as before
        return None
    with _LOCK:
        text = _CACHE.get(key)
        if text is not None:
            _CACHE.move_to_end(key)
            _COUNTS["hits"] += 1
            return text or None
    text = _print(plan, table, dialect)
    with _LOCK:
        _COUNTS["misses"] += 1
        _CACHE[key] = text
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return text or None


def relation_select(columns: str, table: exp.Table) -> exp.Select:
    """``SELECT <columns> FROM table``: a masked relation's SELECT from its printed columns and its own table.

    >>> relation_select('id, NULL AS "email"', exp.to_table("t")).sql("duckdb")
    'SELECT id, NULL AS "email" FROM t'
    """
    return exp.Select(expressions=[exp.Var(this=columns)]).from_(table, copy=False)


def _print(plan: Plan, table: exp.Table, dialect: Dialect) -> str:
    import sqlglot

    from maskline.dialects import KeyMode
    from maskline.sql.compile import compile_select

    name = dialect.sqlglot_name or None
    compiled = compile_select(plan, table.copy(), dialect, key_mode=KeyMode.SESSION)
    reads = list(compiled.find_all(exp.Table))
    if len(reads) != 1:  # the relation's boundary (substitute.check_reads): the columns read no table
        raise RewriteRefused(f"a masked relation would read {len(reads)} tables", where="FROM clause",
                             fix="report this query to maskline's maintainers; it was not run")
    whole = compiled.sql(dialect=name)  # printed from a copy, as a relation compiled for each read is
    generator = sqlglot.Dialect.get_or_raise(name).generator()
    columns = ", ".join(generator.sql(p) for p in compiled.expressions)
    if dialect.unpinned_calls(f"SELECT {columns} FROM t"):  # read back once per plan: every call names a built-in
        raise RewriteRefused("a masked relation would call a function by a name the connection could redefine",
                             where="FROM clause", fix="report this query to maskline's maintainers; it was not run")
    # Only text that rebuilds the very same SELECT stands for the compiled columns.
    return columns if relation_select(columns, table.copy()).sql(dialect=name) == whole else _UNPRINTABLE


def cache_info() -> tuple[int, int]:
    """(hits, misses) of the printed-columns cache so far.

    >>> hits, misses = cache_info()
    >>> hits >= 0 and misses >= 0
    True
    """
    with _LOCK:
        return _COUNTS["hits"], _COUNTS["misses"]
