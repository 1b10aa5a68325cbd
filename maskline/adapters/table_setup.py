"""How a masked table replaces its target, and what the user set up on the target that survives it.

Three write modes (:class:`airflow_plugin.write_mode.WriteMode`), chosen per operator (``write_mode=``):

========================  =====================================================  ==========================
mode                      what happens, in one transaction                       keeps
========================  =====================================================  ==========================
``swap`` (default)        ``CREATE TABLE staging AS SELECT``, copy the target's  grants (table and column),
                          grants and comments onto it, drop the target, rename   comments
``truncate_insert``       ``TRUNCATE`` the target, ``INSERT ... SELECT``         everything: grants,
                          (``DELETE`` on SQLite; created on the first run)       comments, dependent views,
                                                                                 indexes, constraints
``replace``               staging table, drop the target, rename                 nothing the user added
========================  =====================================================  ==========================

PostgreSQL refuses to drop a table that views depend on; ``swap`` and
``replace`` then fail before writing anything, naming the views and the mode
that keeps them. Grants are PostgreSQL's (DuckDB and SQLite have none);
ownership, indexes, constraints, triggers and row-level security policies
are kept only by ``truncate_insert``.

The statements are built as sqlglot expressions from the catalog's
structure (role, privilege, column names and comment text), never by string
formatting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlglot import exp


@dataclass(frozen=True)
class TableSetup:
    """What a PostgreSQL table carries besides its rows: its grants and comments, as statements to re-apply."""

    grants: tuple[exp.Grant, ...] = ()
    comments: tuple[exp.Comment, ...] = ()

    def statements(self) -> tuple[exp.Expression, ...]:
        """Every statement, grants first.

        >>> TableSetup().statements()
        ()
        """
        return (*self.grants, *self.comments)


_GRANTS = """
SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END, a.privilege_type, a.is_grantable,
       NULL::text
FROM pg_class c, aclexplode(c.relacl) a
WHERE c.oid = %s::regclass AND a.grantee <> c.relowner
UNION ALL
SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END, a.privilege_type, a.is_grantable,
       att.attname::text
FROM pg_attribute att, aclexplode(att.attacl) a
WHERE att.attrelid = %s::regclass AND att.attnum > 0 AND NOT att.attisdropped AND att.attacl IS NOT NULL
"""

_COMMENTS = """
SELECT NULL::text, obj_description(%s::regclass, 'pg_class')
UNION ALL
SELECT att.attname::text, col_description(att.attrelid, att.attnum)
FROM pg_attribute att WHERE att.attrelid = %s::regclass AND att.attnum > 0 AND NOT att.attisdropped
"""

_DEPENDENT_VIEWS = """
SELECT DISTINCT v.oid::regclass::text
FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class
WHERE d.classid = 'pg_rewrite'::regclass AND d.refobjid = %s::regclass AND v.oid <> d.refobjid
ORDER BY 1
"""


def grant(table: exp.Table, privilege: str, grantee: str | None, grantable: bool,
          column: str | None = None) -> exp.Grant:
    """``GRANT privilege [(column)] ON TABLE table TO grantee [WITH GRANT OPTION]``; ``None`` is PUBLIC.

    >>> grant(exp.to_table("s.t"), "SELECT", "analyst", True, column="email").sql("postgres")
    'GRANT SELECT("email") ON TABLE s.t TO "analyst" WITH GRANT OPTION'
    >>> grant(exp.to_table("t"), "SELECT", None, False).sql("postgres")
    'GRANT SELECT ON TABLE t TO PUBLIC'
    """
    columns = [exp.column(exp.to_identifier(column, quoted=True))] if column else None
    principal = exp.Var(this="PUBLIC") if grantee is None else exp.to_identifier(grantee, quoted=True)
    return exp.Grant(privileges=[exp.GrantPrivilege(this=exp.Var(this=privilege), expressions=columns)],
                     kind="TABLE", securable=table.copy(), principals=[exp.GrantPrincipal(this=principal)],
                     grant_option=grantable or None)


def comment(table: exp.Table, text: str, column: str | None = None) -> exp.Comment:
    """``COMMENT ON TABLE|COLUMN ... IS 'text'`` (the text as a string literal, quotes escaped by sqlglot).

    >>> comment(exp.to_table("t"), "owner's notes", column="email").sql("postgres")
    'COMMENT ON COLUMN t."email" IS \\'owner\\'\\'s notes\\''
    """
    if column is None:
        return exp.Comment(this=table.copy(), kind="TABLE", expression=exp.Literal.string(text))
    schema = table.args.get("db")
    target = exp.Column(this=exp.to_identifier(column, quoted=True), table=table.this.copy(),
                        db=schema.copy() if schema is not None else None)
    return exp.Comment(this=target, kind="COLUMN", expression=exp.Literal.string(text))


def postgres_setup(cursor: Any, target_sql: str, new_table: exp.Table, new_columns: set[str]) -> TableSetup:
    """The target's grants and comments, as statements that apply them to ``new_table``.

    Column grants and comments are kept for the columns the new table still has.
    The target's owner's own privileges are not copied (the new table's owner has them).

    >>> setup = postgres_setup(cur, "public.customers", exp.to_table("customers_new"), {"id"})  # doctest: +SKIP
    >>> [s.sql("postgres") for s in setup.statements()]  # doctest: +SKIP
    ['GRANT SELECT ON TABLE customers_new TO "analyst"', "COMMENT ON TABLE customers_new IS 'masked'"]
    """
    cursor.execute(_GRANTS, (target_sql, target_sql))
    grants = tuple(grant(new_table, privilege, grantee, grantable, column)
                   for grantee, privilege, grantable, column in cursor.fetchall()
                   if column is None or column in new_columns)
    cursor.execute(_COMMENTS, (target_sql, target_sql))
    comments = tuple(comment(new_table, text, column) for column, text in cursor.fetchall()
                     if text is not None and (column is None or column in new_columns))
    return TableSetup(grants, comments)


def postgres_dependent_views(cursor: Any, target_sql: str) -> list[str]:
    """The views (and materialized views) that depend on the target, which PostgreSQL will not let us drop.

    >>> postgres_dependent_views(cur, "public.customers")  # doctest: +SKIP
    ['public.customer_report']
    """
    cursor.execute(_DEPENDENT_VIEWS, (target_sql,))
    return [r[0] for r in cursor.fetchall()]
