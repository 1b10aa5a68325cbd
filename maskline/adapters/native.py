"""What the native column-masking DDL of Snowflake, BigQuery and Databricks share: which columns, which bodies.

Each engine's module (:mod:`~maskline.adapters.snowflake`, :mod:`~maskline.adapters.bigquery`,
:mod:`~maskline.adapters.spark`) wraps the masking expression of every masked column of a plan into that
engine's object (a masking policy, a data-masking routine, a column-mask function). The body is the same
sqlglot expression the query path and the operators use, built for the column's parameter ``val``; roles in the
policy's ``unmask_for`` (``role:NAME``) see the raw value. The DDL is rendered, golden-tested and re-parsed
here; it is run by the engine's own tools (or a SQL operator), since these engines are not reachable here.

>>> from maskline.policy import load_policy
>>> pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"e": {"info_type": "EMAIL"}}}}})
>>> [c.name for c in masked_columns(pol, "t", [("id", "number"), ("e", "varchar")])]
['e']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlglot import exp

from maskline.dialects import KeyMode
from maskline.errors import UnsupportedDialectError
from maskline.plan import ColumnPlan, build_plan
from maskline.sql.compile import mask_expression

VALUE = "val"  # the parameter every masking object takes


def masked_columns(policy: Any, table: str, columns: Sequence[tuple[str, str | None]],
                   classification: Any = None) -> list[ColumnPlan]:
    """The plan's masked columns (unlisted columns: :func:`maskline.classify.decision.decide_unnamed`), and the
    text columns it passes for their values' shape: a value past the classifier's sample need not have that
    shape, so their masking object keeps only values that have it (:mod:`maskline.sql.shape_guard`)."""
    from maskline.sql.shape_guard import shape_checked

    return [c for c in build_plan(policy, table, columns, classification).columns
            if c.method is not None or shape_checked(c.shape, c.source_type)]


def unmask_roles(policy: Any) -> list[str]:
    """Database roles that see raw values: the policy's ``unmask_for`` entries written ``role:NAME``.

    >>> from maskline.policy import load_policy
    >>> unmask_roles(load_policy({"unmask_for": ["role:ANALYST_RAW", "user:bob"]}))
    ['ANALYST_RAW']
    """
    return [u.split(":", 1)[1] for u in policy.unmask_for if u.startswith("role:")]


def body(column: ColumnPlan, dialect: str, key_mode: KeyMode) -> exp.Expr:
    """The masking expression of ``column`` over the parameter ``val``.

    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"datasets": {"t": {"columns": {"e": {"info_type": "EMAIL", "method": "redact"}}}}})
    >>> body(masked_columns(pol, "t", [("e", "varchar")])[0], "snowflake", KeyMode.SESSION).sql("snowflake")
    "CASE WHEN val IS NULL THEN NULL ELSE '[EMAIL]' END"
    """
    if column.method is None:  # passed for its values' shape: those values pass, any other is redacted
        from maskline.sql.shape_guard import shape_redacted

        return shape_redacted(exp.column(VALUE), column.shape, column.source_type, dialect)
    return mask_expression(exp.column(VALUE), column.method, dialect, info_type=column.info_type,
                           source_type=column.source_type, key_mode=key_mode)


def require_same_type(column: ColumnPlan, engine: str, output_is_text: bool) -> None:
    """Masking objects must return the column's own type: refuse a text-output method on a non-text column.

    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"datasets": {"t": {"columns": {"n": {"method": "redact"}}}}})
    >>> require_same_type(masked_columns(pol, "t", [("n", "number")])[0], "Snowflake", output_is_text=True)
    Traceback (most recent call last):
    maskline.errors.UnsupportedDialectError: Snowflake masks must return the column's type, and method redact...
    """
    text = (column.source_type or "text").split("(")[0].strip().lower() in (
        "text", "varchar", "string", "char", "character varying", "nvarchar")
    if output_is_text and not text:
        raise UnsupportedDialectError(
            f"{engine} masks must return the column's type, and method {column.method.name if column.method else '?'}"
            f" returns text for a {column.source_type} column", where=f"column {column.name}",
            fix="mask it with null or generalize, or read it through a masked view (maskline sql --query)")


def identifier(name: str, dialect: str) -> str:
    """A dotted name with each part quoted as ``dialect`` quotes identifiers.

    >>> identifier("db.sch.t", "snowflake")
    '"db"."sch"."t"'
    """
    return ".".join(exp.to_identifier(p, quoted=True).sql(dialect) for p in name.split("."))


TEXT_METHODS = frozenset({"redact", "partial", "char_mask", "email", "hash", "hmac", "fake", "scrub"})


@dataclass(frozen=True)
class MaskObject:
    """One masked column's object: its quoted name, the column, its SQL type and the masking body."""

    name: str
    column: ColumnPlan
    sql_type: str
    body: exp.Expr


def mask_objects(policy: Any, table: str, columns: Sequence[tuple[str, str | None]], *, engine: str,
                 dialect: str, body_dialect: str, default_type: str, key_mode: KeyMode,
                 raw_check: str | None = None, classification: Any = None) -> Iterator[MaskObject]:
    """Each masked column of ``table`` as a :class:`MaskObject` named ``<schema>.maskline_<table>_<column>``.

    ``raw_check`` is the engine's function that tells a role or group allowed raw values (``unmask_for:
    role:NAME``); ``None`` when the engine decides that elsewhere (BigQuery's policy tags).

    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"unmask_for": ["role:RAW"], "datasets": {"t": {"columns": {"e": {"method": "redact"}}}}})
    >>> [o] = mask_objects(pol, "db.t", [("e", "varchar")], engine="Snowflake", dialect="snowflake",
    ...                    body_dialect="snowflake", default_type="varchar", key_mode=KeyMode.SESSION,
    ...                    raw_check="IS_ROLE_IN_SESSION")
    >>> o.name, o.sql_type, o.body.sql("snowflake")[:44]
    ('"db"."maskline_t_e"', 'VARCHAR', "CASE WHEN IS_ROLE_IN_SESSION('RAW') THEN val")
    """
    parts = table.split(".")
    prefix = ".".join(parts[:-1] + [""]) if len(parts) > 1 else ""
    roles = unmask_roles(policy) if raw_check else []
    # decided by the entry of the table as given (schema spelled out), not of its last name: `hr.t`'s entry is
    # not `sales.t`'s (maskline.rewrite.table_names.best_entry)
    for column in masked_columns(policy, table, columns, classification):
        # A shape-held column is text (shape_checked), and its object returns text: its own type.
        require_same_type(column, engine, column.method is not None and column.method.name in TEXT_METHODS)
        sql_type = exp.DataType.build(column.source_type or default_type, dialect=dialect).sql(dialect)
        masked = body(column, body_dialect, key_mode)
        if roles and raw_check:
            allowed = exp.or_(*[exp.Anonymous(this=raw_check, expressions=[exp.Literal.string(r)]) for r in roles])
            masked = exp.Case(ifs=[exp.If(this=allowed, true=exp.column(VALUE))], default=masked)
        yield MaskObject(identifier(f"{prefix}maskline_{parts[-1]}_{column.name}", dialect), column, sql_type,
                         masked)
