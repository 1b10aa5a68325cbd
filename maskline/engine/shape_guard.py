"""A CSV column the classifier passed for its values' shape passes only the values that have that shape.

The classifier reads a sample of a file's rows (10,000 by default). When it lets a column pass raw because
its values are numbers, ISO dates and times, booleans or random ids (``classifier: not sensitive
(numeric, ...)``), that verdict is a claim about every value, but it was checked on the sample only. A CSV
stores every value as text, so nothing stops row 30,001 of an ``amount`` column from holding a person's
name, and before this guard that name was written out raw. Here the claim is enforced on every row: a
value of such a column that does not have the shape the verdict rests on was judged by nobody, so it is
masked as any unclassified value is (``redact``). The shapes are :mod:`maskline.classify.shape`'s own
patterns, so a value the classifier counted as a number is passed as one.

Columns the policy names, or passes with ``unclassified: pass``, are the user's decision and are not
touched; Parquet and DataFrame columns hold their type in storage, so only text inputs need the guard.

>>> import duckdb
>>> from maskline.classify.result import Classification, ColumnClassification
>>> from maskline.classify.shape import ValueShape
>>> from maskline.plan import build_plan
>>> from maskline.policy import load_policy
>>> verdicts = Classification((ColumnClassification("amount", None, 0.95, None, shape=ValueShape("numeric")),))
>>> plan = build_plan(load_policy({}), "t", [("amount", "varchar")], verdicts)
>>> sql = shape_guarded(plan, verdicts, "SELECT amount FROM src", "duckdb")
>>> con = duckdb.connect(); _ = con.execute("CREATE TABLE src AS SELECT * FROM (VALUES ('12.5'), ('Ana Lima')) v(amount)")
>>> con.execute(sql).fetchall()
[('12.5',), ('[REDACTED]',)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from maskline.classify.decision import CLASSIFIER_PASS

if TYPE_CHECKING:
    from maskline.classify.result import Classification
    from maskline.plan import Plan

# The shape kinds whose verdict every value can be checked against, each as the pattern maskline.classify.shape
# tests a value with (RE2 reads them as Python's re does). A value of a boolean column is compared lowercased.
_NUMBER = r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?"
_ISO_TIME = r"\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?"
_ID = r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}|0[xX][0-9a-fA-F]+"
_BOOLEAN = r"(?i)true|false|t|f|yes|no|y|n|0|1"
SHAPE_PATTERNS = {"numeric": _NUMBER, "temporal": _ISO_TIME, "identifier": _ID, "boolean": _BOOLEAN}


def guarded_columns(plan: Plan, classification: Classification | None) -> dict[str, str]:
    """The passed columns whose pass rests on a checkable shape, with that shape's pattern.

    >>> from maskline.classify.result import Classification, ColumnClassification
    >>> from maskline.classify.shape import ValueShape
    >>> from maskline.plan import build_plan
    >>> from maskline.policy import load_policy
    >>> v = Classification((ColumnClassification("n", None, 0.95, None, shape=ValueShape("numeric")),))
    >>> list(guarded_columns(build_plan(load_policy({}), "t", [("n", "varchar")], v), v))
    ['n']
    >>> pol = load_policy({"datasets": {"t": {"columns": {"n": {"pass": True}}}}})  # the user's decision
    >>> guarded_columns(build_plan(pol, "t", [("n", "varchar")], v), v)
    {}
    """
    if classification is None:
        return {}
    verdicts = classification.by_name()
    out: dict[str, str] = {}
    for column in plan.columns:
        verdict = verdicts.get(column.name)
        if column.masked or not column.rule.startswith(CLASSIFIER_PASS) or verdict is None or verdict.shape is None:
            continue
        pattern = SHAPE_PATTERNS.get(verdict.shape.kind)
        if pattern is not None:
            out[column.name] = pattern
    return out


def shape_guarded(plan: Plan, classification: Classification | None, select_sql: str, dialect: str) -> str:
    """``select_sql`` (the plan's columns, in order) with each guarded column's values that lack its shape masked
    with ``redact``; ``select_sql`` itself when no column is guarded."""
    from sqlglot import exp

    from maskline.methods.registry import method_spec
    from maskline.sql.compile import mask_expression

    guarded = guarded_columns(plan, classification)
    if not guarded:
        return select_sql
    redact = method_spec("redact")
    outputs: list[exp.Expr] = []
    for column in plan.columns:
        ref = exp.column(exp.to_identifier(column.name, quoted=True))
        pattern = guarded.get(column.name)
        if pattern is None:
            outputs.append(ref)
            continue
        fits = exp.Anonymous(this="regexp_full_match", expressions=[ref.copy(), exp.Literal.string(pattern)])
        kept = exp.Case(ifs=[exp.If(this=exp.or_(exp.Is(this=ref.copy(), expression=exp.Null()), fits),
                                    true=ref.copy())],
                        default=mask_expression(ref.copy(), redact, dialect, source_type="varchar"))
        outputs.append(exp.alias_(kept, exp.to_identifier(column.name, quoted=True)))
    # The plan's SELECT is wrapped as text, as carried.masked_only wraps it: parsing it again could change it.
    return f"SELECT {', '.join(o.sql(dialect) for o in outputs)} FROM ({select_sql}) AS maskline_shaped"
