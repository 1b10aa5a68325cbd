"""Agent activity in OpenLineage: one run per tool call, child of the task's run, and totals on the task.

Each call of :class:`~airflow_plugin.agents.masked_sql_toolset.MaskedSQLToolset`
becomes a run of the job ``<dag_id>.<task_id>.agent_query.<tables>`` (one job per set of tables read,
:func:`openlineage_ext.agent_call_jobs.call_job_name`, so Marquez shows every table the agent read on its
page; a call that read none, such as a refused one, is a run of ``<dag_id>.<task_id>.agent_query``) whose
``parent`` facet points at the task's run (and the DAG run as root): a START, then a COMPLETE or FAIL
event (:func:`start_event`, :func:`call_event`). The final event carries:

- the ``sql`` job facet with the query the model wrote, its literals redacted;
- the tables read as input datasets, named as the table's other lineage names them (namespace and
  ``database.schema.table`` of :func:`airflow_plugin.lineage.dataset_namespace` and
  :func:`airflow_plugin.lineage.dataset_name`), each with a typed ``schema`` (the columns the rewrite
  read from the catalog, so Marquez shows them) and ``maskline_masking`` (the policy's
  decision for its columns);
- ``maskline_identity``: executed by the agent (kind ``agent``, named by its model),
  on behalf of the DAG run's triggering user, else the task or DAG owner;
- ``maskline_agent``: the tool, the outcome, the masked output columns and their
  sources, rows and cells masked; a refusal is a ``FAIL`` event that also carries
  the standard ``errorMessage`` facet with the (scrubbed) reason.

The task's own START/COMPLETE events get the totals (queries, refusals, cells
masked) from :func:`agent_run_facets`, enabled with::

    [openlineage]
    custom_run_facets = openlineage_ext.airflow_run_facets.identity_run_facets;airflow_plugin.agents.lineage.agent_run_facets

Events go through one OpenLineage client per process, built as the Airflow provider builds its own
(``[openlineage] transport``, ``config_path``...) and guarded by maskline
(:class:`openlineage_ext.guarded_transport.GuardedTransport`, or the ``transform`` transport with maskline's
transformer): that transport is the one boundary every event crosses, and it scrubs each event exactly once,
on the sender's thread, before the user's transport sees it. Lineage is best effort: nothing here raises
into the task.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attr
from openlineage.client.facet_v2 import RunFacet

from airflow_plugin.agents.activity import AgentTally, ToolCall, tally_for, task_key

if TYPE_CHECKING:
    from openlineage_ext.identity import Identity

log = logging.getLogger(__name__)

AGENT_FACET = "maskline_agent"
FACET_VERSION = "1-0-0"
SCHEMA_DIR = Path(__file__).with_name("schemas") / FACET_VERSION
SCHEMA_URL = ("https://raw.githubusercontent.com/maskline/maskline/main/airflow_plugin/agents/schemas/"
              f"{FACET_VERSION}/MasklineAgentRunFacet.json#/$defs/MasklineAgentRunFacet")
JOB_SUFFIX = "agent_query"
INTEGRATION = "MASKLINE"


@attr.define
class MasklineAgentRunFacet(RunFacet):
    """``maskline_agent``: one tool call (``tool``, ``outcome``...) or an agent task's totals. No values."""

    queries: int
    refusals: int
    cellsMasked: int
    rowsReturned: int = attr.field(default=0)
    model: str | None = attr.field(default=None)
    tool: str | None = attr.field(default=None)
    outcome: str | None = attr.field(default=None)
    reason: str | None = attr.field(default=None)
    maskedColumns: list[dict[str, Any]] | None = attr.field(default=None)

    @staticmethod
    def _get_schema() -> str:
        return SCHEMA_URL


@cache
def facet_schema() -> dict[str, Any]:
    """The JSON schema of ``maskline_agent`` shipped beside this module.

    >>> sorted(facet_schema()["$defs"])
    ['MasklineAgentRunFacet']
    """
    import json

    return json.loads((SCHEMA_DIR / "MasklineAgentRunFacet.json").read_text(encoding="utf-8"))


