"""Turn an engine failure into a MaskingError that names the column but never a value.

Engine messages quote the offending value (``Could not convert string
'alice@x.com' to DATE``), so they are scrubbed before they reach the user.
"""

from __future__ import annotations

import re
from typing import Any

from maskline.errors import MaskingError

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def safe_text(text: str) -> str:
    """The first line of an engine or driver message, with quoted literals and sensitive spans removed.

    >>> safe_text("invalid input syntax for type integer: 'ana@correo.es'\\nLINE 1: ...")
    'invalid input syntax for type integer: [VALUE]'
    """
    from maskline.text import scrub

    lines = str(text).strip().splitlines()
    return scrub(_QUOTED.sub("[VALUE]", lines[0] if lines else ""))[0][:300]


def safe_engine_message(exc: BaseException) -> str:
    """An exception as ``Type: message``, through :func:`safe_text`.

    >>> safe_engine_message(ValueError("Conversion Error: Could not convert string 'alice@x.com' to DATE"))
    'ValueError: Conversion Error: Could not convert string [VALUE] to DATE'
    """
    return f"{type(exc).__name__}: {safe_text(str(exc))}"[:300]


def failing_column(con: Any, plan_columns: list[tuple[str, str]], relation: str) -> str | None:
    """Find which masked column's expression fails, by evaluating each alone."""
    for name, expression in plan_columns:
        try:
            con.execute(f"SELECT count({expression}) FROM {relation}").fetchall()
        except Exception:  # noqa: BLE001 - any engine failure points at this column
            return name
    return None


def masking_failed(exc: BaseException, where: str, column: str | None, method: str | None) -> MaskingError:
    col = f", column {column!r}" if column else ""
    how = f" (method {method!r})" if method else ""
    return MaskingError(
        f"masking failed, nothing was written: {safe_engine_message(exc)}",
        where=f"{where}{col}",
        fix=f"check that the column's type suits its method{how}, or choose another method in the policy",
    )


def explain_failure(exc: BaseException, con: Any, plan: Any, relation: str, where: str) -> MaskingError:
    """The MaskingError for a failed masking statement: probes each masked column to name the culprit."""
    from sqlglot import exp

    from maskline.sql.compile import mask_expression

    exprs = [
        (c.name, mask_expression(exp.column(exp.to_identifier(c.name, quoted=True)), c.method, "duckdb",
                                 info_type=c.info_type, source_type=c.source_type).sql("duckdb"))
        for c in plan.masked if c.method
    ]
    bad = failing_column(con, exprs, relation)
    method = next((c.method.name for c in plan.masked if c.name == bad and c.method), None)
    return masking_failed(exc, where, bad, method)
