"""The shared dag.test() runner frees each DAG's failed tasks at once and stops Airflow's listeners before it
leaves with os._exit (unit tests with a fake DagBag and listener manager; no dag.test())."""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path
from typing import Any

import pytest


class Held:
    """Stands for what a failed task's frames hold (an open DuckDB connection); weakref-able."""


class FakeRun:
    state = "failed"
    run_id = "manual"

    def get_task_instances(self) -> list[Any]:
        return []


def _failed_task_cycle(refs: list[Any]) -> None:
    """What dag.test() leaves: an error whose traceback's frame holds the task's objects and the error itself."""
    held = Held()
    refs.append(weakref.ref(held))
    try:
        raise RuntimeError("task failed")
    except RuntimeError as e:
        error = e  # noqa: F841 - the frame holds the error, its traceback holds the frame: a cycle


class FakeDag:
    def __init__(self, refs: list[Any]) -> None:
        self.refs = refs

    def test(self) -> FakeRun:
        _failed_task_cycle(self.refs)
        return FakeRun()


@pytest.fixture()
def no_automatic_gc() -> Any:
    enabled = gc.isenabled()
    gc.disable()
    yield
    if enabled:
        gc.enable()


def test_the_fake_failed_task_survives_until_the_cyclic_gc(no_automatic_gc: None) -> None:
    # The control: without a collection the cycle, and what it holds, stays.
    refs: list[Any] = []
    _failed_task_cycle(refs)
    assert refs[0]() is not None
    gc.collect()
    assert refs[0]() is None


def test_the_runner_frees_each_dags_failed_tasks_before_the_next(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                                  no_automatic_gc: None) -> None:
    from airflow.dag_processing import dagbag

    from airflow_plugin import demo

    refs: list[Any] = []
    alive_when_next_dag_ran: list[bool] = []

    class Dag(FakeDag):
        def test(self) -> FakeRun:
            alive_when_next_dag_ran.extend(r() is not None for r in refs)
            return super().test()

    class Bag:
        import_errors: dict[str, str] = {}

        def __init__(self, dag_folder: str) -> None:
            pass

        def get_dag(self, dag_id: str) -> Dag:
            return Dag(refs)

    monkeypatch.setattr(dagbag, "DagBag", Bag)
    monkeypatch.setenv("AIRFLOW__CORE__DAGS_FOLDER", str(tmp_path))
    demo._run_in_process(["a", "b"], tmp_path / "out.json")
    assert alive_when_next_dag_ran == [False]
    assert [r() for r in refs] == [None, None]
    assert json.loads((tmp_path / "out.json").read_text())["a"]["state"] == "failed"


def test_the_runner_tells_the_listeners_it_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    from airflow.listeners import listener

    from airflow_plugin import demo

    stopped: list[str] = []

    class Hook:
        def before_stopping(self, component: Any) -> None:
            stopped.append(type(component).__name__)

    class Manager:
        hook = Hook()

    monkeypatch.setattr(listener, "get_listener_manager", lambda: Manager())
    demo._stop_listeners()
    assert stopped == ["DagTestRunner"]
