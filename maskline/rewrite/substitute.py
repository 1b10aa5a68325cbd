"""Source substitution: every base relation a query reads is replaced by its masked relation.

This is what makes the query path safe by construction. After substitution no
expression of the user's query (select list, ``WHERE``, ``JOIN ... ON``,
window, ``LIMIT``, ``range()`` counter, recursive CTE, lateral join, whole-row
reference) can touch a raw sensitive value: the only relation it can read is
the masked one, which exposes the same columns under the same names, each
sensitive column already masked by its policy method.

A masked relation is either

* **inline**: a derived table ``(SELECT <masked columns> FROM raw) AS alias``
  (DuckDB, SQLite, and PostgreSQL without the reader role; its column list is
  compiled once per plan and dialect, :mod:`~maskline.rewrite.printed`), or
* **a view**: ``masked_schema.table``, created by the engine adapter (the
  PostgreSQL reader role reads only those; :mod:`maskline.adapters.postgres`).

Every table reference is accounted for from the query's scopes: each is
either a CTE reference, a table function, or a base table that gets
substituted. A reference that is none of these is refused (fail closed).

A masked relation reads its table by name and nothing else: it is built from
the table's identity (:data:`IDENTITY`), never from a copy of the user's node,
which can carry joins (``FROM (customers c JOIN orders o ON ...)`` parses as
``customers`` holding the join), time travel or hints. Joins stay outside the
masked relation, at the place the user wrote them; any other clause on a table
is refused (:data:`KEPT_OUTSIDE`). After substitution every table the query
reads is checked once more: a CTE, a table function, or the one table of a
masked relation.

>>> import sqlglot
>>> from sqlglot.optimizer.scope import build_scope
>>> from maskline.policy import load_policy
>>> from maskline.plan import build_plan
>>> pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"e": {"info_type": "EMAIL"}}}}})
>>> q = sqlglot.parse_one("SELECT e FROM t AS t WHERE e LIKE 'a%'", read="duckdb")
>>> plan = build_plan(pol, "t", [("id", "int"), ("e", "text")])
>>> n = substitute(q, build_scope(q), lambda table: plan, InlineRelations("duckdb"))
>>> q.sql("duckdb")[:44]
'SELECT e FROM (SELECT id, CASE WHEN e IS NUL'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlglot import exp
from sqlglot.optimizer.scope import Scope

from maskline.adapters import engine
from maskline.dialects import Dialect, KeyMode
from maskline.errors import RewriteRefused
from maskline.keys import KeyMaterial
from maskline.plan import Plan
from maskline.rewrite.mentions import mention
from maskline.rewrite.printed import printed_columns, relation_select
from maskline.sql.compile import compile_select

GENERATED = "maskline_generated"  # meta flag on the nodes substitution adds
RELATION = "maskline_relation"  # meta flag on each masked relation that replaced a base table

# What names a base table: the only parts of the user's table node a masked relation is built from.
IDENTITY: tuple[str, ...] = ("this", "db", "catalog", "only")
# What stays outside the masked relation, moved onto it as written: its alias and the joins a parenthesized
# join attaches to its first table.
KEPT_OUTSIDE: tuple[str, ...] = ("alias", "joins")


@dataclass(frozen=True)
class InlineRelations:
    """Masked relations as derived tables over the raw tables, keys read from the session."""

    dialect: str | Dialect
    key_mode: KeyMode = KeyMode.SESSION
    key: KeyMaterial | None = None
    #: The catalog and default schema a table is read from where the query names none: the ones its columns and
    #: kind were read from. Without them, DuckDB binds ``customers`` (and ``main.customers``) through its search
    #: path, where ``temp.main`` comes first, and PostgreSQL binds ``customers`` in the session's temporary schema
    #: first: a temporary view of that name would be read in place of the table that was checked.
    home: tuple[str, str] | None = None

    def relation(self, table: exp.Table, plan: Plan) -> exp.Expr:
        """``(SELECT <masked columns> FROM table) AS alias``, keeping the table's alias and column list.

        >>> import sqlglot
        >>> from maskline.plan import build_plan
        >>> from maskline.policy import load_policy
        >>> pol = load_policy({"unclassified": "pass",
        ...                    "datasets": {"t": {"columns": {"email": {"info_type": "EMAIL", "method": "redact"}}}}})
        >>> plan = build_plan(pol, "t", [("id", "int"), ("email", "text")])
        >>> table = sqlglot.parse_one("SELECT * FROM raw.t AS c").find(exp.Table)
        >>> print(InlineRelations("duckdb").relation(table, plan).sql("duckdb"))
        (SELECT id, CASE WHEN email IS NULL THEN NULL ELSE '[EMAIL]' END AS "email" FROM raw.t) AS c
        >>> print(InlineRelations("duckdb", home=("memory", "main")).relation(table, plan).sql("duckdb")[-25:])
        FROM "memory".raw.t) AS c
        """
        d = self.dialect if isinstance(self.dialect, Dialect) else engine(self.dialect, where="dialect").dialect()
        raw = exp.Table(**{k: _copy(table.args.get(k)) for k in IDENTITY})
        if self.home and raw.args.get("catalog") is None:
            # quoted: these are the names as the catalog stores them, not to be folded again
            raw.set("db", raw.args.get("db") or exp.to_identifier(self.home[1], quoted=True))
            raw.set("catalog", exp.to_identifier(self.home[0], quoted=True))
        raw.meta[GENERATED] = True
        # With the key read from the session, no key is in the SQL: the columns are compiled once per plan and
        # dialect (printed.py); the SELECT around them and its table are built for this read.
        columns = printed_columns(plan, raw, d) if self.key_mode is KeyMode.SESSION else None
        select = (relation_select(columns, raw) if columns is not None
                  else compile_select(plan, raw, d, key_mode=self.key_mode, key=self.key))
        return exp.Subquery(this=select, alias=_alias(table))


@dataclass(frozen=True)
class ViewRelations:
    """Masked relations as views of one schema (``masked.customers``), created by the engine adapter."""

    schema: str
    name_of: Callable[[Plan], str] = lambda plan: plan.table.split(".")[-1]

    def relation(self, table: exp.Table, plan: Plan) -> exp.Expr:
        """The view of ``plan``'s table in :attr:`schema`, under the alias ``table`` had.

        >>> import sqlglot
        >>> from maskline.plan import build_plan
        >>> from maskline.policy import load_policy
        >>> plan = build_plan(load_policy({}), "t", [("id", "int")])
        >>> table = sqlglot.parse_one("SELECT * FROM raw.t AS c").find(exp.Table)
        >>> ViewRelations("masked").relation(table, plan).sql("duckdb")
        '"masked"."t" AS c'
        """
        view = exp.Table(this=exp.to_identifier(self.name_of(plan), quoted=True),
                         db=exp.to_identifier(self.schema, quoted=True), alias=_alias(table))
        view.meta[GENERATED] = True
        return view


def _copy(value: object) -> object:
    return value.copy() if isinstance(value, exp.Expr) else value


def _alias(table: exp.Table) -> exp.TableAlias:
    alias = table.args.get("alias")
    if isinstance(alias, exp.TableAlias):
        return alias.copy()
    return exp.TableAlias(this=exp.to_identifier(table.name))


def base_table_references(root: Scope) -> tuple[list[exp.Table], set[int]]:
    """The base-table nodes of a query (from its scopes), and the ids of the nodes that refer to CTEs.

    >>> import sqlglot; from sqlglot.optimizer.scope import build_scope
    >>> root = build_scope(sqlglot.parse_one("WITH c AS (SELECT * FROM t) SELECT * FROM c, u"))
    >>> tables, ctes = base_table_references(root)
    >>> sorted(t.name for t in tables), len(ctes)
    (['t', 'u'], 1)
    """
    base: dict[int, exp.Table] = {}
    ctes: set[int] = set()
    for scope in root.traverse():
        for node, source in scope.selected_sources.values():
            if not isinstance(node, exp.Table) or isinstance(node.this, exp.Func):
                continue  # a table function (range, generate_series) generates values and reads no table
            if isinstance(source, exp.Table):
                base[id(node)] = node
            else:
                ctes.add(id(node))
    return list(base.values()), ctes


def substitute(query: exp.Expr, root: Scope, plan_of: Callable[[exp.Table], Plan],
               relations: InlineRelations | ViewRelations) -> int:
    """Replace every base table of ``query`` (in place) by its masked relation; returns how many.

    ``plan_of`` gives the masking plan of a base table. Refuses a table
    reference that is neither a base table, a CTE nor a table function, and a
    base table that carries a clause other than its alias and joins.
    """
    tables, cte_refs = base_table_references(root)
    seen = {id(t) for t in tables} | cte_refs
    for node in query.find_all(exp.Table):
        if id(node) in seen or isinstance(node.this, exp.Func) or node.meta.get(GENERATED):
            continue
        raise RewriteRefused(f"cannot tell what {mention('table reference', node)} reads", where="FROM clause",
                             fix="select from tables, CTEs, subqueries or UNNEST")
    for table in tables:
        clauses = sorted(k for k, v in table.args.items() if v not in (None, [], False)
                         and k not in IDENTITY + KEPT_OUTSIDE)
        if clauses:
            raise RewriteRefused(f"{mention('table', table)} carries a clause a masked relation cannot keep "
                                 f"({', '.join(clauses)})", where="FROM clause",
                                 fix="read the table plainly (name and alias); filter and join outside it")
    for table in tables:
        named = exp.Table(**{k: _copy(table.args.get(k)) for k in (*IDENTITY, "alias")})
        masked = relations.relation(named, plan_of(table))
        masked.meta[RELATION] = True
        if table.args.get("joins"):  # a parenthesized join: its joins stay where the user wrote them
            masked.set("joins", table.args["joins"])
        table.replace(masked)
    check_reads(query, cte_refs)
    return len(tables)


def check_reads(query: exp.Expr, cte_refs: set[int]) -> None:
    """After substitution, every table ``query`` reads is a CTE, a table function, or the one table of a
    masked relation (what a masked relation reads, without the joins moved onto it, is one table).

    >>> import sqlglot
    >>> check_reads(sqlglot.parse_one("SELECT * FROM customers"), set())
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the rewritten query would read the table at line 1, column 15 outside a masked relation (at FROM clause). Fix: report this query to maskline's maintainers; it was not run
    """
    # One walk collects both (breadth first, the order find_all gives): a masked relation compiled in full holds
    # thousands of nodes (a fake's word lists), and meta_get reads a flag without giving every node a meta dict.
    relations: list[exp.Expr] = []
    tables: list[exp.Table] = []
    for node in query.walk():
        if node.meta_get(RELATION):
            relations.append(node)
        if isinstance(node, exp.Table):
            tables.append(node)
    allowed: set[int] = set(cte_refs)
    for relation in relations:
        moved = {id(n) for j in relation.args.get("joins") or [] for n in j.walk()}
        own = [t for t in relation.find_all(exp.Table) if id(t) not in moved]
        if len(own) != 1:
            raise RewriteRefused(f"a masked relation would read {len(own)} tables", where="FROM clause",
                                 fix="report this query to maskline's maintainers; it was not run")
        allowed.add(id(own[0]))
    for node in tables:
        if id(node) not in allowed and not isinstance(node.this, exp.Func):
            raise RewriteRefused(f"the rewritten query would read {mention('table', node)} outside a masked relation",
                                 where="FROM clause",
                                 fix="report this query to maskline's maintainers; it was not run")
