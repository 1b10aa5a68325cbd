"""The local engine: masks DataFrames, Arrow tables and files with the policy's SQL on embedded DuckDB.

Attributes are imported lazily so ``import maskline.engine`` stays cheap.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "mask_frame": "maskline.engine.frames",
    "mask_frame_with_report": "maskline.engine.frames",
    "plan_for_frame": "maskline.engine.frames",
    "MaskReport": "maskline.engine.frames",
    "mask_file": "maskline.engine.files",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(name)


__all__ = sorted(_EXPORTS)
