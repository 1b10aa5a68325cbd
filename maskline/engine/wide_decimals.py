"""Refuse a Parquet column that CSV output would change: a decimal of more than 38 digits, passed unmasked.

DuckDB's DECIMAL holds 38 digits; it reads a wider Parquet decimal (``decimal256(50, 2)``) as a DOUBLE, and a CSV
written from it has 17 significant digits where the file had 50. Parquet output carries such a column unchanged
(see :mod:`maskline.engine.carried`); CSV output is refused before anything runs, naming the column and its
type, never a value. A masked column is not refused: it is masked from its DOUBLE.

>>> import pyarrow as pa
>>> from maskline.plan import build_plan
>>> from maskline.policy import load_policy
>>> schema = pa.schema([("id", pa.int64()), ("amount", pa.decimal256(50, 2))])
>>> plan = build_plan(load_policy({"datasets": {"t": {"columns": {"id": {"pass": True}, "amount": {"pass": True}}}}}),
...                   "t", [("id", "bigint"), ("amount", "double")])
>>> check_text_output(schema, plan, "t.parquet")
Traceback (most recent call last):
...
maskline.errors.InputError: column 'amount' is decimal256(50, 2), wider than the 38 digits the engine holds: as CSV text it would lose digits (at t.parquet, column 2). Fix: write Parquet output (.parquet), which carries it unchanged, or mask the column in the policy
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from maskline.errors import InputError

if TYPE_CHECKING:
    from maskline.plan import Plan

MAX_DIGITS = 38  # DuckDB's widest DECIMAL


def check_text_output(schema: Any, plan: Plan, where: str) -> None:
    """Raise if a passed column of ``schema`` (the input Parquet file's Arrow schema) holds a wider decimal."""
    for i, c in enumerate(plan.columns, 1):
        if c.masked or i > len(schema):
            continue
        t = schema.field(i - 1).type
        if _has_wide_decimal(t):
            raise InputError(f"column {c.name!r} is {t}, wider than the {MAX_DIGITS} digits the engine holds: as "
                             "CSV text it would lose digits", where=f"{where}, column {i}",
                             fix="write Parquet output (.parquet), which carries it unchanged, or mask the column "
                                 "in the policy")


def _has_wide_decimal(t: Any) -> bool:
    import pyarrow.types as pt

    if pt.is_decimal(t):
        return bool(t.precision > MAX_DIGITS)
    if pt.is_struct(t):
        return any(_has_wide_decimal(t.field(i).type) for i in range(t.num_fields))
    if pt.is_map(t):
        return _has_wide_decimal(t.key_type) or _has_wide_decimal(t.item_type)
    if pt.is_list(t) or pt.is_large_list(t) or pt.is_fixed_size_list(t):
        return _has_wide_decimal(t.value_type)
    if pt.is_dictionary(t):
        return _has_wide_decimal(t.value_type)
    return False
