"""Scrub an XCom as Airflow stores it: the objects the value scrubber does not know, by the fields serde stores.

:func:`airflow_plugin.xcom.scrub_xcom_value` scrubs the values it knows (text, numbers, containers, tables). Any
other object (a dataclass, a ``Decimal``, an attrs or pydantic model, a frame inside a dict) used to reach the
store as it was, so a task returning ``Contact(email=...)`` stored the address. Listing the types that carry
values would be enumeration; instead this module reads what Airflow's serde is about to store, where every such
object has become ``{"__classname__": ..., "__version__": ..., "__data__": <its fields>}``, and scrubs the
``__data__`` of each one with the same scrubber, keeping the names serde needs to rebuild it. Only these keep
their data as it is:

- the classes in :data:`KEPT_AS_STORED`: dates and times (they pass unchanged as bare values do) and the
  containers whose items :func:`scrub_xcom_value` already scrubbed (each item still walked here, for the
  objects inside them);
- a frame inside another value: decided column by column like a returned frame (:mod:`airflow_plugin.xcom_tables`);
  a frame returned as the whole value was decided (or kept, when ``@task.maskline`` masked it) before.

>>> import decimal
>>> scrub_stored({"__classname__": "decimal.Decimal", "__version__": 1, "__data__": 4111111111111111})
'[CREDIT_CARD]'
>>> scrub_stored({"__classname__": "decimal.Decimal", "__version__": 1, "__data__": 12.5})
{'__classname__': 'decimal.Decimal', '__version__': 1, '__data__': 12.5}
"""

from __future__ import annotations

from typing import Any

CLASSNAME, VERSION, DATA = "__classname__", "__version__", "__data__"
# serde's own keys beside __data__: names and numbers it needs to rebuild the object, not values of the task's
RESERVED = frozenset({CLASSNAME, VERSION, "__id__", "__type"})
KEPT_AS_STORED = frozenset({
    "datetime.datetime", "datetime.date", "datetime.time", "datetime.timedelta",
    "pendulum.datetime.DateTime", "pendulum.date.Date", "pendulum.time.Time", "pendulum.duration.Duration",
})
WALKED = frozenset({"builtins.tuple", "builtins.set", "builtins.frozenset"})
FRAMES = frozenset({"pandas.core.frame.DataFrame", "pandas.DataFrame"})


class _Kept:
    """A stored name or number the scrubber passes over (it leaves objects it does not know as they are)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


def scrub_stored(stored: Any, frame_decided: bool = False) -> Any:
    """``stored`` (what serde made of an XCom) with the fields of every object scrubbed; see the module.

    ``frame_decided``: the value is a frame :func:`~airflow_plugin.xcom.scrub_xcom_value` already decided (or
    kept, being the very frame ``@task.maskline`` masked); it holds no object of its own.

    An object serde cannot rebuild here (its class is not importable, or not allowed by
    ``[core] allowed_deserialization_classes``) is stored as its scrubbed fields:

    >>> scrub_stored({"note": "plain", "n": [1, {"__classname__": "x.C", "__version__": 0,
    ...                                             "__data__": {"email": "ann@example.com"}}]})
    {'note': 'plain', 'n': [1, {'email': '[EMAIL]'}]}
    """
    if frame_decided:
        return stored
    return _walk(stored)


def _is_object(node: Any) -> bool:
    return isinstance(node, dict) and isinstance(node.get(CLASSNAME), str) and DATA in node


def _walk(node: Any) -> Any:
    """Find the objects in ``node``; text and numbers outside them were scrubbed before serialization."""
    if _is_object(node):
        name = node[CLASSNAME]
        if name in KEPT_AS_STORED:
            return node
        if name in FRAMES:
            return _decided_frame(node)
        if name in WALKED:
            return {**node, DATA: _walk(node[DATA])}
        return _rebuilt_or_fields(node, _scrubbed(node[DATA]))
    if isinstance(node, dict):
        return {k: _walk(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_walk(v) for v in node]
    return node


def _rebuilt_or_fields(node: dict[str, Any], data: Any) -> Any:
    """The object with its scrubbed fields when serde can rebuild it from them, else the scrubbed fields alone.

    A ``Decimal`` whose digits were a card number cannot be rebuilt from ``[CREDIT_CARD]``: the reader gets the
    text, not an error.
    """
    if data == node[DATA]:
        return node
    new = {**node, DATA: data}
    from airflow.sdk.serde import deserialize

    try:
        deserialize(new)
    except Exception:  # noqa: BLE001 - whatever stops the rebuild, the scrubbed fields are stored instead
        return data
    return new


def _scrubbed(data: Any) -> Any:
    """An object's stored fields scrubbed, objects nested in them included."""
    from maskline.text import scrub_value

    return _unwrap(scrub_value(_wrap(data)))


def _wrap(node: Any) -> Any:
    """``node`` with serde's own keys and what must not be scrubbed as text hidden from the scrubber."""
    if _is_object(node):
        name = node[CLASSNAME]
        if name in KEPT_AS_STORED:
            return _Kept(node)
        if name in FRAMES:
            return _Kept(_decided_frame(node))
        return {(_Kept(k) if k in RESERVED or k == DATA else k): (_Kept(v) if k in RESERVED else _wrap(v))
                for k, v in node.items()}
    if isinstance(node, dict):
        return {k: _wrap(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_wrap(v) for v in node]
    return node


def _unwrap(node: Any) -> Any:
    if isinstance(node, _Kept):
        return node.value
    if isinstance(node, dict):
        return {_unwrap(k): _unwrap(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_unwrap(v) for v in node]
    return node


def _decided_frame(node: Any) -> Any:
    """A stored frame, read back, decided column by column and stored again."""
    from airflow.sdk.serde import deserialize, serialize

    from airflow_plugin.xcom import scrub_xcom_value

    return serialize(scrub_xcom_value(deserialize(node)))
