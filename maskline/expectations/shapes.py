"""What a masked value looks like, per masking method, with its parameters as a policy writes them.

Each method declares its own output shape (``METHOD.shape`` in
:mod:`maskline.methods`); this module only turns a policy-style method entry
into that shape, for the expectations and their metrics. It imports no Great
Expectations, so the dbt face and tests may use it.

>>> masked_shape("hmac").pattern
'^[0-9a-f]{64}$'
>>> masked_shape({"method": "email"}).describe()
'email: *****@domain'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from maskline.methods.base import MethodSpec
from maskline.methods.registry import METHODS, method_spec
from maskline.methods.shape import MaskedShape, literal, value_text

__all__ = ["MaskedShape", "literal", "masked_shape", "value_text"]


def _spec(method: str | Mapping[str, Any] | MethodSpec) -> MethodSpec:
    if isinstance(method, MethodSpec):
        return method
    if isinstance(method, str):
        return method_spec(method, {}, where="expectation method")
    params = dict(method)
    name = params.pop("method", None)
    if not isinstance(name, str):
        from maskline.errors import PolicyError

        raise PolicyError("a method needs a 'method' name", where="expectation method",
                          fix="e.g. {'method': 'hmac', 'length': 16}")
    return method_spec(name, params, where="expectation method")


def masked_shape(method: str | Mapping[str, Any] | MethodSpec, info_type: str | None = None) -> MaskedShape:
    """The output shape of a masking method with its parameters (as in a policy).

    ``info_type`` refines shapes that depend on it (``redact``'s default label,
    ``fake``'s default kind). Unknown methods and bad parameters raise the
    policy's :class:`~maskline.errors.PolicyError` with the closest name.

    >>> masked_shape({"method": "hmac", "length": 16}).pattern
    '^[0-9a-f]{16}$'
    >>> masked_shape("redact", "EMAIL").fullmatch("[EMAIL]")
    True
    >>> masked_shape({"method": "generalize", "bucket": 10}).fullmatch(30)
    True
    """
    spec = _spec(method)
    return METHODS[spec.name].shape(spec.params, info_type)
