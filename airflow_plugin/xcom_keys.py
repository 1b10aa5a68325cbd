"""The key an XCom is stored under, decided as a value when it may be one.

An XCom's key is stored beside its value, and the XCom table, the UI's XCom tab, the REST API and the task log
show it as it is. Most keys are names (``return_value``, ``row_count``), but two ways put values there:

- a task with ``multiple_outputs=True`` (or annotated ``-> dict[...]``) pushes each key of its returned dict as
  an XCom of its own, under that key: a table returned as ``{customer: {column: value}}``
  (``df.set_index("email").to_dict("index")``) is stored row by row, its row labels as the keys;
- ``ti.xcom_push(key=...)`` with a value of the task's as the key.

A ``multiple_outputs`` dict is decided whole, as its ``return_value`` XCom is
(:func:`airflow_plugin.xcom.scrub_xcom_value`: a labelled table's row labels as a frame's index, its cells column
by column): Airflow pushes its keys one by one, so the listener hook of this module records the dict a
``multiple_outputs`` task returned (through the task's post-execute hook, which sees the result before Airflow
pushes it), and each key's XCom is stored under the key, and with the value, that the dict masked whole has at
that key. A row's cells are then masked as the table's columns are, not as the free text one row alone would be.
The hook records only when Airflow's XCom backend is :class:`airflow_plugin.xcom.MaskingXComBackend` (or a
subclass), the one reader of the record. What this module keeps of a task instance (its dict, and the keys it
stored) is dropped when the next task instance starts in the process and when the task instance ends, however it
ends: it never outlives the task instance, in a task process nor in ``dag.test()``'s one process for many.

Any other key (``ti.xcom_push(key=...)``, or a key the whole dict's masking kept) is kept only when it is
confidently a name (an allow-list, not a list of what to catch): it is spelled as a name (letters, digits,
``_``, ``-``, ``.``; no spaces, no ``@``) and the text scrubber finds nothing in it; a lower-case single word
(``ann``) pushed alone cannot be told from a name and is kept. Any other key is decided as a row label is
(:func:`airflow_plugin.xcom_labelled._labels`, as a frame's index is). Masked keys are numbered apart within the
task instance by the rule that numbers every masked label (:func:`airflow_plugin.xcom_tables.distinct_labels`:
``[MASKED]``, ``[MASKED] (2)``), so that no XCom overwrites another; a key the whole dict's masking numbered keeps
its number.

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

from airflow.listeners import hookimpl

if TYPE_CHECKING:
    from maskline.policy import Policy

RETURN_KEY = "return_value"
# A name as code spells one; a key with spaces, '@', '+', quotes... is taken for a value.
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")


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

    def key(self, ti: Hashable, key: str, value: Any, policy: Policy, decided: str | None = None) -> str:
        """The key to store ``key``'s XCom under, for the task instance ``ti``; ``decided``: the key the whole
        ``multiple_outputs`` dict's masking gave it, when that masked it."""
        if key == RETURN_KEY or (decided is None and is_name(key)):
            return key
        given = self._by_ti.setdefault(ti, {})
        if key in given:
            return given[key]
        if decided is None:
            from airflow_plugin.xcom_labelled import _labels

            (label,) = _labels([key], True, policy)
            decided = str(label)
        from airflow_plugin.xcom_tables import distinct_labels

        (stored_key,) = distinct_labels([key], [decided], before=set(given.values()))
        given[key] = str(stored_key)
        return given[key]

    def held(self) -> list[Hashable]:
        """The task instances whose keys are kept.

        >>> from maskline.policy import load_policy
        >>> keys = StoredKeys(); _ = keys.key("ti", "ann lee", 1, load_policy({})); keys.held()
        ['ti']
        """
        return list(self._by_ti)

    def forget(self) -> None:
        """Drop every task instance's keys (see :func:`forget`).

        >>> from maskline.policy import load_policy
        >>> keys = StoredKeys(); _ = keys.key("ti", "ann lee", 1, load_policy({})); keys.forget(); keys.held()
        []
        """
        self._by_ti.clear()


_STORED = StoredKeys()
# (dag_id, task_id, run_id, map_index) -> the dict a multiple_outputs task returned, as Airflow will push it
_RETURNED: dict[Hashable, dict[str, Any]] = {}
_MASKED: dict[Hashable, dict[str, tuple[Any, Any]]] = {}


def _masked_outputs(ti: Hashable) -> dict[str, tuple[Any, Any]] | None:
    """raw key -> (its key, its value) in the returned ``multiple_outputs`` dict masked whole, or None."""
    if ti not in _MASKED:
        returned = _RETURNED.get(ti)
        if returned is None:
            return None
        from airflow_plugin.xcom import scrub_xcom_value

        masked = scrub_xcom_value(returned)
        if not isinstance(masked, dict) or len(masked) != len(returned):
            return None
        _MASKED[ti] = dict(zip(returned, masked.items(), strict=True))
    return _MASKED[ti]


