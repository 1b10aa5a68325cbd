"""Columns that are not masked never go through DuckDB: they are carried from the input, beside its output.

DuckDB maps some Arrow types onto its own (``decimal256`` wider than 38 digits to DOUBLE, a duration to an
INTERVAL, ``large_string`` to VARCHAR, a time zone to UTC, ``float16`` not at all), and a value read back through
such a type comes out changed. So a passed column is never read back from the engine: the output takes it, by
position, from the input table or file, and DuckDB computes only the masked columns. What is passed is unchanged
by construction, whatever its type, and there is no list of lossy types to keep right. A text column the
classifier passed for the shape of its values is computed by the engine too (:func:`computed`), which keeps its
values of that shape and redacts the rest (:mod:`maskline.sql.shape_guard`): a sample's verdict is held on every row.

>>> import pyarrow as pa
>>> from maskline.plan import build_plan
>>> from maskline.policy import load_policy
>>> plan = build_plan(load_policy({"datasets": {"t": {"columns": {"n": {"pass": True}, "e": {"method": "redact"}}}}}),
...                   "t", [("n", "double"), ("e", "varchar")])
>>> masked_only(plan, "SELECT n, 'x' AS e FROM src")
'SELECT "e" FROM (SELECT n, \\'x\\' AS e FROM src) AS maskline_carried'
>>> src = pa.table({"n": pa.array([1.5], pa.float16()), "e": ["ann"]})
>>> out = beside(plan, passed_of(plan, src), pa.table({"e": ["[REDACTED]"]}))
>>> out.schema.field("n").type, out.column("e").to_pylist()
(DataType(halffloat), ['[REDACTED]'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from maskline.errors import InputError, MaskingError

if TYPE_CHECKING:
    from maskline.plan import Plan


def computed(column: Any) -> bool:
    """Whether the engine computes ``column`` (a plan column): masked, or passed for a shape that is checked on
    every value (:mod:`maskline.sql.shape_guard`: a text column the classifier passed as numbers, say). Only the
    others are carried from the input as they are.

    >>> from maskline.plan import ColumnPlan
    >>> computed(ColumnPlan("n", None, None, None, "pass", "int64")), computed(ColumnPlan("a", None, None, None,
    ...     "classifier: not sensitive (numeric, 0.95)", "large_string", 0.95, "numeric"))
    (False, True)
    """
    from maskline.sql.shape_guard import shape_checked

    return bool(column.masked or shape_checked(column.shape, column.source_type))


def masked_only(plan: Plan, select_sql: str) -> str | None:
    """``select_sql`` cut down to the plan's masked columns (None when nothing is masked).

    DuckDB prunes the rest, so a passed column is not even read by the engine.
    """
    from sqlglot import exp

    names = [exp.to_identifier(c.name, quoted=True).sql("duckdb") for c in plan.columns if computed(c)]
    if not names:
        return None
    return f"SELECT {', '.join(names)} FROM ({select_sql}) AS maskline_carried"


def beside(plan: Plan, passed: Any, masked: Any) -> Any:
    """The output table, in plan order: the passed columns from ``passed`` (taken from the input), the masked
    ones from ``masked`` (the engine's result of :func:`masked_only`).

    Both are pyarrow Tables (or RecordBatches) holding the same rows in the same order, with exactly the plan's
    passed and masked columns, each in plan order. Either may be None when it would have no column.
    """
    import pyarrow as pa

    kept = [c for c in plan.columns if not computed(c)]
    if (passed.num_columns if passed is not None else 0) != len(kept) \
            or (masked.num_columns if masked is not None else 0) != len(plan.columns) - len(kept):
        raise misaligned(plan, "columns")
    if passed is not None and masked is not None and masked.num_rows != passed.num_rows:
        raise misaligned(plan, "rows")
    arrays, fields = [], []
    i = j = 0
    for c in plan.columns:
        if computed(c):
            arrays.append(masked.column(j))
            fields.append(masked.schema.field(j).with_name(c.name).with_nullable(True))
            j += 1
        else:  # the input's own field, name included (DuckDB renames a second 'Email' to 'email_1')
            arrays.append(passed.column(i))
            fields.append(passed.schema.field(i))
            i += 1
    if isinstance(passed if passed is not None else masked, pa.RecordBatch):
        return pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def passed_of(plan: Plan, source: Any) -> Any:
    """The passed columns of ``source`` (the input, one column per plan column, in order), or None if none is.

    >>> import pyarrow as pa
    >>> from maskline.plan import build_plan
    >>> from maskline.policy import load_policy
    >>> policy = load_policy({"datasets": {"t": {"columns": {"n": {"pass": True}, "e": {"method": "redact"}}}}})
    >>> plan = build_plan(policy, "t", [("n", "integer"), ("e", "varchar")])
    >>> passed_of(plan, pa.table({"n": [1], "e": ["ann"]})).column_names
    ['n']
    """
    if source.num_columns != len(plan.columns):
        raise misaligned(plan, "columns")
    kept = [i for i, c in enumerate(plan.columns) if not computed(c)]
    return source.select(kept) if kept else None


def misaligned(plan: Plan, what: str) -> MaskingError:
    """The fail-closed error for masked rows or columns that do not line up with the input's; names no value.

    >>> from types import SimpleNamespace
    >>> str(misaligned(SimpleNamespace(table="customers"), "rows"))  # doctest: +ELLIPSIS
    "the engine's masked rows do not line up with the input's (at table 'customers')..."
    """
    # Fail closed: a passed column set beside the wrong rows would pair one person's values with another's.
    return MaskingError(f"the engine's masked {what} do not line up with the input's",
                        where=f"table {plan.table!r}",
                        fix="report this as a bug; nothing was written")


def engine_view(table: Any) -> Any:
    """``table`` with the types DuckDB cannot take from Arrow (``decimal256``, ``float16``, also inside lists and
    structs) cast to the nearest it can: what the engine sees to plan and to mask, never what a passed column
    is written from.

    A ``decimal256`` of up to 38 digits becomes the same ``decimal128`` (exact); a wider one becomes a double,
    the type DuckDB reads it as from a Parquet file (whose reader may round its last digit otherwise).

    >>> import pyarrow as pa
    >>> engine_view(pa.table({"d": pa.array([1], pa.decimal256(50, 2)), "s": pa.array([1], pa.decimal256(9, 2))})).schema.types
    [DataType(double), Decimal128Type(decimal128(9, 2))]
    """
    import pyarrow as pa

    schema = pa.schema([f.with_type(_engine_type(f.type)) for f in table.schema])
    return table if schema.equals(table.schema) else table.cast(schema)


def register(con: Any, name: str, table: Any, where: str) -> None:
    """Register :func:`engine_view` of ``table`` with DuckDB as ``name``; a type DuckDB cannot take at all (a dense
    union, a dictionary of ``decimal256``...) is refused naming the first such column, never a value.

    >>> import duckdb, pyarrow as pa
    >>> dense = pa.UnionArray.from_dense(pa.array([0], pa.int8()), pa.array([0], pa.int32()), [pa.array([1])])
    >>> register(duckdb.connect(), "t", pa.table({"id": [1], "u": dense}), "mask_frame(data)")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: column 'u' is dense_union<0: int64=0>, an Arrow type the engine cannot read (at mask_frame(data), column 2). Fix: cast it to a plain type first (e.g. table.cast(...) or df.astype(...)), or leave it out
    """
    view = engine_view(table)
    try:
        con.register(name, view)
        return
    except Exception:  # noqa: BLE001 - DuckDB's text may quote the data; the column is found below, by structure
        pass
    for i, field in enumerate(view.schema):
        failed = False
        try:
            con.register("maskline_probe", view.select([i]))
            con.unregister("maskline_probe")
        except Exception:  # noqa: BLE001 - only whether it fails matters
            failed = True
        if failed:
            raise InputError(f"column {field.name!r} is {table.schema.field(i).type}, an Arrow type the engine "
                             "cannot read", where=f"{where}, column {i + 1}",
                             fix="cast it to a plain type first (e.g. table.cast(...) or df.astype(...)), or leave "
                                 "it out")
    raise InputError("the table cannot be read by the engine", where=where,
                     fix="cast its columns to plain types first (e.g. table.cast(...) or df.astype(...))")


def _engine_type(t: Any) -> Any:
    import pyarrow as pa
    import pyarrow.types as pt

    if pt.is_decimal256(t):
        return pa.decimal128(t.precision, t.scale) if t.precision <= 38 else pa.float64()
    if pt.is_float16(t):
        return pa.float32()
    if pt.is_struct(t):
        return pa.struct([t.field(i).with_type(_engine_type(t.field(i).type)) for i in range(t.num_fields)])
    if pt.is_map(t):
        return pa.map_(_engine_type(t.key_type), t.item_field.with_type(_engine_type(t.item_type)))
    if pt.is_large_list(t):
        return pa.large_list(t.value_field.with_type(_engine_type(t.value_type)))
    if pt.is_fixed_size_list(t):
        return pa.list_(t.value_field.with_type(_engine_type(t.value_type)), t.list_size)
    if pt.is_list(t):
        return pa.list_(t.value_field.with_type(_engine_type(t.value_type)))
    if pt.is_dictionary(t):
        return pa.dictionary(t.index_type, _engine_type(t.value_type), t.ordered)
    return t
