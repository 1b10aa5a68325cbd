"""Tables pushed to XCom in the other shapes ``DataFrame.to_dict`` gives, read back as frames to be decided.

:mod:`airflow_plugin.xcom_tables` decides lists of records (``to_dict("records")``) and dicts of column lists
(``to_dict("list")``). ``df.to_dict()`` itself (orient ``"dict"``: ``{column: {row label: value}}``), and the
``"index"``, ``"split"`` and ``"tight"`` orients, went to the text scrubber, which cannot tell a column of
lower-case names or bare account numbers from other words and numbers. Each is read here as the frame it came
from, so the same column-by-column decision masks it, and written back in its own shape.

A dict of dicts is read here when one of its two levels holds integer row labels (a default ``RangeIndex``), which
tells which level holds the columns. With text labels on both levels (a frame with a text index, or a dict of
settings of that shape, which nothing tells apart) it is read by :mod:`airflow_plugin.xcom_labelled`.

>>> frame, orient = as_frame({"who": {0: "ann lee", 1: "bo ray"}, "n": {0: 1, 1: 2}})
>>> orient, list(frame.columns), back(frame, orient)["who"]
('dict', ['who', 'n'], {0: 'ann lee', 1: 'bo ray'})
>>> as_frame({"db": {"host": "h", "port": 5}, "cache": {"host": "c", "port": 6}}) is None
True
"""

from __future__ import annotations

from typing import Any

MIN_ROWS = 2  # as airflow_plugin.xcom_tables: one row is a record, not a column
SPLIT_KEYS = frozenset({"index", "columns", "data"})
TIGHT_KEYS = SPLIT_KEYS | {"index_names", "column_names"}


def _row_labels(keys: Any) -> bool:
    return len(keys) >= MIN_ROWS and all(isinstance(k, int) and not isinstance(k, bool) for k in keys)


def _orient(value: Any) -> str | None:
    if not isinstance(value, dict) or not value:
        return None
    keys = set(value)
    if keys in (SPLIT_KEYS, TIGHT_KEYS):
        data, columns = value.get("data"), value.get("columns")
        if isinstance(data, list) and isinstance(columns, list) and len(data) >= MIN_ROWS \
                and all(isinstance(row, list) and len(row) == len(columns) for row in data):
            return "tight" if keys == TIGHT_KEYS else "split"
        return None
    inner = [v for v in value.values() if isinstance(v, dict)]
    if len(inner) != len(value) or any(set(d) != set(inner[0]) for d in inner):
        return None
    if _row_labels(list(inner[0])):
        return "dict"  # {column: {row label: value}}: DataFrame.to_dict()'s default
    if _row_labels(list(value)) and inner[0]:
        return "index"  # {row label: {column: value}}
    return None


def as_frame(value: Any) -> tuple[Any, str] | None:
    """``(frame, orient)`` when ``value`` is a table in one of ``to_dict``'s dict shapes read here, else None.

    >>> as_frame({"index": [0, 1], "columns": ["who"], "data": [["ann lee"], ["bo ray"]]})[1]
    'split'
    """
    orient = _orient(value)
    if orient is None:
        return None
    import pandas as pd

    if orient in ("split", "tight"):
        return pd.DataFrame(value["data"], index=value["index"], columns=value["columns"]), orient
    return pd.DataFrame.from_dict(value, orient="columns" if orient == "dict" else "index"), orient


def back(frame: Any, orient: str) -> Any:
    """``frame`` in the shape ``orient`` names (the one :func:`as_frame` read).

    Dates come back as Python's (``datetime``), as they went in: serde stores those, not pandas' ``Timestamp``.

    >>> import datetime as dt, pandas as pd
    >>> back(pd.DataFrame({"who": ["[MASKED]", "[MASKED]"]}), "index")
    {0: {'who': '[MASKED]'}, 1: {'who': '[MASKED]'}}
    >>> back(pd.DataFrame({"day": [dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 2)]}), "dict")["day"][0]
    datetime.datetime(2024, 1, 1, 0, 0)
    """
    return _python_values(frame.to_dict(orient))


def _python_values(node: Any) -> Any:
    import pandas as pd

    if isinstance(node, dict):
        return {k: _python_values(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_python_values(v) for v in node]
    if node is pd.NaT:
        return None
    if isinstance(node, pd.Timestamp):
        return node.to_pydatetime()
    if isinstance(node, pd.Timedelta):
        return node.to_pytimedelta()
    return node
