"""``MaskingXComBackend``: scrub PII and secrets from every XCom before Airflow stores it.

Enable it with one line of configuration::

    [core]
    xcom_backend = airflow_plugin.xcom.MaskingXComBackend

(or ``AIRFLOW__CORE__XCOM_BACKEND=airflow_plugin.xcom.MaskingXComBackend``).

Strings, dicts, lists and tuples are scrubbed recursively with the core's text
scrubber, and keep their types; pandas DataFrames keep their columns and index:
columns the classifier calls sensitive are replaced whole (``[INFO_TYPE]`` in
text columns, NULL in others) and free text elsewhere is scrubbed span by span. Numbers, dates and
booleans pass unchanged: a bare number carries no context the scrubber could
judge. Values are scrubbed in the task process, before serialization, so the
metadata database, the API and the UI only ever see scrubbed values.
"""

from __future__ import annotations

from typing import Any

from airflow.sdk.bases.xcom import BaseXCom

# Set in ``DataFrame.attrs`` by ``@task.maskline`` on the frames it masked with a policy.
MASKED_BY_POLICY = "maskline_policy_hash"


def _is_dataframe(value: Any) -> bool:
    # Checked by module name so that pandas is never imported just to look.
    return type(value).__module__.startswith("pandas") and type(value).__name__ == "DataFrame"


def _is_text(series: Any) -> bool:
    return series.dtype == object or str(series.dtype) in ("str", "string")


def _scrub_frame(frame: Any) -> Any:
    """Classify the frame's columns, replace whole sensitive columns, scrub the other text cells.

    A text scrubber cannot know that ``"Ann Lee"`` in a column is a name; the
    classifier can (name hints plus value validation), so a column it calls
    sensitive is replaced cell by cell with ``[INFO_TYPE]`` (text) or NULL
    (anything else); free text in the remaining columns is scrubbed span by span.
    """
    from airflow_plugin.config import flag
    from maskline.classify import classify
    from maskline.text import scrub_value

    if not flag("scrub_xcom_dataframes"):
        return frame
    if frame.attrs.get(MASKED_BY_POLICY):
        return frame  # masked by @task.maskline with a policy: keep its joinable tokens and masked shapes
    verdicts = classify(frame).by_name() if len(frame.columns) and len(frame) else {}
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        verdict = verdicts.get(str(column))
        if verdict is not None and verdict.info_type:
            placeholder = f"[{verdict.info_type}]"
            out[column] = series.map(lambda v, p=placeholder: p if isinstance(v, str) else None)
        elif _is_text(series):
            out[column] = series.map(lambda v: scrub_value(v) if isinstance(v, (str, dict, list)) else v)
    return out


def scrub_xcom_value(value: Any) -> Any:
    """The value with PII and secrets replaced, of the same type and shape.

    >>> scrub_xcom_value(42)
    42
    >>> scrub_xcom_value({"to": "alice@example.com"})  # doctest: +SKIP
    {'to': '<EMAIL>'}
    """
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if _is_dataframe(value):
        return _scrub_frame(value)
    if isinstance(value, (str, dict, list, tuple)):
        from maskline.text import scrub_value

        scrubbed = scrub_value(value)
        return tuple(scrubbed) if isinstance(value, tuple) and isinstance(scrubbed, list) else scrubbed
    return value


class MaskingXComBackend(BaseXCom):
    """The default XCom backend, with every value scrubbed before it is serialized.

    >>> MaskingXComBackend.serialize_value(7)
    7
    """

    @staticmethod
    def serialize_value(value: Any, *, key: str | None = None, task_id: str | None = None,
                        dag_id: str | None = None, run_id: str | None = None, map_index: int | None = None) -> Any:
        return BaseXCom.serialize_value(scrub_xcom_value(value), key=key, task_id=task_id, dag_id=dag_id,
                                        run_id=run_id, map_index=map_index)