def tally_facet(tally: AgentTally) -> MasklineAgentRunFacet:
    """The totals of an agent task.

    >>> from airflow_plugin.agents.activity import AgentTally, ToolCall
    >>> t = AgentTally(model="test"); t.add(ToolCall("query", "refused"))
    >>> tally_facet(t).refusals
    1
    """
    from openlineage_ext.facets import producer

    return MasklineAgentRunFacet(queries=tally.queries, refusals=tally.refusals, cellsMasked=tally.cells_masked,
                                 rowsReturned=tally.rows, model=tally.model, producer=producer())


def call_facet(call: ToolCall, model: str | None) -> MasklineAgentRunFacet:
    """One tool call.

    >>> from airflow_plugin.agents.activity import ToolCall
    >>> call_facet(ToolCall("query", "refused", reason="DELETE"), "test").outcome
    'refused'
    """
    from openlineage_ext.facets import producer

    return MasklineAgentRunFacet(
        queries=int(call.tool == "query" and call.outcome == "executed"), refusals=int(call.refused),
        cellsMasked=call.cells_masked, rowsReturned=call.rows, model=model, tool=call.tool, outcome=call.outcome,
        reason=call.reason, maskedColumns=[c.as_dict() for c in call.masked_columns], producer=producer())


def agent_identity(model: str, acting_for: Any, ti: Any, context: Mapping[str, Any] | None) -> Identity:
    """``maskline_identity`` of an agent's call: executed by the agent (named by its model) for ``acting_for``.

    >>> from types import SimpleNamespace as NS
    >>> from openlineage_ext.identity import Principal
    >>> task = NS(owner="data-eng", run_as_user=None)
    >>> ctx = {"dag_run": NS(triggering_user_name="alice", conf={}), "task": task, "dag": None}
    >>> ident = agent_identity("openai:gpt-5", Principal("user", "alice", "agent.on_behalf_of"), NS(task=task), ctx)
    >>> ident.executed_by.kind, ident.executed_by.name, ident.on_behalf_of.name
    ('agent', 'openai:gpt-5', 'alice')
    """
    from openlineage_ext.identity import Principal, resolve_identity

    principals = [Principal("agent", model or "unknown-model", "agent")]
    if acting_for is not None:
        principals.append(acting_for)
    try:
        from openlineage_ext.airflow_identity import task_principals

        principals.extend(p for p in task_principals(ti, context) if p.origin not in ("agent", "agent.on_behalf_of"))
    except Exception as e:  # noqa: BLE001 - the agent and its principal are already known
        log.debug("maskline: task principals unavailable (%s)", type(e).__name__)
    naming = None
    try:
        from openlineage_ext.airflow_identity import _conf_option

        naming = _conf_option("maskline", "identity_names")
    except Exception:  # noqa: BLE001
        naming = None
    return resolve_identity(principals, naming=naming)


def _parent_facet(ti: Any) -> Any:
    from airflow.providers.openlineage.plugins.macros import (
        lineage_job_name,
        lineage_job_namespace,
        lineage_root_run_id,
        lineage_run_id,
    )
    from openlineage.client.facet_v2 import parent_run

    namespace = lineage_job_namespace()
    root = None
    try:
        root = parent_run.Root(run=parent_run.RootRun(runId=lineage_root_run_id(ti)),
                               job=parent_run.RootJob(namespace=namespace, name=str(ti.dag_id)))
    except Exception:  # noqa: BLE001 - the parent is enough to place the call under its task
        root = None
    return parent_run.ParentRunFacet(run=parent_run.Run(runId=lineage_run_id(ti)),
                                     job=parent_run.Job(namespace=namespace, name=lineage_job_name(ti)), root=root)


