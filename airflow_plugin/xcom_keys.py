"""The key an XCom is stored under, decided as a value when it may be one.

An XCom's key is stored beside its value, and the XCom table, the UI's XCom tab, the REST API and the task log
show it as it is. Most keys are names (``return_value``, ``row_count``), but two ways put values there:

- a task with ``multiple_outputs=True`` (or annotated ``-> dict[...]``) pushes each key of its returned dict as
  an XCom of its own, under that key: a table returned as ``{customer: {column: value}}``
  (``df.set_index("email").to_dict("index")``) is stored row by row, its row labels as the keys;
- ``ti.xcom_push(key=...)`` with a value of the task's as the key.

So a key is kept only when it is confidently a name (an allow-list, not a list of what to catch): it is spelled
as a name (letters, digits, ``_``, ``-``, ``.``; no spaces, no ``@``), the text scrubber finds nothing in it, and
its value is no row of a labelled table (a dict with text keys, the shape :mod:`airflow_plugin.xcom_labelled`
reads with the outer keys as row labels). Any other key is decided as a row label is
(:func:`airflow_plugin.xcom_labelled._labels`, as a frame's index is) and masked keys are numbered apart within
the task instance (``[MASKED]``, ``[MASKED] (2)``), so that no XCom overwrites another. Not with ``#2`` as
:mod:`airflow_plugin.xcom_labelled` numbers labels: the key travels in the Execution API's URL path, where
``#`` starts the fragment, and Airflow stored ``[MASKED] #2`` and ``[MASKED] #3`` both as ``[MASKED] ``.

>>> from maskline.policy import load_policy
>>> keys = StoredKeys()
>>> [keys.key("ti", k, v, load_policy({})) for k, v in
...  (("return_value", 1), ("row_count", 3), ("ann lee", {"n": 1}), ("bo ray", {"n": 2}), ("bo@example.com", 2))]
['return_value', 'row_count', '[MASKED]', '[MASKED] (2)', '[EMAIL]']
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from maskline.policy import Policy

RETURN_KEY = "return_value"
# A name as code spells one; a key with spaces, '@', '+', quotes... is taken for a value.
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")


def is_row(value: Any) -> bool:
    """Whether ``value`` is shaped as one row of a labelled table (a non-empty dict with text keys).

    >>> is_row({"email": "a", "n": 1}), is_row({}), is_row([1]), is_row({1: "a"})
    (True, False, False, False)
    """
    return isinstance(value, dict) and bool(value) and all(isinstance(k, str) for k in value)


def is_name(key: str) -> bool:
    """Whether ``key`` is confidently the name of an output: spelled as one, and nothing in it the scrubber finds.

    >>> is_name("row_count"), is_name("ann lee"), is_name("ann@example.com"), is_name("4111111111111111")
    (True, False, False, False)
    """
    if not NAME.match(key):
        return False
    from maskline.text import scrub_value

    return scrub_value(key) == key


class StoredKeys:
    """The keys stored so far, per task instance: the same raw key maps to the same stored key (a second push
    overwrites the first, as without maskline), and two raw keys never to one."""

    def __init__(self) -> None:
        self._by_ti: dict[Hashable, dict[str, str]] = {}

    def key(self, ti: Hashable, key: str, value: Any, policy: Policy) -> str:
        """The key to store ``key``'s XCom under, for the task instance ``ti``."""
        if key == RETURN_KEY or (is_name(key) and not is_row(value)):
            return key
        given = self._by_ti.setdefault(ti, {})
        if key in given:
            return given[key]
        from airflow_plugin.xcom_labelled import _labels

        (decided,) = _labels([key], True, policy)
        stored = str(decided)
        taken = set(given.values())
        number = 1
        while stored in taken:
            number += 1
            stored = f"{decided} ({number})"
        given[key] = stored
        return stored


_STORED = StoredKeys()


def stored_key(key: str, value: Any, ti: Hashable) -> str:
    """The key :class:`airflow_plugin.xcom.MaskingXComBackend` stores ``key``'s XCom under, under the plugin's
    policy (see the module).

    >>> stored_key("return_value", "ann lee", ("d", "t", "r", -1))
    'return_value'
    """
    if key == RETURN_KEY:
        return key
    from airflow_plugin.xcom_tables import xcom_policy

    return _STORED.key(ti, key, value, xcom_policy())
