"""One walk over the containers a log event, an XCom or a lineage event nests its values in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def map_leaves(value: Any, leaf: Callable[[Any], Any], key: Callable[[Any], Any] | None = None) -> Any:
    """``value`` with ``leaf`` applied to every part that is not a dict, list, tuple or set (and ``key``, or
    ``leaf``, to every dict key), at any depth; a container comes back as the same object when no part of it
    changed, so a clean value costs no copy and keeps its identity (callers test ``new is value``).

    >>> map_leaves({"a": ["x", 1]}, lambda v: v.upper() if isinstance(v, str) else v)
    {'A': ['X', 1]}
    >>> clean = {"n": [1, 2]}; map_leaves(clean, lambda v: v) is clean
    True
    """
    on_key = leaf if key is None else key
    if isinstance(value, dict):
        items = [(on_key(k), map_leaves(v, leaf, key)) for k, v in value.items()]
        if all(nk is k and nv is v for (nk, nv), (k, v) in zip(items, value.items(), strict=True)):
            return value
        return dict(items)
    if isinstance(value, (list, tuple, set, frozenset)):
        parts = [map_leaves(v, leaf, key) for v in value]
        if all(n is v for n, v in zip(parts, value, strict=True)):
            return value
        # A subclass (a named tuple, a set subclass) may not take one iterable: it comes back as a list.
        return type(value)(parts) if type(value) in (list, tuple, set, frozenset) else parts
    return leaf(value)