def call_event(call: ToolCall, *, ti: Any, identity: Identity, model: str | None, db_namespace: str,
               plans: Mapping[str, Any] | None = None, dialect: str | None = None,
               dataset_names: Mapping[str, str] | None = None, key_check: Mapping[str, Any] | None = None) -> Any:
    """The OpenLineage ``RunEvent`` of one tool call (COMPLETE, or FAIL when refused or failed).

    ``key_check`` names the key the call's keyed methods masked with (:func:`maskline.keys.key_check`).

    ``dataset_names`` maps each table as the query named it to its OpenLineage dataset name
    (``database.schema.table``, as maskline's operators and the provider name it), so the call reads the same
    dataset node in Marquez as the task that wrote the table; a table it lacks keeps the query's spelling.
    """
    from airflow.providers.openlineage.plugins.macros import lineage_job_name, lineage_job_namespace
    from openlineage.client.event_v2 import InputDataset, Job, Run, RunEvent, RunState
    from openlineage.client.facet_v2 import job_type_job, sql_job
    from openlineage.client.uuid import generate_new_uuid

    from airflow_plugin.lineage import renamed_types
    from openlineage_ext.agent_call_jobs import call_job_name
    from openlineage_ext.facets import IDENTITY, identity_facet, input_schema_facet, masking_facet, producer
    from openlineage_ext.own_error import own_error_message

    run_facets: dict[str, Any] = {
        "parent": _parent_facet(ti),
        IDENTITY: identity_facet(identity),
        AGENT_FACET: call_facet(call, model),
    }
    if call.outcome != "executed":
        # maskline's own text, said by the facet's type: lineage withholds a message without a stack trace
        run_facets["errorMessage"] = own_error_message(
            f"maskline {call.outcome} the agent's {call.tool}: {call.reason or 'no reason given'}")
    job_facets: dict[str, Any] = {
        "jobType": job_type_job.JobTypeJobFacet(processingType="BATCH", integration=INTEGRATION,
                                               jobType="AGENT_QUERY", producer=producer()),
    }
    if call.sql:
        job_facets["sql"] = sql_job.SQLJobFacet(query=call.sql, dialect=dialect, producer=producer())
    inputs = []
    for table in call.tables:
        facets: dict[str, Any] = {}
        plan = (plans or {}).get(table)
        if plan is not None:
            # The plan's columns are the catalog's (the rewrite read them), typed as the SQL extractor names them.
            facets["schema"] = input_schema_facet(renamed_types(plan, dialect))
            facets["maskline_masking"] = masking_facet(plan, rows=call.rows or None, engine=dialect,
                                                       key_check=key_check)
        name = (dataset_names or {}).get(table, table)
        inputs.append(InputDataset(namespace=db_namespace, name=name, facets=facets))
    return RunEvent(
        eventType=RunState.COMPLETE if call.outcome == "executed" else RunState.FAIL,
        eventTime=datetime.now(UTC).isoformat(),
        run=Run(runId=str(generate_new_uuid()), facets=run_facets),
        job=Job(namespace=lineage_job_namespace(),
                name=call_job_name(f"{lineage_job_name(ti)}.{JOB_SUFFIX}", [d.name for d in inputs]), facets=job_facets),
        inputs=inputs, outputs=[], producer=producer())


def start_event(end: Any, started: str | None = None) -> Any:
    """The START of a tool call's run, sent before ``end`` (its COMPLETE or FAIL): same run, job and inputs.

    Marquez takes a run's start time from its START event; a run with only an end shows as started at the
    epoch (1970) with no runtime. The START carries only the ``parent`` facet: the identity, the agent facet
    and the error belong to how the call ended.

    >>> from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
    >>> end = RunEvent(eventType=RunState.FAIL, eventTime="2026-12-05T21:00:01+00:00",
    ...                run=Run(runId="0190a4c2-0000-7000-8000-000000000000", facets={}), job=Job("ns", "d.t.agent_query"))
    >>> start = start_event(end, "2026-12-05T21:00:00+00:00")
    >>> start.eventType.value, start.run.runId == end.run.runId, start.eventTime
    ('START', True, '2026-12-05T21:00:00+00:00')
    """
    from openlineage.client.event_v2 import Run, RunState

    facets = {k: v for k, v in (end.run.facets or {}).items() if k == "parent"}
    return attr.evolve(end, eventType=RunState.START, eventTime=started or end.eventTime,
                       run=Run(runId=end.run.runId, facets=facets))


