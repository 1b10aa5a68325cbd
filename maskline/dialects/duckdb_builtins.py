"""DuckDB SQL in which every function call names the built-in: ``system.main.lower(x)``, never ``lower(x)``.

DuckDB binds an unqualified function name to a macro of the connection's catalogs (``temp``, the database file,
the search path) before the built-in of that name, and it binds most operators the same way, by name:
``a || b`` calls whatever ``"||"`` the search path finds first, ``x LIKE y`` calls ``"~~"``, ``[a, b]`` calls
``list_value``. A macro a database file carries (``CREATE MACRO strpos(a, b) AS 2``) would then run inside
maskline's masking expressions on raw values, or hide a subquery over a raw table inside a function of the
user's query. A name written ``system.main.<name>`` binds to the built-in whatever the catalogs hold: nobody can
create an entry in the ``system`` catalog, nor attach a database under that name.

So the DuckDB dialect prints through :class:`BuiltinsDuckDB`, whose generator writes every call DuckDB's parser
turns into a function lookup as a call of ``system.main``: function calls, aggregates and window functions,
operators (``system.main."||"(a, b)``), list and struct literals, ``LIKE ... ESCAPE``, ``AT TIME ZONE`` and
interval literals (printed as a cast of text, which calls nothing). What the generator emits is decided by
DuckDB's own parser (:func:`parsed_call`), asked once per operator or name, not by a hand-kept table; and
:func:`unpinned_calls` reads any printed SQL back through that parser, so a construct the generator does not
cover is found, not assumed away (the rewrite refuses a query that has one: :mod:`maskline.rewrite.api`).

>>> import sqlglot
>>> sqlglot.transpile("SELECT lower(a) || 'x' FROM t WHERE b LIKE 'a%'", read="duckdb", write=DIALECT)[0]
'SELECT system.main."||"(system.main.lower(a), \\'x\\') FROM t WHERE system.main."~~"(b, \\'a%\\')'
>>> unpinned_calls("SELECT system.main.lower(a), upper(b), coalesce(c, 1), a + 1 FROM t")
('upper', '+')
"""

from __future__ import annotations

import json
import os
import threading
from functools import cache
from typing import Any

from sqlglot import exp
from sqlglot.dialects.duckdb import DuckDB as _SqlglotDuckDB

from maskline.dialects.qualified_calls import PLAIN_NAME as _PLAIN_NAME
from maskline.dialects.qualified_calls import QualifiedCalls

#: sqlglot's name for this dialect (its metaclass registers each Dialect subclass under its lower-case name).
DIALECT = "builtinsduckdb"
PREFIX = "system.main."
#: the meta key :func:`mark_types` notes a bracket's or dot's target type under (the tree's own types stay as parsed)
TYPE_KEY = "maskline_duckdb_type"
# One parser connection and its lock per process, found by pid: a forked worker (Airflow's executors fork) must not
# use its parent's DuckDB connection, nor wait on a lock another of the parent's threads held at the fork.
_PARSERS: dict[int, tuple[threading.Lock, Any]] = {}


def _parser() -> tuple[threading.Lock, Any]:
    """This process's private in-memory DuckDB connection and its lock, used only to parse (json_serialize_sql
    binds nothing), so no user's macro is ever in it. DuckDB connections are not for concurrent use.

    >>> lock, con = _parser(); _parser()[1] is con
    True
    """
    pid = os.getpid()
    found = _PARSERS.get(pid)
    if found is None:
        import duckdb

        found = _PARSERS.setdefault(pid, (threading.Lock(), duckdb.connect()))
    return found


def _statement_tree(sql: str) -> dict[str, Any] | None:
    """DuckDB's parse tree of one SELECT (json_serialize_sql), or None when DuckDB cannot parse it."""
    lock, parser = _parser()
    with lock:
        row = parser.execute("SELECT system.main.json_serialize_sql(?::VARCHAR)", [sql]).fetchone()
    tree = json.loads(row[0])
    if tree.get("error") or len(tree.get("statements", ())) != 1:
        return None
    return tree["statements"][0]["node"]


