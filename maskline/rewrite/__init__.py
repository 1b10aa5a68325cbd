"""Mask any query: rewrite a SELECT so every output derived from a sensitive column is masked.

See :mod:`maskline.rewrite.api` for the entry point and the modules beside it
for each step (refusals, tracing, filter literals, output masking). Names are
imported lazily, so the CLI can register ``--query`` without loading sqlglot.

>>> from maskline.rewrite import rewrite, Rewritten
>>> callable(rewrite)
True
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {"rewrite": "maskline.rewrite.api", "Rewritten": "maskline.rewrite.api",
            "OutputLineage": "maskline.rewrite.outputs"}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(name)


__all__ = ["OutputLineage", "Rewritten", "rewrite"]