def stored(key: str, value: Any, ti: Hashable) -> tuple[str, Any]:
    """The key and value :class:`airflow_plugin.xcom.MaskingXComBackend` stores ``key``'s XCom as, under the
    plugin's policy (see the module); the value is scrubbed again by the backend.

    >>> stored("return_value", "ann lee", ("d", "t", "r", -1))
    ('return_value', 'ann lee')
    """
    if key == RETURN_KEY:
        # Airflow pushes the whole dict last, after its keys: the record has served.
        _RETURNED.pop(ti, None)
        _MASKED.pop(ti, None)
        return key, value
    from airflow_plugin.xcom_tables import xcom_policy

    outputs = _masked_outputs(ti)
    decided = None
    if outputs is not None and key in outputs and outputs[key][0] is not None:
        masked_key, value = outputs[key]
        decided = None if masked_key == key else str(masked_key)
    return _STORED.key(ti, key, value, xcom_policy(), decided), value


def record(ti: Hashable, result: Any) -> None:
    """Keep the dict a ``multiple_outputs`` task instance returned, for :func:`stored`.

    >>> forget(); record(("d", "t", "r", -1), {"a b": {"n": 1}, "c d": {"n": 2}}); held()
    [('d', 't', 'r', -1)]
    """
    if isinstance(result, dict):
        _RETURNED[ti] = result
        _MASKED.pop(ti, None)


def held() -> list[Hashable]:
    """The task instances this process keeps anything of (a returned dict, its masking, stored keys): at most the
    one running, none once it ended.

    >>> forget(); held()
    []
    """
    return list(dict.fromkeys([*_RETURNED, *_MASKED, *_STORED.held()]))


def forget() -> None:
    """Drop everything kept of any task instance: called when a task instance starts and when it ends.

    >>> record(("d", "t", "r", -1), {"a b": 1}); forget(); held()
    []
    """
    _RETURNED.clear()
    _MASKED.clear()
    _STORED.forget()


def masking_backend() -> bool:
    """Whether Airflow's configured XCom backend (``[core] xcom_backend``) is maskline's, the one reader of what
    :func:`record` keeps; a backend Airflow cannot import is not.

    >>> masking_backend()  # no [core] xcom_backend configured here: Airflow's own
    False
    """
    from airflow.sdk.configuration import conf

    from airflow_plugin.xcom import MaskingXComBackend

    try:
        backend = conf.getimport("core", "xcom_backend")
    except Exception:  # noqa: BLE001 - Airflow fails the task on it; nothing here may read a record then
        return False
    return isinstance(backend, type) and issubclass(backend, MaskingXComBackend)


@hookimpl
def on_task_instance_running(previous_state: Any, task_instance: Any) -> None:
    """Drop what was kept of an earlier task instance, then record what a ``multiple_outputs`` task returns (see
    :func:`record`) through its post-execute hook, when maskline's XCom backend will read it.

    >>> on_task_instance_running(None, object())  # no task, or no multiple_outputs: nothing to record
    """
    forget()
    task = getattr(task_instance, "task", None)
    if task is None or not getattr(task, "multiple_outputs", False) or not masking_backend():
        return
    ti = (task_instance.dag_id, task_instance.task_id, task_instance.run_id, task_instance.map_index)
    hook = task._post_execute_hook

    def recording(context: Any, result: Any = None) -> None:
        record(ti, result)
        if hook is not None:
            hook(context, result)

    task._post_execute_hook = recording


@hookimpl
def on_task_instance_success(previous_state: Any, task_instance: Any) -> None:
    """The task instance ended: drop what was kept of it (:func:`forget`).

    >>> record(("d", "t", "r", -1), {"a b": 1}); on_task_instance_success(None, None); held()
    []
    """
    forget()


@hookimpl
def on_task_instance_failed(previous_state: Any, task_instance: Any, error: Any) -> None:
    """As :func:`on_task_instance_success`: a failed task instance (its dict refused, a push failed) keeps nothing.

    >>> record(("d", "t", "r", -1), {"a b": 1}); on_task_instance_failed(None, None, None); held()
    []
    """
    forget()


@hookimpl
def on_task_instance_skipped(previous_state: Any, task_instance: Any) -> None:
    """As :func:`on_task_instance_success`, for a task instance that skipped itself.

    >>> record(("d", "t", "r", -1), {"a b": 1}); on_task_instance_skipped(None, None); held()
    []
    """
    forget()