def _calls(node: Any) -> list[dict[str, Any]]:
    """Every FUNCTION and WINDOW node of a DuckDB parse tree: the nodes DuckDB binds through the catalog by name."""
    out: list[dict[str, Any]] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, dict):
            if n.get("class") in ("FUNCTION", "WINDOW") and n.get("function_name"):
                out.append(n)
            stack.extend(n.values())
        elif isinstance(n, list):
            stack.extend(n)
    return out


@cache
def parsed_call(expression_sql: str) -> str | None:
    """The function DuckDB's parser turns ``SELECT <expression_sql>`` into, when its outermost node is a call
    looked up by name (None: syntax that calls nothing by name, such as ``=``, ``AND`` or ``COALESCE``).

    >>> parsed_call("a || b"), parsed_call("a LIKE b"), parsed_call("a = b"), parsed_call("COALESCE(a)")
    ('||', '~~', None, None)
    """
    tree = _statement_tree(f"SELECT {expression_sql}")
    if tree is None:
        return None
    top = tree.get("select_list", [None])[0]
    if isinstance(top, dict) and top.get("class") in ("FUNCTION", "WINDOW"):
        return str(top["function_name"])
    return None


def unpinned_calls(sql: str) -> tuple[str, ...]:
    """The function names in ``sql`` that DuckDB would look up through the connection's catalogs (not written
    ``system.main.<name>``), in order of appearance; a statement DuckDB cannot parse gives ``("?",)``.

    >>> unpinned_calls('SELECT system.main."+"(a, 1), system.main.count(*) OVER () FROM t')
    ()
    """
    tree = _statement_tree(sql)
    if tree is None:
        return ("?",)
    calls = sorted(_calls(tree), key=lambda n: n.get("query_location") or 0)
    return tuple(str(n["function_name"]) for n in calls
                 if (n.get("catalog"), n.get("schema")) != ("system", "main")) + _unlisted_relations(tree)


# The kinds of FROM item whose every call is written in the statement's text (where the printer pins it): a table,
# a subquery, a join, a table function call, VALUES, or no FROM at all. DuckDB binds other kinds by a query it
# writes itself, calling functions by name through the connection's catalogs: SUMMARIZE's and DESCRIBE's
# (SHOW_REF) min, max, avg and quantiles, where a macro named min in the database ran, reading a raw table.
WRITTEN_RELATIONS = frozenset({"BASE_TABLE", "SUBQUERY", "JOIN", "TABLE_FUNCTION", "EXPRESSION_LIST", "EMPTY"})
#: The prefix :func:`unpinned_calls` gives a FROM item of another kind (``relation:SHOW_REF``).
RELATION = "relation:"


def _unlisted_relations(tree: Any) -> tuple[str, ...]:
    """Each FROM item of ``tree`` (DuckDB's parse tree) of a kind not in :data:`WRITTEN_RELATIONS`, as
    ``relation:<KIND>``. A FROM item is told from an expression by its fields (a type, an alias and a sample, and no
    expression class), so a kind DuckDB adds later is refused too.

    >>> _unlisted_relations(_statement_tree("SELECT * FROM (SUMMARIZE SELECT 1)"))
    ('relation:SHOW_REF',)
    >>> _unlisted_relations(_statement_tree("SELECT * FROM t, range(3), (VALUES (1))"))
    ()
    """
    out: list[str] = []
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, dict):
            if "class" not in n and {"type", "alias", "sample"} <= n.keys() and n["type"] not in WRITTEN_RELATIONS:
                out.append(RELATION + str(n["type"]))
            stack.extend(n.values())
        elif isinstance(n, list):
            stack.extend(n)
    return tuple(out)


