"""maskline's Great Expectations expectations (the ``[gx]`` extra).

Importing this package is cheap; the classes (and Great Expectations, which
takes seconds to import) load on first use, and loading one registers it and
its metric with GX:

    from maskline.expectations import ExpectColumnValuesToNotContainPii

Results of these expectations never contain a raw value (see
:mod:`maskline.expectations.value_free`).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "ExpectColumnValuesToNotContainPii": "expect_column_values_to_not_contain_pii",
    "ExpectColumnValuesToBeMasked": "expect_column_values_to_be_masked",
    "ExpectColumnToBeClassifiedAs": "expect_column_to_be_classified_as",
    "ExpectTableToMatchMaskingPolicy": "expect_table_to_match_masking_policy",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        module = importlib.import_module(f"{__name__}.{_EXPORTS[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_all() -> None:
    """Import (and so register with GX) every maskline expectation and metric.

    >>> load_all()  # doctest: +SKIP
    """
    for name in _EXPORTS:
        __getattr__(name)
