"""Turn a user's query into a masked query for one warehouse, through :func:`maskline.rewrite.rewrite`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlglot import exp

from maskline.plan import ColumnPlan, Plan
from maskline.policy import Policy


@dataclass(frozen=True)
class MaskedQuery:
    """The masked ``SELECT``, the plan of its output columns, the source tables and whether it needs the key;
    for lineage, the user's SQL, the tables' columns, the plan of each table read and each spelling's table.

    ``sources`` name each table once, as the engine's catalog resolves it (``catalog.schema.table``): the keys of
    ``input_plans`` and the relations of the plan's sources."""

    select: exp.Expr
    plan: Plan
    sources: tuple[str, ...]
    keyed: bool
    original_sql: str = ""
    schema: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    sqlglot_dialect: str = ""
    input_plans: Mapping[str, Plan] = field(default_factory=dict)
    relations: Mapping[str, str] = field(default_factory=dict)  # each spelling of a table -> its name in sources


def _source_tables(sql: str, dialect: str) -> list[str]:
    """The tables ``sql`` reads, parsed as the safe query path parses it (:func:`maskline.rewrite.refusals.parse_select`).

    sqlglot's own ``ParseError`` quotes the statement around the fault, literals included, and it would reach
    the task log and the run's lineage; ``parse_select`` refuses with the fault's line and column only.

    >>> sorted(_source_tables("WITH c AS (SELECT * FROM raw.a) SELECT * FROM c JOIN b ON true", "duckdb"))
    ['b', 'raw.a']
    >>> _source_tables("SELECT * FROM customers WHERE name = 'Zebulon Quartermaine' AND (", "duckdb")
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: cannot parse the query as duckdb: ParseError (at line 1, column 65). Fix: check the syntax: the query is read as duckdb SQL
    """
    from maskline.rewrite.refusals import base_tables, parse_select

    names: list[str] = []
    for t in base_tables(parse_select(sql, dialect)):
        name = ".".join(p.name for p in t.parts)
        if name not in names:
            names.append(name)
    return names


def _output_plan(result: Any, policy: Policy) -> Plan:
    """The output columns of a rewritten query as a plan: masked ones carry their source column's decision.

    The rewrite keys its plans and its lineage by one resolved name per relation
    (:attr:`maskline.rewrite.api.Rewritten.tables`), so a source's plan is found by equality: ``a.customers.email``
    never takes the plan of ``b.customers``.
    """
    by_source = {f"{table}.{c.name}".lower(): c for table, plan in result.plans.items() for c in plan.columns}
    columns: list[ColumnPlan] = []
    for out in result.lineage:
        source = next((by_source.get(s.lower()) for s in out.sensitive_sources if s.lower() in by_source), None)
        if out.masked and source is not None:
            columns.append(ColumnPlan(out.name, source.info_type, source.category, source.method,
                                      f"rewrite ({out.treatment}) of {source.rule}", None, source.confidence))
        else:
            columns.append(ColumnPlan(out.name, None, None, None, f"rewrite ({out.treatment})"))
    table = result.tables[0] if result.tables else "query"
    return Plan(table, tuple(columns), policy.fingerprint(), policy.source)


def mask_query(sql: str, policy: Policy, warehouse: Any, *, key: Any = None,
               identities: Sequence[str] = ()) -> MaskedQuery:
    """The masked form of ``sql`` for ``warehouse``; refuses (``RewriteRefused``) what cannot be proven masked.

    ``key`` is only used to tokenize literals in filters on sensitive columns
    (the policy's ``rewrite.filter_literals: tokenize``); it never enters the SQL.

    >>> import duckdb
    >>> from maskline.policy import load_policy
    >>> from airflow_plugin.warehouse import Warehouse, engine_named
    >>> w = Warehouse(duckdb.connect(), engine_named("duckdb"))
    >>> _ = w.execute("CREATE TABLE c (id INT, email TEXT)")
    >>> q = mask_query("SELECT email FROM c", load_policy({"datasets": {"c": {"columns": {"email": {"info_type": "EMAIL"}}}}}), w)
    >>> q.sources, [c.name for c in q.plan.masked]
    (('memory.main.c',), ['email'])
    """
    import sqlglot

    from maskline.rewrite import rewrite
    from maskline.rewrite.schema_source import read_schema

    dialect = warehouse.dialect
    # Read as the safe query path reads it: the connection's own catalog only. A table named in another catalog
    # (an attached DuckDB database, DuckDB's system or temp catalog, Trino's system catalog) is left out, so the
    # rewrite refuses it instead of taking the other catalog's relation on a schema handed to it.
    schema = read_schema(warehouse.connection, [warehouse.table(t) for t in _source_tables(sql, dialect.sqlglot_name)])
    # The connection too: the rewrite asks the engine which relations are views (masked unless named) and which
    # hold maskline's key, as on the safe query path; the schema read here spares it reading the columns again.
    result = rewrite(sql, policy, dialect, schema=schema, connection=warehouse.connection, identities=identities,
                     key=key)
    rewritten = sqlglot.parse_one(result.sql, read=dialect.sqlglot_name)
    return MaskedQuery(rewritten, _output_plan(result, policy), tuple(result.tables), result.keyed, sql, schema,
                       dialect.sqlglot_name, dict(result.plans), dict(result.relations))