def emit(event: Any) -> bool:
    """Queue ``event`` for this process's OpenLineage client; False if lineage is off or it could not be queued.

    The event is sent by a background thread (:mod:`openlineage_ext.background_emit`): a lineage server that is
    down or slow never holds the agent's answer. It is scrubbed once, by the client's guarded transport
    (:func:`_client`), with the names proven for its run (:mod:`openlineage_ext.run_names`), before the user's
    transport sees it; one that cannot be scrubbed is dropped there. The task's end waits for the queue
    (:func:`flush`).

    >>> emit(None)  # lineage off, or nothing to send: False, never an exception
    False
    """
    try:
        from airflow.providers.openlineage import conf as ol_conf

        if event is None or ol_conf.is_disabled():
            return False
        client = _client()  # the task's configuration, read now: the sender's thread sends through this client
        sender = _sender()
        queued = copy.deepcopy(event)  # what the toolset built now, whatever the caller does with it next
    except Exception as e:  # noqa: BLE001 - lineage must never fail a task
        from maskline.errors import structured_message  # a maskline error's what/where/fix, else its class

        log.warning("maskline: could not queue the agent's tool-call event (%s); it was not sent",
                    structured_message(e))
        return False
    return bool(sender.submit((client, queued)))


def flush(timeout: float | None = None) -> bool:
    """Wait up to ``timeout`` seconds (default ``MASKLINE_LINEAGE_FLUSH_SECONDS``, 10) for the queued tool-call
    events to be sent (the task's end); False, with a warning saying how many and where they were going, if some
    were not.

    >>> flush(1)
    True
    """
    return bool(_sender().flush(timeout))


@cache
def _sender() -> Any:
    from openlineage_ext.background_emit import BackgroundSender

    return BackgroundSender(_send, where=_destination, who="maskline agent toolset")


def _client() -> Any:
    """This process's OpenLineage client, guarded by maskline: built once per lineage configuration (as the
    provider reads it: ``[openlineage] config_conn_id``, ``config_path``, ``transport``, or the legacy
    ``OPENLINEAGE_URL``/``OPENLINEAGE_CONFIG``), not once per event, and rebuilt only when that configuration
    changes. Its transport scrubs every event (:func:`openlineage_ext.guarded_transport.guard_client`, a no-op when
    the user's ``transform`` transport already runs maskline's transformer), whether or not the plugin's lineage
    protection is on."""
    import json
    import os

    from airflow.providers.openlineage import conf
    from airflow.providers.openlineage.plugins.adapter import OpenLineageAdapter

    from openlineage_ext.guarded_transport import guard_client

    key = json.dumps([conf.config_conn_id(), conf.config_path(check_legacy_env_var=False), conf.transport(),
                      os.environ.get("OPENLINEAGE_URL"), os.environ.get("OPENLINEAGE_CONFIG")],
                     sort_keys=True, default=str)
    with _CLIENT_LOCK:
        if _CLIENT.get("key") != key:
            _CLIENT.update(key=key, client=guard_client(OpenLineageAdapter().get_or_create_openlineage_client()))
        return _CLIENT["client"]


_CLIENT: dict[str, Any] = {}
_CLIENT_LOCK = threading.Lock()  # tool calls of one toolset may run on several threads


def _destination() -> str:
    from openlineage_ext.destination import destination

    return destination(_client())


def _send(queued: tuple[Any, Any]) -> None:
    """Send one scrubbed event through its client now (on the sender's thread); a failure is a warning naming
    where it was going."""
    client, event = queued
    try:
        client.emit(event)
    except Exception as e:  # noqa: BLE001 - lineage must never fail a task
        from openlineage_ext.destination import destination

        log.warning("maskline: could not send the agent's tool-call event to %s (%s); the call went on without it. "
                    "Fix: check that the lineage server answers there, or [openlineage] transport",
                    destination(client), type(e).__name__)


def agent_run_facets(ti: Any, ti_state: Any) -> dict[str, Any]:
    """``{"maskline_agent": totals}`` for an agent task's events; ``{}`` for other tasks (``custom_run_facets``).

    >>> from types import SimpleNamespace as NS
    >>> agent_run_facets(NS(dag_id="d", run_id="r", task_id="not-an-agent", map_index=-1), "success")
    {}
    """
    try:
        tally = tally_for(task_key(ti))
        return {AGENT_FACET: tally_facet(tally)} if tally is not None else {}
    except Exception as e:  # noqa: BLE001 - lineage must never fail a task
        log.warning("maskline: no agent facet for this task (%s)", type(e).__name__)
        return {}
