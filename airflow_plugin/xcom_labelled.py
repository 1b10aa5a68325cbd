"""Tables pushed to XCom as a dict of dicts with text labels on both levels, decided column by column.

``df.to_dict(orient="index")`` of a frame with a text index gives ``{row label: {column: value}}``, and
``df.to_dict()`` of one gives ``{column: {row label: value}}``: :mod:`airflow_plugin.xcom_orients` reads such a dict
as a table only when one level holds integer row labels, so these went to the text scrubber, which cannot tell a
column of lower-case names or bare account numbers from other words and numbers.

Which level holds the columns cannot be told from the labels. It is told from the values: a table's column holds
one kind of value (numbers, text, dates...), its row the kinds of every column. When only one reading has columns of
one kind each, that reading is the table. When both have (a table of text only) or neither has, the value is
decided both ways and a cell is masked when either reading masks it: which one is the table cannot be told, so
neither may pass what the other masks.

The row labels are values too (a frame indexed by customer): they are decided as a column, as a frame's index is,
and the column labels are scrubbed, as a frame's are; masked labels are numbered so that no row or column is lost.
A dict of settings (``{"db": {"host": ..., "port": ...}, "cache": {...}}``) has this shape too and is decided the
same way: nothing tells it from a table, and what is not confidently safe is masked.

>>> from maskline.policy import load_policy
>>> value = {"ann": {"who": "ann lee", "n": 1}, "bo": {"who": "bo ray", "n": 2}}
>>> readings(value)
('index',)
>>> mask_labelled(value, load_policy({}))
{'[MASKED]': {'who': '[MASKED]', 'n': 1}, '[MASKED] (2)': {'who': '[MASKED]', 'n': 2}}
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from maskline.classify.decision import ColumnDecision
    from maskline.policy import Policy

MIN_ROWS = 2  # as airflow_plugin.xcom_tables: one row is a record, not a column


def _kind(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__


def _one_kind(columns: list[list[Any]]) -> bool:
    return all(len({_kind(v) for v in column} - {None}) <= 1 for column in columns)


def _columns(value: dict[str, dict[str, Any]], reading: str) -> tuple[list[str], list[list[Any]]]:
    """The column names and columns of ``value`` read as ``reading`` (``"dict"``: the outer keys are the columns;
    ``"index"``: the inner keys are)."""
    outer = list(value)
    inner = list(value[outer[0]])
    if reading == "dict":
        return outer, [[value[o][i] for i in inner] for o in outer]
    return inner, [[value[o][i] for o in outer] for i in inner]


def readings(value: Any) -> tuple[str, ...] | None:
    """How ``value`` is read as a table (``("dict",)``, ``("index",)`` or both), or None when it is no dict of at
    least two dicts with the same text keys.

    >>> readings({"who": {"a": "ann lee", "b": "bo ray"}, "n": {"a": 1, "b": 2}})
    ('dict',)
    >>> readings({"a": {"first": "ann", "last": "lee"}, "b": {"first": "bo", "last": "ray"}})
    ('dict', 'index')
    >>> readings({"a": {"x": 1}, "b": {"y": 2}}) is None, readings({"a": {"x": 1}}) is None
    (True, True)
    """
    if not isinstance(value, dict) or not value or not all(isinstance(v, dict) and v for v in value.values()):
        return None
    inner = list(value.values())
    keys = set(inner[0])
    if any(set(d) != keys for d in inner) or not all(isinstance(k, str) for k in (*value, *keys)):
        return None
    if max(len(value), len(keys)) < MIN_ROWS:
        return None
    typed = [r for r in ("dict", "index") if _one_kind(_columns(value, r)[1])]
    chosen = tuple(typed) if len(typed) == 1 else ("dict", "index")
    rows = {"dict": len(keys), "index": len(value)}
    chosen = tuple(r for r in chosen if rows[r] >= MIN_ROWS)  # a one-row reading is a record, not a table
    return chosen or None


def _decisions(value: dict[str, dict[str, Any]], reading: str, policy: Policy) -> list[ColumnDecision]:
    from airflow_plugin.xcom_tables import _as_frame, decide_columns

    names, columns = _columns(value, reading)
    return decide_columns(_as_frame(dict(zip(names, columns, strict=True))), policy)


def _labels(labels: list[str], row_labels: bool, policy: Policy) -> list[Hashable]:
    """Row labels decided as a column (a frame's index is), then scrubbed as column labels are; numbered apart."""
    from airflow_plugin.xcom_tables import _as_frame, _cell, decide_columns, distinct_labels, scrubbed_labels

    given: list[Hashable] = list(labels)
    new: list[Hashable] = list(labels)
    if row_labels:
        from airflow_plugin.xcom_tables import UNNAMED_INDEX

        (decision,) = decide_columns(_as_frame({UNNAMED_INDEX: list(labels)}), policy)
        new = [_cell(label, decision) for label in labels]
    new = [s if n == label else n for label, n, s in zip(labels, new, scrubbed_labels(given), strict=True)]
    return distinct_labels(given, new)


def mask_labelled(value: dict[str, dict[str, Any]], policy: Policy) -> dict[Hashable, dict[Hashable, Any]]:
    """``value`` (a dict :func:`readings` reads) with the cells a reading's decision masks replaced, its row labels
    decided and its column labels scrubbed; the same shape and order, dates as Python's."""
    from airflow_plugin.xcom_tables import _cell, _masks, _scrubs

    ways = readings(value) or ("dict", "index")
    outer, inner = list(value), list(value[next(iter(value))])
    by_reading = {r: _decisions(value, r, policy) for r in ways}

    def decided(o: int, i: int) -> list[ColumnDecision]:
        return [by_reading[r][o if r == "dict" else i] for r in ways]

    def cell(o: int, i: int) -> Any:
        raw = value[outer[o]][inner[i]]
        decisions = decided(o, i)
        masking = next((d for d in decisions if _masks(d)), None)
        if masking is not None:
            return _cell(raw, masking)
        scrubbing = next((d for d in decisions if _scrubs(d)), None)
        return _cell(raw, scrubbing) if scrubbing is not None else raw

    # The outer keys are row labels in the "index" reading, the inner keys in the "dict" one.
    outer_labels = _labels(outer, "index" in ways, policy)
    inner_labels = _labels(inner, "dict" in ways, policy)
    # pandas' dates as Python's, as xcom_orients writes them back: serde stores those, not pandas' Timestamp.
    from airflow_plugin.xcom_orients import _python_values

    return _python_values({outer_labels[o]: {inner_labels[i]: cell(o, i) for i in range(len(inner))}
                           for o in range(len(outer))})