def mark_types(tree: exp.Expr, schema: dict[str, Any]) -> None:
    """Note the type of the value before each ``[...]`` and ``.field`` of ``tree`` (qualified, ``schema`` in
    sqlglot's shape), for the printer to call the built-in DuckDB's binder would. Annotated on a copy: sqlglot
    re-shifts bracket indexes by the target's type when printing, so the tree keeps the types it was parsed with.

    >>> import sqlglot
    >>> q = sqlglot.parse_one("SELECT t.m['k'], t.x[1] FROM t", read="duckdb")
    >>> mark_types(q, {"t": {"m": "MAP(VARCHAR, INT)", "x": "INT[]"}})
    >>> q.sql(DIALECT)
    "SELECT system.main.map_extract_value(t.m, 'k'), system.main.array_extract(t.x, 1) FROM t"
    """
    from sqlglot.errors import SqlglotError
    from sqlglot.optimizer.annotate_types import annotate_types

    if tree.find(exp.Bracket, exp.Dot) is None:  # nothing to note: no copy, no annotation
        return
    try:
        typed = annotate_types(tree.copy(), schema=schema, dialect="duckdb")
    except (SqlglotError, ValueError):  # types not known: every lookup printed as written (fails under a macro)
        return
    for original, annotated in zip(tree.walk(), typed.walk(), strict=False):
        if type(original) is not type(annotated):  # the copy's shape differs: note nothing (printed as written)
            return
        if isinstance(original, (exp.Bracket, exp.Dot)) and annotated.this is not None \
                and annotated.this.type is not None:
            original.this.meta[TYPE_KEY] = annotated.this.type


def _quoted(name: str) -> str:
    return name if _PLAIN_NAME.fullmatch(name) else '"' + name.replace('"', '""') + '"'


@cache
def _called_by_name(name: str, arity: int) -> bool:
    """Whether DuckDB parses ``name(...)`` as a call looked up by name (``lower``: yes; ``COALESCE``, ``COLUMNS``:
    syntax). A call DuckDB cannot parse on its own is pinned anyway: DuckDB then fails on it, which is closed."""
    args = ", ".join(["NULL"] * arity) if arity else ""
    tree = _statement_tree(f"SELECT {name}({args})")
    if tree is None:
        return True
    top = tree.get("select_list", [None])[0]
    return not isinstance(top, dict) or top.get("class") in ("FUNCTION", "WINDOW")


