"""Turn an engine failure into an error built from structure: never from the engine's message.

Engine messages quote the offending value (``Could not convert string
'alice@x.com' to DATE``). Scrubbing them is enumeration and misses formats,
so maskline never forwards them: an engine error is reported by its class,
its SQLSTATE and the identifiers the driver reports as separate fields
(schema, table, column, type, constraint), which hold names, not values.
"""

from __future__ import annotations

import re
from typing import Any

from maskline.errors import InputError, MaskingError, MasklineError


def safe_text(text: str) -> str:
    """What maskline shows of an engine message: nothing of its text, only that one was withheld.

    >>> safe_text("invalid input syntax for type integer: 'ana@correo.es'")
    'engine message withheld (it can quote values)'
    """
    return "engine message withheld (it can quote values)" if str(text).strip() else ""


# psycopg2 (and psycopg 3) report these as separate diagnostic fields: identifiers, never row values.
_DIAG_FIELDS = (("schema_name", "schema"), ("table_name", "table"), ("column_name", "column"),
                ("datatype_name", "type"), ("constraint_name", "constraint"))


# Trino's error names: the constant names of its error-code enums (StandardErrorCode's DIVISION_BY_ZERO,
# INVALID_CAST_ARGUMENT...), sent as a field beside the message. They name the kind of failure, as a SQLSTATE does,
# and hold no value; anything else in that field is not shown.
_TRINO_ERROR_NAME = re.compile(r"[A-Z][A-Z0-9_]{0,63}")


def engine_error_fields(exc: BaseException) -> dict[str, str]:
    """The structured parts of a driver error: its class, SQLSTATE (Trino: its error name) and diagnostic
    identifiers.

    >>> engine_error_fields(ValueError("Could not convert string 'alice@x.com' to DATE"))
    {'class': 'ValueError'}
    >>> class TrinoUserError(Exception):
    ...     error_name = "DIVISION_BY_ZERO"
    >>> engine_error_fields(TrinoUserError("Division by zero"))
    {'class': 'TrinoUserError', 'error': 'DIVISION_BY_ZERO'}
    """
    out = {"class": type(exc).__name__}
    code = getattr(exc, "pgcode", None) or getattr(exc, "sqlstate", None)
    if isinstance(code, str) and code:
        out["sqlstate"] = code
    name = getattr(exc, "error_name", None)  # trino.exceptions.TrinoQueryError
    if isinstance(name, str) and _TRINO_ERROR_NAME.fullmatch(name):
        out["error"] = name
    diag = getattr(exc, "diag", None)
    for attr, label in _DIAG_FIELDS:
        value = getattr(diag, attr, None) if diag is not None else None
        if isinstance(value, str) and value:
            out[label] = value
    return out


def safe_engine_message(exc: BaseException) -> str:
    """An engine error described from its structure (class, SQLSTATE, identifiers), never its text.

    >>> safe_engine_message(ValueError("Conversion Error: Could not convert string 'alice@x.com' to DATE"))
    'ValueError'
    """
    fields = engine_error_fields(exc)
    extra = ", ".join(f"{k} {v}" for k, v in fields.items() if k != "class")
    return fields["class"] + (f" ({extra})" if extra else "")


def failing_column(con: Any, plan_columns: list[tuple[str, str]], relation: str) -> str | None:
    """Find which masked column's expression fails, by evaluating each alone.

    >>> import duckdb
    >>> failing_column(duckdb.connect(), [("a", "a + 1"), ("b", "CAST(b AS INT)")], "(SELECT 1 AS a, 'x' AS b)")
    'b'
    """
    for name, expression in plan_columns:
        try:
            con.execute(f"SELECT count({expression}) FROM {relation}").fetchall()
        except Exception:  # noqa: BLE001 - any engine failure points at this column
            return name
    return None


def masking_failed(exc: BaseException, where: str, column: str | None, method: str | None) -> MaskingError:
    """The error for a failed masking statement, naming the column and method, never the engine's text.

    >>> e = masking_failed(ValueError("ann@ex.org"), "table 't'", "ssn", "partial")
    >>> e.where, "ann@" in str(e)
    ("table 't', column 'ssn'", False)
    """
    col = f", column {column!r}" if column else ""
    how = f" (method {method!r})" if method else ""
    return MaskingError(
        f"masking failed, nothing was written: {safe_engine_message(exc)}",
        where=f"{where}{col}",
        fix=f"check that the column's type suits its method{how}, or choose another method in the policy",
    )


def input_unreadable(con: Any, relation: str) -> bool:
    """Whether reading ``relation`` alone, every column of every row, fails (a malformed row deep in a CSV).

    >>> import duckdb
    >>> input_unreadable(duckdb.connect(), "(SELECT 1 AS a)")
    False
    """
    try:
        con.execute(f"SELECT count(COLUMNS(*)) FROM {relation}").fetchall()
    except Exception:  # noqa: BLE001 - only whether it fails matters; its text quotes the row
        return True
    return False


def unreadable_input(exc: BaseException, where: str) -> InputError:
    """The error for an input that fails past its first rows, without the engine's text (it quotes the row).

    >>> e = unreadable_input(ValueError("1,ann@ex.org"), "a.csv")
    >>> type(e).__name__, e.where, "ann@" in str(e)
    ('InputError', 'a.csv', False)
    """
    return InputError(
        f"the input cannot be read to its end, nothing was written: {safe_engine_message(exc)}", where=where,
        fix="look for a malformed row past the first ones (a wrong number of fields, an unclosed quote, bytes "
            "that are not UTF-8): the engine's message is not shown because it quotes the row",
    )


def explain_failure(exc: BaseException, con: Any, plan: Any, relation: str, where: str) -> MasklineError:
    """The error for a failed masking statement, from structure: an input that cannot be read is an
    :class:`InputError`; otherwise each masked column is probed to name the culprit in a :class:`MaskingError`.

    Callers raise it outside their ``except`` block, so it holds no engine error (whose text quotes values) as
    its context either.

    >>> import duckdb; from maskline import build_plan, load_policy
    >>> pol = load_policy({"datasets": {"t": {"columns": {"n": {"method": {"method": "generalize", "bucket": 10}}}}}})
    >>> plan = build_plan(pol, "t", [("n", "integer")])
    >>> e = explain_failure(ValueError(), duckdb.connect(), plan, "(SELECT 'x' n)", "t")  # 'x' is no number
    >>> type(e).__name__, e.where
    ('MaskingError', "t, column 'n'")
    """
    from sqlglot import exp

    from maskline.sql.compile import mask_expression

    if input_unreadable(con, relation):
        return unreadable_input(exc, where)

    exprs = [
        (c.name, mask_expression(exp.column(exp.to_identifier(c.name, quoted=True)), c.method, "duckdb",
                                 info_type=c.info_type, source_type=c.source_type).sql("duckdb"))
        for c in plan.masked if c.method
    ]
    bad = failing_column(con, exprs, relation)
    method = next((c.method.name for c in plan.masked if c.name == bad and c.method), None)
    return masking_failed(exc, where, bad, method)
