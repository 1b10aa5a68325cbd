"""``maskline_identity`` for runs no hook reaches: Airflow DAG runs and the SQL queries inside a task.

Airflow's provider calls ``custom_run_facets`` for task events only. A DAG run's
event still tells who triggered it and who owns the DAG (its ``airflowDagRun``
facet), and a query job's event names its parent task run, whose identity the
transformer has seen moments before in the same process. Both get their
``maskline_identity`` here.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from typing import Any

from openlineage_ext.facets import IDENTITY, identity_facet
from openlineage_ext.identity import Principal, agent_principals, kind_of, os_user, resolve_identity

_SEEN: OrderedDict[str, Any] = OrderedDict()  # run id -> identity facet, most recent last
_SEEN_MAX = 2048


def remember(run_id: str, facet: Any) -> None:
    """Keep a run's identity so that its child runs (queries) can carry it too.

    >>> remember("run-a", "identity of a"); _SEEN["run-a"]
    'identity of a'
    """
    _SEEN[run_id] = facet
    _SEEN.move_to_end(run_id)
    while len(_SEEN) > _SEEN_MAX:
        _SEEN.popitem(last=False)


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def dag_run_identity(dag_run_facet: Any, naming: str | None = None) -> Any:
    """The identity of an Airflow DAG run from its ``airflowDagRun`` facet (read before it is scrubbed):
    trigger, DAG owners, this process's OS account, and an agent named in the run's conf, as for a task.

    >>> facet = {"dag": {"owner": "data-eng, svc_masking"}, "dagRun": {"triggering_user_name": "alice"}}
    >>> ident = dag_run_identity(facet, naming="name")
    >>> ident.triggered_by.name, [p.name for p in ident.principals][:3]
    ('alice', ['alice', 'data-eng', 'svc_masking'])
    """
    dag = _get(dag_run_facet, "dag") or {}
    dag_run = _get(dag_run_facet, "dagRun") or {}
    principals: list[Principal] = []
    trigger = _get(dag_run, "triggering_user_name")
    if trigger:
        principals.append(Principal(kind_of(str(trigger)), str(trigger), "airflow.triggering_user"))
    for owner in str(_get(dag, "owner") or "").split(","):
        owner = owner.strip()
        if owner and owner != "airflow":
            principals.append(Principal(kind_of(owner), owner, "airflow.dag_owner"))
    me = os_user()
    if me:
        principals.append(me)
    conf = _get(dag_run, "conf")
    principals.extend(agent_principals(conf=conf if isinstance(conf, dict) else None))
    return resolve_identity(principals, naming=naming)


def _current_task_identity(parent: Any, naming: str | None) -> Any:
    """Inside a running Airflow task, the identity of that task, if the event's parent job is that task.

    The provider may emit a task's query events before the task's own START, so the
    identity cannot always come from an earlier event; Airflow is only consulted when
    it is already loaded (a dbt-ol process never imports it).
    """
    if "airflow.sdk" not in sys.modules:
        return None
    try:
        from airflow.sdk import get_current_context

        from openlineage_ext.airflow_identity import task_identity

        context = get_current_context()
        ti = context["ti"]
        parent_job = str(_get(_get(parent, "job"), "name") or "")
        if parent_job != f"{ti.dag_id}.{ti.task_id}":
            return None
        return identity_facet(task_identity(ti, context, naming=naming))
    except Exception:  # noqa: BLE001 - outside a task, or no context in this thread
        return None


def complete_identity(event: Any, naming: str | None = None) -> Any:
    """Add ``maskline_identity`` to a DAG-run or child-query event that lacks it; remember every one seen.

    >>> from types import SimpleNamespace as NS
    >>> remember("task-run", "the task's identity")
    >>> query = NS(run=NS(runId="query-run", facets={"parent": {"run": {"runId": "task-run"}}}))
    >>> complete_identity(query).run.facets[IDENTITY]  # a query run inherits its parent task's identity
    "the task's identity"
    """
    run = getattr(event, "run", None)
    if run is None:
        return event
    facets = run.facets if run.facets is not None else {}
    if IDENTITY in facets:
        remember(str(run.runId), facets[IDENTITY])
        return event
    parent = facets.get("parent")
    parent_run_id = _get(_get(parent, "run"), "runId") if parent is not None else None
    # Cheapest source first: the task's identity costs connection lookups, so only when the parent is unseen.
    identity = _SEEN.get(str(parent_run_id)) if parent_run_id is not None else None
    if identity is None and parent is not None:
        identity = _current_task_identity(parent, naming)
    if identity is None and "airflowDagRun" in facets:
        identity = identity_facet(dag_run_identity(facets["airflowDagRun"], naming))
    if identity is None:
        return event
    run.facets = {**facets, IDENTITY: identity}
    remember(str(run.runId), identity)
    return event
