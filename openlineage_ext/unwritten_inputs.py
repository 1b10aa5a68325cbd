"""Keep a START event from reading a dataset whose writer in this process has started but not ended.

dbt-ol (reading ``run_results.json`` after the build) sends every model's START before any COMPLETE, so a
downstream model's START names as input a table whose writing model has not completed *in the event stream*,
although it had in the build. Marquez 0.51.1 then finds no current version of that table, makes one of its own
from the reader's schema (``createdByRun: null``, only the columns the reader names) and makes it current
(``OpenLineageDao.upsertDataset``). That version heads the table's version history: the masked table's newest
version has neither the writer's columns, nor its masking facets, nor its field tags.

So this process remembers which runs started writing which datasets, and a START event names as input none a
run other than its own is still writing, in the same invocation (the runs' ``parent`` run: one ``dbt-ol build``;
events without a parent share one scope). Nothing is lost: the same run's COMPLETE names its inputs again (dbt-ol
repeats them), by which time the writer's COMPLETE has made its version current, and Marquez records the read
against that version. Only START events lose inputs, and only to a writer that has not ended.
"""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
# (parent run, namespace, dataset) -> ids of the runs whose START named it as output and that sent no end event yet
_writing: dict[tuple[str, str, str], set[str]] = {}
_ENDS = ("COMPLETE", "FAIL", "ABORT")


def _kind(event: Any) -> str:
    kind = getattr(event, "eventType", None)
    return str(getattr(kind, "value", kind) or "")


def _parent(event: Any) -> str:
    parent = (getattr(getattr(event, "run", None), "facets", None) or {}).get("parent")
    return str(getattr(getattr(parent, "run", None), "runId", "") or "")


def hold_back_unwritten_inputs(event: Any) -> list[tuple[str, str]]:
    """Note the event's writes; drop from a START's inputs each dataset another run is still writing.
    Returns the ``(namespace, name)`` of the inputs dropped.

    >>> from openlineage.client.event_v2 import InputDataset, Job, OutputDataset, Run, RunEvent, RunState
    >>> def event(kind, run, inputs=(), outputs=()):
    ...     return RunEvent(eventType=kind, eventTime="2026-12-06T12:00:00Z", run=Run(runId=run),
    ...                     job=Job(namespace="dbt", name=run), producer="https://example.com/p",
    ...                     inputs=[InputDataset("duckdb", n) for n in inputs],
    ...                     outputs=[OutputDataset("duckdb", n) for n in outputs])
    >>> w, r = "0190a4c2-1234-7000-8000-00000000000a", "0190a4c2-1234-7000-8000-00000000000b"
    >>> hold_back_unwritten_inputs(event(RunState.START, w, ["raw.t"], ["main.stg"]))
    []
    >>> early = event(RunState.START, r, ["main.stg", "raw.o"], ["main.report"])
    >>> hold_back_unwritten_inputs(early), [i.name for i in early.inputs]
    ([('duckdb', 'main.stg')], ['raw.o'])
    >>> hold_back_unwritten_inputs(event(RunState.COMPLETE, w, ["raw.t"], ["main.stg"]))
    []
    >>> hold_back_unwritten_inputs(event(RunState.START, r, ["main.stg"], ["main.report"]))  # the writer ended
    []
    """
    run = str(getattr(getattr(event, "run", None), "runId", "") or "")
    kind = _kind(event)
    scope = _parent(event)
    outputs = [(scope, o.namespace, o.name) for o in getattr(event, "outputs", None) or []]
    with _lock:
        if kind == "START" and run:
            for ds in outputs:
                _writing.setdefault(ds, set()).add(run)
        elif kind in _ENDS:
            for ds in [*outputs, *(k for k in _writing if k[0] == scope)]:  # an end need not repeat its outputs
                runs = _writing.get(ds)
                if runs is not None:
                    runs.discard(run)
                    if not runs:
                        del _writing[ds]
        if kind != "START":
            return []
        inputs = list(getattr(event, "inputs", None) or [])
        held = [i for i in inputs if _writing.get((scope, i.namespace, i.name), set()) - {run}]
    if held:
        event.inputs = [i for i in inputs if not any(i is h for h in held)]
    return [(i.namespace, i.name) for i in held]