class BuiltinsDuckDB(_SqlglotDuckDB):
    """sqlglot's DuckDB, parsing alike, printing every by-name call as a call of ``system.main``."""

    class Generator(QualifiedCalls, _SqlglotDuckDB.Generator):  # type: ignore[name-defined,misc,valid-type]
        QUALIFIER = PREFIX  # lower case, as the catalog spells it (DuckDB's names are case-insensitive)

        # sqlglot prints lists and structs as [a, b] and {'k': v}, which DuckDB's parser turns into calls of
        # list_value and struct_pack looked up by name: printed as those calls, pinned.
        TRANSFORMS = {**_SqlglotDuckDB.Generator.TRANSFORMS,  # type: ignore[attr-defined]
                      exp.Array: lambda self, e: self.pinned_array(e), exp.Struct: lambda self, e: self.pinned_struct(e),
                      exp.JSONExtract: lambda self, e: self.pinned_json_extract(e)}

        def called_by_name(self, name: str, args: tuple[Any, ...]) -> bool:
            # DuckDB's own parser says which names are syntax (COALESCE, COLUMNS), for this many arguments
            return _called_by_name(name, len([a for a in args if a is not None and not isinstance(a, bool)]))

        def binary(self, expression: exp.Binary, op: str) -> str:
            called = parsed_call(f"a {op} b") if not expression.args.get("operator") else None
            if called is None:
                return super().binary(expression, op)
            return f"{PREFIX}{_quoted(called)}({self.sql(expression, 'this')}, {self.sql(expression, 'expression')})"

        def dot_sql(self, expression: exp.Dot) -> str:
            # x.upper() is DuckDB's method call: upper(x), looked up by name. Printed as the pinned call when x is
            # a column; schema.fn(...) (a bare name before the dot) is left as written, for unpinned_calls.
            call, target = expression.expression, expression.this
            if isinstance(call, exp.Anonymous) and _PLAIN_NAME.fullmatch(call.name) and \
                    target.sql().lower() == PREFIX[:-1]:
                # system.main.fn(...) read back from SQL this dialect printed: already the built-in, kept as it is
                # (read as a method call it would become fn(system.main, ...)).
                return f"{PREFIX}{call.name.lower()}({self.format_args(*call.expressions)})"
            if isinstance(call, exp.Anonymous) and isinstance(target, (exp.Column, exp.Dot)) and \
                    _PLAIN_NAME.fullmatch(call.name):
                return f"{PREFIX}{call.name.lower()}({self.format_args(target, *call.expressions)})"
            if isinstance(call, exp.Identifier) and isinstance(target, (exp.Column, exp.Dot)) and \
                    _extract_function(target.meta.get(TYPE_KEY)) == "struct_extract":
                # s.k on a struct: DuckDB's binder calls struct_extract(s, 'k'), by name
                return f"{PREFIX}struct_extract({self.sql(target)}, {self.sql(exp.Literal.string(call.name))})"
            return super().dot_sql(expression)

        def any_sql(self, expression: exp.Any) -> str:
            return self._quantified(expression, "ANY") or super().any_sql(expression)

        def all_sql(self, expression: exp.All) -> str:
            return self._quantified(expression, "ALL") or super().all_sql(expression)

        def _quantified(self, expression: exp.Any | exp.All, word: str) -> str | None:
            # DuckDB reads x = ANY(list) as x = ANY(SELECT unnest(list)), unnest looked up by name: written so, pinned.
            inner = expression.this.unnest() if isinstance(expression.this, exp.Paren) else expression.this
            if isinstance(inner, (exp.Query, exp.Subquery)):
                return None
            return f"{word}(SELECT {PREFIX}unnest({self.sql(inner)}))"

        def neg_sql(self, expression: exp.Neg) -> str:
            inner = expression.this
            if isinstance(inner, exp.Literal) and inner.is_number:
                return super().neg_sql(expression)  # -1 is a constant to DuckDB, no call
            return f'{PREFIX}"-"({self.sql(inner)})'

        def escape_sql(self, expression: exp.Escape) -> str:
            like = expression.this
            if isinstance(like, (exp.Like, exp.ILike)) and not isinstance(like.expression, (exp.All, exp.Any)):
                # DuckDB parses x NOT LIKE y ESCAPE z as NOT like_escape(x, y, z)
                called = parsed_call(f"a {'ILIKE' if isinstance(like, exp.ILike) else 'LIKE'} b ESCAPE c")
                if called is not None:
                    args = self.format_args(like.this, like.expression, expression.expression)
                    return f"{'NOT ' if like.args.get('negate') else ''}{PREFIX}{_quoted(called)}({args})"
            return super().escape_sql(expression)

        def attimezone_sql(self, expression: exp.AtTimeZone) -> str:
            return f"{PREFIX}timezone({self.format_args(expression.args.get('zone'), expression.this)})"

        def mod_sql(self, expression: exp.Mod) -> str:
            called = parsed_call("a % b")
            if called is None:
                return super().mod_sql(expression)
            return f"{PREFIX}{_quoted(called)}({self.format_args(expression.this, expression.expression)})"

        def extract_sql(self, expression: exp.Extract) -> str:
            text = super().extract_sql(expression)
            if not (text.startswith("EXTRACT(") and isinstance(expression.this, exp.Var)):
                return text
            # DuckDB's parser turns EXTRACT(part FROM x) into date_part('part', x): the same call, pinned.
            part = self.sql(exp.Literal.string(expression.this.name.lower()))
            return f"{PREFIX}date_part({part}, {self.sql(expression, 'expression')})"

        def pinned_array(self, expression: exp.Array) -> str:
            items = expression.expressions
            if any(isinstance(e, exp.Query) for e in items):  # ARRAY(subquery): unpinned_calls refuses it
                return _SqlglotDuckDB.Generator.TRANSFORMS[exp.Array](self, expression)  # type: ignore[attr-defined]
            return f"{PREFIX}list_value({self.format_args(*items)})"

        def pinned_struct(self, expression: exp.Struct) -> str:
            fields = []
            for e in expression.expressions:
                if not (isinstance(e, exp.PropertyEQ) and isinstance(e.this, exp.Identifier)):
                    # an unnamed or computed field: sqlglot's text, which unpinned_calls refuses
                    return _SqlglotDuckDB.Generator.TRANSFORMS[exp.Struct](self, expression)  # type: ignore[attr-defined]
                fields.append(f"{self.sql(exp.to_identifier(e.name, quoted=True))} := {self.sql(e, 'expression')}")
            return f"{PREFIX}struct_pack({', '.join(fields)})"

        def unnest_sql(self, expression: exp.Unnest) -> str:
            # UNNEST(...) in FROM is a table function DuckDB finds by name: a table macro could stand in for it.
            text = super().unnest_sql(expression)
            return PREFIX + "unnest" + text[len("UNNEST"):] if text.startswith("UNNEST(") else text

        def interval_sql(self, expression: exp.Interval) -> str:
            # INTERVAL '2' DAY is parsed into to_days(...); the same value as a cast of text calls nothing.
            value, unit = expression.this, expression.args.get("unit")
            if isinstance(value, exp.Literal) and unit is not None and not isinstance(unit, exp.IntervalSpan):
                text = f"{value.name} {self.sql(unit)}"
                return f"CAST({self.sql(exp.Literal.string(text))} AS INTERVAL)"
            return super().interval_sql(expression)

        def bracket_sql(self, expression: exp.Bracket) -> str:
            # DuckDB's binder turns x[i] into array_extract (a list or text), struct_extract (a struct) or
            # map_extract_value (a map), chosen by x's type, and x[a:b] into array_slice: each looked up by name.
            # Printed as the call the binder would make, pinned, when x's type says which one (the rewrite annotates
            # the query's types from the catalog); else as written, which a macro of that name makes fail.
            items = self.bracket_offset_expressions(expression)
            if len(items) != 1 or expression.args.get("json_access"):
                return super().bracket_sql(expression)
            target, item = self.sql(expression, "this"), items[0]
            if isinstance(item, exp.Slice):
                # a bound left out is an empty list to DuckDB's array_slice, as its parser writes it
                bounds = [self.sql(b) if b is not None else f"{PREFIX}list_value()"
                          for b in (item.this, item.expression)]
                step = [self.sql(item, "step")] if item.args.get("step") is not None else []
                return f"{PREFIX}array_slice({', '.join([target, *bounds, *step])})"
            called = _extract_function(expression.this.meta.get(TYPE_KEY))
            if called is None:
                return super().bracket_sql(expression)
            return f"{PREFIX}{called}({target}, {self.sql(item)})"

        def pinned_json_extract(self, expression: exp.JSONExtract) -> str:
            # j -> '$.a' is parsed as a lambda that DuckDB's binder turns into json_extract, looked up by name
            if expression.args.get("variant_extract") or expression.expressions:
                return _SqlglotDuckDB.Generator.TRANSFORMS[exp.JSONExtract](self, expression)  # type: ignore[attr-defined]
            return f"{PREFIX}json_extract({self.sql(expression, 'this')}, {self.sql(expression, 'expression')})"


def _extract_function(target: exp.DataType | None) -> str | None:
    """The function DuckDB's binder calls for ``x[i]`` on a value of type ``target`` (None: not known).

    >>> _extract_function(exp.DataType.build("MAP(VARCHAR, INT)", dialect="duckdb"))
    'map_extract_value'
    >>> _extract_function(exp.DataType.build("INT[]", dialect="duckdb")), _extract_function(None)
    ('array_extract', None)
    """
    if target is None:
        return None
    if target.is_type(exp.DataType.Type.MAP):
        return "map_extract_value"
    if target.is_type(exp.DataType.Type.STRUCT):
        return "struct_extract"
    if target.is_type(exp.DataType.Type.ARRAY, exp.DataType.Type.LIST, *exp.DataType.TEXT_TYPES):
        return "array_extract"
    return None
