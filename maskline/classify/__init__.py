"""Column classification: which columns hold which kind of sensitive data.

``classify(data, policy=None, *, table=None, sample=10_000)`` returns a
:class:`~maskline.classify.result.Classification`; ``classify_column`` works on
one Arrow array.

>>> from maskline.classify import classify
>>> import pandas as pd
>>> classify(pd.DataFrame({"tel": ["+49 30 901820", "+33 1 23 45 67 89"] * 5})).columns[0].info_type
'PHONE'
"""

from __future__ import annotations

from typing import Any

from maskline.classify.result import Classification, ColumnClassification

__all__ = ["Classification", "ColumnClassification", "classify", "classify_column"]


def classify(data: Any, policy: Any = None, *, table: str | None = None, sample: int | None = None,
             progress: Any = False) -> Classification:
    """Classify every column of ``data`` (see :func:`maskline.classify.classifier.classify`).

    >>> import pyarrow as pa
    >>> classify(pa.table({"x": [1, 2, 3]})).columns[0].info_type is None
    True
    """
    from maskline.classify.classifier import classify as _classify

    return _classify(data, policy, table=table, sample=sample, progress=progress)


def classify_column(name: str, values: Any, **kwargs: Any) -> ColumnClassification:
    """Classify one column (see :func:`maskline.classify.column.classify_column`).

    >>> import pyarrow as pa
    >>> classify_column("iban", pa.array(["GB82 WEST 1234 5698 7654 32"] * 4)).info_type
    'IBAN'
    """
    from maskline.classify.column import classify_column as _cc

    return _cc(name, values, **kwargs)
