"""maskline's Great Expectations expectations (the ``[gx]`` extra).

Importing this package is cheap; the classes (and Great Expectations, which
takes seconds to import) load on first use, and loading one registers it and
its metric with GX:

    from maskline.expectations import ExpectColumnValuesToNotContainPii

Results of these expectations never contain a raw value (see
:mod:`maskline.expectations.value_free`).

A process that loads saved suites or checkpoints must call :func:`load_all`
first: GX silently drops expectations it has not registered. Checkpoints built
with :func:`guarded_actions` refuse to load or to pass when that was forgotten
(see :mod:`maskline.expectations.checkpoint_guard`).
"""

from __future__ import annotations

import importlib
from typing import Any

from maskline.extras import require_extra

# Looked up, not imported (GX takes seconds to import): every module of this package needs it, and without the
# extra `from maskline.expectations import ...` (or CheckMaskingOperator's run) names the pip install.
require_extra("maskline's Great Expectations checks", "gx", "great_expectations")

_EXPORTS = {
    "ExpectColumnValuesToNotContainPii": "expect_column_values_to_not_contain_pii",
    "ExpectColumnValuesToBeMasked": "expect_column_values_to_be_masked",
    "ExpectColumnToBeClassifiedAs": "expect_column_to_be_classified_as",
    "ExpectTableToMatchMaskingPolicy": "expect_table_to_match_masking_policy",
}

# Not expectations: the checkpoint guard (see maskline.expectations.checkpoint_guard).
_HELPERS = {
    "guarded_actions": "checkpoint_guard",
    "MasklineGuardAction": "checkpoint_guard",
    "ExpectationsNotRegistered": "checkpoint_guard",
}

__all__ = [*_EXPORTS, *_HELPERS, "load_all"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS or name in _HELPERS:
        module = importlib.import_module(f"{__name__}.{_EXPORTS.get(name) or _HELPERS[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_all() -> None:
    """Import (and so register with GX) every maskline expectation, metric and the checkpoint guard action.

    Call it before ``gx.get_context()`` loads saved suites or checkpoints.

    >>> load_all()  # doctest: +SKIP
    """
    for name in [*_EXPORTS, *_HELPERS]:
        __getattr__(name)
