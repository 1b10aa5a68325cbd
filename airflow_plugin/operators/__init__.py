"""maskline operators, imported lazily so a DAG file pays only for the operators it uses.

>>> import airflow_plugin.operators as ops
>>> sorted(ops.__all__)[:2]
['CheckMaskingOperator', 'MaskFileOperator']
"""

from __future__ import annotations

from typing import Any

from maskline.extras import require_extra

# Before any operator module is imported: without Airflow, `from airflow_plugin.operators.mask_table import ...`
# names the extra to install instead of "No module named 'airflow'".
require_extra("maskline's Airflow operators", "airflow", "airflow")

_EXPORTS = {
    "MaskTableOperator": "airflow_plugin.operators.mask_table",
    "MaskQueryOperator": "airflow_plugin.operators.mask_query",
    "MaskFileOperator": "airflow_plugin.operators.mask_file",
    "CheckMaskingOperator": "airflow_plugin.operators.check",
    "ProtectPostgresOperator": "airflow_plugin.operators.protect",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(name)


__all__ = sorted(_EXPORTS)
