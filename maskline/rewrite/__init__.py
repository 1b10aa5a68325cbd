"""Mask any query: rewrite a SELECT so every output derived from a sensitive column is masked.

See :mod:`maskline.rewrite.api` for the entry point and the modules beside it
for each step (refusals, tracing, filter literals, output masking).

>>> from maskline.rewrite import rewrite, Rewritten
>>> callable(rewrite)
True
"""

from __future__ import annotations

from maskline.rewrite.api import Rewritten, rewrite
from maskline.rewrite.outputs import OutputLineage

__all__ = ["OutputLineage", "Rewritten", "rewrite"]
