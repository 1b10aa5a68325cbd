"""Which PostgreSQL column types maskline's masking SQL may read: one judgement for the safe query path and protect.

A cast is found by its two types, not by the search path: whoever owns a type can back its casts with any
function (``CREATE CAST (mood AS text) WITH FUNCTION spy(mood)``), and an expression that reads a column of that
type (``CAST(mood AS text)`` inside a hash, a partial mask, an e-mail mask) calls it on every raw value. Only the
types initdb made in ``pg_catalog`` (and domains over them: PostgreSQL ignores casts to or from a domain) have
built-in casts and nothing else. The judgement reads ``pg_type`` and ``pg_namespace`` by OID, never
``information_schema``'s text (which says ``USER-DEFINED``, ``ARRAY`` or a domain's base type, and cannot tell
``public.text`` from ``pg_catalog.text``).

Every function, operator and type in the SQL here is named with its schema: the query path reads these facts on
the session's own search path.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlglot import exp

# initdb's objects have OIDs below FirstNormalObjectId; whatever the database defines later gets one at or above it.
TABLES_ARGUMENT = "protect(tables=...)"  # where a refusal points; the CLI shows it as its --tables

FIRST_NORMAL_OBJECT_ID = 16384
# pg_type.typcategory of the built-in types whose text form is one scalar value (boolean, date/time, numeric,
# string, timespan, network address, bit string): any method may mask their text. Arrays, json/jsonb, ranges,
# composites, geometry, xml, uuid, bytea... have text forms with structure a partial or e-mail mask would keep
# in part: only a method whose output keeps nothing of the input (MethodDef.opaque: hash, hmac, fake, redact,
# null) masks them. The plan refuses such a policy first, by the type's name (maskline.methods.structure: the rule
# every path applies, never looser than these categories); this check on the catalog's category stays as the last
# gate before a view is created.
SCALAR_CATEGORIES = frozenset("BDNSTIV")

_EQ = "OPERATOR(pg_catalog.=)"


def base_type_sql(t: str) -> str:
    """The OID of the type a ``pg_type`` row (alias ``t``) stores its values as: a domain's base type, or itself.

    >>> base_type_sql("t")
    "CASE WHEN t.typtype OPERATOR(pg_catalog.=) 'd'::pg_catalog.char THEN t.typbasetype ELSE t.oid END"
    """
    return f"CASE WHEN {t}.typtype {_EQ} 'd'::pg_catalog.char THEN {t}.typbasetype ELSE {t}.oid END"


def builtin_type_sql(t: str) -> str:
    """A predicate: the ``pg_type`` row aliased ``t`` is a type of ``pg_catalog`` that initdb made, or a domain
    over one (the domain's own casts never run; its operators are not on the pinned search path).

    >>> import re; sql = builtin_type_sql("t")
    >>> "16384" in sql and "'pg_catalog'" in sql and not re.search(r"\\bnspname = ", sql)
    True
    """
    return (f"EXISTS (SELECT 1 FROM pg_catalog.pg_type b JOIN pg_catalog.pg_namespace bn ON bn.oid {_EQ} "
            f"b.typnamespace WHERE b.oid {_EQ} ({base_type_sql(t)}) "
            f"AND b.oid OPERATOR(pg_catalog.<) {FIRST_NORMAL_OBJECT_ID}::pg_catalog.oid "
            f"AND bn.nspname {_EQ} 'pg_catalog'::pg_catalog.name)")


def declared_type_sql(c: str) -> str:
    """The type of an ``information_schema.columns`` row (alias ``c``) with the modifiers dbt reads too: a
    ``numeric``'s precision and scale, a ``character varying``'s or ``character``'s length; any other type as
    ``data_type`` says it.

    ``data_type`` alone drops them, so the core's typed SQL (a bucket cast back to the column's type, a typed
    NULL) wrote a bare ``numeric`` where dbt's ``masked_columns`` kept ``numeric(10,2)``. Built only from the
    view's numbers and ``data_type`` (a catalog name, or ``USER-DEFINED``/``ARRAY``): never text a user wrote.
    A time's precision is not added: dbt's PostgreSQL columns do not carry it either.

    >>> sql = declared_type_sql("c"); sql.startswith("CASE WHEN c.data_type::pg_catalog.text OPERATOR(pg_catalog.=)")
    True
    """
    data_type = f"{c}.data_type::pg_catalog.text"
    return (f"CASE WHEN {data_type} {_EQ} 'numeric' AND {c}.numeric_precision IS NOT NULL "
            f"THEN pg_catalog.concat('numeric(', {c}.numeric_precision, ',', {c}.numeric_scale, ')') "
            f"WHEN {data_type} {_EQ} ANY ('{{character varying,character}}'::pg_catalog.text[]) "
            f"AND {c}.character_maximum_length IS NOT NULL "
            f"THEN pg_catalog.concat({data_type}, '(', {c}.character_maximum_length, ')') ELSE {data_type} END")


_BASE_NAME = f"pg_catalog.format_type(({base_type_sql('t')}), NULL)"
# The same column's type as declared, with the modifiers of :func:`declared_type_sql` (``numeric(12,2)``,
# ``character varying(20)``), from its ``information_schema.columns`` row when that row names the same built-in
# type (not ``ARRAY``): a typed NULL or a bucket cast back to the column's type then keeps them, as on the query
# path and in dbt. The name itself still comes from ``pg_type``; the row adds only its numbers.
_DECLARED = (
    f"(SELECT {declared_type_sql('ic')} FROM information_schema.columns ic "
    f"WHERE ic.table_schema::pg_catalog.text {_EQ} n.nspname::pg_catalog.text "
    f"AND ic.table_name::pg_catalog.text {_EQ} c.relname::pg_catalog.text "
    f"AND ic.column_name::pg_catalog.text {_EQ} a.attname::pg_catalog.text "
    f"AND ic.data_type::pg_catalog.text {_EQ} {_BASE_NAME})"
)
# One row per column of a table (schema and name bound), in order: its name, whether its type is built in, the
# built-in base type's name (format_type of a pg_catalog type: a catalog name, never text a user wrote, with the
# declared modifiers above) and that type's category. Relation kinds as information_schema.columns lists them:
# tables, views, materialized views, foreign and partitioned tables.
COLUMNS_SQL = (
    f"SELECT a.attname::pg_catalog.text, {builtin_type_sql('t')}, "
    f"CASE WHEN {builtin_type_sql('t')} THEN COALESCE({_DECLARED}, {_BASE_NAME}) END, "
    f"CASE WHEN {builtin_type_sql('t')} THEN (SELECT b.typcategory::pg_catalog.text FROM pg_catalog.pg_type b "
    f"WHERE b.oid {_EQ} ({base_type_sql('t')})) END "
    f"FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid {_EQ} a.attrelid "
    f"JOIN pg_catalog.pg_namespace n ON n.oid {_EQ} c.relnamespace JOIN pg_catalog.pg_type t ON t.oid {_EQ} a.atttypid "
    f"WHERE n.nspname {_EQ} %s::pg_catalog.name AND c.relname {_EQ} %s::pg_catalog.name "
    "AND c.relkind OPERATOR(pg_catalog.=) ANY ('{r,v,m,f,p}'::pg_catalog.char[]) "
    "AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped ORDER BY a.attnum"
)


def reads_values(projection: exp.Expression, column: str) -> bool:
    """Whether a view's projection runs any function or cast on ``column``'s values: it is read as an argument
    anywhere but bare (the projection itself, or aliased) or in ``IS NULL`` (which calls no function of the type).

    >>> import sqlglot
    >>> [reads_values(sqlglot.parse_one(s, read="postgres"), "c") for s in (
    ...     "c", "CASE WHEN c IS NULL THEN NULL ELSE '[EMAIL]' END AS c", "CAST(NULL AS TEXT) AS c",
    ...     "CASE WHEN c IS NULL THEN NULL ELSE LENGTH(CAST(c AS TEXT)) END AS c")]
    [False, False, False, True]
    """
    from sqlglot import exp

    for node in projection.find_all(exp.Column):
        if node.name != column:
            continue
        parent = node.parent
        bare = node is projection or (isinstance(parent, exp.Alias) and parent is projection)
        null_test = isinstance(parent, exp.Is) and isinstance(parent.expression, exp.Null)
        if not (bare or null_test):
            return True
    return False


def refuse_unmaskable(table: str, columns: Iterable[tuple[str, bool, str | None, str | None]],
                      projections: Iterable[tuple[exp.Expression, bool]]) -> None:
    """Refuse a view that would run code on a column its type does not allow.

    ``columns``: each column's name, whether its type is built in, the built-in type's name and category (from
    :data:`COLUMNS_SQL`); ``projections``: the view's projection of each column, in the same order, and whether
    its method's output keeps nothing of the input (``MethodDef.opaque``; False for a column passed by shape).
    A column of a type the database defined may be projected bare or masked without reading it (``null``,
    ``redact``); a built-in type outside :data:`SCALAR_CATEGORIES` only by an opaque method.

    >>> import sqlglot; p = sqlglot.parse_one("LENGTH(CAST(c AS TEXT))", read="postgres")
    >>> refuse_unmaskable("t", [("c", True, "text", "S")], [(p, False)])
    >>> refuse_unmaskable("t", [("c", True, "jsonb", "U")], [(p, True)])
    >>> refuse_unmaskable("t", [("c", True, "jsonb", "U")], [(p, False)])
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: column t.c has type jsonb, whose text form has structure its masking method would keep in part (at protect(tables=...)). Fix: mask t.c with a method whose output keeps nothing of the value (hash, hmac, fake, redact, null), or cast it to text in a staging view and protect that
    >>> refuse_unmaskable("t", [("c", False, None, None)], [(p, True)])
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: column t.c has a type defined in the database (its name is not shown), not a built-in one: its casts can run code on the raw values (at protect(tables=...)). Fix: mask t.c with a method that does not read the value (null or redact), or cast it to a built-in type (text, integer, date...) in a staging view and protect that
    """
    from maskline.errors import InputError, shown_name

    for (name, builtin, type_name, category), (projection, opaque) in zip(columns, projections, strict=True):
        if not reads_values(projection, name):
            continue
        shown = shown_name(table, name)
        if not builtin:
            raise InputError(f"column {shown} has a type defined in the database (its name is not shown), not a "
                             "built-in one: its casts can run code on the raw values", where=TABLES_ARGUMENT,
                             fix=f"mask {shown} with a method that does not read the value (null or redact), or "
                                 "cast it to a built-in type (text, integer, date...) in a staging view and "
                                 "protect that")
        if category not in SCALAR_CATEGORIES and not opaque:
            raise InputError(f"column {shown} has type {type_name}, whose text form has structure its masking "
                             "method would keep in part", where=TABLES_ARGUMENT,
                             fix=f"mask {shown} with a method whose output keeps nothing of the value (hash, hmac, "
                                 "fake, redact, null), or cast it to text in a staging view and protect that")
