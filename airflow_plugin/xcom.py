"""``MaskingXComBackend``: scrub PII and secrets from every XCom before Airflow stores it.

Enable it with one line of configuration::

    [core]
    xcom_backend = airflow_plugin.xcom.MaskingXComBackend

(or ``AIRFLOW__CORE__XCOM_BACKEND=airflow_plugin.xcom.MaskingXComBackend``).

Tables are masked column by column by the project's one fail-closed decision
(:func:`maskline.classify.decision.decide_unnamed`, see :mod:`airflow_plugin.xcom_tables`):
a pandas DataFrame (its columns and index), a list of at least two dicts with the
same keys (``df.to_dict("records")``) and a dict of equal-length lists
(``df.to_dict("list")``). A column passes unchanged only when the classifier is
confident it holds nothing sensitive; any other is replaced whole (``[INFO_TYPE]``
or ``[MASKED]`` in text cells, None in others), including a column that cannot be
classified. Columns are decided under the plugin's ``[maskline] policy`` when one is
set, else under the default ``unclassified: mask``. Other strings, dicts, lists and
tuples are free text: they are scrubbed recursively with the core's text scrubber,
keys included, and keep their types. Numbers, dates and booleans pass unchanged: a bare number
carries no context the scrubber could judge. Any other object (a dataclass, a ``Decimal``, a set, a frame inside
a dict) is scrubbed in the form Airflow's serializer stores it, field by field (:mod:`airflow_plugin.xcom_stored`);
one it cannot serialize (a pandas Series, an Arrow table) fails as it does without maskline. Values are
scrubbed in the task process, before they leave it, so the metadata database, the API and the UI only ever see
scrubbed values.
"""

from __future__ import annotations

from typing import Any

from airflow.sdk.bases.xcom import BaseXCom


def _is_dataframe(value: Any) -> bool:
    # Checked by module name so that pandas is never imported just to look.
    return type(value).__module__.startswith("pandas") and type(value).__name__ == "DataFrame"


def _scrub_frame(frame: Any) -> Any:
    """Mask the frame's columns by the fail-closed decision (see :mod:`airflow_plugin.xcom_tables`)."""
    from airflow_plugin.config import flag

    if not flag("scrub_xcom_dataframes"):
        return frame
    from airflow_plugin.masked_frames import was_masked

    if was_masked(frame):
        # The very frame @task.maskline masked by policy: keep its joinable tokens and masked shapes. Known by
        # identity, never by a marker a derived frame inherits (see airflow_plugin.masked_frames).
        return frame
    from airflow_plugin.xcom_tables import mask_frame_columns, xcom_policy

    return mask_frame_columns(frame, xcom_policy())


def _scrub_table(value: Any) -> Any:
    """A list of records, a dict of column lists, another ``to_dict`` shape (:mod:`airflow_plugin.xcom_orients`) or
    a dict of dicts with text labels (:mod:`airflow_plugin.xcom_labelled`) masked by the decision, or None when
    ``value`` is not one."""
    from airflow_plugin.xcom_labelled import readings
    from airflow_plugin.xcom_orients import as_frame
    from airflow_plugin.xcom_tables import is_column_lists, is_records

    records = is_records(value)
    lists = not records and is_column_lists(value)
    oriented = None if records or lists else as_frame(value)
    labelled = not (records or lists or oriented is not None) and readings(value) is not None
    if not (records or lists or oriented is not None or labelled):
        return None
    from airflow_plugin.config import flag

    if not flag("scrub_xcom_dataframes"):
        return None  # as before the decision reached XCom tables: the text scrubber
    from airflow_plugin.xcom_tables import mask_column_lists, mask_frame_columns, mask_records, xcom_policy

    if oriented is not None:
        from airflow_plugin.xcom_orients import back

        frame, orient = oriented
        return back(mask_frame_columns(frame, xcom_policy()), orient)
    if labelled:
        from airflow_plugin.xcom_labelled import mask_labelled

        return mask_labelled(value, xcom_policy())
    return mask_records(value, xcom_policy()) if records else mask_column_lists(value, xcom_policy())


