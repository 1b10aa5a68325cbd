"""A mapped task's early map index label when maskline cannot decide it or cannot send it: never kept raw.

Airflow renders ``map_index_template`` once before its listeners run and sends that label to the metadata database;
:mod:`airflow_plugin.map_index` replaces it through the task runner's channel to its supervisor
(``task_runner.SUPERVISOR_COMMS``, which the Task SDK offers no public call for). These tests take that channel away,
as another Airflow version might, or make the decision fail, and check the fallback: the task instance carries a
decided label whatever happens. The real run with the channel is in tests/airflow/test_xcom_keys.py (greet_early).
"""

from __future__ import annotations

import logging
from typing import Any

import pytest

RAW = "Ann Lee"


class _TaskInstance:
    """What the listener reads of a RuntimeTaskInstance: the early label and the cached template context."""

    def __init__(self) -> None:
        self.rendered_map_index = RAW
        self.context: dict[str, Any] = {"map_index_template": "{{ task.op_kwargs['name'] }}"}

    def get_template_context(self) -> dict[str, Any]:
        return self.context


class _Comms:
    def __init__(self) -> None:
        self.sent: list[Any] = []

    def send(self, msg: Any) -> None:
        self.sent.append(msg)


def test_the_decided_early_label_is_sent_through_the_task_runners_channel(monkeypatch):
    from airflow.sdk.execution_time import task_runner

    from airflow_plugin import map_index

    comms = _Comms()
    monkeypatch.setattr(task_runner, "SUPERVISOR_COMMS", comms, raising=False)
    ti = _TaskInstance()
    map_index.on_task_instance_running(None, ti)
    assert ti.rendered_map_index == "[MASKED]"
    assert [m.rendered_map_index for m in comms.sent] == ["[MASKED]"]


def test_without_the_channel_the_task_instance_still_carries_the_decided_label(monkeypatch, caplog):
    from airflow.sdk.execution_time import task_runner

    from airflow_plugin import map_index

    monkeypatch.delattr(task_runner, "SUPERVISOR_COMMS", raising=False)
    ti = _TaskInstance()
    with caplog.at_level(logging.WARNING, logger=map_index.__name__):
        map_index.on_task_instance_running(None, ti)
    assert ti.rendered_map_index == "[MASKED]"
    assert map_index.LABEL in ti.context  # the label rendered after the run is decided too
    # The warning says what stays where and until when, and how to avoid it; it quotes no label.
    assert "until then the database keeps the early one" in caplog.text
    assert "get_current_context()" in caplog.text
    assert RAW not in caplog.text


def test_a_label_that_cannot_be_decided_is_masked_not_kept(monkeypatch, caplog):
    from airflow.sdk.execution_time import task_runner

    from airflow_plugin import map_index, xcom_labelled

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(f"cannot classify {RAW}")  # a failure whose text holds the value

    monkeypatch.setattr(xcom_labelled, "_labels", failing)
    comms = _Comms()
    monkeypatch.setattr(task_runner, "SUPERVISOR_COMMS", comms, raising=False)
    ti = _TaskInstance()
    with caplog.at_level(logging.WARNING, logger=map_index.__name__):
        map_index.on_task_instance_running(None, ti)
    assert ti.rendered_map_index == "[MASKED]"
    assert [m.rendered_map_index for m in comms.sent] == ["[MASKED]"]
    assert map_index.label(RAW) == "[MASKED]"  # the label rendered after the run, too
    assert RAW not in caplog.text and "RuntimeError" in caplog.text


@pytest.mark.parametrize("label", ["us-east-1", ""])
def test_a_name_or_no_early_label_is_left_as_airflow_sent_it(monkeypatch, label):
    from airflow.sdk.execution_time import task_runner

    from airflow_plugin import map_index

    comms = _Comms()
    monkeypatch.setattr(task_runner, "SUPERVISOR_COMMS", comms, raising=False)
    ti = _TaskInstance()
    ti.rendered_map_index = label
    map_index.on_task_instance_running(None, ti)
    assert ti.rendered_map_index == label and comms.sent == []