def masked_table(value: Any) -> Any:
    """``value`` masked column by column when it is a table (a DataFrame, a list of records, a dict of column
    lists), as it is stored in an XCom; ``None`` for anything else. The log filter masks a table logged as an
    argument (Airflow's "Returned value was: %s") with it, so the log shows what the XCom holds.

    >>> masked_table([{"id": 1, "who": "ann lee"}, {"id": 2, "who": "bo ray"}])
    [{'id': 1, 'who': '[MASKED]'}, {'id': 2, 'who': '[MASKED]'}]
    >>> masked_table("ann lee") is None
    True
    """
    if _is_dataframe(value):
        return _scrub_frame(value)
    if isinstance(value, (dict, list)):
        return _scrub_table(value)
    return None


def scrub_xcom_value(value: Any) -> Any:
    """The value with PII and secrets replaced, of the same type and shape.

    >>> scrub_xcom_value(42), scrub_xcom_value(4111111111111111)
    (42, '[CREDIT_CARD]')
    >>> scrub_xcom_value({"to": "alice@example.com"})
    {'to': '[EMAIL]'}
    >>> scrub_xcom_value([{"id": 1, "who": "ann lee"}, {"id": 2, "who": "bo ray"}])  # a table: columns decided
    [{'id': 1, 'who': '[MASKED]'}, {'id': 2, 'who': '[MASKED]'}]
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        from maskline.text.scrubber import scrubbed_number

        return scrubbed_number(value)  # a card number returned as an int is a card number
    if _is_dataframe(value):
        return _scrub_frame(value)
    if isinstance(value, (dict, list)):
        table = _scrub_table(value)
        if table is not None:
            return table
    if isinstance(value, (str, dict, list, tuple, set, frozenset)):
        from maskline.text import scrub_value

        scrubbed = scrub_value(value)
        return tuple(scrubbed) if isinstance(value, tuple) and isinstance(scrubbed, list) else scrubbed
    return value


class MaskingXComBackend(BaseXCom):
    """The default XCom backend, with every value scrubbed before it is serialized.

    >>> MaskingXComBackend.serialize_value(7)
    7
    """

    @classmethod
    def set(cls, key: str, value: Any, *, dag_id: str, task_id: str, run_id: str, map_index: int = -1,
            **kwargs: Any) -> None:
        """Store the XCom under its key decided as a value when it may be one (:mod:`airflow_plugin.xcom_keys`):
        a ``multiple_outputs`` row label or a value pushed as ``ti.xcom_push(key=...)``."""
        from airflow_plugin.xcom_keys import stored

        key, value = stored(key, value, (dag_id, task_id, run_id, map_index))
        super().set(key, value, dag_id=dag_id,
                    task_id=task_id, run_id=run_id, map_index=map_index, **kwargs)

    @classmethod
    async def aset(cls, key: str, value: Any, *, dag_id: str, task_id: str, run_id: str, map_index: int = -1,
                   **kwargs: Any) -> None:
        """As :meth:`set`, for async tasks."""
        from airflow_plugin.xcom_keys import stored

        key, value = stored(key, value, (dag_id, task_id, run_id, map_index))
        await super().aset(key, value, dag_id=dag_id,
                           task_id=task_id, run_id=run_id, map_index=map_index, **kwargs)

    @staticmethod
    def serialize_value(value: Any, *, key: str | None = None, task_id: str | None = None,
                        dag_id: str | None = None, run_id: str | None = None, map_index: int | None = None) -> Any:
        from airflow_plugin.registered_secrets import hide_keys
        from airflow_plugin.xcom_stored import scrub_stored

        # The values scrub_xcom_value knows are scrubbed (and tables decided) as values; every other object is
        # scrubbed in the form Airflow stores it, field by field (airflow_plugin.xcom_stored). Airflow masks no
        # XCom: maskline's key, once read, is hidden here, in every text of the value and of its stored form (its
        # key only: an XCom is data, and a registered common password would rewrite it, registered_secrets._KEYS).
        stored = BaseXCom.serialize_value(scrub_xcom_value(hide_keys(value)), key=key,
                                          task_id=task_id, dag_id=dag_id, run_id=run_id, map_index=map_index)
        return hide_keys(scrub_stored(stored, frame_decided=_is_dataframe(value)))
